"""The tracker's queries: information requests and recommendations across every meeting, paged by
due date straight from SQLite, and the action logs that carry what is outstanding forward.

Pages are fetched by key (due date, then record id), never by offset, so the first page of 100,000
requests costs what the first page of ten does, and nothing holds more than a page in memory.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from scrutui.errors import DatabaseError
from scrutui.models import (
    THE_COMMITTEE,
    AgendaItem,
    ExecutiveResponse,
    InformationRequest,
    MinutesStatus,
    Recommendation,
    RecordKind,
    RequestStatus,
    VoteResult,
    now,
    record_from_dict,
)
from scrutui.store.base import Handle, insert
from scrutui.store.connection import describe_sqlite_error
from scrutui.store.damage import read_all, read_one
from scrutui.store.locks import ensure_draft, ensure_not_approved, meeting_of_item, meeting_state
from scrutui.tracked import Key, Origin, TrackedRecord, TrackedRow

#: How many rows a page holds unless asked otherwise.
PAGE_SIZE = 100
#: How many rows each query of a streamed list (`TrackerRepository.rows`) reads.
STREAM_PAGE = 5000


class Tracked(StrEnum):
    """What the tracker lists."""

    REQUESTS = "information_request"
    RECOMMENDATIONS = "recommendation"

    @property
    def label(self) -> str:
        """The list's name as the screen gives it."""
        return "Information requests" if self is Tracked.REQUESTS else "Recommendations"


class StatusFilter(StrEnum):
    """Which requests (or recommendations) to list, by where they stand."""

    OUTSTANDING = "outstanding"
    OVERDUE = "overdue"
    ANSWERED = "answered"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"
    ALL = "all"

    def applies_to(self, kind: Tracked) -> bool:
        """Refused and withdrawn are for information requests only."""
        return kind is Tracked.REQUESTS or self not in (StatusFilter.REFUSED, StatusFilter.WITHDRAWN)


@dataclass(frozen=True)
class TrackerQuery:
    """What the tracker is asked to list. `as_at` is "today" for working out what is overdue."""

    as_at: dt.date
    kind: Tracked = Tracked.REQUESTS
    status: StatusFilter = StatusFilter.OUTSTANDING
    committee_id: int | None = None
    #: Part of the name of whoever it was asked of (or, for recommendations, the body addressed).
    of: str = ""
    #: Part of the name of the member who asked for it (information requests only); "Cllr" and
    #: "Councillor" are ignored, so "Cllr Ali" finds "Councillor Ann Ali".
    asked_by: str = ""
    meeting_id: int | None = None
    #: Only the records listed on this action log (an agenda item of a later meeting).
    action_log_item_id: int | None = None
    #: Include records minuted under exempt (confidential) items.
    confidential: bool = True


@dataclass(frozen=True)
class Counts:
    """How many requests (or recommendations) stand at each status, and how many are overdue."""

    by_status: dict[str, int] = field(default_factory=dict)
    overdue: int = 0

    @property
    def total(self) -> int:
        """All of them."""
        return sum(self.by_status.values())

    def get(self, status: str) -> int:
        """How many have this status."""
        return self.by_status.get(status, 0)


# --- SQL ------------------------------------------------------------------------------------------

_DETAIL = {
    Tracked.REQUESTS: (
        "information_request",
        "d.due_date",
        "d.status",
        "d.requested_of",
        ("asked_by", "requested_of", "due_date", "due_date_by_hand", "status", "answered_on", "response"),
    ),
    Tracked.RECOMMENDATIONS: (
        "recommendation",
        "d.response_due",
        "d.response_status",
        "d.addressee",
        ("addressee", "response_due", "response_status", "response_date", "response_text"),
    ),
}
_ITEM_FIELDS = tuple(f for f in AgendaItem.model_fields if f != "id")


_HONORIFIC = re.compile(r"^(?:the\s+)?(?:cllr\.?|councillor)\s+", re.IGNORECASE)


def asker_words(text: str) -> str:
    """What an asker filter looks for: the name without "Cllr" or "Councillor" before it."""
    text = " ".join(text.split())
    return _HONORIFIC.sub("", text) or text


