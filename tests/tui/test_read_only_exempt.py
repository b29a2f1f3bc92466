"""A read-only session (a member's, or a browser tab of `scrutui serve`) never shows what was minuted
under an exempt item, nor its private title, unless it was opened with --confidential; a clerk who
can write sees it all, as before."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Checkbox, DataTable, OptionList, Static

from scrutui.store import open_store
from scrutui.store.tracker import StatusFilter
from scrutui.tui.app import ScrutuiApp, make_app
from scrutui.tui.screens.agenda import AgendaScreen
from scrutui.tui.screens.declarations import DeclarationsScreen
from scrutui.tui.screens.export_dialog import ExportDialog
from scrutui.tui.screens.home import HomeScreen
from scrutui.tui.screens.list_export import ListExportDialog
from scrutui.tui.screens.minutes_status import MinutesStatusScreen
from scrutui.tui.screens.minuting import MinutingScreen
from scrutui.tui.screens.tracker import TrackerScreen
from tests.robustness.test_confidentiality import CANARY, EXEMPT_MEETING, canary_database
from tests.tui.helpers import screen_text

TODAY = dt.date(2026, 11, 23)


def everything_held(pilot: Pilot[None]) -> str:
    """What the active screen shows, and every row and line its tables, lists and texts hold, shown
    or scrolled out of sight."""
    screen = pilot.app.screen
    parts = [screen_text(pilot)]
    for table in screen.query(DataTable):
        for row in range(table.row_count):
            parts += [str(cell) for cell in table.get_row_at(row)]
    for options in screen.query(OptionList):
        parts += [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    for static in screen.query(Static):
        content = static.content
        parts.append(content.plain if isinstance(content, Text) else str(content))
    return "\n".join(parts)


async def walk_every_screen(pilot: Pilot[None]) -> list[str]:
    """Open everything a member can open on the exempt item's meeting; what each screen held."""
    app = pilot.app
    assert isinstance(app, ScrutuiApp)
    seen: list[str] = []

    async def look() -> None:
        await pilot.pause()
        seen.append(everything_held(pilot))

    await look()
    assert isinstance(app.screen, HomeScreen)
    app.open_minuting(EXEMPT_MEETING)
    await look()
    minuting = app.screen
    assert isinstance(minuting, MinutingScreen)
    for _ in minuting.items:  # every item of the agenda in turn, the exempt one among them
        await pilot.press("pagedown")
        await look()
    await pilot.press("f5")  # declarations
    await look()
    assert isinstance(app.screen, DeclarationsScreen)
    await pilot.press("escape")
    await pilot.press("f6")  # sign-off, with the corrections listed
    await look()
    assert isinstance(app.screen, MinutesStatusScreen)
    await pilot.press("escape")
    await pilot.press("ctrl+o")  # exporting the minutes
    await look()
    assert isinstance(app.screen, ExportDialog)
    await pilot.press("escape")
    await pilot.press("ctrl+b")
    app.open_agenda(EXEMPT_MEETING)
    await look()
    assert isinstance(app.screen, AgendaScreen)
    await pilot.press("escape")
    for kind_key in ("", "t"):  # requests, then recommendations, every status
        app.push_screen(TrackerScreen(status=StatusFilter.ALL))
        await pilot.pause()
        if kind_key:
            await pilot.press(kind_key)
        await look()
        table = app.screen.query_one(DataTable)
        for _ in range(table.row_count):  # each row's detail under the list
            await pilot.press("down")
            await look()
        await pilot.press("e")
        await look()
        assert isinstance(app.screen, ListExportDialog)
        await pilot.press("escape", "escape")
    return seen


async def test_a_read_only_session_never_shows_exempt_content(db_path: Path) -> None:
    canary_database(db_path)
    app = make_app(db_path, read_only=True, blink=False, today=lambda: TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        seen = await walk_every_screen(pilot)
        # The member still sees the item as the public minutes give it:
        assert any("Residential placements: contract extension" in text for text in seen)
        assert any("only what the public minutes say of it" in text for text in seen)
        assert any("considered in private" in text for text in seen)
        # and cannot ask for the confidential versions of the exports:
        app.push_screen(TrackerScreen(status=StatusFilter.ALL))
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#list-export-confidential", Checkbox).disabled
    leaked = [text for text in seen if CANARY in text]
    assert not leaked, leaked[0]


async def test_with_confidential_or_as_a_writer_the_exempt_item_is_shown_in_full(db_path: Path) -> None:
    canary_database(db_path)
    store = open_store(db_path)
    [exempt] = [item for item in store.agenda.for_meeting(EXEMPT_MEETING) if item.title.startswith("Hollins")]
    store.close()
    for app in (
        make_app(db_path, read_only=True, confidential=True, blink=False, today=lambda: TODAY),
        make_app(db_path, blink=False, today=lambda: TODAY),
    ):
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.pause()
            app.open_minuting(EXEMPT_MEETING, item_id=exempt.id)
            await pilot.pause()
            minuting = everything_held(pilot)
            app.push_screen(TrackerScreen(status=StatusFilter.ALL))
            await pilot.pause()
            tracker = everything_held(pilot)
        assert f"Hollins Care Ltd {CANARY} contract" in minuting  # the private title
        assert f"The bid price of {CANARY} was discussed." in minuting
        assert f"the {CANARY} bid" in tracker
