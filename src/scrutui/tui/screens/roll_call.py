"""The roll call: everyone on the committee's list, marked present, apologies, absent, substitute or
in attendance with one key each, and the quorum as it stands."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from scrutui.columns import clip
from scrutui.formalities import HERE, AttendanceStatus, Movement, QuorumCount, Roll, RollLine
from scrutui.minutes import long_date
from scrutui.models import MinutesStatus, Role
from scrutui.tui.guard import guarded, report
from scrutui.tui.screens.base import ScrutuiScreen
from scrutui.tui.widgets.key_bar import KeyBar
from scrutui.tui.widgets.status_style import status_style

#: The name and role columns' widths (80 columns leave the notes about 16); longer is cut with "…".
NAME_WIDTH, ROLE_WIDTH = 26, 14

HINT = (
    "p present · a apologies · x absent · s substitute for this member · i in attendance · "
    "Delete clears · P every member not yet recorded present · n someone else · Esc done"
)


def quorum_text(count: QuorumCount, style: Callable[[str], str] = lambda _: "") -> Text:
    """The quorum as a line: quiet when quorate, loud when not (in words, and in the theme's colours
    through `style`)."""
    if not count.recorded:
        return Text("Roll call not taken yet", style="dim")
    if count.inquorate:
        return Text(f"⚠ INQUORATE: {count.describe()}", style=style("inquorate"))
    return Text(f"Quorate: {count.describe()}", style=style("quorate"))


def notes(line: RollLine, roll: Roll) -> str:
    """Substituting for whom; arrivals and departures, with their times."""
    parts = [f"for {line.substitute_for}"] if line.substitute_for else []
    for event in roll.events:
        if event.person_id == line.person_id:
            verb = "arrived" if event.movement is Movement.ARRIVED else "left"
            parts.append(f"{verb} {event.at[11:16]}")
    return ", ".join(parts)


class RollCallScreen(ScrutuiScreen[None]):
    """Take the roll call of one meeting."""

    DEFAULT_CSS = """
    RollCallScreen #roll-title { height: 1; background: $panel; padding: 0 1; text-style: bold; text-wrap: nowrap; text-overflow: ellipsis; }
    RollCallScreen DataTable { height: 1fr; }
    RollCallScreen #roll-quorum { height: 1; padding: 0 1; }
    RollCallScreen #roll-hint { height: auto; padding: 0 1; color: $text-muted; }
    """

    #: What changes something: left off the key bar when the database is open read-only.
    EDITING = frozenset({"mark", "substitute", "rest_present", "add_person"})

    BINDINGS = [
        Binding(
            "p",
            "mark('present')",
            "Present",
            id="roll.present",
            tooltip="Mark the highlighted person present",
        ),
        Binding("a", "mark('apologies')", "Apologies", id="roll.apologies", tooltip="Record their apologies"),
        Binding(
            "x", "mark('absent')", "Absent", id="roll.absent", tooltip="Record them absent (no apologies)"
        ),
        Binding(
            "s",
            "substitute",
            "Substitute",
            id="roll.substitute",
            tooltip="Record who substitutes for the highlighted member",
        ),
        Binding(
            "i",
            "mark('in_attendance')",
            "In attendance",
            show=False,
            id="roll.in-attendance",
            tooltip="Record an officer, cabinet member or witness in attendance",
        ),
        Binding(
            "delete,backspace",
            "mark('')",
            "Clear",
            id="roll.clear",
            tooltip="Clear what is recorded for the highlighted person",
        ),
        Binding(
            "P",
            "rest_present",
            "Members present",
            id="roll.rest-present",
            tooltip="Mark every member not yet recorded present (officers and others: one by one, p)",
        ),
        Binding(
            "n",
            "add_person",
            "Someone else",
            show=False,
            id="roll.add-person",
            tooltip="Add an officer, witness or other attendee to the committee's list and record them",
        ),
        Binding("escape", "back", "Done", id="roll.back", tooltip="Back (everything is already saved)"),
    ]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.roll: Roll | None = None

    def compose(self) -> ComposeResult:
        meeting = self.store.meetings.get(self.meeting_id)
        committee = self.store.committees.get(meeting.committee_id)
        title = f"Roll call · {committee.name} · {long_date(meeting.date)}"
        if meeting.status is MinutesStatus.APPROVED:
            title += " · approved: changes are corrections"
        yield Static(Text(title, no_wrap=True, overflow="ellipsis"), id="roll-title")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="roll")
        yield Static(id="roll-quorum")
        yield Static(HINT, id="roll-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Name", width=NAME_WIDTH)
        table.add_column("Role", width=ROLE_WIDTH)
        table.add_column("Recorded", width=len("In attendance"))
        table.add_column("Notes")
        self.reload()
        table.focus()

    def reload(self, select_id: int | None = None) -> None:
        """Read the roll call again, keeping the highlighted person."""
        table = self.query_one(DataTable)
        keep = select_id if select_id is not None else self.selected_id()
        self.roll = self.store.attendance.roll_state(self.meeting_id)
        table.clear()
        for line in self.roll.lines:
            status = Text(line.status.label if line.status else "·")
            if line.status is not None:
                status.stylize(status_style(self.app, line.status.value))
            table.add_row(
                Text(clip(line.name, NAME_WIDTH)),
                Text(clip(line.role_label, ROLE_WIDTH)),
                status,
                Text(clip(notes(line, self.roll), self._notes_width())),
                key=str(line.person_id),
            )
        if keep is not None and any(line.person_id == keep for line in self.roll.lines):
            table.move_cursor(row=table.get_row_index(str(keep)))
        self.query_one("#roll-quorum", Static).update(
            quorum_text(self.roll.count_now(), lambda word: status_style(self.app, word))
        )

    def _notes_width(self) -> int:
        """What the notes column has left of the screen's width."""
        return max(12, self.size.width - 2 - NAME_WIDTH - ROLE_WIDTH - len("In attendance") - 8)

    def on_resize(self) -> None:
        if self.is_mounted and self.roll is not None:
            self.reload()

    def selected_id(self) -> int | None:
        """The person highlighted."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return int(str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value))

    def _selected(self) -> RollLine | None:
        wanted = self.selected_id()
        return self.roll.line(wanted) if self.roll and wanted is not None else None

    def _next_row(self) -> None:
        table = self.query_one(DataTable)
        if table.cursor_row < table.row_count - 1:
            table.move_cursor(row=table.cursor_row + 1)

    def _approved(self) -> bool:
        return self.store.meetings.get(self.meeting_id).status is MinutesStatus.APPROVED

    @guarded
    def action_mark(self, status: str) -> None:
        """Record the highlighted person's attendance, then move to the next person."""
        self.require_writable()
        line = self._selected()
        if line is None:
            return
        chosen = AttendanceStatus(status) if status else None
        if self._approved():
            self._correct(line, chosen)
            return
        self.store.attendance.set_status(self.meeting_id, line.person_id, chosen)
        self.reload(line.person_id)
        self._next_row()

    def _correct(self, line: RollLine, status: AttendanceStatus | None) -> None:
        """Approved minutes: record the change as a correction agreed at a later meeting."""
        from scrutui.tui.screens.correction import CorrectionNote

        shown = status.label.lower() if status else "not recorded"
        description = f"{line.name} to be recorded as {shown}"

        def agreed(result: tuple[str, int] | None) -> None:
            if result is None:
                return
            try:
                self.store.signoff.correct_attendance(self.meeting_id, line.person_id, status, *result)
            except Exception as error:
                report(self, error)
                return
            self.reload(line.person_id)
            self.notify("Correction recorded.")

        self.app.push_screen(CorrectionNote(self.meeting_id, description), agreed)

    @guarded
    def action_rest_present(self) -> None:
        """Mark every member with nothing recorded present."""
        self.require_writable()
        if self.roll is None:
            return
        if self._approved():
            self.notify("These minutes are approved: correct one person at a time.", severity="warning")
            return
        marked = 0
        for line in self.roll.lines:
            if line.is_member and line.status is None:
                self.store.attendance.set_status(self.meeting_id, line.person_id, AttendanceStatus.PRESENT)
                marked += 1
        self.reload()
        # Officers and witnesses are not all at every meeting: each is recorded with p (or i).
        self.notify(
            f"Marked {marked} member{'s' if marked != 1 else ''} present. Officers and others in "
            "attendance: p on each.",
            timeout=5,
        )

    @guarded
    def action_substitute(self) -> None:
        """Record who substitutes for the highlighted member."""
        self.require_writable()
        line = self._selected()
        if line is None:
            return
        if line.role not in (Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER):
            self.notify(
                f"{line.name} is not a member of the committee: a substitute sits only for one of its "
                "councillors.",
                severity="error",
            )
            return
        if line.status in HERE:
            self.notify(
                f"{line.name} is marked present: a substitute sits only for a member who is not here.",
                severity="error",
            )
            return
        from scrutui.tui.screens.substitute_form import SubstituteForm

        def named(name: str | None) -> None:
            if not name:
                return
            try:
                added = self.store.attendance.add_substitute(self.meeting_id, name, line.person_id)
            except Exception as error:
                report(self, error)
                return
            self.reload(line.person_id)
            self.notify(f"{added.name} is substituting for {line.name}.")

        self.app.push_screen(SubstituteForm(self.meeting_id, line.name), named)

    @guarded
    def action_add_person(self) -> None:
        """Add someone to the committee's list and record them at this meeting."""
        self.require_writable()
        from scrutui.tui.screens.person_form import PersonEntry, PersonForm

        meeting = self.store.meetings.get(self.meeting_id)

        def added(result: PersonEntry | None) -> None:
            if result is None:
                return
            try:
                person = self.store.committees.add_person(meeting.committee_id, result.person, result.role)
                self.store.attendance.set_status(self.meeting_id, person.id or 0, AttendanceStatus.PRESENT)
            except Exception as error:
                report(self, error)
                return
            self.reload(person.id)

        self.app.push_screen(PersonForm(role=Role.OFFICER), added)

    def action_back(self) -> None:
        """Back to where the roll call was opened from."""
        self.dismiss()
