"""The formalities in the store: the roll call, substitutes, movements, declarations, exempt
paragraphs, minute numbers through a municipal year, issuing, approval and corrections; and the
refusals, each with a clear message and nothing saved wrongly."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from scrutui.errors import ScrutuiError
from scrutui.formalities import (
    AttendanceStatus,
    Declaration,
    InterestAction,
    InterestCategory,
    Movement,
)
from scrutui.minutes import build_from
from scrutui.models import (
    AgendaItem,
    InformationRequest,
    MinutesStatus,
    Narrative,
    Person,
    RequestStatus,
    Resolution,
    Role,
)
from scrutui.store import Store, open_store
from scrutui.store.locks import IssuedMinutesError
from tests.formal import formal_meeting

S = AttendanceStatus


def statuses(store: Store, meeting_id: int) -> dict[str, str | None]:
    return {line.name: (line.status.value if line.status else None) for line in store.attendance.roll(meeting_id)}


def test_roll_call_lists_the_membership_on_the_meeting_date(store: Store) -> None:
    setup = formal_meeting(store)
    roll = store.attendance.roll(setup.meeting_id)
    assert [line.name for line in roll][:5] == [
        "Councillor Ann Ali", "Councillor Ben Brook", "Councillor Cy Cole", "Councillor Di Dean", "Mr Ed Eve",
    ]
    assert roll[-1].name == "Fay Ford" and roll[-1].reference == "the Director of Public Health"
    # A member who left the committee before the meeting is not in its roll call, but is in the
    # roll call of a meeting they served at.
    committee_id = setup.committee.id or 0
    store.committees.update_person(
        committee_id, Person(id=setup.people["Dean"], name="Councillor Di Dean"), Role.MEMBER,
        to_date=dt.date(2026, 11, 30), dates=True,
    )
    assert "Councillor Di Dean" not in statuses(store, setup.meeting_id)
    earlier = formal_meeting(store, setup.committee, date="2026-10-01")
    assert "Councillor Di Dean" in statuses(store, earlier.meeting_id)


def test_statuses_substitutes_and_their_refusals(store: Store) -> None:
    setup = formal_meeting(store)
    m, p = setup.meeting_id, setup.people
    store.attendance.set_status(m, p["Ali"], S.PRESENT)
    store.attendance.set_status(m, p["Ford"], S.PRESENT)  # an officer is "in attendance"
    assert statuses(store, m)["Fay Ford"] == "in_attendance"
    sub = store.attendance.add_substitute(m, "Councillor Zoe Zane", p["Cole"])
    assert sub.status is S.SUBSTITUTE and sub.substitute_for == "Councillor Cy Cole"
    assert statuses(store, m)["Councillor Cy Cole"] == "apologies"  # recorded for them
    before = statuses(store, m)
    refusals = [
        (lambda: store.attendance.add_substitute(m, "Councillor Yan", p["Ford"]), "Fay Ford is not a member"),
        (lambda: store.attendance.add_substitute(m, "Councillor Yan", p["Eve"]), "Mr Ed Eve is not a member"),
        (lambda: store.attendance.add_substitute(m, "Councillor Yan", p["Ali"]), "marked present"),
        (lambda: store.attendance.add_substitute(m, "Councillor Yan", p["Cole"]), "already substituting"),
        (lambda: store.attendance.add_substitute(m, "councillor ben brook", p["Dean"]), "is a member of the committee"),
        (lambda: store.attendance.set_status(m, p["Cole"], S.PRESENT), "Zoe Zane is substituting for"),
        (lambda: store.attendance.add_substitute(m, "  ", p["Dean"]), "Type the name"),
    ]
    for attempt, message in refusals:
        with pytest.raises(ScrutuiError, match=message):
            attempt()
    assert statuses(store, m) == before  # nothing saved wrongly
    assert store.handle.scalar("SELECT count(*) FROM person WHERE name = 'Councillor Yan'") == 0


def test_movements_and_declarations(store: Store) -> None:
    setup = formal_meeting(store)
    m, p = setup.meeting_id, setup.people
    item = setup.item("Winter").id
    for name in ("Ali", "Brook", "Cole"):
        store.attendance.set_status(m, p[name], S.PRESENT)
    left = store.attendance.record_movement(m, p["Brook"], Movement.LEFT, item, at="2026-12-03T19:42:00")
    assert left.agenda_item_id == item
    with pytest.raises(ScrutuiError, match="not in the meeting, so cannot leave"):
        store.attendance.record_movement(m, p["Brook"], Movement.LEFT, item)
    store.attendance.record_movement(m, p["Cole"], Movement.LEFT, item, at="2026-12-03T19:44:00")
    store.attendance.record_movement(m, p["Cole"], Movement.ARRIVED, item, at="2026-12-03T19:46:00")
    with pytest.raises(ScrutuiError, match="Councillor Cy Cole is already in the meeting"):
        store.attendance.record_movement(m, p["Cole"], Movement.ARRIVED, item, at="2026-12-03T19:47:00")
    # Someone who sent apologies and turns up after all is recorded present on arrival.
    store.attendance.set_status(m, p["Dean"], S.APOLOGIES)
    store.attendance.record_movement(m, p["Dean"], Movement.ARRIVED, item, at="2026-12-03T19:50:00")
    assert statuses(store, m)["Councillor Di Dean"] == "present"
    with pytest.raises(ScrutuiError, match="Mr Ed Eve is not recorded as present"):
        store.attendance.declare(
            Declaration(meeting_id=m, agenda_item_id=item or 0, person_id=p["Eve"],
                        category=InterestCategory.PARTY_WHIP)
        )
    assert store.attendance.declarations(m) == []
    saved = store.attendance.declare(
        Declaration(meeting_id=m, agenda_item_id=item or 0, person_id=p["Ali"],
                    category=InterestCategory.DISCLOSABLE_PECUNIARY, nature="owns a care home",
                    action=InterestAction.WITHDREW)
    )
    assert store.attendance.declarations(m) == [saved]
    # Ali withdrew (a DPI); Brook left, and Cole was out for two minutes before Dean arrived: at the
    # lowest point nobody counted.
    roll = store.attendance.roll_state(m)
    count = roll.count_for_item(store.agenda.take(item or 0))
    assert count.present == 0 and count.inquorate
    assert roll.count_now(item).present == 2  # Cole and Dean


def test_exempt_paragraph_is_checked_against_the_committees_nation(store: Store) -> None:
    setup = formal_meeting(store)
    item = setup.item("Care home contract:")
    with pytest.raises(ScrutuiError, match="Paragraph 14 is not one of England's"):
        store.agenda.update(item.model_copy(update={"exempt_paragraph": 14}))
    assert store.agenda.get(item.id or 0).exempt_paragraph is None
    wales = formal_meeting(store, date="2026-12-03", jurisdiction="wales", name="Pwyllgor Craffu")
    welsh = wales.item("Care home contract:")
    store.agenda.update(welsh.model_copy(update={"exempt_paragraph": 14, "public_title": "Contract"}))
    with pytest.raises(ScrutuiError, match="not one of Wales's"):
        store.agenda.add(AgendaItem(meeting_id=wales.meeting_id, title="Staffing", exempt_paragraph=3))


def take_all(store: Store, meeting_id: int) -> list[str]:
    return [store.agenda.take(item.id or 0).minute_number for item in store.agenda.for_meeting(meeting_id)]


AGENDA3 = [("1", "Apologies"), ("2", "Report"), ("3", "Work programme")]


@pytest.mark.parametrize(
    ("scheme", "first", "second", "next_year"),
    [
        ("continuous", ["41", "42", "43"], ["44", "45", "46"], ["1", "2", "3"]),
        ("number_year", ["41/26", "42/26", "43/26"], ["44/26", "45/26", "46/26"], ["1/27", "2/27", "3/27"]),
        ("item_paragraph", ["1", "2", "3"], ["1", "2", "3"], ["1", "2", "3"]),
    ],
)
def test_each_numbering_scheme_across_two_meetings_of_a_municipal_year(
    store: Store, scheme: str, first: list[str], second: list[str], next_year: list[str]
) -> None:
    # June 2026 and March 2027 are in the municipal year 2026/27; May 2027 starts the next one.
    june = formal_meeting(store, date="2026-06-10", agenda=AGENDA3, numbering_scheme=scheme, numbering_start=1)
    committee_id = june.committee.id or 0
    store.committees.set_first_minute_number(committee_id, 2026, 41)  # this year starts at 41
    march = formal_meeting(store, june.committee, date="2027-03-10", agenda=AGENDA3)
    may = formal_meeting(store, june.committee, date="2027-05-20", agenda=AGENDA3)
    assert take_all(store, june.meeting_id) == first
    assert take_all(store, march.meeting_id) == second
    assert take_all(store, may.meeting_id) == next_year


def test_numbers_are_given_as_taken_and_fixed_once_issued(store: Store) -> None:
    setup = formal_meeting(store, agenda=AGENDA3, numbering_start=10)
    m = setup.meeting_id
    items = setup.items
    assert store.agenda.take(items[2].id or 0).minute_number == "10"  # taken first
    store.signoff.renumber(m)  # back into agenda order: only the taken item is numbered
    assert [i.minute_number for i in store.agenda.for_meeting(m)] == ["", "", "10"]
    store.agenda.take(items[0].id or 0)
    store.signoff.issue(m)  # every item numbered, in agenda order
    assert [i.minute_number for i in store.agenda.for_meeting(m)] == ["11", "12", "10"]
    with pytest.raises(IssuedMinutesError, match="minute numbers are fixed"):
        store.signoff.renumber(m)
    with pytest.raises(IssuedMinutesError, match="cannot be added"):
        store.agenda.add(AgendaItem(meeting_id=m, title="Late item"))
    # An agenda form saving a stale copy never clears a number ...
    store.agenda.update(items[1].model_copy(update={"title": "Report (revised)"}))
    assert store.agenda.get(items[1].id or 0).minute_number == "12"
    # ... and the database itself refuses to change a fixed number.
    with pytest.raises(sqlite3.IntegrityError, match="fixed once the draft minutes are issued"):
        store.handle.db.execute("UPDATE agenda_item SET minute_number = '99' WHERE id = ?", [items[0].id])


def approved_setup(store: Store):  # type: ignore[no-untyped-def]
    first = formal_meeting(store, date="2026-09-15")
    second = formal_meeting(store, first.committee, date="2026-11-10")
    item = first.item("Winter").id or 0
    store.attendance.set_status(first.meeting_id, first.people["Ali"], S.PRESENT)
    note = store.records.add(Narrative(agenda_item_id=item, text="Councillor Smith asked about beds."))
    request = store.records.add(InformationRequest(agenda_item_id=item, text="bed numbers by ward"))
    return first, second, item, note, request


def test_approval_with_a_correction_and_the_lock_on_approved_minutes(store: Store) -> None:
    first, second, item, note, request = approved_setup(store)
    with pytest.raises(ScrutuiError, match="still a draft: edit them directly"):
        store.signoff.correct_record(note.model_copy(update={"text": "x"}), "typo", second.meeting_id)
    with pytest.raises(ScrutuiError, match="only at a later meeting"):
        store.signoff.approve(second.meeting_id, first.meeting_id)
    store.signoff.issue(first.meeting_id)
    corrected = note.model_copy(update={"text": "Councillor Smyth asked about beds."})
    entry = store.signoff.correct_record(corrected, "Smith corrected to Smyth", second.meeting_id)
    store.signoff.approve(first.meeting_id, second.meeting_id)
    state = store.signoff.state(first.meeting_id)
    assert state.meeting.status is MinutesStatus.APPROVED and state.corrections == 1
    assert state.approved_at_meeting is not None and state.approved_at_meeting.id == second.meeting_id
    [logged] = store.signoff.corrections(first.meeting_id)
    assert (logged.id, logged.description, logged.before, logged.after) == (
        entry.id, "Smith corrected to Smyth", "Councillor Smith asked about beds.",
        "Councillor Smyth asked about beds.",
    )
    assert logged.agreed_at_date == dt.date(2026, 11, 10) and logged.made_at

    # Approved minutes cannot be edited, in any way, except by a correction.
    m, p = first.meeting_id, first.people
    attempts = [
        lambda: store.records.update(note.model_copy(update={"text": "edited"})),
        lambda: store.records.add(Resolution(agenda_item_id=item, text="the report be noted")),
        lambda: store.records.delete(note.id or 0),
        lambda: store.records.move(note.id or 0, 1),
        lambda: store.agenda.update(first.item("Winter").model_copy(update={"title": "Spring"})),
        lambda: store.agenda.delete(first.item("Care").id or 0),
        lambda: store.agenda.renumber(m),
        lambda: store.attendance.set_status(m, p["Brook"], S.PRESENT),
        lambda: store.attendance.add_substitute(m, "Councillor Zed", p["Brook"]),
        lambda: store.attendance.record_movement(m, p["Ali"], Movement.LEFT, item),
        lambda: store.meetings.update(store.meetings.get(m).model_copy(update={"venue": "Elsewhere"})),
        lambda: store.meetings.set_status(m, MinutesStatus.DRAFT),
    ]
    for attempt in attempts:
        with pytest.raises(ScrutuiError, match=r"approved|cannot go back"):
            attempt()
    assert store.records.get(note.id or 0).text == "Councillor Smyth asked about beds."
    # The tracker may still record what came of a request (not the minutes' text) ...
    answered = request.model_copy(update={"status": RequestStatus.ANSWERED, "response": "Sent on 1 Oct."})
    store.records.update(answered)
    # ... but the approved minutes are made from the copy kept at approval.
    store.records.update(answered.model_copy(update={"due_date": dt.date(2027, 1, 31), "due_date_by_hand": True}))
    text = "\n".join(p.full_text for p in build_from(store.signoff.source(m)).paragraphs())
    assert "by 29 September 2026" in text and "31 January 2027" not in text
    assert "Councillor Smyth asked about beds." in text and "Smith asked" not in text
    assert "These minutes were confirmed as a correct record at the meeting held on 10 November 2026." in text
    assert "Smith corrected to Smyth (agreed at the meeting held on 10 November 2026)" in text
    assert "DRAFT" not in text

    # A later correction, agreed at a later meeting, changes the approved minutes and is recorded.
    third = formal_meeting(store, first.committee, date="2027-01-12")
    store.signoff.correct_record(
        store.records.get(note.id or 0).model_copy(update={"text": "Councillor Smyth asked about beds and staff."}),
        "staff added", third.meeting_id,
    )
    store.signoff.correct_attendance(m, p["Brook"], S.APOLOGIES, "Councillor Brook's apologies recorded", third.meeting_id)
    text = "\n".join(x.full_text for x in build_from(store.signoff.source(m)).paragraphs())
    assert "asked about beds and staff." in text and "Councillor Ben Brook" in text
    assert "staff added (agreed at the meeting held on 12 January 2027)" in text
    assert len(store.signoff.corrections(m)) == 3
    with pytest.raises(ScrutuiError, match="already approved"):
        store.signoff.approve(m, third.meeting_id)


def test_a_new_version_opens_and_keeps_an_approved_snapshot(db_path) -> None:  # type: ignore[no-untyped-def]
    store = open_store(db_path)
    first, second, _, note, _ = approved_setup(store)
    store.signoff.approve(first.meeting_id, second.meeting_id)  # a draft is issued, then approved
    store.close()
    store = open_store(db_path)
    source = store.signoff.source(first.meeting_id)
    assert source.meeting.status is MinutesStatus.APPROVED
    assert [i.minute_number for i in source.items] == [str(n) for n in range(1, 8)]
    assert any(r.id == note.id for records in source.records.values() for r in records)
    store.close()
