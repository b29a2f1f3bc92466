"""Pick the kind of record to enter through a form."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from scrutui.models import RecordKind
from scrutui.tui.screens.base import ScrutuiModal

#: The key that picks each kind, the same letters as the capture line's prefixes.
KIND_KEYS = [
    ("h", RecordKind.HEADING),
    ("n", RecordKind.NARRATIVE),
    ("q", RecordKind.QUESTION),
    ("s", RecordKind.ASSURANCE),
    ("i", RecordKind.INFORMATION_REQUEST),
    ("r", RecordKind.RESOLUTION),
    ("c", RecordKind.RECOMMENDATION),
    ("m", RecordKind.MOTION),
]


class KindPicker(ScrutuiModal[RecordKind | None]):
    """Which kind of record? Arrow keys and Enter, or the letter shown."""

    DEFAULT_CSS = """
    KindPicker { align: center middle; }
    KindPicker > Vertical { width: 44; height: auto; border: thick $accent; background: $surface; padding: 0 1; }
    KindPicker OptionList { height: auto; max-height: 10; }
    """

    BINDINGS = [
        Binding("escape", "dismiss_none", "Cancel", id="kind.cancel", tooltip="Close without choosing"),
        *[
            Binding(key, f"pick('{kind.value}')", kind.label, show=False, id=f"kind.{kind.value}")
            for key, kind in KIND_KEYS
        ],
    ]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("New record through a form: which kind?")
            yield OptionList(
                *[Option(f"{key}  {kind.label}", id=kind.value) for key, kind in KIND_KEYS], id="kinds"
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(RecordKind(str(event.option.id)))

    def action_pick(self, kind: str) -> None:
        """Choose a kind by its letter."""
        self.dismiss(RecordKind(kind))

    def action_dismiss_none(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