def _like(text: str) -> str:
    """`text` as a LIKE pattern matching it anywhere, with LIKE's own wildcards escaped."""
    escaped = re.sub(r"([\\%_])", r"\\\1", text.strip())
    return f"%{escaped}%"


def _where(query: TrackerQuery, *, with_status: bool = True) -> tuple[list[str], list[Any]]:
    """The query's conditions (not paging) and their parameters."""
    _, due, status, of, _ = _DETAIL[query.kind]
    conditions = ["r.deleted_at IS NULL", "r.kind = ?"]
    params: list[Any] = [query.kind.value]
    if with_status:
        open_status = "outstanding" if query.kind is Tracked.REQUESTS else "awaited"
        match query.status:
            case StatusFilter.OUTSTANDING:
                conditions.append(f"{status} = ?")
                params.append(open_status)
            case StatusFilter.OVERDUE:
                conditions.append(f"{status} = ? AND {due} < ?")
                params += [open_status, query.as_at.isoformat()]
            case StatusFilter.ANSWERED if query.kind is Tracked.REQUESTS:
                conditions.append(f"{status} = 'answered'")
            case StatusFilter.ANSWERED:
                conditions.append(f"{status} <> 'awaited'")
            case StatusFilter.REFUSED | StatusFilter.WITHDRAWN:
                conditions.append(f"{status} = ?")
                params.append(query.status.value)
            case StatusFilter.ALL:
                pass
    if query.committee_id is not None:
        conditions.append("m.committee_id = ?")
        params.append(query.committee_id)
    if query.meeting_id is not None:
        conditions.append("m.id = ?")
        params.append(query.meeting_id)
    if query.of.strip():
        conditions.append(f"{of} LIKE ? ESCAPE '\\'")
        params.append(_like(query.of))
    if query.asked_by.strip() and query.kind is Tracked.REQUESTS:
        conditions.append("d.asked_by LIKE ? ESCAPE '\\'")
        params.append(_like(asker_words(query.asked_by)))
    if not query.confidential:
        conditions.append("a.exempt_paragraph IS NULL")
    if query.action_log_item_id is not None:
        conditions.append("e.agenda_item_id = ?")
        params.append(query.action_log_item_id)
    return conditions, params


def _select(query: TrackerQuery) -> str:
    table, _, _, _, fields = _DETAIL[query.kind]
    columns = ", ".join(f'd.{f} AS "d.{f}"' for f in fields)
    items = ", ".join(f'a.{f} AS "a.{f}"' for f in _ITEM_FIELDS)
    reported = (
        "e.reported_on AS reported_on" if query.action_log_item_id is not None else "NULL AS reported_on"
    )
    log_join = (
        " JOIN action_log_entry e ON e.record_id = r.id" if query.action_log_item_id is not None else ""
    )
    return (
        f"SELECT r.id, r.agenda_item_id, r.kind, r.position, r.text, r.created_at, r.updated_at, r.version,"
        f" {columns},"
        f' a.id AS "a.id", {items}, m.date AS meeting_date, m.committee_id, c.name AS committee,'
        f" {reported}"
        f" FROM {table} d JOIN record r ON r.id = d.record_id"
        " JOIN agenda_item a ON a.id = r.agenda_item_id JOIN meeting m ON m.id = a.meeting_id"
        f" JOIN committee c ON c.id = m.committee_id{log_join}"
    )


#: The votes of the motions some recommendations (by id) were carried as: read for a page's rows
#: only, after the page (in the page's query it would be worked out for every row sorted).
_VOTES = """SELECT mo.decision_id, mo.outcome, mo.votes_for, mo.votes_against, mo.abstentions,
        mo.casting_vote, mo.amendment, EXISTS (SELECT 1 FROM motion_vote v WHERE v.record_id = mo.record_id) AS recorded
    FROM motion mo JOIN record mr ON mr.id = mo.record_id
    WHERE mo.decision_id IN ({}) AND mr.deleted_at IS NULL AND mo.outcome = 'carried'"""


