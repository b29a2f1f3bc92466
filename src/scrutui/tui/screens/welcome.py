"""The first screen on an empty database: create a committee and a meeting, or load the demo."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from scrutui.tui.guard import guarded
from scrutui.tui.screens.base import ScrutuiScreen
from scrutui.tui.widgets.key_bar import KeyBar

WELCOME = (
    "scrutui minutes overview-and-scrutiny meetings live from the keyboard. Each record is saved the "
    "moment you press Enter; draft minutes come out in Word.\n\n"
    "This database is empty. Start by creating your committee (its members and the officers who "
    "attend) and a meeting with its agenda, or load a demo committee to try things out."
)


class WelcomeScreen(ScrutuiScreen[None]):
    """Shown when the database holds no committee yet."""

    DEFAULT_CSS = """
    WelcomeScreen { align: center middle; }
    WelcomeScreen > Vertical { width: 84; max-width: 100%; height: auto; border: round $accent; padding: 1 2; }
    WelcomeScreen #welcome-title { text-style: bold; margin-bottom: 1; }
    WelcomeScreen OptionList { height: auto; margin-top: 1; }
    """

    BINDINGS = [
        Binding(
            "c",
            "create",
            "Create committee",
            id="welcome.create",
            tooltip="Create a committee, then a meeting and its agenda",
        ),
        Binding("d", "demo", "Load demo", id="welcome.demo", tooltip="Load the demo committee and meetings"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Welcome to scrutui", id="welcome-title")
            yield Static(WELCOME)
            yield OptionList(
                Option("c  Create a committee and a meeting", id="create"),
                Option("d  Load the demo", id="demo"),
                id="welcome-choices",
            )
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == "create":
            self.action_create()
        else:
            self.action_demo()

    @guarded
    def action_create(self) -> None:
        """Create a committee, then a meeting, then its agenda."""
        self.require_writable()
        self.scrutui.start_new_committee()

    @guarded
    def action_demo(self) -> None:
        """Load the demo and show the meetings."""
        self.require_writable()
        self.scrutui.load_demo()
