"""The tracker and the chair's list in Word, through the minutes' templates: read back in document
order with python-docx (text, order, style names), exempt items left out, PDF through LibreOffice."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scrutui.export.lists import lists_template
from scrutui.export.pdf import find_soffice
from scrutui.export.template import load_template
from scrutui.minutes import Style
from scrutui.resources import templates_dir
from tests.export.helpers import every_part, headers, open_document, paragraphs, set_header
from tests.test_cli_lists import AS_AT, EXEMPT_RESOLUTION, SECRET, demo_db, run

__all__ = ["demo_db"]  # the fixture, shared with the command-line tests


def test_the_tracker_in_word_grouped_by_committee_overdue_first(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "tracker.docx"
    code, said, err = run(
        "export", "requests", "--db", str(demo_db), "--status", "all", "--as-at", AS_AT, "-o", str(out)
    )
    assert code == 0, err
    assert said.strip() == f"Wrote 5 information requests to {out}."
    found = paragraphs(out)
    assert found[:4] == [
        ("Minutes Title", "Information requests"),
        ("Minutes Subtitle", "All requests as at 1 December 2026"),
        ("Minute Body", "In all: 3 outstanding (3 overdue), 1 answered, 1 refused and 0 withdrawn."),
        ("Minute Heading", "Children and Young People Scrutiny Committee (demo)"),
    ]
    themes = [text for style, text in found if style == "Minute Theme"]
    assert themes == ["Overdue (3)", "Answered (1)", "Refused (1)"]
    parts = [text for style, text in found if style == "Minute Decision Part"]
    assert parts == [
        "1.\tA breakdown of early help waiting times by locality.",
        "2.\tA copy of the directorate risk register.",
        "3.\tMonthly figures for social worker vacancies, agency use and average caseloads.",
        "4.\tThe timetable for opening the remaining family hubs.",
        "5.\tClarification of how the Committee may see the improvement board's papers.",
    ]
    assert found.index(("Minute Theme", "Overdue (3)")) < found.index(("Minute Decision Part", parts[0]))
    assert (
        "Minute Body",
        "Asked by Councillor Priya Lal of the Director of Children's Services at the meeting on 10 November 2026 (minute 47, Ofsted "
        "inspection of children's services: improvement plan). Due by 24 November 2026: overdue by 7 days.",
    ) in found
    assert all(style in {s.value for s in Style} for style, _ in found)
    assert "Scrutiny committees" in headers(out)[0] and "CONFIDENTIAL" not in headers(out)[0]
    assert SECRET not in every_part(out) and "Chair\t" not in [t for _, t in found]  # no signature lines
    document = open_document(out)
    assert (round(document.sections[0].page_width.mm), round(document.sections[0].page_height.mm)) == (
        210,
        297,
    )
    assert document.core_properties.title == "Information requests as at 1 December 2026"


def test_confidential_includes_exempt_items_and_says_so_on_every_page(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "confidential.docx"
    code, _, err = run("export", "requests", "--db", str(demo_db), "--confidential", "-o", str(out))
    assert code == 0, err
    found = paragraphs(out)
    assert ("Minutes Mark", "CONFIDENTIAL") in found
    assert any(SECRET[1:] in text for _, text in found)
    assert all("CONFIDENTIAL" in header for header in headers(out))


def test_the_chairs_list_in_word(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "chair.docx"
    code, _, err = run(
        "export",
        "resolutions",
        "--db",
        str(demo_db),
        "--meeting",
        "2",
        "--as-at",
        "2027-01-20",
        "-o",
        str(out),
    )
    assert code == 0, err
    found = paragraphs(out)
    assert found[:4] == [
        ("Minutes Title", "Children and Young People Scrutiny Committee (demo)"),
        ("Minutes Subtitle", "Resolutions and recommendations: the meeting held on 10 November 2026"),
        ("Minute Body", "2 recommendations, of which 2 are awaiting a response, as at 20 January 2027."),
        ("Minutes Section", "Meeting held on 10 November 2026 (draft minutes, not yet approved)"),
    ]
    headings = [text for style, text in found if style == "Minute Heading"]
    assert headings == [
        "46.\tMinutes of the previous meeting",
        "47.\tOfsted inspection of children's services: improvement plan",
        "48.\tSchool place planning",
        "49.\tWork programme",
    ]  # the exempt item (minute 51) is left out
    ofsted = found.index(("Minute Heading", headings[1]))
    assert found[ofsted + 1 : ofsted + 7] == [
        ("Minute Decision", "RESOLVED: That"),
        ("Minute Decision Part", "(a)\tthe report be noted;"),
        (
            "Minute Decision Part",
            "(b)\ta standing review group of four Members be set up to follow the work of the improvement board; and",
        ),
        (
            "Minute Decision Part",
            "(c)\tthe Director of Children's Services report progress against the plan to each meeting.",
        ),
        (
            "Minute Decision",
            "RECOMMENDED to Cabinet that the recruitment and retention package for social workers be brought "
            "forward to January.",
        ),
        ("Minute Body", "Response awaited: due by 10 January 2027 (overdue)."),
    ]
    assert EXEMPT_RESOLUTION not in every_part(out) and "Hollins" not in every_part(out)


def test_an_empty_list_is_a_clearly_worded_document(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "none.docx"
    code, _, err = run("export", "requests", "--db", str(demo_db), "--status", "withdrawn", "-o", str(out))
    assert code == 0, err
    assert paragraphs(out)[-1][1].startswith("There are no withdrawn information requests as at ")
    out = tmp_path / "none-resolutions.docx"
    code, _, err = run(
        "export",
        "resolutions",
        "--db",
        str(demo_db),
        "--committee",
        "young",
        "--from",
        "2027-01-01",
        "-o",
        str(out),
    )
    assert code == 0, err
    assert paragraphs(out)[-1] == (
        "Minute Body",
        "No resolutions or recommendations were recorded for meetings from 1 January 2027.",
    )


def test_a_councils_own_template_is_used_and_a_broken_one_refused(demo_db: Path, tmp_path: Path) -> None:
    document = open_document(lists_template())
    set_header(document, "Borsetshire County Council · {{ committee }} · {{ marking }}")
    house = tmp_path / "house.docx"
    document.save(str(house))
    out = tmp_path / "tracker.docx"
    code, _, err = run("export", "requests", "--db", str(demo_db), "--template", str(house), "-o", str(out))
    assert code == 0, err
    assert headers(out)[0].startswith("Borsetshire County Council · Scrutiny committees")
    broken = open_document(lists_template())
    broken.paragraphs[0].text = "no tag here"
    bad = tmp_path / "bad.docx"
    broken.save(str(bad))
    code, _, err = run(
        "export", "requests", "--db", str(demo_db), "--template", str(bad), "-o", str(tmp_path / "x.docx")
    )
    assert code == 1 and "has no {{ minutes }} paragraph" in err and not (tmp_path / "x.docx").exists()


def test_pdf_without_libreoffice_says_so_and_writes_nothing(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("scrutui.export.pdf.find_soffice", lambda: None)
    out = tmp_path / "tracker.docx"
    code, _, err = run("export", "requests", "--db", str(demo_db), "-o", str(out), "--pdf")
    assert code == 1 and "A PDF needs LibreOffice, which was not found" in err
    assert not out.exists() and not out.with_suffix(".pdf").exists()


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_the_lists_open_in_libreoffice_and_their_pdfs_hold_the_text(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "chair.docx"
    code, said, err = run(
        "export", "resolutions", "--db", str(demo_db), "--committee", "young", "-o", str(out), "--pdf"
    )
    assert code == 0, err
    assert said.splitlines()[-1] == f"Wrote {out.with_suffix('.pdf')}."
    text = subprocess.run(
        [shutil.which("pdftotext") or "pdftotext", "-layout", str(out.with_suffix(".pdf")), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    flat = " ".join(text.split())
    assert "Meeting held on 15 September 2026" in flat and "Meeting held on 10 November 2026" in flat
    assert "RECOMMENDED to Cabinet that the early help budget be protected" in flat
    assert "Response: accepted on 20 October 2026." in flat and "Page 1 of" in flat
    info = subprocess.run(["pdfinfo", str(out.with_suffix(".pdf"))], capture_output=True, text=True, check=True)
    assert re.search(r"^Tagged:\s+yes$", info.stdout, re.MULTILINE), info.stdout


def test_the_shipped_lists_template_is_what_its_script_builds(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("build_templates", templates_dir() / "build_templates.py")
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    sys.modules["build_templates"] = script
    spec.loader.exec_module(script)
    rebuilt = tmp_path / "lists.docx"
    script.main(["build_templates.py", "--lists", str(rebuilt)])
    shipped, fresh = open_document(lists_template()), open_document(rebuilt)
    assert [(p.style.name, p.text) for p in fresh.paragraphs] == [
        (p.style.name, p.text) for p in shipped.paragraphs
    ]
    assert fresh.sections[0].footer.paragraphs[0]._p.xml == shipped.sections[0].footer.paragraphs[0]._p.xml, (
        "templates/lists.docx is out of date: run python templates/build_templates.py"
    )
    for style in Style:
        assert fresh.styles[style.value].element.xml == shipped.styles[style.value].element.xml
    assert set(load_template(lists_template()).style_ids) == set(Style)
