"""The base of the minuting screen's parts (its record actions and its formalities): what they
use of the screen. The state is set, and the methods defined, by MinutingScreen."""

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
    session: MinutingSession | None
    items: list[AgendaItem]
    current: AgendaItem | None
    records: list[Record]
    roll: Roll | None
    wording: StandardWording
    #: The last name typed that the committee does not know (ctrl+g offers to add it).
    _last_unknown: str

    if TYPE_CHECKING:

        def show_item(
            self, item: AgendaItem | None, *, take: bool = False, select_id: int | None = None
        ) -> None: ...

        def load_agenda(self) -> None: ...

        def refresh_records(self, select_id: int | None = None) -> None: ...

        def refresh_formalities(self) -> None: ...

        def hint(self, message: str | Text, kind: str = "") -> None: ...

        def save_capture_draft(self) -> None: ...

        def action_focus_capture(self) -> None: ...
