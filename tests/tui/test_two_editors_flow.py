"""Two editors on one record, from the keyboard: the narrative editor's autosave, a record's form and
the tracker's response form each notice a change made elsewhere (another window, another clerk),
say so, and let the clerk keep theirs, take the other, or keep both. Nothing typed is lost."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from textual.widgets import TextArea

from scrutui.demo import load_demo
from scrutui.models import InformationRequest, Narrative, Question, Record, RequestStatus
from scrutui.store import open_store
from scrutui.tracker.rules import Tracker
from scrutui.tui.app import make_app
from scrutui.tui.screens import narrative_editor
from scrutui.tui.screens.minuting import MinutingScreen
from scrutui.tui.screens.narrative_editor import NarrativeEditor
from scrutui.tui.screens.record_form import RecordForm
from scrutui.tui.screens.response_form import ResponseForm
from tests.conftest import add_meeting_to, app_on
from tests.tui.helpers import screen_text_showing
from tests.tui.test_tracker_screen import TODAY, open_tracker

MINE = "The Director presented the report and took questions on agency staff."
THEIRS = "The Director presented the report; members asked about the vacancy rate."


def one_record(db_path: Path, record: Record) -> tuple[int, int]:
    """A meeting with `record` under its first item: the meeting's and the record's ids."""
    _, meeting, items = add_meeting_to(db_path)
    store = open_store(db_path)
    try:
        saved = store.records.add(record.model_copy(update={"agenda_item_id": items[0].id or 0}))
    finally:
        store.close()
    return meeting.id or 0, saved.id or 0


def change_elsewhere(db_path: Path, record_id: int, **changes: object) -> None:
    """Another window saves a change to the record (through its own connection)."""
    store = open_store(db_path)
    try:
        record = store.records.get(record_id)
        store.records.update(record.model_copy(update=changes))
    finally:
        store.close()


def kept(db_path: Path, record_id: int) -> tuple[list[str], str]:
    """The item's texts now, and everything the record's history holds."""
    store = open_store(db_path)
    try:
        record = store.records.get(record_id, include_deleted=True)
        texts = [r.text for r in store.records.for_item(record.agenda_item_id)]
        history = [json.loads(r["before"])["text"] for r in store.records.revisions(record_id) if r["before"]]
    finally:
        store.close()
    return texts, "\n".join(history)


@pytest.fixture
def fast_autosave(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(narrative_editor, "AUTOSAVE_SECONDS", 0.3)


@pytest.mark.parametrize("key", ["m", "t", "b"])
async def test_the_editor_asks_when_the_narrative_was_changed_elsewhere(
    db_path: Path, fast_autosave: None, key: str
) -> None:
    meeting_id, record_id = one_record(db_path, Narrative(agenda_item_id=0, text="The Director presented."))
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_minuting(meeting_id)
        await pilot.pause()
        await pilot.press("escape", "enter")
        await pilot.pause()
        assert isinstance(app.screen, NarrativeEditor)
        editor = app.screen
        area = editor.query_one(TextArea)
        area.text = "The Director presented the report."
        await pilot.pause(0.8)  # autosaved
        change_elsewhere(db_path, record_id, text=THEIRS)
        area.text = MINE
        await pilot.pause(0.8)  # the next autosave finds the change
        shown = await screen_text_showing(pilot, "was changed elsewhere")
        assert "was changed elsewhere" in shown and f"It now reads: {THEIRS}" in shown
        texts, history = kept(db_path, record_id)
        assert texts == [THEIRS] and MINE in history  # theirs not overwritten; mine kept
        await pilot.pause(0.8)  # no saving while the clerk is asked
        assert kept(db_path, record_id)[0] == [THEIRS]
        await pilot.press(key)
        await pilot.pause()
        assert app.screen is editor
        if key == "t":
            assert area.text == THEIRS
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MinutingScreen)
    texts, history = kept(db_path, record_id)
    expected = {"m": [MINE], "t": [THEIRS], "b": [THEIRS, MINE]}[key]
    assert texts == expected
    assert MINE in history or MINE in texts
    assert THEIRS in history or THEIRS in texts


async def test_the_editor_on_a_narrative_deleted_elsewhere_can_bring_it_back(
    db_path: Path, fast_autosave: None
) -> None:
    meeting_id, record_id = one_record(db_path, Narrative(agenda_item_id=0, text="The Director presented."))
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_minuting(meeting_id)
        await pilot.pause()
        await pilot.press("escape", "enter")
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        store = open_store(db_path)
        store.records.delete(record_id)
        store.close()
        area.text = MINE
        await pilot.pause(0.8)
        assert "was deleted elsewhere" in await screen_text_showing(pilot, "was deleted elsewhere")
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert kept(db_path, record_id)[0] == [MINE]


async def test_a_form_saved_over_a_change_made_elsewhere_asks_first(db_path: Path) -> None:
    meeting_id, record_id = one_record(
        db_path, Question(agenda_item_id=0, asked_by="Councillor Ann Ali", text="how many posts were vacant")
    )
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_minuting(meeting_id)
        await pilot.pause()
        await pilot.press("escape", "enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RecordForm)
        form.query_one("#field-answer", TextArea).text = "51 of 58 were filled"
        change_elsewhere(db_path, record_id, text="how many social work posts were vacant")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "was changed elsewhere" in await screen_text_showing(pilot, "was changed elsewhere")
        await pilot.press("t")  # take theirs: the form closes, theirs stands
        await pilot.pause()
        assert isinstance(app.screen, MinutingScreen)
        assert [r.text for r in app.screen.records] == ["how many social work posts were vacant"]
    store = open_store(db_path)
    try:
        saved = store.records.get(record_id)
        assert isinstance(saved, Question) and saved.answer == ""
        unsaved = [json.loads(r["before"]) for r in store.records.revisions(record_id) if r["action"] == "conflict"]
        assert [u["answer"] for u in unsaved] == ["51 of 58 were filled"]
    finally:
        store.close()


async def test_a_response_recorded_over_one_recorded_elsewhere_asks_first(db_path: Path) -> None:
    store = open_store(db_path)
    load_demo(store)
    store.close()
    app = make_app(db_path, blink=False, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_tracker(pilot)
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ResponseForm)
        record_id = form.tracked.id
        other = open_store(db_path)
        Tracker(other, lambda: TODAY).respond(record_id, RequestStatus.WITHDRAWN, dt.date(2026, 11, 20), "No longer needed.")
        other.close()
        form.query_one("#response-text", TextArea).text = "The breakdown was sent to Members on 20 November."
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = await screen_text_showing(pilot, "was changed elsewhere")
        assert "was changed elsewhere" in shown and "No longer needed." in shown
        await pilot.press("m")  # keep mine
        await pilot.pause()
        assert not isinstance(app.screen, ResponseForm)
    store = open_store(db_path)
    try:
        saved = store.records.get(record_id)
        assert isinstance(saved, InformationRequest)
        assert saved.status is RequestStatus.ANSWERED
        assert saved.response == "The breakdown was sent to Members on 20 November."
        history = [json.loads(r["before"]).get("response") for r in store.records.revisions(record_id) if r["before"]]
        assert "No longer needed." in history
    finally:
        store.close()
