"""Minutes a screen reader can navigate, and that print well: Word headings, a real bulleted list,
the document's language, what keeps together on a page, hanging paragraph numbers, the header, and
a tagged PDF (the Public Sector Bodies Accessibility Regulations 2018). Read back from the .docx,
through pandoc, and through LibreOffice's PDF."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from scrutui.export.docx import NUMBER_HANG, render_minutes
from scrutui.export.minutes_export import MinutesExport, export_minutes
from scrutui.export.pdf import find_soffice
from scrutui.export.template import default_template, load_template
from scrutui.minutes import MinuteItem, MinutesDocument, Paragraph, Style
from scrutui.models import MinutesStatus
from scrutui.store import Store
from tests.export.helpers import (
    LONG_COMMITTEE,
    build_long_meeting,
    build_meeting,
    headers,
    open_document,
    paragraphs,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}
#: Each heading style and the level of Word heading it is based on.
HEADING_LEVELS = {Style.TITLE: 1, Style.ANNEX: 1, Style.SECTION: 2, Style.ITEM_HEADING: 2, Style.THEME: 3}
DEMO_BULLETS = [
    "The timeliness of assessments when a child was first referred",
    "The recruitment and retention of social workers",
    "The quality and consistency of supervision",
    "How well the voice of the child was recorded",
]


def export(store: Store, meeting_id: int, folder: Path, **options: Any) -> Any:
    return export_minutes(store, MinutesExport(meeting_id=meeting_id, folder=folder, **options))


def _chain(style: Any) -> list[Any]:
    found = []
    while style is not None:
        found.append(style)
        style = style.base_style
    return found


def _inherited(style: Any, path: str) -> str | None:
    """A pPr/rPr value a style has or inherits (`path` below the w:style element)."""
    for each in _chain(style):
        values = each.element.xpath(path)
        if values:
            return str(values[0])
    return None


def _is_on(element: Any) -> bool:
    return element is not None and element.get(f"{W}val", "true") not in ("0", "false", "off")


def _keeps_with_next(paragraph: Any) -> bool:
    """Word's rule: the paragraph's own keepNext, else its style's (inherited)."""
    own = paragraph._p.find(f"{W}pPr/{W}keepNext")
    if own is not None:
        return _is_on(own)
    for style in _chain(paragraph.style):
        found = style.element.find(f"{W}pPr/{W}keepNext")
        if found is not None:
            return _is_on(found)
    return False


def _variant(tmp_path: Path, change: Any, name: str) -> Path:
    document = open_document(default_template())
    change(document)
    path = tmp_path / name
    document.save(str(path))
    return path


def test_headings_are_based_on_words_heading_styles_under_scrutuis_names(store: Store, tmp_path: Path) -> None:
    document = open_document(export(store, build_meeting(store), tmp_path).docx)
    for style in Style:
        bases = [each.name for each in _chain(document.styles[style.value])]
        headings = [name for name in bases if re.fullmatch(r"Heading \d", name)]
        if style in HEADING_LEVELS:
            level = HEADING_LEVELS[style]
            assert headings == [f"Heading {level}"], (style, bases)
            assert bases[0] == style.value  # the name councils' templates use is kept
            assert _inherited(document.styles[style.value], "./w:pPr/w:outlineLvl/@w:val") == str(level - 1)
        else:
            assert headings == [], (style, bases)
            assert _inherited(document.styles[style.value], "./w:pPr/w:outlineLvl/@w:val") is None, style
    # Word's heading styles themselves carry the minutes' look, not the default template's blue.
    for level in (1, 2, 3):
        heading = document.styles[f"Heading {level}"]
        assert heading.font.name == "Arial"
        assert heading.element.xpath("./w:rPr/w:rFonts/@w:asciiTheme") == []


def test_a_list_is_tight_and_stands_apart_from_the_paragraph_after_it() -> None:
    document = open_document(default_template())
    body = document.styles[Style.BODY.value].paragraph_format.space_after
    for style in (Style.BULLET, Style.LIST_ITEM):
        look = document.styles[style.value]
        # No space between items of one list (Word's "don't add space between paragraphs of the
        # same style"), and as much after the list as after a paragraph of the minutes.
        assert look.element.xpath("./w:pPr/w:contextualSpacing"), style
        assert look.paragraph_format.space_after == body, style


