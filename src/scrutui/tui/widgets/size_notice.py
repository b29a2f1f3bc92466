"""The notice a screen shows when the terminal is smaller than scrutui is laid out for."""

from __future__ import annotations

from textual.geometry import Size
from textual.widgets import Static

#: The smallest terminal every screen fits, with every key reachable.
MIN_SIZE = Size(80, 24)


def size_message(size: Size) -> str:
    """What the notice says at `size` ("" when the terminal is big enough)."""
    if size.width >= MIN_SIZE.width and size.height >= MIN_SIZE.height:
        return ""
    return (
        f"This window is {size.width}×{size.height}: scrutui needs at least {MIN_SIZE.width}×{MIN_SIZE.height} "
        "to show everything. Make the window larger (or the font smaller)."
    )


class SizeNotice(Static):
    """Across the top of the screen while the terminal is too small; hidden otherwise."""

    DEFAULT_CSS = """
    SizeNotice { dock: top; height: auto; padding: 0 1; background: $error; color: $text; text-style: bold; display: none; }
    SizeNotice.-shown { display: block; }
    """

    def show_for(self, size: Size) -> None:
        """Show the notice, or hide it, for a terminal of `size`."""
        message = size_message(size)
        self.set_class(bool(message), "-shown")
        if message:
            self.update(message)
