"""Declarations of interest: the meeting's list, and a form for one (who, which item, what kind,
its nature, and whether they remained or withdrew)."""

from __future__ import annotations

from pydantic import ValidationError
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Input, Label, Select, Static

from scrutui.columns import Column, clip, fit_widths
from scrutui.formalities import (
    HERE,
    INTEREST_LABELS,
    Declaration,
    InterestAction,
    InterestCategory,
)
from scrutui.minutes import minute_number
from scrutui.models import AgendaItem, validation_message
from scrutui.tui.guard import describe_error, guarded, report
from scrutui.tui.screens.base import ScrutuiModal
from scrutui.tui.screens.confirm import Confirm
from scrutui.tui.screens.form_modal import FormModal

ACTIONS = [
    ("Remained in the meeting", InterestAction.REMAINED.value),
    ("Withdrew", InterestAction.WITHDREW.value),
]


def item_choice(item: AgendaItem) -> str:
    """An agenda item as the item Select shows it."""
    return f"{minute_number(item)} {item.title}".strip()


class DeclarationsScreen(ScrutuiModal[bool]):
    """The meeting's declarations. Returns True if any changed."""

    DEFAULT_CSS = """
    DeclarationsScreen { align: center middle; }
    DeclarationsScreen > Vertical { width: 95%; height: 85%; border: thick $accent; background: $surface; padding: 0 1; }
    DeclarationsScreen DataTable { height: 1fr; }
    DeclarationsScreen Label.hint { color: $text-muted; }
    """

    #: What changes something: left off the key bar when the database is open read-only.
    EDITING = frozenset({"new", "edit", "delete"})

    BINDINGS = [
        Binding("n", "new", "New", id="declarations.new", tooltip="Record a declaration of interest"),
        Binding("enter", "edit", "Edit", id="declarations.edit", tooltip="Edit the highlighted declaration"),
        Binding(
            "delete",
            "delete",
            "Delete",
            id="declarations.delete",
            tooltip="Delete the highlighted declaration",
        ),
        Binding("escape", "close", "Close", id="declarations.close", tooltip="Back to minuting"),
    ]

    def __init__(self, meeting_id: int, current_item_id: int | None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.current_item_id = current_item_id
        self.declarations: list[Declaration] = []
        self.changed = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Declarations of interest")
            hint = (
                "READ-ONLY · browsing only: nothing here can be changed · Escape closes"
                if self.read_only
                else "n records one · Enter edits · Delete deletes · Escape closes"
            )
            yield Label(hint, classes="hint", id="declarations-hint")
            yield DataTable(cursor_type="row", id="declarations")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        self.reload()
        table.focus()
        if not self.declarations and not self.read_only:
            self.action_new()

    def reload(self) -> None:
        """Read the declarations again."""
        table = self.query_one(DataTable)
        # Fitted to the dialog (95% of the screen, less its border and padding), cut with "…".
        columns = [Column("Member", 20, 30), Column("Item", 12), Column("Interest", 12, 30, priority=1), Column("Did", 8, 8)]
        widths = fit_widths(columns, max(40, self.app.size.width * 95 // 100 - 6))
        table.clear(columns=True)
        for column, width in zip(columns, widths, strict=True):
            table.add_column(column.label, width=width)
        self.declarations = self.store.attendance.declarations(self.meeting_id)
        names = {line.person_id: line.name for line in self.store.attendance.roll(self.meeting_id)}
        items = {item.id: item for item in self.agenda_of(self.meeting_id)}
        for declared in self.declarations:
            item = items.get(declared.agenda_item_id)
            cells = (
                names.get(declared.person_id, "?"),
                item_choice(item) if item else "?",
                INTEREST_LABELS[declared.category],
                declared.action.value,
            )
            table.add_row(*(Text(clip(c, w)) for c, w in zip(cells, widths, strict=True)), key=str(declared.id))

    def _selected(self) -> Declaration | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        return next((d for d in self.declarations if str(d.id) == key), None)

    def _open(self, declaration: Declaration | None) -> None:
        def saved(result: Declaration | None) -> None:
            if result is not None:
                self.changed = True
                self.reload()

        self.app.push_screen(DeclarationForm(self.meeting_id, self.current_item_id, declaration), saved)

    @guarded
    def action_new(self) -> None:
        """Record a new declaration."""
        self.require_writable()
        self._open(None)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        # The table takes Enter itself (and says so with this message): Enter edits.
        event.stop()
        self.action_edit()

    @guarded
    def action_edit(self) -> None:
        """Edit the highlighted declaration."""
        self.require_writable()
        declared = self._selected()
        if declared is not None:
            self._open(declared)

    @guarded
    def action_delete(self) -> None:
        """Delete the highlighted declaration, after asking."""
        self.require_writable()
        declared = self._selected()
        if declared is None or declared.id is None:
            return
        declaration_id = declared.id

        def answered(yes: bool | None) -> None:
            if yes:
                try:
                    self.store.attendance.delete_declaration(declaration_id)
                except Exception as error:
                    report(self, error)
                self.changed = True
                self.reload()

        self.app.push_screen(Confirm("Delete this declaration?", "Delete"), answered)

    def action_close(self) -> None:
        """Back to minuting."""
        self.dismiss(self.changed)


class DeclarationForm(FormModal[Declaration | None]):
    """One declaration of interest. ctrl+s saves; Escape cancels."""

    DEFAULT_CSS = """
    DeclarationForm { align: center middle; }
    DeclarationForm > Vertical { width: 80; max-width: 100%; height: auto; border: thick $accent; background: $surface; padding: 0 1; }
    DeclarationForm Label.field { text-style: bold; }
    DeclarationForm .row { height: auto; }
    DeclarationForm .row > Vertical { width: 1fr; height: auto; }
    DeclarationForm #declaration-error { color: $error; height: auto; }
    DeclarationForm #buttons { height: 3; align: right middle; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="declaration.save", tooltip="Save the declaration"),
        Binding("escape", "cancel", "Cancel", id="declaration.cancel", tooltip="Close without saving"),
    ]

    def __init__(self, meeting_id: int, current_item_id: int | None, declaration: Declaration | None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.current_item_id = current_item_id
        self.declaration = declaration

    def compose(self) -> ComposeResult:
        roll = self.store.attendance.roll(self.meeting_id)
        # Those recorded present first; the others are listed too, so choosing one says why not.
        here = [(line.name, line.person_id) for line in roll if line.status in HERE] + [
            (f"{line.name} (not recorded present)", line.person_id)
            for line in roll
            if line.status not in HERE
        ]
        items = self.store.agenda.for_meeting(self.meeting_id)
        chosen = self.declaration
        person = chosen.person_id if chosen else (here[0][1] if here else None)
        item = chosen.agenda_item_id if chosen else (self.current_item_id or (items[0].id if items else None))
        with Vertical():
            yield Label("Declaration of interest  (ctrl+s saves, Escape cancels)", id="d-title")
            if not any(line.status in HERE for line in roll):
                yield Static(
                    Text("Nobody is recorded present yet: take the roll call first (F3).", style="bold")
                )
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Who", classes="field")
                    yield Select(
                        here,
                        value=person if person is not None else Select.NULL,
                        allow_blank=not here,
                        id="d-person",
                    )
                with Vertical():
                    yield Label("Item", classes="field")
                    yield Select(
                        [(item_choice(i), i.id or 0) for i in items],
                        value=item if item is not None else Select.NULL,
                        allow_blank=item is None,
                        id="d-item",
                    )
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Interest", classes="field")
                    yield Select(
                        [(INTEREST_LABELS[c].capitalize(), c.value) for c in InterestCategory],
                        value=(chosen.category if chosen else InterestCategory.OTHER_REGISTRABLE).value,
                        allow_blank=False,
                        id="d-category",
                    )
                with Vertical():
                    yield Label("The member", classes="field")
                    yield Select(
                        ACTIONS,
                        value=(chosen.action if chosen else InterestAction.REMAINED).value,
                        allow_blank=False,
                        id="d-action",
                    )
            yield Label(
                "Its nature, e.g. as a governor of Elmbridge Nursery School (blank if sensitive)",
                classes="field",
            )
            yield Input(chosen.nature if chosen else "", id="d-nature")
            yield Label("", id="declaration-error")
            with Horizontal(id="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#d-person", Select).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def action_save(self) -> None:
        """Check and save; on a problem say what and keep the form."""
        error = self.query_one("#declaration-error", Label)
        person = self.query_one("#d-person", Select).value
        item = self.query_one("#d-item", Select).value
        if person is Select.NULL:
            error.update("Choose who declared the interest (they must be recorded present).")
            return
        if item is Select.NULL:
            error.update("Choose the item the interest is in.")
            return
        try:
            declaration = Declaration(
                id=self.declaration.id if self.declaration else None,
                meeting_id=self.meeting_id,
                agenda_item_id=int(str(item)),
                person_id=int(str(person)),
                category=InterestCategory(str(self.query_one("#d-category", Select).value)),
                nature=self.query_one("#d-nature", Input).value,
                action=InterestAction(str(self.query_one("#d-action", Select).value)),
            )
        except ValidationError as problem:
            error.update(validation_message(problem))
            return
        try:
            saved = self.store.attendance.declare(declaration)
        except Exception as problem:
            error.update(describe_error(problem))
            return
        self.dismiss(saved)
