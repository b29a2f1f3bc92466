"""Draft minutes in Word: read back in document order, with their styles, text, labels and marking."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from scrutui.export.docx import render_minutes, write_minutes
from scrutui.export.minutes_export import MinutesExport, default_filename, export_minutes, file_slug
from scrutui.export.pdf import find_soffice
from scrutui.export.template import default_template, load_template
from scrutui.minutes import MinutesDocument, Paragraph, Style
from scrutui.models import AgendaItem, Committee, Meeting, MinutesStatus, Narrative, Question, unfilled_blank
from scrutui.store import Store
from tests.export.helpers import (
    CANARY_TEXT,
    CANARY_TITLE,
    EXPECTED_PUBLIC,
    build_meeting,
    every_part,
    footers_xml,
    headers,
    open_document,
    paragraphs,
)

SPECIAL = "Smith & Jones <Ltd> \"quoted\" 'single' {{ x }} {% if y %}z{% endif %} {_{ }_} {# c #} 😀 ŵ ŷ Ŵ Ŷ"
RIGHT_TO_LEFT = "مرحبا بالعالم שלום עולם"


def export(store: Store, meeting_id: int, folder: Path, **options: object) -> Path:
    return export_minutes(store, MinutesExport(meeting_id=meeting_id, folder=folder, **options)).docx  # type: ignore[arg-type]


def test_a_meeting_built_here_reads_back_in_order_with_its_styles(store: Store, tmp_path: Path) -> None:
    meeting_id = build_meeting(store)
    path = export(store, meeting_id, tmp_path)
    assert path == tmp_path / "health-scrutiny-committee-minutes-2026-12-03.docx"
    assert paragraphs(path) == EXPECTED_PUBLIC
    assert headers(path) == ["Health Scrutiny Committee\tDRAFT"]
    footer = footers_xml(path)
    assert "PAGE" in footer and "NUMPAGES" in footer and "Minutes of 3 December 2026" in footer


def test_no_word_numbering_anywhere_but_the_bullets(store: Store, tmp_path: Path) -> None:
    """Minute numbers and labels are typed text, so references never shift: no paragraph and no
    style carries Word numbering, except the bulleted list's style."""
    path = export(store, build_meeting(store), tmp_path)
    document = open_document(path)
    assert not document.element.body.xpath(".//w:numPr")
    for style in Style:
        numbering = document.styles[style.value].element.xpath("./w:pPr/w:numPr")
        if style is Style.BULLET:
            assert len(numbering) == 1
        else:
            assert numbering == [], style


