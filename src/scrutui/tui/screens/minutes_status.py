"""The sign-off of a committee's minutes: issue a draft (fixing its minute numbers), approve it at a
later meeting, and record corrections agreed there."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Label, Select, Static

from scrutui.minutes import long_date
from scrutui.models import Meeting, MinutesStatus, Record
from scrutui.session import MinutingSession
from scrutui.tui.guard import guarded, report
from scrutui.tui.screens.base import ScrutuiModal, ScrutuiScreen
from scrutui.tui.screens.confirm import Confirm
from scrutui.tui.screens.correction import (
    CorrectionForm,
    RecordPicker,
    default_agreed_at,
    later_meeting_choices,
)
from scrutui.tui.widgets.key_bar import KeyBar

EXPLAIN = {
    MinutesStatus.DRAFT: "Draft: edit freely. i issues it (every item numbered, numbers then fixed).",
    MinutesStatus.ISSUED: "Issued: numbers fixed. c records a correction; a approves at a later meeting.",
    MinutesStatus.APPROVED: "Approved: changed only by a correction agreed at a later meeting (c).",
}


class MinutesStatusScreen(ScrutuiScreen[None]):
    """Every meeting of the committee with where its minutes stand."""

    DEFAULT_CSS = """
    MinutesStatusScreen #status-title { height: 1; background: $panel; padding: 0 1; text-style: bold; }
    MinutesStatusScreen DataTable { height: 1fr; }
    MinutesStatusScreen #status-detail { height: auto; max-height: 8; padding: 0 1; }
    """

    #: What changes something: left off the key bar when the database is open read-only.
    EDITING = frozenset({"issue", "approve", "correct", "renumber"})

    BINDINGS = [
        Binding(
            "i",
            "issue",
            "Issue",
            id="status.issue",
            tooltip="Issue the draft minutes (numbers are then fixed)",
        ),
        Binding(
            "a", "approve", "Approve", id="status.approve", tooltip="Approve the minutes at a later meeting"
        ),
        Binding(
            "c",
            "correct",
            "Correct",
            id="status.correct",
            tooltip="Correct a record of issued or approved minutes, as agreed at a later meeting",
        ),
        Binding(
            "r",
            "renumber",
            "Renumber",
            show=False,
            id="status.renumber",
            tooltip="Number a draft's taken items again, in agenda order",
        ),
        Binding("escape", "back", "Back", id="status.back", tooltip="Back"),
    ]

    def __init__(self, meeting_id: int, *, from_meeting: int | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        #: The meeting the clerk came from: offered first as where approvals are agreed.
        self.from_meeting = from_meeting if from_meeting is not None else meeting_id
        self.meetings: list[Meeting] = []

    def compose(self) -> ComposeResult:
        meeting = self.store.meetings.get(self.meeting_id)
        committee = self.store.committees.get(meeting.committee_id)
        yield Static(Text(f"Minutes · {committee.name}"), id="status-title")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="minutes-status")
        yield Static(id="status-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Meeting", "Minutes", "Issued", "Approved at", "Corrections")
        self.reload(self.meeting_id)
        table.focus()

    def reload(self, select_id: int | None = None) -> None:
        """Read the committee's meetings again."""
        table = self.query_one(DataTable)
        keep = select_id if select_id is not None else self.selected_id()
        committee_id = self.store.meetings.get(self.meeting_id).committee_id
        self.meetings = self.store.meetings.of_committee(committee_id)
        table.clear()
        for meeting in self.meetings:
            state = self.store.signoff.state(meeting.id or 0)
            table.add_row(
                long_date(meeting.date),
                meeting.status.value,
                _day(state.issued_at),
                long_date(state.approved_at_meeting.date) if state.approved_at_meeting else "",
                str(state.corrections or ""),
                key=str(meeting.id),
            )
        if keep is not None and any(m.id == keep for m in self.meetings):
            table.move_cursor(row=table.get_row_index(str(keep)))
        self.show_detail()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        """Explain the highlighted meeting's status and list its corrections."""
        meeting = self._selected()
        detail = self.query_one("#status-detail", Static)
        if meeting is None:
            detail.update("")
            return
        text = Text(EXPLAIN[meeting.status])
        exempt = {item.id for item in self.store.agenda.for_meeting(meeting.id or 0) if item.is_exempt}
        for correction in self.store.signoff.corrections(meeting.id or 0):
            agreed = f" (agreed {long_date(correction.agreed_at_date)})" if correction.agreed_at_date else ""
            described = correction.description
            if correction.agenda_item_id in exempt and not self.shows_exempt:
                described = "A correction to an exempt minute (not shown in this session)"
            text.append(f"\n• {described}{agreed}")
        detail.update(text)

    def selected_id(self) -> int | None:
        """The id of the highlighted meeting."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return int(str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value))

    def _selected(self) -> Meeting | None:
        wanted = self.selected_id()
        return next((m for m in self.meetings if m.id == wanted), None)

    @guarded
    def action_issue(self) -> None:
        """Issue the highlighted draft, after asking."""
        self.require_writable()
        meeting = self._selected()
        if meeting is None or meeting.id is None:
            return
        if meeting.status is not MinutesStatus.DRAFT:
            self.notify(f"The minutes of {long_date(meeting.date)} are already {meeting.status.value}.")
            return
        meeting_id = meeting.id

        def answered(yes: bool | None) -> None:
            if yes:
                try:
                    self.store.signoff.issue(meeting_id)
                except Exception as error:
                    report(self, error)
                self.reload(meeting_id)

        question = (
            f"Issue the draft minutes of {long_date(meeting.date)}? Every item gets its minute number, "
            "and the numbers cannot change after."
        )
        self.app.push_screen(Confirm(question, "Issue"), answered)

    @guarded
    def action_approve(self) -> None:
        """Approve the highlighted minutes at a later meeting."""
        self.require_writable()
        meeting = self._selected()
        if meeting is None or meeting.id is None:
            return
        if meeting.status is MinutesStatus.APPROVED:
            self.notify(f"The minutes of {long_date(meeting.date)} are already approved.")
            return
        meeting_id = meeting.id

        def chosen(at: int | None) -> None:
            if at is None:
                return
            try:
                self.store.signoff.approve(meeting_id, at)
            except Exception as error:
                report(self, error)
                return
            self.reload(meeting_id)
            self.notify(f"The minutes of {long_date(meeting.date)} are approved.")

        self.app.push_screen(ApproveForm(meeting, self.from_meeting), chosen)

    @guarded
    def action_correct(self) -> None:
        """Pick a record of the highlighted minutes and correct it."""
        self.require_writable()
        meeting = self._selected()
        if meeting is None or meeting.id is None:
            return
        if meeting.status is MinutesStatus.DRAFT:
            self.notify("These minutes are still a draft: edit them on the minuting screen.")
            return
        meeting_id = meeting.id

        def picked(record: Record | None) -> None:
            if record is None:
                return
            session = MinutingSession(self.store, meeting_id)

            def corrected(saved: Record | None) -> None:
                if saved is not None:
                    self.notify("Correction recorded.")
                self.reload(meeting_id)

            self.app.push_screen(CorrectionForm(session, record, self.from_meeting), corrected)

        self.app.push_screen(RecordPicker(meeting_id), picked)

    @guarded
    def action_renumber(self) -> None:
        """Number a draft's taken items again, in agenda order."""
        self.require_writable()
        meeting = self._selected()
        if meeting is None or meeting.id is None:
            return
        self.store.signoff.renumber(meeting.id)
        self.notify("Minute numbers given again, in agenda order.")
        self.reload(meeting.id)

    def action_back(self) -> None:
        """Back."""
        self.dismiss()


