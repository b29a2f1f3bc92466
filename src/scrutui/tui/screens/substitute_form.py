"""Who substitutes for a member: a name, completed from the people scrutui knows."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label

from scrutui.tui.screens.base import ScrutuiModal


class SubstituteForm(ScrutuiModal[str | None]):
    """Type the substitute's name; Enter records them, Escape cancels."""

    DEFAULT_CSS = """
    SubstituteForm { align: center middle; }
    SubstituteForm > Vertical { width: 64; height: auto; border: thick $accent; background: $surface; padding: 0 1; }
    SubstituteForm Label.hint { color: $text-muted; }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="substitute.cancel", tooltip="Close without recording"),
    ]

    def __init__(self, meeting_id: int, member: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.member = member

    def compose(self) -> ComposeResult:
        names = [
            row["name"] for row in self.store.handle.rows("SELECT DISTINCT name FROM person ORDER BY name")
        ]
        with Vertical():
            yield Label(f"Who is substituting for {self.member}?")
            yield Label(
                "Their name as the minutes give it, e.g. Councillor Sam Reid. Enter records it.",
                classes="hint",
            )
            yield Input(id="substitute-name", suggester=SuggestFromList(names, case_sensitive=False))

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        """Close without recording a substitute."""
        self.dismiss(None)
