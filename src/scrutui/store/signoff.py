"""Signing off minutes: draft, issued, approved; corrections agreed at a later meeting; and
everything the minutes are made from, live or as approved.

Issuing numbers every item still without a minute number and fixes the numbers. Approving keeps
the minutes as approved, whole (``minutes_signoff.approved_minutes``): from then on the minutes are
made from that copy, and the only change is a correction, which is applied to the database and to
the copy together and recorded with what changed, when, and at which meeting it was agreed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from scrutui.errors import ScrutuiError
from scrutui.formalities import (
    Approval,
    AttendanceLine,
    AttendanceStatus,
    CorrectionEntry,
    MinutesSource,
)
from scrutui.models import Meeting, MinutesStatus, Record, now, unfilled_blank
from scrutui.store import numbering
from scrutui.store.attendance import AttendanceRepository
from scrutui.store.base import Handle, insert
from scrutui.store.committees import CommitteeRepository
from scrutui.store.damage import read_one
from scrutui.store.locks import ensure_draft, meeting_of_record, meeting_state
from scrutui.store.meetings import AgendaRepository, MeetingRepository
from scrutui.store.people import PeopleDirectory
from scrutui.store.records import RecordRepository
from scrutui.store.tracker import TrackerRepository


@dataclass(frozen=True)
class Signoff:
    """Where a meeting's minutes stand."""

    meeting: Meeting
    issued_at: str | None
    approved_at: str | None
    approved_at_meeting: Meeting | None
    corrections: int


def approved_digest(kept: str) -> str:
    """The digest (SHA-256, hex) of the minutes as approved, as kept in ``approved_minutes``."""
    import hashlib

    return hashlib.sha256(kept.encode("utf-8")).hexdigest()


class ApprovedMinutesChanged(ScrutuiError):
    """The minutes as approved no longer match the digest taken when they were approved."""


def record_text(record: Record) -> str:
    """A record's words, for the before and after of a correction."""
    parts = [record.text, str(getattr(record, "answer", "")), str(getattr(record, "response", ""))]
    return " | ".join(p for p in parts if p)


