"""Add or edit one agenda item, or paste several."""

from __future__ import annotations

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, TextArea

from scrutui.agenda import parse_agenda
from scrutui.errors import ScrutuiError
from scrutui.formalities import SCHEDULE_12A, check_exempt_paragraph
from scrutui.models import AgendaItem, Jurisdiction, validation_message
from scrutui.tui.screens.form_modal import FormModal


def exempt_hint(jurisdiction: Jurisdiction) -> str:
    """Which Schedule 12A paragraphs the committee's nation has: "Exempt para (1-7)"."""
    categories = SCHEDULE_12A.get(jurisdiction)
    if categories is None:
        return "Exempt para"
    return f"Exempt para ({categories.first}-{categories.last})"


class AgendaItemForm(FormModal[AgendaItem | None]):
    """One agenda item: number, title and purpose."""

    DEFAULT_CSS = """
    AgendaItemForm { align: center middle; }
    AgendaItemForm > VerticalScroll { width: 80; max-width: 100%; height: auto; max-height: 100%; border: thick $accent; background: $surface; padding: 0 1; }
    AgendaItemForm Label { text-style: bold; }
    AgendaItemForm TextArea { height: 3; }
    AgendaItemForm .row { height: auto; }
    AgendaItemForm .row > Vertical { height: auto; }
    AgendaItemForm .narrow { width: 18; padding-right: 1; }
    AgendaItemForm .wide { width: 1fr; }
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
        self.jurisdiction = Jurisdiction.ENGLAND

    def compose(self) -> ComposeResult:
        meeting = self.store.meetings.get(self.item.meeting_id)
        self.jurisdiction = self.store.committees.get(meeting.committee_id).jurisdiction
        with VerticalScroll():
            yield Label("Agenda item  (ctrl+s saves, Escape cancels)")
            with Horizontal(classes="row"):
                with Vertical(classes="narrow"):
                    yield Label("Number")
                    yield Input(self.item.number, id="i-number", placeholder="e.g. 4")
                with Vertical(classes="wide"):
                    yield Label("Title")
                    yield Input(self.item.title, id="i-title")
            yield Label("Purpose (optional)")
            yield TextArea(self.item.purpose, id="i-purpose", soft_wrap=True)
            with Horizontal(classes="row"):
                with Vertical(classes="narrow"):
                    yield Label(exempt_hint(self.jurisdiction))
                    yield Input(
                        str(self.item.exempt_paragraph or ""),
                        id="i-exempt",
                        placeholder="public",
                        type="integer",
                    )
                with Vertical(classes="wide"):
                    yield Label("Public title (exempt items)")
                    yield Input(self.item.public_title, id="i-public-title")
            yield Label("Public summary (exempt items: the public minutes' fair record)")
            yield TextArea(self.item.public_summary, id="i-public-summary", soft_wrap=True)
            yield Label("", id="item-error")
            with Horizontal(id="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#i-title" if self.item.number else "#i-number", Input).focus()

    def action_save(self) -> None:
        """Check and return the item: an exempt paragraph must be one of the nation's, and an exempt
        item needs the title the public minutes will show."""
        error = self.query_one("#item-error", Label)
        typed = self.query_one("#i-exempt", Input).value.strip()
        public_title = self.query_one("#i-public-title", Input).value
        try:
            paragraph = int(typed) if typed else None
        except ValueError:
            error.update("The exempt paragraph is a number, or blank for a public item.")
            return
        try:
            check_exempt_paragraph(self.jurisdiction, paragraph)
        except ScrutuiError as problem:
            error.update(str(problem))
            return
        if paragraph is not None and not public_title.strip():
            error.update("An exempt item needs its public title: what the public minutes call it.")
            return
        try:
            item = AgendaItem.model_validate(
                {
                    **self.item.model_dump(),
                    "number": self.query_one("#i-number", Input).value,
                    "title": self.query_one("#i-title", Input).value,
                    "purpose": self.query_one("#i-purpose", TextArea).text,
                    "exempt_paragraph": paragraph,
                    "public_title": public_title,
                    "public_summary": self.query_one("#i-public-summary", TextArea).text,
                }
            )
        except ValidationError as problem:
            error.update(validation_message(problem))
            return
        self.dismiss(item)


class PasteAgenda(FormModal[list[AgendaItem] | None]):
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
            yield Label("Paste items, one a line: 4. Title | purpose   (ctrl+s adds, Esc cancels)")
            yield TextArea("", id="paste", soft_wrap=True)
            with Horizontal(id="buttons"):
                yield Button("Add items", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        """Return the items typed."""
        self.dismiss(parse_agenda(self.query_one(TextArea).text, self.meeting_id, self.next_number))
