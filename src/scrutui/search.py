"""Searching every meeting, following a theme and a person: what the search screen, the theme and
person views and the ``scrutui search`` and ``scrutui themes`` commands share.

The queries are in `scrutui.store.search`; this module names things as a clerk reads them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from scrutui.errors import ScrutuiError
from scrutui.models import KIND_LABELS, RecordKind
from scrutui.store import Store
from scrutui.store.search import (
    ITEM,
    KINDS,
    OPEN,
    STATUSES,
    Found,
    SearchHit,
    SearchOrder,
    SearchQuery,
    ThemeEntry,
    ThemeQuery,
)
from scrutui.store.tracker import StatusFilter, Tracked, TrackerQuery
from scrutui.themes import Theme

__all__ = [
    "ITEM",
    "KINDS",
    "OPEN",
    "STATUSES",
    "Found",
    "OwedCounts",
    "SearchHit",
    "SearchOrder",
    "SearchQuery",
    "Theme",
    "ThemeEntry",
    "ThemeQuery",
    "check_dates",
    "kind_label",
    "owed_by",
    "status_word",
]

#: Kinds as the command line takes them: the stored names, and a few shorter words.
KIND_WORDS: dict[str, str] = {
    **{k: k for k in KINDS},
    "request": RecordKind.INFORMATION_REQUEST.value,
    "requests": RecordKind.INFORMATION_REQUEST.value,
    "agenda": ITEM,
}


def kind_label(kind: str) -> str:
    """A kind as the screen names it: "Question", "Information request", "Agenda item"."""
    if kind == ITEM:
        return "Agenda item"
    try:
        return KIND_LABELS[RecordKind(kind)]
    except ValueError:
        return kind.replace("_", " ").capitalize()


def status_word(status: str) -> str:
    """A stored status as words: "partly given", "outstanding", "partly accepted"."""
    return "still owed" if status == OPEN else status.replace("_", " ")


def check_dates(start: dt.date | None, end: dt.date | None) -> None:
    """Refuse a date range that ends before it starts."""
    if start and end and start > end:
        raise ScrutuiError(f"The start date {start:%d/%m/%Y} is after the end date {end:%d/%m/%Y}.")


@dataclass(frozen=True)
class OwedCounts:
    """What is still owed by a person or body: requests outstanding (and overdue), recommendations
    awaiting their response."""

    requests: int
    overdue: int
    recommendations: int

    def sentence(self) -> str:
        """ "2 information requests outstanding (1 overdue) · 1 recommendation awaiting a response" """
        parts = [
            f"{self.requests} information request{'s' if self.requests != 1 else ''} outstanding"
            f" ({self.overdue} overdue)"
        ]
        if self.recommendations:
            plural = "s" if self.recommendations != 1 else ""
            parts.append(f"{self.recommendations} recommendation{plural} awaiting a response")
        return " · ".join(parts)


def owed_by(store: Store, person: str, as_at: dt.date, *, confidential: bool) -> OwedCounts:
    """What is still owed by `person` (any part of the name or role), as at `as_at`."""
    counts = {
        kind: store.tracker.counts(
            TrackerQuery(
                as_at=as_at, kind=kind, status=StatusFilter.ALL, of=person, confidential=confidential
            )
        )
        for kind in Tracked
    }
    requests, recommendations = counts[Tracked.REQUESTS], counts[Tracked.RECOMMENDATIONS]
    return OwedCounts(requests.get("outstanding"), requests.overdue, recommendations.get("awaited"))
