"""One assurance theme's history: every assurance sought under it (and its close spellings) across
the committee's meetings, oldest first, with the response and whether assurance was given. The
history a chair takes into the next meeting. Paged from SQLite; Enter opens the meeting there."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from scrutui.minutes import item_reference, long_date
from scrutui.search import ThemeEntry, ThemeQuery, status_word
from scrutui.store.search import SearchRepository
from scrutui.tui.guard import guarded
from scrutui.tui.screens.base import ScrutuiScreen
from scrutui.tui.typed_ahead import opens_from_row
from scrutui.tui.widgets.key_bar import KeyBar
from scrutui.tui.widgets.paged_table import PagedTable
from scrutui.tui.widgets.search_results import STATUS_STYLES


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


class ThemeSource:
    """A theme's assurances, oldest first, as pages for the table."""

    def __init__(
        self, repository: SearchRepository, query: ThemeQuery, width: int, *, committees: bool
    ) -> None:
        self.repository = repository
        self.query = query
        self.width = width
        #: Whether the table has a Committee column (the history spans several).
        self.committees = committees

    def first(self, limit: int) -> list[ThemeEntry]:
        """The oldest."""
        return self.repository.theme_page(self.query, None, limit)

    def last(self, limit: int) -> list[ThemeEntry]:
        """The newest, in order."""
        return self.repository.theme_page(self.query, None, limit, backward=True)

    def starting_at(self, row: ThemeEntry, limit: int) -> list[ThemeEntry]:
        """From `row` on."""
        return self.repository.theme_page(self.query, row, limit, include=True)

    def before(self, row: ThemeEntry, limit: int) -> list[ThemeEntry]:
        """Before `row`."""
        return self.repository.theme_page(self.query, row, limit, backward=True)

    def row_key(self, row: ThemeEntry) -> str:
        """The record id."""
        return str(row.id)

    def cells(self, row: ThemeEntry) -> Sequence[RenderableType]:
        """Date, minute, status, what was sought."""
        status = row.record.status.value
        item = row.origin.item
        cells = [
            Text(row.origin.meeting_date.strftime("%d/%m/%Y")),
            Text((item.minute_number or item.number).strip() or "–"),
            Text(status_word(status), style=STATUS_STYLES.get(status, "")),
            Text(_short(row.record.text, self.width)),
        ]
        if self.committees:
            cells.append(Text(_short(row.origin.committee, 24), style="dim"))
        return cells


class ThemeHistoryScreen(ScrutuiScreen[None]):
    """Every assurance under one theme, oldest first."""

    DEFAULT_CSS = """
    ThemeHistoryScreen #theme-title { height: 1; background: $panel; padding: 0 1; text-style: bold; }
    ThemeHistoryScreen #theme-about { height: 1; padding: 0 1; color: $text-muted; }
    ThemeHistoryScreen PagedTable { height: 1fr; }
    ThemeHistoryScreen #theme-detail { height: 6; padding: 0 1; border-top: solid $panel; }
    """

    BINDINGS = [
        Binding(
            "g",
            "go_to",
            "Go to",
            id="theme.go-to",
            tooltip="Open the meeting where this assurance was sought (or press Enter)",
        ),
        Binding("escape", "back", "Back", id="theme.back", tooltip="Back to the themes"),
    ]

    def __init__(self, theme: str, committee_id: int | None = None, spellings: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.theme = theme
        self.committee_id = committee_id
        #: The theme's spellings, when the themes list has already counted them.
        self.spellings = spellings

    def compose(self) -> ComposeResult:
        yield Static(id="theme-title")
        yield Static(id="theme-about")
        yield PagedTable[ThemeEntry](id="theme-table")
        yield Static(id="theme-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        super().on_mount()
        confidential = not self.read_only
        if self.spellings:
            self.theme_query = ThemeQuery(self.spellings, self.committee_id, confidential)
        else:
            self.theme_query = self.store.search.theme_query(
                self.theme, self.committee_id, confidential=confidential
            )
        table = self.table
        committees = self.committee_id is None and self.store.committees.count() > 1
        table.add_columns("Date", "Min.", "Status", "Sought", *(["Committee"] if committees else []))
        width = max(20, self.size.width - (62 if committees else 36))
        table.load(ThemeSource(self.store.search, self.theme_query, width, committees=committees))
        self.call_after_refresh(self.count)
        where = self.store.committees.get(self.committee_id).name if self.committee_id else "all committees"
        self.query_one("#theme-title", Static).update(
            Text(f"Theme: {self.theme} · {where}" + (" · READ-ONLY" if self.read_only else ""))
        )
        self.show_detail()
        table.focus()

    def count(self) -> None:
        """How many assurances the history holds (counted once the first page shows)."""
        if self.is_mounted:
            self.table.total = self.store.search.theme_count(self.theme_query)
            self.describe()

    @property
    def table(self) -> PagedTable[ThemeEntry]:
        """The assurances."""
        return self.query_one(PagedTable)

    def on_paged_table_page_changed(self, event: PagedTable.PageChanged) -> None:
        self.describe()

    def describe(self) -> None:
        """How many, in what order, the other spellings, which rows."""
        if not self.is_mounted or not hasattr(self, "theme_query"):
            return
        spellings = [s for s in self.theme_query.spellings if s != self.theme]
        also = f" · also written {', '.join(spellings)}" if spellings else ""
        total = self.table.total
        counted = f"{total:,} assurance{'s' if total != 1 else ''}, " if total is not None else ""
        self.query_one("#theme-about", Static).update(
            Text(f"{counted}oldest first{also} · {self.table.position_text()}")
        )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        """The selected assurance in full: what was sought, the response, where."""
        detail = self.query_one("#theme-detail", Static)
        entry = self.table.current
        if entry is None:
            detail.update(Text(f"No assurance has been sought under “{self.theme}” here.", style="dim"))
            return
        record, origin = entry.record, entry.origin
        status = record.status.value
        text = Text()
        text.append(
            f"{origin.committee}, {long_date(origin.meeting_date)}, {item_reference(origin.item, public=False)}",
            style="dim",
        )
        if origin.item.is_exempt:
            text.append(" ⚠ exempt (confidential)", style="bold red")
        text.append("\nSought: ", style="bold")
        text.append(record.text)
        text.append("\nResponse: ", style="bold")
        text.append(record.response or "(none recorded)")
        text.append("\nAssurance ")
        text.append(status_word(status), style=STATUS_STYLES.get(status, "bold"))
        detail.update(text)

    def opens_screen_on(self, key: events.Key) -> bool:
        """Enter on a row opens its meeting: what is typed after goes to its capture line."""
        return opens_from_row(key, self.table)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_go_to()

    @guarded
    def action_go_to(self) -> None:
        """Open the meeting at the selected assurance."""
        entry = self.table.current
        if entry is not None:
            self.scrutui.open_at(entry.origin.meeting_id, entry.origin.item.id, entry.id)

    def action_back(self) -> None:
        """Back."""
        self.dismiss()
