"""One committee: its name, quorum and house style, and the people who sit on or attend it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Input, Label, Select, Static

from scrutui.errors import ScrutuiError
from scrutui.formalities import SCHEME_LABELS, municipal_year, municipal_year_label, parse_municipal_year
from scrutui.minutes.examples import resolution_example
from scrutui.models import (
    Attribution,
    Committee,
    Jurisdiction,
    Membership,
    Role,
    validation_message,
)
from scrutui.tui.guard import guarded
from scrutui.tui.screens.base import ScrutuiScreen
from scrutui.tui.screens.confirm import Confirm
from scrutui.tui.screens.person_form import PersonEntry, PersonForm
from scrutui.tui.widgets.key_bar import KeyBar

ATTRIBUTION = [("Name the member", Attribution.NAMED.value), ('Write "a Member"', Attribution.A_MEMBER.value)]
SCHEMES = [(label, scheme.value) for scheme, label in SCHEME_LABELS.items()]
NATIONS = [
    ("England", Jurisdiction.ENGLAND.value),
    ("Wales", Jurisdiction.WALES.value),
    ("Scotland", Jurisdiction.SCOTLAND.value),
    ("Northern Ireland", Jurisdiction.NORTHERN_IRELAND.value),
]


class CommitteeScreen(ScrutuiScreen[int | None]):
    """Create or edit a committee. Returns its id when saved."""

    DEFAULT_CSS = """
    CommitteeScreen #committee-title { height: 1; background: $panel; padding: 0 1; text-style: bold; }
    CommitteeScreen #settings { height: auto; max-height: 60%; padding: 0 1; }
    CommitteeScreen .row { height: auto; }
    CommitteeScreen .row > Vertical { width: 1fr; height: auto; padding-right: 1; }
    CommitteeScreen Label { text-style: bold; }
    CommitteeScreen #committee-error { color: $error; height: auto; width: 1fr; text-overflow: fold; padding: 0 1; }
    CommitteeScreen #people-title { padding: 0 1; margin-top: 1; }
    CommitteeScreen DataTable { height: 1fr; min-height: 4; }
    """

    #: What changes something: left off the key bar when the database is open read-only.
    EDITING = frozenset({"save", "add_person", "edit_person", "remove_person"})

    BINDINGS = [
        Binding(
            "ctrl+s", "save", "Save", id="committee.save", tooltip="Save the committee's name and settings"
        ),
        Binding(
            "ctrl+n",
            "add_person",
            "Add person",
            id="committee.add-person",
            tooltip="Add a member, officer, cabinet member or witness",
        ),
        Binding(
            "ctrl+o",
            "edit_person",
            "Edit person",
            id="committee.edit-person",
            tooltip="Edit the person selected in the list",
        ),
        Binding(
            "ctrl+r",
            "remove_person",
            "Remove person",
            id="committee.remove-person",
            tooltip="Take the selected person off the committee",
        ),
        Binding(
            "f2",
            "house_style",
            "House style",
            id="committee.house-style",
            tooltip="How the minutes word and label decisions, number paragraphs, and their language",
        ),
        Binding("escape", "done", "Done", id="committee.done", tooltip="Save and go on"),
    ]

    def __init__(self, committee_id: int | None) -> None:
        super().__init__()
        self.committee_id = committee_id

    def compose(self) -> ComposeResult:
        committee = (
            self.store.committees.get(self.committee_id)
            if self.committee_id
            else Committee(name="New committee", **self.store.committees.council_style())
        )
        yield Static("Committee" if self.committee_id else "New committee", id="committee-title")
        with VerticalScroll(id="settings"):
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Name")
                    yield Input(
                        "" if not self.committee_id else committee.name,
                        id="c-name",
                        placeholder="e.g. Children and Young People Scrutiny Committee",
                    )
                with Vertical():
                    yield Label("Quorum")
                    yield Input(str(committee.quorum), id="c-quorum", type="integer")
                with Vertical():
                    yield Label("Word template")
                    yield Input(committee.template_path, id="c-template", placeholder="scrutui's if blank")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Questions in the minutes")
                    yield Select(
                        ATTRIBUTION,
                        value=committee.question_attribution.value,
                        allow_blank=False,
                        id="c-attribution",
                    )
                with Vertical():
                    yield Label("Nation (holidays, 12A)")
                    yield Select(
                        NATIONS, value=committee.jurisdiction.value, allow_blank=False, id="c-nation"
                    )
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Recommendations go to")
                    yield Input(committee.recommendation_body, id="c-body")
                with Vertical():
                    yield Label("Info due (working days)")
                    yield Input(str(committee.information_request_days), id="c-days", type="integer")
                with Vertical():
                    yield Label("Response due (months)")
                    yield Input(str(committee.recommendation_response_months), id="c-months", type="integer")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Minute numbers")
                    yield Select(
                        SCHEMES, value=committee.numbering_scheme.value, allow_blank=False, id="c-scheme"
                    )
                with Vertical():
                    yield Label("Every year from")
                    yield Input(str(committee.numbering_start), id="c-start", type="integer")
                with Vertical():
                    yield Label("Except the year")
                    yield Input(municipal_year_label(municipal_year(dt.date.today())), id="c-year")
                with Vertical():
                    yield Label("which starts at")
                    yield Input(id="c-year-start", type="integer", placeholder="as every year")
            yield Static(id="c-style", markup=False)
        yield Label("", id="committee-error")
        yield Label(
            "People: ctrl+n add · ctrl+o (or Enter in the list) edit · ctrl+r remove", id="people-title"
        )
        yield DataTable(cursor_type="row", id="people")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Name", "Title", "Role", "Serves")
        self.reload_people()
        self.show_year_start()
        self.show_style()
        self.query_one("#c-name", Input).focus()
        if self.read_only:  # nothing typed here could be saved: say so by not taking it
            for field in self.query("#settings Input, #settings Select"):
                field.disabled = True
            table.focus()

    def reload_people(self) -> None:
        """Show the committee's people."""
        table = self.query_one(DataTable)
        table.clear()
        if self.committee_id is None:
            return
        for cp, served in self.store.committees.served(self.committee_id):
            table.add_row(
                Text(cp.person.name),
                Text(cp.person.title),
                cp.role.label,
                _served(served),
                key=str(cp.person.id),
            )

    def _values(self) -> dict[str, Any]:
        def number(widget_id: str) -> str:
            return self.query_one(widget_id, Input).value.strip() or "0"

        return {
            "id": self.committee_id,
            "name": self.query_one("#c-name", Input).value,
            "quorum": number("#c-quorum"),
            "question_attribution": self.query_one("#c-attribution", Select).value,
            "jurisdiction": self.query_one("#c-nation", Select).value,
            "recommendation_body": self.query_one("#c-body", Input).value,
            "information_request_days": number("#c-days"),
            "recommendation_response_months": number("#c-months"),
            "template_path": self.query_one("#c-template", Input).value,
            "numbering_scheme": self.query_one("#c-scheme", Select).value,
            "numbering_start": number("#c-start"),
        }

    def save(self) -> bool:
        """Save the committee; on a problem say what and keep the form. True when saved."""
        error = self.query_one("#committee-error", Label)
        self.require_writable()
        try:
            base = self.store.committees.get(self.committee_id).model_dump() if self.committee_id else {}
            committee = Committee.model_validate({**base, **self._values()})
        except ValidationError as problem:
            error.update(validation_message(problem))
            return False
        try:
            if committee.template_path:
                from scrutui.export.template import choose_template, load_template

                load_template(choose_template(None, committee, self.store.path))
            if self.committee_id is None:
                self.committee_id = self.store.committees.add(committee).id
                self.query_one("#committee-title", Static).update("Committee")
            else:
                self.store.committees.update(committee)
            year_start = self.query_one("#c-year-start", Input).value.strip()
            assert self.committee_id is not None
            self.store.committees.set_first_minute_number(
                self.committee_id, self._year(), int(year_start) if year_start else None
            )
        except Exception as problem:
            from scrutui.tui.guard import describe_error

            error.update(describe_error(problem))
            return False
        error.update("")
        return True

    def _year(self) -> int:
        """The municipal year typed beside its own first minute number."""
        return parse_municipal_year(self.query_one("#c-year", Input).value)

    @on(Input.Changed, "#c-year")
    def show_year_start(self) -> None:
        """Show the first minute number set for the municipal year typed, if one is."""
        if self.committee_id is None:
            return
        try:
            year = self._year()
        except ScrutuiError:
            return
        found = self.store.committees.first_minute_number(self.committee_id, year)
        self.query_one("#c-year-start", Input).value = "" if found is None else str(found)

    def show_style(self) -> None:
        """One line of the house style as it will print (F2 changes it)."""
        committee = (
            self.store.committees.get(self.committee_id)
            if self.committee_id
            else Committee(name="New committee", **self.store.committees.council_style())
        )
        self.query_one("#c-style", Static).update(f"House style (F2): {resolution_example(committee)}")

    @guarded
    def action_house_style(self) -> None:
        """Open the house style (the committee is saved first)."""
        if not self.read_only and not self.save():
            return
        if self.committee_id is None:
            self.notify("Save the committee first (it needs a name).", severity="warning")
            return
        from scrutui.tui.screens.house_style import HouseStyleScreen

        def back(_: Committee | None) -> None:
            self.show_style()

        self.app.push_screen(HouseStyleScreen(self.store.committees.get(self.committee_id)), back)

    @guarded
    def action_save(self) -> None:
        """Save the committee's settings."""
        if self.save():
            self.notify("Committee saved.")

    @guarded
    def action_done(self) -> None:
        """Save and go on."""
        if self.read_only or self.save():
            self.dismiss(self.committee_id)

    @guarded
    def action_add_person(self) -> None:
        """Add a person (the committee is saved first if it is new)."""
        if not self.save():
            return

        def added(result: PersonEntry | None) -> None:
            if result is not None and self.committee_id is not None:
                person = self.store.committees.add_person(self.committee_id, *result)
                self.reload_people()
                # Show the new row (the list may be longer than the screen): it was saved.
                table = self.query_one(DataTable)
                table.move_cursor(row=table.get_row_index(str(person.id)), scroll=True)
                self.notify(f"Added {person.name}.")

        self.app.push_screen(PersonForm(role=Role.MEMBER, dates=True), added)

    def _selected_person(self) -> PersonEntry | None:
        table = self.query_one(DataTable)
        if self.committee_id is None or not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        for cp, served in self.store.committees.served(self.committee_id):
            if str(cp.person.id) == key:
                return PersonEntry(cp.person, cp.role, served.from_date, served.to_date)
        return None

    @guarded
    def action_edit_person(self) -> None:
        """Edit the selected person."""
        self.require_writable()
        selected = self._selected_person()
        if selected is None:
            return
        person, role, from_date, to_date = selected

        def edited(result: PersonEntry | None) -> None:
            if result is not None and self.committee_id is not None:
                self.store.committees.update_person(self.committee_id, *result, dates=True)
                self.reload_people()

        form = PersonForm(
            person.name, person.title, role, person_id=person.id, dates=True, served=(from_date, to_date)
        )
        self.app.push_screen(form, edited)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit_person()

    @guarded
    def action_remove_person(self) -> None:
        """Take the selected person off the committee, after asking."""
        self.require_writable()
        selected = self._selected_person()
        if selected is None:
            return
        person = selected.person

        def answered(yes: bool | None) -> None:
            if yes and self.committee_id is not None and person.id is not None:
                self.store.committees.remove_person(self.committee_id, person.id)
                self.reload_people()

        self.app.push_screen(
            Confirm(f"Take {person.name} off the committee? Records that name them are kept.", "Remove"),
            answered,
        )


def _served(served: Membership) -> str:
    """When someone serves, as the people list shows it."""
    if served.from_date and served.to_date:
        return f"{served.from_date:%d/%m/%Y} to {served.to_date:%d/%m/%Y}"
    if served.from_date:
        return f"since {served.from_date:%d/%m/%Y}"
    if served.to_date:
        return f"until {served.to_date:%d/%m/%Y}"
    return ""
