"""The assurance themes: each one (its close spellings together) with how many assurances were
sought under it and how they stand. Enter shows a theme's history, oldest first."""

from __future__ import annotations

import contextlib

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from scrutui.search import Theme
from scrutui.tui.guard import guarded
from scrutui.tui.screens.base import ScrutuiScreen
from scrutui.tui.widgets.key_bar import KeyBar


def _day(iso: str) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if iso else "—"


class ThemesScreen(ScrutuiScreen[None]):
    """Every assurance theme of one committee (or all), with counts."""

    DEFAULT_CSS = """
    ThemesScreen #themes-title { height: 1; background: $panel; padding: 0 1; text-style: bold; }
    ThemesScreen DataTable { height: 1fr; }
    ThemesScreen #themes-hint { height: auto; padding: 0 1; color: $text-muted; }
    """

    BINDINGS = [
        Binding(
            "h",
            "history",
            "History",
            id="themes.history",
            tooltip="Every assurance sought under the selected theme, oldest first (or press Enter)",
        ),
        Binding(
            "c",
            "pick_committee",
            "Committee",
            id="themes.committee",
            tooltip="One committee's themes, or all",
        ),
        Binding("escape", "back", "Back", id="themes.back", tooltip="Back to where you were"),
    ]

    def __init__(self, committee_id: int | None = None, select: str = "") -> None:
        super().__init__()
        self.committee_id = committee_id
        self.select = select
        self.themes: list[Theme] = []

    def compose(self) -> ComposeResult:
        yield Static(id="themes-title")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="themes")
        yield Static(id="themes-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        super().on_mount()
        table = self.query_one(DataTable)
        table.add_columns("Theme", "Sought", "Given", "Partly", "Not given", "Awaiting", "Last")
        self.load()
        table.focus()

    def load(self) -> None:
        """Read the themes (of the committee chosen), in the background: at council scale that
        counts a few hundred thousand assurances."""
        self.query_one("#themes-hint", Static).update(Text("Reading the themes…", style="dim"))
        self.read_themes(self.committee_id, confidential=not self.read_only)

    @work(thread=True, exclusive=True, group="themes", exit_on_error=False)
    def read_themes(self, committee_id: int | None, *, confidential: bool) -> None:
        """Count the themes with a connection of the worker's own."""
        from scrutui.tui.guard import describe_error

        app = self.app
        try:
            store = self.store.reopen()
            try:
                themes = store.search.themes(committee_id, confidential=confidential)
            finally:
                store.close()
        except Exception as error:
            with contextlib.suppress(RuntimeError):
                app.call_from_thread(app.notify, describe_error(error), severity="error", markup=False)
            return
        with contextlib.suppress(RuntimeError):
            app.call_from_thread(self.show_themes, committee_id, themes)

    def show_themes(self, committee_id: int | None, themes: list[Theme]) -> None:
        """Fill the table with what the worker counted (unless the committee has changed since)."""
        if committee_id != self.committee_id or not self.is_mounted:
            return
        table = self.query_one(DataTable)
        table.clear()
        self.themes = themes
        for index, theme in enumerate(self.themes):
            by = theme.by_status
            table.add_row(
                Text(theme.name or "(no theme)"),
                str(theme.count),
                str(by.get("given", 0)),
                str(by.get("partly_given", 0)),
                Text(str(by.get("not_given", 0)), style="bold red" if by.get("not_given") else ""),
                str(by.get("sought", 0)),
                _day(theme.last),
                key=str(index),
            )
        wanted = next(
            (i for i, t in enumerate(self.themes) if self.select and self.select in t.spellings), None
        )
        if wanted is not None:
            table.move_cursor(row=wanted, animate=False)
        where = self.store.committees.get(self.committee_id).name if self.committee_id else "all committees"
        self.query_one("#themes-title", Static).update(
            Text(f"Assurance themes · {where}" + (" · READ-ONLY" if self.read_only else ""))
        )
        self.query_one("#themes-hint", Static).update(
            Text(
                "Enter: the theme's history, oldest first · close spellings (Workforce, work force) are one theme"
                if self.themes
                else "No assurance has been sought under a theme yet (as Workforce: ... on the capture line).",
            )
        )

    def selected(self) -> Theme | None:
        """The highlighted theme."""
        table = self.query_one(DataTable)
        if not self.themes or not 0 <= table.cursor_row < len(self.themes):
            return None
        return self.themes[table.cursor_row]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_history()

    @guarded
    def action_history(self) -> None:
        """The selected theme's history."""
        from scrutui.tui.screens.theme_history import ThemeHistoryScreen

        theme = self.selected()
        if theme is not None:
            spellings = tuple(sorted(theme.spellings))
            self.app.push_screen(ThemeHistoryScreen(theme.name, self.committee_id, spellings))

    @guarded
    def action_pick_committee(self) -> None:
        """Show one committee's themes, or all."""
        from scrutui.tui.screens.pick_list import PickList

        choices = [("All committees", "")] + [(c.name, str(c.id)) for c in self.store.committees.all()]

        def picked(value: str | None) -> None:
            if value is not None:
                self.committee_id = int(value) if value else None
                self.load()

        self.app.push_screen(
            PickList("Themes of which committee?", choices, str(self.committee_id or "")), picked
        )

    def action_back(self) -> None:
        """Back."""
        self.dismiss()
