"""A meeting as minutes: headings, minute numbers, prose paragraphs and labelled resolution parts,
in the committee's house style. Pure: no I/O, no Textual, no Word.

The same paragraphs feed the preview pane on the minuting screen and every exported document, so
what the clerk sees while typing is what the draft minutes will say.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from scrutui.errors import ScrutuiError
from scrutui.formalities import (
    SCHEDULE_12A,
    AttendanceStatus,
    DeclarationLine,
    InterestAction,
    InterestCategory,
    MinutesSource,
    Movement,
    MovementLine,
    Roll,
    exclusion_resolution,
    item_kind,
)
from scrutui.models import (
    AgendaItem,
    Assurance,
    AssuranceStatus,
    Attribution,
    Committee,
    ExemptNatures,
    InformationRequest,
    Jurisdiction,
    LabelStyle,
    Meeting,
    MinutesStatus,
    Narrative,
    NumberingScheme,
    Question,
    Recommendation,
    Record,
    Resolution,
    ResolutionForm,
    Role,
    the,
)
from scrutui.store.people import KnownPeople
from scrutui.tracked import TrackedRecord


class Style(StrEnum):
    """Paragraph styles. Each is a named style in the Word template, so a council restyles it there."""

    TITLE = "Minutes Title"
    SUBTITLE = "Minutes Subtitle"
    MARK = "Minutes Mark"  # DRAFT / CONFIDENTIAL
    SECTION = "Minutes Section"  # Present, Apologies ...
    ATTENDANCE = "Minutes Attendance"
    ITEM_HEADING = "Minute Heading"
    PURPOSE = "Minute Purpose"
    THEME = "Minute Theme"
    BODY = "Minute Body"
    DECISION = "Minute Decision"  # "RESOLVED: That", "RECOMMENDED to ... that"
    PART = "Minute Decision Part"  # "(a) the report be noted; and"
    NOTE = "Minute Note"  # arrivals, departures, withdrawals; "the full minute is in the annex"
    ANNEX = "Minutes Annex Heading"  # starts the confidential annex (a template may break the page)


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of minutes. `label` ("(a)", "1.") is literal text, never Word numbering."""

    style: Style
    text: str
    label: str = ""

    @property
    def full_text(self) -> str:
        """The label and text as one line of plain text."""
        return f"{self.label} {self.text}" if self.label else self.text


@dataclass(frozen=True)
class MinuteItem:
    """One agenda item as minuted."""

    number: str
    title: str
    paragraphs: tuple[Paragraph, ...]
    exempt: bool = False

    @property
    def heading(self) -> str:
        """The minute number and title as one line."""
        return f"{self.number} {self.title}".strip()


@dataclass(frozen=True)
class AttendanceEntry:
    """A line of the attendance record, as far as it was recorded."""

    reference: str  # "Councillor J Smith" or "Jane Doe (Director of Finance)"
    status: str  # present, apologies, absent, substitute, in_attendance
    role_label: str = ""  # "Chair", "Vice-Chair" ...
    substitute_for: str = ""


@dataclass(frozen=True)
class MinutesDocument:
    """A whole meeting as minutes, ready for any renderer."""

    committee: str
    title: str
    subtitle: str
    status: MinutesStatus
    confidential: bool
    front: tuple[Paragraph, ...]
    items: tuple[MinuteItem, ...]
    meeting_date: dt.date
    properties: dict[str, str] = field(default_factory=dict)
    meeting_time: dt.time | None = None
    venue: str = ""
    #: The full minutes of exempt items: in the document only when it is confidential.
    annex: tuple[MinuteItem, ...] = ()
    #: After the last item: the confirmation of the minutes and any corrections.
    closing: tuple[Paragraph, ...] = ()

    @property
    def marks(self) -> tuple[str, ...]:
        """What the document is marked on its first page and every page's header: DRAFT, CONFIDENTIAL."""
        marks = []
        if self.status is not MinutesStatus.APPROVED:
            marks.append("DRAFT")
        if self.confidential:
            marks.append("CONFIDENTIAL")
        return tuple(marks)

    def paragraphs(self) -> Iterable[Paragraph]:
        """Every paragraph in document order, item headings included.

        Exempt items appear in the body only as their public stubs; a confidential document then
        has the confidential annex, after a heading, with their full minutes.
        """
        yield Paragraph(Style.TITLE, self.title)
        yield Paragraph(Style.SUBTITLE, self.subtitle)
        for mark in self.marks:
            yield Paragraph(Style.MARK, mark)
        yield from self.front
        for item in self.items:
            yield Paragraph(Style.ITEM_HEADING, item.title, label=item.number)
            yield from item.paragraphs
        yield from self.closing
        if self.confidential and self.annex:
            yield Paragraph(Style.ANNEX, ANNEX_HEADING)
            for item in self.annex:
                yield Paragraph(Style.ITEM_HEADING, item.title, label=item.number)
                yield from item.paragraphs


