"""A checkbox for dialogs whose Enter key means "go": Space ticks it, Enter reaches the dialog."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Checkbox


class OptionBox(Checkbox, inherit_bindings=False):
    """A Checkbox toggled by Space only, so Enter still exports from anywhere in the dialog."""

    BINDINGS = [Binding("space", "toggle_button", "Toggle", show=False)]
