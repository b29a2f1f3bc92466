"""The live-minuting screen: the agenda, the current item's records, its preview and the capture
line. Everything typed is saved (committed) before the screen shows it."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, OptionList, Static

from scrutui import capture, voting
from scrutui.formalities import Roll, item_kind, standard_wording
from scrutui.minutes import drafted_exclusion, long_date, long_time, preview_item
from scrutui.models import (
    AgendaItem,
    MinutesStatus,
    Motion,
    MotionOutcome,
    Narrative,
    Record,
    RecordKind,
)
from scrutui.session import MinutingSession
from scrutui.store.damage import DamagedRow
from scrutui.tracked import TrackedRecord
from scrutui.tui.guard import guarded, report
from scrutui.tui.screens.base import ScrutuiScreen
from scrutui.tui.widgets.agenda_list import AgendaList
from scrutui.tui.widgets.capture_line import CaptureInput
from scrutui.tui.widgets.key_bar import KeyBar
from scrutui.tui.widgets.minutes_preview import MinutesPreview
from scrutui.tui.widgets.record_list import RecordList, TypedAway, vote_tag

#: How often what is typed on the capture line is kept in the database.
DRAFT_SAVE_SECONDS = 2.0

#: Two lines at 80 columns; F1 has the whole grammar (list items with -, notes with n).
GRAMMAR_LINE = (
    "[b]q[/] who: question [b]|[/] answer  [b]a[/] who: answer  [b]as[/] theme: sought [b]|[/] reply  "
    "[b]ir[/] whom: what  [b]r[/] resolved  [b]ag[/] agreed  [b]rec[/] to: text  [b]h[/] heading  [b]-[/] list  "
    "[b]m[/] motion  [b]n[/] note"
)
#: The grammar line while a motion is open under the item.
VOTE_GRAMMAR_LINE = (
    "[b]vote[/] carried 7-2-1 (for-against-abstained)  [b]vote[/] lost 3-6  [b]vote[/] carried 4-4 casting  "
    "[b]vote[/] withdrawn  [b]am[/] who/who: amendment  [b]F10[/] recorded vote"
)


class MinutingScreen(ScrutuiScreen[None]):
    """Minute one meeting live."""

    DEFAULT_CSS = """
    MinutingScreen #meeting-title { height: 1; background: $panel; color: $text; padding: 0 1; text-style: bold; text-wrap: nowrap; text-overflow: ellipsis; }
    MinutingScreen #body { height: 1fr; }
    MinutingScreen #right { width: 1fr; }
    MinutingScreen #grammar { height: auto; max-height: 2; color: $text-muted; padding: 0 1; }
    MinutingScreen CaptureInput { height: 3; }
    MinutingScreen #capture-hint { height: 1; padding: 0 1; color: $text-muted; }
    MinutingScreen #capture-hint.saved { color: $success; }
    MinutingScreen #capture-hint.warning { color: $warning; }
    MinutingScreen.no-preview MinutesPreview { display: none; }
    """

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

    BINDINGS = [
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

    def __init__(self, meeting_id: int, *, item_id: int | None = None, record_id: int | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        #: The item (and record) to show first, when opened from the tracker.
        self.start_item_id = item_id
        self.start_record_id = record_id
        self.session: MinutingSession | None = None
        self.items: list[AgendaItem] = []
        self.current: AgendaItem | None = None
        self.records: list[Record] = []
        #: Agenda items damaged in the database: listed as damaged, never taken or minuted.
        self._damaged_items: tuple[DamagedRow, ...] = ()
        #: What is kept of the half-typed capture line, by agenda item (None: nothing is kept, as
        #: nothing can be typed: read-only, or approved minutes).
        self._drafts: dict[int, str] | None = None
        self._last_unknown: str = ""
        self._action_log_hint = False
        #: The meeting's action-log item, if it has one (its preview lists what was carried forward).
        self._action_log_item: int | None = None
        self.roll: Roll | None = None
        self._was_inquorate = False
        self._wording: list[str] = []
        self._wording_at = -1
        self._shown_once = False

    # --- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="meeting-title")
        with Horizontal(id="body"):
            yield AgendaList(id="agenda")
            with Vertical(id="right"):
                yield RecordList(id="records")
                yield MinutesPreview(id="preview")
        yield Static(GRAMMAR_LINE, id="grammar")
        yield CaptureInput(
            self._known_names,
            placeholder="Type a note, or a prefix (q a as ir r ag rec h m) and a space; Enter saves",
            id="capture",
        )
        yield Static(id="capture-hint")
        yield KeyBar(lines=1)

    def on_mount(self) -> None:
        self.session = MinutingSession(self.store, self.meeting_id, shows_exempt=self.shows_exempt)
        self.roll = self.session.roll()
        self._was_inquorate = self._inquorate_now()
        self.load_agenda()
        self._action_log_item = self.store.tracker.action_log_of(self.meeting_id)
        started = [i for i in self.items if i.started_at]
        current = max(started, key=lambda i: i.started_at or "") if started else None
        current = current or (self.items[0] if self.items else None)
        if self.start_item_id is not None:
            current = next((i for i in self.items if i.id == self.start_item_id), current)
        capture_line = self.query_one(CaptureInput)
        if self.read_only:
            capture_line.disabled = True
            capture_line.placeholder = "Read-only: nothing can be typed here"
        elif self.session.meeting.status is MinutesStatus.APPROVED:
            capture_line.disabled = True
            capture_line.placeholder = "These minutes are approved: they change only by a correction (F6)"
        else:
            self._drafts = self.store.meetings.capture_drafts(self.meeting_id)
            self.set_interval(DRAFT_SAVE_SECONDS, self.save_capture_draft)
        # Opening a meeting shows an item without taking it: it is taken when minuted or moved to.
        self.show_item(current, select_id=self.start_record_id)
        if not self.items:
            self.hint("This meeting has no agenda yet: go back (ctrl+b) and add items.", "warning")
        if self._damaged_items:
            named = "; ".join(d.describe() for d in self._damaged_items)
            self.hint(f"⚠ Damaged, left out: {named}.", "warning")
        elsewhere = [i for i in self.items if self._drafts and i.id in self._drafts and i is not self.current]
        if elsewhere:
            where = ", ".join(i.number or i.title for i in elsewhere[:4])
            # After the line's own description (of a line brought back here), which would replace it.
            self.call_after_refresh(
                self.hint, f"An unfinished line is kept under item {where}: it is back when you go there.", "warning"
            )
        capture_line.focus()

    def load_agenda(self) -> None:
        """Read the agenda (an item damaged in the database is noted, to be shown as damaged)."""
        assert self.session is not None
        with self.store.handle.collecting_damage() as damaged:
            self.items = self.session.agenda()
        self._damaged_items = tuple(damaged)

    def on_screen_resume(self) -> None:
        """Back from the roll call, the action log or another screen: attendance, or the responses
        the action log reports, may have changed."""
        if self.session is not None:
            self.refresh_formalities()

    def _known_names(self) -> list[str]:
        return self.session.people.names() if self.session else []

    # --- showing --------------------------------------------------------------------------------

    def go_to(self, item_id: int | None, record_id: int | None = None) -> None:
        """Show an item, with a record selected (back here from a search result)."""
        item = next((i for i in self.items if i.id == item_id), None)
        if item is not None:
            self.show_item(item, select_id=record_id)

    def show_item(self, item: AgendaItem | None, *, take: bool = False, select_id: int | None = None) -> None:
        """Make `item` the current item and show its records and preview."""
        assert self.session is not None
        if item is not None and take and item.id is not None:
            item = self.session.take_item(item.id, leaving=self.current.id if self.current else None)
            self.items = [item if i.id == item.id else i for i in self.items]
        leaving, first = self.current, not self._shown_once
        self._shown_once = True
        self.current = item
        self._wording, self._wording_at = [], -1
        self.refresh_records(select_id)
        self.warn_quorum()
        if first or (leaving.id if leaving else None) != (item.id if item else None):
            self._move_draft(None if first else leaving, item)

    def _move_draft(self, leaving: AgendaItem | None, going: AgendaItem | None) -> None:
        """The half-typed line stays with the item it was typed under (saving it there), and the
        line kept under the item shown comes back: a half-typed question never lands, by a PgDn,
        under an item it was not asked in."""
        if self._drafts is None:
            return
        line = self.query_one(CaptureInput)
        typed = line.value
        if leaving is not None and leaving.id is not None and not self._save_draft(leaving.id, typed):
            return  # not kept under its item: it stays on the line rather than be lost
        kept = self._drafts.get(going.id, "") if going is not None and going.id is not None else ""
        line.value = kept
        line.cursor_position = len(kept)
        if typed.strip() and leaving is not None:
            self.hint(
                f"Your unfinished line stays under item {leaving.number or leaving.title}: "
                "it is back when you return there.",
                "warning",
            )

    def refresh_records(self, select_id: int | None = None) -> None:
        """Reload the current item's records from the database and redraw."""
        assert self.session is not None
        item = self.current
        with self.store.handle.collecting_damage() as damaged:
            self.records = self.session.records(item.id) if item and item.id else []
        counts = self.store.agenda.record_counts(self.meeting_id)
        inquorate = self.roll.inquorate_items(self.items) if self.roll else set()
        agenda = self.query_one(AgendaList)
        agenda.show(self.items, item.id if item else None, counts, inquorate, self._damaged_items)
        records = self.query_one(RecordList)
        records.show(self.records, select_id, tuple(damaged))
        open_motion = voting.open_motion(self.records) is not None
        self.query_one("#grammar", Static).update(VOTE_GRAMMAR_LINE if open_motion else GRAMMAR_LINE)
        if item is not None:
            number = item.minute_number or item.number
            started = f" · started {item.started_at[11:16]}" if item.started_at else ""
            # Warnings first, so a narrow terminal never cuts them off.
            warning = "⚠ INQUORATE · " if self._inquorate_now() else ""
            if damaged:
                warning += f"⚠ {len(damaged)} DAMAGED · "
            exempt = f"EXEMPT para {item.exempt_paragraph} · " if item.is_exempt else ""
            records.border_title = f"{warning}{exempt}{number} {item.title}{started}".strip()
        if damaged:
            named = "; ".join(d.describe() for d in damaged)
            self.hint(f"⚠ Damaged, left out: {named}.", "warning")
        preview = self.query_one(MinutesPreview)
        preview.border_title = "As minuted"
        carried = self._carried(item)
        preview.show(
            preview_item(
                item,
                self.records,
                items=self.items,
                committee=self.session.committee,
                people=self.session.people,
                roll=self.roll,
                carried=carried,
                meeting_date=self.session.meeting.date,
                confidential=self.shows_exempt,
            )
            if item
            else None
        )
        if carried is not None:
            waiting = sum(1 for entry in carried if entry.is_open)
            self.hint(
                f"Action log: {len(carried)} carried forward, {waiting} awaited · F7 records responses",
                "warning" if waiting else "",
            )
            self._action_log_hint = True
        elif item is not None and item.is_exempt and not self.shows_exempt:
            self.hint("Exempt item: only what the public minutes say of it is shown in this session.")
            self._action_log_hint = True  # a hint about the item shown: cleared on leaving it
        elif self._action_log_hint:
            self._action_log_hint = False
            self.hint("")
        self.show_title()

    def _carried(self, item: AgendaItem | None) -> list[TrackedRecord] | None:
        """What the action log lists, when `item` is the meeting's action log: as the tracker holds
        it now, or, once the minutes are approved, as it was approved."""
        if item is None or item.id is None or item.id != self._action_log_item:
            return None
        assert self.session is not None
        if self.session.meeting.status is MinutesStatus.APPROVED:
            kept = self.store.signoff.source(self.meeting_id).carried
            if kept is not None:
                return kept.get(item.id, [])
        return self.store.tracker.log_entries(item.id)

    def show_title(self) -> None:
        """The meeting, and the quorum as it stands for the current item."""
        assert self.session is not None
        meeting, committee = self.session.meeting, self.session.committee
        title = Text(no_wrap=True, overflow="ellipsis")
        count = self.roll.count_now(self.current.id if self.current else None) if self.roll else None
        if count is not None and count.inquorate:
            # First, so a narrow terminal never cuts it off.
            title.append(
                f"⚠ INQUORATE ({count.present} present, quorum {count.quorum})", style="bold white on red"
            )
            title.append(" ")
        if self.read_only:
            title.append("READ-ONLY · ", style="bold")
        elif meeting.status is not MinutesStatus.DRAFT:
            title.append(f"{meeting.status.value.upper()} · ", style="bold")
        title.append(f"{committee.name} · {long_date(meeting.date)}, {long_time(meeting.time)}")
        if count is not None and count.recorded and not count.inquorate:
            title.append(f" · {count.present} present, quorum {count.quorum}", style="dim")
        self.query_one("#meeting-title", Static).update(title)

    def _inquorate_now(self) -> bool:
        if self.roll is None:
            return False
        return self.roll.count_now(self.current.id if self.current else None).inquorate

    def refresh_formalities(self) -> None:
        """Read attendance, movements and declarations again; warn at once if the meeting has just
        become inquorate."""
        assert self.session is not None
        self.roll = self.session.roll()
        self.session.people = self.store.people.for_meeting(self.meeting_id)
        self.load_agenda()
        if self.current is not None:
            self.current = next((i for i in self.items if i.id == self.current.id), self.current)
        self.refresh_records()
        self.warn_quorum()

    def warn_quorum(self) -> None:
        """Say so at once when the meeting becomes inquorate for the current item."""
        inquorate = self._inquorate_now()
        if inquorate and not self._was_inquorate and self.roll is not None:
            count = self.roll.count_now(self.current.id if self.current else None)
            self.notify(
                f"The meeting is inquorate: {count.describe()}.",
                title="Quorum",
                severity="warning",
                timeout=10,
            )
        self._was_inquorate = inquorate

    def hint(self, message: str | Text, kind: str = "") -> None:
        """Say something on the line under the capture line."""
        hint = self.query_one("#capture-hint", Static)
        hint.set_classes(kind)
        hint.update(message)

    # --- capture line ---------------------------------------------------------------------------

    @on(Input.Changed, "#capture")
    def describe_capture(self, event: Input.Changed) -> None:
        """Say live what Enter will save."""
        if not event.value.strip():
            hint = self.query_one("#capture-hint", Static)
            if not (hint.has_class("saved") or hint.has_class("warning")):
                self.hint("")  # keep a "Saved" confirmation when the line is cleared after saving
            return
        assert self.session is not None
        parsed = self.session.parse(event.value)
        words = capture.describe(
            parsed,
            self.session.committee.recommendation_body,
            after_narrative=bool(self.records) and isinstance(self.records[-1], Narrative),
        )
        unknown = [n for n in parsed.names if not self.session.people.is_known(n)]
        line = Text(f"→ {words}")
        completed = event.input.completion() if isinstance(event.input, CaptureInput) else None
        if completed:
            line.append(f"  Tab: {completed.name}", style="bold")
        elif unknown:
            line.append(f"  (new name: {', '.join(unknown)})", style="italic")
        if 0 <= self._wording_at < len(self._wording) and event.value == self._wording[self._wording_at]:
            line.append(
                f"  (standard wording {self._wording_at + 1} of {len(self._wording)}; F2: next)", style="dim"
            )
        self.hint(line)

    @on(Input.Submitted, "#capture")
    @guarded
    def submit_capture(self, event: Input.Submitted) -> None:
        """Save the line as a record; only then clear it and show it saved."""
        assert self.session is not None
        self.require_writable()
        if self.current is None or self.current.id is None:
            self.hint("There is no agenda item to minute under: add one first.", "warning")
            return
        if not self.current.started_at:
            self.show_item(self.current, take=True)
        assert self.current.id is not None
        saved = self.session.submit(self.current.id, event.value)
        if saved is None:
            return
        event.input.value = ""
        self.save_capture_draft()
        self.refresh_records(saved.record.id)
        if saved.voted and isinstance(saved.record, Motion):
            self._wording = []  # F2 now offers the carried motion as the decision
            self.hint(*self.vote_hint(saved.record, saved.notices))
            return
        done = "Answered" if saved.answered else "Added to the list" if saved.listed else "Saved"
        line = Text(f"✓ {done}: {saved.record.kind.label.lower()} ({_clock()})")
        carried = voting.votes_by_decision(self.records).get(saved.record.id or 0)
        if carried is not None:
            line.append(f", the motion as carried ({vote_tag(carried)})")
        kind = "saved"
        if saved.unknown_names:
            self._last_unknown = saved.unknown_names[0]
            line.append(f"  New name {saved.unknown_names[0]!r}: ctrl+g adds them to the committee")
            kind = "warning"
        self.hint(line, kind)

    def flush(self) -> None:
        """Save what is half-typed now (the app calls this when it is closing)."""
        self.save_capture_draft()

    def save_capture_draft(self) -> None:
        """Keep the half-typed line in the database, so a crash loses at most a few seconds."""
        if self._drafts is None or not self.is_mounted or self.current is None or self.current.id is None:
            return
        self._save_draft(self.current.id, self.query_one(CaptureInput).value)

    def _save_draft(self, item_id: int, value: str) -> bool:
        """Keep `value` as the item's half-typed line. False if it could not be saved."""
        assert self._drafts is not None
        if value == self._drafts.get(item_id, ""):
            return True
        try:
            self.store.meetings.save_capture_draft(item_id, value)
        except Exception as error:
            report(self, error)
            return False
        if value:
            self._drafts[item_id] = value
        else:
            self._drafts.pop(item_id, None)
        return True

    # --- moving between items -------------------------------------------------------------------

    def _step_item(self, step: int) -> None:
        if not self.items:
            return
        ids = [i.id for i in self.items]
        index = ids.index(self.current.id) if self.current and self.current.id in ids else -1
        target = max(0, min(len(self.items) - 1, index + step))
        if target == index:
            self.hint("That is the last item." if step > 0 else "That is the first item.")
            return
        current = self.current
        moving_on = step > 0 and current is not None and current.id is not None and not current.started_at
        if moving_on and current is not None and current.id is not None and not self.read_only:
            # Moving on from an item means it was taken, even with nothing minuted: it is numbered
            # before the next one.
            assert self.session is not None
            taken = self.session.take_item(current.id)
            self.items = [taken if i.id == taken.id else i for i in self.items]
        self.show_item(self.items[target], take=not self.read_only)

    @guarded
    def action_next_item(self) -> None:
        """Take the next agenda item."""
        self._step_item(1)

    @guarded
    def action_previous_item(self) -> None:
        """Go back to the previous agenda item."""
        self._step_item(-1)

    @on(OptionList.OptionSelected, "#agenda")
    @guarded
    def agenda_item_chosen(self, event: OptionList.OptionSelected) -> None:
        """Take the item chosen in the agenda list."""
        chosen = next((i for i in self.items if str(i.id) == event.option.id), None)
        if chosen is not None:
            self.show_item(chosen, take=not self.read_only)
            self.action_focus_capture()

    # --- focus ----------------------------------------------------------------------------------

    def on_typed_away(self, message: TypedAway) -> None:
        """A letter typed in a list: carry on typing on the capture line."""
        if self.read_only:
            return
        line = self.query_one(CaptureInput)
        line.focus()
        line.insert_text_at_cursor(message.character)

    def action_toggle_focus(self) -> None:
        """From the capture line to the records, from there to the preview (to scroll it), then back
        to typing."""
        if isinstance(self.focused, CaptureInput):
            self.query_one(RecordList).focus()
        elif isinstance(self.focused, RecordList) and not self.has_class("no-preview"):
            self.query_one(MinutesPreview).focus()
        else:
            self.action_focus_capture()

    def action_focus_capture(self) -> None:
        """Back to typing."""
        self.query_one(CaptureInput).focus()

    def action_focus_agenda(self) -> None:
        """Move to the agenda list."""
        self.query_one(AgendaList).focus()

    def action_toggle_preview(self) -> None:
        """Show or hide the minutes preview."""
        self.toggle_class("no-preview")

    @guarded
    def action_close_meeting(self) -> None:
        """Ask, then stamp the meeting's end and take a backup in the background."""
        from scrutui.tui.screens.confirm import Confirm

        assert self.session is not None
        self.require_writable()
        self.save_capture_draft()
        session = self.session

        def answered(close: bool | None) -> None:
            if not close:
                self.hint("The meeting is still open.")
                return
            try:
                session.close(self.current.id if self.current else None)
            except Exception as error:
                report(self, error)
                return
            self.take_backup()

        self.app.push_screen(
            Confirm(
                f"Close the meeting now ({_clock()[:5]})? Its end time is stamped and a backup of the "
                "database is taken. You can still minute and edit afterwards.",
                "Close meeting",
            ),
            answered,
        )

    @work(thread=True, exclusive=True, group="backup")
    def take_backup(self) -> None:
        """Copy the database to the backups folder (its own connections: safe in a thread)."""
        from scrutui.store.backup import automatic_backup

        try:
            made = automatic_backup(self.store.path)
        except Exception as error:
            self.app.call_from_thread(report, self, error)
            return
        self.app.call_from_thread(self.hint, "✓ Meeting closed and backed up (the message says where)", "saved")
        # The path is long: a notification wraps it, where the one-line hint would cut it off.
        self.app.call_from_thread(
            self.notify, f"Backup saved to {made}", title="Meeting closed", timeout=20, markup=False
        )

    @guarded
    def action_export(self) -> None:
        """Export this meeting's minutes as they stand (the export runs in the background)."""
        from scrutui.tui.screens.exporting import ask_and_export

        ask_and_export(self.scrutui, self.meeting_id)

    @guarded
    def action_action_log(self) -> None:
        """Open this meeting's action log (the current item when it is the log)."""
        log_item = self.store.tracker.action_log_of(self.meeting_id)
        if log_item is None:
            how = "" if self.read_only else ": on the agenda screen (ctrl+b, then a), l adds one"
            self.hint(f"This meeting has no action log{how}.", "warning")
            return
        self.save_capture_draft()
        self.scrutui.open_tracker(action_log_item_id=log_item)

    def action_back(self) -> None:
        """Back to the meetings list (everything is already saved)."""
        self.save_capture_draft()
        self.dismiss()

    # --- record actions -------------------------------------------------------------------------

    def _selected(self) -> Record | None:
        record_id = self.query_one(RecordList).selected_record_id
        return next((r for r in self.records if r.id == record_id), None)

    @guarded
    def action_edit_record(self) -> None:
        """Edit the selected record: narratives in the editor, others in a form."""
        record = self._selected()
        if record is None:
            return
        self.require_writable()
        if isinstance(record, Narrative):
            self._open_narrative(record)
        else:
            self._open_form(record.kind, record)

    @guarded
    def action_delete_record(self) -> None:
        """Delete the selected record (undo brings it back)."""
        assert self.session is not None
        record = self._selected()
        if record is None or record.id is None:
            return
        self.require_writable()
        index = [r.id for r in self.records].index(record.id)
        self.session.delete(record.id)
        neighbours = [r.id for r in self.records if r.id != record.id]
        self.refresh_records(neighbours[min(index, len(neighbours) - 1)] if neighbours else None)
        self.hint(f"Deleted the {record.kind.label.lower()}. ctrl+z brings it back.", "warning")

    @guarded
    def action_move_record(self, step: int) -> None:
        """Move the selected record up or down."""
        assert self.session is not None
        record = self._selected()
        if record is None or record.id is None:
            return
        self.require_writable()
        if self.session.move(record.id, step):
            self.refresh_records(record.id)

    @guarded
    def action_undo(self) -> None:
        """Undo the last change to a record."""
        assert self.session is not None
        self.require_writable()
        undone = self.session.undo()
        if undone is None:
            self.hint("Nothing to undo.")
            return
        message, record_id = undone
        if not record_id:
            self.refresh_formalities()
            self.hint(f"↶ {message}.", "saved")
            return
        record = self.store.records.get(record_id, include_deleted=True)
        if self.current is None or record.agenda_item_id != self.current.id:
            item = next((i for i in self.items if i.id == record.agenda_item_id), self.current)
            self.show_item(item, select_id=record_id)
        else:
            self.refresh_records(record_id)
        self.hint(f"↶ {message}.", "saved")

    @guarded
    def action_new_record_form(self) -> None:
        """Choose a kind, then enter a record through a form."""
        self.require_writable()
        if self.current is None:
            self.hint("There is no agenda item to minute under: add one first.", "warning")
            return
        from scrutui.tui.screens.kind_picker import FormKind, KindPicker

        def picked(choice: FormKind | None) -> None:
            if choice is None:
                return
            if choice.kind is RecordKind.NARRATIVE:
                self._open_narrative(None)
            elif choice.capture is capture.CaptureKind.ANSWER:
                waiting = capture.answer(self.records, capture.Capture(capture.CaptureKind.ANSWER))
                if waiting is None:
                    self.hint("No question or assurance under this item is waiting for an answer.", "warning")
                    return
                original = next(r for r in self.records if r.id == waiting.id)
                self._open_form(original.kind, original)
            else:
                presets = {
                    capture.CaptureKind.AGREED: {"form": "agreed"},
                    capture.CaptureKind.AMENDMENT: {"amendment": "true"},
                }
                self._open_form(choice.kind, None, preset=presets.get(choice.capture))

        self.app.push_screen(KindPicker(), picked)

    @guarded
    def action_narrative_editor(self) -> None:
        """Write a long narrative in the multi-line editor."""
        self.require_writable()
        if self.current is None:
            self.hint("There is no agenda item to minute under: add one first.", "warning")
            return
        self._open_narrative(None)

    def _open_form(self, kind: RecordKind, record: Record | None, *, preset: dict[str, str] | None = None) -> None:
        from scrutui.tui.screens.record_form import RecordForm

        assert self.session is not None and self.current is not None and self.current.id is not None
        if not self.current.started_at:
            self.show_item(self.current, take=True)
        form = RecordForm(self.session, self.current.id, kind, record, preset=preset)
        self.app.push_screen(form, self._after_edit)

    def _open_narrative(self, record: Narrative | None) -> None:
        from scrutui.tui.screens.narrative_editor import NarrativeEditor

        assert self.session is not None and self.current is not None and self.current.id is not None
        if not self.current.started_at:
            self.show_item(self.current, take=True)
        self.app.push_screen(NarrativeEditor(self.session, self.current.id, record), self._after_edit)

    def _after_edit(self, saved: Record | None) -> None:
        self.refresh_records(saved.id if saved else None)
        if isinstance(saved, Motion) and saved.outcome is not MotionOutcome.MOVED:
            assert self.session is not None
            self._wording = []
            self.hint(*self.vote_hint(saved, self.session.notices))
        elif saved is not None:
            self.hint(f"✓ Saved: {saved.kind.label.lower()} ({_clock()})", "saved")
        self.action_focus_capture()

    def vote_hint(self, motion: Motion, notices: tuple[str, ...]) -> tuple[Text, str]:
        """What the line under the capture line says once a vote is saved."""
        noun = "amendment" if motion.amendment else "motion"
        line = Text(f"✓ Vote: the {noun} {vote_tag(motion)}", style="bold")
        for notice in notices:
            line.append(f"  ⚠ {notice}")
        if motion in voting.undecided_motions(self.records):
            line.append("  F2: make it the decision")
        return line, "warning" if notices else "saved"

    @guarded
    def action_recorded_vote(self) -> None:
        """A recorded vote on the motion selected in the list, or else the open (or last) one."""
        self.require_writable()
        assert self.session is not None
        if self.session.meeting.status is MinutesStatus.APPROVED:
            self.hint("These minutes are approved: a vote changes only by a correction (F6).", "warning")
            return
        selected = self._selected() if isinstance(self.focused, RecordList) else None
        motion = voting.motion_to_vote_on(self.records, selected)
        if motion is None:
            self.hint("There is no motion under this item: type m MOVER/SECONDER: the motion, then F10.", "warning")
            return
        from scrutui.tui.screens.recorded_vote import RecordedVoteScreen

        self.save_capture_draft()
        self.app.push_screen(RecordedVoteScreen(self.session, motion), self._after_edit)

    @guarded
    def action_add_person(self) -> None:
        """Add a person to the committee, starting from the last unknown name typed."""
        self.require_writable()
        from scrutui.tui.screens.person_form import PersonEntry, PersonForm, likely_role

        assert self.session is not None
        session = self.session

        def added(result: PersonEntry | None) -> None:
            if result is None:
                return
            try:
                person = session.add_person(result.person, result.role)
            except Exception as error:
                report(self, error)
                return
            self._last_unknown = ""
            self.refresh_records()
            self.hint(f"✓ Added {person.name}; Tab now completes the name.", "saved")

        name = self._last_unknown
        self.app.push_screen(PersonForm(name=name, role=likely_role(name)), added)

    # --- formalities ----------------------------------------------------------------------------

    def action_roll_call(self) -> None:
        """Take the roll call."""
        from scrutui.tui.screens.roll_call import RollCallScreen

        self.save_capture_draft()
        self.app.push_screen(RollCallScreen(self.meeting_id))

    @guarded
    def action_movement(self) -> None:
        """Someone arrived or left: pick them, and it is stamped now, during the current item."""
        self.require_writable()
        assert self.session is not None
        if self.session.meeting.status is MinutesStatus.APPROVED:
            self.hint("These minutes are approved: attendance changes only by a correction.", "warning")
            return
        from scrutui.tui.screens.movement import MovementPicker

        session = self.session
        item = self.current
        if item is not None and item.id is not None and not item.started_at:
            self.show_item(item, take=True)
            item = self.current

        def picked(person_id: int | None) -> None:
            if person_id is None:
                return
            try:
                event = session.record_movement(person_id, item.id if item else None)
            except Exception as error:
                report(self, error)
                return
            self.refresh_formalities()
            line = self.roll.line(person_id) if self.roll else None
            verb = "arrived" if event.movement.value == "arrived" else "left"
            who = line.name if line else "They"
            self.hint(f"✓ {who} {verb} at {event.at[11:16]} (ctrl+z undoes)", "saved")
            self.action_focus_capture()

        roll = self.roll or session.roll()
        self.app.push_screen(MovementPicker(roll, item.title if item else "before the first item"), picked)

    @guarded
    def action_declarations(self) -> None:
        """Declarations of interest (read-only: to browse)."""
        from scrutui.tui.screens.declarations import DeclarationsScreen

        def closed(changed: bool | None) -> None:
            if changed:
                self.refresh_formalities()
            self.action_focus_capture()

        self.app.push_screen(
            DeclarationsScreen(self.meeting_id, self.current.id if self.current else None), closed
        )

    def action_minutes_status(self) -> None:
        """Issue, approve or correct this committee's minutes."""
        from scrutui.tui.screens.minutes_status import MinutesStatusScreen

        assert self.session is not None
        self.save_capture_draft()
        previous = self.store.meetings.previous(self.session.meeting)
        wanted = (
            previous.id if previous and previous.status is not MinutesStatus.APPROVED else self.meeting_id
        )
        self.app.push_screen(MinutesStatusScreen(wanted or self.meeting_id, from_meeting=self.meeting_id))

    @guarded
    def action_standard_wording(self) -> None:
        """Put standard wording for the current item on the capture line; again: the next one."""
        assert self.session is not None
        self.require_writable()
        item = self.current
        if item is None:
            self.hint("There is no agenda item to minute under: add one first.", "warning")
            return
        line = self.query_one(CaptureInput)
        shown = self._wording[self._wording_at] if 0 <= self._wording_at < len(self._wording) else None
        if line.value.strip() and line.value != shown:
            self.hint("The capture line has text: enter it (Enter) or clear it first.", "warning")
            return
        if self._wording:
            self._show_wording()
            return
        previous = self.store.meetings.previous(self.session.meeting)
        if item_kind(item.title) == "minutes" and previous is None:
            from scrutui.tui.screens.ask_date import AskDate

            def answered(day: dt.date | None) -> None:
                if day is not None:
                    self._prepare_wording(item, day)
                    self._show_wording()

            self.app.push_screen(
                AskDate(
                    "When was the previous meeting, whose minutes are confirmed here?",
                    "It is not in scrutui (this is the committee's first meeting here). e.g. 15/09/2026",
                ),
                answered,
            )
            return
        self._prepare_wording(item, previous.date if previous else None)
        self._show_wording()

    def _prepare_wording(self, item: AgendaItem, previous_meeting: dt.date | None) -> None:
        assert self.session is not None
        roll = self.roll
        # A motion just carried first: it becomes the item's resolution or recommendation.
        body = self.session.committee.recommendation_body
        self._wording = voting.decision_lines(self.records, body) + standard_wording(
            item,
            roll=roll,
            previous_meeting=previous_meeting,
            exclusion=drafted_exclusion(self.items, self.session.committee.jurisdiction)
            if item_kind(item.title) == "exclusion"
            else "",
            declared=bool(roll and roll.declarations),
        )
        self._wording_at = -1

    def _show_wording(self) -> None:
        """The next of the item's standard wordings on the capture line."""
        if not self._wording:
            return
        line = self.query_one(CaptureInput)
        self._wording_at = (self._wording_at + 1) % len(self._wording)
        line.value = self._wording[self._wording_at]
        line.cursor_position = len(line.value)
        line.focus()

def _clock() -> str:
    from datetime import datetime

    return datetime.now().strftime("%H:%M:%S")
