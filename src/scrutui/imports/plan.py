"""What an imported agenda does to the agenda on file: items added, changed, removed and kept.

Imported items are matched to the items on file by ModernGov's id when the import has them, else by
title and agenda number together, then by title, then by number (never a minuted item by its
number alone). A minuted item is never changed, taken out of its order among the
minuted items, or removed: an item dropped from the imported agenda after minuting began under it is
kept and reported. The agenda takes the import's order, except that minuted items keep theirs. Items
typed by hand into an agenda imported from ModernGov, and a meeting's action log, are kept after the
item they followed. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from scrutui.models import MAX_SHORT, AgendaItem, clean_line, clean_text
from scrutui.store.agenda_import import AgendaWrite, ItemOnFile


class Change(StrEnum):
    """What an import does to one item."""

    ADD = "add"
    UPDATE = "update"
    SAME = "same"
    #: On file and in the import, but minuted: kept exactly as it is.
    MINUTED = "minuted"
    #: Not in the import, and not the import's to remove (typed by hand; the action log): kept.
    OWN = "own"
    REMOVE = "remove"
    #: No longer in the import, but minuting has begun under it: kept, and reported.
    DROPPED = "dropped"


#: How a preview marks each item.
CHANGE_WORDS = {
    Change.ADD: "new",
    Change.UPDATE: "changed",
    Change.SAME: "same",
    Change.MINUTED: "minuted, kept",
    Change.OWN: "kept",
    Change.REMOVE: "removed",
    Change.DROPPED: "dropped, kept",
}


def one_line(text: str) -> str:
    """Text from elsewhere as one line scrutui can store: cleaned, and shortened (…) if too long."""
    text = clean_line(text)
    return text if len(text) <= MAX_SHORT else text[: MAX_SHORT - 1].rstrip() + "…"


@dataclass(frozen=True)
class ImportedItem:
    """An agenda item as a source gives it. An exempt item's title is its public title."""

    number: str
    title: str
    purpose: str = ""
    exempt_paragraph: int | None = None
    #: The item's id in its source (ModernGov's agendaitemid), if it has one.
    source_id: str | None = None

    @classmethod
    def cleaned(
        cls,
        number: str,
        title: str,
        purpose: str = "",
        exempt_paragraph: int | None = None,
        source_id: str | None = None,
    ) -> ImportedItem:
        """An item with its text cleaned as scrutui stores text (overlong titles shortened)."""
        return cls(
            number=one_line(number).rstrip(".").strip()[:20],
            title=one_line(title),
            purpose="" if exempt_paragraph is not None else clean_text(purpose),
            exempt_paragraph=exempt_paragraph,
            source_id=source_id,
        )

    def fields(self, before: AgendaItem | None = None) -> dict[str, object]:
        """The agenda item fields this item sets (an exempt item keeps a public title already set)."""
        exempt = self.exempt_paragraph is not None
        public = (
            (before.public_title if before is not None and before.public_title else self.title)
            if exempt
            else ""
        )
        return {
            "number": self.number,
            "title": self.title,
            "purpose": self.purpose,
            "exempt_paragraph": self.exempt_paragraph,
            "public_title": public,
        }


@dataclass(frozen=True)
class PlannedItem:
    """One item of the plan: what happens to it, and the item as it will be (or is, if kept)."""

    change: Change
    item: AgendaItem
    source_id: str | None = None
    #: For a minuted item the import would have changed: what the import says of it now.
    incoming: ImportedItem | None = None

    @property
    def label(self) -> str:
        """ "4 Winter pressures" (the item's number and title)."""
        return f"{self.item.number} {self.item.title}".strip()


