"""Domain models: what a committee, a meeting and each kind of minute record is.

Validation and text cleaning happen here, once, so that whatever reaches the database can always be
shown on screen and written to a Word document.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import unicodedata
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    field_validator,
    model_validator,
)

from scrutui.blocks import BlockKind, read_blocks, typed_text

# --- text cleaning -------------------------------------------------------------------------------

#: Characters XML 1.0 (and so Word) cannot hold: C0 controls other than tab, newline and carriage
#: return, and the non-characters U+FFFE and U+FFFF. Lone surrogates are handled separately.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACES = re.compile(r"[ \t\u00a0]+")
#: Explicit direction embeddings, overrides and isolates: invisible, and able to make a name read
#: backwards on screen and in print (right-to-left text itself needs none of them).
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")

#: Longest text one record may hold (a 1 MB paste fits with room to spare).
MAX_TEXT = 2_000_000
#: Longest name, title, venue or other one-line field.
MAX_SHORT = 300


def clean_text(value: str) -> str:
    """Return `value` with everything a Word document cannot hold removed.

    Control characters and direction overrides (U+202A-U+202E, U+2066-U+2069) are dropped (tab
    becomes a space), lone surrogates become U+FFFD (the replacement character), line endings become
    ``\\n``, and leading and trailing space is trimmed.
    """
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    value = _XML_ILLEGAL.sub("", value)
    value = _BIDI_CONTROLS.sub("", value)
    value = _SURROGATE.sub("\ufffd", value)
    # Vertical tab, form feed and the Unicode line/paragraph separators read as line breaks.
    value = value.replace("\u2028", "\n").replace("\u2029", "\n")
    return unicodedata.normalize("NFC", value).strip()


def clean_line(value: str) -> str:
    """Clean `value` as :func:`clean_text` does and fold it onto one line."""
    value = clean_text(value).replace("\n", " ")
    return _SPACES.sub(" ", value).strip()


def _coerce_str(value: object) -> object:
    return "" if value is None else value


Text = Annotated[str, BeforeValidator(_coerce_str), AfterValidator(clean_text), Field(max_length=MAX_TEXT)]
Line = Annotated[str, BeforeValidator(_coerce_str), AfterValidator(clean_line), Field(max_length=MAX_SHORT)]
def _one_line(value: str) -> str:
    return clean_text(value).replace("\n", " ")


#: A paragraph or list item: any length, on one line (its spacing kept as typed).
ParagraphText = Annotated[
    str, BeforeValidator(_coerce_str), AfterValidator(_one_line), Field(max_length=MAX_TEXT)
]
RequiredLine = Annotated[
    str,
    BeforeValidator(_coerce_str),
    AfterValidator(clean_line),
    Field(min_length=1, max_length=MAX_SHORT),
]


#: A blank left to fill in: "<date>", "<name of officer>" (lower case, so "Smith & Jones <Ltd>" is not one).
_UNFILLED = re.compile(r"<[a-z][a-z ]{0,40}>")


def unfilled_blank(text: str) -> str | None:
    """The first blank left to fill in (such as "<date>") in `text`, if there is one."""
    found = _UNFILLED.search(text)
    return found[0] if found else None


def now() -> str:
    """The local time now, to the second, as ISO 8601 text (how the database stores times)."""
    return dt.datetime.now().replace(microsecond=0).isoformat()


class Model(BaseModel):
    """Base of every domain model: strict about unknown fields, validated on assignment too."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, str_strip_whitespace=False)


# --- committees and people -----------------------------------------------------------------------


class Jurisdiction(StrEnum):
    """Where the council is: decides bank holidays and exempt-information paragraphs."""

    ENGLAND = "england"
    WALES = "wales"
    SCOTLAND = "scotland"
    NORTHERN_IRELAND = "northern_ireland"


class NumberingScheme(StrEnum):
    """How minute numbers are written."""

    CONTINUOUS = "continuous"  # 111.
    NUMBER_YEAR = "number_year"  # 60/25
    ITEM_PARAGRAPH = "item_paragraph"  # 4.1


