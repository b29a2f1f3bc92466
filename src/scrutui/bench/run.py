"""Benchmarks at council scale, each against a bare baseline measured in the same run.

Run ``python -m scrutui.bench`` (full size: 30 committees x 10 meetings x 20 years, 15 items a
meeting, 25 records an item: about 2.25 million records) or ``python -m scrutui.bench --small``.
It prints a table and writes the figures as JSON. Machines are shared and noisy, so compare the
ratios to the baselines rather than the raw times.

Not part of the test gate: tests only run it at a tiny size to keep it working.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrutui.bench.council import FULL, SMALL, Size, build_council
from scrutui.bench.measure import Measure, render_table, timed

#: What both start-up children share: the clock from interpreter start, and the report once the
#: first frame is painted (time, and peak memory where the platform can tell).
CHILD_PRELUDE = """
import atexit, sys, time
started = time.perf_counter()

def peak_mb():
    try:
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    except ImportError:
        return -1

atexit.register(lambda: print(f"PEAK {peak_mb()}", flush=True))

def painted(app):
    print(f"PAINTED {(time.perf_counter() - started) * 1000:.1f} {peak_mb()}", flush=True)
    # Quit once what follows the first paint (scrutui reads the rest of the meeting) has run.
    app.call_after_refresh(lambda: app.call_after_refresh(app.exit))

def at_first_frame(app, shows):
    # The app hands each composed frame to the terminal through _display (headless: no further):
    # the first frame of the screen wanted, with its content drawn, is the first paint.
    display = app._display
    def first(screen, renderable):
        display(screen, renderable)
        if renderable is not None and app._display is first and shows(screen):
            app._display = display
            painted(app)
    app._display = first
"""

CHILD_MINUTING = """
import gc, importlib.util
if importlib.util.find_spec("scrutui.launch"):
    gc.disable()  # as the installed command does (scrutui.launch; earlier scrutuis did not)
""" + CHILD_PRELUDE + """
from pathlib import Path
import scrutui.tui.app as app_module
from scrutui.tui.screens.minuting import MinutingScreen

def minuting_drawn(screen):
    if not isinstance(screen, MinutingScreen) or not screen.is_mounted:
        return False
    return bool(str(screen.query_one("#meeting-title").render()).strip())

class Bench(app_module.ScrutuiApp):
    def on_mount(self, event):
        event.prevent_default()  # straight to the minuting screen, not the meetings list first
        at_first_frame(self, minuting_drawn)
        self.push_screen(MinutingScreen(int(sys.argv[2])))

# (Written so that it also starts earlier scrutuis, for --startup-trees.)
if hasattr(Bench, "on_database"):
    app = Bench.on_database(Path(sys.argv[1]), blink=False)
else:
    from scrutui.store import open_store
    app = Bench(open_store(Path(sys.argv[1])), blink=False)
run_app = getattr(app_module, "run_app", None)
if run_app is not None:
    run_app(app, headless=True, size=(80, 24))
else:
    app.run(headless=True, size=(80, 24))
"""

CHILD_HOME = """
import gc, importlib.util
if importlib.util.find_spec("scrutui.launch"):
    gc.disable()
""" + CHILD_PRELUDE + """
from pathlib import Path
import scrutui.tui.app as app_module
from scrutui.tui.screens.home import HomeScreen

def home_drawn(screen):
    return isinstance(screen, HomeScreen) and screen.is_mounted and screen.query_one("#meetings").row_count > 0

class Bench(app_module.ScrutuiApp):
    def on_mount(self, event):
        at_first_frame(self, home_drawn)  # and then on as the app starts: the meetings list first

if hasattr(Bench, "on_database"):
    app = Bench.on_database(Path(sys.argv[1]), blink=False)
else:
    from scrutui.store import open_store
    app = Bench(open_store(Path(sys.argv[1])), blink=False)
run_app = getattr(app_module, "run_app", None)
if run_app is not None:
    run_app(app, headless=True, size=(80, 24))
