"""The tracker: what is still owed to each committee, and recording what came of it.

Used alike by the tracker screen, the action log on the minuting screen, the ``scrutui requests``
command and the exports. "Today" is always passed in (``today=``), so what counts as overdue can
be worked out for any day, and tests fix it without touching the clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from scrutui.errors import NotFound, ScrutuiError
from scrutui.lists import ItemDecisions, MeetingDecisions
from scrutui.minutes import long_date
from scrutui.models import (
    Committee,
    ExecutiveResponse,
    InformationRequest,
    Recommendation,
    RequestStatus,
    Resolution,
    clean_text,
)
from scrutui.store import Store
from scrutui.store.tracker import (
    Counts,
    StatusFilter,
    Tracked,
    TrackedRecord,
    TrackedRow,
    TrackerQuery,
)

__all__ = [
    "Counts",
    "StatusFilter",
    "Tracked",
    "TrackedRecord",
    "Tracker",
    "TrackerQuery",
    "counts_line",
    "find_committee",
    "status_word",
]

#: What the status words mean, for the screen and the documents (by the status as stored).
STATUS_WORDS = {
    RequestStatus.OUTSTANDING.value: "outstanding",
    RequestStatus.ANSWERED.value: "answered",
    RequestStatus.REFUSED.value: "refused",
    RequestStatus.WITHDRAWN.value: "withdrawn",
    ExecutiveResponse.AWAITED.value: "awaited",
    ExecutiveResponse.ACCEPTED.value: "accepted",
    ExecutiveResponse.PARTLY_ACCEPTED.value: "partly accepted",
    ExecutiveResponse.REJECTED.value: "rejected",
    ExecutiveResponse.NOTED.value: "noted",
}
#: Responses that must say something: an answer, the reasons for a refusal, why a recommendation
#: was rejected or only partly accepted.
NEEDS_TEXT = {
    RequestStatus.ANSWERED: "Type the response (what was provided, or where it was sent).",
    RequestStatus.REFUSED: "A refusal needs its reasons in writing: type them.",
    ExecutiveResponse.PARTLY_ACCEPTED: "Say what the executive did not accept.",
    ExecutiveResponse.REJECTED: "Type the executive's reasons for rejecting the recommendation.",
}


def status_word(tracked: TrackedRecord | TrackedRow, as_at: dt.date) -> str:
    """The status as a member reads it: "overdue", "outstanding", "answered", "partly accepted" ..."""
    if tracked.is_overdue(as_at):
        return "overdue"
    return STATUS_WORDS[tracked.status]


def counts_line(counts: Counts, kind: Tracked) -> str:
    """ "4 outstanding (1 overdue) · 12 answered · 1 refused · 0 withdrawn", always every status."""
    if kind is Tracked.REQUESTS:
        return (
            f"{counts.get('outstanding')} outstanding ({counts.overdue} overdue) · "
            f"{counts.get('answered')} answered · {counts.get('refused')} refused · "
            f"{counts.get('withdrawn')} withdrawn"
        )
    return (
        f"{counts.get('awaited')} awaited ({counts.overdue} overdue) · "
        f"{counts.get('accepted')} accepted · {counts.get('partly_accepted')} partly accepted · "
        f"{counts.get('rejected')} rejected · {counts.get('noted')} noted"
    )


def find_committee(store: Store, name: str) -> Committee:
    """The committee called `name`, or the only one whose name contains it; else a clear error."""
    wanted = " ".join(name.split())
    if not wanted:
        raise ScrutuiError("Give the committee's name.")
    exact = store.committees.by_name(wanted)
    if exact is not None:
        return exact
    everyone = store.committees.all()
    found = [c for c in everyone if wanted.casefold() in c.name.casefold()]
    if len(found) == 1:
        return found[0]
    if found:
        names = "; ".join(c.name for c in found[:4])
        raise ScrutuiError(f"{wanted!r} matches more than one committee ({names}): give more of the name.")
    known = "; ".join(c.name for c in everyone[:6]) or "none yet"
    raise NotFound(f"There is no committee called {wanted!r} (committees: {known}).")


class Tracker:
    """Information requests and recommendations across every meeting, and their responses."""

    def __init__(self, store: Store, today: Callable[[], dt.date] | None = None) -> None:
        self.store = store
        self._today = today or dt.date.today

    def today(self) -> dt.date:
        """The day that counts as today (what is overdue is worked out against it)."""
        return self._today()

    def query(self, **filters: object) -> TrackerQuery:
        """A query as at today, with the given filters."""
        return TrackerQuery(as_at=self.today(), **filters)  # type: ignore[arg-type]

    def get(self, record_id: int) -> TrackedRecord:
        """A request or recommendation with where it was made."""
        for kind in Tracked:
            found = self.store.tracker.get(kind, record_id)
            if found is not None:
                return found
        raise NotFound(f"There is no information request or recommendation with id {record_id}.")

    # --- recording responses ----------------------------------------------------------------------

    def respond(
        self,
        record_id: int,
        status: RequestStatus | ExecutiveResponse,
        on: dt.date | None,
        text: str,
        *,
        action_log_item_id: int | None = None,
    ) -> TrackedRecord:
        """Record a response (an answer, a refusal with reasons, a withdrawal, or the executive's
        response to a recommendation) on the original record, dated `on` (today if None).

        Setting a request back to outstanding (or a recommendation back to awaited) clears the
        response; the record's history keeps it. Given the action log it was recorded through, that
        log notes the response was reported back there.
        """
        tracked = self.get(record_id)
        record = tracked.record
        text = clean_text(text)
        reopening = status in (RequestStatus.OUTSTANDING, ExecutiveResponse.AWAITED)
        day = None if reopening else (on or self.today())
        if day is not None:
            self._check_response_date(tracked, day)
        if not reopening and status in NEEDS_TEXT and not text:
            raise ScrutuiError(NEEDS_TEXT[status])
        changed: InformationRequest | Recommendation
        if isinstance(record, InformationRequest):
            if not isinstance(status, RequestStatus):
                raise ScrutuiError("An information request is answered, refused or withdrawn.")
            changed = record.model_copy(
                update={"status": status, "answered_on": day, "response": "" if reopening else text}
            )
        else:
            if not isinstance(status, ExecutiveResponse):
                raise ScrutuiError(
                    "The executive's response is accepted, partly accepted, rejected or noted."
                )
            changed = record.model_copy(
                update={
                    "response_status": status,
                    "response_date": day,
                    "response_text": "" if reopening else text,
                }
            )
        # model_copy skips validation: validate the changed record as a whole before saving it.
        validated = type(changed).model_validate(changed.model_dump())
        with self.store.handle.write():
            self.store.records.update(validated)
            if action_log_item_id is not None:
                self.store.tracker.mark_reported(action_log_item_id, record_id, day)
        return self.get(record_id)

    def set_due(self, record_id: int, due: dt.date | None) -> TrackedRecord:
        """Set the due date by hand; None works it out again from the meeting and the committee."""
        tracked = self.get(record_id)
        if due is not None and due < tracked.origin.meeting_date:
            raise ScrutuiError(
                f"The due date cannot be before the meeting it was made at ({long_date(tracked.origin.meeting_date)})."
            )
        record = tracked.record
        if isinstance(record, InformationRequest):
            changed: InformationRequest | Recommendation = record.model_copy(
                update={"due_date": due, "due_date_by_hand": due is not None}
            )
        else:
            changed = record.model_copy(update={"response_due": due})
        self.store.records.update(type(changed).model_validate(changed.model_dump()))
        return self.get(record_id)

    def _check_response_date(self, tracked: TrackedRecord, day: dt.date) -> None:
        if day > self.today():
            raise ScrutuiError(f"The response date {day:%d/%m/%Y} is in the future.")
        if day < tracked.origin.meeting_date:
            raise ScrutuiError(
                f"The response date {day:%d/%m/%Y} is before the meeting it was asked at "
                f"({long_date(tracked.origin.meeting_date)})."
            )

    # --- the action log ---------------------------------------------------------------------------

    def add_action_log(self, meeting_id: int) -> int:
        """Give a meeting its action log (or bring it up to date); returns the agenda item's id."""
        self.store.meetings.get(meeting_id)
        return self.store.tracker.add_action_log(meeting_id)

    def outstanding_for(self, meeting_id: int) -> int:
        """How many earlier requests and recommendations a meeting's action log would list."""
        return len(self.store.tracker.carried_forward(meeting_id))

    # --- the chair's list -------------------------------------------------------------------------

    def meetings_between(
        self, committee_id: int, start: dt.date | None = None, end: dt.date | None = None
    ) -> list[int]:
        """The committee's meetings from `start` to `end` (either open), oldest first."""
        if start and end and start > end:
            raise ScrutuiError(f"The start date {start:%d/%m/%Y} is after the end date {end:%d/%m/%Y}.")
        return [m.id for m in self.store.meetings.between(committee_id, start, end) if m.id is not None]

    def decisions(self, meeting_ids: Sequence[int], *, confidential: bool) -> list[MeetingDecisions]:
        """Each meeting's resolutions and recommendations, item by item (exempt items only when
        `confidential`)."""
        decided = self.store.records.decisions(meeting_ids, confidential=confidential)
        committees: dict[int, Committee] = {}
        found: list[MeetingDecisions] = []
        for meeting_id in meeting_ids:
            meeting = self.store.meetings.get(meeting_id)
            committee = committees.get(meeting.committee_id) or self.store.committees.get(meeting.committee_id)
            committees[meeting.committee_id] = committee
            items = tuple(
                ItemDecisions(
                    item,
                    tuple(r for r in under if isinstance(r, Resolution)),
                    tuple(r for r in under if isinstance(r, Recommendation)),
                )
                for item, under in decided.get(meeting_id, [])
            )
            found.append(MeetingDecisions(meeting, committee, items))
        return found
