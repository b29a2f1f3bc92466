"""Data changes that go with a schema migration and need more than SQL.

Each runs inside the migration's transaction, straight after its version's SQL, on the raw sqlite3
connection: it reads and writes rows and JSON, never the repositories (which expect the newest
schema).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

from scrutui.blocks import legacy_blocks, typed_text


def _legacy_narrative(text: str) -> tuple[str, str]:
    """A narrative's text and blocks (as JSON) the way scrutui read it before version 4."""
    blocks = legacy_blocks(text)
    return typed_text(blocks), json.dumps(
        [{"kind": b.kind.value, "text": b.text, "label": b.label} for b in blocks], ensure_ascii=False
    )


def _upgrade_kept_records(records: Any) -> bool:
    """Give each narrative of a kept MinutesSource's records its blocks. True if anything changed."""
    changed = False
    if not isinstance(records, dict):
        return False
    for kept in records.values():
        for record in kept if isinstance(kept, list) else ():
            if isinstance(record, dict) and record.get("kind") == "narrative" and "blocks" not in record:
                text, blocks = _legacy_narrative(str(record.get("text") or ""))
                record["text"], record["blocks"] = text, json.loads(blocks)
                changed = True
    return changed


def narratives_as_blocks(conn: sqlite3.Connection) -> None:
    """Version 4: every narrative gets its paragraphs as blocks, read as earlier versions read them,
    so minutes made before lists existed keep exactly their shape (approved minutes included)."""
    rows = conn.execute("SELECT id, text FROM record WHERE kind = 'narrative'").fetchall()
    for record_id, text in rows:
        written, blocks = _legacy_narrative(text or "")
        conn.execute("INSERT OR REPLACE INTO narrative (record_id, blocks) VALUES (?, ?)", [record_id, blocks])
        if written != text:
            conn.execute("UPDATE record SET text = ? WHERE id = ?", [written, record_id])
    kept = conn.execute("SELECT meeting_id, approved_minutes FROM minutes_signoff WHERE approved_minutes IS NOT NULL")
    for meeting_id, approved in kept.fetchall():
        source = json.loads(approved)
        if _upgrade_kept_records(source.get("records")):
            conn.execute(
                "UPDATE minutes_signoff SET approved_minutes = ? WHERE meeting_id = ?",
                [json.dumps(source, ensure_ascii=False), meeting_id],
            )


def approved_minutes_digested(conn: sqlite3.Connection) -> None:
    """Version 8: minutes approved before approvals kept a digest get theirs now (only then: a digest
    missing later means the minutes were changed outside scrutui)."""
    from scrutui.store.signoff import approved_digest

    rows = conn.execute(
        "SELECT meeting_id, approved_minutes FROM minutes_signoff WHERE approved_minutes IS NOT NULL"
    ).fetchall()
    for meeting_id, kept in rows:
        if isinstance(kept, str):
            conn.execute(
                "UPDATE minutes_signoff SET approved_digest = ? WHERE meeting_id = ?",
                [approved_digest(kept), meeting_id],
            )


#: The data change that follows each version's SQL, where one is needed.
UPGRADES: dict[int, Callable[[sqlite3.Connection], None]] = {
    4: narratives_as_blocks,
    8: approved_minutes_digested,
}
