"""When a record was changed (or deleted) elsewhere while it was open here: say so, show how it now
reads, and let the clerk choose. Whatever is chosen, both versions stay in the record's history."""

from __future__ import annotations

from enum import StrEnum

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, Static

from scrutui.models import Record
from scrutui.store.records import RecordChanged
from scrutui.tui.screens.base import ScrutuiModal

#: How much of the other version the dialog shows.
_SHOWN = 400


class Choice(StrEnum):
    """What the clerk chose to do with the two versions."""

    MINE = "mine"  # save mine over theirs (theirs is kept as a revision)
    THEIRS = "theirs"  # carry on from theirs (mine is kept as a revision)
    BOTH = "both"  # keep theirs, and save mine as a new record after it


def words(record: Record) -> str:
    """A record's words, for showing which version is which."""
    parts = [record.text]
    for name in ("answer", "response", "response_text"):
        value = getattr(record, name, "")
        if value:
            parts.append(str(value))
    text = " | ".join(p for p in parts if p)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


class RecordChangedDialog(ScrutuiModal[Choice]):
    """Mine, theirs, or (where it makes sense) both. m / t / b, or the buttons."""

    DEFAULT_CSS = """
    RecordChangedDialog { align: center middle; }
    RecordChangedDialog > Vertical { width: 90%; max-width: 90; height: auto; max-height: 90%; border: thick $warning; background: $surface; padding: 0 1; }
    RecordChangedDialog #changed-what { text-style: bold; width: 1fr; }
    RecordChangedDialog #changed-theirs { height: auto; max-height: 8; margin: 1 0; color: $text-muted; }
    RecordChangedDialog #buttons { height: 3; align: right middle; }
    """

    BINDINGS = [
        Binding(
            "m",
            "choose('mine')",
            "Keep mine",
            id="changed.mine",
            tooltip="Save your version; the other stays in the record's history",
        ),
        Binding(
            "t",
            "choose('theirs')",
            "Take theirs",
            id="changed.theirs",
            tooltip="Carry on from the other version; yours stays in the record's history",
        ),
        Binding(
            "b",
            "choose('both')",
            "Keep both",
            id="changed.both",
            tooltip="Keep the other version and save yours as a new record after it",
        ),
    ]

    def __init__(self, changed: RecordChanged, *, both: bool = True) -> None:
        super().__init__()
        self.changed = changed
        self.both = both and changed.current is not None

    def compose(self) -> ComposeResult:
        current = self.changed.current
        with Vertical():
            yield Label(str(self.changed), id="changed-what")
            if current is not None:
                yield Static(Text(f"It now reads: {words(current)}"), id="changed-theirs")
            with Horizontal(id="buttons"):
                mine = "Keep mine (m)" if current is not None else "Bring it back with mine (m)"
                yield Button(mine, variant="warning", id="mine")
                yield Button("Take theirs (t)" if current is not None else "Leave it deleted (t)", id="theirs")
                if self.both:
                    yield Button("Keep both (b)", id="both")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#theirs", Button).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and parameters == ("both",):
            return self.both
        return True

    def action_choose(self, choice: str) -> None:
        """Close with the clerk's choice."""
        self.dismiss(Choice(choice))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(Choice(str(event.button.id)))
