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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from scrutui.minutes import (
    Paragraph,
    Style,
    clause,
    decision,
    long_date,
    minute_number,
    part_label,
    sentence,
)
from scrutui.models import (
    AgendaItem,
    Committee,
    ExecutiveResponse,
    LabelStyle,
    Meeting,
    Recommendation,
    Resolution,
    ResolutionForm,
)
from scrutui.store.tracker import Counts, StatusFilter, Tracked, TrackedRow, TrackerQuery


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
    return _row_minute(entry.item_minute_number or "", entry.item_number or "")


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


def _origin_columns(entry: TrackedRow) -> dict[str, Any]:
    """Where a tracked record was minuted, as the first columns of its row."""
    return {
        "committee": entry.committee,
        "meeting_id": entry.meeting_id,
        "meeting_date": entry.meeting_date,
        "minute": row_minute(entry),
        "item": entry.item_title,
    }


def _days_overdue(entry: TrackedRow, as_at: dt.date) -> int:
    due = entry.due_date
    return (as_at - due).days if due is not None and entry.is_overdue(as_at) else 0


def request_row(entry: TrackedRow, as_at: dt.date) -> dict[str, Any]:
    """One information request as a flat row (CSV and JSON)."""
    overdue = entry.is_overdue(as_at)
    return {
        **_origin_columns(entry),
        "request_id": entry.id,
        "requested": entry.text,
        "of": entry.of,
        "due": entry.due or "",
        "due_set_by_hand": bool(entry.due_by_hand),
        "status": entry.status,
        "overdue": overdue,
        "days_overdue": _days_overdue(entry, as_at) if overdue else 0,
        "answered_on": entry.closed_on or "",
        "response": entry.response,
        "exempt": entry.exempt,
    }


def filter_description(query: TrackerQuery, committee: str | None = None) -> str:
    """The filters in words: "outstanding · Health Scrutiny Committee · asked of "Director""."""
    parts = [_FILTER_WORDS[query.status].lower()]
    if committee:
        parts.append(committee)
    if query.of.strip():
        parts.append(f"{'asked of' if query.kind is Tracked.REQUESTS else 'to'} “{query.of.strip()}”")
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
    asked = f"Asked of {entry.of}" if entry.of else "Asked"
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
    entries: Sequence[TrackedRow],
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
    counted = request_counts_sentence(counts) if requests else recommendation_counts_sentence(counts)
    body: list[Paragraph] = [Paragraph(Style.BODY, counted)]
    if not entries:
        body.append(Paragraph(Style.BODY, empty_message(query, committee)))
    by_committee: dict[str, list[TrackedRow]] = {}
    for entry in entries:
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
        paragraphs.append(
            Paragraph(
                Style.BODY,
                response_words(
                    ExecutiveResponse(entry.status), entry.due_date, entry.closed_date, entry.response, as_at
                ),
            )
        )
    return paragraphs


def recommendation_row(entry: TrackedRow, as_at: dt.date) -> dict[str, Any]:
    """One recommendation and the executive's response as a flat row (CSV and JSON)."""
    return {
        **_origin_columns(entry),
        "record_id": entry.id,
        "recommended": entry.text,
        "to": entry.of,
        "response_due": entry.due or "",
        "response_status": entry.status,
        "overdue": entry.is_overdue(as_at),
        "days_overdue": _days_overdue(entry, as_at),
        "response_date": entry.closed_on or "",
        "response_text": entry.response,
        "exempt": entry.exempt,
    }


def tracker_rows(
    entries: Iterable[TrackedRow], query: TrackerQuery
) -> tuple[tuple[str, ...], Iterator[dict[str, Any]]]:
    """The tracker's CSV columns and rows (as they are read), for requests or recommendations as
    the query lists."""
    if query.kind is Tracked.REQUESTS:
        return REQUEST_COLUMNS, (request_row(e, query.as_at) for e in entries)
    return RECOMMENDATION_COLUMNS, (recommendation_row(e, query.as_at) for e in entries)


def requests_json(entries: Iterable[TrackedRow], counts: Counts, query: TrackerQuery) -> dict[str, Any]:
    """The tracker as a JSON object: the filters, the counts and the requests (or recommendations),
    these as an iterator that `write_json` streams."""
    requests = query.kind is Tracked.REQUESTS
    statuses = (
        ("outstanding", "answered", "refused", "withdrawn")
        if requests
        else ("awaited", "accepted", "partly_accepted", "rejected", "noted")
    )
    rows = iter(entries)
    first = next(rows, None)
    return {
        "list": "information_requests" if requests else "recommendations",
        "as_at": query.as_at.isoformat(),
        "filters": {
            "status": query.status.value,
            "committee_id": query.committee_id,
            "of": query.of,
            "confidential": query.confidential,
        },
        "counts": {**{s: counts.get(s) for s in statuses}, "overdue": counts.overdue},
        "message": "" if first is not None else empty_message(query),
        "requests" if requests else "recommendations": tracker_rows(
            itertools.chain([first] if first is not None else [], rows), query
        )[1],
    }


