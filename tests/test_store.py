"""The store: migrations, backups, refusals, permissions and transactions."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from scrutui.errors import DatabaseError
from scrutui.resources import migrations_dir
from scrutui.store import open_store
from scrutui.store.migrations import latest_version, migrate, split_statements


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_empty_database_is_migrated_with_pragmas(db_path: Path) -> None:
    store = open_store(db_path)
    conn = store.handle.db.conn
    assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert store.migration_backup is None  # nothing to back up in a new database
    assert store.is_empty()
    store.close()


def test_reopening_is_idempotent(db_path: Path) -> None:
    open_store(db_path).close()
    before = {r[0] for r in sqlite3.connect(db_path).execute("SELECT sql FROM sqlite_master")}
    store = open_store(db_path)
    assert store.migration_backup is None
    store.close()
    after = {r[0] for r in sqlite3.connect(db_path).execute("SELECT sql FROM sqlite_master")}
    assert before == after


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_database_file_is_private(db_path: Path) -> None:
    open_store(db_path).close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_newer_database_is_refused_untouched(db_path: Path) -> None:
    open_store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 5}")
    conn.commit()
    conn.close()
    before = digest(db_path)
    with pytest.raises(DatabaseError, match="newer scrutui"):
        open_store(db_path)
    assert digest(db_path) == before


def test_backup_is_taken_before_a_migration(db_path: Path, tmp_path: Path) -> None:
    store = open_store(db_path)
    store.handle.db.execute("INSERT INTO person (name) VALUES ('Kept before upgrade')")
    folder = tmp_path / "migrations"
    shutil.copytree(migrations_dir(), folder)
    (folder / f"{latest_version() + 1:04d}_add_note.sql").write_text("ALTER TABLE person ADD COLUMN note TEXT;")
    from scrutui.store import migrations

    original = migrations.migrations_dir
    migrations.migrations_dir = lambda: folder  # type: ignore[assignment]
    try:
        backup = migrate(store.handle.db, db_path)
    finally:
        migrations.migrations_dir = original  # type: ignore[assignment]
    assert backup is not None and backup.exists()
    copy = sqlite3.connect(backup)
    assert copy.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    assert copy.execute("SELECT name FROM person").fetchall() == [("Kept before upgrade",)]
    assert store.handle.db.conn.execute("PRAGMA user_version").fetchone()[0] == latest_version() + 1
    store.close()


def test_failed_migration_rolls_back(db_path: Path, tmp_path: Path) -> None:
    store = open_store(db_path)
    folder = tmp_path / "migrations"
    shutil.copytree(migrations_dir(), folder)
    (folder / f"{latest_version() + 1:04d}_broken.sql").write_text(
        "CREATE TABLE half_done (x);\nTHIS IS NOT SQL;"
    )
    from scrutui.store import migrations

    original = migrations.migrations_dir
    migrations.migrations_dir = lambda: folder  # type: ignore[assignment]
    try:
        with pytest.raises(sqlite3.OperationalError):
            migrate(store.handle.db, db_path)
    finally:
        migrations.migrations_dir = original  # type: ignore[assignment]
    conn = store.handle.db.conn
    assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'half_done'").fetchall()
    store.close()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"this is not a database at all, just some words" * 10, "not a scrutui database"),
        (os.urandom(4096), "not a scrutui database"),
    ],
)
def test_foreign_files_are_refused_untouched(db_path: Path, content: bytes, message: str) -> None:
    db_path.write_bytes(content)
    before = digest(db_path)
    with pytest.raises(DatabaseError, match=message):
        open_store(db_path)
    assert digest(db_path) == before


def test_truncated_database_is_refused_untouched(db_path: Path) -> None:
    store = open_store(db_path)
    store.handle.db.execute("INSERT INTO person (name) VALUES ('x')")
    store.close()
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 2])
    before = digest(db_path)
    with pytest.raises(DatabaseError, match="damaged"):
        open_store(db_path)
    assert digest(db_path) == before


def test_another_programs_sqlite_is_refused_untouched(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE accounts (id, balance)")
    conn.commit()
    conn.close()
    before = digest(db_path)
    with pytest.raises(DatabaseError, match="another program"):
        open_store(db_path)
    assert digest(db_path) == before


def test_missing_folder_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="does not exist"):
        open_store(tmp_path / "no" / "such" / "folder" / "db.sqlite")


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root ignores permission bits")
def test_unwritable_folder_is_one_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(DatabaseError, match="Cannot"):
            open_store(folder / "db.sqlite")
    finally:
        folder.chmod(0o700)


def test_split_statements_keeps_triggers_whole() -> None:
    sql = "CREATE TABLE a (x);\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\n-- end\n"
    assert len(split_statements(sql)) == 2


def test_nested_writes_are_all_or_nothing(db_path: Path) -> None:
    store = open_store(db_path)
    with pytest.raises(RuntimeError), store.handle.write() as conn:
        conn.execute("INSERT INTO person (name) VALUES ('outer')")
        with store.handle.write() as inner:
            inner.execute("INSERT INTO person (name) VALUES ('inner')")
        raise RuntimeError("stop")
    assert store.handle.rows("SELECT * FROM person") == []
    store.close()
