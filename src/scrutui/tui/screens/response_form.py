"""Recording what came of an information request or a recommendation, and setting its due date by
hand. Both write to the original record (through the tracker), wherever they are opened from."""

from __future__ import annotations

import datetime as dt

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from scrutui.minutes import item_reference, long_date
from scrutui.models import (
    ExecutiveResponse,
    InformationRequest,
    RequestStatus,
    parse_date,
    the,
    validation_message,
)
from scrutui.store.records import RecordChanged
from scrutui.store.tracker import TrackedRecord
from scrutui.tracker.rules import Tracker
from scrutui.tui.guard import describe_error
from scrutui.tui.screens.form_modal import FormModal
from scrutui.tui.screens.record_changed import Choice, RecordChangedDialog

REQUEST_CHOICES = [
    ("Answered", RequestStatus.ANSWERED.value),
    ("Refused (give the reasons)", RequestStatus.REFUSED.value),
    ("Withdrawn", RequestStatus.WITHDRAWN.value),
    ("Outstanding (no response yet)", RequestStatus.OUTSTANDING.value),
]
RECOMMENDATION_CHOICES = [
    ("Accepted", ExecutiveResponse.ACCEPTED.value),
    ("Partly accepted", ExecutiveResponse.PARTLY_ACCEPTED.value),
    ("Rejected", ExecutiveResponse.REJECTED.value),
    ("Noted", ExecutiveResponse.NOTED.value),
    ("Awaited (no response yet)", ExecutiveResponse.AWAITED.value),
]
TEXT_LABELS = {
    RequestStatus.ANSWERED.value: "Response (what was provided, or where it was sent)",
    RequestStatus.REFUSED.value: "Reasons for the refusal (required)",
    RequestStatus.WITHDRAWN.value: "Note (optional): why it was withdrawn",
    RequestStatus.OUTSTANDING.value: "Back to outstanding: the response is cleared (its history is kept)",
    ExecutiveResponse.ACCEPTED.value: "The executive's response",
    ExecutiveResponse.PARTLY_ACCEPTED.value: "The executive's response: what it did not accept (required)",
    ExecutiveResponse.REJECTED.value: "The executive's reasons (required)",
    ExecutiveResponse.NOTED.value: "The executive's response",
    ExecutiveResponse.AWAITED.value: "Back to awaited: the response is cleared (its history is kept)",
}


def typed_date(text: str) -> dt.date | None:
    """A date typed as 23/11/2026 or 2026-11-23 (None when blank); ValueError says what is wrong."""
    value = parse_date(text)
    return value if isinstance(value, dt.date) else None


def describe(tracked: TrackedRecord) -> Text:
    """The request or recommendation, and where it was made, for the top of a form."""
    record, origin = tracked.record, tracked.origin
    where = (
        f"{origin.committee}, {long_date(origin.meeting_date)}, {item_reference(origin.item, public=False)}"
    )
    text = Text()
    if isinstance(record, InformationRequest):
        text.append(f"Information request by {record.asked_by}", style="bold")
        if tracked.named_of:
            text.append(f" of {the(tracked.named_of)}")
    else:
        text.append(f"Recommendation to {record.addressee}", style="bold")
    text.append(f"\n{record.text}\n", style="italic")
    text.append(where, style="dim")
    return text


