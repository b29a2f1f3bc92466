"""A multi-line editor for a long narrative, saved every few seconds and on leaving."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static, TextArea

from scrutui.models import Narrative, Record
from scrutui.session import MinutingSession, NarrativeDraft
from scrutui.tui.guard import report
from scrutui.tui.screens.base import ScrutuiScreen
from scrutui.tui.widgets.key_bar import KeyBar

#: How often the editor saves what has been typed. A crash loses at most this much typing.
AUTOSAVE_SECONDS = 2.0


class NarrativeEditor(ScrutuiScreen[Record | None]):
    """Write a narrative of any length. Escape or ctrl+s saves and goes back."""

    DEFAULT_CSS = """
    NarrativeEditor #editor-title { height: 1; background: $panel; padding: 0 1; text-style: bold; }
    NarrativeEditor TextArea { height: 1fr; }
    NarrativeEditor #editor-status { height: 1; padding: 0 1; color: $text-muted; }
    """

    BINDINGS = [
        Binding(
            "escape,ctrl+s",
            "done",
            "Save and close",
            id="narrative.done",
            tooltip="Save the narrative and go back to minuting",
        ),
    ]

    def __init__(self, session: MinutingSession, agenda_item_id: int, record: Narrative | None) -> None:
        super().__init__()
        self.draft = NarrativeDraft(session, agenda_item_id, record)
        self._initial = record.text if record else ""

    def compose(self) -> ComposeResult:
        item = self.store.agenda.get(self.draft.agenda_item_id)
        verb = "Editing narrative" if self.draft.record_id else "New narrative"
        yield Static(f"{verb} · {item.number} {item.title}", id="editor-title")
        yield TextArea(self._initial, id="narrative", soft_wrap=True, show_line_numbers=False)
        yield Static("Saved every few seconds. Escape saves and closes.", id="editor-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()
        self.set_interval(AUTOSAVE_SECONDS, self.autosave)

    @on(TextArea.Changed)
    def typed(self, event: TextArea.Changed) -> None:
        """Note unsaved typing (loading the text is not typing: compared with what was saved)."""
        if self.draft.is_dirty(event.text_area.text):
            self.query_one("#editor-status", Static).update("Typing… (saved within seconds)")

    def autosave(self) -> None:
        """Save what has been typed since the last save, if anything."""
        text = self.query_one(TextArea).text
        if not self.draft.is_dirty(text):
            return
        try:
            saved = self.draft.save(text)
        except Exception as error:
            report(self, error)
            return
        if saved is not None:
            self.query_one("#editor-status", Static).update(
                f"✓ Saved at {saved.updated_at[11:19] if saved.updated_at else ''}"
            )

    def flush(self) -> None:
        """Save now (the app calls this when it is closing)."""
        self.autosave()

    def action_done(self) -> None:
        """Save and go back."""
        try:
            saved = self.draft.finish(self.query_one(TextArea).text)
        except Exception as error:
            report(self, error)
            return
        self.dismiss(saved)
