"""The base of the tracker screen's parts (its filters, its export and its actions on a row): what
they use of the screen. The state is set, and the methods defined, by TrackerScreen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrutui.tui.screens.base import ScrutuiScreen

if TYPE_CHECKING:
    import datetime as dt

    from scrutui.store.tracker import StatusFilter, Tracked, TrackedRecord, TrackerQuery
    from scrutui.tracker.rules import Tracker
    from scrutui.tui.widgets.paged_table import PagedTable


class TrackerPart(ScrutuiScreen[None]):
    """A part of TrackerScreen, mixed into it."""

    tracker: Tracker
    kind: Tracked
    status: StatusFilter
    committee_id: int | None
    committee_name: str
    #: Part of the name of whom it was asked of (or the body it was made to); "" for anyone.
    of: str
    #: Part of the name of the member whose requests are shown ("" for everyone's).
    asked_by: str
    action_log_item_id: int | None
    #: True when the action log shown is of approved minutes.
    _log_approved: bool

    if TYPE_CHECKING:

        @property
        def table(self) -> PagedTable[TrackedRecord]: ...

        def as_at(self) -> dt.date: ...

        def current_query(self) -> TrackerQuery: ...

        def filter_words(self) -> list[str]: ...

        def load(self, select_id: int | None = None) -> None: ...

        def refresh_rows(self, select_id: int | None = None) -> None: ...
