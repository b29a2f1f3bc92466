"""Ask the clerk for a date scrutui cannot know (the previous meeting's, on a committee's first
meeting in scrutui), so standard wording never holds a blank to fill in later."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label

from scrutui.models import parse_date
from scrutui.tui.screens.base import ScrutuiModal


class AskDate(ScrutuiModal[dt.date | None]):
    """One question with a date for an answer; Enter takes it, Escape cancels."""

    DEFAULT_CSS = """
    AskDate { align: center middle; }
    AskDate > Vertical { width: 76; max-width: 100%; height: auto; border: thick $accent; background: $surface; padding: 0 1; }
    AskDate Label { width: 100%; }
    AskDate Label.hint { color: $text-muted; }
    AskDate #ask-error { color: $error; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="ask-date.cancel", tooltip="Close without a date")]

    def __init__(self, question: str, hint: str = "") -> None:
        super().__init__()
        self.question = question
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.question)
            if self.hint:
                yield Label(self.hint, classes="hint")
            yield Input(id="ask-date", placeholder="dd/mm/yyyy")
            yield Label("", id="ask-error")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            day = parse_date(event.value)
        except ValueError as error:
            self.query_one("#ask-error", Label).update(f"{error}.")
            return
        if not isinstance(day, dt.date):
            self.query_one("#ask-error", Label).update("Type the date, such as 15/09/2026.")
            return
        self.dismiss(day)

    def action_cancel(self) -> None:
        """Close without a date."""
        self.dismiss(None)
