"""The tracker: information requests (or recommendations) across every meeting and committee, by
due date, overdue ones in red, with the count of each status always in view. Opened for one
meeting's action log, it lists what that log carried forward, and responses recorded there are
noted as reported back at that meeting.

Rows are paged from SQLite (PagedTable), so the list shows at once however many there are.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from scrutui.columns import Column, clip, fit_widths
from scrutui.minutes import item_reference, long_date
from scrutui.minutes.votes import short_vote
from scrutui.models import InformationRequest, MinutesStatus, RequestStatus, the
from scrutui.store.base import Handle
from scrutui.store.damage import DamagedRow
from scrutui.store.tracker import StatusFilter, Tracked, TrackedRecord, TrackerQuery, TrackerRepository
from scrutui.tracker.rules import Tracker, as_minuted, counts_line, status_word
from scrutui.tui.guard import guarded
from scrutui.tui.screens.base import ScrutuiScreen
from scrutui.tui.widgets.key_bar import KeyBar
from scrutui.tui.widgets.paged_table import PagedTable
from scrutui.tui.widgets.status_style import status_style

if TYPE_CHECKING:
    from scrutui.tui.screens.list_export import ListExportChoice

#: Status filters in the order `s` steps through them.
STATUS_ORDER = list(StatusFilter)
def short_name(name: str) -> str:
    """A member's name as a narrow column gives it: "Cllr Owain Pryce"."""
    return re.sub(r"^Councillor\s+", "Cllr ", name)


def _day(day: dt.date | None, width: int = 10) -> str:
    if not day:
        return "—"
    return day.strftime("%d/%m/%Y" if width >= 10 else "%d/%m/%y")


def tracker_columns(kind: Tracked, *, with_committee: bool) -> list[Column]:
    """The tracker's columns: due, status, what, who asked, of whom (or to which body), where made,
    and the committee when the list spans more than one."""
    columns = [
        Column("Due", 9, 11, priority=1),
        Column("Status", 11, 11 if kind is Tracked.REQUESTS else 15),
        Column("Requested" if kind is Tracked.REQUESTS else "Recommended", 16),
    ]
    if kind is Tracked.REQUESTS:
        columns.append(Column("Asked by", 9, 24))
    columns += [
        Column("Of" if kind is Tracked.REQUESTS else "To", 9, 28),
        Column("Meeting", 11, 14),
    ]
    if with_committee:
        columns.append(Column("Committee", 8, 40))
    return columns


class TrackerSource:
    """One filtered list of the tracker, as pages for the table, cut to the columns' widths."""

    def __init__(
        self,
        repository: TrackerRepository,
        query: TrackerQuery,
        named: Callable[[list[TrackedRecord]], list[TrackedRecord]],
        widths: Sequence[int],
        *,
        with_committee: bool,
        style: Callable[[str], str],
        handle: Handle | None = None,
    ) -> None:
        self.repository = repository
        self.query = query
        self._named = named
        self._style = style
        self.widths = list(widths)
        self.with_committee = with_committee
        self._handle = handle
        #: Rows damaged in the database met while paging (left out of the list, named above it).
        self.damaged: list[DamagedRow] = []

    def _noting(self, read: Callable[[], list[TrackedRecord]]) -> list[TrackedRecord]:
        """Rows read, named as the minutes name people; damaged ones noted."""
        if self._handle is None:
            return self._named(read())
        with self._handle.collecting_damage() as found:
            rows = read()
        self.damaged += [d for d in found if d not in self.damaged]
        return self._named(rows)

    def first(self, limit: int) -> list[TrackedRecord]:
        """The first rows."""
        return self._noting(lambda: self.repository.first_page(self.query, limit))

    def last(self, limit: int) -> list[TrackedRecord]:
        """The last rows."""
        return self._noting(lambda: self.repository.last_page(self.query, limit))

    def starting_at(self, row: TrackedRecord, limit: int) -> list[TrackedRecord]:
        """Rows from `row` on (ids are whole numbers, so "after id - 1" includes it)."""
        return self._noting(lambda: self.repository.page_after(self.query, (row.due, row.id - 1), limit))

    def before(self, row: TrackedRecord, limit: int) -> list[TrackedRecord]:
        """Rows before `row`."""
        return self._noting(lambda: self.repository.page_before(self.query, row.key, limit))

    def row_key(self, row: TrackedRecord) -> str:
        """The record id."""
        return str(row.id)

    def cells(self, row: TrackedRecord) -> Sequence[RenderableType]:
        """Due, status, what, who asked, of whom, where asked, committee: each cut to its column."""
        word = status_word(row, self.query.as_at)
        overdue = word == "overdue"
        widths = iter(self.widths)
        due_width = next(widths)
        due = _day(row.due, due_width)
        if isinstance(row.record, InformationRequest) and row.record.due_date_by_hand:
            due += "*"
        origin = row.origin
        number = (origin.item.minute_number or origin.item.number).strip()
        where = f"{origin.meeting_date:%d/%m/%y} {number}".strip()
        cells = [
            Text(due, style="bold" if overdue else ""),
            Text(clip(word.upper() if overdue else word, next(widths)), style=self._style(word)),
            Text(clip(row.record.text, next(widths))),
        ]
        if isinstance(row.record, InformationRequest):
            cells.append(Text(clip(short_name(row.asked_by), next(widths))))
        cells += [
            Text(clip(row.named_of, next(widths)), style="bold" if overdue else ""),
            Text(clip(where, next(widths))),
        ]
        if self.with_committee:
            cells.append(Text(clip(origin.committee, next(widths))))
        return cells


