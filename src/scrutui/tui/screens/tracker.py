"""The tracker: information requests (or recommendations) across every meeting and committee, by
due date, overdue ones in red, with the count of each status always in view. Opened for one
meeting's action log, it lists what that log carried forward, and responses recorded there are
noted as reported back at that meeting.

Rows are paged from SQLite (PagedTable), so the list shows at once however many there are.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from scrutui.columns import fit_widths
from scrutui.models import MinutesStatus
from scrutui.store.tracker import StatusFilter, Tracked, TrackedRecord, TrackerQuery
from scrutui.tracker.rules import Tracker, as_minuted
from scrutui.tui.screens.tracker_export import TrackerExport
from scrutui.tui.screens.tracker_filters import TrackerFilters
from scrutui.tui.screens.tracker_row_actions import RowActions
from scrutui.tui.screens.tracker_rows import TrackerSource, tracker_columns
from scrutui.tui.widgets.key_bar import KeyBar
from scrutui.tui.widgets.paged_table import PagedTable
from scrutui.tui.widgets.status_style import status_style
from scrutui.tui.widgets.tracker_counts import TrackerCounts, rows_matching
from scrutui.tui.widgets.tracker_detail import TrackerDetail

if TYPE_CHECKING:
    pass

class TrackerScreen(TrackerFilters, RowActions, TrackerExport):
    """Information requests and recommendations, and what came of them. Its filters, its actions on
    a row and its export are in tracker_filters, tracker_row_actions and tracker_export."""

    DEFAULT_CSS = """
    TrackerScreen #tracker-title { height: 1; background: $panel; padding: 0 1; text-style: bold; text-wrap: nowrap; text-overflow: ellipsis; }
    TrackerScreen #tracker-filters { height: auto; max-height: 2; padding: 0 1; color: $text-muted; }
    TrackerScreen PagedTable { height: 1fr; }
    """

    #: What changes something: left off the key bar when the database is open read-only.
    EDITING = frozenset({"respond", "refuse", "withdraw", "due_date"})

    BINDINGS = [
        Binding(
            "r",
            "respond",
            "Respond",
            id="tracker.respond",
            tooltip="Record the response to the selected row (or press Enter): answered, refused, "
            "withdrawn; for a recommendation the executive's response",
        ),
        Binding(
            "x",
            "refuse",
            "Refused",
            show=False,
            id="tracker.refuse",
            tooltip="Mark the request refused, with the reasons",
        ),
        Binding(
            "w", "withdraw", "Withdrawn", show=False, id="tracker.withdraw", tooltip="Mark the request withdrawn"
        ),
        Binding(
            "d",
            "due_date",
            "Due date",
            id="tracker.due-date",
            tooltip="Set the due date by hand (blank works it out again)",
        ),
        Binding(
            "g",
            "go_to",
            "Go to",
            id="tracker.go-to",
            tooltip="Open the meeting and item where it was asked, on the minuting screen",
        ),
        Binding(
            "t",
            "toggle_kind",
            "Switch",
            id="tracker.toggle",
            tooltip="Switch between information requests and recommendations to the executive",
        ),
        Binding(
            "s",
            "next_status",
            "Status",
            id="tracker.status",
            tooltip="Show outstanding, overdue, answered, refused, withdrawn or all, in turn",
        ),
        Binding(
            "c", "pick_committee", "Committee", id="tracker.committee", tooltip="Show one committee, or all"
        ),
        Binding(
            "o",
            "pick_of",
            "Asked of",
            id="tracker.of",
            tooltip="Show what was asked of one person (or made to one body), or of anyone",
        ),
        Binding(
            "a",
            "pick_asker",
            "Asked by",
            id="tracker.asked-by",
            tooltip="Show the requests one member asked for (a member's own), or everyone's",
        ),
        Binding(
            "e",
            "export",
            "Export",
            id="tracker.export",
            tooltip="Write what is shown to a Word, CSV or JSON file (read-only too)",
        ),
        Binding(
            "f5",
            "refresh",
            "Refresh",
            show=False,
            id="tracker.refresh",
            tooltip="Read the list again (a clerk may be changing it elsewhere)",
        ),
        Binding("escape", "back", "Back", id="tracker.back", tooltip="Back to where you were"),
    ]

    def __init__(
        self,
        *,
        kind: Tracked = Tracked.REQUESTS,
        status: StatusFilter | None = None,
        committee_id: int | None = None,
        action_log_item_id: int | None = None,
        asked_by: str = "",
    ) -> None:
        super().__init__()
        self.kind = kind
        #: Part of the name of the member whose requests are shown ("" for everyone's).
        self.asked_by = asked_by
        self.action_log_item_id = action_log_item_id
        self.status = status or (StatusFilter.ALL if action_log_item_id else StatusFilter.OUTSTANDING)
        self.committee_id = committee_id
        self.committee_name = ""
        self.of = ""
        self._resumed = False
        self._meeting_date: dt.date | None = None
        self._log_approved = False
        self._refresh_pending = False
        self._select_after: int | None = None
        self._fitted_to = 0
        self._widths: list[int] = []
        self._with_committee = True

    # --- layout -----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="tracker-title")
        yield TrackerCounts(id="tracker-counts")
        yield Static(id="tracker-filters")
        yield PagedTable[TrackedRecord](id="tracker-table")
        yield TrackerDetail(id="tracker-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        self.tracker = Tracker(self.store, self.scrutui.today)
        table = self.query_one(PagedTable)
        self._fit_columns()
        if self.committee_id is not None:
            self.committee_name = self.store.committees.get(self.committee_id).name
        if self.action_log_item_id is not None:
            item = self.store.agenda.get(self.action_log_item_id)
            meeting = self.store.meetings.get(item.meeting_id)
            self._meeting_date = meeting.date
            # Approved minutes keep their action log as approved: what is recorded here goes on the
            # request, and the committee's next action log reports it back.
            self._log_approved = meeting.status is MinutesStatus.APPROVED
        self.load()
        table.focus()

    def on_screen_resume(self) -> None:
        # Coming back (from a form, the minuting screen ...): read again what may have changed.
        # The first time the screen shows, on_mount has only just read it.
        if self._resumed:
            self.refresh_rows()
        self._resumed = True

    def as_at(self) -> dt.date:
        """The day overdue is worked out against: today, or for an action log, its meeting's date
        (what was overdue by the meeting is what the minutes say)."""
        if self._meeting_date is not None:
            return self._meeting_date
        return self.tracker.today()

    @property
    def table(self) -> PagedTable[TrackedRecord]:
        """The list."""
        return self.query_one(PagedTable)

    def current_query(self) -> TrackerQuery:
        """The query the screen shows, as at today."""
        return TrackerQuery(
            as_at=self.as_at(),
            kind=self.kind,
            status=self.status,
            committee_id=self.committee_id,
            of=self.of,
            asked_by=self.asked_by if self.kind is Tracked.REQUESTS else "",
            action_log_item_id=self.action_log_item_id,
            confidential=self.shows_exempt,
        )

    def source(self) -> TrackerSource:
        """The rows of the current filters, fitted to the columns."""
        return TrackerSource(
            self.store.tracker,
            self.current_query(),
            lambda rows: as_minuted(self.store, rows),
            self._widths,
            with_committee=self._with_committee,
            style=lambda word: status_style(self.app, word),
            handle=self.store.handle,
        )

    def _fit_columns(self) -> bool:
        """Lay the columns out for the screen's width and what is shown; True if they changed."""
        width = max(self.size.width, 40)
        with_committee = self.committee_id is None and self.store.committees.count() > 1
        columns = tracker_columns(self.kind, with_committee=with_committee)
        widths = fit_widths(columns, width - 2)  # the vertical scrollbar takes 2
        table = self.table
        if widths == self._widths and with_committee == self._with_committee and table.columns:
            return False
        self._widths, self._with_committee = widths, with_committee
        table.clear(columns=True)
        for column, size in zip(columns, widths, strict=True):
            table.add_column(column.label, width=size)
        return True

    def on_resize(self) -> None:
        if hasattr(self, "tracker") and self._fit_columns():
            self.refresh_rows()

    def load(self, select_id: int | None = None) -> None:
        """Show the first page of the current filters; the counts follow once it is painted."""
        self._fit_columns()
        self.table.total = None
        self.table.load(self.source())
        if select_id is not None:
            self.table.select(str(select_id))
        self._describe()
        self.query_one(TrackerCounts).counting()
        self.call_after_refresh(self.update_counts)

    def refresh_rows(self, select_id: int | None = None) -> None:
        """Read the current page and the counts again (after a change here or elsewhere).

        A form closing both resumes this screen and returns its result: the two ask for one
        reading, done once the screen has been painted.
        """
        if select_id is not None:
            self._select_after = select_id
        if not self._refresh_pending:
            self._refresh_pending = True
            self.call_after_refresh(self._read_again)

    def _read_again(self) -> None:
        self._refresh_pending = False
        if not self.is_mounted:
            return
        self.table.source = self.source()
        self.table.reload()
        if self._select_after is not None:
            self.table.select(str(self._select_after))
            self._select_after = None
        self.update_counts()
        self.show_detail()

    def update_counts(self) -> None:
        """The count of each status (whatever the status filter), and how many rows match."""
        counts = self.store.tracker.counts(self.current_query())
        source = self.table.source
        damaged = source.damaged if isinstance(source, TrackerSource) else []
        self.query_one(TrackerCounts).show(counts, self.kind, damaged)
        self.table.total = rows_matching(counts, self.kind, self.status)
        self._describe()

    def _describe(self) -> None:
        as_at = f"as at {self.as_at():%d/%m/%Y}"
        title = f"Tracker · {self.kind.label} · {as_at}"
        if self._meeting_date is not None:
            title = f"Action log of the meeting on {self._meeting_date:%d/%m/%Y} · {self.kind.label.lower()}"
            if self._log_approved:
                title += " · minutes approved"
        if self.read_only:
            title += " · READ-ONLY"
        self.query_one("#tracker-title", Static).update(Text(title, no_wrap=True, overflow="ellipsis"))
        parts = [*self.filter_words(), self.table.position_text()]
        self.query_one("#tracker-filters", Static).update(Text("Showing " + " · ".join(parts)))

    def filter_words(self) -> list[str]:
        """What the list is filtered by, in words: the status, the committee, of whom, asked by whom."""
        parts = [self.status.value, self.committee_name or "all committees"]
        if self.of:
            parts.append(f"of “{self.of}”" if self.kind is Tracked.REQUESTS else f"to “{self.of}”")
        if self.asked_by and self.kind is Tracked.REQUESTS:
            parts.append(f"asked by “{self.asked_by}”")
        return parts

    def on_paged_table_page_changed(self, event: PagedTable.PageChanged) -> None:
        if hasattr(self, "tracker"):
            self._describe()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        """The selected row in full under the list."""
        row = self.table.current
        detail = self.query_one(TrackerDetail)
        if row is None:
            detail.show_empty()
        else:
            detail.show(row, self.as_at())

    # --- reading again, going back ----------------------------------------------------------------

    def action_refresh(self) -> None:
        """Read everything again."""
        self.refresh_rows()
        self.notify("Read the list again.", timeout=2)

    def action_back(self) -> None:
        """Back to where the tracker was opened from."""
        self.dismiss()

    # --- changing a row ---------------------------------------------------------------------------

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_respond()

