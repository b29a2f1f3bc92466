"""Backups: online, checked, complete or absent; the app takes one when a meeting is closed."""

from __future__ import annotations

import multiprocessing
import sqlite3
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from scrutui.cli import main
from scrutui.errors import DatabaseError
from scrutui.store import open_store
from scrutui.store.backup import KEEP_AUTOMATIC, automatic_backup, backup_database, backups_folder
from scrutui.tui.screens.confirm import Confirm
from scrutui.tui.screens.minuting import MinutingScreen
from tests.conftest import add_meeting_to, app_on
from tests.robustness import concurrency_workers as workers


def count_records(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        return int(conn.execute("SELECT count(*) FROM record").fetchone()[0])
    finally:
        conn.close()


def test_backup_while_the_clerk_is_writing(db_path: Path, tmp_path: Path) -> None:
    _, meeting, items = add_meeting_to(db_path)
    context = multiprocessing.get_context("spawn")
    copies = []
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        clerk = pool.submit(workers.clerk, str(db_path), meeting.id or 0, items[0].id or 0, 3.0)
        while not clerk.done():
            copies.append(backup_database(db_path, tmp_path / f"copy-{len(copies)}.sqlite"))
        saved = clerk.result()
    counts = [count_records(copy) for copy in copies]
    assert len(copies) >= 2 and counts == sorted(counts) and counts[-1] <= saved
    assert count_records(backup_database(db_path, tmp_path / "final.sqlite")) == saved


def test_cli_backup_reports_the_path_and_never_overwrites_unasked(db_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    runner.invoke(main, ["demo", "--db", str(db_path)])
    result = runner.invoke(main, ["backup", "--db", str(db_path)])
    assert result.exit_code == 0 and "checked: ok" in result.output
    [made] = backups_folder(db_path).glob("*.sqlite")
    assert str(made) in result.output and count_records(made) == 44
    target = tmp_path / "copy.sqlite"
    target.write_text("precious")
    refused = runner.invoke(main, ["backup", "--db", str(db_path), "-o", str(target)])
    assert refused.exit_code == 1 and "--force" in refused.output and target.read_text() == "precious"
    forced = runner.invoke(main, ["backup", "--db", str(db_path), "-o", str(target), "--force"])
    assert forced.exit_code == 0 and count_records(target) == 44
    missing = runner.invoke(main, ["backup", "--db", str(db_path), "-o", str(tmp_path / "no" / "x.sqlite")])
    assert missing.exit_code == 1 and "does not exist" in missing.output


def test_backup_refuses_to_copy_onto_itself(db_path: Path) -> None:
    open_store(db_path).close()
    with pytest.raises(DatabaseError, match="another file"):
        backup_database(db_path, db_path, force=True)


def test_automatic_backups_keep_the_newest_few(db_path: Path) -> None:
    open_store(db_path).close()
    made = [automatic_backup(db_path) for _ in range(KEEP_AUTOMATIC + 3)]
    kept = sorted(backups_folder(db_path).glob("*.sqlite"))
    assert len(kept) == KEEP_AUTOMATIC and made[-1] in kept and made[0] not in kept


async def test_closing_the_meeting_stamps_it_and_takes_a_backup(db_path: Path) -> None:
    _, meeting, _ = add_meeting_to(db_path)
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_minuting(meeting.id or 0)
        await pilot.pause()
        await pilot.press("pagedown")
        await pilot.press("f9")  # asks first: n keeps the meeting open
        await pilot.pause()
        assert isinstance(app.screen, Confirm) and "Close the meeting" in app.screen.question
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, MinutingScreen) and not list(backups_folder(db_path).glob("*.sqlite"))
        await pilot.press("f9", "y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MinutingScreen)
        assert "Meeting closed" in str(app.screen.query_one("#capture-hint").render())
        made = next(backups_folder(db_path).glob("*.sqlite"))
        # The whole path, in a notification that wraps (the one-line hint would cut it off).
        assert any(str(made) in str(n.message) for n in app._notifications)
    assert len(list(backups_folder(db_path).glob("*.sqlite"))) == 1
    store = open_store(db_path)
    assert store.meetings.get(meeting.id or 0).ended_at is not None
    store.close()
