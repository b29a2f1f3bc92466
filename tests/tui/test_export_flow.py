"""Exporting the minutes from the app: in the background, saying where the file went, asking first
before replacing a file."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Checkbox, DataTable, Input, Label

import scrutui.export.minutes_export as minutes_export
from scrutui.demo import load_demo
from scrutui.store import Store, open_store
from scrutui.tui.app import ScrutuiApp
from scrutui.tui.screens.export_dialog import ExportDialog
from scrutui.tui.screens.exporting import ReplaceFile
from scrutui.tui.screens.home import HomeScreen
from scrutui.tui.screens.minuting import MinutingScreen
from tests.conftest import app_on
from tests.export.helpers import headers, paragraphs, set_header
from tests.tui.helpers import screen_text

DEMO_NAME = "children-and-young-people-scrutiny-committee-demo-minutes-2026-11-10.docx"


@pytest.fixture
def demo_db(db_path: Path) -> Path:
    store = open_store(db_path)
    load_demo(store)
    store.close()
    return db_path


@pytest.fixture
def out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder the app was started in, where exports go by default."""
    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def messages(app: ScrutuiApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def finish(app: ScrutuiApp, pilot: Pilot[None]) -> None:
    """Wait for the export worker, then for its notification to arrive."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def test_export_from_the_meetings_list(demo_db: Path, out: Path) -> None:
    app = app_on(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert app.screen.query_one("#export-path", Input).value == str(out / DEMO_NAME)
        # The demo meeting has one exempt item (issue 5).
        assert "1 exempt item will show only the public title" in screen_text(pilot)
        await pilot.press("enter")
        await finish(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        assert any(m.startswith(f"Draft minutes written to {out / DEMO_NAME}") for m in messages(app))
    assert paragraphs(out / DEMO_NAME)[0] == ("Minutes Title", "Children and Young People Scrutiny Committee (demo)")


async def test_the_export_runs_in_a_worker_thread_with_its_own_connection_while_the_app_stays_usable(
    demo_db: Path, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    seen: dict[str, object] = {}
    real_export = minutes_export.export_minutes

    def slow_export(store: Store, request: minutes_export.MinutesExport) -> minutes_export.ExportResult:
        seen["thread"] = threading.current_thread()
        seen["store"] = store
        assert release.wait(timeout=30)
        return real_export(store, request)

    monkeypatch.setattr(minutes_export, "export_minutes", slow_export)
    app = app_on(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(DataTable)
        assert table.cursor_row == 0
        await pilot.press("e", "enter")
        await pilot.pause()
        # The export is under way (held back), and the meetings list still answers the keyboard.
        assert "Exporting the minutes…" in messages(app)
        await pilot.press("down")
        await pilot.pause()
        assert table.cursor_row == 1
        assert not (out / DEMO_NAME).exists()
        release.set()
        await finish(app, pilot)
        assert seen["thread"] is not threading.main_thread()
        assert seen["store"] is not app.store
        assert any(m.startswith("Draft minutes written to") for m in messages(app))
    assert (out / DEMO_NAME).exists()


async def test_the_app_asks_before_replacing_a_file(demo_db: Path, out: Path) -> None:
    existing = out / DEMO_NAME
    existing.write_bytes(b"the clerk's edited copy")
    app = app_on(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReplaceFile)
        assert "This file exists. Replace?" in screen_text(pilot)
        await pilot.press("n")
        await finish(app, pilot)
        assert existing.read_bytes() == b"the clerk's edited copy"
        assert "Not exported: the existing file was kept." in messages(app)
        await pilot.press("e", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReplaceFile)
        await pilot.press("y")
        await finish(app, pilot)
    assert paragraphs(existing)[0][0] == "Minutes Title"


async def test_confidential_export_from_the_minuting_screen(store: Store, db_path: Path, out: Path) -> None:
    from tests.export.helpers import CANARY_TEXT, build_meeting

    build_meeting(store)
    store.close()
    app = app_on(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MinutingScreen)
        await pilot.press("ctrl+o")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert "1 exempt item will show only the public title" in screen_text(pilot)
        dialog.query_one("#export-confidential", Checkbox).value = True
        await pilot.pause()
        path = out / "health-scrutiny-committee-minutes-2026-12-03-confidential.docx"
        assert dialog.query_one("#export-path", Input).value == str(path)
        assert "1 exempt item in full, in a confidential annex" in screen_text(pilot)
        await pilot.press("enter")
        await finish(app, pilot)
        assert isinstance(app.screen, MinutingScreen)
        assert f"Confidential minutes written to {path}." in messages(app)
    assert ("Minute Body", f"{CANARY_TEXT}.") in paragraphs(path)
    assert headers(path) == ["Health Scrutiny Committee\tCONFIDENTIAL · DRAFT"]


async def test_a_name_typed_is_kept_and_escape_cancels(demo_db: Path, out: Path, tmp_path: Path) -> None:
    app = app_on(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = "for the chair.docx"
        await pilot.press("enter")
        await finish(app, pilot)
    assert [p.name for p in out.iterdir()] == ["for the chair.docx"]


async def test_an_export_that_fails_says_why_in_one_line(store: Store, db_path: Path, out: Path) -> None:
    from tests.export.helpers import build_meeting

    build_meeting(store)
    committee = store.committees.all()[0]
    store.committees.update(committee.model_copy(update={"template_path": "/nowhere/house.docx"}))
    store.close()
    app = app_on(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e", "enter")
        await finish(app, pilot)
        errors = [str(n.message) for n in app._notifications if n.severity == "error"]
        assert errors == [
            "The committee's template /nowhere/house.docx does not exist (change it in the committee's "
            "settings, or give --template)."
        ]
        assert isinstance(app.screen, HomeScreen)
    assert list(out.iterdir()) == []


async def test_export_is_in_the_command_palette_and_help(demo_db: Path, out: Path) -> None:
    app = app_on(demo_db)
    async with app.run_test(size=(100, 40)) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Export (e)" in titles
        await pilot.press("enter")
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert any(t.startswith("Export (") and "o" in t for t in titles), titles
        await pilot.press("f1")
        await pilot.pause()
        assert "Write this meeting's draft minutes as a Word document" in screen_text(pilot)


async def test_a_committee_template_is_checked_when_set_and_used_by_the_export(
    demo_db: Path, out: Path, tmp_path: Path
) -> None:
    from tests.tui.helpers import fill

    bad = tmp_path / "notes.docx"
    bad.write_text("not Word")
    house = tmp_path / "house.docx"
    import docx

    from scrutui.export.template import default_template

    document = docx.Document(str(default_template()))
    set_header(document, "HOUSE STYLE {{ marking }}")
    document.styles["Minute Bullet"].delete()  # made before bullets had a style of their own
    document.save(str(house))
    app = app_on(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await fill(pilot, "#c-template", str(bad))
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = str(app.screen.query_one("#committee-error", Label).content)
        assert shown.startswith("The template ") and "is not a Word document" in shown
        store = open_store(demo_db, read_only=True)
        assert store.committees.all()[0].template_path == ""
        store.close()
        await fill(pilot, "#c-template", str(house))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Committee saved." in messages(app)
        app.go_home()
        await pilot.pause()
        await pilot.press("e", "enter")
        await finish(app, pilot)
        [said] = [m for m in messages(app) if m.startswith("Draft minutes written to")]
        # The export says, in one more line, that the template is older and what stood in.
        assert said.splitlines()[1].startswith("Note: house.docx is an older template: no Minute Bullet (stand-ins used)")
    assert headers(out / DEMO_NAME) == ["HOUSE STYLE DRAFT"]
    assert ("Minute Decision Part", "•\tThe recruitment and retention of social workers") in paragraphs(out / DEMO_NAME)


async def test_space_ticks_a_box_and_enter_exports_from_it(demo_db: Path, out: Path) -> None:
    app = app_on(demo_db)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("tab")  # from the file name to the Confidential box
        assert isinstance(app.screen.focused, Checkbox)
        await pilot.press("space")
        assert app.screen.query_one("#export-confidential", Checkbox).value
        await pilot.press("enter")  # exports, rather than ticking the box again
        await finish(app, pilot)
        assert isinstance(app.screen, HomeScreen)
    [written] = list(out.glob("*.docx"))
    assert "confidential" in written.name and any("CONFIDENTIAL" in h for h in headers(written))
