"""The formalities of a meeting: attendance, arrivals and departures, quorum, declarations of
interest, exempt information (Schedule 12A), minute numbers, the standard order of business, and
the sign-off of minutes. Pure rules and models: no I/O, no Textual, no Word.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from pydantic import ConfigDict, Field, model_validator

from scrutui.agenda import parse_agenda
from scrutui.errors import ScrutuiError
from scrutui.models import (
    AgendaItem,
    Committee,
    CommitteePerson,
    ExemptNatures,
    Jurisdiction,
    Line,
    Meeting,
    Model,
    NumberingScheme,
    Record,
    RequiredLine,
    Role,
    Text,
    the,
)
from scrutui.tracker.tracked import TrackedRecord

# --- the municipal year and minute numbers -------------------------------------------------------

#: Councils' municipal year runs from the annual meeting in May to the following April.
MUNICIPAL_YEAR_START_MONTH = 5


def municipal_year(day: dt.date) -> int:
    """The calendar year in which the municipal year holding `day` began (May to April)."""
    return day.year if day.month >= MUNICIPAL_YEAR_START_MONTH else day.year - 1


def municipal_year_label(year: int) -> str:
    """A municipal year as councils write it: 2026/27."""
    return f"{year}/{(year + 1) % 100:02d}"


def parse_municipal_year(text: str) -> int:
    """The year a municipal year began, from "2024/25", "2024-25", "2024/2025" or "2024"."""
    match = re.fullmatch(r"\s*(\d{4})(?:\s*[/-]\s*(\d{2}|\d{4}))?\s*", text)
    if not match:
        raise ScrutuiError(f"{text.strip() or 'A blank'} is not a municipal year: write it as 2024/25.")
    year = int(match[1])
    if match[2] is not None and int(match[2][-2:]) != (year + 1) % 100:
        raise ScrutuiError(f"{text.strip()} is not a municipal year: the second year follows the first, as in 2024/25.")
    if not 1990 <= year <= 2200:
        raise ScrutuiError(f"{year} is not a plausible municipal year.")
    return year


def municipal_year_bounds(year: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a municipal year."""
    return dt.date(year, MUNICIPAL_YEAR_START_MONTH, 1), dt.date(year + 1, MUNICIPAL_YEAR_START_MONTH, 1) - (
        dt.timedelta(days=1)
    )


SCHEME_LABELS = {
    NumberingScheme.CONTINUOUS: "Continuous 111.",
    NumberingScheme.NUMBER_YEAR: "Number/year 60/25",
    NumberingScheme.ITEM_PARAGRAPH: "Item.para 4.1",
}


def format_minute_number(scheme: NumberingScheme, sequence: int, year: int) -> str:
    """A minute number as stored: "111" (continuous) or "60/25" (number/year)."""
    if scheme is NumberingScheme.NUMBER_YEAR:
        return f"{sequence}/{year % 100:02d}"
    return str(sequence)


def number_in_sequence(minute_number: str) -> int | None:
    """The running number in a stored minute number ("60/25" -> 60), or None."""
    match = re.match(r"\d+", minute_number)
    return int(match[0]) if match else None


def item_minute_number(agenda_number: str, taken_before: int) -> str:
    """The number an item takes under the item.paragraph scheme: its agenda number (4, 4a), or else
    its place among the items taken so far."""
    number = agenda_number.strip().rstrip(".")
    return number or str(taken_before + 1)


# --- attendance ----------------------------------------------------------------------------------


class AttendanceStatus(StrEnum):
    """How a person is recorded in the roll call."""

    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"
    SUBSTITUTE = "substitute"
    IN_ATTENDANCE = "in_attendance"

    @property
    def label(self) -> str:
        """The status as the roll call shows it."""
        return STATUS_LABELS[self]


STATUS_LABELS = {
    AttendanceStatus.PRESENT: "Present",
    AttendanceStatus.APOLOGIES: "Apologies",
    AttendanceStatus.ABSENT: "Absent",
    AttendanceStatus.SUBSTITUTE: "Substitute",
    AttendanceStatus.IN_ATTENDANCE: "In attendance",
}
#: Statuses of someone in the room (for declarations, departures and the quorum).
HERE = frozenset({AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE, AttendanceStatus.IN_ATTENDANCE})


class Movement(StrEnum):
    """An arrival or a departure during the meeting."""

    ARRIVED = "arrived"
    LEFT = "left"


