"""``scrutui requests``, ``scrutui export requests`` and ``scrutui export resolutions``: the table,
each format read back, exempt items left out, bad input, empty results."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scrutui.cli import main
from scrutui.demo import load_demo
from scrutui.models import InformationRequest, Recommendation
from scrutui.store import open_store
from scrutui.tracker.documents import REQUEST_COLUMNS, RESOLUTION_COLUMNS

AS_AT = "2026-12-01"  # the November requests (due 24 November) are overdue by then
SECRET = "the price paid under the Acme contract"


#: The demo's exempt item's resolution: it never reaches a public list.
EXEMPT_RESOLUTION = "the extension of the contract with Hollins Care Ltd be supported"


@pytest.fixture
def demo_db(db_path: Path) -> Path:
    """The demo, whose November meeting has an exempt item (Schedule 12A paragraph 3, with its
    resolution), plus a request and a recommendation under that item."""
    store = open_store(db_path)
    load_demo(store)
    (item,) = [i for i in store.agenda.for_meeting(2) if i.is_exempt]
    assert item.id is not None and item.exempt_paragraph == 3
    store.records.add(
        InformationRequest(agenda_item_id=item.id, text=SECRET, requested_of="Head of Procurement")
    )
    store.records.add(
        Recommendation(agenda_item_id=item.id, text='=HYPERLINK("http://x") the contract be re-let')
    )
    store.close()
    return db_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        assert reader.fieldnames is not None
        return rows


# --- the table -----------------------------------------------------------------------------------


def test_requests_table(demo_db: Path) -> None:
    code, out, _ = run("requests", "--db", str(demo_db), "--as-at", AS_AT)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["id", "due", "status", "meeting"]
    body = lines[1:-1]
    assert [line.split()[1] for line in body] == ["2026-09-29", "2026-11-24", "2026-11-24"]  # by due date
    assert all("OVERDUE" in line for line in body)
    assert SECRET[:20] not in out  # exempt: left out unless --confidential
    assert (
        lines[-1]
        == "In all: 3 outstanding (3 overdue), 1 answered, 1 refused and 0 withdrawn. (as at 01/12/2026)"
    )
    code, out, _ = run(
        "requests", "--db", str(demo_db), "--as-at", AS_AT, "--confidential", "--of", "procurement"
    )
    assert code == 0 and "Head of Procurement" in out and len(out.splitlines()) == 3


def test_requests_table_filters_and_an_empty_result(demo_db: Path) -> None:
    code, out, _ = run(
        "requests", "--db", str(demo_db), "--status", "answered", "--committee", "young people"
    )
    assert code == 0 and "the timetable for opening" in out and len(out.splitlines()) == 3
    code, out, _ = run("requests", "--db", str(demo_db), "--status", "overdue", "--as-at", "2026-09-01")
    assert code == 0
    assert out.splitlines()[0] == "There are no overdue information requests as at 1 September 2026."
    code, out, _ = run("requests", "--db", str(demo_db), "--of", "Nobody at all")
    assert code == 0 and out.startswith(
        "There are no outstanding information requests asked of “Nobody at all”"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--committee", "Planning"], "There is no committee called 'Planning'"),
        (["--as-at", "31/02/2026"], "--as-at: 31/02/2026 is not a date"),
        (["--status", "lost"], "Invalid value for '--status'"),
    ],
)
def test_requests_bad_input_is_one_line_and_fails(demo_db: Path, args: list[str], message: str) -> None:
    code, out, err = run("requests", "--db", str(demo_db), *args)
    assert code != 0 and message in err and out == ""
    if "Invalid value" not in message:  # click's own usage errors say a little more
        assert len(err.strip().splitlines()) == 1


# --- export requests -----------------------------------------------------------------------------


def test_export_requests_as_csv_read_back(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "tracker.csv"
    code, said, err = run(
        "export", "requests", "--db", str(demo_db), "--status", "all", "--as-at", AS_AT, "-o", str(out)
    )
    assert code == 0, err
    assert said.strip() == f"Wrote 5 information requests to {out}."
    rows = read_csv(out)
    assert list(rows[0]) == list(REQUEST_COLUMNS)
    assert [r["due"] for r in rows] == sorted(r["due"] for r in rows)
    assert [(r["requested"][:24], r["status"], r["overdue"]) for r in rows] == [
        ("a breakdown of early hel", "outstanding", "yes"),
        ("the timetable for openin", "answered", "no"),
        ("a copy of the directorat", "outstanding", "yes"),
        ("monthly figures for soci", "outstanding", "yes"),
        ("clarification of how the", "refused", "no"),
    ]
    refused = rows[-1]
    assert refused["answered_on"] == "2026-11-20" and refused["response"].startswith("The papers include")
    assert rows[0]["days_overdue"] == "63" and rows[0]["minute"] == "43" and rows[0]["meeting_id"] == "1"
    assert SECRET not in out.read_text(encoding="utf-8-sig")


def test_export_requests_as_json_with_confidential(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "tracker.json"
    code, _, err = run(
        "export", "requests", "--db", str(demo_db), "--as-at", AS_AT, "-o", str(out), "--confidential"
    )
    assert code == 0, err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (
        data["as_at"] == AS_AT
        and data["filters"]["status"] == "outstanding"
        and data["filters"]["confidential"]
    )
    assert data["counts"] == {"outstanding": 4, "answered": 1, "refused": 1, "withdrawn": 0, "overdue": 4}
    assert [r["requested"] for r in data["requests"]][-1] == SECRET
    assert data["requests"][-1]["exempt"] is True and data["requests"][-1]["due"] == "2026-11-24"


def test_an_empty_export_is_a_clearly_worded_file(demo_db: Path, tmp_path: Path) -> None:
    csv_out, json_out = tmp_path / "none.csv", tmp_path / "none.json"
    for out in (csv_out, json_out):
        code, _, err = run(
            "export", "requests", "--db", str(demo_db), "--status", "withdrawn", "-o", str(out)
        )
        assert code == 0, err
    assert read_csv(csv_out) == [] and csv_out.read_text(encoding="utf-8-sig").startswith("committee,")
    data = json.loads(json_out.read_text(encoding="utf-8"))
    assert data["requests"] == [] and data["message"].startswith(
        "There are no withdrawn information requests"
    )


def test_export_never_overwrites_unasked_and_checks_its_options(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "tracker.csv"
    out.write_text("keep me", encoding="utf-8")
    code, _, err = run("export", "requests", "--db", str(demo_db), "-o", str(out))
    assert code == 1 and "already exists; use --force" in err and out.read_text(encoding="utf-8") == "keep me"
    code, _, err = run("export", "requests", "--db", str(demo_db), "-o", str(out), "--force")
    assert code == 0 and out.read_text(encoding="utf-8-sig").startswith("committee,")
    code, _, err = run(
        "export", "requests", "--db", str(demo_db), "-o", str(tmp_path / "x.docx"), "--format", "csv"
    )
    assert code == 1 and "ends .docx but the format asked for is csv" in err
    code, _, err = run("export", "requests", "--db", str(demo_db), "--format", "json", "--pdf")
    assert code == 1 and "--pdf converts the Word file" in err
    code, _, err = run(
        "export", "requests", "--db", str(demo_db), "--committee", "Nope", "-o", str(tmp_path / "n.csv")
    )
    assert code == 1 and len(err.strip().splitlines()) == 1 and not (tmp_path / "n.csv").exists()


# --- export resolutions --------------------------------------------------------------------------


def test_export_resolutions_csv_for_a_committee(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "resolutions.csv"
    code, said, err = run(
        "export", "resolutions", "--db", str(demo_db), "--committee", "young people", "--as-at", "2027-01-20",
        "-o", str(out),
    )  # fmt: skip
    assert code == 0, err
    assert "(10 decisions, 2 meetings)" in said
    rows = read_csv(out)
    assert list(rows[0]) == list(RESOLUTION_COLUMNS)
    assert [(r["meeting_date"], r["minute"], r["decision"], r["label"]) for r in rows] == [
        ("2026-09-15", "43", "resolved", "(a)"),
        ("2026-09-15", "43", "recommended", "(a)"),
        ("2026-11-10", "46", "resolved", "(a)"),
        ("2026-11-10", "47", "resolved", "(a)"),
        ("2026-11-10", "47", "resolved", "(b)"),
        ("2026-11-10", "47", "resolved", "(c)"),
        ("2026-11-10", "47", "recommended", "(a)"),
        ("2026-11-10", "48", "resolved", "(a)"),
        ("2026-11-10", "48", "recommended", "(a)"),
        ("2026-11-10", "49", "agreed", "(a)"),
    ]
    accepted = rows[1]
    assert (accepted["response_status"], accepted["response_date"]) == ("accepted", "2026-10-20")
    awaited = rows[6]
    assert (awaited["response_status"], awaited["response_due"], awaited["overdue"]) == (
        "awaited",
        "2027-01-10",
        "yes",
    )
    assert "contract" not in out.read_text(encoding="utf-8-sig")  # the exempt item is left out


def test_export_resolutions_json_for_a_meeting_with_confidential(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "meeting.json"
    code, _, err = run(
        "export", "resolutions", "--db", str(demo_db), "--meeting", "2", "--confidential", "-o", str(out)
    )
    assert code == 0, err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["scope"] == "the meeting held on 10 November 2026" and data["confidential"] is True
    (meeting,) = data["meetings"]
    assert [i["minute"] for i in meeting["items"]] == ["46", "47", "48", "49", "51"]
    exempt = meeting["items"][-1]
    assert exempt["exempt"] is True
    assert [d["decision"] for d in exempt["decisions"]] == ["resolved", "recommended"]
    assert EXEMPT_RESOLUTION in json.dumps(exempt)


def test_a_spreadsheet_never_runs_a_cell_as_a_formula(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "confidential.csv"
    code, _, err = run(
        "export", "resolutions", "--db", str(demo_db), "--meeting", "2", "--confidential", "-o", str(out)
    )
    assert code == 0, err
    texts = [r["text"] for r in read_csv(out)]
    assert '\'=HYPERLINK("http://x") the contract be re-let' in texts


def test_export_resolutions_for_dates_with_no_meetings(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "empty.json"
    code, said, err = run(
        "export",
        "resolutions",
        "--db",
        str(demo_db),
        "--committee",
        "young",
        "--from",
        "01/01/2027",
        "-o",
        str(out),
    )
    assert code == 0, err
    assert "(0 decisions, 0 meetings)" in said
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["meetings"] == []
    assert (
        data["message"] == "No resolutions or recommendations were recorded for meetings from 1 January 2027."
    )
    code, _, err = run(
        "export", "resolutions", "--db", str(demo_db), "--committee", "young", "--from", "2026-10-01",
        "--to", "2026-12-31", "--format", "csv", "-o", str(tmp_path / "autumn"),
    )  # fmt: skip
    assert code == 0, err
    assert {r["meeting_date"] for r in read_csv(tmp_path / "autumn.csv")} == {"2026-11-10"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "Give either --meeting ID or --committee NAME"),
        (["--meeting", "2", "--committee", "young"], "Give either --meeting ID or --committee NAME"),
        (["--meeting", "99"], "There is no meeting with id 99"),
        (["--committee", "Planning"], "There is no committee called 'Planning'"),
        (
            ["--committee", "young", "--from", "2026-12-01", "--to", "2026-11-01"],
            "--from 01/12/2026 is after --to",
        ),
        (["--committee", "young", "--from", "yesterday"], "--from: yesterday is not a date"),
        (["--meeting", "2", "--from", "2026-01-01"], "use them with --committee"),
    ],
)
def test_export_resolutions_bad_input(demo_db: Path, tmp_path: Path, args: list[str], message: str) -> None:
    code, out, err = run("export", "resolutions", "--db", str(demo_db), "-o", str(tmp_path / "r.csv"), *args)
    assert code == 1 and out == "" and message in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "r.csv").exists()