def test_the_demo_meeting(demo_store: Store, tmp_path: Path) -> None:
    path = export(demo_store, 2, tmp_path)
    found = paragraphs(path)
    styles = [style for style, _ in found]
    texts = [text for _, text in found]
    headings = [text for style, text in found if style == "Minute Heading"]
    # Minute numbers run on from the September meeting's (41 to 43) through the municipal year.
    assert headings == [
        "44.\tApologies for absence and substitutes",
        "45.\tDeclarations of interest",
        "46.\tMinutes of the previous meeting",
        "47.\tOfsted inspection of children's services: improvement plan",
        "48.\tSchool place planning",
        "49.\tWork programme",
        "50.\tExclusion of the press and public",
        "51.\tResidential placements: contract extension",
    ]
    assert found[:3] == [
        ("Minutes Title", "Children and Young People Scrutiny Committee (demo)"),
        (
            "Minutes Subtitle",
            "Minutes of the meeting held on 10 November 2026 at 6.30 pm, Committee Room 2, Shire Hall, Elmbridge",
        ),
        ("Minutes Mark", "DRAFT"),
    ]
    item4 = texts.index("47.\tOfsted inspection of children's services: improvement plan")
    resolved = texts.index("RESOLVED: That", item4)
    assert found[resolved : resolved + 4] == [
        ("Minute Decision", "RESOLVED: That"),
        ("Minute Decision Part", "(a)\tthe report be noted;"),
        (
            "Minute Decision Part",
            "(b)\ta standing review group of four Members be set up to follow the work of the improvement board; and",
        ),
        ("Minute Decision Part", "(c)\tthe Director of Children's Services report progress against the plan to each meeting."),
    ]
    themes = [text for style, text in found if style == "Minute Theme"]
    assert themes == ["Leadership", "Workforce", "Quality of practice"]
    assert not [text for text in texts if unfilled_blank(text)]  # no "<date>" left to fill in
    # A list after its lead-in sentence, each item a paragraph of its own in the list style.
    lead = texts.index("The inspectors had identified four areas for improvement, which included the following:")
    assert found[lead + 1 : lead + 5] == [
        # A Word list: Word draws the bullets, so the text has no typed "•".
        ("Minute Bullet", "The timeliness of assessments when a child was first referred"),
        ("Minute Bullet", "The recruitment and retention of social workers"),
        ("Minute Bullet", "The quality and consistency of supervision"),
        ("Minute Bullet", "How well the voice of the child was recorded"),
    ]
    # A section that opens with a narrative, under its heading.
    workforce = texts.index("Workforce")
    assert texts[workforce + 1].startswith("Members discussed the service's reliance on agency social workers")
    # Who was asked and who answered an assurance, in the minutes' words.
    assert (
        "Minute Body",
        "The Committee sought assurance from the Cabinet Member (Children and Families) that the improvement "
        "plan had the resources it needed. The Cabinet Member (Children and Families) advised that the Cabinet "
        "had approved additional funding of £1.2 million for the current year.",
    ) in found
    assert (
        "Minute Body",
        "The Committee sought assurance that reliance on agency social workers would fall. The Director of "
        "Children's Services acknowledged that a recruitment campaign would start in January but no target date "
        "could yet be given. The Committee was only partly assured and would keep the matter under review.",
    ) in found
    # After the end of the last section, the Chair's summary and its lettered list, then the decisions.
    summary = texts.index("The Chair summarised the discussion. The Committee would look for evidence that:")
    assert summary > texts.index("Quality of practice")
    assert found[summary + 1 : summary + 4] == [
        ("Minute List Item", "(a)\tassessments were completed on time;"),
        ("Minute List Item", "(b)\tcaseloads fell to the level the plan set; and"),
        ("Minute List Item", "(c)\taudits showed more consistent supervision."),
    ]
    assert styles[summary + 4] == "Minute Decision"
    assert (
        "Minute Body",
        "Councillor Owain Pryce asked how many social worker posts were vacant. In reply, the Head of Children "
        "and Families Casework said that there were 58 full-time equivalent posts, of which 51 were filled by "
        "permanent staff and five by agency workers.",
    ) in found
    assert ("Minute Decision", "AGREED: That the work programme be approved, with case audit findings added for the January meeting.") in found
    assert "Minute Purpose" in styles and styles.index("Minute Purpose") > item4
    document = open_document(path)
    props = document.core_properties
    assert props.title == "Children and Young People Scrutiny Committee (demo): minutes, 10 November 2026"
    assert props.subject == "Minutes of the meeting held on 10 November 2026"
    assert "2026-11-10" in props.keywords and props.author == "scrutui"
    assert props.created is not None and props.created.year >= 2024
    for section in document.sections:
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_public_export_holds_no_text_of_an_exempt_item(store: Store, tmp_path: Path) -> None:
    meeting_id = build_meeting(store)
    public = every_part(export(store, meeting_id, tmp_path))
    assert "CANARY" not in public and "Contract award" in public and "considered in private" in public
    secret = export(store, meeting_id, tmp_path, confidential=True)
    assert secret.name == "health-scrutiny-committee-minutes-2026-12-03-confidential.docx"
    found = paragraphs(secret)
    assert found[2:4] == [("Minutes Mark", "DRAFT"), ("Minutes Mark", "CONFIDENTIAL")]
    assert ("Minute Heading", f"4.\t{CANARY_TITLE}") in found
    assert ("Minute Body", f"{CANARY_TEXT}.") in found
    assert ("Minute Decision", "RESOLVED: That the CANARY-RESOLUTION-7731 contract be awarded.") in found
    assert all("CONFIDENTIAL" in header for header in headers(secret))
    assert open_document(secret).core_properties.category == "Minutes (confidential)"


