"""Benchmark (not a test): council-wide lists from the command line, as a member or a chair runs
them, each beside a bare sqlite3 script doing the same job in the same run.

    python -m scrutui.bench.lists --db COUNCIL.sqlite [--runs 3] [--only requests|resolutions]
    python -m scrutui.bench.lists --small        (builds a small council in a temporary folder)

The council is the benchmark's (``scrutui.bench.council``; ``python -m scrutui.bench --db FILE``
builds it once). Every command runs as a new process with its output going to a file, not a
terminal; each measure gives the median wall time and the median peak memory (the largest
resident set) of the process, and their ratios to the bare script's, run interleaved with it.
``--source SRC`` runs scrutui from another source folder (a checkout's ``src``), so that the code
before a change can be measured with the same benchmark.

Measured: ``scrutui requests --status all`` (the table) and ``export requests --status all`` as CSV
and JSON, against a bare script writing the same requests as CSV; and the chair's list for one
committee over its last 1, 5, 10 and 20 years of meetings in every format, against a bare script
writing the same decisions as CSV, so that how it grows with the years shows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from scrutui.bench.measure import Measure, render_table

#: "Today" for every list, so what is overdue is the same on every run.
AS_AT = "2026-11-23"
COMMITTEE = "Scrutiny Committee 1"
YEARS = (1, 5, 10, 20)

# --- the bare baselines: sqlite3 and the standard library, nothing of scrutui --------------------

BARE_REQUESTS = """
import csv, sqlite3, sys
conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
rows = conn.execute(
    "SELECT c.name, m.id, m.date, a.minute_number, a.title, r.id, r.text, d.asked_by, d.requested_of,"
    " d.due_date, d.due_date_by_hand, d.status, d.answered_on, d.response, a.exempt_paragraph IS NOT NULL"
    " FROM information_request d JOIN record r ON r.id = d.record_id"
    " JOIN agenda_item a ON a.id = r.agenda_item_id JOIN meeting m ON m.id = a.meeting_id"
    " JOIN committee c ON c.id = m.committee_id"
    " WHERE r.deleted_at IS NULL AND a.exempt_paragraph IS NULL ORDER BY d.due_date, d.record_id"
)
with open(sys.argv[2], "w", newline="", encoding="utf-8-sig") as out:
    writer = csv.writer(out)
    writer.writerow(["committee", "meeting_id", "meeting_date", "minute", "item", "request_id", "requested",
                     "asked_by", "of", "due", "due_set_by_hand", "status", "answered_on", "response", "exempt"])
    writer.writerows(rows)
"""

BARE_DECISIONS = """
import csv, sqlite3, sys
conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
rows = conn.execute(
    "SELECT c.name, m.id, m.date, a.minute_number, a.title, r.id, r.kind, r.text, rc.addressee,"
    " rc.response_due, rc.response_status, rc.response_date, rc.response_text"
    " FROM record r JOIN agenda_item a ON a.id = r.agenda_item_id JOIN meeting m ON m.id = a.meeting_id"
    " JOIN committee c ON c.id = m.committee_id"
    " LEFT JOIN resolution rs ON rs.record_id = r.id LEFT JOIN recommendation rc ON rc.record_id = r.id"
    " WHERE c.name = ? AND m.date >= ? AND r.kind IN ('resolution', 'recommendation')"
    " AND r.deleted_at IS NULL AND a.exempt_paragraph IS NULL"
    " ORDER BY m.date, m.time, m.id, a.position, r.position, r.id",
    [sys.argv[2], sys.argv[3]],
)
with open(sys.argv[4], "w", newline="", encoding="utf-8-sig") as out:
    writer = csv.writer(out)
    writer.writerow(["committee", "meeting_id", "meeting_date", "minute", "item", "record_id", "decision",
                     "text", "addressee", "response_due", "response_status", "response_date", "response_text"])
    writer.writerows(rows)
"""

#: Runs a command (``-m module args`` or ``-c code args``) and, as it exits, writes its peak resident
#: memory (Linux: VmHWM, which unlike ru_maxrss is not carried over from the parent by fork and exec).
LAUNCHER = """
import atexit, runpy, sys
out = sys.argv[1]
def peak():
    try:
        with open("/proc/self/status") as status:
            kib = next(line.split()[1] for line in status if line.startswith("VmHWM"))
    except (OSError, StopIteration):
        import resource
        kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // (1024 if sys.platform == "darwin" else 1)
    with open(out, "w") as handle:
        handle.write(str(kib))
