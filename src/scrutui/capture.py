"""The capture line: one typed line makes one record.

The grammar, as the screen shows it::

    q  [ASKER:] question [| [ANSWERER:] answer]   a question (and its answer)
    a  NAME: answer   or   a: answer             answers the last open question or assurance
    as THEME: sought [| [NAME:] response]        an assurance sought under a theme (and the response)
    as: sought [| [NAME:] response]              an assurance sought with no theme
    ir [OF WHOM:] information requested [(asked by NAME)]
                                                 an information request (and the member who asked)
    r  text                                      a resolution part ("RESOLVED: That ...")
    ag text                                      a procedural decision ("AGREED: That ...")
    rec [BODY:] text                             a recommendation (to the Cabinet unless named)
    h  heading   /   h end                       a sub-heading / the end of its section
    - item, * item, • item, (a) item, 1. item    a list item of the narrative just above
    n  text, or any other line                   a narrative note

Prefixes are lower case and followed by a space. A line that starts any other way is a narrative,
so nothing typed is ever refused or lost.

``a`` and ``as`` are English words, so they are prefixes only when the clerk clearly meant one: a
``NAME:`` or ``THEME:`` that reads as a name, title or theme (capitalised, like "Director of Finance"
or "Workforce", or known to the meeting), or the colon straight after the prefix (``a:``, ``as:``).
"a member noted that ..." and "as expected, ..." are narratives; the hint offers the other reading.
The assurance sought may name whom it was sought from: ``as Workforce: from the Director that ...``.
An information request may end by naming the member who asked, in brackets: ``ir Director of
Finance: the risk register (asked by Cllr Ali)``; without it, the Committee asked. Only an ``ir``
line is read this way, so no other line changes meaning.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from scrutui.blocks import BlockKind, TypedBlock, read_line
from scrutui.models import (
    THE_COMMITTEE,
    Assurance,
    AssuranceStatus,
    Block,
    Heading,
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
_THEME_MAX_WORDS = 6
_NAME_BAD = re.compile(r"[.?!;\"“”]|\d{2}")
#: Small words a name or title may have in lower case: "Director of Finance", "Jean de la Tour".
_JOINERS = frozenset(
    {"of", "for", "and", "the", "&", "to", "in", "on", "at", "with", "de", "la", "le", "van", "von", "der", "du", "da", "ap", "ab", "y"}
)
_COUNCILLOR = re.compile(r"^(cllr\.?|councillor)$", re.IGNORECASE)
_END_OF_SECTION = "end"

#: "Is this typed name, title or theme known to the meeting?"
Known = Callable[[str], bool]

GRAMMAR: list[tuple[str, str]] = [
    ("q Cllr Ali: question | Director: answer", "question and answer"),
    ("a Director: answer   (or a: answer)", "answer the last open question or assurance"),
    ("as Workforce: sought | Director: response", "assurance sought (as: with no theme)"),
    ("as Workforce: from the Director that ...", "assurance sought of someone"),
    ("ir Director of Finance: what (asked by Cllr Ali)", "information request (the Committee's if nobody asked)"),
    ("r the report be noted", "resolution part"),
    ("ag text", "procedural decision (AGREED)"),
    ("rec Cabinet: that ...", "recommendation"),
    ("h Workforce   /   h end", "sub-heading / end of its section"),
    ("- item   (a) item   1. item", "list item of the narrative above"),
    ("n text, or anything else", "narrative note"),
]


class CaptureKind(StrEnum):
    """What a capture line will make."""

    NARRATIVE = "narrative"
    LIST_ITEM = "list_item"
    HEADING = "heading"
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
    "h": CaptureKind.HEADING,
    "n": CaptureKind.NARRATIVE,
}
_PREFIX = re.compile(r"^(q|a|as|ir|r|ag|rec|h|n) (.*)$", re.DOTALL)
#: "a:" and "as:": an answer with nobody named, an assurance with no theme.
_BARE = re.compile(r"^(a|as):(?:\s+(.*))?$", re.DOTALL)
#: The end of an information request naming who asked: "... (asked by Cllr Ali)".
_ASKED_BY = re.compile(r"\s*\(asked by\s+(?P<name>[^()]*?)\s*\)\s*$", re.IGNORECASE)
_SOUGHT_FROM = re.compile(r"^from\s+(?P<name>.+?)\s+that\s+(?P<rest>\S.*)$", re.IGNORECASE | re.DOTALL)

#: What an "a" or "as" line that is saved as a narrative could have meant instead.
ANSWER_READING = "to answer the open question, type a NAME: … or a: …"
ASSURANCE_READING = "for an assurance, type as THEME: … or as: …"


@dataclass(frozen=True)
class Capture:
    """A capture line, parsed. `names` are the names and titles typed, for checking who is known."""

    kind: CaptureKind
    text: str = ""
    name: str = ""  # asker, theme, requested of, or recommendation body
    reply_by: str = ""  # answerer, or who responded to an assurance
    reply: str = ""  # answer or response
    names: tuple[str, ...] = field(default=())
    sought_from: str = ""  # of whom an assurance was sought
    ends_section: bool = False  # "h end"
    block: TypedBlock | None = None  # a list item's kind, label and text
    other_reading: str = ""  # for a line saved as a narrative that could have meant a prefix
    asked_by: str = ""  # the member who asked for an information request ("" for the Committee)

    @property
    def is_empty(self) -> bool:
        """True when there is nothing to save."""
        return not (self.text or self.reply or self.ends_section)


def looks_like_name(candidate: str, known: Known | None = None) -> bool:
    """True when `candidate` reads as a person's name or a title ("Cllr Ali", "the Director of
    Finance", "Cabinet Member (Health and Wellbeing)"), or is known to the meeting."""
    candidate = candidate.strip()
    if not candidate or _NAME_BAD.search(candidate):
        return False
    if known is not None and known(candidate):
        return True
    words = candidate.split()
    if len(words) > _NAME_MAX_WORDS:
        return False
    if words[0].lower() == "the":
        words = words[1:]
    if not words:
        return False
    if _COUNCILLOR.match(words[0]):
        return True
    for index, word in enumerate(words):
        core = word.strip("()[],'’-")
        if not core or core[0].isupper() or core[0].isdigit():
            continue
        if index > 0 and core.lower() in _JOINERS:
            continue
        return False
    return True