def test_confidential_marking_is_on_every_page(store: Store, tmp_path: Path) -> None:
    """Each section's header (the one Word repeats on every page) carries the marking."""
    meeting_id = build_meeting(store)
    document = open_document(export(store, meeting_id, tmp_path, confidential=True))
    for section in document.sections:
        assert not section.different_first_page_header_footer
        assert "CONFIDENTIAL · DRAFT" in "".join(cell.text for table in section.header.tables for cell in table._cells)


def test_approved_minutes_are_not_marked_draft(store: Store, tmp_path: Path) -> None:
    meeting_id = build_meeting(store)
    store.meetings.set_status(meeting_id, MinutesStatus.APPROVED)
    path = export(store, meeting_id, tmp_path)
    assert all(style != "Minutes Mark" for style, _ in paragraphs(path))
    assert headers(path) == ["Health Scrutiny Committee\t"]


def _special_meeting(store: Store, text: str) -> int:
    committee = store.committees.add(Committee(name=f"{text} Committee"))
    assert committee.id is not None
    meeting = store.meetings.add(
        Meeting(committee_id=committee.id, date="2026-12-03", time="18:30", venue=text),
        [AgendaItem(meeting_id=0, number="1", title=text, purpose=text)],
    )
    assert meeting.id is not None
    item = store.agenda.for_meeting(meeting.id)[0]
    store.records.add(Narrative(agenda_item_id=item.id or 0, text=f"{text}."))
    store.records.add(
        Question(agenda_item_id=item.id or 0, asked_by=text, text="", answered_by="Director", answer=f"{text}\n{text}")
    )
    return meeting.id


@pytest.mark.parametrize("text", [SPECIAL, RIGHT_TO_LEFT, "Cyngor Sir Ynys Môn: ŵyr, ŷd, Ŵ, Ŷ", "👩🏽‍⚖️ 🏴󠁧󠁢󠁷󠁬󠁳󠁿 ☃"])
def test_special_text_survives_exactly(store: Store, tmp_path: Path, text: str) -> None:
    meeting_id = _special_meeting(store, text)
    path = export(store, meeting_id, tmp_path)
    found = paragraphs(path)
    assert found[0] == ("Minutes Title", f"{text} Committee")
    assert found[1] == ("Minutes Subtitle", f"Minutes of the meeting held on 3 December 2026 at 6.30 pm, {text}")
    assert ("Minute Heading", f"1.\t{text}") in found
    assert ("Minute Body", f"{text}.") in found
    assert (
        "Minute Body",
        f"In reply to a question from {text}, the Director said that {text}\n{text}.",
    ) in found
    # The header is filled in by the template's tags: the same text, exactly, not read as a tag.
    assert headers(path) == [f"{text} Committee\tDRAFT"]


def test_special_text_survives_every_tag_of_a_template(store: Store, tmp_path: Path) -> None:
    """Every value a template can show, typed with markup and Jinja syntax, comes out as typed."""
    meeting_id = _special_meeting(store, SPECIAL)
    template = tmp_path / "tags.docx"
    document = open_document(default_template())
    first = document.paragraphs[0]
    for tag in ("committee", "title", "subtitle", "venue", "date", "time", "status", "marking"):
        first.insert_paragraph_before(f"{tag}=[{{{{ {tag} }}}}]")
    first.insert_paragraph_before("{% if draft and not confidential %}public draft{% endif %}")
    first.insert_paragraph_before("{{ venue|upper }}")
    document.save(str(template))
    found = [text for _, text in paragraphs(export(store, meeting_id, tmp_path, template=template))]
    assert found[:10] == [
        f"committee=[{SPECIAL} Committee]",
        f"title=[{SPECIAL} Committee]",
        f"subtitle=[Minutes of the meeting held on 3 December 2026 at 6.30 pm, {SPECIAL}]",
        f"venue=[{SPECIAL}]",
        "date=[3 December 2026]",
        "time=[6.30 pm]",
        "status=[draft]",
        "marking=[DRAFT]",
        "public draft",
        SPECIAL.upper(),
    ]