def test_the_bullet_style_is_a_word_list_and_the_demo_bullets_are_in_it(demo_store: Store, tmp_path: Path) -> None:
    path = export(demo_store, 2, tmp_path).docx
    document = open_document(path)
    bullet = document.styles[Style.BULLET.value]
    [num_id] = bullet.element.xpath("./w:pPr/w:numPr/w:numId/@w:val")
    numbering = document.part.numbering_part.element
    [abstract_id] = numbering.xpath(f"./w:num[@w:numId='{num_id}']/w:abstractNumId/@w:val")
    [level] = numbering.xpath(f"./w:abstractNum[@w:abstractNumId='{abstract_id}']/w:lvl[@w:ilvl='0']")
    assert level.xpath("./w:numFmt/@w:val", namespaces=NS) == ["bullet"]
    assert level.xpath("./w:lvlText/@w:val", namespaces=NS) == ["•"]
    # The list's indents are the style's, so the bullets sit where the typed ones did.
    for side in ("left", "hanging"):
        assert level.xpath(f"./w:pPr/w:ind/@w:{side}", namespaces=NS) == bullet.element.xpath(f"./w:pPr/w:ind/@w:{side}")
    found = paragraphs(path)
    assert [text for style, text in found if style == Style.BULLET.value] == DEMO_BULLETS
    # Lettered labels stay typed text: minute references never shift.
    assert ("Minute List Item", "(a)\tassessments were completed on time;") in found
    assert ("Minute Decision Part", "(a)\tthe report be noted;") in found


def test_an_older_template_keeps_typed_bullets_and_says_so_in_one_line(demo_store: Store, tmp_path: Path) -> None:
    ours = tmp_path / "ours"
    ours.mkdir()
    assert export(demo_store, 2, ours).note == ""  # scrutui's own template needs no note

    def before_lists(document: Any) -> None:  # made before bullets and list items had styles
        document.styles[Style.BULLET.value].delete()
        document.styles[Style.LIST_ITEM.value].delete()

    result = export(demo_store, 2, tmp_path, template=_variant(tmp_path, before_lists, "old.docx"))
    found = paragraphs(result.docx)
    assert [text for style, text in found if text.startswith("•")] == [f"•\t{b}" for b in DEMO_BULLETS]
    assert ("Minute Decision Part", f"•\t{DEMO_BULLETS[0]}") in found
    assert ("Minute Decision Part", "(a)\tassessments were completed on time;") in found
    assert "\n" not in result.note and "no Minute Bullet, Minute List Item (stand-ins used)" in result.note
    assert result.summary().splitlines() == [result.summary().splitlines()[0], result.note]

    def plain(document: Any) -> None:  # a council's template: no list numbering, headings on Normal
        document.styles[Style.BULLET.value].element.pPr.remove(
            document.styles[Style.BULLET.value].element.pPr.numPr
        )
        document.styles[Style.ITEM_HEADING.value].base_style = document.styles["Normal"]

    result = export(demo_store, 2, tmp_path, template=_variant(tmp_path, plain, "plain.docx"), force=True)
    assert ("Minute Bullet", f"•\t{DEMO_BULLETS[0]}") in paragraphs(result.docx)
    assert "bullets typed, not a Word list" in result.note and "headings not Word headings" in result.note
    assert "\n" not in result.note


def test_the_header_keeps_the_marking_on_the_first_line_of_a_long_name(store: Store, tmp_path: Path) -> None:
    path = export(store, build_long_meeting(store, items=1), tmp_path).docx
    assert headers(path) == [f"{LONG_COMMITTEE}\tDRAFT"]
    header = open_document(path).sections[0].header
    [table] = header.tables
    assert table._tbl.xpath("./w:tblPr/w:tblLayout/@w:type") == ["fixed"]
    assert table._tbl.xpath(".//w:tblBorders") == []  # no borders: it is only layout
    name, marking = table.rows[0].cells
    assert name.text == LONG_COMMITTEE and marking.text == "DRAFT"
    assert marking.paragraphs[0].alignment == 2  # right
    widths = [int(w) for w in table._tbl.xpath("./w:tblGrid/w:gridCol/@w:w")]
    assert sum(widths) == int(table._tbl.xpath("./w:tblPr/w:tblW/@w:w")[0]) and widths[1] >= 2500


