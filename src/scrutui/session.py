"""Live minuting of one meeting: what the minuting screen does, without the screen.

Every method saves (and commits) before it returns, and remembers how to undo what it did.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from scrutui import capture, voting
from scrutui.blocks import typed_text
from scrutui.errors import ScrutuiError
from scrutui.formalities import Movement, MovementEvent, Roll
from scrutui.models import (
    AgendaItem,
    Assurance,
    Committee,
    Meeting,
    Motion,
    MotionOutcome,
    Narrative,
    Person,
    Recommendation,
    Record,
    Resolution,
    Role,
    blocks_of,
    clean_text,
    open_section,
)
from scrutui.store import Store
from scrutui.store.people import KnownPeople
from scrutui.withheld import public_item, shown_items


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
    #: For an edit: the record's version after it, so undo never puts `before` back over a later
    #: change made elsewhere.
    version: int | None = None

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
    voted: bool = False  # the line was a vote on the open motion (or made a motion of it)
    notices: tuple[str, ...] = field(default=())  # what the clerk should know about a vote
    linked: Motion | None = None  # the carried motion the line's decision put into effect


class MinutingSession:
    """A clerk minuting one meeting."""

    def __init__(self, store: Store, meeting_id: int, *, shows_exempt: bool = True) -> None:
        self.store = store
        #: False in a session that may not see exempt content: exempt items show as the public sees them.
        self.shows_exempt = shows_exempt
        self.meeting: Meeting = store.meetings.get(meeting_id)
        self.committee: Committee = store.committees.get(self.meeting.committee_id)
        self.people: KnownPeople = store.people.for_meeting(meeting_id)
        self._undo: list[UndoStep] = []
        #: What the last vote saved through `save` left the clerk to know (who did not vote ...).
        self.notices: tuple[str, ...] = ()

    @property
    def meeting_id(self) -> int:
        """The id of the meeting being minuted."""
        assert self.meeting.id is not None
        return self.meeting.id

    def agenda(self) -> list[AgendaItem]:
        """The meeting's agenda in order."""
        return shown_items(self.store.agenda.for_meeting(self.meeting_id), shows_exempt=self.shows_exempt)

    def records(self, item_id: int) -> list[Record]:
        """An item's records in order (none of an exempt item's where exempt content is not shown)."""
        if not self.shows_exempt and self.store.agenda.get(item_id).is_exempt:
            return []
        return self.store.records.for_item(item_id)

    def take_item(self, item_id: int, leaving: int | None = None) -> AgendaItem:
        """Move to an item: stamps the meeting's and the item's start the first time, and the end of
        the item being left."""
        if self.meeting.started_at is None and not self.store.read_only:
            self.meeting = self.meeting.model_copy(
                update={"started_at": self.store.meetings.start(self.meeting_id)}
            )
        if self.store.read_only:
            item = self.store.agenda.get(item_id)
            return item if self.shows_exempt else public_item(item)
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
                before = self.store.records.update(earlier, expected=earlier.version)
                self._remember(UndoStep(Change.EDIT, before.id or 0, before=before, version=before.version + 1))
                return Saved(earlier, answered=True, unknown_names=unknown)
        if parsed.kind is capture.CaptureKind.VOTE:
            return self._vote(item_id, parsed)
        if parsed.kind is capture.CaptureKind.LIST_ITEM:
            last = self.store.records.last_of_item(item_id)
            if isinstance(last, Narrative):
                listed = capture.with_list_item(last, parsed)
                before = self.store.records.update(listed)
                self._remember(UndoStep(Change.EDIT, before.id or 0, before=before))
                return Saved(self.store.records.get(before.id or 0), listed=True)
        record = self._under_its_heading(capture.to_record(parsed, item_id, self.committee.recommendation_body))
        saved = self.store.records.add(record)
        self._remember(UndoStep(Change.ADD, saved.id or 0))
        return Saved(saved, unknown_names=unknown, linked=self._link_decision(saved))

    def _under_its_heading(self, record: Record) -> Record:
        """A new assurance with no theme takes that of the sub-heading it is typed under (a theme
        and a sub-heading are one thing), so the theme's history finds it."""
        if not isinstance(record, Assurance) or record.theme or record.id is not None:
            return record
        heading = open_section(self.records(record.agenda_item_id))
        return record.model_copy(update={"theme": heading}) if heading else record

    def _vote(self, item_id: int, parsed: capture.Capture) -> Saved:
        """A show of hands: the open motion (or amendment) decided, or, with none open, a motion
        whose words can be added later. Checked against the members present and the quorum."""
        motion = voting.open_motion(self.records(item_id))
        if motion is None and parsed.outcome is MotionOutcome.WITHDRAWN:
            raise ScrutuiError("There is no motion open under this item to withdraw.")
        decided = capture.to_record(parsed, item_id) if motion is None else capture.with_vote(motion, parsed)
        assert isinstance(decided, Motion)
        notices = tuple(voting.check_vote(decided, self.roll(), item_id))
        if motion is None:
            saved = self.store.records.add(decided)
            self._remember(UndoStep(Change.ADD, saved.id or 0))
            return Saved(saved, voted=True, notices=notices)
        before = self.store.records.update(decided)
        self._remember(UndoStep(Change.EDIT, before.id or 0, before=before))
        return Saved(self.store.records.get(before.id or 0), voted=True, notices=notices)

    def _link_decision(self, saved: Record) -> Motion | None:
        """A new resolution or recommendation worded as a carried motion is that motion's decision
        (the tracker and the chair's list then show its vote). Returns the motion, if it was."""
        if not isinstance(saved, Resolution | Recommendation):
            return None  # only a decision can be a motion's: the item is not read for anything else
        if not self.store.records.has_carried_motion(saved.agenda_item_id):
            return None  # (most items: a long item's decision saves without reading it all)
        linked = voting.linked_motion(self.records(saved.agenda_item_id), saved)
        if linked is not None:
            self.store.records.update(linked, revise=False)
        return linked

    def save(self, record: Record, *, expected: int | None = None) -> Record:
        """Save a record from a form: a new one is added, an existing one updated.

        An existing one is saved only over the version the form opened (`record.version`, or
        `expected` when given): changed elsewhere since, it raises RecordChanged and nothing is
        saved over it (the form's version is kept in the record's history). A motion whose vote
        changed is checked against the members present and the quorum first (`notices` then holds
        what the clerk should be told)."""
        before = self.store.records.get(record.id) if record.id is not None else None
        self.notices = ()
        if isinstance(record, Motion) and not (
            isinstance(before, Motion)
            and before.result == record.result
            and before.recorded_votes == record.recorded_votes
        ):
            self.notices = tuple(voting.check_vote(record, self.roll(), record.agenda_item_id))
        if record.id is None:
            saved = self.store.records.add(self._under_its_heading(record))
            self._remember(UndoStep(Change.ADD, saved.id or 0))
            self._link_decision(saved)
            return saved
        opened = record.version if expected is None else expected
        before = self.store.records.update(record, expected=opened)
        self._remember(UndoStep(Change.EDIT, record.id, before=before, version=before.version + 1))
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
                if step.version is not None and records.get(step.record_id).version != step.version:
                    raise ScrutuiError(
                        "This record was changed elsewhere (another window or clerk) after your edit, so "
                        "undo did not put the earlier version back over that change; both are in its history."
                    )
                records.update(step.before, expected=step.version)
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

    def _moved_on(self, step: UndoStep, version: int) -> UndoStep:
        """The same undo step, now undoing up to `version` (a narrative saved again since)."""
        moved = replace(step, version=version)
        for index in range(len(self._undo) - 1, -1, -1):
            if self._undo[index] is step:
                self._undo[index] = moved
                break
        return moved


