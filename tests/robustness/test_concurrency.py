"""Concurrency: the clerk writes while members read and a tracker update writes, each in its own
process. Nobody sees "database is locked", no write is lost, and readers always see a whole state."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from scrutui.models import InformationRequest, RequestStatus
from scrutui.store import open_store
from tests.conftest import add_meeting_to
from tests.robustness import concurrency_workers as workers

SECONDS = 4.0


def test_clerk_members_and_tracker_at_once(db_path: Path) -> None:
    _, meeting, items = add_meeting_to(db_path)
    meeting_id, item_id = meeting.id or 0, items[1].id or 0
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=4, mp_context=context) as pool:
        clerk = pool.submit(workers.clerk, str(db_path), meeting_id, item_id, SECONDS)
        members = [pool.submit(workers.member, str(db_path), meeting_id, SECONDS) for _ in range(2)]
        tracker = pool.submit(workers.tracker, str(db_path), meeting_id, SECONDS)
        saved = clerk.result(timeout=120)  # any error in a process (a lock error too) is raised here
        reads = [m.result(timeout=120) for m in members]
        answered = tracker.result(timeout=120)
    assert saved > 50 and all(r > 10 for r in reads) and answered > 0
    store = open_store(db_path)
    records = store.records.for_item(item_id)
    assert len(records) == saved  # no write lost
    requests = [r for r in records if isinstance(r, InformationRequest)]
    answered_now = [r for r in requests if r.status is RequestStatus.ANSWERED]
    assert len(answered_now) == answered  # no tracker update lost either
    assert store.handle.scalar("PRAGMA quick_check") == "ok"
    store.close()
