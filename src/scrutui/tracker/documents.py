"""The members' and chairs' lists as documents: the tracker of information requests, and the chair's
list of resolutions and recommendations with what came of them. Pure: no I/O, no Word.

Each list is built twice from the same data: as rows (for CSV and JSON) and as a document of
paragraphs in the minutes' named styles (for Word), so a council's template styles these lists as
it styles its minutes.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from scrutui.minutes import (
    Paragraph,
    Style,
    agreed_form,
    clause,
    decision,
    long_date,
    minute_number,
    part_label,
    recommended_form,
    resolved_form,
    sentence,
)
from scrutui.minutes.votes import vote_summary
from scrutui.models import (
    AgendaItem,
    Committee,
    ExecutiveResponse,
    LabelStyle,
    Meeting,
    MinutesStatus,
    Recommendation,
    Resolution,
    ResolutionForm,
    VoteResult,
    the,
)
from scrutui.store.tracker import Counts, StatusFilter, Tracked, TrackedRecord, TrackerQuery
from scrutui.tracked import TrackedRow, as_row

#: What the tracker's lists are made from: rows as the store streams them, or tracked records.
Entry = TrackedRecord | TrackedRow


@dataclass(frozen=True)
class ListDocument:
    """A list ready for any renderer: a title block, then paragraphs in the minutes' styles."""

    title: str
    subtitle: str
    body: tuple[Paragraph, ...]
    confidential: bool = False
    properties: dict[str, str] = field(default_factory=dict)
    #: For the template's header ({{ committee }}) and footer ({{ date }}): whose list, and as at when.
    committee: str = ""
    as_at: dt.date | None = None

    def paragraphs(self) -> Iterable[Paragraph]:
        """Every paragraph in document order."""
        yield Paragraph(Style.TITLE, self.title)
        yield Paragraph(Style.SUBTITLE, self.subtitle)
        if self.confidential:
            yield Paragraph(Style.MARK, "CONFIDENTIAL")
        yield from self.body


def short_date(day: dt.date | None) -> str:
    """A date as tables show it: 24/11/2026 (blank for none)."""
    return day.strftime("%d/%m/%Y") if day else ""


def minute_reference(item: AgendaItem) -> str:
    """An item's minute number without its closing full stop ("4", "60/25")."""
    return minute_number(item).rstrip(".")


@functools.lru_cache(maxsize=4096)
def _row_minute(minute: str, number: str) -> str:
    # A list of thousands of rows holds few numbers: each is worked out once, the minutes' own way.
    return minute_reference(AgendaItem.model_construct(meeting_id=0, title="", number=number, minute_number=minute))


def row_minute(entry: TrackedRow) -> str:
    """The minute number of the item a tracked row was made under ("4", "60/25")."""
    return _row_minute(entry.item_minute_number, entry.item_number)


def _days_overdue(entry: TrackedRow, as_at: dt.date) -> int:
    due = entry.due_date if entry.is_overdue(as_at) else None
    return (as_at - due).days if due is not None else 0


# --- information requests ------------------------------------------------------------------------

#: The tracker's CSV columns, in order.
REQUEST_COLUMNS = (
    "committee",
    "meeting_id",
    "meeting_date",
    "minute",
    "item",
    "request_id",
    "requested",
    "asked_by",
    "of",
    "due",
    "due_set_by_hand",
    "status",
    "overdue",
    "days_overdue",
    "answered_on",
    "response",
    "exempt",
)

_FILTER_WORDS = {
    StatusFilter.OUTSTANDING: "Outstanding",
    StatusFilter.OVERDUE: "Overdue",
    StatusFilter.ANSWERED: "Answered",
    StatusFilter.REFUSED: "Refused",
    StatusFilter.WITHDRAWN: "Withdrawn",
    StatusFilter.ALL: "All",
}
_GROUPS = ("overdue", "outstanding", "answered", "refused", "withdrawn")
_GROUP_HEADINGS = {
    "overdue": "Overdue",
    "outstanding": "Outstanding, not yet due",
    "answered": "Answered",
    "refused": "Refused",
    "withdrawn": "Withdrawn",
}


