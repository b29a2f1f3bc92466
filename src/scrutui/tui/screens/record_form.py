"""A form for any kind of record: every field the capture line can set, and the ones it cannot
(status, due date, responses)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Label, Select, TextArea

from scrutui.models import (
    AssuranceStatus,
    ExecutiveResponse,
    InformationRequest,
    MotionOutcome,
    Record,
    RecordKind,
    ReportingVerb,
    RequestStatus,
    ResolutionForm,
    record_from_dict,
    validation_message,
)
from scrutui.session import MinutingSession
from scrutui.store.records import RecordChanged
from scrutui.tui.guard import describe_error
from scrutui.tui.screens.form_modal import FormModal
from scrutui.tui.screens.record_changed import Choice, RecordChangedDialog
from scrutui.tui.widgets.capture_line import NameSuggester
from scrutui.tui.widgets.tick_box import TickBox


@dataclass(frozen=True)
class Field:
    """One field of the form."""

    name: str
    label: str
    widget: str = "line"  # line, name, text, date, count, choice, flag
    choices: type[StrEnum] | None = None
    hint: str = ""


def _choices(enum: type[StrEnum]) -> list[tuple[str, str]]:
    def shown(member: StrEnum) -> str:
        label = getattr(member, "label", None)
        return str(label) if isinstance(label, str) else member.value.replace("_", " ").capitalize()

    return [(shown(member), member.value) for member in enum]


FIELDS: dict[RecordKind, list[Field]] = {
    RecordKind.HEADING: [
        Field("text", "Sub-heading", hint="e.g. Workforce; what follows stands under it"),
        Field("ends_section", "Only end the section above (no heading)", "flag"),
    ],
    RecordKind.NARRATIVE: [
        Field("text", "Narrative", "text", hint="one paragraph a line; - or (a) or 1. starts a list item")
    ],
    RecordKind.QUESTION: [
        Field("asked_by", "Asked by", "name", hint="blank: a Member"),
        Field("text", "Question", "text", hint="may be blank when only the answer is minuted"),
        Field("answered_by", "Answered by", "name"),
        Field("answer", "Answer", "text"),
    ],
    RecordKind.ASSURANCE: [
        Field("theme", "Theme", hint="e.g. Workforce: its sub-heading, unless already under it"),
        Field("sought_from", "Sought from", "name", hint="blank: nobody named"),
        Field("text", "Assurance sought", "text"),
        Field("responded_by", "Response by", "name", hint="blank: \"It was confirmed that ...\""),
        Field("response", "Response", "text"),
        Field("reported_as", "Reported as", "choice", ReportingVerb),
        Field("status", "Assurance", "choice", AssuranceStatus),
    ],
    RecordKind.INFORMATION_REQUEST: [
        Field("asked_by", "Asked by", "name", hint="the member who asked; blank: the Committee"),
        Field("requested_of", "Requested of", "name"),
        Field("text", "Information requested", "text"),
        Field("due_date", "Due by", "date", hint="dd/mm/yyyy; blank: worked out from the meeting date"),
        Field("status", "Status", "choice", RequestStatus),
        Field("answered_on", "Answered on", "date", hint="dd/mm/yyyy"),
        Field("response", "Response (or reasons for refusal)", "text"),
    ],
    RecordKind.RESOLUTION: [
        Field("text", "That ...", "text"),
        Field("form", "Introduced as", "choice", ResolutionForm),
    ],
    RecordKind.RECOMMENDATION: [
        Field("addressee", "Recommended to", "name"),
        Field("text", "That ...", "text"),
        Field("response_due", "Response due", "date", hint="dd/mm/yyyy; blank: worked out from the meeting"),
        Field("response_status", "Executive response", "choice", ExecutiveResponse),
        Field("response_date", "Response date", "date", hint="dd/mm/yyyy"),
        Field("response_text", "Response", "text"),
    ],
    RecordKind.MOTION: [
        Field("moved_by", "Moved by", "name"),
        Field("seconded_by", "Seconded by", "name"),
        Field("text", "That ...", "text", hint="the words put to the vote"),
        Field("amendment", "An amendment to the motion above it", "flag"),
        Field("outcome", "Outcome", "choice", MotionOutcome),
        Field("votes_for", "For", "count", hint="a show of hands; blank: not counted (F10 takes a recorded vote)"),
        Field("votes_against", "Against", "count"),
        Field("abstentions", "Abstentions", "count"),
        Field("casting_vote", "Decided on the Chair's casting vote (an equality of votes)", "flag"),
    ],
}


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime") and not isinstance(value, str):
        return str(value.strftime("%d/%m/%Y"))
    return str(value.value if isinstance(value, StrEnum) else value)


class RecordForm(FormModal[Record | None]):
    """Enter or edit one record. ctrl+s saves; Escape leaves without saving."""

    DEFAULT_CSS = """
    RecordForm { align: center middle; }
    RecordForm > Vertical { width: 90%; max-width: 100; height: 90%; border: thick $accent; background: $surface; }
    RecordForm #form-title { text-style: bold; padding: 0 1; }
    RecordForm VerticalScroll { height: 1fr; padding: 0 1; }
    RecordForm Label.field { margin-top: 1; text-style: bold; }
    RecordForm Label.hint { color: $text-muted; }
    RecordForm TextArea { height: 5; }
    RecordForm #form-error { color: $error; padding: 0 1; height: auto; }
    RecordForm #buttons { height: 3; align: right middle; padding: 0 1; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="form.save", tooltip="Save this record"),
        Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without saving"),
    ]

    def __init__(
        self,
        session: MinutingSession,
        agenda_item_id: int,
        kind: RecordKind,
        record: Record | None,
        *,
        preset: dict[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.agenda_item_id = agenda_item_id
        self.kind = kind
        self.record = record
        #: Values a new record starts with (a procedural decision is a resolution "AGREED").
        self.preset = preset or {}

    def compose(self) -> ComposeResult:
        verb = self.verb()
        values = self.record.model_dump() if self.record else dict(self.preset)
        if not self.record and self.kind is RecordKind.RECOMMENDATION:
            values["addressee"] = self.session.committee.recommendation_body
        with Vertical():
            yield Label(f"{verb} {self.kind.label.lower()}  (ctrl+s saves, Escape cancels)", id="form-title")
            with VerticalScroll():
                yield from self.extra_fields()
                for field in FIELDS[self.kind]:
                    if field.widget != "flag":  # a checkbox carries its own label
                        yield Label(field.label, classes="field")
                    if field.hint:
                        yield Label(field.hint, classes="hint")
                    yield self._widget(field, values.get(field.name))
            yield Label("", id="form-error")
            with Horizontal(id="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def _widget(self, field: Field, value: Any) -> Input | TextArea | Select[str] | Checkbox:
        widget_id = f"field-{field.name}"
        match field.widget:
            case "flag":
                return TickBox(field.label, bool(value), id=widget_id)
            case "text":
                return TextArea(_shown(value), id=widget_id, soft_wrap=True, show_line_numbers=False)
            case "choice":
                assert field.choices is not None
                shown = _shown(value) or next(iter(field.choices)).value
                return Select(_choices(field.choices), value=shown, allow_blank=False, id=widget_id)
            case "name":
                return Input(_shown(value), id=widget_id, suggester=NameSuggesterForField(self.session))
            case "date":
                return Input(_shown(value), id=widget_id, placeholder="dd/mm/yyyy")
            case "count":
                return Input(_shown(value), id=widget_id, type="integer", placeholder="not counted")
        return Input(_shown(value), id=widget_id)

    def on_mount(self) -> None:
        first = self.query("Input, TextArea").first()
        first.focus()

    def gather(self) -> dict[str, Any]:
        """The form's values as a record dict."""
        data: dict[str, Any] = self.record.model_dump() if self.record else {}
        data.update({"kind": self.kind.value, "agenda_item_id": self.agenda_item_id})
        for field in FIELDS[self.kind]:
            widget = self.query_one(f"#field-{field.name}")
            if isinstance(widget, TextArea):
                data[field.name] = widget.text
            elif isinstance(widget, (Checkbox, Select)):
                data[field.name] = widget.value
            elif isinstance(widget, Input):
                blank_is_none = field.widget in ("date", "count")
                data[field.name] = widget.value if widget.value.strip() or not blank_is_none else None
        if self.kind is RecordKind.INFORMATION_REQUEST:
            typed, before = data.get("due_date"), self.record
            if not typed:
                data["due_date_by_hand"] = False  # worked out again from the meeting date
            elif isinstance(before, InformationRequest) and _shown(before.due_date) == typed:
                data["due_date_by_hand"] = before.due_date_by_hand
            else:
                data["due_date_by_hand"] = True
        return data

    def action_save(self) -> None:
        """Validate and save; on a problem, say what and keep the form."""
        error = self.query_one("#form-error", Label)
        try:
            record = record_from_dict(self.gather())
        except ValidationError as problem:
            error.update(validation_message(problem))
            return
        try:
            saved = self.save_record(record)
        except RecordChanged as changed:
            error.update(str(changed))
            self.app.push_screen(RecordChangedDialog(changed), functools.partial(self._chosen, record, changed))
            return
        except Exception as problem:
            error.update(describe_error(problem))
            return
        self.dismiss(saved)

    def _chosen(self, record: Record, changed: RecordChanged, choice: Choice | None) -> None:
        """What to do with the form's version of a record changed or deleted elsewhere meanwhile."""
        error = self.query_one("#form-error", Label)
        current = changed.current
        try:
            if choice is Choice.MINE:
                if current is None:
                    assert record.id is not None
                    current = self.session.store.records.restore(record.id)
                self.dismiss(self.session.save(record, expected=current.version))
            elif choice is Choice.BOTH:
                self.dismiss(self.session.save(record.model_copy(update={"id": None, "version": 0})))
            else:
                self.dismiss(None)  # theirs stands; the list shows it again
        except RecordChanged as again:
            error.update(str(again))
            self.app.push_screen(RecordChangedDialog(again), functools.partial(self._chosen, record, again))
        except Exception as problem:
            error.update(describe_error(problem))

    def verb(self) -> str:
        """What the form is doing, for its title."""
        return "Edit" if self.record else "New"

    def extra_fields(self) -> ComposeResult:
        """Fields a subclass adds above the record's own (none here)."""
        yield from ()

    def save_record(self, record: Record) -> Record:
        """Save the record (a subclass may save it another way, as a correction does)."""
        return self.session.save(record)


class NameSuggesterForField(NameSuggester):
    """Completes a whole field with a known name or title."""

    def __init__(self, session: MinutingSession) -> None:
        super().__init__(session.people.names)

    async def get_suggestion(self, value: str) -> str | None:
        """The known name that starts with what is typed."""
        wanted = value.strip().casefold()
        if not wanted:
            return None
        for name in self._names():
            if name.casefold().startswith(wanted) and len(name) > len(wanted):
                return name
        return None
