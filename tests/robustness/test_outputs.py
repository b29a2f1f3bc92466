"""No export, copy or backup is ever written over the database, its -wal and -shm files, or any file
scrutui has open (its log, the template in use); `-o FOLDER` writes inside the folder."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from scrutui.cli import main
from scrutui.errors import ScrutuiError
from scrutui.export.minutes_export import MinutesExport, export_minutes
from scrutui.paths import log_path
from scrutui.store import open_store


@pytest.fixture
def demo_db(db_path: Path) -> Path:
    assert CliRunner().invoke(main, ["demo", "--db", str(db_path)]).exit_code == 0
    return db_path


def intact(db_path: Path) -> int:
    """The database is whole and still scrutui's: its record count."""
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        return int(conn.execute("SELECT count(*) FROM record").fetchone()[0])
    finally:
        conn.close()


def commands_onto(target: Path, db_path: Path) -> list[list[str]]:
    db = ["--db", str(db_path)]
    return [
        ["export", "requests", *db, "-o", str(target), "--force", "--format", "docx"],
        ["export", "requests", *db, "-o", str(target), "--force", "--format", "csv"],
        ["export", "requests", *db, "-o", str(target), "--force", "--format", "json"],
        ["export", "resolutions", *db, "--meeting", "2", "-o", str(target), "--force", "--format", "csv"],
        ["export", "template", str(target), "--force"],
    ]


@pytest.mark.parametrize("which", ["", "-wal", "-shm"])
def test_no_export_goes_over_the_database_or_its_files(demo_db: Path, which: str) -> None:
    records = intact(demo_db)
    # The clerk's app has the database open, so its -wal and -shm files are there beside it.
    clerk = sqlite3.connect(demo_db)
    try:
        clerk.execute("PRAGMA journal_mode = WAL")
        clerk.execute("UPDATE meeting SET venue = venue")
        clerk.commit()
        target = Path(f"{demo_db}{which}")
        assert target.exists()
        for command in commands_onto(target, demo_db):
            result = CliRunner().invoke(main, command)
            assert result.exit_code == 1, (command, result.output)
            assert len(result.output.strip().splitlines()) == 1 and "database" in result.output, result.output
            assert not target.read_bytes().startswith((b"PK", b"\xef\xbb\xbf", b"{")), command
        assert clerk.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    finally:
        clerk.close()
    assert intact(demo_db) == records


def test_an_export_never_goes_over_the_log_it_writes(demo_db: Path) -> None:
    runner = CliRunner()
    runner.invoke(main, ["meetings", "--db", str(demo_db)])  # the log is open from here on
    log = log_path()
    log.parent.mkdir(parents=True, exist_ok=True)
    log.touch()
    result = runner.invoke(main, ["export", "requests", "--db", str(demo_db), "-o", str(log), "--force", "--format", "csv"])
    assert result.exit_code == 1 and "log" in result.output


def test_the_app_exports_refuse_the_database_it_has_open(demo_db: Path, tmp_path: Path) -> None:
    from scrutui.export.lists import export_tracker
    from scrutui.tracker.rules import Tracker

    store = open_store(demo_db)
    try:
        query = Tracker(store).query()
        for format_ in ("csv", "json", "docx"):  # what the tracker screen's export (e) runs
            with pytest.raises(ScrutuiError, match="database"):
                export_tracker(store, query, demo_db, format_=format_, force=True)
        # A database named like a Word file is safe from the minutes export too.
        named = tmp_path / "minutes.docx"
        named.write_bytes(demo_db.read_bytes())
        other = open_store(named)
        try:
            with pytest.raises(ScrutuiError, match="database"):
                export_minutes(other, MinutesExport(meeting_id=2, output=named, force=True))
        finally:
            other.close()
        assert intact(named) == 44
    finally:
        store.close()
    assert intact(demo_db) == 44


@pytest.mark.parametrize(
    ("command", "made"),
    [
        (["export", "requests", "--format", "csv"], "information-requests-*.csv"),
        (["export", "requests", "--format", "json"], "information-requests-*.json"),
        (["export", "resolutions", "--meeting", "2", "--format", "csv"], "resolutions-meeting-2.csv"),
        (["export", "minutes", "2"], "*-minutes-2026-11-10.docx"),
        (["export", "template"], "minutes-template.docx"),
        (["backup"], "scrutui-*.sqlite"),
    ],
)
def test_output_to_a_folder_writes_inside_it(demo_db: Path, tmp_path: Path, command: list[str], made: str) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    template = command[:2] == ["export", "template"]  # takes FILE as its argument, and no database
    where = [str(folder)] if template else ["--db", str(demo_db), "-o", str(folder)]
    result = CliRunner().invoke(main, [*command, *where])
    assert result.exit_code == 0, result.output
    assert len(list(folder.glob(made))) == 1, (list(folder.iterdir()), result.output)
    assert not list(tmp_path.glob("exports.*"))  # never "exports.csv" beside the folder
