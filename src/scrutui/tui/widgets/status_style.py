"""How a status (of a request, a recommendation, someone in the roll call, the quorum) is styled. The word always says it ("OVERDUE", "answered");
colour only adds to it, taken from the theme's text colours (legible on a light theme as on a dark
one), and without colour (NO_COLOR) overdue stands out in reverse video instead."""

from __future__ import annotations

from typing import Any

from textual.app import App

#: Each status word's emphasis and the theme's text colour for it.
_THEMED = {
    "overdue": ("bold", "text-error"),
    "outstanding": ("", "text-warning"),
    "awaited": ("", "text-warning"),
    "answered": ("", "text-success"),
    "accepted": ("", "text-success"),
    "partly accepted": ("", "text-success"),
    "noted": ("", "text-success"),
    "refused": ("italic", "text-accent"),
    "rejected": ("italic", "text-accent"),
    "withdrawn": ("italic", ""),
    # The roll call and the quorum.
    "present": ("bold", "text-success"),
    "substitute": ("bold", "text-success"),
    "apologies": ("", "text-warning"),
    "absent": ("italic", ""),
    "quorate": ("", "text-success"),
    "inquorate": ("bold", "text-error"),
}
#: Without colour: reverse video for what is overdue, italics for what was closed without an answer.
_MONOCHROME = {
    "overdue": "bold reverse",
    "inquorate": "bold reverse",
    "refused": "italic",
    "rejected": "italic",
    "withdrawn": "italic",
    "present": "bold",
    "substitute": "bold",
    "absent": "italic",
}


def status_style(app: App[Any], word: str) -> str:
    """The Rich style for a status word in the app's theme (or without colour)."""
    if app.no_color:
        return _MONOCHROME.get(word, "")
    emphasis, variable = _THEMED.get(word, ("", ""))
    colour = app.theme_variables.get(variable, "") if variable else ""
    colour = colour.removeprefix("ansi_") if colour.startswith(("#", "ansi_")) else ""
    return f"{emphasis} {colour}".strip()
