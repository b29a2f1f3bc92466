"""Minute numbers: given as items are taken, in the committee's scheme, and fixed once issued.

Continuous and number/year numbers run on through the committee's municipal year (May to April)
from the year's first number; item.paragraph numbers are the item's agenda number.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from scrutui.errors import NotFound
from scrutui.formalities import (
    format_minute_number,
    item_minute_number,
    municipal_year,
    municipal_year_bounds,
    number_in_sequence,
)
from scrutui.models import NumberingScheme


def year_start(conn: sqlite3.Connection, committee_id: int, year: int) -> int:
    """The first minute number of a committee's municipal year."""
    row = conn.execute(
        "SELECT first_number FROM minute_year WHERE committee_id = ? AND year = ?", [committee_id, year]
    ).fetchone()
    if row is not None:
        return int(row[0])
    return int(
        conn.execute("SELECT numbering_start FROM committee WHERE id = ?", [committee_id]).fetchone()[0]
    )


def assign(conn: sqlite3.Connection, item_id: int) -> str:
    """Give an item its minute number, if it has none yet; returns the number. Call inside a write."""
    row = conn.execute(
        """SELECT a.minute_number, a.number, a.meeting_id, m.committee_id, m.date, c.numbering_scheme
           FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id JOIN committee c ON c.id = m.committee_id
           WHERE a.id = ?""",
        [item_id],
    ).fetchone()
    if row is None:
        raise NotFound(f"There is no agenda item with id {item_id}.")
    existing, agenda_number, meeting_id, committee_id, day, scheme = row
    if existing:
        return str(existing)
    if NumberingScheme(scheme) is NumberingScheme.ITEM_PARAGRAPH:
        taken = conn.execute(
            "SELECT count(*) FROM agenda_item WHERE meeting_id = ? AND minute_number <> ''", [meeting_id]
        ).fetchone()[0]
        number = item_minute_number(str(agenda_number), int(taken))
    else:
        number = _next_in_year(conn, committee_id, dt.date.fromisoformat(day), NumberingScheme(scheme))
    conn.execute("UPDATE agenda_item SET minute_number = ? WHERE id = ?", [number, item_id])
    return number


def _next_in_year(conn: sqlite3.Connection, committee_id: int, day: dt.date, scheme: NumberingScheme) -> str:
    year = municipal_year(day)
    first, last = municipal_year_bounds(year)
    used = conn.execute(
        """SELECT a.minute_number FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id
           WHERE m.committee_id = ? AND m.date BETWEEN ? AND ? AND a.minute_number <> ''""",
        [committee_id, first.isoformat(), last.isoformat()],
    ).fetchall()
    numbers = [n for (text,) in used if (n := number_in_sequence(str(text))) is not None]
    sequence = max(numbers) + 1 if numbers else year_start(conn, committee_id, year)
    return format_minute_number(scheme, sequence, year)


def assign_all(conn: sqlite3.Connection, meeting_id: int) -> None:
    """Number every item of a meeting that has no number yet, in agenda order (on issuing)."""
    ids = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM agenda_item WHERE meeting_id = ? AND minute_number = '' ORDER BY position, id",
            [meeting_id],
        )
    ]
    for item_id in ids:
        assign(conn, item_id)


def renumber(conn: sqlite3.Connection, meeting_id: int) -> None:
    """Number again, in agenda order, the items of a draft that have been taken (or hold records);
    the others lose their numbers until taken."""
    rows = conn.execute(
        """SELECT id, started_at IS NOT NULL OR EXISTS (
               SELECT 1 FROM record r WHERE r.agenda_item_id = a.id AND r.deleted_at IS NULL)
           FROM agenda_item a WHERE meeting_id = ? ORDER BY position, id""",
        [meeting_id],
    ).fetchall()
    conn.execute("UPDATE agenda_item SET minute_number = '' WHERE meeting_id = ?", [meeting_id])
    for item_id, taken in rows:
        if taken:
            assign(conn, item_id)
