"""Writing a ModernGov meeting into the database: its committee, its expected attendees (as the
committee's people, so they are on the roll call), the meeting itself and its agenda.

Importing the same meeting again updates what has not been minuted and never touches a minuted item
(see `plan`); the meeting's date, time and venue change only until minuting begins; a roll-call
line the clerk has recorded is never overwritten. Everything is written in one transaction, so an
import that fails part-way leaves the database as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import ValidationError

from scrutui.errors import ScrutuiError
from scrutui.formalities import AttendanceStatus, check_exempt_paragraph, exempt_categories
from scrutui.imports.moderngov import ModernGovAttendee, ModernGovError, ModernGovMeeting
from scrutui.imports.plan import AgendaPlan, ImportedItem, one_line, plan_agenda
from scrutui.minutes import long_date, long_time
from scrutui.models import Committee, Jurisdiction, Meeting, MinutesStatus, Person, Role, validation_message
from scrutui.store import Store
from scrutui.store.people import KnownPeople

#: Words of ModernGov's role descriptions, most specific first ("Vice-Chair" before "Chair").
_ROLE_WORDS: tuple[tuple[str, Role | None], ...] = (
    ("substitute", None),
    ("reserve", None),
    ("vice", Role.VICE_CHAIR),
    ("chair", Role.CHAIR),
    ("co-opt", Role.CO_OPTED),
    ("coopt", Role.CO_OPTED),
    ("co opt", Role.CO_OPTED),
    ("cabinet", Role.CABINET_MEMBER),
    ("portfolio", Role.CABINET_MEMBER),
    ("executive member", Role.CABINET_MEMBER),
    ("lead member", Role.CABINET_MEMBER),
    ("officer", Role.OFFICER),
    ("clerk", Role.OFFICER),
    ("director", Role.OFFICER),
    ("manager", Role.OFFICER),
    ("head of", Role.OFFICER),
    ("adviser", Role.OFFICER),
    ("advisor", Role.OFFICER),
    ("witness", Role.WITNESS),
    ("guest", Role.WITNESS),
    ("observer", Role.WITNESS),
    ("invited", Role.WITNESS),
    ("member", Role.MEMBER),
    ("councillor", Role.MEMBER),
)

#: ModernGov's attendance words recorded on the roll call ("Expected" records nothing).
_ATTENDANCE = {
    "present": AttendanceStatus.PRESENT,
    "attended": AttendanceStatus.PRESENT,
    "in attendance": AttendanceStatus.IN_ATTENDANCE,
    "apologies": AttendanceStatus.APOLOGIES,
    "apologies received": AttendanceStatus.APOLOGIES,
    "absent": AttendanceStatus.ABSENT,
}


def role_of(attendee: ModernGovAttendee) -> Role | None:
    """The role an attendee has on the committee; None for a substitute (who sits only for one
    meeting, and is recorded against a member on the roll call)."""
    described = attendee.role.casefold()
    for word, role in _ROLE_WORDS:
        if word in described:
            return role
    return Role.MEMBER if re.match(r"(councillor|cllr)\b", attendee.name, re.IGNORECASE) else Role.WITNESS


@dataclass(frozen=True)
class MeetingImported:
    """What importing a ModernGov meeting did (or, in a dry run, would do)."""

    meeting: Meeting
    committee: Committee
    new_meeting: bool
    new_committee: bool
    people_added: tuple[str, ...]
    #: What was recorded on the roll call as ModernGov has it ("Councillor Cara Dunn (apologies)").
    attendance_recorded: tuple[str, ...]
    plan: AgendaPlan
    notes: tuple[str, ...]
    dry_run: bool = False

    def lines(self, source: str) -> list[str]:
        """What the clerk is told, a line each."""
        when = f"{long_date(self.meeting.date)}, {long_time(self.meeting.time)}"
        where = f", {self.meeting.venue}" if self.meeting.venue else ""
        verb = (
            ("Would import" if self.new_meeting else "Would update")
            if self.dry_run
            else ("Imported" if self.new_meeting else "Updated")
        )
        meeting = f"meeting {self.meeting.id}" if self.meeting.id else "a new meeting"
        lines = [f"{verb} {meeting} of {self.committee.name} ({when}{where}) from {source}."]
        if self.new_committee:
            lines.append(f"The committee {self.committee.name!r} is new in scrutui.")
        if self.people_added:
            count = len(self.people_added)
            lines.append(
                f"{count} {'person' if count == 1 else 'people'} added to the committee: "
                + ", ".join(self.people_added)
                + "."
            )
        if self.attendance_recorded:
            lines.append(f"On the roll call as ModernGov has them: {', '.join(self.attendance_recorded)}.")
        lines.append(f"Agenda: {self.plan.summary()}")
        lines += self.plan.report()
        lines += self.notes
        if self.dry_run:
            lines.append("Nothing was written (--dry-run).")
        return lines


class _DryRun(Exception):
    """Raised inside the import's transaction to roll it back."""

    def __init__(self, result: MeetingImported) -> None:
        super().__init__("dry run")
        self.result = result


