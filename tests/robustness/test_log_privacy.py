"""The log and its folder are readable by their owner only, and neither the log nor any error message
ever holds record text (a validation error is named by model, field and kind of problem)."""

from __future__ import annotations

import logging
import sqlite3
import stat
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from pydantic import ValidationError

from scrutui.cli import main
from scrutui.logs import setup_logging
from scrutui.models import Narrative
from scrutui.paths import log_path

CANARY = "CANARY-5531"


def run(*args: str) -> str:
    return CliRunner().invoke(main, list(args)).output


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_the_log_and_its_folder_are_owner_only(db_path: Path) -> None:
    run("demo", "--db", str(db_path))
    run("meetings", "--db", str(db_path))
    path = log_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_a_log_made_by_an_older_scrutui_is_made_owner_only(tmp_path: Path) -> None:
    path = log_path()
    path.parent.mkdir(parents=True, mode=0o755)
    path.write_text("an older log\n")
    path.chmod(0o644)
    setup_logging()
    logging.getLogger("scrutui").info("opened")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_validation_error_is_logged_without_the_text(tmp_path: Path) -> None:
    setup_logging()
    try:
        Narrative(agenda_item_id=1, text=f"The {CANARY} bid. " * 200_000)  # too long
    except ValidationError as error:
        logging.getLogger("scrutui").exception("unexpected error: %s", error)
    logged = log_path().read_text(encoding="utf-8")
    assert "ValidationError" in logged and "text (too_long)" in logged
    assert CANARY not in logged


def test_a_damaged_exempt_record_never_reaches_an_error_message_or_the_log(db_path: Path, tmp_path: Path) -> None:
    run("demo", "--db", str(db_path))
    conn = sqlite3.connect(db_path)
    [(item_id,)] = conn.execute("SELECT id FROM agenda_item WHERE meeting_id = 2 AND exempt_paragraph IS NOT NULL")
    cursor = conn.execute(
        "INSERT INTO record (agenda_item_id, kind, position, text, created_at, updated_at)"
        " VALUES (?, 'question', 99, ?, '2026-11-10T19:00:00', '2026-11-10T19:00:00')",
        [item_id, f"whether the {CANARY} bid was fair"],
    )
    conn.execute(  # edited by hand: a name far longer than any field holds
        "INSERT INTO question (record_id, asked_by) VALUES (?, ?)", [cursor.lastrowid, f"Councillor {CANARY} " * 40]
    )
    conn.commit()
    conn.close()
    said = [
        run("export", "minutes", "2", "--db", str(db_path), "-o", str(tmp_path / "public.docx")),
        run("export", "minutes", "2", "--db", str(db_path), "-o", str(tmp_path / "private.docx"), "--confidential"),
        run("requests", "--db", str(db_path), "--status", "all"),
        run("export", "resolutions", "--db", str(db_path), "--meeting", "2", "-o", str(tmp_path / "r.csv")),
    ]
    for output in said:
        assert CANARY not in output, output
    assert CANARY not in log_path().read_text(encoding="utf-8")