def test_headings_lead_ins_and_the_signature_keep_together(store: Store, tmp_path: Path) -> None:
    document = open_document(export(store, build_meeting(store), tmp_path).docx)
    body = document.paragraphs
    for index, paragraph in enumerate(body):
        style = paragraph.style.name
        following = body[index + 1].style.name if index + 1 < len(body) else ""
        if style in {s.value for s in HEADING_LEVELS} or style == Style.PURPOSE.value:
            assert _keeps_with_next(paragraph), paragraph.text
        elif style == Style.DECISION.value:
            # "RESOLVED: That" stays with its first part; "AGREED: That ..." alone starts no chain.
            assert _keeps_with_next(paragraph) is (following == Style.PART.value), paragraph.text
        elif style in (Style.BODY.value, Style.ATTENDANCE.value, Style.PART.value):
            assert not _keeps_with_next(paragraph), paragraph.text
    resolved = next(p for p in body if p.text == "RESOLVED: That")
    assert _keeps_with_next(resolved)
    chair, _date = (p for p in body if p.style.name == "Minutes Signature")
    assert _keeps_with_next(chair) and chair.style.paragraph_format.keep_together
    for heading in (Style.ITEM_HEADING, Style.THEME, Style.SECTION):
        assert _inherited(document.styles[heading.value], "./w:pPr/w:keepLines") is not None


def _document(items: tuple[MinuteItem, ...], **changes: Any) -> MinutesDocument:
    return MinutesDocument(
        committee="C",
        title="C",
        subtitle="Minutes",
        status=MinutesStatus.DRAFT,
        confidential=False,
        front=(),
        items=items,
        meeting_date=dt.date(2026, 12, 3),
        **changes,
    )


def test_paragraph_numbers_hang_with_the_text_lined_up_past_two_digits(tmp_path: Path) -> None:
    numbered = tuple(Paragraph(Style.BODY, f"Paragraph {n}.", label=f"4.{n}") for n in range(1, 12))
    item = MinuteItem(
        number="4.",
        title="Item",
        paragraphs=(
            *numbered,
            Paragraph(Style.DECISION, "RESOLVED: That", label="4.12"),
            Paragraph(Style.PART, "the report be noted.", label="(a)"),
            Paragraph(Style.BODY, "An unnumbered paragraph."),
        ),
    )

    def rendered(template: Path) -> dict[str, Any]:
        docx = render_minutes(_document((item,)), load_template(template))
        return {"".join(t.text or "" for t in p.iter(f"{W}t")): p for p in docx.element.body.iter(f"{W}p")}

    def indent(p: Any) -> tuple[list[str], list[str], list[str]]:
        return (p.xpath("./w:pPr/w:ind/@w:left"), p.xpath("./w:pPr/w:ind/@w:hanging"), p.xpath("./w:pPr/w:tabs/w:tab/@w:pos"))

    found = rendered(default_template())
    for n in (1, 9, 10, 11):
        # The number at the margin, the text 1.5 cm in, where the body's text is, for 4.1 and 4.10 alike.
        assert indent(found[f"4.{n}Paragraph {n}."]) == (["850"], ["850"], ["850"]) and NUMBER_HANG == 850
    assert indent(found["4.12RESOLVED: That"]) == (["850"], ["850"], ["850"])
    assert indent(found["An unnumbered paragraph."]) == ([], [], [])  # keeps the style's look
    assert indent(found["(a)the report be noted."]) == ([], [], [])  # the part's style hangs already

    def flush_left(document: Any) -> None:  # a council's body text at the margin
        document.styles[Style.BODY.value].paragraph_format.left_indent = 0

    found = rendered(_variant(tmp_path, flush_left, "flush.docx"))
    assert indent(found["4.10Paragraph 10."]) == (["850"], ["850"], ["850"])
    assert indent(found["An unnumbered paragraph."]) == ([], [], [])


def _languages(docx: Any) -> tuple[list[str], list[str], str]:
    styles = docx.styles.element
    return (
        styles.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val"),
        docx.styles["Normal"].element.xpath("./w:rPr/w:lang/@w:val"),
        docx.core_properties.language,
    )


