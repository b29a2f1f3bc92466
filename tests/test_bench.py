"""The benchmark keeps working (run tiny here; the figures come from running it by hand)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from scrutui.bench import SMALL, Size, build_council, main


def test_build_council_makes_what_it_says(tmp_path: Path) -> None:
    size = Size(committees=1, meetings_a_year=2, years=1, items=3, records=25)
    built = build_council(tmp_path / "c.sqlite", size)
    conn = sqlite3.connect(tmp_path / "c.sqlite")
    assert built["records"] == size.total_records == conn.execute("SELECT count(*) FROM record").fetchone()[0]
    kinds = dict(conn.execute("SELECT kind, count(*) FROM record GROUP BY kind").fetchall())
    assert kinds["information_request"] == 2 * 2 * 3 and kinds["narrative"] == 10 * 2 * 3
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    conn.close()


def test_benchmark_runs_end_to_end_at_a_tiny_size(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    assert SMALL.total_records < 5000
    args = ["--small", "--runs", "1", "--saves", "5", "--json", str(out), "--db", str(tmp_path / "b.sqlite")]
    assert main([*args, "--skip", "typing", "lists"]) == 0  # they have tests of their own
    figures = json.loads(out.read_text())
    names = [m["name"] for m in figures["measures"]]
    assert names[:4] == [
        "start-up to first paint (meetings list)",
        "start-up to first paint (minuting screen)",
        "save one record until committed",
        "peak memory, app with the database open",
    ]
    assert all(m["median"] > 0 for m in figures["measures"])
    assert figures["measures"][0]["ratio"] is not None and figures["measures"][1]["ratio"] is not None


def test_the_typing_benchmark_runs_at_a_tiny_size(tmp_path: Path) -> None:
    from scrutui.bench.typing_path import main as typing_main

    out = tmp_path / "typing.json"
    assert typing_main(["--sizes", "2,6", "--saves", "3", "--rounds", "1", "--json", str(out)]) == 0
    rows = json.loads(out.read_text())
    assert [r["records"] for r in rows] == [2, 6]
    assert all(len(r["samples"]) == 3 and r["median_ms"] > 0 and r["bare_median_ms"] > 0 for r in rows)
    assert all(r["mean_ms"] == pytest.approx(sum(r["samples"]) / 3) and r["mean_ratio_to_smallest"] > 0 for r in rows)


def test_the_lists_benchmark_runs_at_a_tiny_size(tmp_path: Path) -> None:
    from scrutui.bench.lists import main as lists_main

    out = tmp_path / "lists.json"
    assert lists_main(["--small", "--runs", "1", "--years", "1", "--json", str(out)]) == 0
    figures = json.loads(out.read_text())
    cases = {c["name"]: c for c in figures["cases"]}
    assert list(cases) == [
        "scrutui requests --status all (the table)",
        "export requests --status all --format csv",
        "export requests --status all --format json",
        "chair's list, one committee, 1 year: csv",
        "chair's list, one committee, 1 year: docx",
        "chair's list, one committee, 1 year: json",
    ]
    requests = figures["requests"]
    assert all(cases[name]["rows"] == requests for name in list(cases)[:3])  # every request, each format
    assert all(c["rows"] > 0 and c["seconds"][0] > 0 and c["peak_mb"][0] > 0 for c in cases.values())
    assert all(c["bare_seconds"][0] > 0 for c in cases.values())
    assert len(figures["measures"]) == 2 * len(cases)  # time and peak memory of each
