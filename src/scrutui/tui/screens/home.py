"""The meetings list: pick a meeting to minute, make a new one, look after committees.

As the app's first screen it is drawn from a plain read of the newest meetings
(`scrutui.store.glance`), and read again through the store just after it first appears: the store,
pydantic and the models are imported after the first paint.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from scrutui.columns import Column, clip, fit_widths
from scrutui.dates import long_time
from scrutui.tui.guard import guarded
from scrutui.tui.screens.base import ScrutuiScreen
from scrutui.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from scrutui.store.damage import DamagedRow
    from scrutui.store.glance import MeetingsGlance
    from scrutui.store.notices import NoticeState
    from scrutui.tui.screens.list_export import ListExportChoice

#: The meetings screen lists this many of the newest meetings (older ones: scrutui meetings).
SHOWN_MEETINGS = 300


class HomeScreen(ScrutuiScreen[None]):
    """Every meeting, newest first."""

    DEFAULT_CSS = """
    HomeScreen #home-title { height: 1; background: $panel; padding: 0 1; text-style: bold; }
    HomeScreen DataTable { height: 1fr; }
    HomeScreen #home-hint { height: auto; padding: 0 1; color: $text-muted; }
    """

    #: What changes something: left off the key bar when the database is open read-only.
    EDITING = frozenset({"new_meeting", "demo"})

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
            "p",
            "decision_notice",
            "Decisions",
            id="home.decisions",
            tooltip="Export the selected meeting's decision notice (Wales: publish within 7 working days)",
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

    def __init__(self, glance: MeetingsGlance | None = None) -> None:
        """The meetings list; `glance`: the newest meetings as a plain read found them, to show
        first (the app's first screen), before they are read through the store."""
        super().__init__()
        self._glance = glance

    def compose(self) -> ComposeResult:
        title = "scrutui · meetings" + (" · READ-ONLY" if self.read_only else "")
        yield Static(title, id="home-title")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="meetings")
        yield Static(id="home-hint")
        yield KeyBar()

    #: The committee column's width and the id column's, as last laid out, and whether the Notice
    #: column (a Welsh committee's decision-notice deadline) is shown.
    _widths: tuple[int, int] = (0, 0)
    _notices = False
    NOTICE_COLUMN = "Notice"

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()

    def on_resize(self) -> None:
        if self.is_mounted and self.query_one(DataTable).columns and self._fit_columns():
            self.reload()

    def _fit_columns(self, id_width: int | None = None, notices: bool | None = None) -> bool:
        """Columns for the screen's width, with the Notice column while a committee is in Wales; the
        committee's name takes the rest (cut with "…"). True when they changed."""
        id_width = id_width or self._widths[1] or 2
        notices = self._notices if notices is None else notices
        columns = [
            Column("Id", id_width, id_width),
            Column("Date", 15, 15),
            Column("Time", 8, 8),
            Column("Status", 8, 8),
            *([Column(self.NOTICE_COLUMN, 10, 10)] if notices else []),
            Column("Records", 7, 7),
            Column("Committee", 12),
        ]
        widths = fit_widths(columns, max(self.size.width, 40) - 2)
        table = self.query_one(DataTable)
        if (widths[-1], id_width) == self._widths and notices == self._notices and table.columns:
            return False
        self._widths, self._notices = (widths[-1], id_width), notices
        table.clear(columns=True)
        for column, width in zip(columns, widths, strict=True):
            table.add_column(column.label, width=width)
        return True

    def on_screen_resume(self) -> None:
        """Read the meetings each time the screen shows (the first time included)."""
        glance, self._glance = self._glance, None
        if glance is None or self.scrutui.store_is_open:
            self.reload()
            return
        # The first screen: the plain read now, and the meetings read through the store once it is
        # on screen (a key pressed meanwhile opens the store itself, when it needs it).
        rows = [(m.id, m.date, m.time, m.status, m.committee) for m in glance.meetings]
        self._draw(rows, (), notices=glance.wales, select_meeting=None)
        self.call_after_refresh(self._reload_after_first_paint)

    def _reload_after_first_paint(self) -> None:
        if not self.is_mounted or self._read_through_store:
            return
        if not self.query_one(DataTable).size:  # not laid out yet, and so not painted: wait
            self.call_after_refresh(self._reload_after_first_paint)
            return
        self.reload()

    #: True once the meetings have been read through the store.
    _read_through_store = False

    def reload(self, select_meeting: int | None = None) -> None:
        """Read the meetings again."""
        from scrutui.models import Jurisdiction

        self._read_through_store = True
        notices = any(c.jurisdiction is Jurisdiction.WALES for c in self.store.committees.all())
        with self.store.handle.collecting_damage() as damaged:
            summaries = self.store.meetings.summaries(limit=SHOWN_MEETINGS, counts=False)
        rows = [
            (s.meeting.id or 0, s.meeting.date, s.meeting.time, s.meeting.status.value, s.committee)
            for s in summaries
        ]
        self._draw(rows, tuple(damaged), notices=notices, select_meeting=select_meeting)
        # Counting records reads every record of these meetings: done after the list is on screen.
        self.call_after_refresh(self.show_record_counts, [row[0] for row in rows])

    def _draw(
        self,
        rows: list[tuple[int, dt.date, dt.time, str, str]],
        damaged: tuple[DamagedRow, ...],
        *,
        notices: bool,
        select_meeting: int | None,
    ) -> None:
        """Show these meetings (id, date, time, status, committee), and the rows damaged in the
        database, keeping the one selected (or moving to `select_meeting`)."""
        table = self.query_one(DataTable)
        keep = select_meeting if select_meeting is not None else self.selected_meeting_id()
        self._fit_columns(max([2, *(len(str(row[0])) for row in rows)]), notices)
        table.clear()
        for meeting_id, date, time, status, committee in rows:
            cells: list[str | Text] = [
                str(meeting_id),
                date.strftime("%a %d %b %Y"),
                long_time(time),
                status,
                "…",
                Text(clip(committee, self._widths[0])),
            ]
            if notices:
                cells.insert(4, "")
            table.add_row(*cells, key=str(meeting_id))
        for found in damaged:  # listed, not hidden: opening one says what is wrong
            cells = [str(found.row_id), Text("⚠ damaged", style="bold red"), "", "", "", Text(found.problem, style="red")]
            if notices:
                cells.insert(4, "")
            table.add_row(*cells, key=str(found.row_id))
        hint = self.query_one("#home-hint", Static)
        if not rows and not damaged:
            hint.update("No meetings yet: press n to create one (or c to set up a committee first).")
        elif damaged:
            hint.update(
                Text(f"⚠ {len(damaged)} damaged in the database (marked ⚠): restore from a backup", style="red")
            )
        else:
            hint.update("Enter minutes the selected meeting · t the tracker · F8 search · F1 help")
        if keep is not None and str(keep) in {str(row[0]) for row in rows}:
            table.move_cursor(row=table.get_row_index(str(keep)))

    def show_record_counts(self, meeting_ids: list[int]) -> None:
        """Fill in the Records column, and the Notice column if it is shown."""
        table = self.query_one(DataTable)
        columns = list(table.columns)
        labels = [str(c.label) for c in table.columns.values()]
        records = columns[labels.index("Records")]
        for meeting_id, count in self.store.meetings.record_counts(meeting_ids).items():
            if str(meeting_id) in table.rows:
                table.update_cell(str(meeting_id), records, str(count))
        if self.NOTICE_COLUMN not in labels:
            return
        notice = columns[labels.index(self.NOTICE_COLUMN)]
        today = dt.date.today()
        late = 0
        for meeting_id, state in self.store.notices.states(meeting_ids).items():
            if str(meeting_id) in table.rows:
                cell = notice_cell(state, today)
                late += cell.style == "bold red"
                table.update_cell(str(meeting_id), notice, cell)
        if late:
            plural = "s are" if late > 1 else " is"
            self.query_one("#home-hint", Static).update(
                Text(
                    f"⚠ {late} decision notice{plural} overdue: p exports the selected meeting's.",
                    style="bold",
                )
            )

    def selected_meeting_id(self) -> int | None:
        """The id of the highlighted meeting."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return int(str(key.value)) if key.value is not None else None

    def opens_screen_on(self, key: events.Key) -> bool:
        """Enter or m on a meeting opens it for minuting: what is typed after goes to its capture line."""
        table = self.query_one(DataTable)
        return key.key in ("enter", "m") and self.focused is table and self.selected_meeting_id() is not None

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
        from scrutui.tui.screens.exporting import ask_and_export

        meeting_id = self.selected_meeting_id()
        if meeting_id is not None:
            ask_and_export(self.scrutui, meeting_id)

    @guarded
    def action_decision_notice(self) -> None:
        """Export the selected meeting's decision notice, in the background."""
        from scrutui.deadlines import decision_notice_due
        from scrutui.export.notice_export import default_notice_name
        from scrutui.export.pdf import find_soffice
        from scrutui.minutes import long_date
        from scrutui.tui.export_folder import export_folder
        from scrutui.tui.screens.exporting import write_or_ask
        from scrutui.tui.screens.list_export import ListExportDialog

        meeting_id = self.selected_meeting_id()
        if meeting_id is None:
            return
        meeting = self.store.meetings.get(meeting_id)
        committee = self.store.committees.get(meeting.committee_id)
        suggested = export_folder() / default_notice_name(committee.name, meeting.date)
        due = decision_notice_due(meeting.date, committee.jurisdiction)
        words = f"Decision notice · {committee.name}, {long_date(meeting.date)}"
        if due is not None:
            words += f" · publish by {long_date(due)}"

        def chosen(choice: ListExportChoice | None) -> None:
            if choice is not None:
                write_or_ask(
                    self.app,
                    choice.path,
                    choice.pdf,
                    lambda force: self.export_notice(meeting_id, choice, force=force),
                )

        dialog = ListExportDialog(
            words, suggested, can_make_pdf=find_soffice() is not None, confidential=False
        )
        self.app.push_screen(dialog, chosen)

    @work(thread=True, group="notice-export", exit_on_error=False)
    def export_notice(self, meeting_id: int, choice: ListExportChoice, *, force: bool) -> None:
        """Write the notice in a worker thread, with its own connection to the database."""
        from scrutui.export.notice_export import export_decision_notice
        from scrutui.tui.screens.exporting import in_own_connection

        app = self.app
        result = in_own_connection(
            app,
            self.store,
            lambda store: export_decision_notice(
                store, meeting_id, choice.path, format_=choice.format, force=force, pdf=choice.pdf
            ),
        )
        if result is None:
            return
        with contextlib.suppress(RuntimeError):
            app.call_from_thread(app.notify, result.summary(), title="Exported", timeout=15, markup=False)
            app.call_from_thread(self.reload)

    def action_tracker(self) -> None:
        """The tracker of information requests and recommendations."""
        self.scrutui.open_tracker()

    @guarded
    def action_minutes_status(self) -> None:
        """Issue, approve or correct the selected meeting's minutes."""
        from scrutui.tui.screens.minutes_status import MinutesStatusScreen

        meeting_id = self.selected_meeting_id()
        if meeting_id is not None:
            self.scrutui.check_meeting(meeting_id)
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


def notice_cell(state: NoticeState, today: dt.date) -> Text:
    """The Notice column: a Welsh meeting's deadline until its notice is exported (red once past),
    then when it was exported; blank elsewhere."""
    from scrutui.deadlines import decision_notice_due

    due = decision_notice_due(state.meeting_date, state.jurisdiction)
    if due is None:
        return Text("")
    if state.exported_at:
        return Text(f"✓ {dt.date.fromisoformat(state.exported_at[:10]):%d %b}", style="dim")
    if due < today:
        return Text(f"late {due:%d %b}", style="bold red")
    return Text(f"by {due:%d %b}", style="yellow")
