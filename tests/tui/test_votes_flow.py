"""Votes from the keyboard: a motion and an amendment typed on the capture line, the amendment lost
on a recorded vote (F10, one key a member), the substantive motion carried on a show of hands and
made the resolution with F2; a show of hands larger than the members present refused; a motion
through the form; the minutes and the decision notice exported and read back; the Welsh deadline on
the meetings list until the notice is exported."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Select

from scrutui.deadlines import decision_notice_due
from scrutui.formalities import AttendanceStatus, Declaration, InterestCategory
from scrutui.models import Jurisdiction, Motion, MotionOutcome, Resolution, VoteCast
from scrutui.store import open_store
from scrutui.tui.screens.kind_picker import KindPicker
from scrutui.tui.screens.minuting import MinutingScreen
from scrutui.tui.screens.record_form import RecordForm
from scrutui.tui.screens.recorded_vote import RecordedVoteScreen
from scrutui.tui.widgets.capture_line import CaptureInput
from tests.conftest import app_on
from tests.export.helpers import paragraphs
from tests.formal import formal_meeting
from tests.tui.helpers import capture, screen_text

WINTER = "Winter pressures"


def voting_meeting(db_path: Path, **settings: object) -> tuple[int, int, dict[str, int]]:
    """The formal meeting with every member present and Councillor Dean barred from item 4 by a
    disclosable pecuniary interest: four may vote on it."""
    store = open_store(db_path)
    try:
        setup = formal_meeting(store, **settings)
        for name in ("Ali", "Brook", "Cole", "Dean", "Eve"):
            store.attendance.set_status(setup.meeting_id, setup.people[name], AttendanceStatus.PRESENT)
        item = setup.item(WINTER).id or 0
        store.attendance.declare(
            Declaration(
                meeting_id=setup.meeting_id,
                agenda_item_id=item,
                person_id=setup.people["Dean"],
                category=InterestCategory.DISCLOSABLE_PECUNIARY,
                nature="as the owner of a care home",
            )
        )
        return setup.meeting_id, item, setup.people
    finally:
        store.close()


def notified(app, words: str) -> bool:  # type: ignore[no-untyped-def]
    return any(words in n.message for n in app._notifications)


async def minute_item(pilot, meeting_id: int, title: str) -> MinutingScreen:  # type: ignore[no-untyped-def]
    pilot.app.open_minuting(meeting_id)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MinutingScreen)
    while screen.current is not None and screen.current.title != title:
        await pilot.press("pagedown")
        await pilot.pause()
    return screen


@pytest.fixture
def out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


async def test_an_amendment_lost_on_a_recorded_vote_and_the_motion_carried_on_a_show_of_hands(
    db_path: Path, out: Path
) -> None:
    meeting_id, item, _ = voting_meeting(db_path)
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await minute_item(pilot, meeting_id, WINTER)
        await capture(pilot, "m Cllr Ann Ali/Cllr Ben Brook: the report be referred back to Cabinet")
        await capture(pilot, "Members debated whether the Cabinet had had the latest figures.")
        await capture(pilot, 'am Cllr Cy Cole/Mr Ed Eve: "to Cabinet" be deleted')
        assert "vote carried 7-2-1" in screen_text(
            pilot
        )  # a motion is open: the grammar line says how to vote

        await pilot.press("f10")
        await pilot.pause()
        vote = app.screen
        assert isinstance(vote, RecordedVoteScreen) and vote.motion.amendment
        shown = screen_text(pilot)
        assert "may not vote (interest)" in shown
        await pilot.press("n", "n", "y")  # Ali against, Brook against, Cole for
        await pilot.press("y")  # Dean: refused, and the cursor stays on him
        await pilot.pause()
        assert notified(app, "Councillor Di Dean declared a disclosable pecuniary interest")
        await pilot.press("ctrl+s")  # Eve not keyed yet: refused
        await pilot.pause()
        assert app.screen is vote and notified(app, "1 of the members present have no vote keyed (Mr Ed Eve)")
        await pilot.press("down", "a")
        await pilot.pause()
        assert "For 1 · Against 2 · Abstained 1" in screen_text(pilot) and "→ LOST" in screen_text(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert "the amendment LOST 1-2-1 (recorded vote)" in screen_text(pilot)

        # A show of hands counting more members than may vote is refused; the line stays to correct.
        await capture(pilot, "vote carried 4-0-1")
        assert notified(app, "make 5 votes, but only 4 members may vote on this item")
        assert screen.query_one(CaptureInput).value == "vote carried 4-0-1"
        await capture(pilot, "vote carried 3-0-1")
        assert "the motion CARRIED 3-0-1" in screen_text(pilot) and "F2: make it the decision" in screen_text(
            pilot
        )

        await pilot.press("f2")
        await pilot.pause()
        assert screen.query_one(CaptureInput).value == "r the report be referred back to Cabinet"
        await pilot.press("enter")
        await pilot.pause()
        assert "the motion as carried (CARRIED 3-0-1)" in screen_text(pilot)

        await pilot.press("ctrl+o")  # export the minutes from the keyboard
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()

    store = open_store(db_path)
    try:
        records = store.records.for_item(item)
        motion, amendment = (r for r in records if isinstance(r, Motion))
        assert (motion.outcome, motion.votes_for, motion.votes_against, motion.abstentions) == (
            MotionOutcome.CARRIED,
            3,
            0,
            1,
        )
        assert [(v.name, v.vote) for v in amendment.recorded_votes] == [
            ("Councillor Ann Ali", VoteCast.AGAINST),
            ("Councillor Ben Brook", VoteCast.AGAINST),
            ("Councillor Cy Cole", VoteCast.FOR),
            ("Mr Ed Eve", VoteCast.ABSTAINED),
        ]
        resolution = next(r for r in records if isinstance(r, Resolution))
        assert motion.decision_id == resolution.id
    finally:
        store.close()

    written = list(out.glob("*.docx"))
    assert len(written) == 1
    found = paragraphs(written[0])
    start = next(i for i, (_, text) in enumerate(found) if text.endswith(WINTER))
    assert found[start + 1 : start + 11] == [
        (
            "Minute Note",
            "Councillor Di Dean, having declared a disclosable pecuniary interest, took no part in the "
            "discussion or vote on this item.",
        ),
        (
            "Minute Body",
            "It was moved by Councillor Ann Ali and seconded by Councillor Ben Brook that the report be "
            "referred back to Cabinet.",
        ),
        ("Minute Body", "Members debated whether the Cabinet had had the latest figures."),
        (
            "Minute Body",
            'An amendment was moved by Councillor Cy Cole and seconded by Mr Ed Eve that "to Cabinet" be '
            "deleted.",
        ),
        (
            "Minute Body",
            "A recorded vote having been requested, upon being put to the vote the amendment was LOST "
            "(1 for, 2 against, 1 abstention).",
        ),
        ("Minute List Item", "For:\tCouncillor Cy Cole"),
        ("Minute List Item", "Against:\tCouncillor Ann Ali and Councillor Ben Brook"),
        ("Minute List Item", "Abstained:\tMr Ed Eve"),
        (
            "Minute Body",
            "Upon being put to the vote the substantive motion was CARRIED (3 for, 0 against, 1 abstention).",
        ),
        ("Minute Decision", "RESOLVED: That the report be referred back to Cabinet."),
    ]


async def test_a_motion_through_the_form_is_checked_before_it_is_saved(db_path: Path) -> None:
    meeting_id, item, _ = voting_meeting(db_path)
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await minute_item(pilot, meeting_id, WINTER)
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, KindPicker)
        await pilot.press("m")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RecordForm)
        form.query_one("#field-moved_by", Input).value = "Councillor Cy Cole"
        form.query_one("#field-text").load_text("the Committee write to the Secretary of State")  # type: ignore[attr-defined]
        form.query_one("#field-outcome", Select).value = "carried"
        form.query_one("#field-votes_for", Input).value = "1"
        form.query_one("#field-votes_against", Input).value = "3"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "1 for and 3 against: the motion was lost, not carried" in screen_text(pilot)
        form.query_one("#field-votes_for", Input).value = "3"
        form.query_one("#field-votes_against", Input).value = "1"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MinutingScreen)
        shown = screen_text(pilot)
        assert (
            "MO Councillor Cy Cole: the Committee write to the Secretary" in shown
            and "CARRIED 3-1-0" in shown
        )
        assert "✓ Vote: the motion CARRIED 3-1-0" in shown
    store = open_store(db_path)
    try:
        (motion,) = store.records.for_item(item)
        assert (
            isinstance(motion, Motion) and motion.outcome is MotionOutcome.CARRIED and motion.votes_for == 3
        )
    finally:
        store.close()


async def test_the_welsh_deadline_shows_on_the_meetings_list_until_the_notice_is_exported(
    db_path: Path, out: Path
) -> None:
    meeting_id, item, _ = voting_meeting(db_path, jurisdiction="wales")
    store = open_store(db_path)
    try:
        store.records.add(
            Motion(
                agenda_item_id=item,
                text="the plan be supported",
                outcome="carried",
                votes_for=4,
                votes_against=0,
            )
        )
    finally:
        store.close()
    due = decision_notice_due(dt.date(2026, 12, 3), Jurisdiction.WALES)
    assert due == dt.date(2026, 12, 14)
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        labels = [str(c.label) for c in table.columns.values()]
        assert "Notice" in labels
        assert "14 Dec" in screen_text(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert "publish by 14 December 2026" in " ".join(screen_text(pilot).replace("█", " ").split())
        assert "Include exempt" not in screen_text(pilot)  # a public notice never has exempt items
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert "✓" in screen_text(pilot) and "14 Dec" not in screen_text(pilot)
        assert notified(app, "Publish it by 14 December 2026") or notified(
            app, "It was due by 14 December 2026"
        )
    store = open_store(db_path)
    try:
        state = store.notices.state(meeting_id)
        assert state is not None and state.exported_at is not None and state.path.endswith(".docx")
    finally:
        store.close()
    (written,) = out.glob("*decisions*.docx")
    texts = [text for _, text in paragraphs(written)]
    assert "To be published by 14 December 2026: within seven working days of the meeting" in texts[2]
    assert "Upon being put to the vote the motion was CARRIED unanimously (4 for)." in texts


def test_tab_completes_the_mover_then_the_seconder() -> None:
    from scrutui.tui.widgets.capture_line import complete_line

    names = ["Councillor Ann Ali", "Councillor Ben Brook", "Fay Ford"]
    mover = complete_line("m Ali", names)
    assert mover is not None and mover.line == "m Councillor Ann Ali"  # a / and the seconder may follow
    seconder = complete_line("am Councillor Ann Ali/Bro", names)
    assert seconder is not None and seconder.line == "am Councillor Ann Ali/Councillor Ben Brook: "
    assert complete_line("m the report be noted", names) is None
