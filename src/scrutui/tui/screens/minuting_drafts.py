"""What is half-typed on the minuting screen's capture line, kept in the database under the agenda
item it was typed under: a crash loses at most a few seconds of it, and a PgDn never carries a
half-typed question to an item it was not asked in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrutui.tui.guard import report
from scrutui.tui.screens.minuting_part import MinutingPart
from scrutui.tui.widgets.capture_line import CaptureInput

if TYPE_CHECKING:
    from scrutui.models import AgendaItem
    from scrutui.store.meetings import MeetingRepository


class CaptureDrafts:
    """The half-typed lines of one meeting, by agenda item."""

    def __init__(self, meetings: MeetingRepository, meeting_id: int) -> None:
        self._meetings = meetings
        self._kept = meetings.capture_drafts(meeting_id)

    def get(self, item_id: int) -> str:
        """The line kept under the item ("" if none)."""
        return self._kept.get(item_id, "")

    def keep(self, item_id: int, value: str) -> None:
        """Keep `value` as the item's half-typed line ("" forgets it). Raises if it cannot be saved."""
        if value == self.get(item_id):
            return
        self._meetings.save_capture_draft(item_id, value)
        if value:
            self._kept[item_id] = value
        else:
            self._kept.pop(item_id, None)

    def elsewhere(self, items: list[AgendaItem], current: AgendaItem | None) -> list[AgendaItem]:
        """The items, other than `current`, with a line kept under them."""
        return [i for i in items if i.id in self._kept and i is not current]


class DraftKeeping(MinutingPart):
    """The minuting screen keeping its capture line's drafts (mixed into MinutingScreen)."""

    #: None when nothing is kept, as nothing can be typed: read-only, or approved minutes.
    _drafts: CaptureDrafts | None

    def flush(self) -> None:
        """Save what is half-typed now (the app calls this when it is closing)."""
        self.save_capture_draft()


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
        kept = self._drafts.get(going.id) if going is not None and going.id is not None else ""
        line.value = kept
        line.cursor_position = len(kept)
        if typed.strip() and leaving is not None:
            self.hint(
                f"Your unfinished line stays under item {leaving.number or leaving.title}: "
                "it is back when you return there.",
                "warning",
            )

    def save_capture_draft(self) -> None:
        """Keep the half-typed line in the database, so a crash loses at most a few seconds."""
        if not self._loaded and self.is_mounted:
            self._ensure_loaded()  # typed on the first screen, before the store was read: kept too
        if self._drafts is None or not self.is_mounted or self.current is None or self.current.id is None:
            return
        line = self.query_one(CaptureInput)
        if line.in_flight:
            return  # a line just entered is being saved: kept as it was until then
        self._save_draft(self.current.id, line.value)

    def _save_draft(self, item_id: int, value: str) -> bool:
        """Keep `value` as the item's half-typed line. False if it could not be saved."""
        assert self._drafts is not None
        try:
            self._drafts.keep(item_id, value)
        except Exception as error:
            report(self, error)
            return False
        return True
