"""Output files are never overwritten without being asked, and are always complete or absent:
each is written to a temporary name in the same folder and renamed into place."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from scrutui.errors import ScrutuiError
from scrutui.paths import in_use_by_scrutui, is_database_file


class OutputExists(ScrutuiError):
    """The output file is already there and overwriting was not asked for."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} already exists; use --force to replace it.")
        self.path = path


def into_folder(path: Path, default_name: str) -> Path:
    """`path`, or `default_name` inside it when `path` is a folder (``-o FOLDER``)."""
    path = Path(path).expanduser()
    return path / default_name if path.is_dir() else path


def refuse_reserved(path: Path) -> None:
    """Refuse a destination that is a database (scrutui's or any other), one of its -wal, -shm or
    -journal files, or a file this process has open (its log, the template in use)."""
    what = in_use_by_scrutui(path) or is_database_file(path)
    if what:
        raise ScrutuiError(
            f"Cannot write {path}: it is {what}, which scrutui never writes over; choose another file."
        )


def check_destination(path: Path, *, force: bool) -> Path:
    """Refuse a destination that exists (unless forced), whose folder is missing or unwritable, or
    that is a database or a file scrutui has open (whatever `force` says)."""
    path = Path(path).expanduser()
    refuse_reserved(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ScrutuiError(f"Cannot write {path}: the folder {folder} does not exist.")
    if not os.access(folder, os.W_OK):
        raise ScrutuiError(f"Cannot write {path}: the folder {folder} is not writable.")
    if path.is_dir():
        raise ScrutuiError(f"Cannot write {path}: it is a folder.")
    if path.exists() and not force:
        raise OutputExists(path)
    return path


def write_atomically(path: Path, write: Callable[[Path], object], *, force: bool = False) -> Path:
    """Call `write(temporary_path)`, then rename the finished file to `path`.

    A crash or an error part-way leaves no file at `path` (and an old file there untouched).
    """
    path = check_destination(path, force=force)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix, dir=path.parent)
    os.close(handle)
    temp_path = Path(temporary)
    try:
        write(temp_path)
        with open(temp_path, "rb+") as finished:
            os.fsync(finished.fileno())
        if path.exists() and not force:  # appeared while writing
            raise OutputExists(path)
        os.replace(temp_path, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp_path.unlink()
        raise ScrutuiError(f"Cannot write {path}: {error.strerror or error}.") from error
    except BaseException:
        with contextlib.suppress(OSError):
            temp_path.unlink()
        raise
    return path
