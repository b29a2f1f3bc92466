"""Ask for one line of text (a name, say): Enter answers, Escape cancels."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label

from scrutui.tui.screens.form_modal import GuardedModal


class AskLine(GuardedModal[str | None]):
    """A question and a line to type the answer on. Returns the answer (stripped), or None."""

    DEFAULT_CSS = """
    AskLine { align: center middle; }
    AskLine > Vertical { width: 80%; max-width: 80; height: auto; border: thick $accent; background: $surface; padding: 0 1; }
    AskLine #ask-error { color: $error; height: auto; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="ask.cancel", tooltip="Close without answering")]

    def __init__(self, question: str, placeholder: str = "", value: str = "") -> None:
        super().__init__()
        self.question = question
        self.placeholder = placeholder
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(f"{self.question}  (Enter · Escape cancels)", style="bold"))
            yield Input(self.value, placeholder=self.placeholder, max_length=300, id="ask-line")
            yield Label("", id="ask-error")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        answer = " ".join(event.value.split())
        if not answer:
            self.query_one("#ask-error", Label).update("Type something, or press Escape.")
            return
        self.dismiss(answer)

    def action_cancel(self) -> None:
        """Close without answering (asking first if something was typed)."""
        self.close_unsaved()
