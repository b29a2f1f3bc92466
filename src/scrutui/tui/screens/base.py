"""What every scrutui screen shares: the store, read-only mode, and no cursor blink in tests."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from textual.screen import ModalScreen, Screen

from scrutui.errors import ReadOnlyError
from scrutui.store import Store

if TYPE_CHECKING:
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

    def on_mount(self) -> None:
        self.stop_blink()
        if self.read_only and not self.query("ReadOnlyBanner"):
            from scrutui.tui.widgets.key_bar import KeyBar
            from scrutui.tui.widgets.read_only import ReadOnlyBanner

            # In the flow of the screen rather than docked: two widgets docked at the bottom overlap.
            bars = self.query(KeyBar)
            self.mount(ReadOnlyBanner(), before=bars.first() if bars else None)


class ScrutuiModal(_Shared[T], ModalScreen[T]):
    """A dialog over the current screen."""

    def on_mount(self) -> None:
        self.stop_blink()