#: Each kind's columns of `TrackedRow` after its kind, id and text, in its order: of whom, due, due
#: set by hand, status, closed on, response, asked by. (Paging reads the due date as column 4.)
_ROW_DETAIL = {
    Tracked.REQUESTS: (
        "coalesce(d.requested_of, ''), d.due_date, coalesce(d.due_date_by_hand, 0), d.status, d.answered_on,"
        " coalesce(d.response, ''), coalesce(nullif(d.asked_by, ''), ?)"
    ),
    Tracked.RECOMMENDATIONS: (
        "coalesce(d.addressee, ''), d.response_due, 0, d.response_status, d.response_date,"
        " coalesce(d.response_text, ''), ?"
    ),
}
#: Where due dates sort in a row of `_row_select`, its id, and (its last column) whether it reads
#: as scrutui writes it.
_ROW_DUE, _ROW_ID, _ROW_CHECKED = 4, 1, 20


def _as_written(query: TrackerQuery) -> str:
    """An SQL test that a row holds what scrutui writes: text where text belongs, a known status,
    dates as ISO (date() gives back a valid one unchanged), an exempt paragraph in range. A row that
    fails it is read through the models instead, which read it or name what is wrong with it."""
    _, due, status, of, _ = _DETAIL[query.kind]
    closed = "d.answered_on" if query.kind is Tracked.REQUESTS else "d.response_date"
    known = ", ".join(f"'{s.value}'" for s in (RequestStatus if query.kind is Tracked.REQUESTS else ExecutiveResponse))
    texts = ["r.text", "c.name", "a.title", f"coalesce({of}, '')", "coalesce(a.number, '')", "coalesce(a.minute_number, '')"]
    if query.kind is Tracked.REQUESTS:
        texts += ["coalesce(d.response, '')", "coalesce(d.asked_by, '')"]
    else:
        texts += ["coalesce(d.response_text, '')"]
    return " AND ".join(
        [
            f"{status} IN ({known})",
            *(f"typeof({t}) = 'text'" for t in texts),
            *(f"({day} IS NULL OR date({day}) IS {day})" for day in (due, closed)),
            "date(m.date) IS m.date",
            "(a.exempt_paragraph IS NULL OR (typeof(a.exempt_paragraph) = 'integer'"
            " AND a.exempt_paragraph BETWEEN 1 AND 20))",
        ]
    )


def _row_select(query: TrackerQuery) -> str:
    """The SELECT of `TrackedRow`'s columns, in its order, then whether the row reads as scrutui
    writes it (its one parameter: who asked, when no member did). The row's `named_of` is read as
    `of` and named as the minutes name it later."""
    table, _, _, of, _ = _DETAIL[query.kind]
    log_join = (
        " JOIN action_log_entry e ON e.record_id = r.id" if query.action_log_item_id is not None else ""
    )
    return (
        f"SELECT r.kind, r.id, r.text, {_ROW_DETAIL[query.kind]}, m.committee_id, c.name, m.id, m.date,"
        " coalesce(a.number, ''), coalesce(a.minute_number, ''), a.title, a.exempt_paragraph,"
        f" coalesce({of}, ''), NULL, {_as_written(query)}"
        f" FROM {table} d JOIN record r ON r.id = d.record_id"
        " JOIN agenda_item a ON a.id = r.agenda_item_id JOIN meeting m ON m.id = a.meeting_id"
        f" JOIN committee c ON c.id = m.committee_id{log_join}"
    )


def tracked_from_row(row: dict[str, Any], kind: Tracked, vote: VoteResult | None = None) -> TrackedRecord:
    """A TrackedRecord from a row of the tracker's SELECT."""
    fields = _DETAIL[kind][4]
    data: dict[str, Any] = {
        c: row[c]
        for c in ("id", "agenda_item_id", "kind", "position", "text", "created_at", "updated_at", "version")
    }
    for name in fields:
        value = row[f"d.{name}"]
        if value is not None:
            data[name] = bool(value) if name == "due_date_by_hand" else value
    record = record_from_dict(data)
    assert isinstance(record, InformationRequest | Recommendation)
    item = AgendaItem.model_validate({"id": row["a.id"], **{f: row[f"a.{f}"] for f in _ITEM_FIELDS}})
    origin = Origin(
        committee_id=row["committee_id"],
        committee=row["committee"],
        meeting_id=item.meeting_id,
        meeting_date=dt.date.fromisoformat(row["meeting_date"]),
        item=item,
    )
    reported = row.get("reported_on")
    return TrackedRecord(record, origin, dt.date.fromisoformat(reported) if reported else None, vote)