def agenda_items(
    meeting: ModernGovMeeting, jurisdiction: Jurisdiction, exempt_paragraph: int | None
) -> tuple[list[ImportedItem], list[str]]:
    """The meeting's agenda as items to import, and notes. A restricted item is exempt under the
    Schedule 12A paragraph its wording names, else under `exempt_paragraph`; without either it is
    refused, since an exempt item's exclusion must name its paragraph."""
    if exempt_paragraph is not None:
        check_exempt_paragraph(jurisdiction, exempt_paragraph)
    items, notes, unnamed = [], [], []
    for item in meeting.items:
        paragraph = None
        if item.restricted:
            valid = exempt_categories(jurisdiction).descriptions
            named = [p for p in item.paragraphs if p in valid]
            paragraph = named[0] if named else exempt_paragraph
            label = f"{item.number} {item.title}".strip()
            if paragraph is None:
                unnamed.append(label)
            elif len(named) > 1:
                notes.append(
                    f"Item {label} names paragraphs {', '.join(map(str, named))}: exempt under {paragraph}."
                )
            elif not named:
                notes.append(
                    f"Item {label} is restricted in ModernGov: exempt under paragraph {paragraph} (--exempt-paragraph)."
                )
        items.append(
            ImportedItem.cleaned(item.number, item.title, item.purpose, paragraph, source_id=item.id or None)
        )
    if unnamed:
        which = "; ".join(unnamed)
        raise ModernGovError(
            f"ModernGov marks {'this item' if len(unnamed) == 1 else 'these items'} restricted without "
            f"naming the Schedule 12A paragraph: {which}. Give the paragraph with --exempt-paragraph N "
            "(you can change it on the item afterwards)."
        )
    return items, notes


def import_meeting(
    store: Store,
    meeting: ModernGovMeeting,
    *,
    service: str = "",
    exempt_paragraph: int | None = None,
    dry_run: bool = False,
) -> MeetingImported:
    """Create or update the meeting, its committee, people and agenda (see the module's notes)."""
    try:
        with store.handle.write():
            result = _import(store, meeting, service, exempt_paragraph, dry_run)
            if dry_run:
                raise _DryRun(result)
    except _DryRun as rolled_back:
        return rolled_back.result
    return result


def _import(
    store: Store, mg: ModernGovMeeting, service: str, exempt_paragraph: int | None, dry_run: bool
) -> MeetingImported:
    notes = [f"Left out {what}." for what in mg.left_out]
    # The committee: the one imported before, else one of the same name, else a new one.
    committee, new_committee = None, False
    known_id = store.imports.committee_from(mg.committee_id) if mg.committee_id else None
    if known_id is not None:
        committee = store.committees.get(known_id)
    else:
        committee = store.committees.by_name(mg.committee_title)
        if committee is None:
            committee = store.committees.add(Committee(name=one_line(mg.committee_title)))
            new_committee = True
        if mg.committee_id:
            store.imports.link_committee(committee.id or 0, mg.committee_id)
    assert committee.id is not None
    items, item_notes = agenda_items(mg, committee.jurisdiction, exempt_paragraph)

    # The meeting: the one imported before, else a new one.
    meeting_id = store.imports.meeting_from(mg.id)
    wanted, time_note = _meeting_values(committee.id, mg)
    new_meeting = meeting_id is None
    if meeting_id is None:
        meeting = store.meetings.add(wanted)
        meeting_id = meeting.id or 0
        if time_note:
            notes.append(time_note)
    else:
        meeting = store.meetings.get(meeting_id)
        if meeting.status is not MinutesStatus.DRAFT:
            raise ScrutuiError(
                f"The minutes of meeting {meeting_id} ({long_date(meeting.date)}) are {meeting.status.value}: "
                "an import cannot change it."
            )
        if meeting.committee_id != committee.id:
            raise ScrutuiError(
                f"ModernGov meeting {mg.id} was imported as meeting {meeting_id} of another committee; "
                "nothing was imported."
            )
        if time_note:  # ModernGov's time could not be read: keep the one on file
            wanted = wanted.model_copy(update={"time": meeting.time})
        changed = (wanted.date, wanted.time, wanted.venue) != (meeting.date, meeting.time, meeting.venue)
        if changed and meeting.started_at is None:
            meeting = meeting.model_copy(
                update={"date": wanted.date, "time": wanted.time, "venue": wanted.venue}
            )
            store.meetings.update(meeting)
        elif changed:
            notes.append(
                "Minuting has begun, so the meeting's date, time and venue are kept as they are "
                f"(ModernGov now has {long_date(wanted.date)}, {long_time(wanted.time)}, {wanted.venue or 'no venue'})."
            )
    store.imports.link_meeting(meeting_id, mg.id, service)

    added, substitutes = _add_people(store, committee.id, meeting, mg.attendees)
    if substitutes:
        notes.append(
            f"Not added to the committee (substitutes sit for one meeting; record them on the roll call): "
            f"{', '.join(substitutes)}."
        )
    plan = plan_agenda(meeting_id, store.imports.items_on_file(meeting_id), items)
    store.imports.write_agenda(meeting_id, plan.writes(), plan.removals())
    recorded = _record_attendance(store, meeting_id, mg.attendees)
    return MeetingImported(
        meeting=store.meetings.get(meeting_id)
        if not dry_run
        else meeting.model_copy(update={"id": None if new_meeting else meeting_id}),
        committee=committee,
        new_meeting=new_meeting,
        new_committee=new_committee,
        people_added=tuple(added),
        attendance_recorded=recorded,
        plan=plan,
        notes=(*item_notes, *notes),
        dry_run=dry_run,
    )


