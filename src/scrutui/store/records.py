"""Minute records: the ordered spine under each agenda item and each kind's detail.

Every change is committed before the method returns. Deleting only marks a record deleted, and each
edit, delete and restore leaves a revision holding the record as it was, so nothing is lost and undo
can always put a record back.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from scrutui import deadlines
from scrutui.errors import NotFound, ScrutuiError
from scrutui.models import (
    InformationRequest,
    Jurisdiction,
    Motion,
    Recommendation,
    Record,
    RecordKind,
    now,
    record_from_dict,
)
from scrutui.store.base import Handle, insert
from scrutui.store.damage import RowProblem, read_all, read_one
from scrutui.store.locks import (
    ensure_not_approved,
    meeting_of_item,
    meeting_of_record,
    only_follow_up_changed,
)

#: Each kind's detail table and the model fields it holds.
DETAIL_TABLES: dict[RecordKind, tuple[str, tuple[str, ...]]] = {
    RecordKind.HEADING: ("heading", ("ends_section",)),
    RecordKind.NARRATIVE: ("narrative", ("blocks",)),
    RecordKind.QUESTION: ("question", ("asked_by", "answered_by", "answer")),
    RecordKind.ASSURANCE: (
        "assurance",
        ("theme", "sought_from", "response", "responded_by", "reported_as", "status"),
    ),
    RecordKind.INFORMATION_REQUEST: (
        "information_request",
        ("asked_by", "requested_of", "due_date", "due_date_by_hand", "status", "answered_on", "response"),
    ),
    RecordKind.RESOLUTION: ("resolution", ("form",)),
    RecordKind.RECOMMENDATION: (
        "recommendation",
        ("addressee", "response_due", "response_status", "response_date", "response_text"),
    ),
    RecordKind.MOTION: (
        "motion",
        (
            "moved_by",
            "seconded_by",
            "amendment",
            "outcome",
            "votes_for",
            "votes_against",
            "abstentions",
            "casting_vote",
            "decision_id",
        ),
    ),
}
KINDS = frozenset(kind.value for kind in RecordKind)
_SPINE = ("id", "agenda_item_id", "kind", "position", "text", "created_at", "updated_at", "version")
#: Detail fields held as JSON text, and those held as 0/1.
_JSON_FIELDS = frozenset({"blocks"})
_FLAG_FIELDS = frozenset({"due_date_by_hand", "ends_section", "amendment", "casting_vote"})
#: Kinds with lines of their own beyond the detail table: a recorded vote's members.
_VOTE_LINES = "SELECT record_id, person_id, name, vote FROM motion_vote WHERE record_id IN ({}) ORDER BY record_id, position"

SELECT_RECORDS = (
    "SELECT "
    + ", ".join(f"r.{c}" for c in _SPINE)
    + "".join(
        f', {table}.{field} AS "{table}.{field}"'
        for table, fields in DETAIL_TABLES.values()
        for field in fields
    )
    + " FROM record r"
    + "".join(f" LEFT JOIN {table} ON {table}.record_id = r.id" for table, _ in DETAIL_TABLES.values())
)


def record_from_row(row: dict[str, Any], lines: dict[int, list[dict[str, Any]]] | None = None) -> Record:
    """Rebuild a record (of the right kind) from a row of SELECT_RECORDS, and a motion's recorded
    vote from `lines` (by record id, as :meth:`RecordRepository.vote_lines` reads them)."""
    data = {c: row[c] for c in _SPINE}
    if row["kind"] not in KINDS:
        raise RowProblem("its kind is not one scrutui knows")
    if lines and row["id"] in lines:
        data["recorded_votes"] = lines[row["id"]]
    kind = RecordKind(row["kind"])
    if kind in DETAIL_TABLES:
        table, fields = DETAIL_TABLES[kind]
        for field in fields:
            value = row[f"{table}.{field}"]
            if value is None:
                continue
            if field in _FLAG_FIELDS:
                value = bool(value)
            elif field in _JSON_FIELDS:
                value = json.loads(value)
            data[field] = value
    return record_from_dict(data)


class RecordChanged(ScrutuiError):
    """An edit made from a version of a record that has since been changed (or deleted) elsewhere:
    another window or another clerk. The edit was not saved over it; it is kept in the record's
    history (a revision with action "conflict"), and `current` is the record as it now stands."""

    def __init__(self, unsaved: Record, current: Record | None) -> None:
        kind = unsaved.kind.label.lower()
        if current is None:
            message = (
                f"This {kind} was deleted elsewhere (another window or clerk) since you opened it; "
                "your version is kept in its history."
            )
        else:
            message = (
                f"This {kind} was changed elsewhere (another window or clerk) since you opened it, so "
                "yours was not saved over it; yours is kept in its history."
            )
        super().__init__(message)
        self.unsaved = unsaved
        self.current = current


def _detail_values(record: Record) -> tuple[str, dict[str, Any]] | None:
    if record.kind not in DETAIL_TABLES:
        return None
    table, fields = DETAIL_TABLES[record.kind]
    dumped = record.model_dump(mode="json", include=set(fields))
    return table, {
        field: json.dumps(dumped[field], ensure_ascii=False) if field in _JSON_FIELDS else dumped[field]
        for field in fields
    }


def _write_vote_lines(conn: sqlite3.Connection, record_id: int, record: Record, *, replace: bool = False) -> None:
    """Write a motion's recorded vote, one row a member (replacing what was there)."""
    if replace:
        conn.execute("DELETE FROM motion_vote WHERE record_id = ?", [record_id])
    if not isinstance(record, Motion):
        return
    conn.executemany(
        "INSERT INTO motion_vote (record_id, position, person_id, name, vote) VALUES (?, ?, ?, ?, ?)",
        [
            [record_id, position, line.person_id, line.name, line.vote.value]
            for position, line in enumerate(record.recorded_votes, start=1)
        ],
    )


