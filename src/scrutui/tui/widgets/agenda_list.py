"""The agenda down the left of the minuting screen, with the current item marked."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from scrutui.models import AgendaItem
from scrutui.tui.widgets.record_list import TypedAway


def item_label(item: AgendaItem, current: bool, counts: dict[int, int]) -> Text:
    """One agenda line: marker, number, title, and how many records it holds."""
    text = Text()
    text.append("▶ " if current else "  ", style="bold")
    if item.number:
        text.append(f"{item.number} ", style="bold")
    text.append(item.title, style="bold" if current else "")
    text.no_wrap = True
    text.overflow = "ellipsis"
    if item.is_exempt:
        text.append(" [exempt]", style="italic")
    count = counts.get(item.id or 0, 0)
    if count:
        text.append(f" ({count})", style="dim")
    return text


class AgendaList(OptionList):
    """The meeting's agenda. Enter takes the highlighted item."""

    DEFAULT_CSS = """
    AgendaList { width: 24; height: 1fr; border: round $primary 50%; }
    AgendaList:focus { border: round $accent; }
    """

    def on_key(self, event: events.Key) -> None:
        """Typing a letter here goes to the capture line."""
        if event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            self.post_message(TypedAway(event.character))

    def show(self, items: list[AgendaItem], current_id: int | None, counts: dict[int, int]) -> None:
        """Show the agenda, highlighting the current item."""
        self.set_options(
            Option(item_label(item, item.id == current_id, counts), id=str(item.id)) for item in items
        )
        for index, item in enumerate(items):
            if item.id == current_id:
                self.highlighted = index
