"""The base of the minuting screen's parts (its record actions, formalities and drafts): what they
use of the screen. The methods are defined by MinutingScreen.

The meeting as the store holds it (`session`, `items`, `current`, `records`, `roll`) is read once,
by whichever needs it first: when the screen is the app's first, it is first drawn from a plain
read of the meeting (`scrutui.store.glance`), and the store, with its validated models, is read
just after that first paint, or at once when a key needs it before then (`_ensure_loaded`).
Reading any of these properties reads the meeting if it has not been read yet, so every part
sees the validated meeting and every write goes through the store, whenever the key came.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrutui.tui.screens.base import ScrutuiScreen

if TYPE_CHECKING:
    from rich.text import Text

    from scrutui.formalities import Roll
    from scrutui.models import AgendaItem, Record
    from scrutui.session import MinutingSession
    from scrutui.tui.screens.minuting_wording import StandardWording


class MinutingPart(ScrutuiScreen[None]):
    """A part of MinutingScreen, mixed into it."""

    meeting_id: int
    wording: StandardWording
    #: The last name typed that the committee does not know (ctrl+g offers to add it).
    _last_unknown: str
    #: True once the meeting has been read through the store.
    _loaded: bool = False
    _session: MinutingSession | None = None
    _items: list[AgendaItem]
    _current: AgendaItem | None = None
    _records: list[Record]
    _roll: Roll | None = None

    def _ensure_loaded(self) -> None:
        """Read the meeting through the store, if that has not been done yet."""
        if not self._loaded:
            self.load_meeting()

    @property
    def session(self) -> MinutingSession:
        """The clerk's minuting session: every read and write of the meeting goes through it."""
        self._ensure_loaded()
        assert self._session is not None
        return self._session

    @property
    def items(self) -> list[AgendaItem]:
        """The meeting's agenda (validated)."""
        self._ensure_loaded()
        return self._items

    @items.setter
    def items(self, items: list[AgendaItem]) -> None:
        self._items = items

    @property
    def current(self) -> AgendaItem | None:
        """The item shown (and minuted under)."""
        self._ensure_loaded()
        return self._current

    @current.setter
    def current(self, item: AgendaItem | None) -> None:
        self._current = item

    @property
    def records(self) -> list[Record]:
        """The current item's records, in order (validated)."""
        self._ensure_loaded()
        return self._records

    @records.setter
    def records(self, records: list[Record]) -> None:
        self._records = records

    @property
    def roll(self) -> Roll | None:
        """The roll call, arrivals, departures and declarations, as they stand."""
        self._ensure_loaded()
        return self._roll

    @roll.setter
    def roll(self, roll: Roll | None) -> None:
        self._roll = roll

    if TYPE_CHECKING:

        def load_meeting(self) -> None: ...

        def show_item(
            self, item: AgendaItem | None, *, take: bool = False, select_id: int | None = None
        ) -> None: ...

        def load_agenda(self) -> None: ...

        def refresh_records(self, select_id: int | None = None) -> None: ...

        def show_deleted(self, record_id: int, select_id: int | None) -> None: ...

        def refresh_formalities(self) -> None: ...

        def hint(self, message: str | Text, kind: str = "") -> None: ...

        def save_capture_draft(self) -> None: ...

        def action_focus_capture(self) -> None: ...