class NarrativeDraft:
    """A narrative being written in the multi-line editor.

    It is saved every few seconds and on leaving; the whole editing session is one undo step, and
    one revision (the text before editing began) rather than one per save. Each save goes only over
    the version last saved or opened here: changed elsewhere meanwhile, it raises RecordChanged
    (see `keep_mine`, `take_theirs` and `keep_both` for what the clerk may then choose).
    """

    def __init__(self, session: MinutingSession, agenda_item_id: int, record: Narrative | None) -> None:
        self.session = session
        self.agenda_item_id = agenda_item_id
        self.record_id = record.id if record else None
        self.saved_text = record.text if record else ""
        #: The version of the record this editor last saved or opened.
        self.version = record.version if record else 0
        self._original = record
        self._changed = False
        self._undo_step: UndoStep | None = None

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
            self.version = added.version
            self.session._remember(UndoStep(Change.ADD, added.id or 0))
            self.saved_text = cleaned
            self._changed = True  # a new narrative needs no "before" revision
            return added
        return self._write(cleaned, revise=not self._changed, expected=self.version)

    def _write(self, cleaned: str, *, revise: bool, expected: int) -> Narrative:
        assert self.record_id is not None
        records = self.session.store.records
        narrative = Narrative(
            id=self.record_id, agenda_item_id=self.agenda_item_id, text=cleaned, version=expected
        )
        before = records.update(narrative, revise=revise, expected=expected)
        self.version = before.version + 1
        if self._undo_step is None and self._original is not None:
            self._undo_step = UndoStep(Change.EDIT, self.record_id, before=self._original, version=self.version)
            self.session._remember(self._undo_step)
        elif self._undo_step is not None:
            self._undo_step = self.session._moved_on(self._undo_step, self.version)
        self._changed = True
        self.saved_text = cleaned
        saved = records.get(self.record_id)
        assert isinstance(saved, Narrative)
        return saved

    # --- after RecordChanged: the clerk's choice ------------------------------------------------

    def keep_mine(self, text: str, current: Record | None) -> Narrative:
        """Save `text` over the version now in the database (`current`; None when it was deleted,
        which brings it back). That version is kept as a revision."""
        assert self.record_id is not None
        records = self.session.store.records
        if current is None:
            records.restore(self.record_id)
            current = records.get(self.record_id)
        return self._write(clean_text(text), revise=True, expected=current.version)

    def take_theirs(self, current: Record) -> str:
        """Carry on from the version now in the database (this editor's is in the history)."""
        self.version = current.version
        self.saved_text = current.text
        return current.text

    def keep_both(self, text: str) -> Narrative:
        """Keep the version now in the database and save `text` as a new narrative after it; this
        editor goes on with the new one."""
        added = self.session.store.records.add(Narrative(agenda_item_id=self.agenda_item_id, text=clean_text(text)))
        assert isinstance(added, Narrative)
        self.session._remember(UndoStep(Change.ADD, added.id or 0))
        self.record_id, self.version, self.saved_text = added.id, added.version, added.text
        self._original, self._undo_step, self._changed = None, None, True
        return added

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
