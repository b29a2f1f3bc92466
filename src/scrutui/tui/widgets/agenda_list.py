"""The agenda down the left of the minuting screen, with the current item marked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.widgets.option_list import Option

from scrutui.store.damage import DamagedRow
from scrutui.tui.widgets.record_list import TypedAway, damaged_option
from scrutui.tui.widgets.updating_list import UpdatingOptionList

if TYPE_CHECKING:
    from scrutui.models import AgendaItem
    from scrutui.store.glance import ItemLine

    #: An agenda item, validated or as the first screen read it.
    Item = AgendaItem | ItemLine


def item_label(item: Item, current: bool, count: int, width: int = 22, inquorate: bool = False) -> Text:
    """One agenda line (never wrapped): marker (a warning when the meeting was inquorate during the
    item), number, title cut to fit, `count` records held."""
    marker = "⚠ " if inquorate else ("▶ " if current else "  ")
    number = f"{item.number} " if item.number else ""
    exempt = " [II]" if item.is_exempt else ""  # a Part II (exempt) item
    shown_count = f" ({count})" if count else ""
    if width - len(marker) - len(number) - len(exempt) - len(shown_count) < 6:
        shown_count = ""  # a narrow list keeps the title readable rather than the count
    room = max(4, width - len(marker) - len(number) - len(exempt) - len(shown_count))
    title = item.title if len(item.title) <= room else item.title[: room - 1] + "…"
    text = Text()
    text.append(marker, style="bold red" if inquorate else "bold")
    text.append(number, style="bold")
    text.append(title, style="bold" if current else "")
    if exempt:
        text.append(exempt, style="italic")
    if shown_count:
        text.append(shown_count, style="dim")
    return text


class AgendaList(UpdatingOptionList):
    """The meeting's agenda. Enter takes the highlighted item. (A save changes one line, the
    current item's count: only that line is drawn again.)"""

    DEFAULT_CSS = """
    AgendaList {
        width: 30%; min-width: 24; max-width: 40; height: 1fr; border: round $primary 50%;
        scrollbar-gutter: auto;  /* its lines are cut to fit, never wrapped: no room need be kept */
    }
    AgendaList:focus { border: round $accent; }
    """

    _shown: (
        tuple[Sequence[Item], int | None, dict[int, int], set[int] | frozenset[int], tuple[DamagedRow, ...]]
        | None
    ) = None

    def on_resize(self, event: events.Resize) -> None:
        """Fit the lines to the new width."""
        if self._shown is not None:
            highlighted = self.highlighted
            self.show(*self._shown)
            self.highlighted = highlighted

    def on_key(self, event: events.Key) -> None:
        """Typing a letter here goes to the capture line."""
        if event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            self.post_message(TypedAway(event.character))

    def show(
        self,
        items: Sequence[Item],
        current_id: int | None,
        counts: dict[int, int],
        inquorate: set[int] | frozenset[int] = frozenset(),
        damaged: tuple[DamagedRow, ...] = (),
    ) -> None:
        """Show the agenda, highlighting the current item and marking any taken while inquorate.
        Items damaged in the database are listed last, as damaged (they cannot be taken)."""
        self._shown = (items, current_id, counts, inquorate, damaged)
        # Leave room for the scroll bar even before it appears, so a line never wraps when it does.
        width = (self.size.width or 24) - 4
        rows = [
            (str(item.id), (item, item.id == current_id, counts.get(item.id or 0, 0), width, item.id in inquorate))
            for item in items
        ]
        if damaged:  # rare: lines that cannot be chosen, after the items
            self.reset_rows()
            self.set_options(
                [
                    *(Option(item_label(*shown), id=key) for key, shown in rows),
                    *(damaged_option(found, short=True) for found in damaged),
                ]
            )
        else:
            self.show_rows(rows, lambda shown: item_label(*shown))
        for index, item in enumerate(items):
            if item.id == current_id:
                self.highlighted = index
