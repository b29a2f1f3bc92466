"""The tracker's queries (paging, filters, counts), recording responses, and the action log that
carries what is outstanding forward to a committee's next meeting."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from scrutui.errors import ScrutuiError
from scrutui.minutes import ANNEX_HEADING, build_minutes, minute_number
from scrutui.models import (
    AgendaItem,
    Committee,
    ExecutiveResponse,
    InformationRequest,
    Meeting,
    Recommendation,
    RequestStatus,
    Resolution,
)
from scrutui.store import Store
from scrutui.store.tracker import StatusFilter, Tracked, TrackerQuery
from scrutui.tracker.rules import Tracker, find_committee

D = dt.date.fromisoformat
TODAY = D("2026-11-23")


def committee_with_meeting(
    store: Store, name: str, date: str, titles: tuple[str, ...] = ("Budget",), exempt: int | None = None
) -> tuple[Committee, Meeting, list[AgendaItem]]:
    committee = store.committees.by_name(name) or store.committees.add(Committee(name=name))
    assert committee.id is not None
    items = [AgendaItem(meeting_id=0, number=str(n), title=t) for n, t in enumerate(titles, start=1)]
    if exempt is not None:
        items[-1] = items[-1].model_copy(update={"exempt_paragraph": exempt})
    meeting = store.meetings.add(Meeting(committee_id=committee.id, date=date), items)
    assert meeting.id is not None
    return committee, meeting, store.agenda.for_meeting(meeting.id)


def request(store: Store, item: AgendaItem, text: str, **fields: object) -> int:
    assert item.id is not None
    saved = store.records.add(InformationRequest(agenda_item_id=item.id, text=text, **fields))  # type: ignore[arg-type]
    assert saved.id is not None
    return saved.id


def recommend(store: Store, item: AgendaItem, text: str, **fields: object) -> int:
    assert item.id is not None
    saved = store.records.add(Recommendation(agenda_item_id=item.id, text=text, **fields))  # type: ignore[arg-type]
    assert saved.id is not None
    return saved.id


# --- paging -----------------------------------------------------------------------------------------


@pytest.fixture
def many(store: Store) -> Store:
    """57 requests over two committees, some due the same day, some with no due date at all."""
    rng = random.Random(7)
    for name in ("Health Scrutiny Committee", "Place Scrutiny Committee"):
        for month in (3, 6, 9):
            _, _, items = committee_with_meeting(store, name, f"2026-{month:02d}-10")
            for n in range(rng.randint(8, 11)):
                status = rng.choice(["outstanding", "answered", "refused", "withdrawn"])
                closed = {} if status == "outstanding" else {"answered_on": f"2026-{month:02d}-20"}
                request(store, items[0], f"{name} request {month}/{n}", status=status, **closed)
    conn = store.handle.db.conn
    conn.execute("UPDATE information_request SET due_date = NULL WHERE record_id % 9 = 0")
    conn.execute("UPDATE information_request SET due_date = '2026-07-01' WHERE record_id % 7 = 0")
    conn.commit()
    return store


def expected(store: Store, query: TrackerQuery) -> list[int]:
    rows = store.tracker.first_page(query, 10_000)
    ordered = sorted(rows, key=lambda r: (r.due is not None, r.due or dt.date.min, r.id))
    assert [r.id for r in rows] == [r.id for r in ordered]  # no due date first, then by due date and id
    return [r.id for r in ordered]


@pytest.mark.parametrize("size", [1, 4, 7, 100])
@pytest.mark.parametrize("status", [StatusFilter.ALL, StatusFilter.OUTSTANDING, StatusFilter.ANSWERED])
def test_pages_forwards_and_backwards_give_every_row_once_in_order(
    many: Store, size: int, status: StatusFilter
) -> None:
    query = TrackerQuery(as_at=TODAY, status=status)
    everything = expected(many, query)
    assert everything
    forward = many.tracker.first_page(query, size)
    while True:
        more = many.tracker.page_after(query, forward[-1].key, size)
        if not more:
            break
        assert len(more) <= size
        forward += more
    assert [r.id for r in forward] == everything
    backward = many.tracker.last_page(query, size)
    while True:
        more = many.tracker.page_before(query, backward[0].key, size)
        if not more:
            break
        backward = more + backward
    assert [r.id for r in backward] == everything


def test_filters_and_counts(store: Store) -> None:
    _, _, health = committee_with_meeting(
        store, "Health Scrutiny Committee", "2026-11-02", ("Budget", "Private"), 3
    )
    _, _, place = committee_with_meeting(store, "Place Scrutiny Committee", "2026-11-03")
    request(store, health[0], "the risk register", requested_of="Director of Finance")
    request(store, health[0], "the 100% figure", requested_of="Head of Audit (100%_sure)")
    request(store, health[1], "the exempt contract", requested_of="Director of Finance")
    request(
        store,
        place[0],
        "the road survey",
        requested_of="the Director of Finance",
        status="answered",
        answered_on="2026-11-05",
        response="Sent.",
    )
    health_id = find_committee(store, "health").id

    def texts(**filters: object) -> list[str]:
        query = TrackerQuery(as_at=TODAY, status=StatusFilter.ALL, **filters)  # type: ignore[arg-type]
        return sorted(r.record.text for r in store.tracker.first_page(query))

    assert texts(committee_id=health_id) == ["the 100% figure", "the exempt contract", "the risk register"]
    assert texts(of="director of finance") == ["the exempt contract", "the risk register", "the road survey"]
    assert texts(of="100%_") == ["the 100% figure"]  # LIKE's wildcards are taken literally
    assert texts(of="0%x") == []
    assert "the exempt contract" not in texts(confidential=False)
    counts = store.tracker.counts(TrackerQuery(as_at=TODAY, committee_id=health_id, confidential=False))
    assert counts.by_status == {"outstanding": 2} and counts.overdue == 2
    everyone = store.tracker.counts(TrackerQuery(as_at=TODAY))
    assert everyone.by_status == {"outstanding": 3, "answered": 1} and everyone.total == 4
    names = store.tracker.names(TrackerQuery(as_at=TODAY, status=StatusFilter.ALL))
    assert ("Director of Finance", 2) in names


def test_find_committee_by_name_or_unique_part(store: Store) -> None:
    store.committees.add(Committee(name="Health Scrutiny Committee"))
    store.committees.add(Committee(name="Health and Wellbeing Board"))
    assert find_committee(store, "health scrutiny committee").name == "Health Scrutiny Committee"
    assert find_committee(store, "Wellbeing").name == "Health and Wellbeing Board"
    with pytest.raises(ScrutuiError, match="more than one"):
        find_committee(store, "Health")
    with pytest.raises(ScrutuiError, match="no committee called 'Planning'"):
        find_committee(store, "Planning")


# --- responses ---------------------------------------------------------------------------------------


def test_recording_responses_on_the_original_record(store: Store) -> None:
    _, _, items = committee_with_meeting(store, "Health Scrutiny Committee", "2026-11-02")
    asked = request(store, items[0], "the risk register")
    recommended = recommend(store, items[0], "the budget be protected")
    tracker = Tracker(store, lambda: TODAY)
    with pytest.raises(ScrutuiError, match="Type the response"):
        tracker.respond(asked, RequestStatus.ANSWERED, None, "  ")
    with pytest.raises(ScrutuiError, match="reasons"):
        tracker.respond(asked, RequestStatus.REFUSED, None, "")
    with pytest.raises(ScrutuiError, match="in the future"):
        tracker.respond(asked, RequestStatus.ANSWERED, D("2026-11-24"), "Sent.")
    with pytest.raises(ScrutuiError, match="before the meeting"):
        tracker.respond(asked, RequestStatus.ANSWERED, D("2026-11-01"), "Sent.")
    with pytest.raises(ScrutuiError, match="answered, refused or withdrawn"):
        tracker.respond(asked, ExecutiveResponse.ACCEPTED, None, "Sent.")
    assert tracker.get(asked).is_open  # nothing was saved by the refusals

    answered = tracker.respond(asked, RequestStatus.ANSWERED, None, "Circulated by email.")
    assert answered.status == "answered" and answered.closed_on == TODAY
    assert answered.response == "Circulated by email."
    reopened = tracker.respond(asked, RequestStatus.OUTSTANDING, None, "ignored")
    assert reopened.is_open and reopened.closed_on is None and reopened.response == ""
    history = [r["action"] for r in store.records.revisions(asked)]
    assert history == ["edit", "edit"]  # each change keeps the record as it was

    with pytest.raises(ScrutuiError, match="reasons for rejecting"):
        tracker.respond(recommended, ExecutiveResponse.REJECTED, None, "")
    partly = tracker.respond(
        recommended, ExecutiveResponse.PARTLY_ACCEPTED, D("2026-11-20"), "Not the capital part."
    )
    saved = store.records.get(recommended)
    assert isinstance(saved, Recommendation)
    assert saved.response_status is ExecutiveResponse.PARTLY_ACCEPTED and saved.response_date == D(
        "2026-11-20"
    )
    assert partly.status == "partly_accepted"
    noted = tracker.respond(recommended, ExecutiveResponse.NOTED, D("2026-11-21"), "")
    assert noted.status == "noted"


# --- carry forward: the action log -------------------------------------------------------------------

AGENDA = ("Apologies for absence", "Declarations of interest", "Minutes of the previous meeting", "Budget")


def earlier_meeting(store: Store) -> dict[str, int]:
    """A September meeting with requests and recommendations in every state, one under an exempt item."""
    _, _, items = committee_with_meeting(
        store, "Health Scrutiny Committee", "2026-09-15", ("Budget", "Contract"), exempt=3
    )
    ids = {
        "outstanding": request(store, items[0], "the risk register", requested_of="Director of Finance"),
        "answered since": request(
            store,
            items[0],
            "the staffing figures",
            status="answered",
            answered_on="2026-09-20",
            response="Circulated.",
        ),
        "answered at the meeting": request(
            store,
            items[0],
            "the agenda pack",
            status="answered",
            answered_on="2026-09-15",
            response="Tabled.",
        ),
        "awaited": recommend(store, items[0], "the budget be protected"),
        "accepted since": recommend(
            store,
            items[0],
            "the cuts be phased",
            response_status="accepted",
            response_date="2026-10-01",
            response_text="Cabinet agreed.",
        ),
        "exempt": request(store, items[1], "the contract's price", requested_of="Head of Procurement"),
    }
    _, _, other = committee_with_meeting(store, "Place Scrutiny Committee", "2026-09-16")
    request(store, other[0], "another committee's request")
    return ids


def test_the_next_meeting_carries_forward_what_is_outstanding(store: Store) -> None:
    ids = earlier_meeting(store)
    committee = store.committees.by_name("Health Scrutiny Committee")
    assert committee is not None and committee.id is not None
    items = [AgendaItem(meeting_id=0, number=str(n), title=t) for n, t in enumerate(AGENDA, start=1)]
    meeting = store.meetings.add(
        Meeting(committee_id=committee.id, date="2026-11-10"), items, carry_forward=True
    )
    assert meeting.id is not None
    agenda = store.agenda.for_meeting(meeting.id)
    assert [(i.number, i.title) for i in agenda] == [
        ("1", "Apologies for absence"),
        ("2", "Declarations of interest"),
        ("3", "Minutes of the previous meeting"),
        ("3a", "Action log"),
        ("4", "Budget"),
    ]
    log_item = agenda[3].id
    assert log_item is not None and store.tracker.action_log_of(meeting.id) == log_item
    carried = store.tracker.action_logs_of_meeting(meeting.id)[log_item]
    assert sorted(e.id for e in carried) == sorted(
        ids[k] for k in ("outstanding", "answered since", "awaited", "accepted since", "exempt")
    )

    tracker = Tracker(store, lambda: D("2026-11-10"))
    before = store.handle.scalar("SELECT count(*) FROM information_request")
    tracker.respond(
        ids["outstanding"],
        RequestStatus.ANSWERED,
        None,
        "The register was tabled.",
        action_log_item_id=log_item,
    )
    # The answer went on the original request: no copy was made, the tracker shows it answered.
    assert store.handle.scalar("SELECT count(*) FROM information_request") == before
    original = store.records.get(ids["outstanding"])
    assert isinstance(original, InformationRequest) and original.status is RequestStatus.ANSWERED
    entry = next(e for e in store.tracker.entries(log_item, Tracked.REQUESTS) if e.id == ids["outstanding"])
    assert entry.reported_on == D("2026-11-10")

    minutes = build_minutes(
        meeting,
        committee,
        agenda,
        store.records.for_meeting(meeting.id),
        store.people.for_meeting(meeting.id),
        carried=store.tracker.action_logs_of_meeting(meeting.id),
    )
    log = next(i for i in minutes.items if i.title == "Action log")
    text = [p.full_text for p in log.paragraphs]
    reported_at = text.index(
        "The following responses to earlier information requests and recommendations were reported:"
    )
    awaited_at = text.index("The following were still awaited:")
    joined = "\n".join(text)
    assert text[reported_at + 1 : awaited_at] == [
        "(a) The risk register (of the Director of Finance; minute 1, 15 September 2026): answered on "
        "10 November 2026. The register was tabled.",
        "(b) The staffing figures (minute 1, 15 September 2026): answered on 20 September 2026. Circulated.",
        "(c) The recommendation to Cabinet that the cuts be phased (minute 1, 15 September 2026): "
        "accepted on 1 October 2026. Cabinet agreed.",
    ]
    assert (
        text[awaited_at + 1] == "(a) The recommendation to Cabinet that the budget be protected "
        "(minute 1, 15 September 2026): due by 15 November 2026."
    )
    assert reported_at < awaited_at
    assert "contract's price" not in joined  # exempt: left out of public minutes, with a note
    assert (
        text[-1]
        == "1 further matter from items considered in private is not included in these public minutes."
    )
    confidential = build_minutes(
        meeting,
        committee,
        agenda,
        store.records.for_meeting(meeting.id),
        store.people.for_meeting(meeting.id),
        carried=store.tracker.action_logs_of_meeting(meeting.id),
        confidential=True,
    )
    # The confidential minutes keep the public wording in the body and give the exempt matter in
    # the confidential annex, under the action log's minute number.
    body = [p.full_text for i in confidential.items for p in i.paragraphs]
    assert "contract's price" not in "\n".join(body)
    assert "1 further matter from items considered in private is recorded in the confidential annex." in body
    (annexed,) = [i for i in confidential.annex if not i.title.startswith("Contract")]
    assert annexed.title == "Action log: matters from items considered in private"
    assert annexed.number == minute_number(agenda[3])
    assert [p.full_text for p in annexed.paragraphs] == [
        "The following were still awaited:",
        "(a) The contract's price (of the Head of Procurement; minute 2, 15 September 2026): due by 29 "
        "September 2026; overdue.",
    ]
    everything = [p.full_text for p in confidential.paragraphs()]
    assert everything.index(annexed.paragraphs[1].full_text) > everything.index(ANNEX_HEADING)

    # The meeting after: what was reported back at November's action log is not carried again.
    later = store.meetings.add(
        Meeting(committee_id=committee.id, date="2027-01-12"),
        [AgendaItem(meeting_id=0, number="5", title="Action log and matters arising")],
        carry_forward=True,
    )
    assert later.id is not None
    assert [i.title for i in store.agenda.for_meeting(later.id)] == ["Action log and matters arising"]
    log_later = store.tracker.action_log_of(later.id)
    assert log_later == store.agenda.for_meeting(later.id)[0].id
    again = {e.id for e in store.tracker.action_logs_of_meeting(later.id)[log_later or 0]}
    assert again == {ids["awaited"], ids["exempt"]}


def test_an_action_log_with_nothing_carried_says_so(store: Store) -> None:
    committee, _, _ = committee_with_meeting(store, "Health Scrutiny Committee", "2026-09-15")
    assert committee.id is not None
    meeting = store.meetings.add(
        Meeting(committee_id=committee.id, date="2026-11-10"), [], carry_forward=True
    )
    assert meeting.id is not None
    agenda = store.agenda.for_meeting(meeting.id)
    assert [(i.number, i.title) for i in agenda] == [("1", "Action log")]
    minutes = build_minutes(
        meeting,
        committee,
        agenda,
        {},
        store.people.for_meeting(meeting.id),
        carried=store.tracker.action_logs_of_meeting(meeting.id),
    )
    assert [p.text for p in minutes.items[0].paragraphs][-1] == (
        "There were no outstanding information requests or recommendations from earlier meetings."
    )


def test_adding_the_action_log_again_adds_only_what_is_new(store: Store) -> None:
    ids = earlier_meeting(store)
    committee = store.committees.by_name("Health Scrutiny Committee")
    assert committee is not None and committee.id is not None
    meeting = store.meetings.add(
        Meeting(committee_id=committee.id, date="2026-11-10"),
        [
            AgendaItem(meeting_id=0, number="1", title="Apologies"),
            AgendaItem(meeting_id=0, number="2", title="Budget"),
        ],
    )
    assert meeting.id is not None and store.tracker.action_log_of(meeting.id) is None
    tracker = Tracker(store, lambda: TODAY)
    assert tracker.outstanding_for(meeting.id) == 5
    first = tracker.add_action_log(meeting.id)
    assert [(i.number, i.title) for i in store.agenda.for_meeting(meeting.id)][1] == ("1a", "Action log")
    _, _, items = committee_with_meeting(store, "Health Scrutiny Committee", "2026-10-20")
    late = request(store, items[0], "a late request")
    assert tracker.add_action_log(meeting.id) == first
    entries = [e.id for e in store.tracker.entries(first, Tracked.REQUESTS)]
    assert entries[-1] == late and len(entries) == len(set(entries)) == 4
    assert ids["answered at the meeting"] not in entries


def test_a_resolution_is_never_carried_forward(store: Store) -> None:
    _, _, items = committee_with_meeting(store, "Health Scrutiny Committee", "2026-09-15")
    assert items[0].id is not None
    store.records.add(Resolution(agenda_item_id=items[0].id, text="the report be noted"))
    committee = store.committees.by_name("Health Scrutiny Committee")
    assert committee is not None and committee.id is not None
    assert store.tracker.outstanding_before(committee.id, "2026-11-10", "18:00:00") == []


def test_the_exported_minutes_say_what_the_action_log_reported(store: Store) -> None:
    from scrutui.export.gather import gather_minutes

    ids = earlier_meeting(store)
    committee = store.committees.by_name("Health Scrutiny Committee")
    assert committee is not None and committee.id is not None
    meeting = store.meetings.add(
        Meeting(committee_id=committee.id, date="2026-11-10"),
        [AgendaItem(meeting_id=0, number="1", title="Apologies for absence")],
        carry_forward=True,
    )
    assert meeting.id is not None
    log_item = store.tracker.action_log_of(meeting.id)
    Tracker(store, lambda: D("2026-11-10")).respond(
        ids["awaited"], ExecutiveResponse.NOTED, None, "Cabinet noted it.", action_log_item_id=log_item
    )
    document = gather_minutes(store, meeting.id).document
    text = [p.full_text for p in document.paragraphs()]
    assert "2. Action log" in text  # added after the apologies, numbered after them
    assert (
        "(b) The recommendation to Cabinet that the budget be protected (minute 1, 15 September 2026): "
        "noted on 10 November 2026. Cabinet noted it."
    ) in text


# --- with the formalities: approved and issued minutes ----------------------------------------------


def test_responses_are_recorded_on_requests_from_approved_minutes(demo_store: Store) -> None:
    """Approved minutes are locked, but what came of their requests is not part of their text."""
    from scrutui.store.locks import ApprovedMinutesError

    store = demo_store
    september = store.meetings.get(1)
    assert september.status.value == "approved"
    committee = store.committees.get(september.committee_id)
    assert committee.id is not None
    january = store.meetings.add(
        Meeting(committee_id=committee.id, date="2027-01-12"),
        [AgendaItem(meeting_id=0, number="1", title="Apologies for absence")],
        carry_forward=True,
    )
    assert january.id is not None
    log_item = store.tracker.action_log_of(january.id)
    assert log_item is not None
    (asked,) = [
        e for e in store.tracker.log_entries(log_item) if e.record.text.startswith("a breakdown of early help")
    ]
    assert asked.origin.meeting_id == september.id
    tracker = Tracker(store, lambda: D("2027-01-12"))
    tracker.respond(
        asked.id, RequestStatus.ANSWERED, None, "Circulated by locality.", action_log_item_id=log_item
    )
    tracker.set_due(asked.id, D("2026-10-30"))
    answered = store.records.get(asked.id)
    assert isinstance(answered, InformationRequest)
    assert (answered.status, answered.answered_on, answered.response) == (
        RequestStatus.ANSWERED,
        D("2027-01-12"),
        "Circulated by locality.",
    )
    assert answered.due_date == D("2026-10-30") and answered.due_date_by_hand
    entry = next(e for e in store.tracker.entries(log_item, Tracked.REQUESTS) if e.id == asked.id)
    assert entry.reported_on == D("2027-01-12")
    everything = tracker.query(kind=Tracked.RECOMMENDATIONS, status=StatusFilter.ALL)
    (accepted,) = [r for r in store.tracker.all(everything) if r.origin.meeting_id == september.id]
    tracker.respond(accepted.id, ExecutiveResponse.NOTED, D("2027-01-05"), "Cabinet noted the report.")
    assert store.tracker.get(Tracked.RECOMMENDATIONS, accepted.id).status == "noted"  # type: ignore[union-attr]
    # The minutes' own words stay locked.
    with pytest.raises(ApprovedMinutesError):
        store.records.update(answered.model_copy(update={"text": "a breakdown by ward"}))
    # The approved minutes of September say what they said when approved.
    from scrutui.export.gather import gather_minutes

    text = "\n".join(p.full_text for p in gather_minutes(store, 1).document.paragraphs())
    assert "Circulated by locality" not in text


def test_approved_minutes_keep_their_action_log_as_approved(store: Store) -> None:
    from scrutui.export.gather import gather_minutes
    from scrutui.store.locks import ApprovedMinutesError

    ids = earlier_meeting(store)
    committee = store.committees.by_name("Health Scrutiny Committee")
    assert committee is not None and committee.id is not None
    november = store.meetings.add(
        Meeting(committee_id=committee.id, date="2026-11-10"),
        [AgendaItem(meeting_id=0, number="1", title="Apologies for absence")],
        carry_forward=True,
    )
    assert november.id is not None
    log_item = store.tracker.action_log_of(november.id)
    assert log_item is not None
    Tracker(store, lambda: D("2026-11-10")).respond(
        ids["outstanding"], RequestStatus.ANSWERED, None, "Tabled.", action_log_item_id=log_item
    )
    january = store.meetings.add(Meeting(committee_id=committee.id, date="2027-01-12"), [])
    assert january.id is not None
    store.signoff.approve(november.id, january.id)
    awaited = "(minute 1, 15 September 2026): due by 15 November 2026."

    def november_minutes(*, confidential: bool = False) -> list[str]:
        assert november.id is not None
        document = gather_minutes(store, november.id, confidential=confidential).document
        return [p.full_text for p in document.paragraphs()]

    approved = november_minutes()
    assert any(line.endswith(awaited) for line in approved)
    assert any("The risk register" in line and "answered on 10 November 2026. Tabled." in line for line in approved)

    # Cabinet's response comes in after approval (late: the clerk first gave it a new due date) and
    # is recorded through November's action log: the tracker has it, the approved minutes do not
    # change, and the log is not marked as having reported it (January's action log reports it).
    Tracker(store, lambda: D("2027-01-12")).set_due(ids["awaited"], D("2026-11-30"))
    Tracker(store, lambda: D("2027-01-12")).respond(
        ids["awaited"], ExecutiveResponse.ACCEPTED, None, "Cabinet agreed.", action_log_item_id=log_item
    )
    response = store.records.get(ids["awaited"])
    assert isinstance(response, Recommendation) and response.response_status is ExecutiveResponse.ACCEPTED
    assert november_minutes() == approved
    assert (
        store.handle.scalar(
            "SELECT reported_on FROM action_log_entry WHERE agenda_item_id = ? AND record_id = ?",
            [log_item, ids["awaited"]],
        )
        is None
    )
    confidential = november_minutes(confidential=True)
    assert any("contract's price" in line for line in confidential)  # in the annex, as approved
    assert not any("contract's price" in line for line in approved)
    with pytest.raises(ApprovedMinutesError):
        store.tracker.add_action_log(november.id)
    january_log = Tracker(store, lambda: D("2027-01-12")).add_action_log(january.id)
    assert ids["awaited"] in {e.id for e in store.tracker.log_entries(january_log)}

    # What the approved minutes keep survives the round trip through the database as JSON.
    kept = store.signoff.source(november.id)
    assert kept.carried is not None
    (entries,) = kept.carried.values()
    frozen = next(e for e in entries if e.id == ids["awaited"])
    assert frozen.is_open and frozen.origin.meeting_date == D("2026-09-15")


def test_issued_minutes_get_no_new_action_log_item(store: Store) -> None:
    from scrutui.store.locks import IssuedMinutesError

    earlier_meeting(store)
    committee = store.committees.by_name("Health Scrutiny Committee")
    assert committee is not None and committee.id is not None
    november = store.meetings.add(
        Meeting(committee_id=committee.id, date="2026-11-10"),
        [AgendaItem(meeting_id=0, number="1", title="Apologies for absence")],
    )
    assert november.id is not None
    store.signoff.issue(november.id)
    with pytest.raises(IssuedMinutesError, match="an action log item cannot be added to the agenda"):
        store.tracker.add_action_log(november.id)
    assert [i.title for i in store.agenda.for_meeting(november.id)] == ["Apologies for absence"]
