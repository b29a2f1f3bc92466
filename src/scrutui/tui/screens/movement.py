"""Who arrived or left: type a few letters of the name, Enter stamps it with the time and the item."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from scrutui.formalities import Roll, RollLine
from scrutui.tui.screens.base import ScrutuiModal


def movement_label(line: RollLine, here: bool) -> Text:
    """One person: in or out, and what Enter will record."""
    text = Text()
    text.append("● in   " if here else "○ out  ", style="green" if here else "dim")
    text.append(line.name)
    role = line.role_label
    text.append(f"  {role}", style="dim")
    text.append("  → left" if here else "  → arrived", style="bold")
    return text


class MovementPicker(ScrutuiModal[int | None]):
    """Pick who arrived or left; returns their person id."""

    DEFAULT_CSS = """
    MovementPicker { align: center middle; }
    MovementPicker > Vertical { width: 76; height: 80%; border: thick $accent; background: $surface; padding: 0 1; }
    MovementPicker OptionList { height: 1fr; }
    MovementPicker Label.hint { color: $text-muted; }
    MovementPicker #movement-title { width: 100%; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="movement.cancel", tooltip="Close without recording"),
        Binding("down", "step(1)", "Down", show=False, id="movement.down", tooltip="Next person"),
        Binding("up", "step(-1)", "Up", show=False, id="movement.up", tooltip="Previous person"),
    ]

    def __init__(self, roll: Roll, item_title: str) -> None:
        super().__init__()
        self.roll = roll
        self.item_title = item_title

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(f"Who arrived or left? Stamped now, during: {self.item_title}", id="movement-title")
            yield Label("Type part of a name; ↑/↓ choose; Enter records; Escape cancels", classes="hint")
            yield Input(id="movement-filter", placeholder="name")
            yield OptionList(id="movement-people")

    def on_mount(self) -> None:
        self.fill("")
        self.query_one(Input).focus()

    def candidates(self, typed: str) -> list[RollLine]:
        """People who could arrive or leave, matching what is typed: those recorded as here first."""
        wanted = typed.casefold().split()
        found = [
            line
            for line in self.roll.lines
            if all(word in f"{line.name} {line.title}".casefold() for word in wanted)
        ]
        return sorted(found, key=lambda line: not self.roll.here_now(line.person_id))

    def fill(self, typed: str) -> None:
        """Show the people matching what is typed."""
        people = self.query_one(OptionList)
        people.set_options(
            Option(movement_label(line, self.roll.here_now(line.person_id)), id=str(line.person_id))
            for line in self.candidates(typed)
        )
        if people.option_count:
            people.highlighted = 0

    @on(Input.Changed, "#movement-filter")
    def typed(self, event: Input.Changed) -> None:
        """Narrow the list as the name is typed."""
        self.fill(event.value)

    @on(Input.Submitted, "#movement-filter")
    def chosen_by_enter(self) -> None:
        """Enter on the name: the highlighted person."""
        people = self.query_one(OptionList)
        option = people.highlighted_option
        if option is not None and option.id:
            self.dismiss(int(option.id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(int(event.option.id))

    def action_step(self, step: int) -> None:
        """Move the highlight while typing."""
        people = self.query_one(OptionList)
        if people.option_count:
            current = people.highlighted or 0
            people.highlighted = max(0, min(people.option_count - 1, current + step))

    def action_cancel(self) -> None:
        """Close without recording."""
        self.dismiss(None)
