"""Create a meeting: committee, date, time, venue, and its agenda pasted or typed one per line."""

from __future__ import annotations

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Label, Select, TextArea

from scrutui.agenda import parse_agenda
from scrutui.formalities import standard_agenda
from scrutui.models import Meeting, parse_date, validation_message
from scrutui.tui.guard import describe_error
from scrutui.tui.screens.form_modal import FormModal
from scrutui.tui.widgets.tick_box import TickBox

AGENDA_HINT = "An item a line: 4. Ofsted plan | its purpose · ctrl+t: standard order"


class MeetingForm(FormModal[int | None]):
    """A new meeting. ctrl+s saves and returns its id; Escape cancels."""

    DEFAULT_CSS = """
    MeetingForm { align: center middle; }
    MeetingForm > Vertical { width: 95%; max-width: 110; height: 95%; border: thick $accent; background: $surface; padding: 0 1; }
    MeetingForm .row { height: auto; margin-bottom: 1; }
    MeetingForm .row > Vertical { width: 1fr; height: auto; padding-right: 1; }
    MeetingForm Label { text-style: bold; }
    MeetingForm Label.hint { text-style: none; color: $text-muted; }
    MeetingForm TextArea { height: 1fr; min-height: 6; }
    MeetingForm #meeting-error { color: $error; height: auto; }
    MeetingForm #m-action-log { height: auto; border: none; padding: 0; }
    MeetingForm #buttons { height: 1; align: right middle; }
    MeetingForm #buttons Button { margin-left: 2; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="meeting.save", tooltip="Create the meeting and its agenda"),
        Binding(
            "ctrl+t",
            "standard_order",
            "Standard order",
            id="meeting.standard-order",
            tooltip="Put the agenda in the standard order of business, keeping the items typed",
        ),
        Binding("escape", "cancel", "Cancel", id="meeting.cancel", tooltip="Close without saving"),
    ]

    def __init__(self, committee_id: int | None = None) -> None:
        super().__init__()
        self.committee_id = committee_id
        #: What the action-log box was last set to here, and whether the clerk has ticked or
        #: cleared it themselves (then it is left as they chose).
        self._box_offered = False
        self._box_chosen = False

    def compose(self) -> ComposeResult:
        committees = [(c.name, c.id) for c in self.store.committees.all()]
        chosen = self.committee_id or (committees[0][1] if committees else None)
        with Vertical():
            yield Label("New meeting  (ctrl+s saves, Escape cancels)")
            with Horizontal(classes="row"), Vertical():
                yield Label("Committee")
                yield Select(
                    committees,
                    value=chosen if chosen is not None else Select.NULL,
                    allow_blank=chosen is None,
                    id="m-committee",
                    compact=True,
                )
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Date")
                    yield Input(
                        self.scrutui.today().strftime("%d/%m/%Y"),
                        id="m-date",
                        placeholder="dd/mm/yyyy",
                        compact=True,
                    )
                with Vertical():
                    yield Label("Time")
                    yield Input("18:00", id="m-time", placeholder="18:30", compact=True)
                with Vertical():
                    yield Label("Venue")
                    yield Input("", id="m-venue", placeholder="e.g. Committee Room 2, Shire Hall", compact=True)
            yield Label("Agenda")
            yield Label(AGENDA_HINT, classes="hint")
            yield TextArea("", id="m-agenda", soft_wrap=True, show_line_numbers=False)
            yield TickBox("Action log", value=False, id="m-action-log")
            yield Label("", id="meeting-error")
            with Horizontal(id="buttons"):
                yield Button("Save", variant="primary", id="save", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#m-date", Input).focus()
        self._offer_action_log(initial=True)

    @on(Select.Changed, "#m-committee")
    @on(Input.Changed, "#m-date")
    @on(Input.Changed, "#m-time")
    def _meeting_changed(self) -> None:
        self._offer_action_log()

    def _offer_action_log(self, *, initial: bool = False) -> None:
        """Offer the action log, with how many earlier requests and recommendations it would list."""
        box = self.query_one("#m-action-log", Checkbox)
        committee = self.query_one("#m-committee", Select).value
        count = 0
        if committee is not Select.NULL:
            try:
                probe = Meeting(
                    committee_id=int(str(committee)),
                    date=parse_date(self.query_one("#m-date", Input).value) or "",
                    time=self.query_one("#m-time", Input).value,
                )
                count = len(
                    self.store.tracker.outstanding_before(
                        probe.committee_id, probe.date.isoformat(), probe.time.isoformat()
                    )
                )
            except (ValidationError, ValueError):
                pass
        things = "request or recommendation" if count == 1 else "requests and recommendations"
        box.label = (
            f"Action log: report back on {count} {things}"
            if count
            else "Action log (nothing is owed from earlier meetings)"
        )
        # Ticked when there is something to report back, unless the clerk has chosen otherwise.
        if not self._box_chosen and (initial or bool(count) != box.value):
            self._box_offered = bool(count)
            box.value = bool(count)

    @on(Checkbox.Changed, "#m-action-log")
    def _box_changed(self, event: Checkbox.Changed) -> None:
        if event.value != self._box_offered:
            self._box_chosen = True

    def action_save(self) -> None:
        """Check everything; save the meeting and agenda together, or say what is wrong."""
        error = self.query_one("#meeting-error", Label)
        committee = self.query_one("#m-committee", Select).value
        if committee is Select.NULL:
            error.update("Choose the committee (create one first from the Committees screen).")
            return
        try:
            meeting = Meeting(
                committee_id=int(str(committee)),
                date=self.query_one("#m-date", Input).value,
                time=self.query_one("#m-time", Input).value,
                venue=self.query_one("#m-venue", Input).value,
            )
            items = parse_agenda(self.query_one("#m-agenda", TextArea).text)
        except ValidationError as problem:
            error.update(validation_message(problem))
            return
        try:
            carry_forward = self.query_one("#m-action-log", Checkbox).value
            saved = self.store.meetings.add(meeting, items, carry_forward=carry_forward)
        except Exception as problem:
            error.update(describe_error(problem))
            return
        self.dismiss(saved.id)

    def action_standard_order(self) -> None:
        """Put the agenda in the standard order of business, the typed items in the middle."""
        committee = self.query_one("#m-committee", Select).value
        previous = None
        if committee is not Select.NULL:
            try:
                day = Meeting(committee_id=0, date=self.query_one("#m-date", Input).value).date
                found = self.store.meetings.previous_before(int(str(committee)), day.isoformat())
                previous = found.date if found else None
            except ValidationError:
                previous = None
        agenda = self.query_one("#m-agenda", TextArea)
        agenda.text = standard_agenda(agenda.text, previous)
        agenda.focus()
