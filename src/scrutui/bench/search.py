"""Benchmark (not a test): searching every meeting, beside bare baselines in the same run.

Part of ``python -m scrutui.bench`` (its council of 2.25 million records), and on its own:

    python -m scrutui.bench.search --db council.sqlite [--runs 7] [--saves 300]

Measures the first page of results for a one-word and a three-word query (beside the bare FTS5
query behind them), the search screen's first frame showing results (beside a bare Textual screen
with an input and a table of as many rows), and saving a record with the search index's triggers
and without them (the same saves, interleaved). ``scrutui.bench.build_council`` times the index
build itself: the search migration's SQL run on the whole council, and the growth of the file.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

from scrutui.store.migrations import Migration, available_migrations, split_statements
from scrutui.store.search import SearchQuery

#: The queries measured: a word found in most records, and three found together in many.
ONE_WORD = "workforce"
THREE_WORDS = "agency recruitment caseloads"
_CREATED = re.compile(
    r"^CREATE\s+(?:UNIQUE\s+)?(VIRTUAL TABLE|TABLE|VIEW|TRIGGER|INDEX)\s+(\w+)", re.I | re.M
)


def search_migration() -> Migration:
    """The migration that makes the search index (whatever number it has)."""
    return next(m for m in available_migrations() if m.name.endswith("_search"))


def search_objects() -> list[tuple[str, str]]:
    """(kind, name) of everything the search migration creates, in the order it creates them."""
    return [(kind.upper(), name) for kind, name in _CREATED.findall(search_migration().sql)]


def drop_search_index(conn: sqlite3.Connection) -> None:
    """Take the search index, its triggers and the rest of what its migration made out of a
    database (to build a council as an older scrutui would have left it)."""
    for kind, name in reversed(search_objects()):
        statement = "TABLE" if kind == "VIRTUAL TABLE" else kind
        conn.execute(f"DROP {statement} IF EXISTS {name}")


def build_search_index(path: Path) -> tuple[float, int, int]:
    """Run the search migration's SQL on the database at `path` as an upgrade does (scrutui's
    connection, one IMMEDIATE transaction). Returns (seconds, bytes before, bytes after)."""
    from scrutui.store.connection import connect

    db = connect(path)
    conn = db.conn
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = path.stat().st_size
    started = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    for statement in split_statements(search_migration().sql):
        conn.execute(statement)
    conn.execute("COMMIT")
    seconds = time.perf_counter() - started
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return seconds, before, path.stat().st_size


# --- the first page -------------------------------------------------------------------------------


def _timed(function: Any) -> float:
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def measure_first_pages(db: Path, runs: int) -> list[Any]:
    """The first page of each query (read-only, as a member searches) beside the bare FTS5 query."""
    from scrutui.bench.measure import Measure
    from scrutui.fts import match_expression
    from scrutui.store import open_store

    store = open_store(db, read_only=True)
    measures = []
    try:
        for words in (ONE_WORD, THREE_WORDS):
            measure = Measure(
                f"search: first page of results, {len(words.split())}-word query ({words!r})",
                baseline="bare FTS5 MATCH, newest 100 rowids",
                target="median <= 50 ms",
            )
            query = SearchQuery(words)
            bare = "SELECT rowid FROM search WHERE search MATCH ? ORDER BY rowid DESC LIMIT 100"
            expression = match_expression(words)
            store.search.first_page(query)  # warm the page cache once, as the second search would be
            for _ in range(max(5, runs * 3)):
                measure.samples.append(_timed(lambda q=query: store.search.first_page(q)))
                measure.baseline_samples.append(
                    _timed(lambda: store.handle.rows(bare, [expression]))  # noqa: B023 - called at once
                )
            measures.append(measure)
        found = store.search.count(SearchQuery(ONE_WORD))
        measures[0].name += f", {found} found"
    finally:
        store.close()
    return measures


# --- the screen's first frame ---------------------------------------------------------------------


async def _first_frame(app: Any, screen: Any, ready: Any) -> float:
    """Push `screen`; ms until the first frame in which `ready(screen)` is composed for the terminal."""
    painted = asyncio.Event()
    marks: dict[str, float] = {}
    display = app._display

    def watch_display(target: Any, renderable: Any) -> None:
        if (
            target is screen
            and renderable is not None
            and "at" not in marks
            and screen.is_mounted
            and ready(screen)
        ):
            marks["at"] = time.perf_counter()
            painted.set()
        display(target, renderable)

    app._display = watch_display
    started = time.perf_counter()
    try:
        await app.push_screen(screen)
        await asyncio.wait_for(painted.wait(), 30)
    finally:
        app._display = display
    return (marks["at"] - started) * 1000


def measure_screen(db: Path, runs: int) -> Any:
    """From opening the search screen on a query to its first frame showing results, beside a bare
    Textual screen with an input and a table of as many rows."""
    from textual.app import ComposeResult
    from textual.screen import Screen
    from textual.widgets import DataTable, Input

    from scrutui.bench.measure import Measure
    from scrutui.tui.app import make_app
    from scrutui.tui.screens.search import SearchScreen
    from scrutui.tui.widgets.paged_table import PagedTable

    measure = Measure(
        f"search screen: first frame with results ({ONE_WORD!r})",
        baseline="bare Textual screen, an input and a table of 100 rows",
        target="<= 100 ms",
    )

    class Bare(Screen[None]):
        def compose(self) -> ComposeResult:
            yield Input(ONE_WORD)
            yield DataTable()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("Date", "Min.", "Kind", "Found")
            for n in range(100):
                table.add_row(
                    "10/11/2026", str(n), "Narrative", "the workforce plan was presented to the committee"
                )

    async def run() -> None:
        app = make_app(db, read_only=True, blink=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            for _ in range(max(3, runs)):
                measure.samples.append(
                    await _first_frame(
                        app, SearchScreen(ONE_WORD), lambda s: s.query_one(PagedTable).row_count
                    )
                )
                await pilot.pause()
                app.pop_screen()
                await pilot.pause()
                measure.baseline_samples.append(
                    await _first_frame(app, Bare(), lambda s: s.query_one(DataTable).row_count)
                )
                await pilot.pause()
                app.pop_screen()
                await pilot.pause()

    asyncio.run(run())
    return measure


# --- saving with and without the triggers ---------------------------------------------------------


def measure_save_with_triggers(db: Path, meeting_id: int, saves: int) -> list[Any]:
    """One record through the app's save path until committed, with the search triggers and
    without them: the same lines, in alternating blocks of ten. Timed twice: the wall clock (what
    the clerk waits for, mostly the disk's sync on a shared machine) and the processor time (the
    work the triggers add, steadier). The records saved without the triggers (never indexed) are
    taken out again, so the database stays whole."""
    from scrutui.bench.measure import Measure
    from scrutui.session import MinutingSession
    from scrutui.store import open_store

    wall = Measure(
        "save one record until committed, with the search triggers",
        baseline="the same saves without the search triggers",
        target="<= 1.3x without",
    )
    cpu = Measure(
        "save one record, processor time, with the search triggers",
        baseline="the same saves without the search triggers",
        target="<= 1.3x without",
    )
    store = open_store(db)
    conn = store.handle.db.conn
    session = MinutingSession(store, meeting_id)
    item_id = session.agenda()[-1].id or 0
    lines = [
        "The Director presented the workforce report.",
        "q Councillor Member1: how many agency staff | Director of Service: 51 of 58",
        "ir Director of Service: the recruitment figures",
        "as Workforce: caseloads would fall | a campaign starts in January",
    ]
    triggers = [
        (name, sql)
        for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search\\_%' ESCAPE '\\'"
        )
    ]

    def save(line: str, samples: list[float], processor: list[float]) -> None:
        started, ticks = time.perf_counter(), time.process_time()
        session.submit(item_id, line)
        samples.append((time.perf_counter() - started) * 1000)
        processor.append((time.process_time() - ticks) * 1000)

    for line in lines:  # warm up both paths (bank holidays load once per process)
        session.submit(item_id, line)
    block = 10
    try:
        for start in range(0, saves, block):
            numbers = range(start, min(saves, start + block))
            for number in numbers:
                save(lines[number % len(lines)], wall.samples, cpu.samples)
            with store.handle.write():
                for name, _ in triggers:
                    conn.execute(f"DROP TRIGGER {name}")
            try:
                first = int(conn.execute("SELECT max(id) FROM record").fetchone()[0]) + 1
                for number in numbers:
                    save(lines[number % len(lines)], wall.baseline_samples, cpu.baseline_samples)
                with store.handle.write():
                    conn.execute("DELETE FROM record WHERE id >= ?", [first])
            finally:
                with store.handle.write():
                    for _, sql in triggers:
                        conn.execute(sql)
    finally:
        store.close()
    return [wall, cpu]


def bench_measures(db: Path, meeting_id: int, runs: int) -> list[Any]:
    """The search measures for ``python -m scrutui.bench``."""
    return [
        *measure_first_pages(db, runs),
        measure_screen(db, runs),
        *measure_save_with_triggers(db, meeting_id, 60 * max(1, runs)),
    ]


def main(argv: list[str] | None = None) -> int:
    """Measure on an existing council database (``python -m scrutui.bench --db FILE`` builds one)."""
    from scrutui.bench.measure import render_table

    parser = argparse.ArgumentParser(prog="python -m scrutui.bench.search", description=__doc__)
    parser.add_argument("--db", type=Path, required=True, help="a council database to measure on")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--saves", type=int, default=300)
    args = parser.parse_args(argv)
    conn = sqlite3.connect(args.db)
    meeting_id = int(conn.execute("SELECT max(id) FROM meeting").fetchone()[0])
    conn.close()
    measures = [
        *measure_first_pages(args.db, args.runs),
        measure_screen(args.db, args.runs),
        *measure_save_with_triggers(args.db, meeting_id, args.saves),
    ]
    print(render_table(measures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
