"""Processes for test_concurrency.py: a clerk writing, members reading, a tracker update writing."""

from __future__ import annotations

import time
from pathlib import Path

from scrutui.models import InformationRequest, RequestStatus
from scrutui.session import MinutingSession
from scrutui.store import open_store


def clerk(db_path: str, meeting_id: int, item_id: int, seconds: float) -> int:
    """Save records through the app's own save path for `seconds`; return how many were saved."""
    store = open_store(Path(db_path))
    session = MinutingSession(store, meeting_id)
    saved, end = 0, time.monotonic() + seconds
    lines = ["Narrative {n}", "q Cllr Ann Ali: question {n} | Director of Public Health: answer {n}",
             "ir Director of Public Health: information {n}", "r resolution {n}"]
    while time.monotonic() < end:
        session.submit(item_id, lines[saved % len(lines)].format(n=saved))
        saved += 1
    store.close()
    return saved


def member(db_path: str, meeting_id: int, seconds: float) -> int:
    """Read the meeting over and over, read-only; check what is seen is whole and never shrinks."""
    store = open_store(Path(db_path), read_only=True)
    reads, last, end = 0, 0, time.monotonic() + seconds
    while time.monotonic() < end:
        records = store.records.for_meeting(meeting_id)  # validates every record and its detail
        count = sum(len(found) for found in records.values())
        summary = next(s for s in store.meetings.summaries() if s.meeting.id == meeting_id)
        assert count >= last, f"saw {count} records after {last}"
        assert summary.records >= count, "the summary lags behind what was read before it"
        last = count
        reads += 1
    store.close()
    return reads


def tracker(db_path: str, meeting_id: int, seconds: float) -> int:
    """Answer outstanding information requests as they appear; return how many were answered."""
    store = open_store(Path(db_path))
    answered, end = 0, time.monotonic() + seconds
    while time.monotonic() < end:
        for records in store.records.for_meeting(meeting_id).values():
            for record in records:
                if isinstance(record, InformationRequest) and record.status is RequestStatus.OUTSTANDING:
                    done = record.model_copy(update={"status": RequestStatus.ANSWERED, "response": "Sent."})
                    store.records.update(done)
                    answered += 1
        time.sleep(0.01)
    store.close()
    return answered