class RecordRepository:
    """Reads and writes minute records."""

    def __init__(self, handle: Handle) -> None:
        self._h = handle

    # --- reading --------------------------------------------------------------------------------

    def for_item(self, agenda_item_id: int) -> list[Record]:
        """The item's records in order (deleted ones left out; a damaged one left out and noted)."""
        rows = self._h.rows(
            SELECT_RECORDS + " WHERE r.agenda_item_id = ? AND r.deleted_at IS NULL ORDER BY r.position, r.id",
            [agenda_item_id],
        )
        lines = self.vote_lines(rows)
        return read_all("record", rows, lambda row: record_from_row(row, lines), self._h.note_damage)

    def vote_lines(self, rows: list[dict[str, Any]]) -> dict[int, list[dict[str, Any]]]:
        """The members' lines of the recorded votes among `rows` (of SELECT_RECORDS), by record id."""
        motions = [int(r["id"]) for r in rows if r["kind"] == RecordKind.MOTION.value]
        found: dict[int, list[dict[str, Any]]] = {}
        for start in range(0, len(motions), 500):
            chunk = motions[start : start + 500]
            for line in self._h.rows(_VOTE_LINES.format(", ".join("?" for _ in chunk)), chunk):
                record_id = line.pop("record_id")
                found.setdefault(record_id, []).append(line)
        return found

    def for_meeting(self, meeting_id: int) -> dict[int, list[Record]]:
        """Every record of a meeting, by agenda item id, each list in order."""
        rows = self._h.rows(
            SELECT_RECORDS + " JOIN agenda_item a ON a.id = r.agenda_item_id"
            " WHERE a.meeting_id = ? AND r.deleted_at IS NULL ORDER BY a.position, r.position, r.id",
            [meeting_id],
        )
        lines = self.vote_lines(rows)
        found: dict[int, list[Record]] = {}
        for row in rows:
            found.setdefault(row["agenda_item_id"], [])
        for record in read_all("record", rows, lambda row: record_from_row(row, lines), self._h.note_damage):
            found[record.agenda_item_id].append(record)
        return {item: records for item, records in found.items() if records}

    def decisions(self, item_ids: Sequence[int]) -> dict[int, list[Record]]:
        """The resolutions and recommendations of these items (the chair's list), with the carried
        motions that became them, by agenda item id, each list in order: only these are read, not
        every record of each meeting (a damaged one left out and noted)."""
        found: dict[int, list[Record]] = {}
        for start in range(0, len(item_ids), 500):
            chunk = list(item_ids[start : start + 500])
            rows = self._h.rows(
                SELECT_RECORDS + f" WHERE r.agenda_item_id IN ({', '.join('?' for _ in chunk)})"
                " AND r.deleted_at IS NULL AND (r.kind IN ('resolution', 'recommendation')"
                " OR (r.kind = 'motion' AND motion.outcome = 'carried' AND motion.decision_id IS NOT NULL))"
                " ORDER BY r.agenda_item_id, r.position, r.id",
                chunk,
            )
            build = functools.partial(record_from_row, lines=self.vote_lines(rows))
            for record in read_all("record", rows, build, self._h.note_damage):
                found.setdefault(record.agenda_item_id, []).append(record)
        return found

    def last_of_item(self, agenda_item_id: int) -> Record | None:
        """The item's last record (deleted ones left out), or None."""
        row = self._h.row(
            SELECT_RECORDS + " WHERE r.agenda_item_id = ? AND r.deleted_at IS NULL"
            " ORDER BY r.position DESC, r.id DESC LIMIT 1",
            [agenda_item_id],
        )
        return record_from_row(row) if row else None

    def last_awaiting_answer(self, agenda_item_id: int) -> Record | None:
        """The item's last question without an answer or assurance without a response, or None
        (what an answer typed on the capture line completes)."""
        row = self._h.row(
            SELECT_RECORDS + " WHERE r.agenda_item_id = ? AND r.deleted_at IS NULL"
            " AND ((r.kind = 'question' AND coalesce(question.answer, '') = '')"
            " OR (r.kind = 'assurance' AND coalesce(assurance.response, '') = ''))"
            " ORDER BY r.position DESC, r.id DESC LIMIT 1",
            [agenda_item_id],
        )
        return record_from_row(row) if row else None

    def has_carried_motion(self, agenda_item_id: int) -> bool:
        """Whether the item has a carried motion (only then can a new decision be a motion's)."""
        return bool(
            self._h.scalar(
                "SELECT EXISTS (SELECT 1 FROM record r JOIN motion ON motion.record_id = r.id"
                " WHERE r.agenda_item_id = ? AND r.deleted_at IS NULL AND motion.outcome = 'carried')",
                [agenda_item_id],
            )
        )

    def get(self, record_id: int, *, include_deleted: bool = False) -> Record:
        """The record with this id."""
        live = "" if include_deleted else " AND r.deleted_at IS NULL"
        row = self._h.row(SELECT_RECORDS + f" WHERE r.id = ?{live}", [record_id])
        if row is None:
            raise NotFound(f"There is no record with id {record_id}.")
        lines = self.vote_lines([row])
        return read_one("record", row, lambda found: record_from_row(found, lines))

    def count(self) -> int:
        """How many records (not deleted) there are."""
        return int(self._h.scalar("SELECT count(*) FROM record WHERE deleted_at IS NULL"))

    # --- writing --------------------------------------------------------------------------------

    def add(self, record: Record) -> Record:
        """Save a new record at the end of its item. Returns it with its id, once committed."""
        ensure_not_approved(self._h, meeting_of_item(self._h, record.agenda_item_id))
        record = self._with_due_dates(record)
        stamp = now()
        with self._h.write() as conn:
            position = conn.execute(
                "SELECT coalesce(max(position), 0) + 1 FROM record WHERE agenda_item_id = ?",
                [record.agenda_item_id],
            ).fetchone()[0]
            record_id = insert(
                conn,
                "record",
                {
                    "agenda_item_id": record.agenda_item_id,
                    "kind": record.kind.value,
                    "position": position,
                    "text": record.text,
                    "created_at": stamp,
                    "updated_at": stamp,
                },
            )
            detail = _detail_values(record)
            if detail:
                table, values = detail
                insert(conn, table, {"record_id": record_id, **values})
            _write_vote_lines(conn, record_id, record)
        return record.model_copy(
            update={"id": record_id, "position": position, "created_at": stamp, "updated_at": stamp}
        )

    def update(self, record: Record, *, revise: bool = True, expected: int | None = None) -> Record:
        """Save an edited record (its kind may change). Returns the record as it was before.

        `revise=False` skips the revision row: the narrative editor's autosaves keep one revision
        (the text before editing began) rather than one every few seconds.

        `expected` is the version the editor opened. If the record has been changed or deleted since
        (elsewhere), nothing is saved over it: the edit is kept as a revision (action "conflict") and
        RecordChanged is raised, holding the record as it now stands (call this outside any outer
        transaction, or catch it inside one, so the kept revision is committed). The saved record's
        version is the returned one's plus one.

        A record of approved minutes may have only its follow-up changed (a response, a status, a
        due date); anything else needs a correction.
        """
        if record.id is None:
            raise ValueError("record has no id")
        record_id = record.id
        record = self._with_due_dates(record)
        conflict = False
        with self._h.write() as conn:
            # Read inside the write transaction, so nobody can change the record between the check
            # and the write.
            state = conn.execute("SELECT version, deleted_at FROM record WHERE id = ?", [record_id]).fetchone()
            if state is None:
                raise NotFound(f"There is no record with id {record_id}.")
            if expected is not None and (state[0] != expected or state[1] is not None):
                self._keep_unsaved(conn, record)
                conflict = True
            else:
                before = self.get(record_id)
                if not only_follow_up_changed(before, record):
                    ensure_not_approved(self._h, meeting_of_record(self._h, record_id))
                self.write_update(conn, before, record, revise=revise)
        if conflict:
            current = None if state[1] is not None else self.get(record_id)
            raise RecordChanged(record, current)
        return before

    def write_update(
        self, conn: sqlite3.Connection, before: Record, record: Record, *, revise: bool = True
    ) -> None:
        """Write an edited record inside a transaction, without the approved-minutes check (the
        correction path, which records why, uses this)."""
        stamp = now()
        if revise:
            self._revise(conn, before, "edit", stamp)
        conn.execute(
            "UPDATE record SET kind = ?, text = ?, updated_at = ?, version = version + 1 WHERE id = ?",
            [record.kind.value, record.text, stamp, record.id],
        )
        old = _detail_values(before)
        if old and old[0] != (_detail_values(record) or ("",))[0]:
            conn.execute(f"DELETE FROM {old[0]} WHERE record_id = ?", [record.id])
        detail = _detail_values(record)
        if detail:
            table, values = detail
            columns = ", ".join(["record_id", *values])
            marks = ", ".join("?" for _ in range(len(values) + 1))
            conn.execute(
                f"INSERT OR REPLACE INTO {table} ({columns}) VALUES ({marks})",
                [record.id, *values.values()],
            )
        _write_vote_lines(conn, record.id or 0, record, replace=True)

    def delete(self, record_id: int) -> Record:
        """Mark a record deleted (undo restores it). Returns the record."""
        ensure_not_approved(self._h, meeting_of_record(self._h, record_id))
        before = self.get(record_id)
        stamp = now()
        with self._h.write() as conn:
            self._revise(conn, before, "delete", stamp)
            conn.execute(
                "UPDATE record SET deleted_at = ?, version = version + 1 WHERE id = ?", [stamp, record_id]
            )
        return before

    def restore(self, record_id: int) -> Record:
        """Bring back a deleted record, in its old place."""
        ensure_not_approved(self._h, meeting_of_record(self._h, record_id))
        stamp = now()
        with self._h.write() as conn:
            conn.execute(
                "INSERT INTO revision (record_id, at, action) VALUES (?, ?, 'restore')", [record_id, stamp]
            )
            conn.execute("UPDATE record SET deleted_at = NULL, version = version + 1 WHERE id = ?", [record_id])
        return self.get(record_id)

    def move(self, record_id: int, step: int) -> bool:
        """Move a record up (-1) or down (+1) within its item. False when already at that end."""
        ensure_not_approved(self._h, meeting_of_record(self._h, record_id))
        record = self.get(record_id)
        order = self._h.rows(
            "SELECT id, position FROM record WHERE agenda_item_id = ? AND deleted_at IS NULL"
            " ORDER BY position, id",
            [record.agenda_item_id],
        )
        index = next(i for i, row in enumerate(order) if row["id"] == record_id)
        other = index + step
        if not 0 <= other < len(order):
            return False
        mine, theirs = order[index], order[other]
        # Swap the two positions only, so deleted records keep their places for undo.
        with self._h.write() as conn:
            conn.execute("UPDATE record SET position = ? WHERE id = ?", [theirs["position"], mine["id"]])
            conn.execute("UPDATE record SET position = ? WHERE id = ?", [mine["position"], theirs["id"]])
        return True

    def revisions(self, record_id: int) -> list[dict[str, Any]]:
        """The record's history: each change with the record as it was before it."""
        return self._h.rows("SELECT * FROM revision WHERE record_id = ? ORDER BY id", [record_id])

    # --- helpers --------------------------------------------------------------------------------

    @staticmethod
    def _revise(conn: sqlite3.Connection, before: Record, action: str, stamp: str) -> None:
        conn.execute(
            "INSERT INTO revision (record_id, at, action, before) VALUES (?, ?, ?, ?)",
            [before.id, stamp, action, json.dumps(before.model_dump(mode="json"), ensure_ascii=False)],
        )

    def _keep_unsaved(self, conn: sqlite3.Connection, unsaved: Record) -> None:
        """Keep an edit that could not be saved (the record changed elsewhere) as a revision, once:
        the same text again (the next autosave) adds nothing."""
        kept = json.dumps(unsaved.model_dump(mode="json"), ensure_ascii=False)
        last = conn.execute(
            "SELECT action, before FROM revision WHERE record_id = ? ORDER BY id DESC LIMIT 1", [unsaved.id]
        ).fetchone()
        if last is not None and last[0] == "conflict" and last[1] == kept:
            return
        conn.execute(
            "INSERT INTO revision (record_id, at, action, before) VALUES (?, ?, 'conflict', ?)",
            [unsaved.id, now(), kept],
        )

    def _with_due_dates(self, record: Record) -> Record:
        """Fill in the due date of a new information request or recommendation from the meeting."""
        needs_request_date = isinstance(record, InformationRequest) and record.due_date is None
        needs_response_date = isinstance(record, Recommendation) and record.response_due is None
        if not (needs_request_date or needs_response_date):
            return record
        row = self._h.row(
            """SELECT m.date, c.jurisdiction, c.information_request_days, c.recommendation_response_months
               FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id JOIN committee c ON c.id = m.committee_id
               WHERE a.id = ?""",
            [record.agenda_item_id],
        )
        if row is None:
            raise NotFound(f"There is no agenda item with id {record.agenda_item_id}.")
        meeting_date = dt.date.fromisoformat(row["date"])
        if needs_request_date:
            due = deadlines.add_clear_working_days(
                meeting_date, row["information_request_days"], Jurisdiction(row["jurisdiction"])
            )
            return record.model_copy(update={"due_date": due})
        due = deadlines.add_months(meeting_date, row["recommendation_response_months"])
        return record.model_copy(update={"response_due": due})
