"""Benchmark (not a test): council-wide lists from the command line, as a member or chair runs them,
each beside a bare sqlite3 script doing the same job in the same run.

    python -m scrutui.bench_lists --db COUNCIL.sqlite [--runs 3] [--only requests|resolutions|meetings]

The database is the benchmark's council (``python -m scrutui.bench --db COUNCIL.sqlite`` builds it
once). Every command runs as a new process, with its output going to a file (not a terminal); each
measure gives the median wall time and the median peak memory (the largest resident set) of the
process, and the ratio of the medians to the bare script's, run interleaved with it.

The chair's list is measured for one committee over the last 1, 5, 10 and 20 years of meetings, in
every format, so that how it grows with the number of decisions shows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: "Today" for every list, so what is overdue is the same on every run.
AS_AT = "2026-11-23"
COMMITTEE = "Scrutiny Committee 1"

# --- the bare baselines: sqlite3 and the standard library, nothing of scrutui --------------------

BARE_REQUESTS = """
import csv, sqlite3, sys
conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
status = sys.argv[2]
where = "" if status == "all" else "AND d.status = 'outstanding'"
rows = conn.execute(
    "SELECT c.name, m.id, m.date, a.minute_number, a.title, r.id, r.text, d.requested_of, d.due_date,"
    " d.due_date_by_hand, d.status, d.answered_on, d.response, a.exempt_paragraph IS NOT NULL"
    " FROM information_request d JOIN record r ON r.id = d.record_id"
    " JOIN agenda_item a ON a.id = r.agenda_item_id JOIN meeting m ON m.id = a.meeting_id"
    " JOIN committee c ON c.id = m.committee_id"
    f" WHERE r.deleted_at IS NULL {where} ORDER BY d.due_date, d.record_id"
)
with open(sys.argv[3], "w", newline="", encoding="utf-8-sig") as out:
    writer = csv.writer(out)
    writer.writerow(["committee", "meeting_id", "meeting_date", "minute", "item", "request_id",
                     "requested", "of", "due", "due_set_by_hand", "status", "answered_on", "response", "exempt"])
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
    " AND r.deleted_at IS NULL ORDER BY m.date, m.time, m.id, a.position, r.position, r.id",
    [sys.argv[2], sys.argv[3]],
)
with open(sys.argv[4], "w", newline="", encoding="utf-8-sig") as out:
    writer = csv.writer(out)
    writer.writerow(["committee", "meeting_id", "meeting_date", "minute", "item", "record_id", "decision",
                     "text", "addressee", "response_due", "response_status", "response_date", "response_text"])
    writer.writerows(rows)
"""

BARE_MEETINGS = """
import json, sqlite3, sys
conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
conn.row_factory = sqlite3.Row
rows = conn.execute(
    "SELECT m.id, c.name AS committee, m.date, substr(m.time, 1, 5) AS time, m.venue, m.status,"
    " (SELECT count(*) FROM record r JOIN agenda_item a ON a.id = r.agenda_item_id"
    "  WHERE a.meeting_id = m.id AND r.deleted_at IS NULL) AS records"
    " FROM meeting m JOIN committee c ON c.id = m.committee_id ORDER BY m.date DESC, m.time DESC, m.id DESC"
)
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write(json.dumps([dict(r) for r in rows], ensure_ascii=False, indent=2) + "\\n")
"""


@dataclass
class Case:
    """One list: the scrutui command and the bare script that does the same job."""

    name: str
    group: str
    command: list[str]
    bare: list[str]
    target: str = ""
    times: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)
    bare_times: list[float] = field(default_factory=list)
    bare_peaks: list[float] = field(default_factory=list)
    rows: int = 0

    def as_dict(self) -> dict[str, Any]:
        """The figures, for the JSON file."""
        return {
            "name": self.name,
            "group": self.group,
            "target": self.target,
            "rows": self.rows,
            "seconds": self.times,
            "peak_mb": self.peaks,
            "bare_seconds": self.bare_times,
            "bare_peak_mb": self.bare_peaks,
            "median_s": statistics.median(self.times),
            "median_mb": statistics.median(self.peaks),
            "bare_median_s": statistics.median(self.bare_times),
            "bare_median_mb": statistics.median(self.bare_peaks),
            "time_ratio": statistics.median(self.times) / statistics.median(self.bare_times),
        }


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


def run_measured(args: Sequence[str], stdout: Path | None = None) -> tuple[float, float]:
    """Run ``python -m module ...`` or ``python -c code ...`` to the end; return (wall seconds, peak
    resident memory in MB)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["COLUMNS"] = "120"
    with tempfile.NamedTemporaryFile("r", suffix=".peak", delete=False) as peak_file:
        peak_path = Path(peak_file.name)
    try:
        with open(stdout or os.devnull, "w") as out:
            started = time.perf_counter()
            process = subprocess.run(
                [args[0], "-c", LAUNCHER, str(peak_path), *args[1:]],
                stdout=out,
                stderr=subprocess.PIPE,
                env=env,
                check=False,
            )
            wall = time.perf_counter() - started
        if process.returncode:
            raise RuntimeError(f"{' '.join(args[:4])} ... failed ({process.returncode}): {process.stderr.decode()}")
        peak = int(peak_path.read_text() or 0) / 1024
    finally:
        peak_path.unlink(missing_ok=True)
    return wall, peak


