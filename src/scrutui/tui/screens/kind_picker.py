"""Pick the kind of record to enter through a form, by the same prefix the capture line uses."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from scrutui.capture import CaptureKind
from scrutui.models import RecordKind
from scrutui.tui.screens.base import ScrutuiModal


@dataclass(frozen=True)
class FormKind:
    """What the form is for: a kind of record, as each capture-line prefix makes it."""

    prefix: str
    label: str
    capture: CaptureKind
    kind: RecordKind


#: Each choice under its capture-line prefix, in the order the capture line's grammar gives them.
#: ``a`` opens the last unanswered question or assurance, to fill in the answer.
FORM_KINDS = [
    FormKind("h", "Sub-heading", CaptureKind.HEADING, RecordKind.HEADING),
    FormKind("n", "Narrative", CaptureKind.NARRATIVE, RecordKind.NARRATIVE),
    FormKind("q", "Question", CaptureKind.QUESTION, RecordKind.QUESTION),
    FormKind("a", "Answer (the last open question or assurance)", CaptureKind.ANSWER, RecordKind.QUESTION),
    FormKind("as", "Assurance", CaptureKind.ASSURANCE, RecordKind.ASSURANCE),
    FormKind("ir", "Information request", CaptureKind.INFORMATION_REQUEST, RecordKind.INFORMATION_REQUEST),
    FormKind("r", "Resolution (RESOLVED)", CaptureKind.RESOLUTION, RecordKind.RESOLUTION),
    FormKind("ag", "Procedural decision (AGREED)", CaptureKind.AGREED, RecordKind.RESOLUTION),
    FormKind("rec", "Recommendation", CaptureKind.RECOMMENDATION, RecordKind.RECOMMENDATION),
    FormKind("m", "Motion", CaptureKind.MOTION, RecordKind.MOTION),
    FormKind("am", "Amendment (to the motion above)", CaptureKind.AMENDMENT, RecordKind.MOTION),
]


def matching(typed: str) -> list[FormKind]:
    """The choices whose prefix starts with what has been typed."""
    return [choice for choice in FORM_KINDS if choice.prefix.startswith(typed)]


class KindPicker(ScrutuiModal[FormKind | None]):
    """Which kind of record? Type its capture-line prefix (q, as, ir, rec ...): a prefix no longer
    one starts with picks at once; Enter picks the one highlighted. Arrow keys work too."""

    DEFAULT_CSS = """
    KindPicker { align: center middle; }
    KindPicker > Vertical { width: 56; height: auto; border: thick $accent; background: $surface; padding: 0 1; }
    KindPicker OptionList { height: auto; max-height: 14; }
    KindPicker #typed { color: $text-muted; }
    """

    BINDINGS = [
        Binding("escape", "dismiss_none", "Cancel", id="kind.cancel", tooltip="Close without choosing"),
        Binding(
            "backspace",
            "forget_letter",
            "Back a letter",
            show=False,
            id="kind.backspace",
            tooltip="Take back the last letter typed",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.typed = ""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("New record through a form: type its prefix, as on the capture line")
            yield OptionList(
                *[Option(f"{choice.prefix:<4} {choice.label}", id=choice.prefix) for choice in FORM_KINDS],
                id="kinds",
            )
            yield Label("", id="typed")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_key(self, event: events.Key) -> None:
        """A letter adds to the prefix typed so far; the one prefix it can only be is chosen."""
        letter = event.character or ""
        if len(letter) != 1 or not letter.isalpha() or not letter.islower():
            return
        event.stop()
        event.prevent_default()
        found = matching(self.typed + letter)
        if not found:
            self.app.bell()
            return
        self.typed += letter
        if len(found) == 1:
            self.dismiss(found[0])
            return
        exact = next((choice for choice in found if choice.prefix == self.typed), found[0])
        self.query_one(OptionList).highlighted = FORM_KINDS.index(exact)
        others = ", ".join(choice.prefix for choice in found if choice is not exact)
        self.query_one("#typed", Label).update(f"{self.typed}: Enter for {exact.label.lower()}, or go on ({others})")

    def action_forget_letter(self) -> None:
        """Take back the last letter typed."""
        self.typed = self.typed[:-1]
        self.query_one("#typed", Label).update(self.typed)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(next(choice for choice in FORM_KINDS if choice.prefix == event.option.id))

    def action_dismiss_none(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
