"""A person or role across every meeting: what they asked, what they answered, what was asked of
them, and what they still owe. Paged from the index; Enter opens the meeting there."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import RenderableType
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from scrutui.search import OPEN, SearchHit, SearchQuery, owed_by
from scrutui.tui.guard import guarded
from scrutui.tui.screens.base import ScrutuiScreen
from scrutui.tui.typed_ahead import opens_from_row
from scrutui.tui.widgets.key_bar import KeyBar
from scrutui.tui.widgets.paged_table import PagedTable
from scrutui.tui.widgets.search_results import SearchSource, found_text, kind_cell, status_cell, where

if TYPE_CHECKING:
    from scrutui.tui.app import ScrutuiApp


def roles(hit: SearchHit, person: str) -> str:
    """How `person` is named in the hit: "answered", "asked of", "asked" ..."""
    wanted = person.casefold()
    found = [label for label, name in hit.people if wanted in name.casefold()]
    words = {"asked by": "asked", "answered by": "answered", "asked of": "asked of", "made to": "made to"}
    return ", ".join(words[label] for label in found) or "named"


class PersonScreen(ScrutuiScreen[None]):
    """What one person or role asked, answered, was asked for, and still owes."""

    DEFAULT_CSS = """
    PersonScreen #person-title { height: 1; background: $panel; padding: 0 1; text-style: bold; }
    PersonScreen #person-owed { height: 1; padding: 0 1; text-style: bold; }
    PersonScreen #person-about { height: 1; padding: 0 1; color: $text-muted; }
    PersonScreen PagedTable { height: 1fr; }
    PersonScreen #person-detail { height: 5; padding: 0 1; border-top: solid $panel; }
    """

    BINDINGS = [
        Binding(
            "o",
            "owed",
            "Owed",
            id="person.owed",
            tooltip="Show only what they still owe (requests outstanding, recommendations awaited), or everything",
        ),
        Binding(
            "g",
            "go_to",
            "Go to",
            id="person.go-to",
            tooltip="Open the meeting at the selected record (or press Enter)",
        ),
        Binding("escape", "back", "Back", id="person.back", tooltip="Back to where you were"),
    ]

    def __init__(self, person: str, *, owed_only: bool = False) -> None:
        super().__init__()
        self.person = person
        self.owed_only = owed_only
        self._found: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="person-title")
        yield Static(id="person-owed")
        yield Static(id="person-about")
        yield PagedTable[SearchHit](id="person-table")
        yield Static(id="person-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        super().on_mount()
        self.table.add_columns("Date", "Min.", "Kind", "Role", "Status", "What")
        self.query_one("#person-title", Static).update(
            Text(f"{self.person} · across every meeting" + (" · READ-ONLY" if self.read_only else ""))
        )
        self.load()
        self.table.focus()

    @property
    def table(self) -> PagedTable[SearchHit]:
        """The records."""
        return self.query_one(PagedTable)

    def current_query(self) -> SearchQuery:
        """Everything naming the person (or only what is owed), newest first."""
        return SearchQuery(
            person=self.person, status=OPEN if self.owed_only else "", confidential=not self.read_only
        )

    def load(self) -> None:
        """Show the first page, then the counts."""
        query = self.current_query()
        self.table.total = None
        self._found = None
        self.table.load(SearchSource(self.store.search, query, self.cells))
        self.show_detail()
        self.call_after_refresh(self.update_counts)

    def update_counts(self) -> None:
        """What they still owe, and how many records name them."""
        if not self.is_mounted:
            return
        owed = owed_by(self.store, self.person, self.scrutui.today(), confidential=not self.read_only)
        self.query_one("#person-owed", Static).update(Text(f"Still owed: {owed.sentence()}"))
        found = self.store.search.count(self.current_query())
        self.table.total = None if found.more else found.count
        self._found = str(found)
        self._describe()

    def _describe(self) -> None:
        shown = "only what they still owe" if self.owed_only else "everything that names them"
        found = f"{self._found} records" if self._found else ""
        parts = [found, f"{shown}, newest first", self.table.position_text()]
        self.query_one("#person-about", Static).update(Text(" · ".join(p for p in parts if p)))

    def on_paged_table_page_changed(self, event: PagedTable.PageChanged) -> None:
        if self.is_mounted:
            self._describe()

    def cells(self, hit: SearchHit) -> Sequence[RenderableType]:
        """Date, minute, kind, their part in it, status, what."""
        return (
            Text(hit.origin.meeting_date.strftime("%d/%m/%Y")),
            Text(hit.minute or "–"),
            kind_cell(hit),
            Text(roles(hit, self.person)),
            status_cell(hit),
            found_text(hit.snippet, max(20, self.size.width - 58)),
        )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        """The selected record in full."""
        detail = self.query_one("#person-detail", Static)
        hit = self.table.current
        if hit is None:
            detail.update(
                Text(
                    "Nothing still owed." if self.owed_only else f"Nothing minuted names “{self.person}”.",
                    style="dim",
                )
            )
            return
        text, more, _ = self.store.search.document(self.current_query(), hit)
        shown = Text(where(hit), style="dim")
        if hit.origin.item.is_exempt:
            shown.append(" ⚠ exempt (confidential)", style="bold red")
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

    def action_owed(self) -> None:
        """Only what is still owed, or everything."""
        self.owed_only = not self.owed_only
        self.load()

    def opens_screen_on(self, key: events.Key) -> bool:
        """Enter on a row opens its meeting: what is typed after goes to its capture line."""
        return opens_from_row(key, self.table)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_go_to()

    @guarded
    def action_go_to(self) -> None:
        """Open the meeting at the selected record."""
        hit = self.table.current
        if hit is not None:
            self.scrutui.open_at(hit.origin.meeting_id, hit.origin.item.id, hit.record_id)

    def action_back(self) -> None:
        """Back."""
        self.dismiss()


def ask_for_person(app: ScrutuiApp, names: list[str]) -> None:
    """Choose one of `names` (or type another), then show that person's view."""
    from scrutui.tui.screens.ask_line import AskLine
    from scrutui.tui.screens.pick_list import PickList

    def typed(name: str | None) -> None:
        if name:
            app.push_screen(PersonScreen(name))

    def picked(value: str | None) -> None:
        if value is None:
            return
        if value:
            app.push_screen(PersonScreen(value))
        else:
            app.push_screen(AskLine("Whose record? A name or a role", "e.g. Director of Finance"), typed)

    if not names:
        app.push_screen(AskLine("Whose record? A name or a role", "e.g. Director of Finance"), typed)
        return
    choices = [(name, name) for name in names] + [("Someone else…", "")]
    app.push_screen(PickList("Whose record?", choices, names[0]), picked)
