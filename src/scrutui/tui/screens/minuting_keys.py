"""The minuting screen's keys. Each Binding has an id and a tooltip: F1, the command palette and the
README's key table are built from them."""

from __future__ import annotations

from textual.binding import Binding, BindingType

#: What changes something: left off the key bar when the database is open read-only.
EDITING = frozenset(
    {
        "narrative_editor",
        "new_record_form",
        "undo",
        "add_person",
        "close_meeting",
        "standard_wording",
        "movement",
        "edit_record",
        "delete_record",
        "move_record",
    }
)

BINDINGS: list[BindingType] = [
    Binding(
        "pagedown",
        "next_item",
        "Next item",
        priority=True,
        id="minuting.next-item",
        tooltip="Take the next agenda item (its start time is stamped the first time)",
    ),
    Binding(
        "pageup",
        "previous_item",
        "Prev item",
        priority=True,
        id="minuting.previous-item",
        tooltip="Go back to the previous agenda item",
    ),
    Binding(
        "escape",
        "toggle_focus",
        "Records",
        id="minuting.records",
        tooltip="Move from the capture line to the records, then to the preview (to scroll it), then back",
    ),
    Binding(
        "ctrl+n",
        "narrative_editor",
        "Narrative",
        id="minuting.narrative",
        tooltip="Write a long narrative in a multi-line editor (saved every few seconds)",
    ),
    Binding(
        "ctrl+f",
        "new_record_form",
        "Form",
        id="minuting.form",
        tooltip="Enter a record of any kind through a form",
    ),
    Binding("ctrl+z", "undo", "Undo", id="minuting.undo", tooltip="Undo the last change to a record"),
    Binding(
        "ctrl+g",
        "add_person",
        "Add person",
        id="minuting.add-person",
        tooltip="Add a person to the committee (offers the last unknown name typed)",
    ),
    Binding(
        "ctrl+r",
        "toggle_preview",
        "Preview",
        id="minuting.preview",
        tooltip="Show or hide the minutes preview",
    ),
    Binding(
        "ctrl+l",
        "focus_agenda",
        "Agenda",
        id="minuting.agenda",
        tooltip="Move to the agenda list to pick an item",
    ),
    Binding(
        "ctrl+o",
        "export",
        "Export",
        id="minuting.export",
        tooltip="Write this meeting's draft minutes as a Word document (in the background)",
    ),
    Binding(
        "f7",
        "action_log",
        "Action log",
        show=False,
        id="minuting.action-log",
        tooltip="The action log: what earlier meetings asked for, and record the responses reported",
    ),
    Binding("ctrl+b", "back", "Back", id="minuting.back", tooltip="Back to the list of meetings"),
    Binding(
        "f9",
        "close_meeting",
        "Close meeting",
        show=False,
        id="minuting.close",
        tooltip="End the meeting: stamp its end time and take a backup of the database",
    ),
    Binding(
        "f2,ctrl+t",
        "standard_wording",
        "Wording",
        id="minuting.wording",
        tooltip="Put standard wording for this item on the capture line (again: the next wording)",
    ),
    Binding(
        "f3",
        "roll_call",
        "Roll call",
        id="minuting.roll-call",
        tooltip="Take the roll call: present, apologies, absent, substitutes, in attendance",
    ),
    Binding(
        "f4,ctrl+y",
        "movement",
        "In/out",
        id="minuting.movement",
        tooltip="Someone arrived or left: stamped now, during the current item",
    ),
    Binding(
        "f5",
        "declarations",
        "Interests",
        id="minuting.declarations",
        tooltip="Declarations of interest: who, which item, what kind, remained or withdrew",
    ),
    Binding(
        "f10",
        "recorded_vote",
        "Vote",
        show=False,
        id="minuting.vote",
        tooltip="A recorded vote on the motion: one key per member present (for, against, abstained, did not vote)",
    ),
    Binding(
        "f6",
        "minutes_status",
        "Sign-off",
        show=False,
        id="minuting.status",
        tooltip="Issue, approve or correct minutes (this committee's meetings)",
    ),
]