@dataclass(frozen=True)
class RollLine:
    """One person in a meeting's roll call: their role on the committee (None for someone who is not
    a member or regular attendee, such as a substitute) and what was recorded."""

    person_id: int
    name: str
    title: str
    role: Role | None
    status: AttendanceStatus | None
    substitute_for_id: int | None = None
    substitute_for: str = ""

    @property
    def is_member(self) -> bool:
        """True for the committee's own members on the meeting's date."""
        return self.role is not None and self.role.is_member

    @property
    def votes(self) -> bool:
        """True when this person counts towards the quorum as recorded in the roll call."""
        return self.status is AttendanceStatus.SUBSTITUTE or (
            self.status is AttendanceStatus.PRESENT and self.is_member
        )

    @property
    def role_label(self) -> str:
        """The role as the roll call shows it."""
        if self.status is AttendanceStatus.SUBSTITUTE:
            return "Substitute"
        return self.role.label if self.role else "Guest"

    @property
    def reference(self) -> str:
        """How minutes refer to this person in prose."""
        return person_reference(self.name, self.title, self.role)


@dataclass(frozen=True)
class MovementEvent:
    """An arrival or departure, stamped with the time (ISO) and the item then being taken."""

    id: int
    person_id: int
    movement: Movement
    at: str
    agenda_item_id: int | None


# --- declarations of interest --------------------------------------------------------------------


class InterestCategory(StrEnum):
    """The kinds of interest a member declares."""

    DISCLOSABLE_PECUNIARY = "disclosable_pecuniary"
    OTHER_REGISTRABLE = "other_registrable"
    NON_REGISTRABLE = "non_registrable"
    SENSITIVE = "sensitive"
    PARTY_WHIP = "party_whip"

    @property
    def label(self) -> str:
        """The category as minutes name it."""
        return INTEREST_LABELS[self]


INTEREST_LABELS = {
    InterestCategory.DISCLOSABLE_PECUNIARY: "disclosable pecuniary interest",
    InterestCategory.OTHER_REGISTRABLE: "other registrable interest",
    InterestCategory.NON_REGISTRABLE: "non-registrable interest",
    InterestCategory.SENSITIVE: "sensitive interest",
    InterestCategory.PARTY_WHIP: "party whip",
}


class InterestAction(StrEnum):
    """What the member did about the interest."""

    REMAINED = "remained"
    WITHDREW = "withdrew"


class Declaration(Model):
    """A declaration of interest by someone at the meeting, in one agenda item."""

    id: int | None = None
    meeting_id: int
    agenda_item_id: int
    person_id: int
    category: InterestCategory
    nature: Text = ""
    action: InterestAction = InterestAction.REMAINED

    @model_validator(mode="after")
    def _nature_as_the_category_needs(self) -> Declaration:
        if self.category is InterestCategory.SENSITIVE and self.nature:
            raise ValueError("a sensitive interest is recorded without its nature: leave the nature blank")
        if not self.nature and self.category in (
            InterestCategory.DISCLOSABLE_PECUNIARY,
            InterestCategory.OTHER_REGISTRABLE,
            InterestCategory.NON_REGISTRABLE,
        ):
            raise ValueError(
                f"say what the {self.category.label} is (for example: as a governor of the school)"
            )
        return self

    @property
    def takes_no_part(self) -> bool:
        """True when the member does not count towards the quorum for the item: they withdrew, or
        they have a disclosable pecuniary interest and so may not take part."""
        return (
            self.action is InterestAction.WITHDREW or self.category is InterestCategory.DISCLOSABLE_PECUNIARY
        )


# --- the quorum ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuorumCount:
    """How many voting members are (or were, at the lowest point of an item) present."""

    present: int
    quorum: int
    recorded: bool  # False until the roll call holds anything: no warning before it is taken

    @property
    def inquorate(self) -> bool:
        """True when fewer voting members are present than the quorum."""
        return self.recorded and self.present < self.quorum

    def describe(self) -> str:
        """The count in words."""
        members = "member" if self.present == 1 else "members"
        return f"{self.present} voting {members} present, quorum {self.quorum}"