else:
    app.run(headless=True, size=(80, 24))
"""

CHILD_BARE = CHILD_PRELUDE + """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("bare")
        yield Footer()
    def on_mount(self):
        at_first_frame(self, lambda screen: True)

Bare().run(headless=True, size=(80, 24))
"""


@dataclass(frozen=True)
class Started:
    """One start of a child interpreter."""

    to_paint: float  # ms from launching it to its first frame being painted (as the user sees it)
    whole: float  # ms from launching it to its exit (first paint, what follows it, quit)
    inside: float  # ms from its first line of Python to the first paint
    peak: float  # MB, the most it held by its exit


def _child(code: str, *args: str, source: Path | None = None) -> Started:
    """Run a child interpreter that reports its first paint, then quits (scrutui from `source`, a
    folder holding a ``scrutui`` package, if given)."""
    # As an installed program runs: with compiled bytecode cached (pip writes it on install), even
    # where the environment asks Python not to write any.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if source is not None:
        env["PYTHONPATH"] = str(source)
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    assert process.stdout is not None
    to_paint, line = 0.0, ""
    for line in process.stdout:
        if line.startswith("PAINTED"):
            to_paint = (time.perf_counter() - started) * 1000
            break
    rest, errors = process.communicate(timeout=300)
    whole = (time.perf_counter() - started) * 1000
    if process.returncode or not to_paint:
        raise RuntimeError(f"the start-up child failed ({process.returncode}): {errors[-2000:]}")
    _, inner, _ = line.split()
    peak = next((p.split()[1] for p in rest.splitlines() if p.startswith("PEAK")), "-1")
    return Started(to_paint, whole, float(inner), float(peak))


def measure_startup(db: Path, meeting_id: int, runs: int) -> tuple[Measure, Measure, Measure, Measure]:
    """Start-up to first paint of the meetings list (what `scrutui` opens on) and of the minuting
    screen vs a bare Textual app (as the user sees it, and the whole process with its exit); and
    peak memory."""
    home = Measure(
        "start-up to first paint (meetings list)",
        baseline="bare Textual app, header + footer",
        target="<= 1.2x bare",
    )
    startup = Measure(
        "start-up to first paint (minuting screen)",
        baseline="bare Textual app, header + footer",
        target="<= 1.2x bare",
    )
    whole = Measure(
        "start, first paint, the rest read, quit: the whole process (minuting screen)",
        baseline="bare Textual app, header + footer",
    )
    memory = Measure(
        "peak memory, app with the database open", baseline="bare Textual app", unit="MB", target="<= 200 MB"
    )  # (by the child's exit: after the first paint, with the meeting read through the store)
    _child(CHILD_MINUTING, str(db), str(meeting_id))  # warm-up: compiles and caches bytecode, fills the OS cache
    _child(CHILD_HOME, str(db))
    _child(CHILD_BARE)
    for _ in range(runs):  # interleaved, so load on the machine hits both alike
        listed = _child(CHILD_HOME, str(db))
        home.samples.append(listed.to_paint)
        home.baseline_samples.append(_child(CHILD_BARE).to_paint)
        app = _child(CHILD_MINUTING, str(db), str(meeting_id))
        bare = _child(CHILD_BARE)
        startup.samples.append(app.to_paint)
        startup.baseline_samples.append(bare.to_paint)
        whole.samples.append(app.whole)
        whole.baseline_samples.append(bare.whole)
        memory.samples.append(app.peak)
        memory.baseline_samples.append(bare.peak)
    return home, startup, memory, whole


def measure_startup_trees(db: Path, meeting_id: int, runs: int, trees: Sequence[Path]) -> list[Measure]:
    """Start-up to first paint of the meetings list and of the minuting screen with scrutui taken
    from each source tree in turn (each a checkout's ``src`` folder: one commit per step of a
    change), interleaved with the bare app, all in the same run."""
    import shutil

    screens = {"meetings list": CHILD_HOME, "minuting screen": CHILD_MINUTING}
    found = {
        (tree, screen): Measure(f"start-up to first paint ({screen}), {tree}", baseline="bare Textual app, header + footer")
        for tree in trees
        for screen in screens
    }
    # Each tree gets its own copy of the database, brought to its own schema by its first start
    # (an earlier scrutui refuses a database a later one has upgraded): use a small council.
    copies = []
    for number, tree in enumerate(trees):
        copy = db.with_name(f"{db.stem}-tree{number}{db.suffix}")
        shutil.copyfile(db, copy)
        copies.append(copy)
        _child(CHILD_MINUTING, str(copy), str(meeting_id), source=tree)  # warm-up, and its schema
    _child(CHILD_BARE)
    try:
        for _ in range(runs):
            for tree, copy in zip(trees, copies, strict=True):
                for screen, child in screens.items():
                    measure = found[tree, screen]
                    measure.samples.append(_child(child, str(copy), str(meeting_id), source=tree).to_paint)
                    measure.baseline_samples.append(_child(CHILD_BARE).to_paint)
    finally:
        for copy in copies:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{copy}{suffix}").unlink(missing_ok=True)
            for backup in copy.parent.glob(f"{copy.stem}.before-v*"):
                backup.unlink()
    return list(found.values())


def measure_save(db: Path, meeting_id: int, saves: int) -> Measure:
    """One record through the app's own save path (MinutingSession.submit) until committed, vs a
    bare sqlite3 INSERT + COMMIT with the same pragmas on the same disk."""
    from scrutui.session import MinutingSession
    from scrutui.store import open_store

    measure = Measure(
        "save one record until committed",
        baseline="bare sqlite3 insert + commit (WAL, FULL)",
        target="median <= 2 ms, p99 <= 10 ms",
    )
    store = open_store(db)
    session = MinutingSession(store, meeting_id)
    item_id = session.agenda()[-1].id or 0
    bare_path = db.with_name("bare-insert.sqlite")
    bare = sqlite3.connect(bare_path, isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON", "busy_timeout = 10000"):
        bare.execute(f"PRAGMA {pragma}")
    bare.execute("CREATE TABLE IF NOT EXISTS note (id INTEGER PRIMARY KEY, item INTEGER, text TEXT)")
    lines = [
        "The Director presented the report.",
        "q Councillor Member1: how many | Director of Service: 51",
        "ir Director of Service: the risk register",
        "r the report be noted",
    ]
    def bare_insert(line: str) -> None:
        bare.execute("BEGIN IMMEDIATE")
        bare.execute("INSERT INTO note (item, text) VALUES (?, ?)", [item_id, line])
        bare.execute("COMMIT")

    for line in lines:  # warm up: the first due date loads the bank-holiday tables, once per process
        session.submit(item_id, line)
        bare_insert(line)
    for number in range(saves):
        line = lines[number % len(lines)]
        measure.samples.append(timed(lambda: session.submit(item_id, line)))  # noqa: B023 - called at once
        measure.baseline_samples.append(timed(lambda: bare_insert(line)))  # noqa: B023
    store.close()
    bare.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{bare_path}{suffix}").unlink(missing_ok=True)
    return measure


#: The other benchmarks whose measures the whole benchmark includes.
EXTRAS = ("export", "tracker", "search", "typing", "lists")
#: The module of each (``python -m scrutui.bench.<module>`` runs it alone).
BENCH_MODULES = {
    "export": "export",
    "tracker": "tracker",
    "search": "search",
    "typing": "typing_path",
    "lists": "lists",
}


def extra_measures(db: Path, meeting_id: int, runs: int, skip: Sequence[str] = ()) -> Iterator[Measure]:
    """Measures other parts of scrutui provide (export, tracker, typing, lists), when installed."""
    import importlib

    for module_name in (f"scrutui.bench.{BENCH_MODULES[name]}" for name in EXTRAS if name not in skip):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        provider = getattr(module, "bench_measures", None)
        if provider is not None:
            yield from provider(db, meeting_id, runs)


def index_measures(built: dict[str, Any]) -> list[Measure]:
    """The search index's build time and the file's growth, when this run built the council."""
    if "search_index_seconds" not in built:
        return []
    before, after = built["bytes_before_search_index"] / 1e6, built["bytes"] / 1e6
    return [
        Measure(
            f"search index built as the upgrade builds it ({built['records']:,} records)",
            samples=[built["search_index_seconds"]],
            unit="s",
            target="report",
        ),
        Measure(
            "database size with the search index",
            samples=[after],
            baseline="the same database without it",
            baseline_samples=[before],
            unit="MB",
            target="report",
        ),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scrutui.bench", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--small", action="store_true", help="a small council (seconds, for checking it works)"
    )
    parser.add_argument("--committees", type=int)
    parser.add_argument("--years", type=int)
    parser.add_argument("--db", type=Path, help="reuse (or build once into) this database file")
    parser.add_argument("--runs", type=int, default=7, help="repeats of each start-up measure")
    parser.add_argument("--saves", type=int, default=500, help="records saved for the save measure")
    parser.add_argument("--json", type=Path, default=Path("bench-out/benchmarks.json"))
    parser.add_argument(
        "--startup-only", action="store_true", help="only the start-up measures (to compare one change)"
    )
    parser.add_argument(
        "--skip", nargs="*", default=[], choices=EXTRAS, help="leave out these other benchmarks' measures"
    )
    parser.add_argument(
        "--startup-trees",
        type=Path,
        nargs="+",
        metavar="SRC",
        help="only start-up, with scrutui from each of these source folders in turn (steps of a change)",
    )
    args = parser.parse_args(argv)
    size = SMALL if args.small else FULL
    if args.committees or args.years:
        size = Size(
            committees=args.committees or size.committees,
            years=args.years or size.years,
            meetings_a_year=size.meetings_a_year,
            items=size.items,
            records=size.records,
        )
    work = Path(tempfile.mkdtemp(prefix="scrutui-bench-"))
    db = args.db or work / "council.sqlite"
    built: dict[str, Any] = {}
    if not db.exists():
        print(f"building {size.total_records:,} records into {db} ...", flush=True)
        seconds = timed(lambda: built.update(build_council(db, size))) / 1000
        built["build_seconds"] = round(seconds, 1)
        print(f"built in {seconds:.0f} s ({built['bytes'] / 1e6:.0f} MB)", flush=True)
    conn = sqlite3.connect(db)
    meeting_id = int(conn.execute("SELECT max(id) FROM meeting").fetchone()[0])
    built.setdefault("records", conn.execute("SELECT count(*) FROM record").fetchone()[0])
    conn.close()
    gc.collect()
    measures: list[Measure] = []
    if args.startup_trees:
        measures += measure_startup_trees(db, meeting_id, args.runs, args.startup_trees)
    elif args.startup_only:
        measures += measure_startup(db, meeting_id, args.runs)
    else:
        home, startup, memory, whole = measure_startup(db, meeting_id, args.runs)
        measures += [home, startup, measure_save(db, meeting_id, args.saves), memory, whole]
        measures += list(extra_measures(db, meeting_id, args.runs, args.skip))
    measures += index_measures(built)
    table = render_table(measures)
    print()
    print(
        f"{built['records']:,} records · {platform.processor() or platform.machine()} · "
        f"{os.cpu_count()} cores · Python {platform.python_version()}"
    )
    print(table)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps(
            {
                "when": dt.datetime.now().isoformat(timespec="seconds"),
                "machine": {
                    "platform": platform.platform(),
                    "cores": os.cpu_count(),
                    "python": platform.python_version(),
                },
                "database": {**built, "path": str(db)},
                "measures": [m.as_dict() for m in measures],
            },
            indent=2,
        )
    )
    print(f"\nfigures written to {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
