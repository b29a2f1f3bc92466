"""Carry forward: the committee's next meeting gets an action log of what is still owed, and a
response recorded there goes on the original request, so the tracker and the minutes both show it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Checkbox, Input, TextArea

from scrutui.demo import load_demo
from scrutui.models import AgendaItem, InformationRequest, Meeting, RequestStatus
from scrutui.store import open_store
from scrutui.store.tracker import StatusFilter, TrackerQuery
from scrutui.tracker.rules import Tracker
from scrutui.tui.app import make_app
from scrutui.tui.screens.agenda import AgendaScreen
from scrutui.tui.screens.home import HomeScreen
from scrutui.tui.screens.meeting_form import MeetingForm
from scrutui.tui.screens.minuting import MinutingScreen
from scrutui.tui.screens.response_form import ResponseForm
from scrutui.tui.screens.tracker import TrackerScreen
from scrutui.tui.widgets.minutes_preview import MinutesPreview
from scrutui.tui.widgets.paged_table import PagedTable
from tests.tui.helpers import capture, fill, screen_text

NEXT_MEETING = dt.date(2027, 1, 12)


async def test_the_next_meeting_offers_the_action_log_and_answers_reach_the_tracker(db_path: Path) -> None:
    store = open_store(db_path)
    load_demo(store)
    store.close()
    app = make_app(db_path, blink=False, today=lambda: NEXT_MEETING)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MeetingForm)
        await fill(pilot, "#m-date", "12/01/2027")
        offer = form.query_one("#m-action-log", Checkbox)
        # Still owed from September and November: 3 requests outstanding, 1 refused since the last
        # meeting (to be reported back), 2 recommendations awaiting Cabinet's response.
        assert offer.value and "report back on 6 requests and recommendations" in str(offer.label)
        form.query_one("#m-agenda", TextArea).text = (
            "1. Apologies for absence\n2. Declarations of interest\n3. Minutes of the previous meeting\n"
            "4. Youth justice plan"
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert "3a   Action log" in screen_text(pilot)
        await pilot.press("m")
        await pilot.pause()
        minuting = app.screen
        assert isinstance(minuting, MinutingScreen)
        await pilot.press("pagedown", "pagedown", "pagedown")
        await pilot.pause()
        assert minuting.current is not None and minuting.current.title == "Action log"
        assert "Action log: 6 carried forward, 5 awaited" in str(minuting.query_one("#capture-hint").render())
        await capture(pilot, "The Scrutiny Officer introduced the action log.")
        await pilot.press("f7")
        await pilot.pause()
        log = app.screen
        assert isinstance(log, TrackerScreen) and log.action_log_item_id == minuting.current.id
        assert "Action log of the meeting on 12/01/2027 · information requests" in screen_text(pilot)
        table = log.query_one(PagedTable)
        texts = [r.record.text for r in table.rows_shown]
        assert "a copy of the directorate risk register" in texts
        assert "the timetable for opening the remaining family hubs" not in texts  # reported in November
        table.move_cursor(row=texts.index("a copy of the directorate risk register"))
        await pilot.press("enter")
        await pilot.pause()
        respond = app.screen
        assert isinstance(respond, ResponseForm)
        assert respond.query_one("#response-date", Input).value == "12/01/2027"
        respond.query_one(
            "#response-text", TextArea
        ).text = "The risk register was circulated with the agenda."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is log
        assert "recorded at this meeting's action log" in screen_text(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is minuting
        preview = minuting.query_one(MinutesPreview).text
        assert "The Scrutiny Officer introduced the action log." in preview
        assert (
            "(a) A copy of the directorate risk register (of the Director of Children's Services; "
            "minute 47, 10 November 2026): answered on 12 January 2027. The risk register was circulated "
            "with the agenda."
        ) in " ".join(preview.split())
        assert "The following were still awaited:" in preview

    store = open_store(db_path, read_only=True)
    row = store.handle.row("SELECT id FROM record WHERE text = 'a copy of the directorate risk register'")
    assert row is not None
    original = store.records.get(row["id"])
    assert isinstance(original, InformationRequest)
    assert original.status is RequestStatus.ANSWERED and original.answered_on == NEXT_MEETING
    # One request, not a copy: the tracker lists it once, answered.
    listed = store.tracker.first_page(TrackerQuery(as_at=NEXT_MEETING, status=StatusFilter.ANSWERED))
    assert [r.id for r in listed].count(original.id) == 1
    reported = store.handle.scalar(
        "SELECT reported_on FROM action_log_entry WHERE record_id = ?", [original.id]
    )
    assert reported == "2027-01-12"
    store.close()


async def test_the_clerk_can_decline_the_action_log(db_path: Path) -> None:
    store = open_store(db_path)
    load_demo(store)
    store.close()
    app = make_app(db_path, blink=False, today=lambda: NEXT_MEETING)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MeetingForm)
        offer = form.query_one("#m-action-log", Checkbox)
        assert offer.value  # today (12 January 2027) there is plenty to report back on
        offer.value = False
        await pilot.pause()
        await fill(pilot, "#m-date", "13/01/2027")  # changing the date leaves the clerk's choice alone
        assert not offer.value
        form.query_one("#m-agenda", TextArea).text = "1. Apologies for absence\n2. Work programme"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
    store = open_store(db_path, read_only=True)
    newest = store.meetings.summaries()[0].meeting
    assert newest.date == dt.date(2027, 1, 13) and newest.id is not None
    assert store.tracker.action_log_of(newest.id) is None
    assert [i.title for i in store.agenda.for_meeting(newest.id)] == ["Apologies for absence", "Work programme"]
    store.close()


async def test_the_standard_order_puts_the_action_log_in_its_place(db_path: Path) -> None:
    store = open_store(db_path)
    load_demo(store)
    store.close()
    app = make_app(db_path, blink=False, today=lambda: NEXT_MEETING)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MeetingForm)
        assert form.query_one("#m-action-log", Checkbox).value
        form.query_one("#m-agenda", TextArea).text = "Youth justice plan | To review the plan"
        await pilot.press("ctrl+t")  # the standard order of business around the typed item
        await pilot.pause()
        assert "5. Action log" in form.query_one("#m-agenda", TextArea).text
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
    store = open_store(db_path, read_only=True)
    newest = store.meetings.summaries()[0].meeting
    assert newest.id is not None
    titles = [(i.number, i.title) for i in store.agenda.for_meeting(newest.id)]
    # The standard order's own "Action log" item is the action log: no second one is added.
    assert [t for _, t in titles].count("Action log") == 1
    assert titles[3:6] == [
        ("4", "Minutes of the previous meeting"),
        ("5", "Action log"),
        ("6", "Public questions and petitions"),
    ]
    log_item = store.tracker.action_log_of(newest.id)
    assert log_item == store.agenda.for_meeting(newest.id)[4].id
    assert len(store.tracker.log_entries(log_item or 0)) == 6
    store.close()


async def test_the_action_log_of_approved_minutes_still_takes_responses(db_path: Path) -> None:
    store = open_store(db_path)
    load_demo(store)
    committee = store.committees.all()[0]
    assert committee.id is not None
    january = store.meetings.add(
        Meeting(committee_id=committee.id, date="2027-01-12"),
        [AgendaItem(meeting_id=0, number="1", title="Apologies for absence")],
        carry_forward=True,
    )
    march = store.meetings.add(Meeting(committee_id=committee.id, date="2027-03-09"), [])
    assert january.id is not None and march.id is not None
    store.signoff.approve(january.id, march.id)
    log_item = store.tracker.action_log_of(january.id)
    # After approval the clerk gives the risk register a new due date: the tracker has it, the
    # approved minutes keep the date they were approved with.
    register = store.handle.scalar("SELECT id FROM record WHERE text = 'a copy of the directorate risk register'")
    Tracker(store, lambda: dt.date(2027, 3, 9)).set_due(int(register), dt.date(2026, 12, 1))
    store.close()
    app = make_app(db_path, blink=False, today=lambda: dt.date(2027, 3, 9))
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        app.open_minuting(january.id)
        await pilot.pause()
        minuting = app.screen
        assert isinstance(minuting, MinutingScreen)
        await pilot.press("pagedown")
        await pilot.pause()
        assert minuting.current is not None and minuting.current.id == log_item
        preview = " ".join(minuting.query_one(MinutesPreview).text.split())
        register_line = (
            "A copy of the directorate risk register (of the Director of Children's Services; minute 47, "
            "10 November 2026): due by 24 November 2026; overdue."
        )
        assert register_line in preview
        await pilot.press("f7")
        await pilot.pause()
        log = app.screen
        assert isinstance(log, TrackerScreen)
        assert "Action log of the meeting on 12/01/2027 · information requests · minutes approved" in screen_text(
            pilot
        )
        table = log.query_one(PagedTable)
        texts = [r.record.text for r in table.rows_shown]
        table.move_cursor(row=texts.index("a copy of the directorate risk register"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResponseForm)
        app.screen.query_one("#response-text", TextArea).text = "Sent to Members in February."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is log
        assert any("the next action log reports it" in n.message for n in app._notifications)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is minuting
        # The approved minutes' action log still says what it said when approved.
        preview = " ".join(minuting.query_one(MinutesPreview).text.split())
        assert register_line in preview and "Sent to Members" not in preview
    store = open_store(db_path, read_only=True)
    row = store.handle.row("SELECT id FROM record WHERE text = 'a copy of the directorate risk register'")
    assert row is not None
    answered = store.records.get(row["id"])
    assert isinstance(answered, InformationRequest) and answered.status is RequestStatus.ANSWERED
    assert answered.response == "Sent to Members in February."
    assert store.handle.scalar("SELECT reported_on FROM action_log_entry WHERE record_id = ?", [row["id"]]) is None
    store.close()
