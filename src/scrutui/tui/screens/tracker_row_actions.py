"""The tracker screen's actions on the selected row: record the response, refused or withdrawn, set
the due date by hand, or go to where it was asked."""

from __future__ import annotations

from textual import events

from scrutui.minutes import long_date
from scrutui.models import RequestStatus
from scrutui.store.tracker import TrackedRecord
from scrutui.tracker.rules import status_word
from scrutui.tui.guard import guarded
from scrutui.tui.screens.tracker_part import TrackerPart
from scrutui.tui.typed_ahead import opens_from_row


class RowActions(TrackerPart):
    """What the tracker does to the row selected (mixed into TrackerScreen)."""

    def _selected(self) -> TrackedRecord | None:
        row = self.table.current
        if row is None:
            self.notify("Nothing is selected.", severity="warning", timeout=3)
        return row

    @guarded
    def action_respond(self, status: str | None = None) -> None:
        """Record the response to the selected request or recommendation."""
        row = self._selected()
        if row is None:
            return
        self.require_writable()
        from scrutui.tui.screens.response_form import ResponseForm

        self.app.push_screen(
            ResponseForm(self.tracker, row, status, action_log_item_id=self.action_log_item_id),
            self._after_change,
        )

    def action_refuse(self) -> None:
        """Mark the selected request refused (with the reasons)."""
        self.action_respond(RequestStatus.REFUSED.value)

    def action_withdraw(self) -> None:
        """Mark the selected request withdrawn."""
        self.action_respond(RequestStatus.WITHDRAWN.value)

    @guarded
    def action_due_date(self) -> None:
        """Set the selected row's due date by hand."""
        row = self._selected()
        if row is None:
            return
        self.require_writable()
        from scrutui.tui.screens.response_form import DueDateForm

        self.app.push_screen(DueDateForm(self.tracker, row), self._after_change)

    def _after_change(self, saved: TrackedRecord | None) -> None:
        if saved is None:
            return
        self.refresh_rows(select_id=saved.id)
        word = status_word(saved, self.as_at())
        later = ""
        if self._log_approved:
            later = " The minutes of this meeting are approved: the next action log reports it."
        self.notify(
            f"Saved: {word}" + (f" on {long_date(saved.closed_on)}" if saved.closed_on else "") + "." + later,
            timeout=4,
        )

    def opens_screen_on(self, key: events.Key) -> bool:
        """g on a row opens its meeting for minuting: what is typed after goes to its capture line."""
        return opens_from_row(key, self.table, ("g",))

    @guarded
    def action_go_to(self) -> None:
        """Open the minuting screen on the meeting and item where the selected row was made."""
        row = self._selected()
        if row is None:
            return
        self.scrutui.open_minuting(row.origin.meeting_id, item_id=row.origin.item.id, record_id=row.id)
