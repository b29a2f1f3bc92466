"""The lists as documents (what Word output renders): the tracker grouped by committee with the overdue
first, and the chair's list of decisions with the executive's responses, in the minutes' styles."""

from __future__ import annotations

import datetime as dt

from scrutui.minutes import Style
from scrutui.models import AgendaItem, Committee, Meeting, Recommendation
from scrutui.store import Store
from scrutui.store.tracker import StatusFilter, TrackerQuery
from scrutui.tracker.documents import requests_document, resolutions_document
from scrutui.tracker.rules import Tracker

AS_AT = dt.date(2026, 12, 1)


def lines(document: object) -> list[tuple[str, str]]:
    return [(p.style.name, p.full_text) for p in document.paragraphs()]  # type: ignore[attr-defined]


def test_the_tracker_document_groups_by_committee_with_the_overdue_first(demo_store: Store) -> None:
    other = demo_store.committees.add(Committee(name="Adult Social Care Scrutiny Committee"))
    assert other.id is not None
    meeting = demo_store.meetings.add(
        Meeting(committee_id=other.id, date="2026-11-30"),
        [AgendaItem(meeting_id=0, number="9", title="Care homes")],
    )
    item = demo_store.agenda.for_meeting(meeting.id or 0)[0]
    from scrutui.models import InformationRequest

    demo_store.records.add(InformationRequest(agenda_item_id=item.id or 0, text="the inspection reports"))
    query = TrackerQuery(as_at=AS_AT, status=StatusFilter.ALL, confidential=False)
    document = requests_document(demo_store.tracker.all(query), demo_store.tracker.counts(query), query)
    found = lines(document)
    assert found[:3] == [
        ("TITLE", "Information requests"),
        ("SUBTITLE", "All requests as at 1 December 2026"),
        ("BODY", "In all: 4 outstanding (3 overdue), 1 answered, 1 refused and 0 withdrawn."),
    ]
    headings = [(style, text) for style, text in found if style in ("ITEM_HEADING", "THEME")]
    assert headings == [
        ("ITEM_HEADING", "Adult Social Care Scrutiny Committee"),
        ("THEME", "Outstanding, not yet due (1)"),
        ("ITEM_HEADING", "Children and Young People Scrutiny Committee (demo)"),
        ("THEME", "Overdue (3)"),
        ("THEME", "Answered (1)"),
        ("THEME", "Refused (1)"),
    ]
    overdue = found.index(("THEME", "Overdue (3)"))
    assert found[overdue + 1] == ("PART", "1. A breakdown of early help waiting times by locality.")
    assert found[overdue + 2] == (
        "BODY",
        "Asked by Councillor Owain Pryce of the Assistant Director, Safeguarding at the meeting on 15 September 2026 "
        "(minute 43, Early help and family support). Due by 29 September 2026: overdue by 63 days.",
    )
    refused = found.index(("THEME", "Refused (1)"))
    assert found[refused + 3] == (
        "BODY",
        "Refused on 20 November 2026. Reasons: The papers include personal information about children; "
        "a summary will be provided instead.",
    )
    assert not document.confidential
    marked = requests_document(
        [], demo_store.tracker.counts(query), TrackerQuery(as_at=AS_AT, confidential=True)
    )
    assert ("MARK", "CONFIDENTIAL") in lines(marked)


def test_an_empty_tracker_document_says_so(demo_store: Store) -> None:
    query = TrackerQuery(as_at=AS_AT, status=StatusFilter.WITHDRAWN, of="Chief Executive", confidential=False)
    document = requests_document([], demo_store.tracker.counts(query), query, committee="Health")
    assert lines(document)[-1] == (
        "BODY",
        "There are no withdrawn information requests asked of “Chief Executive” for Health as at 1 December 2026.",
    )
    assert not document.confidential


def test_the_chairs_list_gives_each_decision_under_its_minute_with_the_response(demo_store: Store) -> None:
    tracker = Tracker(demo_store, lambda: dt.date(2027, 1, 20))
    committee = demo_store.committees.all()[0]
    assert committee.id is not None
    ids = tracker.meetings_between(committee.id)
    items = demo_store.agenda.for_meeting(ids[1])
    second = Recommendation(agenda_item_id=items[3].id or 0, text="a second recommendation be made")
    demo_store.records.add(second)
    document = resolutions_document(
        tracker.decisions(ids, confidential=False),
        as_at=tracker.today(),
        heading=committee.name,
        scope="all meetings",
    )
    found = lines(document)
    assert found[1] == ("SUBTITLE", "Resolutions and recommendations: all meetings")
    assert found[2] == (
        "BODY",
        "4 recommendations, of which 3 are awaiting a response, as at 20 January 2027.",
    )
    assert found[3:8] == [
        ("SECTION", "Meeting held on 15 September 2026"),
        ("ITEM_HEADING", "43. Early help and family support"),
        ("DECISION", "RESOLVED: That the report be noted."),
        (
            "DECISION",
            "RECOMMENDED to Cabinet that the early help budget be protected in the 2027/28 budget round.",
        ),
        (
            "BODY",
            "Response: accepted on 20 October 2026. Cabinet agreed to protect the early help budget at its "
            "present level in cash terms.",
        ),
    ]
    ofsted = found.index(("ITEM_HEADING", "47. Ofsted inspection of children's services: improvement plan"))
    assert found[ofsted + 1 : ofsted + 10] == [
        ("DECISION", "RESOLVED: That"),
        ("PART", "(a) the report be noted;"),
        (
            "PART",
            "(b) a standing review group of four Members be set up to follow the work of the improvement board; and",
        ),
        ("PART", "(c) the Director of Children's Services report progress against the plan to each meeting."),
        ("DECISION", "RECOMMENDED to Cabinet that:"),
        (
            "PART",
            "(a) the recruitment and retention package for social workers be brought forward to January; and",
        ),
        ("BODY", "Response awaited: due by 10 January 2027 (overdue)."),
        ("PART", "(b) a second recommendation be made."),
        ("BODY", "Response awaited: due by 10 January 2027 (overdue)."),
    ]
    assert [s for s, _ in found].count("SECTION") == 2
    assert all(style in Style.__members__ for style, _ in found)
