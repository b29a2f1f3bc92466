"""Exporting the minutes from the app: ask where, ask before replacing a file, then write it in a
background thread (with its own database connection) while the clerk carries on."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from scrutui.export.minutes_export import MinutesExport, default_filename
from scrutui.minutes import long_date
from scrutui.tui.export_folder import deliver, export_folder
from scrutui.tui.guard import describe_error
from scrutui.tui.screens.confirm import Confirm
from scrutui.tui.screens.export_dialog import ExportChoice, ExportDialog, ExportSubject

if TYPE_CHECKING:
    from textual.app import App

    from scrutui.store import Store
    from scrutui.tui.app import ScrutuiApp

T = TypeVar("T")


class ReplaceFile(Confirm):
    """Ask before replacing an existing export; wide enough for a long file name, folded if longer."""

    DEFAULT_CSS = """
    ReplaceFile > Vertical { width: 90%; max-width: 100; }
    ReplaceFile Label { width: 1fr; text-overflow: fold; }
    """




def ask_and_export(app: ScrutuiApp, meeting_id: int) -> None:
    """Ask where to save a meeting's minutes, then export them in the background."""
    from scrutui.export.pdf import find_soffice

    meeting = app.store.meetings.get(meeting_id)
    committee = app.store.committees.get(meeting.committee_id)
    exempt = sum(1 for item in app.store.agenda.for_meeting(meeting_id) if item.is_exempt)
    subject = ExportSubject(
        description=f"{committee.name}, {long_date(meeting.date)}",
        folder=export_folder(app),
        public_name=default_filename(committee.name, meeting.date),
        confidential_name=default_filename(committee.name, meeting.date, confidential=True),
        exempt_items=exempt,
        can_make_pdf=find_soffice() is not None,
    )

    def chosen(choice: ExportChoice | None) -> None:
        if choice is not None:
            try:
                export_or_ask(choice)
            except Exception as error:
                app.notify(describe_error(error), severity="error", timeout=10, markup=False)

    def export_or_ask(choice: ExportChoice) -> None:
        request = MinutesExport(
            meeting_id=meeting_id, output=choice.path, confidential=choice.confidential, pdf=choice.pdf
        )
        write_or_ask(app, choice.path, choice.pdf, lambda force: start(app, replace(request, force=force)))

    app.push_screen(ExportDialog(subject), chosen)


def write_or_ask(app: App[Any], path: Path, pdf: bool, write: Callable[[bool], object]) -> None:
    """Start an export (`write(force)`) at once, or, when its file or the PDF beside it exists, once
    the user says to replace it."""
    targets = [path] + ([path.with_suffix(".pdf")] if pdf else [])
    existing = [target for target in targets if target.exists()]
    if not existing:
        write(False)
        return
    files = "\n".join(str(target) for target in existing)
    question = f"{'This file exists' if len(existing) == 1 else 'These files exist'}. Replace?\n{files}"

    def answered(yes: bool | None) -> None:
        if yes:
            write(True)
        else:
            app.notify("Not exported: the existing file was kept.")

    app.push_screen(ReplaceFile(question, yes="Replace"), answered)


def start(app: ScrutuiApp, request: MinutesExport) -> None:
    """Start the export in the background; the app says where the file went when it is done."""
    app.notify("Exporting the minutes…", timeout=3)
    app.export_minutes(request)


def export_in_background(app: ScrutuiApp, request: MinutesExport) -> None:
    """Run in a worker thread: a connection of its own (SQLite connections belong to one thread)."""
    from scrutui.export.minutes_export import export_minutes

    result = in_own_connection(app, app.store, lambda store: export_minutes(store, request))
    if result is None:
        return
    tell(app, result.summary(), title="Exported", timeout=15)
    deliver(app, [result.docx, *([result.pdf] if result.pdf else [])])


def in_own_connection(app: App[Any], store: Store, write: Callable[[Store], T]) -> T | None:
    """Run in a worker thread: `write` with a connection to the database of its own (SQLite
    connections belong to one thread). An error is told in one line, and None returned."""
    try:
        own = store.reopen()
        try:
            return write(own)
        finally:
            own.close()
    except Exception as error:
        tell(app, describe_error(error), severity="error", timeout=10)
        return None






def tell(app: App[Any], message: str, **options: Any) -> None:
    """Notify from the worker thread; if the app has closed meanwhile, the file is written all the same.
    (markup=False: paths and names typed by the clerk are shown as typed.)"""
    with contextlib.suppress(RuntimeError):
        app.call_from_thread(app.notify, message, markup=False, **options)
