"""The list of committees."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from scrutui.tui.guard import guarded
from scrutui.tui.screens.base import ScrutuiScreen
from scrutui.tui.widgets.key_bar import KeyBar


class CommitteesScreen(ScrutuiScreen[None]):
    """Every committee; Enter opens one to edit its people and house style."""

    DEFAULT_CSS = """
    CommitteesScreen #committees-title { height: 1; background: $panel; padding: 0 1; text-style: bold; }
    CommitteesScreen DataTable { height: 1fr; }
    """

    #: What changes something: left off the key bar when the database is open read-only.
    EDITING = frozenset({"new"})

    BINDINGS = [
        Binding("enter,e", "edit", "Open", id="committees.edit", tooltip="Edit the selected committee"),
        Binding("n", "new", "New committee", id="committees.new", tooltip="Create a committee"),
        Binding("escape", "back", "Back", id="committees.back", tooltip="Back to the meetings"),
    ]

    def compose(self) -> ComposeResult:
        yield Static("Committees", id="committees-title")
        yield DataTable(cursor_type="row", id="committees")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Committee", "Quorum", "People")
        table.focus()
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Read the committees again."""
        table = self.query_one(DataTable)
        table.clear()
        for committee in self.store.committees.all():
            assert committee.id is not None
            people = len(self.store.committees.people(committee.id))
            table.add_row(Text(committee.name), str(committee.quorum), str(people), key=str(committee.id))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit()

    def action_edit(self) -> None:
        """Open the selected committee."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        from scrutui.tui.screens.committee import CommitteeScreen

        self.app.push_screen(CommitteeScreen(int(str(key))))

    @guarded
    def action_new(self) -> None:
        """Create a committee."""
        self.require_writable()
        from scrutui.tui.screens.committee import CommitteeScreen

        self.app.push_screen(CommitteeScreen(None))

    def action_back(self) -> None:
        """Back to the meetings."""
        self.dismiss()
