"""The minuting screen moving between agenda items (PgDn, PgUp) and between its panes (Esc, the
agenda, the preview), and a letter typed in a list carried on on the capture line."""

from __future__ import annotations

from scrutui.tui.guard import guarded
from scrutui.tui.screens.minuting_part import MinutingPart
from scrutui.tui.widgets.agenda_list import AgendaList
from scrutui.tui.widgets.capture_line import CaptureInput
from scrutui.tui.widgets.minutes_preview import MinutesPreview
from scrutui.tui.widgets.record_list import RecordList, TypedAway


class Moving(MinutingPart):
    """Moving between items and panes (mixed into MinutingScreen)."""

    def _step_item(self, step: int) -> None:
        if not self.items:
            return
        ids = [i.id for i in self.items]
        index = ids.index(self.current.id) if self.current and self.current.id in ids else -1
        target = max(0, min(len(self.items) - 1, index + step))
        if target == index:
            self.hint("That is the last item." if step > 0 else "That is the first item.")
            return
        current = self.current
        moving_on = step > 0 and current is not None and current.id is not None and not current.started_at
        if moving_on and current is not None and current.id is not None and not self.read_only:
            # Moving on from an item means it was taken, even with nothing minuted: it is numbered
            # before the next one.
            assert self.session is not None
            taken = self.session.take_item(current.id)
            self.items = [taken if i.id == taken.id else i for i in self.items]
        self.show_item(self.items[target], take=not self.read_only)

    @guarded
    def action_next_item(self) -> None:
        """Take the next agenda item."""
        self._step_item(1)

    @guarded
    def action_previous_item(self) -> None:
        """Go back to the previous agenda item."""
        self._step_item(-1)

    def on_typed_away(self, message: TypedAway) -> None:
        """A letter typed in a list: carry on typing on the capture line."""
        if self.read_only:
            return
        line = self.query_one(CaptureInput)
        line.focus()
        line.insert_text_at_cursor(message.character)

    def action_toggle_focus(self) -> None:
        """From the capture line to the records, from there to the preview (to scroll it), then back
        to typing."""
        if isinstance(self.focused, CaptureInput):
            self.query_one(RecordList).focus()
        elif isinstance(self.focused, RecordList) and not self.has_class("no-preview"):
            self.query_one(MinutesPreview).focus()
        else:
            self.action_focus_capture()

    def action_focus_capture(self) -> None:
        """Back to typing."""
        self.query_one(CaptureInput).focus()

    def action_focus_agenda(self) -> None:
        """Move to the agenda list."""
        self.query_one(AgendaList).focus()

    def action_toggle_preview(self) -> None:
        """Show or hide the minutes preview."""
        self.toggle_class("no-preview")
