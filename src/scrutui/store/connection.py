"""Opening an SQLite database the way scrutui needs it: checked first, then WAL, FULL sync, foreign
keys and a busy timeout on every connection."""

from __future__ import annotations

import os
import sqlite3
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from scrutui.errors import DatabaseError

if TYPE_CHECKING:
    import sqlite_utils

#: Written into the SQLite header (PRAGMA application_id) so a scrutui database is recognisable.
APPLICATION_ID = 0x53435254  # "SCRT"
BUSY_TIMEOUT_MS = 10_000
#: The WAL is cut back to this size whenever it starts again after a checkpoint: a long read can
#: make it grow meanwhile, but not stay that size.
JOURNAL_SIZE_LIMIT = 4 * 2**20
_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileHeader:
    """What the first 100 bytes of a database file say, read without letting SQLite touch it."""

    exists: bool
    user_version: int = 0
    application_id: int = 0


def read_header(path: Path) -> FileHeader:
    """Check that `path` is absent or a whole SQLite file, without changing it."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return FileHeader(exists=False)
    except OSError as error:
        raise DatabaseError(f"Cannot read {path}: {error.strerror or error}.") from error
    if size == 0:
        raise DatabaseError(
            f"{path} is empty (0 bytes), so it is not a scrutui database: perhaps a copy that did not "
            "finish. Restore it from a backup, or delete it to start a new database."
        )
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise DatabaseError(f"Cannot read {path}: {error.strerror or error}.") from error
    if len(header) < 100 or not header.startswith(_MAGIC):
        raise DatabaseError(f"{path} is not a scrutui database (it is not an SQLite file).")
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    valid_for = struct.unpack(">I", header[92:96])[0]
    # While another program has the database open its WAL is being checkpointed, and the file can be
    # shorter than its header for a moment; the check is only sure when no WAL is in use.
    wal = Path(f"{path}-wal")
    wal_in_use = wal.exists() and wal.stat().st_size > 0
    if not wal_in_use and valid_for == change_counter and page_count and size < page_size * page_count:
        raise DatabaseError(
            f"{path} is damaged: the file is shorter than its header says "
            f"({size:,} of {page_size * page_count:,} bytes). Restore it from a backup."
        )
    user_version, application_id = struct.unpack(">iI", header[60:64] + header[68:72])
    return FileHeader(exists=True, user_version=user_version, application_id=application_id)


def create_private_file(path: Path) -> None:
    """Create an empty file readable and writable by its owner only."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def connect(path: Path, *, read_only: bool = False) -> sqlite_utils.Database:
    """Open `path` with scrutui's pragmas. The file must already exist."""
    try:
        if read_only:
            conn = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
            )
        else:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute(f"PRAGMA journal_size_limit = {JOURNAL_SIZE_LIMIT}")
        if not read_only:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise DatabaseError(f"{path} could not be switched to WAL mode (it is in {mode}).")
    except sqlite3.DatabaseError as error:
        raise DatabaseError(describe_sqlite_error(path, error)) from error
    import sqlite_utils  # here, not at the top: the app's first screen is read without it

    # Recursive triggers stay off (sqlite-utils turns them on by default): with them on, an INSERT
    # OR REPLACE would also fire the search index's delete triggers (db/migrations/0010_search.sql).
    return sqlite_utils.Database(conn, execute_plugins=False, recursive_triggers=False)


def describe_sqlite_error(path: Path | None, error: sqlite3.Error) -> str:
    """One line, in plain words, for an SQLite error."""
    text = str(error).lower()
    where = f"{path}" if path else "the database"
    if "locked" in text or "busy" in text:
        return f"{where} is busy: another program is writing to it. Try again in a moment."
    if "readonly" in text or "read-only" in text:
        return f"{where} cannot be written to (it or its folder is read-only)."
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return f"{where} is damaged ({error}). Restore it from a backup."
    if "unable to open" in text:
        return f"Cannot open {where}: check that the folder exists and you may write to it."
    if "disk i/o" in text or "full" in text:
        return f"Cannot write to {where}: {error}. Check the disk."
    return f"Database problem with {where}: {error}."
