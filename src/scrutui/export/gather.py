"""Gather a meeting from the store into a `MinutesDocument`, ready for any renderer."""

from __future__ import annotations

from dataclasses import dataclass

from scrutui.minutes import AttendanceEntry, MinutesDocument, build_minutes
from scrutui.models import Committee, Meeting, Role
from scrutui.store import Store


@dataclass(frozen=True)
class GatheredMeeting:
    """A meeting, its committee and its minutes as a document."""

    meeting: Meeting
    committee: Committee
    document: MinutesDocument
    exempt_items: int

    @property
    def exempt_left_out(self) -> int:
        """How many exempt items appear only as a stub (in a public document)."""
        return 0 if self.document.confidential else self.exempt_items


def gather_minutes(store: Store, meeting_id: int, *, confidential: bool = False) -> GatheredMeeting:
    """Everything the minutes of a meeting say, read from the store in one go."""
    meeting = store.meetings.get(meeting_id)
    committee = store.committees.get(meeting.committee_id)
    items = store.agenda.for_meeting(meeting_id)
    document = build_minutes(
        meeting,
        committee,
        items,
        store.records.for_meeting(meeting_id),
        store.people.for_meeting(meeting_id),
        attendance_entries(store, meeting),
        confidential=confidential,
        carried=store.tracker.action_logs_of_meeting(meeting_id),
    )
    exempt = sum(1 for item in items if item.is_exempt)
    return GatheredMeeting(meeting, committee, document, exempt)


def attendance_entries(store: Store, meeting: Meeting) -> list[AttendanceEntry]:
    """The attendance recorded for a meeting, as far as it was recorded.

    Members are named ("Councillor J Smith (Chair)"); officers and others present are listed as in
    attendance with their title ("Jane Doe (Director of Finance)").
    """
    rows = store.handle.rows(
        """SELECT a.status, p.name, p.title, s.name AS substitute_for,
                  (SELECT m.role FROM membership m WHERE m.committee_id = ? AND m.person_id = p.id
                   ORDER BY m.to_date IS NOT NULL, m.id DESC LIMIT 1) AS role
           FROM attendance a JOIN person p ON p.id = a.person_id
           LEFT JOIN person s ON s.id = a.substitute_for_id
           WHERE a.meeting_id = ? ORDER BY p.name""",
        [meeting.committee_id, meeting.id],
    )
    entries = []
    for row in rows:
        role = Role(row["role"]) if row["role"] in Role._value2member_map_ else None
        is_member = role is not None and role.is_member
        status = str(row["status"] or "present")
        if status == "present" and not is_member:
            status = "in_attendance"
        reference = row["name"]
        if not is_member and row["title"]:
            reference = f"{row['name']} ({row['title']})"
        role_label = role.label if role in (Role.CHAIR, Role.VICE_CHAIR) else ""
        entries.append(AttendanceEntry(reference, status, role_label, row["substitute_for"] or ""))
    return entries
