"""Where scrutui keeps its database and log by default, and which files it has open (so that nothing
it writes ever goes over them)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "scrutui"
DB_ENV = "SCRUTUI_DB"


def default_db_path() -> Path:
    """The database used when neither ``--db`` nor ``SCRUTUI_DB`` names one."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "scrutui.sqlite"


def resolve_db_path(option: str | os.PathLike[str] | None) -> tuple[Path, bool]:
    """The database path to use, and whether it is the default (whose folder may be created)."""
    if option:
        return Path(option).expanduser(), False
    from_env = os.environ.get(DB_ENV)
    if from_env:
        return Path(from_env).expanduser(), False
    return default_db_path(), True


def log_path() -> Path:
    """The log file that holds the detail behind any error shown to a user."""
    return platformdirs.user_log_path(APP_NAME, appauthor=False) / "scrutui.log"


# --- files scrutui has open ----------------------------------------------------------------------

#: SQLite keeps these beside a database while it is open (and after a crash): part of the database.
DATABASE_COMPANIONS = ("-wal", "-shm", "-journal")
_SQLITE_MAGIC = b"SQLite format 3\x00"
#: Files this process has open, each with what it is ("the database", "scrutui's log") for messages.
_IN_USE: dict[Path, str] = {}


def _key(path: Path) -> Path:
    return Path(os.path.normcase(os.path.abspath(Path(path).expanduser())))


def mark_in_use(path: Path, what: str, *, database: bool = False) -> None:
    """Note that this process has `path` open (`what` it is, for messages: "scrutui's log file"),
    so no output is ever written over it. A database's -wal, -shm and -journal files are noted too."""
    _IN_USE[_key(path)] = what
    if database:
        for companion in DATABASE_COMPANIONS:
            _IN_USE[_key(Path(f"{path}{companion}"))] = (
                f"part of the database {Path(path).name} (its {companion[1:]} file)"
            )


def in_use_by_scrutui(path: Path) -> str | None:
    """What `path` is, when this process has it open (the database, its -wal or -shm, the log)."""
    key = _key(path)
    if key in _IN_USE:
        return _IN_USE[key]
    try:
        resolved = _key(Path(path).resolve())
    except OSError:
        return None
    return _IN_USE.get(resolved)


#: The application id of the public open-data copy scrutui writes (`scrutui publish`): the one
#: database scrutui may write over, when asked, as it made it to be replaced.
PUBLISHED_APPLICATION_ID = 0x53435055  # "SCPU"


def is_database_file(path: Path) -> str | None:
    """What `path` is when it is an SQLite database or one of its -wal, -shm or -journal files (a
    public copy scrutui published is not one: it is an output)."""

    def sqlite(candidate: Path) -> bool:
        try:
            with candidate.open("rb") as handle:
                header = handle.read(100)
        except OSError:
            return False
        published = int.from_bytes(header[68:72], "big") == PUBLISHED_APPLICATION_ID
        return header[:16] == _SQLITE_MAGIC and not published

    path = Path(path)
    if path.is_file() and sqlite(path):
        return "a database"
    for companion in DATABASE_COMPANIONS:
        if path.name.endswith(companion) and sqlite(path.with_name(path.name[: -len(companion)])):
            return f"part of the database {path.name[: -len(companion)]} (its {companion[1:]} file)"
    return None
def settings_path() -> Path:
    """The file of a user's own preferences (the colour theme), in their config folder."""
    return platformdirs.user_config_path(APP_NAME, appauthor=False) / "settings.json"
