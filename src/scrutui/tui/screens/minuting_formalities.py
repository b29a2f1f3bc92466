"""The minuting screen's formalities: the roll call and the quorum, arrivals and departures,
declarations of interest, standard wording, sign-off, and closing the meeting."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work

from scrutui.tui.guard import guarded, report
from scrutui.tui.screens.minuting_part import MinutingPart
from scrutui.tui.screens.minuting_wording import wordings_for
from scrutui.tui.widgets.capture_hint import clock
from scrutui.tui.widgets.capture_line import CaptureInput

if TYPE_CHECKING:
    import datetime as dt

    from scrutui.models import AgendaItem


class FormalityActions(MinutingPart):
    """The formalities of the meeting being minuted (mixed into MinutingScreen)."""

    #: Whether the meeting was inquorate for the current item when last looked at.
    _was_inquorate: bool

    def _inquorate_now(self) -> bool:
        if self.roll is None:
            return False
        return self.roll.count_now(self.current.id if self.current else None).inquorate

    def refresh_formalities(self) -> None:
        """Read attendance, movements and declarations again; warn at once if the meeting has just
        become inquorate."""
        assert self.session is not None
        self.roll = self.session.roll()
        self.session.people = self.store.people.for_meeting(self.meeting_id)
        self.load_agenda()
        if self.current is not None:
            self.current = next((i for i in self.items if i.id == self.current.id), self.current)
        self.refresh_records()
        self.warn_quorum()

    def warn_quorum(self) -> None:
        """Say so at once when the meeting becomes inquorate for the current item."""
        inquorate = self._inquorate_now()
        if inquorate and not self._was_inquorate and self.roll is not None:
            count = self.roll.count_now(self.current.id if self.current else None)
            self.notify(
                f"The meeting is inquorate: {count.describe()}.",
                title="Quorum",
                severity="warning",
                timeout=10,
            )
        self._was_inquorate = inquorate

    def action_roll_call(self) -> None:
        """Take the roll call."""
        from scrutui.tui.screens.roll_call import RollCallScreen

        self.save_capture_draft()
        self.app.push_screen(RollCallScreen(self.meeting_id))

    @guarded
    def action_movement(self) -> None:
        """Someone arrived or left: pick them, and it is stamped now, during the current item."""
        from scrutui.models import MinutesStatus

        self.require_writable()
        assert self.session is not None
        if self.session.meeting.status is MinutesStatus.APPROVED:
            self.hint("These minutes are approved: attendance changes only by a correction.", "warning")
            return
        from scrutui.tui.screens.movement import MovementPicker

        session = self.session
        item = self.current
        if item is not None and item.id is not None and not item.started_at:
            self.show_item(item, take=True)
            item = self.current

        def picked(person_id: int | None) -> None:
            if person_id is None:
                return
            try:
                event = session.record_movement(person_id, item.id if item else None)
            except Exception as error:
                report(self, error)
                return
            self.refresh_formalities()
            line = self.roll.line(person_id) if self.roll else None
            verb = "arrived" if event.movement.value == "arrived" else "left"
            who = line.name if line else "They"
            self.hint(f"✓ {who} {verb} at {event.at[11:16]} (ctrl+z undoes)", "saved")
            self.action_focus_capture()

        roll = self.roll or session.roll()
        self.app.push_screen(MovementPicker(roll, item.title if item else "before the first item"), picked)

    @guarded
    def action_declarations(self) -> None:
        """Declarations of interest (read-only: to browse)."""
        from scrutui.tui.screens.declarations import DeclarationsScreen

        def closed(changed: bool | None) -> None:
            if changed:
                self.refresh_formalities()
            self.action_focus_capture()

        self.app.push_screen(
            DeclarationsScreen(self.meeting_id, self.current.id if self.current else None), closed
        )

    @guarded
    def action_standard_wording(self) -> None:
        """Put standard wording for the current item on the capture line; again: the next one."""
        assert self.session is not None
        self.require_writable()
        item = self.current
        if item is None:
            self.hint("There is no agenda item to minute under: add one first.", "warning")
            return
        line = self.query_one(CaptureInput)
        if line.value.strip() and line.value != self.wording.shown:
            self.hint("The capture line has text: enter it (Enter) or clear it first.", "warning")
            return
        if self.wording.lines:
            self._show_wording()
            return
        from scrutui.formalities import item_kind

        previous = self.store.meetings.previous(self.session.meeting)
        if item_kind(item.title) == "minutes" and previous is None:
            from scrutui.tui.screens.ask_date import AskDate

            def answered(day: dt.date | None) -> None:
                if day is not None:
                    self._prepare_wording(item, day)
                    self._show_wording()

            self.app.push_screen(
                AskDate(
                    "When was the previous meeting, whose minutes are confirmed here?",
                    "It is not in scrutui (this is the committee's first meeting here). e.g. 15/09/2026",
                ),
                answered,
            )
            return
        self._prepare_wording(item, previous.date if previous else None)
        self._show_wording()

    def _prepare_wording(self, item: AgendaItem, previous_meeting: dt.date | None) -> None:
        assert self.session is not None
        self.wording.offer(
            wordings_for(
                item,
                self.records,
                items=self.items,
                committee=self.session.committee,
                roll=self.roll,
                previous_meeting=previous_meeting,
            )
        )

    def _show_wording(self) -> None:
        """The next of the item's standard wordings on the capture line."""
        if not self.wording.lines:
            return
        line = self.query_one(CaptureInput)
        line.value = self.wording.next()
        line.cursor_position = len(line.value)
        line.focus()

    def action_minutes_status(self) -> None:
        """Issue, approve or correct this committee's minutes."""
        from scrutui.models import MinutesStatus
        from scrutui.tui.screens.minutes_status import MinutesStatusScreen

        assert self.session is not None
        self.save_capture_draft()
        previous = self.store.meetings.previous(self.session.meeting)
        wanted = (
            previous.id if previous and previous.status is not MinutesStatus.APPROVED else self.meeting_id
        )
        self.app.push_screen(MinutesStatusScreen(wanted or self.meeting_id, from_meeting=self.meeting_id))

    @guarded
    def action_close_meeting(self) -> None:
        """Ask, then stamp the meeting's end and take a backup in the background."""
        from scrutui.tui.screens.confirm import Confirm

        assert self.session is not None
        self.require_writable()
        self.save_capture_draft()
        session = self.session

        def answered(close: bool | None) -> None:
            if not close:
                self.hint("The meeting is still open.")
                return
            try:
                session.close(self.current.id if self.current else None)
            except Exception as error:
                report(self, error)
                return
            self.take_backup()

        self.app.push_screen(
            Confirm(
                f"Close the meeting now ({clock()[:5]})? Its end time is stamped and a backup of the "
                "database is taken. You can still minute and edit afterwards.",
                "Close meeting",
            ),
            answered,
        )

    @work(thread=True, exclusive=True, group="backup")
    def take_backup(self) -> None:
        """Copy the database to the backups folder (its own connections: safe in a thread)."""
        from scrutui.store.backup import automatic_backup

        try:
            made = automatic_backup(self.store.path)
        except Exception as error:
            self.app.call_from_thread(report, self, error)
            return
        self.app.call_from_thread(self.hint, "✓ Meeting closed and backed up (the message says where)", "saved")
        # The path is long: a notification wraps it, where the one-line hint would cut it off.
        self.app.call_from_thread(
            self.notify, f"Backup saved to {made}", title="Meeting closed", timeout=20, markup=False
        )
