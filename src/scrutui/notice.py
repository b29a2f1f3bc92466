"""The decision notice: a note of a meeting's attendance, declarations of interest and decisions,
each with how members voted. Welsh principal councils publish one within seven working days of the
meeting (``deadlines.decision_notice_due``); any council may use it. Exempt items appear by their
public title only. Pure: built from what the minutes are made from, no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from scrutui import voting
from scrutui.deadlines import decision_notice_due
from scrutui.formalities import MinutesSource
from scrutui.minutes import (
    DecisionForm,
    Paragraph,
    Style,
    agreed_form,
    attendance_entries,
    attendance_paragraphs,
    clause,
    declaration_sentence,
    exempt_reference,
    long_date,
    long_time,
    minute_number,
    needs_exclusion,
    part_label,
    recommended_form,
    resolved_form,
)
from scrutui.minutes import (
    decision as decision_paragraphs,
)
from scrutui.minutes.votes import moved_sentence, recorded_lists, vote_sentence, vote_summary
from scrutui.models import (
    AgendaItem,
    Committee,
    Motion,
    MotionOutcome,
    Recommendation,
    Record,
    Resolution,
    VoteCast,
)
from scrutui.store.people import KnownPeople
from scrutui.tracker.documents import ListDocument, minute_reference


@dataclass(frozen=True)
class NoticeDecision:
    """A decision (resolved, agreed, recommended) or a motion put to the vote that decided nothing
    (an amendment lost, a motion withdrawn), with its vote when there was one."""

    form: str  # resolved, agreed, recommended, motion, amendment
    text: str
    label: str = ""
    addressee: str = ""
    motion: Motion | None = None

    @property
    def is_motion(self) -> bool:
        """True for a motion or amendment (not a resolution or recommendation)."""
        return self.form in ("motion", "amendment")


@dataclass(frozen=True)
class NoticeItem:
    """One agenda item's decisions; an exempt item only by its public title."""

    item: AgendaItem
    decisions: tuple[NoticeDecision, ...] = ()

    @property
    def title(self) -> str:
        """The title as the public may read it."""
        return self.item.public_name


@dataclass(frozen=True)
class DecisionNotice:
    """A meeting's decision notice, ready to be written as Word, CSV or JSON."""

    source: MinutesSource
    items: tuple[NoticeItem, ...]
    publish_by: dt.date | None

    @property
    def decisions(self) -> int:
        """How many decisions and votes the notice gives."""
        return sum(len(i.decisions) for i in self.items if not i.item.is_exempt)


def _form(kind: str, committee: Committee, body: str = "") -> DecisionForm:
    """The house style of one kind of decision ("resolved", "agreed", "recommended")."""
    if kind == "recommended":
        return recommended_form(committee, body)
    return agreed_form(committee) if kind == "agreed" else resolved_form(committee)


def _label(index: int, count: int, form: DecisionForm) -> str:
    return part_label(index, form.labels) if count > 1 else ""


def _item_decisions(
    item: AgendaItem, records: Sequence[Record], source: MinutesSource
) -> tuple[NoticeDecision, ...]:
    votes = voting.votes_by_decision(records)
    found: list[NoticeDecision] = []
    exclusion = needs_exclusion(item, source.items, records, source.committee.jurisdiction)
    if exclusion:  # drafted by the minutes, not typed: the exclusion of the public for exempt items
        found.append(NoticeDecision("resolved", exclusion))
    resolutions = [r for r in records if isinstance(r, Resolution)]
    for form in ("resolved", "agreed"):
        parts = [r for r in resolutions if voting.decision_form(r) == form]
        for index, part in enumerate(parts, start=1):
            label = _label(index, len(parts), _form(form, source.committee))
            found.append(NoticeDecision(form, clause(part.text), label, motion=votes.get(part.id or 0)))
    by_body: dict[str, list[Recommendation]] = {}
    for record in records:
        if isinstance(record, Recommendation):
            by_body.setdefault(record.addressee, []).append(record)
    for body, recommendations in by_body.items():
        for index, recommendation in enumerate(recommendations, start=1):
            label = _label(index, len(recommendations), _form("recommended", source.committee, body))
            motion = votes.get(recommendation.id or 0)
            found.append(NoticeDecision("recommended", clause(recommendation.text), label, body, motion))
    decided = {id(m) for m in votes.values()}
    for record in records:
        if (
            isinstance(record, Motion)
            and record.outcome is not MotionOutcome.MOVED
            and id(record) not in decided
        ):
            form = "amendment" if record.amendment else "motion"
            found.append(NoticeDecision(form, clause(record.text), motion=record))
    return tuple(found)


