"""Rows damaged by hand (a bad date or status, an exempt paragraph of 99, an unknown kind of record,
binary data in a text column) are shown as damaged, by id and what is wrong, and everything else
still opens and exports; an export names what it could not include. Approved minutes changed
outside scrutui are refused, and a meeting whose committee is missing is listed, not hidden."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from scrutui.cli import main
from scrutui.store import open_store
from scrutui.tui.screens.home import HomeScreen
from scrutui.tui.screens.minuting import MinutingScreen
from scrutui.tui.widgets.record_list import RecordList
from tests.conftest import app_on
from tests.export.helpers import paragraphs
from tests.tui.helpers import screen_text

FIXTURES = Path(__file__).parents[1] / "fixtures"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.fixture
def demo_db(db_path: Path) -> Path:
    assert run("demo", "--db", str(db_path))[0] == 0
    return db_path


def damage(db_path: Path, sql: str) -> int:
    """Change the database by hand (as another program might); returns the id of the row changed."""
    conn = sqlite3.connect(db_path)
    try:
        found = conn.execute(sql.split(";")[0]).fetchone()[0]
        conn.execute(sql.split(";")[1], [found])
        conn.commit()
    finally:
        conn.close()
    return int(found)


# What to pick ; how to damage it. Each damages a row of the November meeting (2).
RECORD_DAMAGE = {
    "unknown kind": (
        "SELECT min(r.id) FROM record r JOIN agenda_item a ON a.id = r.agenda_item_id WHERE a.meeting_id = 2"
        " AND r.kind = 'narrative'; UPDATE record SET kind = 'memo' WHERE id = ?",
        "its kind is not one scrutui knows",
    ),
    "binary text": (
        "SELECT min(r.id) FROM record r JOIN agenda_item a ON a.id = r.agenda_item_id WHERE a.meeting_id = 2"
        " AND r.kind = 'question'; UPDATE record SET text = X'C3FF00FE' WHERE id = ?",
        "its text holds binary data where text belongs",
    ),
    "bad status": (
        "SELECT min(d.record_id) FROM information_request d JOIN record r ON r.id = d.record_id"
        " JOIN agenda_item a ON a.id = r.agenda_item_id WHERE a.meeting_id = 2;"
        " UPDATE information_request SET status = 'lost' WHERE record_id = ?",
        "its status is not one scrutui knows",
    ),
}


@pytest.mark.parametrize("case", list(RECORD_DAMAGE))
async def test_a_damaged_record_is_shown_and_everything_else_opens_and_exports(
    demo_db: Path, tmp_path: Path, case: str
) -> None:
    pick, problem = RECORD_DAMAGE[case]
    record_id = damage(demo_db, pick)
    code, said = run("export", "minutes", "2", "--db", str(demo_db), "-o", str(tmp_path / "m.docx"))
    assert code == 0, said
    assert f"record {record_id} ({problem}" in said and len(said.strip().splitlines()) == 1
    assert len(paragraphs(tmp_path / "m.docx")) > 30  # the rest of the minutes are there
    code, said = run("requests", "--db", str(demo_db), "--status", "all")
    assert code == 0, said
    app = app_on(demo_db)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        item_id = sqlite3.connect(demo_db).execute("SELECT agenda_item_id FROM record WHERE id = ?", [record_id]).fetchone()[0]
        app.open_minuting(2)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MinutingScreen)
        screen.show_item(next(i for i in screen.items if i.id == item_id))
        await pilot.pause()
        shown = " ".join(screen_text(pilot).split())
        assert f"record {record_id} ({problem}" in shown and "1 DAMAGED" in shown, shown
        screen.query_one(RecordList).scroll_home(animate=False)  # the list's first line
        await pilot.pause()
        assert f"⚠ record {record_id} is damaged in the database" in " ".join(screen_text(pilot).split())
        if case == "bad status":  # the tracker lists everything else, and names it
            await pilot.press("ctrl+b")
            await pilot.pause()
            await pilot.press("t", "s", "s", "s", "s", "s")  # status: all
            await pilot.pause()
            assert f"left out: record {record_id} (its status" in " ".join(screen_text(pilot).split())


async def test_a_damaged_agenda_item_is_named_and_the_rest_of_the_meeting_opens(demo_db: Path, tmp_path: Path) -> None:
    item_id = damage(
        demo_db,
        "SELECT id FROM agenda_item WHERE meeting_id = 2 AND exempt_paragraph IS NOT NULL;"
        " UPDATE agenda_item SET exempt_paragraph = 99 WHERE id = ?",
    )
    code, said = run("export", "minutes", "2", "--db", str(demo_db), "-o", str(tmp_path / "m.docx"))
    assert code == 0 and f"agenda item {item_id} (its exempt paragraph is out of range)" in said, said
    app = app_on(demo_db)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_minuting(2)
        await pilot.pause()
        assert isinstance(app.screen, MinutingScreen)
        shown = " ".join(screen_text(pilot).split())
        assert f"item {item_id}: damaged" in shown and f"agenda item {item_id} (its exempt" in shown, shown


@pytest.mark.parametrize(
    ("column", "value", "problem"),
    [("date", "2026-13-45", "its date is not a valid date"), ("status", "finished", "its status is not one scrutui knows")],
)
async def test_a_damaged_meeting_is_listed_as_damaged_and_the_others_still_work(
    demo_db: Path, tmp_path: Path, column: str, value: str, problem: str
) -> None:
    damage(demo_db, f"SELECT 1; UPDATE meeting SET {column} = '{value}' WHERE id = ?")
    code, said = run("meetings", "--db", str(demo_db))
    assert code == 0 and f"meeting 1 ({problem})" in said and "2026-11-10" in said, said
    code, said = run("export", "minutes", "1", "--db", str(demo_db), "-o", str(tmp_path / "one.docx"))
    assert code == 1 and "Meeting 1 is damaged" in said and len(said.strip().splitlines()) == 1, said
    code, said = run("export", "minutes", "2", "--db", str(demo_db), "-o", str(tmp_path / "two.docx"))
    assert code == 0, said
    app = app_on(demo_db)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        shown = " ".join(screen_text(pilot).split())
        assert f"1 ⚠ damaged {problem}" in shown and "1 damaged in the database" in shown, shown
        await pilot.press("down", "enter", "s", "a")  # opening it in any way says what is wrong
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.is_running
        app.open_minuting(2)
        await pilot.pause()
        assert isinstance(app.screen, MinutingScreen)


async def test_a_meeting_whose_committee_is_missing_is_listed(demo_db: Path) -> None:
    conn = sqlite3.connect(demo_db)
    conn.execute("INSERT INTO committee (name, created_at) VALUES ('Audit Committee', '2026-01-01T00:00:00')")
    conn.execute(
        "INSERT INTO meeting (committee_id, date, time, created_at) VALUES (last_insert_rowid(), '2026-10-01', '10:00', '2026-01-01')"
    )
    conn.execute("DELETE FROM committee WHERE name = 'Audit Committee'")  # foreign keys off, as by hand
    conn.commit()
    conn.close()
    code, said = run("meetings", "--db", str(demo_db))
    assert code == 0 and "2026-10-01" in said and "committee 2 is missing" in said, said
    app = app_on(demo_db)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "committee 2 is missing" in " ".join(screen_text(pilot).split())
        await pilot.press("down", "enter")  # the orphan, second newest
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.is_running


def test_approved_minutes_changed_outside_scrutui_are_refused(demo_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "september.docx"
    assert run("export", "minutes", "1", "--db", str(demo_db), "-o", str(target))[0] == 0
    target.unlink()
    conn = sqlite3.connect(demo_db)
    conn.execute("UPDATE minutes_signoff SET approved_minutes = replace(approved_minutes, 'noted', 'rejected') WHERE meeting_id = 1")
    conn.commit()
    conn.close()
    code, said = run("export", "minutes", "1", "--db", str(demo_db), "-o", str(target))
    assert code == 1 and "changed outside scrutui" in said and len(said.strip().splitlines()) == 1, said
    assert not target.exists()
    assert run("export", "minutes", "2", "--db", str(demo_db), "-o", str(tmp_path / "n.docx"))[0] == 0


def test_a_correction_through_scrutui_keeps_the_approved_minutes_exportable(demo_db: Path, tmp_path: Path) -> None:
    store = open_store(demo_db)
    try:
        record = next(r for records in store.records.for_meeting(1).values() for r in records)
        store.signoff.correct_record(record.model_copy(update={"text": record.text + " (corrected)"}), "a typo", 2)
    finally:
        store.close()
    code, said = run("export", "minutes", "1", "--db", str(demo_db), "-o", str(tmp_path / "s.docx"))
    assert code == 0, said
    assert any("(corrected)" in text for _, text in paragraphs(tmp_path / "s.docx"))


def test_minutes_approved_before_digests_existed_get_one_on_upgrade(tmp_path: Path) -> None:
    copy = tmp_path / "council.sqlite"
    shutil.copyfile(FIXTURES / "schema-v3.sqlite", copy)
    code, said = run("export", "minutes", "1", "--db", str(copy), "-o", str(tmp_path / "old.docx"))
    assert code == 0, said
