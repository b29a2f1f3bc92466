"""Each kind of record as minute prose: narratives (paragraphs and list items), questions and
answers, assurances and their responses, information requests."""

from __future__ import annotations

import re
from collections.abc import Iterable

from scrutui.blocks import BlockKind, BlockLike, read_blocks
from scrutui.minutes.document import Paragraph, Style
from scrutui.minutes.speakers import asker_reference, reported_speech, speaker_reference
from scrutui.minutes.wording import clause, long_date, sentence
from scrutui.models import (
    Assurance,
    AssuranceStatus,
    Committee,
    InformationRequest,
    Narrative,
    PartCase,
    Question,
    ReportingVerb,
)
from scrutui.store.people import KnownPeople


def block_paragraphs(blocks: Iterable[BlockLike]) -> list[Paragraph]:
    """Paragraphs and list items as minute paragraphs: a paragraph as a sentence, a bullet with its
    first letter capitalised, a labelled item with its label as typed."""
    paragraphs = []
    for block in blocks:
        match block.kind:
            case BlockKind.BULLET:
                paragraphs.append(Paragraph(Style.BULLET, block.text[:1].upper() + block.text[1:], label="•"))
            case BlockKind.ITEM:
                paragraphs.append(Paragraph(Style.LIST_ITEM, block.text, label=block.label))
            case _:
                paragraphs.append(Paragraph(Style.BODY, sentence(block.text)))
    return paragraphs


def narrative_paragraphs(record: Narrative) -> list[Paragraph]:
    """A narrative as minuted: its paragraphs and list items, as kept when it was saved."""
    return block_paragraphs(record.blocks)


def text_paragraphs(text: str) -> list[Paragraph]:
    """Free text typed in a form (an exempt item's public summary) as minute paragraphs."""
    return block_paragraphs(read_blocks(text))


def question_prose(record: Question, committee: Committee, people: KnownPeople) -> str:
    """A question and answer as minutes put them."""
    asker = asker_reference(record.asked_by, committee, people)
    answerer = speaker_reference(record.answered_by, people)
    replied = (
        reported_speech(answerer, record.answer, ReportingVerb.FROM_TEXT, default="said")
        if answerer
        else f"it was explained that {clause(record.answer)}"
    )
    if record.text:
        asked = sentence(f"{asker} asked {record.text.strip().rstrip('?.').strip()}")
        if not record.answer:
            return asked
        return f"{asked} In reply, {replied}."
    source = f"a question from {asker}" if record.asked_by else "a question"
    return f"In reply to {source}, {replied}."


#: How an assurance's response is reported when nobody is named, by the verb chosen.
_IMPERSONAL = {
    ReportingVerb.ADVISED: "It was advised that",
    ReportingVerb.EXPLAINED: "It was explained that",
    ReportingVerb.ACKNOWLEDGED: "It was acknowledged that",
    ReportingVerb.CLARIFIED: "It was clarified that",
    ReportingVerb.CONFIRMED: "It was confirmed that",
    ReportingVerb.REPORTED: "It was reported that",
    ReportingVerb.STATED: "It was stated that",
    ReportingVerb.ASSURED: "An assurance was provided that",
}
_ASSESSMENT = {
    AssuranceStatus.PARTLY_GIVEN: "The Committee was only partly assured and would keep the matter under review.",
    AssuranceStatus.NOT_GIVEN: "The Committee was not assured and would follow the matter up.",
}


def assurance_prose(record: Assurance, people: KnownPeople) -> str:
    """An assurance sought and the response, as minutes put them: "The Committee sought assurance
    from the Director that ... The Director advised that ...", or, with nobody named, "It was
    confirmed that ..."."""
    text = record.text.strip()
    source = speaker_reference(record.sought_from, people)
    of = f" from {source}" if source else ""
    if re.match(r"^(on|about|regarding|in relation to|as to|from)\b", text, re.IGNORECASE):
        sought = f"The Committee sought assurance{of} {text.rstrip('. ')}."
    elif re.match(r"^(whether|how|what|when|why|which|who)\b", text, re.IGNORECASE):
        # "sought assurance that whether ..." would not read: a question typed as the matter sought.
        asked = text.rstrip("?. ")
        sought = f"The Committee sought assurance{of} on {asked[:1].lower()}{asked[1:]}."
    else:
        sought = f"The Committee sought assurance{of} that {clause(text)}."
    if not record.response:
        return sought
    speaker = speaker_reference(record.responded_by, people)
    if speaker:
        response = sentence(reported_speech(speaker, record.response, record.reported_as, default="advised"))
    elif record.reported_as is not ReportingVerb.FROM_TEXT:
        response = f"{_IMPERSONAL[record.reported_as]} {clause(record.response)}."
    elif record.status is AssuranceStatus.GIVEN:
        response = f"It was confirmed that {clause(record.response)}."
    else:
        response = f"In response, it was stated that {clause(record.response)}."
    assessment = _ASSESSMENT.get(record.status)
    return f"{sought} {response}" + (f" {assessment}" if assessment else "")


def request_clause(
    record: InformationRequest,
    people: KnownPeople,
    *,
    case: PartCase = PartCase.LOWER,
    due_dates: bool = True,
) -> str:
    """An information request as a part: "a copy of the risk register (of the Director, by 7 December
    2026)"; without the date when the committee does not print due dates in its minutes."""
    details = []
    if record.requested_of:
        details.append(f"of {speaker_reference(record.requested_of, people)}")
    if record.due_date and due_dates:
        details.append(f"by {long_date(record.due_date)}")
    suffix = f" ({', '.join(details)})" if details else ""
    return f"{clause(record.text, case)}{suffix}"
