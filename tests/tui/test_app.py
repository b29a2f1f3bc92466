"""The app as a whole: first run, the demo, help, the command palette, and a lean start-up."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from scrutui.store import open_store
from scrutui.tui.screens.help import HelpScreen
from scrutui.tui.screens.home import HomeScreen
from scrutui.tui.screens.minuting import MinutingScreen
from scrutui.tui.screens.welcome import WelcomeScreen
from tests.conftest import app_on
from tests.tui.helpers import screen_text


async def test_welcome_then_demo_then_minute_it(db_path: Path) -> None:
    app = app_on(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MinutingScreen)
        # The demo meeting was minuted to its last item (8), where it reopens; back to item 3.
        await pilot.press(*["pageup"] * 5)
        await pilot.pause()
        assert "RESOLVED: That the minutes of the meeting held on 15" in screen_text(pilot)
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    store = open_store(db_path)
    assert store.meetings.count() == 2
    store.close()


async def test_help_lists_the_keys_of_the_screen_below(db_path: Path) -> None:
    from scrutui.demo import load_demo

    store = open_store(db_path)
    load_demo(store)
    store.close()
    app = app_on(db_path)
    async with app.run_test(size=(110, 70)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(pilot)
        for words in ("Next item", "Undo", "narrative", "in the records list", "ir Director of Finance: what"):
            assert words in text
        await pilot.press("escape")
        assert isinstance(app.screen, MinutingScreen)


async def test_every_minuting_key_is_in_the_command_palette(db_path: Path) -> None:
    from scrutui.demo import load_demo

    store = open_store(db_path)
    load_demo(store)
    store.close()
    app = app_on(db_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for action in (
            "Next item", "Prev item", "Narrative", "Form", "Undo", "Add person", "Preview", "Back",
            "Wording", "Roll call", "In/out", "Interests", "Sign-off",
        ):
            assert any(t.startswith(action) for t in titles), action
        # The demo meeting reopens at its last item, so step back.
        undo = next(c for c in app.get_system_commands(app.screen) if c.title.startswith("Prev item"))
        before = app.screen.current
        undo.callback()
        await pilot.pause()
        assert app.screen.current != before


def test_python_docx_is_not_imported_when_the_app_starts(db_path: Path) -> None:
    script = f"""
import asyncio, sys
from pathlib import Path
from scrutui.tui.app import make_app
async def main():
    app = make_app(Path({str(db_path)!r}), blink=False)
    async with app.run_test() as pilot:
        await pilot.pause()
asyncio.run(main())
print("docx" in sys.modules)
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"
