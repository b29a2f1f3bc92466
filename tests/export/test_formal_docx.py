"""The formalities in Word: read the exported .docx back in document order. An exempt item's
confidential records never reach the public document and are in the confidential one's annex; the
roll call, declarations, arrivals and departures and the exclusion resolution are there in their
styles; approved minutes show the text as approved and corrected."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from scrutui.export.minutes_export import MinutesExport, export_minutes
from scrutui.export.pdf import find_soffice
from scrutui.export.template import default_template
from scrutui.minutes import ANNEX_HEADING, Style
from scrutui.store import Store
from tests.export.helpers import every_part, open_document, paragraphs
from tests.test_formal_minutes import CANARY, minuted


def export(store: Store, meeting_id: int, folder: Path, **options: object) -> Path:
    return export_minutes(store, MinutesExport(meeting_id=meeting_id, folder=folder, **options)).docx  # type: ignore[arg-type]


def test_the_canary_never_reaches_the_public_document_and_is_in_the_confidential_annex(
    store: Store, tmp_path: Path
) -> None:
    setup = minuted(store)
    public = export(store, setup.meeting_id, tmp_path)
    assert CANARY not in every_part(public)  # body, headers, footers, properties: nowhere
    found = paragraphs(public)
    assert ("Minute Heading", "7.\tCare home contract: terms") in found
    assert ("Minute Note", "The full minute is recorded in a confidential annex, not for publication.") in found
    assert all(style != Style.ANNEX.value for style, _ in found)

    secret = export(store, setup.meeting_id, tmp_path, confidential=True)
    found = paragraphs(secret)
    annex = found.index((Style.ANNEX.value, ANNEX_HEADING))
    assert CANARY not in "\n".join(text for _, text in found[:annex])  # the body is the public minutes
    after = found[annex + 1 :]
    assert after[0] == ("Minute Heading", "7.\tCare home contract: commercial terms")
    assert ("Minute Body", f"The bid prices were compared {CANARY}.") in after
    assert ("Minute Decision", f"RESOLVED: That the award to {CANARY} be endorsed.") in after
    # The annex starts a new page (its style says so, and a council may restyle it).
    assert open_document(secret).styles[Style.ANNEX.value].paragraph_format.page_break_before


def test_the_demo_formalities_in_word(demo_store: Store, tmp_path: Path) -> None:
    found = paragraphs(export(demo_store, 2, tmp_path))
    assert ("Minutes Attendance", "Councillor Glyn Hughes (substituting for Councillor Rachel Storey)") in found
    assert ("Minutes Attendance", "Dr Sam Okafor (Director of Children's Services)") in found
    assert ("Minutes Attendance", "Councillor Joy Fenwick, Cabinet Member (Children and Families)") in found
    declarations = found.index(("Minute Heading", "45.\tDeclarations of interest"))
    assert found[declarations + 1] == (
        "Minute Body",
        "Councillor Bola Adeyemi declared an other registrable interest in minute 48 (School place planning) "
        "as a governor of Elmbridge Nursery School, and remained in the meeting.",
    )
    school = found.index(("Minute Heading", "48.\tSchool place planning"))
    assert found[school + 2] == (
        "Minute Note", "Councillor Tom Kettering left the meeting at 8.05 pm during consideration of this item."
    )
    exclusion = found.index(("Minute Heading", "50.\tExclusion of the press and public"))
    assert found[exclusion + 1][0] == "Minute Decision"
    assert "for minute 51 (Residential placements: contract extension)" in found[exclusion + 1][1]
    assert "4,850" not in "\n".join(text for _, text in found)  # the exempt item's figures stay private


def test_approved_minutes_export_the_approved_and_corrected_text(demo_store: Store, tmp_path: Path) -> None:
    found = paragraphs(export(demo_store, 1, tmp_path))
    text = "\n".join(t for _, t in found)
    assert all(style != "Minutes Mark" for style, _ in found)  # not DRAFT
    assert "of whom 14 had waited longer than six weeks" in text and "of whom 12 had" not in text
    assert ("Minutes Section", "Confirmation of the minutes") in found
    assert (
        "Minute Body",
        "These minutes were confirmed as a correct record at the meeting held on 10 November 2026.",
    ) in found
    assert (
        "Minute Decision Part",
        "(a)\tminute 43 (Early help and family support): the number of families who had waited longer than six "
        "weeks corrected from 12 to 14 (agreed at the meeting held on 10 November 2026).",
    ) in found


def test_item_paragraph_numbers_are_literal_text_in_word(store: Store, tmp_path: Path) -> None:
    setup = minuted(store, numbering_scheme="item_paragraph")
    found = paragraphs(export(store, setup.meeting_id, tmp_path))
    winter = found.index(("Minute Heading", "4.\tWinter pressures"))
    assert [text.split("\t")[0] for _, text in found[winter + 1 : winter + 4]] == [
        "4.1", "4.2", "RESOLVED: That the report be noted."
    ]
    assert not open_document(export(store, setup.meeting_id, tmp_path, force=True)).element.body.xpath(
        ".//w:numPr"
    )


def test_a_template_made_before_the_note_and_annex_styles_still_works(store: Store, tmp_path: Path) -> None:
    import docx

    old = docx.Document(str(default_template()))
    for name in (Style.NOTE.value, Style.ANNEX.value):
        element = old.styles[name].element
        element.getparent().remove(element)
    template = tmp_path / "old-house-style.docx"
    old.save(str(template))
    setup = minuted(store)
    found = paragraphs(export(store, setup.meeting_id, tmp_path, template=template, confidential=True))
    assert ("Minute Body", "The full minute is recorded in a confidential annex, not for publication.") in found
    assert ("Minutes Section", ANNEX_HEADING) in found


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_the_confidential_pdf_puts_the_annex_on_its_own_page(demo_store: Store, tmp_path: Path) -> None:
    result = export_minutes(demo_store, MinutesExport(meeting_id=2, folder=tmp_path, pdf=True, confidential=True))
    assert result.pdf is not None
    text = subprocess.run(
        [shutil.which("pdftotext") or "pdftotext", str(result.pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [" ".join(page.split()) for page in text.split("\f")]
    annex = next(i for i, page in enumerate(pages) if "Confidential annex" in page)
    assert "4,850" in pages[annex] and not any("4,850" in page for page in pages[:annex])
    # Nothing of the public minutes shares the annex's first page (only the running header).
    assert "The full minute is recorded" not in pages[annex].split("Confidential annex")[0]
    assert "The full minute is recorded" in pages[annex - 1]
