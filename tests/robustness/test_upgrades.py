"""Upgrades: a database made by each released schema version opens in this version with every record
intact, and a backup was taken before its schema changed."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from scrutui.store import open_store
from scrutui.store.migrations import latest_version

FIXTURES = Path(__file__).parents[1] / "fixtures"
RELEASED = sorted(FIXTURES.glob("schema-v*.sqlite"))


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.execute(sql))
    finally:
        conn.close()


def test_there_is_a_fixture_for_the_first_release() -> None:
    assert [p.name for p in RELEASED][:1] == ["schema-v1.sqlite"]


@pytest.mark.parametrize("fixture", RELEASED, ids=[p.stem for p in RELEASED])
def test_released_database_opens_with_everything_intact(fixture: Path, tmp_path: Path) -> None:
    copy = tmp_path / "council.sqlite"
    shutil.copyfile(fixture, copy)
    version = rows(copy, "PRAGMA user_version")[0][0]
    before = rows(copy, "SELECT id, agenda_item_id, kind, position, text, deleted_at FROM record ORDER BY id")
    details = {
        table: rows(copy, f"SELECT * FROM {table} ORDER BY record_id")
        for table in ("question", "assurance", "information_request", "resolution", "recommendation")
    }
    store = open_store(copy)
    try:
        if version < latest_version():
            assert store.migration_backup is not None and store.migration_backup.exists()
            assert rows(store.migration_backup, "PRAGMA user_version")[0][0] == version
        else:
            assert store.migration_backup is None
        after = rows(copy, "SELECT id, agenda_item_id, kind, position, text, deleted_at FROM record ORDER BY id")
        assert after == before
        for table, found in details.items():
            # Later versions may add columns; the old ones keep their values.
            now = rows(copy, f"SELECT * FROM {table} ORDER BY record_id")
            assert [row[: len(found[0])] for row in now] == found if found else now == []
        # Every live record still reads back as a valid model.
        for meeting in store.meetings.summaries():
            for records in store.records.for_meeting(meeting.meeting.id or 0).values():
                assert records
        assert any("ŵ" in text for (_, _, _, _, text, _) in after)
    finally:
        store.close()


def test_narratives_made_before_lists_keep_their_shape(tmp_path: Path) -> None:
    """Before schema 4 a single line break inside a narrative joined its lines into one paragraph; a
    narrative (and approved minutes kept whole) made then reads the same after the upgrade."""
    import json

    from scrutui.blocks import BlockKind
    from scrutui.models import Narrative

    copy = tmp_path / "council.sqlite"
    shutil.copyfile(FIXTURES / "schema-v3.sqlite", copy)
    typed = "The Chair welcomed everyone.\nApologies were noted.\n\nA second paragraph."
    conn = sqlite3.connect(copy)
    record_id = conn.execute("SELECT id FROM record WHERE kind = 'narrative' AND deleted_at IS NULL LIMIT 1").fetchone()[0]
    conn.execute("UPDATE record SET text = ? WHERE id = ?", [typed, record_id])
    meeting_id, kept = conn.execute(
        "SELECT meeting_id, approved_minutes FROM minutes_signoff WHERE approved_minutes IS NOT NULL"
    ).fetchone()
    source = json.loads(kept)
    first = next(r for records in source["records"].values() for r in records if r["kind"] == "narrative")
    first["text"] = typed
    conn.execute("UPDATE minutes_signoff SET approved_minutes = ? WHERE meeting_id = ?", [json.dumps(source), meeting_id])
    conn.commit()
    conn.close()

    store = open_store(copy)
    try:
        upgraded = store.records.get(record_id)
        approved = store.signoff.source(meeting_id)
    finally:
        store.close()
    wanted = ["The Chair welcomed everyone. Apologies were noted.", "A second paragraph."]
    assert isinstance(upgraded, Narrative)
    assert [b.text for b in upgraded.blocks] == wanted
    assert all(b.kind is BlockKind.PARAGRAPH for b in upgraded.blocks)
    kept_narrative = next(r for records in approved.records.values() for r in records if isinstance(r, Narrative))
    assert [b.text for b in kept_narrative.blocks] == wanted
    # Typed today, the same text is three paragraphs: a line is a paragraph.
    assert len(Narrative(agenda_item_id=1, text=typed).blocks) == 3


def test_requests_made_before_the_asker_was_kept_were_the_committees(tmp_path: Path) -> None:
    """Version 9: a request minuted earlier reads as asked by the Committee, and the line a clerk
    had half typed on a meeting goes to the item last taken there (the first, if none was)."""
    copy = tmp_path / "council.sqlite"
    shutil.copyfile(FIXTURES / "schema-v3.sqlite", copy)
    conn = sqlite3.connect(copy)
    (last_taken,) = conn.execute(
        "SELECT id FROM agenda_item WHERE meeting_id = 1 ORDER BY started_at DESC LIMIT 1"
    ).fetchone()
    (first,) = conn.execute(
        "SELECT id FROM agenda_item WHERE meeting_id = 2 ORDER BY position LIMIT 1"
    ).fetchone()
    conn.execute("UPDATE agenda_item SET started_at = NULL WHERE meeting_id = 2")
    conn.execute("UPDATE meeting SET capture_draft = 'q Cllr Ali: whether' WHERE id = 1")
    conn.execute("UPDATE meeting SET capture_draft = 'n the chair' WHERE id = 2")
    conn.commit()
    conn.close()
    store = open_store(copy)
    try:
        requests = rows(copy, "SELECT asked_by FROM information_request")
        assert requests and {asker for (asker,) in requests} == {"the Committee"}
        assert store.meetings.capture_drafts(1) == {last_taken: "q Cllr Ali: whether"}
        assert store.meetings.capture_drafts(2) == {first: "n the chair"}
        assert rows(copy, "SELECT count(*) FROM meeting WHERE capture_draft <> ''") == [(0,)]
    finally:
        store.close()
