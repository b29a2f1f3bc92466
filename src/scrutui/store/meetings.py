"""Meetings and their agenda items."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from scrutui.errors import NotFound, ScrutuiError
from scrutui.formalities import check_exempt_paragraph
from scrutui.models import AgendaItem, Jurisdiction, Meeting, MinutesStatus, now
from scrutui.store import numbering
from scrutui.store.base import Handle, fits_sqlite, insert, update
from scrutui.store.damage import read_all, read_one
from scrutui.store.locks import ensure_draft, ensure_not_approved, meeting_of_item, meeting_state
from scrutui.store.tracker import TrackerRepository

_MEETING_COLUMNS = tuple(f for f in Meeting.model_fields if f != "id")
_ITEM_COLUMNS = tuple(f for f in AgendaItem.model_fields if f != "id")


@dataclass(frozen=True)
class MeetingSummary:
    """A line of the meetings list: the meeting, its committee's name and how much is minuted."""

    meeting: Meeting
    committee: str
    records: int


def meeting_from_row(row: dict[str, Any]) -> Meeting:
    """A Meeting from a database row."""
    return Meeting.model_validate({k: row[k] for k in ("id", *_MEETING_COLUMNS)})


def item_from_row(row: dict[str, Any]) -> AgendaItem:
    """An AgendaItem from a database row."""
    return AgendaItem.model_validate({k: row[k] for k in ("id", *_ITEM_COLUMNS)})


#: The number of live records of meeting m (in a query over meetings aliased m).
COUNT_SQL = """(SELECT count(*) FROM record r JOIN agenda_item a ON a.id = r.agenda_item_id
                WHERE a.meeting_id = m.id AND r.deleted_at IS NULL)"""