atexit.register(peak)
how, what = sys.argv[2], sys.argv[3]
if how == "-m":
    sys.argv = [what, *sys.argv[4:]]
    runpy.run_module(what, run_name="__main__", alter_sys=True)
else:
    sys.argv = ["-c", *sys.argv[4:]]
    exec(compile(what, "<bare>", "exec"), {"__name__": "__main__"})
"""


@dataclass
class Case:
    """One list: the scrutui command and the bare script that does the same job."""

    name: str
    group: str
    command: list[str]
    bare: list[str]
    target: str = ""
    seconds: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)
    bare_seconds: list[float] = field(default_factory=list)
    bare_peaks: list[float] = field(default_factory=list)
    rows: int = 0

    def measures(self) -> list[Measure]:
        """Its time and its peak memory, each beside the bare script's."""
        baseline = "bare sqlite3 script writing the same rows as CSV"
        memory_target = "<= 150 MB" if "<= 150 MB" in self.target else ""
        return [
            Measure(
                f"{self.name} ({self.rows:,} rows)",
                [s * 1000 for s in self.seconds],
                baseline,
                [s * 1000 for s in self.bare_seconds],
                target=self.target.replace(", <= 150 MB", ""),
            ),
            Measure(f"{self.name}, peak memory", self.peaks, baseline, self.bare_peaks, unit="MB", target=memory_target),
        ]


def run_measured(args: Sequence[str], stdout: Path | None = None, source: Path | None = None) -> tuple[float, float]:
    """Run ``python -m module ...`` or ``python -c code ...`` to the end (scrutui from `source`, a
    folder holding a ``scrutui`` package, if given); return (wall seconds, peak memory in MB)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["COLUMNS"] = "120"
    env.pop("PAGER", None)
    if source is not None:
        env["PYTHONPATH"] = str(source)
    with tempfile.NamedTemporaryFile("r", suffix=".peak", delete=False) as peak_file:
        peak_path = Path(peak_file.name)
    try:
        with open(stdout or os.devnull, "w") as out:
            started = time.perf_counter()
            process = subprocess.run(
                [args[0], "-c", LAUNCHER, str(peak_path), *args[1:]],
                stdout=out,
                stderr=subprocess.PIPE,
                stdin=subprocess.DEVNULL,
                env=env,
                check=False,
            )
            wall = time.perf_counter() - started
        if process.returncode:
            raise RuntimeError(f"{' '.join(args[1:4])} ... failed ({process.returncode}): {process.stderr.decode()}")
        peak = int(peak_path.read_text() or 0) / 1024
    finally:
        peak_path.unlink(missing_ok=True)
    return wall, peak


def cases(db: Path, work: Path, years: Sequence[int], last_year: int) -> list[Case]:
    """Every list measured, at this council's size."""
    scrutui = [sys.executable, "-m", "scrutui.cli"]
    python = [sys.executable, "-c"]
    bare = [*python, BARE_REQUESTS, str(db), str(work / "bare-requests.csv")]
    target = "<= 5 s, <= 150 MB"
    found = [
        Case(
            "scrutui requests --status all (the table)",
            "requests",
            [*scrutui, "requests", "--db", str(db), "--status", "all", "--as-at", AS_AT],
            bare,
            target,
        )
    ]
    for fmt in ("csv", "json"):
        out = str(work / f"requests.{fmt}")
        command = [*scrutui, "export", "requests", "--db", str(db), "--status", "all", "--as-at", AS_AT]
        found.append(
            Case(
                f"export requests --status all --format {fmt}",
                "requests",
                [*command, "--format", fmt, "-o", out, "--force"],
                bare,
                target,
            )
        )
    for span in years:
        start = dt.date(last_year - span + 1, 1, 1).isoformat()
        bare = [*python, BARE_DECISIONS, str(db), COMMITTEE, start, str(work / f"bare-decisions-{span}.csv")]
        for fmt in ("csv", "docx", "json"):
            out = str(work / f"resolutions-{span}.{fmt}")
            command = [*scrutui, "export", "resolutions", "--db", str(db), "--committee", COMMITTEE]
            found.append(
                Case(
                    f"chair's list, one committee, {span} year{'s' if span != 1 else ''}: {fmt}",
                    "resolutions",
                    [*command, "--from", start, "--as-at", AS_AT, "--format", fmt, "-o", out, "--force"],
                    bare,
                    "<= 3 s, linear in years" if span == max(years) else "linear in years",
                )
            )
    return found


