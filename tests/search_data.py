"""Generated meetings for the search tests: two committees, meetings made out of date order (so the
order records were typed in is not the order of the meetings), every kind of record."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from scrutui.models import (
    AgendaItem,
    Assurance,
    Committee,
    InformationRequest,
    Meeting,
    Narrative,
    Person,
    Question,
    Recommendation,
    Resolution,
    Role,
)
from scrutui.store import Store

THEMES = ("Workforce", "workforce", "Work force", "Workforse", "Finance", "Quality of practice")
DAYS = [dt.date(2021, 3, 4) + dt.timedelta(days=61 * n) for n in range(12)]


@dataclass(frozen=True)
class Generated:
    """What was made: the committees' ids, and each meeting's id by its date."""

    health: int
    roads: int
    meetings: dict[dt.date, int]


def generate(store: Store, seed: int = 7) -> Generated:
    """Twelve meetings (alternately of two committees), each with one item of every kind of record
    mentioning its date's year and "agency staff"; made in shuffled date order."""
    rng = random.Random(seed)
    health = store.committees.add(
        Committee(name="Health Overview and Scrutiny Committee"),
        [(Person(name="Councillor Ann Ali"), Role.CHAIR), (Person(name="Dr Jo Reid", title="Director of Finance"), Role.OFFICER)],
    )
    roads = store.committees.add(Committee(name="Highways Scrutiny Panel"), [])
    assert health.id is not None and roads.id is not None
    meetings: dict[dt.date, int] = {}
    days = list(enumerate(DAYS))
    rng.shuffle(days)
    for number, day in days:
        committee_id = health.id if number % 2 == 0 else roads.id
        meeting = store.meetings.add(
            Meeting(committee_id=committee_id, date=day, time="18:00"),
            [
                AgendaItem(meeting_id=0, number="1", title=f"Budget monitoring {day.year}", purpose="To scrutinise the budget"),
                AgendaItem(meeting_id=0, number="2", title="Work programme"),
            ],
        )
        assert meeting.id is not None
        meetings[day] = meeting.id
        item = store.agenda.for_meeting(meeting.id)[0].id or 0
        store.records.add(Narrative(agenda_item_id=item, text=f"The report on agency staff for {day:%B %Y} was presented."))
        store.records.add(
            Question(
                agenda_item_id=item,
                asked_by="Councillor Ann Ali",
                text="how much agency staff cost",
                answered_by="Director of Finance",
                answer=f"spending was £{number + 1}.2 million in {day.year}",
            )
        )
        store.records.add(
            Assurance(
                agenda_item_id=item,
                theme=THEMES[number % len(THEMES)],
                text=f"agency use would fall by {day.year + 1}",
                response="a recruitment campaign had started" if number % 3 else "",
                status=("given", "partly_given", "not_given", "sought")[number % 4],
            )
        )
        store.records.add(
            InformationRequest(
                agenda_item_id=item,
                requested_of="Director of Finance" if number % 2 == 0 else "Head of Highways",
                text=f"a breakdown of agency spending for {day.year}",
                status="outstanding" if number % 3 == 0 else "answered",
                answered_on=None if number % 3 == 0 else day + dt.timedelta(days=5),
                response="" if number % 3 == 0 else "sent by email",
            )
        )
        store.records.add(Resolution(agenda_item_id=item, text="the report be noted"))
        store.records.add(Recommendation(agenda_item_id=item, addressee="Cabinet", text="agency staff be reduced"))
    return Generated(health.id, roads.id, meetings)
