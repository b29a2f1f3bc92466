"""Dialogs that hold typing: closed unsaved, they ask first, so typing is never lost by a stray
Escape; and the forms that save or are cancelled."""

from __future__ import annotations

from typing import TypeVar

from textual.widgets import Button

from scrutui.tui.screens.base import ScrutuiModal
from scrutui.tui.screens.confirm import Confirm

T = TypeVar("T")


class GuardedModal(ScrutuiModal[T]):
    """A dialog with text boxes, which asks before discarding what was typed in them."""

    _typed_at_start: list[str] | None = None

    def on_mount(self) -> None:
        self.call_after_refresh(self._note_typed)

    def _note_typed(self) -> None:
        self._typed_at_start = self.text_box_contents()

    def text_box_contents(self) -> list[str]:
        """What the dialog's text boxes hold now."""
        return [
            str(getattr(widget, "value", None) or getattr(widget, "text", ""))
            for widget in self.query("Input, TextArea")
        ]

    def close_unsaved(self) -> None:
        """Close without saving; if anything was typed here, ask first."""
        if self._typed_at_start is None or self.text_box_contents() == self._typed_at_start:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(Confirm("Close without saving what you typed here?", "Discard"), answered)


class FormModal(GuardedModal[T]):
    """A dialog that saves or is cancelled: ctrl+s and a "save" button save (`action_save`), Escape
    and a "cancel" button close, asking first if anything was typed (`action_cancel`)."""

    def action_save(self) -> None:
        """Check and save; each form says how."""
        raise NotImplementedError

    def action_cancel(self) -> None:
        """Close without saving (asking first if anything was typed)."""
        self.close_unsaved()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "cancel":
            self.action_cancel()
