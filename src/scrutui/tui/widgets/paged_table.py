"""A DataTable fed one page at a time from SQLite, so a list of 100,000 rows costs what one page
costs: moving past the last row of a page fetches the next, past the first the one before.

The rows come from a `PageSource`, which fetches by key (never by offset) and turns a row into cells.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, Protocol, TypeVar

from rich.console import RenderableType
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

R = TypeVar("R")


class PageSource(Protocol[R]):
    """Where a PagedTable's rows come from, in a fixed order."""

    def first(self, limit: int) -> list[R]:
        """The first `limit` rows."""

    def last(self, limit: int) -> list[R]:
        """The last `limit` rows, in order."""

    def starting_at(self, row: R, limit: int) -> list[R]:
        """Up to `limit` rows from `row` (included) on."""

    def before(self, row: R, limit: int) -> list[R]:
        """Up to `limit` rows before `row`, in order."""

    def row_key(self, row: R) -> str:
        """A key unique to the row (its record id)."""

    def cells(self, row: R) -> Sequence[RenderableType]:
        """The row as the table shows it."""


class PagedTable(DataTable[Any], Generic[R]):
    """A table showing one page of a long list; the cursor moves on to the next or previous page."""

    BINDINGS = [
        Binding(
            "home,ctrl+home",
            "first_page",
            "First",
            show=False,
            id="paged.first",
            tooltip="Go to the first row",
        ),
        Binding(
            "end,ctrl+end", "last_page", "Last", show=False, id="paged.last", tooltip="Go to the last row"
        ),
    ]

    class PageChanged(Message):
        """A page was loaded: the screen updates its "rows 101–200" line."""

        def __init__(self, table: PagedTable[Any]) -> None:
            super().__init__()
            self.table = table

        @property
        def control(self) -> PagedTable[Any]:
            """The table."""
            return self.table

    def __init__(self, *, page_size: int = 100, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.page_size = page_size
        self.source: PageSource[R] | None = None
        self.rows_shown: list[R] = []
        #: How many rows come before this page (as far as paging has counted them).
        self.window_start = 0
        self.more_after = False
        #: The first row of the next page (each page is fetched with one row to spare).
        self._spare: R | None = None
        #: The number of rows in the whole list, when the screen knows it (for "of 3,412").
        self.total: int | None = None

    # --- loading ----------------------------------------------------------------------------------

    def load(self, source: PageSource[R], *, select_key: str | None = None) -> None:
        """Show the first page of `source`."""
        self.source = source
        self._fill(source.first(self.page_size + 1), start=0, cursor=0)
        if select_key is not None:
            self.select(select_key)

    def reload(self) -> None:
        """Read the current page again (after a change), keeping the cursor where it was."""
        if self.source is None:
            return
        row = self.cursor_row
        if not self.rows_shown or self.window_start == 0:
            rows = self.source.first(self.page_size + 1)
        else:
            rows = self.source.starting_at(self.rows_shown[0], self.page_size + 1)
            if not rows:
                self.action_first_page()
                return
        self._fill(rows, start=self.window_start, cursor=row)

    def _fill(self, rows: list[R], *, start: int, cursor: int) -> None:
        assert self.source is not None
        self.more_after = len(rows) > self.page_size
        self._spare = rows[self.page_size] if self.more_after else None
        self.rows_shown = rows[: self.page_size]
        self.window_start = start
        self.clear()
        for row in self.rows_shown:
            self.add_row(*self.source.cells(row), key=self.source.row_key(row))
        if self.rows_shown:
            self.move_cursor(row=max(0, min(cursor, len(self.rows_shown) - 1)), animate=False)
        self.post_message(self.PageChanged(self))

    def select(self, key: str) -> bool:
        """Put the cursor on the row with this key, if it is on the page."""
        keys = [self.source.row_key(r) for r in self.rows_shown] if self.source else []
        if key in keys:
            self.move_cursor(row=keys.index(key), animate=False)
            return True
        return False

    @property
    def current(self) -> R | None:
        """The row under the cursor."""
        if not self.rows_shown or not 0 <= self.cursor_row < len(self.rows_shown):
            return None
        return self.rows_shown[self.cursor_row]

    @property
    def at_start(self) -> bool:
        """True on the first page."""
        return self.window_start == 0

    # --- moving between pages ---------------------------------------------------------------------

    def next_page(self) -> bool:
        """Show the page after this one, cursor on its first row. False at the end."""
        if self.source is None or self._spare is None or not self.rows_shown:
            return False
        rows = self.source.starting_at(self._spare, self.page_size + 1)
        if not rows:
            return False
        self._fill(rows, start=self.window_start + len(self.rows_shown), cursor=0)
        return True

    def previous_page(self) -> bool:
        """Show the page before this one, cursor on its last row. False at the start."""
        if self.source is None or not self.rows_shown or self.at_start:
            return False
        rows = self.source.before(self.rows_shown[0], self.page_size)
        if len(rows) < self.page_size:
            # Fewer rows before than a page: this is the start of the list.
            self._fill(self.source.first(self.page_size + 1), start=0, cursor=len(rows) - 1)
            return True
        more = self.source.starting_at(rows[0], self.page_size + 1)
        self._fill(more, start=max(1, self.window_start - len(rows)), cursor=len(rows) - 1)
        return True

    def action_first_page(self) -> None:
        """The first rows."""
        if self.source is not None:
            self._fill(self.source.first(self.page_size + 1), start=0, cursor=0)

    def action_last_page(self) -> None:
        """The last rows."""
        if self.source is None:
            return
        rows = self.source.last(self.page_size)
        start = max(0, (self.total or len(rows)) - len(rows))
        self._fill(
            rows,
            start=start if self.total is not None else max(start, self.window_start),
            cursor=len(rows) - 1,
        )
        self.more_after = False
        self._spare = None

    def action_cursor_down(self) -> None:
        if self.cursor_row >= len(self.rows_shown) - 1 and self.next_page():
            return
        super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if self.cursor_row <= 0 and self.previous_page():
            return
        super().action_cursor_up()

    def action_page_down(self) -> None:
        if self.cursor_row >= len(self.rows_shown) - 1 and self.next_page():
            return
        super().action_page_down()

    def action_page_up(self) -> None:
        if self.cursor_row <= 0 and self.previous_page():
            return
        super().action_page_up()

    def position_text(self) -> str:
        """ "rows 101–200 of 3,412" (or "no rows")."""
        if not self.rows_shown:
            return "no rows"
        first = self.window_start + 1
        last = self.window_start + len(self.rows_shown)
        of = f" of {self.total:,}" if self.total is not None else ("+" if self.more_after else "")
        return f"rows {first:,}–{last:,}{of}"


__all__ = ["PageSource", "PagedTable"]
