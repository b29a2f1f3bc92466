"""The public open-data copy: an SQLite file (with a Datasette metadata.json) holding what the public
minutes and lists say of issued and approved minutes, and nothing else.

The copy is built by selecting what may be published, never by deleting from a full copy: each
table below is written from what scrutui's public exports give (the minutes as the public Word
document words them, the tracker's public rows), keeping only the columns named in `TABLES`. A
column added to the database, or to an export's rows, is therefore not published until it is added
here. Exempt items appear as the public minutes give them (public title, the exclusion, the public
summary); the nature of a sensitive interest is not published; draft minutes are left out whole.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from scrutui.export.files import check_destination, write_atomically
from scrutui.formalities import nature_withheld
from scrutui.minutes import MinutesDocument, Paragraph, build_from, item_reference
from scrutui.models import MinutesStatus
from scrutui.paths import PUBLISHED_APPLICATION_ID
from scrutui.store import Store
from scrutui.store.tracker import StatusFilter, Tracked, TrackerQuery
from scrutui.tracker.documents import recommendation_row, request_row, resolution_rows
from scrutui.tracker.rules import Tracker
from scrutui.withheld import public_item

#: Minutes at these stages are published; drafts never are.
PUBLISHED = (MinutesStatus.ISSUED, MinutesStatus.APPROVED)

#: Every table of the copy: its description and its columns (name: description), in order. Only
#: these columns are ever written.
TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "committees": ("The committees.", {"id": "The committee's number", "name": "The committee"}),
    "meetings": (
        "Meetings whose minutes are issued (draft minutes sent to members) or approved (confirmed "
        "as a correct record at a later meeting).",
        {
            "id": "The meeting's number",
            "committee_id": "The committee's number",
            "committee": "The committee",
            "date": "The date of the meeting",
            "time": "The time it began",
            "venue": "Where it met",
            "status": "issued or approved",
            "approved_at": "The date of the meeting that confirmed the minutes (approved minutes)",
        },
    ),
    "agenda_items": (
        "Each meeting's agenda. An exempt (private) item is given by its public title and summary only.",
        {
            "meeting_id": "The meeting's number",
            "position": "Its order on the agenda",
            "minute": "Its minute number",
            "title": "Its title (the public title of an exempt item)",
            "purpose": "Its purpose (not given for exempt items)",
            "exempt": "1 if the public were excluded for it (Schedule 12A)",
            "exempt_paragraph": "The paragraph of Schedule 12A it was exempt under",
            "public_summary": "What the public minutes say of an exempt item",
        },
    ),
    "minutes": (
        "The public minutes, paragraph by paragraph, as the published minutes word them.",
        {
            "meeting_id": "The meeting's number",
            "committee": "The committee",
            "meeting_date": "The date of the meeting",
            "position": "The paragraph's order in the minutes",
            "minute": "The minute number it comes under (blank for the attendance)",
            "item": "The item it comes under",
            "style": "What kind of paragraph it is (the Word style's name)",
            "label": "A resolution part's label: (a), (b) ...",
            "text": "The paragraph",
        },
    ),
    "decisions": (
        "Resolutions and recommendations, with the executive's response to each recommendation.",
        {
            "committee": "The committee",
            "meeting_id": "The meeting's number",
            "meeting_date": "The date of the meeting",
            "minute": "The minute it was made under",
            "item": "The item it was made under",
            "record_id": "The decision's number",
            "decision": "resolved, agreed or recommended",
            "label": "Its label in the resolution: (a), (b) ...",
            "text": "What was decided",
            "addressee": "Whom a recommendation was made to",
            "response_due": "When the executive's response is due",
            "response_status": "The executive's response: awaited, accepted, partly accepted, rejected, noted",
            "response_date": "When the executive responded",
            "response_text": "The executive's response",
        },
    ),
    "information_requests": (
        "Information the committee asked for, of whom, when it is due and what came of it.",
        {
            "committee": "The committee",
            "meeting_id": "The meeting's number",
            "meeting_date": "The date of the meeting",
            "minute": "The minute it was asked under",
            "item": "The item it was asked under",
            "request_id": "The request's number",
            "requested": "What was asked for",
            "of": "Whom it was asked of",
            "due": "When it is due",
            "status": "outstanding, answered, refused or withdrawn",
            "answered_on": "When it was answered (or refused, or withdrawn)",
            "response": "The response, or the reasons for a refusal",
        },
    ),
    "recommendations": (
        "Recommendations to the executive and its responses (the recommendation tracker).",
        {
            "committee": "The committee",
            "meeting_id": "The meeting's number",
            "meeting_date": "The date of the meeting",
            "minute": "The minute it was made under",
            "item": "The item it was made under",
            "record_id": "The recommendation's number",
            "recommended": "What was recommended",
            "to": "Whom it was made to",
            "response_due": "When the response is due",
            "response_status": "awaited, accepted, partly accepted, rejected or noted",
            "response_date": "When the executive responded",
            "response_text": "The executive's response",
        },
    ),
    "declarations": (
        "Declarations of interest. The nature of a sensitive interest is not recorded.",
        {
            "meeting_id": "The meeting's number",
            "member": "Who declared it",
            "item": "The item it was declared in",
            "interest": "The kind of interest",
            "nature": "Its nature, as declared (blank for a sensitive interest)",
            "action": "Whether the member remained or withdrew",
        },
    ),
}

INTEGER_COLUMNS = frozenset(
    {"id", "meeting_id", "committee_id", "record_id", "request_id", "position", "exempt", "exempt_paragraph"}
)

#: The tables' text searched with Datasette's ?_search= (SQLite FTS5).
SEARCHABLE = {
    "minutes": ["item", "text"],
    "decisions": ["item", "text", "response_text"],
    "information_requests": ["requested", "response"],
    "recommendations": ["recommended", "response_text"],
}

OGL = "Open Government Licence v3.0"
OGL_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


@dataclass(frozen=True)
class Published:
    """What a publication wrote."""

    database: Path
    metadata: Path
    meetings: int
    rows: dict[str, int]


def _kept(table: str, rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The rows with only the table's allowed columns (a key missing from a row is refused)."""
    columns = TABLES[table][1]
    return [{column: row[column] for column in columns} for row in rows]


