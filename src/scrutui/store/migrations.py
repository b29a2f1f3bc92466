"""The schema as numbered SQL files in ``db/migrations``, applied when a database is opened.

``PRAGMA user_version`` holds the number of the last migration applied. Before the migrations of a
database that already holds data are committed, a copy of it as it was is taken beside it with
SQLite's backup API.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable
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
_SUMMARY = re.compile(r"^--[^:\n]*version \d+: ([^\n]+)")

#: An upgrade of a database holding at least this many records reports its progress (building the
#: search index takes about a second for this many).
LARGE_DATABASE = 50_000


@dataclass(frozen=True)
class UpgradeProgress:
    """How an upgrade of a large database is going."""

    #: "Upgrading scrutui.sqlite (2,250,000 records) for this scrutui"
    heading: str
    #: What it is doing now: "keeping a copy first", "version 4, full-text search ..."
    step: str
    seconds: float
    done: bool = False

    def line(self) -> str:
        """The state as one line."""
        if self.done:
            return f"{self.heading}: done in {self.seconds:.0f} s."
        return f"{self.heading}: {self.step} … {self.seconds:.0f} s"


#: Told how an upgrade is going, when it starts a step and about once a second.
Progress = Callable[[UpgradeProgress], None]


@dataclass(frozen=True)
class Migration:
    """One numbered schema change."""

    version: int
    name: str
    sql: str

    @property
    def summary(self) -> str:
        """What it does, from its first line ("-- scrutui schema, version 4: full-text search ...")."""
        match = _SUMMARY.match(self.sql)
        return match[1].rstrip(".") if match else self.name


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
    target = db_path.with_name(f"{db_path.stem}.before-v{version}-{stamp}{db_path.suffix or '.sqlite'}")
    number = 1
    while target.exists():  # two upgrades within a second (a copy is never replaced)
        number += 1
        target = target.with_name(f"{db_path.stem}.before-v{version}-{stamp}-{number}{db_path.suffix or '.sqlite'}")
    return target


def backup_before_migrating(db_path: Path, version: int) -> Path:
    """Copy the database as it stands (committed) before its schema is changed: written under a
    hidden ``.partial`` name, checked, then renamed, so a copy cut short is never mistaken for one."""
    from scrutui.store.backup import copy_database

    try:
        return copy_database(db_path, backup_path_for(db_path, version), what="copy taken before upgrading")
    except DatabaseError as error:
        raise DatabaseError(f"{error} {db_path} was not upgraded and is unchanged.") from error


def migrate(db: sqlite_utils.Database, db_path: Path, progress: Progress | None = None) -> Path | None:
    """Bring the schema up to date. Returns the path of the backup taken, if one was needed.

    Given `progress`, an upgrade of a large database reports what it is doing about once a second.

    The migrations are applied inside one write transaction; only when every one of them has
    succeeded is the copy taken (from another connection, which still sees the database as it was),
    and then the transaction is committed. A schema a migration refuses is rolled back and leaves
    no copy behind.
    """
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

    report = _reporter(db, db_path, current, progress)
    backup = None
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have migrated while this one waited for the write lock.
        current = int(conn.execute("PRAGMA user_version").fetchone()[0])
        for migration in migrations:
            if migration.version <= current:
                continue
            report(f"version {migration.version}, {migration.summary}")
            for statement in split_statements(migration.sql):
                conn.execute(statement)
            if migration.version in UPGRADES:
                UPGRADES[migration.version](conn)
            conn.execute(f"PRAGMA user_version = {migration.version}")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        if 0 < current < latest:
            report("keeping a copy of the database as it was")
            backup = backup_before_migrating(db_path, current)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if backup is not None:  # taken, but the upgrade did not happen: the database is as copied
            backup.unlink(missing_ok=True)
        raise
    finally:
        conn.set_progress_handler(None, 0)
    report("", done=True)
    return backup


class _Reporter:
    """Says what an upgrade is doing, with the seconds it has taken, about once a second."""

    def __init__(self, conn: sqlite3.Connection, heading: str, progress: Progress) -> None:
        self.heading = heading
        self.progress = progress
        self.started = self.last = time.monotonic()
        self.step = ""
        # SQLite calls this every so many instructions of a long statement (the index build).
        conn.set_progress_handler(self._tick, 200_000)

    def __call__(self, step: str, *, done: bool = False) -> None:
        self.step = step or self.step
        self.progress(UpgradeProgress(self.heading, self.step, time.monotonic() - self.started, done))

    def _tick(self) -> int:
        if time.monotonic() - self.last >= 1:
            self.last = time.monotonic()
            self(self.step)
        return 0  # carry on


def _reporter(
    db: sqlite_utils.Database, db_path: Path, current: int, progress: Progress | None
) -> Callable[..., None]:
    """What reports the upgrade's progress: nothing unless asked and the database is large."""
    if progress is None or current == 0:
        return lambda *_args, **_kwargs: None
    records = int(db.execute("SELECT count(*) FROM record").fetchone()[0])
    if records < LARGE_DATABASE:
        return lambda *_args, **_kwargs: None
    heading = f"Upgrading {db_path.name} ({records:,} records) for this scrutui"
    return _Reporter(db.conn, heading, progress)
