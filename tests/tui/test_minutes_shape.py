"""The shape real minutes take, keyed from the keyboard: a sub-heading whose section opens with a
narrative, a section closed with `h end`, a ten-item bulleted list, a lettered list after its lead-in,
an assurance answered by `a NAME:`, and a narrative typed as two paragraphs in the editor; then the
exported Word document read back in order."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Select, TextArea

from scrutui.blocks import BlockKind
from scrutui.export.minutes_export import MinutesExport, export_minutes
from scrutui.models import Assurance, AssuranceStatus, Heading, Narrative
from scrutui.store import open_store
from scrutui.tui.screens.minuting import MinutingScreen
from scrutui.tui.screens.narrative_editor import NarrativeEditor
from scrutui.tui.widgets.minutes_preview import MinutesPreview
from scrutui.tui.widgets.record_list import RecordList
from tests.conftest import add_meeting_to, app_on
from tests.export.helpers import paragraphs
from tests.tui.helpers import capture, fill, screen_text

ACTIONS = [f"action {n} of the winter plan" for n in range(1, 11)]
LINES = [
    "h Workforce",
    "The Director presented the workforce figures.",
    "q Cllr Ben Brook: how many posts were vacant | Director of Public Health: 12 of 80",
    "as Workforce: agency use would fall",
    "a Director of Public Health: she acknowledged that agency use had risen over the winter",
    "h end",
    "Members thanked the officers for the report.",
    "The plan set out ten actions:",
    *[f"- {action}" for action in ACTIONS],
    "The pressures included the following:",
    "(a) bed capacity;",
    "(b) delayed discharges; and",
    "(c) staff sickness.",
    "r the report be noted",
]


async def test_an_item_in_the_shape_of_real_minutes(db_path: Path, tmp_path: Path) -> None:
    _, meeting, items = add_meeting_to(db_path)
    item_id = items[1].id or 0
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_minuting(meeting.id or 0)
        await pilot.pause()
        await pilot.press("pagedown")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MinutingScreen) and screen.current is not None
        assert screen.current.id == item_id
        for line in LINES:
            await capture(pilot, line)
        # The answer completed the assurance, and the bullets and lettered items went onto their narratives.
        assert screen.query_one(RecordList).option_count == 9
        shown = screen_text(pilot)
        assert "── end of section ──" in shown

        # An extra list item, undone, leaves the list as it was.
        await capture(pilot, "- an eleventh action typed by mistake")
        await pilot.press("ctrl+z")
        await pilot.pause()

        # A narrative typed as two paragraphs in the editor stays two paragraphs.
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, NarrativeEditor)
        app.screen.query_one(TextArea).text = "The Chair closed the item.\nThe next review is in March."
        await pilot.press("escape")
        await pilot.pause()

    store = open_store(db_path)
    records = store.records.for_item(item_id)
    result = export_minutes(store, MinutesExport(meeting_id=meeting.id or 0, folder=tmp_path))
    store.close()

    heading, _, _, assurance, end, *_ = records
    assert isinstance(heading, Heading) and heading.text == "Workforce" and not heading.ends_section
    assert isinstance(end, Heading) and end.ends_section
    assert isinstance(assurance, Assurance) and assurance.status is AssuranceStatus.GIVEN
    assert assurance.responded_by == "Director of Public Health"
    listed = records[6]
    assert isinstance(listed, Narrative)
    assert [b.kind for b in listed.blocks] == [BlockKind.PARAGRAPH, *[BlockKind.BULLET] * 10]
    assert [b.text for b in listed.blocks[1:]] == ACTIONS
    lettered = records[7]
    assert isinstance(lettered, Narrative) and [b.label for b in lettered.blocks] == ["", "(a)", "(b)", "(c)"]
    closing = records[-1]
    assert isinstance(closing, Narrative) and len(closing.blocks) == 2

    found = paragraphs(result.docx)
    start = found.index(("Minute Heading", "2.\tWinter pressures"))
    end_at = found.index(("Minute Heading", "3.\tWork programme"))
    assert found[start + 1 : end_at] == [
        ("Minute Purpose", "To review winter plans."),
        ("Minute Theme", "Workforce"),
        ("Minute Body", "The Director presented the workforce figures."),
        (
            "Minute Body",
            "Councillor Ben Brook asked how many posts were vacant. In reply, the Director of Public Health said "
            "that 12 of 80.",
        ),
        # The theme is the section's heading already: it is not repeated. The answer keeps its name and verb.
        (
            "Minute Body",
            "The Committee sought assurance that agency use would fall. The Director of Public Health "
            "acknowledged that agency use had risen over the winter.",
        ),
        ("Minute Body", "Members thanked the officers for the report."),
        ("Minute Body", "The plan set out ten actions:"),
        *[("Minute Bullet", f"{action[0].upper()}{action[1:]}") for action in ACTIONS],
        ("Minute Body", "The pressures included the following:"),
        ("Minute List Item", "(a)\tbed capacity;"),
        ("Minute List Item", "(b)\tdelayed discharges; and"),
        ("Minute List Item", "(c)\tstaff sickness."),
        ("Minute Body", "The Chair closed the item."),
        ("Minute Body", "The next review is in March."),
        ("Minute Decision", "RESOLVED: That the report be noted."),
    ]


async def test_sections_follow_their_records_through_move_delete_and_undo(db_path: Path) -> None:
    _, meeting, _ = add_meeting_to(db_path)
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_minuting(meeting.id or 0)
        await pilot.pause()
        await pilot.press("pagedown")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MinutingScreen)
        for line in ["h Finance", "The budget was overspent.", "h end", "Members noted the position."]:
            await capture(pilot, line)
        preview = screen.query_one(MinutesPreview).text
        assert "Finance" in str(preview)

        # Move the last narrative up, above the end of the section: it now stands under "Finance".
        records = screen.query_one(RecordList)
        records.focus()
        records.highlighted = 3
        await pilot.press("shift+up")
        await pilot.pause()
        assert [type(r).__name__ for r in screen.records] == ["Heading", "Narrative", "Narrative", "Heading"]
        assert "  N  Members noted the position." in screen_text(pilot)

        # Delete the heading: its section is gone; undo brings it back in its place.
        records.highlighted = 0
        await pilot.press("delete")
        await pilot.pause()
        assert "Finance" not in screen.query_one(MinutesPreview).text
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert isinstance(screen.records[0], Heading) and screen.records[0].text == "Finance"
        assert "Finance" in screen.query_one(MinutesPreview).text


async def test_sub_headings_and_attributed_assurances_through_the_form(db_path: Path) -> None:
    _, meeting, items = add_meeting_to(db_path)
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_minuting(meeting.id or 0)
        await pilot.pause()
        await pilot.press("ctrl+f", "h")
        await pilot.pause()
        await fill(pilot, "#field-text", "Discharges")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MinutingScreen)
        await pilot.press("ctrl+f", "a", "s")
        await pilot.pause()
        form = app.screen
        await fill(pilot, "#field-theme", "Discharges")
        await fill(pilot, "#field-sought_from", "Director of Public Health")
        form.query_one("#field-text", TextArea).text = "delayed discharges would fall"
        await fill(pilot, "#field-responded_by", "Director of Public Health")
        form.query_one("#field-response", TextArea).text = "the figures counted only hospital delays"
        form.query_one("#field-reported_as", Select).value = "clarified"
        form.query_one("#field-status", Select).value = "partly_given"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MinutingScreen)
        preview = app.screen.query_one(MinutesPreview).text
        # The heading once (the assurance's theme is already the section's), then the assurance.
        assert preview.count("Discharges") == 1
        assert (
            "The Committee sought assurance from the Director of Public Health that delayed discharges would "
            "fall. The Director of Public Health clarified that the figures counted only hospital delays."
        ) in " ".join(preview.split())
        # An end of section through the form: the checkbox, with no heading text.
        await pilot.press("ctrl+f", "h")
        await pilot.pause()
        await pilot.click("#field-ends_section")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MinutingScreen)
    store = open_store(db_path)
    heading, assurance, end = store.records.for_item(items[0].id or 0)
    store.close()
    assert isinstance(heading, Heading) and heading.text == "Discharges"
    assert isinstance(assurance, Assurance)
    assert (assurance.sought_from, assurance.responded_by, assurance.reported_as.value) == (
        "Director of Public Health", "Director of Public Health", "clarified"
    )
    assert isinstance(end, Heading) and end.ends_section and end.text == ""
