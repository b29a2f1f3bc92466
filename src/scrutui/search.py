"""Searching every meeting, following a theme and a person: what the search screen, the theme and
person views and the ``scrutui search`` and ``scrutui themes`` commands share.

The queries are in `scrutui.store.search`; this module names things as a clerk reads them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

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
from scrutui.themes import Theme

__all__ = [
    "ITEM",
    "KINDS",
    "OPEN",
    "SHORT_KINDS",
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
    "short_kind",
    "status_word",
]

#: Kinds as the command line takes them: the stored names, and a few shorter words.
KIND_WORDS: dict[str, str] = {
    **{k: k for k in KINDS},
    "request": RecordKind.INFORMATION_REQUEST.value,
    "requests": RecordKind.INFORMATION_REQUEST.value,
    "agenda": ITEM,
}


#: Kinds as a narrow column names them.
SHORT_KINDS = {
    RecordKind.NARRATIVE.value: "Narrative",
    RecordKind.QUESTION.value: "Question",
    RecordKind.ASSURANCE.value: "Assurance",
    RecordKind.INFORMATION_REQUEST.value: "Request",
    RecordKind.RESOLUTION.value: "Resolution",
    RecordKind.RECOMMENDATION.value: "Recommend.",
    ITEM: "Agenda item",
}


def short_kind(kind: str) -> str:
    """A kind in at most 11 letters: "Request", "Recommend.", "Agenda item"."""
    return SHORT_KINDS.get(kind) or kind_label(kind)


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

    requests: Found
    overdue: Found
    recommendations: Found

    def sentence(self) -> str:
        """ "2 information requests outstanding (1 overdue) · 1 recommendation awaiting a response" """
        plural = "" if (self.requests.count, self.requests.more) == (1, False) else "s"
        parts = [f"{self.requests} information request{plural} outstanding ({self.overdue} overdue)"]
        if self.recommendations.count:
            plural = "" if (self.recommendations.count, self.recommendations.more) == (1, False) else "s"
            parts.append(f"{self.recommendations} recommendation{plural} awaiting a response")
        return " · ".join(parts)


def owed_by(store: Store, person: str, as_at: dt.date, *, confidential: bool) -> OwedCounts:
    """What is still owed by `person` (named as the search names them), as at `as_at`. Counted
    through the search index, up to its count's cap."""
    owed = SearchQuery(person=person, status=OPEN, confidential=confidential)
    requests = frozenset({RecordKind.INFORMATION_REQUEST.value})
    recommendations = frozenset({RecordKind.RECOMMENDATION.value})
    return OwedCounts(
        store.search.count(replace(owed, kinds=requests)),
        store.search.count(replace(owed, kinds=requests, overdue_on=as_at)),
        store.search.count(replace(owed, kinds=recommendations)),
    )
