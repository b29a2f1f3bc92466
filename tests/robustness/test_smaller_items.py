"""The smaller findings: a huge meeting id, a path with a newline, a full disk during an export, two
`scrutui demo` at once, a long read holding the WAL big, spreadsheet formulas behind invisible
characters, and bidi overrides in names. (`-o FOLDER` is in test_outputs.py; a backup on a full disk
names the backup in test_leftovers.py.)"""

from __future__ import annotations

import csv
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from scrutui.cli import main
from scrutui.export.lists import spreadsheet_safe
from scrutui.models import Committee, Person, Role
from scrutui.store import open_store
from tests.export.helpers import every_part
from tests.robustness.test_leftovers import on_a_full_disk

ROOT = Path(__file__).parents[2]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.fixture
def demo_db(db_path: Path) -> Path:
    assert run("demo", "--db", str(db_path))[0] == 0
    return db_path


@pytest.mark.parametrize(
    "command",
    [
        ["export", "minutes", "99999999999999999999"],
        ["export", "resolutions", "--meeting", "99999999999999999999", "--format", "csv"],
    ],
)
def test_a_huge_meeting_id_is_one_plain_line(demo_db: Path, tmp_path: Path, command: list[str]) -> None:
    code, said = run(*command, "--db", str(demo_db), "-o", str(tmp_path / "x"))
    assert code == 1 and "no meeting with id 99999999999999999999" in said and "OverflowError" not in said, said


def test_a_path_with_a_newline_stays_on_one_line(tmp_path: Path) -> None:
    odd = tmp_path / "council\nminutes" / "scrutui.sqlite"  # its folder does not exist
    code, said = run("meetings", "--db", str(odd))
    assert code == 1 and len(said.strip().splitlines()) == 1, said
    assert "council\\nminutes" in said


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_full_disk_during_an_export_is_one_line_and_leaves_nothing(demo_db: Path, tmp_path: Path) -> None:
    open_store(demo_db).close()
    out = tmp_path / "out"
    out.mkdir()
    target = out / "minutes.docx"
    # Files may grow to 40 KB: the database's -shm (32 KB) fits, the minutes (about 45 KB) do not.
    result = on_a_full_disk(40_000, "export", "minutes", "2", "-o", str(target), "--db", str(demo_db))
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and str(target) in result.stderr, result.stderr
    assert list(out.iterdir()) == []


def test_two_demos_at_once_both_succeed_and_load_it_once(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    for attempt in range(2):
        db = tmp_path / f"race-{attempt}.sqlite"
        open_store(db).close()
        children = [
            subprocess.Popen(
                [sys.executable, "-m", "scrutui.cli", "demo", "--db", str(db)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
            for _ in range(2)
        ]
        results = [(child.wait(60), *child.communicate()) for child in children]
        assert [code for code, _, _ in results] == [0, 0], results
        said = " ".join(out for _, out, _ in results)
        assert "written to" in said and "already" in said, results
        conn = sqlite3.connect(db)
        assert conn.execute("SELECT count(*) FROM committee").fetchone()[0] == 1
        conn.close()


def test_a_long_read_does_not_leave_the_wal_big(db_path: Path) -> None:
    from tests.conftest import add_meeting

    store = open_store(db_path)
    try:
        _, _, items = add_meeting(store)
        reader = sqlite3.connect(db_path)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM record").fetchone()  # holds its snapshot: no checkpoint can finish
        from scrutui.models import Narrative

        with store.handle.write():
            for number in range(4000):
                store.records.add(Narrative(agenda_item_id=items[0].id or 0, text=f"Note {number}: " + "x" * 4000))
        wal = Path(f"{db_path}-wal")
        grown = wal.stat().st_size
        assert grown > 10 * 2**20
        reader.rollback()
        reader.close()
        for number in range(3):  # the clerk goes on minuting
            store.records.add(Narrative(agenda_item_id=items[1].id or 0, text=f"After {number}"))
        assert wal.stat().st_size <= 4 * 2**20, f"the WAL stayed at {wal.stat().st_size / 2**20:.0f} MB"
    finally:
        store.close()


@pytest.mark.parametrize("hidden", ["\u200b", "\ufeff", "\u200b\u200b ", "\u2060", "\u202e"])
def test_a_formula_behind_invisible_characters_is_defused(hidden: str) -> None:
    cell = spreadsheet_safe(f"{hidden}=HYPERLINK(\"http://x\",\"y\")")
    assert isinstance(cell, str) and cell.startswith("'")
    assert spreadsheet_safe("Noted.") == "Noted." and spreadsheet_safe("\u200bNoted.") == "\u200bNoted."


def test_a_formula_behind_a_zero_width_space_is_defused_in_the_csv(demo_db: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(demo_db)
    conn.execute("UPDATE record SET text = ? WHERE kind = 'information_request'", ['\u200b=cmd|"/c calc"!A1'])
    conn.commit()
    conn.close()
    target = tmp_path / "r.csv"
    assert run("export", "requests", "--db", str(demo_db), "--status", "all", "-o", str(target))[0] == 0
    with target.open(encoding="utf-8-sig") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert not any(cell.lstrip("\u200b").startswith("=") for cell in cells)


async def test_bidi_overrides_in_names_never_reach_the_document_or_the_screen(db_path: Path, tmp_path: Path) -> None:
    from tests.conftest import add_meeting_to, app_on
    from tests.tui.helpers import capture, screen_text

    _, meeting, items = add_meeting_to(db_path)
    store = open_store(db_path)
    committee = store.committees.get(store.meetings.get(meeting.id or 0).committee_id)
    spoof = "Councillor \u202eeinnA\u202c Ali"
    store.committees.add_person(committee.id or 0, Person(name=spoof), Role.MEMBER)
    store.committees.add(Committee(name="Audit \u2067Committee"))
    store.close()
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_minuting(meeting.id or 0)
        await pilot.pause()
        await capture(pilot, f"q {spoof}: whether the winter plan was funded")
        shown = screen_text(pilot)
        assert "\u202e" not in shown and "\u202c" not in shown
    store = open_store(db_path)
    try:
        names = [p.person.name for p in store.committees.people(committee.id or 0)]
        assert all("\u202e" not in name for name in names) and "Councillor einnA Ali" in names
        assert all("\u2067" not in c.name for c in store.committees.all())
    finally:
        store.close()
    target = tmp_path / "minutes.docx"
    assert run("export", "minutes", str(meeting.id), "--db", str(db_path), "-o", str(target))[0] == 0
    assert "\u202e" not in every_part(target) and "\u202c" not in every_part(target)
    del items


INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u202a\u202e\u2066\u2069 \u00a0"


@given(st.lists(st.sampled_from(INVISIBLE), max_size=5).map("".join), st.sampled_from("=+-@"), st.text(max_size=20))
def test_any_formula_behind_invisible_characters_or_spaces_is_defused(hidden: str, start: str, rest: str) -> None:
    cell = spreadsheet_safe(hidden + start + rest)
    assert isinstance(cell, str) and cell.startswith("'")


BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@given(st.lists(st.one_of(st.sampled_from(BIDI), st.characters()), max_size=60).map("".join))
def test_cleaned_text_never_holds_a_direction_override(text: str) -> None:
    from scrutui.models import clean_line, clean_text

    for cleaned in (clean_text(text), clean_line(text)):
        assert not any("\u202a" <= c <= "\u202e" or "\u2066" <= c <= "\u2069" for c in cleaned)
