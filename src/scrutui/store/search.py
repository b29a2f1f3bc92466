"""Searching every meeting through the full-text index the schema keeps (``search``, made by
db/migrations/0004_search.sql), and the history of each assurance theme.

The index is keyed in meeting-date order, so "newest first" pages straight from it: the first page
of a word found in a million records costs what a page of ten does, and nothing holds more than a
page in memory. "Best first" ranks the newest `BEST_OF` matches (ranking millions would take
seconds, and the oldest matches of a common word matter least).

Exempt (confidential) items, their records and their titles are left out of every result, count
and list unless the query says `confidential`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from scrutui import fts
from scrutui.models import (
    AgendaItem,
    Assurance,
    AssuranceStatus,
    ExecutiveResponse,
    RecordKind,
    RequestStatus,
    record_from_dict,
)
from scrutui.store.base import Handle
from scrutui.themes import Spelling, Theme, group, spellings_of
from scrutui.tracked import Origin

#: The kind of an agenda item's own document (its title and purpose).
ITEM = "item"
#: What `SearchQuery.kinds` may hold.
KINDS = (*(k.value for k in RecordKind), ITEM)
#: Rows a page holds unless asked otherwise.
PAGE_SIZE = 100
#: Best-first ranks this many of the newest matches.
BEST_OF = 1_000
#: Counting stops here ("1,000+ found"): an exact count of a common word means reading every match.
COUNT_CAP = 1_000
#: Marks around the words found, in snippets (control characters, which no saved text can hold).
MARK_START, MARK_END = "\x02", "\x03"
#: Column weights for best-first: a record's own text counts most, then the detail, then names
#: (the kind column only narrows a search).
WEIGHTS = (4.0, 2.0, 1.0, 0.0)
#: The index's columns that hold words (the fourth, facets, holds the record's kind and status).
WORD_COLUMNS = "{text detail names}"


#: The status words a search can be limited to, and the stored statuses each stands for. "open" is
#: what is still owed: requests outstanding and recommendations awaiting the executive's response.
OPEN = "open"
STATUSES: dict[str, tuple[str, ...]] = {
    OPEN: (RequestStatus.OUTSTANDING.value, ExecutiveResponse.AWAITED.value),
    **{s.value: (s.value,) for s in AssuranceStatus},
    **{s.value: (s.value,) for s in RequestStatus},
    **{s.value: (s.value,) for s in ExecutiveResponse},
}


def facet(name: str, value: str) -> str:
    """A kind or status as the index's facets column holds it: "kindinformationrequest"."""
    return name + value.replace("_", "")


class SearchOrder(StrEnum):
    """How results are ordered."""

    NEWEST = "newest"
    BEST = "best"


def day_key(day: dt.date) -> int:
    """The smallest index key of the documents of meetings held on `day` (the migration's
    ``CAST(julianday(date) AS INTEGER) << 33``)."""
    return (day.toordinal() + 1_721_424) << 33


@dataclass(frozen=True)
class SearchQuery:
    """What to look for and where."""

    text: str = ""
    #: Record kinds (RecordKind values) and ITEM; empty means every kind.
    kinds: frozenset[str] = frozenset()
    committee_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    #: Part of a name or role: who asked or answered, of whom it was asked, to whom it was made.
    person: str = ""
    #: One of STATUSES, or "" for any.
    status: str = ""
    #: Only what is still owed and was due before this day (overdue as at it).
    overdue_on: dt.date | None = None
    order: SearchOrder = SearchOrder.NEWEST
    #: Include exempt (confidential) items and what was minuted under them.
    confidential: bool = False

    def expression(self, *, person_prefix: bool = False) -> str | None:
        """The FTS5 query, or None when neither words, a person nor kinds are given. With
        `person_prefix`, the person's last word may be the start of a word."""
        words = fts.match_expression(self.text)
        kinds = [facet("kind", k) for k in sorted(self.kinds) if k in KINDS]
        statuses = [facet("status", s) for s in STATUSES.get(self.status, (self.status,)) if self.status]
        return fts.both(
            f"{WORD_COLUMNS} : ({words})" if words else None,
            fts.column_phrase("names", self.person, prefix=person_prefix),
            *(
                "{facets} : (" + " OR ".join(f'"{f}"' for f in facets) + ")"
                for facets in (kinds, statuses)
                if facets
            ),
        )

    @property
    def has_words(self) -> bool:
        """True when words are searched for (not only a person or kinds)."""
        return fts.match_expression(self.text) is not None

    @property
    def searches_text(self) -> bool:
        """True when there is something for the index to match."""
        return self.expression() is not None


