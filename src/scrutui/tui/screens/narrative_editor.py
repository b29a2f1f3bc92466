"""A multi-line editor for a long narrative, saved every few seconds and on leaving."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static, TextArea

from scrutui.models import Narrative, Record
from scrutui.session import MinutingSession, NarrativeDraft
from scrutui.store.records import RecordChanged
from scrutui.tui.guard import report
from scrutui.tui.screens.base import ScrutuiScreen
from scrutui.tui.screens.record_changed import Choice, RecordChangedDialog
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
        #: Set while the clerk is asked what to do about a change made elsewhere: nothing is saved.
        self._changed_elsewhere: RecordChanged | None = None
        self._leaving = False

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
        if self._changed_elsewhere is not None:
            return
        text = self.query_one(TextArea).text
        if not self.draft.is_dirty(text):
            return
        try:
            saved = self.draft.save(text)
        except RecordChanged as changed:
            self._ask(changed)
            return
        except Exception as error:
            report(self, error)
            return
        if saved is not None:
            self._show_saved(saved)

    def _show_saved(self, saved: Narrative, what: str = "Saved") -> None:
        self.query_one("#editor-status", Static).update(
            f"✓ {what} at {saved.updated_at[11:19] if saved.updated_at else ''}"
        )

    def _ask(self, changed: RecordChanged) -> None:
        """The narrative was changed or deleted elsewhere: stop saving and ask what to keep."""
        self._changed_elsewhere = changed
        self.query_one("#editor-status", Static).update(
            "Changed elsewhere: yours is kept in its history. Choose what to keep."
        )
        self.app.push_screen(RecordChangedDialog(changed), self._chosen)

    def _chosen(self, choice: Choice | None) -> None:
        changed, self._changed_elsewhere = self._changed_elsewhere, None
        assert changed is not None
        area = self.query_one(TextArea)
        status = self.query_one("#editor-status", Static)
        try:
            if choice is Choice.MINE:
                self._show_saved(self.draft.keep_mine(area.text, changed.current), "Saved yours (theirs is in its history)")
            elif choice is Choice.BOTH:
                self._show_saved(self.draft.keep_both(area.text), "Saved yours as a new narrative")
            elif changed.current is None:  # leave it deleted: yours is in its history
                self.dismiss(None)
                return
            else:
                area.load_text(self.draft.take_theirs(changed.current))
                status.update("Showing their version; yours is kept in its history.")
        except RecordChanged as again:
            self._ask(again)
            return
        except Exception as error:
            report(self, error)
            return
        if self._leaving:
            self.action_done()

    def flush(self) -> None:
        """Save now (the app calls this when it is closing). A change made elsewhere meanwhile is
        not saved over: what was typed here is kept in the record's history."""
        if self._changed_elsewhere is not None:
            return
        try:
            text = self.query_one(TextArea).text
            if self.draft.is_dirty(text):
                self.draft.save(text)
        except RecordChanged:
            pass
        except Exception as error:
            report(self, error)

    def action_done(self) -> None:
        """Save and go back."""
        if self._changed_elsewhere is not None:
            return
        self._leaving = True
        try:
            saved = self.draft.finish(self.query_one(TextArea).text)
        except RecordChanged as changed:
            self._ask(changed)
            return
        except Exception as error:
            self._leaving = False
            report(self, error)
            return
        self.dismiss(saved)
