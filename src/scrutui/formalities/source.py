"""Everything one meeting's minutes are made from (kept whole once approved), with the corrections and the approval."""

from __future__ import annotations

import datetime as dt

from pydantic import ConfigDict, Field

from scrutui.formalities.attendance import AttendanceLine, MovementLine
from scrutui.formalities.declarations import DeclarationLine
from scrutui.models import (
    AgendaItem,
    Committee,
    CommitteePerson,
    Meeting,
    Model,
    Record,
    RequiredLine,
    Text,
)
from scrutui.tracked import TrackedRecord


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