@dataclass(frozen=True)
class SearchHit:
    """One record or agenda item found, with where it is."""

    key: int
    #: A RecordKind value, or ITEM.
    kind: str
    record_id: int | None
    origin: Origin
    #: The best part of the text, the words found between MARK_START and MARK_END.
    snippet: str
    #: The record's status (an assurance's, a request's, the executive's response), or "".
    status: str = ""
    #: Who is named in it: ("asked by", name), ("answered by", ...), ("asked of", ...), ("made to", ...).
    people: tuple[tuple[str, str], ...] = ()
    #: Best-first only: the match's score (lower is better).
    score: float | None = None

    @property
    def minute(self) -> str:
        """The item's minute number, or its agenda number before it has one."""
        return (self.origin.item.minute_number or self.origin.item.number).strip()

    @property
    def plain_snippet(self) -> str:
        """The snippet without its marks."""
        return plain(self.snippet)

    @property
    def row_key(self) -> str:
        """Unique to the hit (for a table row)."""
        return str(self.key)


def plain(marked: str) -> str:
    """Text with the found-word marks taken out."""
    return marked.replace(MARK_START, "").replace(MARK_END, "")


def marked_parts(marked: str) -> list[tuple[str, bool]]:
    """Marked text as (part, is_found) pieces, for showing the found words in bold."""
    parts: list[tuple[str, bool]] = []
    for index, chunk in enumerate(marked.split(MARK_START)):
        if index == 0:
            parts.append((chunk, False))
            continue
        found, _, rest = chunk.partition(MARK_END)
        parts += [(found, True), (rest, False)]
    return [(text, bold) for text, bold in parts if text]


