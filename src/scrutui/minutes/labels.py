"""Decisions as minutes write them, in the committee's house style: the lead-in ("RESOLVED: That",
"It was resolved that:"), then one clause, or labelled parts ((a) (b), (i) (ii), 1. 2. or 1) 2))
with their endings ("; and", or a full stop each) and first letters."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scrutui.minutes.document import Paragraph, Style
from scrutui.minutes.wording import clause
from scrutui.models import Committee, LabelStyle, PartCase, PartEnding


@dataclass(frozen=True)
class DecisionForm:
    """How one kind of decision is written: its lead-in, and how its parts are labelled, end and begin."""

    lead: str
    labels: LabelStyle = LabelStyle.ALPHA
    endings: PartEnding = PartEnding.SEMICOLONS
    case: PartCase = PartCase.LOWER

    @property
    def lead_for_parts(self) -> str:
        """The lead-in before labelled parts: "RECOMMENDED to Cabinet that" and "AGREED" take a
        colon; "RESOLVED: That" (the traditional form) and "It was resolved that:" are kept."""
        return self.lead if self.lead.endswith((":", "That")) else f"{self.lead}:"

    @property
    def lead_for_one(self) -> str:
        """The lead-in before a single clause, in one sentence: "It was resolved that:" loses its colon."""
        return self.lead[:-1].rstrip() if self.lead.endswith(":") else self.lead


def resolved_form(committee: Committee) -> DecisionForm:
    """How the committee writes what it resolved."""
    return DecisionForm(
        committee.resolution_lead, committee.resolution_labels, committee.part_endings, committee.part_case
    )


def agreed_form(committee: Committee) -> DecisionForm:
    """How the committee writes a procedural decision."""
    labels = committee.agreed_labels or committee.resolution_labels
    return DecisionForm(committee.agreed_lead, labels, committee.part_endings, committee.part_case)


def recommended_form(committee: Committee, body: str) -> DecisionForm:
    """How the committee writes a recommendation to `body` (its lead-in's {body})."""
    return DecisionForm(
        committee.recommendation_lead.replace("{body}", body),
        committee.recommendation_labels or committee.resolution_labels,
        committee.part_endings,
        committee.part_case,
    )


def requested_form(committee: Committee) -> DecisionForm:
    """How the committee writes the information it requested."""
    labels = committee.request_labels or committee.resolution_labels
    return DecisionForm(committee.request_lead, labels, committee.part_endings, committee.part_case)


def _roman(number: int) -> str:
    numerals = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ]
    out = ""
    for value, letters in numerals:
        while number >= value:
            out, number = out + letters, number - value
    return out


def _letters(number: int) -> str:
    out = ""
    while number > 0:
        number, remainder = divmod(number - 1, 26)
        out = chr(ord("a") + remainder) + out
    return out


def part_label(index: int, style: LabelStyle) -> str:
    """The label of the `index`-th part (from 1) in the house style: (a), (i), 1. or 1)."""
    match style:
        case LabelStyle.ALPHA:
            return f"({_letters(index)})"
        case LabelStyle.ROMAN:
            return f"({_roman(index)})"
        case LabelStyle.NUMBER_DOT:
            return f"{index}."
        case LabelStyle.NUMBER_PAREN:
            return f"{index})"
    raise ValueError(style)


def labelled_parts(
    texts: Sequence[str], labels: LabelStyle, endings: PartEnding = PartEnding.SEMICOLONS
) -> list[Paragraph]:
    """Parts of a decision, labelled: with "; " after each, "; and" before the last and a full stop
    after it, or (`endings` full stops) a full stop after each."""
    parts = []
    for index, text in enumerate(texts, start=1):
        if endings is PartEnding.FULL_STOPS or index == len(texts):
            ending = "" if text.endswith((".", "?", "!")) else "."
        elif index == len(texts) - 1:
            ending = "; and"
        else:
            ending = ";"
        parts.append(Paragraph(Style.PART, f"{text}{ending}", label=part_label(index, labels)))
    return parts


def decision(form: DecisionForm, texts: Sequence[str]) -> list[Paragraph]:
    """What was decided, as typed (`texts`), in the form's house style: "RESOLVED: That the report be
    noted." or the lead-in and labelled parts."""
    if not texts:
        return []
    if len(texts) == 1:
        one = clause(texts[0], PartCase.AS_TYPED if form.case is PartCase.AS_TYPED else PartCase.LOWER)
        return [Paragraph(Style.DECISION, f"{form.lead_for_one} {one}.")]
    return [
        Paragraph(Style.DECISION, form.lead_for_parts),
        *labelled_parts([clause(text, form.case) for text in texts], form.labels, form.endings),
    ]
