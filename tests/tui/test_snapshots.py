"""SVG snapshots of the main screens at the clerk's 80x24 (pytest-textual-snapshot).

After a deliberate change to a screen, look at the new picture and accept it with
``python -m pytest tests/tui/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from scrutui.demo import load_demo
from scrutui.store import open_store
from tests.conftest import app_on


def demo_app(db_path: Path) -> Any:
    store = open_store(db_path)
    load_demo(store)
    store.close()
    return app_on(db_path)


def test_welcome_screen(snap_compare: Any, db_path: Path) -> None:
    open_store(db_path).close()  # made already: no "new database" notice, whose path differs each run
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


def _after(*keys: str, meeting: int | None = None) -> Any:
    """Press `keys` on the meetings list (or, given a meeting, on its minuting screen) first."""

    async def run_before(pilot: Any) -> None:
        await pilot.pause()
        if meeting is not None:
            pilot.app.open_minuting(meeting)
            await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()

    return run_before


def dated_demo_app(db_path: Path) -> Any:
    """The demo with "today" fixed, so what is overdue never changes with the calendar."""
    import datetime as dt

    from scrutui.tui.app import make_app

    store = open_store(db_path)
    load_demo(store)
    store.close()
    return make_app(db_path, blink=False, today=lambda: dt.date(2026, 12, 1))


def test_tracker_screen(snap_compare: Any, db_path: Path) -> None:
    assert snap_compare(dated_demo_app(db_path), terminal_size=(80, 24), run_before=_after("t"))


def test_agenda_screen(snap_compare: Any, db_path: Path) -> None:
    assert snap_compare(demo_app(db_path), terminal_size=(80, 24), run_before=_after("a"))


def test_roll_call_screen(snap_compare: Any, db_path: Path) -> None:
    assert snap_compare(demo_app(db_path), terminal_size=(80, 24), run_before=_after("f3", meeting=2))


def test_committee_screen(snap_compare: Any, db_path: Path) -> None:
    assert snap_compare(demo_app(db_path), terminal_size=(80, 24), run_before=_after("c", "enter"))


def test_sign_off_screen(snap_compare: Any, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The demo issues its September minutes as it loads: stamp that at a fixed time, not today.
    monkeypatch.setattr("scrutui.store.signoff.now", lambda: "2026-09-20T10:00:00")
    assert snap_compare(demo_app(db_path), terminal_size=(80, 24), run_before=_after("s"))


def test_new_meeting_form(snap_compare: Any, db_path: Path) -> None:
    assert snap_compare(dated_demo_app(db_path), terminal_size=(80, 24), run_before=_after("n"))


def test_too_small_a_window(snap_compare: Any, db_path: Path) -> None:
    assert snap_compare(demo_app(db_path), terminal_size=(60, 20))
