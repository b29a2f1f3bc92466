"""The SQLite store: opening (with checks and migrations) and the repositories."""

from __future__ import annotations

import functools
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrutui.errors import DatabaseError
from scrutui.paths import mark_in_use
from scrutui.store.backup import backups_folder, remove_leftovers
from scrutui.store.connection import (
    APPLICATION_ID,
    FileHeader,
    connect,
    create_private_file,
    describe_sqlite_error,
    read_header,
)
from scrutui.store.migrations import Progress, latest_version, migrate
from scrutui.store.shares import network_share

if TYPE_CHECKING:
    from scrutui.store.base import Handle
    from scrutui.store.meetings import MeetingSummary
    from scrutui.store.search import SearchRepository

__all__ = ["MeetingSummary", "Store", "check_database", "is_ready", "missing_database", "open_store"]


def __getattr__(name: str) -> Any:
    # The repositories (and through them pydantic and sqlite-utils) are imported when a store is
    # opened, not when this package is: the app's first screen is read before that.
    if name == "MeetingSummary":
        from scrutui.store.meetings import MeetingSummary

        return MeetingSummary
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Store:
    """One open scrutui database and its repositories. Use from one thread only."""

    def __init__(
        self,
        handle: Handle,
        *,
        backup: Path | None = None,
        allow_network_share: bool = False,
        created: bool = False,
    ) -> None:
        from scrutui.store.agenda_import import AgendaImportRepository
        from scrutui.store.attendance import AttendanceRepository
        from scrutui.store.committees import CommitteeRepository
        from scrutui.store.meetings import AgendaRepository, MeetingRepository
        from scrutui.store.notices import NoticeRepository
        from scrutui.store.people import PeopleDirectory
        from scrutui.store.records import RecordRepository
        from scrutui.store.signoff import SignoffRepository
        from scrutui.store.tracker import TrackerRepository

        self.handle = handle
        self.path = handle.path
        self.read_only = handle.read_only
        self.allow_network_share = allow_network_share
        #: The copy taken before this open migrated the schema, if it did.
        self.migration_backup = backup
        #: True when this open made the database (it did not exist before).
        self.created = created
        self.committees = CommitteeRepository(handle)
        self.meetings = MeetingRepository(handle)
        self.agenda = AgendaRepository(handle)
        self.records = RecordRepository(handle)
        self.people = PeopleDirectory(handle)
        self.tracker = TrackerRepository(handle)
        self.attendance = AttendanceRepository(handle)
        self.imports = AgendaImportRepository(handle)
        self.notices = NoticeRepository(handle)
        self.signoff = SignoffRepository(
            handle,
            meetings=self.meetings,
            committees=self.committees,
            agenda=self.agenda,
            records=self.records,
            attendance=self.attendance,
            people=self.people,
            tracker=self.tracker,
        )

    @functools.cached_property
    def search(self) -> SearchRepository:
        """Searching every meeting (imported when first used: start-up does not need it)."""
        from scrutui.store.search import SearchRepository

        return SearchRepository(self.handle)

    def is_empty(self) -> bool:
        """True when the database holds no committee yet (the welcome screen shows)."""
        return self.committees.count() == 0

    def close(self) -> None:
        """Close the connection."""
        self.handle.db.close()

    def reopen(self) -> Store:
        """A new Store on the same file (for a worker thread, which needs its own connection)."""
        return open_store(self.path, read_only=self.read_only, allow_network_share=self.allow_network_share)


def missing_database(path: Path) -> DatabaseError:
    """The error for a command that only reads, given a database that does not exist."""
    return DatabaseError(
        f"No scrutui database at {path} (check --db or SCRUTUI_DB; scrutui or scrutui demo makes a new one)."
    )


