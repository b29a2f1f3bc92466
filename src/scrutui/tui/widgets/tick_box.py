"""A checkbox whose state is in the text, [x] or [ ], so it reads without colour (NO_COLOR, a light
theme, a monochrome screen) as well as with it."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox


class TickBox(Checkbox):
    """A Checkbox drawn as [x] when ticked and [ ] when not (Textual's own shows an X either way,
    told apart by colour only)."""

    @property
    def _button(self) -> Content:
        style = self.get_visual_style("toggle--button")
        return Content.assemble("[", ("x" if self.value else " ", style), "]")