def _long(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


class SignoffRepository:
    """Issues and approves minutes, records corrections, and gathers what minutes are made from."""

    def __init__(
        self,
        handle: Handle,
        *,
        meetings: MeetingRepository,
        committees: CommitteeRepository,
        agenda: AgendaRepository,
        records: RecordRepository,
        attendance: AttendanceRepository,
        people: PeopleDirectory,
        tracker: TrackerRepository,
    ) -> None:
        self._h = handle
        self._meetings = meetings
        self._committees = committees
        self._agenda = agenda
        self._records = records
        self._attendance = attendance
        self._people = people
        self._tracker = tracker

    # --- where the minutes stand ----------------------------------------------------------------

    def state(self, meeting_id: int) -> Signoff:
        """A meeting's status, when it was issued and approved (and where), and its corrections."""
        meeting = self._meetings.get(meeting_id)
        row = self._h.row("SELECT * FROM minutes_signoff WHERE meeting_id = ?", [meeting_id]) or {}
        at = row.get("approved_at_meeting_id")
        count = int(self._h.scalar("SELECT count(*) FROM correction WHERE meeting_id = ?", [meeting_id]))
        return Signoff(
            meeting,
            row.get("issued_at"),
            row.get("approved_at"),
            self._meetings.get(int(at)) if at else None,
            count,
        )

    def later_meetings(self, meeting_id: int) -> list[Meeting]:
        """The committee's meetings after this one: where its minutes may be approved or corrected."""
        meeting = self._meetings.get(meeting_id)
        return [m for m in self._meetings.of_committee(meeting.committee_id) if _after(m, meeting)]

    def _agreed_at(self, meeting: Meeting, at_meeting_id: int) -> Meeting:
        at = self._meetings.get(at_meeting_id)
        if at.committee_id != meeting.committee_id or not _after(at, meeting):
            raise ScrutuiError(
                f"The minutes of {_long(meeting.date)} can be approved or corrected only at a later meeting "
                "of the same committee."
            )
        return at

    # --- numbers, issuing, approving ------------------------------------------------------------

    def renumber(self, meeting_id: int) -> None:
        """Number a draft's taken items again, in agenda order (after items were taken by mistake)."""
        ensure_draft(self._h, meeting_id, "they cannot be renumbered")
        with self._h.write() as conn:
            numbering.renumber(conn, meeting_id)

    def issue(self, meeting_id: int) -> None:
        """Issue the draft: every item gets its minute number, and the numbers are fixed. Minutes
        that still hold a blank to fill in ("<date>") are not issued."""
        ensure_draft(self._h, meeting_id, "they are already issued")
        self._refuse_blanks(meeting_id)
        with self._h.write() as conn:
            numbering.assign_all(conn, meeting_id)
            conn.execute("UPDATE meeting SET status = 'issued' WHERE id = ?", [meeting_id])
            conn.execute(
                """INSERT INTO minutes_signoff (meeting_id, issued_at) VALUES (?, ?)
                   ON CONFLICT (meeting_id) DO UPDATE SET issued_at = excluded.issued_at""",
                [meeting_id, now()],
            )

    def _refuse_blanks(self, meeting_id: int) -> None:
        items = {i.id: i for i in self._agenda.for_meeting(meeting_id)}
        for item_id, records in self._records.for_meeting(meeting_id).items():
            for record in records:
                words = [str(v) for v in record.model_dump().values() if isinstance(v, str)]
                blank = next((b for b in map(unfilled_blank, words) if b), None)
                if blank:
                    item = items.get(item_id)
                    where = f"item {item.number} ({item.title})" if item else "an item"
                    raise ScrutuiError(
                        f"These minutes still have a blank to fill in, {blank} in {where}: edit the "
                        "record before issuing them."
                    )

    def approve(self, meeting_id: int, at_meeting_id: int) -> None:
        """Approve the minutes as a correct record at a later meeting (issuing a draft first).

        Corrections agreed at that meeting are made (with :meth:`correct_record`) before or after
        this; the minutes as approved are kept whole, and change only by a correction.
        """
        meeting = self._meetings.get(meeting_id)
        if meeting.status is MinutesStatus.APPROVED:
            raise ScrutuiError(f"The minutes of {_long(meeting.date)} are already approved.")
        self._agreed_at(meeting, at_meeting_id)
        if meeting.status is MinutesStatus.DRAFT:
            self.issue(meeting_id)
        source = self.live_source(meeting_id)
        kept = source.model_copy(update={"corrections": [], "approval": None}).model_dump_json()
        with self._h.write() as conn:
            conn.execute("UPDATE meeting SET status = 'approved' WHERE id = ?", [meeting_id])
            conn.execute(
                """UPDATE minutes_signoff SET approved_at = ?, approved_at_meeting_id = ?, approved_minutes = ?,
                   approved_digest = ? WHERE meeting_id = ?""",
                [now(), at_meeting_id, kept, approved_digest(kept), meeting_id],
            )

    # --- corrections ----------------------------------------------------------------------------

    def corrections(self, meeting_id: int) -> list[CorrectionEntry]:
        """The corrections made to a meeting's minutes, in the order made."""
        rows = self._h.rows(
            """SELECT c.*, m.date AS agreed_at_date FROM correction c
               LEFT JOIN meeting m ON m.id = c.agreed_at_meeting_id WHERE c.meeting_id = ? ORDER BY c.id""",
            [meeting_id],
        )
        return [CorrectionEntry.model_validate({k: r[k] for k in CorrectionEntry.model_fields}) for r in rows]

    def _correctable(self, meeting_id: int, agreed_at_meeting_id: int) -> Meeting:
        meeting = self._meetings.get(meeting_id)
        if meeting.status is MinutesStatus.DRAFT:
            raise ScrutuiError(
                "These minutes are still a draft: edit them directly. A correction is for issued or "
                "approved minutes."
            )
        self._agreed_at(meeting, agreed_at_meeting_id)
        return meeting

    def correct_record(self, record: Record, description: str, agreed_at_meeting_id: int) -> CorrectionEntry:
        """Correct a record of issued or approved minutes, as agreed at a later meeting."""
        if record.id is None:
            raise ValueError("record has no id")
        meeting_id = meeting_of_record(self._h, record.id)
        meeting = self._correctable(meeting_id, agreed_at_meeting_id)
        before = self._records.get(record.id)
        unchanged = {"created_at", "updated_at", "position", "version"}
        if before.model_dump(exclude=unchanged) == record.model_dump(exclude=unchanged):
            raise ScrutuiError("Nothing was changed, so there is no correction to record.")
        entry = CorrectionEntry(
            meeting_id=meeting_id,
            agenda_item_id=record.agenda_item_id,
            record_id=record.id,
            description=description,
            before=record_text(before),
            after=record_text(record),
            agreed_at_meeting_id=agreed_at_meeting_id,
            made_at=now(),
        )
        with self._h.write() as conn:
            self._records.write_update(conn, before, record)
            entry = self._log(conn, entry)
            if meeting.status is MinutesStatus.APPROVED:
                saved = self._records.get(record.id)
                self._patch(conn, meeting_id, lambda source: _replace_record(source, saved))
        return entry

    def correct_attendance(
        self,
        meeting_id: int,
        person_id: int,
        status: AttendanceStatus | None,
        description: str,
        agreed_at_meeting_id: int,
    ) -> CorrectionEntry:
        """Correct how someone is recorded in the roll call of issued or approved minutes."""
        meeting = self._correctable(meeting_id, agreed_at_meeting_id)
        line = self._attendance.line(meeting_id, person_id)
        if line.status is status:
            raise ScrutuiError("Nothing was changed, so there is no correction to record.")
        entry = CorrectionEntry(
            meeting_id=meeting_id,
            person_id=person_id,
            description=description,
            before=f"{line.name}: {line.status.label if line.status else 'not recorded'}",
            after=f"{line.name}: {status.label if status else 'not recorded'}",
            agreed_at_meeting_id=agreed_at_meeting_id,
            made_at=now(),
        )
        with self._h.write() as conn:
            self._attendance.write_status(conn, meeting_id, person_id, status)
            entry = self._log(conn, entry)
            if meeting.status is MinutesStatus.APPROVED:
                changed = self._attendance.line(meeting_id, person_id)
                self._patch(conn, meeting_id, lambda source: _replace_attendance(source, person_id, changed))
        return entry

    def _log(self, conn: Any, entry: CorrectionEntry) -> CorrectionEntry:
        values = entry.model_dump(mode="json", exclude={"id", "agreed_at_date"})
        return entry.model_copy(update={"id": insert(conn, "correction", values)})

    def _patch(self, conn: Any, meeting_id: int, change: Any) -> None:
        """Apply a correction to the minutes as approved."""
        text = conn.execute(
            "SELECT approved_minutes FROM minutes_signoff WHERE meeting_id = ?", [meeting_id]
        ).fetchone()
        if text is None or text[0] is None:
            return
        self.check_approved(meeting_id)  # a correction never blesses text changed outside scrutui
        kept = change(MinutesSource.model_validate_json(text[0])).model_dump_json()
        conn.execute(
            "UPDATE minutes_signoff SET approved_minutes = ?, approved_digest = ? WHERE meeting_id = ?",
            [kept, approved_digest(kept), meeting_id],
        )

    # --- what the minutes are made from ---------------------------------------------------------

    def check_approved(self, meeting_id: int) -> None:
        """Refuse approved minutes whose text no longer matches the digest taken at approval (and
        kept up to date by each correction): they were changed outside scrutui."""
        self._meetings.get(meeting_id)  # an unknown id: the usual message
        row = self._h.row(
            """SELECT s.approved_minutes, s.approved_digest, m.date FROM minutes_signoff s
               JOIN meeting m ON m.id = s.meeting_id
               WHERE s.meeting_id = ? AND m.status = 'approved' AND s.approved_minutes IS NOT NULL""",
            [meeting_id],
        )
        if row is None:
            return
        kept = row["approved_minutes"]
        if not isinstance(kept, str) or row["approved_digest"] != approved_digest(kept):
            raise ApprovedMinutesChanged(
                f"The approved minutes of the meeting held on {row['date']} were changed outside scrutui "
                "(they no longer match the digest taken when they were approved), so they are not "
                "exported: restore the database from a backup."
            )

    def source(self, meeting_id: int) -> MinutesSource:
        """Everything the meeting's minutes are made from: as approved, once they are approved."""
        self._meetings.get(meeting_id)  # an unknown id: the usual message, with where ids are listed
        status, _ = meeting_state(self._h, meeting_id)
        kept = self._h.scalar(
            "SELECT approved_minutes FROM minutes_signoff WHERE meeting_id = ?", [meeting_id]
        )
        if status is not MinutesStatus.APPROVED or not kept:
            return self.live_source(meeting_id)
        source = read_one(
            "minutes_signoff", {"meeting_id": meeting_id, "kept": kept},
            lambda row: MinutesSource.model_validate_json(row["kept"]), key="meeting_id",
        )
        return source.model_copy(
            update={
                "meeting": source.meeting.model_copy(update={"status": MinutesStatus.APPROVED}),
                "corrections": self.corrections(meeting_id),
                "approval": self._approval(meeting_id),
                "carried": (
                    source.carried
                    if source.carried is not None
                    else self._tracker.action_logs_of_meeting(meeting_id)
                ),
            }
        )

    def live_source(self, meeting_id: int) -> MinutesSource:
        """Everything the meeting's minutes are made from, as the database holds it now."""
        meeting = self._meetings.get(meeting_id)
        roll = self._attendance.roll_state(meeting_id)
        previous = self._meetings.previous(meeting)
        return MinutesSource(
            meeting=meeting,
            committee=self._committees.get(meeting.committee_id),
            items=self._agenda.for_meeting(meeting_id),
            records=self._records.for_meeting(meeting_id),
            people=list(self._people.for_meeting(meeting_id).people),
            attendance=roll.attendance_lines(),
            movements=roll.movement_lines(),
            declarations=roll.declaration_lines(),
            previous_meeting_date=previous.date if previous else None,
            corrections=self.corrections(meeting_id),
            approval=self._approval(meeting_id),
            carried=self._tracker.action_logs_of_meeting(meeting_id),
        )

    def _approval(self, meeting_id: int) -> Approval | None:
        row = self._h.row(
            """SELECT s.approved_at, s.approved_at_meeting_id, m.date FROM minutes_signoff s
               LEFT JOIN meeting m ON m.id = s.approved_at_meeting_id
               WHERE s.meeting_id = ? AND s.approved_at IS NOT NULL""",
            [meeting_id],
        )
        if row is None:
            return None
        return Approval(
            approved_at=row["approved_at"],
            approved_at_meeting_id=row["approved_at_meeting_id"],
            approved_at_date=row["date"],
        )


def _after(later: Meeting, earlier: Meeting) -> bool:
    return (later.date, later.time, later.id or 0) > (earlier.date, earlier.time, earlier.id or 0)


def _replace_record(source: MinutesSource, record: Record) -> MinutesSource:
    records = {
        item_id: [record if r.id == record.id else r for r in found]
        for item_id, found in source.records.items()
    }
    return source.model_copy(update={"records": records})


def _replace_attendance(source: MinutesSource, person_id: int, line: Any) -> MinutesSource:
    kept = [a for a in source.attendance if a.person_id != person_id]
    if line.status is not None:
        kept.append(
            AttendanceLine(
                person_id=person_id,
                name=line.name,
                title=line.title,
                role=line.role,
                status=line.status,
                substitute_for=line.substitute_for,
            )
        )
    return source.model_copy(update={"attendance": kept})