class TrackerRepository:
    """Reads the tracker's pages and counts; keeps the action logs."""

    def __init__(self, handle: Handle) -> None:
        self._h = handle

    # --- pages ------------------------------------------------------------------------------------

    def first_page(self, query: TrackerQuery, limit: int = PAGE_SIZE) -> list[TrackedRecord]:
        """The first `limit` rows, by due date (no due date first), then id."""
        return self._forward(query, None, limit, include_nulls=True)

    def last_page(self, query: TrackerQuery, limit: int = PAGE_SIZE) -> list[TrackedRecord]:
        """The last `limit` rows, in order."""
        rows = self._backward(query, None, limit, dated=True)
        if len(rows) < limit:
            rows = self._backward(query, None, limit - len(rows), dated=False) + rows
        return rows

    def page_after(self, query: TrackerQuery, key: Key, limit: int = PAGE_SIZE) -> list[TrackedRecord]:
        """Up to `limit` rows that come after `key`, in order."""
        due, record_id = key
        if due is None:
            rows = self._run(query, "d_due IS NULL AND d.record_id > ?", [record_id], limit, descending=False)
            if len(rows) < limit:
                rows += self._forward(query, None, limit - len(rows), include_nulls=False)
            return rows
        return self._forward(query, key, limit, include_nulls=False)

    def page_before(self, query: TrackerQuery, key: Key, limit: int = PAGE_SIZE) -> list[TrackedRecord]:
        """Up to `limit` rows that come before `key`, in order."""
        due, record_id = key
        if due is None:
            return self._run(query, "d_due IS NULL AND d.record_id < ?", [record_id], limit, descending=True)[
                ::-1
            ]
        rows = self._backward(query, key, limit, dated=True)
        if len(rows) < limit:
            rows = self._backward(query, None, limit - len(rows), dated=False) + rows
        return rows

    def _forward(
        self, query: TrackerQuery, key: Key | None, limit: int, *, include_nulls: bool
    ) -> list[TrackedRecord]:
        rows: list[TrackedRecord] = []
        if include_nulls:
            rows = self._run(query, "d_due IS NULL", [], limit, descending=False)
            if len(rows) >= limit:
                return rows
        if key is None:
            condition, params = "d_due IS NOT NULL", []
        else:
            assert key[0] is not None
            condition, params = "(d_due, d.record_id) > (?, ?)", [key[0].isoformat(), key[1]]
        return rows + self._run(query, condition, params, limit - len(rows), descending=False)

    def _backward(
        self, query: TrackerQuery, key: Key | None, limit: int, *, dated: bool
    ) -> list[TrackedRecord]:
        if not dated:
            return self._run(query, "d_due IS NULL", [], limit, descending=True)[::-1]
        if key is None:
            condition, params = "d_due IS NOT NULL", []
        else:
            assert key[0] is not None
            condition, params = "(d_due, d.record_id) < (?, ?)", [key[0].isoformat(), key[1]]
        return self._run(query, condition, params, limit, descending=True)[::-1]

    def _run(
        self, query: TrackerQuery, paging: str, paging_params: list[Any], limit: int, *, descending: bool
    ) -> list[TrackedRecord]:
        if limit <= 0:
            return []
        due = _DETAIL[query.kind][1]
        conditions, params = _where(query)
        conditions.append(paging.replace("d_due", due))
        direction = " DESC" if descending else ""
        sql = (
            _select(query)
            + " WHERE "
            + " AND ".join(conditions)
            + f" ORDER BY {due}{direction}, d.record_id{direction} LIMIT ?"
        )
        rows = self._h.rows(sql, [*params, *paging_params, limit])
        return self._tracked(rows, query.kind)

    def _tracked(self, rows: list[dict[str, Any]], kind: Tracked) -> list[TrackedRecord]:
        """Rows as TrackedRecords (a damaged one left out and noted), each with its vote."""
        votes = self._votes(rows, kind)
        return read_all(
            "record", rows, lambda row: tracked_from_row(row, kind, votes.get(int(row["id"]))), self._h.note_damage
        )

    def _votes(self, rows: list[dict[str, Any]], kind: Tracked) -> dict[int, VoteResult]:
        """The vote that carried each recommendation among `rows` (carried as a motion), by its id."""
        votes: dict[int, VoteResult] = {}
        if kind is Tracked.RECOMMENDATIONS and rows:
            ids = [int(row["id"]) for row in rows]
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                for found in self._h.rows(_VOTES.format(", ".join("?" for _ in chunk)), chunk):
                    decision = int(found.pop("decision_id"))
                    votes[decision] = VoteResult.model_validate(found)
        return votes

    def all(self, query: TrackerQuery) -> list[TrackedRecord]:
        """Every row the query matches, in order (for exports, which hold the whole list anyway)."""
        found = self.first_page(query, 10_000)
        while len(found) % 10_000 == 0 and found:
            more = self.page_after(query, found[-1].key, 10_000)
            if not more:
                break
            found += more
        return found

    def rows(self, query: TrackerQuery, page: int = STREAM_PAGE) -> Iterator[TrackedRow]:
        """Every row the query matches, in the tracker's order (no due date first, by id; then by
        due date, then id), as stored: read `page` rows at a time by key, so that a list of any
        length streams in little memory and no read stays open between pages (which would hold
        back the database's checkpoints). A damaged row is left out and noted, as `all` does."""
        due = _DETAIL[query.kind][1]
        conditions, params = _where(query)
        select = _row_select(query) + " WHERE " + " AND ".join(conditions)
        head = [THE_COMMITTEE, *params]
        groups = (  # (which rows, their order, what comes after a key, the key's columns)
            (f"{due} IS NULL", "d.record_id", " AND d.record_id > ?", (_ROW_ID,)),
            (f"{due} IS NOT NULL", f"{due}, d.record_id", f" AND ({due}, d.record_id) > (?, ?)", (_ROW_DUE, _ROW_ID)),
        )
        for condition, order, after, key in groups:
            last: list[Any] = []
            while True:
                paging = after if last else ""
                found = self._tuples(
                    f"{select} AND {condition}{paging} ORDER BY {order} LIMIT ?", [*head, *last, page]
                )
                yield from self._checked(found, query)
                if len(found) < page:
                    break
                last = [found[-1][column] for column in key]

    def _checked(self, found: list[tuple[Any, ...]], query: TrackerQuery) -> Iterator[TrackedRow]:
        """A page's rows as `TrackedRow`s, with the votes of recommendations; a row that does not
        read as scrutui writes is read through the models instead (left out and noted if damaged)."""
        votes: dict[int, VoteResult] = {}
        if query.kind is Tracked.RECOMMENDATIONS and found:
            votes = self._votes([{"id": t[_ROW_ID]} for t in found], query.kind)
        make = TrackedRow._make
        for values in found:
            if not values[_ROW_CHECKED]:
                yield from self._validated(query, values[_ROW_ID])
            elif votes and values[_ROW_ID] in votes:
                yield make(values[:_ROW_CHECKED])._replace(vote=votes[values[_ROW_ID]])
            else:
                yield make(values[:_ROW_CHECKED])

    def _validated(self, query: TrackerQuery, record_id: int) -> list[TrackedRow]:
        """One row read through the models, as `all` reads it (none if it is damaged: noted)."""
        conditions, params = _where(query)
        rows = self._h.rows(_select(query) + " WHERE " + " AND ".join([*conditions, "r.id = ?"]), [*params, record_id])
        return [entry.as_row() for entry in self._tracked(rows, query.kind)]

    def _tuples(self, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        """All rows of a query as tuples (no dict made for each row of a long list)."""
        try:
            return self._h.db.conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as error:
            raise DatabaseError(describe_sqlite_error(self._h.path, error)) from error

    def get(self, kind: Tracked, record_id: int) -> TrackedRecord | None:
        """One request or recommendation with where it was made, or None."""
        query = TrackerQuery(as_at=dt.date.today(), kind=kind, status=StatusFilter.ALL)
        conditions, params = _where(query)
        row = self._h.row(
            _select(query) + " WHERE " + " AND ".join([*conditions, "r.id = ?"]), [*params, record_id]
        )
        if row is None:
            return None
        vote = self._votes([row], kind).get(int(row["id"]))
        return read_one("record", row, lambda found: tracked_from_row(found, kind, vote))

    # --- counts and names -------------------------------------------------------------------------

    def counts(self, query: TrackerQuery) -> Counts:
        """How many match the query at each status (whatever its status filter), and how many are overdue."""
        table, due, status, _, _ = _DETAIL[query.kind]
        conditions, params = _where(query, with_status=False)
        open_status = "outstanding" if query.kind is Tracked.REQUESTS else "awaited"
        needs_item = query.committee_id is not None or query.meeting_id is not None or not query.confidential
        joins = (
            " JOIN agenda_item a ON a.id = r.agenda_item_id JOIN meeting m ON m.id = a.meeting_id"
            if needs_item
            else ""
        )
        if query.action_log_item_id is not None:
            joins += " JOIN action_log_entry e ON e.record_id = r.id"
        rows = self._h.rows(
            f"SELECT {status} AS status, count(*) AS n, sum({status} = ? AND {due} < ?) AS overdue"
            f" FROM {table} d JOIN record r ON r.id = d.record_id{joins}"
            f" WHERE {' AND '.join(conditions)} GROUP BY {status}",
            [open_status, query.as_at.isoformat(), *params],
        )
        return Counts({r["status"]: r["n"] for r in rows}, sum(int(r["overdue"] or 0) for r in rows))

    def committees(self, query: TrackerQuery) -> list[str]:
        """The names of the committees whose meetings made what the query lists."""
        table = _DETAIL[query.kind][0]
        conditions, params = _where(query)
        log_join = (
            " JOIN action_log_entry e ON e.record_id = r.id" if query.action_log_item_id is not None else ""
        )
        rows = self._h.rows(
            f"SELECT DISTINCT c.name AS name FROM {table} d JOIN record r ON r.id = d.record_id"
            " JOIN agenda_item a ON a.id = r.agenda_item_id JOIN meeting m ON m.id = a.meeting_id"
            f" JOIN committee c ON c.id = m.committee_id{log_join} WHERE {' AND '.join(conditions)}",
            params,
        )
        return [str(r["name"]) for r in rows]

    def names(self, query: TrackerQuery, *, askers: bool = False) -> list[tuple[str, int]]:
        """Everyone requests were asked of (or bodies recommendations went to), with how many each;
        with `askers`, everyone who asked for information (requests only)."""
        table, _, _, of, _ = _DETAIL[query.kind]
        if askers:
            of = "d.asked_by"
        conditions, params = _where(query)
        rows = self._h.rows(
            f"SELECT {of} AS name, count(*) AS n FROM {table} d JOIN record r ON r.id = d.record_id"
            " JOIN agenda_item a ON a.id = r.agenda_item_id JOIN meeting m ON m.id = a.meeting_id"
            + (
                " JOIN action_log_entry e ON e.record_id = r.id"
                if query.action_log_item_id is not None
                else ""
            )
            + f" WHERE {' AND '.join(conditions)} GROUP BY {of} COLLATE NOCASE ORDER BY {of} COLLATE NOCASE",
            params,
        )
        return [(str(r["name"]), int(r["n"])) for r in rows]

    # --- action logs ------------------------------------------------------------------------------

    def is_action_log(self, agenda_item_id: int) -> bool:
        """True when the agenda item is a meeting's action log."""
        return self._h.row("SELECT 1 FROM action_log WHERE agenda_item_id = ?", [agenda_item_id]) is not None

    def action_log_of(self, meeting_id: int) -> int | None:
        """The id of the meeting's action-log item, if it has one."""
        found = self._h.scalar(
            "SELECT l.agenda_item_id FROM action_log l JOIN agenda_item a ON a.id = l.agenda_item_id"
            " WHERE a.meeting_id = ?",
            [meeting_id],
        )
        return int(found) if found is not None else None

    def carried_forward(self, meeting_id: int) -> list[int]:
        """The ids of what a meeting's action log should list (see `outstanding_before`)."""
        row = self._h.row("SELECT committee_id, date, time FROM meeting WHERE id = ?", [meeting_id])
        if row is None:
            return []
        return self.outstanding_before(row["committee_id"], row["date"], row["time"], meeting_id)

    def outstanding_before(
        self, committee_id: int, date: str, time: str, meeting_id: int | None = None
    ) -> list[int]:
        """The ids of what an action log for a meeting on `date` at `time` should list.

        From the committee's earlier meetings: every information request still outstanding and
        recommendation still awaiting a response, and any answered (or responded to) since the
        previous meeting that was not already reported back at another meeting's action log.
        """
        rows = self._h.rows(
            """WITH earlier AS (
                   SELECT m.id, m.date FROM meeting m
                   WHERE m.committee_id = :committee AND (m.date, m.time, m.id) < (:date, :time, :meeting)
               ),
               previous AS (SELECT coalesce(max(date), '') AS date FROM earlier)
               SELECT r.id FROM record r
               JOIN agenda_item a ON a.id = r.agenda_item_id
               JOIN earlier m ON m.id = a.meeting_id
               JOIN previous
               LEFT JOIN information_request ir ON ir.record_id = r.id AND r.kind = 'information_request'
               LEFT JOIN recommendation rc ON rc.record_id = r.id AND r.kind = 'recommendation'
               WHERE r.deleted_at IS NULL
                 AND ((ir.record_id IS NOT NULL AND (ir.status = 'outstanding' OR ir.answered_on > previous.date))
                   OR (rc.record_id IS NOT NULL
                       AND (rc.response_status = 'awaited' OR rc.response_date > previous.date)))
                 AND NOT EXISTS (
                     SELECT 1 FROM action_log_entry e JOIN agenda_item ea ON ea.id = e.agenda_item_id
                     WHERE e.record_id = r.id AND e.reported_on IS NOT NULL AND ea.meeting_id <> :meeting)
               ORDER BY m.date, a.position, r.position, r.id""",
            {
                "committee": committee_id,
                "date": date,
                "time": time,
                # A meeting not saved yet comes after every meeting saved at the same date and time.
                "meeting": meeting_id if meeting_id is not None else 2**62,
            },
        )
        return [int(r["id"]) for r in rows]

    def add_action_log(self, meeting_id: int) -> int:
        """Make (or bring up to date) the meeting's action log, and return its agenda item's id.

        An item already on the agenda called "Action log" (or "Matters arising" and the like)
        becomes the action log; otherwise one is added after the opening formalities. Earlier
        entries stay; anything newly outstanding is added at the end. Approved minutes keep their
        action log as it was; issued minutes (their numbers fixed) get no new item.
        """
        ensure_not_approved(self._h, meeting_id)
        with self._h.write() as conn:
            item_id = self.action_log_of(meeting_id)
            if item_id is None:
                items = [
                    AgendaItem.model_validate(
                        {k: r[k] for k in ("id", "meeting_id", "position", "number", "title")}
                    )
                    for r in self._h.rows(
                        "SELECT id, meeting_id, position, number, title FROM agenda_item WHERE meeting_id = ?"
                        " ORDER BY position, id",
                        [meeting_id],
                    )
                ]
                existing = next((i for i in items if ACTION_LOG_TITLE.search(i.title)), None)
                if existing is not None:
                    assert existing.id is not None
                    item_id = existing.id
                else:
                    ensure_draft(self._h, meeting_id, "an action log item cannot be added to the agenda")
                    item_id = self._insert_action_log_item(conn, meeting_id, items)
                conn.execute(
                    "INSERT INTO action_log (agenda_item_id, created_at) VALUES (?, ?)", [item_id, now()]
                )
            start = int(
                conn.execute(
                    "SELECT coalesce(max(position), 0) FROM action_log_entry WHERE agenda_item_id = ?",
                    [item_id],
                ).fetchone()[0]
            )
            for offset, record_id in enumerate(self.carried_forward(meeting_id), start=1):
                conn.execute(
                    "INSERT OR IGNORE INTO action_log_entry (agenda_item_id, record_id, position) VALUES (?, ?, ?)",
                    [item_id, record_id, start + offset],
                )
        return item_id

    @staticmethod
    def _insert_action_log_item(conn: Any, meeting_id: int, items: Sequence[AgendaItem]) -> int:
        after = 0
        while after < len(items) and FORMALITIES.search(items[after].title):
            after += 1
        number = _number_after(
            items[after - 1].number if after else "", items[after].number if after < len(items) else ""
        )
        position = items[after].position if after < len(items) else (items[-1].position + 1 if items else 1)
        conn.execute(
            "UPDATE agenda_item SET position = position + 1 WHERE meeting_id = ? AND position >= ?",
            [meeting_id, position],
        )
        return insert(
            conn,
            "agenda_item",
            {
                "meeting_id": meeting_id,
                "position": position,
                "number": number,
                "title": "Action log",
                "purpose": "To receive responses to information requests and recommendations from earlier meetings",
            },
        )

    def mark_reported(self, agenda_item_id: int, record_id: int, day: dt.date | None) -> bool:
        """Note that a response to `record_id` was recorded through this action log (None: not).

        An action log of approved minutes is left as approved (False): the response is reported
        back at the committee's next action log instead.
        """
        status, _ = meeting_state(self._h, meeting_of_item(self._h, agenda_item_id))
        if status is MinutesStatus.APPROVED:
            return False
        with self._h.write() as conn:
            conn.execute(
                "UPDATE action_log_entry SET reported_on = ? WHERE agenda_item_id = ? AND record_id = ?",
                [day.isoformat() if day else None, agenda_item_id, record_id],
            )
        return True

    def entries(self, agenda_item_id: int, kind: Tracked) -> list[TrackedRecord]:
        """An action log's entries of one kind, in the order they were carried forward."""
        query = TrackerQuery(
            as_at=dt.date.today(), kind=kind, status=StatusFilter.ALL, action_log_item_id=agenda_item_id
        )
        conditions, params = _where(query)
        rows = self._h.rows(
            _select(query) + " WHERE " + " AND ".join(conditions) + " ORDER BY e.position",
            params,
        )
        return self._tracked(rows, kind)

    def log_entries(self, agenda_item_id: int) -> list[TrackedRecord]:
        """An action log's entries: its requests, then its recommendations."""
        return self.entries(agenda_item_id, Tracked.REQUESTS) + self.entries(
            agenda_item_id, Tracked.RECOMMENDATIONS
        )

    def action_logs_of_meeting(self, meeting_id: int) -> dict[int, list[TrackedRecord]]:
        """The meeting's action-log item (if it has one) with its entries, by agenda item id: what
        `minutes.build_minutes` takes as `carried`."""
        item_id = self.action_log_of(meeting_id)
        if item_id is None:
            return {}
        return {item_id: self.log_entries(item_id)}


#: Agenda titles that already are the action log.
ACTION_LOG_TITLE = re.compile(
    r"\b(action (log|tracker|sheet|list)|matters arising|outstanding actions|"
    r"responses? to (earlier|previous|information) requests?|recommendations? tracker)\b",
    re.IGNORECASE,
)
#: Opening formalities the action log follows.
FORMALITIES = re.compile(
    r"\b(apolog|substitut|declarations?|interests?|minutes|quorum|urgent business|welcome|"
    r"introductions?|chair'?s announcements?|party whip)",
    re.IGNORECASE,
)


def _number_after(before: str, following: str) -> str:
    """A number for an item put between two others without renumbering either: 3 then 4 gives 3a."""
    if before.isdigit():
        following_number = str(int(before) + 1)
        return f"{before}a" if following.startswith(following_number) else following_number
    if before:
        return f"{before}a"
    if not following:
        return "1"
    if following.isdigit() and int(following) > 1:
        return str(int(following) - 1)
    return ""


__all__ = [
    "PAGE_SIZE",
    "Counts",
    "Key",
    "Origin",
    "StatusFilter",
    "Tracked",
    "TrackedRecord",
    "TrackedRow",
    "TrackerQuery",
    "TrackerRepository",
    "tracked_from_row",
]

_ = RecordKind  # the kinds' values name the detail tables above