class MeetingRepository:
    """Reads and writes meetings."""

    def __init__(self, handle: Handle) -> None:
        self._h = handle

    def add(
        self, meeting: Meeting, items: list[AgendaItem] | None = None, *, carry_forward: bool = False
    ) -> Meeting:
        """Save a new meeting and, optionally, its agenda, in one transaction.

        `carry_forward` gives the agenda an action log listing what is still outstanding from the
        committee's earlier meetings (see TrackerRepository.add_action_log).
        """
        values = meeting.model_dump(mode="json", exclude={"id"})
        with self._h.write() as conn:
            meeting_id = insert(conn, "meeting", {**values, "created_at": now()})
            for position, item in enumerate(items or [], start=1):
                data = item.model_dump(mode="json", exclude={"id"})
                insert(conn, "agenda_item", {**data, "meeting_id": meeting_id, "position": position})
            if carry_forward:
                TrackerRepository(self._h).add_action_log(meeting_id)
        return meeting.model_copy(update={"id": meeting_id})

    def update(self, meeting: Meeting) -> None:
        """Save changes to a meeting's date, time or venue (its status changes only by issuing and
        approving its minutes)."""
        if meeting.id is None:
            raise ValueError("meeting has no id")
        ensure_not_approved(self._h, meeting.id)
        values = meeting.model_dump(mode="json", exclude={"id", "status", "started_at", "ended_at"})
        with self._h.write() as conn:
            update(conn, "meeting", "id", meeting.id, values)

    def previous(self, meeting: Meeting) -> Meeting | None:
        """The committee's meeting before this one, if there is one."""
        row = self._h.row(
            """SELECT * FROM meeting WHERE committee_id = ? AND (date < ? OR (date = ? AND time < ?))
               ORDER BY date DESC, time DESC, id DESC LIMIT 1""",
            [meeting.committee_id, meeting.date.isoformat(), meeting.date.isoformat(), meeting.time.isoformat()],
        )
        found = read_all("meeting", [row] if row else [], meeting_from_row, self._h.note_damage)
        return found[0] if found else None

    def previous_before(self, committee_id: int, day: str) -> Meeting | None:
        """The committee's last meeting before a date (ISO), if there is one."""
        row = self._h.row(
            "SELECT * FROM meeting WHERE committee_id = ? AND date < ? ORDER BY date DESC, time DESC LIMIT 1",
            [committee_id, day],
        )
        found = read_all("meeting", [row] if row else [], meeting_from_row, self._h.note_damage)
        return found[0] if found else None

    def of_committee(self, committee_id: int) -> list[Meeting]:
        """A committee's meetings, oldest first."""
        rows = self._h.rows(
            "SELECT * FROM meeting WHERE committee_id = ? ORDER BY date, time, id", [committee_id]
        )
        return read_all("meeting", rows, meeting_from_row, self._h.note_damage)

    def get(self, meeting_id: int) -> Meeting:
        """The meeting with this id."""
        if not fits_sqlite(meeting_id):
            raise NotFound(f"There is no meeting with id {meeting_id}. `scrutui meetings` lists them.")
        row = self._h.row("SELECT * FROM meeting WHERE id = ?", [meeting_id])
        if row is None:
            raise NotFound(f"There is no meeting with id {meeting_id}. `scrutui meetings` lists them.")
        return read_one("meeting", row, meeting_from_row)

    def summaries(
        self, committee_id: int | None = None, limit: int | None = None, *, counts: bool = True
    ) -> list[MeetingSummary]:
        """Meetings, newest first, with their committee and the number of records minuted.

        With `limit`, only the newest meetings are read. With `counts=False` the records are not
        counted (`records` is -1): the meetings screen shows the list first and counts after. A
        meeting whose committee is missing is listed, its committee named as missing; a damaged
        meeting row is left out and noted (Handle.collecting_damage).
        """
        where = "WHERE committee_id = ?" if committee_id is not None else ""
        params: list[object] = [committee_id] if committee_id is not None else []
        if limit is not None:
            params.append(limit)
        rows = self._h.rows(
            f"""SELECT m.*, c.name AS committee_name, {COUNT_SQL if counts else "-1"} AS record_count
                FROM (SELECT * FROM meeting {where} ORDER BY date DESC, time DESC, id DESC
                      {"LIMIT ?" if limit is not None else ""}) m
                LEFT JOIN committee c ON c.id = m.committee_id
                ORDER BY m.date DESC, m.time DESC, m.id DESC""",
            params or None,
        )

        def summary(row: dict[str, Any]) -> MeetingSummary:
            name = row["committee_name"]
            if not isinstance(name, str):
                name = f"⚠ committee {row['committee_id']} is missing"
            return MeetingSummary(meeting_from_row(row), name, row["record_count"])

        return read_all("meeting", rows, summary, self._h.note_damage)

    def between(self, committee_id: int, start: dt.date | None, end: dt.date | None) -> list[Meeting]:
        """The committee's meetings from `start` to `end` (either open), oldest first (a damaged
        meeting left out and noted)."""
        rows = self._h.rows(
            "SELECT * FROM meeting WHERE committee_id = ? AND date >= ? AND date <= ? ORDER BY date, time, id",
            [committee_id, start.isoformat() if start else "", end.isoformat() if end else "9999-12-31"],
        )
        return read_all("meeting", rows, meeting_from_row, self._h.note_damage)

    def record_counts(self, meeting_ids: list[int]) -> dict[int, int]:
        """How many records each of these meetings holds."""
        if not meeting_ids:
            return {}
        marks = ", ".join("?" for _ in meeting_ids)
        rows = self._h.rows(
            f"""SELECT a.meeting_id AS meeting, count(r.id) AS n FROM agenda_item a
                LEFT JOIN record r ON r.agenda_item_id = a.id AND r.deleted_at IS NULL
                WHERE a.meeting_id IN ({marks}) GROUP BY a.meeting_id""",
            meeting_ids,
        )
        found = {r["meeting"]: r["n"] for r in rows}
        return {meeting_id: found.get(meeting_id, 0) for meeting_id in meeting_ids}

    def count(self) -> int:
        """How many meetings there are."""
        return int(self._h.scalar("SELECT count(*) FROM meeting"))

    def start(self, meeting_id: int) -> str:
        """Stamp the meeting's start time, the first time a draft is minuted. Returns the start time."""
        with self._h.write() as conn:
            conn.execute(
                "UPDATE meeting SET started_at = ? WHERE id = ? AND started_at IS NULL AND status = 'draft'",
                [now(), meeting_id],
            )
            return str(
                conn.execute("SELECT started_at FROM meeting WHERE id = ?", [meeting_id]).fetchone()[0]
            )

    def close(self, meeting_id: int, current_item_id: int | None = None) -> None:
        """Stamp the end of the meeting (and of the item being taken), the first time only."""
        stamp = now()
        with self._h.write() as conn:
            conn.execute("UPDATE meeting SET ended_at = ? WHERE id = ? AND ended_at IS NULL", [stamp, meeting_id])
            if current_item_id is not None:
                conn.execute(
                    "UPDATE agenda_item SET ended_at = ? WHERE id = ? AND ended_at IS NULL",
                    [stamp, current_item_id],
                )

    def set_status(self, meeting_id: int, status: MinutesStatus) -> None:
        """Move the minutes on: draft to issued to approved, never back.

        Issuing and approving go through ``Store.signoff`` (which numbers the items and keeps the
        approved minutes); this is the bare change of status it makes.
        """
        current, _ = meeting_state(self._h, meeting_id)
        order = list(MinutesStatus)
        if order.index(status) < order.index(current):
            raise ScrutuiError(
                f"Minutes that are {current.value} cannot go back to {status.value}: change them by a correction."
            )
        with self._h.write() as conn:
            conn.execute("UPDATE meeting SET status = ? WHERE id = ?", [status.value, meeting_id])

    def capture_drafts(self, meeting_id: int) -> dict[int, str]:
        """What was left typed but not entered on the capture line, by agenda item."""
        rows = self._h.rows(
            "SELECT id, capture_draft FROM agenda_item WHERE meeting_id = ? AND capture_draft <> ''"
            " ORDER BY position, id",
            [meeting_id],
        )
        return {int(r["id"]): str(r["capture_draft"]) for r in rows}

    def save_capture_draft(self, agenda_item_id: int, text: str) -> None:
        """Keep what is typed on the capture line under an item, so a crash does not lose it."""
        with self._h.write() as conn:
            conn.execute("UPDATE agenda_item SET capture_draft = ? WHERE id = ?", [text, agenda_item_id])


