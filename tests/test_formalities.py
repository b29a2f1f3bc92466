"""The formalities' rules: municipal years, Schedule 12A, declarations, the quorum, the order of
business and standard wording."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from scrutui.errors import ScrutuiError
from scrutui.formalities import (
    AttendanceStatus,
    Declaration,
    InterestAction,
    InterestCategory,
    Movement,
    MovementEvent,
    Roll,
    RollLine,
    check_exempt_paragraph,
    exclusion_resolution,
    format_minute_number,
    municipal_year,
    municipal_year_label,
    standard_agenda,
    standard_wording,
)
from scrutui.models import AgendaItem, Jurisdiction, NumberingScheme, Role


def test_municipal_year_runs_may_to_april() -> None:
    assert municipal_year(dt.date(2026, 5, 1)) == 2026
    assert municipal_year(dt.date(2027, 4, 30)) == 2026
    assert municipal_year(dt.date(2026, 4, 30)) == 2025
    assert municipal_year_label(2026) == "2026/27" and municipal_year_label(2099) == "2099/00"
    assert format_minute_number(NumberingScheme.NUMBER_YEAR, 60, 2025) == "60/25"
    assert format_minute_number(NumberingScheme.CONTINUOUS, 111, 2025) == "111"


def test_exempt_paragraphs_follow_the_nation() -> None:
    for paragraph in range(1, 8):
        check_exempt_paragraph(Jurisdiction.ENGLAND, paragraph)
    for paragraph in range(12, 19):
        check_exempt_paragraph(Jurisdiction.WALES, paragraph)
    with pytest.raises(ScrutuiError, match="Part 1 of Schedule 12A has paragraphs 1 to 7"):
        check_exempt_paragraph(Jurisdiction.ENGLAND, 12)
    with pytest.raises(ScrutuiError, match=r"not one of Wales's .* Part 4 of Schedule 12A has paragraphs 12 to 18"):
        check_exempt_paragraph(Jurisdiction.WALES, 3)
    with pytest.raises(ScrutuiError, match="England and Wales only"):
        check_exempt_paragraph(Jurisdiction.SCOTLAND, 3)
    check_exempt_paragraph(Jurisdiction.SCOTLAND, None)  # not exempt: nothing to check


def test_exclusion_resolution_names_each_paragraph_and_the_public_interest() -> None:
    one = exclusion_resolution(Jurisdiction.ENGLAND, [("minute 47 (Contract award)", 3)])
    assert one.startswith("under section 100A(4) of the Local Government Act 1972, the public be excluded")
    assert "for minute 47 (Contract award) on the grounds that it involves" in one
    assert "paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972" in one
    assert one.endswith("outweighs the public interest in disclosing the information")
    two = exclusion_resolution(Jurisdiction.WALES, [("minute 8 (A)", 14), ("minute 9 (B)", 12)])
    assert "they involve" in two and "paragraphs 14 and 12 respectively of Part 4 of Schedule 12A" in two
    # Wales: legal privilege (paragraph 16) is not subject to the public interest test.
    assert "public interest" not in exclusion_resolution(Jurisdiction.WALES, [("item 9 (Advice)", 16)])


def test_declarations_need_their_nature_except_sensitive_ones() -> None:
    base = {"meeting_id": 1, "agenda_item_id": 1, "person_id": 1}
    with pytest.raises(ValidationError, match="say what the disclosable pecuniary interest is"):
        Declaration.model_validate({**base, "category": "disclosable_pecuniary"})
    with pytest.raises(ValidationError, match="sensitive interest is recorded without its nature"):
        Declaration.model_validate({**base, "category": "sensitive", "nature": "lives next door"})
    whip = Declaration.model_validate({**base, "category": "party_whip"})
    assert not whip.takes_no_part
    dpi = Declaration.model_validate({**base, "category": "disclosable_pecuniary", "nature": "owns the land"})
    assert dpi.takes_no_part  # a DPI never counts towards the quorum, even if the member stays


def line(person_id: int, status: AttendanceStatus | None, role: Role | None = Role.MEMBER) -> RollLine:
    return RollLine(person_id, f"Councillor {person_id}", "", role, status)


def test_quorum_over_an_item_with_departures_arrivals_and_withdrawals() -> None:
    item = AgendaItem(id=10, meeting_id=1, title="Winter", started_at="2026-12-03T19:00:00")
    later = AgendaItem(id=11, meeting_id=1, title="Spring", started_at="2026-12-03T20:00:00")
    lines = [
        line(1, AttendanceStatus.PRESENT, Role.CHAIR),
        line(2, AttendanceStatus.PRESENT),
        line(3, AttendanceStatus.PRESENT),
        line(4, AttendanceStatus.SUBSTITUTE, None),  # substitutes vote
        line(5, AttendanceStatus.IN_ATTENDANCE, Role.OFFICER),  # officers do not
        line(6, AttendanceStatus.APOLOGIES),
        line(7, AttendanceStatus.PRESENT),  # arrives late
    ]
    events = [
        MovementEvent(1, 7, Movement.ARRIVED, "2026-12-03T19:10:00", 10),
        MovementEvent(2, 2, Movement.LEFT, "2026-12-03T19:20:00", 10),
        MovementEvent(3, 3, Movement.LEFT, "2026-12-03T19:30:00", 10),
        MovementEvent(4, 3, Movement.ARRIVED, "2026-12-03T19:40:00", 10),
    ]
    roll = Roll(lines, events, [], quorum=3)
    # At the start of item 10: 1, 2, 3 and the substitute (7 not yet arrived) = 4; lowest point:
    # after 2 and 3 left, 7 having arrived: 1, 4, 7 = 3.
    assert roll.count_for_item(item).present == 3 and not roll.count_for_item(item).inquorate
    assert roll.count_now().present == 4  # 1, 3, 4, 7
    withdrew = Declaration(
        meeting_id=1, agenda_item_id=11, person_id=1, category=InterestCategory.OTHER_REGISTRABLE,
        nature="as a trustee", action=InterestAction.WITHDREW,
    )
    dpi = Declaration(
        meeting_id=1, agenda_item_id=11, person_id=3, category=InterestCategory.DISCLOSABLE_PECUNIARY,
        nature="as the owner",
    )
    roll = Roll(lines, events, [withdrew, dpi], quorum=3)
    assert roll.count_for_item(later).present == 2 and roll.count_for_item(later).inquorate
    assert roll.inquorate_items([item, later]) == {11}
    assert roll.count_now(11).describe() == "2 voting members present, quorum 3"
    # Nothing recorded yet: no warning, however few are "present".
    assert not Roll([line(1, None)], [], [], quorum=3).count_now().inquorate


def test_standard_order_of_business_keeps_the_typed_items_in_the_middle() -> None:
    text = standard_agenda("Ofsted report | to review\n1. Apologies for absence", dt.date(2026, 9, 15))
    lines = text.splitlines()
    assert lines[0] == "1. Apologies for absence" and lines[2] == "3. Declarations of interest"
    assert lines[3] == "4. Minutes of the previous meeting | To confirm the minutes of the meeting held on 15 September 2026"
    assert lines[6] == "7. Ofsted report | to review"
    assert lines[-2:] == ["9. Work programme", "10. Exclusion of the press and public"]
    assert sum("Apologies" in x for x in lines) == 1


def test_standard_wording_for_the_item_in_hand() -> None:
    minutes = AgendaItem(meeting_id=1, title="Minutes of the previous meeting")
    first = standard_wording(minutes, previous_meeting=dt.date(2026, 9, 15))[0]
    assert first == (
        "r the minutes of the meeting held on 15 September 2026 be confirmed as a correct record and "
        "signed by the Chair"
    )
    roll = Roll(
        [
            line(1, AttendanceStatus.APOLOGIES),
            RollLine(2, "Councillor Zed", "", None, AttendanceStatus.SUBSTITUTE, 1, "Councillor 1"),
        ],
        [], [], 3,
    )
    apologies = standard_wording(AgendaItem(meeting_id=1, title="Apologies for absence"), roll=roll)
    assert apologies[:2] == [
        "Apologies for absence were received from Councillor 1.",
        "Councillor Zed attended as a substitute for Councillor 1.",
    ]
    assert standard_wording(AgendaItem(meeting_id=1, title="Any other business"))[0] == "r the report be noted"
