"""Word agendas laid out the three ways councils lay them out, written with python-docx for the tests."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.shared import Inches, Pt

PREAMBLE = [
    "Children's Services Scrutiny Committee",
    "Tuesday, 10 November 2026 at 6.30 pm",
    "Committee Room 1, County Hall, Market Street",
    "Membership: Councillors Ann Ali (Chair), Ben O'Brien (Vice-Chair), Cara Dunn and Dev Patel",
    "1 December 2026 is the date of the next meeting.",
]

#: (number, title, purpose lines); "PART II" before the last item.
ITEMS = [
    ("1", "Apologies for absence", ["To receive any apologies for absence."]),
    ("2", "Declarations of interest", ["Members are asked to declare any interests."]),
    ("3", "Minutes of the previous meeting (Pages 1 - 6)", ["To confirm the minutes of 15 September 2026."]),
    (
        "4",
        "Ofsted improvement plan: progress (Pages 7 - 30)",
        [
            "To review progress against the improvement plan.",
            "1. That the Committee notes the progress made.",
            "2. That the Committee comments on the workforce strategy.",
        ],
    ),
    ("5", "Work programme", ["To agree the work programme for 2026/27."]),
    (
        "6",
        "Exclusion of the press and public",
        [
            "To exclude the public for the next item: it involves exempt information under paragraph 3 of Schedule 12A."
        ],
    ),
    ("7", "Contract award: residential care placements", []),
]
BACK_MATTER = [
    "Contact officer: Jo Bloggs, Democratic Services, 01234 567890",
    "Date published: 2 November 2026",
]


def _preamble(document: docx.document.Document) -> None:
    document.add_paragraph(PREAMBLE[0], style="Title")
    for text in PREAMBLE[1:]:
        document.add_paragraph(text)
    document.add_paragraph("AGENDA", style="Heading 1")


def typed_numbers(path: Path) -> Path:
    """Items numbered as typed text, titles bold, purposes indented (recommendations numbered too)."""
    document = docx.Document()
    _preamble(document)
    for number, title, purpose in ITEMS:
        if number == "7":
            heading = document.add_paragraph()
            heading.add_run("PART II - NOT FOR PUBLICATION").bold = True
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{number}.\t{title}").bold = True
        for text in purpose:
            indented = document.add_paragraph(text)
            indented.paragraph_format.left_indent = Inches(0.5)
        document.add_paragraph("")
    for text in BACK_MATTER:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def word_numbering(path: Path) -> Path:
    """Items in Word's own numbered list ("List Number"), purposes as plain paragraphs after them."""
    document = docx.Document()
    _preamble(document)
    for number, title, purpose in ITEMS:
        if number == "7":
            document.add_paragraph("Part 2 (exempt items)", style="Heading 2")
        document.add_paragraph(title, style="List Number")
        for text in purpose:
            document.add_paragraph(text)
    document.add_paragraph("")
    for text in BACK_MATTER:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def table_layout(path: Path) -> Path:
    """ModernGov's printed layout: a table of number, title and purpose, and page numbers."""
    document = docx.Document()
    _preamble(document)
    table = document.add_table(rows=0, cols=3)
    for number, title, purpose in ITEMS:
        if number == "7":
            row = table.add_row().cells
            row[1].text = "PART II"
        row = table.add_row().cells
        row[0].text = f"{number}."
        row[1].text = title.split(" (Pages")[0]
        for text in purpose:
            row[1].add_paragraph(text)
        row[2].text = "Pages 5 - 20" if number == "4" else ""
    for text in BACK_MATTER:
        document.add_paragraph(text).runs[0].font.size = Pt(9)
    document.save(str(path))
    return path
