"""The shared handle repositories write through: one connection, explicit IMMEDIATE transactions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlite_utils

from scrutui.errors import DatabaseError, NotFound, ReadOnlyError
from scrutui.store.connection import describe_sqlite_error
from scrutui.store.damage import DamagedRow

Params = Sequence[Any] | dict[str, Any]
#: The range of SQLite's integers (and so of every id).
_SQLITE_INT = range(-(2**63), 2**63)


def fits_sqlite(value: int) -> bool:
    """True when `value` can be an SQLite integer (an id typed as 99999999999999999999 cannot)."""
    return value in _SQLITE_INT


_TOO_BIG = "A number given is larger than any id or count the database holds (at most 9223372036854775807)."


class Handle:
    """A database connection and how to read and write through it.

    Reads are fetched whole (``list(db.query(...))``) so no read snapshot stays open to hold back
    WAL checkpoints. Writes run in ``BEGIN IMMEDIATE`` transactions and are committed before any
    method returns, so whatever the screen then shows as saved is on disk.
    """

    def __init__(self, db: sqlite_utils.Database, path: Path, *, read_only: bool) -> None:
        self.db = db
        self.path = path
        self.read_only = read_only
        self._depth = 0
        self._collectors: list[list[DamagedRow]] = []

    def note_damage(self, damaged: DamagedRow) -> None:
        """A row read was damaged (and left out): tell whoever is collecting."""
        for collector in self._collectors:
            if damaged not in collector:
                collector.append(damaged)

    @contextmanager
    def collecting_damage(self) -> Iterator[list[DamagedRow]]:
        """Collect the damaged rows left out of what is read inside the block (for the screen to
        show, or an export to name)."""
        found: list[DamagedRow] = []
        self._collectors.append(found)
        try:
            yield found
        finally:
            self._collectors.remove(found)

    def rows(self, sql: str, params: Params | None = None) -> list[dict[str, Any]]:
        """All rows of a query, as dicts."""
        try:
            return list(self.db.query(sql, params))
        except sqlite3.DatabaseError as error:
            raise DatabaseError(describe_sqlite_error(self.path, error)) from error
        except OverflowError as error:
            raise NotFound(_TOO_BIG) from error

    def row(self, sql: str, params: Params | None = None) -> dict[str, Any] | None:
        """The first row of a query, or None."""
        found = self.rows(sql, params)
        return found[0] if found else None

    def scalar(self, sql: str, params: Params | None = None) -> Any:
        """The first column of the first row of a query."""
        try:
            cursor = self.db.execute(sql, params)
            found = cursor.fetchone()
            cursor.close()
        except sqlite3.DatabaseError as error:
            raise DatabaseError(describe_sqlite_error(self.path, error)) from error
        except OverflowError as error:
            raise NotFound(_TOO_BIG) from error
        return found[0] if found else None

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: ``BEGIN IMMEDIATE`` now, ``COMMIT`` on leaving, rollback on error.

        Nested calls join the outer transaction (through a savepoint), so several repository calls
        can be made all-or-nothing.
        """
        if self.read_only:
            raise ReadOnlyError()
        conn = self.db.conn
        if self._depth:
            self._depth += 1
            conn.execute(f"SAVEPOINT nested_{self._depth}")
            try:
                yield conn
                conn.execute(f"RELEASE nested_{self._depth}")
            except BaseException:
                conn.execute(f"ROLLBACK TO nested_{self._depth}")
                conn.execute(f"RELEASE nested_{self._depth}")
                raise
            finally:
                self._depth -= 1
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as error:
            raise DatabaseError(describe_sqlite_error(self.path, error)) from error
        self._depth = 1
        try:
            yield conn
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise DatabaseError(describe_sqlite_error(self.path, error)) from error
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        finally:
            self._depth = 0


def insert(conn: sqlite3.Connection, table: str, values: dict[str, Any]) -> int:
    """INSERT one row and return its rowid."""
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    cursor = conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(values.values()))
    return int(cursor.lastrowid or 0)


def update(conn: sqlite3.Connection, table: str, key: str, key_value: Any, values: dict[str, Any]) -> int:
    """UPDATE one row by key; returns the number of rows changed."""
    assignments = ", ".join(f"{column} = ?" for column in values)
    cursor = conn.execute(f"UPDATE {table} SET {assignments} WHERE {key} = ?", [*values.values(), key_value])
    return cursor.rowcount
