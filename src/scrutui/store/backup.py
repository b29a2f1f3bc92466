"""Online backups: a consistent copy taken with SQLite's backup API while the app may be writing,
checked with ``PRAGMA quick_check`` before it is trusted."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from scrutui.errors import DatabaseError
from scrutui.store.connection import BUSY_TIMEOUT_MS, describe_sqlite_error, read_header

#: How many automatic backups (taken when a meeting is closed) are kept for each database.
KEEP_AUTOMATIC = 5


def backups_folder(db_path: Path) -> Path:
    """Where automatic backups of a database go: a `backups` folder beside it."""
    return db_path.parent / "backups"


def default_backup_path(db_path: Path, when: datetime | None = None) -> Path:
    """A dated name for a backup of `db_path` in its backups folder."""
    moment = when or datetime.now()
    stamp = f"{moment:%Y%m%d-%H%M%S}-{moment.microsecond // 1000:03d}"
    return backups_folder(db_path) / f"{db_path.stem}-{stamp}.sqlite"


def backup_database(db_path: Path, target: Path, *, force: bool = False) -> Path:
    """Copy the database at `db_path` to `target` (online, consistent), check it, and return `target`.

    The copy is written under a temporary name and renamed once checked, so `target` is always a
    whole, checked database or absent.
    """
    read_header(db_path)  # a damaged or foreign file is refused before anything is copied
    if not db_path.exists():
        raise DatabaseError(f"There is no database at {db_path} to back up.")
    target = Path(target).expanduser()
    if target.resolve() == db_path.resolve():
        raise DatabaseError("The backup must go to another file than the database itself.")
    if target.exists() and not force:
        raise DatabaseError(f"{target} already exists; use --force to replace it.")
    if not target.parent.is_dir():
        raise DatabaseError(f"Cannot write {target}: the folder {target.parent} does not exist.")
    temporary = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        source = sqlite3.connect(
            f"{db_path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
        )
        try:
            destination = sqlite3.connect(str(temporary))
            try:
                source.backup(destination)
                result = destination.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                destination.close()
        finally:
            source.close()
        if result != "ok":
            raise DatabaseError(f"The backup of {db_path} failed its check ({result}); nothing was kept.")
        temporary.chmod(0o600)
        os.replace(temporary, target)
    except sqlite3.DatabaseError as error:
        raise DatabaseError(describe_sqlite_error(db_path, error)) from error
    except OSError as error:
        raise DatabaseError(f"Cannot write {target}: {error.strerror or error}.") from error
    finally:
        for leftover in (temporary, Path(f"{temporary}-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
    return target


def automatic_backup(db_path: Path, keep: int = KEEP_AUTOMATIC) -> Path:
    """Take a dated backup into the backups folder and keep only the newest `keep` of them."""
    folder = backups_folder(db_path)
    folder.mkdir(exist_ok=True)
    target = default_backup_path(db_path)
    suffix = 1
    while target.exists():  # two backups within one second
        suffix += 1
        target = target.with_name(f"{default_backup_path(db_path).stem}-{suffix}.sqlite")
    made = backup_database(db_path, target)
    older = sorted(
        folder.glob(f"{db_path.stem}-*.sqlite"), key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True
    )
    for old in older[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()
    return made
