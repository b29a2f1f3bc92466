"""The line every screen shows when the database is open read-only."""

from __future__ import annotations

from textual.widgets import Static

READ_ONLY_TEXT = "READ-ONLY · browsing and exporting only: nothing here can be changed"


class ReadOnlyBanner(Static):
    """Says, at the foot of the screen's content (just above the footer), that nothing can be changed."""

    DEFAULT_CSS = """
    ReadOnlyBanner { height: 1; padding: 0 1; background: $warning-muted; color: $text; text-style: bold; }
    """

    def __init__(self) -> None:
        super().__init__(READ_ONLY_TEXT, id="read-only-banner")
