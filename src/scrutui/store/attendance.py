"""Who attended a meeting: the roll call, substitutes, arrivals and departures, and declarations of
interest. Every change is checked (a substitute sits only for a member; a declaration is made only by
someone present) and committed before the method returns."""

from __future__ import annotations

import sqlite3
from typing import Any

from scrutui.errors import NotFound, ScrutuiError
from scrutui.formalities import (
    HERE,
    AttendanceStatus,
    Declaration,
    Movement,
    MovementEvent,
    Roll,
    RollLine,
)
from scrutui.models import Role, clean_line, now
from scrutui.store.base import Handle, insert, update
from scrutui.store.locks import ensure_not_approved, meeting_of_item

#: The roles a substitute may sit for: the committee's councillors.
SUBSTITUTABLE = frozenset({Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER})
_ROLE_ORDER = {role: index for index, role in enumerate(Role)}


def _roll_order(line: RollLine) -> tuple[int, str]:
    if line.status is AttendanceStatus.SUBSTITUTE:
        group = 4  # after the members, before the officers
    elif line.role is None:
        group = 20
    else:
        group = _ROLE_ORDER[line.role] + (0 if line.role.is_member else 5)
    return group, line.name.casefold()


class AttendanceRepository:
    """Reads and writes a meeting's attendance and declarations."""

    def __init__(self, handle: Handle) -> None:
        self._h = handle

    # --- the roll call --------------------------------------------------------------------------

    def roll(self, meeting_id: int) -> list[RollLine]:
        """Everyone who could be at the meeting: the committee's people on its date (members first,
        then officers and other attendees), with substitutes and guests recorded for it."""
        meeting = self._h.row("SELECT committee_id, date FROM meeting WHERE id = ?", [meeting_id])
        if meeting is None:
            raise NotFound(f"There is no meeting with id {meeting_id}.")
        people = self._h.rows(
            """SELECT p.id, p.name, p.title, m.role FROM membership m JOIN person p ON p.id = m.person_id
               WHERE m.committee_id = ? AND (m.from_date IS NULL OR m.from_date <= ?)
                 AND (m.to_date IS NULL OR m.to_date >= ?)""",
            [meeting["committee_id"], meeting["date"], meeting["date"]],
        )
        recorded = {
            r["person_id"]: r
            for r in self._h.rows(
                """SELECT a.person_id, a.status, a.substitute_for_id, p.name, p.title, s.name AS for_name
                   FROM attendance a JOIN person p ON p.id = a.person_id
                   LEFT JOIN person s ON s.id = a.substitute_for_id WHERE a.meeting_id = ?""",
                [meeting_id],
            )
        }
        roles: dict[int, tuple[str, str, Role | None]] = {}
        for r in people:
            role = Role(r["role"])
            held = roles.get(r["id"])
            if held is None or held[2] is None or _ROLE_ORDER[role] < _ROLE_ORDER[held[2]]:
                roles[r["id"]] = (r["name"], r["title"], role)
        lines = []
        for person_id in dict.fromkeys([*roles, *recorded]):
            found = recorded.get(person_id)
            name, title, role = roles.get(
                person_id, (found["name"], found["title"], None) if found else ("", "", None)
            )
            lines.append(
                RollLine(
                    person_id=person_id,
                    name=name,
                    title=title,
                    role=role,
                    status=AttendanceStatus(found["status"]) if found else None,
                    substitute_for_id=found["substitute_for_id"] if found else None,
                    substitute_for=(found["for_name"] or "") if found else "",
                )
            )
        return sorted(lines, key=_roll_order)

    def line(self, meeting_id: int, person_id: int) -> RollLine:
        """One person's line of the roll call."""
        found = next((line for line in self.roll(meeting_id) if line.person_id == person_id), None)
        if found is None:
            raise NotFound("That person is not on this committee's list or recorded at this meeting.")
        return found

    def set_status(self, meeting_id: int, person_id: int, status: AttendanceStatus | None) -> RollLine:
        """Record someone as present, sending apologies, absent or in attendance (None clears it).

        Someone who is not a member is recorded "in attendance" when marked present. A substitute is
        added with :meth:`add_substitute`.
        """
        ensure_not_approved(self._h, meeting_id)
        with self._h.write() as conn:
            self.write_status(conn, meeting_id, person_id, status)
        return self.line(meeting_id, person_id)

    def write_status(
        self, conn: sqlite3.Connection, meeting_id: int, person_id: int, status: AttendanceStatus | None
    ) -> None:
        """Check and write a status inside a transaction (no approved-minutes check)."""
        line = self.line(meeting_id, person_id)
        if status is AttendanceStatus.SUBSTITUTE:
            raise ScrutuiError("Record a substitute against the member they replace (s on that member).")
        if line.status is AttendanceStatus.SUBSTITUTE and status is not None:
            raise ScrutuiError(
                f"{line.name} is here as a substitute for {line.substitute_for}: clear the line first to "
                "record them otherwise."
            )
        if status is AttendanceStatus.PRESENT and not line.is_member:
            status = AttendanceStatus.IN_ATTENDANCE
        if status is AttendanceStatus.IN_ATTENDANCE and line.is_member:
            status = AttendanceStatus.PRESENT
        if status in HERE:
            sitting = self._substitute_for(meeting_id, person_id)
            if sitting:
                raise ScrutuiError(
                    f"{sitting} is substituting for {line.name}: clear the substitute first to mark "
                    f"{line.name} present."
                )
        if status is None:
            conn.execute(
                "DELETE FROM attendance WHERE meeting_id = ? AND person_id = ?", [meeting_id, person_id]
            )
            return
        conn.execute(
            """INSERT INTO attendance (meeting_id, person_id, status, substitute_for_id) VALUES (?, ?, ?, NULL)
               ON CONFLICT (meeting_id, person_id) DO UPDATE SET status = excluded.status,
               substitute_for_id = NULL""",
            [meeting_id, person_id, status.value],
        )

    def _substitute_for(self, meeting_id: int, member_id: int) -> str:
        found = self._h.scalar(
            """SELECT p.name FROM attendance a JOIN person p ON p.id = a.person_id
               WHERE a.meeting_id = ? AND a.substitute_for_id = ?""",
            [meeting_id, member_id],
        )
        return str(found) if found else ""

    def add_substitute(self, meeting_id: int, name: str, for_person_id: int) -> RollLine:
        """Record `name` (found among the people scrutui knows, or added) substituting for a member.

        The member must be one of the committee's councillors on the meeting's date, not marked
        present and without another substitute; they are recorded as sending apologies if nothing
        was recorded for them. The substitute must not be a member of the committee themselves.
        """
        ensure_not_approved(self._h, meeting_id)
        typed = clean_line(name)
        if not typed:
            raise ScrutuiError("Type the name of the substitute.")
        roll = self.roll(meeting_id)
        member = next((line for line in roll if line.person_id == for_person_id), None)
        if member is None or member.role not in SUBSTITUTABLE:
            who = member.name if member else "That person"
            raise ScrutuiError(
                f"{who} is not a member of the committee: a substitute sits only for one of its councillors."
            )
        if member.status in HERE:
            raise ScrutuiError(
                f"{member.name} is marked present: a substitute sits only for a member who is not here."
            )
        sitting = self._substitute_for(meeting_id, for_person_id)
        if sitting:
            raise ScrutuiError(f"{sitting} is already substituting for {member.name}.")
        existing = self._h.row(
            "SELECT id, name FROM person WHERE name = ? COLLATE NOCASE ORDER BY id LIMIT 1", [typed]
        )
        if existing is not None:
            line = next((line for line in roll if line.person_id == existing["id"]), None)
            if line is not None and line.is_member:
                raise ScrutuiError(
                    f"{existing['name']} is a member of the committee, so cannot be a substitute: mark them "
                    "present."
                )
            if line is not None and line.status is not None:
                raise ScrutuiError(
                    f"{existing['name']} is already recorded at this meeting ({line.status.label})."
                )
        with self._h.write() as conn:
            person_id = existing["id"] if existing else insert(conn, "person", {"name": typed, "title": ""})
            if member.status is None:
                conn.execute(
                    "INSERT INTO attendance (meeting_id, person_id, status) VALUES (?, ?, 'apologies')",
                    [meeting_id, for_person_id],
                )
            conn.execute(
                """INSERT INTO attendance (meeting_id, person_id, status, substitute_for_id)
                   VALUES (?, ?, 'substitute', ?)""",
                [meeting_id, person_id, for_person_id],
            )
        return self.line(meeting_id, person_id)

    # --- arrivals and departures ----------------------------------------------------------------

    def movements(self, meeting_id: int) -> list[MovementEvent]:
        """The meeting's arrivals and departures, in time order."""
        rows = self._h.rows(
            "SELECT * FROM attendance_event WHERE meeting_id = ? ORDER BY at, id", [meeting_id]
        )
        return [
            MovementEvent(r["id"], r["person_id"], Movement(r["movement"]), r["at"], r["agenda_item_id"])
            for r in rows
        ]

    def record_movement(
        self,
        meeting_id: int,
        person_id: int,
        movement: Movement,
        agenda_item_id: int | None,
        at: str | None = None,
    ) -> MovementEvent:
        """Stamp an arrival or departure with the time (now, unless given) and the current item.

        Someone arriving who was not recorded as here (or sent apologies) is recorded as present.
        """
        ensure_not_approved(self._h, meeting_id)
        if agenda_item_id is not None and meeting_of_item(self._h, agenda_item_id) != meeting_id:
            raise ScrutuiError("That agenda item is not one of this meeting's.")
        roll = self.roll_state(meeting_id)
        line = roll.line(person_id)
        if line is None:
            raise NotFound("That person is not on this committee's list or recorded at this meeting.")
        here = roll.here_now(person_id)
        moved = any(event.person_id == person_id for event in roll.events)
        if movement is Movement.LEFT and not here:
            raise ScrutuiError(f"{line.name} is not in the meeting, so cannot leave it.")
        # Someone marked present in the roll call who has not moved yet may still be recorded
        # arriving: they were marked present ahead of arriving late.
        if movement is Movement.ARRIVED and here and moved:
            raise ScrutuiError(f"{line.name} is already in the meeting.")
        stamp = at or now()
        with self._h.write() as conn:
            if movement is Movement.ARRIVED and line.status not in HERE:
                self.write_status(conn, meeting_id, person_id, AttendanceStatus.PRESENT)
            event_id = insert(
                conn,
                "attendance_event",
                {
                    "meeting_id": meeting_id,
                    "person_id": person_id,
                    "movement": movement.value,
                    "at": stamp,
                    "agenda_item_id": agenda_item_id,
                },
            )
        return MovementEvent(event_id, person_id, movement, stamp, agenda_item_id)

    def delete_movement(self, event_id: int) -> None:
        """Remove an arrival or departure recorded by mistake."""
        meeting_id = self._h.scalar("SELECT meeting_id FROM attendance_event WHERE id = ?", [event_id])
        if meeting_id is None:
            return
        ensure_not_approved(self._h, int(meeting_id))
        with self._h.write() as conn:
            conn.execute("DELETE FROM attendance_event WHERE id = ?", [event_id])

    # --- declarations ---------------------------------------------------------------------------

    def declarations(self, meeting_id: int) -> list[Declaration]:
        """The meeting's declarations of interest, in the order made."""
        rows = self._h.rows("SELECT * FROM declaration WHERE meeting_id = ? ORDER BY id", [meeting_id])
        return [_declaration_from_row(r) for r in rows]

    def declare(self, declaration: Declaration) -> Declaration:
        """Save a declaration (new, or edited) made by someone present, about one of the meeting's items."""
        meeting_id = declaration.meeting_id
        ensure_not_approved(self._h, meeting_id)
        if meeting_of_item(self._h, declaration.agenda_item_id) != meeting_id:
            raise ScrutuiError("That agenda item is not one of this meeting's.")
        line = next((x for x in self.roll(meeting_id) if x.person_id == declaration.person_id), None)
        if line is None or line.status not in HERE:
            who = line.name if line else "That person"
            raise ScrutuiError(
                f"{who} is not recorded as present at this meeting: record them in the roll call before "
                "their declaration."
            )
        values = declaration.model_dump(mode="json", exclude={"id"})
        with self._h.write() as conn:
            if declaration.id is None:
                declaration_id = insert(conn, "declaration", {**values, "created_at": now()})
                return declaration.model_copy(update={"id": declaration_id})
            update(conn, "declaration", "id", declaration.id, values)
        return declaration

    def delete_declaration(self, declaration_id: int) -> None:
        """Remove a declaration recorded by mistake."""
        meeting_id = self._h.scalar("SELECT meeting_id FROM declaration WHERE id = ?", [declaration_id])
        if meeting_id is None:
            return
        ensure_not_approved(self._h, int(meeting_id))
        with self._h.write() as conn:
            conn.execute("DELETE FROM declaration WHERE id = ?", [declaration_id])

    # --- all of it ------------------------------------------------------------------------------

    def roll_state(self, meeting_id: int) -> Roll:
        """The roll call, movements and declarations together, for the quorum and the minutes."""
        quorum = self._h.scalar(
            "SELECT c.quorum FROM meeting m JOIN committee c ON c.id = m.committee_id WHERE m.id = ?",
            [meeting_id],
        )
        return Roll(
            self.roll(meeting_id), self.movements(meeting_id), self.declarations(meeting_id), int(quorum or 1)
        )


def _declaration_from_row(row: dict[str, Any]) -> Declaration:
    return Declaration.model_validate({k: row[k] for k in Declaration.model_fields})
