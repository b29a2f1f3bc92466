"""`scrutui publish`: the open-data copy holds the public minutes of issued and approved meetings and
nothing else. Served by Datasette (its own test client), no canary from an exempt item, a draft, or a
column and table the copy does not know is reachable, by any page, search or custom SQL."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from datasette.app import Datasette

from scrutui.cli import main
from scrutui.models import AgendaItem, Meeting, Narrative
from scrutui.store import open_store
from tests.robustness.test_confidentiality import CANARY, EXEMPT_MEETING, canary_database

DRAFT_CANARY = "DRAFTCANARY-4471"
COLUMN_CANARY = "COLUMNCANARY-9033"
PUBLIC_TITLE = "Residential placements: contract extension"


def source_database(db: Path) -> None:
    """The demo with canaries: in every record (and the private title) of the exempt item of the
    November meeting, whose minutes are then issued; in a later draft meeting; and in a column and a
    table that scrutui's schema does not have (as a later version might add)."""
    canary_database(db)
    store = open_store(db)
    try:
        store.signoff.issue(EXEMPT_MEETING)
        committee_id = store.meetings.get(EXEMPT_MEETING).committee_id
        draft = store.meetings.add(
            Meeting(committee_id=committee_id, date="2027-01-19", time="18:30"),
            [AgendaItem(meeting_id=0, number="1", title=f"Budget {DRAFT_CANARY}")],
        )
        [item] = store.agenda.for_meeting(draft.id or 0)
        store.records.add(Narrative(agenda_item_id=item.id or 0, text=f"Draft only: {DRAFT_CANARY}."))
    finally:
        store.close()
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("ALTER TABLE agenda_item ADD COLUMN briefing_note TEXT")
        conn.execute("UPDATE agenda_item SET briefing_note = ?", [f"note {COLUMN_CANARY}"])
        conn.execute("CREATE TABLE member_contact (name TEXT, phone TEXT)")
        conn.execute("INSERT INTO member_contact VALUES (?, ?)", ["Councillor Helen Marsh", COLUMN_CANARY])
    conn.close()


@pytest.fixture
def published(tmp_path: Path) -> tuple[Path, Path]:
    db = tmp_path / "scrutui.sqlite"
    source_database(db)
    # Every canary is in the database published from:
    everything = b"".join(p.read_bytes() for p in tmp_path.glob("scrutui.sqlite*"))
    for canary in (CANARY, DRAFT_CANARY, COLUMN_CANARY):
        assert canary.encode() in everything
    out = tmp_path / "open" / "scrutiny.sqlite"
    out.parent.mkdir()
    result = CliRunner().invoke(main, ["publish", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "Published the minutes of 2 meetings" in result.output
    assert f"datasette serve {out} --metadata {out.parent / 'metadata.json'}" in result.output
    return out, out.parent / "metadata.json"


def test_no_canary_is_anywhere_in_the_file(published: tuple[Path, Path]) -> None:
    out, metadata = published
    # Upper-cased, so the FTS index's lower-case tokens ("canary") are caught too.
    raw = out.read_bytes().upper() + metadata.read_bytes().upper()
    assert b"CANARY" not in raw
    assert not list(out.parent.glob("*-wal")) and not list(out.parent.glob("*-journal"))


async def test_datasette_serves_the_public_minutes_and_no_canary(published: tuple[Path, Path]) -> None:
    out, metadata_file = published
    metadata = json.loads(metadata_file.read_text(encoding="utf-8"))
    datasette = Datasette([str(out)], metadata=metadata)
    await datasette.invoke_startup()
    client = datasette.client

    async def sql(query: str) -> list[dict[str, object]]:
        response = await client.get(f"/scrutiny.json?sql={quote(query)}&_shape=array")
        assert response.status_code == 200, response.text
        assert "CANARY" not in response.text.upper()
        rows: list[dict[str, object]] = response.json()
        return rows

    # Custom SQL reaches every table, the FTS index's own tables and the schema: no canary anywhere.
    names = [str(row["name"]) for row in await sql("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert {"minutes", "minutes_fts", "agenda_items", "information_requests", "declarations"} <= set(names)
    assert "member_contact" not in names
    for name in names:
        await sql(f"SELECT * FROM [{name}]")
    await sql("SELECT * FROM sqlite_master")
    assert not await sql("SELECT * FROM minutes_fts WHERE minutes_fts MATCH 'canary'")
    assert "briefing_note" not in {str(r["name"]) for r in await sql("SELECT name FROM pragma_table_info('agenda_items')")}

    # Every page a visitor can open, and searching for the canary.
    pages = ["/", "/scrutiny", "/-/metadata.json"] + [f"/scrutiny/{name}" for name in names]
    for page in pages:
        response = await client.get(page)
        assert response.status_code == 200, page
        assert "CANARY" not in response.text.upper(), page
    for table in ("minutes", "decisions", "information_requests", "recommendations"):
        for word in ("canary", "8812", "Hollins"):
            response = await client.get(f"/scrutiny/{table}.json?_search={word}&_shape=array")
            assert response.status_code == 200 and response.json() == [], (table, word)

    # What the public may see is there: the exempt item as the public minutes give it, the issued
    # meeting's public records and the approved one's.
    found = await client.get("/scrutiny/minutes.json?_search=placements&_shape=array")
    stub = " ".join(str(row["text"]) for row in found.json())
    assert "considered in private" in stub
    items = await sql(f"SELECT title, purpose, exempt FROM agenda_items WHERE meeting_id = {EXEMPT_MEETING}")
    assert {"title": PUBLIC_TITLE, "purpose": "", "exempt": 1} in items
    requested = {str(r["requested"]) for r in await sql("SELECT requested FROM information_requests")}
    assert "a copy of the directorate risk register" in requested
    statuses = {str(r["status"]) for r in await sql("SELECT status FROM meetings")}
    assert statuses == {"issued", "approved"}
    assert metadata["license"] == "Open Government Licence v3.0"
    assert "minutes" in metadata["databases"]["scrutiny"]["tables"]


def test_an_existing_copy_is_kept_unless_forced(published: tuple[Path, Path], tmp_path: Path) -> None:
    out, _ = published
    before = out.read_bytes()
    again = CliRunner().invoke(main, ["publish", str(out), "--db", str(tmp_path / "scrutui.sqlite")])
    assert again.exit_code == 1 and "--force" in again.output and again.output.count("\n") == 1
    assert out.read_bytes() == before
    forced = CliRunner().invoke(main, ["publish", str(out), "--db", str(tmp_path / "scrutui.sqlite"), "--force"])
    assert forced.exit_code == 0, forced.output