ANNEX_HEADING = "Confidential annex: minutes of the exempt items (not for publication)"

# --- wording helpers -----------------------------------------------------------------------------

_LOWER_FIRST_WORDS = frozenset(
    [
        "a",
        "all",
        "an",
        "any",
        "as",
        "both",
        "each",
        "every",
        "he",
        "her",
        "his",
        "in",
        "it",
        "its",
        "many",
        "more",
        "most",
        "no",
        "none",
        "of",
        "on",
        "once",
        "one",
        "our",
        "she",
        "some",
        "such",
        "that",
        "the",
        "their",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "we",
        "when",
        "where",
        "whilst",
        "while",
        "with",
        "work",
    ]
)


def long_date(day: dt.date) -> str:
    """A date as minutes write it: 7 December 2026."""
    return f"{day.day} {day:%B %Y}"


def long_time(time: dt.time) -> str:
    """A time as minutes write it: 6.30 pm."""
    hour = time.hour % 12 or 12
    half = "am" if time.hour < 12 else "pm"
    return f"{hour}.{time.minute:02d} {half}"


def sentence(text: str) -> str:
    """`text` as a sentence: capital first letter, closing full stop."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in '.?!…:"”)' else f"{text}."


def clause(text: str) -> str:
    """`text` as a clause following "that": no leading "that", no closing stop, lower-case start."""
    text = text.strip()
    text = re.sub(r"^that\s+", "", text, flags=re.IGNORECASE)
    text = text.rstrip(" .;,")
    first, _, rest = text.partition(" ")
    if first.lower() in _LOWER_FIRST_WORDS and first[:1].isupper() and first[1:].islower():
        text = f"{first.lower()} {rest}".rstrip() if rest else first.lower()
    return text


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


def labelled_parts(texts: Sequence[str], style: LabelStyle) -> list[Paragraph]:
    """Parts of a decision, labelled, with "; and" before the last and a full stop after it."""
    parts = []
    for index, text in enumerate(texts, start=1):
        if index == len(texts):
            ending = "."
        elif index == len(texts) - 1:
            ending = "; and"
        else:
            ending = ";"
        parts.append(Paragraph(Style.PART, f"{text}{ending}", label=part_label(index, style)))
    return parts


def decision(lead: str, clauses: Sequence[str], style: LabelStyle) -> list[Paragraph]:
    """ "RESOLVED: That the report be noted." or "RESOLVED: That" and labelled parts."""
    if not clauses:
        return []
    if len(clauses) == 1:
        return [Paragraph(Style.DECISION, f"{lead} {clauses[0]}.")]
    return [
        Paragraph(Style.DECISION, f"{lead}:" if lead.endswith("that") else lead),
        *labelled_parts(clauses, style),
    ]


# --- who said what -------------------------------------------------------------------------------


def _expand(typed: str) -> str:
    return re.sub(r"^Cllr\.?\s+", "Councillor ", typed.strip(), flags=re.IGNORECASE)


def asker_reference(typed: str, committee: Committee, people: KnownPeople) -> str:
    """How the minutes name a member who asked: by name, or "a Member" as the committee prefers."""
    if not typed:
        return "a Member"
    found = people.find(typed)
    if found is not None:
        if found.role.is_member and committee.question_attribution is Attribution.A_MEMBER:
            return "a Member"
        return found.reference
    if committee.question_attribution is Attribution.A_MEMBER and re.match(
        r"^(cllr|councillor)\b", typed.strip(), re.IGNORECASE
    ):
        return "a Member"
    return the(_expand(typed))


def speaker_reference(typed: str, people: KnownPeople) -> str:
    """How the minutes name whoever answered or presented: officers by role ("the Director")."""
    if not typed:
        return ""
    found = people.find(typed)
    if found is not None:
        return found.reference
    return the(_expand(typed))


# --- records as prose ----------------------------------------------------------------------------


def question_prose(record: Question, committee: Committee, people: KnownPeople) -> str:
    """A question and answer as minutes put them."""
    asker = asker_reference(record.asked_by, committee, people)
    answerer = speaker_reference(record.answered_by, people)
    replied = (
        f"{answerer} said that {clause(record.answer)}"
        if answerer
        else (f"it was explained that {clause(record.answer)}")
    )
    if record.text:
        asked = sentence(f"{asker} asked {record.text.strip().rstrip('?.').strip()}")
        if not record.answer:
            return asked
        return f"{asked} In reply, {replied}."
    source = f"a question from {asker}" if record.asked_by else "a question"
    return f"In reply to {source}, {replied}."


def assurance_prose(record: Assurance) -> str:
    """An assurance sought and the response, as minutes put them."""
    text = record.text.strip()
    if re.match(r"^(on|about|regarding|in relation to|that|from)\b", text, re.IGNORECASE) and not (
        text.lower().startswith("that ")
    ):
        sought = f"The Committee sought assurance {text.rstrip('. ')}."
    else:
        sought = f"The Committee sought assurance that {clause(text)}."
    if not record.response:
        return sought
    response = clause(record.response)
    match record.status:
        case AssuranceStatus.PARTLY_GIVEN:
            return (
                f"{sought} In response, it was stated that {response}. "
                "The Committee was only partly assured and would keep the matter under review."
            )
        case AssuranceStatus.NOT_GIVEN:
            return (
                f"{sought} In response, it was stated that {response}. "
                "The Committee was not assured and would follow the matter up."
            )
        case AssuranceStatus.GIVEN:
            return f"{sought} It was confirmed that {response}."
    return f"{sought} In response, it was stated that {response}."


def request_clause(record: InformationRequest, people: KnownPeople) -> str:
    """An information request as a part: "a copy of the risk register (of the Director, by 7 December 2026)"."""
    details = []
    if record.requested_of:
        details.append(f"of {speaker_reference(record.requested_of, people)}")
    if record.due_date:
        details.append(f"by {long_date(record.due_date)}")
    suffix = f" ({', '.join(details)})" if details else ""
    return f"{clause(record.text)}{suffix}"


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
) -> list[Paragraph]:
    """Everything minuted under one item, in house order.

    Discussion first, in the order typed (assurances gathered under their theme sub-headings where
    each theme first appears), then, for an action log (`carried` given), what was reported back
    and what is still awaited, then what was resolved, agreed and recommended, then information
    requested.
    """
    paragraphs: list[Paragraph] = []
    if item.purpose:
        paragraphs.append(Paragraph(Style.PURPOSE, sentence(item.purpose)))
    themes: dict[str, list[Assurance]] = {}
    for record in records:
        if isinstance(record, Assurance) and record.theme:
            themes.setdefault(record.theme.casefold(), []).append(record)
    themes_done: set[str] = set()
    resolved: list[str] = []
    agreed: list[str] = []
    recommended: dict[str, list[str]] = {}
    requests: list[str] = []
    for record in records:
        match record:
            case Narrative():
                paragraphs.extend(Paragraph(Style.BODY, sentence(block)) for block in _blocks(record.text))
            case Question():
                paragraphs.append(Paragraph(Style.BODY, question_prose(record, committee, people)))
            case Assurance() if record.theme:
                key = record.theme.casefold()
                if key not in themes_done:
                    themes_done.add(key)
                    paragraphs.append(Paragraph(Style.THEME, record.theme))
                    paragraphs.extend(Paragraph(Style.BODY, assurance_prose(a)) for a in themes[key])
            case Assurance():
                paragraphs.append(Paragraph(Style.BODY, assurance_prose(record)))
            case Resolution():
                target = agreed if record.form is ResolutionForm.AGREED else resolved
                target.append(clause(record.text))
            case Recommendation():
                recommended.setdefault(record.addressee, []).append(clause(record.text))
            case InformationRequest():
                requests.append(request_clause(record, people))
    labels = committee.resolution_labels
    if carried is not None:
        paragraphs += action_log_paragraphs(
            carried, meeting_date, labels, people, confidential=confidential, in_annex=private_in_annex
        )
    paragraphs += decision("RESOLVED: That", resolved, labels)
    paragraphs += decision("AGREED: That", agreed, labels)
    for body, clauses in recommended.items():
        paragraphs += decision(f"RECOMMENDED to {body} that", clauses, labels)
    if requests:
        paragraphs.append(Paragraph(Style.DECISION, "That the following information be requested:"))
        paragraphs += labelled_parts(requests, labels)
    return paragraphs


# --- the action log ------------------------------------------------------------------------------

_CLOSED_WORDS = {
    "answered": "answered",
    "refused": "refused",
    "withdrawn": "withdrawn",
    "accepted": "accepted",
    "partly_accepted": "partly accepted",
    "rejected": "rejected",
    "noted": "noted",
}


def reported_by(entry: TrackedRecord, meeting_date: dt.date | None) -> bool:
    """True when a response to `entry` was in by the meeting (or was recorded at it)."""
    if entry.is_open:
        return False
    if entry.reported_on is not None or meeting_date is None:
        return True
    closed = entry.closed_on
    return closed is None or closed <= meeting_date


def carried_subject(entry: TrackedRecord, people: KnownPeople) -> str:
    """What an earlier request or recommendation was, and where it was made, as one phrase."""
    record, origin = entry.record, entry.origin
    number = minute_number(origin.item).rstrip(".")
    where = f"minute {number}, {long_date(origin.meeting_date)}" if number else long_date(origin.meeting_date)
    if isinstance(record, InformationRequest):
        who = f"of {speaker_reference(record.requested_of, people)}; " if record.requested_of else ""
        return f"{sentence(record.text).rstrip('.')} ({who}{where})"
    return f"The recommendation to {record.addressee} that {clause(record.text)} ({where})"


def carried_line(entry: TrackedRecord, people: KnownPeople, meeting_date: dt.date | None) -> str:
    """One line of an action log: the request or recommendation and what came of it by the meeting."""
    subject = carried_subject(entry, people)
    if reported_by(entry, meeting_date):
        word = _CLOSED_WORDS.get(entry.status, entry.status.replace("_", " "))
        when = f" on {long_date(entry.closed_on)}" if entry.closed_on else ""
        text = f"{subject}: {word}{when}."
        if entry.response:
            lead = "Reasons: " if entry.status == "refused" else ""
            text += f" {lead}{sentence(entry.response)}"
        return text
    due = entry.due
    if due is None:
        return f"{subject}: still awaited."
    late = "; overdue" if meeting_date is not None and due < meeting_date else ""
    return f"{subject}: due by {long_date(due)}{late}."


def action_log_paragraphs(
    entries: Sequence[TrackedRecord],
    meeting_date: dt.date | None,
    labels: LabelStyle,
    people: KnownPeople,
    *,
    confidential: bool = True,
    in_annex: bool = False,
) -> list[Paragraph]:
    """What the action log reported back to the meeting, then what was still awaited.

    Requests and recommendations made under exempt items are left out unless `confidential`, with
    a line saying that some were (and, `in_annex`, that the confidential annex has them).
    """
    shown = [e for e in entries if confidential or not e.origin.exempt]
    hidden = len(entries) - len(shown)
    paragraphs: list[Paragraph] = []
    if not shown and not hidden:
        return [
            Paragraph(
                Style.BODY,
                "There were no outstanding information requests or recommendations from earlier meetings.",
            )
        ]
    reported = [e for e in shown if reported_by(e, meeting_date)]
    awaited = [e for e in shown if not reported_by(e, meeting_date)]
    for lead, group in (
        (
            "The following responses to earlier information requests and recommendations were reported:",
            reported,
        ),
        ("The following were still awaited:", awaited),
    ):
        if not group:
            continue
        paragraphs.append(Paragraph(Style.BODY, lead))
        paragraphs += [
            Paragraph(Style.PART, carried_line(e, people, meeting_date), label=part_label(i, labels))
            for i, e in enumerate(group, start=1)
        ]
    if hidden:
        matters = "matter" if hidden == 1 else "matters"
        where = "recorded in the confidential annex" if in_annex else "not included in these public minutes"
        paragraphs.append(
            Paragraph(
                Style.BODY,
                f"{hidden} further {matters} from items considered in private {'is' if hidden == 1 else 'are'} {where}.",
            )
        )
    return paragraphs


def _blocks(text: str) -> list[str]:
    """A narrative's paragraphs: split on blank lines; single line breaks join with a space."""
    blocks = re.split(r"\n\s*\n", text.strip())
    return [
        " ".join(line.strip() for line in block.splitlines() if line.strip())
        for block in blocks
        if block.strip()
    ]


