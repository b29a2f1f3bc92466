"""A clerk's, a member's and a chair's first hour in the app: a member's own requests (the `a`
filter, `--mine`), who asked on the capture line, 80x24 with every key reachable, a notice when the
window is smaller, legible without colour, the theme remembered, and the smaller things a newcomer
trips over."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.color import Color
from textual.widgets import DataTable, Select

from scrutui.demo import load_demo
from scrutui.models import THE_COMMITTEE, InformationRequest, Role
from scrutui.settings import load_settings
from scrutui.store import open_store
from scrutui.tui.app import ScrutuiApp, make_app
from scrutui.tui.screens.committee import CommitteeScreen
from scrutui.tui.screens.confirm import Confirm
from scrutui.tui.screens.help import HelpScreen, keys_table
from scrutui.tui.screens.home import HomeScreen
from scrutui.tui.screens.minuting import MinutingScreen
from scrutui.tui.screens.person_form import PersonForm
from scrutui.tui.screens.pick_list import PickList
from scrutui.tui.screens.tracker import TrackerScreen
from scrutui.tui.widgets.capture_line import CaptureInput
from scrutui.tui.widgets.key_bar import KeyBar
from scrutui.tui.widgets.minutes_preview import MinutesPreview
from scrutui.tui.widgets.paged_table import PagedTable
from scrutui.tui.widgets.size_notice import SizeNotice
from scrutui.tui.widgets.status_style import status_style
from tests.conftest import add_meeting_to, app_on
from tests.tui.helpers import capture, fill, screen_text

TODAY = dt.date(2026, 12, 1)


def demo_app(db_path: Path, *, read_only: bool = False, mine: str = "") -> ScrutuiApp:
    store = open_store(db_path)
    load_demo(store)
    store.close()
    return make_app(db_path, read_only=read_only, blink=False, today=lambda: TODAY, mine=mine)


def key_bar(app: ScrutuiApp) -> str:
    return str(app.screen.query_one(KeyBar).render())


# --- a member's own requests ---------------------------------------------------------------------


async def test_the_tracker_shows_one_members_requests(db_path: Path) -> None:
    app = demo_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        tracker = app.screen
        assert isinstance(tracker, TrackerScreen)
        assert len(tracker.query_one(PagedTable).rows_shown) == 3
        await pilot.press("a")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickList)
        shown = [str(option.prompt) for option in picker.query_one("OptionList").options]  # type: ignore[attr-defined]
        assert shown[0].startswith("Everyone") and any("Councillor Owain Pryce  (2)" in s for s in shown)
        picker.dismiss("Councillor Owain Pryce")
        await pilot.pause()
        rows = tracker.query_one(PagedTable).rows_shown
        assert {row.asked_by for row in rows} == {"Councillor Owain Pryce"} and len(rows) == 2
        text = screen_text(pilot)
        assert "asked by “Councillor Owain Pryce”" in text and "Cllr Owai…" in text  # short in the column
        assert "Requested by Councillor Owain Pryce of the Assistant Director, Safeguarding" in text
        # Her list exported: the dialog says whose it is and, at 80x24, how to export.
        await pilot.press("e")
        await pilot.pause()
        await pilot.pause()
        text = " ".join(screen_text(pilot).replace("█", " ").split())
        assert "asked by “Councillor Owain Pryce”" in text and "Enter exports" in text, text


async def test_mine_opens_the_app_on_a_members_outstanding_requests(db_path: Path) -> None:
    app = demo_app(db_path, read_only=True, mine="Cllr Lal")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        tracker = app.screen
        assert isinstance(tracker, TrackerScreen)
        rows = tracker.query_one(PagedTable).rows_shown
        assert [row.record.text for row in rows] == ["a copy of the directorate risk register"]
        await pilot.press("escape")  # back to the meetings list, as if opened from it
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_the_asker_typed_on_the_capture_line(db_path: Path) -> None:
    _, meeting, items = add_meeting_to(db_path)
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_minuting(meeting.id or 0)
        await pilot.pause()
        line = app.screen.query_one(CaptureInput)
        line.value = "ir Director of Public Health: bed figures (asked by "
        line.cursor_position = len(line.value)
        await pilot.press(*"Bro", "tab")
        assert line.value == "ir Director of Public Health: bed figures (asked by Councillor Ben Brook)"
        hint = str(app.screen.query_one("#capture-hint").render())
        assert "Information request of Director of Public Health, asked by Councillor Ben Brook" in hint
        await pilot.press("enter")
        await pilot.pause()
        await capture(pilot, "ir the discharge audit")
        await capture(pilot, "The Director said beds were (asked by Cllr Brook) full.")  # only ir reads it
    store = open_store(db_path)
    first, second, note = store.records.for_item(items[0].id or 0)
    store.close()
    assert isinstance(first, InformationRequest) and isinstance(second, InformationRequest)
    assert (first.asked_by, first.requested_of, first.text) == (
        "Councillor Ben Brook",
        "Director of Public Health",
        "bed figures",
    )
    assert second.asked_by == THE_COMMITTEE
    assert note.text == "The Director said beds were (asked by Cllr Brook) full."


# --- 80x24, and smaller --------------------------------------------------------------------------


async def test_every_main_screen_reaches_f1_from_its_key_bar_at_80x24(db_path: Path) -> None:
    app = demo_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        seen = {}
        for keys in ([], ["t"], ["escape", "a"], ["escape", "c"], ["enter"], ["escape", "escape", "s"]):
            await pilot.press(*keys)
            await pilot.pause()
            seen[type(app.screen).__name__] = key_bar(app)
        app.open_minuting(2)
        await pilot.pause()
        seen["MinutingScreen"] = key_bar(app)
        await pilot.press("f3")
        await pilot.pause()
        seen[type(app.screen).__name__] = key_bar(app)
    assert set(seen) == {
        "HomeScreen",
        "TrackerScreen",
        "AgendaScreen",
        "CommitteesScreen",
        "CommitteeScreen",
        "MinutesStatusScreen",
        "MinutingScreen",
        "RollCallScreen",
    }
    for name, bar in seen.items():
        lines = bar.splitlines()
        assert lines[-1].rstrip().endswith(("f1 Help  ^p commands", "f1 Help")), (name, bar)
        assert len(lines) <= (1 if name == "MinutingScreen" else 2) and all(len(line) <= 78 for line in lines)
    assert "s Sign-off" in seen["HomeScreen"] and "^q Quit" in seen["HomeScreen"]  # all of them fit


async def test_keys_left_off_the_bar_are_in_f1(db_path: Path) -> None:
    app = demo_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_minuting(2)
        await pilot.pause()
        assert "… more" in key_bar(app) and "F9" not in key_bar(app)
        minuting = app.screen
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        listed = [str(cell) for cell in keys_table(minuting).columns[0]._cells]
        for key in ("f9", "f10", "^o", "^b", "^l", "f7", "f6"):
            assert key in listed


async def test_a_small_window_says_what_size_is_needed(db_path: Path) -> None:
    app = demo_app(db_path)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        notice = app.screen.query_one(SizeNotice)
        assert notice.display and "This window is 60×20: scrutui needs at least 80×24" in screen_text(pilot)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not notice.display and "This window is" not in screen_text(pilot)


async def test_a_window_made_too_small_says_so(db_path: Path) -> None:
    app = demo_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "This window is" not in screen_text(pilot)
        await pilot.resize_terminal(79, 24)
        await pilot.pause()
        assert "This window is 79×24: scrutui needs at least 80×24" in screen_text(pilot)


async def test_long_names_are_cut_with_an_ellipsis(db_path: Path) -> None:
    app = demo_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Children and Young People…" in screen_text(pilot)
        await pilot.resize_terminal(120, 24)
        await pilot.pause()
        assert "Children and Young People Scrutiny Committee (demo)" in screen_text(pilot)


async def test_the_preview_is_read_from_the_keyboard(db_path: Path) -> None:
    app = demo_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_minuting(2, item_id=app.store.agenda.for_meeting(2)[3].id)  # the long Ofsted item
        await pilot.pause()
        preview = app.screen.query_one(MinutesPreview)
        await pilot.press("escape", "escape")  # the capture line, the records, then the preview
        await pilot.pause()
        assert preview.has_focus and preview.max_scroll_y > 0
        await pilot.press("home")
        await pilot.pause()
        assert preview.scroll_y == 0
        await pilot.press("down", "down")
        await pilot.pause()
        assert preview.scroll_y == 2
        await pilot.press("escape")
        assert app.screen.query_one(CaptureInput).has_focus


async def test_the_committee_shows_the_person_just_added(db_path: Path) -> None:
    app = demo_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(CommitteeScreen(1))
        await pilot.pause()
        table = app.screen.query_one("#people", DataTable)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, PersonForm)
        await fill(pilot, "#person-name", "Councillor Zak Young")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert table.get_row_at(table.cursor_row)[0].plain == "Councillor Zak Young"
        assert table.scroll_y > 0  # scrolled to it: the 13th row of a short table
        assert "Added Councillor Zak Young." in [str(n.message) for n in app._notifications]


# --- legible without colour ----------------------------------------------------------------------


async def test_statuses_read_without_colour(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = demo_app(db_path)
    assert app.no_color
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t", "s", "s", "s", "s", "s")  # outstanding, overdue ... to all
        await pilot.pause()
        tracker = app.screen
        assert isinstance(tracker, TrackerScreen) and tracker.status.value == "all"
        text = screen_text(pilot)
        for word in ("OVERDUE", "answered", "refused"):
            assert word in text
        cells = {
            str(tracker.table.get_row_at(row)[1]): tracker.table.get_row_at(row)[1]
            for row in range(tracker.table.row_count)
        }
        assert "reverse" in str(cells["OVERDUE"].style) and "bold" in str(cells["OVERDUE"].style)
        assert "italic" in str(cells["refused"].style)
        await pilot.press("escape", "e")  # the export dialog: tick boxes say [x] or [ ]
        await pilot.pause()
        dialog = screen_text(pilot)
        assert "[ ] Confidential" in dialog
        app.screen.query_one("#export-confidential").focus()
        await pilot.press("space")
        await pilot.pause()
        assert "[x] Confidential" in screen_text(pilot)


def _contrast(one: str, two: str) -> float:
    def luminance(colour: str) -> float:
        parsed = Color.parse(colour)
        channels = [c / 255 for c in (parsed.r, parsed.g, parsed.b)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(one), luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("theme", ["textual-light", "textual-dark", "solarized-light"])
async def test_statuses_are_legible_in_light_and_dark_themes(db_path: Path, theme: str) -> None:
    app = demo_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        await pilot.pause()
        background = app.theme_variables["background"]
        for word in ("overdue", "outstanding", "answered", "refused"):
            colour = status_style(app, word).split()[-1]
            assert _contrast(colour, background) >= 3, (theme, word, colour, background)


async def test_the_theme_chosen_is_remembered(db_path: Path) -> None:
    app = demo_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "textual-light"
        await pilot.pause()
    assert load_settings().theme == "textual-light"
    again = app_on(db_path)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == "textual-light"


# --- the smaller things --------------------------------------------------------------------------


async def test_a_new_database_is_announced_with_its_path(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert any(f"Made a new, empty database at {path}" in str(n.message) for n in app._notifications)
    again = app_on(path)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not any("Made a new" in str(n.message) for n in again._notifications)


async def test_the_half_typed_line_stays_with_its_item(db_path: Path) -> None:
    _, meeting, items = add_meeting_to(db_path)
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_minuting(meeting.id or 0)
        await pilot.pause()
        line = app.screen.query_one(CaptureInput)
        line.insert_text_at_cursor("q Cllr Ann Ali: whether the winter")
        await pilot.press("pagedown")
        await pilot.pause()
        assert line.value == ""  # item 2 starts clean
        assert "Your unfinished line stays under item 1" in str(
            app.screen.query_one("#capture-hint").render()
        )
        await pilot.press(*"n beds")
        await pilot.press("pageup")
        await pilot.pause()
        assert line.value == "q Cllr Ann Ali: whether the winter"  # back with its item
    store = open_store(db_path)
    assert store.meetings.capture_drafts(meeting.id or 0) == {
        items[0].id: "q Cllr Ann Ali: whether the winter",
        items[1].id: "n beds",
    }
    store.close()
    app = app_on(db_path)  # next time: each line is under its own item
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_minuting(meeting.id or 0, item_id=items[1].id)
        await pilot.pause()
        assert app.screen.query_one(CaptureInput).value == "n beds"
        assert "An unfinished line is kept under item 1" in str(
            app.screen.query_one("#capture-hint").render()
        )


async def test_ctrl_g_offers_a_councillor_as_a_member(db_path: Path) -> None:
    _, meeting, _ = add_meeting_to(db_path)
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_minuting(meeting.id or 0)
        await pilot.pause()
        await capture(pilot, "q Councillor Joan Pike: whether the plan was funded")
        await pilot.press("ctrl+g")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PersonForm)
        assert form.query_one(Select).value == Role.MEMBER.value
        await pilot.press("escape")
        await pilot.pause()
        await capture(pilot, "a Jo Marsh: it was")
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert app.screen.query_one(Select).value == Role.OFFICER.value


async def test_p_in_the_roll_call_marks_the_members_and_says_so(db_path: Path) -> None:
    _, meeting, _ = add_meeting_to(db_path)
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_minuting(meeting.id or 0)
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("P")
        await pilot.pause()
        assert "Marked 2 members present. Officers and others in attendance: p on each." in [
            str(n.message) for n in app._notifications
        ]
    store = open_store(db_path)
    roll = store.attendance.roll_state(meeting.id or 0)
    store.close()
    assert {line.name: line.status.value if line.status else None for line in roll.lines} == {
        "Councillor Ann Ali": "present",
        "Councillor Ben Brook": "present",
        "Cara Dunn": None,
    }


async def test_the_read_only_key_bar_offers_no_editing_keys(db_path: Path) -> None:
    app = demo_app(db_path, read_only=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "New meeting" not in key_bar(app) and "m Minute" in key_bar(app)
        await pilot.press("t")
        await pilot.pause()
        bar = key_bar(app)
        assert "Respond" not in bar and "Due date" not in bar and "a Asked by" in bar
        await pilot.press("escape")
        await pilot.pause()
        app.open_minuting(2)
        await pilot.pause()
        assert "Narrative" not in key_bar(app) and "Undo" not in key_bar(app)


async def test_recommendations_are_headed_to_whom(db_path: Path) -> None:
    app = demo_app(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t", "t")
        await pilot.pause()
        labels = [str(column.label) for column in app.screen.query_one(PagedTable).columns.values()]
        assert "To" in labels and "Of" not in labels and "Asked by" not in labels


async def test_f9_asks_before_closing_the_meeting(db_path: Path) -> None:
    _, meeting, _ = add_meeting_to(db_path)
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_minuting(meeting.id or 0)
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MinutingScreen)
    store = open_store(db_path)
    assert store.meetings.get(meeting.id or 0).ended_at is None
    store.close()


async def test_a_screenshot_goes_where_exports_go(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)  # HOME has no Downloads folder
    app = demo_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        saved = app.deliver_screenshot()
        await pilot.pause()
    assert saved is not None and Path(saved).parent == work and Path(saved).read_text().startswith("<svg")
    assert not (tmp_path / "home" / "Downloads").exists()
