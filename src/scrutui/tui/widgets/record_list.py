"""The current item's records, in order, one line each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets.option_list import Option

from scrutui.dates import long_date
from scrutui.store.glance import THE_COMMITTEE, RecordLine
from scrutui.tui.widgets.updating_list import UpdatingOptionList

if TYPE_CHECKING:
    from scrutui.models import (
        Assurance,
        InformationRequest,
        Motion,
        Question,
        Recommendation,
        Record,
        Resolution,
    )
    from scrutui.store.damage import DamagedRow

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
    from scrutui.minutes.votes import short_vote

    return short_vote(motion.result)


def line_of(record: Record) -> RecordLine:
    """A validated record as the list shows it."""
    kind, text = record.kind.value, record.text
    # (By kind, not by class: the first screen is drawn before the models are imported.)
    match kind:
        case "heading":
            return RecordLine(record.id, kind, text, ends_section=getattr(record, "ends_section", False))
        case "question":
            question = cast("Question", record)
            return RecordLine(
                record.id,
                kind,
                text,
                asked_by=question.asked_by,
                answered_by=question.answered_by,
                answer=question.answer,
            )
        case "assurance":
            assurance = cast("Assurance", record)
            return RecordLine(
                record.id,
                kind,
                text,
                theme=assurance.theme,
                sought_from=assurance.sought_from,
                response=assurance.response,
                responded_by=assurance.responded_by,
                status=assurance.status.value,
            )
        case "information_request":
            request = cast("InformationRequest", record)
            return RecordLine(
                record.id,
                kind,
                text,
                asked_by=request.asked_by,
                requested_of=request.requested_of,
                due_date=request.due_date,
                status=request.status.value,
            )
        case "resolution":
            return RecordLine(record.id, kind, text, agreed=cast("Resolution", record).form.value == "agreed")
        case "recommendation":
            return RecordLine(record.id, kind, text, addressee=cast("Recommendation", record).addressee)
        case "motion":
            motion = cast("Motion", record)
            return RecordLine(
                record.id,
                kind,
                text,
                amendment=motion.amendment,
                moved_by=motion.moved_by,
                seconded_by=motion.seconded_by,
                vote=vote_tag(motion),
                voted=motion.is_voted,
            )
    return RecordLine(record.id, kind, text)


def record_summary(record: Record | RecordLine, *, in_section: bool = False) -> Text:
    """One record as a line of the list: a kind tag, then who and what. A record under a
    sub-heading is indented. (The first screen draws it from a plain read of the record, a
    RecordLine; from then on, from the validated record.)"""
    shown = record if isinstance(record, RecordLine) else line_of(record)
    tag, style = TAGS[shown.kind]
    line = Text("  " if in_section else "")
    line.append(tag, style=style)
    line.append(" ")
    match shown.kind:
        case "heading" if shown.ends_section:
            line.append("── end of section ──", style="dim")
        case "heading":
            line.append(_short(shown.text), style="bold underline")
        case "question":
            who = shown.asked_by or "a Member"
            line.append(f"{who}: ", style="italic")
            line.append(_short(shown.text) or "(question)")
            if shown.answer:
                line.append(" → ")
                if shown.answered_by:
                    line.append(f"{shown.answered_by}: ", style="italic")
                line.append(_short(shown.answer))
            else:
                line.append("  awaiting answer", style="dim italic")
        case "assurance":
            if shown.theme:
                line.append(f"[{shown.theme}] ", style="italic")
            if shown.sought_from:
                line.append(f"of {shown.sought_from}: ", style="italic")
            line.append(_short(shown.text))
            if shown.response:
                line.append(" → ")
                if shown.responded_by:
                    line.append(f"{shown.responded_by}: ", style="italic")
                line.append(_short(shown.response))
            line.append(f"  {shown.status.replace('_', ' ')}", style="dim italic")
        case "information_request":
            if shown.requested_of:
                line.append(f"{shown.requested_of}: ", style="italic")
            line.append(_short(shown.text))
            due = f"  due {long_date(shown.due_date)}" if shown.due_date else ""
            asker = f"  asked by {shown.asked_by}" if shown.asked_by != THE_COMMITTEE else ""
            line.append(f"{asker}{due}  {shown.status}", style="dim italic")
        case "resolution":
            if shown.agreed:
                line.append("AGREED ", style="italic")
            line.append(_short(shown.text))
        case "recommendation":
            line.append(f"to {shown.addressee}: ", style="italic")
            line.append(_short(shown.text))
        case "motion":
            if shown.amendment:
                line.append("Amendment ", style="bold italic")
            movers = "/".join(name for name in (shown.moved_by, shown.seconded_by) if name)
            if movers:
                line.append(f"{movers}: ", style="italic")
            line.append(_short(shown.text) or "(the motion's words not typed)")
            line.append(f"  {shown.vote}", style="bold" if shown.voted else "dim italic")
        case _:  # a narrative
            line.append(_short(shown.text))
    return line


def sections(records: Sequence[RecordLine], under: bool = False) -> tuple[list[bool], list[bool]]:
    """For each record, whether it stands under a sub-heading (as the minutes will put it), and
    whether a section is open after it (`under`: whether one is open before the first)."""
    found, open_after = [], []
    for record in records:
        if record.kind == "heading":
            found.append(False)
            under = not record.ends_section
        else:
            under = under or (record.kind == "assurance" and bool(record.theme))
            found.append(under)
        open_after.append(under)
    return found, open_after


@dataclass
class _Shown:
    """What the list was last given and made of it: each record's line and row, and whether a
    section was open after it (to go on from, when the next records begin with the same ones)."""

    records: list[object] = field(default_factory=list)
    lines: list[RecordLine] = field(default_factory=list)
    rows: list[tuple[str, tuple[RecordLine, bool]]] = field(default_factory=list)
    open_after: list[bool] = field(default_factory=list)


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

    #: What was last shown (the screen keeps the objects of records that did not change, so a
    #: save under a long item makes one line and one row).
    _shown: _Shown = _Shown()

    def reset_rows(self) -> None:
        """Forget what is shown: the next `show` makes every line and row afresh."""
        self._shown = _Shown()
        super().reset_rows()

    def _go_on(self, records: Sequence[Record | RecordLine]) -> _Shown:
        """Lines and rows for `records`: those of the records shown before that begin them (the very
        objects) are kept, and the rest made."""
        shown = self._shown
        most = min(len(shown.records), len(records))
        same = next((i for i in range(most) if shown.records[i] is not records[i]), most)
        rest = [r if isinstance(r, RecordLine) else line_of(r) for r in records[same:]]
        found, open_after = sections(rest, shown.open_after[same - 1] if same else False)
        return _Shown(
            list(records),
            [*shown.lines[:same], *rest],
            [*shown.rows[:same], *((str(r.id), (r, under)) for r, under in zip(rest, found, strict=True))],
            [*shown.open_after[:same], *open_after],
        )

    def on_key(self, event: events.Key) -> None:
        """Typing a letter here goes to the capture line: keys never act on records by surprise."""
        if event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            self.post_message(TypedAway(event.character))

    def show(
        self,
        records: Sequence[Record | RecordLine],
        select_id: int | None = None,
        damaged: tuple[DamagedRow, ...] = (),
    ) -> None:
        """Show these records (validated, or as the first screen read them), keeping (or moving to)
        the selected one; records damaged in the database first, as damaged (they cannot be
        selected)."""
        keep = select_id if select_id is not None else self.selected_record_id
        if damaged:  # rare: lines that cannot be chosen, above the records; all drawn afresh
            self.reset_rows()
        self._shown = shown = self._go_on(records)
        lines = shown.lines
        if damaged:
            self.set_options(
                [
                    *(damaged_option(d) for d in damaged),
                    *(Option(record_summary(r, in_section=under), id=key) for key, (r, under) in shown.rows),
                ]
            )
        else:
            # Only the rows that changed are drawn again: a save under a long item adds one.
            self.show_rows(shown.rows, lambda row: record_summary(row[0], in_section=row[1]))
        if not lines:
            return
        index = next((i for i, r in enumerate(lines) if r.id == keep), len(lines) - 1)
        self.highlighted = index + len(damaged)

    @property
    def selected_record_id(self) -> int | None:
        """The id of the highlighted record."""
        option = self.highlighted_option
        return int(option.id) if option is not None and option.id and option.id.isdigit() else None
