"""Limit a search: which kinds of record, one committee, a date range, a person or role, a status.
Space ticks a kind; Enter (or ctrl+s) applies from anywhere; Escape leaves the filters as they were."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Checkbox, Input, Label, Select

from scrutui.search import KINDS, STATUSES, check_dates, kind_label, status_word
from scrutui.tui.screens.form_modal import FormModal
from scrutui.tui.screens.response_form import typed_date
from scrutui.tui.widgets.option_box import OptionBox

#: Statuses in the order the form offers them.
STATUS_CHOICES = [("Any status", ""), ("Still owed (requests and recommendations)", "open")] + [
    (status_word(s).capitalize(), s) for s in STATUSES if s != "open"
]


@dataclass(frozen=True)
class SearchFilters:
    """What a search is limited to (besides its words)."""

    kinds: frozenset[str] = frozenset()
    committee_id: int | None = None
    committee: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    person: str = ""
    status: str = ""

    def words(self) -> str:
        """The filters in words: "questions, assurances · Health · from 1/1/2025 · of Director ..." """
        kinds = ", ".join(kind_label(k).lower() for k in KINDS if k in self.kinds) or "every kind"
        parts = [kinds, self.committee or "all committees"]
        if self.date_from and self.date_to:
            parts.append(f"{self.date_from:%d/%m/%Y}–{self.date_to:%d/%m/%Y}")
        elif self.date_from:
            parts.append(f"from {self.date_from:%d/%m/%Y}")
        elif self.date_to:
            parts.append(f"to {self.date_to:%d/%m/%Y}")
        if self.person:
            parts.append(f"of “{self.person}”")
        if self.status:
            parts.append(status_word(self.status))
        return " · ".join(parts)


class SearchFiltersForm(FormModal[SearchFilters | None]):
    """The search's filters."""

    DEFAULT_CSS = """
    SearchFiltersForm { align: center middle; }
    SearchFiltersForm > Vertical { width: 95%; max-width: 100; height: auto; max-height: 100%; border: thick $accent; background: $surface; padding: 0 1; }
    SearchFiltersForm .row { height: auto; }
    SearchFiltersForm .row > Vertical { width: 1fr; height: auto; padding-right: 1; }
    SearchFiltersForm Label.field { text-style: bold; }
    SearchFiltersForm Checkbox, SearchFiltersForm Checkbox:focus { border: none; padding: 0; }
    SearchFiltersForm #filters-error { color: $error; height: auto; }
    """

    BINDINGS = [
        Binding("ctrl+s,enter", "save", "Apply", id="filters.apply", tooltip="Search with these filters"),
        Binding("escape", "cancel", "Cancel", id="filters.cancel", tooltip="Leave the filters as they were"),
        Binding("ctrl+r", "clear", "Clear", id="filters.clear", tooltip="Clear every filter"),
    ]

    def __init__(self, filters: SearchFilters, committees: list[tuple[str, int]]) -> None:
        super().__init__()
        self.filters = filters
        self.committees = committees

    def compose(self) -> ComposeResult:
        f = self.filters
        with Vertical():
            yield Label(
                "Search only: Space ticks · Enter applies · ctrl+r clears · Esc cancels", classes="field"
            )
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Kinds (none ticked: every kind)", classes="field")
                    for kind in KINDS:
                        yield OptionBox(kind_label(kind), value=kind in f.kinds, id=f"kind-{kind}")
                with Vertical():
                    yield Label("Committee", classes="field")
                    yield Select(
                        [("All committees", 0), *self.committees],
                        value=f.committee_id or 0,
                        allow_blank=False,
                        id="filters-committee",
                    )
                    yield Label("Status", classes="field")
                    yield Select(STATUS_CHOICES, value=f.status, allow_blank=False, id="filters-status")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Person or role", classes="field")
                    yield Input(f.person, placeholder="e.g. Director of Finance", id="filters-person")
                with Vertical():
                    yield Label("Meetings from", classes="field")
                    yield Input(_day(f.date_from), placeholder="dd/mm/yyyy", id="filters-from")
                with Vertical():
                    yield Label("to", classes="field")
                    yield Input(_day(f.date_to), placeholder="dd/mm/yyyy", id="filters-to")
            yield Label("", id="filters-error")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(f"#kind-{KINDS[0]}", Checkbox).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def action_clear(self) -> None:
        """Untick and empty everything."""
        for box in self.query(OptionBox):
            box.value = False
        self.query_one("#filters-committee", Select).value = 0
        self.query_one("#filters-status", Select).value = ""
        for name in ("person", "from", "to"):
            self.query_one(f"#filters-{name}", Input).value = ""

    def action_save(self) -> None:
        """Close with the filters, or say what is wrong with them."""
        error = self.query_one("#filters-error", Label)
        try:
            start = typed_date(self.query_one("#filters-from", Input).value)
            end = typed_date(self.query_one("#filters-to", Input).value)
            check_dates(start, end)
        except Exception as problem:
            error.update(str(problem))
            return
        committee = self.query_one("#filters-committee", Select).value
        committee_id = int(committee) if isinstance(committee, int) and committee else None
        names = {value: name for name, value in self.committees}
        self.dismiss(
            SearchFilters(
                kinds=frozenset(k for k in KINDS if self.query_one(f"#kind-{k}", Checkbox).value),
                committee_id=committee_id,
                committee=names.get(committee_id or 0, ""),
                date_from=start,
                date_to=end,
                person=" ".join(self.query_one("#filters-person", Input).value.split()),
                status=str(self.query_one("#filters-status", Select).value or ""),
            )
        )


def _day(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""