def decision_notice(source: MinutesSource) -> DecisionNotice:
    """The notice of a meeting, from what its minutes are made from (as approved, once approved)."""
    items = []
    for item in source.items:
        if item.is_exempt:
            items.append(NoticeItem(item))
            continue
        decisions = _item_decisions(item, source.records.get(item.id or 0, []), source)
        if decisions:
            items.append(NoticeItem(item, decisions))
    due = decision_notice_due(source.meeting.date, source.committee.jurisdiction)
    return DecisionNotice(source, tuple(items), due)


# --- in words --------------------------------------------------------------------------------------

def _names(motion: Motion, cast: VoteCast) -> list[str]:
    return [line.name for line in motion.recorded_votes if line.vote is cast]


def publish_by_sentence(notice: DecisionNotice) -> str:
    """When the notice must be published, in words ("" where there is no such duty)."""
    if notice.publish_by is None:
        return ""
    return (
        f"To be published by {long_date(notice.publish_by)}: within seven working days of the meeting "
        "(section 100C of the Local Government Act 1972, as it applies in Wales)."
    )


def _vote_paragraphs(decision: NoticeDecision, people: KnownPeople) -> list[Paragraph]:
    """A motion put to the vote as minuted; or, under a decision, the vote that carried it."""
    motion = decision.motion
    if motion is None:
        return []
    if decision.is_motion:
        paragraphs = [Paragraph(Style.BODY, text) for text in (moved_sentence(motion, people),) if text]
        paragraphs.append(Paragraph(Style.BODY, vote_sentence(motion)))
    else:
        label = f"{decision.label} " if decision.label else ""
        paragraphs = [Paragraph(Style.BODY, f"{label}{vote_summary(motion.result)}.")]
    return paragraphs + (recorded_lists(motion) if motion.recorded_votes else [])


def _item_paragraphs(entry: NoticeItem, committee: Committee, people: KnownPeople) -> list[Paragraph]:
    """An item's decisions, each form's parts together ("RESOLVED: That (a) ... (b) ..."), each
    with the vote that carried it; then the other motions put to the vote."""
    groups: dict[tuple[str, str], list[NoticeDecision]] = {}
    for decision in entry.decisions:
        if not decision.is_motion:
            groups.setdefault((decision.form, decision.addressee), []).append(decision)
    paragraphs: list[Paragraph] = []
    for group in groups.values():
        form = _form(group[0].form, committee, group[0].addressee)
        paragraphs += decision_paragraphs(form, [d.text for d in group])
        for decision in group:
            paragraphs += _vote_paragraphs(decision, people)
    for decision in entry.decisions:
        if decision.is_motion:
            paragraphs += _vote_paragraphs(decision, people)
    return paragraphs


def notice_document(notice: DecisionNotice, as_at: dt.date | None = None) -> ListDocument:
    """The notice as a document: attendance, declarations, then each item's decisions and votes.
    `as_at` is the day it is written (its footer's date; the meeting's date if not given)."""
    source = notice.source
    meeting, committee = source.meeting, source.committee
    people = KnownPeople(tuple(source.people))
    when = f"{long_date(meeting.date)} at {long_time(meeting.time)}" + (
        f", {meeting.venue}" if meeting.venue else ""
    )
    body: list[Paragraph] = []
    deadline = publish_by_sentence(notice)
    if deadline:
        body.append(Paragraph(Style.BODY, deadline))
    body += attendance_paragraphs(attendance_entries(source)) or [
        Paragraph(Style.SECTION, "Attendance"),
        Paragraph(Style.BODY, "No attendance was recorded."),
    ]
    body.append(Paragraph(Style.SECTION, "Declarations of interest"))
    items = {item.id: item for item in source.items}
    order = {item.id: index for index, item in enumerate(source.items)}
    declared = sorted(
        source.declarations, key=lambda d: (order.get(d.declaration.agenda_item_id, 0), d.declaration.id or 0)
    )
    body += [
        Paragraph(Style.BODY, declaration_sentence(d, items.get(d.declaration.agenda_item_id)))
        for d in declared
    ]
    if not declared:
        body.append(Paragraph(Style.BODY, "No declarations of interest were made."))
    body.append(Paragraph(Style.SECTION, "Decisions"))
    if not notice.items:
        body.append(Paragraph(Style.BODY, "No decisions were recorded at this meeting."))
    for entry in notice.items:
        body.append(Paragraph(Style.ITEM_HEADING, entry.title, label=minute_number(entry.item)))
        if entry.item.is_exempt:
            reference = exempt_reference(committee.jurisdiction, entry.item.exempt_paragraph or 0)
            body.append(
                Paragraph(
                    Style.BODY,
                    f"Considered in private: exempt information as defined in {reference}. The decision is "
                    "not published in this notice.",
                )
            )
            continue
        body += _item_paragraphs(entry, committee, people)
    body.append(
        Paragraph(
            Style.NOTE,
            "This notice is not the minutes of the meeting, which are confirmed as a correct record at the "
            "committee's next meeting.",
        )
    )
    return ListDocument(
        title=committee.name,
        subtitle=f"Decision notice: the meeting held on {when}",
        body=tuple(body),
        committee=committee.name,
        as_at=as_at or meeting.date,
        properties={
            "title": f"{committee.name}: decision notice, {long_date(meeting.date)}",
            "subject": f"Decisions of the meeting held on {long_date(meeting.date)}",
            "keywords": f"{committee.name}; decisions; votes; {meeting.date.isoformat()}",
        },
    )


