"""Committees, their house style, and the people who sit on or attend them."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from scrutui.errors import NotFound, ScrutuiError
from scrutui.models import HOUSE_STYLE, Committee, CommitteePerson, Membership, Person, Role, now
from scrutui.store.base import Handle, insert, update
from scrutui.store.damage import read_all, read_one

_COMMITTEE_COLUMNS = tuple(f for f in Committee.model_fields if f != "id")


def committee_from_row(row: dict[str, Any]) -> Committee:
    """A Committee from a database row."""
    return Committee.model_validate({k: row[k] for k in ("id", *_COMMITTEE_COLUMNS)})


class CommitteeRepository:
    """Reads and writes committees and their people."""

    def __init__(self, handle: Handle) -> None:
        self._h = handle

    def add(self, committee: Committee, people: list[tuple[Person, Role]] | None = None) -> Committee:
        """Save a new committee (and, optionally, its people) in one transaction. House-style
        settings the committee was not given are the council's (see :meth:`council_style`)."""
        if self.by_name(committee.name) is not None:
            raise ScrutuiError(f"There is already a committee called {committee.name!r}.")
        council = {k: v for k, v in self.council_style().items() if k not in committee.model_fields_set}
        if council:
            committee = Committee.model_validate({**committee.model_dump(), **council})
        values = committee.model_dump(mode="json", exclude={"id"})
        with self._h.write() as conn:
            committee_id = insert(conn, "committee", {**values, "created_at": now()})
            for person, role in people or []:
                self._add_person(conn, committee_id, person, role)
        return committee.model_copy(update={"id": committee_id})

    def update(self, committee: Committee) -> None:
        """Save changes to a committee's name, quorum or house style."""
        if committee.id is None:
            raise ValueError("committee has no id")
        other = self.by_name(committee.name)
        if other is not None and other.id != committee.id:
            raise ScrutuiError(f"There is already a committee called {committee.name!r}.")
        with self._h.write() as conn:
            update(conn, "committee", "id", committee.id, committee.model_dump(mode="json", exclude={"id"}))

    def get(self, committee_id: int) -> Committee:
        """The committee with this id."""
        row = self._h.row("SELECT * FROM committee WHERE id = ?", [committee_id])
        if row is None:
            raise NotFound(f"There is no committee with id {committee_id}.")
        return read_one("committee", row, committee_from_row)

    def by_name(self, name: str) -> Committee | None:
        """The committee with this name (ignoring case), if there is one."""
        row = self._h.row("SELECT * FROM committee WHERE name = ? COLLATE NOCASE", [name.strip()])
        return read_one("committee", row, committee_from_row) if row else None

    def all(self) -> list[Committee]:
        """Every committee, by name."""
        rows = self._h.rows("SELECT * FROM committee ORDER BY name")
        return read_all("committee", rows, committee_from_row, self._h.note_damage)

    def council_style(self) -> dict[str, Any]:
        """The council's own house style (the house-style fields of a committee), which a new
        committee copies; empty until a clerk makes one committee's style the council's."""
        found = self._h.scalar("SELECT style FROM council_house_style WHERE id = 1")
        if not found:
            return {}
        kept = json.loads(found)
        return {k: v for k, v in kept.items() if k in HOUSE_STYLE} if isinstance(kept, dict) else {}

    def set_council_style(self, committee: Committee) -> None:
        """Make `committee`'s house style the council's: new committees start from it."""
        style = json.dumps(committee.model_dump(mode="json", include=set(HOUSE_STYLE)), ensure_ascii=False)
        with self._h.write() as conn:
            conn.execute("INSERT OR REPLACE INTO council_house_style (id, style) VALUES (1, ?)", [style])

    def count(self) -> int:
        """How many committees there are."""
        return int(self._h.scalar("SELECT count(*) FROM committee"))

    # --- people ---------------------------------------------------------------------------------

    def people(self, committee_id: int) -> list[CommitteePerson]:
        """The committee's people now: members first (chair, vice-chair, members, co-opted), then others."""
        return [cp for cp, _ in self.served(committee_id)]

    def served(
        self, committee_id: int, on: dt.date | None = None
    ) -> list[tuple[CommitteePerson, Membership]]:
        """The committee's people with the dates they served: those serving now, or on a date."""
        order = {role: index for index, role in enumerate(Role)}
        params: list[object] = [committee_id]
        if on is None:
            when = "m.to_date IS NULL"
        else:
            when = "(m.from_date IS NULL OR m.from_date <= ?) AND (m.to_date IS NULL OR m.to_date >= ?)"
            params += [on.isoformat(), on.isoformat()]
        rows = self._h.rows(
            f"""SELECT p.id, p.name, p.title, m.role, m.from_date, m.to_date FROM membership m
                JOIN person p ON p.id = m.person_id WHERE m.committee_id = ? AND {when} ORDER BY p.name""",
            params,
        )
        found = [
            (
                CommitteePerson(
                    person=Person(id=r["id"], name=r["name"], title=r["title"]), role=Role(r["role"])
                ),
                Membership(
                    committee_id=committee_id,
                    person_id=r["id"],
                    role=Role(r["role"]),
                    from_date=r["from_date"],
                    to_date=r["to_date"],
                ),
            )
            for r in rows
        ]
        return sorted(found, key=lambda pair: order[pair[0].role])

    def add_person(
        self,
        committee_id: int,
        person: Person,
        role: Role,
        from_date: dt.date | None = None,
        to_date: dt.date | None = None,
    ) -> Person:
        """Add a person to the committee in a role (optionally with the dates they serve)."""
        with self._h.write() as conn:
            return self._add_person(conn, committee_id, person, role, from_date, to_date)

    def update_person(
        self,
        committee_id: int,
        person: Person,
        role: Role,
        from_date: dt.date | None = None,
        to_date: dt.date | None = None,
        *,
        dates: bool = False,
    ) -> None:
        """Change a person's name, title or role on the committee (and, with `dates`, when they
        served: a membership with an end date no longer counts after it)."""
        served = Membership(
            committee_id=committee_id,
            person_id=person.id or 0,
            role=role,
            from_date=from_date,
            to_date=to_date,
        )
        with self._h.write() as conn:
            update(conn, "person", "id", person.id, {"name": person.name, "title": person.title})
            conn.execute(
                "UPDATE membership SET role = ? WHERE committee_id = ? AND person_id = ? AND to_date IS NULL",
                [role.value, committee_id, person.id],
            )
            if dates:
                dumped = served.model_dump(mode="json")
                conn.execute(
                    """UPDATE membership SET from_date = ?, to_date = ?
                       WHERE committee_id = ? AND person_id = ? AND to_date IS NULL""",
                    [dumped["from_date"], dumped["to_date"], committee_id, person.id],
                )

    def remove_person(self, committee_id: int, person_id: int) -> None:
        """Take a person off the committee. Someone already recorded at a meeting keeps their
        membership, ended today, so past meetings still show them; anyone else is simply removed."""
        recorded = self._h.scalar(
            """SELECT EXISTS (SELECT 1 FROM attendance a JOIN meeting m ON m.id = a.meeting_id
                              WHERE m.committee_id = ? AND (a.person_id = ? OR a.substitute_for_id = ?))""",
            [committee_id, person_id, person_id],
        )
        with self._h.write() as conn:
            if recorded:
                conn.execute(
                    """UPDATE membership SET to_date = max(coalesce(from_date, ?), ?)
                       WHERE committee_id = ? AND person_id = ? AND to_date IS NULL""",
                    [dt.date.today().isoformat(), dt.date.today().isoformat(), committee_id, person_id],
                )
            else:
                conn.execute(
                    "DELETE FROM membership WHERE committee_id = ? AND person_id = ? AND to_date IS NULL",
                    [committee_id, person_id],
                )

    def first_minute_number(self, committee_id: int, year: int) -> int | None:
        """The first minute number set for one municipal year, if one is set."""
        found = self._h.scalar(
            "SELECT first_number FROM minute_year WHERE committee_id = ? AND year = ?", [committee_id, year]
        )
        return int(found) if found is not None else None

    def set_first_minute_number(self, committee_id: int, year: int, first: int | None) -> None:
        """Set (or, with None, clear) the first minute number of one municipal year."""
        if first is not None and not 1 <= first <= 1_000_000:
            raise ScrutuiError("The first minute number should be between 1 and 1,000,000.")
        with self._h.write() as conn:
            conn.execute("DELETE FROM minute_year WHERE committee_id = ? AND year = ?", [committee_id, year])
            if first is not None:
                conn.execute(
                    "INSERT INTO minute_year (committee_id, year, first_number) VALUES (?, ?, ?)",
                    [committee_id, year, first],
                )

    @staticmethod
    def _add_person(
        conn: Any,
        committee_id: int,
        person: Person,
        role: Role,
        from_date: dt.date | None = None,
        to_date: dt.date | None = None,
    ) -> Person:
        person_id = person.id or insert(conn, "person", {"name": person.name, "title": person.title})
        membership = Membership(
            committee_id=committee_id, person_id=person_id, role=role, from_date=from_date, to_date=to_date
        )
        insert(conn, "membership", membership.model_dump(mode="json"))
        return person.model_copy(update={"id": person_id})
