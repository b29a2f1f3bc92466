"""Live minuting of one meeting: what the minuting screen does, without the screen.

Every method saves (and commits) before it returns, and remembers how to undo what it did.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from scrutui import capture
from scrutui.blocks import typed_text
from scrutui.errors import ScrutuiError
from scrutui.formalities import Movement, MovementEvent, Roll
from scrutui.models import (
    AgendaItem,
    Committee,
    Meeting,
    Narrative,
    Person,
    Record,
    Role,
    blocks_of,
    clean_text,
)
from scrutui.store import Store
from scrutui.store.people import KnownPeople


class Change(StrEnum):
    """What an undoable step did."""

    ADD = "add"
    EDIT = "edit"
    DELETE = "delete"
    MOVE = "move"
    MOVEMENT = "movement"  # an arrival or departure (record_id holds the event's id)


@dataclass(frozen=True)
class UndoStep:
    """One step that undo can reverse."""

    change: Change
    record_id: int
    before: Record | None = None
    step: int = 0

    @property
    def description(self) -> str:
        """What undoing this step does, in words."""
        return {
            Change.ADD: "Removed the record just added",
            Change.EDIT: "Put back the record as it was",
            Change.DELETE: "Brought back the deleted record",
            Change.MOVE: "Moved the record back",
            Change.MOVEMENT: "Removed the arrival or departure just recorded",
        }[self.change]


@dataclass(frozen=True)
class Saved:
    """What a capture line saved."""

    record: Record
    answered: bool = False  # the line answered an earlier record rather than adding one
    listed: bool = False  # the line added a list item to the narrative above
    unknown_names: tuple[str, ...] = field(default=())


class MinutingSession:
    """A clerk minuting one meeting."""

    def __init__(self, store: Store, meeting_id: int) -> None:
        self.store = store
        self.meeting: Meeting = store.meetings.get(meeting_id)
        self.committee: Committee = store.committees.get(self.meeting.committee_id)
        self.people: KnownPeople = store.people.for_meeting(meeting_id)
        self._undo: list[UndoStep] = []

    @property
    def meeting_id(self) -> int:
        """The id of the meeting being minuted."""
        assert self.meeting.id is not None
        return self.meeting.id

    def agenda(self) -> list[AgendaItem]:
        """The meeting's agenda in order."""
        return self.store.agenda.for_meeting(self.meeting_id)

    def records(self, item_id: int) -> list[Record]:
        """An item's records in order."""
        return self.store.records.for_item(item_id)

    def take_item(self, item_id: int, leaving: int | None = None) -> AgendaItem:
        """Move to an item: stamps the meeting's and the item's start the first time, and the end of
        the item being left."""
        if self.meeting.started_at is None and not self.store.read_only:
            self.meeting = self.meeting.model_copy(
                update={"started_at": self.store.meetings.start(self.meeting_id)}
            )
        if self.store.read_only:
            return self.store.agenda.get(item_id)
        return self.store.agenda.take(item_id, leaving)

    def close(self, current_item_id: int | None) -> None:
        """End the meeting: its end time (and the current item's) is stamped."""
        self.store.meetings.close(self.meeting_id, current_item_id)
        self.meeting = self.store.meetings.get(self.meeting_id)

    def parse(self, line: str) -> capture.Capture:
        """Read a capture line, knowing the meeting's people (a name typed in lower case still counts)."""
        return capture.parse(line, self.people.is_known)

    def submit(self, item_id: int, line: str) -> Saved | None:
        """Save what one capture line says. None when the line holds nothing to save.

        An answer completes the item's last open question or assurance; a list item goes on the
        narrative at the item's end (or starts one).
        """
        parsed = self.parse(line)
        if parsed.is_empty:
            return None
        unknown = tuple(n for n in parsed.names if not self.people.is_known(n))
        # Only the records an answer or a list item can go on are read, not the whole item: a long
        # item saves as fast as a short one.
        if parsed.kind is capture.CaptureKind.ANSWER:
            awaiting = self.store.records.last_awaiting_answer(item_id)
            earlier = capture.answer([awaiting] if awaiting else [], parsed)
            if earlier is not None:
                before = self.store.records.update(earlier)
                self._remember(UndoStep(Change.EDIT, before.id or 0, before=before))
                return Saved(earlier, answered=True, unknown_names=unknown)
        if parsed.kind is capture.CaptureKind.LIST_ITEM:
            last = self.store.records.last_of_item(item_id)
            if isinstance(last, Narrative):
                listed = capture.with_list_item(last, parsed)
                before = self.store.records.update(listed)
                self._remember(UndoStep(Change.EDIT, before.id or 0, before=before))
                return Saved(self.store.records.get(before.id or 0), listed=True)
        record = capture.to_record(parsed, item_id, self.committee.recommendation_body)
        saved = self.store.records.add(record)
        self._remember(UndoStep(Change.ADD, saved.id or 0))
        return Saved(saved, unknown_names=unknown)

    def save(self, record: Record) -> Record:
        """Save a record from a form: a new one is added, an existing one updated."""
        if record.id is None:
            saved = self.store.records.add(record)
            self._remember(UndoStep(Change.ADD, saved.id or 0))
            return saved
        before = self.store.records.update(record)
        self._remember(UndoStep(Change.EDIT, record.id, before=before))
        return self.store.records.get(record.id)

    def delete(self, record_id: int) -> Record:
        """Delete a record (undo brings it back)."""
        before = self.store.records.delete(record_id)
        self._remember(UndoStep(Change.DELETE, record_id, before=before))
        return before

    def move(self, record_id: int, step: int) -> bool:
        """Move a record up (-1) or down (+1) within its item."""
        moved = self.store.records.move(record_id, step)
        if moved:
            self._remember(UndoStep(Change.MOVE, record_id, step=step))
        return moved

    def roll(self) -> Roll:
        """The meeting's roll call, arrivals, departures and declarations, as they stand."""
        return self.store.attendance.roll_state(self.meeting_id)

    def record_movement(self, person_id: int, item_id: int | None) -> MovementEvent:
        """Stamp someone arriving (if out) or leaving (if in), now and during the current item."""
        roll = self.roll()
        movement = Movement.LEFT if roll.here_now(person_id) else Movement.ARRIVED
        event = self.store.attendance.record_movement(self.meeting_id, person_id, movement, item_id)
        self._remember(UndoStep(Change.MOVEMENT, event.id))
        return event

    def can_undo(self) -> bool:
        """True when there is something to undo."""
        return bool(self._undo)

    def undo(self) -> tuple[str, int] | None:
        """Reverse the last change. Returns what was done and the record's id (0 when the change
        was an arrival or departure), or None."""
        if not self._undo:
            return None
        step = self._undo.pop()
        records = self.store.records
        match step.change:
            case Change.ADD:
                records.delete(step.record_id)
            case Change.DELETE:
                records.restore(step.record_id)
            case Change.EDIT:
                assert step.before is not None
                records.update(step.before)
            case Change.MOVE:
                records.move(step.record_id, -step.step)
            case Change.MOVEMENT:
                self.store.attendance.delete_movement(step.record_id)
                return step.description, 0
        return step.description, step.record_id

    def add_person(self, person: Person, role: Role) -> Person:
        """Add someone typed on the capture line to the committee, so they complete from now on."""
        if self.people.is_known(person.name):
            raise ScrutuiError(f"{person.name} is already known to this meeting.")
        added = self.store.committees.add_person(self.meeting.committee_id, person, role)
        self.people = self.store.people.for_meeting(self.meeting_id)
        return added

    def _remember(self, step: UndoStep) -> None:
        self._undo.append(step)
        del self._undo[:-200]


