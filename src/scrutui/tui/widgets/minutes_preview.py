"""The current item as it will read in the minutes.

Drawn a line at a time (Textual's line API): each paragraph is laid out once for the pane's width
and kept, so after a save only the paragraphs whose words changed are laid out again, however long
the item is. Whatever the composer says is shown: the paragraphs are compared, not guessed.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual, visualize

if TYPE_CHECKING:
    from scrutui.minutes import MinuteItem, Paragraph

#: The preview shows this much of a very long paragraph (a pasted report); the export has it all.
PREVIEW_CHARS = 3000

#: A block of the preview: the item's heading, a paragraph, or the line shown when there is no item.
Block = tuple[str, object]


def _cut(text: str) -> str:
    if len(text) <= PREVIEW_CHARS:
        return text
    return f"{text[:PREVIEW_CHARS]}… [{len(text) - PREVIEW_CHARS:,} more characters in the minutes]"


def heading_text(item: MinuteItem) -> Text:
    """The item's minute number and title, as the preview's first line."""
    return Text(
        f"{item.number} {item.title}".strip().upper() if item.number else item.title.upper(), style="bold"
    )


def paragraph_text(paragraph: Paragraph) -> Text:
    """One paragraph as styled text, as close to the Word layout as a terminal allows."""
    from scrutui.minutes import Style  # (paragraphs are composed after the first screen is shown)

    text = Text()
    match paragraph.style:
        case Style.THEME:
            text.append(paragraph.text, style="bold underline")
        case Style.PURPOSE:
            text.append(paragraph.text, style="italic")
        case Style.DECISION:
            lead, sep, rest = paragraph.text.partition(":")
            if lead.isupper() and sep:
                text.append(lead + sep, style="bold")
                text.append(rest)
            else:
                text.append(_cut(paragraph.text))
        case Style.PART | Style.BULLET | Style.LIST_ITEM:
            text.append(f"    {paragraph.label} ", style="bold")
            text.append(_cut(paragraph.text))
        case _:
            text.append(_cut(paragraph.full_text))
    return text


def render_item(item: MinuteItem) -> Text:
    """A minuted item as one styled text: the heading, then each paragraph after a blank line."""
    text = heading_text(item)
    text.append("\n")
    for paragraph in item.paragraphs:
        text.append("\n")
        text.append_text(paragraph_text(paragraph))
        text.append("\n")
    return text


def _blocks(item: MinuteItem | None) -> list[Block]:
    if item is None:
        return [("empty", "No agenda item yet.")]
    return [("heading", (item.number, item.title)), *(("paragraph", p) for p in item.paragraphs)]


class MinutesPreview(ScrollView, can_focus=True):
    """A scrollable pane with the preview of one item; focused (Esc twice on the minuting screen), the
    arrow keys, Home and End scroll it."""

    DEFAULT_CSS = """
    MinutesPreview { height: 1fr; border: round $secondary 50%; padding: 0 1; }
    MinutesPreview:focus { border: round $accent; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.item: MinuteItem | None = None
        self._blocks: list[Block] = []  # blank until the first item is shown
        #: The blocks laid out at `_width`, each with its lines, and the first line of each.
        self._shown: list[Block] = []
        self._shown_strips: list[list[Strip]] = []
        self._starts: list[int] = []
        self._width = 0
        self._laid_out = False

    def show(self, item: MinuteItem | None) -> None:
        """Show one item's minutes, scrolled to the end (where the newest record is)."""
        self.item = item
        self._blocks = _blocks(item)
        self._laid_out = False
        self._lay_out()
        self.refresh()
        self.call_after_refresh(self.scroll_end, animate=False)

    @property
    def text(self) -> str:
        """What the preview says, as plain text (the heading, then each paragraph)."""
        return render_item(self.item).plain if self.item else "No agenda item yet."

    def lines(self) -> list[Strip]:
        """Every line of the preview as drawn (not only those on screen)."""
        self._lay_out()
        return [strip for strips in self._shown_strips for strip in strips]

    def lay_out_again(self) -> None:
        """Forget every paragraph's layout and lay the whole item out afresh."""
        self._shown, self._shown_strips, self._starts = [], [], []
        self._laid_out = False
        self._lay_out()
        self.refresh()

    # --- layout ---------------------------------------------------------------------------------

    def _lay_out(self) -> None:
        """Lay out the blocks that changed since the last layout at this width; keep the others'
        lines. (A save changes a paragraph or two, somewhere before the decisions at the end.)"""
        width = self.scrollable_content_region.width
        if width <= 0 or (self._laid_out and width == self._width):
            return
        if width != self._width:
            self._shown, self._shown_strips, self._starts, self._width = [], [], [], width
        old, new = self._shown, self._blocks
        most = min(len(old), len(new))
        same_start = 0
        while same_start < most and old[same_start] == new[same_start]:
            same_start += 1
        same_end = 0
        while same_end < most - same_start and old[-1 - same_end] == new[-1 - same_end]:
            same_end += 1
        gone = range(same_start, len(old) - same_end)
        kept = {old[i]: self._shown_strips[i] for i in gone}  # (a paragraph that only moved)
        strips = [
            *self._shown_strips[:same_start],
            *(kept.get(block) or self._render_block(block, width) for block in new[same_start : len(new) - same_end]),
            *self._shown_strips[len(old) - same_end :],
        ]
        starts = self._starts[:same_start]
        line = starts[-1] + len(strips[same_start - 1]) if same_start else 0
        for block_strips in strips[same_start:]:
            starts.append(line)
            line += len(block_strips)
        self._shown, self._shown_strips, self._starts, self._laid_out = list(new), strips, starts, True
        self.virtual_size = Size(width, line)

    def _render_block(self, block: Block, width: int) -> list[Strip]:
        kind, value = block
        if kind == "heading" and self.item is not None:
            text = heading_text(self.item)
        elif kind == "paragraph":
            text = paragraph_text(cast("Paragraph", value))
        else:
            text = Text(str(value), style="dim")
        visual = visualize(self, text)
        strips = Visual.to_strips(self, visual, width, None, self.visual_style)
        if kind == "paragraph":
            strips = [Strip.blank(width, self.rich_style), *strips]
        return strips

    def on_resize(self, event: events.Resize) -> None:
        """A new width: every paragraph is laid out again."""
        self._laid_out = False
        self._lay_out()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._lay_out()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """The line `y` rows down the visible pane."""
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        line = scroll_y + y
        index = bisect_right(self._starts, line) - 1
        if index < 0 or index >= len(self._shown_strips):
            return Strip.blank(width, self.rich_style)
        strips = self._shown_strips[index]
        offset = line - self._starts[index]
        if offset >= len(strips):
            return Strip.blank(width, self.rich_style)
        return strips[offset].crop_extend(scroll_x, scroll_x + width, self.rich_style).apply_style(self.rich_style)