def _meeting_values(committee_id: int, mg: ModernGovMeeting) -> tuple[Meeting, str]:
    """The meeting as ModernGov has it, and a note if its time is missing or could not be read (6 pm
    is assumed then)."""
    venue = one_line(mg.location)
    try:
        meeting = Meeting(committee_id=committee_id, date=mg.date, time="18:00", venue=venue)
    except ValidationError as error:
        raise ModernGovError(f"ModernGov meeting {mg.id}: {validation_message(error)}.") from None
    if not mg.time:
        return meeting, "ModernGov gives no time for the meeting: 6.00 pm is assumed; change it if need be."
    try:
        return Meeting.model_validate({**meeting.model_dump(), "time": mg.time}), ""
    except ValidationError:
        return (
            meeting,
            f"ModernGov's time {mg.time!r} could not be read: 6.00 pm is assumed; change it if need be.",
        )


def _add_people(
    store: Store, committee_id: int, meeting: Meeting, attendees: tuple[ModernGovAttendee, ...]
) -> tuple[list[str], list[str]]:
    """Make each expected attendee one of the committee's people on the meeting's date."""
    added, substitutes = [], []
    serving = store.committees.served(committee_id, on=meeting.date)
    known = KnownPeople(tuple(cp for cp, _ in serving))
    members = {cp.person.id for cp, _ in serving}
    for attendee in attendees:
        role = role_of(attendee)
        if role is None:
            substitutes.append(attendee.name)
            continue
        person_id = store.imports.person_from(attendee.member_id) if attendee.member_id else None
        if person_id is None:
            found = known.find(attendee.name)
            person_id = found.person.id if found else None
        if person_id is None:
            person = store.committees.add_person(committee_id, Person(name=one_line(attendee.name)), role)
            person_id = person.id or 0
            added.append(attendee.name)
        elif person_id not in members:
            row = store.handle.row("SELECT id, name, title FROM person WHERE id = ?", [person_id])
            assert row is not None
            store.committees.add_person(committee_id, Person.model_validate(row), role)
            added.append(row["name"])
        members.add(person_id)
        if attendee.member_id:
            store.imports.link_person(person_id, attendee.member_id)
    return added, substitutes


def _record_attendance(
    store: Store, meeting_id: int, attendees: tuple[ModernGovAttendee, ...]
) -> tuple[str, ...]:
    """Record on the roll call what ModernGov already knows (apologies sent, attendance taken), for
    lines nobody has recorded yet."""
    roll = {line.person_id: line for line in store.attendance.roll(meeting_id)}
    by_name = {line.name.casefold(): line for line in roll.values()}
    recorded: list[str] = []
    for attendee in attendees:
        status = _ATTENDANCE.get(attendee.attendance.casefold())
        if status is None or role_of(attendee) is None:
            continue
        person_id = store.imports.person_from(attendee.member_id) if attendee.member_id else None
        line = roll.get(person_id) if person_id is not None else by_name.get(attendee.name.casefold())
        if line is None or line.status is not None:
            continue
        saved = store.attendance.set_status(meeting_id, line.person_id, status)
        recorded.append(f"{line.name} ({(saved.status or status).label.lower()})")
    return tuple(recorded)
