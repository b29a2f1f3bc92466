"""Gather a meeting from the store into a `MinutesDocument`, ready for any renderer."""

from __future__ import annotations

from dataclasses import dataclass

from scrutui.minutes import MinutesDocument, build_from
from scrutui.models import Committee, Meeting
from scrutui.store import Store
from scrutui.store.damage import DamagedRow


@dataclass(frozen=True)
class GatheredMeeting:
    """A meeting, its committee and its minutes as a document."""

    meeting: Meeting
    committee: Committee
    document: MinutesDocument
    exempt_items: int
    #: Rows damaged in the database, left out of the minutes (each named by its id and problem).
    damaged: tuple[DamagedRow, ...] = ()

    @property
    def exempt_left_out(self) -> int:
        """How many exempt items appear only as a stub (in a public document)."""
        return 0 if self.document.confidential else self.exempt_items


def gather_minutes(store: Store, meeting_id: int, *, confidential: bool = False) -> GatheredMeeting:
    """Everything the minutes of a meeting say, read from the store in one go: the roll call,
    declarations, arrivals and departures, exempt items (their full minutes only when
    `confidential`), and, once the minutes are approved, the text as approved and corrected."""
    store.signoff.check_approved(meeting_id)  # approved text changed outside scrutui is refused
    with store.handle.collecting_damage() as damaged:
        source = store.signoff.source(meeting_id)
    document = build_from(source, confidential=confidential)
    exempt = sum(1 for item in source.items if item.is_exempt)
    return GatheredMeeting(source.meeting, source.committee, document, exempt, tuple(damaged))
