"""Search from the keyboard: F8 from any screen, the results paged from the index, Enter to the
record in its meeting, the filters, the theme history and the person view, read-only too."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Select

from scrutui.demo import load_demo
from scrutui.models import Narrative
from scrutui.store import open_store
from scrutui.tui.app import ScrutuiApp, make_app
from scrutui.tui.screens.ask_line import AskLine
from scrutui.tui.screens.home import HomeScreen
from scrutui.tui.screens.minuting import MinutingScreen
from scrutui.tui.screens.person import PersonScreen
from scrutui.tui.screens.pick_list import PickList
from scrutui.tui.screens.search import SearchScreen
from scrutui.tui.screens.search_filters import SearchFiltersForm
from scrutui.tui.screens.theme_history import ThemeHistoryScreen
from scrutui.tui.screens.themes import ThemesScreen
from scrutui.tui.widgets.capture_line import CaptureInput
from scrutui.tui.widgets.paged_table import PagedTable
from scrutui.tui.widgets.record_list import RecordList
from tests.search_data import DAYS, generate
from tests.tui.helpers import burst, screen_text, until

TODAY = dt.date(2026, 11, 23)


def app_with(db_path: Path, *, read_only: bool = False, extra: int = 0) -> ScrutuiApp:
    """The demo plus the generated meetings (and `extra` more narratives about agency staff)."""
    store = open_store(db_path)
    load_demo(store)
    generate(store)
    item = store.agenda.for_meeting(2)[2].id or 0
    with store.handle.write():
        for number in range(extra):
            store.records.add(Narrative(agenda_item_id=item, text=f"Agency staff note {number}."))
    store.close()
    return make_app(db_path, read_only=read_only, blink=False, today=lambda: TODAY)


async def search_for(pilot: Pilot[None], words: str) -> SearchScreen:
    """F8, then the words, then Enter (to the results)."""
    await pilot.press("f8")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    field = screen.query_one(Input)
    field.value = words
    await pilot.press("enter")
    await pilot.pause()
    return screen


def notified(app: ScrutuiApp, words: str) -> bool:
    return any(words in str(n.message) for n in app._notifications)


def table(screen: SearchScreen | PersonScreen | ThemeHistoryScreen) -> PagedTable:  # type: ignore[type-arg]
    return screen.query_one(PagedTable)


async def test_search_and_open_the_record_in_its_meeting(db_path: Path) -> None:
    app = app_with(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = await search_for(pilot, "recruitment campaign")
        results = table(screen)
        assert results.has_focus and results.rows_shown
        hits = results.rows_shown
        dates = [h.origin.meeting_date for h in hits]
        assert dates == sorted(dates, reverse=True)  # newest meeting first
        text = screen_text(pilot)
        assert "recruitment" in text and "found" in text
        # Down to the third, Enter: its meeting, at its item, the record selected.
        await pilot.press("down", "down")
        wanted = results.current
        assert wanted is not None and wanted.record_id is not None
        await pilot.press("enter")
        await pilot.pause()
        minuting = app.screen
        assert isinstance(minuting, MinutingScreen) and minuting.meeting_id == wanted.origin.meeting_id
        assert minuting.current is not None and minuting.current.id == wanted.origin.item.id
        assert minuting.query_one(RecordList).selected_record_id == wanted.record_id
        # Back: the search as it was.
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert app.screen is screen and results.current == wanted


async def test_f8_searches_from_every_screen(db_path: Path) -> None:
    app = app_with(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for key in ("t", "c", "a", "m"):  # tracker, committees, agenda, minuting (from the meetings list)
            assert isinstance(app.screen, HomeScreen)
            await pilot.press(key)
            await pilot.pause()
            below = app.screen
            await pilot.press("f8")
            await pilot.pause()
            assert isinstance(app.screen, SearchScreen), key
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is below
            if isinstance(below, MinutingScreen):
                await pilot.press("ctrl+b")
            else:
                app.pop_screen()
            await pilot.pause()
        # A dialog keeps its keys (as with F1): F8 leaves it open, and works once it is closed.
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.pause()
        dialog = app.screen
        await pilot.press("f8")
        await pilot.pause()
        assert app.screen is dialog
        await pilot.press("escape", "f8")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)


async def test_a_result_in_the_meeting_being_minuted_goes_back_to_it(db_path: Path) -> None:
    app = app_with(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("m")  # the newest meeting: the demo's November meeting
        await pilot.pause()
        minuting = app.screen
        assert isinstance(minuting, MinutingScreen)
        screen = await search_for(pilot, "caseloads")
        hit = table(screen).current
        assert hit is not None and hit.origin.meeting_id == minuting.meeting_id
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is minuting and len(app.screen_stack) == 3  # default, meetings, minuting
        assert minuting.query_one(RecordList).selected_record_id == hit.record_id


async def test_what_is_typed_with_the_enter_on_a_result_goes_to_the_meeting(db_path: Path) -> None:
    app = app_with(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("m")  # minuting the newest meeting; F8 finds something said earlier in it
        await pilot.pause()
        minuting = app.screen
        assert isinstance(minuting, MinutingScreen)
        await search_for(pilot, "caseloads")
        burst(app, "\nThe Chair noted the caseloads.\nq Cllr Pryce: wh")  # Enter, then typing at once
        capture_line = minuting.query_one(CaptureInput)
        await until(pilot, lambda: app.screen is minuting and capture_line.value == "q Cllr Pryce: wh")
        assert app.screen is minuting and capture_line.value == "q Cllr Pryce: wh"
        assert minuting.records[-1].text == "The Chair noted the caseloads."
        assert not app.typed_ahead.holding


async def test_results_page_from_the_index(db_path: Path) -> None:
    app = app_with(db_path, extra=230)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = await search_for(pilot, "agency")
        results = table(screen)
        await pilot.pause()
        assert len(results.rows_shown) == 100 and results.more_after
        assert "1–100" in screen_text(pilot)
        await pilot.press("end")
        await pilot.pause()
        last = results.current
        assert last is not None and last.origin.meeting_date == min(DAYS)
        await pilot.press("home")
        await pilot.pause()
        results.move_cursor(row=99)
        await pilot.press("down")  # past the page's last row: the next page
        await pilot.pause()
        assert results.window_start == 100 and results.row_count <= 100


async def test_filters_limit_the_results(db_path: Path) -> None:
    app = app_with(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = await search_for(pilot, "agency")
        everything = len(table(screen).rows_shown)
        await pilot.press("ctrl+f")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, SearchFiltersForm)
        form.query_one("#kind-assurance", Checkbox).focus()
        await pilot.press("space")
        committees = {c.name: c.id for c in open_store(db_path, read_only=True).committees.all()}
        form.query_one("#filters-committee", Select).value = committees["Highways Scrutiny Panel"]
        form.query_one("#filters-from", Input).value = DAYS[2].strftime("%d/%m/%Y")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        found = table(screen).rows_shown
        assert 0 < len(found) < everything
        assert {h.kind for h in found} == {"assurance"}
        assert {h.origin.committee for h in found} == {"Highways Scrutiny Panel"}
        assert min(h.origin.meeting_date for h in found) >= DAYS[2]
        assert "assurance · Highways Scrutiny Panel · from" in screen_text(pilot)
        # A bad date is refused with the reason, and the form stays open.
        await pilot.press("ctrl+f")
        await pilot.pause()
        app.screen.query_one("#filters-to", Input).value = "31/02/2020"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SearchFiltersForm) and "not a date" in screen_text(pilot)


async def test_order_and_typing_in_the_results(db_path: Path) -> None:
    app = app_with(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = await search_for(pilot, "agency")
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert "best match first" in screen_text(pilot) and notified(app, "Best match first")
        assert all(h.score is not None for h in table(screen).rows_shown)
        # Letters typed in the results go to the words.
        table(screen).focus()
        await pilot.press("space", "c", "o", "s", "t", "enter")
        await pilot.pause()
        assert screen.query_one(Input).value == "agency cost"
        assert {h.kind for h in table(screen).rows_shown} == {"question"}
        # Text that is not a word finds nothing, and says how to search.
        screen.query_one(Input).focus()
        screen.query_one(Input).value = '"(( ...'
        await pilot.press("enter")
        await pilot.pause()
        assert 'Type words to find' in screen_text(pilot)


async def test_theme_history(db_path: Path) -> None:
    app = app_with(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await search_for(pilot, "agency use would fall")
        await pilot.press("ctrl+t")
        await pilot.pause()
        themes = app.screen
        assert isinstance(themes, ThemesScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        workforce = next(t for t in themes.themes if t.name.lower() == "workforce")
        # Workforce, workforce, Work force and Workforse are one theme (with the demo's two).
        assert set(workforce.spellings) == {"Workforce", "workforce", "Work force", "Workforse"}
        assert workforce.count == 2 + 4 * 2
        assert "Quality of practice" in screen_text(pilot)
        themes.query_one("DataTable").move_cursor(row=themes.themes.index(workforce))  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        history = app.screen
        assert isinstance(history, ThemeHistoryScreen)
        entries = table(history).rows_shown
        assert len(entries) == workforce.count
        assert [e.origin.meeting_date for e in entries] == sorted(e.origin.meeting_date for e in entries)
        text = screen_text(pilot)
        assert "oldest first" in text and "also written" in text and "Sought:" in text
        assert history.opens_screen_on(events.Key("enter", "\r"))  # what is typed after Enter goes there
        await pilot.press("enter")
        await pilot.pause()
        minuting = app.screen
        assert isinstance(minuting, MinutingScreen)
        assert minuting.query_one(RecordList).selected_record_id == entries[0].id


async def test_person_view(db_path: Path) -> None:
    app = app_with(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = await search_for(pilot, "how much agency staff cost")
        await pilot.press("ctrl+g")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickList)
        assert [label for label, _ in picker.choices] == ["Councillor Ann Ali", "Director of Finance", "Someone else…"]
        await pilot.press("down", "enter")
        await pilot.pause()
        person = app.screen
        assert isinstance(person, PersonScreen) and person.person == "Director of Finance"
        text = screen_text(pilot)
        assert "Still owed: 2 information requests outstanding (2 overdue)" in text
        roles = {(h.kind, h.status) for h in table(person).rows_shown}
        assert ("question", "") in roles and ("information_request", "answered") in roles
        await pilot.press("o")
        await pilot.pause()
        assert {(h.kind, h.status) for h in table(person).rows_shown} == {("information_request", "outstanding")}
        assert "only what they still owe" in screen_text(pilot)
        assert person.opens_screen_on(events.Key("enter", "\r"))  # a row opens its meeting, with what is typed after
        # Someone typed: the search's own picker offers it.
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        screen.query_one(Input).focus()
        screen.query_one(Input).value = "budget monitoring"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+g")  # an agenda item names no one: ask
        await pilot.pause()
        assert isinstance(app.screen, AskLine)
        app.screen.query_one(Input).value = "Head of Highways"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonScreen)
        assert "Still owed: 2 information requests outstanding" in screen_text(pilot)


@pytest.mark.parametrize("read_only", [True, False])
async def test_members_search_read_only(db_path: Path, read_only: bool) -> None:
    app = app_with(db_path, read_only=read_only)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = await search_for(pilot, "Hollins")
        found = table(screen).rows_shown
        text = screen_text(pilot)
        if read_only:
            # Only the words typed show: no result, no title, no count.
            assert found == [] and "READ-ONLY" in text and "Nothing found for “Hollins”" in text
            assert "Hollins Care" not in text and "4,850" not in text and " 0 found ·" in text
        else:
            assert found and all(h.origin.item.is_exempt for h in found) and "⚠" in text
