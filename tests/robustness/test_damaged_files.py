"""Damaged or foreign files: each gives one clear line, a non-zero exit, and is left exactly as it was."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from scrutui.cli import main
from scrutui.store import connection as store_connection
from scrutui.store import open_store
from scrutui.store.migrations import latest_version


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_demo(path: Path) -> None:
    assert CliRunner().invoke(main, ["demo", "--db", str(path)]).exit_code == 0


def truncated(path: Path) -> None:
    make_demo(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def zero_length(path: Path) -> None:
    path.write_bytes(b"")


def random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(20_000))


def newer(path: Path) -> None:
    make_demo(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.commit()
    conn.close()


def half_a_header(path: Path) -> None:
    make_demo(path)
    path.write_bytes(path.read_bytes()[:60])


CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "truncated": (truncated, "damaged"),
    "zero-length": (zero_length, "empty (0 bytes)"),
    "random bytes": (random_bytes, "not a scrutui database"),
    "newer scrutui": (newer, "newer scrutui"),
    "cut inside the header": (half_a_header, "not a scrutui database"),
}


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("command", [["meetings"], ["demo"], ["backup"], []])
def test_damaged_file_one_line_non_zero_untouched(case: str, command: list[str], tmp_path: Path) -> None:
    path = tmp_path / "council.sqlite"
    damage, words = CASES[case]
    damage(path)
    wal = Path(f"{path}-wal")
    wal.unlink(missing_ok=True)
    before = digest(path)
    result = CliRunner().invoke(main, [*command, "--db", str(path)] if command else ["--db", str(path)])
    if case == "newer scrutui" and command == ["backup"]:
        # A whole database from a newer scrutui can still be copied safely; it is not changed.
        assert result.exit_code == 0 and digest(path) == before
        return
    assert result.exit_code == 1
    assert words in result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert digest(path) == before
    assert not wal.exists()


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root can write read-only files")
def test_read_only_file_is_refused_for_writing_but_opens_read_only(tmp_path: Path) -> None:
    path = tmp_path / "council.sqlite"
    make_demo(path)
    path.chmod(0o400)
    before = digest(path)
    result = CliRunner().invoke(main, ["demo", "--db", str(path)])
    assert result.exit_code == 1 and "read-only" in result.output
    assert digest(path) == before


def test_read_only_file_opened_for_writing_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root ignores permission bits, check the refusal through the access test scrutui makes."""
    path = tmp_path / "council.sqlite"
    make_demo(path)
    before = digest(path)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == path and mode == os.W_OK else real_access(p, mode))
    result = CliRunner().invoke(main, ["demo", "--db", str(path)])
    assert result.exit_code == 1 and "read-only" in result.output and "--read-only" in result.output
    assert digest(path) == before


LOCKER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA locking_mode = EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
conn.execute("INSERT INTO person (name) VALUES ('held')")
print("LOCKED", flush=True)
time.sleep(60)
"""


def test_database_locked_by_another_writer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "council.sqlite"
    make_demo(path)
    monkeypatch.setattr(store_connection, "BUSY_TIMEOUT_MS", 300)
    locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert locker.stdout is not None and locker.stdout.readline().strip() == "LOCKED"
        started = time.monotonic()
        result = CliRunner().invoke(main, ["demo", "--db", str(path)])
        assert result.exit_code == 1
        assert "busy" in result.output and "Traceback" not in result.output
        assert time.monotonic() - started < 30
    finally:
        locker.kill()
        locker.wait()
    store = open_store(path)  # the other writer's transaction never committed; ours is intact
    assert store.meetings.count() == 2
    assert store.handle.scalar("SELECT count(*) FROM person WHERE name = 'held'") == 0
    store.close()
