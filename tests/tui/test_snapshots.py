"""SVG snapshots of the main screens at the clerk's 80x24 (pytest-textual-snapshot).

After a deliberate change to a screen, look at the new picture and accept it with
``python -m pytest tests/tui/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scrutui.demo import load_demo
from scrutui.store import open_store
from tests.conftest import app_on


def demo_app(db_path: Path) -> Any:
    store = open_store(db_path)
    load_demo(store)
    store.close()
    return app_on(db_path)


def test_welcome_screen(snap_compare: Any, db_path: Path) -> None:
    assert snap_compare(app_on(db_path), terminal_size=(80, 24))


def test_meetings_screen(snap_compare: Any, db_path: Path) -> None:
    assert snap_compare(demo_app(db_path), terminal_size=(80, 24))


def test_minuting_screen(snap_compare: Any, db_path: Path) -> None:
    async def open_first_meeting(pilot: Any) -> None:
        pilot.app.open_minuting(2)  # opens on the item last taken; moving would stamp today's time
        await pilot.pause()
        await pilot.press(*"q Cllr Pry")

    assert snap_compare(demo_app(db_path), terminal_size=(80, 24), run_before=open_first_meeting)


def test_help_screen(snap_compare: Any, db_path: Path) -> None:
    async def open_help(pilot: Any) -> None:
        pilot.app.open_minuting(2)
        await pilot.pause()
        await pilot.press("f1")

    assert snap_compare(demo_app(db_path), terminal_size=(80, 24), run_before=open_help)