class LabelStyle(StrEnum):
    """How the parts of a resolution are labelled."""

    ALPHA = "alpha"  # (a) (b)
    ROMAN = "roman"  # (i) (ii)
    NUMBER_DOT = "number_dot"  # 1. 2.
    NUMBER_PAREN = "number_paren"  # 1) 2)


class Attribution(StrEnum):
    """Whether minutes name the member who asked a question or write "a Member"."""

    NAMED = "named"
    A_MEMBER = "a_member"


class Role(StrEnum):
    """How a person sits on, or attends, a committee."""

    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    MEMBER = "member"
    CO_OPTED = "co_opted"
    OFFICER = "officer"
    CABINET_MEMBER = "cabinet_member"
    WITNESS = "witness"

    @property
    def is_member(self) -> bool:
        """True for the committee's own members (who count towards the quorum)."""
        return self in MEMBER_ROLES

    @property
    def label(self) -> str:
        """The role as a clerk says it."""
        return ROLE_LABELS[self]


MEMBER_ROLES = frozenset({Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER, Role.CO_OPTED})
ROLE_LABELS = {
    Role.CHAIR: "Chair",
    Role.VICE_CHAIR: "Vice-Chair",
    Role.MEMBER: "Member",
    Role.CO_OPTED: "Co-opted member",
    Role.OFFICER: "Officer",
    Role.CABINET_MEMBER: "Cabinet member",
    Role.WITNESS: "Witness",
}


class PartEnding(StrEnum):
    """How the labelled parts of a decision end."""

    SEMICOLONS = "semicolons"  # "(a) ...; (b) ...; and (c) ...."
    FULL_STOPS = "full_stops"  # "1. ... . 2. ... ."

    @property
    def label(self) -> str:
        """The choice as the house-style screen offers it."""
        return '"; " and "; and", a full stop at the end' if self is PartEnding.SEMICOLONS else "A full stop each"


class PartCase(StrEnum):
    """How the first letter of a labelled part is written."""

    LOWER = "lower"  # "(a) the report be noted" (a proper noun keeps its capital)
    CAPITAL = "capital"  # "1. Expects the plan to ..."
    AS_TYPED = "as_typed"

    @property
    def label(self) -> str:
        """The choice as the house-style screen offers it."""
        return {
            PartCase.LOWER: "Lower case (names keep their capital)",
            PartCase.CAPITAL: "A capital letter",
            PartCase.AS_TYPED: "As typed",
        }[self]


class MinutesLanguage(StrEnum):
    """The language the minutes are written in (a BCP 47 tag, for the document)."""

    ENGLISH = "en-GB"
    WELSH = "cy-GB"

    @property
    def label(self) -> str:
        """The language by its name."""
        return "English" if self is MinutesLanguage.ENGLISH else "Welsh (Cymraeg)"


_LEAD_TOKEN = re.compile(r"\{[^}]*\}")


def _only_body_token(value: str) -> str:
    for token in _LEAD_TOKEN.findall(value):
        if token != "{body}":
            raise ValueError(f"{token} is not something scrutui fills in (only {{body}}, whom it is to)")
    return value


LeadIn = Annotated[
    str,
    BeforeValidator(_coerce_str),
    AfterValidator(clean_line),
    AfterValidator(_only_body_token),
    Field(min_length=1, max_length=MAX_SHORT),
]
class ExemptNatures(StrEnum):
    """Whether public minutes give the nature of an interest declared in an exempt item."""

    WITHHOLD = "withhold"  # the nature may reveal the exempt matter: the default
    PUBLISH = "publish"

    @property
    def label(self) -> str:
        """The choice as the house-style screen offers it."""
        return "Withhold the nature" if self is ExemptNatures.WITHHOLD else "Publish the nature"


