"""Read-only use by members: every screen refuses edits with a clear message and says READ-ONLY,
nothing in the database changes, and it all works while a clerk's process writes to the database."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from scrutui.demo import load_demo
from scrutui.models import AgendaItem, Meeting
from scrutui.store import open_store
from scrutui.tui.app import ScrutuiApp, make_app
from scrutui.tui.screens.agenda import AgendaScreen
from scrutui.tui.screens.committee import CommitteeScreen
from scrutui.tui.screens.committees import CommitteesScreen
from scrutui.tui.screens.declarations import DeclarationsScreen
from scrutui.tui.screens.home import HomeScreen
from scrutui.tui.screens.minutes_status import MinutesStatusScreen
from scrutui.tui.screens.minuting import MinutingScreen
from scrutui.tui.screens.roll_call import RollCallScreen
from scrutui.tui.screens.tracker import TrackerScreen
from scrutui.tui.widgets.capture_line import CaptureInput
from tests.tui.helpers import screen_text

TODAY = dt.date(2026, 11, 23)
REFUSAL = "Read-only: this database was opened for browsing, so nothing can be changed."


def snapshot(db_path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to show that nothing changed."""
    import sqlite3

    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    finally:
        conn.close()


def refusals(app: ScrutuiApp) -> int:
    return sum(1 for n in app._notifications if n.message == REFUSAL)


async def refused(pilot: Pilot[None], *keys: str) -> None:
    """Press each key; each must be refused with the read-only message, the screen unchanged."""
    app = pilot.app
    assert isinstance(app, ScrutuiApp)
    for key in keys:
        screen, before = app.screen, refusals(app)
        await pilot.press(key)
        await pilot.pause()
        assert refusals(app) == before + 1, f"{key} on {type(screen).__name__} was not refused"
        assert app.screen is screen, f"{key} on {type(screen).__name__} opened {type(app.screen).__name__}"


async def test_every_screen_refuses_edits_and_says_read_only(db_path: Path) -> None:
    store = open_store(db_path)
    load_demo(store)
    store.close()
    before = snapshot(db_path)
    app = make_app(db_path, read_only=True, blink=False, today=lambda: TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "READ-ONLY · browsing and exporting only" in screen_text(pilot)
        await refused(pilot, "n", "d")

        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen) and "READ-ONLY" in screen_text(pilot)
        await refused(pilot, "a", "p", "e", "delete", "shift+up", "r", "l")
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("enter")
        await pilot.pause()
        minuting = app.screen
        assert isinstance(minuting, MinutingScreen) and "READ-ONLY" in screen_text(pilot)
        assert minuting.query_one(CaptureInput).disabled
        await pilot.press("pagedown")  # browsing the agenda is allowed ...
        await pilot.pause()
        await refused(pilot, "ctrl+n", "ctrl+f", "ctrl+z", "ctrl+g")  # ... changing it is not
        await pilot.press("ctrl+b")
        await pilot.pause()

        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CommitteesScreen)
        await refused(pilot, "n")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CommitteeScreen) and "READ-ONLY" in screen_text(pilot)
        await refused(pilot, "ctrl+s", "ctrl+n", "ctrl+o", "ctrl+r")
        await pilot.press("escape", "escape")
        await pilot.pause()

        await pilot.press("t")
        await pilot.pause()
        tracker = app.screen
        assert isinstance(tracker, TrackerScreen)
        assert "Tracker · Information requests · as at 23/11/2026 · READ-ONLY" in screen_text(pilot)
        await refused(pilot, "enter", "r", "x", "w", "d")
        await pilot.press("s", "t", "s")  # filters and the other list work: answered recommendations
        await pilot.pause()
        assert "Showing answered" in screen_text(pilot) and "accepted" in screen_text(pilot)
        await pilot.press("g")  # and going to where it was made
        await pilot.pause()
        assert isinstance(app.screen, MinutingScreen)
    assert snapshot(db_path) == before


