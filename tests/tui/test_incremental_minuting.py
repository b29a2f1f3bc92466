"""The minuting screen redraws only what a change touched. After every kind of change made from the
keyboard (save, answer, list item, sub-heading, edit in a form and in the editor, move, delete, undo)
the records held, the record list's lines and the preview's lines are exactly what a full rebuild
from the database draws."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.strip import Strip
from textual.widgets import TextArea

from scrutui.models import Motion, Narrative, Question
from scrutui.store import open_store
from scrutui.tui.screens.minuting import MinutingScreen
from scrutui.tui.screens.record_form import RecordForm
from scrutui.tui.widgets.agenda_list import AgendaList
from scrutui.tui.widgets.minutes_preview import MinutesPreview
from scrutui.tui.widgets.record_list import RecordList
from tests.conftest import add_meeting_to, app_on
from tests.tui.helpers import capture

LONG = (
    "The Director presented the report, which set out the progress made since the inspection, the work "
    "still to do on the quality of practice and the recruitment of permanent social workers"
)


def _segments(strips: list[Strip]) -> list[list[tuple[str, str]]]:
    return [[(segment.text, str(segment.style)) for segment in strip] for strip in strips]


def list_lines(records: RecordList | AgendaList) -> list[list[tuple[str, str]]]:
    """Every line of a list as drawn (text and style), not only those on screen."""
    style = records.get_visual_style("option-list--option")
    return _segments([records._get_line(style, y) for y in range(len(records._lines))])


async def assert_as_rebuilt(pilot: Pilot[None], screen: MinutingScreen) -> None:
    """What the screen shows now is what it shows when everything is read and drawn afresh."""
    await pilot.pause()
    records = screen.query_one(RecordList)
    preview = screen.query_one(MinutesPreview)
    agenda = screen.query_one(AgendaList)
    held = list(screen.records)
    shown = ([o.id for o in records.options], list_lines(records), records.highlighted)
    agenda_shown = (list_lines(agenda), agenda.highlighted)
    previewed = (preview.item, _segments(preview.lines()), preview.virtual_size)
    records.reset_rows()
    agenda.reset_rows()
    screen.refresh_records(records.selected_record_id if shown[2] is None else int(shown[0][shown[2]] or 0))
    preview.lay_out_again()
    await pilot.pause()
    assert held == screen.records
    assert shown == ([o.id for o in records.options], list_lines(records), records.highlighted)
    assert previewed == (preview.item, _segments(preview.lines()), preview.virtual_size)
    assert agenda_shown == (list_lines(agenda), agenda.highlighted)


async def test_every_change_draws_what_a_full_rebuild_draws(db_path: Path) -> None:
    _, meeting, _ = add_meeting_to(db_path)
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_minuting(meeting.id or 0)
        await pilot.pause()
        await pilot.press("pagedown")  # Winter pressures, which has a purpose line
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MinutingScreen)
        records = screen.query_one(RecordList)
        for line in (
            "The Director presented the report.",
            "q Councillor Ben Brook: how many beds were open",  # awaiting an answer: a short line
            f"a Director of Public Health: {LONG}",  # answered: the line grows to several rows
            "Members discussed discharges.",
            "- delays at weekends",  # a list item on the narrative above: that line changes
            "h Workforce",  # a sub-heading: the records after it are indented
            "as Workforce: agency use would fall | a campaign starts in January",
            "ir Director of Public Health: the winter plan",
            "h end",
            "r the report be noted",
            "rec Cabinet: the winter budget be protected",
            "m Councillor Ann Ali: the winter plan be endorsed",
            "vote carried 3-0-0",
            "r the winter plan be endorsed",  # the motion's decision: the motion's line changes too
            f"q Councillor Ann Ali: {LONG}",
            "a: yes",  # answered, and the line stays as many rows high
        ):
            first = records.get_option_at_index(0) if records.option_count else None
            await capture(pilot, line)
            if first is not None:  # the list was changed where it changed, not rebuilt
                assert records.get_option_at_index(0) is first
            await assert_as_rebuilt(pilot, screen)
        assert [type(r).__name__ for r in screen.records][:2] == ["Narrative", "Question"]
        question = screen.records[1]
        motion = next(r for r in screen.records if isinstance(r, Motion))
        endorsed = next(r for r in screen.records if r.text == "the winter plan be endorsed" and r is not motion)
        assert motion.decision_id == endorsed.id  # shown as the decision it became
        assert isinstance(question, Question) and question.answer.startswith("The Director presented")

        await pilot.press("escape")  # to the list; the last record is selected
        records.highlighted = 0
        await pilot.press("enter")  # the narrative opens in the editor
        await pilot.pause()
        app.screen.query_one(TextArea).text = f"{LONG}. The Chair thanked her."
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        await assert_as_rebuilt(pilot, screen)
        assert isinstance(screen.records[0], Narrative) and screen.records[0].text.endswith("thanked her.")

        await pilot.press("escape")
        records.highlighted = 7  # the information request, in a form
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        app.screen.query_one("#field-text", TextArea).text = "the winter plan and its costs"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        await assert_as_rebuilt(pilot, screen)

        await pilot.press("escape")
        records.highlighted = 6
        for keys in (("shift+up",), ("shift+down",), ("delete",), ("ctrl+z",), ("delete",), ("ctrl+z", "ctrl+z")):
            await pilot.press(*keys)
            await assert_as_rebuilt(pilot, screen)
        records.highlighted = 5  # the sub-heading: deleting it takes the section's indent away
        await pilot.press("delete")
        await assert_as_rebuilt(pilot, screen)
        await pilot.press("ctrl+z")
        await assert_as_rebuilt(pilot, screen)


async def test_a_record_added_from_another_computer_shows_at_the_next_save(db_path: Path) -> None:
    _, meeting, items = add_meeting_to(db_path)
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_minuting(meeting.id or 0)
        await pilot.pause()
        await capture(pilot, "The Chair welcomed everyone.")
        other = open_store(db_path)  # a second laptop on the same database
        try:
            other.records.add(Narrative(agenda_item_id=items[0].id or 0, text="Typed on the other laptop."))
        finally:
            other.close()
        await capture(pilot, "Apologies were received.")
        screen = app.screen
        assert isinstance(screen, MinutingScreen)
        assert [r.text for r in screen.records] == [
            "The Chair welcomed everyone.",
            "Typed on the other laptop.",
            "Apologies were received.",
        ]
        await assert_as_rebuilt(pilot, screen)
