"""Motions, amendments and votes as councils minute them: "It was moved by Councillor A and seconded
by Councillor B that ...", "Upon being put to the vote the amendment was LOST (3 for, 6 against, 1
abstention).", a recorded vote's names under For, Against and Abstained, the Chair's casting vote;
and a vote in a few words, for the lists that show it beside a decision.

Where a vote is minuted: after the debate on the motion, that is after the records that follow it
up to the next motion (for an amendment) or the next motion that is not one of its amendments (for
a motion), or a sub-heading, or the end of the discussion. So the amendments' votes come before
the vote on the substantive motion, however the clerk typed them.
"""

from __future__ import annotations

from collections.abc import Sequence

from scrutui.minutes.document import Paragraph, Style
from scrutui.minutes.speakers import speaker_reference
from scrutui.minutes.wording import clause
from scrutui.models import Heading, Motion, MotionOutcome, Record, VoteCast, VoteResult
from scrutui.store.people import KnownPeople

#: How a recorded vote's names are headed, in the order minutes list them.
VOTE_HEADINGS = (
    (VoteCast.FOR, "For:"),
    (VoteCast.AGAINST, "Against:"),
    (VoteCast.ABSTAINED, "Abstained:"),
    (VoteCast.DID_NOT_VOTE, "Did not vote:"),
)


