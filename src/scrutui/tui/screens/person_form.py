"""Add or edit a person: their name as the minutes give it, their title, and their role."""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select

from scrutui.models import Membership, Person, Role, parse_date, validation_message
from scrutui.tui.screens.form_modal import FormModal


class PersonEntry(NamedTuple):
    """What the person form gives back: the person, their role, and the dates they serve."""

    person: Person
    role: Role
    from_date: dt.date | None = None
    to_date: dt.date | None = None


_COUNCILLOR = re.compile(r"^(cllr\.?|councillor)\b", re.IGNORECASE)


def likely_role(name: str) -> Role:
    """The role a new name most likely has: "Councillor Joan Pike" a member, anyone else an officer
    (a name typed on the capture line is most often the officer who answered)."""
    return Role.MEMBER if _COUNCILLOR.match(name.strip()) else Role.OFFICER


def _shown(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


class PersonForm(FormModal[PersonEntry | None]):
    """A person and their role on the committee. ctrl+s (or Enter on the last field) saves.

    With `dates`, it also asks when they serve on the committee (blank: no limit).
    """

    DEFAULT_CSS = """
    PersonForm { align: center middle; }
    PersonForm > Vertical { width: 70; height: auto; border: thick $accent; background: $surface; padding: 0 1; }
    PersonForm Label.field { margin-top: 1; text-style: bold; }
    PersonForm Label.hint { color: $text-muted; }
    PersonForm #person-error { color: $error; height: auto; }
    PersonForm #buttons { height: 3; align: right middle; }
    PersonForm #served { height: auto; }
    PersonForm #served Input { width: 1fr; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="person.save", tooltip="Save this person"),
        Binding("escape", "cancel", "Cancel", id="person.cancel", tooltip="Close without saving"),
    ]

    def __init__(
        self,
        name: str = "",
        title: str = "",
        role: Role = Role.MEMBER,
        person_id: int | None = None,
        *,
        dates: bool = False,
        served: tuple[dt.date | None, dt.date | None] = (None, None),
    ) -> None:
        super().__init__()
        self.initial = (name, title, role)
        self.person_id = person_id
        self.dates = dates
        self.served = served

    def compose(self) -> ComposeResult:
        name, title, role = self.initial
        with Vertical():
            yield Label(
                f"{'Person' if self.person_id else 'New person'}  (ctrl+s saves, Escape cancels)",
                classes="field",
            )
            yield Label("Name, as the minutes give it", classes="field")
            yield Label("e.g. Councillor Helen Marsh, or Dr Sam Okafor", classes="hint")
            yield Input(name, id="person-name")
            yield Label("Title or role (officers and witnesses)", classes="field")
            yield Label("e.g. Director of Children's Services: minutes name officers by it", classes="hint")
            yield Input(title, id="person-title")
            yield Label("On this committee as", classes="field")
            yield Select(
                [(r.label, r.value) for r in Role], value=role.value, allow_blank=False, id="person-role"
            )
            if self.dates:
                yield Label("Serves from / until (dd/mm/yyyy; blank: no limit)", classes="field")
                with Horizontal(id="served"):
                    yield Input(_shown(self.served[0]), id="person-from", placeholder="from")
                    yield Input(_shown(self.served[1]), id="person-to", placeholder="until")
            yield Label("", id="person-error")
            with Horizontal(id="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#person-name", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "person-name":
            self.query_one("#person-title", Input).focus()
        else:
            self.query_one("#person-role", Select).focus()

    def action_save(self) -> None:
        """Check and return the person."""
        role = Role(str(self.query_one("#person-role", Select).value))
        try:
            person = Person(
                id=self.person_id,
                name=self.query_one("#person-name", Input).value,
                title=self.query_one("#person-title", Input).value,
            )
            served = Membership(
                committee_id=0,
                person_id=0,
                role=role,
                from_date=parse_date(self.query_one("#person-from", Input).value) if self.dates else None,
                to_date=parse_date(self.query_one("#person-to", Input).value) if self.dates else None,
            )
        except (ValidationError, ValueError) as error:
            self.query_one("#person-error", Label).update(validation_message(error))
            return
        self.dismiss(PersonEntry(person, role, served.from_date, served.to_date))