def council_span(db: Path) -> tuple[int, int, int]:
    """The first and last year of the council's meetings, and how many requests it holds."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        first, last = conn.execute("SELECT min(date), max(date) FROM meeting").fetchone()
        requests = conn.execute("SELECT count(*) FROM information_request").fetchone()[0]
    finally:
        conn.close()
    return int(first[:4]), int(last[:4]), int(requests)


def measure(
    db: Path, runs: int, only: str | None = None, source: Path | None = None, years: Sequence[int] = YEARS
) -> list[Case]:
    """Run every case `runs` times, each interleaved with its bare baseline."""
    first, last, _ = council_span(db)
    span = last - first + 1
    spans = [y for y in years if y <= span] or [span]
    with tempfile.TemporaryDirectory(prefix="scrutui-bench-lists-") as folder:
        work = Path(folder)
        chosen = [c for c in cases(db, work, spans, last) if only is None or c.group == only]
        if chosen:  # warm-up: bytecode compiled and cached, the database in the OS cache
            run_measured(chosen[0].command, source=source)
            run_measured(chosen[0].bare)
        for _ in range(runs):
            for case in chosen:
                out = work / "stdout.txt"
                wall, peak = run_measured(case.command, out, source)
                case.seconds.append(wall)
                case.peaks.append(peak)
                wall, peak = run_measured(case.bare)
                case.bare_seconds.append(wall)
                case.bare_peaks.append(peak)
                case.rows = rows_written(case, out)
    return chosen


def rows_written(case: Case, stdout: Path) -> int:
    """How many rows the command wrote: as its message says for a file, else the table's lines less
    the header and the counts line."""
    text = stdout.read_text(encoding="utf-8")
    if "-o" in case.command:
        found = re.search(r"Wrote (?:the chair's list \()?([\d,]+)", text)
        return int(found[1].replace(",", "")) if found else 0
    return max(0, text.count("\n") - 2)


def bench_measures(db: Path, _meeting_id: int, runs: int) -> list[Measure]:
    """The lists measures for ``python -m scrutui.bench`` on its council: all requests (table, CSV,
    JSON) and the chair's list over the council's years, each beside its bare script."""
    found: list[Measure] = []
    for case in measure(db, max(1, runs // 3)):
        found += case.measures()
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Measure, print the table, write the figures as JSON."""
    parser = argparse.ArgumentParser(prog="python -m scrutui.bench.lists", description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="the benchmark's council database (else one is built)")
    parser.add_argument("--small", action="store_true", help="build a small council to measure (seconds)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=("requests", "resolutions"))
    parser.add_argument("--years", default=",".join(map(str, YEARS)), help="spans of the chair's list")
    parser.add_argument("--source", type=Path, help="run scrutui from this source folder (a checkout's src)")
    parser.add_argument("--json", type=Path, default=Path("bench-out/lists.json"))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="scrutui-bench-lists-db-") as folder:
        db = args.db
        if db is None:
            from scrutui.bench.council import FULL, SMALL, build_council

            db = Path(folder) / "council.sqlite"
            build_council(db, SMALL if args.small else FULL)
        elif not db.exists():
            parser.error(f"{db} does not exist: build it with python -m scrutui.bench --db {db}")
        first, last, requests = council_span(db)
        years = [int(y) for y in args.years.split(",") if y.strip()]
        found = measure(db, args.runs, args.only, args.source, years)
    measures = [m for case in found for m in case.measures()]
    print(f"{requests:,} information requests, meetings {first}-{last}, {args.runs} runs each")
    print(render_table(measures))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps(
            {
                "when": dt.datetime.now().isoformat(timespec="seconds"),
                "source": str(args.source) if args.source else "installed",
                "requests": requests,
                "years": [first, last],
                "cases": [
                    {
                        "name": c.name,
                        "rows": c.rows,
                        "seconds": c.seconds,
                        "peak_mb": c.peaks,
                        "bare_seconds": c.bare_seconds,
                        "bare_peak_mb": c.bare_peaks,
                    }
                    for c in found
                ],
                "measures": [m.as_dict() for m in measures],
            },
            indent=2,
        )
    )
    print(f"\nfigures written to {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
