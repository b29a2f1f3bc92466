"""``scrutui search`` and ``scrutui themes`` from a shell: the table and JSON, each filter, bad
input as one line, any typed text, and the progress line while an old database is upgraded."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from scrutui.cli import main
from scrutui.demo import load_demo
from scrutui.store import open_store
from tests.search_data import DAYS, generate
from tests.test_search import HOSTILE

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def council(db_path: Path) -> Path:
    store = open_store(db_path)
    load_demo(store)
    generate(store)
    store.close()
    return db_path


def run(db: Path, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(main, [*args, "--db", str(db)])
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output and "went wrong" not in result.output
    return result.output


def found(db: Path, *args: str) -> list[dict[str, object]]:
    return json.loads(run(db, "search", *args, "--json", "--limit", "10000"))  # type: ignore[no-any-return]


def test_search_prints_a_table_newest_first(council: Path) -> None:
    out = run(council, "search", "agency", "staff", "--limit", "4")
    lines = out.splitlines()
    assert lines[0].split() == ["date", "committee", "minute", "kind", "item"]
    # Each result: where it was found, then the words in their context.
    assert lines[1].startswith("10/11/2026  Children and Young Peop") and "staff" in lines[2].lower()
    assert [line[:10] for line in lines[1:-1:2]] == ["10/11/2026", *[f"{max(DAYS):%d/%m/%Y}"] * 3]
    assert lines[-1].startswith("4 of ") and "found for “agency” “staff”, newest first" in lines[-1]
    assert "--limit 20 shows more" in lines[-1]


def test_search_json(council: Path) -> None:
    [hit] = found(council, "caseloads", "fallen")
    assert {"meeting", "date", "committee", "minute", "item", "kind", "record", "snippet"} <= set(hit)
    assert hit["committee"] == "Children and Young People Scrutiny Committee (demo)"
    assert hit["date"] == "2026-11-10" and hit["kind"] == "question" and hit["minute"] == "47"
    assert "caseloads had fallen" in str(hit["snippet"]) and "\x02" not in str(hit["snippet"])
    assert hit["item"] == "Ofsted inspection of children's services: improvement plan"


def test_every_filter(council: Path) -> None:
    everything = found(council, "agency")
    assert {h["kind"] for h in found(council, "agency", "--kind", "question", "--kind", "request")} == {
        "question",
        "information_request",
    }
    assert {h["kind"] for h in found(council, "budget", "--kind", "item")} == {"item"}
    roads = found(council, "agency", "--committee", "highways")
    assert roads and {h["committee"] for h in roads} == {"Highways Scrutiny Panel"}
    window = found(council, "agency", "--from", DAYS[2].strftime("%d/%m/%Y"), "--to", DAYS[4].isoformat())
    assert {h["date"] for h in window} == {d.isoformat() for d in DAYS[2:5]}
    assert len(window) < len(everything)
    answered = found(council, "--person", "Director of Finance", "--kind", "question")
    assert len(answered) == len(DAYS) and all(h["people"]["answered by"] == "Director of Finance" for h in answered)  # type: ignore[index]
    owed = found(council, "--person", "Head of Highways", "--status", "open")
    assert len(owed) == 2 and {h["status"] for h in owed} == {"outstanding"}
    assert {h["status"] for h in found(council, "agency", "--status", "not_given")} == {"not_given"}
    best = found(council, "agency", "--order", "best")
    assert sorted(str(h["record"]) for h in best) == sorted(str(h["record"]) for h in everything)
    assert len(found(council, "agency", "--limit", "3")) == len(everything)  # --limit is overridden above
    assert len(json.loads(run(council, "search", "agency", "--json", "--limit", "3"))) == 3


def test_bad_input_is_one_line(council: Path) -> None:
    for args, message in (
        (["search"], "Give words to search for"),
        (["search", "...", "(("], "nothing to search for"),
        (["search", "agency", "--from", "31/02/2026"], "--from: 31/02/2026 is not a date"),
        (["search", "agency", "--from", "2026-01-02", "--to", "2025-01-01"], "is after the end date"),
        (["search", "agency", "--committee", "Planning"], "There is no committee called 'Planning'"),
        (["search", "agency", "--committee", "Scrutiny"], "matches more than one committee"),
        (["themes", "--committee", "Planning"], "There is no committee called 'Planning'"),
    ):
        out = run(council, *args, code=1)
        assert message in out and len(out.strip().splitlines()) == 1, out
    assert "Nothing found for “locums”" in run(council, "search", "locums")


#: What a shell can pass as an argument: no NUL, no lone surrogate.
FROM_A_SHELL = [typed for typed in HOSTILE if "\x00" not in typed and "\ud800" not in typed]


@pytest.mark.parametrize("typed", FROM_A_SHELL)
def test_any_typed_text_from_the_shell(council: Path, typed: str) -> None:
    result = CliRunner().invoke(main, ["search", typed, "--db", str(council)])
    assert result.exit_code in (0, 1), result.output
    if result.exit_code == 1:
        assert result.output.startswith("scrutui: ") and len(result.output.strip().splitlines()) == 1


def test_themes_and_a_theme_history(council: Path) -> None:
    out = run(council, "themes")
    workforce = next(line for line in out.splitlines() if line.lower().startswith("workforce"))
    # Its four spellings are one theme, with the demo's two assurances.
    assert workforce.split()[1] == str(2 + 4 * 2) and "also written" in workforce
    assert "Quality of practice" in out and out.splitlines()[-1].startswith("4 themes")
    one = json.loads(run(council, "themes", "--committee", "Highways", "--json"))
    assert {t["theme"] for t in one} == {"Workforse", "Quality of practice"}
    assert next(t for t in one if t["theme"] == "Workforse")["spellings"] == {"Workforse": 2, "workforce": 2}
    history = run(council, "themes", "work force")
    assert history.splitlines()[0].startswith("Work force / Workforce / Workforse / workforce")
    headings = [line for line in history.splitlines()[1:] if line and not line.startswith(" ")]
    assert len(headings) == 10 and all(" · " in h for h in headings)
    assert "  Sought: " in history and "  Response: " in history and "Highways Scrutiny Panel, item 1" in history
    entries = json.loads(run(council, "themes", "Workforce", "--json"))
    assert [e["date"] for e in entries] == sorted(e["date"] for e in entries)
    assert "No assurance has been sought under the theme 'Housing'" in run(council, "themes", "Housing")


def test_upgrading_a_large_database_shows_progress(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from scrutui.store import migrations

    copy = tmp_path / "council.sqlite"
    shutil.copyfile(FIXTURES / "schema-v3.sqlite", copy)
    monkeypatch.setattr(migrations, "LARGE_DATABASE", 10)  # the fixture's 37 records count as large
    result = CliRunner().invoke(main, ["meetings", "--db", str(copy)])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[0].startswith("Upgrading council.sqlite (37 records) for this scrutui: version 4, ")
    assert any("full-text search over every meeting" in line for line in lines)
    assert any("keeping a copy of the database as it was" in line for line in lines)
    assert lines[-1].startswith("Upgrading council.sqlite (37 records) for this scrutui: done in ")
    # Once upgraded, nothing more is said.
    again = CliRunner().invoke(main, ["meetings", "--db", str(copy)])
    assert again.exit_code == 0 and again.stderr == ""