def _paragraph_rows(document: MinutesDocument, meeting_id: int) -> list[dict[str, Any]]:
    """The public minutes' paragraphs, each with the minute it comes under."""
    placed: list[tuple[str, str, Paragraph]] = [("", "", p) for p in document.front]
    for item in document.items:
        placed += [(item.number, item.title, p) for p in item.paragraphs]
    placed += [("", "", p) for p in document.closing]
    return [
        {
            "meeting_id": meeting_id,
            "committee": document.committee,
            "meeting_date": document.meeting_date.isoformat(),
            "position": position,
            "minute": minute,
            "item": title,
            "style": paragraph.style.value,
            "label": paragraph.label,
            "text": paragraph.text,
        }
        for position, (minute, title, paragraph) in enumerate(placed, start=1)
    ]


def gather_open_data(store: Store, *, today: dt.date | None = None) -> dict[str, list[dict[str, Any]]]:
    """Every published row, table by table, read from the store (nothing is written)."""
    as_at = today or dt.date.today()
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    summaries = [s for s in store.meetings.summaries() if s.meeting.status in PUBLISHED]
    summaries.sort(key=lambda s: (s.meeting.date, s.meeting.time, s.meeting.id or 0))
    published = [s.meeting.id for s in summaries if s.meeting.id is not None]
    committees: dict[int, str] = {}
    for summary in summaries:
        meeting, meeting_id = summary.meeting, summary.meeting.id or 0
        committees[meeting.committee_id] = summary.committee
        state = store.signoff.state(meeting_id)
        source = store.signoff.source(meeting_id)  # as approved and corrected, once approved
        items = [public_item(item) for item in source.items]
        tables["meetings"].append(
            {
                "id": meeting_id,
                "committee_id": meeting.committee_id,
                "committee": summary.committee,
                "date": meeting.date.isoformat(),
                "time": meeting.time.strftime("%H:%M"),
                "venue": meeting.venue,
                "status": meeting.status.value,
                "approved_at": state.approved_at_meeting.date.isoformat() if state.approved_at_meeting else "",
            }
        )
        tables["agenda_items"] += [
            {
                "meeting_id": meeting_id,
                "position": position,
                "minute": (item.minute_number or item.number).strip(),
                "title": item.title,
                "purpose": item.purpose,
                "exempt": int(item.is_exempt),
                "exempt_paragraph": item.exempt_paragraph,
                "public_summary": item.public_summary if item.is_exempt else "",
            }
            for position, item in enumerate(items, start=1)
        ]
        tables["minutes"] += _paragraph_rows(build_from(source, confidential=False), meeting_id)
        by_id = {item.id: item for item in items}
        for line in source.declarations:
            declared = line.declaration
            item = by_id.get(declared.agenda_item_id)
            withheld = nature_withheld(declared.category, item, source.committee)
            tables["declarations"].append(
                {
                    "meeting_id": meeting_id,
                    "member": line.reference,
                    "item": item_reference(item) if item else "",
                    "interest": declared.category.label,
                    "nature": "" if withheld else declared.nature,
                    "action": declared.action.value,
                }
            )
    tables["committees"] = [{"id": key, "name": name} for key, name in sorted(committees.items())]
    decisions = Tracker(store, lambda: as_at).decisions(published, confidential=False)
    tables["decisions"] = [row for row in resolution_rows(decisions, as_at) if not row["exempt"]]
    wanted = set(published)
    for kind, table, row_of in (
        (Tracked.REQUESTS, "information_requests", request_row),
        (Tracked.RECOMMENDATIONS, "recommendations", recommendation_row),
    ):
        query = TrackerQuery(as_at=as_at, kind=kind, status=StatusFilter.ALL, confidential=False)
        entries = [
            e for e in store.tracker.all(query) if e.origin.meeting_id in wanted and not e.origin.exempt
        ]
        entries.sort(key=lambda e: (e.origin.meeting_date, e.id))
        tables[table] = [row_of(e, as_at) for e in entries]
    return {name: _kept(name, rows) for name, rows in tables.items()}