class Committee(Model):
    """A scrutiny committee and its house style.

    The house style (`HOUSE_STYLE` lists its fields): how questions are attributed, how each kind of
    decision is introduced ("RESOLVED: That", "It was resolved that:") and its parts labelled, how
    parts end and begin, whether request due dates are printed, whether decisions get a paragraph
    number in item.paragraph schemes, and the language of the minutes.
    """

    id: int | None = None
    name: RequiredLine
    quorum: int = Field(default=3, ge=1, le=100)
    jurisdiction: Jurisdiction = Jurisdiction.ENGLAND
    numbering_scheme: NumberingScheme = NumberingScheme.CONTINUOUS
    numbering_start: int = Field(default=1, ge=1, le=1_000_000)
    resolution_labels: LabelStyle = LabelStyle.ALPHA
    question_attribution: Attribution = Attribution.NAMED
    information_request_days: int = Field(default=10, ge=1, le=365)
    recommendation_response_months: int = Field(default=2, ge=1, le=24)
    recommendation_body: RequiredLine = "Cabinet"
    template_path: Line = ""
    resolution_lead: LeadIn = "RESOLVED: That"
    agreed_lead: LeadIn = "AGREED: That"
    recommendation_lead: LeadIn = "RECOMMENDED to {body} that"
    request_lead: LeadIn = "That the following information be requested:"
    #: Labels of procedural decisions, recommendations and requests: None labels them as resolutions.
    agreed_labels: LabelStyle | None = None
    recommendation_labels: LabelStyle | None = None
    request_labels: LabelStyle | None = None
    part_endings: PartEnding = PartEnding.SEMICOLONS
    part_case: PartCase = PartCase.LOWER
    request_due_dates: bool = True
    number_decisions: bool = False
    language: MinutesLanguage = MinutesLanguage.ENGLISH
    exempt_declaration_natures: ExemptNatures = ExemptNatures.WITHHOLD


#: The fields of a committee that are its house style: what a council-wide default holds and a new
#: committee copies.
HOUSE_STYLE = (
    "numbering_scheme",
    "resolution_labels",
    "question_attribution",
    "resolution_lead",
    "agreed_lead",
    "recommendation_lead",
    "request_lead",
    "agreed_labels",
    "recommendation_labels",
    "request_labels",
    "part_endings",
    "part_case",
    "request_due_dates",
    "number_decisions",
    "language",
    "exempt_declaration_natures",
)


class Person(Model):
    """Someone who sits on or attends a committee.

    `name` is written as the minutes should give it ("Councillor J Smith"); `title` is an officer's
    or witness's role ("Director of Children's Services"), by which minutes usually name them.
    """

    id: int | None = None
    name: RequiredLine
    title: Line = ""


class Membership(Model):
    """A person's place on a committee, with the dates they served."""

    committee_id: int
    person_id: int
    role: Role = Role.MEMBER
    from_date: dt.date | None = None
    to_date: dt.date | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> Membership:
        if self.from_date and self.to_date and self.to_date < self.from_date:
            raise ValueError("the end date is before the start date")
        return self


class CommitteePerson(Model):
    """A person together with their role on one committee (what forms and completion use)."""

    person: Person
    role: Role

    @property
    def reference(self) -> str:
        """How minutes refer to this person in prose ("Councillor Smith", "the Director of ...")."""
        if not self.role.is_member and self.person.title:
            return the(self.person.title)
        return self.person.name


# --- meetings and agenda -------------------------------------------------------------------------


class MinutesStatus(StrEnum):
    """Where a meeting's minutes are in their life: draft, issued to members, approved and signed."""

    DRAFT = "draft"
    ISSUED = "issued"
    APPROVED = "approved"


