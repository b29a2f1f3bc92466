"""Crash: the app is killed (SIGKILL) at random moments while minuting; nothing it confirmed is lost.

Each run starts the real app in a child process, lets it save records (or type a narrative), kills
it without warning, and then checks the database: every record the screen showed as saved is there,
``PRAGMA quick_check`` is ok, and the narrative lost at most the autosave interval of typing.
Set SCRUTUI_CRASH_RUNS to run more kills than the default.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from scrutui.store import open_store
from tests.conftest import add_meeting_to
from tests.robustness.crash_child import NARRATIVE

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

RUNS = int(os.environ.get("SCRUTUI_CRASH_RUNS", "6"))
CHILD = Path(__file__).with_name("crash_child.py")
#: The README's promise: a crash loses at most this many seconds of narrative typing.
PROMISED_SECONDS = 3.0
#: Time for the child to be scheduled and for a save to reach the disk, on a loaded machine.
SLACK_SECONDS = 1.5


def run_and_kill(db_path: Path, meeting_id: int, mode: str, seconds: float) -> tuple[list[str], float]:
    """Start the child, let it work for `seconds` after it is ready, SIGKILL it. Returns its lines."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(db_path), str(meeting_id), mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            lines.append(line.strip())
            if line.startswith("READY"):
                ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if not ready.wait(60):
        child.kill()
        raise AssertionError(f"the app did not start: {child.stderr.read() if child.stderr else ''}")
    time.sleep(seconds)
    killed_at = time.monotonic()
    os.kill(child.pid, signal.SIGKILL)
    child.wait(30)
    reader.join(10)
    return lines, killed_at


def quick_check(db_path: Path) -> str:
    conn = sqlite3.connect(db_path)
    try:
        return str(conn.execute("PRAGMA quick_check").fetchone()[0])
    finally:
        conn.close()


def test_records_confirmed_before_a_kill_are_all_there(db_path: Path) -> None:
    _, meeting, items = add_meeting_to(db_path)
    rng = random.Random(2026)
    total_confirmed = 0
    for _ in range(RUNS):
        lines, _ = run_and_kill(db_path, meeting.id or 0, "records", rng.uniform(0.2, 2.5))
        confirmed = {int(line.split()[1]) for line in lines if line.startswith("CONFIRMED")}
        assert quick_check(db_path) == "ok"
        store = open_store(db_path)
        texts = {r.text for r in store.records.for_item(items[0].id or 0)}
        store.close()
        for number in confirmed:
            assert f"Record {number}: the Committee noted item {number}." in texts
        total_confirmed += len(confirmed)
    assert total_confirmed > RUNS  # the runs did confirm records before they were killed


def test_a_half_typed_narrative_loses_at_most_seconds(db_path: Path) -> None:
    _, meeting, items = add_meeting_to(db_path)
    rng = random.Random(1972)
    for _ in range(max(2, RUNS // 2)):
        lines, killed_at = run_and_kill(db_path, meeting.id or 0, "narrative", rng.uniform(3.0, 6.0))
        typed = [(int(length), float(at)) for _, length, at in (line.split() for line in lines if line.startswith("TYPED"))]
        assert typed, "the child typed nothing"
        assert quick_check(db_path) == "ok"
        store = open_store(db_path)
        saved = [r.text for r in store.records.for_item(items[0].id or 0)]
        for record in store.records.for_item(items[0].id or 0):
            store.records.delete(record.id or 0)  # start the next run with an empty item
        store.close()
        assert len(saved) <= 1, saved
        text = saved[0] if saved else ""
        assert NARRATIVE.startswith(text)  # a prefix of what was typed, nothing garbled
        deadline = killed_at - PROMISED_SECONDS - SLACK_SECONDS
        must_have = max((length for length, at in typed if at <= deadline), default=0)
        assert len(text) >= min(must_have, len(NARRATIVE.strip())), (len(text), must_have)
