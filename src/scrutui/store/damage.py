"""Rows that no longer read as what they should be (edited by hand or by another program): a bad
date or status, an exempt paragraph of 99, a kind of record scrutui does not know, binary data where
text belongs.

A damaged row never stops the app or an export. Lists leave it out and note it (by table, id and
what is wrong, never its contents), so the screen can show it as damaged and an export can name
what it could not include; asked for by id, it is one plain line (DamagedRowError).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from scrutui.errors import ScrutuiError

T = TypeVar("T")

#: What each table's rows are called on screen.
ROW_NAMES = {
    "meeting": "meeting",
    "agenda_item": "agenda item",
    "record": "record",
    "committee": "committee",
    "declaration": "declaration",
    "attendance_event": "arrival or departure",
    "minutes_signoff": "approved minutes of meeting",
}

#: Plain words for what pydantic found wrong, by its error type.
_REASONS = {
    "string_type": "is not text",
    "string_unicode": "holds binary data where text belongs",
    "bytes_type": "holds binary data where text belongs",
    "int_type": "is not a whole number",
    "int_parsing": "is not a whole number",
    "int_from_float": "is not a whole number",
    "bool_parsing": "is not yes or no",
    "bool_type": "is not yes or no",
    "greater_than_equal": "is out of range",
    "less_than_equal": "is out of range",
    "greater_than": "is out of range",
    "less_than": "is out of range",
    "too_long": "is too long",
    "string_too_long": "is too long",
    "too_short": "is empty",
    "string_too_short": "is empty",
    "enum": "is not one scrutui knows",
    "literal_error": "is not one scrutui knows",
    "union_tag_invalid": "is not one scrutui knows",
    "union_tag_not_found": "is missing",
    "missing": "is missing",
    "date_parsing": "is not a valid date",
    "date_from_datetime_parsing": "is not a valid date",
    "date_type": "is not a valid date",
    "time_parsing": "is not a valid time",
    "time_type": "is not a valid time",
    "datetime_parsing": "is not a valid date and time",
    "json_invalid": "is not readable",
}


@dataclass(frozen=True)
class DamagedRow:
    """One damaged row: which table, which id, and what is wrong (never what it holds)."""

    table: str
    row_id: int | None
    problem: str

    @property
    def name(self) -> str:
        """ "record 42", "meeting 7"."""
        return f"{ROW_NAMES.get(self.table, self.table.replace('_', ' '))} {self.row_id if self.row_id is not None else '?'}"

    def describe(self) -> str:
        """ "record 42 (its kind is not one scrutui knows)"."""
        return f"{self.name} ({self.problem})"


class DamagedRowError(ScrutuiError):
    """A row asked for by id that is damaged in the database."""

    def __init__(self, damaged: DamagedRow) -> None:
        super().__init__(
            f"{damaged.name[:1].upper()}{damaged.name[1:]} is damaged in the database ({damaged.problem}): "
            "restore the database from a backup, or correct the row by hand."
        )
        self.damaged = damaged


class RowProblem(ValueError):
    """What is wrong with a row, already in plain words (and free of its contents)."""


def problem_of(error: Exception) -> str:
    """What is wrong with a row, in plain words, naming fields but never their values."""
    from pydantic import ValidationError

    if isinstance(error, RowProblem):
        return str(error)
    if isinstance(error, ValidationError):
        found = []
        for item in error.errors(include_url=False, include_input=False, include_context=False):
            field = next(
                (str(p) for p in reversed(item.get("loc", ())) if isinstance(p, str) and not p.startswith("function")),
                "",
            )
            reason = _REASONS.get(str(item.get("type")), "is not valid")
            if reason == "is not valid" and field.endswith(("date", "_on", "_due")):
                reason = "is not a valid date"
            elif reason == "is not valid" and field.endswith("time"):
                reason = "is not a valid time"
            found.append(f"its {field.replace('_', ' ')} {reason}" if field else f"it {reason}")
        return "; ".join(dict.fromkeys(found)) or "it does not read as scrutui wrote it"
    if isinstance(error, UnicodeError):
        return "it holds binary data where text belongs"
    return "it does not read as scrutui wrote it"


#: What a row that does not read raises while being turned into a model.
ROW_ERRORS = (ValueError, TypeError, KeyError, UnicodeError)


def row_id(row: dict[str, Any], key: str = "id") -> int | None:
    """A row's id, if it has a usable one."""
    value = row.get(key)
    return value if isinstance(value, int) else None


def read_one(table: str, row: dict[str, Any], build: Callable[[dict[str, Any]], T], key: str = "id") -> T:
    """`build(row)`, or DamagedRowError naming the row and what is wrong with it."""
    try:
        return build(row)
    except ROW_ERRORS as error:
        raise DamagedRowError(DamagedRow(table, row_id(row, key), problem_of(error))) from None


def read_all(
    table: str,
    rows: Iterable[dict[str, Any]],
    build: Callable[[dict[str, Any]], T],
    note: Callable[[DamagedRow], None],
    key: str = "id",
) -> list[T]:
    """`build` of every row that reads; each one that does not is passed to `note` and left out."""
    found = []
    for row in rows:
        try:
            found.append(build(row))
        except ROW_ERRORS as error:
            note(DamagedRow(table, row_id(row, key), problem_of(error)))
    return found