class Roll:
    """Who is at a meeting over time: the roll call, then arrivals, departures and withdrawals."""

    def __init__(
        self,
        lines: Sequence[RollLine],
        events: Sequence[MovementEvent],
        declarations: Sequence[Declaration],
        quorum: int,
    ) -> None:
        self.lines = list(lines)
        self.events = sorted(events, key=lambda e: (e.at, e.id))
        self.declarations = list(declarations)
        self.quorum = quorum
        self._by_id = {line.person_id: line for line in self.lines}

    def line(self, person_id: int) -> RollLine | None:
        """The roll-call line of a person, if they are in it."""
        return self._by_id.get(person_id)

    @property
    def recorded(self) -> bool:
        """True once anyone's attendance has been recorded."""
        return any(line.status is not None for line in self.lines)

    def _initially_here(self, person_id: int) -> bool:
        """Here from the start: recorded as here, and not first recorded arriving late."""
        line = self._by_id.get(person_id)
        if line is None or line.status not in HERE:
            return False
        first = next((e for e in self.events if e.person_id == person_id), None)
        return first is None or first.movement is Movement.LEFT

    def here_now(self, person_id: int) -> bool:
        """True when the person is in the meeting after every arrival and departure so far."""
        here = self._initially_here(person_id)
        for event in self.events:
            if event.person_id == person_id:
                here = event.movement is Movement.ARRIVED
        return here

    def _voting_ids(self) -> list[int]:
        return [line.person_id for line in self.lines if line.votes]

    def not_taking_part(self, item_id: int | None) -> set[int]:
        """Members who do not count for an item because of a declared interest."""
        if item_id is None:
            return set()
        return {d.person_id for d in self.declarations if d.agenda_item_id == item_id and d.takes_no_part}

    def count_now(self, item_id: int | None = None) -> QuorumCount:
        """Voting members present now, less those taking no part in `item_id`."""
        out = self.not_taking_part(item_id)
        present = sum(1 for pid in self._voting_ids() if pid not in out and self.here_now(pid))
        return QuorumCount(present, self.quorum, self.recorded)

    def count_for_item(self, item: AgendaItem) -> QuorumCount:
        """The fewest voting members present at any point while an item was taken.

        The count starts from who was present when the item was first taken; the arrivals and
        departures stamped with the item then apply in order. An item not yet taken is counted as
        the meeting stands now.
        """
        if item.started_at is None or item.id is None:
            return self.count_now(item.id)
        voting = self._voting_ids()
        here = {pid: self._initially_here(pid) for pid in voting}
        for event in self.events:
            if event.person_id in here and event.at < item.started_at and event.agenda_item_id != item.id:
                here[event.person_id] = event.movement is Movement.ARRIVED
        out = self.not_taking_part(item.id)

        def count() -> int:
            return sum(1 for pid, is_here in here.items() if is_here and pid not in out)

        lowest = count()
        for event in self.events:
            if event.agenda_item_id == item.id and event.person_id in here:
                here[event.person_id] = event.movement is Movement.ARRIVED
                lowest = min(lowest, count())
        return QuorumCount(lowest, self.quorum, self.recorded)

    def movement_lines(self) -> list[MovementLine]:
        """The arrivals and departures as the minutes need them."""
        return [
            MovementLine(
                person_id=event.person_id,
                reference=self._reference(event.person_id),
                movement=event.movement,
                at=event.at,
                agenda_item_id=event.agenda_item_id,
            )
            for event in self.events
        ]

    def declaration_lines(self) -> list[DeclarationLine]:
        """The declarations as the minutes need them."""
        return [
            DeclarationLine(person_id=d.person_id, reference=self._reference(d.person_id), declaration=d)
            for d in self.declarations
        ]

    def attendance_lines(self) -> list[AttendanceLine]:
        """The roll call as the minutes need it (only those recorded)."""
        return [
            AttendanceLine(
                person_id=line.person_id,
                name=line.name,
                title=line.title,
                role=line.role,
                status=line.status,
                substitute_for=line.substitute_for,
            )
            for line in self.lines
            if line.status is not None
        ]

    def _reference(self, person_id: int) -> str:
        line = self._by_id.get(person_id)
        return line.reference if line is not None else f"Person {person_id}"

    def inquorate_items(self, items: Iterable[AgendaItem]) -> set[int]:
        """The ids of taken items during which the meeting was inquorate."""
        return {
            item.id
            for item in items
            if item.id is not None and item.started_at and self.count_for_item(item).inquorate
        }


# --- exempt information: Schedule 12A to the Local Government Act 1972 ---------------------------