class AgendaRepository:
    """Reads and writes agenda items."""

    def __init__(self, handle: Handle) -> None:
        self._h = handle

    def for_meeting(self, meeting_id: int) -> list[AgendaItem]:
        """The meeting's agenda, in order (a damaged item left out and noted)."""
        rows = self._h.rows(
            "SELECT * FROM agenda_item WHERE meeting_id = ? ORDER BY position, id", [meeting_id]
        )
        return read_all("agenda_item", rows, item_from_row, self._h.note_damage)

    def with_decisions(self, meeting_ids: Sequence[int], *, confidential: bool) -> list[AgendaItem]:
        """The items of these meetings that hold a resolution or recommendation (the chair's list;
        exempt items only when `confidential`), meeting by meeting in agenda order (a damaged item
        left out and noted)."""
        exempt = "" if confidential else " AND a.exempt_paragraph IS NULL"
        found: list[AgendaItem] = []
        for start in range(0, len(meeting_ids), 500):
            chunk = list(meeting_ids[start : start + 500])
            rows = self._h.rows(
                f"SELECT a.* FROM agenda_item a WHERE a.meeting_id IN ({', '.join('?' for _ in chunk)}){exempt}"
                " AND EXISTS (SELECT 1 FROM record r WHERE r.agenda_item_id = a.id AND r.deleted_at IS NULL"
                " AND r.kind IN ('resolution', 'recommendation'))"
                " ORDER BY a.meeting_id, a.position, a.id",
                chunk,
            )
            found += read_all("agenda_item", rows, item_from_row, self._h.note_damage)
        return found

    def get(self, item_id: int) -> AgendaItem:
        """The agenda item with this id."""
        row = self._h.row("SELECT * FROM agenda_item WHERE id = ?", [item_id])
        if row is None:
            raise NotFound(f"There is no agenda item with id {item_id}.")
        return read_one("agenda_item", row, item_from_row)

    def add(self, item: AgendaItem, after: int | None = None) -> AgendaItem:
        """Add an item at the end of the agenda, or straight after the item with id `after`."""
        ensure_draft(self._h, item.meeting_id, "items cannot be added to the agenda")
        self._check_exempt(item)
        with self._h.write() as conn:
            if after is None:
                position = conn.execute(
                    "SELECT coalesce(max(position), 0) + 1 FROM agenda_item WHERE meeting_id = ?",
                    [item.meeting_id],
                ).fetchone()[0]
            else:
                position = conn.execute(
                    "SELECT position + 1 FROM agenda_item WHERE id = ?", [after]
                ).fetchone()[0]
                conn.execute(
                    "UPDATE agenda_item SET position = position + 1 WHERE meeting_id = ? AND position >= ?",
                    [item.meeting_id, position],
                )
            data = item.model_dump(mode="json", exclude={"id"})
            item_id = insert(conn, "agenda_item", {**data, "position": position})
        return item.model_copy(update={"id": item_id, "position": position})

    def update(self, item: AgendaItem) -> None:
        """Save changes to an item's number, title, purpose or exempt status.

        Its minute number and times are left alone: they are given as the item is taken.
        """
        if item.id is None:
            raise ValueError("agenda item has no id")
        ensure_not_approved(self._h, meeting_of_item(self._h, item.id))
        self._check_exempt(item)
        data = item.model_dump(
            mode="json",
            exclude={"id", "position", "meeting_id", "minute_number", "started_at", "ended_at"},
        )
        with self._h.write() as conn:
            update(conn, "agenda_item", "id", item.id, data)

    def _check_exempt(self, item: AgendaItem) -> None:
        """Refuse an exempt paragraph outside the committee's nation's Schedule 12A paragraphs."""
        if item.exempt_paragraph is None:
            return
        jurisdiction = self._h.scalar(
            "SELECT c.jurisdiction FROM meeting m JOIN committee c ON c.id = m.committee_id WHERE m.id = ?",
            [item.meeting_id],
        )
        if jurisdiction is None:
            raise NotFound(f"There is no meeting with id {item.meeting_id}.")
        check_exempt_paragraph(Jurisdiction(jurisdiction), item.exempt_paragraph)

    def delete(self, item_id: int) -> None:
        """Delete an item that has nothing minuted under it."""
        ensure_draft(self._h, meeting_of_item(self._h, item_id), "items cannot be taken off the agenda")
        count = self._h.scalar(
            "SELECT count(*) FROM record WHERE agenda_item_id = ? AND deleted_at IS NULL", [item_id]
        )
        if count:
            raise ScrutuiError(
                f"This item has {count} record{'s' if count != 1 else ''} minuted under it; "
                "delete or move them first."
            )
        with self._h.write() as conn:
            conn.execute("DELETE FROM agenda_item WHERE id = ?", [item_id])

    def move(self, item_id: int, step: int) -> bool:
        """Move an item up (-1) or down (+1) the agenda. False when it is already at that end."""
        item = self.get(item_id)
        ensure_not_approved(self._h, item.meeting_id)
        items = self.for_meeting(item.meeting_id)
        index = next(i for i, found in enumerate(items) if found.id == item_id)
        other = index + step
        if not 0 <= other < len(items):
            return False
        items[index], items[other] = items[other], items[index]
        with self._h.write() as conn:
            for position, found in enumerate(items, start=1):
                conn.execute("UPDATE agenda_item SET position = ? WHERE id = ?", [position, found.id])
        return True

    def renumber(self, meeting_id: int) -> None:
        """Number the agenda 1, 2, 3 ... in its current order."""
        ensure_not_approved(self._h, meeting_id)
        with self._h.write() as conn:
            ids = [
                r[0]
                for r in conn.execute(
                    "SELECT id FROM agenda_item WHERE meeting_id = ? ORDER BY position, id", [meeting_id]
                )
            ]
            for number, item_id in enumerate(ids, start=1):
                conn.execute("UPDATE agenda_item SET number = ? WHERE id = ?", [str(number), item_id])

    def record_counts(self, meeting_id: int) -> dict[int, int]:
        """How many records each item of a meeting holds."""
        rows = self._h.rows(
            """SELECT r.agenda_item_id AS item, count(*) AS n FROM record r
               JOIN agenda_item a ON a.id = r.agenda_item_id
               WHERE a.meeting_id = ? AND r.deleted_at IS NULL GROUP BY r.agenda_item_id""",
            [meeting_id],
        )
        return {r["item"]: r["n"] for r in rows}

    def take(self, item_id: int, leaving: int | None = None, at: str | None = None) -> AgendaItem:
        """Mark an item of a draft as taken: its start time is stamped (now, unless given) and its
        minute number given, the first time only, and the end time of the item being left (if it has
        none yet). Taking an item of issued or approved minutes changes nothing."""
        status, _ = meeting_state(self._h, meeting_of_item(self._h, item_id))
        if status is not MinutesStatus.DRAFT:
            return self.get(item_id)
        stamp = at or now()
        with self._h.write() as conn:
            conn.execute(
                "UPDATE agenda_item SET started_at = ? WHERE id = ? AND started_at IS NULL", [stamp, item_id]
            )
            if leaving is not None and leaving != item_id:
                conn.execute(
                    "UPDATE agenda_item SET ended_at = ? WHERE id = ? AND ended_at IS NULL AND started_at IS NOT NULL",
                    [stamp, leaving],
                )
            numbering.assign(conn, item_id)
        return self.get(item_id)
