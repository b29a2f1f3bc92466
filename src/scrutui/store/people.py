"""Who is known to a meeting: its committee's members and regular attendees, by name and title.

Capture-line completion offers these names, and a name typed that is not among them is offered for
adding to the committee.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from scrutui.models import CommitteePerson, Person, Role
from scrutui.store.base import Handle


@dataclass(frozen=True)
class KnownPeople:
    """The people known to one meeting, and every way they may be typed."""

    people: tuple[CommitteePerson, ...]

    def names(self) -> list[str]:
        """Every name and title, for completion (names first)."""
        found = [cp.person.name for cp in self.people]
        found += [cp.person.title for cp in self.people if cp.person.title]
        return list(dict.fromkeys(found))

    def find(self, typed: str) -> CommitteePerson | None:
        """The person a typed name or title refers to, ignoring case and a leading "the"."""
        wanted = _fold(typed)
        return self._by_folded.get(wanted) if wanted else None

    @functools.cached_property
    def _by_folded(self) -> dict[str, CommitteePerson]:
        # Every way each person may be typed, folded once (the minutes look people up for every
        # question and answer of an item); the first person a folding names wins, as in order.
        found: dict[str, CommitteePerson] = {}
        for cp in self.people:
            for typed in (cp.person.name, cp.person.title):
                folded = _fold(typed)
                if folded:
                    found.setdefault(folded, cp)
        return found

    def is_known(self, typed: str) -> bool:
        """True when `typed` names someone known to the meeting."""
        return self.find(typed) is not None


def _fold(text: str) -> str:
    text = " ".join(text.split()).casefold()
    text = text.removeprefix("the ")
    return text.replace("cllr ", "councillor ").replace("cllr. ", "councillor ")


class PeopleDirectory:
    """Looks up the people known to a meeting."""

    def __init__(self, handle: Handle) -> None:
        self._h = handle

    def for_meeting(self, meeting_id: int) -> KnownPeople:
        """The committee's people on the meeting's date plus anyone recorded as attending it."""
        rows = self._h.rows(
            """SELECT p.id, p.name, p.title, m.role FROM meeting mt
               JOIN membership m ON m.committee_id = mt.committee_id
                    AND (m.from_date IS NULL OR m.from_date <= mt.date)
                    AND (m.to_date IS NULL OR m.to_date >= mt.date)
               JOIN person p ON p.id = m.person_id WHERE mt.id = ?
               UNION
               SELECT p.id, p.name, p.title, 'witness' FROM attendance at JOIN person p ON p.id = at.person_id
               WHERE at.meeting_id = ?""",
            [meeting_id, meeting_id],
        )
        return _known(rows)

    def for_committee(self, committee_id: int) -> KnownPeople:
        """Everyone who has sat on the committee or attended one of its meetings (to name people in
        lists that span its meetings)."""
        rows = self._h.rows(
            """SELECT p.id, p.name, p.title, m.role FROM membership m JOIN person p ON p.id = m.person_id
               WHERE m.committee_id = ?
               UNION
               SELECT p.id, p.name, p.title, 'witness' FROM attendance at
               JOIN meeting mt ON mt.id = at.meeting_id JOIN person p ON p.id = at.person_id
               WHERE mt.committee_id = ?""",
            [committee_id, committee_id],
        )
        return _known(rows)


def _known(rows: list[dict[str, Any]]) -> KnownPeople:
    """People from rows of id, name, title and role; a member's role wins over attending."""
    seen: dict[int, CommitteePerson] = {}
    for r in rows:
        if r["id"] not in seen or Role(r["role"]).is_member:
            seen[r["id"]] = CommitteePerson(
                person=Person(id=r["id"], name=r["name"], title=r["title"]), role=Role(r["role"])
            )
    return KnownPeople(tuple(seen.values()))
