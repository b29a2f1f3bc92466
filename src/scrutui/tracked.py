"""An information request or a recommendation with where it was made: what the tracker lists and
an action log carries forward. Plain data (no I/O), so approved minutes can keep their action log
as it stood when they were approved (``formalities.MinutesSource.carried``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from scrutui.models import (
    THE_COMMITTEE,
    AgendaItem,
    ExecutiveResponse,
    InformationRequest,
    Recommendation,
    RequestStatus,
    VoteResult,
)


@dataclass(frozen=True)
class Origin:
    """Where a request or recommendation was made: the committee, meeting and agenda item."""

    committee_id: int
    committee: str
    meeting_id: int
    meeting_date: dt.date
    item: AgendaItem

    @property
    def exempt(self) -> bool:
        """True when it was made under an exempt (confidential) item."""
        return self.item.is_exempt


#: The page key: due date (None sorts first, as SQLite sorts NULL) and record id.
Key = tuple[dt.date | None, int]


@dataclass(frozen=True)
class TrackedRecord:
    """An information request or a recommendation with where it was made."""

    record: InformationRequest | Recommendation
    origin: Origin
    #: For an action log's entries: the day a response was recorded through that action log.
    reported_on: dt.date | None = None
    #: For a recommendation carried as a motion: its vote.
    vote: VoteResult | None = None
    #: Whom it was asked of as the minutes name them (an officer by role), once worked out
    #: (``scrutui.tracker.rules.as_minuted``); else as typed.
    of_as_minuted: str = ""

    @property
    def id(self) -> int:
        """The record's id."""
        assert self.record.id is not None
        return self.record.id

    @property
    def due(self) -> dt.date | None:
        """When the response is due."""
        if isinstance(self.record, InformationRequest):
            return self.record.due_date
        return self.record.response_due

    @property
    def key(self) -> Key:
        """Where it sorts in the tracker."""
        return (self.due, self.id)

    @property
    def of(self) -> str:
        """Whom it was asked of (a request) or to whom it was made (a recommendation)."""
        if isinstance(self.record, InformationRequest):
            return self.record.requested_of
        return self.record.addressee

    @property
    def named_of(self) -> str:
        """Whom it was asked of (or to whom it was made) as the minutes name them."""
        return self.of_as_minuted or self.of

    @property
    def asked_by(self) -> str:
        """Who asked for it: the member, or the Committee (recommendations are the Committee's)."""
        if isinstance(self.record, InformationRequest):
            return self.record.asked_by
        return THE_COMMITTEE

    @property
    def is_open(self) -> bool:
        """True while no response has been recorded."""
        if isinstance(self.record, InformationRequest):
            return self.record.status is RequestStatus.OUTSTANDING
        return self.record.response_status is ExecutiveResponse.AWAITED

    @property
    def closed_on(self) -> dt.date | None:
        """The date of the response (answer, refusal, withdrawal or the executive's response)."""
        if isinstance(self.record, InformationRequest):
            return self.record.answered_on
        return self.record.response_date

    @property
    def response(self) -> str:
        """The response's text (for a refusal, the reasons)."""
        if isinstance(self.record, InformationRequest):
            return self.record.response
        return self.record.response_text

    @property
    def status(self) -> str:
        """The status as stored (outstanding, answered ... or awaited, accepted ...)."""
        if isinstance(self.record, InformationRequest):
            return self.record.status.value
        return self.record.response_status.value

    def is_overdue(self, as_at: dt.date) -> bool:
        """True when still open and its due date has passed by `as_at`."""
        due = self.due
        return self.is_open and due is not None and due < as_at

    def as_row(self) -> TrackedRow:
        """The same request or recommendation as a list's row (as `TrackedRow` reads it from the store)."""
        record, origin, item = self.record, self.origin, self.origin.item
        by_hand = int(record.due_date_by_hand) if isinstance(record, InformationRequest) else 0
        due, closed = self.due, self.closed_on
        return TrackedRow(
            record.kind.value,
            self.id,
            record.text,
            self.of,
            due.isoformat() if due else None,
            by_hand,
            self.status,
            closed.isoformat() if closed else None,
            self.response,
            self.asked_by,
            origin.committee_id,
            origin.committee,
            origin.meeting_id,
            origin.meeting_date.isoformat(),
            item.number,
            item.minute_number,
            item.title,
            item.exempt_paragraph,
            self.named_of,
            self.vote,
        )


#: Statuses that mean no response has been recorded yet (a request's, a recommendation's).
OPEN_STATUSES = frozenset({RequestStatus.OUTSTANDING.value, ExecutiveResponse.AWAITED.value})


class TrackedRow(NamedTuple):
    """An information request or recommendation as a council-wide list prints it: the values as
    the database holds them (validated when they were written), so that a list of any length is
    read without a model being built for each row. Dates are ISO text, as stored (2026-11-23)."""

    kind: str  # "information_request" or "recommendation"
    id: int
    text: str
    #: Whom it was asked of (a request) or to whom it was made (a recommendation), as typed.
    of: str
    due: str | None
    due_by_hand: int
    #: As stored: outstanding, answered ... or awaited, accepted ...
    status: str
    #: The date of the response (answer, refusal, withdrawal or the executive's response).
    closed_on: str | None
    response: str
    #: Who asked for it: the member, or the Committee (recommendations are the Committee's).
    asked_by: str
    committee_id: int
    committee: str
    meeting_id: int
    meeting_date: str
    item_number: str
    item_minute_number: str
    item_title: str
    item_exempt_paragraph: int | None
    #: Whom it was asked of as the minutes name them (an officer by role); else as typed.
    named_of: str
    #: For a recommendation carried as a motion: its vote.
    vote: VoteResult | None = None

    @property
    def is_open(self) -> bool:
        """True while no response has been recorded."""
        return self.status in OPEN_STATUSES

    def is_overdue(self, as_at: dt.date) -> bool:
        """True when still open and its due date has passed by `as_at`."""
        return self.status in OPEN_STATUSES and self.due is not None and self.due < as_at.isoformat()

    @property
    def exempt(self) -> bool:
        """True when it was made under an exempt (confidential) item."""
        return self.item_exempt_paragraph is not None

    @property
    def due_date(self) -> dt.date | None:
        """When the response is due, as a date."""
        return dt.date.fromisoformat(self.due) if self.due else None

    @property
    def closed_date(self) -> dt.date | None:
        """When the response was recorded, as a date."""
        return dt.date.fromisoformat(self.closed_on) if self.closed_on else None

    @property
    def meeting_day(self) -> dt.date:
        """The date of the meeting it was made at."""
        return dt.date.fromisoformat(self.meeting_date)


def as_row(entry: TrackedRecord | TrackedRow) -> TrackedRow:
    """`entry` as a list's row."""
    return entry if isinstance(entry, TrackedRow) else entry.as_row()


__all__ = ["OPEN_STATUSES", "Key", "Origin", "TrackedRecord", "TrackedRow", "as_row"]