class ResponseForm(FormModal[TrackedRecord | None]):
    """The response to a request (answered, refused, withdrawn) or the executive's response to a
    recommendation, with its date and text. ctrl+s saves; Escape cancels."""

    DEFAULT_CSS = """
    ResponseForm { align: center middle; }
    ResponseForm > Vertical { width: 90%; max-width: 100; height: auto; max-height: 95%; border: thick $accent; background: $surface; padding: 0 1; }
    ResponseForm #response-about { height: auto; max-height: 6; margin-bottom: 1; }
    ResponseForm .row { height: auto; }
    ResponseForm .row > Vertical { width: 1fr; height: auto; padding-right: 1; }
    ResponseForm Label.field { text-style: bold; }
    ResponseForm TextArea { height: 4; }
    ResponseForm #response-error { color: $error; height: auto; }
    ResponseForm #buttons { height: 3; align: right middle; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="response.save", tooltip="Save the response on the record"),
        Binding("escape", "cancel", "Cancel", id="response.cancel", tooltip="Close without saving"),
    ]

    def __init__(
        self,
        tracker: Tracker,
        tracked: TrackedRecord,
        status: str | None = None,
        *,
        action_log_item_id: int | None = None,
    ) -> None:
        super().__init__()
        self.tracker = tracker
        self.tracked = tracked
        self.action_log_item_id = action_log_item_id
        self.is_request = isinstance(tracked.record, InformationRequest)
        default = RequestStatus.ANSWERED.value if self.is_request else ExecutiveResponse.ACCEPTED.value
        self.initial_status = status or (default if tracked.is_open else tracked.status)

    def compose(self) -> ComposeResult:
        choices = REQUEST_CHOICES if self.is_request else RECOMMENDATION_CHOICES
        day = self.tracked.closed_on or self.tracker.today()
        with Vertical():
            yield Label("Record the response  (ctrl+s saves, Escape cancels)", classes="field")
            yield Static(describe(self.tracked), id="response-about")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Status" if self.is_request else "The executive's response", classes="field")
                    yield Select(choices, value=self.initial_status, allow_blank=False, id="response-status")
                with Vertical():
                    yield Label("Date", classes="field")
                    yield Input(day.strftime("%d/%m/%Y"), id="response-date", placeholder="dd/mm/yyyy")
            yield Label(TEXT_LABELS[self.initial_status], classes="field", id="response-text-label")
            yield TextArea(self.tracked.response, id="response-text", soft_wrap=True, show_line_numbers=False)
            yield Label("", id="response-error")
            with Horizontal(id="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#response-text", TextArea).focus()

    @on(Select.Changed, "#response-status")
    def _status_changed(self, event: Select.Changed) -> None:
        self.query_one("#response-text-label", Label).update(TEXT_LABELS.get(str(event.value), "Response"))

    def action_save(self) -> None:
        """Save on the original record; on a problem, say what and keep the form."""
        error = self.query_one("#response-error", Label)
        value = str(self.query_one("#response-status", Select).value)
        status: RequestStatus | ExecutiveResponse = (
            RequestStatus(value) if self.is_request else ExecutiveResponse(value)
        )
        try:
            day = typed_date(self.query_one("#response-date", Input).value)
        except ValueError as problem:
            error.update(str(problem))
            return
        self._respond(status, day, self.tracked.record.version)

    def _respond(self, status: RequestStatus | ExecutiveResponse, day: dt.date | None, expected: int) -> None:
        """Save over the version `expected`; changed elsewhere meanwhile, ask mine or theirs."""
        error = self.query_one("#response-error", Label)
        try:
            saved = self.tracker.respond(
                self.tracked.id,
                status,
                day,
                self.query_one("#response-text", TextArea).text,
                action_log_item_id=self.action_log_item_id,
                expected=expected,
            )
        except RecordChanged as changed:
            error.update(str(changed))
            current = changed.current

            def chosen(choice: Choice | None) -> None:
                if choice is Choice.MINE and current is not None:
                    self._respond(status, day, current.version)
                else:
                    self.dismiss(None)  # theirs stands (yours is in the record's history)

            self.app.push_screen(RecordChangedDialog(changed, both=False), chosen)
            return
        except ValidationError as problem:
            error.update(validation_message(problem))
            return
        except Exception as problem:
            error.update(describe_error(problem))
            return
        self.dismiss(saved)


class DueDateForm(FormModal[TrackedRecord | None]):
    """Set a request's (or recommendation's) due date by hand. Blank works it out again."""

    DEFAULT_CSS = """
    DueDateForm { align: center middle; }
    DueDateForm > Vertical { width: 80; height: auto; border: thick $accent; background: $surface; padding: 0 1; }
    DueDateForm #due-about { height: auto; max-height: 6; margin-bottom: 1; }
    DueDateForm Label.field { text-style: bold; }
    DueDateForm Label.hint { color: $text-muted; }
    DueDateForm #due-error { color: $error; height: auto; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="due.save", tooltip="Save the due date"),
        Binding("escape", "cancel", "Cancel", id="due.cancel", tooltip="Close without saving"),
    ]

    def __init__(self, tracker: Tracker, tracked: TrackedRecord) -> None:
        super().__init__()
        self.tracker = tracker
        self.tracked = tracked

    def compose(self) -> ComposeResult:
        due = self.tracked.due
        with Vertical():
            yield Label("Due date  (Enter or ctrl+s saves, Escape cancels)", classes="field")
            yield Static(describe(self.tracked), id="due-about")
            yield Label("Due by", classes="field")
            yield Label("dd/mm/yyyy; leave blank to work it out again from the meeting date", classes="hint")
            yield Input(due.strftime("%d/%m/%Y") if due else "", id="due-date", placeholder="dd/mm/yyyy")
            yield Label("", id="due-error")

    def on_mount(self) -> None:
        self.query_one("#due-date", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def action_save(self) -> None:
        """Save the date; on a problem, say what."""
        error = self.query_one("#due-error", Label)
        try:
            day = typed_date(self.query_one("#due-date", Input).value)
        except ValueError as problem:
            error.update(str(problem))
            return
        self._set(day, self.tracked.record.version)

    def _set(self, day: dt.date | None, expected: int) -> None:
        error = self.query_one("#due-error", Label)
        try:
            saved = self.tracker.set_due(self.tracked.id, day, expected=expected)
        except RecordChanged as changed:
            error.update(str(changed))
            current = changed.current

            def chosen(choice: Choice | None) -> None:
                if choice is Choice.MINE and current is not None:
                    self._set(day, current.version)
                else:
                    self.dismiss(None)

            self.app.push_screen(RecordChangedDialog(changed, both=False), chosen)
            return
        except ValueError as problem:
            error.update(str(problem))
            return
        except Exception as problem:
            error.update(describe_error(problem))
            return
        self.dismiss(saved)
