"""The first screen's look at the database, read with plain sqlite3 into plain values: the meetings
list (`glance_at_meetings`) or, opened on a meeting, the minuting screen (`glance_at_meeting`).

The app shows its first screen from this, before pydantic, the validated models and sqlite-utils are
imported (about a third of a second on a clerk's laptop); they are imported just after, and from
then on everything on screen comes from the validated store and every write goes through it. Only
reading happens here, and only of what the first screen shows. Whatever this cannot read simply
(a motion under the item shown, a file it cannot open) gives None: the screen then reads through
the store at once, which says clearly what is wrong.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

from scrutui.store.connection import BUSY_TIMEOUT_MS

#: Who asked for information when no member is named (models.THE_COMMITTEE; the schema's default).
THE_COMMITTEE = "the Committee"


@dataclass(frozen=True)
class RecordLine:
    """What the list of records shows of one record, whatever its kind (empty where a kind has no
    such detail). The list makes one of a validated record too (`record_list.line_of`)."""

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
    agreed: bool = False
    addressee: str = ""
    amendment: bool = False
    moved_by: str = ""
    seconded_by: str = ""
    #: A motion's vote in a few words ("CARRIED 7-2-1"), and whether it has been put.
    vote: str = ""
    voted: bool = False


@dataclass(frozen=True)
class ItemLine:
    """An agenda item as the first screen shows it."""

    id: int
    number: str
    minute_number: str
    title: str
    exempt_paragraph: int | None
    started_at: str | None
    #: What was left typed on the capture line under this item.
    capture_draft: str

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
    #: The item shown first (see `first_item`), and its records.
    current: ItemLine | None
    records: tuple[RecordLine, ...]


@dataclass(frozen=True)
class MeetingLine:
    """A meeting as the meetings list first shows it."""

    id: int
    date: dt.date
    time: dt.time
    status: str
    committee: str


@dataclass(frozen=True)
class MeetingsGlance:
    """The meetings list as it first shows: the newest meetings, and what decides its columns."""

    meetings: tuple[MeetingLine, ...]
    #: How many committees there are (none: the welcome screen shows instead).
    committees: int
    #: True when a committee is in Wales (the list then shows decision-notice deadlines).
    wales: bool


def glance_at_meetings(path: Path, limit: int, *, read_only: bool = False) -> MeetingsGlance | None:
    """The newest `limit` meetings, newest first, as the meetings list first shows them; None if they
    cannot be read this way (the list then reads them through the store)."""
    return _glance(path, read_only, lambda conn: _read_meetings(conn, limit))


def _read_meetings(conn: sqlite3.Connection, limit: int) -> MeetingsGlance:
    committees, wales = conn.execute(
        "SELECT count(*), coalesce(max(jurisdiction = 'wales'), 0) FROM committee"
    ).fetchone()
    meetings = []
    for row in conn.execute(
        """SELECT m.id, m.date, m.time, m.status, c.name FROM
               (SELECT * FROM meeting ORDER BY date DESC, time DESC, id DESC LIMIT ?) m
           LEFT JOIN committee c ON c.id = m.committee_id ORDER BY m.date DESC, m.time DESC, m.id DESC""",
        [limit],
    ):
        if not isinstance(row[4], str):
            raise _Unread("a meeting whose committee is missing")  # the store names it so
        meetings.append(
            MeetingLine(int(row[0]), dt.date.fromisoformat(row[1]), dt.time.fromisoformat(row[2]), str(row[3]), row[4])
        )
    return MeetingsGlance(tuple(meetings), int(committees), bool(wales))


_RECORDS = """
SELECT r.id, r.kind, r.text, h.ends_section, coalesce(q.asked_by, i.asked_by), q.answered_by, q.answer,
       s.theme, s.sought_from, coalesce(s.response, ''), s.responded_by, coalesce(s.status, i.status),
       i.requested_of, i.due_date, o.form, c.addressee
FROM record r
LEFT JOIN heading h ON h.record_id = r.id
LEFT JOIN question q ON q.record_id = r.id
LEFT JOIN assurance s ON s.record_id = r.id
LEFT JOIN information_request i ON i.record_id = r.id
LEFT JOIN resolution o ON o.record_id = r.id
LEFT JOIN recommendation c ON c.record_id = r.id
WHERE r.agenda_item_id = ? AND r.deleted_at IS NULL ORDER BY r.position, r.id
"""

#: The kinds read here; any other (a motion, whose vote the model works out) leaves it to the store.
_KINDS = frozenset(
    {"heading", "narrative", "question", "assurance", "information_request", "resolution", "recommendation"}
)


G = TypeVar("G")


class _Unread(Exception):
    """Something the glance does not read: the store reads the meeting instead."""


def glance_at_meeting(
    path: Path, meeting_id: int, *, item_id: int | None = None, read_only: bool = False
) -> MeetingGlance | None:
    """The meeting as its minuting screen first shows it, or None if it cannot be read this way
    (the screen then reads it through the store)."""
    return _glance(path, read_only, lambda conn: _read(conn, meeting_id, item_id))


def _glance(path: Path, read_only: bool, read: Callable[[sqlite3.Connection], G | None]) -> G | None:
    """What `read` reads from the database at `path`, in one snapshot of it; None if it cannot."""
    try:
        uri = f"{path.resolve().as_uri()}?mode=ro" if read_only else str(path)
        conn = sqlite3.connect(uri, uri=read_only, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except (sqlite3.Error, OSError, ValueError):
        return None
    try:
        conn.execute("BEGIN")  # one snapshot of the file for everything read here
        return read(conn)
    except (sqlite3.Error, ValueError, TypeError, _Unread):
        return None
    finally:
        conn.close()


def _read(conn: sqlite3.Connection, meeting_id: int, item_id: int | None) -> MeetingGlance | None:
    found = conn.execute(
        "SELECT m.date, m.time, m.status, c.name FROM meeting m JOIN committee c ON c.id = m.committee_id"
        " WHERE m.id = ?",
        [meeting_id],
    ).fetchone()
    if found is None:
        return None
    date, time, status, committee = found
    items = tuple(
        ItemLine(
            id=row[0],
            number=row[1] or "",
            minute_number=row[2] or "",
            title=row[3] or "",
            exempt_paragraph=row[4],
            started_at=row[5],
            capture_draft=row[6] or "",
        )
        for row in conn.execute(
            "SELECT id, number, minute_number, title, exempt_paragraph, started_at, capture_draft"
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
    records = tuple(_record(row) for row in conn.execute(_RECORDS, [current.id])) if current else ()
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
    )


def _record(row: tuple[object, ...]) -> RecordLine:
    kind = str(row[1])
    if kind not in _KINDS:
        raise _Unread(kind)
    asked_by = str(row[4] or "")
    return RecordLine(
        id=int(str(row[0])),
        kind=kind,
        text=str(row[2] or ""),
        ends_section=bool(row[3]),
        asked_by=asked_by or (THE_COMMITTEE if kind == "information_request" else ""),
        answered_by=str(row[5] or ""),
        answer=str(row[6] or ""),
        theme=str(row[7] or ""),
        sought_from=str(row[8] or ""),
        response=str(row[9] or ""),
        responded_by=str(row[10] or ""),
        status=str(row[11] or ""),
        requested_of=str(row[12] or ""),
        due_date=dt.date.fromisoformat(str(row[13])) if row[13] else None,
        agreed=row[14] == "agreed",
        addressee=str(row[15] or ""),
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