@dataclass(frozen=True)
class ExemptCategories:
    """The descriptions of exempt information that apply in one nation."""

    nation: str
    part: str
    descriptions: dict[int, str]
    public_interest: frozenset[int]  # paragraphs subject to the public interest test
    statute: str = "Schedule 12A to the Local Government Act 1972"

    @property
    def first(self) -> int:
        """The lowest paragraph number."""
        return min(self.descriptions)

    @property
    def last(self) -> int:
        """The highest paragraph number."""
        return max(self.descriptions)

    def reference(self, paragraphs: Sequence[int]) -> str:
        """ "paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972"."""
        numbers = sorted(set(paragraphs))
        word = "paragraph" if len(numbers) == 1 else "paragraphs"
        return f"{word} {and_list([str(n) for n in numbers])} of {self.part} of {self.statute}"


_ENGLAND_12A = ExemptCategories(
    nation="England",
    part="Part 1",
    descriptions={
        1: "Information relating to any individual",
        2: "Information which is likely to reveal the identity of an individual",
        3: "Information relating to the financial or business affairs of any particular person "
        "(including the authority holding that information)",
        4: "Information relating to consultations or negotiations on a labour relations matter",
        5: "Information in respect of which a claim to legal professional privilege could be maintained",
        6: "Information which reveals that the authority proposes to give a notice imposing requirements, "
        "or to make an order or direction, under any enactment",
        7: "Information relating to action in connection with the prevention, investigation or "
        "prosecution of crime",
    },
    public_interest=frozenset(range(1, 8)),
)
# Wales: Part 4 of Schedule 12A, as substituted by the Local Government (Access to Information)
# (Variation) (Wales) Order 2007 (SI 2007/969): paragraphs 12 to 18. The public interest test
# (Part 5, paragraph 21) applies to paragraphs 12 to 15, 17 and 18, not to 16 (legal privilege).
_WALES_12A = ExemptCategories(
    nation="Wales",
    part="Part 4",
    descriptions={
        12: "Information relating to a particular individual",
        13: "Information which is likely to reveal the identity of an individual",
        14: "Information relating to the financial or business affairs of any particular person "
        "(including the authority holding that information)",
        15: "Information relating to consultations or negotiations on a labour relations matter",
        16: "Information in respect of which a claim to legal professional privilege could be maintained",
        17: "Information which reveals that the authority proposes to give a notice imposing requirements, "
        "or to make an order or direction, under any enactment",
        18: "Information relating to action in connection with the prevention, investigation or "
        "prosecution of crime",
    },
    public_interest=frozenset({12, 13, 14, 15, 17, 18}),
)
SCHEDULE_12A: dict[Jurisdiction, ExemptCategories] = {
    Jurisdiction.ENGLAND: _ENGLAND_12A,
    Jurisdiction.WALES: _WALES_12A,
}


def exempt_categories(jurisdiction: Jurisdiction) -> ExemptCategories:
    """Schedule 12A's descriptions of exempt information for the committee's nation."""
    found = SCHEDULE_12A.get(jurisdiction)
    if found is None:
        raise ScrutuiError(
            "scrutui knows the exempt-information paragraphs of Schedule 12A for England and Wales "
            "only; a committee in Scotland or Northern Ireland cannot mark items exempt yet."
        )
    return found


def check_exempt_paragraph(jurisdiction: Jurisdiction, paragraph: int | None) -> None:
    """Refuse a paragraph number outside the nation's Schedule 12A paragraphs."""
    if paragraph is None:
        return
    categories = exempt_categories(jurisdiction)
    if paragraph not in categories.descriptions:
        raise ScrutuiError(
            f"Paragraph {paragraph} is not one of {categories.nation}'s exempt-information paragraphs: "
            f"{categories.part} of Schedule 12A has paragraphs {categories.first} to {categories.last}."
        )


def exclusion_resolution(jurisdiction: Jurisdiction, exempt: Sequence[tuple[str, int]]) -> str:
    """The clause after "That" excluding the public for exempt items, naming each paragraph.

    `exempt` holds each item's reference ("minute 47 (Contract award)") and its paragraph.
    """
    categories = exempt_categories(jurisdiction)
    references = [reference for reference, _ in exempt]
    paragraphs = [paragraph for _, paragraph in exempt]
    grounds = "it involves" if len(exempt) == 1 else "they involve"
    if len(set(paragraphs)) <= 1:
        where = categories.reference(paragraphs)
    else:
        numbers = and_list([str(p) for p in paragraphs])
        where = f"paragraphs {numbers} respectively of {categories.part} of {categories.statute}"
    text = (
        "under section 100A(4) of the Local Government Act 1972, the public be excluded from the "
        f"meeting for {and_list(references)} on the grounds that {grounds} the likely disclosure of "
        f"exempt information as defined in {where}"
    )
    if any(p in categories.public_interest for p in paragraphs):
        text += (
            ", and that in all the circumstances the public interest in maintaining the exemption "
            "outweighs the public interest in disclosing the information"
        )
    return text


