"""Export the draft minutes: where to save them, public or confidential, and a PDF too if wanted."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Label, Static

from scrutui.tui.screens.base import ScrutuiModal
from scrutui.tui.widgets.option_box import OptionBox


@dataclass(frozen=True)
class ExportChoice:
    """What the clerk chose in the export dialog."""

    path: Path
    confidential: bool
    pdf: bool


@dataclass(frozen=True)
class ExportSubject:
    """The meeting being exported, as the dialog describes it."""

    description: str  # "Health Scrutiny Committee, 3 December 2026"
    folder: Path
    public_name: str
    confidential_name: str
    exempt_items: int
    can_make_pdf: bool


class ExportDialog(ScrutuiModal[ExportChoice | None]):
    """Where to save the minutes. Enter (or ctrl+s) exports; Escape cancels."""

    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > Vertical { width: 95%; max-width: 90; height: auto; border: thick $accent; background: $surface; padding: 0 1; }
    ExportDialog Label { text-style: bold; margin-top: 1; }
    ExportDialog #export-about { color: $text-muted; }
    ExportDialog #export-note { color: $text-muted; height: auto; }
    ExportDialog Checkbox, ExportDialog Checkbox:focus { border: none; padding: 0; }
    ExportDialog #export-buttons { height: 3; align: right middle; }
    """

    BINDINGS = [
        Binding("ctrl+s,enter", "export", "Export", id="export.go", tooltip="Write the minutes to the file named"),
        Binding("escape", "cancel", "Cancel", id="export.cancel", tooltip="Close without exporting"),
    ]

    def __init__(self, subject: ExportSubject) -> None:
        super().__init__()
        self.subject = subject

    def compose(self) -> ComposeResult:
        subject = self.subject
        with Vertical():
            yield Static(Text(f"Export the minutes · {subject.description}"), id="export-about")
            yield Label("Save as (a Word document)")
            yield Input(str(subject.folder / subject.public_name), id="export-path")
            yield OptionBox(
                "Confidential: exempt items in full, every page marked CONFIDENTIAL"
                + ("" if self.shows_exempt else " (not in this session)"),
                id="export-confidential",
                disabled=not self.shows_exempt,
            )
            yield OptionBox(
                "Also make a PDF" + ("" if subject.can_make_pdf else " (needs LibreOffice, not installed)"),
                id="export-pdf",
                disabled=not subject.can_make_pdf,
            )
            yield Static(self._note(False), id="export-note")
            with Horizontal(id="export-buttons"):
                yield Button("Export (Enter)", variant="primary", id="export")
                yield Button("Cancel (Esc)", id="cancel")

    def on_mount(self) -> None:
        super().on_mount()
        field = self.query_one("#export-path", Input)
        field.focus()
        field.cursor_position = len(field.value)

    def _note(self, confidential: bool) -> str:
        count = self.subject.exempt_items
        if not count:
            return "No item of this meeting is exempt."
        items = "1 exempt item" if count == 1 else f"{count} exempt items"
        if confidential:
            return f"{items} in full, in a confidential annex: do not publish it."
        return f"{items} will show only the public title, the exclusion and the public summary."

    @on(Checkbox.Changed, "#export-confidential")
    def _confidential_changed(self, event: Checkbox.Changed) -> None:
        field = self.query_one("#export-path", Input)
        folder = self.subject.folder
        before, after = (
            (self.subject.public_name, self.subject.confidential_name)
            if event.value
            else (self.subject.confidential_name, self.subject.public_name)
        )
        # Change the name only if it is still the suggested one, so a name typed is kept.
        if Path(field.value) == folder / before:
            field.value = str(folder / after)
        self.query_one("#export-note", Static).update(self._note(event.value))

    @on(Input.Submitted, "#export-path")
    def _submitted(self) -> None:
        self.action_export()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export":
            self.action_export()
        else:
            self.dismiss(None)

    def action_export(self) -> None:
        """Close with what was chosen."""
        typed = self.query_one("#export-path", Input).value.strip()
        if not typed:
            self.notify("Type where to save the minutes.", severity="warning")
            return
        from scrutui.tui.export_folder import in_export_folder

        path = in_export_folder(Path(typed).expanduser(), self.subject.folder, web=self.app.is_web)
        self.dismiss(
            ExportChoice(
                path=path,
                confidential=self.query_one("#export-confidential", Checkbox).value and self.shows_exempt,
                pdf=self.query_one("#export-pdf", Checkbox).value,
            )
        )

    def action_cancel(self) -> None:
        """Close without exporting."""
        self.dismiss(None)
