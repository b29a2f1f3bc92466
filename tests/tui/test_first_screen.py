"""The minuting screen as the app's first screen: drawn from a plain read of the meeting before
pydantic, the models and sqlite-utils are imported, then from the validated store, showing the same;
keys pressed before that are not lost, and every write still goes through the store."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import Static

import scrutui.minutes
from scrutui.demo import load_demo
from scrutui.store import open_store
from scrutui.tui.app import ScrutuiApp
from scrutui.tui.screens.minuting import MinutingScreen
from scrutui.tui.widgets.agenda_list import AgendaList
from scrutui.tui.widgets.capture_line import CaptureInput
from scrutui.tui.widgets.minutes_preview import MinutesPreview
from scrutui.tui.widgets.record_list import RecordList
from tests.tui.test_incremental_minuting import list_lines

#: Run in a fresh interpreter: the minuting screen of the demo's November meeting as the first
#: screen, reporting what was imported by the time its first frame was painted.
FIRST_PAINT = """
import sys
from pathlib import Path
from scrutui.tui.app import ScrutuiApp, run_app
from scrutui.tui.screens.minuting import MinutingScreen

HEAVY = ("pydantic", "sqlite_utils", "scrutui.models")

class First(ScrutuiApp):
    def on_mount(self, event):
        event.prevent_default()
        display = self._display

        def first(screen, renderable):
            display(screen, renderable)
            if isinstance(screen, MinutingScreen) and screen.is_mounted and renderable is not None:
                shown = str(screen.query_one("#meeting-title").render())
                if shown.strip() and self._display is first:
                    self._display = display
                    heavy = sorted(m for m in HEAVY if m in sys.modules)
                    print("AT FIRST PAINT:", ",".join(heavy) or "none", shown, flush=True)
                    self.set_timer(0.5, self.loaded)

        self._display = first
        self.push_screen(MinutingScreen(2))

    def loaded(self):
        print("LOADED:", "pydantic" in sys.modules, self.store_is_open, flush=True)
        self.exit()

run_app(First.on_database(Path(sys.argv[1]), blink=False), headless=True, size=(80, 24))
"""


class Bare(ScrutuiApp):
    """The app with no screen of its own: the test pushes the first one."""

    def on_mount(self, event: object) -> None:
        event.prevent_default()  # type: ignore[attr-defined]


@pytest.fixture
def demo_path(db_path: Path) -> Path:
    store = open_store(db_path)
    load_demo(store)
    store.close()
    return db_path


def test_the_first_paint_comes_before_pydantic_the_models_and_sqlite_utils(demo_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, str(demo_path)], capture_output=True, text=True, timeout=120, check=True
    ).stdout
    assert "AT FIRST PAINT: none Children and Young People Scrutiny Committee (demo)" in out
    assert "LOADED: True True" in out  # and straight after, the validated store


async def test_the_first_screen_shows_what_the_loaded_screen_shows(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first: dict[str, object] = {}
    load = MinutingScreen._load

    def seen_then_load(screen: MinutingScreen) -> None:
        first["records"] = list_lines(screen.query_one(RecordList))
        first["records title"] = screen.query_one(RecordList).border_title
        first["agenda"] = [str(o.prompt) for o in screen.query_one(AgendaList).options]
        first["title"] = str(screen.query_one("#meeting-title", Static).render())
        first["draft"] = screen.query_one(CaptureInput).value
        first["store open"] = screen.scrutui.store_is_open
        load(screen)

    monkeypatch.setattr(MinutingScreen, "_load", seen_then_load)
    store = open_store(demo_path)
    store.meetings.save_capture_draft(2, "q Cllr Pryce: how many")
    store.close()
    app = Bare.on_database(demo_path, blink=False)
    assert not app.store_is_open  # up to date: opened when first needed
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(MinutingScreen(2))
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MinutingScreen) and first["store open"] is False
        assert app.store_is_open
        records = screen.query_one(RecordList)
        assert first["records"] == list_lines(records) and first["records title"] == records.border_title
        assert first["agenda"] == [str(o.prompt) for o in screen.query_one(AgendaList).options]
        title = str(screen.query_one("#meeting-title", Static).render())
        assert title.startswith(str(first["title"]).strip()) and "present, quorum 3" in title
        assert first["draft"] == screen.query_one(CaptureInput).value == "q Cllr Pryce: how many"
        assert "RESOLVED: That the extension of the contract" in screen.query_one(MinutesPreview).text


async def test_keys_pressed_before_the_store_is_read_are_not_lost(demo_path: Path) -> None:
    app = Bare.on_database(demo_path, blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = MinutingScreen(2)
        await app.push_screen(screen)
        assert not screen._loaded  # drawn from the plain read; the store comes after the first paint
        await pilot.press("pageup")  # needs the agenda: reads it there and then
        screen.query_one(CaptureInput).value = "The Chair thanked the witnesses."
        await pilot.press("enter")
        await pilot.pause()
        assert screen.current is not None and screen.current.title.startswith("Exclusion")
        assert [r.text for r in screen.records][-1] == "The Chair thanked the witnesses."
    store = open_store(demo_path)
    item = next(i for i in store.agenda.for_meeting(2) if i.title.startswith("Exclusion"))
    assert store.records.for_item(item.id or 0)[-1].text == "The Chair thanked the witnesses."
    store.close()


def test_a_database_that_needs_upgrading_is_opened_and_upgraded_at_once(tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite"
    old.write_bytes((Path(__file__).parents[1] / "fixtures" / "schema-v3.sqlite").read_bytes())
    app = ScrutuiApp.on_database(old)
    assert app.store_is_open  # migrated before the app starts, as before
    app.store.close()


def test_every_name_of_the_minutes_package_is_its_modules() -> None:
    for name in scrutui.minutes.__all__:
        home = scrutui.minutes._HOMES[name]
        assert getattr(scrutui.minutes, name) is getattr(importlib.import_module(home), name)
    assert set(scrutui.minutes._HOMES) == set(scrutui.minutes.__all__)


def test_the_command_imports_nothing_heavy_before_the_app_needs_it() -> None:
    code = (
        "import sys, scrutui.cli, scrutui.tui.app, scrutui.tui.screens.minuting; "
        "print(sorted(m for m in ('pydantic', 'sqlite_utils', 'scrutui.models', 'scrutui.lists', 'docx')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "[]"
