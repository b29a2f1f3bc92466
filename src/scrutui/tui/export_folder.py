"""Where exports from the app go: the folder scrutui was started in (or Documents), and in a
browser tab a folder of the session's own, from which each file is sent to the browser."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App


def export_folder(app: App[None] | None = None) -> Path:
    """Where exports go by default: the folder scrutui was started in, or else Documents. In a
    browser tab (scrutui serve) they go to a folder of the session's own on the server, from which
    each is sent to the browser as a download (see `deliver`)."""
    if app is not None and app.is_web:
        folder = Path(tempfile.gettempdir()) / f"scrutui-downloads-{os.getpid()}"
        folder.mkdir(mode=0o700, exist_ok=True)
        return folder
    here = Path.cwd()
    if os.access(here, os.W_OK):
        return here
    import platformdirs

    return Path(platformdirs.user_documents_dir())


def deliver(app: App[None], written: list[Path]) -> None:
    """In a browser tab, send what an export wrote to the browser as downloads (from a worker thread)."""
    if not app.is_web or not written:
        return
    with contextlib.suppress(RuntimeError):
        for path in written:
            app.call_from_thread(app.deliver_binary, path, save_filename=path.name)
        names = " and ".join(path.name for path in written)
        app.call_from_thread(app.notify, f"Your browser is downloading {names}.", timeout=15, markup=False)


def in_export_folder(typed: Path, folder: Path, *, web: bool) -> Path:
    """Where a typed file name points: under `folder` unless absolute; in a browser tab always in
    the session's own folder (a browser user never chooses a path on the server)."""
    if web:
        return folder / typed.name
    return typed if typed.is_absolute() else folder / typed
