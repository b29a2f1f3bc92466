"""Attendance: the roll call, arrivals and departures, and the quorum as they stand for each item."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from scrutui.formalities.declarations import Declaration, DeclarationLine
from scrutui.formalities.wording import person_reference
from scrutui.models import (
    AgendaItem,
    Line,
    Model,
    RequiredLine,
    Role,
)


class AttendanceStatus(StrEnum):
    """How a person is recorded in the roll call."""

    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"
    SUBSTITUTE = "substitute"
    IN_ATTENDANCE = "in_attendance"

    @property
    def label(self) -> str:
        """The status as the roll call shows it."""
        return STATUS_LABELS[self]


STATUS_LABELS = {
    AttendanceStatus.PRESENT: "Present",
    AttendanceStatus.APOLOGIES: "Apologies",
    AttendanceStatus.ABSENT: "Absent",
    AttendanceStatus.SUBSTITUTE: "Substitute",
    AttendanceStatus.IN_ATTENDANCE: "In attendance",
}


#: Statuses of someone in the room (for declarations, departures and the quorum).
HERE = frozenset({AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE, AttendanceStatus.IN_ATTENDANCE})


class Movement(StrEnum):
    """An arrival or a departure during the meeting."""

    ARRIVED = "arrived"
    LEFT = "left"


class AttendanceLine(Model):
    """A roll-call line as the minutes need it."""

    person_id: int
    name: RequiredLine
    title: Line = ""
    role: Role | None = None
    status: AttendanceStatus
    substitute_for: Line = ""


class MovementLine(Model):
    """An arrival or departure as the minutes need it."""

    person_id: int
    reference: RequiredLine
    movement: Movement
    at: str
    agenda_item_id: int | None = None


@dataclass(frozen=True)
class RollLine:
    """One person in a meeting's roll call: their role on the committee (None for someone who is not
    a member or regular attendee, such as a substitute) and what was recorded."""

    person_id: int
    name: str
    title: str
    role: Role | None
    status: AttendanceStatus | None
    substitute_for_id: int | None = None
    substitute_for: str = ""

    @property
    def is_member(self) -> bool:
        """True for the committee's own members on the meeting's date."""
        return self.role is not None and self.role.is_member

    @property
    def votes(self) -> bool:
        """True when this person counts towards the quorum as recorded in the roll call."""
        return self.status is AttendanceStatus.SUBSTITUTE or (
            self.status is AttendanceStatus.PRESENT and self.is_member
        )

    @property
    def role_label(self) -> str:
        """The role as the roll call shows it."""
        if self.status is AttendanceStatus.SUBSTITUTE:
            return "Substitute"
        return self.role.label if self.role else "Guest"

    @property
    def reference(self) -> str:
        """How minutes refer to this person in prose."""
        return person_reference(self.name, self.title, self.role)


@dataclass(frozen=True)
class MovementEvent:
    """An arrival or departure, stamped with the time (ISO) and the item then being taken."""

    id: int
    person_id: int
    movement: Movement
    at: str
    agenda_item_id: int | None


@dataclass(frozen=True)
class QuorumCount:
    """How many voting members are (or were, at the lowest point of an item) present."""

    present: int
    quorum: int
    recorded: bool  # False until the roll call holds anything: no warning before it is taken

    @property
    def inquorate(self) -> bool:
        """True when fewer voting members are present than the quorum."""
        return self.recorded and self.present < self.quorum

    def describe(self) -> str:
        """The count in words."""
        members = "member" if self.present == 1 else "members"
        return f"{self.present} voting {members} present, quorum {self.quorum}"


class Roll:
    """Who is at a meeting over time: the roll call, then arrivals, departures and withdrawals."""

    def __init__(
        self,
        lines: Sequence[RollLine],
        events: Sequence[MovementEvent],
        declarations: Sequence[Declaration],
        quorum: int,
    ) -> None:
        self.lines = list(lines)
        self.events = sorted(events, key=lambda e: (e.at, e.id))
        self.declarations = list(declarations)
        self.quorum = quorum
        self._by_id = {line.person_id: line for line in self.lines}

    def line(self, person_id: int) -> RollLine | None:
        """The roll-call line of a person, if they are in it."""
        return self._by_id.get(person_id)

    @property
    def recorded(self) -> bool:
        """True once anyone's attendance has been recorded."""
        return any(line.status is not None for line in self.lines)

    def _initially_here(self, person_id: int) -> bool:
        """Here from the start: recorded as here, and not first recorded arriving late."""
        line = self._by_id.get(person_id)
        if line is None or line.status not in HERE:
            return False
        first = next((e for e in self.events if e.person_id == person_id), None)
        return first is None or first.movement is Movement.LEFT

    def here_now(self, person_id: int) -> bool:
        """True when the person is in the meeting after every arrival and departure so far."""
        here = self._initially_here(person_id)
        for event in self.events:
            if event.person_id == person_id:
                here = event.movement is Movement.ARRIVED
        return here

    def _voting_ids(self) -> list[int]:
        return [line.person_id for line in self.lines if line.votes]

    def not_taking_part(self, item_id: int | None) -> set[int]:
        """Members who do not count for an item because of a declared interest."""
        if item_id is None:
            return set()
        return {d.person_id for d in self.declarations if d.agenda_item_id == item_id and d.takes_no_part}

    def count_now(self, item_id: int | None = None) -> QuorumCount:
        """Voting members present now, less those taking no part in `item_id`."""
        out = self.not_taking_part(item_id)
        present = sum(1 for pid in self._voting_ids() if pid not in out and self.here_now(pid))
        return QuorumCount(present, self.quorum, self.recorded)

    def count_for_item(self, item: AgendaItem) -> QuorumCount:
        """The fewest voting members present at any point while an item was taken.

        The count starts from who was present when the item was first taken; the arrivals and
        departures stamped with the item then apply in order. An item not yet taken is counted as
        the meeting stands now.
        """
        if item.started_at is None or item.id is None:
            return self.count_now(item.id)
        voting = self._voting_ids()
        here = {pid: self._initially_here(pid) for pid in voting}
        for event in self.events:
            if event.person_id in here and event.at < item.started_at and event.agenda_item_id != item.id:
                here[event.person_id] = event.movement is Movement.ARRIVED
        out = self.not_taking_part(item.id)

        def count() -> int:
            return sum(1 for pid, is_here in here.items() if is_here and pid not in out)

        lowest = count()
        for event in self.events:
            if event.agenda_item_id == item.id and event.person_id in here:
                here[event.person_id] = event.movement is Movement.ARRIVED
                lowest = min(lowest, count())
        return QuorumCount(lowest, self.quorum, self.recorded)

    def movement_lines(self) -> list[MovementLine]:
        """The arrivals and departures as the minutes need them."""
        return [
            MovementLine(
                person_id=event.person_id,
                reference=self._reference(event.person_id),
                movement=event.movement,
                at=event.at,
                agenda_item_id=event.agenda_item_id,
            )
            for event in self.events
        ]

    def declaration_lines(self) -> list[DeclarationLine]:
        """The declarations as the minutes need them."""
        return [
            DeclarationLine(person_id=d.person_id, reference=self._reference(d.person_id), declaration=d)
            for d in self.declarations
        ]

    def attendance_lines(self) -> list[AttendanceLine]:
        """The roll call as the minutes need it (only those recorded)."""
        return [
            AttendanceLine(
                person_id=line.person_id,
                name=line.name,
                title=line.title,
                role=line.role,
                status=line.status,
                substitute_for=line.substitute_for,
            )
            for line in self.lines
            if line.status is not None
        ]

    def _reference(self, person_id: int) -> str:
        line = self._by_id.get(person_id)
        return line.reference if line is not None else f"Person {person_id}"

    def inquorate_items(self, items: Iterable[AgendaItem]) -> set[int]:
        """The ids of taken items during which the meeting was inquorate."""
        return {
            item.id
            for item in items
            if item.id is not None and item.started_at and self.count_for_item(item).inquorate
        }