class TrackerScreen(ScrutuiScreen[None]):
    """Information requests and recommendations, and what came of them."""

    DEFAULT_CSS = """
    TrackerScreen #tracker-title { height: 1; background: $panel; padding: 0 1; text-style: bold; text-wrap: nowrap; text-overflow: ellipsis; }
    TrackerScreen #tracker-counts { height: auto; max-height: 2; padding: 0 1; }
    TrackerScreen #tracker-filters { height: auto; max-height: 2; padding: 0 1; color: $text-muted; }
    TrackerScreen PagedTable { height: 1fr; }
    TrackerScreen #tracker-detail { height: auto; min-height: 5; max-height: 8; padding: 0 1; border-top: solid $panel; }
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
        yield Static(id="tracker-counts")
        yield Static(id="tracker-filters")
        yield PagedTable[TrackedRecord](id="tracker-table")
        yield Static(id="tracker-detail")
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
        self.query_one("#tracker-counts", Static).update(Text("counting…", style="dim"))
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
        query = self.current_query()
        counts = self.store.tracker.counts(query)
        line = Text(counts_line(counts, self.kind), style="bold")
        source = self.table.source
        if isinstance(source, TrackerSource) and source.damaged:
            named = "; ".join(d.describe() for d in source.damaged)
            line.append(f"  ⚠ damaged in the database, left out: {named}", style="bold red")
        self.query_one("#tracker-counts", Static).update(line)
        matching = {
            StatusFilter.ALL: counts.total,
            StatusFilter.OVERDUE: counts.overdue,
            StatusFilter.OUTSTANDING: counts.get(
                "outstanding" if self.kind is Tracked.REQUESTS else "awaited"
            ),
            StatusFilter.ANSWERED: (
                counts.get("answered")
                if self.kind is Tracked.REQUESTS
                else counts.total - counts.get("awaited")
            ),
            StatusFilter.REFUSED: counts.get("refused"),
            StatusFilter.WITHDRAWN: counts.get("withdrawn"),
        }
        self.table.total = matching[self.status]
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
        parts = [self.status.value, self.committee_name or "all committees"]
        if self.of:
            parts.append(f"of “{self.of}”" if self.kind is Tracked.REQUESTS else f"to “{self.of}”")
        if self.asked_by and self.kind is Tracked.REQUESTS:
            parts.append(f"asked by “{self.asked_by}”")
        parts.append(self.table.position_text())
        self.query_one("#tracker-filters", Static).update(Text("Showing " + " · ".join(parts)))

    def on_paged_table_page_changed(self, event: PagedTable.PageChanged) -> None:
        if hasattr(self, "tracker"):
            self._describe()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        """The selected row in full under the list."""
        row = self.table.current
        detail = self.query_one("#tracker-detail", Static)
        if row is None:
            detail.update(
                Text("Nothing here: s changes what is shown, c the committee, o the person.", style="dim")
            )
            return
        record, origin = row.record, row.origin
        word = status_word(row, self.as_at())
        standing = Text()
        standing.append(
            f"Due {long_date(row.due) if row.due else '(no date)'}", style="bold" if word == "overdue" else ""
        )
        if isinstance(record, InformationRequest) and record.due_date_by_hand:
            standing.append(" (set by hand)")
        standing.append(" · ")
        standing.append(word.upper() if word == "overdue" else word, style=status_style(self.app, word))
        if row.closed_on:
            standing.append(f" on {long_date(row.closed_on)}")
        if row.vote is not None:
            standing.append(f" · vote: {short_vote(row.vote)}")
        if row.reported_on:
            standing.append(f" · recorded at this meeting's action log ({long_date(row.reported_on)})")
        what = Text()
        if isinstance(record, InformationRequest):
            what.append(f"Requested by {record.asked_by}", style="bold")
            if row.named_of:
                what.append(f" of {the(row.named_of)}")
        else:
            what.append(f"Recommended to {record.addressee}", style="bold")
        what.append(f": {clip(record.text, 300)}")
        where = Text()
        where.append(
            f"{origin.committee}, {long_date(origin.meeting_date)}, {item_reference(origin.item, public=False)}"
        )
        if origin.exempt:
            where.append(" (exempt item)", style="bold")
        # What matters most first, so a short pane cuts only the least: status, what, where, response.
        parts: list[Text] = [standing, what, where]
        if row.response:
            parts.append(Text(f"Response: {clip(row.response, 300)}", no_wrap=True, overflow="ellipsis"))
        detail.update(Group(*parts))

    # --- filters ----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Refusing, withdrawing and who asked are for information requests only."""
        return not (
            action in ("refuse", "withdraw", "pick_asker") and self.kind is Tracked.RECOMMENDATIONS
        )

    def action_toggle_kind(self) -> None:
        """Switch between requests and recommendations."""
        self.kind = Tracked.RECOMMENDATIONS if self.kind is Tracked.REQUESTS else Tracked.REQUESTS
        if not self.status.applies_to(self.kind):
            self.status = StatusFilter.ALL
        self.of = ""
        self.refresh_bindings()
        self.load()

    def action_next_status(self) -> None:
        """Show the next status in turn."""
        order = [s for s in STATUS_ORDER if s.applies_to(self.kind)]
        self.status = order[(order.index(self.status) + 1) % len(order)]
        self.load()

    @guarded
    def action_pick_committee(self) -> None:
        """Show one committee, or all."""
        from scrutui.tui.screens.pick_list import PickList

        choices = [("All committees", "")] + [(c.name, str(c.id)) for c in self.store.committees.all()]

        def picked(value: str | None) -> None:
            if value is None:
                return
            self.committee_id = int(value) if value else None
            self.committee_name = dict((v, n) for n, v in choices).get(value, "") if value else ""
            self.load()

        self.app.push_screen(PickList("Show which committee?", choices, str(self.committee_id or "")), picked)

    @guarded
    def action_pick_of(self) -> None:
        """Show what was asked of one person or body, or of anyone."""
        from scrutui.tui.screens.pick_list import PickList

        query = TrackerQuery(
            as_at=self.as_at(),
            kind=self.kind,
            status=StatusFilter.ALL,
            committee_id=self.committee_id,
            action_log_item_id=self.action_log_item_id,
            confidential=self.shows_exempt,
        )
        names = self.store.tracker.names(query)
        everyone = "Anyone" if self.kind is Tracked.REQUESTS else "Any body"
        choices = [(everyone, "")] + [
            (f"{name or '(no one named)'}  ({count:,})", name) for name, count in names
        ]

        def picked(value: str | None) -> None:
            if value is None:
                return
            self.of = value
            self.load()

        title = "Asked of whom?" if self.kind is Tracked.REQUESTS else "Made to which body?"
        self.app.push_screen(PickList(title, choices, self.of), picked)

    @guarded
    def action_pick_asker(self) -> None:
        """Show the requests one member asked for, or everyone's."""
        from scrutui.tui.screens.pick_list import PickList

        query = TrackerQuery(
            as_at=self.as_at(),
            kind=Tracked.REQUESTS,
            status=StatusFilter.ALL,
            committee_id=self.committee_id,
            action_log_item_id=self.action_log_item_id,
        )
        names = self.store.tracker.names(query, askers=True)
        choices = [("Everyone (and the Committee)", "")] + [(f"{name}  ({count:,})", name) for name, count in names]

        def picked(value: str | None) -> None:
            if value is None:
                return
            self.asked_by = value
            self.load()

        self.app.push_screen(PickList("Asked for by whom?", choices, self.asked_by), picked)

    @guarded
    def action_export(self) -> None:
        """Export what the tracker shows (its filters) to a file, in the background."""
        from scrutui.export.pdf import find_soffice
        from scrutui.tui.export_folder import export_folder
        from scrutui.tui.screens.list_export import ListExportDialog

        query = self.current_query()
        stem = "information-requests" if self.kind is Tracked.REQUESTS else "recommendations"
        if self.action_log_item_id is not None:
            stem = f"action-log-{stem}"
        suggested = export_folder(self.app) / f"{stem}-{query.as_at.isoformat()}.docx"
        words = f"{self.kind.label} · {self.status.value} · {self.committee_name or 'all committees'}"

        def chosen(choice: ListExportChoice | None) -> None:
            if choice is not None:
                self._export_or_ask(query, choice)

        self.app.push_screen(
            ListExportDialog(words, suggested, can_make_pdf=find_soffice() is not None), chosen
        )

    def _export_or_ask(self, query: TrackerQuery, choice: ListExportChoice) -> None:
        from scrutui.tui.screens.exporting import ReplaceFile

        targets = [choice.path] + ([choice.path.with_suffix(".pdf")] if choice.pdf else [])
        existing = [path for path in targets if path.exists()]
        if not existing:
            self.export_list(query, choice, force=False)
            return
        files = "\n".join(str(path) for path in existing)
        question = f"{'This file exists' if len(existing) == 1 else 'These files exist'}. Replace?\n{files}"

        def answered(yes: bool | None) -> None:
            if yes:
                self.export_list(query, choice, force=True)
            else:
                self.notify("Not exported: the existing file was kept.")

        self.app.push_screen(ReplaceFile(question, yes="Replace"), answered)

    @work(thread=True, group="list-export", exit_on_error=False)
    def export_list(self, query: TrackerQuery, choice: ListExportChoice, *, force: bool) -> None:
        """Write the list in a worker thread, with its own connection to the database."""
        from scrutui.export.lists import export_tracker
        from scrutui.tui.guard import describe_error

        app = self.app
        try:
            store = self.store.reopen()
            try:
                count, written = export_tracker(
                    store,
                    replace(query, confidential=choice.confidential and self.shows_exempt),
                    choice.path,
                    format_=choice.format,
                    committee=self.committee_name or None,
                    force=force,
                    pdf=choice.pdf,
                )
            finally:
                store.close()
        except Exception as error:
            with contextlib.suppress(RuntimeError):
                app.call_from_thread(
                    app.notify, describe_error(error), severity="error", timeout=10, markup=False
                )
            return
        files = " and ".join(str(path) for path in written)
        with contextlib.suppress(RuntimeError):
            app.call_from_thread(
                app.notify, f"Wrote {count:,} to {files}.", title="Exported", timeout=15, markup=False
            )
        from scrutui.tui.export_folder import deliver

        deliver(app, list(written))

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

    @guarded
    def action_go_to(self) -> None:
        """Open the minuting screen on the meeting and item where the selected row was made."""
        row = self._selected()
        if row is None:
            return
        self.scrutui.open_minuting(row.origin.meeting_id, item_id=row.origin.item.id, record_id=row.id)
