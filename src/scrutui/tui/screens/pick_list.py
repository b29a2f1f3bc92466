"""Choose one of a list (a committee, a person): arrow keys and Enter; Escape leaves it as it was."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from scrutui.tui.screens.base import ScrutuiModal


class PickList(ScrutuiModal[str | None]):
    """A titled list of choices. Returns the chosen value ("" for the "all" choice), or None."""

    DEFAULT_CSS = """
    PickList { align: center middle; }
    PickList > Vertical { width: 80%; max-width: 90; height: auto; max-height: 90%; border: thick $accent; background: $surface; padding: 0 1; }
    PickList OptionList { height: auto; max-height: 20; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="pick.cancel", tooltip="Close without choosing")]

    def __init__(self, title: str, choices: list[tuple[str, str]], selected: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.selected = selected

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(self.title_text, style="bold"))
            yield OptionList(
                *[Option(Text(label), id=f"v:{value}") for label, value in self.choices], id="choices"
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        values = [value for _, value in self.choices]
        if self.selected in values:
            options.highlighted = values.index(self.selected)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(str(event.option.id)[2:])

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
