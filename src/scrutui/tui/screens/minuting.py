"""The live-minuting screen: the agenda, the current item's records, its preview and the capture
line. Everything typed is saved (committed) before the screen shows it.

Opened as the app's first screen, it is drawn first from a plain read of the meeting
(`scrutui.store.glance`); the validated store, its models and the minutes composer are loaded just
after it appears, or at the first key that needs them, whichever comes first (see minuting_part).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, OptionList

from scrutui.store.glance import MeetingGlance, first_item
from scrutui.tui.guard import guarded
from scrutui.tui.screens import minuting_keys
from scrutui.tui.screens.minuting_drafts import CaptureDrafts, DraftKeeping
from scrutui.tui.screens.minuting_formalities import FormalityActions
from scrutui.tui.screens.minuting_moves import Moving
from scrutui.tui.screens.minuting_records import RecordActions
from scrutui.tui.screens.minuting_wording import StandardWording
from scrutui.tui.widgets.agenda_list import AgendaList
from scrutui.tui.widgets.capture_hint import CaptureHint, description, saved_line, vote_line
from scrutui.tui.widgets.capture_line import CaptureInput
from scrutui.tui.widgets.grammar_line import GrammarLine
from scrutui.tui.widgets.key_bar import KeyBar
from scrutui.tui.widgets.meeting_title import MeetingTitle
from scrutui.tui.widgets.minutes_preview import MinutesPreview
from scrutui.tui.widgets.record_list import RecordList

if TYPE_CHECKING:
    from scrutui.minutes.discussion import ProseCache
    from scrutui.models import AgendaItem
    from scrutui.session import Saved
    from scrutui.store.damage import DamagedRow
    from scrutui.tracked import TrackedRecord

#: How often what is typed on the capture line is kept in the database.
DRAFT_SAVE_SECONDS = 2.0


class MinutingScreen(RecordActions, FormalityActions, DraftKeeping, Moving):
    """Minute one meeting live. Its keys are in minuting_keys; its actions on records, its
    formalities, the keeping of what is half-typed and moving between items and panes in
    minuting_records, minuting_formalities, minuting_drafts and minuting_moves."""

    DEFAULT_CSS = """
    MinutingScreen #body { height: 1fr; }
    MinutingScreen #right { width: 1fr; }
    MinutingScreen CaptureInput { height: 3; }
    MinutingScreen.no-preview MinutesPreview { display: none; }
    """

    #: The capture line has focus from the moment the screen shows, so the first keys typed as a
    #: meeting opens land there in order (not on the agenda list, which would pass them on later).
    AUTO_FOCUS = "#capture"

    #: What changes something: left off the key bar when the database is open read-only.
    EDITING = minuting_keys.EDITING
    BINDINGS = minuting_keys.BINDINGS

    def __init__(self, meeting_id: int, *, item_id: int | None = None, record_id: int | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        #: The item (and record) to show first, when opened from the tracker.
        self.start_item_id = item_id
        self.start_record_id = record_id
        # The meeting as the store holds it: read by load_meeting (see minuting_part).
        self._loaded = False
        self._session = None
        self._items = []
        self._current = None
        self._records = []
        self._roll = None
        #: True when the screen was first drawn from a plain read of the meeting.
        self._glanced = False
        self._glanced_item: int | None = None
        self._resumed = False
        #: Agenda items damaged in the database: listed as damaged, never taken or minuted.
        self._damaged_items: tuple[DamagedRow, ...] = ()
        #: What is kept of the half-typed capture line, by agenda item (None: nothing is kept, as
        #: nothing can be typed: read-only, or approved minutes).
        self._drafts: CaptureDrafts | None = None
        self._last_unknown: str = ""
        self._action_log_hint = False
        #: The meeting's action-log item, if it has one (its preview lists what was carried forward).
        self._action_log_item: int | None = None
        self._was_inquorate = False
        #: The records of the item shown that are damaged in the database (listed, left out).
        self._damaged_records: tuple[DamagedRow, ...] = ()
        #: Each record's words, kept from one preview of the item to the next.
        self._prose: ProseCache | None = None
        self.wording = StandardWording()
        self._shown_once = False

    # --- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield MeetingTitle(id="meeting-title")
        with Horizontal(id="body"):
            yield AgendaList(id="agenda")
            with Vertical(id="right"):
                yield RecordList(id="records")
                yield MinutesPreview(id="preview")
        yield GrammarLine(id="grammar")
        yield CaptureInput(
            self._known_names,
            placeholder="Type a note, or a prefix (q a as ir r ag rec h m) and a space; Enter saves",
            id="capture",
        )
        yield CaptureHint(id="capture-hint")
        yield KeyBar(lines=1)

    def on_mount(self) -> None:
        glance = None
        if not self.scrutui.store_is_open and self.shows_exempt:
            # The app's first screen: drawn from a plain read, before the store is opened.
            from scrutui.store.glance import glance_at_meeting

            glance = glance_at_meeting(
                self.scrutui.database_path, self.meeting_id, item_id=self.start_item_id, read_only=self.read_only
            )
        if glance is None:
            self.load_meeting()
        else:
            self._show_glance(glance)
            self.call_after_refresh(self._load_after_first_paint)
        self.query_one(CaptureInput).focus()
        self.scrutui.typed_ahead.release()  # what was typed as the meeting opened, once it has focus

    def _show_glance(self, glance: MeetingGlance) -> None:
        """The first screen, from a plain read of the meeting: the title, the agenda, the records of
        the item shown and what was left typed under it. The quorum, the preview, completion and
        what Enter will save follow once the meeting is read through the store."""
        self._glanced = True
        self._glanced_item = glance.current.id if glance.current else None
        self._lock_capture_line(approved=glance.status == "approved")
        item = glance.current
        if item is not None and not self.read_only and glance.status != "approved" and item.capture_draft:
            line = self.query_one(CaptureInput)
            line.value = item.capture_draft
            line.cursor_position = len(item.capture_draft)
        self.query_one(AgendaList).show(glance.items, item.id if item else None, glance.counts)
        records = self.query_one(RecordList)
        records.show(glance.records, self.start_record_id)
        if item is not None:
            records.border_title = _item_title(
                item.minute_number or item.number,
                item.title,
                item.started_at,
                item.exempt_paragraph,
                inquorate=False,
                damaged=0,
            )
        self.query_one(MinutesPreview).border_title = "As minuted"
        self.query_one(MeetingTitle).show_plain(
            glance.committee, glance.date, glance.time, glance.status, read_only=self.read_only
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

    def _load_after_first_paint(self) -> None:
        if self._loaded or not self.is_mounted:
            return
        if not self.query_one(RecordList).size:  # not laid out yet, and so not painted: wait
            self.call_after_refresh(self._load_after_first_paint)
            return
        self.load_meeting()

    def load_meeting(self) -> None:
        """Read the meeting through the store (validated models), and draw everything from it.

        After a first screen drawn from a plain read, what has been typed on the capture line since
        stays there (it is kept under the item shown, as anything typed is)."""
        from scrutui.models import MinutesStatus
        from scrutui.session import MinutingSession

        session = MinutingSession(self.store, self.meeting_id, shows_exempt=self.shows_exempt)
        self._session, self._loaded = session, True
        self.roll = session.roll()
        self.load_agenda()
        self._action_log_item = self.store.tracker.action_log_of(self.meeting_id)
        self._was_inquorate = self._inquorate_now()
        current = first_item(self.items, self.start_item_id)
        if self._glanced:  # the item the first screen showed, which the capture line may hold typing for
            current = next((i for i in self.items if i.id == self._glanced_item), current)
        approved = session.meeting.status is MinutesStatus.APPROVED
        self._lock_capture_line(approved=approved)
        if not (self.read_only or approved):
            self._drafts = CaptureDrafts(self.store.meetings, self.meeting_id)
            self.set_interval(DRAFT_SAVE_SECONDS, self.save_capture_draft)
        # Opening a meeting shows an item without taking it: it is taken when minuted or moved to.
        if self._glanced and current is not None and current.id == self._glanced_item:
            # The line kept under it is on the capture line already, perhaps typed on since: it
            # stays as it is (show_item brings a kept line back only on moving to another item).
            self._current, self._shown_once = current, True
        self.show_item(current, select_id=self.start_record_id)
        if not self.items:
            self.hint("This meeting has no agenda yet: go back (ctrl+b) and add items.", "warning")
        if self._damaged_items:
            named = "; ".join(d.describe() for d in self._damaged_items)
            self.hint(f"⚠ Damaged, left out: {named}.", "warning")
        elsewhere = self._drafts.elsewhere(self.items, self.current) if self._drafts else []
        if elsewhere:
            where = ", ".join(i.number or i.title for i in elsewhere[:4])
            # After the line's own description (of a line brought back here), which would replace it.
            self.call_after_refresh(
                self.hint, f"An unfinished line is kept under item {where}: it is back when you go there.", "warning"
            )
        elif self._glanced:
            self._describe(self.query_one(CaptureInput).value)

    def load_agenda(self) -> None:
        """Read the agenda (an item damaged in the database is noted, to be shown as damaged)."""
        assert self.session is not None
        with self.store.handle.collecting_damage() as damaged:
            self.items = self.session.agenda()
        self._damaged_items = tuple(damaged)

    def on_screen_resume(self) -> None:
        """Back from the roll call, the action log or another screen: attendance, or the responses
        the action log reports, may have changed."""
        self.scrutui.typed_ahead.release()  # what was typed as it came back (from a search result)
        if not self._resumed:  # shown for the first time: just read (or about to be)
            self._resumed = True
            return
        if self._loaded:
            self.refresh_formalities()

    def _known_names(self) -> list[str]:
        # Completion waits for the meeting to be read (just after the first paint).
        return self._session.people.names() if self._session is not None else []

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
        self.wording.clear()
        self.refresh_records(select_id)
        self.warn_quorum()
        if first or (leaving.id if leaving else None) != (item.id if item else None):
            self._move_draft(None if first else leaving, item)

    def refresh_records(self, select_id: int | None = None) -> None:
        """Reload the current item's records from the database and redraw."""
        self._read_records()
        self._redraw(select_id, self.store.agenda.record_counts(self.meeting_id))

    def show_saved(self, record_id: int) -> None:
        """Show a record just added or changed without reading the whole item again: that record
        alone is read back, and the list and the preview redraw only what changed (typing into a
        long item costs what typing into a short one does)."""
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
        self._redraw_unless_changed_elsewhere(record_id)

    def show_deleted(self, record_id: int, select_id: int | None) -> None:
        """Show a record deleted, without reading the item again."""
        self.records = [r for r in self.records if r.id != record_id]
        self._redraw_unless_changed_elsewhere(select_id)

    def _read_records(self) -> None:
        item = self.current
        with self.store.handle.collecting_damage() as damaged:
            self.records = self.session.records(item.id) if item and item.id else []
        self._damaged_records = tuple(damaged)

    def _redraw_unless_changed_elsewhere(self, select_id: int | None) -> None:
        counts = self.store.agenda.record_counts(self.meeting_id)
        item = self.current
        held = len(self.records) + len(self._damaged_records)
        if item is not None and item.id is not None and counts.get(item.id, 0) != held:
            self._read_records()  # another computer on the database changed this item meanwhile
        self._redraw(select_id, counts)

    def _redraw(self, select_id: int | None, counts: dict[int, int]) -> None:
        """Draw the agenda, the current item's records and its preview from `self.records`."""
        item = self.current
        damaged = self._damaged_records
        inquorate = self.roll.inquorate_items(self.items) if self.roll else set()
        agenda = self.query_one(AgendaList)
        agenda.show(self.items, item.id if item else None, counts, inquorate, self._damaged_items)
        records = self.query_one(RecordList)
        records.show(self.records, select_id, tuple(damaged))
        from scrutui import voting
        from scrutui.minutes import preview_item

        open_motion = voting.open_motion(self.records) is not None
        self.query_one(GrammarLine).show(open_motion=open_motion)
        if item is not None:
            records.border_title = _item_title(
                item.minute_number or item.number,
                item.title,
                item.started_at,
                item.exempt_paragraph,
                inquorate=self._inquorate_now(),
                damaged=len(damaged),
            )
        if damaged:
            named = "; ".join(d.describe() for d in damaged)
            self.hint(f"⚠ Damaged, left out: {named}.", "warning")
        preview = self.query_one(MinutesPreview)
        preview.border_title = "As minuted"
        carried = self._carried(item)
        if self._prose is None:
            from scrutui.minutes.discussion import ProseCache

            self._prose = ProseCache()
        preview.show(
            preview_item(
                item,
                self.records,
                prose=self._prose,
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
        count = self.roll.count_now(self.current.id if self.current else None) if self.roll else None
        self.query_one(MeetingTitle).show(
            self.session.meeting, self.session.committee, count, read_only=self.read_only
        )

    def hint(self, message: str | Text, kind: str = "") -> None:
        """Say something on the line under the capture line."""
        self.query_one(CaptureHint).say(message, kind)

    # --- capture line ---------------------------------------------------------------------------

    @on(Input.Changed, "#capture")
    def describe_capture(self, event: Input.Changed) -> None:
        """Say live what Enter will save."""
        self._describe(event.value)

    def _describe(self, value: str) -> None:
        if not value.strip():
            self.query_one(CaptureHint).line_cleared()  # a "Saved" confirmation stays
            return
        if not self._loaded:
            return  # said once the meeting has been read (just after the first paint: load_meeting)
        completed = self.query_one(CaptureInput).completion()
        note = self.wording.note(value)
        self.hint(description(self.session, value, self.records, completed, note))

    @on(Input.Submitted, "#capture")
    def submit_capture(self, event: Input.Submitted) -> None:
        """Save the line as a record, then show it saved. The capture line was cleared as Enter was
        pressed (what is typed next goes on the next line); a line not saved is put back on it."""
        saved = self._save_line(event.value)
        self.query_one(CaptureInput).handled(event.value, saved=saved is not None)
        if saved is not None:
            self._show_saved_line(saved)

    @guarded
    def _save_line(self, value: str) -> Saved | None:
        """Save `value` as a record (None if nothing was saved, and why is said)."""
        self.require_writable()
        if self.current is None or self.current.id is None:
            self.hint("There is no agenda item to minute under: add one first.", "warning")
            return None
        if not self.current.started_at:
            self.show_item(self.current, take=True)
        assert self.current.id is not None
        return self.session.submit(self.current.id, value)

    @guarded
    def _show_saved_line(self, saved: Saved) -> None:
        from scrutui.models import Motion

        self.save_capture_draft()
        if saved.linked is not None:
            self.refresh_records(saved.record.id)  # it made a motion above it its decision
        else:
            self.show_saved(saved.record.id or 0)
        if saved.voted and isinstance(saved.record, Motion):
            self.wording.clear()  # F2 now offers the carried motion as the decision
            self.hint(*vote_line(saved.record, saved.notices, self.records))
            return
        if saved.unknown_names:
            self._last_unknown = saved.unknown_names[0]
        self.hint(*saved_line(saved, self.records))

    # --- choosing an item -------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#agenda")
    @guarded
    def agenda_item_chosen(self, event: OptionList.OptionSelected) -> None:
        """Take the item chosen in the agenda list."""
        chosen = next((i for i in self.items if str(i.id) == event.option.id), None)
        if chosen is not None:
            self.show_item(chosen, take=not self.read_only)
            self.action_focus_capture()

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


def _item_title(
    number: str, title: str, started_at: str | None, exempt: int | None, *, inquorate: bool, damaged: int
) -> str:
    """The line over the records: warnings first (a narrow terminal never cuts them off), then the
    item's number and title, and when it started."""
    started = f" · started {started_at[11:16]}" if started_at else ""
    warning = "⚠ INQUORATE · " if inquorate else ""
    if damaged:
        warning += f"⚠ {damaged} DAMAGED · "
    flag = f"EXEMPT para {exempt} · " if exempt is not None else ""
    return f"{warning}{flag}{number} {title}{started}".strip()
