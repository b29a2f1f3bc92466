"""One agenda item as minuted: its records in house order, under their sub-headings, then its
decisions; or, for an exempt item in public minutes, its public stub."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from scrutui.formalities import SCHEDULE_12A
from scrutui.minutes.action_log import action_log_paragraphs
from scrutui.minutes.document import MinuteItem, Paragraph, Style
from scrutui.minutes.labels import (
    agreed_form,
    decision,
    labelled_parts,
    recommended_form,
    requested_form,
    resolved_form,
)
from scrutui.minutes.numbering import minute_number, numbered
from scrutui.minutes.records import (
    ProseCache,
    assurance_prose,
    narrative_paragraphs,
    question_prose,
    request_clause,
    text_paragraphs,
)
from scrutui.minutes.votes import VotePlan
from scrutui.minutes.wording import sentence
from scrutui.models import (
    AgendaItem,
    Assurance,
    Committee,
    Heading,
    InformationRequest,
    Jurisdiction,
    Motion,
    Narrative,
    Question,
    Recommendation,
    Record,
    Resolution,
    ResolutionForm,
)
from scrutui.store.people import KnownPeople
from scrutui.tracked import TrackedRecord

T = TypeVar("T")


def item_paragraphs(
    item: AgendaItem,
    records: Sequence[Record],
    committee: Committee,
    people: KnownPeople,
    *,
    carried: Sequence[TrackedRecord] | None = None,
    meeting_date: dt.date | None = None,
    confidential: bool = True,
    private_in_annex: bool = False,
    prose: ProseCache | None = None,
) -> list[Paragraph]:
    """Everything minuted under one item, in house order. (`prose` keeps each record's words
    from one composition of the item to the next.)

    Discussion first, in the order typed: a sub-heading opens a section that runs to the next
    sub-heading or to an end of section; an assurance names its theme as a sub-heading unless it is
    already under it; a motion is minuted as moved where typed, its vote after the debate on it
    (``votes``). Then, for an action log (`carried` given), what was reported back and what is
    still awaited; then what was resolved, agreed and recommended; then information requested.
    """
    paragraphs: list[Paragraph] = []
    if item.purpose:
        paragraphs.append(Paragraph(Style.PURPOSE, sentence(item.purpose)))
    section = ""  # the sub-heading the records stand under (casefolded), if any
    resolved: list[str] = []
    agreed: list[str] = []
    recommended: dict[str, list[str]] = {}
    requests: list[str] = []
    votes = VotePlan(records, people)
    if prose is not None:
        prose.begin(committee, people)
    said = prose.of if prose is not None else _said_now
    asked_for = requested_form(committee)

    def asked(record: Question) -> str:
        return question_prose(record, committee, people)

    def sought(record: Assurance) -> str:
        return assurance_prose(record, people)

    def requested(record: InformationRequest) -> str:
        return request_clause(record, people, case=asked_for.case, due_dates=committee.request_due_dates)

    def narrated(record: Narrative) -> tuple[Paragraph, ...]:
        return tuple(narrative_paragraphs(record))

    for record in records:
        paragraphs += votes.before(record)
        match record:
            case Heading(ends_section=True):
                section = ""
            case Heading():
                paragraphs.append(Paragraph(Style.THEME, record.text))
                section = record.text.casefold()
            case Narrative():
                paragraphs += said(record, narrated)
            case Question():
                paragraphs.append(Paragraph(Style.BODY, said(record, asked)))
            case Assurance():
                if record.theme and record.theme.casefold() != section:
                    paragraphs.append(Paragraph(Style.THEME, record.theme))
                    section = record.theme.casefold()
                paragraphs.append(Paragraph(Style.BODY, said(record, sought)))
            case Resolution():
                (agreed if record.form is ResolutionForm.AGREED else resolved).append(record.text)
            case Recommendation():
                recommended.setdefault(record.addressee, []).append(record.text)
            case InformationRequest():
                requests.append(said(record, requested))
            case Motion():
                paragraphs += votes.moved(record)
    paragraphs += votes.remaining()
    if carried is not None:
        paragraphs += action_log_paragraphs(
            carried,
            meeting_date,
            committee.resolution_labels,
            people,
            confidential=confidential,
            in_annex=private_in_annex,
        )
    paragraphs += decision(resolved_form(committee), resolved)
    paragraphs += decision(agreed_form(committee), agreed)
    for body, texts in recommended.items():
        paragraphs += decision(recommended_form(committee, body), texts)
    if requests:
        paragraphs.append(Paragraph(Style.DECISION, asked_for.lead))
        paragraphs += labelled_parts(requests, asked_for.labels, asked_for.endings)
    return paragraphs


def _said_now(record: object, compose: Callable[[Any], T]) -> T:
    return compose(record)


def minute_item(
    item: AgendaItem,
    records: Sequence[Record],
    committee: Committee,
    people: KnownPeople,
    *,
    confidential: bool = False,
    lead: Sequence[Paragraph] = (),
    notes: Sequence[Paragraph] = (),
    carried: Sequence[TrackedRecord] | None = None,
    meeting_date: dt.date | None = None,
    private_in_annex: bool = False,
    prose: ProseCache | None = None,
) -> MinuteItem:
    """One item as minuted. An exempt item in public minutes is only its public stub.

    `lead` (the declarations made, a drafted exclusion resolution) and `notes` (arrivals,
    departures, withdrawals) come after the purpose line and before what was minuted. `carried`
    is given for a meeting's action log: the earlier requests and recommendations it lists (those
    made under exempt items only when `confidential`; `private_in_annex` says they are in the
    confidential annex instead).
    """
    number = minute_number(item)
    if item.is_exempt and not confidential:
        body = [*lead, *notes, *exempt_stub(item, committee.jurisdiction)]
        return MinuteItem(
            number, item.public_name, tuple(numbered(body, number, committee)), True
        )
    paragraphs = item_paragraphs(
        item,
        records,
        committee,
        people,
        carried=carried,
        meeting_date=meeting_date,
        confidential=confidential,
        private_in_annex=private_in_annex,
        prose=prose,
    )
    at = 1 if item.purpose else 0
    paragraphs[at:at] = [*lead, *notes]
    return MinuteItem(
        number, item.title, tuple(numbered(paragraphs, number, committee)), exempt=item.is_exempt
    )


def exempt_reference(jurisdiction: Jurisdiction, paragraph: int) -> str:
    """ "paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972", or a plain
    "paragraph 3" where scrutui does not know the nation's schedule."""
    categories = SCHEDULE_12A.get(jurisdiction)
    return categories.reference([paragraph]) if categories else f"paragraph {paragraph}"


def exempt_stub(item: AgendaItem, jurisdiction: Jurisdiction) -> list[Paragraph]:
    """What public minutes say of an exempt item: that it was taken in private and why, its public
    summary, and where the full minute is."""
    paragraph = item.exempt_paragraph or 0
    body = [
        Paragraph(
            Style.BODY,
            "This item was considered in private: the public were excluded as it involved exempt "
            f"information as defined in {exempt_reference(jurisdiction, paragraph)}.",
        )
    ]
    if item.public_summary:
        body += text_paragraphs(item.public_summary)
    body.append(
        Paragraph(Style.NOTE, "The full minute is recorded in a confidential annex, not for publication.")
    )
    return body

