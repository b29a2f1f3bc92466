"""The line under the capture line: what Enter will save, then that it was saved (or why not)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from scrutui.tui.widgets.record_list import vote_tag

if TYPE_CHECKING:
    from scrutui.models import Motion, Record
    from scrutui.session import MinutingSession, Saved
    from scrutui.tui.widgets.capture_line import Completion


def clock() -> str:
    """The time now, as a confirmation gives it ("14:05:09")."""
    return datetime.now().strftime("%H:%M:%S")


def description(
    session: MinutingSession,
    value: str,
    records: list[Record],
    completed: Completion | None,
    wording_note: str = "",
) -> Text:
    """What Enter will save of `value`, the name Tab completes (or the names not yet known), and
    which standard wording it is."""
    from scrutui import capture
    from scrutui.models import Narrative

    parsed = session.parse(value)
    words = capture.describe(
        parsed,
        session.committee.recommendation_body,
        after_narrative=bool(records) and isinstance(records[-1], Narrative),
    )
    unknown = [n for n in parsed.names if not session.people.is_known(n)]
    line = Text(f"→ {words}")
    if completed:
        line.append(f"  Tab: {completed.name}", style="bold")
    elif unknown:
        line.append(f"  (new name: {', '.join(unknown)})", style="italic")
    if wording_note:
        line.append(f"  ({wording_note})", style="dim")
    return line


def saved_line(saved: Saved, records: list[Record]) -> tuple[Text, str]:
    """What the hint says once a capture line is saved, and its kind ("saved", or "warning" when a
    name typed is not yet known)."""
    from scrutui import voting

    done = "Answered" if saved.answered else "Added to the list" if saved.listed else "Saved"
    line = Text(f"✓ {done}: {saved.record.kind.label.lower()} ({clock()})")
    carried = voting.votes_by_decision(records).get(saved.record.id or 0)
    if carried is not None:
        line.append(f", the motion as carried ({vote_tag(carried)})")
    if not saved.unknown_names:
        return line, "saved"
    line.append(f"  New name {saved.unknown_names[0]!r}: ctrl+g adds them to the committee")
    return line, "warning"


def vote_line(motion: Motion, notices: tuple[str, ...], records: list[Record]) -> tuple[Text, str]:
    """What the hint says once a vote is saved."""
    from scrutui import voting

    noun = "amendment" if motion.amendment else "motion"
    line = Text(f"✓ Vote: the {noun} {vote_tag(motion)}", style="bold")
    for notice in notices:
        line.append(f"  ⚠ {notice}")
    if motion in voting.undecided_motions(records):
        line.append("  F2: make it the decision")
    return line, "warning" if notices else "saved"


class CaptureHint(Static):
    """One line under the capture line; a confirmation shows green, a warning amber."""

    DEFAULT_CSS = """
    CaptureHint { height: 1; padding: 0 1; color: $text-muted; }
    CaptureHint.saved { color: $success; }
    CaptureHint.warning { color: $warning; }
    """

    def say(self, message: str | Text, kind: str = "") -> None:
        """Show `message`: kind "saved" for a confirmation, "warning" for a warning, "" otherwise."""
        self.set_classes(kind)
        self.update(message)

    def line_cleared(self) -> None:
        """The capture line was emptied: a confirmation or warning stays (the line is cleared after
        saving), anything else goes."""
        if not (self.has_class("saved") or self.has_class("warning")):
            self.say("")
