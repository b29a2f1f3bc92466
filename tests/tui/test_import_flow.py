"""From the keyboard: an agenda imported from ModernGov minuted without typing an item, and a Word
agenda imported on the agenda screen through its preview."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from textual.widgets import Button, DataTable, Input

from scrutui.cli import main
from scrutui.models import Narrative
from scrutui.store import open_store
from scrutui.tui.screens.agenda import AgendaScreen
from scrutui.tui.screens.agenda_import import AgendaImport
from scrutui.tui.screens.home import HomeScreen
from scrutui.tui.screens.minuting import MinutingScreen
from scrutui.tui.screens.roll_call import RollCallScreen
from tests.conftest import add_meeting_to, app_on
from tests.imports.moderngov_server import FakeModernGov, moderngov
from tests.imports.word_agendas import typed_numbers
from tests.tui.helpers import capture, screen_text

__all__ = ["moderngov"]


async def test_a_meeting_imported_from_moderngov_is_minuted_without_typing_an_item(
    moderngov: FakeModernGov, db_path: Path
) -> None:
    result = CliRunner().invoke(
        main, ["import", "moderngov", moderngov.base, "--meeting", "4521", "--db", str(db_path)]
    )
    assert result.exit_code == 0, result.output
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Children's Services Scrutiny Committee" in screen_text(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MinutingScreen)
        assert app.screen.current is not None and app.screen.current.title == "Apologies for absence"
        await pilot.press("f3")  # the roll call lists the committee ModernGov expects
        await pilot.pause()
        assert isinstance(app.screen, RollCallScreen)
        roll = screen_text(pilot)
        assert "Councillor Ann Ali" in roll and "Mrs Eve Fox" in roll and "Apologies" in roll
        await pilot.press("P")  # everyone not yet recorded is present
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MinutingScreen)
        for _ in range(3):
            await pilot.press("pagedown")
        await pilot.pause()
        assert (
            app.screen.current is not None and app.screen.current.title == "Ofsted improvement plan: progress"
        )
        await capture(pilot, "The Director presented the progress report.")
        await capture(pilot, "r the progress be noted")
        assert "To review progress against the Council's improvement plan" in screen_text(pilot)
    store = open_store(db_path)
    try:
        ofsted = next(i for i in store.agenda.for_meeting(1) if i.title.startswith("Ofsted"))
        assert ofsted.started_at is not None and ofsted.minute_number
        texts = [r.text for r in store.records.for_item(ofsted.id or 0)]
        assert texts == ["The Director presented the progress report.", "the progress be noted"]
        present = [
            line.name for line in store.attendance.roll(1) if line.status and line.status.value == "present"
        ]
        assert "Councillor Ann Ali" in present
    finally:
        store.close()


async def test_a_word_agenda_is_previewed_then_imported_on_the_agenda_screen(
    db_path: Path, tmp_path: Path
) -> None:
    _, meeting, items = add_meeting_to(db_path)  # 1 Apologies, 2 Winter pressures, 3 Work programme
    store = open_store(db_path)
    try:
        store.records.add(Narrative(agenda_item_id=items[1].id or 0, text="Minuted already."))
    finally:
        store.close()
    path = typed_numbers(tmp_path / "agenda.docx")
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, AgendaImport)
        field = app.screen.query_one("#import-path", Input)
        field.value = str(tmp_path / "missing.docx")
        await pilot.press("enter")
        await pilot.pause()
        assert "There is no file" in screen_text(pilot)
        assert app.screen.query_one("#write", Button).disabled
        field.value = str(path)
        await pilot.press("enter")
        await pilot.pause()
        shown = screen_text(pilot)
        assert "7 items found. Adds 5 items, changes 2; keeps 1 minuted item as it is." in shown
        assert "Contract award: residential care placements [exempt, para 3]" in shown
        assert "dropped, kept" in shown and "Winter pressures" in shown
        assert app.screen.query_one("#import-items", DataTable).row_count == 8
        await pilot.press("enter")  # on the Import button, which the preview focused
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert any("Imported the Word agenda." in n.message for n in app._notifications)
        assert app.screen.query_one(DataTable).row_count == 8
        # Escape leaves the agenda as it is.
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#import-path", Input).value = str(path)
        await pilot.press("enter")
        await pilot.pause()
        assert "Nothing to import: 7 items found." in screen_text(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
    store = open_store(db_path)
    try:
        agenda = store.agenda.for_meeting(meeting.id or 0)
        assert [i.title for i in agenda][3:6] == [
            "Ofsted improvement plan: progress",
            "Winter pressures",
            "Work programme",
        ]
        assert agenda[-1].exempt_paragraph == 3
    finally:
        store.close()
