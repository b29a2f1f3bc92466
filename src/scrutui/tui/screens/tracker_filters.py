"""What the tracker screen shows: requests or recommendations, which status, which committee, asked
of whom and asked for by whom."""

from __future__ import annotations

from scrutui.store.tracker import StatusFilter, Tracked, TrackerQuery
from scrutui.tui.guard import guarded
from scrutui.tui.screens.tracker_part import TrackerPart

#: Status filters in the order `s` steps through them.
STATUS_ORDER = list(StatusFilter)


class TrackerFilters(TrackerPart):
    """The tracker's filters, changed from the keyboard (mixed into TrackerScreen)."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Refusing, withdrawing and who asked are for information requests only."""
        return not (
            action in ("refuse", "withdraw", "pick_asker") and self.kind is Tracked.RECOMMENDATIONS
        )

    def action_toggle_kind(self) -> None:
        """Switch between requests and recommendations."""
        self.kind = Tracked.RECOMMENDATIONS if self.kind is Tracked.REQUESTS else Tracked.REQUESTS
        if not self.status.applies_to(self.kind):
            self.status = StatusFilter.ALL
        self.of = ""
        self.refresh_bindings()
        self.load()

    def action_next_status(self) -> None:
        """Show the next status in turn."""
        order = [s for s in STATUS_ORDER if s.applies_to(self.kind)]
        self.status = order[(order.index(self.status) + 1) % len(order)]
        self.load()

    @guarded
    def action_pick_committee(self) -> None:
        """Show one committee, or all."""
        from scrutui.tui.screens.pick_list import PickList

        choices = [("All committees", "")] + [(c.name, str(c.id)) for c in self.store.committees.all()]

        def picked(value: str | None) -> None:
            if value is None:
                return
            self.committee_id = int(value) if value else None
            self.committee_name = dict((v, n) for n, v in choices).get(value, "") if value else ""
            self.load()

        self.app.push_screen(PickList("Show which committee?", choices, str(self.committee_id or "")), picked)

    @guarded
    def action_pick_of(self) -> None:
        """Show what was asked of one person or body, or of anyone."""
        from scrutui.tui.screens.pick_list import PickList

        query = TrackerQuery(
            as_at=self.as_at(),
            kind=self.kind,
            status=StatusFilter.ALL,
            committee_id=self.committee_id,
            action_log_item_id=self.action_log_item_id,
            confidential=self.shows_exempt,
        )
        names = self.store.tracker.names(query)
        everyone = "Anyone" if self.kind is Tracked.REQUESTS else "Any body"
        choices = [(everyone, "")] + [
            (f"{name or '(no one named)'}  ({count:,})", name) for name, count in names
        ]

        def picked(value: str | None) -> None:
            if value is None:
                return
            self.of = value
            self.load()

        title = "Asked of whom?" if self.kind is Tracked.REQUESTS else "Made to which body?"
        self.app.push_screen(PickList(title, choices, self.of), picked)

    @guarded
    def action_pick_asker(self) -> None:
        """Show the requests one member asked for, or everyone's."""
        from scrutui.tui.screens.pick_list import PickList

        query = TrackerQuery(
            as_at=self.as_at(),
            kind=Tracked.REQUESTS,
            status=StatusFilter.ALL,
            committee_id=self.committee_id,
            action_log_item_id=self.action_log_item_id,
        )
        names = self.store.tracker.names(query, askers=True)
        choices = [("Everyone (and the Committee)", "")] + [(f"{name}  ({count:,})", name) for name, count in names]

        def picked(value: str | None) -> None:
            if value is None:
                return
            self.asked_by = value
            self.load()

        self.app.push_screen(PickList("Asked for by whom?", choices, self.asked_by), picked)