async def test_the_formalities_screens_refuse_edits_read_only(db_path: Path) -> None:
    """Roll call, arrivals and departures, declarations, sign-off and corrections: each opens to be
    read (or is refused outright, when it only records), and refuses every edit."""
    store = open_store(db_path)
    load_demo(store)
    store.close()
    before = snapshot(db_path)
    app = make_app(db_path, read_only=True, blink=False, today=lambda: TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("s")  # the sign-off of the newest meeting (November, a draft)
        await pilot.pause()
        assert isinstance(app.screen, MinutesStatusScreen) and "READ-ONLY" in screen_text(pilot)
        await refused(pilot, "i", "r", "a")
        await pilot.press("up")  # September: approved, so c would record a correction
        await pilot.pause()
        assert "approved" in screen_text(pilot)
        await refused(pilot, "c")
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, RollCallScreen) and "READ-ONLY" in screen_text(pilot)
        assert "Councillor Glyn Hughes" in screen_text(pilot)  # the roll call can be read
        await refused(pilot, "p", "a", "x", "s", "i", "delete", "P", "n")
        await pilot.press("escape", "escape")
        await pilot.pause()

        await pilot.press("enter")
        await pilot.pause()
        minuting = app.screen
        assert isinstance(minuting, MinutingScreen)
        await refused(pilot, "f2", "ctrl+t", "f4", "ctrl+y")  # standard wording; arrivals and departures
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, RollCallScreen) and "READ-ONLY" in screen_text(pilot)
        await refused(pilot, "p", "P")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        declarations = app.screen
        assert isinstance(declarations, DeclarationsScreen)
        text = screen_text(pilot)
        assert "READ-ONLY · browsing only" in text and "Councillor Bola Adeyemi" in text
        await refused(pilot, "n", "enter", "delete")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is minuting
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, MinutesStatusScreen) and "READ-ONLY" in screen_text(pilot)
        await refused(pilot, "i", "c")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is minuting
        await pilot.press("f7")  # November's meeting has no action log: said, with nothing to add one
        await pilot.pause()
        assert app.screen is minuting
        assert str(minuting.query_one("#capture-hint").render()) == "This meeting has no action log."
    assert snapshot(db_path) == before


async def test_the_action_log_from_the_minuting_screen_read_only(db_path: Path) -> None:
    store = open_store(db_path)
    load_demo(store)
    committee = store.committees.all()[0]
    assert committee.id is not None
    store.meetings.add(
        Meeting(committee_id=committee.id, date="2027-01-12"),
        [AgendaItem(meeting_id=0, number="1", title="Apologies for absence")],
        carry_forward=True,
    )
    store.close()
    before = snapshot(db_path)
    app = make_app(db_path, read_only=True, blink=False, today=lambda: dt.date(2027, 1, 12))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the newest meeting: January's
        await pilot.pause()
        minuting = app.screen
        assert isinstance(minuting, MinutingScreen)
        await pilot.press("f7")
        await pilot.pause()
        log = app.screen
        assert isinstance(log, TrackerScreen) and log.action_log_item_id is not None
        assert "Action log of the meeting on 12/01/2027" in screen_text(pilot) and "READ-ONLY" in screen_text(pilot)
        await refused(pilot, "enter", "r", "x", "w", "d")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is minuting
    assert snapshot(db_path) == before


WRITER = """
import sys, time
from pathlib import Path
from scrutui.models import InformationRequest
from scrutui.store import open_store

store = open_store(Path(sys.argv[1]))
item, count = int(sys.argv[2]), int(sys.argv[3])
print("ready", flush=True)
sys.stdin.readline()  # wait until the member has the tracker open
for n in range(count):
    store.records.add(InformationRequest(agenda_item_id=item, text=f"asked while members read {n}"))
    time.sleep(0.01)
store.close()
print("done", flush=True)
"""


async def test_members_read_while_a_clerk_writes_from_another_process(db_path: Path, tmp_path: Path) -> None:
    store = open_store(db_path)
    load_demo(store)
    item = store.agenda.for_meeting(2)[3].id  # the Ofsted item of the November meeting
    store.close()
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    count = 150
    writer = subprocess.Popen(
        [sys.executable, str(script), str(db_path), str(item), str(count)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        app = make_app(db_path, read_only=True, blink=False, today=lambda: TODAY)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("t")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, TrackerScreen)
            assert writer.stdin is not None
            writer.stdin.write("go\n")
            writer.stdin.flush()
            seen = []
            while writer.poll() is None:
                await pilot.press("f5")
                await pilot.pause()
                seen.append(app.store.tracker.counts(screen.current_query()).get("outstanding"))
                await asyncio.sleep(0.05)
            # The member's command line works alongside, too.
            listing = subprocess.run(
                [sys.executable, "-m", "scrutui.cli", "--read-only", "requests", "--db", str(db_path)],
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert listing.returncode == 0, listing.stderr
            await pilot.press("f5")
            await pilot.pause()
            errors = [n.message for n in app._notifications if n.severity == "error"]
            assert errors == []
            assert f"{3 + count} outstanding (1 overdue)" in screen_text(pilot)
        out, err = writer.communicate(timeout=60)
    finally:
        if writer.poll() is None:
            writer.kill()
    assert writer.returncode == 0, err
    assert out.strip().endswith("done")
    assert seen == sorted(seen) and len(set(seen)) > 1  # the list grew as the reader watched
    assert f"asked while members read {count - 1}" in full_listing(db_path)


def full_listing(db_path: Path) -> str:
    """The full, untruncated list as the command line prints it on a wide terminal."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "scrutui.cli",
            "--read-only",
            "requests",
            "--db",
            str(db_path),
            "--status",
            "all",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "COLUMNS": "250"},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout
