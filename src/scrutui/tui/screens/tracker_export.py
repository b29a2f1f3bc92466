"""The tracker screen's export: what it shows, to a Word, CSV or JSON file (and a PDF), written in
the background."""

from __future__ import annotations

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
        from scrutui.tui.export_folder import export_folder
        from scrutui.tui.screens.exporting import write_or_ask
        from scrutui.tui.screens.list_export import ListExportDialog

        query = self.current_query()
        stem = "information-requests" if self.kind is Tracked.REQUESTS else "recommendations"
        if self.action_log_item_id is not None:
            stem = f"action-log-{stem}"
        suggested = export_folder(self.app) / f"{stem}-{query.as_at.isoformat()}.docx"
        words = " · ".join([self.kind.label, *self.filter_words()])

        def chosen(choice: ListExportChoice | None) -> None:
            if choice is not None:
                write_or_ask(
                    self.app, choice.path, choice.pdf, lambda force: self.export_list(query, choice, force=force)
                )

        self.app.push_screen(
            ListExportDialog(words, suggested, can_make_pdf=find_soffice() is not None), chosen
        )

    @work(thread=True, group="list-export", exit_on_error=False)
    def export_list(self, query: TrackerQuery, choice: ListExportChoice, *, force: bool) -> None:
        """Write the list in a worker thread, with its own connection to the database."""
        from scrutui.export.lists import export_tracker
        from scrutui.tui.export_folder import deliver
        from scrutui.tui.screens.exporting import in_own_connection, tell

        app = self.app
        exported = in_own_connection(
            app,
            self.store,
            lambda store: export_tracker(
                store,
                replace(query, confidential=choice.confidential and self.shows_exempt),
                choice.path,
                format_=choice.format,
                committee=self.committee_name or None,
                force=force,
                pdf=choice.pdf,
            ),
        )
        if exported is None:
            return
        count, written = exported
        files = " and ".join(str(path) for path in written)
        tell(app, f"Wrote {count:,} to {files}.", title="Exported", timeout=15)
        deliver(app, list(written))
