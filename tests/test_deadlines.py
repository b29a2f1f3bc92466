"""Due dates: clear working days around weekends, Christmas, New Year and Easter, in each nation;
a committee's own period; two months for the executive's response; overdue against a fixed day."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scrutui.deadlines import add_clear_working_days, add_months, is_working_day
from scrutui.models import (
    AgendaItem,
    Committee,
    InformationRequest,
    Jurisdiction,
    Meeting,
    Recommendation,
)
from scrutui.store import Store
from scrutui.store.tracker import StatusFilter, Tracked, TrackerQuery
from scrutui.tracker.rules import Tracker

D = dt.date.fromisoformat
E, W, S, N = Jurisdiction.ENGLAND, Jurisdiction.WALES, Jurisdiction.SCOTLAND, Jurisdiction.NORTHERN_IRELAND


@pytest.mark.parametrize(
    ("start", "days", "nation", "due", "why"),
    [
        # Weekends
        ("2026-11-05", 10, E, "2026-11-19", "Thursday: two weekends skipped"),
        ("2026-11-06", 1, E, "2026-11-09", "Friday: the next working day is Monday"),
        ("2026-11-07", 1, E, "2026-11-09", "a Saturday meeting: Monday"),
        ("2026-11-05", 0, E, "2026-11-05", "no days: the same day"),
        # Christmas, Boxing Day and New Year, with substitute days
        ("2026-12-24", 1, E, "2026-12-29", "Boxing Day on a Saturday: substitute Monday 28th"),
        ("2026-12-18", 10, E, "2027-01-06", "over Christmas and New Year"),
        ("2026-12-18", 10, S, "2027-01-07", "Scotland also has 2 January (Saturday, so Monday 4th)"),
        ("2027-12-22", 3, E, "2027-12-29", "Christmas and Boxing Day at a weekend: Mon 27 and Tue 28 off"),
        ("2021-12-23", 2, E, "2021-12-29", "2021: both substitutes after Christmas"),
        ("2021-12-31", 1, E, "2022-01-04", "New Year's Day on a Saturday: substitute Monday 3rd"),
        ("2021-12-31", 1, S, "2022-01-05", "Scotland: 1 and 2 January on a weekend, Monday and Tuesday off"),
        ("2021-12-31", 1, W, "2022-01-04", "Wales keeps England's bank holidays"),
        # Easter
        ("2026-04-02", 1, E, "2026-04-07", "Good Friday and Easter Monday"),
        ("2026-04-02", 1, W, "2026-04-07", "Wales: Good Friday and Easter Monday"),
        ("2026-04-02", 1, N, "2026-04-07", "Northern Ireland: Good Friday and Easter Monday"),
        ("2026-04-02", 1, S, "2026-04-06", "Scotland has Good Friday but no Easter Monday bank holiday"),
        ("2027-03-25", 2, E, "2027-03-31", "Easter 2027: 26 and 29 March"),
        # Each nation's own days
        ("2026-03-16", 1, N, "2026-03-18", "St Patrick's Day"),
        ("2026-03-16", 1, E, "2026-03-17", "not a holiday in England"),
        ("2027-07-09", 1, N, "2027-07-13", "Battle of the Boyne"),
        ("2026-11-27", 1, S, "2026-12-01", "St Andrew's Day"),
        ("2026-11-27", 1, E, "2026-11-30", "not a holiday in England"),
        ("2026-07-31", 1, S, "2026-08-04", "Scotland's summer holiday is the first Monday of August"),
        ("2026-07-31", 1, E, "2026-08-03", "not in England"),
        ("2026-08-28", 1, E, "2026-09-01", "England's is the last Monday of August"),
        ("2026-08-28", 1, S, "2026-08-31", "not in Scotland"),
    ],
)
def test_clear_working_days(start: str, days: int, nation: Jurisdiction, due: str, why: str) -> None:
    assert add_clear_working_days(D(start), days, nation) == D(due), why


@given(
    start=st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2032, 12, 31)),
    days=st.integers(min_value=1, max_value=40),
    nation=st.sampled_from(list(Jurisdiction)),
)
def test_due_date_is_the_last_of_exactly_that_many_working_days(
    start: dt.date, days: int, nation: Jurisdiction
) -> None:
    due = add_clear_working_days(start, days, nation)
    assert is_working_day(due, nation)
    between = [start + dt.timedelta(days=n) for n in range(1, (due - start).days + 1)]
    assert sum(is_working_day(day, nation) for day in between) == days


@pytest.mark.parametrize(
    ("start", "months", "due"),
    [
        ("2026-11-10", 2, "2027-01-10"),
        ("2026-12-31", 2, "2027-02-28"),  # no 31 February: the month's last day
        ("2027-12-31", 2, "2028-02-29"),  # a leap year
        ("2026-10-15", 3, "2027-01-15"),
    ],
)
def test_months_for_the_executive(start: str, months: int, due: str) -> None:
    assert add_months(D(start), months) == D(due)


def _meeting(store: Store, committee: Committee, date: str) -> int:
    assert committee.id is not None
    meeting = store.meetings.add(
        Meeting(committee_id=committee.id, date=date), [AgendaItem(meeting_id=0, number="1", title="Budget")]
    )
    assert meeting.id is not None
    item_id = store.agenda.for_meeting(meeting.id)[0].id
    assert item_id is not None
    return item_id


def test_the_store_uses_the_committees_own_period_and_nation(store: Store) -> None:
    own = store.committees.add(
        Committee(name="Quick Committee", information_request_days=5, recommendation_response_months=3)
    )
    scottish = store.committees.add(Committee(name="Scottish Committee", jurisdiction="scotland"))
    quick_item = _meeting(store, own, "2026-11-05")
    scottish_item = _meeting(store, scottish, "2026-12-18")
    quick = store.records.add(InformationRequest(agenda_item_id=quick_item, text="the figures"))
    assert isinstance(quick, InformationRequest) and quick.due_date == D("2026-11-12")
    recommendation = store.records.add(Recommendation(agenda_item_id=quick_item, text="the budget be kept"))
    assert isinstance(recommendation, Recommendation) and recommendation.response_due == D("2027-02-05")
    over_new_year = store.records.add(InformationRequest(agenda_item_id=scottish_item, text="the plan"))
    assert isinstance(over_new_year, InformationRequest) and over_new_year.due_date == D("2027-01-07")


def test_a_due_date_set_by_hand_is_kept_and_blank_works_it_out_again(store: Store) -> None:
    committee = store.committees.add(Committee(name="Health Scrutiny Committee"))
    item = _meeting(store, committee, "2026-11-05")
    saved = store.records.add(InformationRequest(agenda_item_id=item, text="the waiting list"))
    assert saved.id is not None
    tracker = Tracker(store, lambda: D("2026-11-23"))
    by_hand = tracker.set_due(saved.id, D("2026-12-01"))
    assert by_hand.due == D("2026-12-01")
    assert isinstance(by_hand.record, InformationRequest) and by_hand.record.due_date_by_hand
    edited = store.records.get(saved.id)
    store.records.update(edited.model_copy(update={"text": "the waiting list by ward"}))
    assert tracker.get(saved.id).due == D("2026-12-01")  # an edit keeps it
    again = tracker.set_due(saved.id, None)
    assert again.due == D("2026-11-19")
    assert isinstance(again.record, InformationRequest) and not again.record.due_date_by_hand


def test_overdue_against_a_fixed_today(store: Store) -> None:
    committee = store.committees.add(Committee(name="Health Scrutiny Committee"))
    item = _meeting(store, committee, "2026-11-05")  # due 19 November 2026
    store.records.add(InformationRequest(agenda_item_id=item, text="the waiting list"))
    store.records.add(
        InformationRequest(
            agenda_item_id=item, text="the old plan", status="answered", answered_on="2026-11-10"
        )
    )

    def overdue_on(day: str) -> tuple[int, list[str]]:
        tracker = Tracker(store, lambda: D(day))
        query = tracker.query(status=StatusFilter.OVERDUE)
        rows = store.tracker.first_page(query)
        return store.tracker.counts(query).overdue, [r.record.text for r in rows]

    assert overdue_on("2026-11-19") == (0, [])  # due today is not yet overdue
    assert overdue_on("2026-11-20") == (1, ["the waiting list"])  # the answered one never is
    query = TrackerQuery(as_at=D("2026-11-20"), kind=Tracked.REQUESTS, status=StatusFilter.ALL)
    rows = store.tracker.first_page(query)
    assert [r.is_overdue(query.as_at) for r in rows] == [True, False]