def _names(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def tally(votes_for: int, votes_against: int, abstentions: int) -> str:
    """The numbers as minutes give them: "(3 for, 6 against, 1 abstention)"."""
    abstained = {0: "no abstentions", 1: "1 abstention"}.get(abstentions, f"{abstentions} abstentions")
    return f"({votes_for} for, {votes_against} against, {abstained})"


def moved_sentence(motion: Motion, people: KnownPeople) -> str:
    """ "It was moved by Councillor A and seconded by Councillor B that ..." ("" with no words)."""
    if not motion.text:
        return ""
    mover = speaker_reference(motion.moved_by, people)
    seconder = speaker_reference(motion.seconded_by, people)
    by = f" by {mover}" if mover else ""
    if seconder:
        by += f" and seconded by {seconder}" if mover else f", seconded by {seconder},"
    lead = "An amendment was moved" if motion.amendment else "It was moved"
    return f"{lead}{by} that {clause(motion.text)}."


def vote_sentence(motion: Motion, *, substantive: bool = False, as_amended: bool = False) -> str:
    """What became of a motion: "Upon being put to the vote the amendment was LOST (3 for, 6 against,
    1 abstention)." ("" while it has not been put)."""
    noun = "the amendment" if motion.amendment else "the substantive motion" if substantive else "the motion"
    if as_amended and not motion.amendment:
        noun += ", as amended,"
    if motion.outcome is MotionOutcome.WITHDRAWN:
        return f"{noun[0].upper()}{noun[1:].rstrip(',')} was withdrawn."
    if not motion.is_voted:
        return ""
    word = "CARRIED" if motion.outcome is MotionOutcome.CARRIED else "LOST"
    lead = "A recorded vote having been requested, upon" if motion.recorded_votes else "Upon"
    if motion.votes_for is None or motion.votes_against is None:
        return f"{lead} being put to the vote {noun} was {word}."
    numbers = tally(motion.votes_for, motion.votes_against, motion.abstentions or 0)
    if motion.votes_for == motion.votes_against:
        decided = f"{noun.rstrip(',')} was {word}"
        if motion.casting_vote:
            decided += " on the Chair's casting vote"
        return f"{lead} being put to the vote there was an equality of votes {numbers}, and {decided}."
    if motion.votes_against == 0 and not motion.abstentions:
        return f"{lead} being put to the vote {noun} was {word} unanimously ({motion.votes_for} for)."
    return f"{lead} being put to the vote {noun} was {word} {numbers}."


def recorded_lists(motion: Motion) -> list[Paragraph]:
    """A recorded vote's names: For, Against and Abstained (None where nobody), and Did not vote."""
    paragraphs = []
    for cast, heading in VOTE_HEADINGS:
        names = [line.name for line in motion.recorded_votes if line.vote is cast]
        if not names and cast is VoteCast.DID_NOT_VOTE:
            continue
        paragraphs.append(Paragraph(Style.LIST_ITEM, _names(names) or "None", label=heading))
    return paragraphs


def vote_summary(result: VoteResult) -> str:
    """A vote in a few words, beside the decision it became: "Carried on a recorded vote (5 for, 1
    against, no abstentions)", "Carried on the Chair's casting vote (3 for, 3 against, ...)"."""
    if result.outcome is MotionOutcome.MOVED:
        return "Not yet put to the vote"
    if result.outcome is MotionOutcome.WITHDRAWN:
        return "Withdrawn"
    word = result.outcome.value.capitalize()
    if result.casting_vote:
        how = " on the Chair's casting vote"
    elif result.recorded:
        how = " on a recorded vote"
    else:
        how = " on a show of hands" if result.counted else ""
    if result.votes_for is None or result.votes_against is None:
        return f"{word}{how or ' on a vote'}"
    return f"{word}{how} {tally(result.votes_for, result.votes_against, result.abstentions or 0)}"


def short_vote(result: VoteResult) -> str:
    """A vote as a list line shows it: "CARRIED 7-2-1", "LOST 3-6-0 (recorded vote)"."""
    if result.outcome is MotionOutcome.MOVED:
        return "moved, not yet voted on"
    if result.outcome is MotionOutcome.WITHDRAWN:
        return "withdrawn"
    shown = result.outcome.value.upper()
    if result.counted:
        shown += f" {result.votes_for}-{result.votes_against}-{result.abstentions or 0}"
    if result.casting_vote:
        shown += " on the casting vote"
    if result.recorded:
        shown += " (recorded vote)"
    return shown


class VotePlan:
    """An item's motions as minuted, each vote in its place after the debate (see the module)."""

    def __init__(self, records: Sequence[Record], people: KnownPeople) -> None:
        self.people = people
        self._due: dict[int, list[int]] = {}  # index of a record -> indexes of the motions voted before it
        self._records = list(records)
        self._end: list[int] = []
        for index, record in enumerate(self._records):
            if not isinstance(record, Motion) or record.outcome is MotionOutcome.MOVED:
                continue
            place = self._group_end(index)
            (self._due.setdefault(place, []) if place is not None else self._end).append(index)
        self._at = 0

    def _group_end(self, index: int) -> int | None:
        """The index of the record before which the motion at `index` is voted (None: the end)."""
        motion = self._records[index]
        assert isinstance(motion, Motion)
        for later in range(index + 1, len(self._records)):
            record = self._records[later]
            if isinstance(record, Heading):
                return later
            if isinstance(record, Motion) and (motion.amendment or not record.amendment):
                return later
        return None

    def _amendments(self, index: int) -> list[Motion]:
        """The amendments put to the vote on the motion at `index`."""
        end = self._group_end(index)
        found = []
        for record in self._records[index + 1 : end]:
            if isinstance(record, Motion) and record.amendment and record.is_voted:
                found.append(record)
        return found

    def _votes(self, indexes: Sequence[int]) -> list[Paragraph]:
        paragraphs: list[Paragraph] = []
        for index in sorted(indexes, reverse=True):  # an amendment's vote before its motion's
            motion = self._records[index]
            assert isinstance(motion, Motion)
            amendments = [] if motion.amendment else self._amendments(index)
            text = vote_sentence(
                motion,
                substantive=bool(amendments),
                as_amended=any(a.outcome is MotionOutcome.CARRIED for a in amendments),
            )
            paragraphs.append(Paragraph(Style.BODY, text))
            if motion.recorded_votes:
                paragraphs += recorded_lists(motion)
        return paragraphs

    def before(self, record: Record) -> list[Paragraph]:
        """The votes minuted just before `record` (call once for each record, in order)."""
        if not self._due:  # no vote is minuted before any record (an item without motions)
            return []
        index = next((i for i in range(self._at, len(self._records)) if self._records[i] is record), self._at)
        self._at = index + 1
        return self._votes(self._due.get(index, []))

    def moved(self, motion: Motion) -> list[Paragraph]:
        """The motion or amendment as moved."""
        text = moved_sentence(motion, self.people)
        return [Paragraph(Style.BODY, text)] if text else []

    def remaining(self) -> list[Paragraph]:
        """The votes minuted at the end of the discussion."""
        return self._votes(self._end)
