"""Copies cut short (by a full disk, a refused upgrade, a crash) are owner-only, named so they cannot
be mistaken for whole ones, never counted as backups, and removed the next time scrutui runs; a
schema an upgrade refuses takes no copy. (Kills during a backup and an upgrade: test_crash.py.)"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from scrutui.errors import DatabaseError
from scrutui.store import open_store
from scrutui.store.backup import KEEP_AUTOMATIC, automatic_backup, backups_folder

FIXTURES = Path(__file__).parents[1] / "fixtures"
ROOT = Path(__file__).parents[2]


def released(tmp_path: Path, *, padding_mb: int = 0) -> Path:
    """A database as the first release made it (schema version 1), optionally made bigger."""
    path = tmp_path / "council" / "council.sqlite"
    path.parent.mkdir()
    shutil.copyfile(FIXTURES / "schema-v1.sqlite", path)
    if padding_mb:
        conn = sqlite3.connect(path)
        conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)"
            " INSERT INTO revision (record_id, at, action, before)"
            " SELECT 1, '2026-01-01T00:00:00', 'edit', hex(randomblob(2000)) FROM n",
            [padding_mb * 250],
        )
        conn.commit()
        conn.close()
    return path


def user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p != path and not p.name.startswith(f"{path.name}-"))


def test_a_schema_the_upgrade_refuses_takes_no_copy(tmp_path: Path) -> None:
    path = released(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE action_log (note TEXT)")  # made by hand: the upgrade to version 3 fails
    conn.commit()
    conn.close()
    for _ in range(3):
        with pytest.raises(DatabaseError):
            open_store(path)
    assert beside(path) == []  # no copy, nothing half-written
    assert user_version(path) == 1


def dead_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_copies_cut_short_are_never_backups_and_go_on_the_next_run(db_path: Path) -> None:
    open_store(db_path).close()
    folder = backups_folder(db_path)
    folder.mkdir()
    pid = dead_pid()
    cut_short = [
        folder / f".scrutui-20261110-203000-000.sqlite.{pid}.partial",
        folder / f".scrutui-20261110-203000-000.sqlite.{pid}.partial-journal",
        db_path.parent / f".scrutui.before-v1-20261110-203000.sqlite.{pid}.partial",
    ]
    for leftover in cut_short:
        leftover.write_bytes(b"" if "journal" in leftover.name else b"SQLite format 3\x00" + b"\x00" * 84)
    theirs = db_path.parent / f".notes.{pid}.partial"  # another program's file of the same shape
    theirs.write_text("keep me")
    made = [automatic_backup(db_path) for _ in range(KEEP_AUTOMATIC + 2)]
    kept = sorted(folder.iterdir())
    assert kept == sorted(made[-KEEP_AUTOMATIC:])  # the five newest, whole; nothing cut short
    open_store(db_path).close()
    assert not any(p.exists() for p in cut_short)
    assert theirs.read_text() == "keep me"


FULL_DISK = """
import resource, signal, sys
from pathlib import Path
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails as on a full disk
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), int(sys.argv[1])))
from scrutui.cli import main
sys.argv = ["scrutui", *sys.argv[2:]]
main()
"""


def on_a_full_disk(limit: int, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the scrutui command with files limited to `limit` bytes (writing more fails: a full disk)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(limit), *args], capture_output=True, text=True, env=env, timeout=60
    )


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_an_upgrade_on_a_full_disk_leaves_no_copy_and_the_database_as_it_was(tmp_path: Path) -> None:
    path = released(tmp_path, padding_mb=2)
    result = on_a_full_disk(1_000_000, "meetings", "--db", str(path))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "copy taken before upgrading" in lines[0] and "unchanged" in lines[0], result.stderr
    assert beside(path) == []
    assert user_version(path) == 1


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_backup_on_a_full_disk_names_the_backup_and_leaves_nothing(tmp_path: Path) -> None:
    path = released(tmp_path, padding_mb=2)
    open_store(path).close()
    target = tmp_path / "usb" / "copy.sqlite"
    target.parent.mkdir()
    result = on_a_full_disk(1_000_000, "backup", "--db", str(path), "-o", str(target))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(target) in lines[0] and "Traceback" not in result.stderr, result.stderr
    assert f"{path} " not in lines[0] and not lines[0].endswith(f"{path}.")  # the backup, not the database
    assert list(target.parent.iterdir()) == []
