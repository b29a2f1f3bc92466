"""A checkbox for dialogs whose Enter key means "go": Space ticks it, Enter reaches the dialog."""

from __future__ import annotations

from textual.binding import Binding

from scrutui.tui.widgets.tick_box import TickBox


class OptionBox(TickBox, inherit_bindings=False):
    """A TickBox toggled by Space only, so Enter still exports from anywhere in the dialog."""

    BINDINGS = [
        Binding("space", "toggle_button", "Toggle", show=False, id="option.toggle", tooltip="Tick or untick")
    ]
