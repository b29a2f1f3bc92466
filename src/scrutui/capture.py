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
    m  [MOVER[/SECONDER]:] that ...             a motion
    am MOVER[/SECONDER]: that ...  or  am: ...   an amendment to the motion above
    vote carried 7-2-1   (or lost, withdrawn)    the show of hands on the open motion or amendment
    - item, * item, • item, (a) item, 1. item    a list item of the narrative just above
    n  text, or any other line                   a narrative note

Prefixes are lower case and followed by a space. A line that starts any other way is a narrative,
so nothing typed is ever refused or lost.

``a`` and ``as`` are English words, so they are prefixes only when the clerk clearly meant one: a
``NAME:`` or ``THEME:`` that reads as a name, title or theme (capitalised, like "Director of Finance"
or "Workforce", or known to the meeting), or the colon straight after the prefix (``a:``, ``as:``).
"a member noted that ..." and "as expected, ..." are narratives; the hint offers the other reading.
The assurance sought may name whom it was sought from: ``as Workforce: from the Director that ...``.

``am`` is an English word too: an amendment needs its mover named (or ``am:``). A vote is only the
whole pattern ``vote carried|lost|withdrawn [FOR-AGAINST[-ABSTAINED]] [casting]``; "vote" followed
by anything else is a narrative, and the hint shows the pattern.

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
    Motion,
    MotionOutcome,
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
    ("m Cllr Ali/Cllr Khan: that ...", "motion, with its mover and seconder"),
    ("am Cllr Lee/Cllr Ray: that ...   (or am: ...)", "amendment to the motion above"),
    ("vote carried 7-2-1   (vote lost 3-6, vote withdrawn)", "show of hands on the open motion: for-against-abstained"),
    ("vote carried 5-5 casting", "carried (or lost) on the Chair's casting vote"),
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
    MOTION = "motion"
    AMENDMENT = "amendment"
    VOTE = "vote"


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
    "m": CaptureKind.MOTION,
    "am": CaptureKind.AMENDMENT,
}
_PREFIX = re.compile(r"^(q|a|as|ir|r|ag|rec|h|n|m|am) (.*)$", re.DOTALL)
#: "a:", "as:" and "am:": an answer with nobody named, an assurance with no theme, an amendment
#: whose mover is not named.
_BARE = re.compile(r"^(a|as|am):(?:\s+(.*))?$", re.DOTALL)
#: A show of hands: "vote carried 7-2-1", "vote lost 3-6", "vote carried 5-5 casting", "vote withdrawn".
_VOTE = re.compile(
    r"^vote\s+(?P<outcome>carried|lost|withdrawn)"
    r"(?:\s+(?P<ayes>\d{1,4})\s*-\s*(?P<noes>\d{1,4})(?:\s*-\s*(?P<abstained>\d{1,4}))?)?"
    r"(?:\s+(?:on\s+the\s+)?(?:chair'?s\s+)?(?P<casting>casting)(?:\s+vote)?)?\s*\.?$"
)
_OUTCOMES = {"carried": MotionOutcome.CARRIED, "lost": MotionOutcome.LOST, "withdrawn": MotionOutcome.WITHDRAWN}
#: The end of an information request naming who asked: "... (asked by Cllr Ali)".
_ASKED_BY = re.compile(r"\s*\(asked by\s+(?P<name>[^()]*?)\s*\)\s*$", re.IGNORECASE)
_SOUGHT_FROM = re.compile(r"^from\s+(?P<name>.+?)\s+that\s+(?P<rest>\S.*)$", re.IGNORECASE | re.DOTALL)

