"""A meeting's agenda: add, edit, delete, reorder, renumber; then start minuting."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from scrutui.columns import Column, clip, fit_widths
from scrutui.minutes import long_date
from scrutui.models import AgendaItem
from scrutui.tui.guard import guarded
from scrutui.tui.screens.agenda_item_form import AgendaItemForm, PasteAgenda
from scrutui.tui.screens.base import ScrutuiScreen
from scrutui.tui.screens.confirm import Confirm
from scrutui.tui.widgets.key_bar import KeyBar


class AgendaScreen(ScrutuiScreen[None]):
    """Edit one meeting's agenda."""

    DEFAULT_CSS = """
    AgendaScreen #agenda-title { height: 1; background: $panel; padding: 0 1; text-style: bold; text-wrap: nowrap; text-overflow: ellipsis; }
    AgendaScreen DataTable { height: 1fr; }
    AgendaScreen #agenda-hint { height: auto; padding: 0 1; color: $text-muted; }
    """

    #: What changes something: left off the key bar when the database is open read-only.
    EDITING = frozenset({"add", "edit", "delete", "move", "renumber", "paste", "action_log"})

    BINDINGS = [
        Binding("m", "minute", "Minute", id="agenda.minute", tooltip="Start minuting this meeting"),
        Binding("a", "add", "Add", id="agenda.add", tooltip="Add an item after the selected one"),
        Binding(
            "p", "paste", "Paste", id="agenda.paste", tooltip="Paste or type several items, one per line"
        ),
        Binding("enter,e", "edit", "Edit", id="agenda.edit", tooltip="Edit the selected item"),
        Binding(
            "delete,d",
            "delete",
            "Delete",
            id="agenda.delete",
            tooltip="Delete the selected item (if nothing is minuted under it)",
        ),
        Binding("shift+up,K", "move(-1)", "Up", id="agenda.up", tooltip="Move the selected item up"),
        Binding("shift+down,J", "move(1)", "Down", id="agenda.down", tooltip="Move the selected item down"),
        Binding(
            "r",
            "renumber",
            "Renumber",
            id="agenda.renumber",
            tooltip="Number the items 1, 2, 3 ... in their order",
        ),
        Binding(
            "i",
            "import_agenda",
            "Import",
            id="agenda.import",
            tooltip="Import the agenda from a council's Word document: see what it holds, then confirm",
        ),
        Binding(
            "l",
            "action_log",
            "Action log",
            id="agenda.action-log",
            tooltip="Add the action log of what earlier meetings left outstanding (or bring it up to date)",
        ),
        Binding(
            "c",
            "roll_call",
            "Roll call",
            id="agenda.roll-call",
            tooltip="Take the roll call: present, apologies, absent, substitutes, in attendance",
        ),
        Binding(
            "s",
            "minutes_status",
            "Sign-off",
            id="agenda.status",
            tooltip="Issue, approve or correct this committee's minutes",
        ),
        Binding("escape", "back", "Back", id="agenda.back", tooltip="Back to the meetings"),
    ]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.items: list[AgendaItem] = []

    def compose(self) -> ComposeResult:
        meeting = self.store.meetings.get(self.meeting_id)
        committee = self.store.committees.get(meeting.committee_id)
        yield Static(
            Text(f"Agenda · {committee.name} · {long_date(meeting.date)}", no_wrap=True, overflow="ellipsis"),
            id="agenda-title",
        )
        yield DataTable(cursor_type="row", zebra_stripes=True, id="agenda-items")
        yield Static(
            "m starts minuting · a adds · p pastes several · i imports a Word agenda · shift+↑/↓ reorders"
            " · c roll call · s sign-off",
            id="agenda-hint",
        )
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        self.reload()
        table.focus()

    def on_resize(self) -> None:
        if self.is_mounted and self.query_one(DataTable).columns:
            self.reload()

    def reload(self, select_id: int | None = None) -> None:
        """Read the agenda again."""
        table = self.query_one(DataTable)
        keep = select_id if select_id is not None else self.selected_id()
        self.items = self.agenda_of(self.meeting_id)
        number_width = max([3, *(len(item.number) for item in self.items)])
        # Title and purpose share the width (cut with "…"); made again each time, to fit the screen.
        _, title_width, purpose_width = fit_widths(
            [Column("No.", number_width, number_width), Column("Title", 20), Column("Purpose", 12)],
            max(self.size.width, 40) - 2,
        )
        rows: list[tuple[Text, Text, Text, str]] = []
        for item in self.items:
            marker = f" [exempt, para {item.exempt_paragraph}]" if item.is_exempt else ""
            heading = Text(clip(item.title, title_width - len(marker)))
            heading.append(marker, style="italic")
            rows.append((Text(item.number), heading, Text(clip(item.purpose, purpose_width)), str(item.id)))
        table.clear(columns=True)
        table.add_column("No.", width=number_width)
        table.add_column("Title", width=title_width)
        table.add_column("Purpose", width=purpose_width)
        for number, title, purpose, key in rows:
            table.add_row(number, title, purpose, key=key)
        if keep is not None and any(i.id == keep for i in self.items):
            table.move_cursor(row=table.get_row_index(str(keep)))

    def selected_id(self) -> int | None:
        """The id of the highlighted item."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return int(str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value))

    def _selected(self) -> AgendaItem | None:
        wanted = self.selected_id()
        return next((i for i in self.items if i.id == wanted), None)

    def _next_number(self) -> int:
        numbers = [int(i.number) for i in self.items if i.number.isdigit()]
        return max(numbers, default=0) + 1

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit()

    @guarded
    def action_minute(self) -> None:
        """Start minuting this meeting."""
        self.scrutui.open_minuting(self.meeting_id, replace=True)

    @guarded
    def action_add(self) -> None:
        """Add an item after the selected one."""
        self.require_writable()
        after = self.selected_id()
        blank = AgendaItem(meeting_id=self.meeting_id, number=str(self._next_number()), title="New item")

        def added(item: AgendaItem | None) -> None:
            if item is not None:
                saved = self.store.agenda.add(item, after=after)
                self.reload(saved.id)

        self.app.push_screen(AgendaItemForm(blank.model_copy(update={"title": ""}, deep=True)), added)

    @guarded
    def action_paste(self) -> None:
        """Paste several items, added at the end."""
        self.require_writable()

        def pasted(items: list[AgendaItem] | None) -> None:
            last = None
            for item in items or []:
                last = self.store.agenda.add(item).id
            self.reload(last)

        self.app.push_screen(PasteAgenda(self.meeting_id, self._next_number()), pasted)

    @guarded
    def action_import_agenda(self) -> None:
        """Import the agenda from a Word document, after a preview."""
        self.require_writable()
        from scrutui.tui.export_folder import export_folder
        from scrutui.tui.screens.agenda_import import AgendaImport

        meeting = self.store.meetings.get(self.meeting_id)
        committee = self.store.committees.get(meeting.committee_id)

        def imported(summary: str | None) -> None:
            if summary is not None:
                self.reload()
                self.notify(f"Imported the Word agenda. {summary}", markup=False)

        about = f"{committee.name}, {long_date(meeting.date)}"
        self.app.push_screen(AgendaImport(self.meeting_id, about, export_folder()), imported)

    @guarded
    def action_edit(self) -> None:
        """Edit the selected item."""
        self.require_writable()
        item = self._selected()
        if item is None:
            return

        def edited(changed: AgendaItem | None) -> None:
            if changed is not None:
                self.store.agenda.update(changed)
                self.reload(changed.id)

        self.app.push_screen(AgendaItemForm(item), edited)

    @guarded
    def action_delete(self) -> None:
        """Delete the selected item, after asking."""
        self.require_writable()
        item = self._selected()
        if item is None or item.id is None:
            return
        item_id = item.id

        def answered(yes: bool | None) -> None:
            if yes:
                try:
                    self.store.agenda.delete(item_id)
                except Exception as error:
                    from scrutui.tui.guard import report

                    report(self, error)
                self.reload()

        self.app.push_screen(Confirm(f"Delete item {item.number} {item.title}?", "Delete"), answered)

    @guarded
    def action_move(self, step: int) -> None:
        """Move the selected item up or down."""
        self.require_writable()
        item_id = self.selected_id()
        if item_id is not None and self.store.agenda.move(item_id, step):
            self.reload(item_id)

    @guarded
    def action_renumber(self) -> None:
        """Number the items in their order."""
        self.require_writable()
        self.store.agenda.renumber(self.meeting_id)
        self.reload()

    @guarded
    def action_action_log(self) -> None:
        """Add (or bring up to date) the meeting's action log item."""
        self.require_writable()
        from scrutui.tracker.rules import Tracker

        had = self.store.tracker.action_log_of(self.meeting_id)
        item_id = Tracker(self.store, self.scrutui.today).add_action_log(self.meeting_id)
        self.reload(item_id)
        entries = self.store.tracker.action_logs_of_meeting(self.meeting_id).get(item_id, [])
        waiting = sum(1 for e in entries if e.is_open)
        done = "Brought the action log up to date" if had else "Added the action log"
        self.notify(f"{done}: {len(entries)} from earlier meetings, {waiting} still awaited.")

    def action_roll_call(self) -> None:
        """Take the roll call."""
        from scrutui.tui.screens.roll_call import RollCallScreen

        self.app.push_screen(RollCallScreen(self.meeting_id))

    def action_minutes_status(self) -> None:
        """Issue, approve or correct this committee's minutes."""
        from scrutui.tui.screens.minutes_status import MinutesStatusScreen

        self.app.push_screen(MinutesStatusScreen(self.meeting_id))

    def action_back(self) -> None:
        """Back to the meetings."""
        self.dismiss()