def open_store(
    path: Path,
    *,
    read_only: bool = False,
    create_folder: bool = False,
    create: bool = True,
    allow_network_share: bool = False,
    progress: Progress | None = None,
) -> Store:
    """Open the scrutui database at `path` and bring its schema up to date (an upgrade of a large
    database tells `progress` how it is going); with `create` (not for commands that only read),
    make it first if it does not exist.

    Anything wrong with the file raises DatabaseError with one plain line, and the file is left
    exactly as it was. A database on a network share is refused (see shares.py), unless
    `allow_network_share` and `read_only`: one person reading it alone.
    """
    path = Path(path)
    refuse_network_share(path, read_only=read_only, allowed=allow_network_share)
    if not create and not path.exists():
        raise missing_database(path)
    header = check_database(path, read_only=read_only, create_folder=create_folder)
    folder = path.parent if str(path.parent) else Path(".")
    latest = latest_version()
    if not read_only and not header.exists:
        create_database(path)
    if header.exists and header.user_version == 0:
        _refuse_foreign(path)
    if not read_only:
        # Copies cut short by a crash or a full disk (never mistaken for backups) go now.
        remove_leftovers(folder)
        remove_leftovers(backups_folder(path))
    mark_in_use(path, "the database scrutui has open", database=True)
    db = connect(path, read_only=read_only)
    try:
        if read_only:
            if header.user_version < latest:
                raise DatabaseError(
                    f"{path} needs upgrading to this scrutui's schema; open it once without --read-only."
                )
            backup = None
        else:
            backup = migrate(db, path, progress)
    except sqlite3.DatabaseError as error:
        db.close()
        raise DatabaseError(describe_sqlite_error(path, error)) from error
    except BaseException:
        db.close()
        raise
    from scrutui.store.base import Handle

    return Store(
        Handle(db, path, read_only=read_only),
        backup=backup,
        allow_network_share=allow_network_share,
        created=not header.exists,
    )


def check_database(path: Path, *, read_only: bool = False, create_folder: bool = False) -> FileHeader:
    """Everything that can be checked about the database at `path` without opening it (its folder,
    its header, its schema version, whether it may be written); DatabaseError with one plain line
    if it will not do. Returns what its header says."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        if create_folder and not read_only:
            folder.mkdir(parents=True, exist_ok=True)
        else:
            raise DatabaseError(f"Cannot open {path}: the folder {folder} does not exist.")
    header = read_header(path)
    if read_only and not header.exists:
        raise missing_database(path)
    latest = latest_version()
    if header.user_version > latest:
        raise DatabaseError(
            f"{path} was made by a newer scrutui (schema version {header.user_version}; this scrutui "
            f"knows up to {latest}). Upgrade scrutui to open it; the file has not been changed."
        )
    if header.exists and header.application_id not in (0, APPLICATION_ID):
        raise DatabaseError(f"{path} is an SQLite database of another program, not scrutui's.")
    if not read_only:
        if not os.access(folder, os.W_OK):
            raise DatabaseError(
                f"Cannot write in {folder}: SQLite needs to keep its journal beside {path.name}."
            )
        if header.exists and not os.access(path, os.W_OK):
            raise DatabaseError(f"{path} is read-only; use --read-only to browse it.")
    return header


def is_ready(header: FileHeader) -> bool:
    """True when a database whose header this is can be used as it is: it exists and its schema is
    this scrutui's (nothing to create or migrate)."""
    return header.exists and header.user_version == latest_version() and header.application_id == APPLICATION_ID


def refuse_network_share(path: Path, *, read_only: bool, allowed: bool) -> None:
    """Refuse a database on a network share, which SQLite cannot keep safe when two computers use it."""
    share = network_share(path)
    if share is None:
        return
    if not allowed:
        raise DatabaseError(
            f"{path} is on {share}: a database there can be damaged when two computers use it. Keep it "
            "on one computer's own disk and share it with `scrutui serve` (README: For a team); to read it "
            "alone, add --read-only --allow-network-share."
        )
    if not read_only:
        raise DatabaseError(
            f"{path} is on {share}: --allow-network-share only opens it to read (add --read-only); "
            "writing to a database on a network share can damage it."
        )


def create_database(path: Path) -> None:
    """Make a new, fully migrated database at `path`, all at once.

    It is built under a temporary name and renamed into place, so a crash while creating it never
    leaves a half-made file behind.
    """
    temporary = path.with_name(f".{path.name}.{os.getpid()}.creating")
    try:
        for leftover in (temporary, Path(f"{temporary}-wal"), Path(f"{temporary}-shm")):
            leftover.unlink(missing_ok=True)
        create_private_file(temporary)
        db = connect(temporary)
        try:
            migrate(db, temporary)
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            db.close()
        if path.exists():  # another process made it meanwhile: keep theirs
            temporary.unlink()
            return
        os.replace(temporary, path)
    except OSError as error:
        raise DatabaseError(
            f"Cannot create {path}: {error.strerror or error} (check the folder's permissions)."
        ) from error
    finally:
        for leftover in (temporary, Path(f"{temporary}-wal"), Path(f"{temporary}-shm")):
            leftover.unlink(missing_ok=True)


def _refuse_foreign(path: Path) -> None:
    """Refuse an SQLite file that already holds another program's tables (looked at read-only)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise DatabaseError(describe_sqlite_error(path, error)) from error
    if tables:
        raise DatabaseError(f"{path} is an SQLite database of another program, not scrutui's.")
