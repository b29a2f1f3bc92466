"""A committee's house style: how its minutes word and label each kind of decision, how parts end
and begin, whether request due dates print, paragraph numbers and the language, each shown as one
line of minutes as it will print."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Checkbox, Input, Label, Select, Static

from scrutui.minutes.examples import house_style_examples
from scrutui.models import (
    Committee,
    ExemptNatures,
    LabelStyle,
    MinutesLanguage,
    PartCase,
    PartEnding,
    validation_message,
)
from scrutui.tui.guard import guarded
from scrutui.tui.screens.base import ScrutuiScreen
from scrutui.tui.widgets.key_bar import KeyBar

LABELS = [
    ("(a) (b)", LabelStyle.ALPHA.value),
    ("(i) (ii)", LabelStyle.ROMAN.value),
    ("1. 2.", LabelStyle.NUMBER_DOT.value),
    ("1) 2)", LabelStyle.NUMBER_PAREN.value),
]
#: The other decisions may be labelled as the resolutions are.
AS_RESOLUTIONS = "as_resolutions"
OTHER_LABELS = [("As resolutions", AS_RESOLUTIONS), *LABELS]


def _choices(enum: type[StrEnum]) -> list[tuple[str, str]]:
    return [(str(getattr(member, "label", member.value)), member.value) for member in enum]


#: Each kind of decision: its name on the screen, its lead-in field, its labels field and example.
DECISIONS = [
    ("Resolutions", "resolution_lead", "resolution_labels", "resolutions"),
    ("Procedural decisions", "agreed_lead", "agreed_labels", "agreed"),
    ("Recommendations ({body} is whom to)", "recommendation_lead", "recommendation_labels", "recommendations"),
    ("Information requests", "request_lead", "request_labels", "requests"),
]


class HouseStyleScreen(ScrutuiScreen[Committee | None]):
    """Set how one committee's minutes are worded. Returns the committee as saved (None if not)."""

    DEFAULT_CSS = """
    HouseStyleScreen #style-title { height: 1; background: $panel; padding: 0 1; text-style: bold; }
    HouseStyleScreen VerticalScroll { height: 1fr; padding: 0 1; }
    HouseStyleScreen .row { height: auto; }
    HouseStyleScreen .row > Vertical { height: auto; }
    HouseStyleScreen .lead { width: 2fr; padding-right: 1; }
    HouseStyleScreen .labels { width: 1fr; }
    HouseStyleScreen .half { width: 1fr; padding-right: 1; }
    HouseStyleScreen Label { text-style: bold; }
    HouseStyleScreen .example { color: $text-muted; padding: 0 0 1 2; }
    HouseStyleScreen #style-error { color: $error; height: auto; padding: 0 1; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="house-style.save", tooltip="Save the committee's house style"),
        Binding(
            "f3",
            "council_default",
            "Council's style",
            id="house-style.council",
            tooltip="Save, and make this the council's house style: new committees start from it",
        ),
        Binding("escape", "done", "Done", id="house-style.done", tooltip="Save and go back to the committee"),
    ]

    def __init__(self, committee: Committee) -> None:
        super().__init__()
        self.committee = committee

    def compose(self) -> ComposeResult:
        committee = self.committee
        yield Static(f"House style · {committee.name}", id="style-title")
        with VerticalScroll():
            for title, lead, labels, example in DECISIONS:
                with Horizontal(classes="row"):
                    with Vertical(classes="lead"):
                        yield Label(f"{title}: lead-in")
                        yield Input(getattr(committee, lead), id=f"s-{lead}")
                    with Vertical(classes="labels"):
                        yield Label("Labels")
                        value = getattr(committee, labels)
                        choices = LABELS if labels == "resolution_labels" else OTHER_LABELS
                        shown = value.value if value is not None else AS_RESOLUTIONS
                        yield Select(choices, value=shown, allow_blank=False, id=f"s-{labels}")
                yield Static(id=f"e-{example}", classes="example", markup=False)
            yield Checkbox(
                "Print each request's due date in the minutes",
                committee.request_due_dates,
                id="s-request_due_dates",
            )
            with Horizontal(classes="row"):
                with Vertical(classes="half"):
                    yield Label("Parts end with")
                    yield Select(
                        _choices(PartEnding), value=committee.part_endings.value, allow_blank=False, id="s-part_endings"
                    )
                with Vertical(classes="half"):
                    yield Label("A part's first letter")
                    yield Select(
                        _choices(PartCase), value=committee.part_case.value, allow_blank=False, id="s-part_case"
                    )
                with Vertical(classes="half"):
                    yield Label("Language of the minutes")
                    yield Select(
                        _choices(MinutesLanguage), value=committee.language.value, allow_blank=False, id="s-language"
                    )
            with Horizontal(classes="row"), Vertical(classes="half"):
                # The law makes a declaration public; its nature may reveal an exempt matter.
                yield Label("Interests declared in exempt items (public minutes)")
                yield Select(
                    _choices(ExemptNatures),
                    value=committee.exempt_declaration_natures.value,
                    allow_blank=False,
                    id="s-exempt_declaration_natures",
                )
            yield Checkbox(
                "Item.paragraph numbers: number the decisions too",
                committee.number_decisions,
                id="s-number_decisions",
            )
            yield Static(id="e-numbering", classes="example", markup=False)
        yield Label("", id="style-error")
        yield KeyBar()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#s-resolution_lead", Input).focus()
        if self.read_only:
            for field in self.query("Input, Select, Checkbox"):
                field.disabled = True
        self.show_examples()

    def values(self) -> dict[str, Any]:
        """The settings as the screen shows them."""
        found: dict[str, Any] = {}
        for _, lead, labels, _ in DECISIONS:
            found[lead] = self.query_one(f"#s-{lead}", Input).value
            chosen = self.query_one(f"#s-{labels}", Select).value
            found[labels] = None if chosen == AS_RESOLUTIONS else chosen
        for name in ("part_endings", "part_case", "language", "exempt_declaration_natures"):
            found[name] = self.query_one(f"#s-{name}", Select).value
        for name in ("request_due_dates", "number_decisions"):
            found[name] = self.query_one(f"#s-{name}", Checkbox).value
        return found

    def edited(self) -> Committee:
        """The committee with the settings shown (raises ValidationError for a bad one)."""
        return Committee.model_validate({**self.committee.model_dump(), **self.values()})

    @on(Input.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def show_examples(self) -> None:
        """Show each setting as it will print, or what is wrong with it."""
        error = self.query_one("#style-error", Label)
        try:
            committee = self.edited()
        except ValidationError as problem:
            error.update(validation_message(problem))
            return
        error.update("")
        for key, line in house_style_examples(committee).items():
            self.query_one(f"#e-{key}", Static).update(f"→ {line}")

    def save(self) -> bool:
        """Save the settings; on a problem say what and stay. True when saved."""
        self.require_writable()
        error = self.query_one("#style-error", Label)
        try:
            committee = self.edited()
        except ValidationError as problem:
            error.update(validation_message(problem))
            return False
        self.store.committees.update(committee)
        self.committee = committee
        return True

    @guarded
    def action_save(self) -> None:
        """Save the house style."""
        if self.save():
            self.notify("House style saved.")

    @guarded
    def action_council_default(self) -> None:
        """Save, and make this the council's house style."""
        if self.save():
            self.store.committees.set_council_style(self.committee)
            self.notify("Saved. New committees will start from this house style.")

    @guarded
    def action_done(self) -> None:
        """Save and go back."""
        if self.read_only:
            self.dismiss(None)
        elif self.save():
            self.dismiss(self.committee)
