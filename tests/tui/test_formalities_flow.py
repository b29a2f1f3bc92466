"""The formalities from the keyboard: the roll call, a departure that makes an item inquorate, a
declaration with withdrawal, an exempt item marked and exported both ways, each numbering scheme
across two meetings of a municipal year, standard wording, the standard order of business, and
approval with a correction."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Select, TextArea

from scrutui.formalities import AttendanceStatus, Movement
from scrutui.minutes import ANNEX_HEADING, build_from
from scrutui.models import MinutesStatus, Narrative, Resolution
from scrutui.store import open_store
from scrutui.tui.screens.agenda import AgendaScreen
from scrutui.tui.screens.committee import CommitteeScreen
from scrutui.tui.screens.correction import CorrectionForm, RecordPicker
from scrutui.tui.screens.declarations import DeclarationForm, DeclarationsScreen
from scrutui.tui.screens.meeting_form import MeetingForm
from scrutui.tui.screens.minutes_status import ApproveForm, MinutesStatusScreen
from scrutui.tui.screens.minuting import MinutingScreen
from scrutui.tui.screens.movement import MovementPicker
from scrutui.tui.screens.roll_call import RollCallScreen
from scrutui.tui.widgets.capture_line import CaptureInput
from scrutui.tui.widgets.minutes_preview import MinutesPreview
from tests.conftest import app_on
from tests.formal import AGENDA, formal_meeting
from tests.tui.helpers import capture, fill, screen_text

S = AttendanceStatus


def setup_db(db_path: Path, **settings: object) -> tuple[int, dict[str, int], dict[str, int]]:
    store = open_store(db_path)
    setup = formal_meeting(store, **settings)
    items = {item.title: item.id or 0 for item in setup.items}
    store.close()
    return setup.meeting_id, setup.people, items


def statuses(db_path: Path, meeting_id: int) -> dict[str, str | None]:
    store = open_store(db_path)
    try:
        return {x.name: (x.status.value if x.status else None) for x in store.attendance.roll(meeting_id)}
    finally:
        store.close()


def notified(app, words: str) -> bool:  # type: ignore[no-untyped-def]
    """True when a notification saying `words` has been shown."""
    return any(words in n.message for n in app._notifications)


async def open_minuting(pilot, meeting_id: int) -> MinutingScreen:  # type: ignore[no-untyped-def]
    pilot.app.open_minuting(meeting_id)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MinutingScreen)
    return screen


async def go_to_row(pilot, name: str) -> None:  # type: ignore[no-untyped-def]
    """Highlight a person in the roll call."""
    screen = pilot.app.screen
    person_id = next(line.person_id for line in screen.roll.lines if line.name == name)
    table = screen.query_one(DataTable)
    table.move_cursor(row=table.get_row_index(str(person_id)))
    await pilot.pause()


async def test_roll_call_with_apologies_a_substitute_and_an_officer(db_path: Path) -> None:
    meeting_id, _, _ = setup_db(db_path)
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_minuting(pilot, meeting_id)
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, RollCallScreen)
        assert "Roll call not taken yet" in screen_text(pilot)
        # One key each, moving down the list: Ali present, Brook apologies, Cole absent.
        await pilot.press("p", "a", "x")
        await pilot.pause()
        # A substitute for a member who is present, or for someone who is not a member: refused.
        await go_to_row(pilot, "Councillor Ann Ali")
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, RollCallScreen)  # no form: refused at once
        assert notified(app, "Councillor Ann Ali is marked present: a substitute sits only for a member who")
        await go_to_row(pilot, "Fay Ford")
        await pilot.press("s")
        await pilot.pause()
        assert notified(app, "Fay Ford is not a member of the committee")
        await pilot.press("p")  # an officer marked present is "in attendance"
        # Brook sent apologies; Councillor Zoe Zane substitutes for him.
        await go_to_row(pilot, "Councillor Ben Brook")
        await pilot.press("s")
        await pilot.pause()
        await fill(pilot, "#substitute-name", "Councillor Zoe Zane")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RollCallScreen)
        await pilot.press("P")  # everyone else present: Dean and Eve
        await pilot.pause()
        text = screen_text(pilot)
        assert "Quorate: 4 voting members present, quorum 3" in text  # Ali, Dean, Eve, Zane
        assert "for Councillor Ben Brook" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MinutingScreen)
        assert "4 present, quorum 3" in screen_text(pilot)
    assert statuses(db_path, meeting_id) == {
        "Councillor Ann Ali": "present",
        "Councillor Ben Brook": "apologies",
        "Councillor Cy Cole": "absent",
        "Councillor Di Dean": "present",
        "Mr Ed Eve": "present",
        "Councillor Zoe Zane": "substitute",
        "Fay Ford": "in_attendance",
    }


async def test_a_departure_makes_the_item_inquorate_at_once(db_path: Path) -> None:
    meeting_id, people, items = setup_db(db_path)
    store = open_store(db_path)
    for name in ("Ali", "Brook", "Cole"):
        store.attendance.set_status(meeting_id, people[name], S.PRESENT)
    store.close()
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_minuting(pilot, meeting_id)
        await pilot.press("pagedown", "pagedown", "pagedown")  # to item 4, Winter pressures
        await pilot.pause()
        assert screen.current is not None and screen.current.title == "Winter pressures"
        assert "INQUORATE" not in screen_text(pilot)
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, MovementPicker)
        await pilot.press(*"brook")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        text = screen_text(pilot)
        assert "⚠ INQUORATE (2 present, quorum 3)" in text  # the meeting's title line
        assert "⚠ INQUORATE · 4 Winter pressures" in text  # the item
        assert "Brook left at" in text
        assert notified(app, "The meeting is inquorate: 2 voting members present, quorum 3.")
        assert "left the meeting at" in screen.query_one(MinutesPreview).text
        await capture(pilot, "The Chair adjourned the item.")  # minuting carries on
    store = open_store(db_path)
    [event] = store.attendance.movements(meeting_id)
    assert (event.person_id, event.movement, event.agenda_item_id) == (
        people["Brook"], Movement.LEFT, items["Winter pressures"])
    winter = store.agenda.get(items["Winter pressures"])
    assert store.attendance.roll_state(meeting_id).count_for_item(winter).inquorate
    store.close()


async def test_a_declaration_with_withdrawal(db_path: Path) -> None:
    meeting_id, people, items = setup_db(db_path)
    store = open_store(db_path)
    for name in ("Ali", "Brook", "Cole"):
        store.attendance.set_status(meeting_id, people[name], S.PRESENT)
    store.close()
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_minuting(pilot, meeting_id)
        await pilot.press("pagedown", "pagedown", "pagedown")  # Winter pressures
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, DeclarationForm)  # none yet: straight to the form
        form = app.screen
        # Someone not recorded present: refused, with the reason, and the form kept.
        form.query_one("#d-person", Select).value = people["Dean"]
        form.query_one("#d-category", Select).value = "disclosable_pecuniary"
        await fill(pilot, "#d-nature", "as the owner of a care home")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "Councillor Di Dean is not recorded as present" in str(form.query_one("#declaration-error").render())
        form.query_one("#d-person", Select).value = people["Cole"]
        form.query_one("#d-action", Select).value = "withdrew"
        assert form.query_one("#d-item", Select).value == items["Winter pressures"]  # the current item
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DeclarationsScreen)
        listed = app.screen.query_one(DataTable)
        assert listed.row_count == 1 and str(listed.get_row_at(0)[0]) == "Councillor Cy Cole"
        await pilot.press("enter")  # Enter on the list edits the highlighted declaration
        await pilot.pause()
        assert isinstance(app.screen, DeclarationForm)
        assert app.screen.query_one("#d-person", Select).value == people["Cole"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DeclarationsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        text = screen_text(pilot)
        assert "⚠ INQUORATE (2 present, quorum 3)" in text  # Cole's withdrawal counts against it
        preview = screen.query_one(MinutesPreview).text
        assert "Councillor Cy Cole withdrew from the meeting during consideration of this item" in preview
    store = open_store(db_path)
    [declared] = store.attendance.declarations(meeting_id)
    assert (declared.person_id, declared.agenda_item_id, declared.category.value, declared.action.value) == (
        people["Cole"], items["Winter pressures"], "disclosable_pecuniary", "withdrew")
    document = [p.full_text for p in build_from(store.signoff.source(meeting_id)).paragraphs()]
    assert (
        "Councillor Cy Cole declared a disclosable pecuniary interest in minute 4 (Winter pressures) as the owner "
        "of a care home, and withdrew from the meeting during its consideration." in document
    )
    store.close()


async def test_an_exempt_item_marked_on_the_agenda_and_exported_both_ways(db_path: Path) -> None:
    meeting_id, _, items = setup_db(db_path)
    secret = "CANARY-5c1d the price was 4.2 million"
    store = open_store(db_path)
    store.records.add(Narrative(agenda_item_id=items["Care home contract: commercial terms"], text=secret))
    store.close()
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_agenda(meeting_id)
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=6)
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        await fill(pilot, "#i-exempt", "12")  # not one of England's paragraphs
        await fill(pilot, "#i-public-title", "Care home contract")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "Paragraph 12 is not one of England's" in str(form.query_one("#item-error").render())
        await fill(pilot, "#i-exempt", "3")
        await fill(pilot, "#i-public-title", "")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "needs its public title" in str(form.query_one("#item-error").render())
        await fill(pilot, "#i-public-title", "Care home contract: terms")
        form.query_one("#i-public-summary", TextArea).text = "The Committee considered the terms of the contract."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert "[exempt, para 3]" in screen_text(pilot)
    store = open_store(db_path)
    item = store.agenda.get(items["Care home contract: commercial terms"])
    assert (item.exempt_paragraph, item.public_title) == (3, "Care home contract: terms")
    source = store.signoff.source(meeting_id)
    public = "\n".join(p.full_text for p in build_from(source).paragraphs())
    confidential = "\n".join(p.full_text for p in build_from(source, confidential=True).paragraphs())
    assert "CANARY" not in public and "commercial terms" not in public
    assert "The Committee considered the terms of the contract." in public
    assert "paragraph 3 of Part 1 of Schedule 12A" in public
    assert "CANARY" not in confidential.split(ANNEX_HEADING)[0]
    assert secret in confidential.split(ANNEX_HEADING)[1]
    store.close()


@pytest.mark.parametrize(
    ("scheme", "expected"),
    [
        ("continuous", [["1", "2", "3"], ["4", "5", "6"]]),
        ("number_year", [["1/26", "2/26", "3/26"], ["4/26", "5/26", "6/26"]]),
        ("item_paragraph", [["1", "2", "3"], ["1", "2", "3"]]),
    ],
)
async def test_each_numbering_scheme_across_two_meetings_of_the_year(
    db_path: Path, scheme: str, expected: list[list[str]]
) -> None:
    # June 2026 and February 2027 are both in the municipal year 2026/27 (May to April).
    agenda = [("1", "Apologies"), ("2", "Report"), ("3", "Work programme")]
    store = open_store(db_path)
    june = formal_meeting(store, date="2026-06-10", agenda=agenda)
    february = formal_meeting(store, june.committee, date="2027-02-10", agenda=agenda)
    committee_id = june.committee.id or 0
    store.close()
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(CommitteeScreen(committee_id))
        await pilot.pause()
        app.screen.query_one("#c-scheme", Select).value = scheme
        await fill(pilot, "#c-start", "1")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        for meeting, numbers in zip((june, february), expected, strict=True):
            minuting = await open_minuting(pilot, meeting.meeting_id)
            await capture(pilot, "Apologies were received.")  # takes item 1
            await pilot.press("pagedown", "pagedown")  # takes items 2 and 3, numbered as taken
            await pilot.pause()
            assert minuting.query_one("#records").border_title.startswith(f"{numbers[2]} Work programme")
            await pilot.press("ctrl+b")
            await pilot.pause()
    store = open_store(db_path)
    assert store.committees.get(committee_id).numbering_scheme.value == scheme
    got = [[i.minute_number for i in store.agenda.for_meeting(m.meeting_id)] for m in (june, february)]
    assert got == expected
    store.close()


async def test_the_years_first_number_is_set_on_the_committee_screen(db_path: Path) -> None:
    import datetime as dt

    from scrutui.formalities import municipal_year

    store = open_store(db_path)
    setup = formal_meeting(store, date=dt.date.today().isoformat(), agenda=[("1", "Apologies"), ("2", "Report")])
    store.close()
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(CommitteeScreen(setup.committee.id))
        await pilot.pause()
        await fill(pilot, "#c-year-start", "111")
        await pilot.press("ctrl+s", "escape")
        await pilot.pause()
        await open_minuting(pilot, setup.meeting_id)
        await capture(pilot, "Apologies were received.")
        await pilot.press("pagedown")
        await pilot.pause()
    store = open_store(db_path)
    assert store.committees.first_minute_number(setup.committee.id or 0, municipal_year(dt.date.today())) == 111
    assert [i.minute_number for i in store.agenda.for_meeting(setup.meeting_id)] == ["111", "112"]
    store.close()


async def test_standard_wording_one_key_away(db_path: Path) -> None:
    store = open_store(db_path)
    first = formal_meeting(store, date="2026-09-15")
    second = formal_meeting(store, first.committee, date="2026-11-10")
    store.attendance.set_status(second.meeting_id, second.people["Brook"], S.APOLOGIES)
    store.close()
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_minuting(pilot, second.meeting_id)
        line = screen.query_one(CaptureInput)
        await pilot.press("f2")  # on Apologies for absence: from the roll call
        assert line.value == "Apologies for absence were received from Councillor Ben Brook."
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("pagedown", "pagedown")  # Minutes of the previous meeting
        await pilot.pause()
        await pilot.press("ctrl+t")
        assert line.value == (
            "r the minutes of the meeting held on 15 September 2026 be confirmed as a correct record and "
            "signed by the Chair"
        )
        await pilot.press("f2")  # again: the next wording
        assert line.value.startswith("r subject to the correction below")
        await pilot.press("f2", "f2", "f2")  # round to the first again
        assert line.value.startswith("r the minutes of the meeting held on 15 September 2026")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"typed")
        await pilot.press("f2")  # the line holds the clerk's own text: left alone
        assert line.value == "typed"
    store = open_store(db_path)
    minutes_item = second.item("Minutes").id or 0
    [resolution] = store.records.for_item(minutes_item)
    assert isinstance(resolution, Resolution) and "15 September 2026" in resolution.text
    [note] = store.records.for_item(second.item("Apologies").id or 0)
    assert note.text == "Apologies for absence were received from Councillor Ben Brook."
    store.close()


async def test_a_new_meeting_from_the_standard_order_of_business(db_path: Path) -> None:
    store = open_store(db_path)
    first = formal_meeting(store, date="2026-09-15")
    store.close()
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.start_new_meeting(first.committee.id)
        await pilot.pause()
        assert isinstance(app.screen, MeetingForm)
        await fill(pilot, "#m-date", "10/11/2026")
        app.screen.query_one("#m-agenda", TextArea).text = "Ofsted improvement plan | To review progress"
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
    store = open_store(db_path)
    meeting = store.meetings.summaries()[0].meeting
    items = store.agenda.for_meeting(meeting.id or 0)
    assert [i.title for i in items] == [
        "Apologies for absence", "Substitutes", "Declarations of interest", "Minutes of the previous meeting",
        "Action log", "Public questions and petitions", "Ofsted improvement plan", "Forward plan",
        "Work programme", "Exclusion of the press and public",
    ]
    assert items[3].purpose == "To confirm the minutes of the meeting held on 15 September 2026"
    assert items[6].number == "7" and items[6].purpose == "To review progress"
    store.close()


async def test_approval_with_a_correction(db_path: Path) -> None:
    store = open_store(db_path)
    first = formal_meeting(store, date="2026-09-15", agenda=AGENDA[:4])
    second = formal_meeting(store, first.committee, date="2026-11-10")
    item = first.item("Winter").id or 0
    store.records.add(Narrative(agenda_item_id=item, text="Councillor Smith asked about beds."))
    store.close()
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_minuting(pilot, second.meeting_id)
        await pilot.press("f6")  # the previous meeting's minutes, not yet approved, come first
        await pilot.pause()
        status = app.screen
        assert isinstance(status, MinutesStatusScreen) and status.selected_id() == first.meeting_id
        await pilot.press("i", "y")  # issue the draft
        await pilot.pause()
        await pilot.press("c")  # correct a record
        await pilot.pause()
        assert isinstance(app.screen, RecordPicker)
        await pilot.press("down", "enter")  # the only record (under its item heading)
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CorrectionForm)
        form.query_one("#field-text", TextArea).text = "Councillor Smyth asked about beds."
        await pilot.press("ctrl+s")  # what changed is required
        await pilot.pause()
        assert "Say what changed" in str(form.query_one("#form-error").render())
        await fill(pilot, "#correction-description", "Smith corrected to Smyth")
        assert form.query_one("#correction-agreed-at", Select).value == second.meeting_id
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is status
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ApproveForm)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is status
        text = screen_text(pilot)
        assert "approved" in text and "10 November 2026" in text and "Smith corrected to Smyth" in text
        await pilot.press("escape")
        await pilot.pause()
        # The approved minutes: minuting is closed, and an edit is refused with the reason.
        await pilot.press("ctrl+b")
        await pilot.pause()
        minuting = await open_minuting(pilot, first.meeting_id)
        assert minuting.query_one(CaptureInput).disabled
        assert "APPROVED" in screen_text(pilot)
        await pilot.press("pagedown", "pagedown", "pagedown")
        await pilot.pause()
        minuting.query_one("#records").focus()
        await pilot.press("delete")
        await pilot.pause()
        assert notified(app, "are approved: they can be changed only by a correction")
    store = open_store(db_path)
    assert store.meetings.get(first.meeting_id).status is MinutesStatus.APPROVED
    assert [r.text for r in store.records.for_item(item)] == ["Councillor Smyth asked about beds."]
    [correction] = store.signoff.corrections(first.meeting_id)
    assert (correction.description, correction.agreed_at_meeting_id) == ("Smith corrected to Smyth", second.meeting_id)
    assert correction.before == "Councillor Smith asked about beds."
    text = "\n".join(p.full_text for p in build_from(store.signoff.source(first.meeting_id)).paragraphs())
    assert "Councillor Smyth asked about beds." in text and "DRAFT" not in text
    assert "These minutes were confirmed as a correct record at the meeting held on 10 November 2026." in text
    store.close()


