"""Keys typed while a screen opens, kept for it.

A clerk presses Enter on a meeting and starts typing at once. The terminal hands the app the Enter
and what follows in one burst, before the minuting screen exists: passed on as usual, those keys
would go to the meetings list and be lost. So once a key that opens a screen has been passed on,
the keys after it are held, in order, until the screen opened is ready (its first focus set) and
releases them; then each goes where it would have gone had it been typed just then. Held keys are
released after a few seconds whatever happens, so a screen that fails to open never swallows them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from textual import events
from textual.message import Message

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

#: Held keys are let go after this long, even if no screen has released them.
HOLD_SECONDS = 3.0


@runtime_checkable
class OpensScreens(Protocol):
    """A screen on which some keys open another screen (the meetings list: Enter opens a meeting)."""

    def opens_screen_on(self, key: events.Key) -> bool:
        """Whether `key`, pressed now, opens another screen that takes the keys typed after it."""
        ...


class _Rows(Protocol):
    @property
    def has_focus(self) -> bool: ...

    @property
    def current(self) -> object | None: ...


def opens_from_row(key: events.Key, table: _Rows, keys: tuple[str, ...] = ("enter",)) -> bool:
    """Whether `key` opens the selected row of `table` (which has focus) on another screen: an
    `opens_screen_on` for screens whose table's rows open a meeting."""
    return key.key in keys and table.has_focus and table.current is not None


class Released(Message):
    """The keys held are to go on now (handled by the app, in its turn among the keys typed)."""


class TypedAhead:
    """The keys held for a screen being opened."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.held: list[events.Event] | None = None
        self._timer: Timer | None = None

    @property
    def holding(self) -> bool:
        """Whether keys are being held."""
        return self.held is not None

    def hold(self) -> None:
        """Hold the keys that come next, until released (or for `HOLD_SECONDS` at most)."""
        if self.held is None:
            self.held = []
            self._timer = self.app.set_timer(HOLD_SECONDS, self.release)

    def keeps(self, event: events.Event) -> bool:
        """Keep `event` if keys are held and it is one typed (a key or a paste): True if kept."""
        if self.held is None or event.is_forwarded or not isinstance(event, events.Key | events.Paste):
            return False
        self.held.append(event)
        return True

    def release(self) -> None:
        """Let the keys held go on, once the app reaches this among what it has been sent."""
        if self.held is not None:
            self.app.post_message(Released())

    def take(self) -> list[events.Event]:
        """The keys held, in the order typed; none are held from now on."""
        held, self.held = self.held or [], None
        if self._timer is not None:  # (so it cannot let go of the keys of a later hold too soon)
            self._timer.stop()
            self._timer = None
        return held