def metadata(database: str, *, title: str, licence: str, licence_url: str) -> dict[str, Any]:
    """Datasette's metadata.json for the copy: its title, licence and what each table and column holds."""
    return {
        "title": title,
        "description": (
            "The public minutes of scrutiny committees, their resolutions and recommendations, and the "
            "information they asked for. Only issued and approved minutes are here; exempt (private) "
            "items are given as the public minutes give them."
        ),
        "license": licence,
        "license_url": licence_url,
        "source": "scrutui",
        "databases": {
            database: {
                "tables": {
                    name: {"description": description, "columns": columns}
                    for name, (description, columns) in TABLES.items()
                }
            }
        },
    }


def _write_copy(path: Path, tables: dict[str, list[dict[str, Any]]]) -> None:
    db = sqlite_utils.Database(path)
    try:
        for name, (_, columns) in TABLES.items():
            table = db.table(name)
            types = {column: int if column in INTEGER_COLUMNS else str for column in columns}
            table.create(types, pk="id" if "id" in columns else None)
            table.insert_all(tables[name])
        for name, searched in SEARCHABLE.items():
            db.table(name).enable_fts(searched, tokenize="porter", create_triggers=True)
        db.conn.commit()
        db.execute(f"PRAGMA application_id = {PUBLISHED_APPLICATION_ID}")  # replaceable (paths.py)
        db.execute("VACUUM")
    finally:
        db.close()


def publish(
    store: Store,
    output: Path,
    *,
    force: bool = False,
    title: str = "Scrutiny committees: open data",
    licence: str = OGL,
    licence_url: str = OGL_URL,
    today: dt.date | None = None,
) -> Published:
    """Write the open-data copy to `output` and its Datasette metadata.json beside it."""
    output = Path(output).expanduser()
    if output.suffix.lower() not in (".sqlite", ".db", ".sqlite3"):
        output = output.with_name(output.name + ".sqlite")
    described = output.with_name("metadata.json")
    check_destination(output, force=force)
    check_destination(described, force=force)
    tables = gather_open_data(store, today=today)
    write_atomically(output, lambda temporary: _write_copy(temporary, tables), force=force)
    text = json.dumps(
        metadata(output.stem, title=title, licence=licence, licence_url=licence_url), indent=2, ensure_ascii=False
    )

    def write_metadata(temporary: Path) -> None:
        temporary.write_text(text + "\n", encoding="utf-8")

    write_atomically(described, write_metadata, force=force)
    return Published(output, described, len(tables["meetings"]), {name: len(rows) for name, rows in tables.items()})