def _request_group(entry: TrackedRow, as_at: dt.date) -> str:
    return "overdue" if entry.is_overdue(as_at) else entry.status


def _origin_values(entry: TrackedRow) -> tuple[Any, ...]:
    """Where a tracked record was made, and its words: the first columns of either list."""
    return (
        entry.committee,
        entry.meeting_id,
        entry.meeting_date,
        row_minute(entry),
        entry.item_title,
        entry.id,
        entry.text,
    )


def request_row(entry: Entry, as_at: dt.date) -> dict[str, Any]:
    """One information request as a flat row (CSV and JSON)."""
    return dict(zip(REQUEST_COLUMNS, request_values(entry, as_at), strict=True))


def request_values(entry: Entry, as_at: dt.date) -> tuple[Any, ...]:
    """One information request's values in the order of `REQUEST_COLUMNS` (a CSV line)."""
    entry = as_row(entry)
    return (
        *_origin_values(entry),
        entry.asked_by,
        entry.named_of,
        entry.due or "",
        bool(entry.due_by_hand),
        entry.status,
        entry.is_overdue(as_at),
        _days_overdue(entry, as_at),
        entry.closed_on or "",
        entry.response,
        entry.exempt,
    )


def filter_description(query: TrackerQuery, committee: str | None = None) -> str:
    """The filters in words: "outstanding · Health Scrutiny Committee · asked of "Director""."""
    parts = [_FILTER_WORDS[query.status].lower()]
    if committee:
        parts.append(committee)
    if query.of.strip():
        parts.append(f"{'asked of' if query.kind is Tracked.REQUESTS else 'to'} “{query.of.strip()}”")
    if query.asked_by.strip() and query.kind is Tracked.REQUESTS:
        parts.append(f"asked by “{query.asked_by.strip()}”")
    return " · ".join(parts)


def empty_message(query: TrackerQuery, committee: str | None = None) -> str:
    """What an empty list says, in the list's own words."""
    noun = "information requests" if query.kind is Tracked.REQUESTS else "recommendations"
    status = {
        StatusFilter.OUTSTANDING: "outstanding ",
        StatusFilter.OVERDUE: "overdue ",
        StatusFilter.ANSWERED: "answered ",
        StatusFilter.REFUSED: "refused ",
        StatusFilter.WITHDRAWN: "withdrawn ",
        StatusFilter.ALL: "",
    }[query.status]
    where = f" for {committee}" if committee else ""
    of = ""
    if query.of.strip():
        of = f" {'asked of' if query.kind is Tracked.REQUESTS else 'made to'} “{query.of.strip()}”"
    if query.asked_by.strip() and query.kind is Tracked.REQUESTS:
        of += f" asked by “{query.asked_by.strip()}”"
    return f"There are no {status}{noun}{of}{where} as at {long_date(query.as_at)}."


def request_counts_sentence(counts: Counts) -> str:
    """The counts of every status as a sentence."""
    return (
        f"In all: {counts.get('outstanding')} outstanding ({counts.overdue} overdue), "
        f"{counts.get('answered')} answered, {counts.get('refused')} refused and "
        f"{counts.get('withdrawn')} withdrawn."
    )