def fitted_parts(marked: str, width: int) -> list[tuple[str, bool]]:
    """`marked_parts` of the text on one line, cut to `width` characters (an ellipsis where cut),
    starting a little before the first word found when it would not show otherwise."""
    parts = marked_parts(" ".join(marked.split()))
    total = sum(len(p) for p, _ in parts)
    first = next((sum(len(p) for p, _ in parts[:i]) for i, (_, found) in enumerate(parts) if found), 0)
    if first > width // 3 and total > width:
        skip = max(1, min(first - width // 4, total - width + 1))
        kept: list[tuple[str, bool]] = [("…", False)]
        for part, found in parts:
            if skip >= len(part):
                skip -= len(part)
                continue
            kept.append((part[skip:], found))
            skip = 0
        parts = kept
    fitted: list[tuple[str, bool]] = []
    room = width
    for part, found in parts:
        if room <= 0:
            break
        if len(part) > room:
            part = part[: max(0, room - 1)] + "…"
        fitted.append((part, found))
        room -= len(part)
    return fitted


@dataclass(frozen=True)
class Found:
    """How many results a query has: exact up to COUNT_CAP, else at least that many."""

    count: int
    more: bool = False

    def __str__(self) -> str:
        return f"{self.count:,}+" if self.more else f"{self.count:,}"


@dataclass(frozen=True)
class ThemeEntry:
    """One assurance in a theme's history."""

    record: Assurance
    origin: Origin
    #: The meeting's time (the history is in meeting order: date, time, then agenda order).
    meeting_time: str = ""

    @property
    def id(self) -> int:
        """The record's id."""
        assert self.record.id is not None
        return self.record.id


@dataclass(frozen=True)
class ThemeQuery:
    """Which assurances a theme's history lists: every spelling of the theme, one committee or all."""

    spellings: tuple[str, ...]
    committee_id: int | None = None
    confidential: bool = False


# --- SQL ------------------------------------------------------------------------------------------

_ITEM_FIELDS = (
    "meeting_id",
    "position",
    "number",
    "minute_number",
    "title",
    "exempt_paragraph",
    "public_title",
)
# CROSS JOIN keeps the index (or search_entry) the outer loop: results stream in key order and a
# page stops at its last row, where another plan would sort every match.
_JOINS = """ CROSS JOIN agenda_item a ON a.id = e.agenda_item_id
 CROSS JOIN meeting m ON m.id = a.meeting_id
 CROSS JOIN committee c ON c.id = m.committee_id
 LEFT JOIN record r ON r.id = e.record_id
 LEFT JOIN question q ON q.record_id = e.record_id
 LEFT JOIN assurance sa ON sa.record_id = e.record_id
 LEFT JOIN information_request ir ON ir.record_id = e.record_id
 LEFT JOIN recommendation rc ON rc.record_id = e.record_id"""
_DETAILS = (
    "e.record_id, e.agenda_item_id, r.kind, m.date AS meeting_date, m.committee_id, c.name AS committee,"
    + "".join(f" a.{f} AS item_{f}," for f in _ITEM_FIELDS)
    + " coalesce(sa.status, ir.status, rc.response_status, '') AS status,"
    " q.asked_by, q.answered_by, ir.requested_of, rc.addressee"
)
_SNIPPET = f"snippet(search, -1, char({ord(MARK_START)}), char({ord(MARK_END)}), '…', 24)"
_EXCERPT = "substr(coalesce(nullif(r.text, ''), q.answer, a.title), 1, 240)"
_STATUS = "coalesce(sa.status, ir.status, rc.response_status, '')"


def _filters(query: SearchQuery) -> tuple[list[str], list[Any]]:
    """The query's conditions other than the words (and paging), with their parameters."""
    conditions = ["(e.record_id IS NULL OR r.deleted_at IS NULL)"]
    params: list[Any] = []
    if not query.confidential:
        conditions.append("a.exempt_paragraph IS NULL")
    if query.committee_id is not None:
        conditions.append("m.committee_id = ?")
        params.append(query.committee_id)
    # Kinds and statuses are matched in the index (its facets column).
    if query.overdue_on is not None:
        conditions.append(
            f"{_STATUS} IN ('outstanding', 'awaited') AND coalesce(ir.due_date, rc.response_due) < ?"
        )
        params.append(query.overdue_on.isoformat())
    return conditions, params


def _date_bounds(query: SearchQuery, column: str) -> tuple[list[str], list[Any]]:
    conditions: list[str] = []
    params: list[Any] = []
    if query.date_from is not None:
        conditions.append(f"{column} >= ?")
        params.append(day_key(query.date_from))
    if query.date_to is not None:
        conditions.append(f"{column} < ?")
        params.append(day_key(query.date_to + dt.timedelta(days=1)))
    return conditions, params


def hit_from_row(row: dict[str, Any]) -> SearchHit:
    """A SearchHit from a row of the search's SELECT."""
    item = AgendaItem.model_validate(
        {"id": row["agenda_item_id"], **{f: row[f"item_{f}"] for f in _ITEM_FIELDS}}
    )
    origin = Origin(
        committee_id=row["committee_id"],
        committee=row["committee"],
        meeting_id=item.meeting_id,
        meeting_date=dt.date.fromisoformat(row["meeting_date"]),
        item=item,
    )
    people = tuple(
        (label, row[column])
        for label, column in (
            ("asked by", "asked_by"),
            ("answered by", "answered_by"),
            ("asked of", "requested_of"),
            ("made to", "addressee"),
        )
        if row.get(column)
    )
    return SearchHit(
        key=int(row["key"]),
        kind=row["kind"] or ITEM,
        record_id=row["record_id"],
        origin=origin,
        snippet=row["snippet"] or "",
        status=row["status"] or "",
        people=people,
        score=row.get("score"),
    )


class SearchRepository:
    """Pages of search results, counts, and the assurance themes."""

    def __init__(self, handle: Handle) -> None:
        self._h = handle
        #: Whether each person searched for is found as typed (else as the start of a name), by
        #: (person, confidential): an exempt item's names must not change what a public search does.
        self._whole_names: dict[tuple[str, bool], bool] = {}

    def _expression(self, query: SearchQuery) -> str | None:
        """The query's FTS5 expression. A person is matched as typed when anything names them so
        (a phrase, quick however common); otherwise their last word is taken as the start of a
        word ("Director of Fin"), which costs more on a common word."""
        if not query.person.strip():
            return query.expression()
        asked = (query.person, query.confidential)
        whole = self._whole_names.get(asked)
        if whole is None:
            exact = fts.column_phrase("names", query.person)
            public = "" if query.confidential else " AND a.exempt_paragraph IS NULL"
            whole = (
                exact is None
                or self._h.scalar(
                    "SELECT 1 FROM search s CROSS JOIN search_entry e ON e.key = s.rowid"
                    " CROSS JOIN agenda_item a ON a.id = e.agenda_item_id"
                    f" WHERE search MATCH ?{public} LIMIT 1",
                    [exact],
                )
                is not None
            )
            if len(self._whole_names) > 200:
                self._whole_names.clear()
            self._whole_names[asked] = whole
        return query.expression(person_prefix=not whole)

    # --- pages, newest first ----------------------------------------------------------------------

    def first_page(self, query: SearchQuery, limit: int = PAGE_SIZE) -> list[SearchHit]:
        """The first `limit` results."""
        if query.order is SearchOrder.BEST:
            return self._best(query, "", [], limit, descending=False)
        return self._newest(query, None, limit, descending=True)

    def last_page(self, query: SearchQuery, limit: int = PAGE_SIZE) -> list[SearchHit]:
        """The last `limit` results, in order."""
        if query.order is SearchOrder.BEST:
            return self._best(query, "", [], limit, descending=True)[::-1]
        return self._newest(query, None, limit, descending=False)[::-1]

    def starting_at(self, query: SearchQuery, hit: SearchHit, limit: int = PAGE_SIZE) -> list[SearchHit]:
        """Up to `limit` results from `hit` (included) on."""
        if query.order is SearchOrder.BEST:
            return self._best(
                query,
                "(score > ? OR (score = ? AND key <= ?))",
                [hit.score, hit.score, hit.key],
                limit,
                descending=False,
            )
        return self._newest(query, ("<=", hit.key), limit, descending=True)

    def page_after(self, query: SearchQuery, hit: SearchHit, limit: int = PAGE_SIZE) -> list[SearchHit]:
        """Up to `limit` results after `hit`."""
        if query.order is SearchOrder.BEST:
            return self._best(
                query,
                "(score > ? OR (score = ? AND key < ?))",
                [hit.score, hit.score, hit.key],
                limit,
                descending=False,
            )
        return self._newest(query, ("<", hit.key), limit, descending=True)

    def page_before(self, query: SearchQuery, hit: SearchHit, limit: int = PAGE_SIZE) -> list[SearchHit]:
        """Up to `limit` results before `hit`, in order."""
        if query.order is SearchOrder.BEST:
            return self._best(
                query,
                "(score < ? OR (score = ? AND key > ?))",
                [hit.score, hit.score, hit.key],
                limit,
                descending=True,
            )[::-1]
        return self._newest(query, (">", hit.key), limit, descending=False)[::-1]

    def all(self, query: SearchQuery, limit: int) -> list[SearchHit]:
        """Up to `limit` results, in order (for the command line, which prints them)."""
        found: list[SearchHit] = []
        while len(found) < limit:
            page = (
                self.page_after(query, found[-1], min(PAGE_SIZE, limit - len(found)))
                if found
                else self.first_page(query, min(PAGE_SIZE, limit))
            )
            if not page:
                break
            found += page
        return found

    def _newest(
        self, query: SearchQuery, bound: tuple[str, int] | None, limit: int, *, descending: bool
    ) -> list[SearchHit]:
        if limit <= 0:
            return []
        expression = self._expression(query)
        key = "s.rowid" if expression else "e.key"
        conditions, params = _filters(query)
        dates, date_params = _date_bounds(query, key)
        conditions += dates
        params += date_params
        if bound is not None:
            conditions.append(f"{key} {bound[0]} ?")
            params.append(bound[1])
        if expression:
            source = " FROM search s CROSS JOIN search_entry e ON e.key = s.rowid"
            conditions.insert(0, "search MATCH ?")
            params.insert(0, expression)
            # Found only by a name or a kind: show the record's own text, not what was matched.
            snippet = _SNIPPET if query.has_words else _EXCERPT
        else:
            source = " FROM search_entry e"
            snippet = _EXCERPT
        direction = "DESC" if descending else "ASC"
        sql = (
            f"SELECT {key} AS key, {snippet} AS snippet, NULL AS score, {_DETAILS}{source}{_JOINS}"
            f" WHERE {' AND '.join(conditions)} ORDER BY {key} {direction} LIMIT ?"
        )
        return [hit_from_row(row) for row in self._h.rows(sql, [*params, limit])]

    # --- pages, best first ------------------------------------------------------------------------

    def _best(
        self, query: SearchQuery, paging: str, paging_params: list[Any], limit: int, *, descending: bool
    ) -> list[SearchHit]:
        """The newest BEST_OF matches ranked; one page of them, then their snippets."""
        expression = self._expression(query)
        if not expression:
            return self._newest(
                replace(query, order=SearchOrder.NEWEST), None, limit, descending=not descending
            )
        if limit <= 0:
            return []
        conditions, params = _filters(query)
        dates, date_params = _date_bounds(query, "s.rowid")
        weights = ", ".join(str(w) for w in WEIGHTS)
        direction = "DESC" if descending else "ASC"
        other = "ASC" if descending else "DESC"
        ranked = self._h.rows(
            f"""WITH candidates AS (
                    SELECT s.rowid AS key, bm25(search, {weights}) AS score
                    FROM search s CROSS JOIN search_entry e ON e.key = s.rowid{_JOINS}
                    WHERE search MATCH ? AND {" AND ".join(conditions + dates)}
                    ORDER BY s.rowid DESC LIMIT {BEST_OF})
                SELECT key, score FROM candidates {"WHERE " + paging if paging else ""}
                ORDER BY score {direction}, key {other} LIMIT ?""",
            [expression, *params, *date_params, *paging_params, limit],
        )
        if not ranked:
            return []
        scores = {int(r["key"]): float(r["score"]) for r in ranked}
        marks = ", ".join("?" for _ in scores)
        snippet = _SNIPPET if query.has_words else _EXCERPT
        rows = self._h.rows(
            f"SELECT s.rowid AS key, {snippet} AS snippet, NULL AS score, {_DETAILS}"
            f" FROM search s CROSS JOIN search_entry e ON e.key = s.rowid{_JOINS}"
            f" WHERE search MATCH ? AND s.rowid IN ({marks})",
            [expression, *scores],
        )
        hits = {int(row["key"]): replace(hit_from_row(row), score=scores[int(row["key"])]) for row in rows}
        return [hits[key] for key in scores if key in hits]

    # --- counts and one document ------------------------------------------------------------------

    def count(self, query: SearchQuery, cap: int = COUNT_CAP) -> Found:
        """How many results there are, counted up to `cap`."""
        expression = self._expression(query)
        conditions, params = _filters(query)
        key = "s.rowid" if expression else "e.key"
        dates, date_params = _date_bounds(query, key)
        if expression:
            source = "search s CROSS JOIN search_entry e ON e.key = s.rowid"
            conditions = ["search MATCH ?", *conditions]
            params = [expression, *params]
        else:
            source = "search_entry e"
        found = int(
            self._h.scalar(
                f"SELECT count(*) FROM (SELECT 1 FROM {source}{_JOINS}"
                f" WHERE {' AND '.join(conditions + dates)} LIMIT ?)",
                [*params, *date_params, cap + 1],
            )
        )
        return Found(min(found, cap), found > cap)

    def document(self, query: SearchQuery, hit: SearchHit) -> tuple[str, str, str]:
        """The hit's whole text, detail and names, the words found marked (as the query sees them)."""
        expression = self._expression(query)
        if expression:
            row = self._h.row(
                "SELECT "
                + ", ".join(
                    f"highlight(search, {n}, char({ord(MARK_START)}), char({ord(MARK_END)})) AS c{n}"
                    for n in range(3)
                )
                + " FROM search WHERE search MATCH ? AND rowid = ?",
                [expression, hit.key],
            )
        else:
            row = self._h.row(
                "SELECT text AS c0, detail AS c1, names AS c2 FROM search_document WHERE key = ?", [hit.key]
            )
        if row is None:
            return hit.snippet, "", ""
        return str(row["c0"] or ""), str(row["c1"] or ""), str(row["c2"] or "")

    # --- themes -----------------------------------------------------------------------------------

    def themes(self, committee_id: int | None = None, *, confidential: bool = False) -> list[Theme]:
        """Every assurance theme (its close spellings together), with how its assurances stand."""
        conditions = ["r.deleted_at IS NULL"]
        params: list[Any] = []
        if committee_id is not None:
            conditions.append("m.committee_id = ?")
            params.append(committee_id)
        if not confidential:
            conditions.append("a.exempt_paragraph IS NULL")
        rows = self._h.rows(
            "SELECT s.theme AS theme, s.status AS status, count(*) AS n, min(m.date) AS first, max(m.date) AS last"
            " FROM assurance s JOIN record r ON r.id = s.record_id"
            " JOIN agenda_item a ON a.id = r.agenda_item_id JOIN meeting m ON m.id = a.meeting_id"
            f" WHERE {' AND '.join(conditions)} GROUP BY s.theme, s.status",
            params,
        )
        spellings: dict[str, dict[str, Any]] = {}
        for row in rows:
            found = spellings.setdefault(
                row["theme"], {"count": 0, "by_status": {}, "first": row["first"], "last": row["last"]}
            )
            found["count"] += row["n"]
            found["by_status"][row["status"]] = row["n"]
            found["first"] = min(found["first"], row["first"])
            found["last"] = max(found["last"], row["last"])
        return group(Spelling(theme, **values) for theme, values in spellings.items())

    def theme_query(
        self, theme: str, committee_id: int | None = None, *, confidential: bool = False
    ) -> ThemeQuery:
        """The history query of `theme` (with every close spelling of it that was minuted)."""
        spellings = spellings_of(theme, self.themes(committee_id, confidential=confidential))
        return ThemeQuery(tuple(spellings), committee_id, confidential)

    def theme_page(
        self,
        query: ThemeQuery,
        after: ThemeEntry | None = None,
        limit: int = PAGE_SIZE,
        *,
        backward: bool = False,
        include: bool = False,
    ) -> list[ThemeEntry]:
        """Assurances of the theme, oldest first: the first page, or the page after `after` (before
        it, `backward`; from it, `include`). With `backward` and no `after`: the last page."""
        marks = ", ".join("?" for _ in query.spellings)
        conditions = [f"s.theme IN ({marks})", "r.deleted_at IS NULL"]
        params: list[Any] = list(query.spellings)
        if query.committee_id is not None:
            conditions.append("m.committee_id = ?")
            params.append(query.committee_id)
        if not query.confidential:
            conditions.append("a.exempt_paragraph IS NULL")
        order = ("m.date", "m.time", "m.id", "a.position", "r.position", "r.id")
        if after is not None:
            item = after.origin.item
            sign = ("<" if backward else ">") + ("=" if include else "")
            conditions.append(f"({', '.join(order)}) {sign} (?, ?, ?, ?, ?, ?)")
            params += [
                after.origin.meeting_date.isoformat(),
                after.meeting_time,
                after.origin.meeting_id,
                item.position,
                after.record.position,
                after.id,
            ]
        direction = " DESC" if backward else ""
        rows = self._h.rows(
            "SELECT r.id, r.agenda_item_id, r.kind, r.position, r.text, r.created_at, r.updated_at,"
            " s.theme, s.response, s.status, m.date AS meeting_date, m.time AS meeting_time, m.committee_id, c.name AS committee,"
            + "".join(f" a.{f} AS item_{f}," for f in _ITEM_FIELDS)
            + " a.id AS item_id"
            " FROM assurance s JOIN record r ON r.id = s.record_id"
            " JOIN agenda_item a ON a.id = r.agenda_item_id JOIN meeting m ON m.id = a.meeting_id"
            " JOIN committee c ON c.id = m.committee_id"
            f" WHERE {' AND '.join(conditions)}"
            f" ORDER BY {', '.join(f'{column}{direction}' for column in order)} LIMIT ?",
            [*params, limit],
        )
        entries = [self._theme_entry(row) for row in rows]
        return entries[::-1] if backward else entries

    def theme_count(self, query: ThemeQuery) -> int:
        """How many assurances the theme's history lists."""
        marks = ", ".join("?" for _ in query.spellings)
        conditions = [f"s.theme IN ({marks})", "r.deleted_at IS NULL"]
        params: list[Any] = list(query.spellings)
        if query.committee_id is not None:
            conditions.append("m.committee_id = ?")
            params.append(query.committee_id)
        if not query.confidential:
            conditions.append("a.exempt_paragraph IS NULL")
        return int(
            self._h.scalar(
                "SELECT count(*) FROM assurance s JOIN record r ON r.id = s.record_id"
                " JOIN agenda_item a ON a.id = r.agenda_item_id JOIN meeting m ON m.id = a.meeting_id"
                f" WHERE {' AND '.join(conditions)}",
                params,
            )
        )

    @staticmethod
    def _theme_entry(row: dict[str, Any]) -> ThemeEntry:
        record = record_from_dict(
            {
                **{
                    c: row[c]
                    for c in ("id", "agenda_item_id", "kind", "position", "text", "created_at", "updated_at")
                },
                "theme": row["theme"],
                "response": row["response"],
                "status": row["status"],
            }
        )
        assert isinstance(record, Assurance)
        item = AgendaItem.model_validate(
            {"id": row["item_id"], **{f: row[f"item_{f}"] for f in _ITEM_FIELDS}}
        )
        origin = Origin(
            committee_id=row["committee_id"],
            committee=row["committee"],
            meeting_id=item.meeting_id,
            meeting_date=dt.date.fromisoformat(row["meeting_date"]),
            item=item,
        )
        return ThemeEntry(record, origin, str(row["meeting_time"]))


__all__ = [
    "BEST_OF",
    "COUNT_CAP",
    "ITEM",
    "KINDS",
    "MARK_END",
    "MARK_START",
    "OPEN",
    "PAGE_SIZE",
    "STATUSES",
    "Found",
    "SearchHit",
    "SearchOrder",
    "SearchQuery",
    "SearchRepository",
    "ThemeEntry",
    "ThemeQuery",
    "day_key",
    "fitted_parts",
    "marked_parts",
    "plain",
]
