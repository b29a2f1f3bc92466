"""The clerk's whole flow from the keyboard: empty database, committee, meeting, agenda, a whole item
minuted with every kind of record through the capture line, then edit, delete, undo and reorder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Input, Select, TextArea

from scrutui.models import (
    Assurance,
    AssuranceStatus,
    InformationRequest,
    Narrative,
    Question,
    Recommendation,
    RecordKind,
    Resolution,
    ResolutionForm,
)
from scrutui.store import open_store
from scrutui.tui.screens.agenda import AgendaScreen
from scrutui.tui.screens.committee import CommitteeScreen
from scrutui.tui.screens.meeting_form import MeetingForm
from scrutui.tui.screens.minuting import MinutingScreen
from scrutui.tui.screens.person_form import PersonForm
from scrutui.tui.screens.record_form import RecordForm
from scrutui.tui.screens.welcome import WelcomeScreen
from scrutui.tui.widgets.capture_line import CaptureInput
from scrutui.tui.widgets.record_list import RecordList
from tests.conftest import add_meeting_to, app_on
from tests.tui.helpers import capture, fill


async def add_person(pilot, name: str, title: str, role: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+n")
    await pilot.pause()
    assert isinstance(pilot.app.screen, PersonForm)
    await fill(pilot, "#person-name", name)
    await fill(pilot, "#person-title", title)
    pilot.app.screen.query_one("#person-role", Select).value = role
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_clerk_sets_up_and_minutes_a_whole_item(db_path: Path) -> None:
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CommitteeScreen)
        await fill(pilot, "#c-name", "Adult Social Care Scrutiny Committee")
        await fill(pilot, "#c-quorum", "4")
        await add_person(pilot, "Councillor Mary Hale", "", "chair")
        await add_person(pilot, "Councillor Idris Evans", "", "member")
        await add_person(pilot, "Nadia Rahman", "Director of Adult Social Care", "officer")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingForm)
        await fill(pilot, "#m-date", "07/12/2026")
        await fill(pilot, "#m-time", "10:00")
        await fill(pilot, "#m-venue", "Council Chamber")
        app.screen.query_one("#m-agenda", TextArea).text = (
            "1. Apologies for absence\n2. Declarations of interest\n"
            "3. Care home quality | To review inspection outcomes\n4. Work programme"
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MinutingScreen)
        await pilot.press("pagedown", "pagedown")  # to item 3
        await pilot.pause()
        assert app.screen.current is not None and app.screen.current.title == "Care home quality"
        lines = [
            "The Director presented the report on inspection outcomes.",
            "q Cllr Idris Evans: how many homes were rated inadequate",
            "a Director of Adult Social Care: three homes, all with action plans",
            "as Quality: that residents were safe | inspections had found no immediate risks",
            "ir Director of Adult Social Care: the action plans for the three homes",
            "r the report be noted",
            "r the Director report back in March",
            "ag the item be taken before the work programme",
            "rec Cabinet: that quality monitoring staff be funded",
        ]
        for line in lines:
            await capture(pilot, line)
        assert "Saved: recommendation" in str(app.screen.query_one("#capture-hint").render())
        await capture(pilot, "")  # empty: nothing saved, no error

    store = open_store(db_path)
    meeting = store.meetings.summaries()[0].meeting
    item = store.agenda.for_meeting(meeting.id or 0)[2]
    assert item.started_at is not None  # stamped when first taken
    records = store.records.for_item(item.id or 0)
    kinds = [type(r) for r in records]
    assert kinds == [Narrative, Question, Assurance, InformationRequest, Resolution, Resolution, Resolution, Recommendation]
    question = records[1]
    assert isinstance(question, Question)
    assert (question.asked_by, question.answered_by) == ("Cllr Idris Evans", "Director of Adult Social Care")
    assert question.answer == "three homes, all with action plans"
    assurance = records[2]
    assert isinstance(assurance, Assurance) and assurance.theme == "Quality" and assurance.status is AssuranceStatus.GIVEN
    request = records[3]
    assert isinstance(request, InformationRequest) and request.due_date == dt.date(2026, 12, 21)
    assert isinstance(records[6], Resolution) and records[6].form is ResolutionForm.AGREED
    assert isinstance(records[7], Recommendation) and records[7].addressee == "Cabinet"
    people = {cp.person.name: cp.role.value for cp in store.committees.people(meeting.committee_id)}
    assert people == {"Councillor Mary Hale": "chair", "Councillor Idris Evans": "member", "Nadia Rahman": "officer"}
    store.close()


async def test_edit_delete_undo_and_reorder_from_the_keyboard(db_path: Path) -> None:
    _, meeting, items = add_meeting_to(db_path)
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_minuting(meeting.id or 0)
        await pilot.pause()
        await pilot.press("pagedown")
        for line in ("one", "two", "three"):
            await capture(pilot, line)
        screen = app.screen
        assert isinstance(screen, MinutingScreen)
        records = screen.query_one(RecordList)
        await pilot.press("escape")  # to the records list; "three" is selected
        assert records.has_focus
        await pilot.press("shift+up")  # three above two
        await pilot.pause()
        assert [r.text for r in screen.records] == ["one", "three", "two"]
        await pilot.press("delete")
        await pilot.pause()
        assert [r.text for r in screen.records] == ["one", "two"]
        await pilot.press("ctrl+z")  # undo the delete
        await pilot.pause()
        assert [r.text for r in screen.records] == ["one", "three", "two"]
        await pilot.press("ctrl+z")  # undo the move
        await pilot.pause()
        assert [r.text for r in screen.records] == ["one", "two", "three"]
        records.highlighted = 1
        await pilot.press("enter")  # narratives open in the editor
        await pilot.pause()
        editor = app.screen.query_one(TextArea)
        editor.text = "two, corrected"
        await pilot.press("escape")
        await pilot.pause()
        assert [r.text for r in screen.records] == ["one", "two, corrected", "three"]
        # A letter typed while the list has focus goes to the capture line, never to a record.
        await pilot.press("escape", "x")
        await pilot.pause()
        assert screen.query_one(CaptureInput).has_focus and screen.query_one(CaptureInput).value == "x"

    store = open_store(db_path)
    texts = [r.text for r in store.records.for_item(items[1].id or 0)]
    assert texts == ["one", "two, corrected", "three"]
    store.close()


async def test_every_kind_through_the_form(db_path: Path) -> None:
    _, meeting, items = add_meeting_to(db_path)
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_minuting(meeting.id or 0)
        await pilot.pause()
        await pilot.press("ctrl+f", "i")  # information request: the prefix ir, as on the capture line
        await pilot.pause()
        form = app.screen
        await fill(pilot, "#field-asked_by", "Councillor Ben Brook")
        await fill(pilot, "#field-requested_of", "Director of Public Health")
        form.query_one("#field-text", TextArea).text = "winter bed figures"
        await fill(pilot, "#field-due_date", "31/02/2027")  # impossible: refused inline, form kept
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "not a date" in str(form.query_one("#form-error").render())
        await fill(pilot, "#field-due_date", "08/01/2027")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MinutingScreen)
        await pilot.press("ctrl+f", "a", "s")  # assurance: "a" waits (a, as, ag), "s" makes it as
        await pilot.pause()
        await fill(pilot, "#field-theme", "Capacity")
        app.screen.query_one("#field-text", TextArea).text = "discharges would not be delayed"
        app.screen.query_one("#field-status", Select).value = "not_given"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+f", "a", "g")  # a procedural decision: a resolution, AGREED
        await pilot.pause()
        assert app.screen.query_one("#field-form", Select).value == "agreed"
        app.screen.query_one("#field-text", TextArea).text = "the meeting be adjourned for ten minutes"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+f", "r", "e")  # "re" can only be rec: a recommendation
        await pilot.pause()
        assert isinstance(app.screen, RecordForm) and app.screen.kind is RecordKind.RECOMMENDATION
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+f", "a", "enter")  # a on its own: answer the assurance still open
        await pilot.pause()
        assert isinstance(app.screen, RecordForm) and isinstance(app.screen.record, Assurance)
        await fill(pilot, "#field-responded_by", "Director of Public Health")
        app.screen.query_one("#field-response", TextArea).text = "extra beds open in January"
        await pilot.press("ctrl+s")
        await pilot.pause()
    store = open_store(db_path)
    request, assurance, agreed = store.records.for_item(items[0].id or 0)
    assert isinstance(request, InformationRequest)
    assert request.due_date == dt.date(2027, 1, 8) and request.due_date_by_hand
    assert request.asked_by == "Councillor Ben Brook"
    assert isinstance(assurance, Assurance) and assurance.status is AssuranceStatus.NOT_GIVEN
    assert assurance.response == "extra beds open in January"
    assert isinstance(agreed, Resolution) and agreed.form is ResolutionForm.AGREED
    store.close()


def test_the_form_picker_letters_are_the_capture_prefixes() -> None:
    from scrutui.capture import parse
    from scrutui.tui.screens.kind_picker import FORM_KINDS

    for choice in FORM_KINDS:
        # Each prefix, with a name and text after it, is read by the capture line as that kind.
        line = f"{choice.prefix} Director: text" if choice.prefix != "a" else "a Director: text"
        assert parse(line).kind is choice.capture, choice


async def test_tab_completes_names_known_to_the_meeting(db_path: Path) -> None:
    _, meeting, _ = add_meeting_to(db_path)
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_minuting(meeting.id or 0)
        await pilot.pause()
        await pilot.press(*"q Bro")
        await pilot.press("tab")
        await pilot.pause()
        field = app.screen.query_one(CaptureInput)
        assert field.value == "q Councillor Ben Brook: "
        assert field.has_focus  # Tab never leaves the capture line
        await pilot.press(*"why | Director of P", "tab")
        assert field.value == "q Councillor Ben Brook: why | Director of Public Health: "
        await pilot.press("tab")  # nothing more to complete: still here
        assert field.has_focus


async def test_a_1mb_paste_emoji_welsh_and_rtl_are_saved_and_shown(db_path: Path) -> None:
    _, meeting, items = add_meeting_to(db_path)
    big = ("Paragraph of pasted report text. " * 32_000)[:1_000_000]
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_minuting(meeting.id or 0)
        await pilot.pause()
        for line in (big, "Croeso! Gŵyl y Gŵr ŷd 🙂", "تقرير اللجنة", "x ' OR 1=1; DROP TABLE record; --"):
            await capture(pilot, line)
        shown = app.screen.query_one(RecordList)
        assert shown.option_count == 4
    store = open_store(db_path)
    texts = [r.text for r in store.records.for_item(items[0].id or 0)]
    assert texts[0] == big.strip() and texts[1] == "Croeso! Gŵyl y Gŵr ŷd 🙂" and texts[2] == "تقرير اللجنة"
    assert texts[3].startswith("x ' OR 1=1")
    store.close()


async def test_escape_never_throws_away_typing_without_asking(db_path: Path) -> None:
    from scrutui.tui.screens.confirm import Confirm
    from scrutui.tui.screens.record_form import RecordForm

    _, meeting, _ = add_meeting_to(db_path)
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_minuting(meeting.id or 0)
        await pilot.pause()
        await pilot.press("ctrl+f", "q")
        await pilot.pause()
        await pilot.press("escape")  # nothing typed: closes at once
        await pilot.pause()
        assert isinstance(app.screen, MinutingScreen)
        await pilot.press("ctrl+f", "q")
        await pilot.pause()
        await pilot.press(*"Councillor")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")  # keep typing
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        assert app.screen.query_one("#field-asked_by", Input).value == "Councillor"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, MinutingScreen)
