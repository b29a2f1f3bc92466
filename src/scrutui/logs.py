"""The log file: the detail behind any error a user is shown in one line.

The log and its folder are readable by their owner only, and the log never holds what was minuted:
a validation error is written by model, field and kind of problem, never with the value that
failed (pydantic's own message quotes it, and it may be exempt text).
"""

from __future__ import annotations

import contextlib
import io
import logging
import logging.handlers
import os
import traceback
from pathlib import Path
from typing import Any

from scrutui.paths import APP_NAME, log_path, mark_in_use

_LOGGER = logging.getLogger("scrutui")
#: Longest exception message the log keeps (an error that quotes a whole paste stops here).
_MAX_MESSAGE = 500


def redacted(error: BaseException) -> str:
    """An error as one line that holds no record text: a validation error by field and kind of
    problem only, anything else by its message (cut short)."""
    from pydantic import ValidationError

    if isinstance(error, ValidationError):
        problems = "; ".join(
            f"{'.'.join(str(p) for p in item.get('loc', ())) or 'value'} ({item.get('type', 'invalid')})"
            for item in error.errors(include_url=False, include_input=False, include_context=False)
        )
        return f"{error.error_count()} validation error(s) for {error.title}: {problems}"
    text = str(error)
    return text if len(text) <= _MAX_MESSAGE else text[: _MAX_MESSAGE - 1] + "…"


class _Redacting(logging.Formatter):
    """Formats tracebacks (and errors passed as arguments) through `redacted`."""

    def format(self, record: logging.LogRecord) -> str:
        if isinstance(record.args, tuple) and any(isinstance(a, BaseException) for a in record.args):
            record.args = tuple(redacted(a) if isinstance(a, BaseException) else a for a in record.args)
        return super().format(record)

    def formatException(self, ei: Any) -> str:
        error = ei[1]
        chain: list[BaseException] = []
        while error is not None and all(error is not e for e in chain):
            chain.append(error)
            error = error.__cause__ or (None if error.__suppress_context__ else error.__context__)
        lines: list[str] = []
        for index, link in enumerate(reversed(chain)):
            if index:
                lines.append("\nDuring handling of the above exception, another exception occurred:\n\n")
            lines.append("Traceback (most recent call last):\n")
            lines += traceback.format_tb(link.__traceback__)
            lines.append(f"{type(link).__module__}.{type(link).__qualname__}: {redacted(link)}\n")
        return "".join(lines).rstrip("\n")


class _PrivateFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose every file is created readable and writable by its owner only."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with contextlib.suppress(OSError):
            os.chmod(self.baseFilename, 0o600)  # a log made by an older scrutui
        return open(fd, "a", encoding=self.encoding, errors=self.errors)


def _private_folder(folder: Path) -> None:
    """Make the log folder (and scrutui's own folder above it) owner-only."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    for mine in (folder, folder.parent if folder.parent.name.lower() == APP_NAME else None):
        if mine is not None:
            with contextlib.suppress(OSError):
                mine.chmod(0o700)


def setup_logging() -> Path | None:
    """Send scrutui's log to the log file (once per process). Returns its path, or None if unwritable."""
    path = log_path()
    for handler in _LOGGER.handlers:
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == path:
            return path
    try:
        _private_folder(path.parent)
        handler = _PrivateFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(_Redacting("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    _LOGGER.addHandler(handler)
    _LOGGER.setLevel(logging.INFO)
    mark_in_use(path, "scrutui's log file")
    for number in range(1, 4):
        mark_in_use(Path(f"{path}.{number}"), "one of scrutui's log files")
    return path
