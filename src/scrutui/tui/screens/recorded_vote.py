"""A recorded vote: one key per voting member present (for, against, abstained, did not vote), the
totals and the outcome as they stand, and the Chair's casting vote on an equality of votes."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from scrutui import voting
from scrutui.models import MemberVote, Motion, MotionOutcome, VoteCast
from scrutui.session import MinutingSession
from scrutui.tui.guard import describe_error, guarded
from scrutui.tui.screens.base import ScrutuiScreen
from scrutui.tui.widgets.key_bar import KeyBar

HINT = (
    "y for · n against · a abstained · d did not vote · Delete clears · Y N A D: everyone not yet keyed · "
    "c the Chair's casting vote (on an equality) · ctrl+s saves · Esc cancels"
)
WORDS = {
    VoteCast.FOR: "For",
    VoteCast.AGAINST: "Against",
    VoteCast.ABSTAINED: "Abstained",
    VoteCast.DID_NOT_VOTE: "Did not vote",
}
STYLES = {VoteCast.FOR: "bold green", VoteCast.AGAINST: "bold red", VoteCast.ABSTAINED: "yellow"}
#: The Chair's casting vote: not given, for the motion, against it.
CASTING = (None, VoteCast.FOR, VoteCast.AGAINST)


class RecordedVoteScreen(ScrutuiScreen[Motion | None]):
    """Key how each member voted on a motion; ctrl+s saves it (checked), Escape leaves it as it was."""

    DEFAULT_CSS = """
    RecordedVoteScreen #vote-title { height: 1; background: $panel; padding: 0 1; text-style: bold; }
    RecordedVoteScreen #vote-motion { height: auto; max-height: 3; padding: 0 1; color: $text-muted; }
    RecordedVoteScreen DataTable { height: 1fr; }
    RecordedVoteScreen #vote-count { height: auto; padding: 0 1; }
    RecordedVoteScreen #vote-hint { height: auto; padding: 0 1; color: $text-muted; }
    """

    BINDINGS = [
        Binding("y", "cast('for')", "For", id="vote.for", tooltip="The highlighted member voted for"),
        Binding(
            "n",
            "cast('against')",
            "Against",
            id="vote.against",
            tooltip="The highlighted member voted against",
        ),
        Binding(
            "a",
            "cast('abstained')",
            "Abstained",
            id="vote.abstained",
            tooltip="The highlighted member abstained",
        ),
        Binding(
            "d",
            "cast('did_not_vote')",
            "Did not vote",
            id="vote.did-not-vote",
            tooltip="The highlighted member was present but did not vote",
        ),
        Binding(
            "delete,backspace",
            "cast('')",
            "Clear",
            show=False,
            id="vote.clear",
            tooltip="Clear the highlighted member's vote",
        ),
        Binding(
            "Y",
            "rest('for')",
            "Rest for",
            show=False,
            id="vote.rest-for",
            tooltip="Everyone not yet keyed voted for",
        ),
        Binding(
            "N",
            "rest('against')",
            "Rest against",
            show=False,
            id="vote.rest-against",
            tooltip="Everyone not yet keyed voted against",
        ),
        Binding(
            "A",
            "rest('abstained')",
            "Rest abstained",
            show=False,
            id="vote.rest-abstained",
            tooltip="Everyone not yet keyed abstained",
        ),
        Binding(
            "D",
            "rest('did_not_vote')",
            "Rest did not vote",
            show=False,
            id="vote.rest-did-not-vote",
            tooltip="Everyone not yet keyed did not vote",
        ),
        Binding(
            "c",
            "casting",
            "Casting vote",
            id="vote.casting",
            tooltip="The Chair's casting vote on an equality of votes: for, against, or none",
        ),
        Binding(
            "ctrl+s",
            "save",
            "Save",
            id="vote.save",
            tooltip="Save the recorded vote (checked against the members present)",
        ),
        Binding("escape", "cancel", "Cancel", id="vote.cancel", tooltip="Leave without saving the vote"),
    ]

    def __init__(self, session: MinutingSession, motion: Motion) -> None:
        super().__init__()
        self.session = session
        self.motion = motion
        roll = session.roll()
        self.voters = voting.voters(roll, motion.agenda_item_id)
        kept = {line.person_id: line for line in motion.recorded_votes}
        here = {v.person_id for v in self.voters}
        # Anyone in a saved vote who has since left keeps their line.
        self.voters += [
            voting.Voter(line.person_id, line.name, "Not here now")
            for line in motion.recorded_votes
            if line.person_id is not None and line.person_id not in here
        ]
        self.votes: dict[int, VoteCast | None] = {
            v.person_id: (kept[v.person_id].vote if v.person_id in kept else None) for v in self.voters
        }
        self.casting: VoteCast | None = None
        if motion.casting_vote:
            self.casting = VoteCast.FOR if motion.outcome is MotionOutcome.CARRIED else VoteCast.AGAINST
        self._start = (dict(self.votes), self.casting)

    def compose(self) -> ComposeResult:
        noun = "Amendment" if self.motion.amendment else "Motion"
        yield Static(Text(f"Recorded vote · {noun}"), id="vote-title")
        words = self.motion.text or "(the motion's words are not typed yet)"
        movers = " / ".join(n for n in (self.motion.moved_by, self.motion.seconded_by) if n)
        yield Static(Text(f"{movers}: {words}" if movers else words), id="vote-motion")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="vote-table")
        yield Static(id="vote-count")
        yield Static(HINT, id="vote-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Member", width=28)
        table.add_column("Role", width=16)
        table.add_column("Vote", width=24)
        for voter in self.voters:
            table.add_row(Text(voter.name), voter.role_label, self._cell(voter), key=str(voter.person_id))
        self.show_count()
        table.focus()

    def _cell(self, voter: voting.Voter) -> Text:
        if voter.barred:
            why = "withdrew" if voter.barred.startswith("withdrew") else "interest"
            return Text(f"may not vote ({why})", style="dim italic")
        cast = self.votes.get(voter.person_id)
        if cast is None:
            return Text("·", style="dim")
        return Text(WORDS[cast], style=STYLES.get(cast, ""))

    def _redraw(self, voter: voting.Voter) -> None:
        table = self.query_one(DataTable)
        table.update_cell(str(voter.person_id), list(table.columns)[2], self._cell(voter))

    # --- the count ----------------------------------------------------------------------------------

    def tally(self) -> dict[VoteCast, int]:
        """How many members are keyed for, against, abstaining and not voting."""
        return {cast: sum(1 for v in self.votes.values() if v is cast) for cast in VoteCast}

    def outcome(self) -> MotionOutcome:
        """Carried or lost, as the votes and the casting vote stand."""
        counted = self.tally()
        ayes, noes = counted[VoteCast.FOR], counted[VoteCast.AGAINST]
        if ayes == noes:
            return MotionOutcome.CARRIED if self.casting is VoteCast.FOR else MotionOutcome.LOST
        return MotionOutcome.CARRIED if ayes > noes else MotionOutcome.LOST

    def unkeyed(self) -> list[voting.Voter]:
        """Members who may vote and have no vote keyed yet."""
        return [v for v in self.voters if not v.barred and self.votes.get(v.person_id) is None]

    def show_count(self) -> None:
        """The totals, how many are still to key, and the outcome they give."""
        counted = self.tally()
        line = Text()
        line.append(f"For {counted[VoteCast.FOR]}", style="bold green")
        line.append(f" · Against {counted[VoteCast.AGAINST]}", style="bold red")
        line.append(
            f" · Abstained {counted[VoteCast.ABSTAINED]} · Did not vote {counted[VoteCast.DID_NOT_VOTE]}"
        )
        may_vote = sum(1 for v in self.voters if not v.barred)
        waiting = len(self.unkeyed())
        if not may_vote:
            line.append(
                "  ⚠ No voting member is recorded present: take the roll call (F3) first.", style="bold"
            )
        elif waiting:
            line.append(f"  · {waiting} of {may_vote} still to key", style="bold yellow")
        else:
            line.append(f"  · all {may_vote} keyed → {self.outcome().value.upper()}", style="bold")
        if counted[VoteCast.FOR] == counted[VoteCast.AGAINST] and not waiting and may_vote:
            if self.casting is None:
                line.append("  Equality of votes: c gives the Chair's casting vote (else the motion falls)")
            else:
                line.append(f"  on the Chair's casting vote ({WORDS[self.casting].lower()})")
        self.query_one("#vote-count", Static).update(line)

    # --- keys -------------------------------------------------------------------------------------

    def _selected(self) -> voting.Voter | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((v for v in self.voters if str(v.person_id) == key), None)

    @guarded
    def action_cast(self, cast: str) -> None:
        """Key the highlighted member's vote, then move to the next member."""
        voter = self._selected()
        if voter is None:
            return
        if voter.barred and cast not in ("", VoteCast.DID_NOT_VOTE.value):
            self.notify(f"{voter.name} {voter.barred} in this item, so may not vote on it.", severity="error")
            return
        self.votes[voter.person_id] = VoteCast(cast) if cast else None
        self._redraw(voter)
        self.show_count()
        table = self.query_one(DataTable)
        if cast and table.cursor_row < table.row_count - 1:
            table.move_cursor(row=table.cursor_row + 1)

    def action_rest(self, cast: str) -> None:
        """Key everyone not yet keyed the same way."""
        for voter in self.unkeyed():
            self.votes[voter.person_id] = VoteCast(cast)
            self._redraw(voter)
        self.show_count()

    def action_casting(self) -> None:
        """The Chair's casting vote, in turn: for, against, none."""
        counted = self.tally()
        if counted[VoteCast.FOR] != counted[VoteCast.AGAINST]:
            self.notify("The Chair has a casting vote only on an equality of votes.", severity="warning")
            return
        self.casting = CASTING[(CASTING.index(self.casting) + 1) % len(CASTING)]
        self.show_count()

    def recorded(self) -> Motion:
        """The motion with the vote as keyed (validated)."""
        lines = tuple(
            MemberVote(person_id=v.person_id, name=v.name, vote=cast)
            for v in self.voters
            if not v.barred and (cast := self.votes.get(v.person_id)) is not None
        )
        counted = self.tally()
        tie = counted[VoteCast.FOR] == counted[VoteCast.AGAINST]
        return Motion.model_validate(
            {
                **self.motion.model_dump(),
                "outcome": self.outcome(),
                "recorded_votes": lines,
                "votes_for": None,
                "votes_against": None,
                "abstentions": None,
                "casting_vote": tie and self.casting is not None,
            }
        )

    def action_save(self) -> None:
        """Save the vote once every member who may vote has one; say what is wrong otherwise."""
        waiting = self.unkeyed()
        if not any(not v.barred for v in self.voters):
            self.notify(
                "No voting member is recorded present: take the roll call (F3) first.", severity="error"
            )
            return
        if waiting:
            names = ", ".join(v.name for v in waiting[:3]) + (" …" if len(waiting) > 3 else "")
            self.notify(
                f"{len(waiting)} of the members present have no vote keyed ({names}): y, n, a or d for each "
                "(D: the rest did not vote).",
                severity="error",
                timeout=8,
            )
            return
        try:
            saved = self.session.save(self.recorded())
        except Exception as error:
            self.notify(describe_error(error), severity="error", timeout=10)
            return
        assert isinstance(saved, Motion)
        self.dismiss(saved)

    def action_cancel(self) -> None:
        """Leave without saving (asking first if anything was keyed)."""
        if (self.votes, self.casting) == self._start:
            self.dismiss(None)
            return
        from scrutui.tui.screens.confirm import Confirm

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(Confirm("Leave without saving the votes keyed here?", "Discard"), answered)
