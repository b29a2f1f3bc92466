"""A committee with enough members for quorum, substitutes and declarations, made through the store."""

from __future__ import annotations

from dataclasses import dataclass

from scrutui.models import AgendaItem, Committee, Meeting, Person, Role
from scrutui.store import Store


@dataclass
class Setup:
    committee: Committee
    meeting: Meeting
    items: list[AgendaItem]
    people: dict[str, int]  # short name -> person id

    @property
    def meeting_id(self) -> int:
        assert self.meeting.id is not None
        return self.meeting.id

    def item(self, title_start: str) -> AgendaItem:
        return next(i for i in self.items if i.title.startswith(title_start))


PEOPLE = [
    ("Councillor Ann Ali", "", Role.CHAIR),
    ("Councillor Ben Brook", "", Role.VICE_CHAIR),
    ("Councillor Cy Cole", "", Role.MEMBER),
    ("Councillor Di Dean", "", Role.MEMBER),
    ("Mr Ed Eve", "Parent governor representative", Role.CO_OPTED),
    ("Fay Ford", "Director of Public Health", Role.OFFICER),
]

AGENDA = [
    ("1", "Apologies for absence"),
    ("2", "Declarations of interest"),
    ("3", "Minutes of the previous meeting"),
    ("4", "Winter pressures"),
    ("5", "Care home contract"),
    ("6", "Exclusion of the press and public"),
    ("7", "Care home contract: commercial terms"),
]


def formal_committee(store: Store, **settings: object) -> Committee:
    committee = store.committees.add(
        Committee.model_validate({"name": "Health Scrutiny Committee", "quorum": 3, **settings}),
        [(Person(name=name, title=title), role) for name, title, role in PEOPLE],
    )
    assert committee.id is not None
    return committee


def formal_meeting(
    store: Store,
    committee: Committee | None = None,
    date: str = "2026-12-03",
    agenda: list[tuple[str, str]] | None = None,
    **settings: object,
) -> Setup:
    committee = committee or formal_committee(store, **settings)
    assert committee.id is not None
    meeting = store.meetings.add(
        Meeting(committee_id=committee.id, date=date, time="18:30", venue="Room 1"),
        [AgendaItem(meeting_id=0, number=n, title=t) for n, t in (agenda or AGENDA)],
    )
    assert meeting.id is not None
    people = {cp.person.name.split()[-1]: cp.person.id or 0 for cp in store.committees.people(committee.id)}
    return Setup(committee, meeting, store.agenda.for_meeting(meeting.id), people)
