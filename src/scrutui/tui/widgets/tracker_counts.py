"""The tracker's count of each status, always in view above the list."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from scrutui.store.damage import DamagedRow
from scrutui.store.tracker import Counts, StatusFilter, Tracked
from scrutui.tracker.rules import counts_line


def rows_matching(counts: Counts, kind: Tracked, status: StatusFilter) -> int:
    """How many rows the status filter shows, from the count of each status."""
    matching = {
        StatusFilter.ALL: counts.total,
        StatusFilter.OVERDUE: counts.overdue,
        StatusFilter.OUTSTANDING: counts.get("outstanding" if kind is Tracked.REQUESTS else "awaited"),
        StatusFilter.ANSWERED: (
            counts.get("answered") if kind is Tracked.REQUESTS else counts.total - counts.get("awaited")
        ),
        StatusFilter.REFUSED: counts.get("refused"),
        StatusFilter.WITHDRAWN: counts.get("withdrawn"),
    }
    return matching[status]


class TrackerCounts(Static):
    """How many stand at each status (whatever the status filter), and what was left out as damaged."""

    DEFAULT_CSS = """
    TrackerCounts { height: auto; max-height: 2; padding: 0 1; }
    """

    def counting(self) -> None:
        """Say the counts are coming (they are counted once the list is painted)."""
        self.update(Text("counting…", style="dim"))

    def show(self, counts: Counts, kind: Tracked, damaged: Sequence[DamagedRow] = ()) -> None:
        """The counts, and the rows damaged in the database that the list leaves out."""
        line = Text(counts_line(counts, kind), style="bold")
        if damaged:
            named = "; ".join(d.describe() for d in damaged)
            line.append(f"  ⚠ damaged in the database, left out: {named}", style="bold red")
        self.update(line)