class ApproveForm(ScrutuiModal[int | None]):
    """At which meeting the minutes were approved."""

    DEFAULT_CSS = """
    ApproveForm { align: center middle; }
    ApproveForm > Vertical { width: 72; height: auto; border: thick $accent; background: $surface; padding: 0 1; }
    ApproveForm Label.hint { color: $text-muted; }
    ApproveForm #approve-error { color: $error; height: auto; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Approve", id="approve.save", tooltip="Approve the minutes"),
        Binding("escape", "cancel", "Cancel", id="approve.cancel", tooltip="Close without approving"),
    ]

    def __init__(self, meeting: Meeting, preferred: int | None) -> None:
        super().__init__()
        self.meeting = meeting
        self.preferred = preferred

    def compose(self) -> ComposeResult:
        later = self.store.signoff.later_meetings(self.meeting.id or 0)
        chosen = default_agreed_at(later, self.preferred)
        with Vertical():
            yield Label(f"Approve the minutes of {long_date(self.meeting.date)} as a correct record")
            yield Label(
                "Record any corrections first (c). After approval they change only by a correction.",
                classes="hint",
            )
            yield Label("Approved at the meeting of")
            yield Select(
                later_meeting_choices(later),
                value=chosen if chosen is not None else Select.NULL,
                allow_blank=chosen is None,
                id="approve-at",
            )
            yield Label("ctrl+s approves · Escape cancels", classes="hint")
            yield Label("", id="approve-error")

    def on_mount(self) -> None:
        self.query_one(Select).focus()

    def action_save(self) -> None:
        """Return the meeting chosen."""
        value = self.query_one(Select).value
        if value is Select.NULL:
            self.query_one("#approve-error", Label).update(
                "Minutes are approved at a later meeting of the committee: create that meeting first."
            )
            return
        self.dismiss(int(str(value)))

    def action_cancel(self) -> None:
        """Close without approving."""
        self.dismiss(None)


def _day(stamp: str | None) -> str:
    """A time stamp's date, as dd/mm/yyyy."""
    return f"{stamp[8:10]}/{stamp[5:7]}/{stamp[:4]}" if stamp else ""