def _parse_time(value: object) -> object:
    """Accept 18:30, 18.30, 1830, 6.30pm, 6:30 pm, 2pm or 14 (a time of day), or pass through."""
    if isinstance(value, str):
        text = value.strip().lower().replace(".", ":").replace(" ", "")
        if re.fullmatch(r"\d{3,4}", text):
            text = f"{text[:-2]}:{text[-2:]}"
        match = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?(?::\d{2})?([ap]m)?", text)
        if not match or (match[2] is None and match[3] is None and len(match[1]) > 2):
            raise ValueError("should look like 18:30 or 6.30pm")
        hour, minute, half = int(match[1]), int(match[2] or 0), match[3] or ""
        if half and not 1 <= hour <= 12:
            raise ValueError(f"{value.strip()} is not a time of day")
        if half == "pm" and hour < 12:
            hour += 12
        if half == "am" and hour == 12:
            hour = 0
        if hour > 23 or minute > 59:
            raise ValueError(f"{value.strip()} is not a time of day")
        return dt.time(hour, minute)
    return value


def parse_date(value: object) -> object:
    """Accept 2026-11-23, 23/11/2026 or 23 Nov 2026 (British day-first order), or pass through."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if not text:
        return None
    if len(text) == 10 and text[4] == text[7] == "-":  # as the database holds dates: read at once
        with contextlib.suppress(ValueError):
            return dt.date.fromisoformat(text)
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d %b %Y", "%d %B %Y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"{text} is not a date (use 23/11/2026 or 2026-11-23)")


Time = Annotated[dt.time, BeforeValidator(_parse_time)]
Date = Annotated[dt.date, BeforeValidator(parse_date)]
OptionalDate = Annotated[dt.date | None, BeforeValidator(parse_date)]


class Meeting(Model):
    """One meeting of a committee."""

    id: int | None = None
    committee_id: int
    date: Date
    time: Time = dt.time(18, 0)
    venue: Line = ""
    status: MinutesStatus = MinutesStatus.DRAFT
    started_at: str | None = None
    ended_at: str | None = None

    @field_validator("date")
    @classmethod
    def _plausible_year(cls, value: dt.date) -> dt.date:
        if not 1990 <= value.year <= 2200:
            raise ValueError(f"{value.year} is not a plausible year for a meeting")
        return value


#: What the public reads for an exempt item whose public title was left empty.
EXEMPT_TITLE = "Exempt item"


class AgendaItem(Model):
    """An item on a meeting's agenda. `number` is what the agenda shows; `position` is sort order."""

    id: int | None = None
    meeting_id: int
    position: int = 0
    number: Line = ""
    minute_number: Line = ""
    title: RequiredLine
    purpose: Text = ""
    exempt_paragraph: int | None = Field(default=None, ge=1, le=20)
    public_title: Line = ""
    public_summary: Text = ""
    started_at: str | None = None
    ended_at: str | None = None

    @property
    def is_exempt(self) -> bool:
        """True when the public is excluded for this item (Schedule 12A)."""
        return self.exempt_paragraph is not None

    @property
    def public_name(self) -> str:
        """The item's title as the public may read it: an exempt item's public title, or else
        "Exempt item", never its own title."""
        if not self.is_exempt:
            return self.title
        return self.public_title or EXEMPT_TITLE


# --- records -------------------------------------------------------------------------------------


class RecordKind(StrEnum):
    """The kinds of record a clerk minutes under an agenda item."""

    HEADING = "heading"
    NARRATIVE = "narrative"
    QUESTION = "question"
    ASSURANCE = "assurance"
    INFORMATION_REQUEST = "information_request"
    RESOLUTION = "resolution"
    RECOMMENDATION = "recommendation"
    MOTION = "motion"

    @property
    def label(self) -> str:
        """The kind as the screen names it."""
        return KIND_LABELS[self]


KIND_LABELS = {
    RecordKind.HEADING: "Sub-heading",
    RecordKind.NARRATIVE: "Narrative",
    RecordKind.QUESTION: "Question",
    RecordKind.ASSURANCE: "Assurance",
    RecordKind.INFORMATION_REQUEST: "Information request",
    RecordKind.RESOLUTION: "Resolution",
    RecordKind.RECOMMENDATION: "Recommendation",
    RecordKind.MOTION: "Motion",
}


