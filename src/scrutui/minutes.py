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

from scrutui.models import (
    AgendaItem,
    Assurance,
    AssuranceStatus,
    Attribution,
    Committee,
    InformationRequest,
    LabelStyle,
    Meeting,
    MinutesStatus,
    Narrative,
    Question,
    Recommendation,
    Record,
    Resolution,
    ResolutionForm,
    the,
)
from scrutui.store.people import KnownPeople
from scrutui.store.tracker import TrackedRecord


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
        """Every paragraph in document order, item headings included."""
        yield Paragraph(Style.TITLE, self.title)
        yield Paragraph(Style.SUBTITLE, self.subtitle)
        for mark in self.marks:
            yield Paragraph(Style.MARK, mark)
        yield from self.front
        for item in self.items:
            yield Paragraph(Style.ITEM_HEADING, item.title, label=item.number)
            yield from item.paragraphs


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
        paragraphs += action_log_paragraphs(carried, meeting_date, labels, people, confidential=confidential)
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
) -> list[Paragraph]:
    """What the action log reported back to the meeting, then what was still awaited.

    Requests and recommendations made under exempt items are left out of public minutes (with a
    line saying that some were).
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
        paragraphs.append(
            Paragraph(
                Style.BODY,
                f"{hidden} further {matters} from items considered in private "
                f"{'is' if hidden == 1 else 'are'} not included in these public minutes.",
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


def minute_item(
    item: AgendaItem,
    records: Sequence[Record],
    committee: Committee,
    people: KnownPeople,
    *,
    confidential: bool = False,
    carried: Sequence[TrackedRecord] | None = None,
    meeting_date: dt.date | None = None,
) -> MinuteItem:
    """One item as minuted. An exempt item in public minutes shows only its public title and summary.

    `carried` is given for a meeting's action log: the earlier requests and recommendations it lists.
    """
    if item.is_exempt and not confidential:
        body = [Paragraph(Style.BODY, "This item was considered in private.")]
        if item.public_summary:
            body.append(Paragraph(Style.BODY, sentence(item.public_summary)))
        return MinuteItem(minute_number(item), item.public_title or item.title, tuple(body), exempt=True)
    paragraphs = item_paragraphs(
        item,
        records,
        committee,
        people,
        carried=carried,
        meeting_date=meeting_date,
        confidential=confidential,
    )
    return MinuteItem(minute_number(item), item.title, tuple(paragraphs), exempt=item.is_exempt)


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
    """A whole meeting as minutes. `carried` holds the action log's entries by agenda item id
    (``store.tracker.action_logs_of_meeting``)."""
    subtitle = f"Minutes of the meeting held on {long_date(meeting.date)} at {long_time(meeting.time)}"
    if meeting.venue:
        subtitle += f", {meeting.venue}"
    minute_items = tuple(
        minute_item(
            item,
            records.get(item.id or 0, []),
            committee,
            people,
            confidential=confidential,
            carried=(carried or {}).get(item.id or 0),
            meeting_date=meeting.date,
        )
        for item in items
    )
    return MinutesDocument(
        committee=committee.name,
        title=committee.name,
        subtitle=subtitle,
        status=meeting.status,
        confidential=confidential,
        front=tuple(attendance_paragraphs(attendance)),
        items=minute_items,
        meeting_date=meeting.date,
        meeting_time=meeting.time,
        venue=meeting.venue,
        properties={
            "title": f"{committee.name}: minutes, {long_date(meeting.date)}",
            "subject": f"Minutes of the meeting held on {long_date(meeting.date)}",
            "keywords": f"{committee.name}; minutes; {meeting.date.isoformat()}",
        },
    )
