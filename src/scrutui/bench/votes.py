"""Benchmark (not a test): what votes cost the lists and the minutes.

    python -m scrutui.bench.votes [--recommendations 100000] [--records 1000]

Measures, each beside a bare baseline in the same run:

- the recommendations tracker's first page, with the vote of the motion each was carried as (a
  subquery per row), against the same page with the vote left out;
- composing the minutes of an item of `--records` records of which a third are motions put to the
  vote (with amendments), against the same item with narratives in their place.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scrutui.models import (
    AgendaItem,
    Committee,
    Meeting,
    MemberVote,
    Motion,
    Narrative,
    Record,
    VoteCast,
)
from scrutui.store import Store, open_store
from scrutui.store.people import KnownPeople

AS_AT = dt.date(2027, 3, 1)


def build(path: Path, recommendations: int) -> tuple[Store, int]:
    """A database with `recommendations` recommendations under one item, every tenth carried as a
    motion (so every row of the tracker's first page, by due date). Returns the open store and the
    item's id."""
    store = open_store(path)
    committee = store.committees.add(Committee(name="Scrutiny Committee"), [])
    assert committee.id is not None
    meeting = store.meetings.add(
        Meeting(committee_id=committee.id, date="2026-11-23", time="18:00"),
        [AgendaItem(meeting_id=0, number="1", title="Budget")],
    )
    assert meeting.id is not None
    item = store.agenda.for_meeting(meeting.id)[0].id or 0
    motions = recommendations // 10
    with store.handle.write() as conn:
        conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)"
            " INSERT INTO record (agenda_item_id, kind, position, text, created_at, updated_at)"
            " SELECT ?, 'recommendation', i, 'the budget line ' || i || ' be reviewed', '2026-11-23', '2026-11-23'"
            " FROM n",
            [recommendations, item],
        )
        conn.execute(
            "INSERT INTO recommendation (record_id, addressee, response_due)"
            " SELECT id, 'Cabinet', date('2027-01-01', '+' || (id % 300) || ' days') FROM record"
            " WHERE kind = 'recommendation'"
        )
        first = int(conn.execute("SELECT min(id) FROM record WHERE kind = 'recommendation'").fetchone()[0])
        conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)"
            " INSERT INTO record (agenda_item_id, kind, position, text, created_at, updated_at)"
            " SELECT ?, 'motion', ? + i, 'the budget line ' || (i * 10 + 10) || ' be reviewed', '2026-11-23', '2026-11-23'"
            " FROM n",
            [motions, item, recommendations + 1],
        )
        conn.execute(
            "INSERT INTO motion (record_id, outcome, votes_for, votes_against, abstentions, decision_id)"
            " SELECT id, 'carried', 5, 1, 0, ? + (position - ?) * 10 - 1 FROM record WHERE kind = 'motion'",
            [first, recommendations],
        )
    return store, item


def paired_ms(first: Callable[[], object], second: Callable[[], object], repeat: int) -> tuple[float, float]:
    """The median times of `first` and `second` in milliseconds, run in turn (so a busy machine
    slows both alike)."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for run, kept in ((first, times[0]), (second, times[1])):
            started = time.perf_counter()
            run()
            kept.append(time.perf_counter() - started)
    return statistics.median(times[0]) * 1000, statistics.median(times[1]) * 1000


def tracker_page(store: Store, repeat: int) -> dict[str, float]:
    """The first page of recommendations with their votes, and the same page's rows read bare
    (exactly what the tracker does, less the votes' query)."""
    import scrutui.store.tracker as tracker
    from scrutui.store.tracker import StatusFilter, Tracked, TrackerQuery

    query = TrackerQuery(as_at=AS_AT, kind=Tracked.RECOMMENDATIONS, status=StatusFilter.ALL)
    repository = store.tracker
    bare_rows = tracker.TrackerRepository._tracked

    def bare_tracked(self: tracker.TrackerRepository, rows: list[Any], kind: Tracked) -> list[Any]:
        return [tracker.tracked_from_row(row, kind) for row in rows]

    def bare() -> object:
        tracker.TrackerRepository._tracked = bare_tracked  # type: ignore[method-assign]
        try:
            return repository.first_page(query)
        finally:
            tracker.TrackerRepository._tracked = bare_rows  # type: ignore[method-assign]

    voted, plain = paired_ms(lambda: repository.first_page(query), bare, repeat)
    shown = sum(1 for row in repository.first_page(query) if row.vote is not None)
    return {
        "first page with votes (ms)": voted,
        "first page, bare (ms)": plain,
        "ratio": voted / plain,
        "rows of the page with a vote": shown,
    }


def item_records(count: int) -> tuple[list[Record], list[Record]]:
    """An item's records with motions (a motion, an amendment, a note, in turn), and the same
    number of narratives in their place."""
    lines = tuple(MemberVote(person_id=n, name=f"Councillor {n}", vote=VoteCast.FOR) for n in range(1, 8))
    voted: list[Record] = []
    plain: list[Record] = []
    for n in range(count):
        plain.append(Narrative(id=n + 1, agenda_item_id=1, text=f"Members discussed line {n}."))
        match n % 3:
            case 0:
                voted.append(
                    Motion(
                        id=n + 1,
                        agenda_item_id=1,
                        text=f"line {n} be cut",
                        moved_by="Cllr A",
                        seconded_by="Cllr B",
                        outcome="carried",
                        votes_for=5,
                        votes_against=2,
                    )
                )
            case 1:
                voted.append(
                    Motion(
                        id=n + 1,
                        agenda_item_id=1,
                        text=f"line {n} be kept",
                        amendment=True,
                        outcome="lost",
                        recorded_votes=lines[:2]
                        + tuple(line.model_copy(update={"vote": VoteCast.AGAINST}) for line in lines[2:]),
                    )
                )
            case _:
                voted.append(Narrative(id=n + 1, agenda_item_id=1, text=f"Members discussed line {n}."))
    return voted, plain


def composing(records: int, repeat: int) -> dict[str, float]:
    """Composing one item's minutes with motions, and with narratives in their place."""
    from scrutui.minutes import item_paragraphs

    committee = Committee(name="Scrutiny Committee")
    people = KnownPeople(())
    item = AgendaItem(id=1, meeting_id=1, number="1", title="Budget")
    voted, plain = item_records(records)
    with_votes, bare = paired_ms(
        lambda: item_paragraphs(item, voted, committee, people),
        lambda: item_paragraphs(item, plain, committee, people),
        repeat,
    )
    return {
        "item with motions (ms)": with_votes,
        "item of narratives, bare (ms)": bare,
        "ratio": with_votes / bare,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(prog="python -m scrutui.bench.votes", description=__doc__)
    parser.add_argument("--recommendations", type=int, default=100_000)
    parser.add_argument("--records", type=int, default=1000, help="records of the item composed")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        store, _ = build(Path(folder) / "votes.sqlite", args.recommendations)
        try:
            figures = tracker_page(store, args.repeat)
        finally:
            store.close()
    print(f"\n{args.recommendations:,} recommendations, every tenth carried as a motion")
    for name, value in figures.items():
        print(f"  {name:<40} {value:8.2f}")
    print(f"\nan item of {args.records:,} records, a third of them motions and a third amendments")
    for name, value in composing(args.records, args.repeat).items():
        print(f"  {name:<40} {value:8.2f}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
