"""The minuting screen's first look at a meeting, read with plain sqlite3 into plain values.

The app shows its first screen from this, before pydantic, the validated models and sqlite-utils are
imported (about a third of a second on a clerk's laptop); they are imported just after, and from
then on everything on screen comes from the validated store and every write goes through it. Only
reading happens here, and only of what the first screen shows.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from scrutui.store.connection import BUSY_TIMEOUT_MS

if TYPE_CHECKING:
    from scrutui.models import Record


@dataclass(frozen=True)
class RecordLine:
    """What the list of records shows of one record, whatever its kind (empty where a kind has no
    such detail)."""

    id: int | None
    kind: str
    text: str
    ends_section: bool = False
    asked_by: str = ""
    answered_by: str = ""
    answer: str = ""
    theme: str = ""
    sought_from: str = ""
    response: str = ""
    responded_by: str = ""
    status: str = ""
    requested_of: str = ""
    due_date: dt.date | None = None
    form: str = ""
    addressee: str = ""


def line_of(record: Record) -> RecordLine:
    """A validated record as the list shows it."""
    from scrutui.models import (
        Assurance,
        Heading,
        InformationRequest,
        Question,
        Recommendation,
        Resolution,
    )

    kind, text = record.kind.value, record.text
    match record:
        case Heading():
            return RecordLine(record.id, kind, text, ends_section=record.ends_section)
        case Question():
            return RecordLine(
                record.id, kind, text, asked_by=record.asked_by, answered_by=record.answered_by, answer=record.answer
            )
        case Assurance():
            return RecordLine(
                record.id,
                kind,
                text,
                theme=record.theme,
                sought_from=record.sought_from,
                response=record.response,
                responded_by=record.responded_by,
                status=record.status.value,
            )
        case InformationRequest():
            return RecordLine(
                record.id,
                kind,
                text,
                requested_of=record.requested_of,
                due_date=record.due_date,
                status=record.status.value,
            )
        case Resolution():
            return RecordLine(record.id, kind, text, form=record.form.value)
        case Recommendation():
            return RecordLine(record.id, kind, text, addressee=record.addressee)
    return RecordLine(record.id, kind, text)


@dataclass(frozen=True)
class ItemLine:
    """An agenda item as the first screen shows it."""

    id: int
    position: int
    number: str
    minute_number: str
    title: str
    exempt_paragraph: int | None
    started_at: str | None

    @property
    def is_exempt(self) -> bool:
        """True when the public is excluded for this item."""
        return self.exempt_paragraph is not None


@dataclass(frozen=True)
class MeetingGlance:
    """A meeting as the minuting screen first shows it."""

    id: int
    committee: str
    date: dt.date
    time: dt.time
    status: str
    items: tuple[ItemLine, ...]
    #: Live records by agenda item id.
    counts: dict[int, int]
    #: The item shown first (the one last taken, else the first), and its records.
    current: ItemLine | None
    records: tuple[RecordLine, ...]
    #: What was left typed on the capture line.
    draft: str


_RECORDS = """
SELECT r.id, r.kind, r.text, h.ends_section, q.asked_by, q.answered_by, q.answer, s.theme,
       s.sought_from, s.response, s.responded_by, coalesce(s.status, i.status), i.requested_of,
       i.due_date, o.form, c.addressee
FROM record r
LEFT JOIN heading h ON h.record_id = r.id
LEFT JOIN question q ON q.record_id = r.id
LEFT JOIN assurance s ON s.record_id = r.id
LEFT JOIN information_request i ON i.record_id = r.id
LEFT JOIN resolution o ON o.record_id = r.id
LEFT JOIN recommendation c ON c.record_id = r.id
WHERE r.agenda_item_id = ? AND r.deleted_at IS NULL ORDER BY r.position, r.id
"""


def glance_at_meeting(
    path: Path, meeting_id: int, *, item_id: int | None = None, read_only: bool = False
) -> MeetingGlance | None:
    """The meeting as its minuting screen first shows it, or None if it cannot be read this way
    (the screen then reads it through the store, which says clearly what is wrong)."""
    try:
        uri = f"{path.resolve().as_uri()}?mode=ro" if read_only else str(path)
        conn = sqlite3.connect(uri, uri=read_only, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error:
        return None
    try:
        return _read(conn, meeting_id, item_id)
    except (sqlite3.Error, ValueError, TypeError):
        return None
    finally:
        conn.close()


def _read(conn: sqlite3.Connection, meeting_id: int, item_id: int | None) -> MeetingGlance | None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    found = conn.execute(
        "SELECT m.date, m.time, m.status, m.capture_draft, c.name FROM meeting m"
        " JOIN committee c ON c.id = m.committee_id WHERE m.id = ?",
        [meeting_id],
    ).fetchone()
    if found is None:
        return None
    date, time, status, draft, committee = found
    items = tuple(
        ItemLine(*row)
        for row in conn.execute(
            "SELECT id, position, number, minute_number, title, exempt_paragraph, started_at"
            " FROM agenda_item WHERE meeting_id = ? ORDER BY position, id",
            [meeting_id],
        )
    )
    counts = dict(
        conn.execute(
            "SELECT r.agenda_item_id, count(*) FROM record r JOIN agenda_item a ON a.id = r.agenda_item_id"
            " WHERE a.meeting_id = ? AND r.deleted_at IS NULL GROUP BY r.agenda_item_id",
            [meeting_id],
        ).fetchall()
    )
    current = first_item(items, item_id)
    records: tuple[RecordLine, ...] = ()
    if current is not None:
        records = tuple(
            RecordLine(
                id=row[0],
                kind=row[1],
                text=row[2] or "",
                ends_section=bool(row[3]),
                asked_by=row[4] or "",
                answered_by=row[5] or "",
                answer=row[6] or "",
                theme=row[7] or "",
                sought_from=row[8] or "",
                response=row[9] or "",
                responded_by=row[10] or "",
                status=row[11] or "",
                requested_of=row[12] or "",
                due_date=dt.date.fromisoformat(row[13]) if row[13] else None,
                form=row[14] or "",
                addressee=row[15] or "",
            )
            for row in conn.execute(_RECORDS, [current.id])
        )
    return MeetingGlance(
        id=meeting_id,
        committee=committee,
        date=dt.date.fromisoformat(date),
        time=dt.time.fromisoformat(time),
        status=status,
        items=items,
        counts=counts,
        current=current,
        records=records,
        draft=draft or "",
    )


class _Taken(Protocol):
    @property
    def id(self) -> int | None: ...

    @property
    def started_at(self) -> str | None: ...


T = TypeVar("T", bound=_Taken)


def first_item(items: Sequence[T], wanted: int | None) -> T | None:
    """The item the minuting screen shows first: the one asked for, else the one last taken (the
    latest start), else the first."""
    started = [i for i in items if i.started_at]
    current = max(started, key=lambda i: i.started_at or "") if started else None
    current = current or (items[0] if items else None)
    if wanted is not None:
        current = next((i for i in items if i.id == wanted), current)
    return current
