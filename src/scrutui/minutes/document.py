"""The document model every renderer reads: paragraphs in named styles, items under their minute
numbers, and the whole meeting with its front matter, annex and closing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from scrutui.models import MinutesStatus, unfilled_blank


class Style(StrEnum):
    """Paragraph styles. Each is a named style in the Word template, so a council restyles it there."""

    TITLE = "Minutes Title"
    SUBTITLE = "Minutes Subtitle"
    MARK = "Minutes Mark"  # DRAFT / CONFIDENTIAL
    SECTION = "Minutes Section"  # Present, Apologies ...
    ATTENDANCE = "Minutes Attendance"
    ITEM_HEADING = "Minute Heading"
    PURPOSE = "Minute Purpose"
    THEME = "Minute Theme"  # a sub-heading inside an item (an assurance's theme is one too)
    BODY = "Minute Body"
    BULLET = "Minute Bullet"  # an item of a bulleted list
    LIST_ITEM = "Minute List Item"  # an item of a labelled list: "(a)", "1." as typed
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
    #: After the last item: when the meeting ended, the confirmation of the minutes and any corrections.
    closing: tuple[Paragraph, ...] = ()
    #: The language the minutes are written in, as a BCP 47 tag ("en-GB", "cy-GB"): for the
    #: document's language, so screen readers and spell-checkers read it right.
    language: str = "en-GB"

    @property
    def marks(self) -> tuple[str, ...]:
        """What the document is marked on its first page and every page's header: DRAFT, CONFIDENTIAL."""
        marks = []
        if self.status is not MinutesStatus.APPROVED:
            marks.append("DRAFT")
        if self.confidential:
            marks.append("CONFIDENTIAL")
        return tuple(marks)

    def unfilled_blanks(self) -> list[str]:
        """Where the minutes still hold a blank to fill in ("<date>"), as "minute 46. Minutes of the
        previous meeting: <date>"."""
        found = []
        for where, paragraphs in (
            ("the attendance", self.front),
            *((item.heading, item.paragraphs) for item in (*self.items, *self.annex)),
            ("the closing", self.closing),
        ):
            for paragraph in paragraphs:
                blank = unfilled_blank(paragraph.text)
                if blank:
                    found.append(f"{where}: {blank}")
        return found

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