def test_the_documents_language_and_title_are_set(store: Store, tmp_path: Path) -> None:
    path = export(store, build_meeting(store), tmp_path).docx
    document = open_document(path)
    assert _languages(document) == (["en-GB"], ["en-GB"], "en-GB")
    assert document.core_properties.title == "Health Scrutiny Committee: minutes, 3 December 2026"
    welsh = render_minutes(_document((), language="cy-GB"), load_template(default_template()))
    assert _languages(welsh) == (["cy-GB"], ["cy-GB"], "cy-GB")

    def american(document: Any) -> None:  # a template whose body style names a language of its own
        from docx.oxml import OxmlElement

        lang = OxmlElement("w:lang")
        lang.set(f"{W}val", "en-US")
        document.styles[Style.BODY.value].element.get_or_add_rPr().append(lang)

    docx = render_minutes(_document((), language="cy-GB"), load_template(_variant(tmp_path, american, "us.docx")))
    assert docx.styles[Style.BODY.value].element.xpath("./w:rPr/w:lang/@w:val") == ["cy-GB"]


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
def test_pandoc_reads_the_demos_headings_as_headings_and_its_bullets_as_a_list(
    demo_store: Store, tmp_path: Path
) -> None:
    path = export(demo_store, 2, tmp_path).docx
    markdown = subprocess.run(
        ["pandoc", "-f", "docx", "-t", "markdown", "--wrap=none", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # "## 44. Apologies for absence and substitutes {#... .Minute-Heading}"
    headings = re.findall(r"^(#+) (.+?)(?: \{[^}]*\})?$", markdown, re.MULTILINE)
    minute_headings = [text for level, text in headings if level == "##" and re.match(r"\d+\. ", text)]
    expected = [
        text.replace("\t", " ").replace("'", "\\'")
        for style, text in paragraphs(path)
        if style == Style.ITEM_HEADING.value
    ]
    assert len(expected) == 8 and minute_headings == expected
    assert headings[0] == ("#", "Children and Young People Scrutiny Committee (demo)")
    assert ("##", "Present") in headings
    assert [text for level, text in headings if level == "###"] == ["Leadership", "Workforce", "Quality of practice"]
    assert re.findall(r"^-   (.+)$", markdown, re.MULTILINE) == DEMO_BULLETS
    assert "•" not in markdown
    # Lettered items stay typed text, not a list pandoc could renumber.
    assert "\\(a\\) assessments were completed on time;" in markdown


def _pdf_lines(pdf: Path, page: int) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [line.strip() for line in text.splitlines() if line.strip()]


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_the_tagged_pdf_of_a_long_meeting(store: Store, tmp_path: Path) -> None:
    items = 30
    result = export(store, build_long_meeting(store, items=items), tmp_path, pdf=True)
    assert result.pdf is not None
    info = subprocess.run(["pdfinfo", str(result.pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE), info
    assert re.search(r"^Title:\s+" + re.escape(LONG_COMMITTEE) + ": minutes, 3 December 2026$", info, re.MULTILINE)
    pages = int(re.search(r"^Pages:\s+(\d+)$", info, re.MULTILINE).group(1))  # type: ignore[union-attr]
    assert pages >= 8
    # The structure a screen reader walks: one title, the items as level-2 headings, sub-headings at
    # level 3, and the bullets as lists.
    structure = subprocess.run(["pdfinfo", "-struct", str(result.pdf)], capture_output=True, text=True, check=True).stdout
    tags = re.findall(r"^\s*(\w+) \(block\)", structure, re.MULTILINE)
    assert tags.count("H1") == 1
    assert tags.count("H2") == items and tags.count("H3") == len(range(1, items + 1, 4))
    assert tags.count("L") == items // 3 and tags.count("LI") == 3 * (items // 3)
    heading = re.compile(r"^\d+\.\s+Topic \d+ of the work programme$")
    for page in range(1, pages + 1):
        lines = _pdf_lines(result.pdf, page)
        # The header: DRAFT on the first line, beside the start of the long name, never under it.
        assert lines[0].startswith("Children, Young People") and lines[0].endswith("DRAFT"), lines[:2]
        assert "DRAFT" not in lines[1]
        assert re.fullmatch(r"Minutes of 3 December 2026\s+Page \d+ of \d+", lines[-1])
        last = lines[-2]
        if page < pages:
            # Never a heading (or a heading and its purpose) or a lead-in alone at the foot of a page.
            assert not heading.match(last), (page, last)
            assert not last.startswith(("To review topic", "Theme ", "RESOLVED: That")), (page, last)
            assert not last.endswith(":"), (page, last)
        else:
            assert lines[-3].startswith("Chair") and last.startswith("Date")