def looks_like_theme(candidate: str, known: Known | None = None) -> bool:
    """True when `candidate` reads as a theme or sub-heading ("Workforce", "Quality of practice")."""
    candidate = candidate.strip()
    if not candidate or _NAME_BAD.search(candidate):
        return False
    if known is not None and known(candidate):
        return True
    return len(candidate.split()) <= _THEME_MAX_WORDS and candidate[0].isupper()


def split_name(text: str, accept: Callable[[str], bool] = looks_like_name) -> tuple[str, str]:
    """Split "NAME: rest" into its name and the rest; ("", text) when there is no name.

    The name ends at the first ": " within the first 80 characters, and must be one `accept` takes
    (by default, one that reads as a name or title).
    """
    index = text.find(": ")
    if index <= 0 and text.endswith(":") and len(text) <= _NAME_MAX_CHARS:
        candidate = text[:-1].strip()
        if candidate and accept(candidate):
            return candidate, ""
    if index <= 0 or index > _NAME_MAX_CHARS:
        return "", text
    candidate = text[:index].strip()
    if not accept(candidate):
        return "", text
    return candidate, text[index + 2 :].strip()


def parse(line: str, known: Known | None = None) -> Capture:
    """Parse one capture line. Never raises: anything unrecognised is a narrative note.

    `known` says whether a name, title or theme is known to the meeting, so that one typed in lower
    case still counts as a name.
    """
    line = clean_text(line)
    is_name = lambda candidate: looks_like_name(candidate, known)  # noqa: E731
    if line in _PREFIXES:  # a prefix with nothing after it yet
        return Capture(_PREFIXES[line])
    bare = _BARE.match(line)
    if bare:
        rest = (bare[2] or "").strip()
        if bare[1] == "a":
            return Capture(CaptureKind.ANSWER, reply=rest)
        return _assurance("", rest, is_name)
    match = _PREFIX.match(line)
    if not match:
        block = read_line(line)
        if block.kind is not BlockKind.PARAGRAPH:
            return Capture(CaptureKind.LIST_ITEM, text=block.text, block=block)
        return Capture(CaptureKind.NARRATIVE, text=line)
    kind, rest = _PREFIXES[match[1]], match[2].strip()
    if kind in (CaptureKind.NARRATIVE, CaptureKind.RESOLUTION, CaptureKind.AGREED):
        return Capture(kind, text=rest)
    if kind is CaptureKind.HEADING:
        if rest.casefold() == _END_OF_SECTION:
            return Capture(kind, ends_section=True)
        return Capture(kind, text=clean_line(rest))
    if kind is CaptureKind.ANSWER:
        answerer, answer = split_name(rest, is_name)
        if not answerer:
            return Capture(CaptureKind.NARRATIVE, text=line, other_reading=ANSWER_READING)
        answerer = clean_line(answerer)
        return Capture(kind, reply_by=answerer, reply=answer, names=_names(answerer))
    if kind is CaptureKind.INFORMATION_REQUEST:
        asker, rest = split_asker(rest, is_name)
        name, text = split_name(rest, is_name)
        name = clean_line(name)
        return Capture(kind, text=text, name=name, asked_by=asker, names=_names(name, asker))
    main, bar, reply_part = rest.partition("|")
    if kind is CaptureKind.ASSURANCE:
        theme, sought = split_name(main.strip(), lambda candidate: looks_like_theme(candidate, known))
        if not theme:
            return Capture(CaptureKind.NARRATIVE, text=line, other_reading=ASSURANCE_READING)
        return _assurance(clean_line(theme), f"{sought}{bar}{reply_part}", is_name)
    name, text = split_name(main.strip(), is_name)
    name = clean_line(name)
    if kind is CaptureKind.QUESTION:
        answerer, answer = split_name(reply_part.strip(), is_name)
        answerer = clean_line(answerer)
        return Capture(
            kind, text=text, name=name, reply_by=answerer, reply=answer, names=_names(name, answerer)
        )
    return Capture(kind, text=text, name=name)  # recommendation: name is the body


