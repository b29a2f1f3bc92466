"""The log file: the detail behind any error a user is shown in one line."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from scrutui.paths import log_path

_LOGGER = logging.getLogger("scrutui")


def setup_logging() -> Path | None:
    """Send scrutui's log to the log file (once per process). Returns its path, or None if unwritable."""
    path = log_path()
    for handler in _LOGGER.handlers:
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == path:
            return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    _LOGGER.addHandler(handler)
    _LOGGER.setLevel(logging.INFO)
    return path
