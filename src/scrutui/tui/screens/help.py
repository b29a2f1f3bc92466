"""Help: every key of the screen it was opened from, and the capture-line grammar."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, Static

from scrutui.capture import GRAMMAR
from scrutui.tui.screens.base import ScrutuiModal


def scrutui_bindings(screen: Screen[object]) -> list[Binding]:
    """The keys scrutui defines that are active on `screen`, without repeats.

    Every scrutui binding has an id ("minuting.undo"); Textual's own editing keys (cursor movement
    in a text box and so on) are left out, as they work as in any other program.
    """
    found: list[Binding] = []
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.id or "." not in binding.id or binding.id in seen:
            continue
        seen.add(binding.id)
        found.append(binding)
    return found


def other_bindings(screen: Screen[object]) -> list[tuple[str, Binding]]:
    """scrutui keys of the screen's other widgets (the records list, say), with where they work."""
    active = {b.id for b in scrutui_bindings(screen)}
    found: list[tuple[str, Binding]] = []
    for widget in screen.query("*"):
        for binding in getattr(type(widget), "BINDINGS", []):
            if isinstance(binding, Binding) and binding.id and "." in binding.id and binding.id not in active:
                active.add(binding.id)
                found.append((widget.__class__.__name__, binding))
    return found


def _keys(screen: Screen[object], binding: Binding) -> str:
    return ", ".join(
        screen.app.get_key_display(Binding(key, binding.action)) for key in binding.key.split(",")
    )


def keys_table(screen: Screen[object]) -> Table:
    """The scrutui keys of `screen`: those active now, then those of its other parts."""
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(style="bold")
    table.add_column()
    for binding in scrutui_bindings(screen):
        table.add_row(_keys(screen, binding), binding.description, binding.tooltip)
    table.add_row("ctrl+p", "Commands", "Search every command by name")
    for where, binding in other_bindings(screen):
        place = {
            "RecordList": "in the records list",
            "AgendaList": "in the agenda",
            "OptionBox": "on a tick box",
            "PagedTable": "in the list",
            "MinutesPreview": "in the preview",
        }.get(where, f"in {where}")
        table.add_row(_keys(screen, binding), binding.description, f"{binding.tooltip} ({place})")
    return table


def grammar_table() -> Table:
    """The capture-line grammar."""
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
    table.add_column(style="bold")
    table.add_column()
    for example, meaning in GRAMMAR:
        table.add_row(example, meaning)
    return table


class HelpScreen(ScrutuiModal[None]):
    """Keys for the screen below, and how to type records."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical { width: 90%; max-width: 110; height: 90%; border: thick $accent; background: $surface; }
    HelpScreen VerticalScroll { padding: 0 1; }
    HelpScreen .heading { text-style: bold; margin-top: 1; }
    """

    BINDINGS = [Binding("escape,f1,q", "close", "Close", id="help.close")]

    def __init__(self, below: Screen[object]) -> None:
        super().__init__()
        self.below = below

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(" Help · Escape closes · ctrl+p searches every command", classes="heading")
            with VerticalScroll():
                yield Label("Keys here", classes="heading")
                yield Static(keys_table(self.below))
                yield Label("The capture line (minuting screen)", classes="heading")
                yield Static(
                    Text(
                        "One line, one record. Start with a prefix in lower case and a space; any other "
                        "line is a narrative note, and n and a space makes anything a narrative note "
                        "(n a member noted ..., n - 3 members attended). NAME: is a name or title then "
                        "a colon, capitalised or known to the meeting: a sentence that begins \"a\" or "
                        "\"as\" stays a note unless it has one. A line starting - or (a) or 1. adds a "
                        "list item to the narrative above. Tab completes names known to the meeting. "
                        "Enter saves.",
                    )
                )
                yield Static(grammar_table())

    def action_close(self) -> None:
        """Close help."""
        self.dismiss(None)
