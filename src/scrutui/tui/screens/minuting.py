"""The live-minuting screen: the agenda, the current item's records, its preview and the capture
line. Everything typed is saved (committed) before the screen shows it.

Opened as the app's first screen, it is drawn first from a plain read of the meeting
(`scrutui.store.glance`), and the validated store, its models and the minutes composer are loaded
just after it appears (or at the first key that needs them, whichever comes first).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, OptionList, Static

from scrutui.minutes.wording import long_date, long_time
from scrutui.store.glance import MeetingGlance, first_item
from scrutui.tui.guard import guarded, report
from scrutui.tui.screens.base import ScrutuiScreen
from scrutui.tui.widgets.agenda_list import AgendaList
from scrutui.tui.widgets.capture_line import CaptureInput
from scrutui.tui.widgets.key_bar import KeyBar
from scrutui.tui.widgets.minutes_preview import MinutesPreview
from scrutui.tui.widgets.record_list import RecordList, TypedAway

if TYPE_CHECKING:
    from scrutui.formalities import Roll
    from scrutui.minutes.records import ProseCache
    from scrutui.models import AgendaItem, Narrative, Record, RecordKind
    from scrutui.session import MinutingSession
    from scrutui.tracked import TrackedRecord

#: How often what is typed on the capture line is kept in the database.
DRAFT_SAVE_SECONDS = 2.0

GRAMMAR_LINE = (
    "[b]q[/] who: question [b]|[/] who: answer  [b]a[/] who: answer  [b]as[/] theme: sought [b]|[/] who: reply  "
    "[b]ir[/] whom: what  [b]r[/] resolved  [b]ag[/] agreed  [b]rec[/] to: text  [b]h[/] heading  [b]-[/] list  "
    "[b]n[/] note"
)


class MinutingScreen(ScrutuiScreen[None]):
    """Minute one meeting live."""

    DEFAULT_CSS = """
    MinutingScreen #meeting-title { height: 1; background: $panel; color: $text; padding: 0 1; text-style: bold; }
    MinutingScreen #body { height: 1fr; }
    MinutingScreen #right { width: 1fr; }
    MinutingScreen #grammar { height: auto; max-height: 2; color: $text-muted; padding: 0 1; }
    MinutingScreen CaptureInput { height: 3; }
    MinutingScreen #capture-hint { height: 1; padding: 0 1; color: $text-muted; }
    MinutingScreen #capture-hint.saved { color: $success; }
    MinutingScreen #capture-hint.warning { color: $warning; }
    MinutingScreen.no-preview MinutesPreview { display: none; }
    """

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
            tooltip="Switch between the capture line and the list of records",
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
        self._session: MinutingSession | None = None
        #: True once the meeting has been read through the store (see `_load`).
        self._loaded = False
        #: True when the screen was first drawn from a plain read of the meeting.
        self._glanced = False
        self._resumed = False
        self._items: list[AgendaItem] = []
        self._current: AgendaItem | None = None
        self._records: list[Record] = []
        self._draft_saved = ""
        self._last_unknown: str = ""
        self._action_log_hint = False
        #: The meeting's action-log item, if it has one (its preview lists what was carried forward).
        self._action_log_item: int | None = None
        self._roll: Roll | None = None
        self._was_inquorate = False
        self._wording: list[str] = []
        self._wording_at = -1
        #: The preview is drawn just after the screen first appears, not before (it is the slowest part).
        self._preview_later = True
        #: Each record's words in the preview, kept from one save to the next.
        self._prose: ProseCache | None = None

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
            placeholder="Type a note, or a prefix (q a as ir r ag rec h) and a space; Enter saves",
            id="capture",
        )
        yield Static(id="capture-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        glance = None
        if not self.scrutui.store_is_open:
            from scrutui.store.glance import glance_at_meeting

            glance = glance_at_meeting(
                self.scrutui.database_path, self.meeting_id, item_id=self.start_item_id, read_only=self.read_only
            )
        if glance is None:
            self._load()
        else:
            self._show_glance(glance)
            self.call_after_refresh(self._load_after_first_paint)
        self.query_one(CaptureInput).focus()

    def _show_glance(self, glance: MeetingGlance) -> None:
        """The first screen, from a plain read of the meeting: the title, the agenda, the records of
        the item shown and the capture line. The quorum and the preview follow once loaded."""
        self._glanced = True
        self._lock_capture_line(approved=glance.status == "approved")
        if not self.read_only and glance.status != "approved" and glance.draft:
            self._draft_saved = glance.draft
            line = self.query_one(CaptureInput)
            line.value = glance.draft
            line.cursor_position = len(glance.draft)
        item = glance.current
        self.query_one(AgendaList).show(list(glance.items), item.id if item else None, glance.counts)
        records = self.query_one(RecordList)
        records.show(list(glance.records), self.start_record_id)
        if item is not None:
            records.border_title = self._item_title(
                item.number, item.minute_number, item.title, item.started_at, item.exempt_paragraph, inquorate=False
            )
        self.query_one(MinutesPreview).border_title = "As minuted"
        self.query_one("#meeting-title", Static).update(
            self._title(glance.committee, glance.date, glance.time, glance.status)
        )
        if not glance.items:
            self.hint("This meeting has no agenda yet: go back (ctrl+b) and add items.", "warning")

    def _lock_capture_line(self, *, approved: bool) -> None:
        capture_line = self.query_one(CaptureInput)
        if self.read_only:
            capture_line.disabled = True
            capture_line.placeholder = "Read-only: nothing can be typed here"
        elif approved:
            capture_line.disabled = True
            capture_line.placeholder = "These minutes are approved: they change only by a correction (F6)"

    def _ensure_loaded(self) -> None:
        if not self._loaded:
            self._load()

    def _load_after_first_paint(self) -> None:
        if self._loaded:
            return
        if not self.query_one(RecordList).size:  # not laid out yet, and so not painted: wait
            self.call_after_refresh(self._load_after_first_paint)
            return
        self._load()

    def _load(self) -> None:
        """Read the meeting through the store (validated models), and draw everything from it."""
        from scrutui.models import MinutesStatus
        from scrutui.session import MinutingSession

        session = self._session = MinutingSession(self.store, self.meeting_id)
        self._loaded = True
        self._roll = session.roll()
        self._was_inquorate = self._inquorate_now()
        self._items = session.agenda()
        self._action_log_item = self.store.tracker.action_log_of(self.meeting_id)
        current = first_item(self._items, self.start_item_id)
        approved = session.meeting.status is MinutesStatus.APPROVED
        self._lock_capture_line(approved=approved)
        if not (self.read_only or approved):
            if not self._glanced:  # (after the first screen, the line may have been typed on: kept)
                self._draft_saved = self.store.meetings.capture_draft(self.meeting_id)
                if self._draft_saved:
                    capture_line = self.query_one(CaptureInput)
                    capture_line.value = self._draft_saved
                    capture_line.cursor_position = len(self._draft_saved)
            self.set_interval(DRAFT_SAVE_SECONDS, self.save_capture_draft)
        # Opening a meeting shows an item without taking it: it is taken when minuted or moved to.
        self.show_item(current, select_id=self.start_record_id)
        if not self._items:
            self.hint("This meeting has no agenda yet: go back (ctrl+b) and add items.", "warning")
        elif self._glanced:
            self._describe(self.query_one(CaptureInput).value)
        self.call_after_refresh(self._first_preview)

    # The meeting as the store holds it, read (once) by whichever needs it first.

    @property
    def session(self) -> MinutingSession:
        """The clerk's minuting session (every write goes through it)."""
        self._ensure_loaded()
        assert self._session is not None
        return self._session

    @property
    def items(self) -> list[AgendaItem]:
        """The meeting's agenda."""
        self._ensure_loaded()
        return self._items

    @items.setter
    def items(self, items: list[AgendaItem]) -> None:
        self._items = items

    @property
    def current(self) -> AgendaItem | None:
        """The item being minuted."""
        self._ensure_loaded()
        return self._current

    @current.setter
    def current(self, item: AgendaItem | None) -> None:
        self._current = item

    @property
    def records(self) -> list[Record]:
        """The current item's records, in order."""
        self._ensure_loaded()
        return self._records

    @records.setter
    def records(self, records: list[Record]) -> None:
        self._records = records

    @property
    def roll(self) -> Roll | None:
        """The roll call, arrivals, departures and declarations."""
        self._ensure_loaded()
        return self._roll

    @roll.setter
    def roll(self, roll: Roll | None) -> None:
        self._roll = roll

    def _first_preview(self) -> None:
        if self._preview_later:
            self._preview_later = False
            self._show_preview()

    def on_screen_resume(self) -> None:
        """Back from the roll call, the action log or another screen: attendance, or the responses
        the action log reports, may have changed."""
        if not self._resumed:  # the first time it is shown: it has just been read (or soon will be)
            self._resumed = True
            return
        self.refresh_formalities()

    def _known_names(self) -> list[str]:
        # Completion waits for the meeting to be read (it follows the first paint at once).
        return self._session.people.names() if self._session is not None else []

    # --- showing --------------------------------------------------------------------------------

    def show_item(self, item: AgendaItem | None, *, take: bool = False, select_id: int | None = None) -> None:
        """Make `item` the current item and show its records and preview."""
        assert self.session is not None
        if item is not None and take and item.id is not None:
            item = self.session.take_item(item.id, leaving=self.current.id if self.current else None)
            self.items = [item if i.id == item.id else i for i in self.items]
        self.current = item
        self._wording, self._wording_at = [], -1
        self.refresh_records(select_id)
        self.warn_quorum()

    def refresh_records(self, select_id: int | None = None) -> None:
        """Reload the current item's records from the database and redraw."""
        assert self.session is not None
        item = self.current
        self.records = self.session.records(item.id) if item and item.id else []
        self._redraw(select_id)

    def show_saved(self, record_id: int) -> None:
        """Show a record just added or changed without reading the whole item again: that record
        alone is read back, and the list and preview redraw only what changed."""
        record = self.store.records.get(record_id)
        if self.current is None or record.agenda_item_id != self.current.id:
            self.refresh_records(record_id)
            return
        ids = [r.id for r in self.records]
        if record_id in ids:
            at = ids.index(record_id)
            self.records = [*self.records[:at], record, *self.records[at + 1 :]]
        else:  # a new record goes at the end of its item
            self.records = [*self.records, record]
        self._redraw(record_id)

    def show_deleted(self, record_id: int, select_id: int | None) -> None:
        """Show a record deleted, without reading the item again."""
        self.records = [r for r in self.records if r.id != record_id]
        self._redraw(select_id)

    def _redraw(self, select_id: int | None) -> None:
        """Draw the agenda, the current item's records and its preview from `self.records`."""
        assert self.session is not None
        item = self.current
        counts = self.store.agenda.record_counts(self.meeting_id)
        if item is not None and item.id is not None and counts.get(item.id, 0) != len(self.records):
            # Someone else (another computer on the same database) changed this item meanwhile.
            self.records = self.session.records(item.id)
        inquorate = self.roll.inquorate_items(self.items) if self.roll else set()
        self.query_one(AgendaList).show(self.items, item.id if item else None, counts, inquorate)
        records = self.query_one(RecordList)
        records.show(self.records, select_id)
        if item is not None:
            records.border_title = self._item_title(
                item.number,
                item.minute_number,
                item.title,
                item.started_at,
                item.exempt_paragraph,
                inquorate=self._inquorate_now(),
            )
        if self._preview_later:
            self.show_title()
            return
        self._show_preview()
        self.show_title()

    def _show_preview(self) -> None:
        """The current item as it will read in the minutes (and, for the action log, what it lists)."""
        assert self.session is not None
        item = self.current
        from scrutui.minutes import preview_item
        from scrutui.minutes.records import ProseCache

        if self._prose is None:
            self._prose = ProseCache()
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
                prose=self._prose,
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
        elif self._action_log_hint:
            self._action_log_hint = False
            self.hint("")

    @staticmethod
    def _item_title(
        number: str, minute_number: str, title: str, started_at: str | None, exempt: int | None, *, inquorate: bool
    ) -> str:
        """The line over the records: warnings first (a narrow terminal never cuts them off), then the
        item's number and title, and when it started."""
        started = f" · started {started_at[11:16]}" if started_at else ""
        warning = "⚠ INQUORATE · " if inquorate else ""
        flag = f"EXEMPT para {exempt} · " if exempt is not None else ""
        return f"{warning}{flag}{minute_number or number} {title}{started}".strip()

    def _title(self, committee: str, date: dt.date, time: dt.time, status: str) -> Text:
        """The meeting's title line, without the quorum."""
        title = Text()
        if self.read_only:
            title.append("READ-ONLY · ", style="bold")
        elif status != "draft":
            title.append(f"{status.upper()} · ", style="bold")
        title.append(f"{committee} · {long_date(date)}, {long_time(time)}")
        return title

    def _carried(self, item: AgendaItem | None) -> list[TrackedRecord] | None:
        """What the action log lists, when `item` is the meeting's action log: as the tracker holds
        it now, or, once the minutes are approved, as it was approved."""
        from scrutui.models import MinutesStatus

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
        count = self.roll.count_now(self.current.id if self.current else None) if self.roll else None
        title = Text()
        if count is not None and count.inquorate:
            # First, so a narrow terminal never cuts it off.
            title.append(
                f"⚠ INQUORATE ({count.present} present, quorum {count.quorum})", style="bold white on red"
            )
            title.append(" ")
        title.append_text(self._title(committee.name, meeting.date, meeting.time, meeting.status.value))
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
        self.items = self.session.agenda()
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
        self._describe(event.value)

    def _describe(self, value: str) -> None:
        if not value.strip():
            hint = self.query_one("#capture-hint", Static)
            if not (hint.has_class("saved") or hint.has_class("warning")):
                self.hint("")  # keep a "Saved" confirmation when the line is cleared after saving
            return
        if not self._loaded:
            return  # (said once the meeting has been read: see _load)
        from scrutui import capture
        from scrutui.models import Narrative

        assert self.session is not None
        parsed = self.session.parse(value)
        words = capture.describe(
            parsed,
            self.session.committee.recommendation_body,
            after_narrative=bool(self.records) and isinstance(self.records[-1], Narrative),
        )
        unknown = [n for n in parsed.names if not self.session.people.is_known(n)]
        line = Text(f"→ {words}")
        completed = self.query_one(CaptureInput).completion()
        if completed:
            line.append(f"  Tab: {completed.name}", style="bold")
        elif unknown:
            line.append(f"  (new name: {', '.join(unknown)})", style="italic")
        if 0 <= self._wording_at < len(self._wording) and value == self._wording[self._wording_at]:
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
        self.show_saved(saved.record.id or 0)
        done = "Answered" if saved.answered else "Added to the list" if saved.listed else "Saved"
        line = Text(f"✓ {done}: {saved.record.kind.label.lower()} ({_clock()})")
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
        if self.read_only or not self.is_mounted:
            return
        value = self.query_one(CaptureInput).value
        if value == self._draft_saved:
            return
        try:
            self.store.meetings.save_capture_draft(self.meeting_id, value)
            self._draft_saved = value
        except Exception as error:
            report(self, error)

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
        """Switch between the capture line and the records list."""
        if isinstance(self.focused, CaptureInput):
            self.query_one(RecordList).focus()
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
        """Stamp the meeting's end and take a backup in the background."""
        assert self.session is not None
        self.require_writable()
        self.save_capture_draft()
        self.session.close(self.current.id if self.current else None)
        self.take_backup()

    @work(thread=True, exclusive=True, group="backup")
    def take_backup(self) -> None:
        """Copy the database to the backups folder (its own connections: safe in a thread)."""
        from scrutui.store.backup import automatic_backup

        try:
            made = automatic_backup(self.store.path)
        except Exception as error:
            self.app.call_from_thread(report, self, error)
            return
        self.app.call_from_thread(self.hint, f"✓ Meeting closed; backup saved to {made}", "saved")

    @guarded
    def action_export(self) -> None:
        """Export this meeting's minutes as they stand (the export runs in the background)."""
        from scrutui.tui.exporting import ask_and_export

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
        from scrutui.models import Narrative

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
        self.show_deleted(record.id, neighbours[min(index, len(neighbours) - 1)] if neighbours else None)
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
        from scrutui.models import RecordKind
        from scrutui.tui.screens.kind_picker import KindPicker

        def picked(kind: RecordKind | None) -> None:
            if kind is RecordKind.NARRATIVE:
                self._open_narrative(None)
            elif kind is not None:
                self._open_form(kind, None)

        self.app.push_screen(KindPicker(), picked)

    @guarded
    def action_narrative_editor(self) -> None:
        """Write a long narrative in the multi-line editor."""
        self.require_writable()
        if self.current is None:
            self.hint("There is no agenda item to minute under: add one first.", "warning")
            return
        self._open_narrative(None)

    def _open_form(self, kind: RecordKind, record: Record | None) -> None:
        from scrutui.tui.screens.record_form import RecordForm

        assert self.session is not None and self.current is not None and self.current.id is not None
        if not self.current.started_at:
            self.show_item(self.current, take=True)
        form = RecordForm(self.session, self.current.id, kind, record)
        self.app.push_screen(form, self._after_edit)

    def _open_narrative(self, record: Narrative | None) -> None:
        from scrutui.tui.screens.narrative_editor import NarrativeEditor

        assert self.session is not None and self.current is not None and self.current.id is not None
        if not self.current.started_at:
            self.show_item(self.current, take=True)
        self.app.push_screen(NarrativeEditor(self.session, self.current.id, record), self._after_edit)

    def _after_edit(self, saved: Record | None) -> None:
        if saved is not None and saved.id is not None:
            self.show_saved(saved.id)
        else:  # nothing saved, or a narrative emptied in the editor and so deleted
            self.refresh_records(None)
        if saved is not None:
            self.hint(f"✓ Saved: {saved.kind.label.lower()} ({_clock()})", "saved")
        self.action_focus_capture()

    @guarded
    def action_add_person(self) -> None:
        """Add a person to the committee, starting from the last unknown name typed."""
        self.require_writable()
        from scrutui.tui.screens.person_form import PersonEntry, PersonForm

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

        from scrutui.models import Role

        self.app.push_screen(PersonForm(name=self._last_unknown, role=Role.OFFICER), added)

    # --- formalities ----------------------------------------------------------------------------

    def action_roll_call(self) -> None:
        """Take the roll call."""
        from scrutui.tui.screens.roll_call import RollCallScreen

        self.save_capture_draft()
        self.app.push_screen(RollCallScreen(self.meeting_id))

    @guarded
    def action_movement(self) -> None:
        """Someone arrived or left: pick them, and it is stamped now, during the current item."""
        from scrutui.models import MinutesStatus

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
        from scrutui.models import MinutesStatus
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
        from scrutui.formalities import item_kind, standard_wording
        from scrutui.minutes import drafted_exclusion

        assert self.session is not None
        self.require_writable()
        item = self.current
        if item is None:
            self.hint("There is no agenda item to minute under: add one first.", "warning")
            return
        line = self.query_one(CaptureInput)
        if not self._wording:
            previous = self.store.meetings.previous(self.session.meeting)
            roll = self.roll
            self._wording = standard_wording(
                item,
                roll=roll,
                previous_meeting=previous.date if previous else None,
                exclusion=drafted_exclusion(self.items, self.session.committee.jurisdiction)
                if item_kind(item.title) == "exclusion"
                else "",
                declared=bool(roll and roll.declarations),
            )
            self._wording_at = -1
        shown = self._wording[self._wording_at] if 0 <= self._wording_at < len(self._wording) else None
        if line.value.strip() and line.value != shown:
            self.hint("The capture line has text: enter it (Enter) or clear it first.", "warning")
            return
        self._wording_at = (self._wording_at + 1) % len(self._wording)
        line.value = self._wording[self._wording_at]
        line.cursor_position = len(line.value)
        line.focus()


def _clock() -> str:
    from datetime import datetime

    return datetime.now().strftime("%H:%M:%S")