class NarrativeDraft:
    """A narrative being written in the multi-line editor.

    It is saved every few seconds and on leaving; the whole editing session is one undo step, and
    one revision (the text before editing began) rather than one per save.
    """

    def __init__(self, session: MinutingSession, agenda_item_id: int, record: Narrative | None) -> None:
        self.session = session
        self.agenda_item_id = agenda_item_id
        self.record_id = record.id if record else None
        self.saved_text = record.text if record else ""
        self._original = record
        self._changed = False

    def is_dirty(self, text: str) -> bool:
        """True when `text` differs from what was last saved (as its paragraphs and list items: a
        blank line more or less is no change)."""
        return _as_saved(text) != self.saved_text

    def save(self, text: str) -> Narrative | None:
        """Save `text` if it changed. Returns the saved narrative, or None when nothing was saved."""
        cleaned = _as_saved(text)
        if cleaned == self.saved_text or not cleaned:
            return None
        records = self.session.store.records
        if self.record_id is None:
            added = records.add(Narrative(agenda_item_id=self.agenda_item_id, text=cleaned))
            assert isinstance(added, Narrative)
            self.record_id = added.id
            self.session._remember(UndoStep(Change.ADD, added.id or 0))
            self.saved_text = cleaned
            self._changed = True  # a new narrative needs no "before" revision
            return added
        first = not self._changed
        narrative = Narrative(id=self.record_id, agenda_item_id=self.agenda_item_id, text=cleaned)
        records.update(narrative, revise=first)
        if first and self._original is not None:
            self.session._remember(UndoStep(Change.EDIT, self.record_id, before=self._original))
        self._changed = True
        self.saved_text = cleaned
        saved = records.get(self.record_id)
        assert isinstance(saved, Narrative)
        return saved

    def finish(self, text: str) -> Narrative | None:
        """Save on leaving. A narrative emptied in the editor is deleted (undo brings it back)."""
        if not clean_text(text) and self.record_id is not None:
            self.session.delete(self.record_id)
            return None
        self.save(text)
        if self.record_id is None:
            return None
        saved = self.session.store.records.get(self.record_id)
        return saved if isinstance(saved, Narrative) else None


def _as_saved(text: str) -> str:
    """Typed text as a narrative keeps it: its paragraphs and list items, written out again."""
    return typed_text(blocks_of(clean_text(text)))