def split_asker(text: str, is_name: Callable[[str], bool] = looks_like_name) -> tuple[str, str]:
    """Split "what (asked by NAME)" into the member who asked and the rest; ("", text) when the
    line does not end that way or NAME does not read as a name."""
    found = _ASKED_BY.search(text)
    if not found or not is_name(found["name"]):
        return "", text
    return clean_line(found["name"]), text[: found.start()].strip()


def _assurance(theme: str, rest: str, is_name: Callable[[str], bool]) -> Capture:
    """An assurance: "sought [| [NAME:] response]", where what was sought may begin "from NAME that"."""
    main, _, reply_part = rest.partition("|")
    sought_from, text = "", main.strip()
    found = _SOUGHT_FROM.match(text)
    if found and is_name(found["name"]):
        sought_from = clean_line(re.sub(r"^the\s+", "", found["name"], flags=re.IGNORECASE))
        text = found["rest"].strip()
    responder, response = split_name(reply_part.strip(), is_name)
    responder = clean_line(responder)
    return Capture(
        CaptureKind.ASSURANCE,
        text=text,
        name=theme,
        reply_by=responder,
        reply=response,
        sought_from=sought_from,
        names=_names(sought_from, responder),
    )


def _names(*names: str) -> tuple[str, ...]:
    return tuple(n for n in names if n)


