"""The meetings list: pick a meeting to minute, make a new one, look after committees."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from scrutui.minutes import long_time
from scrutui.tui.guard import guarded
from scrutui.tui.screens.base import ScrutuiScreen
from scrutui.tui.widgets.key_bar import KeyBar

#: The meetings screen lists this many of the newest meetings (older ones: scrutui meetings).
SHOWN_MEETINGS = 300


class HomeScreen(ScrutuiScreen[None]):
    """Every meeting, newest first."""

    DEFAULT_CSS = """
    HomeScreen #home-title { height: 1; background: $panel; padding: 0 1; text-style: bold; }
    HomeScreen DataTable { height: 1fr; }
    HomeScreen #home-hint { height: auto; padding: 0 1; color: $text-muted; }
    """

    BINDINGS = [
        Binding("enter,m", "minute", "Minute", id="home.minute", tooltip="Minute the selected meeting"),
        Binding(
            "n",
            "new_meeting",
            "New meeting",
            id="home.new-meeting",
            tooltip="Create a meeting and its agenda",
        ),
        Binding("a", "agenda", "Agenda", id="home.agenda", tooltip="Edit the selected meeting's agenda"),
        Binding(
            "e",
            "export",
            "Export",
            id="home.export",
            tooltip="Write the selected meeting's draft minutes as a Word document",
        ),
        Binding(
            "c",
            "committees",
            "Committees",
            id="home.committees",
            tooltip="Committees, their members, officers and house style",
        ),
        Binding(
            "t",
            "tracker",
            "Tracker",
            id="home.tracker",
            tooltip="Information requests and recommendations across every meeting, and their responses",
        ),
        Binding(
            "s",
            "minutes_status",
            "Sign-off",
            id="home.status",
            tooltip="Issue, approve or correct the selected meeting's minutes",
        ),
        Binding(
            "d",
            "demo",
            "Load demo",
            show=False,
            id="home.demo",
            tooltip="Load the demo committee and meetings",
        ),
    ]

    def compose(self) -> ComposeResult:
        title = "scrutui · meetings" + (" · READ-ONLY" if self.read_only else "")
        yield Static(title, id="home-title")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="meetings")
        yield Static(id="home-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Id", "Date", "Time", "Status", "Records", "Committee")
        table.focus()

    def on_screen_resume(self) -> None:
        """Read the meetings each time the screen shows (the first time included)."""
        self.reload()

    def reload(self, select_meeting: int | None = None) -> None:
        """Read the meetings again."""
        table = self.query_one(DataTable)
        keep = select_meeting if select_meeting is not None else self.selected_meeting_id()
        table.clear()
        summaries = self.store.meetings.summaries(limit=SHOWN_MEETINGS, counts=False)
        for summary in summaries:
            meeting = summary.meeting
            table.add_row(
                str(meeting.id),
                meeting.date.strftime("%a %d %b %Y"),
                long_time(meeting.time),
                meeting.status.value,
                "…",
                Text(summary.committee),
                key=str(meeting.id),
            )
        hint = self.query_one("#home-hint", Static)
        if not summaries:
            hint.update("No meetings yet: press n to create one (or c to set up a committee first).")
        else:
            hint.update("Enter minutes the selected meeting · t the tracker · F8 search · F1 help")
        if keep is not None and str(keep) in {str(s.meeting.id) for s in summaries}:
            table.move_cursor(row=table.get_row_index(str(keep)))
        # Counting records reads every record of these meetings: done after the list is on screen.
        self.call_after_refresh(self.show_record_counts, [s.meeting.id or 0 for s in summaries])

    def show_record_counts(self, meeting_ids: list[int]) -> None:
        """Fill in the Records column."""
        table = self.query_one(DataTable)
        columns = list(table.columns)
        for meeting_id, count in self.store.meetings.record_counts(meeting_ids).items():
            if str(meeting_id) in table.rows:
                table.update_cell(str(meeting_id), columns[4], str(count))

    def selected_meeting_id(self) -> int | None:
        """The id of the highlighted meeting."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return int(str(key.value)) if key.value is not None else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_minute()

    @guarded
    def action_minute(self) -> None:
        """Open the selected meeting for minuting."""
        meeting_id = self.selected_meeting_id()
        if meeting_id is not None:
            self.scrutui.open_minuting(meeting_id)

    @guarded
    def action_new_meeting(self) -> None:
        """Create a meeting and its agenda."""
        self.require_writable()
        self.scrutui.start_new_meeting()

    @guarded
    def action_agenda(self) -> None:
        """Edit the selected meeting's agenda."""
        meeting_id = self.selected_meeting_id()
        if meeting_id is not None:
            self.scrutui.open_agenda(meeting_id)

    @guarded
    def action_export(self) -> None:
        """Export the selected meeting's minutes (in the background)."""
        from scrutui.tui.exporting import ask_and_export

        meeting_id = self.selected_meeting_id()
        if meeting_id is not None:
            ask_and_export(self.scrutui, meeting_id)

    def action_tracker(self) -> None:
        """The tracker of information requests and recommendations."""
        self.scrutui.open_tracker()

    def action_minutes_status(self) -> None:
        """Issue, approve or correct the selected meeting's minutes."""
        from scrutui.tui.screens.minutes_status import MinutesStatusScreen

        meeting_id = self.selected_meeting_id()
        if meeting_id is not None:
            self.app.push_screen(MinutesStatusScreen(meeting_id))

    def action_committees(self) -> None:
        """Committees and their people."""
        from scrutui.tui.screens.committees import CommitteesScreen

        self.app.push_screen(CommitteesScreen())

    @guarded
    def action_demo(self) -> None:
        """Load the demo."""
        self.require_writable()
        self.scrutui.load_demo()
