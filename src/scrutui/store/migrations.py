"""The schema as numbered SQL files in ``db/migrations``, applied when a database is opened.

``PRAGMA user_version`` holds the number of the last migration applied. Before any migration runs
on a database that already holds data, a copy is taken beside it with SQLite's backup API.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from scrutui.errors import DatabaseError
from scrutui.resources import migrations_dir
from scrutui.store.connection import APPLICATION_ID

if TYPE_CHECKING:
    import sqlite_utils

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    """One numbered schema change."""

    version: int
    name: str
    sql: str


def available_migrations(folder: Path | None = None) -> list[Migration]:
    """Every migration shipped with this scrutui, in order."""
    return list(_read_migrations(folder or migrations_dir()))


@lru_cache(maxsize=4)
def _read_migrations(folder: Path) -> tuple[Migration, ...]:
    """The migrations in `folder`, read once per process (every open asks for them twice)."""
    found = []
    for path in sorted(folder.iterdir()):
        match = _NAME.match(path.name)
        if match:
            found.append(Migration(int(match[1]), path.stem, path.read_text(encoding="utf-8")))
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations in {folder} are not numbered 1..n: {versions}")
    return tuple(found)


def latest_version() -> int:
    """The schema version this scrutui writes."""
    return len(available_migrations())


def split_statements(sql: str) -> list[str]:
    """Split a script into statements (so they can run inside one explicit transaction)."""
    statements, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(
        part.strip().startswith("--") or not part.strip() for part in buffer.splitlines()
    ):
        raise ValueError(f"incomplete SQL statement at the end of a migration: {buffer[:80]!r}")
    return statements


def backup_path_for(db_path: Path, version: int) -> Path:
    """Where the copy taken before migrating from `version` goes."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return db_path.with_name(f"{db_path.stem}.before-v{version}-{stamp}{db_path.suffix or '.sqlite'}")


def backup_before_migrating(db: sqlite_utils.Database, db_path: Path, version: int) -> Path:
    """Copy the database (online, consistent) before its schema is changed."""
    target = backup_path_for(db_path, version)
    destination = sqlite3.connect(str(target))
    try:
        db.conn.backup(destination)
    finally:
        destination.close()
    target.chmod(0o600)
    return target


def migrate(db: sqlite_utils.Database, db_path: Path) -> Path | None:
    """Bring the schema up to date. Returns the path of the backup taken, if one was needed."""
    migrations = available_migrations()
    latest = migrations[-1].version
    current = int(db.execute("PRAGMA user_version").fetchone()[0])
    if current > latest:
        raise DatabaseError(
            f"{db_path} was made by a newer scrutui (schema version {current}; this scrutui knows "
            f"up to {latest}). Upgrade scrutui to open it; the file has not been changed."
        )
    if current == latest:
        return None
    from scrutui.store.upgrades import UPGRADES

    backup = backup_before_migrating(db, db_path, current) if current > 0 else None
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have migrated while this one waited for the write lock.
        current = int(conn.execute("PRAGMA user_version").fetchone()[0])
        for migration in migrations:
            if migration.version <= current:
                continue
            for statement in split_statements(migration.sql):
                conn.execute(statement)
            if migration.version in UPGRADES:
                UPGRADES[migration.version](conn)
            conn.execute(f"PRAGMA user_version = {migration.version}")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return backup
