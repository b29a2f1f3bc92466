"""The line of keys at the foot of every screen.

One widget drawing its keys as text, redrawn when the screen's keys change or its width does.
(Textual's own Footer mounts a widget per key and rebuilds them on every focus change, which cost
the minuting screen a fifth of a second at start-up; the clerk moves focus all the time.)

Every key stays reachable at 80 columns: the keys fill up to `lines` lines, F1 (which lists every
key of the screen) always ends the last, and "… f1 more" says when some did not fit. A database
open read-only leaves out the keys that would change something.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Static

#: The app's help key: drawn last, so it is always on the bar.
HELP_ACTION = "help"


@dataclass(frozen=True)
class Key:
    """One key as the bar shows it."""

    key: str
    description: str
    enabled: bool = True

    @property
    def width(self) -> int:
        """The cells it takes, with the gap after it."""
        return len(self.key) + 1 + len(self.description) + 2


def editing_actions(screen: Widget) -> frozenset[str]:
    """The actions of `screen` that change something (left off the bar when read-only)."""
    return frozenset(getattr(screen, "EDITING", ()))


def action_name(binding: Binding) -> str:
    """A binding's action without its arguments or namespace: "mark('present')" is "mark"."""
    return binding.action.split("(", 1)[0].rsplit(".", 1)[-1]


#: Said when some keys did not fit: F1 lists them all.
MORE = Key("…", "more")
#: The command palette, after the help key.
PALETTE = Key("^p", "commands")


def lay_out(keys: list[Key], tail: list[Key], width: int, lines: int) -> list[list[Key]]:
    """`keys` in order in up to `lines` lines of `width` cells, then `tail` (help and the command
    palette) ending the last line; "… more" before the tail when some keys did not fit."""
    tail_width = sum(k.width for k in tail)
    rows: list[list[Key]] = [[]]
    used = index = 0
    while index < len(keys):
        key = keys[index]
        last = len(rows) >= lines
        limit = width
        if last:
            fits_all = used + sum(k.width for k in keys[index:]) + tail_width <= width
            limit = width - tail_width - (0 if fits_all else MORE.width)
        if used + key.width <= limit:
            rows[-1].append(key)
            used += key.width
            index += 1
        elif last:
            rows[-1].append(MORE)
            break
        else:
            rows.append([])
            used = 0
    rows[-1].extend(tail)
    return rows


class KeyBar(Static):
    """The keys of the current screen that are marked to show, and F1 for all of them."""

    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: auto; max-height: 2; background: $panel; color: $text; padding: 0 1; }
    """

    def __init__(self, *, lines: int = 2) -> None:
        super().__init__()
        #: At most this many lines (the minuting screen keeps to one: its rows are precious).
        self.lines = lines

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._keys_changed)
        self.call_after_refresh(self.show_keys)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def on_resize(self) -> None:
        self.show_keys()

    def _keys_changed(self, _screen: Widget) -> None:
        self.show_keys()

    def keys(self) -> tuple[list[Key], Key | None]:
        """The keys to show now, and the help key."""
        screen = self.screen
        hidden = editing_actions(screen) if getattr(screen, "read_only", False) else frozenset()
        keys: list[Key] = []
        help_key: Key | None = None
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding: Binding = active.binding
            if not binding.show or binding.action in seen or binding.system:
                continue
            seen.add(binding.action)
            if action_name(binding) in hidden:
                continue
            key = Key(self.app.get_key_display(binding), binding.description, active.enabled)
            if action_name(binding) == HELP_ACTION:
                help_key = key
            else:
                keys.append(key)
        return keys, help_key

    def show_keys(self) -> None:
        """Draw the keys active now."""
        if not self.is_mounted:
            return
        keys, help_key = self.keys()
        width = max(20, self.size.width - 2)
        text = Text(no_wrap=True, overflow="ellipsis")
        # On one line the palette's key gives its room to the screen's own (F1 lists it too).
        tail = [k for k in (help_key, PALETTE if self.lines > 1 or help_key is None else None) if k]
        for number, row in enumerate(lay_out(keys, tail, width, self.lines)):
            if number:
                text.append("\n")
            for key in row:
                text.append(key.key, style="bold" if key.enabled else "dim")
                text.append(f" {key.description}  ", style="" if key.enabled else "dim")
        self.update(text)
