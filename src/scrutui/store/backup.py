"""Online backups: a consistent copy taken with SQLite's backup API while the app may be writing,
checked with ``PRAGMA quick_check`` before it is trusted.

A copy is written to a hidden, owner-only file whose name ends ``.partial`` and says which process
is writing it (``.scrutui-20261123-1830-000.sqlite.4242.partial``), and renamed to its real name
only once checked: a copy cut short (a crash, a full disk) is never mistaken for a backup, never
counted among the five kept, and removed the next time scrutui runs.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import sys
from datetime import datetime
from pathlib import Path

from scrutui.errors import DatabaseError
from scrutui.paths import DATABASE_COMPANIONS, in_use_by_scrutui
from scrutui.store.connection import BUSY_TIMEOUT_MS, create_private_file, describe_sqlite_error, read_header

#: How many automatic backups (taken when a meeting is closed) are kept for each database.
KEEP_AUTOMATIC = 5
#: A copy being written: a hidden name, the process writing it, and this ending.
PARTIAL = ".partial"
_PARTIAL_NAME = re.compile(r"^\..+\.(\d+)\.(partial|creating)(-journal|-wal|-shm)?$")


def backups_folder(db_path: Path) -> Path:
    """Where automatic backups of a database go: a `backups` folder beside it."""
    return db_path.parent / "backups"


def default_backup_path(db_path: Path, when: datetime | None = None) -> Path:
    """A dated name for a backup of `db_path` in its backups folder."""
    moment = when or datetime.now()
    stamp = f"{moment:%Y%m%d-%H%M%S}-{moment.microsecond // 1000:03d}"
    return backups_folder(db_path) / f"{db_path.stem}-{stamp}.sqlite"


def partial_path(target: Path) -> Path:
    """The hidden, owner-only name a copy to `target` is written under until it is whole."""
    return target.with_name(f".{target.name}.{os.getpid()}{PARTIAL}")


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        # No safe way to ask here; a copy still being written is open, and Windows refuses to
        # delete an open file, so trying is harmless.
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process
    return True


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove copies cut short by a process that has since ended (``.NAME.PID.partial`` and the
    ``.creating`` file of a new database, each an SQLite file or empty) and their journals.
    Returns what was removed."""
    removed: list[Path] = []
    try:
        entries = sorted(folder.iterdir(), key=lambda p: len(p.name))  # each copy before its journal
    except OSError:
        return removed
    for entry in entries:
        match = _PARTIAL_NAME.match(entry.name)
        if match is None or _process_alive(int(match[1])):
            continue
        if match[3]:  # a journal: only once its copy is gone
            if (folder / entry.name[: -len(match[3])]).exists():
                continue
        elif not _empty_or_sqlite(entry):
            continue  # not one of ours
        with contextlib.suppress(OSError):
            entry.unlink()
            removed.append(entry)
    return removed


def _empty_or_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            start = handle.read(16)
    except OSError:
        return False
    return start in (b"", b"SQLite format 3\x00") or not start.strip(b"\x00")  # page 1 not yet written


def copy_database(source_path: Path, target: Path, *, what: str = "backup") -> Path:
    """Copy the database at `source_path` to `target` (consistent, online), check the copy, and
    rename it into place. `target` is then a whole, checked copy, or is absent; nothing is left
    under any other name. `what` names the copy in messages ("backup")."""
    temporary = partial_path(target)
    try:
        create_private_file(temporary)  # owner-only from its first byte
        source = sqlite3.connect(
            f"{source_path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
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
            raise DatabaseError(f"The {what} of {source_path} failed its check ({result}); nothing was kept.")
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
    except sqlite3.DatabaseError as error:
        text = str(error).lower()
        if "full" in text or "disk i/o" in text or "unable to open" in text:
            # Only the copy is written: the problem is where the copy goes, not the database.
            raise DatabaseError(
                f"Cannot write the {what} {target}: {error} (check the disk has room); nothing was kept."
            ) from error
        raise DatabaseError(describe_sqlite_error(source_path, error)) from error
    except OSError as error:
        raise DatabaseError(
            f"Cannot write the {what} {target}: {error.strerror or error}; nothing was kept."
        ) from error
    finally:
        for leftover in (temporary, *(Path(f"{temporary}{c}") for c in DATABASE_COMPANIONS)):
            with contextlib.suppress(OSError):
                leftover.unlink()
    return target


def backup_database(db_path: Path, target: Path, *, force: bool = False) -> Path:
    """Copy the database at `db_path` to `target` (online, consistent), check it, and return `target`.

    The copy is written under a hidden ``.partial`` name and renamed once checked, so `target` is
    always a whole, checked database or absent.
    """
    read_header(db_path)  # a damaged or foreign file is refused before anything is copied
    if not db_path.exists():
        raise DatabaseError(f"There is no database at {db_path} to back up.")
    target = Path(target).expanduser()
    for own in ("", *DATABASE_COMPANIONS):
        if _same_file(target, Path(f"{db_path}{own}")):
            raise DatabaseError("The backup must go to another file than the database itself.")
    what = in_use_by_scrutui(target)
    if what:
        raise DatabaseError(f"Cannot write the backup to {target}: it is {what}; choose another file.")
    if target.exists() and not force:
        raise DatabaseError(f"{target} already exists; use --force to replace it.")
    if not target.parent.is_dir():
        raise DatabaseError(f"Cannot write {target}: the folder {target.parent} does not exist.")
    remove_leftovers(target.parent)
    return copy_database(db_path, target)


def _same_file(one: Path, other: Path) -> bool:
    try:
        if one.exists() and other.exists():
            return os.path.samefile(one, other)
        return os.path.normcase(one.resolve()) == os.path.normcase(other.resolve())
    except OSError:
        return False


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