class AssuranceStatus(StrEnum):
    """Whether the assurance the committee sought was given."""

    SOUGHT = "sought"
    GIVEN = "given"
    PARTLY_GIVEN = "partly_given"
    NOT_GIVEN = "not_given"


class ReportingVerb(StrEnum):
    """How the minutes report a response: "The Director advised that ...".

    ``from_text`` takes the verb the clerk typed at the start of the response ("acknowledged that
    ..."), or else "advised" (or, with nobody named, "It was confirmed that").
    """

    FROM_TEXT = "from_text"
    ADVISED = "advised"
    EXPLAINED = "explained"
    ACKNOWLEDGED = "acknowledged"
    CLARIFIED = "clarified"
    CONFIRMED = "confirmed"
    REPORTED = "reported"
    STATED = "stated"
    ASSURED = "assured"  # "provided an assurance that"

    @property
    def label(self) -> str:
        """The choice as a form offers it."""
        if self is ReportingVerb.FROM_TEXT:
            return "As the response begins (else: advised)"
        return "provided an assurance" if self is ReportingVerb.ASSURED else self.value


class RequestStatus(StrEnum):
    """Where an information request stands."""

    OUTSTANDING = "outstanding"
    ANSWERED = "answered"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"


class ResolutionForm(StrEnum):
    """How a decision is introduced: "RESOLVED: That" or, for procedural items, "AGREED that"."""

    RESOLVED = "resolved"
    AGREED = "agreed"


class ExecutiveResponse(StrEnum):
    """The executive's response to a recommendation."""

    AWAITED = "awaited"
    ACCEPTED = "accepted"
    PARTLY_ACCEPTED = "partly_accepted"
    REJECTED = "rejected"
    NOTED = "noted"


class RecordBase(Model):
    """What every record has: its place under an agenda item and its main text."""

    id: int | None = None
    agenda_item_id: int
    position: int = 0
    text: Text = ""
    created_at: str | None = None
    updated_at: str | None = None
    #: Raised by one at every change in the database: an edit saves only over the version it opened.
    version: int = Field(default=0, ge=0)


class _NeedsText(RecordBase):
    @model_validator(mode="after")
    def _text_required(self) -> _NeedsText:
        if not self.text:
            kind: RecordKind = getattr(self, "kind")  # noqa: B009 - defined by each subclass
            raise ValueError(f"the {kind.label.lower()} needs some text")
        return self


