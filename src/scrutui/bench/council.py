"""The synthetic council the benchmarks measure: committees, ten meetings a year for years, items and
records of every kind, built straight into a scrutui database."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

WORDS = [
    "the",
    "committee",
    "report",
    "council",
    "service",
    "budget",
    "children",
    "social",
    "care",
    "workforce",
    "plan",
    "quality",
    "inspection",
    "officers",
    "members",
    "partners",
    "review",
    "improvement",
    "performance",
    "risk",
    "families",
    "schools",
    "housing",
    "health",
    "assurance",
    "funding",
    "recruitment",
    "agency",
    "caseloads",
    "timescales",
    "outcomes",
    "delivery",
    "consultation",
    "strategy",
    "progress",
    "monitoring",
    "board",
    "cabinet",
    "director",
    "assistant",
    "head",
    "manager",
]
#: Kinds of the 25 records of an item: 10 narratives, 7 questions, 2 assurances, 2 information
#: requests, 3 resolutions and 1 recommendation.
ITEM_KINDS = (
    ["narrative"] * 10
    + ["question"] * 7
    + ["assurance"] * 2
    + ["information_request"] * 2
    + ["resolution"] * 3
    + ["recommendation"]
)


@dataclass(frozen=True)
class Size:
    """How big a council to build."""

    committees: int = 30
    meetings_a_year: int = 10
    years: int = 20
    items: int = 15
    records: int = 25

    @property
    def total_records(self) -> int:
        """Records the council will hold."""
        return self.committees * self.meetings_a_year * self.years * self.items * self.records


FULL = Size()
SMALL = Size(committees=2, meetings_a_year=4, years=2, items=6, records=25)


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def build_council(path: Path, size: Size, seed: int = 1) -> dict[str, Any]:
    """Build a synthetic council database at `path` with bulk inserts; return what it holds."""
    from scrutui.bench.search import build_search_index, drop_search_index
    from scrutui.store import open_store

    open_store(path).close()  # the real schema, through the real migrations
    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    # Loaded as an older scrutui would have left it, without the search index; the index is then
    # built as the upgrade builds it, and timed.
    drop_search_index(conn)
    conn.execute("PRAGMA synchronous = OFF")  # building only; the app always uses FULL
    conn.execute("PRAGMA foreign_keys = OFF")
    stamp = "2026-01-01T00:00:00"
    start_year = 2026 - size.years
    texts = [_sentence(rng, n) for n in (12, 25, 40, 60, 80) for _ in range(40)]
    record_id = item_id = meeting_id = person_id = 0
    conn.execute("BEGIN")
    for committee in range(1, size.committees + 1):
        conn.execute(
            "INSERT INTO committee (id, name, quorum, created_at) VALUES (?, ?, 3, ?)",
            [committee, f"Scrutiny Committee {committee}", stamp],
        )
        members = []
        for number in range(12):
            person_id += 1
            role = "chair" if number == 0 else "officer" if number >= 9 else "member"
            name = f"Councillor Member{person_id}" if role != "officer" else f"Officer {person_id}"
            conn.execute(
                "INSERT INTO person (id, name, title) VALUES (?, ?, ?)",
                [person_id, name, "Director of Service" if role == "officer" else ""],
            )
            conn.execute(
                "INSERT INTO membership (committee_id, person_id, role) VALUES (?, ?, ?)",
                [committee, person_id, role],
            )
            members.append(person_id)
        for year in range(size.years):
            for month in range(size.meetings_a_year):
                meeting_id += 1
                day = dt.date(start_year + year, 1 + month, 10 + committee % 15)
                conn.execute(
                    "INSERT INTO meeting (id, committee_id, date, time, venue, status, created_at) "
                    "VALUES (?, ?, ?, '18:00', 'Council Chamber', 'approved', ?)",
                    [meeting_id, committee, day.isoformat(), stamp],
                )
                conn.executemany(
                    "INSERT INTO attendance (meeting_id, person_id, status) VALUES (?, ?, ?)",
                    [(meeting_id, p, "present" if rng.random() > 0.1 else "apologies") for p in members],
                )
                records: list[tuple[Any, ...]] = []
                questions, assurances, requests, resolutions, recommendations = [], [], [], [], []
                due = (day + dt.timedelta(days=14)).isoformat()
                for position in range(1, size.items + 1):
                    item_id += 1
                    conn.execute(
                        "INSERT INTO agenda_item (id, meeting_id, position, number, title, purpose) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        [item_id, meeting_id, position, str(position), _sentence(rng, 5), rng.choice(texts)],
                    )
                    for place in range(size.records):
                        record_id += 1
                        kind = ITEM_KINDS[place % len(ITEM_KINDS)]
                        records.append((record_id, item_id, kind, place + 1, rng.choice(texts), stamp, stamp))
                        if kind == "question":
                            questions.append(
                                (record_id, "Councillor Member1", "Director of Service", rng.choice(texts))
                            )
                        elif kind == "assurance":
                            assurances.append((record_id, "Workforce", rng.choice(texts), "given"))
                        elif kind == "information_request":
                            status = "outstanding" if rng.random() < 0.2 else "answered"
                            requests.append((record_id, "Director of Service", due, status))
                        elif kind == "resolution":
                            resolutions.append((record_id,))
                        elif kind == "recommendation":
                            recommendations.append((record_id, "Cabinet", due))
                conn.executemany(
                    "INSERT INTO record (id, agenda_item_id, kind, position, text, created_at, "
                    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    records,
                )
                conn.executemany(
                    "INSERT INTO question (record_id, asked_by, answered_by, answer) VALUES (?, ?, ?, ?)",
                    questions,
                )
                conn.executemany(
                    "INSERT INTO assurance (record_id, theme, response, status) VALUES (?, ?, ?, ?)",
                    assurances,
                )
                conn.executemany(
                    "INSERT INTO information_request (record_id, requested_of, due_date, status) "
                    "VALUES (?, ?, ?, ?)",
                    requests,
                )
                conn.executemany("INSERT INTO resolution (record_id) VALUES (?)", resolutions)
                conn.executemany(
                    "INSERT INTO recommendation (record_id, addressee, response_due) VALUES (?, ?, ?)",
                    recommendations,
                )
    # The latest meeting is the one being minuted: still a draft (approved minutes refuse edits).
    conn.execute("UPDATE meeting SET status = 'draft' WHERE id = ?", [meeting_id])
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("ANALYZE")
    conn.close()
    seconds, before, after = build_search_index(path)
    return {
        "records": record_id,
        "meetings": meeting_id,
        "items": item_id,
        "bytes": after,
        "bytes_before_search_index": before,
        "search_index_seconds": round(seconds, 1),
        "latest_meeting": meeting_id,
    }


