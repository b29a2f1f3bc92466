"""What every scrutui screen shares: the store, read-only mode, and no cursor blink in tests."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, cast

from textual.screen import ModalScreen, Screen

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
        self.stop_blink()
        self._notice_size()
        if self.read_only and not self.query("ReadOnlyBanner"):
            from scrutui.tui.widgets.key_bar import KeyBar
            from scrutui.tui.widgets.read_only import ReadOnlyBanner

            # In the flow of the screen rather than docked: two widgets docked at the bottom overlap.
            bars = self.query(KeyBar)
            self.mount(ReadOnlyBanner(), before=bars.first() if bars else None)

    def on_resize(self) -> None:
        self._notice_size()

    def _notice_size(self) -> None:
        """Show the size notice while the terminal is too small (mounted the first time it is: one
        widget fewer to lay out in the first frame of every screen)."""
        from scrutui.tui.widgets.size_notice import SizeNotice, size_message

        notices = self.query(SizeNotice)
        if notices:
            notices.first().show_for(self.app.size)
        elif size_message(self.app.size):
            notice = SizeNotice()
            self.mount(notice)
            notice.show_for(self.app.size)


class ScrutuiModal(_Shared[T], ModalScreen[T]):
    """A dialog over the current screen."""

    def on_mount(self) -> None:
        self.stop_blink()
