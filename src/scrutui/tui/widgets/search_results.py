"""Search results as pages for a PagedTable, and the words found shown in bold.

Shared by the search screen and the person view: both list a `SearchQuery`'s results a page at a
time, straight from the index.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.console import RenderableType
from rich.text import Text

from scrutui.minutes import item_reference, long_date
from scrutui.search import SearchHit, SearchQuery, short_kind, status_word
from scrutui.store.search import SearchRepository, fitted_parts, marked_parts

STATUS_STYLES = {
    "outstanding": "yellow",
    "awaited": "yellow",
    "sought": "yellow",
    "answered": "green",
    "given": "green",
    "accepted": "green",
    "partly_given": "dark_orange",
    "partly_accepted": "dark_orange",
    "noted": "green",
    "not_given": "bold red",
    "refused": "magenta",
    "rejected": "magenta",
    "withdrawn": "dim",
}


def found_text(marked: str, width: int | None = None) -> Text:
    """Marked text (from the index) with the words found in bold. Given `width`: on one line, cut
    to fit, starting a little before the first word found so that it shows."""
    parts = marked_parts(marked) if width is None else fitted_parts(marked, width)
    text = Text(no_wrap=width is not None)
    for part, found in parts:
        text.append(part, style="bold reverse" if found else "")
    return text


def where(hit: SearchHit) -> str:
    """ "Health Scrutiny Committee, 10 November 2026, minute 47 (Winter pressures)" """
    return f"{hit.origin.committee}, {long_date(hit.origin.meeting_date)}, {item_reference(hit.origin.item, public=False)}"


class SearchSource:
    """One search's results, as pages for the table."""

    def __init__(
        self,
        repository: SearchRepository,
        query: SearchQuery,
        cells: Callable[[SearchHit], Sequence[RenderableType]],
    ) -> None:
        self.repository = repository
        self.query = query
        self._cells = cells

    def first(self, limit: int) -> list[SearchHit]:
        """The first rows."""
        return self.repository.first_page(self.query, limit)

    def last(self, limit: int) -> list[SearchHit]:
        """The last rows."""
        return self.repository.last_page(self.query, limit)

    def starting_at(self, row: SearchHit, limit: int) -> list[SearchHit]:
        """Rows from `row` on."""
        return self.repository.starting_at(self.query, row, limit)

    def before(self, row: SearchHit, limit: int) -> list[SearchHit]:
        """Rows before `row`."""
        return self.repository.page_before(self.query, row, limit)

    def row_key(self, row: SearchHit) -> str:
        """The hit's index key."""
        return row.row_key

    def cells(self, row: SearchHit) -> Sequence[RenderableType]:
        """The row as the table shows it."""
        return self._cells(row)


def status_cell(hit: SearchHit) -> Text:
    """The record's status, coloured as the tracker colours it."""
    return Text(status_word(hit.status), style=STATUS_STYLES.get(hit.status, ""))


def kind_cell(hit: SearchHit) -> Text:
    """The kind, short; what is under an exempt (confidential) item marked ⚠."""
    label = short_kind(hit.kind)
    if hit.origin.item.is_exempt:
        return Text(f"{label} ⚠", style="bold red")
    return Text(label)


__all__ = ["SearchSource", "found_text", "kind_cell", "status_cell", "where"]
