"""Export what the tracker shows: where to save it (the ending chooses Word, CSV or JSON), whether
to include exempt items, and a PDF too if wanted."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Checkbox, Input, Label, Static

from scrutui.tui.screens.base import ScrutuiModal
from scrutui.tui.widgets.option_box import OptionBox

FORMATS = {".docx": "docx", ".csv": "csv", ".json": "json"}


@dataclass(frozen=True)
class ListExportChoice:
    """Where to write the list, in which format, and what to include."""

    path: Path
    format: str
    confidential: bool
    pdf: bool


class ListExportDialog(ScrutuiModal[ListExportChoice | None]):
    """Where to save the list. Enter (or ctrl+s) exports; Escape cancels."""

    DEFAULT_CSS = """
    ListExportDialog { align: center middle; }
    ListExportDialog > Vertical { width: 95%; max-width: 90; height: auto; border: thick $accent; background: $surface; padding: 0 1; }
    ListExportDialog Label { text-style: bold; margin-top: 1; }
    ListExportDialog .hint { text-style: none; margin-top: 0; color: $text-muted; }
    ListExportDialog #list-export-about { color: $text-muted; }
    ListExportDialog #list-export-error { color: $error; height: auto; margin-top: 0; }
    ListExportDialog #list-export-keys { margin-top: 1; }
    ListExportDialog Checkbox, ListExportDialog Checkbox:focus { border: none; padding: 0; }
    """

    BINDINGS = [
        Binding("ctrl+s,enter", "export", "Export", id="list-export.go", tooltip="Write the list to the file named"
        ),
        Binding("escape", "cancel", "Cancel", id="list-export.cancel", tooltip="Close without exporting"),
    ]

    def __init__(
        self, description: str, suggested: Path, *, can_make_pdf: bool, confidential: bool = True
    ) -> None:
        super().__init__()
        self.description = description
        self.suggested = suggested
        self.can_make_pdf = can_make_pdf
        #: Whether to offer the box that includes exempt items (a public notice never does).
        self.offers_confidential = confidential

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(f"Export · {self.description}"), id="list-export-about")
            yield Label("Save as")
            yield Label(
                "The ending chooses the format: .docx (Word), .csv (spreadsheet) or .json", classes="hint"
            )
            yield Input(str(self.suggested), id="list-export-path")
            if self.offers_confidential:
                yield OptionBox(
                    "Include exempt items (the file is marked CONFIDENTIAL)"
                    + ("" if self.shows_exempt else " (not in this session)"),
                    id="list-export-confidential",
                    disabled=not self.shows_exempt,
                )
            yield OptionBox(
                "Also make a PDF of the Word file"
                + ("" if self.can_make_pdf else " (needs LibreOffice, not installed)"),
                id="list-export-pdf",
                disabled=not self.can_make_pdf,
            )
            yield Label("", id="list-export-error")
            yield Static("Enter exports · Space ticks a box · Esc cancels", classes="hint", id="list-export-keys")

    def on_mount(self) -> None:
        field = self.query_one("#list-export-path", Input)
        field.focus()
        field.cursor_position = len(field.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_export()

    def action_export(self) -> None:
        """Close with what was chosen, or say what is wrong."""
        error = self.query_one("#list-export-error", Label)
        typed = self.query_one("#list-export-path", Input).value.strip()
        if not typed:
            error.update("Type where to save the list.")
            return
        from scrutui.tui.export_folder import in_export_folder

        path = in_export_folder(Path(typed).expanduser(), self.suggested.parent, web=self.app.is_web)
        format_ = FORMATS.get(path.suffix.lower())
        if format_ is None:
            error.update("End the file name with .docx, .csv or .json (the ending chooses the format).")
            return
        pdf = self.query_one("#list-export-pdf", Checkbox).value
        if pdf and format_ != "docx":
            error.update("A PDF is made from the Word file: end the name with .docx, or untick the PDF.")
            return
        confidential = (
            self.offers_confidential
            and self.shows_exempt
            and self.query_one("#list-export-confidential", Checkbox).value
        )
        self.dismiss(ListExportChoice(path, format_, confidential, pdf))

    def action_cancel(self) -> None:
        """Close without exporting."""
        self.dismiss(None)
