"""The current item's records, in order, one line each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message

from scrutui.minutes.wording import long_date
from scrutui.store.glance import RecordLine, line_of
from scrutui.tui.widgets.updating_list import UpdatingOptionList

if TYPE_CHECKING:
    from scrutui.models import Record

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


def record_summary(record: Record | RecordLine, *, in_section: bool = False) -> Text:
    """One record as a line of the list: a kind tag, then who and what. A record under a
    sub-heading is indented. (The first screen shows records read as plain lines; after, the
    validated records: both are shown as lines.)"""
    if not isinstance(record, RecordLine):
        record = line_of(record)
    tag, style = TAGS[record.kind]
    line = Text("  " if in_section else "")
    line.append(tag, style=style)
    line.append(" ")
    match record.kind:
        case "heading" if record.ends_section:
            line.append("── end of section ──", style="dim")
        case "heading":
            line.append(_short(record.text), style="bold underline")
        case "narrative":
            line.append(_short(record.text))
        case "question":
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
        case "assurance":
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
            line.append(f"  {record.status.replace('_', ' ')}", style="dim italic")
        case "information_request":
            if record.requested_of:
                line.append(f"{record.requested_of}: ", style="italic")
            line.append(_short(record.text))
            due = f"  due {long_date(record.due_date)}" if record.due_date else ""
            line.append(f"{due}  {record.status}", style="dim italic")
        case "resolution":
            if record.form == "agreed":
                line.append("AGREED ", style="italic")
            line.append(_short(record.text))
        case "recommendation":
            line.append(f"to {record.addressee}: ", style="italic")
            line.append(_short(record.text))
    return line


def sections(records: list[RecordLine]) -> list[bool]:
    """For each record, whether it stands under a sub-heading (as the minutes will put it)."""
    under, found = False, []
    for record in records:
        if record.kind == "heading":
            found.append(False)
            under = not record.ends_section
            continue
        under = under or (record.kind == "assurance" and bool(record.theme))
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

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        #: The line of each record last shown, by the record's identity (kept with the record).
        self._record_lines: dict[int, tuple[Record | RecordLine, RecordLine]] = {}

    def on_key(self, event: events.Key) -> None:
        """Typing a letter here goes to the capture line: keys never act on records by surprise."""
        if event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            self.post_message(TypedAway(event.character))

    def show(self, records: list[Record] | list[RecordLine], select_id: int | None = None) -> None:
        """Show these records, keeping (or moving to) the selected one."""
        keep = select_id if select_id is not None else self.selected_record_id
        lines = [self._line(r) for r in records]
        self._record_lines = {id(r): (r, line) for r, line in zip(records, lines, strict=True)}
        self.show_rows(
            [(str(line.id), (line, under)) for line, under in zip(lines, sections(lines), strict=True)],
            lambda shown: record_summary(shown[0], in_section=shown[1]),
        )
        if not records:
            return
        index = next((i for i, r in enumerate(records) if r.id == keep), len(records) - 1)
        self.highlighted = index

    def _line(self, record: Record | RecordLine) -> RecordLine:
        """The record as a line; the same record object as last time gives the same line at once."""
        if isinstance(record, RecordLine):
            return record
        kept = self._record_lines.get(id(record))
        return kept[1] if kept is not None and kept[0] is record else line_of(record)

    @property
    def selected_record_id(self) -> int | None:
        """The id of the highlighted record."""
        option = self.highlighted_option
        return int(option.id) if option is not None and option.id else None
