"""The house style from the keyboard: F2 on the committee screen, each setting with its line of
minutes as it will print, the council's own style that a new committee copies, a first minute number
for a past municipal year, and standard wording that asks for the date it cannot know."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Checkbox, Input, Select, Static

from scrutui.models import Resolution
from scrutui.store import open_store
from scrutui.tui.screens.ask_date import AskDate
from scrutui.tui.screens.committee import CommitteeScreen
from scrutui.tui.screens.house_style import HouseStyleScreen
from scrutui.tui.screens.minuting import MinutingScreen
from scrutui.tui.widgets.capture_line import CaptureInput
from tests.conftest import add_meeting_to, app_on
from tests.formal import formal_meeting
from tests.tui.helpers import fill


def example(screen: HouseStyleScreen, key: str) -> str:
    return str(screen.query_one(f"#e-{key}", Static).render())


async def test_the_house_style_screen_shows_each_setting_as_it_will_print(db_path: Path) -> None:
    committee, _, _ = add_meeting_to(db_path)
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(CommitteeScreen(committee.id))
        await pilot.pause()
        assert "House style (F2): RESOLVED: That (a) the report be noted" in str(
            app.screen.query_one("#c-style", Static).render()
        )
        await pilot.press("f2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HouseStyleScreen)
        assert example(screen, "resolutions") == "→ RESOLVED: That (a) the report be noted; and (b) a review group be set up."
        await fill(pilot, "#s-resolution_lead", "It was resolved that:")
        screen.query_one("#s-resolution_labels", Select).value = "roman"
        screen.query_one("#s-part_endings", Select).value = "full_stops"
        await pilot.pause()
        assert example(screen, "resolutions") == "→ It was resolved that: (i) the report be noted. (ii) a review group be set up."
        # The other decisions follow the resolutions' labels unless given their own.
        assert example(screen, "agreed").startswith("→ AGREED: That (i) the work programme")
        screen.query_one("#s-request_due_dates", Checkbox).value = False
        await pilot.pause()
        assert "by 24 November" not in example(screen, "requests")
        # A lead-in with a blank scrutui cannot fill in is refused, in words, and nothing is saved.
        await fill(pilot, "#s-recommendation_lead", "RECOMMENDED to {cabinet} that")
        assert "{cabinet} is not something scrutui fills in" in str(screen.query_one("#style-error").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        await fill(pilot, "#s-recommendation_lead", "RECOMMENDED to {body} that")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CommitteeScreen)
        assert "It was resolved that: (i) the report be noted." in str(app.screen.query_one("#c-style", Static).render())
    store = open_store(db_path)
    saved = store.committees.get(committee.id or 0)
    store.close()
    assert (saved.resolution_lead, saved.resolution_labels.value, saved.part_endings.value) == (
        "It was resolved that:", "roman", "full_stops"
    )
    assert saved.request_due_dates is False and saved.agreed_labels is None


async def test_a_new_committee_starts_from_the_councils_house_style(db_path: Path) -> None:
    committee, _, _ = add_meeting_to(db_path)
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(CommitteeScreen(committee.id))
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        await fill(pilot, "#s-request_lead", "And that the following information requests be made:")
        app.screen.query_one("#s-language", Select).value = "cy-GB"
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("escape", "escape")
        await pilot.pause()
        app.push_screen(CommitteeScreen(None))
        await pilot.pause()
        await fill(pilot, "#c-name", "Adult Social Care Scrutiny Committee")
        await pilot.press("ctrl+s")
        await pilot.pause()
    store = open_store(db_path)
    new = store.committees.by_name("Adult Social Care Scrutiny Committee")
    store.close()
    assert new is not None
    assert new.request_lead == "And that the following information requests be made:"
    assert new.language.value == "cy-GB"


async def test_a_first_minute_number_for_a_past_municipal_year(db_path: Path) -> None:
    store = open_store(db_path)
    setup = formal_meeting(store, date="2024-11-12", agenda=[("1", "Apologies"), ("2", "Report")])
    store.close()
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(CommitteeScreen(setup.committee.id))
        await pilot.pause()
        await fill(pilot, "#c-year", "2024/2026")
        await fill(pilot, "#c-year-start", "60")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "not a municipal year" in str(app.screen.query_one("#committee-error").render())
        await fill(pilot, "#c-year", "2024/25")
        await fill(pilot, "#c-year-start", "60")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await fill(pilot, "#c-year", "2025/26")  # another year: its own (none set)
        assert app.screen.query_one("#c-year-start", Input).value == ""
        await fill(pilot, "#c-year", "2024/25")
        assert app.screen.query_one("#c-year-start", Input).value == "60"
    store = open_store(db_path)
    try:
        assert store.committees.first_minute_number(setup.committee.id or 0, 2024) == 60
        for item in store.agenda.for_meeting(setup.meeting_id):
            store.agenda.take(item.id or 0)
        assert [i.minute_number for i in store.agenda.for_meeting(setup.meeting_id)] == ["60", "61"]
    finally:
        store.close()


async def test_standard_wording_asks_for_a_date_it_cannot_know(db_path: Path) -> None:
    _, meeting, items = add_meeting_to(db_path)
    store = open_store(db_path)
    store.agenda.update(items[0].model_copy(update={"title": "Minutes of the previous meeting"}))
    store.close()
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_minuting(meeting.id or 0)
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, AskDate)
        await fill(pilot, "#ask-date", "31/02/2026")
        await pilot.press("enter")
        await pilot.pause()
        assert "not a date" in str(app.screen.query_one("#ask-error").render())
        await fill(pilot, "#ask-date", "15/09/2026")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MinutingScreen)
        line = app.screen.query_one(CaptureInput).value
        assert line == (
            "r the minutes of the meeting held on 15 September 2026 be confirmed as a correct record and "
            "signed by the Chair"
        )
        await pilot.press("enter")
        await pilot.pause()
    store = open_store(db_path)
    saved = store.records.for_item(items[0].id or 0)
    store.close()
    assert isinstance(saved[0], Resolution) and "<" not in saved[0].text
