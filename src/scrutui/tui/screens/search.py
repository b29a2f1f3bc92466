"""Search every meeting: type words, see what was minuted with them (newest meeting first, or best
match first), and Enter opens the meeting at that record.

Results are paged from the index (PagedTable), so the first rows show at once however many
thousands match. A clerk who is not read-only also finds what is under exempt (confidential) items,
marked ⚠; read-only users (members) never see it, nor its titles, nor its counts.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.timer import Timer
from textual.widgets import DataTable, Input, Static

from scrutui.fts import words
from scrutui.search import SearchHit, SearchOrder, SearchQuery
from scrutui.tui.guard import guarded
from scrutui.tui.screens.base import ScrutuiScreen
from scrutui.tui.screens.search_filters import SearchFilters
from scrutui.tui.typed_ahead import opens_from_row
from scrutui.tui.widgets.key_bar import KeyBar
from scrutui.tui.widgets.paged_table import PagedTable
from scrutui.tui.widgets.search_results import SearchSource, found_text, kind_cell, status_cell, where

#: How long typing must pause before the results follow it.
TYPING_PAUSE = 0.3
HINT = (
    'Type words to find (all of them). "a phrase" in quotes · recruit* for words starting so · '
    "agency OR interim · -interim to leave out · Enter: to the results"
)


class SearchScreen(ScrutuiScreen[None]):
    """Search every meeting's records and agenda items."""

    DEFAULT_CSS = """
    SearchScreen #search-title { height: 1; background: $panel; padding: 0 1; text-style: bold; }
    SearchScreen #search-query { height: 3; }
    SearchScreen #search-filters { height: 1; padding: 0 1; color: $text-muted; }
    SearchScreen PagedTable { height: 1fr; }
    SearchScreen #search-detail { height: 5; padding: 0 1; border-top: solid $panel; }
    """

    BINDINGS = [
        Binding(
            "ctrl+f",
            "filters",
            "Filters",
            id="search.filters",
            tooltip="Search only some kinds of record, one committee, some dates, a person, a status",
        ),
        Binding(
            "ctrl+o", "order", "Order", id="search.order", tooltip="Newest meeting first, or best match first"
        ),
        Binding(
            "ctrl+t",
            "themes",
            "Themes",
            id="search.themes",
            tooltip="The assurance themes, and each one's history: what was sought and given, meeting by meeting",
        ),
        Binding(
            "ctrl+g",
            "person",
            "Person",
            id="search.person",
            tooltip="What a person or role was asked, answered and still owes (of the selected result)",
        ),
        Binding(
            "down",
            "to_results",
            "Results",
            show=False,
            id="search.results",
            tooltip="From the words down to the results",
        ),
        Binding("escape", "back", "Back", id="search.back", tooltip="Back to where you were"),
    ]

    def __init__(self, text: str = "", filters: SearchFilters | None = None) -> None:
        super().__init__()
        self.initial_text = text
        self.filters = filters or SearchFilters()
        self.order = SearchOrder.NEWEST
        self._typing: Timer | None = None
        self._shown: SearchQuery | None = None
        #: How many the shown search found ("1,000+"), once counted.
        self._found: str | None = None
        self._detail_pending = False
        self._resumed = False

    def compose(self) -> ComposeResult:
        yield Static(id="search-title")
        yield Input(
            self.initial_text,
            placeholder='Words to find, e.g. agency staff · "a phrase" · recruit*',
            id="search-query",
            max_length=300,
            select_on_focus=False,
        )
        yield Static(id="search-filters")
        yield PagedTable[SearchHit](id="search-results")
        yield Static(id="search-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        super().on_mount()
        self.table.add_columns("Date", "Min.", "Kind", "Found")
        self.query_one(Input).focus()
        self.search_now()

    def on_screen_resume(self) -> None:
        # Back from a meeting: what was found may have been edited there. (The first time the
        # screen shows, on_mount has only just read it.)
        if self._resumed and self._shown is not None and self.is_mounted:
            self.table.reload()
            self._detail_later()
        self._resumed = True

    @property
    def table(self) -> PagedTable[SearchHit]:
        """The results."""
        return self.query_one(PagedTable)

    @property
    def confidential(self) -> bool:
        """Exempt items are searched by a clerk, never read-only (by members)."""
        return not self.read_only

    def current_query(self) -> SearchQuery:
        """The search the screen shows."""
        f = self.filters
        return SearchQuery(
            text=self.query_one(Input).value,
            kinds=f.kinds,
            committee_id=f.committee_id,
            date_from=f.date_from,
            date_to=f.date_to,
            person=f.person,
            status=f.status,
            order=self.order,
            confidential=self.confidential,
        )

    # --- searching ----------------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if self._typing is not None:
            self._typing.stop()
        self._typing = self.set_timer(TYPING_PAUSE, self.search_now)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self._typing is not None:
            self._typing.stop()
        if self._shown != self.current_query():
            self.search_now()
        if self.table.rows_shown:
            self.table.focus()

    @guarded
    def search_now(self) -> None:
        """Show the first page of the current search; the count follows once it is painted."""
        query = self.current_query()
        self._shown = query
        self._found = None
        self.scrutui.last_search = (query.text, self.filters)
        self.table.total = None
        if not query.searches_text and not self._filtered():
            self.table.source = None
            self.table.rows_shown = []
            self.table.clear()
            self._describe()
            self.query_one("#search-detail", Static).update(Text(HINT, style="dim"))
            return
        self.table.load(SearchSource(self.store.search, query, self.cells))
        self._describe()
        # The rows first; the selected one in full and the count once they are on screen.
        self._detail_later()
        self.call_after_refresh(self.update_count, query)

    def _filtered(self) -> bool:
        f = self.filters
        return bool(f.kinds or f.committee_id or f.date_from or f.date_to or f.person or f.status)

    def update_count(self, query: SearchQuery) -> None:
        """How many were found (counted up to a thousand)."""
        if query != self._shown or not self.is_mounted:
            return
        found = self.store.search.count(query)
        self.table.total = None if found.more else found.count
        self._found = str(found)
        self._describe()

    def _describe(self) -> None:
        order = "newest first" if self.order is SearchOrder.NEWEST else "best match first"
        title = f"Search every meeting · {order}"
        if self.read_only:
            title += " · READ-ONLY"
        elif self.confidential:
            title += " · exempt items included (⚠)"
        self.query_one("#search-title", Static).update(Text(title))
        parts = [self.filters.words()]
        if self.table.source is not None:
            if self._found is not None:
                parts.insert(0, f"{self._found} found")
            parts.append(self.table.position_text())
        self.query_one("#search-filters", Static).update(Text(" · ".join(parts)))

    def on_paged_table_page_changed(self, event: PagedTable.PageChanged) -> None:
        if self.is_mounted and self._shown is not None:
            self._describe()

    def cells(self, hit: SearchHit) -> Sequence[RenderableType]:
        """Date, minute, kind and the words found in their context."""
        width = max(20, self.size.width - 44)
        return (
            Text(hit.origin.meeting_date.strftime("%d/%m/%Y")),
            Text(hit.minute or "–"),
            kind_cell(hit),
            found_text(hit.snippet, width),
        )

    # --- the selected result ------------------------------------------------------------------------

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._detail_later()

    def _detail_later(self) -> None:
        """Show the selected result in full once the screen is painted (once, however many
        highlights came meanwhile)."""
        if not self._detail_pending:
            self._detail_pending = True
            self.call_after_refresh(self._detail_now)

    def _detail_now(self) -> None:
        self._detail_pending = False
        if self.is_mounted:
            self.show_detail()

    def show_detail(self) -> None:
        """The selected result in full under the list, the words found in bold."""
        detail = self.query_one("#search-detail", Static)
        hit = self.table.current
        if hit is None or self._shown is None:
            words_typed = " ".join(f"“{w}”" for w in words(self.query_one(Input).value))
            detail.update(
                Text(
                    f"Nothing found for {words_typed or 'these filters'}. ctrl+f changes the filters."
                    if self.table.source is not None
                    else HINT,
                    style="dim",
                )
            )
            return
        text, more, _ = self.store.search.document(self._shown, hit)
        shown = Text()
        shown.append(where(hit), style="dim")
        if hit.origin.item.is_exempt:
            shown.append(" ⚠ exempt (confidential): not for public documents", style="bold red")
        if hit.status:
            shown.append(" · ")
            shown.append_text(status_cell(hit))
        shown.append("\n")
        shown.append_text(found_text(text))
        if more:
            shown.append("\n")
            shown.append_text(found_text(more))
        if hit.people:
            shown.append(
                "\n" + "; ".join(f"{label} {name}" for label, name in hit.people).capitalize(), style="dim"
            )
        detail.update(shown)

    def opens_screen_on(self, key: events.Key) -> bool:
        """Enter on a result opens its meeting: what is typed after goes to its capture line."""
        return opens_from_row(key, self.table)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    @guarded
    def action_open(self) -> None:
        """Open the meeting at the selected result, with the record selected."""
        hit = self.table.current
        if hit is None:
            return
        self.scrutui.open_at(hit.origin.meeting_id, hit.origin.item.id, hit.record_id)

    # --- keys ---------------------------------------------------------------------------------------

    def action_to_results(self) -> None:
        """Move down from the words to the results."""
        if self.table.rows_shown:
            self.table.focus()

    def on_key(self, event: events.Key) -> None:
        # Letters typed while the results have focus go to the words, as on the minuting screen.
        if self.focused is self.table and event.is_printable and event.character:
            field = self.query_one(Input)
            field.focus()
            field.cursor_position = len(field.value)
            field.insert_text_at_cursor(event.character)
            event.stop()

    @guarded
    def action_filters(self) -> None:
        """Change the filters."""
        from scrutui.tui.screens.search_filters import SearchFiltersForm

        committees = [(c.name, c.id or 0) for c in self.store.committees.all()]

        def chosen(filters: SearchFilters | None) -> None:
            if filters is not None:
                self.filters = filters
                self.search_now()

        self.app.push_screen(SearchFiltersForm(self.filters, committees), chosen)

    def action_order(self) -> None:
        """Newest first, or best match first."""
        self.order = SearchOrder.BEST if self.order is SearchOrder.NEWEST else SearchOrder.NEWEST
        self.search_now()
        self.notify(
            "Newest meeting first."
            if self.order is SearchOrder.NEWEST
            else "Best match first (among the newest 1,000 matches).",
            timeout=3,
        )

    @guarded
    def action_themes(self) -> None:
        """The assurance themes (the selected assurance's theme highlighted)."""
        from scrutui.tui.screens.themes import ThemesScreen

        hit = self.table.current
        theme = ""
        if hit is not None and hit.kind == "assurance" and hit.record_id is not None:
            record = self.store.records.get(hit.record_id)
            theme = str(getattr(record, "theme", ""))
        self.app.push_screen(ThemesScreen(committee_id=self.filters.committee_id, select=theme))

    @guarded
    def action_person(self) -> None:
        """The person view of someone named in the selected result (or of anyone, typed)."""
        from scrutui.tui.screens.person import PersonScreen, ask_for_person

        hit = self.table.current
        names = list(dict.fromkeys(name for _, name in hit.people)) if hit is not None else []
        if len(names) == 1:
            self.app.push_screen(PersonScreen(names[0]))
            return
        ask_for_person(self.scrutui, names or ([self.filters.person] if self.filters.person else []))

    def action_back(self) -> None:
        """Back to where the search was opened from."""
        self.dismiss()
