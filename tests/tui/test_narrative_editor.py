"""The multi-line narrative editor saves every few seconds and on leaving, never on load."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea

from scrutui.store import open_store
from scrutui.tui.screens import narrative_editor
from scrutui.tui.screens.minuting import MinutingScreen
from scrutui.tui.screens.narrative_editor import NarrativeEditor
from tests.conftest import add_meeting_to, app_on
from tests.tui.helpers import capture


def saved_texts(db_path: Path, item_id: int) -> list[str]:
    store = open_store(db_path)
    try:
        return [r.text for r in store.records.for_item(item_id)]
    finally:
        store.close()


async def test_autosave_on_debounce_and_on_leaving_survives_restart(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(narrative_editor, "AUTOSAVE_SECONDS", 0.3)
    _, meeting, items = add_meeting_to(db_path)
    item_id = items[0].id or 0
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_minuting(meeting.id or 0)
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, NarrativeEditor)
        await pilot.pause(0.5)
        assert saved_texts(db_path, item_id) == []  # opening the editor saves nothing
        editor = app.screen.query_one(TextArea)
        await pilot.press(*"The Chair welcomed")
        await pilot.pause(0.8)
        assert saved_texts(db_path, item_id) == ["The Chair welcomed"]
        editor.text = "The Chair welcomed everyone.\n\nShe thanked officers."
        await pilot.press("escape")  # leaving saves at once
        await pilot.pause()
        assert isinstance(app.screen, MinutingScreen)
        assert saved_texts(db_path, item_id) == ["The Chair welcomed everyone.\n\nShe thanked officers."]

    # A new run of the app finds it, and reopening it for editing saves nothing until typed.
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_minuting(meeting.id or 0)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MinutingScreen)
        assert [r.text for r in screen.records] == ["The Chair welcomed everyone.\n\nShe thanked officers."]
        await pilot.press("escape", "enter")
        await pilot.pause(0.8)
        assert isinstance(app.screen, NarrativeEditor)
        store = open_store(db_path)
        record_id = store.records.for_item(item_id)[0].id or 0
        assert store.records.revisions(record_id) == []
        store.close()
        await pilot.press("escape")


async def test_half_typed_capture_line_survives_a_restart(db_path: Path) -> None:
    _, meeting, _ = add_meeting_to(db_path)
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_minuting(meeting.id or 0)
        await pilot.pause()
        await pilot.press(*"q Cllr Ann Ali: whether the winter plan")
        await pilot.pause(2.5)  # the line is kept every couple of seconds
    # The app is gone without the line being entered; the next run offers it again.
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_minuting(meeting.id or 0)
        await pilot.pause()
        from scrutui.tui.widgets.capture_line import CaptureInput

        assert app.screen.query_one(CaptureInput).value == "q Cllr Ann Ali: whether the winter plan"
        await capture(pilot, app.screen.query_one(CaptureInput).value + " was funded")
    store = open_store(db_path)
    assert store.meetings.capture_drafts(meeting.id or 0) == {}
    store.close()