# --- resolutions and recommendations -------------------------------------------------------------

#: The resolutions list's CSV columns, in order.
RESOLUTION_COLUMNS = (
    "committee",
    "meeting_id",
    "meeting_date",
    "minute",
    "item",
    "record_id",
    "decision",
    "label",
    "text",
    "addressee",
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


def _labelled(style: LabelStyle, index: int) -> str:
    return part_label(index, style)


def _item_paragraphs(decisions: ItemDecisions, labels: LabelStyle, as_at: dt.date) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    resolved = [clause(r.text) for r in decisions.resolutions if r.form is ResolutionForm.RESOLVED]
    agreed = [clause(r.text) for r in decisions.resolutions if r.form is ResolutionForm.AGREED]
    paragraphs += decision("RESOLVED: That", resolved, labels)
    paragraphs += decision("AGREED: That", agreed, labels)
    by_body: dict[str, list[Recommendation]] = {}
    for recommendation in decisions.recommendations:
        by_body.setdefault(recommendation.addressee, []).append(recommendation)
    for body, recommendations in by_body.items():
        if len(recommendations) == 1:
            only = recommendations[0]
            paragraphs.append(Paragraph(Style.DECISION, f"RECOMMENDED to {body} that {clause(only.text)}."))
            paragraphs.append(Paragraph(Style.BODY, response_sentence(only, as_at)))
            continue
        paragraphs.append(Paragraph(Style.DECISION, f"RECOMMENDED to {body} that:"))
        for index, recommendation in enumerate(recommendations, start=1):
            ending = "." if index == len(recommendations) else ";"
            paragraphs.append(
                Paragraph(
                    Style.PART, f"{clause(recommendation.text)}{ending}", label=_labelled(labels, index)
                )
            )
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
        body.append(Paragraph(Style.SECTION, f"Meeting held on {long_date(found.meeting.date)}"))
        for decisions in found.items:
            body.append(
                Paragraph(Style.ITEM_HEADING, decisions.item.title, label=minute_number(decisions.item))
            )
            body += _item_paragraphs(decisions, found.committee.resolution_labels, as_at)
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


def resolution_rows(meetings: Sequence[MeetingDecisions], as_at: dt.date) -> list[dict[str, Any]]:
    """Every resolution and recommendation as a flat row (CSV), meeting by meeting, item by item."""
    return [row for found in meetings for decisions in found.items for row in _item_rows(found, decisions, as_at)]


def _item_rows(found: MeetingDecisions, decisions: ItemDecisions, as_at: dt.date) -> list[dict[str, Any]]:
    """One item's resolutions and recommendations as flat rows."""
    labels = found.committee.resolution_labels
    base = {
        "committee": found.committee.name,
        "meeting_id": found.meeting.id,
        "meeting_date": found.meeting.date.isoformat(),
        "minute": minute_reference(decisions.item),
        "item": decisions.item.title,
        "exempt": decisions.item.is_exempt,
    }
    rows: list[dict[str, Any]] = []
    counters: dict[str, int] = {}
    for resolution in decisions.resolutions:
        form = "agreed" if resolution.form is ResolutionForm.AGREED else "resolved"
        counters[form] = counters.get(form, 0) + 1
        rows.append(
            {
                **base,
                "record_id": resolution.id,
                "decision": form,
                "label": _labelled(labels, counters[form]),
                "text": resolution.text,
                "addressee": "",
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
                "label": _labelled(labels, counters[key]),
                "text": recommendation.text,
                "addressee": recommendation.addressee,
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


_ITEM_KEYS = frozenset({"committee", "meeting_id", "meeting_date", "minute", "item", "exempt"})


def resolutions_json(
    meetings: Sequence[MeetingDecisions], *, as_at: dt.date, scope: str, confidential: bool
) -> dict[str, Any]:
    """The chair's list as a JSON object: meetings, their items and each decision with its response."""
    out_meetings = []
    any_decision = False
    for found in meetings:
        items = []
        for decisions in found.items:
            rows = _item_rows(found, decisions, as_at)
            any_decision = any_decision or bool(rows)
            items.append(
                {
                    "minute": minute_reference(decisions.item),
                    "title": decisions.item.title,
                    "exempt": decisions.item.is_exempt,
                    "decisions": [{k: v for k, v in row.items() if k not in _ITEM_KEYS} for row in rows],
                }
            )
        out_meetings.append(
            {
                "id": found.meeting.id,
                "committee": found.committee.name,
                "date": found.meeting.date.isoformat(),
                "items": items,
            }
        )
    return {
        "list": "resolutions",
        "as_at": as_at.isoformat(),
        "scope": scope,
        "confidential": confidential,
        "message": "" if any_decision else f"No resolutions or recommendations were recorded for {scope}.",
        "meetings": out_meetings,
    }
