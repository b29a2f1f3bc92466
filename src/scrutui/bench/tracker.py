"""Benchmark (not a test): the tracker with many information requests.

    python -m scrutui.bench.tracker [--requests 100000] [--db PATH] [--keep]

Builds a database of that many information requests with bulk SQL (a few seconds), then measures:
the first page's query and the status counts; the time from opening the tracker screen in a
headless app to its first rows being painted; and the memory the screen holds after paging down
through many pages, at two sizes, to show it does not grow with the number of rows.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gc
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from scrutui.models import Committee
from scrutui.store import open_store
from scrutui.store.tracker import StatusFilter, Tracked, TrackerQuery

#: "Today" for the benchmark, so what is overdue is the same on every run.
AS_AT = dt.date(2026, 11, 23)
STATUSES = ("outstanding", "outstanding", "answered", "answered", "answered", "refused", "withdrawn")
OFFICERS = (
    "Director of Finance",
    "Director of Children's Services",
    "Monitoring Officer",
    "Head of Highways",
    "Chief Executive",
    "Assistant Director, Safeguarding",
)


def build(path: Path, requests: int, *, seed: int = 4) -> None:
    """A database with `requests` information requests over 5 committees and 4 years of meetings."""
    rng = random.Random(seed)
    store = open_store(path)
    committee_ids = []
    for n in range(5):
        committee = store.committees.add(Committee(name=f"Scrutiny Committee {n + 1}"))
        assert committee.id is not None
        committee_ids.append(committee.id)
    stamp = "2026-11-23T09:00:00"
    per_item = 25
    items_needed = max(1, requests // per_item + 1)
    conn = store.handle.db.conn
    with store.handle.write():
        items: list[tuple[int, dt.date]] = []
        meeting_day = dt.date(2022, 1, 10)
        while len(items) < items_needed:
            committee_id = committee_ids[len(items) % len(committee_ids)]
            cursor = conn.execute(
                "INSERT INTO meeting (committee_id, date, time, created_at) VALUES (?, ?, '18:00:00', ?)",
                [committee_id, meeting_day.isoformat(), stamp],
            )
            meeting_id = int(cursor.lastrowid or 0)
            for position in range(1, 5):
                cursor = conn.execute(
                    "INSERT INTO agenda_item (meeting_id, position, number, title) VALUES (?, ?, ?, ?)",
                    [meeting_id, position, str(position), f"Item {position} of meeting {meeting_id}"],
                )
                items.append((int(cursor.lastrowid or 0), meeting_day))
            meeting_day += dt.timedelta(days=1)
        record_rows = []
        detail_rows = []
        first_id = int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM record").fetchone()[0])
        for n in range(requests):
            item_id, day = items[n // per_item]
            record_id = first_id + n
            status = rng.choice(STATUSES)
            due = day + dt.timedelta(days=14)
            answered = (
                (due - dt.timedelta(days=rng.randint(0, 10))).isoformat() if status != "outstanding" else None
            )
            record_rows.append(
                (
                    record_id,
                    item_id,
                    n % per_item + 1,
                    f"Request {n}: figures for ward {rng.randint(1, 60)}",
                    stamp,
                )
            )
            detail_rows.append(
                (
                    record_id,
                    rng.choice(OFFICERS),
                    due.isoformat(),
                    status,
                    answered,
                    "Sent by email." if answered else "",
                )
            )
        conn.executemany(
            "INSERT INTO record (id, agenda_item_id, kind, position, text, created_at, updated_at)"
            " VALUES (?, ?, 'information_request', ?, ?, ?, ?5)",
            record_rows,
        )
        conn.executemany(
            "INSERT INTO information_request (record_id, requested_of, due_date, status, answered_on, response)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            detail_rows,
        )
    conn.execute("ANALYZE")
    store.close()


def _timed(function: object, repeat: int = 7) -> float:
    """The median of several runs, in milliseconds."""
    assert callable(function)
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def measure_queries(path: Path) -> dict[str, float]:
    """How long the first page and the counts take, by filter."""
    store = open_store(path, read_only=True)
    results: dict[str, float] = {}
    for status in (StatusFilter.OUTSTANDING, StatusFilter.OVERDUE, StatusFilter.ALL, StatusFilter.ANSWERED):
        query = TrackerQuery(as_at=AS_AT, kind=Tracked.REQUESTS, status=status)
        results[f"first page ({status.value})"] = _timed(lambda q=query: store.tracker.first_page(q))
    query = TrackerQuery(as_at=AS_AT, status=StatusFilter.ALL)
    results["counts (all committees)"] = _timed(lambda: store.tracker.counts(query))
    query = TrackerQuery(as_at=AS_AT, status=StatusFilter.ALL, committee_id=3)
    results["counts (one committee)"] = _timed(lambda: store.tracker.counts(query))
    last = store.tracker.last_page(TrackerQuery(as_at=AS_AT, status=StatusFilter.ALL))
    results["last page (all)"] = _timed(
        lambda: store.tracker.last_page(TrackerQuery(as_at=AS_AT, status=StatusFilter.ALL))
    )
    results["page before the last (all)"] = _timed(
        lambda: store.tracker.page_before(TrackerQuery(as_at=AS_AT, status=StatusFilter.ALL), last[0].key)
    )
    store.close()
    return results


async def _open_tracker(app: Any, pilot: Any) -> tuple[float, float, Any]:
    """Push the tracker screen; return (ms until its rows are in the table, ms until the first
    frame showing them is composed for the terminal, the screen)."""
    from scrutui.tui.screens.tracker import TrackerScreen
    from scrutui.tui.widgets.paged_table import PagedTable

    screen = TrackerScreen(status=StatusFilter.ALL)
    painted = asyncio.Event()
    marks: dict[str, float] = {}
    display = app._display

    def watch_display(target: Any, renderable: Any) -> None:
        # The app hands each composed frame to the terminal here (headless: it goes no further).
        if (
            target is screen
            and renderable is not None
            and "painted" not in marks
            and screen.is_mounted
            and screen.query_one(PagedTable).row_count
        ):
            marks["painted"] = time.perf_counter()
            painted.set()
        display(target, renderable)

    app._display = watch_display
    started = time.perf_counter()
    try:
        await app.push_screen(screen)
        table = screen.query_one(PagedTable)
        while not table.row_count:
            await asyncio.sleep(0)
        loaded = time.perf_counter()
        await asyncio.wait_for(painted.wait(), 10)
    finally:
        app._display = display
    return (loaded - started) * 1000, (marks["painted"] - started) * 1000, screen


async def measure_screen(path: Path, pages: int, repeat: int = 5) -> dict[str, float]:
    """Open the tracker in a headless app: time to first rows painted, and memory after paging."""
    from scrutui.tui.app import make_app
    from scrutui.tui.widgets.paged_table import PagedTable

    app = make_app(path, read_only=True, blink=False, today=lambda: AS_AT)
    results: dict[str, float] = {}
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        loads, paints = [], []
        for _ in range(repeat):
            loaded, painted, _screen = await _open_tracker(app, pilot)
            loads.append(loaded)
            paints.append(painted)
            await pilot.pause()
            app.pop_screen()
            await pilot.pause()
        results["screen: rows in the table (ms, first open)"] = loads[0]
        results["screen: first frame with rows (ms, first open)"] = paints[0]
        results[f"screen: first frame with rows (ms, median of {repeat})"] = statistics.median(paints)
        gc.collect()
        tracemalloc.start()
        baseline = tracemalloc.take_snapshot()
        _, _, screen = await _open_tracker(app, pilot)
        table = screen.query_one(PagedTable)
        for _ in range(pages):
            await pilot.press("pagedown")
        await pilot.pause()
        gc.collect()
        after = tracemalloc.take_snapshot()
        tracemalloc.stop()
        grown = sum(s.size_diff for s in after.compare_to(baseline, "filename"))
        results["screen: memory held after paging (KiB)"] = grown / 1024
        results["screen: rows held by the table"] = float(table.row_count)
        results["screen: rows paged past"] = float(table.window_start)
    return results


def main(argv: list[str] | None = None) -> int:
    """Build, measure, print."""
    parser = argparse.ArgumentParser(prog="python -m scrutui.bench.tracker", description=__doc__)
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=1_000, help="the smaller size to compare memory with")
    parser.add_argument("--pages", type=int, default=60, help="PgDn presses on the tracker screen")
    parser.add_argument("--repeat", type=int, default=5, help="times the screen is opened for its median")
    parser.add_argument("--db", type=Path, help="where to build the database (default: a temporary folder)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="scrutui-bench-") as work:
        folder = args.db.parent if args.db else Path(work)
        sizes = [(args.small, folder / "small.sqlite"), (args.requests, args.db or folder / "large.sqlite")]
        for count, path in sizes:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            started = time.perf_counter()
            build(path, count)
            print(f"\n{count:,} information requests built in {time.perf_counter() - started:.1f} s ({path})")
            for name, value in measure_queries(path).items():
                print(f"  {name:<48} {value:8.1f} ms")
            for name, value in asyncio.run(measure_screen(path, args.pages, args.repeat)).items():
                print(f"  {name:<48} {value:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())


def bench_measures(db: Path, _meeting_id: int, runs: int) -> list[Any]:
    """The tracker measures for ``python -m scrutui.bench`` on its council database: the first page
    of outstanding requests (the query, and the screen's first frame showing rows)."""
    from scrutui.bench.measure import Measure

    query_measure = Measure("tracker: first page of outstanding requests (query)", target="<= 100 ms")
    screen_measure = Measure("tracker: screen's first frame with rows", target="<= 100 ms")
    store = open_store(db, read_only=True)
    requests = store.handle.scalar("SELECT count(*) FROM information_request")
    query = TrackerQuery(as_at=AS_AT, kind=Tracked.REQUESTS, status=StatusFilter.OUTSTANDING)
    for _ in range(max(3, runs)):
        started = time.perf_counter()
        store.tracker.first_page(query)
        query_measure.samples.append((time.perf_counter() - started) * 1000)
    store.close()

    async def paints() -> None:
        from scrutui.tui.app import make_app

        app = make_app(db, read_only=True, blink=False, today=lambda: AS_AT)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            for _ in range(max(3, runs)):
                _, painted, _ = await _open_tracker(app, pilot)
                screen_measure.samples.append(painted)
                await pilot.pause()
                app.pop_screen()
                await pilot.pause()

    asyncio.run(paints())
    query_measure.name += f" ({requests:,} requests)"
    return [query_measure, screen_measure]