def _request_paragraphs(entry: TrackedRow, label: str, as_at: dt.date) -> list[Paragraph]:
    number = row_minute(entry)
    where = f"minute {number}, {entry.item_title}" if number else entry.item_title
    asked = f"Asked by {entry.asked_by}"
    if entry.named_of:
        asked += f" of {the(entry.named_of)}"
    details = f"{asked} at the meeting on {long_date(entry.meeting_day)} ({where})."
    due = entry.due_date
    if due:
        details += f" Due by {long_date(due)}"
        if entry.is_overdue(as_at):
            days = (as_at - due).days
            details += f": overdue by {days} day{'s' if days != 1 else ''}"
        details += "."
    paragraphs = [Paragraph(Style.PART, sentence(entry.text), label=label), Paragraph(Style.BODY, details)]
    if not entry.is_open:
        word = {"answered": "Answered", "refused": "Refused", "withdrawn": "Withdrawn"}[entry.status]
        closed = entry.closed_date
        when = f" on {long_date(closed)}" if closed else ""
        response = sentence(entry.response) if entry.response else ""
        lead = " Reasons:" if entry.status == "refused" and response else ""
        paragraphs.append(Paragraph(Style.BODY, f"{word}{when}.{lead} {response}".strip()))
    return paragraphs


def requests_document(
    entries: Sequence[Entry],
    counts: Counts,
    query: TrackerQuery,
    *,
    committee: str | None = None,
) -> ListDocument:
    """The tracker as a document: grouped by committee, and in each the overdue first.

    For a query of recommendations, the recommendations and the executive's responses.
    """
    as_at = query.as_at
    requests = query.kind is Tracked.REQUESTS
    noun = "requests" if requests else "recommendations"
    subtitle = f"{_FILTER_WORDS[query.status]} {noun} as at {long_date(as_at)}"
    if committee:
        subtitle += f" · {committee}"
    if query.of.strip():
        subtitle += f" · {'asked of' if requests else 'made to'} “{query.of.strip()}”"
    if query.asked_by.strip() and requests:
        subtitle += f" · asked by “{query.asked_by.strip()}”"
    counted = request_counts_sentence(counts) if requests else recommendation_counts_sentence(counts)
    body: list[Paragraph] = [Paragraph(Style.BODY, counted)]
    if not entries:
        body.append(Paragraph(Style.BODY, empty_message(query, committee)))
    by_committee: dict[str, list[TrackedRow]] = {}
    for entry in map(as_row, entries):
        by_committee.setdefault(entry.committee, []).append(entry)
    groups, headings = (_GROUPS, _GROUP_HEADINGS) if requests else (_REC_GROUPS, _REC_GROUP_HEADINGS)
    describe = _request_paragraphs if requests else _recommendation_paragraphs
    for name in sorted(by_committee, key=str.casefold):
        body.append(Paragraph(Style.ITEM_HEADING, name))
        number = 0
        for group in groups:
            found = [e for e in by_committee[name] if _request_group(e, as_at) == group]
            if not found:
                continue
            body.append(Paragraph(Style.THEME, f"{headings[group]} ({len(found)})"))
            for entry in found:
                number += 1
                body += describe(entry, f"{number}.", as_at)
    title = "Information requests" if requests else "Recommendations to the executive"
    return ListDocument(
        title=title,
        subtitle=subtitle,
        body=tuple(body),
        confidential=query.confidential,
        committee=committee or "Scrutiny committees",
        as_at=as_at,
        properties={
            "title": f"{title} as at {long_date(as_at)}",
            "subject": subtitle,
            "keywords": f"scrutiny; {noun}; tracker",
        },
    )


_REC_GROUPS = ("overdue", "awaited", "accepted", "partly_accepted", "rejected", "noted")
_REC_GROUP_HEADINGS = {
    "overdue": "Response overdue",
    "awaited": "Response awaited, not yet due",
    "accepted": "Accepted",
    "partly_accepted": "Partly accepted",
    "rejected": "Rejected",
    "noted": "Noted",
}

#: The CSV columns of the recommendations tracker, in order.
RECOMMENDATION_COLUMNS = (
    "committee",
    "meeting_id",
    "meeting_date",
    "minute",
    "item",
    "record_id",
    "recommended",
    "to",
    "vote",
    "response_due",
    "response_status",
    "overdue",
    "days_overdue",
    "response_date",
    "response_text",
    "exempt",
)