def minute_number(item: AgendaItem) -> str:
    """The item's minute number as printed: its frozen number, or else its agenda number."""
    number = item.minute_number or item.number
    return (
        f"{number}."
        if number and number[-1].isdigit() and "/" not in number and "." not in number
        else number
    )


#: What public minutes call an exempt item whose public title was left empty (never its own title).
EXEMPT_TITLE = "Exempt item"


def public_title(item: AgendaItem) -> str:
    """An exempt item's title as the public may read it: its public title, or a neutral one."""
    return item.public_title or EXEMPT_TITLE


def item_reference(item: AgendaItem, *, public: bool = True) -> str:
    """How other minutes refer to an item: "minute 45 (School place planning)", or "item 5 (...)"
    before it has a minute number. Exempt items are named by their public title when `public`."""
    title = public_title(item) if (public and item.is_exempt) else item.title
    if item.minute_number:
        return f"minute {item.minute_number} ({title})"
    if item.number:
        return f"item {item.number.rstrip('.')} ({title})"
    return title


def _numbered(paragraphs: Sequence[Paragraph], number: str, committee: Committee) -> list[Paragraph]:
    """Under the item.paragraph scheme, label an item's paragraphs 4.1, 4.2 ... (not theme headings
    or the labelled parts of a decision)."""
    if committee.numbering_scheme is not NumberingScheme.ITEM_PARAGRAPH or not number:
        return list(paragraphs)
    base = number.rstrip(".")
    out: list[Paragraph] = []
    count = 0
    for paragraph in paragraphs:
        if paragraph.style in (Style.PURPOSE, Style.BODY, Style.DECISION, Style.NOTE):
            count += 1
            paragraph = Paragraph(paragraph.style, paragraph.text, label=f"{base}.{count}")
        out.append(paragraph)
    return out


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
            number, public_title(item), tuple(_numbered(body, number, committee)), True
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
    )
    at = 1 if item.purpose else 0
    paragraphs[at:at] = [*lead, *notes]
    return MinuteItem(
        number, item.title, tuple(_numbered(paragraphs, number, committee)), exempt=item.is_exempt
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
        body += [Paragraph(Style.BODY, sentence(block)) for block in _blocks(item.public_summary)]
    body.append(
        Paragraph(Style.NOTE, "The full minute is recorded in a confidential annex, not for publication.")
    )
    return body


# --- the formalities as prose --------------------------------------------------------------------


def _clock(stamp: str) -> str:
    """ "7.42 pm" from an ISO time stamp."""
    return long_time(dt.datetime.fromisoformat(stamp).time())


def movement_sentence(movement: MovementLine) -> str:
    """ "Councillor X left the meeting at 7.42 pm during consideration of this item." """
    verb = "arrived at the meeting" if movement.movement is Movement.ARRIVED else "left the meeting"
    during = " during consideration of this item" if movement.agenda_item_id is not None else ""
    return sentence(f"{movement.reference} {verb} at {_clock(movement.at)}{during}")


def _article(words: str) -> str:
    return f"an {words}" if words[:1] in "aeiou" else f"a {words}"


_NATURE_LEADS = re.compile(r"^(as|because|being|in that|through|since|owing|by|via|due)\b", re.IGNORECASE)


def declaration_sentence(line: DeclarationLine, item: AgendaItem | None, *, withhold_exempt: bool = False) -> str:
    """A declaration as minutes give it, named by the item's public reference. With
    `withhold_exempt`, the nature of an interest in an exempt item is not given (it may reveal the
    exempt matter)."""
    declared = line.declaration
    where = item_reference(item) if item is not None else "an item"
    withheld = withhold_exempt and item is not None and item.is_exempt and bool(declared.nature.strip())
    if withheld:
        declared = declared.model_copy(update={"nature": ""})
    nature = declared.nature.strip().rstrip(".")
    if nature and not _NATURE_LEADS.match(nature):
        nature = (
            f"as {nature[0].lower()}{nature[1:]}"
            if nature[:1].isupper() and nature[1:2].islower()
            else f"as {nature}"
        )
    if declared.category is InterestCategory.PARTY_WHIP:
        text = f"{line.reference} declared that a party whip applied to {where}"
        if nature:
            text += f" ({clause(declared.nature)})"
    elif declared.category is InterestCategory.SENSITIVE:
        text = (
            f"{line.reference} declared a sensitive interest in {where}, the nature of which is not recorded"
        )
    else:
        text = f"{line.reference} declared {_article(declared.category.label)} in {where} {nature}"
    if withheld:
        text = text.rstrip() + ", the nature of which is withheld from the public minutes as it concerns exempt information"
    if declared.action is InterestAction.WITHDREW:
        text += ", and withdrew from the meeting during its consideration"
    elif declared.category is not InterestCategory.PARTY_WHIP:
        text += ", and remained in the meeting"
    return sentence(text)


def declaration_paragraphs(
    lines: Sequence[DeclarationLine], items: Sequence[AgendaItem], *, withhold_exempt: bool = False
) -> list[Paragraph]:
    """The declarations made at the meeting, in agenda order (see `declaration_sentence`)."""
    by_id = {item.id: item for item in items}
    order = {item.id: index for index, item in enumerate(items)}
    ordered = sorted(lines, key=lambda d: (order.get(d.declaration.agenda_item_id, 0), d.declaration.id or 0))
    return [
        Paragraph(
            Style.BODY,
            declaration_sentence(line, by_id.get(line.declaration.agenda_item_id), withhold_exempt=withhold_exempt),
        )
        for line in ordered
    ]


def withdrawal_notes(lines: Sequence[DeclarationLine], item_id: int | None) -> list[Paragraph]:
    """Under an item: who withdrew, or took no part, because of an interest declared in it."""
    notes = []
    for line in lines:
        declared = line.declaration
        if declared.agenda_item_id != item_id:
            continue
        if declared.action is InterestAction.WITHDREW:
            notes.append(
                f"{line.reference} withdrew from the meeting during consideration of this item, having "
                f"declared {_article(declared.category.label)}"
            )
        elif declared.category is InterestCategory.DISCLOSABLE_PECUNIARY:
            notes.append(
                f"{line.reference}, having declared a disclosable pecuniary interest, took no part in the "
                "discussion or vote on this item"
            )
    return [Paragraph(Style.NOTE, sentence(text)) for text in notes]


def item_notes(
    item_id: int | None, movements: Sequence[MovementLine], declarations: Sequence[DeclarationLine]
) -> list[Paragraph]:
    """Arrivals, departures and withdrawals minuted under one item, in time order."""
    moved = sorted((m for m in movements if m.agenda_item_id == item_id), key=lambda m: m.at)
    return [Paragraph(Style.NOTE, movement_sentence(m)) for m in moved] + withdrawal_notes(
        declarations, item_id
    )


def needs_exclusion(
    item: AgendaItem, items: Sequence[AgendaItem], records: Sequence[Record], jurisdiction: Jurisdiction
) -> str:
    """The drafted exclusion resolution (the clause after "That") if it belongs under `item`.

    It goes under the "Exclusion of the press and public" item when the agenda has one (unless the
    clerk minuted a resolution there), or else at the head of the first exempt item's stub.
    """
    exempt = [i for i in items if i.is_exempt]
    if not exempt:
        return ""
    exclusion_item = next((i for i in items if item_kind(i.title) == "exclusion" and not i.is_exempt), None)
    if exclusion_item is not None:
        if item.id != exclusion_item.id or any(isinstance(r, Resolution) for r in records):
            return ""
    elif item.id != exempt[0].id:
        return ""
    return drafted_exclusion(items, jurisdiction)


def drafted_exclusion(items: Sequence[AgendaItem], jurisdiction: Jurisdiction) -> str:
    """The exclusion clause naming the agenda's exempt items and their paragraphs ("" if none, or
    if scrutui does not know the nation's schedule)."""
    exempt = [(item_reference(i), i.exempt_paragraph) for i in items if i.exempt_paragraph is not None]
    if not exempt:
        return ""
    try:
        return exclusion_resolution(jurisdiction, exempt)
    except ScrutuiError:
        return ""


def attendance_entries(source: MinutesSource) -> list[AttendanceEntry]:
    """The roll call as the front of the minutes lists it.

    Members and substitutes are named ("Councillor J Smith", with "(Chair)" added later); officers
    and others are "in attendance" with their title ("Jane Doe (Director of Finance)").
    """
    entries = []
    for line in source.attendance:
        is_member = line.role is not None and line.role.is_member
        status = line.status
        if status is AttendanceStatus.PRESENT and not is_member:
            status = AttendanceStatus.IN_ATTENDANCE
        if is_member or status is AttendanceStatus.SUBSTITUTE or not line.title:
            reference = line.name
        elif "(" in line.title:
            reference = f"{line.name}, {line.title}"
        else:
            reference = f"{line.name} ({line.title})"
        role_label = line.role.label if line.role in (Role.CHAIR, Role.VICE_CHAIR) else ""
        entries.append(AttendanceEntry(reference, status.value, role_label, substitute_for=line.substitute_for))
    return entries


def attendance_paragraphs(entries: Sequence[AttendanceEntry]) -> list[Paragraph]:
    """Present (chair first), apologies, substitutes and others in attendance, as recorded."""
    sections = [
        ("present", "Present"),
        ("apologies", "Apologies for absence"),
        ("substitute", "Substitutes"),
        ("absent", "Absent"),
        ("in_attendance", "In attendance"),
    ]
    order = {"Chair": 0, "Vice-Chair": 1}
    paragraphs: list[Paragraph] = []
    for status, heading in sections:
        found = [e for e in entries if e.status == status]
        if not found:
            continue
        found.sort(key=lambda e: order.get(e.role_label, 2))
        paragraphs.append(Paragraph(Style.SECTION, heading))
        for entry in found:
            text = entry.reference
            if entry.role_label in order:
                text += f" ({entry.role_label})"
            if entry.substitute_for:
                text += f" (substituting for {entry.substitute_for})"
            paragraphs.append(Paragraph(Style.ATTENDANCE, text))
    return paragraphs


def closing_paragraphs(source: MinutesSource, *, confidential: bool) -> list[Paragraph]:
    """The confirmation of the minutes and the corrections agreed, after the last item."""
    items = {item.id: item for item in source.items}
    paragraphs: list[Paragraph] = []
    if source.approval is not None:
        where = (
            f" at the meeting held on {long_date(source.approval.approved_at_date)}"
            if source.approval.approved_at_date
            else ""
        )
        paragraphs.append(Paragraph(Style.SECTION, "Confirmation of the minutes"))
        paragraphs.append(Paragraph(Style.BODY, f"These minutes were confirmed as a correct record{where}."))
    if source.corrections:
        if not paragraphs:
            paragraphs.append(Paragraph(Style.SECTION, "Corrections"))
        paragraphs.append(Paragraph(Style.BODY, "The following corrections were agreed:"))
        texts = []
        for correction in source.corrections:
            item = items.get(correction.agenda_item_id)
            where = item_reference(item) if item is not None else "the attendance"
            what = clause(correction.description)
            if item is not None and item.is_exempt and not confidential:
                what = "a correction to the exempt minute, recorded in the confidential annex"
            agreed = (
                f" (agreed at the meeting held on {long_date(correction.agreed_at_date)})"
                if correction.agreed_at_date
                else ""
            )
            texts.append(f"{where}: {what}{agreed}")
        paragraphs += labelled_parts(texts, source.committee.resolution_labels)
    return paragraphs


def annexed_minutes(
    item: AgendaItem,
    records: Sequence[Record],
    committee: Committee,
    people: KnownPeople,
    *,
    notes: Sequence[Paragraph] = (),
    carried: Sequence[TrackedRecord] | None = None,
    meeting_date: dt.date | None = None,
) -> list[MinuteItem]:
    """What an item puts in the confidential annex: an exempt item's full minute, or, for an action
    log, what it reported back on requests and recommendations made under exempt items."""
    if item.is_exempt:
        return [
            minute_item(
                item,
                records,
                committee,
                people,
                confidential=True,
                notes=notes,
                carried=carried,
                meeting_date=meeting_date,
            )
        ]
    private = [entry for entry in carried or () if entry.origin.exempt]
    if not private:
        return []
    paragraphs = action_log_paragraphs(
        private, meeting_date, committee.resolution_labels, people, confidential=True
    )
    title = f"{item.title}: matters from items considered in private"
    return [MinuteItem(minute_number(item), title, tuple(paragraphs), exempt=True)]


def build_from(source: MinutesSource, *, confidential: bool = False) -> MinutesDocument:
    """A whole meeting as minutes, with every formality: the roll call, declarations, arrivals and
    departures, exempt items (public stubs; full minutes in the annex when `confidential`), the
    drafted exclusion resolution, what the action log reported back (matters from exempt items in
    the annex), and the confirmation with its corrections."""
    people = KnownPeople(tuple(source.people))
    committee, items = source.committee, source.items
    carried = source.carried or {}
    withhold = not confidential and committee.exempt_declaration_natures is ExemptNatures.WITHHOLD
    decl_item = next((i for i in items if item_kind(i.title) == "declarations"), None)
    front = attendance_paragraphs(attendance_entries(source))
    if source.declarations and decl_item is None:
        front.append(Paragraph(Style.SECTION, "Declarations of interest"))
        front += declaration_paragraphs(source.declarations, items, withhold_exempt=withhold)
    loose = [m for m in source.movements if m.agenda_item_id is None]
    front += [Paragraph(Style.NOTE, movement_sentence(m)) for m in sorted(loose, key=lambda m: m.at)]
    minute_items: list[MinuteItem] = []
    annex: list[MinuteItem] = []
    for item in items:
        records = source.records.get(item.id or 0, [])
        lead: list[Paragraph] = []
        if decl_item is not None and item.id == decl_item.id:
            lead += declaration_paragraphs(source.declarations, items, withhold_exempt=withhold)
        exclusion = needs_exclusion(item, items, records, committee.jurisdiction)
        if exclusion:
            lead.append(Paragraph(Style.DECISION, f"RESOLVED: That {exclusion}."))
        notes = item_notes(item.id, source.movements, source.declarations)
        entries = carried.get(item.id or 0)
        minute_items.append(
            minute_item(
                item,
                records,
                committee,
                people,
                lead=lead,
                notes=notes,
                carried=entries,
                meeting_date=source.meeting.date,
                private_in_annex=confidential,
            )
        )
        annex += annexed_minutes(
            item, records, committee, people, notes=notes, carried=entries, meeting_date=source.meeting.date
        )
    return _document(
        source.meeting,
        committee,
        front,
        minute_items,
        annex=annex,
        closing=closing_paragraphs(source, confidential=confidential),
        confidential=confidential,
    )


def preview_item(
    item: AgendaItem,
    records: Sequence[Record],
    *,
    items: Sequence[AgendaItem],
    committee: Committee,
    people: KnownPeople,
    roll: Roll | None = None,
    carried: Sequence[TrackedRecord] | None = None,
    meeting_date: dt.date | None = None,
) -> MinuteItem:
    """One item in full, as the minuting screen previews it: with the declarations, the drafted
    exclusion resolution, arrivals, departures and withdrawals that belong under it, and (for the
    action log, `carried` given) everything it reports back."""
    movements = roll.movement_lines() if roll else []
    declarations = roll.declaration_lines() if roll else []
    lead: list[Paragraph] = []
    if item_kind(item.title) == "declarations" and item.id == next(
        (i.id for i in items if item_kind(i.title) == "declarations"), None
    ):
        lead += declaration_paragraphs(declarations, items)
    exclusion = needs_exclusion(item, items, records, committee.jurisdiction)
    if exclusion:
        lead.append(Paragraph(Style.DECISION, f"RESOLVED: That {exclusion}."))
    notes = item_notes(item.id, movements, declarations)
    return minute_item(
        item,
        records,
        committee,
        people,
        confidential=True,
        lead=lead,
        notes=notes,
        carried=carried,
        meeting_date=meeting_date,
    )


def build_minutes(
    meeting: Meeting,
    committee: Committee,
    items: Sequence[AgendaItem],
    records: dict[int, list[Record]],
    people: KnownPeople,
    attendance: Sequence[AttendanceEntry] = (),
    *,
    confidential: bool = False,
    carried: Mapping[int, Sequence[TrackedRecord]] | None = None,
) -> MinutesDocument:
    """A whole meeting as minutes, from its parts (see :func:`build_from` for every formality).
    `carried` holds the action log's entries by agenda item id (``store.tracker.action_logs_of_meeting``)."""
    minute_items: list[MinuteItem] = []
    annex: list[MinuteItem] = []
    for item in items:
        under = records.get(item.id or 0, [])
        entries = (carried or {}).get(item.id or 0)
        minute_items.append(
            minute_item(
                item,
                under,
                committee,
                people,
                carried=entries,
                meeting_date=meeting.date,
                private_in_annex=confidential,
            )
        )
        annex += annexed_minutes(item, under, committee, people, carried=entries, meeting_date=meeting.date)
    return _document(
        meeting,
        committee,
        attendance_paragraphs(attendance),
        minute_items,
        annex=annex,
        closing=[],
        confidential=confidential,
    )


def _document(
    meeting: Meeting,
    committee: Committee,
    front: Sequence[Paragraph],
    items: Sequence[MinuteItem],
    *,
    annex: Sequence[MinuteItem],
    closing: Sequence[Paragraph],
    confidential: bool,
) -> MinutesDocument:
    subtitle = f"Minutes of the meeting held on {long_date(meeting.date)} at {long_time(meeting.time)}"
    if meeting.venue:
        subtitle += f", {meeting.venue}"
    return MinutesDocument(
        committee=committee.name,
        title=committee.name,
        subtitle=subtitle,
        status=meeting.status,
        confidential=confidential,
        front=tuple(front),
        items=tuple(items),
        meeting_date=meeting.date,
        meeting_time=meeting.time,
        venue=meeting.venue,
        properties={
            "title": f"{committee.name}: minutes, {long_date(meeting.date)}",
            "subject": f"Minutes of the meeting held on {long_date(meeting.date)}",
            "keywords": f"{committee.name}; minutes; {meeting.date.isoformat()}",
        },
        annex=tuple(annex) if confidential else (),
        closing=tuple(closing),
    )
