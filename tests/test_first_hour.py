"""A member's, a chair's and a scripter's first hour at the command line: who asked for each
request (--asked-by, --mine), no false "nothing outstanding" from a mistyped --db, JSON with null
for what is missing, -o - to standard output, whole text when piped, the documented exit codes,
and LibreOffice found where its installers put it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scrutui.cli import main
from scrutui.cli.commands.requests import request_table
from scrutui.demo import load_demo
from scrutui.export.pdf import find_soffice, standard_locations
from scrutui.models import THE_COMMITTEE, InformationRequest
from scrutui.store import open_store
from scrutui.store.tracker import StatusFilter, TrackerQuery
from scrutui.tracker.rules import as_minuted

AS_AT = "2026-12-01"
LONG = "a breakdown of every placement made out of the county since April, with its weekly cost, " * 2


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def demo_db(db_path: Path) -> Path:
    """The demo (Councillor Owain Pryce asked for two of its requests, Councillor Priya Lal for
    one) and a long request asked for by nobody named, of an officer named by name."""
    store = open_store(db_path)
    load_demo(store)
    item = store.agenda.for_meeting(2)[3]
    assert item.id is not None
    store.records.add(
        InformationRequest(agenda_item_id=item.id, text=LONG.strip(), requested_of="Lorna Briggs")
    )
    store.close()
    return db_path


# --- who asked -----------------------------------------------------------------------------------


def test_a_member_lists_their_own_requests(demo_db: Path) -> None:
    code, out, _ = run("requests", "--db", str(demo_db), "--as-at", AS_AT, "--mine", "Cllr Pryce")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:6] == ["id", "due", "status", "meeting", "committee", "asked"]
    rows = [line for line in lines[1:] if line[:1].isdigit()]
    assert len(rows) == 2 and all("Councillor Owain Pryce" in row for row in rows)
    assert "a copy of the directorate risk register" not in out  # Councillor Lal's
    # --asked-by is the same filter; any part of the name will do, "Cllr" or not.
    assert run("requests", "--db", str(demo_db), "--as-at", AS_AT, "--asked-by", "pryce")[1] == out
    code, out, _ = run("requests", "--db", str(demo_db), "--asked-by", "Nobody Atall")
    assert code == 0 and "There are no outstanding information requests asked by “Nobody Atall”" in out


def test_asked_by_and_mine_together_is_a_usage_error(demo_db: Path) -> None:
    code, _, err = run("requests", "--db", str(demo_db), "--asked-by", "Lal", "--mine", "Lal")
    assert code == 2 and "not both" in err


def test_the_lists_carry_the_asker_and_name_officers_by_role(demo_db: Path) -> None:
    code, out, _ = run(
        "export", "requests", "--db", str(demo_db), "--as-at", AS_AT, "--format", "csv", "-o", "-"
    )
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    askers = {row["requested"]: row["asked_by"] for row in rows}
    assert askers["a copy of the directorate risk register"] == "Councillor Priya Lal"
    long = next(row for row in rows if row["requested"] == LONG.strip())
    # Nobody named: the Committee asked; typed by name, the officer is given by role, as the minutes do.
    assert long["asked_by"] == THE_COMMITTEE and long["of"] == "Assistant Director, Safeguarding"


def test_the_committee_asks_when_nobody_is_named(store: object) -> None:
    request = InformationRequest(agenda_item_id=1, text="the figures", asked_by="  ")
    assert request.asked_by == THE_COMMITTEE


# --- scripting -----------------------------------------------------------------------------------


def test_requests_json_to_standard_output_with_nulls(demo_db: Path) -> None:
    code, out, err = run("requests", "--db", str(demo_db), "--as-at", AS_AT, "--status", "all", "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["filters"]["asked_by"] is None and data["message"] is None
    answered = next(r for r in data["requests"] if r["status"] == "answered")
    outstanding = next(r for r in data["requests"] if r["status"] == "outstanding")
    assert answered["answered_on"] == "2026-09-24" and outstanding["answered_on"] is None
    assert outstanding["response"] is None and "" not in outstanding.values()
    # The same as the export to standard output.
    code, same, _ = run(
        "export",
        "requests",
        "--db",
        str(demo_db),
        "--as-at",
        AS_AT,
        "--status",
        "all",
        "--format",
        "json",
        "-o",
        "-",
    )
    assert code == 0 and json.loads(same) == data
    assert not list(Path.cwd().glob("-*"))  # no file called "-.json"


def test_meetings_json_has_null_for_a_missing_venue(demo_db: Path) -> None:
    store = open_store(demo_db)
    meeting = store.meetings.get(2)
    store.meetings.update(meeting.model_copy(update={"venue": ""}))
    store.close()
    data = json.loads(run("meetings", "--db", str(demo_db), "--json")[1])
    assert {m["id"]: m["venue"] for m in data} == {1: "Council Chamber, Shire Hall, Elmbridge", 2: None}


def test_the_chairs_list_to_standard_output_says_which_minutes_are_drafts(demo_db: Path) -> None:
    code, out, _ = run(
        "export",
        "resolutions",
        "--db",
        str(demo_db),
        "--committee",
        "Children",
        "--format",
        "json",
        "-o",
        "-",
    )
    assert code == 0
    standing = {m["date"]: m["minutes_status"] for m in json.loads(out)["meetings"]}
    assert standing == {"2026-09-15": "approved", "2026-11-10": "draft"}
    code, out, _ = run(
        "export", "resolutions", "--db", str(demo_db), "--meeting", "2", "--format", "csv", "-o", "-"
    )
    assert code == 0 and {row["minutes_status"] for row in csv.DictReader(io.StringIO(out))} == {"draft"}


def test_word_cannot_go_to_standard_output(demo_db: Path) -> None:
    for args in (("export", "requests", "-o", "-"), ("export", "minutes", "2", "-o", "-")):
        code, out, err = run(*args, "--db", str(demo_db))
        assert code == 1 and out == "" and "standard output" in err and err.count("\n") == 1


def test_piped_output_has_the_whole_text_a_terminal_is_fitted(demo_db: Path) -> None:
    code, out, _ = run("requests", "--db", str(demo_db), "--as-at", AS_AT)
    assert code == 0 and LONG.strip() in out  # CliRunner's output is not a terminal, as a pipe
    store = open_store(demo_db)
    query = TrackerQuery(as_at=store.meetings.get(2).date, status=StatusFilter.ALL)
    entries = as_minuted(store, store.tracker.all(query))
    store.close()
    for width in (80, 100):
        fitted = request_table(entries, query, width)
        assert all(len(line) <= width for line, _ in fitted) and any("…" in line for line, _ in fitted)
        # One committee: its name heads the table rather than fill a column.
        assert fitted[0][0] == "Children and Young People Scrutiny Committee (demo)"
        assert "committee" not in fitted[1][0].split()


# --- missing databases ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["meetings"],
        ["meetings", "--json"],
        ["requests"],
        ["requests", "--json"],
        ["export", "minutes", "1"],
        ["export", "requests", "-o", "x.csv"],
        ["export", "resolutions", "--meeting", "1", "-o", "x.csv"],
        ["backup"],
        ["--read-only"],
    ],
)
def test_a_mistyped_database_is_refused_and_not_made(args: list[str], tmp_path: Path) -> None:
    folder = tmp_path / "work"
    folder.mkdir()
    typo = folder / "typo.sqlite"
    result = CliRunner().invoke(
        main,
        [*args, "--db", str(typo)] if args[0] != "--read-only" else ["--db", str(typo), *args],
    )
    assert result.exit_code == 1, result.output
    assert (
        result.stderr
        == f"scrutui: No scrutui database at {typo} (check --db or SCRUTUI_DB; scrutui or scrutui demo makes a new one).\n"
    )
    assert list(folder.iterdir()) == []  # nothing made: no database, no backups folder


def test_demo_makes_the_database(tmp_path: Path) -> None:
    code, _, _ = run("demo", "--db", str(tmp_path / "new.sqlite"))
    assert code == 0 and (tmp_path / "new.sqlite").exists()


def test_exit_codes_are_documented_and_kept(demo_db: Path) -> None:
    code, out, _ = run("--help")
    out = " ".join(out.split())
    assert code == 0 and "Exit status: 0 done; 1 refused" in out and "2 a mistake in the command" in out
    assert run("requests", "--no-such-option")[0] == 2
    assert run("requests", "--db", str(demo_db), "--committee", "No such committee")[0] == 1


def test_export_template_says_its_file_is_optional() -> None:
    code, out, _ = run("export", "template", "--help")
    assert code == 0 and "Usage: main export template [OPTIONS] [FILE]" in out


# --- LibreOffice where its installers put it -----------------------------------------------------


def test_libreoffice_is_found_in_the_windows_programs_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # not on PATH
    programs = tmp_path / "Program Files"
    soffice = programs / "LibreOffice" / "program" / "soffice.exe"
    environ = {"PROGRAMFILES": str(programs), "PROGRAMFILES(X86)": str(tmp_path / "x86")}
    assert find_soffice("win32", environ) is None
    soffice.parent.mkdir(parents=True)
    soffice.write_text("")
    assert find_soffice("win32", environ) == str(soffice)
    assert tmp_path / "x86" / "LibreOffice" / "program" / "soffice.exe" in standard_locations(
        "win32", environ
    )


def test_libreoffice_is_found_in_the_macos_applications_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    soffice = tmp_path / "Applications" / "LibreOffice.app" / "Contents" / "MacOS" / "soffice"
    assert find_soffice("darwin", {}, home=tmp_path) is None
    soffice.parent.mkdir(parents=True)
    soffice.write_text("")
    assert find_soffice("darwin", {}, home=tmp_path) == str(soffice)
    assert standard_locations("darwin", {}, home=tmp_path)[0] == Path(
        "/Applications/LibreOffice.app/Contents/MacOS/soffice"
    )
