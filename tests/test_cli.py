"""The scrutui command: demo, meetings, errors, help and version."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scrutui import __version__
from scrutui.cli import main


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_demo_twice_does_not_duplicate(runner: CliRunner, db_path: Path) -> None:
    first = runner.invoke(main, ["demo", "--db", str(db_path)])
    assert first.exit_code == 0, first.output
    assert str(db_path) in first.output
    second = runner.invoke(main, ["demo", "--db", str(db_path)])
    assert second.exit_code == 0 and "already" in second.output
    listed = json.loads(runner.invoke(main, ["meetings", "--db", str(db_path), "--json"]).output)
    assert len(listed) == 2
    assert set(listed[0]) >= {"id", "committee", "date", "status", "records"}
    assert listed[0]["date"] == "2026-11-10" and listed[0]["records"] == 36 and listed[0]["status"] == "draft"


def test_meetings_table(runner: CliRunner, db_path: Path) -> None:
    runner.invoke(main, ["demo", "--db", str(db_path)])
    result = runner.invoke(main, ["meetings", "--db", str(db_path)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["id", "date", "time", "committee", "status", "records"]
    assert "2026-11-10" in lines[1]


def test_environment_variable_names_the_database(runner: CliRunner, db_path: Path) -> None:
    result = runner.invoke(main, ["demo"], env={"SCRUTUI_DB": str(db_path)})
    assert result.exit_code == 0 and db_path.exists()


def test_default_database_lives_in_the_data_folder(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["demo"])
    assert result.exit_code == 0, result.output
    assert str(tmp_path / "home") in result.output


def test_bad_database_path_is_one_line_and_non_zero(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["meetings", "--db", str(tmp_path / "missing" / "x.sqlite")])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "No scrutui database at" in result.output
    assert "Traceback" not in result.output


def test_not_a_database_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("shopping list\n" * 20)
    result = runner.invoke(main, ["meetings", "--db", str(path)])
    assert result.exit_code == 1 and "not a scrutui database" in result.output


@pytest.mark.parametrize("args", [["--help"], ["demo", "--help"], ["meetings", "--help"]])
def test_help_everywhere(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(main, args)
    assert result.exit_code == 0 and "Usage" in result.output


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output
