"""The current item's records, in order, one line each."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets.option_list import Option

from scrutui.minutes import long_date
from scrutui.minutes.votes import short_vote
from scrutui.models import (
    THE_COMMITTEE,
    Assurance,
    Heading,
    InformationRequest,
    Motion,
    Narrative,
    Question,
    Recommendation,
    Record,
    Resolution,
    ResolutionForm,
)
from scrutui.store.damage import DamagedRow
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
    "motion": ("MO", "bold blue"),
}


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def vote_tag(motion: Motion) -> str:
    """What became of a motion, as the list shows it: "CARRIED 7-2-1", "LOST 3-6-0 (recorded vote)"."""
    return short_vote(motion.result)


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
            asker = f"  asked by {record.asked_by}" if record.asked_by != THE_COMMITTEE else ""
            line.append(f"{asker}{due}  {record.status.value}", style="dim italic")
        case Resolution():
            if record.form is ResolutionForm.AGREED:
                line.append("AGREED ", style="italic")
            line.append(_short(record.text))
        case Recommendation():
            line.append(f"to {record.addressee}: ", style="italic")
            line.append(_short(record.text))
        case Motion():
            if record.amendment:
                line.append("Amendment ", style="bold italic")
            movers = "/".join(name for name in (record.moved_by, record.seconded_by) if name)
            if movers:
                line.append(f"{movers}: ", style="italic")
            line.append(_short(record.text) or "(the motion's words not typed)")
            line.append(f"  {vote_tag(record)}", style="bold" if record.is_voted else "dim italic")
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


def damaged_option(damaged: DamagedRow, *, short: bool = False) -> Option:
    """A row damaged in the database, as a line that cannot be chosen: its id and what is wrong."""
    if short:  # in the narrow agenda list
        text = Text(f"⚠ item {damaged.row_id}: damaged", style="bold red")
    else:
        text = Text(f"⚠ {damaged.name} is damaged in the database: {damaged.problem}", style="bold red")
    return Option(text, id=f"damaged-{damaged.table}-{damaged.row_id}", disabled=True)


class TypedAway(Message):
    """A character typed while a list had focus, for the capture line."""

    def __init__(self, character: str) -> None:
        super().__init__()
        self.character = character


class RecordList(UpdatingOptionList):
    """The records minuted under the current item. Select one to edit, delete or move it."""

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

    def show(
        self, records: list[Record], select_id: int | None = None, damaged: tuple[DamagedRow, ...] = ()
    ) -> None:
        """Show these records, keeping (or moving to) the selected one; records damaged in the
        database first, as damaged (they cannot be selected)."""
        keep = select_id if select_id is not None else self.selected_record_id
        if damaged:  # rare: lines that cannot be chosen, above the records
            self.reset_rows()
            self.set_options(
                [
                    *(damaged_option(d) for d in damaged),
                    *(
                        Option(record_summary(r, in_section=under), id=str(r.id))
                        for r, under in zip(records, sections(records), strict=True)
                    ),
                ]
            )
        else:
            # Only the rows that changed are drawn again: a save under a long item adds one.
            self.show_rows(
                [(str(r.id), (r, under)) for r, under in zip(records, sections(records), strict=True)],
                lambda shown: record_summary(shown[0], in_section=shown[1]),
            )
        if not records:
            return
        index = next((i for i, r in enumerate(records) if r.id == keep), len(records) - 1)
        self.highlighted = index + len(damaged)

    @property
    def selected_record_id(self) -> int | None:
        """The id of the highlighted record."""
        option = self.highlighted_option
        return int(option.id) if option is not None and option.id and option.id.isdigit() else None
