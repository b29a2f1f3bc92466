"""The current item as it will read in the minutes."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from scrutui.minutes import MinuteItem, Style

#: The preview shows this much of a very long paragraph (a pasted report); the export has it all.
PREVIEW_CHARS = 3000


def _cut(text: str) -> str:
    if len(text) <= PREVIEW_CHARS:
        return text
    return f"{text[:PREVIEW_CHARS]}… [{len(text) - PREVIEW_CHARS:,} more characters in the minutes]"


def render_item(item: MinuteItem) -> Text:
    """A minuted item as styled text, as close to the Word layout as a terminal allows."""
    text = Text()
    text.append(
        f"{item.number} {item.title}".strip().upper() if item.number else item.title.upper(), style="bold"
    )
    text.append("\n")
    for paragraph in item.paragraphs:
        text.append("\n")
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
        text.append("\n")
    return text


class MinutesPreview(VerticalScroll):
    """A scrollable pane with the preview of one item; focused (Esc twice on the minuting screen), the
    arrow keys, Home and End scroll it."""

    DEFAULT_CSS = """
    MinutesPreview { height: 1fr; border: round $secondary 50%; padding: 0 1; }
    MinutesPreview:focus { border: round $accent; }
    MinutesPreview > Static { width: 100%; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="preview-text")

    def show(self, item: MinuteItem | None) -> None:
        """Show one item's minutes, scrolled to the end (where the newest record is)."""
        self.query_one("#preview-text", Static).update(
            render_item(item) if item else Text("No agenda item yet.", style="dim")
        )
        self.call_after_refresh(self.scroll_end, animate=False)
