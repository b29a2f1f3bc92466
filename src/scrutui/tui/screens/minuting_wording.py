"""The standard wordings F2 offers on the minuting screen's capture line, one after another."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from scrutui.formalities import Roll
    from scrutui.models import AgendaItem, Committee, Record


def wordings_for(
    item: AgendaItem,
    records: list[Record],
    *,
    items: list[AgendaItem],
    committee: Committee,
    roll: Roll | None,
    previous_meeting: dt.date | None,
) -> list[str]:
    """The wordings offered for `item`: a motion just carried first (it becomes the item's
    resolution or recommendation), then the standard wording of an item of its kind."""
    from scrutui import voting
    from scrutui.formalities import item_kind, standard_wording
    from scrutui.minutes import drafted_exclusion

    exclusion = drafted_exclusion(items, committee.jurisdiction) if item_kind(item.title) == "exclusion" else ""
    return voting.decision_lines(records, committee.recommendation_body) + standard_wording(
        item,
        roll=roll,
        previous_meeting=previous_meeting,
        exclusion=exclusion,
        declared=bool(roll and roll.declarations),
    )


class StandardWording:
    """The wordings offered for the current item, and which one the capture line shows."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.at = -1

    def offer(self, lines: list[str]) -> None:
        """Offer these wordings, from the first."""
        self.lines, self.at = lines, -1

    def clear(self) -> None:
        """Offer none (another item, or a vote changed the decision to offer)."""
        self.offer([])

    @property
    def shown(self) -> str | None:
        """The wording last put on the capture line."""
        return self.lines[self.at] if 0 <= self.at < len(self.lines) else None

    def next(self) -> str:
        """The next wording (after the last, the first again)."""
        self.at = (self.at + 1) % len(self.lines)
        return self.lines[self.at]

    def note(self, value: str) -> str:
        """Which wording `value` is, when it is the one shown ("" otherwise)."""
        if self.shown is None or value != self.shown:
            return ""
        return f"standard wording {self.at + 1} of {len(self.lines)}; F2: next"
