"""Add or edit one agenda item, or paste several."""

from __future__ import annotations

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, TextArea

from scrutui.agenda import parse_agenda
from scrutui.models import AgendaItem, validation_message
from scrutui.tui.screens.base import ScrutuiModal


class AgendaItemForm(ScrutuiModal[AgendaItem | None]):
    """One agenda item: number, title and purpose."""

    DEFAULT_CSS = """
    AgendaItemForm { align: center middle; }
    AgendaItemForm > Vertical { width: 80; max-width: 100%; height: auto; border: thick $accent; background: $surface; padding: 0 1; }
    AgendaItemForm Label { text-style: bold; margin-top: 1; }
    AgendaItemForm TextArea { height: 5; }
    AgendaItemForm #item-error { color: $error; height: auto; }
    AgendaItemForm #buttons { height: 3; align: right middle; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="item.save", tooltip="Save the agenda item"),
        Binding("escape", "cancel", "Cancel", id="item.cancel", tooltip="Close without saving"),
    ]

    def __init__(self, item: AgendaItem) -> None:
        super().__init__()
        self.item = item

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Agenda item  (ctrl+s saves, Escape cancels)")
            yield Label("Number")
            yield Input(self.item.number, id="i-number", placeholder="e.g. 4")
            yield Label("Title")
            yield Input(self.item.title, id="i-title")
            yield Label("Purpose (optional)")
            yield TextArea(self.item.purpose, id="i-purpose", soft_wrap=True)
            yield Label("", id="item-error")
            with Horizontal(id="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#i-title" if self.item.number else "#i-number", Input).focus()

    def action_save(self) -> None:
        """Check and return the item."""
        try:
            item = AgendaItem.model_validate(
                {
                    **self.item.model_dump(),
                    "number": self.query_one("#i-number", Input).value,
                    "title": self.query_one("#i-title", Input).value,
                    "purpose": self.query_one("#i-purpose", TextArea).text,
                }
            )
        except ValidationError as problem:
            self.query_one("#item-error", Label).update(validation_message(problem))
            return
        self.dismiss(item)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()


class PasteAgenda(ScrutuiModal[list[AgendaItem] | None]):
    """Paste or type several items, one per line."""

    DEFAULT_CSS = """
    PasteAgenda { align: center middle; }
    PasteAgenda > Vertical { width: 90%; height: 80%; border: thick $accent; background: $surface; padding: 0 1; }
    PasteAgenda TextArea { height: 1fr; }
    PasteAgenda #buttons { height: 3; align: right middle; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Add items", id="paste.save", tooltip="Add these items to the agenda"),
        Binding("escape", "cancel", "Cancel", id="paste.cancel", tooltip="Close without adding"),
    ]

    def __init__(self, meeting_id: int, next_number: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.next_number = next_number

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Paste items, one per line: number, title, | purpose  (ctrl+s adds, Escape cancels)")
            yield TextArea("", id="paste", soft_wrap=True)
            with Horizontal(id="buttons"):
                yield Button("Add items", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        """Return the items typed."""
        self.dismiss(parse_agenda(self.query_one(TextArea).text, self.meeting_id, self.next_number))

    def action_cancel(self) -> None:
        """Close without adding."""
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()
