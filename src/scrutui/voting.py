"""Voting on motions and amendments: who may vote on an item, whether a vote adds up against the
members present, which motion a vote is for, and which decision a carried motion became. Pure
rules over the roll call and an item's records: no I/O, no Textual, no Word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from scrutui.errors import ScrutuiError
from scrutui.formalities import InterestAction, Roll
from scrutui.models import (
    Motion,
    MotionOutcome,
    Recommendation,
    Record,
    Resolution,
    ResolutionForm,
    Role,
    VoteCast,
)


@dataclass(frozen=True)
class Voter:
    """A voting member in the room: a member of the committee or a substitute. `barred` says why
    they may not vote on the item (a disclosable pecuniary interest, or they withdrew)."""

    person_id: int
    name: str
    role_label: str
    is_chair: bool = False
    barred: str = ""

    @property
    def may_vote(self) -> bool:
        """True when nothing declared keeps them from voting on the item."""
        return not self.barred


def voters(roll: Roll, item_id: int | None) -> list[Voter]:
    """The voting members here now, in roll-call order (the Chair first). Those who declared an
    interest in the item that keeps them out of the vote are listed too, with the reason."""
    barred: dict[int, str] = {}
    for declared in roll.declarations:
        if declared.agenda_item_id != item_id or not declared.takes_no_part:
            continue
        if declared.action is InterestAction.WITHDREW:
            barred[declared.person_id] = "withdrew, having declared an interest"
        else:
            barred[declared.person_id] = "declared a disclosable pecuniary interest"
    found = []
    for line in roll.lines:
        if not line.votes or not roll.here_now(line.person_id):
            continue
        found.append(
            Voter(
                person_id=line.person_id,
                name=line.name,
                role_label=line.role_label,
                is_chair=line.role is Role.CHAIR,
                barred=barred.get(line.person_id, ""),
            )
        )
    return found


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def check_vote(motion: Motion, roll: Roll, item_id: int | None) -> list[str]:
    """Refuse a vote the meeting could not have taken; return what the clerk should be told.

    Refused (ScrutuiError): a vote while the meeting is inquorate for the item; more votes cast
    than members who may vote; a recorded vote by someone who declared an interest that bars them,
    or who is not here. Told: that no roll call was taken (nothing can be checked), and that some
    members who may vote did not.
    """
    if not motion.is_voted or motion.votes_for is None or motion.votes_against is None:
        return []
    if not roll.recorded:
        return ["No roll call has been taken (F3), so the count was not checked against who is present."]
    count = roll.count_now(item_id)
    if count.inquorate:
        raise ScrutuiError(
            f"The meeting is inquorate for this item ({count.describe()}): no vote can be taken."
        )
    everyone = voters(roll, item_id)
    eligible = {v.person_id for v in everyone if v.may_vote}
    why = {v.person_id: v.barred for v in everyone if v.barred}
    notices: list[str] = []
    if motion.recorded_votes:
        for line in motion.recorded_votes:
            if line.vote is VoteCast.DID_NOT_VOTE or line.person_id is None:
                continue
            if line.person_id in why:
                raise ScrutuiError(f"{line.name} {why[line.person_id]} in this item, so may not vote on it.")
            if line.person_id not in eligible:
                raise ScrutuiError(f"{line.name} is not recorded as present, so cannot vote.")
        listed = {line.person_id for line in motion.recorded_votes}
        missing = [v.name for v in everyone if v.may_vote and v.person_id not in listed]
        if missing:
            notices.append(f"Not in the recorded vote, though present: {', '.join(missing)}.")
    cast = motion.votes_for + motion.votes_against + (motion.abstentions or 0)
    if cast > len(eligible):
        out = len(why)
        reason = (
            f" ({_plural(out, 'member takes', 'members take')} no part because of an interest)" if out else ""
        )
        raise ScrutuiError(
            f"{motion.votes_for} for, {motion.votes_against} against and "
            f"{_plural(motion.abstentions or 0, 'abstention', 'abstentions')} make {cast} votes, but only "
            f"{_plural(len(eligible), 'member', 'members')} may vote on this item{reason}."
        )
    if cast < len(eligible) and not motion.recorded_votes:
        notices.append(f"{cast} of the {len(eligible)} members who may vote did so.")
    return notices


def open_motion(records: Sequence[Record]) -> Motion | None:
    """The motion a vote is for: the item's last motion or amendment not yet put to the vote."""
    for record in reversed(records):
        if isinstance(record, Motion) and record.outcome is MotionOutcome.MOVED:
            return record
    return None


def motion_to_vote_on(records: Sequence[Record], selected: Record | None = None) -> Motion | None:
    """The motion a recorded vote is for: the one selected, else the open one, else the last."""
    if isinstance(selected, Motion):
        return selected
    return open_motion(records) or next((r for r in reversed(records) if isinstance(r, Motion)), None)


def _words(text: str) -> str:
    text = " ".join(text.split()).casefold()
    return re.sub(r"^that\s+", "", text).rstrip(" .;,")


def decision_of(motion: Motion, records: Sequence[Record]) -> Resolution | Recommendation | None:
    """The resolution or recommendation (still in the item) that a carried motion became."""
    if motion.decision_id is None:
        return None
    found = next((r for r in records if r.id == motion.decision_id), None)
    return found if isinstance(found, Resolution | Recommendation) else None


def undecided_motions(records: Sequence[Record]) -> list[Motion]:
    """Carried motions (not amendments) of an item that have not yet become a decision, last first."""
    return [
        r
        for r in reversed(records)
        if isinstance(r, Motion)
        and r.outcome is MotionOutcome.CARRIED
        and not r.amendment
        and r.text
        and decision_of(r, records) is None
    ]


def motion_for_decision(records: Sequence[Record], decision: Record) -> Motion | None:
    """The carried motion a new resolution or recommendation puts into effect: one worded the same,
    not already made a decision."""
    if not isinstance(decision, Resolution | Recommendation):
        return None
    taken = {r.decision_id for r in records if isinstance(r, Motion) and r.decision_id != decision.id}
    if decision.id in taken:
        return None
    wanted = _words(decision.text)
    return next((m for m in undecided_motions(records) if _words(m.text) == wanted), None)


def linked_motion(records: Sequence[Record], decision: Record) -> Motion | None:
    """The carried motion `decision` puts into effect, with its `decision_id` set (to be saved), or
    None when no motion is worded as the decision."""
    motion = motion_for_decision(records, decision)
    if motion is None:
        return None
    return Motion.model_validate({**motion.model_dump(), "decision_id": decision.id})


def decision_lines(records: Sequence[Record], body: str) -> list[str]:
    """Capture lines that make the last carried motion the item's decision (F2 offers them)."""
    waiting = undecided_motions(records)
    if not waiting:
        return []
    text = waiting[0].text
    return [f"r {text}", f"rec {body}: {text}", f"ag {text}"]


def votes_by_decision(records: Sequence[Record]) -> dict[int, Motion]:
    """The motion each decision of an item was carried as, by the decision's record id."""
    found: dict[int, Motion] = {}
    for record in records:
        if isinstance(record, Motion) and record.outcome is MotionOutcome.CARRIED:
            decision = decision_of(record, records)
            if decision is not None and decision.id is not None:
                found[decision.id] = record
    return found


def decision_form(decision: Record) -> str:
    """A decision's kind in a word: resolved, agreed or recommended."""
    if isinstance(decision, Recommendation):
        return "recommended"
    if isinstance(decision, Resolution) and decision.form is ResolutionForm.AGREED:
        return "agreed"
    return "resolved"
