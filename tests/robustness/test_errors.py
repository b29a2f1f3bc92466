"""No tracebacks: an error reaching a user is one line in plain words; the detail goes to the log."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from scrutui.cli import main
from scrutui.paths import log_path
from scrutui.store import Store
from scrutui.store.meetings import MeetingRepository
from scrutui.tui.screens.home import HomeScreen
from tests.conftest import app_on


def boom(*args: object, **kwargs: object) -> object:
    raise RuntimeError("disk controller on fire")


def test_unexpected_cli_error_is_one_line_and_logged(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(MeetingRepository, "summaries", boom)
    result = CliRunner().invoke(main, ["meetings", "--db", str(db_path)])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert str(log_path()) in result.output
    logged = log_path().read_text(encoding="utf-8")
    assert "Traceback" in logged and "disk controller on fire" in logged


async def test_error_in_a_user_action_is_a_notification_not_a_crash(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from scrutui.demo import load_demo
    from scrutui.store import open_store

    store = open_store(db_path)
    load_demo(store)
    store.close()
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        monkeypatch.setattr("scrutui.tui.app.ScrutuiApp.open_minuting", boom)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # still running
        messages = [n.message for n in app._notifications]
        assert any("disk controller on fire" in m and str(log_path()) in m for m in messages)


async def test_an_uncaught_error_ends_the_app_with_one_line(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    from scrutui.demo import load_demo
    from scrutui.store import open_store

    store = open_store(db_path)
    load_demo(store)
    store.close()
    monkeypatch.setattr(HomeScreen, "reload", boom)
    app = app_on(db_path)
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
    printed = capfd.readouterr().err
    assert "stopped on an unexpected error" in printed and "Traceback" not in printed
    assert "disk controller on fire" in log_path().read_text(encoding="utf-8")