#: What an "a" or "as" line that is saved as a narrative could have meant instead.
ANSWER_READING = "to answer the open question, type a NAME: … or a: …"
ASSURANCE_READING = "for an assurance, type as THEME: … or as: …"
AMENDMENT_READING = "for an amendment, type am MOVER/SECONDER: … or am: …"
VOTE_READING = "for a show of hands, type vote carried 7-2-1 (for-against-abstained), vote lost 3-6 or vote withdrawn"


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
    seconder: str = ""  # who seconded a motion or amendment (`name` moved it)
    outcome: MotionOutcome | None = None  # a vote: carried, lost or withdrawn
    tally: tuple[int, int, int] | None = None  # a vote's numbers for, against and abstaining
    casting: bool = False  # carried or lost on the Chair's casting vote
    asked_by: str = ""  # the member who asked for an information request ("" for the Committee)

    @property
    def is_empty(self) -> bool:
        """True when there is nothing to save."""
        return not (self.text or self.reply or self.ends_section or self.outcome)


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
        if bare[1] == "am":
            return Capture(CaptureKind.AMENDMENT, text=rest)
        return _assurance("", rest, is_name)
    vote = _VOTE.match(line)
    if vote:
        return _vote(vote)
    match = _PREFIX.match(line)
    if not match:
        if line.startswith("vote "):
            return Capture(CaptureKind.NARRATIVE, text=line, other_reading=VOTE_READING)
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
    if kind in (CaptureKind.MOTION, CaptureKind.AMENDMENT):
        movers, text = split_name(rest, lambda candidate: _movers(candidate, is_name))
        if kind is CaptureKind.AMENDMENT and not movers:
            return Capture(CaptureKind.NARRATIVE, text=line, other_reading=AMENDMENT_READING)
        mover, _, seconder = (clean_line(part) for part in movers.partition("/"))
        return Capture(kind, text=text, name=mover, seconder=seconder, names=_names(mover, seconder))
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


def _movers(candidate: str, is_name: Callable[[str], bool]) -> bool:
    """True for "MOVER" or "MOVER/SECONDER", each a name or title."""
    parts = candidate.split("/")
    return len(parts) <= 2 and all(part.strip() and is_name(part.strip()) for part in parts)


def _vote(found: re.Match[str]) -> Capture:
    """A show of hands on the capture line, as parsed by `_VOTE`."""
    outcome = _OUTCOMES[found["outcome"]]
    tally = None
    if found["ayes"] is not None:
        tally = (int(found["ayes"]), int(found["noes"]), int(found["abstained"] or 0))
    return Capture(CaptureKind.VOTE, outcome=outcome, tally=tally, casting=found["casting"] is not None)


def vote_words(capture: Capture) -> str:
    """A vote line in words: "carried, 7 for, 2 against, 1 abstaining"."""
    words = capture.outcome.value if capture.outcome else ""
    if capture.tally is not None:
        ayes, noes, abstained = capture.tally
        words += f", {ayes} for, {noes} against, {abstained} abstaining"
    if capture.casting:
        words += ", on the Chair's casting vote"
    return words


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
        case CaptureKind.MOTION | CaptureKind.AMENDMENT:
            what = "Motion" if capture.kind is CaptureKind.MOTION else "Amendment to the motion above"
            moved = f", moved by {capture.name}" if capture.name else ""
            seconded = f", seconded by {capture.seconder}" if capture.seconder else ""
            return f"{what}{moved}{seconded}"
        case CaptureKind.VOTE:
            return f"Vote on the open motion or amendment: {vote_words(capture)}"
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
        case CaptureKind.MOTION | CaptureKind.AMENDMENT:
            return Motion(
                agenda_item_id=item,
                text=capture.text,
                moved_by=capture.name,
                seconded_by=capture.seconder,
                amendment=capture.kind is CaptureKind.AMENDMENT,
            )
        case CaptureKind.VOTE:  # a vote with no motion open: the motion's words can be added later
            return with_vote(Motion(agenda_item_id=item, text="", outcome=MotionOutcome.LOST), capture)
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


def with_vote(motion: Motion, capture: Capture) -> Motion:
    """`motion` as the vote line says it was decided (checked: the numbers must fit the outcome)."""
    ayes, noes, abstained = capture.tally if capture.tally is not None else (None, None, None)
    return Motion.model_validate(
        {
            **motion.model_dump(),
            "outcome": capture.outcome or MotionOutcome.MOVED,
            "votes_for": ayes,
            "votes_against": noes,
            "abstentions": abstained,
            "casting_vote": capture.casting,
            "recorded_votes": (),
        }
    )


def with_list_item(narrative: Narrative, capture: Capture) -> Narrative:
    """`narrative` with the list item a capture line typed added at its end."""
    blocks = (*narrative.blocks, to_block(capture))
    return Narrative.model_validate({**narrative.model_dump(), "blocks": blocks, "text": ""})
