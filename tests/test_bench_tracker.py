"""The tracker benchmark keeps working (run tiny here; the figures come from running it by hand)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from scrutui.bench.tracker import build, main


def test_build_makes_that_many_requests(tmp_path: Path) -> None:
    build(tmp_path / "b.sqlite", 260)
    conn = sqlite3.connect(tmp_path / "b.sqlite")
    try:
        assert conn.execute("SELECT count(*) FROM information_request").fetchone()[0] == 260
        assert (
            conn.execute(
                "SELECT count(*) FROM record WHERE kind = 'information_request' AND deleted_at IS NULL"
            ).fetchone()[0]
            == 260
        )
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_benchmark_runs_end_to_end_at_a_tiny_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = [
        "--requests",
        "150",
        "--small",
        "40",
        "--pages",
        "2",
        "--repeat",
        "1",
        "--db",
        str(tmp_path / "b.sqlite"),
    ]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "150 information requests built" in out and "40 information requests built" in out
    assert out.count("first frame with rows (ms, first open)") == 2