#: The CSV's columns: one row for each decision or vote.
NOTICE_COLUMNS = (
    "committee",
    "meeting_id",
    "meeting_date",
    "publish_by",
    "minute",
    "item",
    "exempt",
    "decision",
    "label",
    "text",
    "addressee",
    "vote",
    "outcome",
    "votes_for",
    "votes_against",
    "abstentions",
    "casting_vote",
    "recorded_vote",
    "voted_for",
    "voted_against",
    "abstained",
    "did_not_vote",
)


def _vote_columns(motion: Motion | None) -> dict[str, Any]:
    if motion is None:
        return {"vote": "", "outcome": "", "recorded_vote": False, "casting_vote": False}
    return {
        "vote": vote_summary(motion.result),
        "outcome": motion.outcome.value,
        "votes_for": motion.votes_for,
        "votes_against": motion.votes_against,
        "abstentions": motion.abstentions,
        "casting_vote": motion.casting_vote,
        "recorded_vote": bool(motion.recorded_votes),
        "voted_for": "; ".join(_names(motion, VoteCast.FOR)),
        "voted_against": "; ".join(_names(motion, VoteCast.AGAINST)),
        "abstained": "; ".join(_names(motion, VoteCast.ABSTAINED)),
        "did_not_vote": "; ".join(_names(motion, VoteCast.DID_NOT_VOTE)),
    }


def _decision_rows(entry: NoticeItem) -> list[dict[str, Any]]:
    """An item's decisions and votes as rows (without the meeting's and the item's columns)."""
    if entry.item.is_exempt:
        return [{"decision": "considered in private", **_vote_columns(None)}]
    return [
        {
            "decision": decision.form,
            "label": decision.label,
            "text": decision.text,
            "addressee": decision.addressee,
            **_vote_columns(decision.motion),
        }
        for decision in entry.decisions
    ]


def notice_rows(notice: DecisionNotice) -> list[dict[str, Any]]:
    """Every decision and vote as a flat row (CSV); an exempt item is one row, its public title."""
    source = notice.source
    rows = []
    for entry in notice.items:
        base = {
            "committee": source.committee.name,
            "meeting_id": source.meeting.id,
            "meeting_date": source.meeting.date.isoformat(),
            "publish_by": notice.publish_by.isoformat() if notice.publish_by else "",
            "minute": minute_reference(entry.item),
            "item": entry.title,
            "exempt": entry.item.is_exempt,
        }
        rows += [{**base, **row} for row in _decision_rows(entry)]
    return rows


def notice_json(notice: DecisionNotice) -> dict[str, Any]:
    """The notice as a JSON object: the meeting, its deadline, attendance, declarations, decisions."""
    source = notice.source
    meeting = source.meeting
    attendance: dict[str, list[Any]] = {}
    for entry in attendance_entries(source):
        if entry.status == "substitute":
            attendance.setdefault("substitute", []).append(
                {"name": entry.reference, "for": entry.substitute_for}
            )
        else:
            attendance.setdefault(entry.status, []).append(entry.reference)
    items = {item.id: item for item in source.items}
    return {
        "notice": "decisions",
        "committee": source.committee.name,
        "jurisdiction": source.committee.jurisdiction.value,
        "meeting": {
            "id": meeting.id,
            "date": meeting.date.isoformat(),
            "time": meeting.time.strftime("%H:%M"),
            "venue": meeting.venue,
        },
        "publish_by": notice.publish_by.isoformat() if notice.publish_by else None,
        "attendance": attendance,
        "declarations": [
            declaration_sentence(d, items.get(d.declaration.agenda_item_id)) for d in source.declarations
        ],
        "items": [
            {
                "minute": minute_reference(entry.item),
                "title": entry.title,
                "exempt": entry.item.is_exempt,
                "decisions": [] if entry.item.is_exempt else _decision_rows(entry),
            }
            for entry in notice.items
        ],
    }