# --- the order of business and standard wording --------------------------------------------------

#: The standard order of business before and after the substantive items.
STANDARD_BEFORE = (
    "Apologies for absence",
    "Substitutes",
    "Declarations of interest",
    "Minutes of the previous meeting",
    "Action log",
    "Public questions and petitions",
)
STANDARD_AFTER = ("Forward plan", "Work programme", "Exclusion of the press and public")

_TITLE_KINDS: list[tuple[str, str]] = [
    ("apolog", "apologies"),
    ("substitut", "substitutes"),
    ("declaration", "declarations"),
    ("minutes", "minutes"),
    ("action log", "action_log"),
    ("matters arising", "action_log"),
    ("public question", "public"),
    ("petition", "public"),
    ("forward plan", "forward_plan"),
    ("work programme", "work_programme"),
    ("exclusion", "exclusion"),
]


def item_kind(title: str) -> str:
    """What kind of standard item a title names ("apologies", "minutes" ...), or "" for others."""
    folded = title.casefold()
    return next((kind for words, kind in _TITLE_KINDS if words in folded), "")


def nature_withheld(category: InterestCategory, item: AgendaItem | None, committee: Committee) -> bool:
    """True when public minutes and open data leave out the nature of a declared interest: always
    for a sensitive interest, and for an interest in an exempt item unless the committee publishes
    those (it may reveal the exempt matter)."""
    if category is InterestCategory.SENSITIVE:
        return True
    exempt = item is not None and item.is_exempt
    return exempt and committee.exempt_declaration_natures is ExemptNatures.WITHHOLD


def standard_agenda(substantive: str, previous_meeting: dt.date | None = None) -> str:
    """Agenda lines in the standard order, with the substantive items typed so far in the middle.

    Lines already typed that name a standard item are kept once, in the standard place.
    """
    typed = parse_agenda(substantive)
    standard = {item_kind(t) for t in (*STANDARD_BEFORE, *STANDARD_AFTER)}
    middle = [item for item in typed if item_kind(item.title) not in standard]
    lines: list[str] = []

    def add(title: str, purpose: str = "") -> None:
        lines.append(f"{len(lines) + 1}. {title}" + (f" | {purpose}" if purpose else ""))

    for title in STANDARD_BEFORE:
        purpose = ""
        if item_kind(title) == "minutes" and previous_meeting is not None:
            purpose = f"To confirm the minutes of the meeting held on {long_date(previous_meeting)}"
        add(title, purpose)
    for item in middle:
        add(item.title, item.purpose)
    for title in STANDARD_AFTER:
        add(title)
    return "\n".join(lines)


def standard_wording(
    item: AgendaItem,
    *,
    roll: Roll | None = None,
    previous_meeting: dt.date | None = None,
    exclusion: str = "",
    declared: bool = False,
) -> list[str]:
    """Capture lines of standard wording for an item, the likeliest first.

    Each is a line as the clerk would type it ("r the minutes of ... be confirmed ..."), so it is
    saved as the right kind of record when entered.
    """
    kind = item_kind(item.title)
    lines: list[str] = []
    if kind == "apologies":
        lines.append(apologies_sentence(roll))
        if roll is not None and _substitutions(roll):
            lines.append(substitutes_sentence(roll))
    elif kind == "substitutes":
        lines.append(substitutes_sentence(roll))
    elif kind == "declarations":
        lines.append(
            "No other declarations of interest were made."
            if declared
            else "There were no declarations of interest."
        )
    elif kind == "minutes":
        # Never a blank to fill in: without the date (the screen asks for it), "the previous meeting".
        held = f"meeting held on {long_date(previous_meeting)}" if previous_meeting else "previous meeting"
        lines.append(f"r the minutes of the {held} be confirmed as a correct record and signed by the Chair")
        lines.append(
            f"r subject to the correction below, the minutes of the {held} be confirmed as a correct record "
            "and signed by the Chair"
        )
    elif kind == "action_log":
        lines.append("r the action log be noted")
    elif kind == "public":
        lines.append("There were no public questions or petitions.")
    elif kind == "forward_plan":
        lines.append("r the forward plan be noted")
    elif kind == "work_programme":
        lines += ["ag the work programme be approved", "r the work programme be noted"]
    elif kind == "exclusion" and exclusion:
        lines.append(f"r {exclusion}")
    lines += [
        "r the report be noted",
        "The Chair thanked the officers for attending and for the report.",
    ]
    return list(dict.fromkeys(lines))


