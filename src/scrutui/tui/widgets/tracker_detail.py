"""The pane under the tracker's list: the selected request or recommendation in full."""

from __future__ import annotations

import datetime as dt

from rich.console import Group
from rich.text import Text
from textual.widgets import Static

from scrutui.columns import clip
from scrutui.minutes import item_reference, long_date
from scrutui.minutes.votes import short_vote
from scrutui.models import InformationRequest, the
from scrutui.store.tracker import TrackedRecord
from scrutui.tracker.rules import status_word
from scrutui.tui.widgets.status_style import status_style


class TrackerDetail(Static):
    """Its status and due date, what was asked and by whom, where, and the response."""

    DEFAULT_CSS = """
    TrackerDetail { height: auto; min-height: 5; max-height: 8; padding: 0 1; border-top: solid $panel; }
    """

    def show_empty(self) -> None:
        """Say that nothing is listed, and how to list something."""
        self.update(Text("Nothing here: s changes what is shown, c the committee, o the person.", style="dim"))

    def show(self, row: TrackedRecord, as_at: dt.date) -> None:
        """Show `row`, overdue or not as at `as_at`."""
        record, origin = row.record, row.origin
        word = status_word(row, as_at)
        standing = Text()
        standing.append(
            f"Due {long_date(row.due) if row.due else '(no date)'}", style="bold" if word == "overdue" else ""
        )
        if isinstance(record, InformationRequest) and record.due_date_by_hand:
            standing.append(" (set by hand)")
        standing.append(" · ")
        standing.append(word.upper() if word == "overdue" else word, style=status_style(self.app, word))
        if row.closed_on:
            standing.append(f" on {long_date(row.closed_on)}")
        if row.vote is not None:
            standing.append(f" · vote: {short_vote(row.vote)}")
        if row.reported_on:
            standing.append(f" · recorded at this meeting's action log ({long_date(row.reported_on)})")
        what = Text()
        if isinstance(record, InformationRequest):
            what.append(f"Requested by {record.asked_by}", style="bold")
            if row.named_of:
                what.append(f" of {the(row.named_of)}")
        else:
            what.append(f"Recommended to {record.addressee}", style="bold")
        what.append(f": {clip(record.text, 300)}")
        where = Text()
        where.append(
            f"{origin.committee}, {long_date(origin.meeting_date)}, {item_reference(origin.item, public=False)}"
        )
        if origin.exempt:
            where.append(" (exempt item)", style="bold")
        # What matters most first, so a short pane cuts only the least: status, what, where, response.
        parts: list[Text] = [standing, what, where]
        if row.response:
            parts.append(Text(f"Response: {clip(row.response, 300)}", no_wrap=True, overflow="ellipsis"))
        self.update(Group(*parts))
