"""The line across the top of the minuting screen: the meeting, and the quorum as it stands."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from scrutui.dates import long_date, long_time

if TYPE_CHECKING:
    import datetime as dt

    from scrutui.formalities import QuorumCount
    from scrutui.models import Committee, Meeting


class MeetingTitle(Static):
    """The committee, the meeting's date and time, its minutes' status and the quorum, on one line."""

    DEFAULT_CSS = """
    MeetingTitle { height: 1; background: $panel; color: $text; padding: 0 1; text-style: bold; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def show(
        self, meeting: Meeting, committee: Committee, count: QuorumCount | None, *, read_only: bool
    ) -> None:
        """The meeting, and the quorum as `count` gives it for the current item."""
        self.show_plain(committee.name, meeting.date, meeting.time, meeting.status.value, count, read_only=read_only)

    def show_plain(
        self,
        committee: str,
        date: dt.date,
        time: dt.time,
        status: str,
        count: QuorumCount | None = None,
        *,
        read_only: bool,
    ) -> None:
        """The same line from plain values (the first screen, before the models are imported)."""
        title = Text(no_wrap=True, overflow="ellipsis")
        if count is not None and count.inquorate:
            # First, so a narrow terminal never cuts it off.
            title.append(
                f"⚠ INQUORATE ({count.present} present, quorum {count.quorum})", style="bold white on red"
            )
            title.append(" ")
        if read_only:
            title.append("READ-ONLY · ", style="bold")
        elif status != "draft":
            title.append(f"{status.upper()} · ", style="bold")
        title.append(f"{committee} · {long_date(date)}, {long_time(time)}")
        if count is not None and count.recorded and not count.inquorate:
            title.append(f" · {count.present} present, quorum {count.quorum}", style="dim")
        self.update(title)
