"""One line of minutes for each house-style setting, as it will print: what the house-style screen
shows beside each setting while the clerk changes it."""

from __future__ import annotations

import datetime as dt

from scrutui.minutes.document import Paragraph, Style
from scrutui.minutes.labels import (
    agreed_form,
    decision,
    labelled_parts,
    recommended_form,
    requested_form,
    resolved_form,
)
from scrutui.minutes.numbering import numbered
from scrutui.minutes.records import request_clause
from scrutui.models import Committee, InformationRequest, NumberingScheme
from scrutui.store.people import KnownPeople

_DUE = dt.date(2026, 11, 24)


def one_line(paragraphs: list[Paragraph]) -> str:
    """Paragraphs run together on one line, labels and all."""
    return " ".join(p.full_text for p in paragraphs)


def resolution_example(committee: Committee) -> str:
    """Two resolutions, as the committee words them."""
    return one_line(decision(resolved_form(committee), ["the report be noted", "a review group be set up"]))


def agreed_example(committee: Committee) -> str:
    """Two procedural decisions."""
    return one_line(decision(agreed_form(committee), ["the work programme be approved", "the dates be noted"]))


def recommendation_example(committee: Committee) -> str:
    """Two recommendations to the committee's usual body."""
    form = recommended_form(committee, committee.recommendation_body)
    return one_line(decision(form, ["the early help budget be protected", "a report come back by March"]))


def request_example(committee: Committee) -> str:
    """Two information requests, with their due dates if the committee prints them."""
    form = requested_form(committee)
    asked = [
        InformationRequest(
            agenda_item_id=0, text="a copy of the risk register", requested_of="Director of Finance", due_date=_DUE
        ),
        InformationRequest(agenda_item_id=0, text="monthly caseload figures", due_date=_DUE),
    ]
    parts = [
        request_clause(r, KnownPeople(()), case=form.case, due_dates=committee.request_due_dates) for r in asked
    ]
    return one_line([Paragraph(Style.DECISION, form.lead), *labelled_parts(parts, form.labels, form.endings)])


def numbering_example(committee: Committee) -> str:
    """An item's paragraphs numbered as the item.paragraph scheme numbers them."""
    item = [
        Paragraph(Style.PURPOSE, "To review the plan."),
        Paragraph(Style.BODY, "The Director presented the report."),
        Paragraph(Style.BODY, "Members asked about agency staff:"),
        Paragraph(Style.BULLET, "Costs", label="•"),
        *decision(resolved_form(committee), ["the report be noted"]),
    ]
    scheme = committee.model_copy(update={"numbering_scheme": NumberingScheme.ITEM_PARAGRAPH})
    return one_line(numbered(item[1:], "4.", scheme))


def house_style_examples(committee: Committee) -> dict[str, str]:
    """Each kind of decision, and item.paragraph numbering, as the committee's minutes will print them."""
    return {
        "resolutions": resolution_example(committee),
        "agreed": agreed_example(committee),
        "recommendations": recommendation_example(committee),
        "requests": request_example(committee),
        "numbering": numbering_example(committee),
    }
