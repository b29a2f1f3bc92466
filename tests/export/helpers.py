"""Reading exported Word documents back, as a word processor would see them, and making meetings to
export."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

from scrutui.models import (
    AgendaItem,
    Assurance,
    AssuranceStatus,
    Committee,
    Heading,
    InformationRequest,
    Meeting,
    Narrative,
    Question,
    Recommendation,
    Resolution,
    ResolutionForm,
)
from scrutui.store import Store
from tests.conftest import add_meeting

CANARY_TITLE = "Contract CANARY-TITLE-7731"
CANARY_TEXT = "CANARY-RECORD-7731 the bid figures were discussed"


def paragraphs(path: Path) -> list[tuple[str, str]]:
    """Every body paragraph in document order: (style name, text); a tab is "\\t", a line break "\\n"."""
    import docx

    return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs]


def headers(path: Path) -> list[str]:
    """The text of every section's header, line by line: a table's row as its cells' text between
    tabs (scrutui's header is a table: the committee's name, then the marking); empty lines left out."""
    import docx
    from docx.table import Table

    document = docx.Document(str(path))
    found = []
    for section in document.sections:
        lines = []
        for block in section.header.iter_inner_content():
            if isinstance(block, Table):
                lines.extend("\t".join(cell.text for cell in row.cells) for row in block.rows)
            elif block.text:
                lines.append(block.text)
        found.append("\n".join(lines))
    return found


def set_header(document: Any, text: str) -> None:
    """Make a template's (first section's) header one paragraph of `text`, as a council might."""
    header = document.sections[0].header
    for table in header.tables:
        table._tbl.getparent().remove(table._tbl)
    header.paragraphs[0].text = text


def footers_xml(path: Path) -> str:
    """The footers' XML (fields such as PAGE do not show in python-docx's text)."""
    with zipfile.ZipFile(path) as package:
        return "".join(package.read(n).decode() for n in package.namelist() if n.startswith("word/footer"))


def every_part(path: Path) -> str:
    """Everything inside the .docx package as text: body, headers, footers, properties, styles."""
    with zipfile.ZipFile(path) as package:
        return "\n".join(package.read(name).decode("utf-8", "replace") for name in package.namelist())


def open_document(path: Path) -> Any:
    import docx

    return docx.Document(str(path))


def build_meeting(store: Store, *, attendance: bool = True) -> int:
    """A meeting made in the test: attendance, narrative, a question, an assurance, resolutions, a
    recommendation, an information request, a procedural decision and an exempt item."""
    committee, meeting, items = add_meeting(store)
    assert committee.id is not None and meeting.id is not None
    apologies, winter, programme = (item.id or 0 for item in items)
    add = store.records.add
    add(Narrative(agenda_item_id=apologies, text="Apologies were received from Councillor Ben Brook."))
    add(Narrative(agenda_item_id=winter, text="The Director of Public Health presented the report."))
    add(
        Question(
            agenda_item_id=winter,
            asked_by="Councillor Ben Brook",
            text="how many beds were open",
            answered_by="Director of Public Health",
            answer="there were 40 beds open",
        )
    )
    add(
        Assurance(
            agenda_item_id=winter,
            theme="Capacity",
            text="extra beds would open in January",
            response="funding had been agreed",
            status=AssuranceStatus.GIVEN,
        )
    )
    add(Resolution(agenda_item_id=winter, text="the report be noted"))
    add(Resolution(agenda_item_id=winter, text="a briefing be given in March"))
    add(Recommendation(agenda_item_id=winter, addressee="Cabinet", text="winter funding be protected"))
    add(
        InformationRequest(
            agenda_item_id=winter,
            requested_of="Director of Public Health",
            text="a copy of the winter plan",
            due_date=dt.date(2026, 12, 17),
            due_date_by_hand=True,
        )
    )
    add(Resolution(agenda_item_id=programme, form=ResolutionForm.AGREED, text="the work programme be approved"))
    exempt = store.agenda.add(
        AgendaItem(
            meeting_id=meeting.id, number="4", title=CANARY_TITLE, exempt_paragraph=3, public_title="Contract award"
        )
    )
    add(Narrative(agenda_item_id=exempt.id or 0, text=CANARY_TEXT))
    add(Resolution(agenda_item_id=exempt.id or 0, text="the CANARY-RESOLUTION-7731 contract be awarded"))
    if attendance:
        people = {cp.person.name: cp.person.id for cp in store.committees.people(committee.id)}
        with store.handle.write() as conn:
            for name, status in (("Councillor Ann Ali", "present"), ("Councillor Ben Brook", "apologies"),
                                 ("Cara Dunn", "present")):
                conn.execute(
                    "INSERT INTO attendance (meeting_id, person_id, status) VALUES (?, ?, ?)",
                    [meeting.id, people[name], status],
                )
    return meeting.id


#: What the public minutes of `build_meeting` say, paragraph by paragraph, with their styles.
EXPECTED_PUBLIC = [
    ("Minutes Title", "Health Scrutiny Committee"),
    ("Minutes Subtitle", "Minutes of the meeting held on 3 December 2026 at 6.30 pm, Room 1"),
    ("Minutes Mark", "DRAFT"),
    ("Minutes Section", "Present"),
    ("Minutes Attendance", "Councillor Ann Ali (Chair)"),
    ("Minutes Section", "Apologies for absence"),
    ("Minutes Attendance", "Councillor Ben Brook"),
    ("Minutes Section", "In attendance"),
    ("Minutes Attendance", "Cara Dunn (Director of Public Health)"),
    ("Minute Heading", "1.\tApologies"),
    ("Minute Body", "Apologies were received from Councillor Ben Brook."),
    ("Minute Heading", "2.\tWinter pressures"),
    ("Minute Purpose", "To review winter plans."),
    ("Minute Body", "The Director of Public Health presented the report."),
    (
        "Minute Body",
        "Councillor Ben Brook asked how many beds were open. In reply, the Director of Public Health said "
        "that there were 40 beds open.",
    ),
    ("Minute Theme", "Capacity"),
    (
        "Minute Body",
        "The Committee sought assurance that extra beds would open in January. It was confirmed that "
        "funding had been agreed.",
    ),
    ("Minute Decision", "RESOLVED: That"),
    ("Minute Decision Part", "(a)\tthe report be noted; and"),
    ("Minute Decision Part", "(b)\ta briefing be given in March."),
    ("Minute Decision", "RECOMMENDED to Cabinet that winter funding be protected."),
    ("Minute Decision", "That the following information be requested:"),
    ("Minute Decision Part", "(a)\ta copy of the winter plan (of the Director of Public Health, by 17 December 2026)."),
    ("Minute Heading", "3.\tWork programme"),
    ("Minute Decision", "AGREED: That the work programme be approved."),
    ("Minute Heading", "4.\tContract award"),
    (
        "Minute Decision",
        "RESOLVED: That under section 100A(4) of the Local Government Act 1972, the public be excluded from the "
        "meeting for item 4 (Contract award) on the grounds that it involves the likely disclosure of exempt "
        "information as defined in paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972, and "
        "that in all the circumstances the public interest in maintaining the exemption outweighs the public "
        "interest in disclosing the information.",
    ),
    (
        "Minute Body",
        "This item was considered in private: the public were excluded as it involved exempt information as "
        "defined in paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972.",
    ),
    ("Minute Note", "The full minute is recorded in a confidential annex, not for publication."),
    ("Minutes Signature", "Chair\t……………………………………"),
    ("Minutes Signature", "Date\t……………………………………"),
]


#: A committee name long enough to wrap in the header.
LONG_COMMITTEE = (
    "Children, Young People, Families, Education and Skills Overview and Scrutiny Committee "
    "of the Borough Council of Elmbridge"
)
_SENTENCE = "Members discussed the figures in the report with the officers who had prepared them"


def build_long_meeting(store: Store, *, items: int = 30) -> int:
    """A meeting of many pages under a long committee name: items of different lengths (so page
    breaks fall in many places), each with a purpose, paragraphs, a bulleted list in some, a
    sub-heading in some, and either "RESOLVED: That" with its parts or a one-line decision."""
    committee = store.committees.add(Committee(name=LONG_COMMITTEE))
    assert committee.id is not None
    meeting = store.meetings.add(
        Meeting(committee_id=committee.id, date="2026-12-03", time="18:30", venue="Civic Centre"),
        [
            AgendaItem(meeting_id=0, number=str(n), title=f"Topic {n} of the work programme", purpose=f"To review topic {n}")
            for n in range(1, items + 1)
        ],
    )
    assert meeting.id is not None
    add = store.records.add
    for n, item in enumerate(store.agenda.for_meeting(meeting.id), start=1):
        item_id = item.id or 0
        for paragraph in range(1 + n % 4):
            add(Narrative(agenda_item_id=item_id, text=", and ".join([_SENTENCE] * (1 + (n + paragraph) % 5))))
        if n % 3 == 0:
            add(Narrative(agenda_item_id=item_id, text="The points raised were:\n- cost\n- timing\n- staffing"))
        if n % 4 == 1:
            add(Heading(agenda_item_id=item_id, text=f"Theme {n}"))
            add(Narrative(agenda_item_id=item_id, text=_SENTENCE))
        if n % 2:
            add(Resolution(agenda_item_id=item_id, text=f"the report on topic {n} be noted"))
            add(Resolution(agenda_item_id=item_id, text="a further report be brought to the next meeting"))
        else:
            add(Resolution(agenda_item_id=item_id, form=ResolutionForm.AGREED, text=f"topic {n} be closed"))
    return meeting.id
