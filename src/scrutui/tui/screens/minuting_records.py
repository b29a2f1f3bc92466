"""The minuting screen's actions on the current item's records: edit, delete, move, undo, enter one
through a form or the narrative editor, a recorded vote, and add a person to the committee."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrutui.tui.guard import guarded, report
from scrutui.tui.screens.minuting_part import MinutingPart
from scrutui.tui.widgets.capture_hint import clock, vote_line
from scrutui.tui.widgets.record_list import RecordList

if TYPE_CHECKING:
    from scrutui.models import Narrative, Record, RecordKind

# (The models, the capture grammar and the votes are imported where used: the screen is first
# drawn before they are imported.)


class RecordActions(MinutingPart):
    """What the minuting screen does to a record (mixed into MinutingScreen)."""

    def _selected(self) -> Record | None:
        record_id = self.query_one(RecordList).selected_record_id
        return next((r for r in self.records if r.id == record_id), None)

    @guarded
    def action_edit_record(self) -> None:
        """Edit the selected record: narratives in the editor, others in a form."""
        from scrutui.models import Narrative

        record = self._selected()
        if record is None:
            return
        self.require_writable()
        if isinstance(record, Narrative):
            self._open_narrative(record)
        else:
            self._open_form(record.kind, record)

    @guarded
    def action_delete_record(self) -> None:
        """Delete the selected record (undo brings it back)."""
        assert self.session is not None
        record = self._selected()
        if record is None or record.id is None:
            return
        self.require_writable()
        index = [r.id for r in self.records].index(record.id)
        self.session.delete(record.id)
        neighbours = [r.id for r in self.records if r.id != record.id]
        self.show_deleted(record.id, neighbours[min(index, len(neighbours) - 1)] if neighbours else None)
        self.hint(f"Deleted the {record.kind.label.lower()}. ctrl+z brings it back.", "warning")

    @guarded
    def action_move_record(self, step: int) -> None:
        """Move the selected record up or down."""
        assert self.session is not None
        record = self._selected()
        if record is None or record.id is None:
            return
        self.require_writable()
        if self.session.move(record.id, step):
            self.refresh_records(record.id)

    @guarded
    def action_undo(self) -> None:
        """Undo the last change to a record."""
        assert self.session is not None
        self.require_writable()
        undone = self.session.undo()
        if undone is None:
            self.hint("Nothing to undo.")
            return
        message, record_id = undone
        if not record_id:
            self.refresh_formalities()
            self.hint(f"↶ {message}.", "saved")
            return
        record = self.store.records.get(record_id, include_deleted=True)
        if self.current is None or record.agenda_item_id != self.current.id:
            item = next((i for i in self.items if i.id == record.agenda_item_id), self.current)
            self.show_item(item, select_id=record_id)
        else:
            self.refresh_records(record_id)
        self.hint(f"↶ {message}.", "saved")

    @guarded
    def action_new_record_form(self) -> None:
        """Choose a kind, then enter a record through a form."""
        self.require_writable()
        if self.current is None:
            self.hint("There is no agenda item to minute under: add one first.", "warning")
            return
        from scrutui import capture
        from scrutui.models import RecordKind
        from scrutui.tui.screens.kind_picker import FormKind, KindPicker

        def picked(choice: FormKind | None) -> None:
            if choice is None:
                return
            if choice.kind is RecordKind.NARRATIVE:
                self._open_narrative(None)
            elif choice.capture is capture.CaptureKind.ANSWER:
                waiting = capture.answer(self.records, capture.Capture(capture.CaptureKind.ANSWER))
                if waiting is None:
                    self.hint("No question or assurance under this item is waiting for an answer.", "warning")
                    return
                original = next(r for r in self.records if r.id == waiting.id)
                self._open_form(original.kind, original)
            else:
                presets = {
                    capture.CaptureKind.AGREED: {"form": "agreed"},
                    capture.CaptureKind.AMENDMENT: {"amendment": "true"},
                }
                self._open_form(choice.kind, None, preset=presets.get(choice.capture))

        self.app.push_screen(KindPicker(), picked)

    @guarded
    def action_narrative_editor(self) -> None:
        """Write a long narrative in the multi-line editor."""
        self.require_writable()
        if self.current is None:
            self.hint("There is no agenda item to minute under: add one first.", "warning")
            return
        self._open_narrative(None)

    def _open_form(self, kind: RecordKind, record: Record | None, *, preset: dict[str, str] | None = None) -> None:
        from scrutui.tui.screens.record_form import RecordForm

        assert self.session is not None and self.current is not None and self.current.id is not None
        if not self.current.started_at:
            self.show_item(self.current, take=True)
        form = RecordForm(self.session, self.current.id, kind, record, preset=preset)
        self.app.push_screen(form, self._after_edit)

    def _open_narrative(self, record: Narrative | None) -> None:
        from scrutui.tui.screens.narrative_editor import NarrativeEditor

        assert self.session is not None and self.current is not None and self.current.id is not None
        if not self.current.started_at:
            self.show_item(self.current, take=True)
        self.app.push_screen(NarrativeEditor(self.session, self.current.id, record), self._after_edit)

    def _after_edit(self, saved: Record | None) -> None:
        from scrutui.models import Motion, MotionOutcome

        self.refresh_records(saved.id if saved else None)
        if isinstance(saved, Motion) and saved.outcome is not MotionOutcome.MOVED:
            assert self.session is not None
            self.wording.clear()
            self.hint(*vote_line(saved, self.session.notices, self.records))
        elif saved is not None:
            self.hint(f"✓ Saved: {saved.kind.label.lower()} ({clock()})", "saved")
        self.action_focus_capture()

    @guarded
    def action_recorded_vote(self) -> None:
        """A recorded vote on the motion selected in the list, or else the open (or last) one."""
        from scrutui import voting
        from scrutui.models import MinutesStatus

        self.require_writable()
        assert self.session is not None
        if self.session.meeting.status is MinutesStatus.APPROVED:
            self.hint("These minutes are approved: a vote changes only by a correction (F6).", "warning")
            return
        selected = self._selected() if isinstance(self.focused, RecordList) else None
        motion = voting.motion_to_vote_on(self.records, selected)
        if motion is None:
            self.hint("There is no motion under this item: type m MOVER/SECONDER: the motion, then F10.", "warning")
            return
        from scrutui.tui.screens.recorded_vote import RecordedVoteScreen

        self.save_capture_draft()
        self.app.push_screen(RecordedVoteScreen(self.session, motion), self._after_edit)

    @guarded
    def action_add_person(self) -> None:
        """Add a person to the committee, starting from the last unknown name typed."""
        self.require_writable()
        from scrutui.tui.screens.person_form import PersonEntry, PersonForm, likely_role

        assert self.session is not None
        session = self.session

        def added(result: PersonEntry | None) -> None:
            if result is None:
                return
            try:
                person = session.add_person(result.person, result.role)
            except Exception as error:
                report(self, error)
                return
            self._last_unknown = ""
            self.refresh_records()
            self.hint(f"✓ Added {person.name}; Tab now completes the name.", "saved")

        name = self._last_unknown
        self.app.push_screen(PersonForm(name=name, role=likely_role(name)), added)
