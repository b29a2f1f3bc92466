"""An information request or a recommendation with where it was made: what the tracker lists and
an action log carries forward. Plain data (no I/O), so approved minutes can keep their action log
as it stood when they were approved (``formalities.MinutesSource.carried``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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


__all__ = ["Key", "Origin", "TrackedRecord"]