@dataclass(frozen=True)
class AgendaPlan:
    """What an import will do to one meeting's agenda."""

    meeting_id: int
    #: The agenda after the import, in order.
    agenda: tuple[PlannedItem, ...]
    #: Items the import takes off the agenda (nothing is minuted under them).
    removed: tuple[PlannedItem, ...] = ()
    #: Anything else worth saying (the order kept because minuting has begun ...).
    notes: tuple[str, ...] = field(default_factory=tuple)
    #: True when the items on file change their order.
    reordered: bool = False

    def count(self, change: Change) -> int:
        """How many items the import treats this way."""
        return sum(1 for p in (*self.agenda, *self.removed) if p.change is change)

    @property
    def changes_anything(self) -> bool:
        """True when writing the plan would change the agenda."""
        return (
            self.reordered
            or bool(self.removed)
            or any(p.change in (Change.ADD, Change.UPDATE) for p in self.agenda)
        )

    def writes(self) -> list[AgendaWrite]:
        """The agenda as the store writes it."""
        return [
            AgendaWrite(p.item, p.source_id, write=p.change in (Change.ADD, Change.UPDATE))
            for p in self.agenda
        ]

    def removals(self) -> list[int]:
        """The ids of the items taken off the agenda."""
        return [p.item.id for p in self.removed if p.item.id is not None]

    def summary(self) -> str:
        """One line: "Adds 5 items, changes 2, removes 1 (3 unchanged); keeps 2 minuted items as they are." """
        done = [
            (count, verb)
            for count, verb in (
                (self.count(Change.ADD), "adds"),
                (self.count(Change.UPDATE), "changes"),
                (self.count(Change.REMOVE), "removes"),
            )
            if count
        ]
        same = self.count(Change.SAME)
        if done:
            first, *rest = done
            text = f"{first[1]} {_items(first[0])}" + "".join(f", {verb} {count}" for count, verb in rest)
            text += f" ({same} unchanged)" if same else ""
        elif self.reordered:
            text = "puts the items in the imported order"
        else:
            text = "nothing to change" + (f" ({_items(same)} as on file)" if same else "")
        kept = self.count(Change.MINUTED) + self.count(Change.DROPPED)
        if kept:
            text += f"; keeps {_items(kept).replace('item', 'minuted item')} as {'it is' if kept == 1 else 'they are'}"
        own = self.count(Change.OWN)
        if own:
            text += f"; keeps {_items(own).replace('item', 'other item')} where {'it is' if own == 1 else 'they are'}"
        return text[0].upper() + text[1:] + "."

    def report(self) -> list[str]:
        """A line for each thing the clerk should know: items dropped after minuting began, minuted
        items the import would have changed, and the notes."""
        lines = []
        for planned in self.agenda:
            if planned.change is Change.DROPPED:
                lines.append(
                    f"Item {planned.label} is no longer on the imported agenda, but minuting has begun "
                    "under it: it is kept."
                )
            elif planned.change is Change.MINUTED and planned.incoming is not None:
                lines.append(
                    f"Item {planned.label} is minuted, so it is kept as it is ({_difference(planned)})."
                )
        return [*lines, *self.notes]


def _difference(planned: PlannedItem) -> str:
    """What the import would have changed on a minuted item, in words."""
    incoming, item = planned.incoming, planned.item
    assert incoming is not None
    if (incoming.number, incoming.title) != (item.number, item.title):
        return f"the import now reads {f'{incoming.number} {incoming.title}'.strip()!r}"
    if incoming.exempt_paragraph != item.exempt_paragraph:
        if incoming.exempt_paragraph is None:
            return "the import has it as a public item"
        return f"the import has it exempt under paragraph {incoming.exempt_paragraph}"
    return "the import gives it another purpose"


def _items(count: int) -> str:
    return f"{count} item" if count == 1 else f"{count} items"


def _fold(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.casefold()).strip()


def _number_key(number: str) -> str:
    return re.sub(r"[\s.]+", "", number.casefold()).removeprefix("item")


def _differs(item: AgendaItem, incoming: ImportedItem) -> bool:
    wanted = incoming.fields(item)
    return any(getattr(item, name) != value for name, value in wanted.items() if name != "public_title")


def _title_key(item: ImportedItem | AgendaItem) -> str:
    return _fold(item.title)


def _agenda_number_key(item: ImportedItem | AgendaItem) -> str:
    return _number_key(item.number)


def _title_and_number_key(item: ImportedItem | AgendaItem) -> str:
    number = _number_key(item.number)
    return f"{number} {_fold(item.title)}" if number else ""


Token = tuple[str, int]


def _weave(base: Sequence[Token], extra: Iterable[Token], reference: Sequence[Token]) -> list[Token]:
    """`base` in its order, each of `extra` put straight after the nearest token before it in
    `reference` that is already placed (or first, if none is)."""
    result = list(base)
    for token in sorted(extra, key=reference.index):
        at = reference.index(token)
        anchor = next((reference[j] for j in range(at - 1, -1, -1) if reference[j] in result), None)
        result.insert(result.index(anchor) + 1 if anchor is not None else 0, token)
    return result


def _order(
    new_order: Sequence[Token], old_order: Sequence[Token], kept: Sequence[Token], minuted: Sequence[Token]
) -> tuple[list[Token], bool]:
    """The agenda's order after the import, and whether the import would have reordered minuted items.

    The minuted items stay in their order on file and the others fall into the gaps between them.
    An imported item goes after the minuted items before it in the import, and after the minuted
    items no longer in the import that it followed on file (so imported items keep the import's
    order); an item kept from the file goes after the item it followed on file. Importing the same
    agenda again gives the same order.
    """
    rank = {token: index for index, token in enumerate(minuted)}
    in_import = set(new_order)
    on_file_gap: dict[Token, int] = {}
    after_dropped: dict[Token, int] = {}
    latest = dropped = -1
    for token in old_order:
        if token in rank:
            latest = rank[token]
            if token not in in_import:
                dropped = rank[token]
        else:
            on_file_gap[token] = latest + 1
        after_dropped[token] = dropped + 1
    gap: dict[Token, int] = {}
    lowest = 0
    for token in new_order:
        if token in rank:
            lowest = max(lowest, rank[token] + 1)
        else:
            gap[token] = lowest = max(lowest, after_dropped.get(token, 0))
    free = [token for token in kept if token not in rank]
    for token in free:
        gap[token] = on_file_gap[token]
    order: list[Token] = []
    for index in range(len(minuted) + 1):
        imported_here = [t for t in new_order if gap.get(t) == index]
        reference = [t for t in old_order if on_file_gap.get(t) == index]
        order += _weave(imported_here, [t for t in free if gap[t] == index], reference)
        if index < len(minuted):
            order.append(minuted[index])
    in_import_order = [t for t in new_order if t in rank]
    return order, in_import_order != sorted(in_import_order, key=rank.__getitem__)


