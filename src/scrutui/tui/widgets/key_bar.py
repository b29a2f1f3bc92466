"""The line of keys at the foot of every screen.

One widget drawing one line of text, redrawn when the screen's keys change. (Textual's own Footer
mounts a widget per key and rebuilds them on every focus change, which cost the minuting screen a
fifth of a second at start-up; the clerk moves focus all the time.)
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Static


class KeyBar(Static):
    """The keys of the current screen that are marked to show, then the command palette's key."""

    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: 1; background: $panel; color: $text; padding: 0 1; }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._keys_changed)
        self.call_after_refresh(self.show_keys)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _keys_changed(self, _screen: Widget) -> None:
        self.show_keys()

    def show_keys(self) -> None:
        """Draw the keys active now."""
        line = Text(no_wrap=True, overflow="ellipsis")
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding: Binding = active.binding
            if not binding.show or binding.action in seen or binding.system:
                continue
            seen.add(binding.action)
            line.append(self.app.get_key_display(binding), style="bold" if active.enabled else "dim")
            line.append(f" {binding.description}  ", style="" if active.enabled else "dim")
        line.append("^p", style="bold")
        line.append(" commands")
        self.update(line)
