"""The tracker screen, driven from the keyboard: responses, refusals, due dates, going to the item,
filters, recommendations, and paging through more rows than a page holds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Input, Select, TextArea

from scrutui.bench.tracker import build
from scrutui.demo import load_demo
from scrutui.models import ExecutiveResponse, InformationRequest, MinutesStatus, Recommendation, RequestStatus
from scrutui.store import open_store
from scrutui.store.tracker import StatusFilter
from scrutui.tui.app import ScrutuiApp, make_app
from scrutui.tui.screens.home import HomeScreen
from scrutui.tui.screens.list_export import ListExportDialog
from scrutui.tui.screens.minuting import MinutingScreen
from scrutui.tui.screens.pick_list import PickList
from scrutui.tui.screens.response_form import DueDateForm, ResponseForm
from scrutui.tui.screens.tracker import TrackerScreen
from scrutui.tui.widgets.capture_line import CaptureInput
from scrutui.tui.widgets.paged_table import PagedTable
from scrutui.tui.widgets.record_list import RecordList
from tests.tui.helpers import burst, screen_text, until

TODAY = dt.date(2026, 11, 23)


def demo_app(db_path: Path, *, read_only: bool = False) -> ScrutuiApp:
    store = open_store(db_path)
    load_demo(store)
    store.close()
    return make_app(db_path, read_only=read_only, blink=False, today=lambda: TODAY)


def request_by_text(db_path: Path, text: str) -> InformationRequest:
    store = open_store(db_path)
    try:
        row = store.handle.row("SELECT id FROM record WHERE text = ?", [text])
        assert row is not None
        found = store.records.get(row["id"])
    finally:
        store.close()
    assert isinstance(found, InformationRequest)
    return found


async def open_tracker(pilot: object) -> TrackerScreen:
    app = pilot.app  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, HomeScreen)
    await pilot.press("t")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, TrackerScreen)
    return app.screen


async def test_record_a_response_from_the_tracker(db_path: Path) -> None:
    app = demo_app(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_tracker(pilot)
        text = screen_text(pilot)
        assert "3 outstanding (1 overdue) · 0 answered" not in text  # the demo has one answered
        assert "3 outstanding (1 overdue) · 1 answered · 1 refused · 0 withdrawn" in text
        assert "OVERDUE" in text and "a breakdown of early help" in text
        table = screen.query_one(PagedTable)
        assert table.current is not None and table.current.record.text.startswith("a breakdown")
        # Asked at September's meeting, whose minutes are approved (locked): responses still go in.
        origin = app.store.meetings.get(table.current.origin.meeting_id)
        assert origin.status is MinutesStatus.APPROVED
        shown = " ".join(screen_text(pilot).split())
        assert "15 September 2026, minute 43 (Early help and family support)" in shown
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ResponseForm)
        assert form.query_one("#response-date", Input).value == "23/11/2026"
        form.query_one("#response-text", TextArea).text = "The breakdown was sent to Members on 20 November."
        form.query_one("#response-date", Input).value = "20/11/2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        text = screen_text(pilot)
        assert "2 outstanding (0 overdue) · 2 answered" in text
        assert "a breakdown of early help" not in text  # no longer outstanding
    saved = request_by_text(db_path, "a breakdown of early help waiting times by locality")
    assert saved.status is RequestStatus.ANSWERED
    assert saved.answered_on == dt.date(2026, 11, 20)
    assert saved.response == "The breakdown was sent to Members on 20 November."


async def test_refuse_withdraw_and_set_the_due_date_by_hand(db_path: Path) -> None:
    app = demo_app(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_tracker(pilot)
        table = screen.query_one(PagedTable)
        table.move_cursor(row=1)  # a copy of the directorate risk register
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ResponseForm)
        assert form.query_one("#response-status", Select).value == "refused"
        await pilot.press("ctrl+s")  # no reasons: refused, and the form stays
        await pilot.pause()
        assert app.screen is form
        assert "reasons in writing" in str(form.query_one("#response-error").render())
        form.query_one("#response-text", TextArea).text = "It holds commercially sensitive entries."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        # The next row: withdrawn (a note is optional).
        table.move_cursor(row=1)
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        # Set the remaining request's due date by hand.
        await pilot.press("s", "s", "s", "s", "s")  # outstanding -> ... -> all
        await pilot.pause()
        assert "Showing all" in screen_text(pilot)
        table.move_cursor(row=0)
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        due_form = app.screen
        assert isinstance(due_form, DueDateForm)
        due_form.query_one("#due-date", Input).value = "31/12/2026"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert "31/12/26*" in screen_text(pilot)  # * marks a date set by hand
    refused = request_by_text(db_path, "a copy of the directorate risk register")
    assert refused.status is RequestStatus.REFUSED and refused.answered_on == TODAY
    assert refused.response == "It holds commercially sensitive entries."
    withdrawn = request_by_text(
        db_path, "monthly figures for social worker vacancies, agency use and average caseloads"
    )
    assert withdrawn.status is RequestStatus.WITHDRAWN
    by_hand = request_by_text(db_path, "a breakdown of early help waiting times by locality")
    assert by_hand.due_date == dt.date(2026, 12, 31) and by_hand.due_date_by_hand


async def test_go_to_the_meeting_and_item_where_it_was_asked(db_path: Path) -> None:
    app = demo_app(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_tracker(pilot)
        screen.query_one(PagedTable).move_cursor(row=1)
        await pilot.pause()
        wanted = screen.query_one(PagedTable).current
        assert wanted is not None
        await pilot.press("g")
        await pilot.pause()
        minuting = app.screen
        assert isinstance(minuting, MinutingScreen)
        assert minuting.current is not None and minuting.current.id == wanted.origin.item.id
        assert minuting.query_one(RecordList).selected_record_id == wanted.id
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert app.screen is screen


async def test_what_is_typed_with_the_g_that_opens_the_meeting_goes_to_its_capture_line(db_path: Path) -> None:
    app = demo_app(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_tracker(pilot)
        table = screen.query_one(PagedTable)
        draft = next(i for i, row in enumerate(table.rows_shown) if row.origin.meeting_id == 2)  # not approved
        table.move_cursor(row=draft)
        await pilot.pause()
        burst(app, "gThe Chair noted the response.")  # g, then typing at once
        await until(pilot, lambda: isinstance(app.screen, MinutingScreen) and bool(app.screen.query_one(CaptureInput).value))
        minuting = app.screen
        assert isinstance(minuting, MinutingScreen)
        assert minuting.query_one(CaptureInput).value == "The Chair noted the response."


async def test_filters_and_the_recommendations_list(db_path: Path) -> None:
    app = demo_app(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_tracker(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, PickList)
        await pilot.press("down", "down", "enter")  # the second name, alphabetically
        await pilot.pause()
        assert app.screen is screen and screen.of == "Director of Children's Services"
        rows = screen.query_one(PagedTable).rows_shown
        assert [r.record.text for r in rows] == ["a copy of the directorate risk register"]
        assert "of “Director of Children's Services”" in screen_text(pilot)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("down", "enter")  # the demo committee
        await pilot.pause()
        assert screen.committee_name.startswith("Children and Young People")
        await pilot.press("t")
        await pilot.pause()
        text = screen_text(pilot)
        assert "Tracker · Recommendations" in text
        assert "2 awaited (0 overdue) · 1 accepted · 0 partly accepted · 0 rejected · 0 noted" in text
        rows = screen.query_one(PagedTable).rows_shown
        assert all(isinstance(r.record, Recommendation) for r in rows) and len(rows) == 2
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ResponseForm)
        form.query_one("#response-status", Select).value = ExecutiveResponse.NOTED.value
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "1 awaited (0 overdue) · 1 accepted · 0 partly accepted · 0 rejected · 1 noted" in screen_text(
            pilot
        )


async def test_paging_through_more_rows_than_a_page(tmp_path: Path) -> None:
    path = tmp_path / "many.sqlite"
    build(path, 250)
    app = make_app(path, blink=False, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = TrackerScreen(status=StatusFilter.ALL)
        await app.push_screen(screen)
        await pilot.pause()
        table = screen.query_one(PagedTable)
        assert table.row_count == 100 and "rows 1–100 of 250" in screen_text(pilot)
        first_ids = [r.id for r in table.rows_shown]
        table.move_cursor(row=99)
        await pilot.pause()
        await pilot.press("down")  # past the last row: the next page
        await pilot.pause()
        assert table.row_count == 100 and table.cursor_row == 0
        assert "rows 101–200 of 250" in screen_text(pilot)
        second_ids = [r.id for r in table.rows_shown]
        await pilot.press("up")  # back across the boundary
        await pilot.pause()
        assert [r.id for r in table.rows_shown] == first_ids and table.cursor_row == 99
        await pilot.press("end")
        await pilot.pause()
        assert "rows 151–250 of 250" in screen_text(pilot)
        last_ids = [r.id for r in table.rows_shown]
        await pilot.press("home")
        await pilot.pause()
        assert [r.id for r in table.rows_shown] == first_ids
        seen = first_ids + second_ids + last_ids[50:]
        assert len(seen) == len(set(seen)) == 250  # every row once, none held twice


async def test_export_what_the_tracker_shows_even_read_only(db_path: Path, tmp_path: Path) -> None:
    import csv

    from tests.export.helpers import paragraphs

    app = demo_app(db_path, read_only=True)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_tracker(pilot)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ListExportDialog)
        field = dialog.query_one("#list-export-path", Input)
        assert field.value.endswith("information-requests-2026-11-23.docx")
        field.value = str(tmp_path / "owed.txt")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog and "End the file name with .docx, .csv or .json" in screen_text(pilot)
        field.value = str(tmp_path / "owed.csv")
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is screen
        assert any(n.message.startswith("Wrote 3 to ") for n in app._notifications)
        await pilot.press("t", "e")  # the recommendations, in Word
        await pilot.pause()
        app.screen.query_one("#list-export-path", Input).value = str(tmp_path / "recommendations.docx")
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    with (tmp_path / "owed.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["status"] for r in rows] == ["outstanding"] * 3 and rows[0]["overdue"] == "yes"
    found = paragraphs(tmp_path / "recommendations.docx")
    assert found[0] == ("Minutes Title", "Recommendations to the executive")
    assert ("Minute Theme", "Response awaited, not yet due (2)") in found
    assert (
        "Minute Decision Part",
        "1.\tThat the recruitment and retention package for social workers be brought forward to January.",
    ) in found


async def test_escape_from_a_response_with_typing_in_it_asks_first(db_path: Path) -> None:
    from scrutui.tui.screens.confirm import Confirm

    app = demo_app(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_tracker(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")  # nothing typed: closes at once
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ResponseForm)
        form.query_one("#response-text", TextArea).focus()
        await pilot.press(*"Sent on")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")  # keep it
        await pilot.pause()
        assert app.screen is form and form.query_one("#response-text", TextArea).text == "Sent on"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert app.screen is screen
    assert request_by_text(db_path, "a breakdown of early help waiting times by locality").status is (
        RequestStatus.OUTSTANDING
    )
