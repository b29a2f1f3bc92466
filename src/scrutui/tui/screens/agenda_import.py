"""Import a meeting's agenda from a council's Word document: name the file, see what scrutui found
and what it would change, then confirm (or not). Minuted items are never changed."""

from __future__ import annotations

import os
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, DataTable, Input, Static

from scrutui.imports.plan import CHANGE_WORDS, Change
from scrutui.imports.word_agenda import WordImport, prepare_word_import, write_word_import
from scrutui.tui.guard import describe_error
from scrutui.tui.screens.base import ScrutuiModal

#: How the preview colours each change.
_STYLES = {
    Change.ADD: "green",
    Change.UPDATE: "yellow",
    Change.REMOVE: "red strike",
    Change.MINUTED: "bold",
    Change.DROPPED: "bold red",
}


class AgendaImport(ScrutuiModal[str | None]):
    """Preview, then confirm, a Word agenda's import into a meeting. Returns the summary of what was
    written, or None if nothing was."""

    DEFAULT_CSS = """
    AgendaImport { align: center middle; }
    AgendaImport > Vertical { width: 100%; max-width: 120; height: 100%; max-height: 40; border: thick $accent; background: $surface; padding: 0 1; }
    AgendaImport #import-about, AgendaImport #import-notes { color: $text-muted; height: auto; }
    AgendaImport #import-summary { height: auto; }
    AgendaImport DataTable { height: 1fr; min-height: 4; }
    AgendaImport #import-notes-box { height: auto; max-height: 3; }
    AgendaImport #import-buttons { height: 3; align: right middle; }
    """

    BINDINGS = [
        Binding(
            "ctrl+s",
            "write",
            "Import",
            id="import.write",
            tooltip="Write the agenda previewed into the meeting",
        ),
        Binding("escape", "cancel", "Cancel", id="import.cancel", tooltip="Close without importing"),
    ]

    def __init__(self, meeting_id: int, about: str, folder: Path) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.about = about
        self.folder = folder
        self.prepared: WordImport | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(f"Import the agenda from Word · {self.about}"), id="import-about")
            yield Input(f"{self.folder}{os.sep}", id="import-path")
            yield Static(
                "Type the Word document's name (.docx); Enter shows what it holds.", id="import-summary"
            )
            yield DataTable(cursor_type="row", zebra_stripes=True, id="import-items")
            with VerticalScroll(id="import-notes-box"):
                yield Static("", id="import-notes")
            with Horizontal(id="import-buttons"):
                yield Button("Import (ctrl+s)", variant="primary", id="write", disabled=True)
                yield Button("Cancel (Esc)", id="cancel")

    def on_mount(self) -> None:
        super().on_mount()
        field = self.query_one("#import-path", Input)
        field.focus()
        field.cursor_position = len(field.value)

    @on(Input.Submitted, "#import-path")
    def _read(self) -> None:
        self.preview()

    @on(Input.Changed, "#import-path")
    def _changed(self) -> None:
        if self.prepared is not None and str(self.prepared.agenda.path) != self._path_typed():
            self._forget("The file's name changed: press Enter to read it.")

    def _path_typed(self) -> str:
        typed = self.query_one("#import-path", Input).value.strip()
        path = Path(typed).expanduser()
        return str(path if path.is_absolute() else self.folder / path)

    def _forget(self, message: str) -> None:
        self.prepared = None
        self.query_one("#import-items", DataTable).clear(columns=True)
        self.query_one("#import-notes", Static).update("")
        self.query_one("#import-summary", Static).update(Text(message))
        self.query_one("#write", Button).disabled = True

    def preview(self) -> None:
        """Read the document and show what importing it would do."""
        try:
            prepared = prepare_word_import(self.store, self.meeting_id, Path(self._path_typed()))
        except Exception as error:
            self._forget(describe_error(error))
            return
        self.prepared = prepared
        table = self.query_one("#import-items", DataTable)
        table.clear(columns=True)
        table.add_columns("", "No.", "Title", "Purpose")
        for planned in [*prepared.plan.agenda, *prepared.plan.removed]:
            item = planned.item
            style = _STYLES.get(planned.change, "")
            title = Text(item.title, style=style)
            if item.is_exempt:
                title.append(f" [exempt, para {item.exempt_paragraph}]", style="italic")
            purpose = item.purpose.split("\n")[0]
            table.add_row(
                Text(CHANGE_WORDS[planned.change], style=style),
                Text(item.number),
                title,
                Text(purpose if len(purpose) <= 60 else purpose[:59] + "…"),
            )
        found = len(prepared.agenda.items)
        summary = f"{found} item{'s' if found != 1 else ''} found. {prepared.plan.summary()}"
        if not prepared.plan.changes_anything:
            summary = f"Nothing to import: {summary}"
        self.query_one("#import-summary", Static).update(Text(summary))
        self.query_one("#import-notes", Static).update(Text("\n".join(prepared.lines()[1:])))
        button = self.query_one("#write", Button)
        button.disabled = not prepared.plan.changes_anything
        if not button.disabled:
            button.focus()

    def action_write(self) -> None:
        """Write the agenda previewed (reading the file first if it has not been read)."""
        if self.prepared is None:
            self.preview()
            return
        if not self.prepared.plan.changes_anything:
            return
        try:
            self.require_writable()
            write_word_import(self.store, self.prepared)
        except Exception as error:
            self.notify(describe_error(error), severity="error", timeout=10, markup=False)
            self.preview()
            return
        self.dismiss(self.prepared.plan.summary())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "write":
            self.action_write()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        """Close without importing."""
        self.dismiss(None)
