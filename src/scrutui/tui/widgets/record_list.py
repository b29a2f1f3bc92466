"""The current item's records, in order, one line each."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message

from scrutui.minutes import long_date
from scrutui.models import (
    Assurance,
    Heading,
    InformationRequest,
    Narrative,
    Question,
    Recommendation,
    Record,
    Resolution,
    ResolutionForm,
)
from scrutui.tui.widgets.updating_list import UpdatingOptionList

#: What the list shows of a long record; the whole text is in the editor and the preview.
_SHOWN = 240

TAGS = {
    "heading": ("H ", "bold"),
    "narrative": ("N ", "dim"),
    "question": ("Q ", "bold cyan"),
    "assurance": ("AS", "bold magenta"),
    "information_request": ("IR", "bold yellow"),
    "resolution": ("R ", "bold green"),
    "recommendation": ("RC", "bold green"),
}


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def record_summary(record: Record, *, in_section: bool = False) -> Text:
    """One record as a line of the list: a kind tag, then who and what. A record under a
    sub-heading is indented."""
    tag, style = TAGS[record.kind.value]
    line = Text("  " if in_section else "")
    line.append(tag, style=style)
    line.append(" ")
    match record:
        case Heading(ends_section=True):
            line.append("── end of section ──", style="dim")
        case Heading():
            line.append(_short(record.text), style="bold underline")
        case Narrative():
            line.append(_short(record.text))
        case Question():
            who = record.asked_by or "a Member"
            line.append(f"{who}: ", style="italic")
            line.append(_short(record.text) or "(question)")
            if record.answer:
                line.append(" → ")
                if record.answered_by:
                    line.append(f"{record.answered_by}: ", style="italic")
                line.append(_short(record.answer))
            else:
                line.append("  awaiting answer", style="dim italic")
        case Assurance():
            if record.theme:
                line.append(f"[{record.theme}] ", style="italic")
            if record.sought_from:
                line.append(f"of {record.sought_from}: ", style="italic")
            line.append(_short(record.text))
            if record.response:
                line.append(" → ")
                if record.responded_by:
                    line.append(f"{record.responded_by}: ", style="italic")
                line.append(_short(record.response))
            line.append(f"  {record.status.value.replace('_', ' ')}", style="dim italic")
        case InformationRequest():
            if record.requested_of:
                line.append(f"{record.requested_of}: ", style="italic")
            line.append(_short(record.text))
            due = f"  due {long_date(record.due_date)}" if record.due_date else ""
            line.append(f"{due}  {record.status.value}", style="dim italic")
        case Resolution():
            if record.form is ResolutionForm.AGREED:
                line.append("AGREED ", style="italic")
            line.append(_short(record.text))
        case Recommendation():
            line.append(f"to {record.addressee}: ", style="italic")
            line.append(_short(record.text))
    return line


def sections(records: list[Record]) -> list[bool]:
    """For each record, whether it stands under a sub-heading (as the minutes will put it)."""
    under, found = False, []
    for record in records:
        if isinstance(record, Heading):
            found.append(False)
            under = not record.ends_section
            continue
        under = under or (isinstance(record, Assurance) and bool(record.theme))
        found.append(under)
    return found


class TypedAway(Message):
    """A character typed while a list had focus, for the capture line."""

    def __init__(self, character: str) -> None:
        super().__init__()
        self.character = character


class RecordList(UpdatingOptionList):
    """The records minuted under the current item. Select one to edit, delete or move it.

    A save changes one line of the list (a record added, answered or edited), so only that line is
    drawn again, however many records the item holds."""

    DEFAULT_CSS = """
    RecordList { height: 1fr; border: round $primary 50%; }
    RecordList:focus { border: round $accent; }
    """

    BINDINGS = [
        Binding(
            "enter",
            "screen.edit_record",
            "Edit",
            id="records.edit",
            tooltip="Edit the selected record in a form",
        ),
        Binding(
            "delete",
            "screen.delete_record",
            "Delete",
            id="records.delete",
            tooltip="Delete the selected record (undo brings it back)",
        ),
        Binding(
            "shift+up,ctrl+up",
            "screen.move_record(-1)",
            "Move up",
            id="records.up",
            tooltip="Move the selected record up",
        ),
        Binding(
            "shift+down,ctrl+down",
            "screen.move_record(1)",
            "Move down",
            id="records.down",
            tooltip="Move the selected record down",
        ),
    ]

    def on_key(self, event: events.Key) -> None:
        """Typing a letter here goes to the capture line: keys never act on records by surprise."""
        if event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            self.post_message(TypedAway(event.character))

    def show(self, records: list[Record], select_id: int | None = None) -> None:
        """Show these records, keeping (or moving to) the selected one."""
        keep = select_id if select_id is not None else self.selected_record_id
        self.show_rows(
            [(str(r.id), (r, under)) for r, under in zip(records, sections(records), strict=True)],
            lambda shown: record_summary(shown[0], in_section=shown[1]),
        )
        if not records:
            return
        index = next((i for i, r in enumerate(records) if r.id == keep), len(records) - 1)
        self.highlighted = index

    @property
    def selected_record_id(self) -> int | None:
        """The id of the highlighted record."""
        option = self.highlighted_option
        return int(option.id) if option is not None and option.id else None