def _substitutions(roll: Roll) -> list[RollLine]:
    return [line for line in roll.lines if line.status is AttendanceStatus.SUBSTITUTE]


def apologies_sentence(roll: Roll | None) -> str:
    """ "Apologies for absence were received from Councillor A and Councillor B." from the roll."""
    names = [
        line.reference for line in (roll.lines if roll else []) if line.status is AttendanceStatus.APOLOGIES
    ]
    if not names:
        return "There were no apologies for absence."
    return f"Apologies for absence were received from {and_list(names)}."


def substitutes_sentence(roll: Roll | None) -> str:
    """ "Councillor Z attended as a substitute for Councillor A." from the roll."""
    subs = _substitutions(roll) if roll else []
    if not subs:
        return "There were no substitutes."
    return " ".join(f"{s.reference} attended as a substitute for {s.substitute_for}." for s in subs)


# --- sign-off ------------------------------------------------------------------------------------


class CorrectionEntry(Model):
    """A correction to issued or approved minutes, as the minutes record it."""

    id: int | None = None
    meeting_id: int
    agenda_item_id: int | None = None
    record_id: int | None = None
    person_id: int | None = None
    description: RequiredLine
    before: Text = ""
    after: Text = ""
    agreed_at_meeting_id: int | None = None
    agreed_at_date: dt.date | None = None
    made_at: str = ""


class Approval(Model):
    """When and where a meeting's minutes were confirmed."""

    approved_at: str
    approved_at_meeting_id: int | None = None
    approved_at_date: dt.date | None = None


# --- everything the minutes are made from --------------------------------------------------------


class AttendanceLine(Model):
    """A roll-call line as the minutes need it."""

    person_id: int
    name: RequiredLine
    title: Line = ""
    role: Role | None = None
    status: AttendanceStatus
    substitute_for: Line = ""


class MovementLine(Model):
    """An arrival or departure as the minutes need it."""

    person_id: int
    reference: RequiredLine
    movement: Movement
    at: str
    agenda_item_id: int | None = None


class DeclarationLine(Model):
    """A declaration as the minutes need it: who (as the minutes name them) and what."""

    person_id: int
    reference: RequiredLine
    declaration: Declaration


class MinutesSource(Model):
    """Everything one meeting's minutes are made from.

    The store builds it from the database; once the minutes are approved it is kept whole (as
    JSON), and the approved minutes are always made from that copy.
    """

    # Built when first used (an export, a sign-off), not when the app starts.
    model_config = ConfigDict(extra="forbid", validate_assignment=True, defer_build=True)

    meeting: Meeting
    committee: Committee
    items: list[AgendaItem]
    records: dict[int, list[Record]] = Field(default_factory=dict)
    people: list[CommitteePerson] = Field(default_factory=list)
    attendance: list[AttendanceLine] = Field(default_factory=list)
    movements: list[MovementLine] = Field(default_factory=list)
    declarations: list[DeclarationLine] = Field(default_factory=list)
    previous_meeting_date: dt.date | None = None
    corrections: list[CorrectionEntry] = Field(default_factory=list)
    approval: Approval | None = None
    #: The action log's entries by its agenda item's id: the earlier requests and recommendations
    #: it reported back on, as they stood (kept with approved minutes, so a later response recorded
    #: in the tracker never changes what approved minutes say). None in minutes approved before
    #: the tracker kept them: the tracker's entries are read then.
    carried: dict[int, list[TrackedRecord]] | None = None


# --- wording helpers -----------------------------------------------------------------------------


def person_reference(name: str, title: str, role: Role | None) -> str:
    """How minutes name someone in prose: members by name, officers and witnesses by role."""
    if title and (role is None or not role.is_member):
        return the(title)
    return name


def and_list(parts: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} and {parts[-1]}"


def long_date(day: dt.date) -> str:
    """A date as minutes write it: 7 December 2026."""
    return f"{day.day} {day:%B %Y}"
