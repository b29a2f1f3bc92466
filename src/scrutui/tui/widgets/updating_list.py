"""An option list that changes only the rows that changed.

Rebuilding an OptionList (`set_options`) measures and lays out every option again, which at a few
hundred rows costs more than anything else a save does. `UpdatingOptionList.show_rows` compares the
rows it is given with those it shows, and appends, replaces or removes just the ones that differ;
anything else (a move, many changes) is one full rebuild, which is always right.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, cast

from textual.visual import VisualType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from textual.css.styles import RulesMap

#: One row: the option's id and the value it shows (compared with ``==``; the prompt is built from it
#: only when the row is new or changed).
Row = tuple[str, Any]

#: More changed rows than this fraction of the list, and a full rebuild is simpler and no slower.
_MOST_CHANGED = 0.25


class UpdatingOptionList(OptionList):
    """An OptionList fed whole lists of rows, that redraws only the rows that changed."""

    # Room for the scroll bar is kept from the start: options laid out before it appeared would
    # otherwise stay laid out for a width two columns wider than the list has.
    DEFAULT_CSS = """
    UpdatingOptionList { scrollbar-gutter: stable; }
    """

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None, disabled: bool = False
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self._rows: list[Row] = []

    def show_rows(self, rows: Sequence[Row], prompt: Callable[[Any], VisualType]) -> None:
        """Show `rows` (each made into an option by `prompt(value)` when new or changed)."""
        # Rows are compared as tuples: the same value object is equal at once, without comparing.
        old, new = self._rows, list(rows)
        self._rows = new
        if len(new) >= len(old) and new[: len(old)] == old:
            if len(new) > len(old):
                self.add_options(Option(prompt(value), id=key) for key, value in new[len(old) :])
            return
        if len(new) == len(old) and [key for key, _ in old] == [key for key, _ in new]:
            changed = [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
            if len(changed) <= max(1, int(len(new) * _MOST_CHANGED)):
                for index in changed:
                    self._replace_prompt(index, prompt(new[index][1]))
                return
        if len(new) == len(old) - 1:
            gone = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), len(new))
            if old[gone + 1 :] == new[gone:]:
                self.remove_option_at_index(gone)
                return
        self.set_options(Option(prompt(value), id=key) for key, value in new)

    def reset_rows(self) -> None:
        """Forget what is shown, so the next `show_rows` rebuilds every option (a new width)."""
        self._rows = []
        self.clear_options()

    def _replace_prompt(self, index: int, prompt: VisualType) -> None:
        """Give the option at `index` a new prompt, measuring only it (and, if its height changed,
        the options after it). OptionList's own `replace_option_prompt` measures every option again.

        This reaches into OptionList's caches (textual is pinned; tests compare the result with a
        full re-measure).
        """
        option = self.get_option_at_index(index)
        option._set_prompt(prompt)
        cache = self._option_render_cache
        for key in [key for key in cache.keys() if key[0] is option]:  # noqa: SIM118 - an LRUCache, not a dict
            cache.discard(key)
        lines = self._line_cache
        if index in lines.heights and self.scrollable_content_region:
            padding = self.get_component_styles("option-list--option").padding
            width = self.scrollable_content_region.width - self._get_left_gutter_width()
            rules = cast("RulesMap", self.styles)
            height = self._get_visual(option).get_height(rules, width - padding.width) + option._divider
            if height != lines.heights[index]:
                # Measured again from this option on, when next drawn (OptionList._update_lines).
                del lines.lines[lines.index_to_line[index] :]
                for later in range(index, len(self.options)):
                    lines.heights.pop(later, None)
                    lines.index_to_line.pop(later, None)
        self.refresh()
