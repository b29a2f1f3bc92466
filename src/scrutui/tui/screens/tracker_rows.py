"""The tracker's rows: its columns for the width there is, and each row cut to them, fed to the
table a page at a time from SQLite."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

from rich.console import RenderableType
from rich.text import Text

from scrutui.columns import Column, clip
from scrutui.models import InformationRequest
from scrutui.store.base import Handle
from scrutui.store.damage import DamagedRow
from scrutui.store.tracker import Tracked, TrackedRecord, TrackerQuery, TrackerRepository
from scrutui.tracker.rules import status_word


def short_name(name: str) -> str:
    """A member's name as a narrow column gives it: "Cllr Owain Pryce"."""
    return re.sub(r"^Councillor\s+", "Cllr ", name)


def _day(day: dt.date | None, width: int = 10) -> str:
    if not day:
        return "—"
    return day.strftime("%d/%m/%Y" if width >= 10 else "%d/%m/%y")


def tracker_columns(kind: Tracked, *, with_committee: bool) -> list[Column]:
    """The tracker's columns: due, status, what, who asked, of whom (or to which body), where made,
    and the committee when the list spans more than one."""
    columns = [
        Column("Due", 9, 11, priority=1),
        Column("Status", 11, 11 if kind is Tracked.REQUESTS else 15),
        Column("Requested" if kind is Tracked.REQUESTS else "Recommended", 16),
    ]
    if kind is Tracked.REQUESTS:
        columns.append(Column("Asked by", 9, 24))
    columns += [
        Column("Of" if kind is Tracked.REQUESTS else "To", 9, 28),
        Column("Meeting", 11, 14),
    ]
    if with_committee:
        columns.append(Column("Committee", 8, 40))
    return columns


class TrackerSource:
    """One filtered list of the tracker, as pages for the table, cut to the columns' widths."""

    def __init__(
        self,
        repository: TrackerRepository,
        query: TrackerQuery,
        named: Callable[[list[TrackedRecord]], list[TrackedRecord]],
        widths: Sequence[int],
        *,
        with_committee: bool,
        style: Callable[[str], str],
        handle: Handle | None = None,
    ) -> None:
        self.repository = repository
        self.query = query
        self._named = named
        self._style = style
        self.widths = list(widths)
        self.with_committee = with_committee
        self._handle = handle
        #: Rows damaged in the database met while paging (left out of the list, named above it).
        self.damaged: list[DamagedRow] = []

    def _noting(self, read: Callable[[], list[TrackedRecord]]) -> list[TrackedRecord]:
        """Rows read, named as the minutes name people; damaged ones noted."""
        if self._handle is None:
            return self._named(read())
        with self._handle.collecting_damage() as found:
            rows = read()
        self.damaged += [d for d in found if d not in self.damaged]
        return self._named(rows)

    def first(self, limit: int) -> list[TrackedRecord]:
        """The first rows."""
        return self._noting(lambda: self.repository.first_page(self.query, limit))

    def last(self, limit: int) -> list[TrackedRecord]:
        """The last rows."""
        return self._noting(lambda: self.repository.last_page(self.query, limit))

    def starting_at(self, row: TrackedRecord, limit: int) -> list[TrackedRecord]:
        """Rows from `row` on (ids are whole numbers, so "after id - 1" includes it)."""
        return self._noting(lambda: self.repository.page_after(self.query, (row.due, row.id - 1), limit))

    def before(self, row: TrackedRecord, limit: int) -> list[TrackedRecord]:
        """Rows before `row`."""
        return self._noting(lambda: self.repository.page_before(self.query, row.key, limit))

    def row_key(self, row: TrackedRecord) -> str:
        """The record id."""
        return str(row.id)

    def cells(self, row: TrackedRecord) -> Sequence[RenderableType]:
        """Due, status, what, who asked, of whom, where asked, committee: each cut to its column."""
        word = status_word(row, self.query.as_at)
        overdue = word == "overdue"
        widths = iter(self.widths)
        due_width = next(widths)
        due = _day(row.due, due_width)
        if isinstance(row.record, InformationRequest) and row.record.due_date_by_hand:
            due += "*"
        origin = row.origin
        number = (origin.item.minute_number or origin.item.number).strip()
        where = f"{origin.meeting_date:%d/%m/%y} {number}".strip()
        cells = [
            Text(due, style="bold" if overdue else ""),
            Text(clip(word.upper() if overdue else word, next(widths)), style=self._style(word)),
            Text(clip(row.record.text, next(widths))),
        ]
        if isinstance(row.record, InformationRequest):
            cells.append(Text(clip(short_name(row.asked_by), next(widths))))
        cells += [
            Text(clip(row.named_of, next(widths)), style="bold" if overdue else ""),
            Text(clip(where, next(widths))),
        ]
        if self.with_committee:
            cells.append(Text(clip(origin.committee, next(widths))))
        return cells