def recommendation_counts_sentence(counts: Counts) -> str:
    """The counts of every executive response as a sentence."""
    return (
        f"In all: {counts.get('awaited')} awaiting a response ({counts.overdue} overdue), "
        f"{counts.get('accepted')} accepted, {counts.get('partly_accepted')} partly accepted, "
        f"{counts.get('rejected')} rejected and {counts.get('noted')} noted."
    )


def _recommendation_paragraphs(entry: TrackedRow, label: str, as_at: dt.date) -> list[Paragraph]:
    number = row_minute(entry)
    where = f"minute {number}, {entry.item_title}" if number else entry.item_title
    details = f"Made to {entry.of} at the meeting on {long_date(entry.meeting_day)} ({where})."
    if entry.vote is not None:
        details += f" {vote_summary(entry.vote)}."
    due = entry.due_date
    if due:
        details += f" Response due by {long_date(due)}"
        if entry.is_overdue(as_at):
            days = (as_at - due).days
            details += f": overdue by {days} day{'s' if days != 1 else ''}"
        details += "."
    paragraphs = [
        Paragraph(Style.PART, f"That {clause(entry.text)}.", label=label),
        Paragraph(Style.BODY, details),
    ]
    if not entry.is_open:
        response = response_words(ExecutiveResponse(entry.status), due, entry.closed_date, entry.response, as_at)
        paragraphs.append(Paragraph(Style.BODY, response))
    return paragraphs


def recommendation_row(entry: Entry, as_at: dt.date) -> dict[str, Any]:
    """One recommendation and the executive's response as a flat row (CSV and JSON)."""
    return dict(zip(RECOMMENDATION_COLUMNS, recommendation_values(entry, as_at), strict=True))


def recommendation_values(entry: Entry, as_at: dt.date) -> tuple[Any, ...]:
    """One recommendation's values in the order of `RECOMMENDATION_COLUMNS` (a CSV line)."""
    entry = as_row(entry)
    return (
        *_origin_values(entry),
        entry.of,
        vote_summary(entry.vote) if entry.vote is not None else "",
        entry.due or "",
        entry.status,
        entry.is_overdue(as_at),
        _days_overdue(entry, as_at),
        entry.closed_on or "",
        entry.response,
        entry.exempt,
    )


def tracker_values(
    entries: Iterable[Entry], query: TrackerQuery
) -> tuple[tuple[str, ...], Iterator[tuple[Any, ...]]]:
    """The tracker's CSV columns and each row's values in their order (made as `entries` are read)."""
    if query.kind is Tracked.REQUESTS:
        return REQUEST_COLUMNS, (request_values(e, query.as_at) for e in entries)
    return RECOMMENDATION_COLUMNS, (recommendation_values(e, query.as_at) for e in entries)


def tracker_rows(
    entries: Iterable[Entry], query: TrackerQuery
) -> tuple[tuple[str, ...], Iterator[dict[str, Any]]]:
    """The tracker's CSV columns and rows (made as `entries` are read), for requests or
    recommendations as the query lists."""
    if query.kind is Tracked.REQUESTS:
        return REQUEST_COLUMNS, (request_row(e, query.as_at) for e in entries)
    return RECOMMENDATION_COLUMNS, (recommendation_row(e, query.as_at) for e in entries)


def requests_json(entries: Iterable[Entry], counts: Counts, query: TrackerQuery) -> dict[str, Any]:
    """The tracker as a JSON object: the filters, the counts and the requests (or recommendations),
    these an iterator made as `entries` are read (``scrutui.export.lists`` writes it as it comes)."""
    requests = query.kind is Tracked.REQUESTS
    statuses = (
        ("outstanding", "answered", "refused", "withdrawn")
        if requests
        else ("awaited", "accepted", "partly_accepted", "rejected", "noted")
    )
    stream = iter(entries)
    first = next(stream, None)
    listed = itertools.chain([first] if first is not None else [], stream)
    return {
        "list": "information_requests" if requests else "recommendations",
        "as_at": query.as_at.isoformat(),
        "filters": {
            "status": query.status.value,
            "committee_id": query.committee_id,
            "of": query.of or None,
            "asked_by": (query.asked_by or None) if requests else None,
            "confidential": query.confidential,
        },
        "counts": {**{s: counts.get(s) for s in statuses}, "overdue": counts.overdue},
        "message": None if first is not None else empty_message(query),
        "requests" if requests else "recommendations": map(with_nulls, tracker_rows(listed, query)[1]),
    }


