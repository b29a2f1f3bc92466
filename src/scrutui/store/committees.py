"""Committees, their house style, and the people who sit on or attend them."""

from __future__ import annotations

from typing import Any

from scrutui.errors import NotFound, ScrutuiError
from scrutui.models import Committee, CommitteePerson, Membership, Person, Role, now
from scrutui.store.base import Handle, insert, update

_COMMITTEE_COLUMNS = tuple(f for f in Committee.model_fields if f != "id")


def committee_from_row(row: dict[str, Any]) -> Committee:
    """A Committee from a database row."""
    return Committee.model_validate({k: row[k] for k in ("id", *_COMMITTEE_COLUMNS)})


class CommitteeRepository:
    """Reads and writes committees and their people."""

    def __init__(self, handle: Handle) -> None:
        self._h = handle

    def add(self, committee: Committee, people: list[tuple[Person, Role]] | None = None) -> Committee:
        """Save a new committee (and, optionally, its people) in one transaction."""
        if self.by_name(committee.name) is not None:
            raise ScrutuiError(f"There is already a committee called {committee.name!r}.")
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
        return committee_from_row(row)

    def by_name(self, name: str) -> Committee | None:
        """The committee with this name (ignoring case), if there is one."""
        row = self._h.row("SELECT * FROM committee WHERE name = ? COLLATE NOCASE", [name.strip()])
        return committee_from_row(row) if row else None

    def all(self) -> list[Committee]:
        """Every committee, by name."""
        return [committee_from_row(r) for r in self._h.rows("SELECT * FROM committee ORDER BY name")]

    def count(self) -> int:
        """How many committees there are."""
        return int(self._h.scalar("SELECT count(*) FROM committee"))

    # --- people ---------------------------------------------------------------------------------

    def people(self, committee_id: int) -> list[CommitteePerson]:
        """The committee's people: members first (chair, vice-chair, members, co-opted), then others."""
        order = {role: index for index, role in enumerate(Role)}
        rows = self._h.rows(
            """SELECT p.id, p.name, p.title, m.role FROM membership m JOIN person p ON p.id = m.person_id
               WHERE m.committee_id = ? AND m.to_date IS NULL ORDER BY p.name""",
            [committee_id],
        )
        found = [
            CommitteePerson(person=Person(id=r["id"], name=r["name"], title=r["title"]), role=Role(r["role"]))
            for r in rows
        ]
        return sorted(found, key=lambda cp: order[cp.role])

    def add_person(self, committee_id: int, person: Person, role: Role) -> Person:
        """Add a person to the committee in a role."""
        with self._h.write() as conn:
            return self._add_person(conn, committee_id, person, role)

    def update_person(self, committee_id: int, person: Person, role: Role) -> None:
        """Change a person's name, title or role on the committee."""
        with self._h.write() as conn:
            update(conn, "person", "id", person.id, {"name": person.name, "title": person.title})
            conn.execute(
                "UPDATE membership SET role = ? WHERE committee_id = ? AND person_id = ? AND to_date IS NULL",
                [role.value, committee_id, person.id],
            )

    def remove_person(self, committee_id: int, person_id: int) -> None:
        """Take a person off the committee (their past attendance and records stay)."""
        with self._h.write() as conn:
            conn.execute(
                "DELETE FROM membership WHERE committee_id = ? AND person_id = ?",
                [committee_id, person_id],
            )

    @staticmethod
    def _add_person(conn: Any, committee_id: int, person: Person, role: Role) -> Person:
        person_id = person.id or insert(conn, "person", {"name": person.name, "title": person.title})
        membership = Membership(committee_id=committee_id, person_id=person_id, role=role)
        insert(conn, "membership", membership.model_dump(mode="json"))
        return person.model_copy(update={"id": person_id})
