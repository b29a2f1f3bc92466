"""Writing an imported agenda, and remembering where it came from (ModernGov's ids).

An import never touches a minuted item: an item is minuted once it has been taken (a start time or
a minute number), or once anything is recorded under it (a record, even a deleted one that undo can
bring back; a declaration; an arrival or departure; a correction). That is checked again inside the
transaction that writes, so an item minuted on another computer after the preview is still safe.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scrutui.errors import ScrutuiError
from scrutui.formalities import check_exempt_paragraph
from scrutui.models import AgendaItem, Jurisdiction, now
from scrutui.store.base import Handle, insert, update
from scrutui.store.locks import ensure_draft
from scrutui.store.meetings import item_from_row

#: True for a minuted agenda item (a query over agenda items aliased a).
MINUTED_SQL = """(a.started_at IS NOT NULL OR a.minute_number <> ''
    OR EXISTS (SELECT 1 FROM record r WHERE r.agenda_item_id = a.id)
    OR EXISTS (SELECT 1 FROM declaration d WHERE d.agenda_item_id = a.id)
    OR EXISTS (SELECT 1 FROM attendance_event e WHERE e.agenda_item_id = a.id)
    OR EXISTS (SELECT 1 FROM correction c WHERE c.agenda_item_id = a.id))"""

#: The fields of an agenda item an import sets. The public summary, times and minute number are the
#: clerk's and scrutui's own.
IMPORTED_FIELDS = ("number", "title", "purpose", "exempt_paragraph", "public_title")


@dataclass(frozen=True)
class ItemOnFile:
    """An agenda item as an import finds it."""

    item: AgendaItem
    minuted: bool
    #: The meeting's action log: scrutui's own item, which an import leaves where it is.
    action_log: bool
    #: Its id in ModernGov, when it was imported from there.
    source_id: str | None


@dataclass(frozen=True)
class AgendaWrite:
    """One item of the agenda as the import leaves it, in order."""

    item: AgendaItem  # without an id: a new item
    source_id: str | None = None
    #: Write its imported fields (a new item, or one the import changes); else only its place.
    write: bool = False


class AgendaImportRepository:
    """Reads the agenda an import is planned against, writes the result, and keeps ModernGov's ids."""

    def __init__(self, handle: Handle) -> None:
        self._h = handle

    def items_on_file(self, meeting_id: int) -> list[ItemOnFile]:
        """The meeting's agenda in order, each item with whether it is minuted."""
        rows = self._h.rows(
            f"""SELECT a.*, {MINUTED_SQL} AS minuted,
                       EXISTS (SELECT 1 FROM action_log l WHERE l.agenda_item_id = a.id) AS is_log,
                       g.moderngov_id AS source_id
                FROM agenda_item a LEFT JOIN moderngov_agenda_item g ON g.agenda_item_id = a.id
                WHERE a.meeting_id = ? ORDER BY a.position, a.id""",
            [meeting_id],
        )
        return [
            ItemOnFile(item_from_row(r), bool(r["minuted"]), bool(r["is_log"]), r["source_id"]) for r in rows
        ]

    def write_agenda(
        self, meeting_id: int, agenda: Sequence[AgendaWrite], remove: Sequence[int] = ()
    ) -> list[AgendaItem]:
        """Make the meeting's agenda `agenda`, in that order, taking the items `remove` off it, all in
        one transaction. Refused (nothing written) if the minutes are issued, or if an item to be
        changed or removed has been minuted since the import was planned."""
        ensure_draft(self._h, meeting_id, "its agenda cannot be imported again")
        jurisdiction = Jurisdiction(
            self._h.scalar(
                "SELECT c.jurisdiction FROM meeting m JOIN committee c ON c.id = m.committee_id WHERE m.id = ?",
                [meeting_id],
            )
        )
        for entry in agenda:
            if entry.write:
                check_exempt_paragraph(jurisdiction, entry.item.exempt_paragraph)
        changed = [e.item.id for e in agenda if e.write and e.item.id is not None]
        with self._h.write() as conn:
            self._refuse_minuted(meeting_id, [*changed, *remove])
            for item_id in remove:
                conn.execute("DELETE FROM agenda_item WHERE id = ? AND meeting_id = ?", [item_id, meeting_id])
            for position, entry in enumerate(agenda, start=1):
                if entry.item.id is None:
                    data = entry.item.model_dump(mode="json", exclude={"id"})
                    item_id = insert(
                        conn, "agenda_item", {**data, "meeting_id": meeting_id, "position": position}
                    )
                elif entry.write:
                    item_id = entry.item.id
                    values = entry.item.model_dump(mode="json", include=set(IMPORTED_FIELDS))
                    update(conn, "agenda_item", "id", item_id, {**values, "position": position})
                else:
                    item_id = entry.item.id
                    conn.execute("UPDATE agenda_item SET position = ? WHERE id = ?", [position, item_id])
                if entry.source_id is not None:
                    conn.execute(
                        "INSERT OR REPLACE INTO moderngov_agenda_item (agenda_item_id, moderngov_id) VALUES (?, ?)",
                        [item_id, entry.source_id],
                    )
        return [
            item_from_row(r)
            for r in self._h.rows(
                "SELECT * FROM agenda_item WHERE meeting_id = ? ORDER BY position, id", [meeting_id]
            )
        ]

    def _refuse_minuted(self, meeting_id: int, item_ids: Sequence[int]) -> None:
        if not item_ids:
            return
        marks = ", ".join("?" for _ in item_ids)
        found = self._h.row(
            f"""SELECT a.number, a.title FROM agenda_item a
                WHERE a.meeting_id = ? AND a.id IN ({marks}) AND {MINUTED_SQL} LIMIT 1""",
            [meeting_id, *item_ids],
        )
        if found is not None:
            name = f"{found['number']} {found['title']}".strip()
            raise ScrutuiError(
                f"Item {name} has been minuted since this import was prepared, so nothing was imported; "
                "import again to see what would change."
            )

    # --- ModernGov's ids ------------------------------------------------------------------------

    def committee_from(self, moderngov_id: str) -> int | None:
        """The committee imported from this ModernGov committee, if any."""
        return self._id("SELECT committee_id FROM moderngov_committee WHERE moderngov_id = ?", moderngov_id)

    def meeting_from(self, moderngov_id: str) -> int | None:
        """The meeting imported from this ModernGov meeting, if any."""
        return self._id("SELECT meeting_id FROM moderngov_meeting WHERE moderngov_id = ?", moderngov_id)

    def person_from(self, moderngov_id: str) -> int | None:
        """The person imported from this ModernGov member, if any."""
        return self._id("SELECT person_id FROM moderngov_person WHERE moderngov_id = ?", moderngov_id)

    def moderngov_meeting_id(self, meeting_id: int) -> str | None:
        """The ModernGov id of a meeting imported from there."""
        found = self._h.scalar(
            "SELECT moderngov_id FROM moderngov_meeting WHERE meeting_id = ?", [meeting_id]
        )
        return str(found) if found is not None else None

    def link_committee(self, committee_id: int, moderngov_id: str) -> None:
        """Remember that a committee is ModernGov's committee `moderngov_id`."""
        self._link("moderngov_committee", "committee_id", committee_id, moderngov_id)

    def link_person(self, person_id: int, moderngov_id: str) -> None:
        """Remember that a person is ModernGov's member `moderngov_id`."""
        self._link("moderngov_person", "person_id", person_id, moderngov_id)

    def link_meeting(self, meeting_id: int, moderngov_id: str, service: str) -> None:
        """Remember that a meeting was imported (just now) from ModernGov's meeting `moderngov_id`."""
        with self._h.write() as conn:
            conn.execute(
                """INSERT OR REPLACE INTO moderngov_meeting (meeting_id, moderngov_id, service, imported_at)
                   VALUES (?, ?, ?, ?)""",
                [meeting_id, moderngov_id, service, now()],
            )

    def _link(self, table: str, column: str, local_id: int, moderngov_id: str) -> None:
        with self._h.write() as conn:
            conn.execute(
                f"INSERT OR REPLACE INTO {table} ({column}, moderngov_id) VALUES (?, ?)",
                [local_id, moderngov_id],
            )

    def _id(self, sql: str, moderngov_id: str) -> int | None:
        found = self._h.scalar(sql, [moderngov_id])
        return int(found) if found is not None else None