class Block(Model):
    """A paragraph or list item of a narrative. `label` is a labelled item's "(a)", "1." as typed."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: BlockKind = BlockKind.PARAGRAPH
    text: ParagraphText
    label: Line = ""

    @model_validator(mode="after")
    def _label_only_on_items(self) -> Block:
        if self.kind is not BlockKind.ITEM and self.label:
            raise ValueError("only a labelled list item has a label")
        if self.kind is BlockKind.ITEM and not self.label:
            raise ValueError("a labelled list item needs its label")
        return self


def blocks_of(text: str) -> tuple[Block, ...]:
    """Typed text as the blocks a narrative keeps (see :mod:`scrutui.blocks` for the rules)."""
    return tuple(Block(kind=b.kind, text=b.text, label=b.label) for b in read_blocks(text) if b.text)


class Heading(RecordBase):
    """A sub-heading inside an item ("Workforce"): the records after it stand under it until the next
    heading, or until a heading that only ends the section (`ends_section`, with no text)."""

    kind: Literal[RecordKind.HEADING] = RecordKind.HEADING
    text: Line = ""
    ends_section: bool = False

    @model_validator(mode="after")
    def _text_or_end(self) -> Heading:
        if self.ends_section and self.text:
            raise ValueError("an end of section has no heading text")
        if not self.ends_section and not self.text:
            raise ValueError("the sub-heading needs some text")
        return self


def open_section(records: list[Record]) -> str:
    """The sub-heading a record added after `records` stands under ("" at the item's top level): the
    last heading not ended, or the theme of an assurance that opened a section since."""
    for record in reversed(records):
        if isinstance(record, Heading):
            return "" if record.ends_section else record.text
        if isinstance(record, Assurance) and record.theme:
            return record.theme
    return ""


class Narrative(_NeedsText):
    """A note of who presented and what was discussed: paragraphs and list items (`blocks`).

    `blocks` is what the minutes are made from; `text` is the same as the clerk types it (for the
    editor, search and the list of records). A narrative given only its text reads its blocks from
    it; given both, a text that no longer matches the blocks (it was edited) is read again.
    """

    kind: Literal[RecordKind.NARRATIVE] = RecordKind.NARRATIVE
    blocks: tuple[Block, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _blocks_from_text(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        text = clean_text(str(data.get("text") or ""))
        blocks = data.get("blocks") or ()
        if blocks:
            kept = tuple(b if isinstance(b, Block) else Block.model_validate(b) for b in blocks)
            if not text or text == typed_text(kept):
                return {**data, "blocks": kept, "text": typed_text(kept)}
        return {**data, "blocks": blocks_of(text), "text": typed_text(blocks_of(text))}

    @model_validator(mode="after")
    def _text_matches_blocks(self) -> Narrative:
        written = typed_text(self.blocks)
        if self.text != written:
            object.__setattr__(self, "text", written)
        return self


class Question(RecordBase):
    """A member's question (`text`, may be empty) and the answer given."""

    kind: Literal[RecordKind.QUESTION] = RecordKind.QUESTION
    asked_by: Line = ""
    answered_by: Line = ""
    answer: Text = ""

    @model_validator(mode="after")
    def _something_asked(self) -> Question:
        if not self.text and not self.answer:
            raise ValueError("a question needs the question or the answer")
        return self


class Assurance(_NeedsText):
    """An assurance the committee sought (`text`) under a theme, perhaps of someone (`sought_from`),
    and the response: who gave it (`responded_by`) and how the minutes report it (`reported_as`)."""

    kind: Literal[RecordKind.ASSURANCE] = RecordKind.ASSURANCE
    theme: Line = ""
    sought_from: Line = ""
    response: Text = ""
    responded_by: Line = ""
    reported_as: ReportingVerb = ReportingVerb.FROM_TEXT
    status: AssuranceStatus = AssuranceStatus.SOUGHT


#: Who asked for information when no member is named: the committee as a whole.
THE_COMMITTEE = "the Committee"


def _asker(value: str) -> str:
    return value or THE_COMMITTEE


class InformationRequest(_NeedsText):
    """Information the committee asked for (`text`), who asked (a member, or the Committee), of
    whom, by when, and what came of it."""

    kind: Literal[RecordKind.INFORMATION_REQUEST] = RecordKind.INFORMATION_REQUEST
    asked_by: Annotated[Line, AfterValidator(_asker)] = THE_COMMITTEE
    requested_of: Line = ""
    due_date: OptionalDate = None
    due_date_by_hand: bool = False
    status: RequestStatus = RequestStatus.OUTSTANDING
    answered_on: OptionalDate = None
    response: Text = ""


class Resolution(_NeedsText):
    """One part of what the committee resolved (or, for procedural items, agreed)."""

    kind: Literal[RecordKind.RESOLUTION] = RecordKind.RESOLUTION
    form: ResolutionForm = ResolutionForm.RESOLVED


class Recommendation(_NeedsText):
    """A recommendation to a named body (usually the Cabinet) and the executive's response."""

    kind: Literal[RecordKind.RECOMMENDATION] = RecordKind.RECOMMENDATION
    addressee: RequiredLine = "Cabinet"
    response_due: OptionalDate = None
    response_status: ExecutiveResponse = ExecutiveResponse.AWAITED
    response_date: OptionalDate = None
    response_text: Text = ""


class MotionOutcome(StrEnum):
    """What became of a motion or amendment: still before the meeting, or put to the vote."""

    MOVED = "moved"  # moved (and perhaps seconded), not yet put to the vote
    CARRIED = "carried"
    LOST = "lost"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        """The outcome as a form offers it."""
        return "Moved, not yet voted on" if self is MotionOutcome.MOVED else self.value.capitalize()


class VoteCast(StrEnum):
    """How one member voted in a recorded vote."""

    FOR = "for"
    AGAINST = "against"
    ABSTAINED = "abstained"
    DID_NOT_VOTE = "did_not_vote"


class MemberVote(Model):
    """One member's line of a recorded vote, named as the minutes name them."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    person_id: int | None = None
    name: RequiredLine
    vote: VoteCast


VoteNumber = Annotated[int | None, Field(ge=0, le=1000)]


class VoteResult(Model):
    """A motion's vote, as the tracker and the chair's list show it beside the decision it became."""

    outcome: MotionOutcome
    votes_for: VoteNumber = None
    votes_against: VoteNumber = None
    abstentions: VoteNumber = None
    casting_vote: bool = False
    recorded: bool = False
    amendment: bool = False

    @property
    def counted(self) -> bool:
        """True when the numbers for and against were recorded."""
        return self.votes_for is not None and self.votes_against is not None


class Motion(RecordBase):
    """A motion (or an amendment to the motion above it) and what became of it.

    The numbers for, against and abstaining come from a show of hands or, for a recorded vote,
    from each member's line (`recorded_votes`). `casting_vote` is the Chair's, on an equality of
    votes. `decision_id` is the resolution or recommendation a carried motion became.
    """

    kind: Literal[RecordKind.MOTION] = RecordKind.MOTION
    moved_by: Line = ""
    seconded_by: Line = ""
    amendment: bool = False
    outcome: MotionOutcome = MotionOutcome.MOVED
    votes_for: VoteNumber = None
    votes_against: VoteNumber = None
    abstentions: VoteNumber = None
    casting_vote: bool = False
    recorded_votes: tuple[MemberVote, ...] = ()
    decision_id: int | None = None

    @model_validator(mode="after")
    def _vote_adds_up(self) -> Motion:
        noun = "amendment" if self.amendment else "motion"
        if self.recorded_votes:
            tally = {cast: sum(1 for v in self.recorded_votes if v.vote is cast) for cast in VoteCast}
            counted = (tally[VoteCast.FOR], tally[VoteCast.AGAINST], tally[VoteCast.ABSTAINED])
            typed = (self.votes_for, self.votes_against, self.abstentions)
            if typed == (None, None, None):
                for field, number in zip(("votes_for", "votes_against", "abstentions"), counted, strict=True):
                    object.__setattr__(self, field, number)
            elif typed != counted:
                raise ValueError("the numbers come from the recorded vote: change the members' votes (F10)")
        numbers = (self.votes_for, self.votes_against)
        if self.votes_for is not None and self.votes_against is not None and self.abstentions is None:
            object.__setattr__(self, "abstentions", 0)
        elif None in numbers and (numbers != (None, None) or self.abstentions is not None):
            raise ValueError("give the votes for and against (and abstentions), or none of them")
        voted = self.outcome in (MotionOutcome.CARRIED, MotionOutcome.LOST)
        if not voted and (self.votes_for is not None or self.recorded_votes or self.casting_vote):
            state = "was withdrawn" if self.outcome is MotionOutcome.WITHDRAWN else "has not been put to the vote"
            raise ValueError(f"the {noun} {state}, so it has no votes: clear them, or say what the vote was")
        if self.outcome is MotionOutcome.MOVED and not self.text:
            raise ValueError(f"the {noun} needs its wording")
        if self.votes_for is None or self.votes_against is None:
            if self.casting_vote:
                raise ValueError("a casting vote is given on an equality of votes: give the numbers")
            return self
        ahead, behind = self.votes_for, self.votes_against
        if self.casting_vote and ahead != behind:
            raise ValueError(
                f"the Chair's casting vote is given only on an equality of votes, not {ahead} for and {behind} against"
            )
        if self.outcome is MotionOutcome.CARRIED and ahead < behind:
            raise ValueError(f"{ahead} for and {behind} against: the {noun} was lost, not carried")
        if self.outcome is MotionOutcome.CARRIED and ahead == behind and not self.casting_vote:
            raise ValueError(
                f"an equality of votes ({ahead} each) carries the {noun} only on the Chair's casting vote"
            )
        if self.outcome is MotionOutcome.LOST and ahead > behind:
            raise ValueError(f"{ahead} for and {behind} against: the {noun} was carried, not lost")
        return self

    @property
    def is_voted(self) -> bool:
        """True once the motion has been put to the vote."""
        return self.outcome in (MotionOutcome.CARRIED, MotionOutcome.LOST)

    @property
    def result(self) -> VoteResult:
        """What became of the motion, without its words or names."""
        return VoteResult(
            outcome=self.outcome,
            votes_for=self.votes_for,
            votes_against=self.votes_against,
            abstentions=self.abstentions,
            casting_vote=self.casting_vote,
            recorded=bool(self.recorded_votes),
            amendment=self.amendment,
        )


Record = Annotated[
    Heading | Narrative | Question | Assurance | InformationRequest | Resolution | Recommendation | Motion,
    Field(discriminator="kind"),
]
RECORD_ADAPTER: TypeAdapter[Record] = TypeAdapter(Record)

RECORD_CLASSES: dict[RecordKind, type[RecordBase]] = {
    RecordKind.HEADING: Heading,
    RecordKind.NARRATIVE: Narrative,
    RecordKind.QUESTION: Question,
    RecordKind.ASSURANCE: Assurance,
    RecordKind.INFORMATION_REQUEST: InformationRequest,
    RecordKind.RESOLUTION: Resolution,
    RecordKind.RECOMMENDATION: Recommendation,
    RecordKind.MOTION: Motion,
}


def record_from_dict(data: dict[str, object]) -> Record:
    """Validate a dict (from a form or the database) into the right kind of record."""
    return RECORD_ADAPTER.validate_python(data)


# --- wording helpers shared by minutes, forms and completion ------------------------------------

#: Role words that, at the start of a name, read better with "the" in prose: "the Director said".
ROLE_WORDS = frozenset(
    {
        "assistant",
        "cabinet",
        "chair",
        "chairman",
        "chief",
        "corporate",
        "deputy",
        "director",
        "executive",
        "head",
        "independent",
        "interim",
        "lead",
        "leader",
        "manager",
        "monitoring",
        "officer",
        "portfolio",
        "principal",
        "programme",
        "scrutiny",
        "senior",
        "service",
        "strategic",
        "vice-chair",
    }
)


def the(title: str) -> str:
    """Put "the" before a role title when prose needs it ("the Director of Finance")."""
    first = title.split(" ", 1)[0].lower() if title else ""
    if first in ROLE_WORDS:
        return f"the {title}"
    return title


def validation_message(error: Exception) -> str:
    """Turn a pydantic ValidationError into one line a clerk can act on."""
    from pydantic import ValidationError

    if not isinstance(error, ValidationError):
        return str(error)
    parts = []
    for item in error.errors():
        field = ".".join(str(p) for p in item.get("loc", ()) if not str(p).startswith("function"))
        message = str(item.get("msg", "is not valid"))
        message = message.removeprefix("Value error, ")
        kind, context = item.get("type"), item.get("ctx", {})
        if kind in ("string_too_short", "too_short") and context.get("min_length") == 1:
            message = "is required"
        elif kind in ("string_too_long", "too_long"):
            message = f"is too long (at most {context.get('max_length'):,} characters)"
        elif kind in ("greater_than_equal", "less_than_equal"):
            message = message.replace("Input should be", "should be")
        field = field.replace("_", " ")
        parts.append(f"{field} {message}".strip() if field and "needs" not in message else message)
    return "; ".join(dict.fromkeys(parts))
