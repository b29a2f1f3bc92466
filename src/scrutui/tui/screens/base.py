"""What every scrutui screen shares: the store, read-only mode, and no cursor blink in tests."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, cast

from textual.screen import ModalScreen, Screen
from textual.widgets import Button

from scrutui.errors import ReadOnlyError

if TYPE_CHECKING:
    from scrutui.models import AgendaItem
    from scrutui.store import Store
    from scrutui.tui.app import ScrutuiApp

T = TypeVar("T")


class _Shared(Generic[T]):
    """Helpers mixed into screens and modals."""

    app: Any

    @property
    def scrutui(self) -> ScrutuiApp:
        """The app, typed."""
        return cast("ScrutuiApp", self.app)

    @property
    def store(self) -> Store:
        """The open database."""
        return self.scrutui.store

    @property
    def read_only(self) -> bool:
        """True when the database is open read-only."""
        return self.scrutui.read_only

    @property
    def shows_exempt(self) -> bool:
        """True when exempt items' content may be shown (see ScrutuiApp.shows_exempt)."""
        return self.scrutui.shows_exempt

    def agenda_of(self, meeting_id: int) -> list[AgendaItem]:
        """A meeting's agenda as this session may see it (exempt items as the public sees them,
        where exempt content is not shown)."""
        from scrutui.withheld import shown_items

        return shown_items(self.store.agenda.for_meeting(meeting_id), shows_exempt=self.shows_exempt)

    def require_writable(self) -> None:
        """Refuse an edit in read-only mode, with the reason."""
        if self.read_only:
            raise ReadOnlyError(
                "Read-only: this database was opened for browsing, so nothing can be changed."
            )

    def stop_blink(self) -> None:
        """Stop cursors blinking when the app asks (tests and snapshots)."""
        if not self.scrutui.blink:
            # By type name, so this module does not import TextArea (slow) before a screen needs it.
            for widget in cast(Screen[Any], self).query("Input, TextArea"):
                widget.cursor_blink = False  # type: ignore[attr-defined]


class ScrutuiScreen(_Shared[T], Screen[T]):
    """A full screen of scrutui. Open read-only, it says so above its footer."""

    #: The screen's actions that change something: the key bar leaves them off when the database
    #: is open read-only (pressed anyway, each says why it cannot).
    EDITING: ClassVar[frozenset[str]] = frozenset()

    def on_mount(self) -> None:
        from scrutui.tui.widgets.size_notice import SizeNotice

        self.stop_blink()
        notice = SizeNotice()
        self.mount(notice)
        notice.show_for(self.app.size)
        if self.read_only and not self.query("ReadOnlyBanner"):
            from scrutui.tui.widgets.key_bar import KeyBar
            from scrutui.tui.widgets.read_only import ReadOnlyBanner

            # In the flow of the screen rather than docked: two widgets docked at the bottom overlap.
            bars = self.query(KeyBar)
            self.mount(ReadOnlyBanner(), before=bars.first() if bars else None)


    def on_resize(self) -> None:
        from scrutui.tui.widgets.size_notice import SizeNotice

        for notice in self.query(SizeNotice):
            notice.show_for(self.app.size)


class ScrutuiModal(_Shared[T], ModalScreen[T]):
    """A dialog over the current screen."""

    _typed_at_start: list[str] | None = None

    def on_mount(self) -> None:
        self.stop_blink()
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
        """Close without saving; if anything was typed here, ask first, so typing is never lost by a
        stray Escape."""
        from scrutui.tui.screens.confirm import Confirm

        if self._typed_at_start is None or self.text_box_contents() == self._typed_at_start:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(Confirm("Close without saving what you typed here?", "Discard"), answered)


class FormModal(ScrutuiModal[T]):
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
