"""Where scrutui keeps its database and log by default."""

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


def settings_path() -> Path:
    """The file of a user's own preferences (the colour theme), in their config folder."""
    return platformdirs.user_config_path(APP_NAME, appauthor=False) / "settings.json"