def cases(db: Path, work: Path, years: Sequence[int], last_year: int) -> list[Case]:
    """Every list measured, at this council's size."""
    scrutui = [sys.executable, "-m", "scrutui.cli"]
    python = [sys.executable, "-c"]
    found: list[Case] = []
    for status in ("all", "outstanding"):
        bare = [*python, BARE_REQUESTS, str(db), status, str(work / f"bare-requests-{status}.csv")]
        found.append(
            Case(
                f"scrutui requests --status {status} (the table)",
                "requests",
                [*scrutui, "requests", "--db", str(db), "--status", status, "--as-at", AS_AT],
                bare,
                "<= 5 s, <= 150 MB" if status == "all" else "",
            )
        )
        for fmt in ("csv", "json"):
            out = str(work / f"requests-{status}.{fmt}")
            found.append(
                Case(
                    f"export requests --status {status} --format {fmt}",
                    "requests",
                    [*scrutui, "export", "requests", "--db", str(db), "--status", status, "--as-at", AS_AT,
                     "--format", fmt, "-o", out, "--force"],
                    bare,
                    "<= 5 s, <= 150 MB" if status == "all" else "",
                )
            )
    for span in years:
        start = dt.date(last_year - span + 1, 1, 1).isoformat()
        bare = [*python, BARE_DECISIONS, str(db), COMMITTEE, start, str(work / f"bare-decisions-{span}.csv")]
        for fmt in ("csv", "docx", "json"):
            out = str(work / f"resolutions-{span}.{fmt}")
            found.append(
                Case(
                    f"chair's list, one committee, {span} year{'s' if span != 1 else ''}: {fmt}",
                    "resolutions",
                    [*scrutui, "export", "resolutions", "--db", str(db), "--committee", COMMITTEE,
                     "--from", start, "--as-at", AS_AT, "--format", fmt, "-o", out, "--force"],
                    bare,
                    "<= 3 s, linear in years" if span == max(years) else "linear in years",
                )
            )
    found.append(
        Case(
            "scrutui meetings --json",
            "meetings",
            [*scrutui, "meetings", "--db", str(db), "--json"],
            [*python, BARE_MEETINGS, str(db), str(work / "bare-meetings.json")],
            "<= 1 s",
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


def measure(db: Path, runs: int, only: str | None = None) -> list[Case]:
    """Run every case `runs` times, each interleaved with its bare baseline."""
    first, last, _ = council_span(db)
    span = last - first + 1
    years = [y for y in (1, 5, 10, 20) if y <= span] or [span]
    with tempfile.TemporaryDirectory(prefix="scrutui-bench-lists-") as folder:
        work = Path(folder)
        chosen = [c for c in cases(db, work, years, last) if only is None or c.group == only]
        if chosen:  # warm-up: bytecode compiled and cached, the file in the OS cache
            run_measured(chosen[0].command)
        for _ in range(runs):
            for case in chosen:
                out = work / "stdout.txt"
                wall, peak = run_measured(case.command, out)
                case.times.append(wall)
                case.peaks.append(peak)
                wall, peak = run_measured(case.bare)
                case.bare_times.append(wall)
                case.bare_peaks.append(peak)
                case.rows = _rows_written(case, out)
    return chosen


def _rows_written(case: Case, stdout: Path) -> int:
    """How many rows the command wrote: as its message says for a file, else lines of the table
    (less the header and the counts line) or entries of the JSON list."""
    text = stdout.read_text(encoding="utf-8")
    if "-o" in case.command:
        found = re.search(r"Wrote (?:the chair's list \()?([\d,]+)", text)
        return int(found[1].replace(",", "")) if found else 0
    if text.lstrip().startswith("["):
        return len(json.loads(text))
    return max(0, text.count("\n") - 2)


def render(found: Sequence[Case]) -> str:
    """The figures as a Markdown table."""
    lines = [
        "| list | rows | median | peak memory | bare script (same run) | ratio | target |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for case in found:
        data = case.as_dict()
        lines.append(
            f"| {case.name} | {case.rows:,} | {data['median_s']:.2f} s | {data['median_mb']:.0f} MB | "
            f"{data['bare_median_s']:.2f} s, {data['bare_median_mb']:.0f} MB | "
            f"{data['time_ratio']:.1f}x | {case.target} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Measure, print the table, write the figures as JSON."""
    parser = argparse.ArgumentParser(prog="python -m scrutui.bench_lists", description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="the benchmark's council database")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=("requests", "resolutions", "meetings"))
    parser.add_argument("--json", type=Path, default=Path("bench-out/lists.json"))
    args = parser.parse_args(argv)
    if not args.db.exists():
        parser.error(f"{args.db} does not exist: build it with python -m scrutui.bench --db {args.db}")
    first, last, requests = council_span(args.db)
    found = measure(args.db, args.runs, args.only)
    print(f"{requests:,} information requests, meetings {first}-{last}, {args.runs} runs each")
    print(render(found))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps([c.as_dict() for c in found], indent=2))
    print(f"\nfigures written to {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


def bench_measures(db: Path, _meeting_id: int, runs: int) -> list[Any]:
    """The lists measures for ``python -m scrutui.bench`` on its council: all requests as a table,
    the 20-year chair's list in each format and ``meetings --json``, each beside its bare script
    (time, and peak memory as a measure of its own), interleaved. Every case: ``bench_lists``."""
    from scrutui.bench import Measure

    first, last, _ = council_span(db)
    span = last - first + 1
    wanted = (
        "scrutui requests --status all (the table)",
        f"chair's list, one committee, {span} year{'s' if span != 1 else ''}: csv",
        f"chair's list, one committee, {span} year{'s' if span != 1 else ''}: docx",
        f"chair's list, one committee, {span} year{'s' if span != 1 else ''}: json",
        "scrutui meetings --json",
    )
    found = []
    with tempfile.TemporaryDirectory(prefix="scrutui-bench-lists-") as folder:
        chosen = [c for c in cases(db, Path(folder), [span], last) if c.name in wanted]
        run_measured(chosen[0].command)  # warm-up
        for _ in range(max(1, runs // 3)):
            for case in chosen:
                wall, peak = run_measured(case.command, Path(folder) / "stdout.txt")
                case.times.append(wall)
                case.peaks.append(peak)
                wall, peak = run_measured(case.bare)
                case.bare_times.append(wall)
                case.bare_peaks.append(peak)
    for case in chosen:
        found.append(
            Measure(
                f"list: {case.name}",
                [t * 1000 for t in case.times],
                "bare sqlite3 script writing the same rows",
                [t * 1000 for t in case.bare_times],
                target=case.target,
            )
        )
        found.append(
            Measure(
                f"list: {case.name}, peak memory",
                case.peaks,
                "bare sqlite3 script",
                case.bare_peaks,
                unit="MB",
                target="<= 150 MB" if "requests" in case.name else "",
            )
        )
    return found