def describe(capture: Capture, default_body: str = "Cabinet", *, after_narrative: bool = False) -> str:
    """Say, in a few words, what Enter will save (shown live under the capture line).

    `after_narrative`: the item's last record is a narrative (a list item is added to it).
    """
    if capture.is_empty and capture.kind is not CaptureKind.ANSWER:
        return ""
    match capture.kind:
        case CaptureKind.NARRATIVE:
            other = f" · {capture.other_reading}" if capture.other_reading else ""
            return f"Narrative note{other}"
        case CaptureKind.LIST_ITEM:
            shape = "bulleted" if capture.block and capture.block.kind is BlockKind.BULLET else "labelled"
            if after_narrative:
                return f"List item ({shape}), added to the narrative above"
            return f"Narrative note starting a {shape} list"
        case CaptureKind.HEADING:
            if capture.ends_section:
                return "End of section: what follows stands at the item's top level"
            return "Sub-heading: what follows stands under it (h end ends it)"
        case CaptureKind.QUESTION:
            who = f" from {capture.name}" if capture.name else ""
            answer = ""
            if capture.reply:
                answer = f", answered by {capture.reply_by}" if capture.reply_by else ", with answer"
            return f"Question{who}{answer}"
        case CaptureKind.ANSWER:
            by = f" by {capture.reply_by}" if capture.reply_by else ""
            return f"Answer{by} to the last open question or assurance"
        case CaptureKind.ASSURANCE:
            theme = f" ({capture.name})" if capture.name else ""
            of = f" of {capture.sought_from}" if capture.sought_from else ""
            response = ""
            if capture.reply:
                response = f", response by {capture.reply_by}" if capture.reply_by else ", with response"
            return f"Assurance sought{theme}{of}{response}"
        case CaptureKind.INFORMATION_REQUEST:
            of = f" of {capture.name}" if capture.name else ""
            return f"Information request{of}, asked by {capture.asked_by or THE_COMMITTEE}"
        case CaptureKind.RESOLUTION:
            return "Resolution part (RESOLVED)"
        case CaptureKind.AGREED:
            return "Procedural decision (AGREED)"
        case CaptureKind.RECOMMENDATION:
            return f"Recommendation to {capture.name or default_body}"
    return ""


def to_block(capture: Capture) -> Block:
    """The narrative block a capture line makes: a paragraph, or a list item."""
    typed = capture.block
    if typed is None:
        return Block(text=capture.text)
    return Block(kind=typed.kind, text=typed.text, label=typed.label)


def to_record(capture: Capture, agenda_item_id: int, default_body: str = "Cabinet") -> Record:
    """The new record a capture line makes (not for answers, which complete an earlier record)."""
    item = agenda_item_id
    match capture.kind:
        case CaptureKind.HEADING:
            return Heading(agenda_item_id=item, text=capture.text, ends_section=capture.ends_section)
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
                sought_from=capture.sought_from,
                response=capture.reply,
                responded_by=capture.reply_by,
                status=status,
            )
        case CaptureKind.INFORMATION_REQUEST:
            return InformationRequest(
                agenda_item_id=item, text=capture.text, requested_of=capture.name, asked_by=capture.asked_by
            )
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
    # A narrative note (or the first item of a list): its one block as typed, never read again, so
    # "n - 3 members attended" stays a paragraph.
    return Narrative(agenda_item_id=item, blocks=(to_block(capture),))


def answer(records: list[Record], capture: Capture) -> Record | None:
    """The last question or assurance of an item still waiting for an answer, answered."""
    for record in reversed(records):
        if isinstance(record, Question) and not record.answer:
            answered_by = capture.reply_by or record.answered_by
            return record.model_validate(
                {**record.model_dump(), "answer": capture.reply, "answered_by": answered_by}
            )
        if isinstance(record, Assurance) and not record.response:
            responded_by = capture.reply_by or record.responded_by
            return record.model_validate(
                {
                    **record.model_dump(),
                    "response": capture.reply,
                    "responded_by": responded_by,
                    "status": AssuranceStatus.GIVEN,
                }
            )
    return None


def with_list_item(narrative: Narrative, capture: Capture) -> Narrative:
    """`narrative` with the list item a capture line typed added at its end."""
    blocks = (*narrative.blocks, to_block(capture))
    return Narrative.model_validate({**narrative.model_dump(), "blocks": blocks, "text": ""})
