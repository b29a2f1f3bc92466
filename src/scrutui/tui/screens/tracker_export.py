"""The tracker screen's export: what it shows, to a Word, CSV or JSON file (and a PDF), written in
the background."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from typing import TYPE_CHECKING

from textual import work

from scrutui.store.tracker import Tracked, TrackerQuery
from scrutui.tui.guard import guarded
from scrutui.tui.screens.tracker_part import TrackerPart

if TYPE_CHECKING:
    from scrutui.tui.screens.list_export import ListExportChoice


class TrackerExport(TrackerPart):
    """Exporting the tracker's list as filtered (mixed into TrackerScreen)."""

    @guarded
    def action_export(self) -> None:
        """Export what the tracker shows (its filters) to a file, in the background."""
        from scrutui.export.pdf import find_soffice
        from scrutui.tui.exporting import export_folder
        from scrutui.tui.screens.list_export import ListExportDialog

        query = self.current_query()
        stem = "information-requests" if self.kind is Tracked.REQUESTS else "recommendations"
        if self.action_log_item_id is not None:
            stem = f"action-log-{stem}"
        suggested = export_folder(self.app) / f"{stem}-{query.as_at.isoformat()}.docx"
        words = f"{self.kind.label} · {self.status.value} · {self.committee_name or 'all committees'}"

        def chosen(choice: ListExportChoice | None) -> None:
            if choice is not None:
                self._export_or_ask(query, choice)

        self.app.push_screen(
            ListExportDialog(words, suggested, can_make_pdf=find_soffice() is not None), chosen
        )

    def _export_or_ask(self, query: TrackerQuery, choice: ListExportChoice) -> None:
        from scrutui.tui.exporting import ReplaceFile

        targets = [choice.path] + ([choice.path.with_suffix(".pdf")] if choice.pdf else [])
        existing = [path for path in targets if path.exists()]
        if not existing:
            self.export_list(query, choice, force=False)
            return
        files = "\n".join(str(path) for path in existing)
        question = f"{'This file exists' if len(existing) == 1 else 'These files exist'}. Replace?\n{files}"

        def answered(yes: bool | None) -> None:
            if yes:
                self.export_list(query, choice, force=True)
            else:
                self.notify("Not exported: the existing file was kept.")

        self.app.push_screen(ReplaceFile(question, yes="Replace"), answered)

    @work(thread=True, group="list-export", exit_on_error=False)
    def export_list(self, query: TrackerQuery, choice: ListExportChoice, *, force: bool) -> None:
        """Write the list in a worker thread, with its own connection to the database."""
        from scrutui.export.lists import export_tracker
        from scrutui.tui.guard import describe_error

        app = self.app
        try:
            store = self.store.reopen()
            try:
                count, written = export_tracker(
                    store,
                    replace(query, confidential=choice.confidential and self.shows_exempt),
                    choice.path,
                    format_=choice.format,
                    committee=self.committee_name or None,
                    force=force,
                    pdf=choice.pdf,
                )
            finally:
                store.close()
        except Exception as error:
            with contextlib.suppress(RuntimeError):
                app.call_from_thread(
                    app.notify, describe_error(error), severity="error", timeout=10, markup=False
                )
            return
        files = " and ".join(str(path) for path in written)
        with contextlib.suppress(RuntimeError):
            app.call_from_thread(
                app.notify, f"Wrote {count:,} to {files}.", title="Exported", timeout=15, markup=False
            )
        from scrutui.tui.exporting import deliver

        deliver(app, list(written))
