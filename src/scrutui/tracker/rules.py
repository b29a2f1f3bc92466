"""The tracker: what is still owed to each committee, and recording what came of it.

Used alike by the tracker screen, the action log on the minuting screen, the ``scrutui requests``
command and the exports. "Today" is always passed in (``today=``), so what counts as overdue can
be worked out for any day, and tests fix it without touching the clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace

from scrutui import voting
from scrutui.errors import NotFound, ScrutuiError
from scrutui.minutes import long_date
from scrutui.minutes.speakers import speaker_reference
from scrutui.models import (
    AgendaItem,
    Committee,
    ExecutiveResponse,
    InformationRequest,
    Recommendation,
    RecordKind,
    RequestStatus,
    Resolution,
    clean_text,
)
from scrutui.store import Store
from scrutui.store.people import KnownPeople
from scrutui.store.records import RecordChanged
from scrutui.store.tracker import (
    Counts,
    StatusFilter,
    Tracked,
    TrackedRecord,
    TrackerQuery,
)
from scrutui.tracked import TrackedRow
from scrutui.tracker.documents import ItemDecisions, MeetingDecisions

__all__ = [
    "Counts",
    "StatusFilter",
    "Tracked",
    "TrackedRecord",
    "Tracker",
    "TrackerQuery",
    "as_minuted",
    "counts_line",
    "find_committee",
    "minuted_rows",
    "status_word",
]

#: What the status words mean, for the screen and the documents.
REQUEST_WORDS = {
    RequestStatus.OUTSTANDING: "outstanding",
    RequestStatus.ANSWERED: "answered",
    RequestStatus.REFUSED: "refused",
    RequestStatus.WITHDRAWN: "withdrawn",
}
RESPONSE_WORDS = {
    ExecutiveResponse.AWAITED: "awaited",
    ExecutiveResponse.ACCEPTED: "accepted",
    ExecutiveResponse.PARTLY_ACCEPTED: "partly accepted",
    ExecutiveResponse.REJECTED: "rejected",
    ExecutiveResponse.NOTED: "noted",
}
#: The status words by the status as stored (what a list's rows hold).
STATUS_WORDS = {
    **{status.value: word for status, word in REQUEST_WORDS.items()},
    **{status.value: word for status, word in RESPONSE_WORDS.items()},
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


def as_minuted(store: Store, entries: Sequence[TrackedRecord]) -> list[TrackedRecord]:
    """`entries` with whom each request was asked of named as the minutes name them: an officer
    typed by name ("Cara Dunn") by their role ("Director of Public Health")."""
    people: dict[int, KnownPeople] = {}
    named = []
    for entry in entries:
        if not isinstance(entry.record, InformationRequest) or not entry.of:
            named.append(entry)
            continue
        committee = entry.origin.committee_id
        if committee not in people:
            people[committee] = store.people.for_committee(committee)
        reference = speaker_reference(entry.of, people[committee])
        named.append(replace(entry, of_as_minuted=without_the(reference)))
    return named


def minuted_rows(store: Store, rows: Iterable[TrackedRow]) -> Iterator[TrackedRow]:
    """`rows` (as they are read) with whom each request was asked of named as the minutes name
    them, as `as_minuted` does; each name is worked out once for each committee."""
    people: dict[int, KnownPeople] = {}
    named: dict[tuple[int, str], str] = {}
    for row in rows:
        if row.kind != RecordKind.INFORMATION_REQUEST or not row.of:
            yield row
            continue
        key = (row.committee_id, row.of)
        name = named.get(key)
        if name is None:
            if row.committee_id not in people:
                people[row.committee_id] = store.people.for_committee(row.committee_id)
            name = named[key] = without_the(speaker_reference(row.of, people[row.committee_id])) or row.of
        yield row if name == row.named_of else row._replace(named_of=name)


def without_the(reference: str) -> str:
    """A name as a list's column gives it: "Director of Finance", not "the Director of Finance"."""
    return reference[4:] if reference.startswith("the ") else reference


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
        expected: int | None = None,
    ) -> TrackedRecord:
        """Record a response (an answer, a refusal with reasons, a withdrawal, or the executive's
        response to a recommendation) on the original record, dated `on` (today if None).

        Setting a request back to outstanding (or a recommendation back to awaited) clears the
        response; the record's history keeps it. Given the action log it was recorded through, that
        log notes the response was reported back there.

        `expected` is the record's version when the form was opened: if it was changed elsewhere
        since, nothing is saved over it (RecordChanged; the response typed is kept in its history).
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
        changed_elsewhere: RecordChanged | None = None
        with self.store.handle.write():
            try:
                self.store.records.update(validated, expected=expected)
            except RecordChanged as error:
                changed_elsewhere = error  # raised once the response typed is kept (committed)
            else:
                if action_log_item_id is not None:
                    self.store.tracker.mark_reported(action_log_item_id, record_id, day)
        if changed_elsewhere is not None:
            raise changed_elsewhere
        return self.get(record_id)

    def set_due(self, record_id: int, due: dt.date | None, *, expected: int | None = None) -> TrackedRecord:
        """Set the due date by hand; None works it out again from the meeting and the committee.
        `expected`: as for `respond`."""
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
        self.store.records.update(type(changed).model_validate(changed.model_dump()), expected=expected)
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
        `confidential`). Only the items with decisions, and of their records only the decisions
        and the motions carried as them, are read."""
        by_meeting: dict[int, list[AgendaItem]] = {}
        for item in self.store.agenda.with_decisions(meeting_ids, confidential=confidential):
            by_meeting.setdefault(item.meeting_id, []).append(item)
        records = self.store.records.decisions([i.id for items in by_meeting.values() for i in items if i.id])
        found: list[MeetingDecisions] = []
        committees: dict[int, Committee] = {}
        for meeting_id in meeting_ids:
            meeting = self.store.meetings.get(meeting_id)
            committee = committees.get(meeting.committee_id) or self.store.committees.get(
                meeting.committee_id
            )
            committees[meeting.committee_id] = committee
            items = []
            for item in by_meeting.get(meeting_id, []):
                under = records.get(item.id or 0, [])
                resolutions = tuple(r for r in under if isinstance(r, Resolution))
                recommendations = tuple(r for r in under if isinstance(r, Recommendation))
                votes = {key: motion.result for key, motion in voting.votes_by_decision(under).items()}
                if resolutions or recommendations:
                    items.append(ItemDecisions(item, resolutions, recommendations, votes))
            found.append(MeetingDecisions(meeting, committee, tuple(items)))
        return found
