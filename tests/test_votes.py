"""Motions, amendments and votes: the capture line's vote lines, the rules a vote must keep (the
numbers fit the outcome, the members present, the quorum, declared interests), how the minutes word
it, and the Welsh deadline for the decision notice."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from scrutui import voting
from scrutui.capture import AMENDMENT_READING, VOTE_READING, CaptureKind, describe, parse
from scrutui.deadlines import decision_notice_due
from scrutui.errors import ScrutuiError
from scrutui.formalities import AttendanceStatus, Declaration, InterestAction, InterestCategory
from scrutui.minutes import build_from
from scrutui.minutes.votes import vote_sentence, vote_summary
from scrutui.models import (
    Jurisdiction,
    MemberVote,
    Motion,
    MotionOutcome,
    Narrative,
    Person,
    Recommendation,
    Resolution,
    Role,
    VoteCast,
)
from scrutui.notice import decision_notice, notice_rows
from scrutui.session import MinutingSession
from scrutui.store import Store, open_store
from tests.conftest import add_meeting

# --- the capture line --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "outcome", "tally", "casting"),
    [
        ("vote carried 7-2-1", MotionOutcome.CARRIED, (7, 2, 1), False),
        ("vote lost 3-6", MotionOutcome.LOST, (3, 6, 0), False),
        ("vote lost 3 - 6 - 1.", MotionOutcome.LOST, (3, 6, 1), False),
        ("vote carried 4-4 casting", MotionOutcome.CARRIED, (4, 4, 0), True),
        ("vote lost 4-4-2 on the chair's casting vote", MotionOutcome.LOST, (4, 4, 2), True),
        ("vote carried", MotionOutcome.CARRIED, None, False),
        ("vote withdrawn", MotionOutcome.WITHDRAWN, None, False),
    ],
)
def test_a_show_of_hands_is_the_whole_pattern(
    line: str, outcome: MotionOutcome, tally: tuple[int, int, int] | None, casting: bool
) -> None:
    parsed = parse(line)
    assert parsed.kind is CaptureKind.VOTE
    assert (parsed.outcome, parsed.tally, parsed.casting) == (outcome, tally, casting)
    assert describe(parsed).startswith("Vote on the open motion or amendment: ")


@pytest.mark.parametrize(
    "line",
    [
        "vote of thanks to the officers was proposed by the chair.",
        "vote carried out by members in 2019 showed support",
        "vote lost its meaning when the budget moved",
        "votes were cast as follows",
        "vote carried 7-2-1 and the chair thanked members",
        "Vote carried 7-2-1",  # prefixes are lower case
        "am pleased to report that the figures improved",
        "am i right that the plan was late?",
        "am a member said: the plan was late",
        "m. smith said that the plan was late",
    ],
)
def test_sentences_that_begin_like_a_vote_or_amendment_are_narratives(line: str) -> None:
    parsed = parse(line)
    assert parsed.kind is CaptureKind.NARRATIVE and parsed.text == line
    if line.startswith("vote "):
        assert parsed.other_reading == VOTE_READING
    if line.startswith("am "):
        assert parsed.other_reading == AMENDMENT_READING


def test_motions_and_amendments_name_their_mover_and_seconder() -> None:
    motion = parse("m Cllr Ali/Cllr Khan: the report be referred back to Cabinet")
    assert motion.kind is CaptureKind.MOTION
    assert (motion.name, motion.seconder, motion.text) == (
        "Cllr Ali",
        "Cllr Khan",
        "the report be referred back to Cabinet",
    )
    assert motion.names == ("Cllr Ali", "Cllr Khan")
    plain = parse("m the report be noted")
    assert (plain.kind, plain.name, plain.text) == (CaptureKind.MOTION, "", "the report be noted")
    amendment = parse('am Cllr Lee: "March" be replaced by "January"')
    assert (amendment.kind, amendment.name, amendment.seconder) == (CaptureKind.AMENDMENT, "Cllr Lee", "")
    assert parse("am: the words be deleted").kind is CaptureKind.AMENDMENT
    assert describe(motion) == "Motion, moved by Cllr Ali, seconded by Cllr Khan"


# --- the numbers fit the outcome ---------------------------------------------------------------


@given(
    st.sampled_from(list(MotionOutcome)),
    st.integers(0, 30),
    st.integers(0, 30),
    st.integers(0, 5),
    st.booleans(),
)
def test_a_motion_accepts_exactly_the_votes_that_fit_its_outcome(
    outcome: MotionOutcome, ayes: int, noes: int, abstained: int, casting: bool
) -> None:
    fits = {
        MotionOutcome.CARRIED: (ayes > noes and not casting) or (ayes == noes and casting),
        MotionOutcome.LOST: (ayes < noes and not casting) or ayes == noes,
        MotionOutcome.MOVED: False,
        MotionOutcome.WITHDRAWN: False,
    }[outcome]
    data = {
        "agenda_item_id": 1,
        "text": "the report be noted",
        "outcome": outcome,
        "votes_for": ayes,
        "votes_against": noes,
        "abstentions": abstained,
        "casting_vote": casting,
    }
    if fits:
        motion = Motion.model_validate(data)
        assert vote_sentence(motion).endswith(".") and motion.outcome.value.upper() in vote_sentence(motion)
    else:
        with pytest.raises(ValidationError):
            Motion.model_validate(data)


def test_a_recorded_vote_sets_the_numbers_and_refuses_others() -> None:
    lines = [
        MemberVote(person_id=1, name="Councillor A", vote=VoteCast.FOR),
        MemberVote(person_id=2, name="Councillor B", vote=VoteCast.AGAINST),
        MemberVote(person_id=3, name="Councillor C", vote=VoteCast.AGAINST),
        MemberVote(person_id=4, name="Councillor D", vote=VoteCast.DID_NOT_VOTE),
    ]
    motion = Motion(agenda_item_id=1, text="x", outcome=MotionOutcome.LOST, recorded_votes=tuple(lines))
    assert (motion.votes_for, motion.votes_against, motion.abstentions) == (1, 2, 0)
    assert motion.result.recorded
    with pytest.raises(ValidationError, match="numbers come from the recorded vote"):
        Motion(
            agenda_item_id=1,
            text="x",
            outcome="lost",
            recorded_votes=tuple(lines),
            votes_for=0,
            votes_against=3,
        )
    with pytest.raises(ValidationError, match="needs its wording"):
        Motion(agenda_item_id=1, text="")


# --- against the roll call ----------------------------------------------------------------------


def _quorate_meeting(store: Store, members: int = 5) -> tuple[MinutingSession, int, list[int]]:
    """The test committee with `members` more councillors, all recorded present."""
    committee, meeting, items = add_meeting(store)
    assert committee.id is not None and meeting.id is not None
    for number in range(members - 2):
        store.committees.add_person(committee.id, Person(name=f"Councillor Member {number}"), Role.MEMBER)
    ids = []
    for line in store.attendance.roll(meeting.id):
        if line.is_member:
            store.attendance.set_status(meeting.id, line.person_id, AttendanceStatus.PRESENT)
            ids.append(line.person_id)
    return MinutingSession(store, meeting.id), items[1].id or 0, ids


def test_a_show_of_hands_larger_than_the_members_present_is_refused(store: Store) -> None:
    session, item, _ = _quorate_meeting(store)
    session.submit(item, "m Cllr Ann Ali/Cllr Ben Brook: the report be referred back")
    with pytest.raises(ScrutuiError, match="make 7 votes, but only 5 members may vote"):
        session.submit(item, "vote carried 4-2-1")
    motion = store.records.for_item(item)[0]
    assert isinstance(motion, Motion) and motion.outcome is MotionOutcome.MOVED  # nothing changed
    saved = session.submit(item, "vote carried 3-1")
    assert saved is not None and saved.voted and saved.notices == ("4 of the 5 members who may vote did so.",)


def test_an_interest_that_bars_a_member_counts_against_the_total(store: Store) -> None:
    session, item, ids = _quorate_meeting(store)
    store.attendance.declare(
        Declaration(
            meeting_id=session.meeting_id,
            agenda_item_id=item,
            person_id=ids[1],
            category=InterestCategory.DISCLOSABLE_PECUNIARY,
            nature="as a director of the provider",
            action=InterestAction.WITHDREW,
        )
    )
    session.submit(item, "m Cllr Ann Ali: the contract be extended")
    with pytest.raises(ScrutuiError, match=r"only 4 members may vote on this item \(1 member takes no part"):
        session.submit(item, "vote carried 3-2")
    barred = voting.voters(session.roll(), item)
    assert [v.may_vote for v in barred].count(False) == 1
    motion = voting.open_motion(store.records.for_item(item))
    assert motion is not None
    voted = Motion.model_validate(
        {
            **motion.model_dump(),
            "outcome": "carried",
            "recorded_votes": [{"person_id": v.person_id, "name": v.name, "vote": "for"} for v in barred],
        }
    )
    with pytest.raises(ScrutuiError, match="may not vote"):
        session.save(voted)


def test_no_vote_is_taken_while_the_meeting_is_inquorate(store: Store) -> None:
    session, item, ids = _quorate_meeting(store, members=3)
    session.submit(item, "m Cllr Ann Ali: the report be noted")
    session.record_movement(ids[0], item)  # someone leaves: 2 present, quorum 3
    with pytest.raises(ScrutuiError, match="inquorate"):
        session.submit(item, "vote carried 2-0")


def test_without_a_roll_call_the_vote_is_saved_and_the_clerk_told(store: Store) -> None:
    _, meeting, items = add_meeting(store)
    session = MinutingSession(store, meeting.id or 0)
    item = items[1].id or 0
    saved = session.submit(item, "vote carried 5-1")  # no motion open: one without its words
    assert saved is not None and isinstance(saved.record, Motion) and saved.record.text == ""
    assert saved.notices and "No roll call" in saved.notices[0]
    with pytest.raises(ScrutuiError, match="no motion open"):
        session.submit(item, "vote withdrawn")


def test_a_carried_motion_becomes_the_decision_f2_offers(store: Store) -> None:
    session, item, _ = _quorate_meeting(store)
    session.submit(item, "m Cllr Ann Ali/Cllr Ben Brook: that the Cabinet review the winter plan.")
    session.submit(item, "vote carried 5-0")
    records = session.records(item)
    lines = voting.decision_lines(records, "Cabinet")
    assert lines[:2] == [
        "r that the Cabinet review the winter plan.",
        "rec Cabinet: that the Cabinet review the winter plan.",
    ]
    saved = session.submit(item, lines[1])
    assert saved is not None and isinstance(saved.record, Recommendation)
    motion = store.records.for_item(item)[0]
    assert isinstance(motion, Motion) and motion.decision_id == saved.record.id
    assert voting.decision_lines(session.records(item), "Cabinet") == []  # decided: F2 no longer offers it
    # Undoing the decision leaves the motion carried and undecided again.
    session.undo()
    assert voting.decision_lines(session.records(item), "Cabinet")[0].startswith("r ")


def test_a_recorded_vote_survives_saving_editing_a_kind_change_and_undo(store: Store) -> None:
    session, item, ids = _quorate_meeting(store)
    session.submit(item, "m Cllr Ann Ali: the report be noted")
    motion = store.records.for_item(item)[0]
    names = [v.name for v in voting.voters(session.roll(), item)]
    casts = ["for", "for", "against", "abstained", "did_not_vote"]
    voted = Motion.model_validate(
        {
            **motion.model_dump(),
            "outcome": "carried",
            "recorded_votes": [
                {"person_id": pid, "name": name, "vote": cast}
                for pid, name, cast in zip(ids, names, casts, strict=True)
            ],
        }
    )
    session.save(voted)
    again = store.records.get(motion.id or 0)
    assert isinstance(again, Motion) and again.recorded_votes == voted.recorded_votes
    assert (again.votes_for, again.votes_against, again.abstentions) == (2, 1, 1)
    session.save(Narrative(id=motion.id, agenda_item_id=item, text="A note instead.", version=again.version))
    assert store.handle.scalar("SELECT count(*) FROM motion_vote WHERE record_id = ?", [motion.id]) == 0
    session.undo()
    back = store.records.get(motion.id or 0)
    assert isinstance(back, Motion) and back.recorded_votes == voted.recorded_votes


# --- the minutes -------------------------------------------------------------------------------


def test_the_amendments_votes_come_before_the_substantive_motions(store: Store) -> None:
    session, item, _ = _quorate_meeting(store)
    for line in [
        "m Cllr Ann Ali/Cllr Ben Brook: the report be referred back to Cabinet",
        "Members debated the motion.",
        'am Cllr Ben Brook/Cllr Ann Ali: "to Cabinet" be deleted',
        "vote carried 3-2",
        'am: the words "with comments" be added',
        "vote lost 2-3",
        "The Chair summed up.",
        "vote carried 4-0-1",
    ]:
        session.submit(item, line)
    document = build_from(store.signoff.source(session.meeting_id))
    texts = [p.text for p in document.items[1].paragraphs]
    assert texts[1:] == [
        "It was moved by Councillor Ann Ali and seconded by Councillor Ben Brook that the report be referred "
        "back to Cabinet.",
        "Members debated the motion.",
        'An amendment was moved by Councillor Ben Brook and seconded by Councillor Ann Ali that "to Cabinet" be '
        "deleted.",
        "Upon being put to the vote the amendment was CARRIED (3 for, 2 against, no abstentions).",
        'An amendment was moved that the words "with comments" be added.',
        "The Chair summed up.",
        "Upon being put to the vote the amendment was LOST (2 for, 3 against, no abstentions).",
        "Upon being put to the vote the substantive motion, as amended, was CARRIED (4 for, 0 against, 1 "
        "abstention).",
    ]


def test_the_chairs_casting_vote_unanimity_and_withdrawal_in_words() -> None:
    tie = Motion(
        agenda_item_id=1,
        text="x",
        outcome="carried",
        votes_for=3,
        votes_against=3,
        abstentions=1,
        casting_vote=True,
    )
    assert vote_sentence(tie) == (
        "Upon being put to the vote there was an equality of votes (3 for, 3 against, 1 abstention), and the "
        "motion was CARRIED on the Chair's casting vote."
    )
    assert vote_summary(tie.result) == "Carried on the Chair's casting vote (3 for, 3 against, 1 abstention)"
    fell = Motion(agenda_item_id=1, text="x", outcome="lost", votes_for=2, votes_against=2)
    assert vote_sentence(fell).endswith(
        "equality of votes (2 for, 2 against, no abstentions), and the motion was LOST."
    )
    unanimous = Motion(agenda_item_id=1, text="x", outcome="carried", votes_for=8, votes_against=0)
    assert (
        vote_sentence(unanimous) == "Upon being put to the vote the motion was CARRIED unanimously (8 for)."
    )
    withdrawn = Motion(agenda_item_id=1, text="x", amendment=True, outcome="withdrawn")
    assert (
        vote_sentence(withdrawn) == "The amendment was withdrawn."
        and vote_summary(withdrawn.result) == "Withdrawn"
    )


def test_the_demo_votes_are_ones_the_meeting_could_take(demo_store: Store) -> None:
    meeting_id = demo_store.meetings.summaries()[0].meeting.id or 0
    roll = demo_store.attendance.roll_state(meeting_id)
    motions = [
        r
        for records in demo_store.records.for_meeting(meeting_id).values()
        for r in records
        if isinstance(r, Motion)
    ]
    assert len(motions) == 2 and any(m.recorded_votes for m in motions)
    for motion in motions:
        assert voting.check_vote(motion, roll, motion.agenda_item_id) == []
    carried = next(m for m in motions if m.outcome is MotionOutcome.CARRIED)
    assert isinstance(demo_store.records.get(carried.decision_id or 0), Recommendation)


# --- the Welsh deadline --------------------------------------------------------------------------


def test_the_welsh_deadline_skips_welsh_bank_holidays() -> None:
    # Christmas Day, Boxing Day (a Saturday: Monday 28th instead) and New Year's Day are skipped.
    assert decision_notice_due(dt.date(2026, 12, 22), Jurisdiction.WALES) == dt.date(2027, 1, 5)
    # Easter: Good Friday 26 March and Easter Monday 29 March 2027.
    assert decision_notice_due(dt.date(2027, 3, 24), Jurisdiction.WALES) == dt.date(2027, 4, 6)
    # An ordinary week: Tuesday to the Thursday of the next week.
    assert decision_notice_due(dt.date(2026, 11, 24), Jurisdiction.WALES) == dt.date(2026, 12, 3)
    assert decision_notice_due(dt.date(2026, 12, 22), Jurisdiction.ENGLAND) is None


def test_decisions_of_an_item_know_their_votes() -> None:
    motion = Motion(
        id=1, agenda_item_id=1, text="the plan be approved", outcome="carried", votes_for=4, votes_against=1
    )
    resolution = Resolution(id=2, agenda_item_id=1, text="the plan be approved")
    linked = voting.linked_motion([motion, resolution], resolution)
    assert linked is not None and linked.decision_id == 2
    assert voting.votes_by_decision([linked, resolution]) == {2: linked}
    assert voting.votes_by_decision([linked]) == {}  # the decision deleted: no vote beside it


def test_a_database_of_the_previous_release_takes_motions_and_votes(tmp_path: Path) -> None:
    copy = tmp_path / "council.sqlite"
    shutil.copyfile(Path(__file__).parent / "fixtures" / "schema-v3.sqlite", copy)
    store = open_store(copy)
    try:
        meeting = store.meetings.summaries()[0].meeting
        item = store.agenda.for_meeting(meeting.id or 0)[0]
        lines = [{"person_id": None, "name": "Councillor A", "vote": "for"}]
        saved = store.records.add(
            Motion(
                agenda_item_id=item.id or 0, text="the plan be noted", outcome="carried", recorded_votes=lines
            )
        )
        again = store.records.get(saved.id or 0)
        assert (
            isinstance(again, Motion)
            and again.votes_for == 1
            and again.recorded_votes[0].name == "Councillor A"
        )
        rows = notice_rows(decision_notice(store.signoff.source(meeting.id or 0)))
        assert any(r["decision"] == "motion" and r["voted_for"] == "Councillor A" for r in rows)
    finally:
        store.close()