def plan_agenda(
    meeting_id: int, on_file: Sequence[ItemOnFile], imported: Sequence[ImportedItem]
) -> AgendaPlan:
    """Work out what importing `imported` does to the agenda `on_file` (see the module's notes)."""
    by_source = any(i.source_id for i in imported)
    match: dict[int, ItemOnFile] = {}  # imported index -> item on file
    taken: set[int] = set()
    if by_source:
        known = {f.source_id: f for f in on_file if f.source_id}
        for index, incoming in enumerate(imported):
            found = known.get(incoming.source_id) if incoming.source_id else None
            if found is not None and found.item.id not in taken:
                match[index] = found
                taken.add(found.item.id or 0)
    # Then by title and number, by title, and by number: in a ModernGov import, only items without ModernGov's id (an
    # id not on file is a new item) and only against items imported from there.
    candidates = [f for f in on_file if f.item.id not in taken and (not by_source or f.source_id)]
    for key in (_title_and_number_key, _title_key, _agenda_number_key):
        # A number alone never matches a minuted item: it could not take the new title, and the
        # item imported under that number would be lost.
        waiting: dict[str, list[ItemOnFile]] = {}
        # Of items on file alike by this key, a minuted one (then one the action log keeps) is the
        # one the import means: matching another would leave that one kept beside it, and the next
        # import could match the kept one and remove the other, so a second import would change things.
        for candidate in sorted(candidates, key=lambda f: (not f.minuted, not f.action_log)):
            if not (candidate.minuted and key is _agenda_number_key):
                waiting.setdefault(key(candidate.item), []).append(candidate)
        for index, incoming in enumerate(imported):
            wanted = key(incoming)
            if index in match or not wanted or (by_source and incoming.source_id):
                continue
            found = next((f for f in waiting.get(wanted, ()) if f.item.id not in taken), None)
            if found is not None:
                match[index] = found
                taken.add(found.item.id or 0)

    planned: dict[Token, PlannedItem] = {}
    new_order: list[Token] = []
    for index, incoming in enumerate(imported):
        found = match.get(index)
        if found is None:
            token: Token = ("new", index)
            item = AgendaItem.model_validate({"meeting_id": meeting_id, **incoming.fields()})
            planned[token] = PlannedItem(Change.ADD, item, incoming.source_id)
        else:
            token = ("file", found.item.id or 0)
            differs = _differs(found.item, incoming)
            if found.minuted:
                planned[token] = PlannedItem(
                    Change.MINUTED, found.item, incoming.source_id, incoming if differs else None
                )
            elif differs:
                changed = found.item.model_copy(update=incoming.fields(found.item))
                planned[token] = PlannedItem(Change.UPDATE, changed, incoming.source_id)
            else:
                planned[token] = PlannedItem(Change.SAME, found.item, incoming.source_id)
        new_order.append(token)

    removed: list[PlannedItem] = []
    old_order: list[Token] = []
    kept: list[Token] = []
    for item_on_file in on_file:
        token = ("file", item_on_file.item.id or 0)
        if token in planned:
            old_order.append(token)
            continue
        ours = not by_source or item_on_file.source_id is not None
        if item_on_file.minuted:
            change = Change.DROPPED if ours else Change.OWN
        elif item_on_file.action_log or not ours:
            change = Change.OWN
        else:
            removed.append(PlannedItem(Change.REMOVE, item_on_file.item, item_on_file.source_id))
            continue
        planned[token] = PlannedItem(change, item_on_file.item, item_on_file.source_id)
        old_order.append(token)
        kept.append(token)

    order, reordered_minuted = _order(
        new_order, old_order, kept, [("file", f.item.id or 0) for f in on_file if f.minuted]
    )
    notes: list[str] = []
    if reordered_minuted:
        notes.append("The minuted items keep their order on file; the import's order is used for the others.")
    reordered = [t for t in order if t[0] == "file"] != old_order
    return AgendaPlan(meeting_id, tuple(planned[t] for t in order), tuple(removed), tuple(notes), reordered)