def with_nulls(row: dict[str, Any]) -> dict[str, Any]:
    """A row for JSON: a missing value (an empty date, no response yet) is null, not ""."""
    return {key: None if value == "" else value for key, value in row.items()}


# --- resolutions and recommendations -------------------------------------------------------------

#: The resolutions list's CSV columns, in order.
RESOLUTION_COLUMNS = (
    "committee",
    "meeting_id",
    "meeting_date",
    "minutes_status",
    "minute",
    "item",
    "record_id",
    "decision",
    "label",
    "text",
    "addressee",
    "vote",
    "response_due",
    "response_status",
    "response_date",
    "response_text",
    "overdue",
    "exempt",
)


@dataclass(frozen=True)
class ItemDecisions:
    """What was resolved, agreed and recommended under one agenda item."""

    item: AgendaItem
    resolutions: tuple[Resolution, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    #: The vote of each decision carried as a motion, by the decision's record id.
    votes: Mapping[int, VoteResult] = field(default_factory=dict)

    def vote(self, decision: Resolution | Recommendation) -> str:
        """The decision's vote in a few words ("" when it was not carried as a motion)."""
        found = self.votes.get(decision.id or 0)
        return vote_summary(found) if found is not None else ""


@dataclass(frozen=True)
class MeetingDecisions:
    """One meeting's decisions, item by item."""

    meeting: Meeting
    committee: Committee
    items: tuple[ItemDecisions, ...]


def response_sentence(record: Recommendation, as_at: dt.date) -> str:
    """The executive's response as the chair's list gives it."""
    return response_words(
        record.response_status, record.response_due, record.response_date, record.response_text, as_at
    )


def response_words(
    status: ExecutiveResponse, due: dt.date | None, on: dt.date | None, text: str, as_at: dt.date
) -> str:
    """The executive's response in words: "Response awaited: due by ...", "Response: accepted on ..."."""
    if status is ExecutiveResponse.AWAITED:
        if due is None:
            return "Response awaited."
        late = " (overdue)" if due < as_at else ""
        return f"Response awaited: due by {long_date(due)}{late}."
    word = status.value.replace("_", " ")
    when = f" on {long_date(on)}" if on else ""
    words = f"Response: {word}{when}."
    return f"{words} {sentence(text)}" if text else words


def _vote_notes(decisions: ItemDecisions, parts: Sequence[Resolution], labels: LabelStyle) -> list[Paragraph]:
    """Under a decision: the vote each of its parts was carried by ("(b) Carried on a recorded vote ...")."""
    notes = []
    for index, part in enumerate(parts, start=1):
        vote = decisions.vote(part)
        if vote:
            label = f"{part_label(index, labels)} " if len(parts) > 1 else ""
            notes.append(Paragraph(Style.BODY, f"{label}{vote}."))
    return notes


def _item_paragraphs(decisions: ItemDecisions, committee: Committee, as_at: dt.date) -> list[Paragraph]:
    """One item's decisions in the committee's house style, each with the vote that carried it, and
    each recommendation followed by what came of it."""
    paragraphs: list[Paragraph] = []
    resolved = [r for r in decisions.resolutions if r.form is ResolutionForm.RESOLVED]
    agreed = [r for r in decisions.resolutions if r.form is ResolutionForm.AGREED]
    for form, parts in ((resolved_form(committee), resolved), (agreed_form(committee), agreed)):
        paragraphs += decision(form, [r.text for r in parts])
        paragraphs += _vote_notes(decisions, parts, form.labels)
    by_body: dict[str, list[Recommendation]] = {}
    for recommendation in decisions.recommendations:
        by_body.setdefault(recommendation.addressee, []).append(recommendation)
    for body, recommendations in by_body.items():
        form = recommended_form(committee, body)
        worded = decision(form, [r.text for r in recommendations])
        if len(recommendations) == 1:
            only = recommendations[0]
            paragraphs += worded
            paragraphs += [Paragraph(Style.BODY, f"{vote}.") for vote in [decisions.vote(only)] if vote]
            paragraphs.append(Paragraph(Style.BODY, response_sentence(only, as_at)))
            continue
        paragraphs.append(worded[0])
        for part, recommendation in zip(worded[1:], recommendations, strict=True):
            paragraphs.append(part)
            paragraphs += [Paragraph(Style.BODY, f"{vote}.") for vote in [decisions.vote(recommendation)] if vote]
            paragraphs.append(Paragraph(Style.BODY, response_sentence(recommendation, as_at)))
    return paragraphs


def resolutions_document(
    meetings: Sequence[MeetingDecisions],
    *,
    as_at: dt.date,
    heading: str,
    scope: str,
    confidential: bool = False,
) -> ListDocument:
    """The chair's list: for each meeting, its decisions under their minute numbers, with the
    executive's response to each recommendation.

    `heading` is the title (the committee's name); `scope` says which meetings ("the meeting held
    on 10 November 2026", "meetings from 1 September 2026 to 30 November 2026").
    """
    body: list[Paragraph] = []
    awaited = sum(
        1
        for m in meetings
        for i in m.items
        for r in i.recommendations
        if r.response_status is ExecutiveResponse.AWAITED
    )
    total = sum(len(i.recommendations) for m in meetings for i in m.items)
    if total:
        body.append(
            Paragraph(
                Style.BODY,
                f"{total} recommendation{'s' if total != 1 else ''}, of which {awaited} "
                f"{'is' if awaited == 1 else 'are'} awaiting a response, as at {long_date(as_at)}.",
            )
        )
    shown = [m for m in meetings if m.items]
    if not shown:
        body.append(Paragraph(Style.BODY, f"No resolutions or recommendations were recorded for {scope}."))
    for found in shown:
        held = f"Meeting held on {long_date(found.meeting.date)}"
        standing = minutes_standing(found.meeting)
        body.append(Paragraph(Style.SECTION, f"{held} ({standing})" if standing else held))
        for decisions in found.items:
            body.append(
                Paragraph(Style.ITEM_HEADING, decisions.item.title, label=minute_number(decisions.item))
            )
            body += _item_paragraphs(decisions, found.committee, as_at)
    return ListDocument(
        title=heading,
        subtitle=f"Resolutions and recommendations: {scope}",
        body=tuple(body),
        confidential=confidential,
        committee=heading,
        as_at=as_at,
        properties={
            "title": f"{heading}: resolutions and recommendations",
            "subject": f"Resolutions and recommendations: {scope}",
            "keywords": f"{heading}; resolutions; recommendations",
        },
    )


def minutes_standing(meeting: Meeting) -> str:
    """Whether a meeting's minutes are yet the record: "" once approved, else what they are."""
    if meeting.status is MinutesStatus.APPROVED:
        return ""
    if meeting.status is MinutesStatus.ISSUED:
        return "minutes issued, not yet approved"
    return "draft minutes, not yet approved"


def resolution_rows(meetings: Sequence[MeetingDecisions], as_at: dt.date) -> list[dict[str, Any]]:
    """Every resolution and recommendation as a flat row (CSV), meeting by meeting, item by item."""
    return [row for found in meetings for row in _meeting_rows(found, as_at)]


def _meeting_rows(found: MeetingDecisions, as_at: dt.date) -> Iterator[dict[str, Any]]:
    """One meeting's resolutions and recommendations as flat rows, item by item."""
    labels = _labels(found.committee)
    for decisions in found.items:
        yield from _item_rows(found, decisions, labels, as_at)


def _labels(committee: Committee) -> dict[str, LabelStyle]:
    """How the committee labels the parts of each kind of decision."""
    return {
        "resolved": resolved_form(committee).labels,
        "agreed": agreed_form(committee).labels,
        "recommended": recommended_form(committee, "").labels,
    }


def _item_rows(
    found: MeetingDecisions, decisions: ItemDecisions, labels: Mapping[str, LabelStyle], as_at: dt.date
) -> list[dict[str, Any]]:
    """One item's resolutions and recommendations as flat rows."""
    rows: list[dict[str, Any]] = []
    base = {
        "committee": found.committee.name,
        "meeting_id": found.meeting.id,
        "meeting_date": found.meeting.date.isoformat(),
        "minutes_status": found.meeting.status.value,
        "minute": minute_reference(decisions.item),
        "item": decisions.item.title,
        "exempt": decisions.item.is_exempt,
    }
    counters: dict[str, int] = {}
    for resolution in decisions.resolutions:
        form = "agreed" if resolution.form is ResolutionForm.AGREED else "resolved"
        counters[form] = counters.get(form, 0) + 1
        rows.append(
            {
                **base,
                "record_id": resolution.id,
                "decision": form,
                "label": part_label(counters[form], labels[form]),
                "text": resolution.text,
                "addressee": "",
                "vote": decisions.vote(resolution),
                "response_due": "",
                "response_status": "",
                "response_date": "",
                "response_text": "",
                "overdue": False,
            }
        )
    for recommendation in decisions.recommendations:
        key = f"recommended:{recommendation.addressee}"
        counters[key] = counters.get(key, 0) + 1
        due = recommendation.response_due
        awaited = recommendation.response_status is ExecutiveResponse.AWAITED
        rows.append(
            {
                **base,
                "record_id": recommendation.id,
                "decision": "recommended",
                "label": part_label(counters[key], labels["recommended"]),
                "text": recommendation.text,
                "addressee": recommendation.addressee,
                "vote": decisions.vote(recommendation),
                "response_due": due.isoformat() if due else "",
                "response_status": recommendation.response_status.value,
                "response_date": (
                    recommendation.response_date.isoformat() if recommendation.response_date else ""
                ),
                "response_text": recommendation.response_text,
                "overdue": bool(awaited and due and due < as_at),
            }
        )
    return rows


_ITEM_KEYS = frozenset(
    {"committee", "meeting_id", "meeting_date", "minutes_status", "minute", "item", "exempt"}
)


def resolutions_json(
    meetings: Sequence[MeetingDecisions], *, as_at: dt.date, scope: str, confidential: bool
) -> dict[str, Any]:
    """The chair's list as a JSON object: meetings, their items and each decision with its response
    (each item's rows made for that item alone)."""
    out_meetings = []
    decided = False
    for found in meetings:
        labels = _labels(found.committee)
        items = []
        for decisions in found.items:
            rows = _item_rows(found, decisions, labels, as_at)
            decided = decided or bool(rows)
            items.append(
                {
                    "minute": minute_reference(decisions.item) or None,
                    "title": decisions.item.title,
                    "exempt": decisions.item.is_exempt,
                    "decisions": [
                        with_nulls({k: v for k, v in row.items() if k not in _ITEM_KEYS}) for row in rows
                    ],
                }
            )
        out_meetings.append(
            {
                "id": found.meeting.id,
                "committee": found.committee.name,
                "date": found.meeting.date.isoformat(),
                "minutes_status": found.meeting.status.value,
                "items": items,
            }
        )
    return {
        "list": "resolutions",
        "as_at": as_at.isoformat(),
        "scope": scope,
        "confidential": confidential,
        "message": None if decided else f"No resolutions or recommendations were recorded for {scope}.",
        "meetings": out_meetings,
    }