def test_control_characters_never_break_an_export(store: Store, tmp_path: Path) -> None:
    nasty = "".join(chr(c) for c in range(32)) + "\ud800 \udfff \ufffe \uffff \x7f \x85 \u2028 end"
    meeting_id = _special_meeting(store, "Plain")
    item = store.agenda.for_meeting(meeting_id)[0]
    store.records.add(Narrative(agenda_item_id=item.id or 0, text=f"start {nasty}"))
    found = paragraphs(export(store, meeting_id, tmp_path))
    # Controls are dropped, lone surrogates become U+FFFD, line ends (and so a blank line) are kept.
    body = [text for style, text in found if style == "Minute Body"]
    assert body[-2:] == ["Start.", "\ufffd \ufffd   \x7f end."]


def test_a_document_built_by_hand_with_control_characters_still_renders(tmp_path: Path) -> None:
    """The renderer does not rely on the model alone: it drops what XML cannot hold."""
    document = MinutesDocument(
        committee="C\x00ommittee",
        title="Title\x01",
        subtitle="Sub\ud800title",
        status=MinutesStatus.DRAFT,
        confidential=False,
        front=(),
        items=(),
        meeting_date=dt.date(2026, 12, 3),
    )
    docx = render_minutes(document, load_template(default_template()))
    docx.save(str(tmp_path / "out.docx"))
    assert paragraphs(tmp_path / "out.docx")[:2] == [("Minutes Title", "Title"), ("Minutes Subtitle", "Subtitle")]


class Extended(MinutesDocument):
    """A document with a paragraph of every style after the minutes (at module level: a document is
    sent to the child process that renders it)."""

    def paragraphs(self):  # type: ignore[no-untyped-def]
        yield from super().paragraphs()
        for style in Style:
            yield Paragraph(style, f"text in {style.value}", label="L." if style is Style.PART else "")


def test_any_paragraph_a_document_yields_is_rendered_with_its_style(tmp_path: Path) -> None:
    """The renderer is generic: whatever paragraphs() yields comes out, in order, styled by name."""
    document = Extended(
        committee="C",
        title="T",
        subtitle="S",
        status=MinutesStatus.ISSUED,
        confidential=False,
        front=(),
        items=(),
        meeting_date=dt.date(2026, 12, 3),
    )
    path = write_minutes(document, tmp_path / "x.docx")
    found = paragraphs(path)
    assert found[3 : 3 + len(Style)] == [
        (style.value, ("L.\t" if style is Style.PART else "") + f"text in {style.value}") for style in Style
    ]


def test_default_file_names_are_safe_on_windows() -> None:
    day = dt.date(2026, 11, 10)
    assert default_filename("Children and Young People Scrutiny Committee (demo)", day) == (
        "children-and-young-people-scrutiny-committee-demo-minutes-2026-11-10.docx"
    )
    assert default_filename('A<b>:c"d/e\\f|g?h*i.', day, confidential=True) == (
        "a-b-c-d-e-f-g-h-i-minutes-2026-11-10-confidential.docx"
    )
    assert default_filename("CON", day) == "con-minutes-2026-11-10.docx"
    assert default_filename("😀", day) == "minutes-2026-11-10.docx"
    assert default_filename("Pwyllgor Craffu Môn", day) == "pwyllgor-craffu-môn-minutes-2026-11-10.docx"
    assert len(file_slug("x" * 500)) == 80
    for name in (default_filename(n, day) for n in ("a. ", " ..", "x\x00y", "tab\there")):
        assert not re.search(r'[<>:"/\\|?*\x00-\x1f]', name) and not name.startswith((".", "-"))


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_the_export_opens_in_libreoffice_and_its_pdf_holds_the_minutes(demo_store: Store, tmp_path: Path) -> None:
    result = export_minutes(demo_store, MinutesExport(meeting_id=2, folder=tmp_path, pdf=True))
    assert result.pdf is not None and result.pdf.exists()
    text = subprocess.run(
        [shutil.which("pdftotext") or "pdftotext", "-layout", str(result.pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    flat = " ".join(text.split())
    for number in ("44.", "45.", "46.", "47.", "48.", "49.", "50.", "51."):
        assert re.search(rf"(^|\n)\s*{re.escape(number)}\s+\S", text), number
    assert "RESOLVED: That the minutes of the meeting held on 15 September 2026 be confirmed" in flat
    assert "(a) the report be noted;" in flat
    assert "RECOMMENDED to Cabinet that the recruitment and retention package" in flat
    assert "Page 1 of" in flat and "DRAFT" in flat
