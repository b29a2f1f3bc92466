"""The capture line: one typed line makes one record.

The grammar, as the screen shows it::

    q  [ASKER:] question [| [ANSWERER:] answer]   a question (and its answer)
    a  [ANSWERER:] answer                          answers the last unanswered question or assurance
    as [THEME:] assurance sought [| response]      an assurance sought (and the response)
    ir [OF WHOM:] information requested            an information request
    r  text                                        a resolution part ("RESOLVED: That ...")
    ag text                                        a procedural decision ("AGREED: That ...")
    rec [BODY:] text                               a recommendation (to the Cabinet unless named)
    n  text, or any other line                     a narrative note

Prefixes are lower case and followed by a space. A line that starts any other way is a narrative,
so nothing typed is ever refused or lost. ``NAME:`` is a name or title followed by a colon and a
space near the start of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from scrutui.models import (
    Assurance,
    AssuranceStatus,
    InformationRequest,
    Narrative,
    Question,
    Recommendation,
    Record,
    Resolution,
    ResolutionForm,
    clean_line,
    clean_text,
)

#: How far into the text a "NAME:" may end, and how many words it may have.
_NAME_MAX_CHARS = 80
_NAME_MAX_WORDS = 9
_NAME_BAD = re.compile(r"[.?!;\"“”]|\d{2}")

GRAMMAR: list[tuple[str, str]] = [
    ("q Cllr Ali: question | Director: answer", "question and answer"),
    ("a Director: answer", "answer the last question or assurance"),
    ("as Workforce: sought | response", "assurance sought"),
    ("ir Director of Finance: what", "information request"),
    ("r the report be noted", "resolution part"),
    ("ag text", "procedural decision (AGREED)"),
    ("rec Cabinet: that ...", "recommendation"),
    ("anything else", "narrative note"),
]


class CaptureKind(StrEnum):
    """What a capture line will make."""

    NARRATIVE = "narrative"
    QUESTION = "question"
    ANSWER = "answer"
    ASSURANCE = "assurance"
    INFORMATION_REQUEST = "information_request"
    RESOLUTION = "resolution"
    AGREED = "agreed"
    RECOMMENDATION = "recommendation"


_PREFIXES: dict[str, CaptureKind] = {
    "q": CaptureKind.QUESTION,
    "a": CaptureKind.ANSWER,
    "as": CaptureKind.ASSURANCE,
    "ir": CaptureKind.INFORMATION_REQUEST,
    "r": CaptureKind.RESOLUTION,
    "ag": CaptureKind.AGREED,
    "rec": CaptureKind.RECOMMENDATION,
    "n": CaptureKind.NARRATIVE,
}
_PREFIX = re.compile(r"^(q|a|as|ir|r|ag|rec|n) (.*)$", re.DOTALL)


@dataclass(frozen=True)
class Capture:
    """A capture line, parsed. `names` are the names and titles typed, for checking who is known."""

    kind: CaptureKind
    text: str = ""
    name: str = ""  # asker, theme, requested of, or recommendation body
    reply_by: str = ""  # answerer
    reply: str = ""  # answer or response
    names: tuple[str, ...] = field(default=())

    @property
    def is_empty(self) -> bool:
        """True when there is nothing to save."""
        return not (self.text or self.reply)


def split_name(text: str) -> tuple[str, str]:
    """Split "NAME: rest" into its name and the rest; ("", text) when there is no name."""
    index = text.find(": ")
    if index <= 0 and text.endswith(":") and len(text) <= _NAME_MAX_CHARS:
        candidate = text[:-1].strip()
        if candidate and not _NAME_BAD.search(candidate) and len(candidate.split()) <= _NAME_MAX_WORDS:
            return candidate, ""
    if index <= 0 or index > _NAME_MAX_CHARS:
        return "", text
    candidate = text[:index].strip()
    if _NAME_BAD.search(candidate) or len(candidate.split()) > _NAME_MAX_WORDS:
        return "", text
    return candidate, text[index + 2 :].strip()


def parse(line: str) -> Capture:
    """Parse one capture line. Never raises: anything unrecognised is a narrative note."""
    line = clean_text(line)
    if line in _PREFIXES:  # a prefix with nothing after it yet
        return Capture(_PREFIXES[line])
    match = _PREFIX.match(line)
    if not match:
        return Capture(CaptureKind.NARRATIVE, text=line)
    kind, rest = _PREFIXES[match[1]], match[2].strip()
    if kind in (CaptureKind.NARRATIVE, CaptureKind.RESOLUTION, CaptureKind.AGREED):
        return Capture(kind, text=rest)
    if kind is CaptureKind.ANSWER:
        answerer, answer = split_name(rest)
        return Capture(kind, reply_by=clean_line(answerer), reply=answer, names=_names(answerer))
    main, _, reply_part = rest.partition("|")
    name, text = split_name(main.strip())
    name = clean_line(name)
    if kind is CaptureKind.QUESTION:
        answerer, answer = split_name(reply_part.strip())
        answerer = clean_line(answerer)
        return Capture(
            kind, text=text, name=name, reply_by=answerer, reply=answer, names=_names(name, answerer)
        )
    if kind is CaptureKind.ASSURANCE:
        return Capture(kind, text=text, name=name, reply=reply_part.strip())
    if kind is CaptureKind.INFORMATION_REQUEST:
        return Capture(kind, text=text, name=name, names=_names(name))
    return Capture(kind, text=text, name=name)  # recommendation: name is the body


def _names(*names: str) -> tuple[str, ...]:
    return tuple(n for n in names if n)


def describe(capture: Capture, default_body: str = "Cabinet") -> str:
    """Say, in a few words, what Enter will save (shown live under the capture line)."""
    if capture.is_empty and capture.kind is not CaptureKind.ANSWER:
        return ""
    match capture.kind:
        case CaptureKind.NARRATIVE:
            return "Narrative note"
        case CaptureKind.QUESTION:
            who = f" from {capture.name}" if capture.name else ""
            answer = ""
            if capture.reply:
                answer = f", answered by {capture.reply_by}" if capture.reply_by else ", with answer"
            return f"Question{who}{answer}"
        case CaptureKind.ANSWER:
            by = f" by {capture.reply_by}" if capture.reply_by else ""
            return f"Answer{by} to the last unanswered question or assurance"
        case CaptureKind.ASSURANCE:
            theme = f" ({capture.name})" if capture.name else ""
            response = ", with response" if capture.reply else ""
            return f"Assurance sought{theme}{response}"
        case CaptureKind.INFORMATION_REQUEST:
            of = f" of {capture.name}" if capture.name else ""
            return f"Information request{of}"
        case CaptureKind.RESOLUTION:
            return "Resolution part (RESOLVED)"
        case CaptureKind.AGREED:
            return "Procedural decision (AGREED)"
        case CaptureKind.RECOMMENDATION:
            return f"Recommendation to {capture.name or default_body}"
    return ""


def to_record(capture: Capture, agenda_item_id: int, default_body: str = "Cabinet") -> Record:
    """The new record a capture line makes (not for answers, which complete an earlier record)."""
    item = agenda_item_id
    match capture.kind:
        case CaptureKind.QUESTION:
            return Question(
                agenda_item_id=item,
                text=capture.text,
                asked_by=capture.name,
                answered_by=capture.reply_by,
                answer=capture.reply,
            )
        case CaptureKind.ASSURANCE:
            status = AssuranceStatus.GIVEN if capture.reply else AssuranceStatus.SOUGHT
            return Assurance(
                agenda_item_id=item,
                text=capture.text,
                theme=capture.name,
                response=capture.reply,
                status=status,
            )
        case CaptureKind.INFORMATION_REQUEST:
            return InformationRequest(agenda_item_id=item, text=capture.text, requested_of=capture.name)
        case CaptureKind.RESOLUTION:
            return Resolution(agenda_item_id=item, text=capture.text)
        case CaptureKind.AGREED:
            return Resolution(agenda_item_id=item, text=capture.text, form=ResolutionForm.AGREED)
        case CaptureKind.RECOMMENDATION:
            return Recommendation(
                agenda_item_id=item, text=capture.text, addressee=capture.name or default_body
            )
        case CaptureKind.ANSWER:
            return Question(agenda_item_id=item, answered_by=capture.reply_by, answer=capture.reply)
    return Narrative(agenda_item_id=item, text=capture.text)


def answer(records: list[Record], capture: Capture) -> Record | None:
    """The last question or assurance of an item still waiting for an answer, answered."""
    for record in reversed(records):
        if isinstance(record, Question) and not record.answer:
            answered_by = capture.reply_by or record.answered_by
            return record.model_validate(
                {**record.model_dump(), "answer": capture.reply, "answered_by": answered_by}
            )
        if isinstance(record, Assurance) and not record.response:
            return record.model_validate(
                {**record.model_dump(), "response": capture.reply, "status": AssuranceStatus.GIVEN}
            )
    return None
