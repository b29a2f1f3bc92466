"""One agenda item as minuted: its records in house order, under their sub-headings, then its
decisions; or, for an exempt item in public minutes, its public stub."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import partial

from scrutui.formalities import SCHEDULE_12A
from scrutui.minutes.action_log import action_log_paragraphs
from scrutui.minutes.discussion import ProseCache, RecordProse, discussion_of
from scrutui.minutes.document import MinuteItem, Paragraph, Style
from scrutui.minutes.labels import (
    DecisionForm,
    agreed_form,
    decision,
    labelled_parts,
    recommended_form,
    resolved_form,
)
from scrutui.minutes.numbering import minute_number, numbered
from scrutui.minutes.records import text_paragraphs
from scrutui.minutes.votes import VotePlan
from scrutui.minutes.wording import sentence
from scrutui.models import AgendaItem, Committee, Jurisdiction, Record
from scrutui.store.people import KnownPeople
from scrutui.tracked import TrackedRecord


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
    """Everything minuted under one item, in house order. (`prose` keeps what was composed, for
    the next composition of the item to go on from.)

    The discussion first, in the order typed (``discussion``), each motion's vote after the debate
    on it (``votes``). Then, for an action log (`carried` given), what was reported back and what is
    still awaited; then what was resolved, agreed and recommended; then information requested.
    """
    votes = VotePlan(records, people)
    words = RecordProse(committee, people, prose)
    discussion = discussion_of(records, votes, words)
    paragraphs = [Paragraph(Style.PURPOSE, sentence(item.purpose))] if item.purpose else []
    paragraphs += discussion.paragraphs
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
    for form, texts in (
        (resolved_form(committee), discussion.resolved),
        (agreed_form(committee), discussion.agreed),
        *((recommended_form(committee, body), texts) for body, texts in discussion.recommended.items()),
    ):
        paragraphs += words.parts((form, *texts), partial(decision, form, texts))
    if discussion.requests:
        form, requests = words.asked_for, discussion.requests
        paragraphs += words.parts(("requested", form, *requests), partial(_requested, form, requests))
    return paragraphs


def _requested(form: DecisionForm, requests: Sequence[str]) -> list[Paragraph]:
    return [Paragraph(Style.DECISION, form.lead), *labelled_parts(requests, form.labels, form.endings)]


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

