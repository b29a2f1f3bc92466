"""The house style's setting for declarations on exempt items: withheld unless the clerk chooses to
publish their nature, set from the keyboard at 80x24."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Select

from scrutui.models import ExemptNatures
from scrutui.store import open_store
from scrutui.tui.screens.committee import CommitteeScreen
from tests.conftest import add_meeting_to, app_on
from tests.tui.helpers import screen_text_showing


async def test_the_clerk_chooses_to_publish_natures_in_the_house_style(db_path: Path) -> None:
    committee, _, _ = add_meeting_to(db_path)
    assert committee.exempt_declaration_natures is ExemptNatures.WITHHOLD  # the default
    app = app_on(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(CommitteeScreen(committee.id))
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        field = app.screen.query_one("#s-exempt_declaration_natures", Select)
        assert field.value == "withhold"
        field.focus()
        await pilot.pause()
        wanted = "Interests declared in exempt items"
        assert wanted in await screen_text_showing(pilot, wanted)  # scrolled into view
        for key in ("enter", "down", "enter"):  # open the choices, the next one, take it
            await pilot.press(key)
            await pilot.pause()
        assert field.value == "publish"
        await pilot.press("ctrl+s")
        await pilot.pause()
    store = open_store(db_path)
    try:
        assert store.committees.get(committee.id or 0).exempt_declaration_natures is ExemptNatures.PUBLISH
    finally:
        store.close()
