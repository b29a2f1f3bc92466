"""Corrections to issued or approved minutes: what changed, and at which meeting it was agreed.

Approved minutes change only this way: pick the record, edit it in the usual form with two more
fields (what changed, agreed at which meeting), and the change is saved with that record of it.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, OptionList, Select
from textual.widgets.option_list import Option

from scrutui.minutes import long_date, minute_number
from scrutui.models import Meeting, Record
from scrutui.session import MinutingSession
from scrutui.tui.screens.base import ScrutuiModal
from scrutui.tui.screens.record_form import RecordForm
from scrutui.tui.widgets.record_list import record_summary


def later_meeting_choices(meetings: list[Meeting]) -> list[tuple[str, int]]:
    """The meetings a correction may be agreed at, for a Select."""
    return [(f"{long_date(m.date)} (meeting {m.id})", m.id or 0) for m in meetings]


def default_agreed_at(meetings: list[Meeting], preferred: int | None) -> int | None:
    """The meeting offered first: the one the clerk came from, if it is later; else the next."""
    ids = [m.id for m in meetings]
    if preferred in ids:
        return preferred
    return meetings[0].id if meetings else None


class CorrectionNote(ScrutuiModal[tuple[str, int] | None]):
    """What changed and at which meeting it was agreed (for an attendance correction)."""

    DEFAULT_CSS = """
    CorrectionNote { align: center middle; }
    CorrectionNote > Vertical { width: 76; height: auto; border: thick $warning; background: $surface; padding: 0 1; }
    CorrectionNote Label.field { text-style: bold; margin-top: 1; }
    CorrectionNote #note-error { color: $error; height: auto; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Record", id="correction-note.save", tooltip="Record the correction"),
        Binding("escape", "cancel", "Cancel", id="correction-note.cancel", tooltip="Change nothing"),
    ]

    def __init__(self, meeting_id: int, description: str, preferred: int | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.description = description
        self.preferred = preferred

    def compose(self) -> ComposeResult:
        later = self.store.signoff.later_meetings(self.meeting_id)
        chosen = default_agreed_at(later, self.preferred)
        with Vertical():
            yield Label("These minutes are approved: record this as a correction  (ctrl+s records)")
            yield Label("What changed", classes="field")
            yield Input(self.description, id="note-description")
            yield Label("Agreed at the meeting of", classes="field")
            yield Select(
                later_meeting_choices(later),
                value=chosen if chosen is not None else Select.NULL,
                allow_blank=chosen is None,
                id="note-agreed-at",
            )
            yield Label("", id="note-error")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def action_save(self) -> None:
        """Return what changed and where it was agreed."""
        description = self.query_one("#note-description", Input).value.strip()
        agreed = self.query_one("#note-agreed-at", Select).value
        if not description:
            self.query_one("#note-error", Label).update("Say what changed.")
            return
        if agreed is Select.NULL:
            self.query_one("#note-error", Label).update(
                "A correction is agreed at a later meeting of the committee: create that meeting first."
            )
            return
        self.dismiss((description, int(str(agreed))))

    def action_cancel(self) -> None:
        """Change nothing."""
        self.dismiss(None)


class CorrectionForm(RecordForm):
    """A record of issued or approved minutes, corrected: the usual form, plus what changed and at
    which meeting the correction was agreed."""

    def __init__(self, session: MinutingSession, record: Record, preferred: int | None = None) -> None:
        super().__init__(session, record.agenda_item_id, record.kind, record)
        self.preferred = preferred

    def verb(self) -> str:
        """The form corrects."""
        return "Correct the"

    def extra_fields(self) -> ComposeResult:
        later = self.store.signoff.later_meetings(self.session.meeting_id)
        chosen = default_agreed_at(later, self.preferred)
        yield Label("Correction: what changed", classes="field")
        yield Input(
            id="correction-description", placeholder="e.g. Councillor Smith corrected to Councillor Smyth"
        )
        yield Label("Agreed at the meeting of", classes="field")
        yield Select(
            later_meeting_choices(later),
            value=chosen if chosen is not None else Select.NULL,
            allow_blank=chosen is None,
            id="correction-agreed-at",
        )

    def save_record(self, record: Record) -> Record:
        """Save the change as a correction."""
        from scrutui.errors import ScrutuiError

        description = self.query_one("#correction-description", Input).value.strip()
        agreed = self.query_one("#correction-agreed-at", Select).value
        if not description:
            raise ScrutuiError("Say what changed (the first field).")
        if agreed is Select.NULL:
            raise ScrutuiError(
                "A correction is agreed at a later meeting of the committee: create that meeting first."
            )
        self.store.signoff.correct_record(record, description, int(str(agreed)))
        assert record.id is not None
        return self.store.records.get(record.id)


class RecordPicker(ScrutuiModal[Record | None]):
    """Choose the record to correct: every record of the meeting, under its item."""

    DEFAULT_CSS = """
    RecordPicker { align: center middle; }
    RecordPicker > Vertical { width: 95%; height: 90%; border: thick $accent; background: $surface; padding: 0 1; }
    RecordPicker OptionList { height: 1fr; }
    RecordPicker #buttons { height: 3; align: right middle; }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="record-picker.cancel", tooltip="Close without choosing"),
    ]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.records: dict[str, Record] = {}

    def compose(self) -> ComposeResult:
        items = self.store.agenda.for_meeting(self.meeting_id)
        by_item = self.store.records.for_meeting(self.meeting_id)
        options: list[Option] = []
        for item in items:
            found = by_item.get(item.id or 0, [])
            if not found:
                continue
            options.append(Option(Text(f"{minute_number(item)} {item.title}", style="bold"), disabled=True))
            for record in found:
                self.records[str(record.id)] = record
                options.append(Option(record_summary(record), id=str(record.id)))
        with Vertical():
            yield Label("Which record is corrected? (Enter chooses, Escape cancels)")
            yield OptionList(*options, id="records-to-correct")
            with Horizontal(id="buttons"):
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.records.get(str(event.option.id)))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
