"""``scrutui export decisions``: the decision notice in Word, CSV and JSON, read back (order, names
under each heading, style names), exempt items by their public title only, the Welsh deadline and
its remembering; and the vote beside each decision in the chair's list and the tracker."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scrutui.cli import main
from scrutui.demo import load_demo
from scrutui.export.lists import export_tracker
from scrutui.models import Jurisdiction
from scrutui.notice import NOTICE_COLUMNS
from scrutui.store import open_store
from scrutui.store.tracker import StatusFilter, Tracked, TrackerQuery
from tests.export.helpers import every_part, paragraphs

#: What only the demo's exempt item holds: its real title and its minute's words.
EXEMPT_WORDS = ("Hollins Care", "£4,850", "the extension of the contract")
CARRIED = "Carried on a show of hands (5 for, 0 against, 1 abstention)"


@pytest.fixture
def demo_db(db_path: Path) -> Path:
    store = open_store(db_path)
    load_demo(store)
    store.close()
    return db_path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_the_notice_in_word_reads_in_order_with_the_names_under_each_heading(
    demo_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "notice.docx"
    code, said = run("export", "decisions", "2", "--db", str(demo_db), "-o", str(out))
    assert code == 0 and f"to {out}" in said and "Publish it by" not in said  # England: no deadline
    found = paragraphs(out)
    styles = {text: style for style, text in found}
    texts = [text for _, text in found]
    assert texts[:2] == [
        "Children and Young People Scrutiny Committee (demo)",
        "Decision notice: the meeting held on 10 November 2026 at 6.30 pm, Committee Room 2, Shire Hall, Elmbridge",
    ]
    sections = [text for style, text in found if style == "Minutes Section"]
    assert sections == [
        "Present",
        "Apologies for absence",
        "Substitutes",
        "In attendance",
        "Declarations of interest",
        "Decisions",
    ]
    headings = [text for style, text in found if style == "Minute Heading"]
    assert headings == [
        "46.\tMinutes of the previous meeting",
        "47.\tOfsted inspection of children's services: improvement plan",
        "48.\tSchool place planning",
        "49.\tWork programme",
        "50.\tExclusion of the press and public",
        "51.\tResidential placements: contract extension",
    ]
    exclusion = texts[texts.index("50.\tExclusion of the press and public") + 1]
    assert exclusion.startswith(
        "RESOLVED: That under section 100A(4) of the Local Government Act 1972, the public"
    )
    assert "minute 51 (Residential placements: contract extension)" in exclusion
    school = texts.index("48.\tSchool place planning")
    assert texts[school + 1 : school + 9] == [
        "RESOLVED: That the forecast be noted.",
        "RECOMMENDED to Cabinet that the Cabinet set out by March how the shortfall of secondary places in "
        "Elmbridge will be met.",
        f"{CARRIED}.",
        'An amendment was moved by Councillor Priya Lal and seconded by Councillor Glyn Hughes that "by March" '
        'be replaced by "by January".',
        "A recorded vote having been requested, upon being put to the vote the amendment was LOST (2 for, 3 "
        "against, 1 abstention).",
        "For:\tCouncillor Priya Lal and Councillor Glyn Hughes",
        "Against:\tCouncillor Helen Marsh, Councillor Owain Pryce and Councillor Bola Adeyemi",
        "Abstained:\tMrs Ann Whitcombe",
    ]
    assert styles["For:\tCouncillor Priya Lal and Councillor Glyn Hughes"] == "Minute List Item"
    assert styles[f"{CARRIED}."] == "Minute Body"
    exempt = texts.index("51.\tResidential placements: contract extension")
    assert texts[exempt + 1].startswith("Considered in private: exempt information as defined in paragraph 3")
    package = every_part(out)
    for words in EXEMPT_WORDS:
        assert words not in package


def test_the_notice_as_csv_and_json(demo_db: Path, tmp_path: Path) -> None:
    code, _ = run("export", "decisions", "2", "--db", str(demo_db), "-o", str(tmp_path / "notice.csv"))
    assert code == 0
    with (tmp_path / "notice.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == NOTICE_COLUMNS
    amendment = next(r for r in rows if r["decision"] == "amendment")
    assert (
        amendment["outcome"],
        amendment["votes_for"],
        amendment["votes_against"],
        amendment["abstentions"],
    ) == ("lost", "2", "3", "1")
    assert amendment["voted_for"] == "Councillor Priya Lal; Councillor Glyn Hughes"
    assert amendment["abstained"] == "Mrs Ann Whitcombe" and amendment["recorded_vote"] == "yes"
    recommended = next(r for r in rows if r["decision"] == "recommended" and r["minute"] == "48")
    assert recommended["vote"] == CARRIED and recommended["addressee"] == "Cabinet"
    exempt = [r for r in rows if r["exempt"] == "yes"]
    assert [(r["item"], r["decision"], r["text"]) for r in exempt] == [
        ("Residential placements: contract extension", "considered in private", "")
    ]
    assert not any(
        words in (tmp_path / "notice.csv").read_text(encoding="utf-8-sig") for words in EXEMPT_WORDS
    )

    code, _ = run(
        "export", "decisions", "2", "--db", str(demo_db), "--format", "json", "-o", str(tmp_path / "n")
    )
    data = json.loads((tmp_path / "n.json").read_text(encoding="utf-8"))
    assert data["publish_by"] is None and data["meeting"]["date"] == "2026-11-10"
    assert data["attendance"]["substitute"] == [
        {"name": "Councillor Glyn Hughes", "for": "Councillor Rachel Storey"}
    ]
    school = next(i for i in data["items"] if i["minute"] == "48")
    assert [d["decision"] for d in school["decisions"]] == ["resolved", "recommended", "amendment"]
    assert next(i for i in data["items"] if i["exempt"])["decisions"] == []


def test_a_welsh_notice_says_when_to_publish_and_is_remembered(demo_db: Path, tmp_path: Path) -> None:
    store = open_store(demo_db)
    committee = store.committees.all()[0]
    store.committees.update(committee.model_copy(update={"jurisdiction": Jurisdiction.WALES}))
    store.close()
    out = tmp_path / "notice.docx"
    code, said = run("export", "decisions", "2", "--db", str(demo_db), "-o", str(out))
    # 10 November 2026 (a Tuesday) + seven working days = Thursday 19 November.
    assert code == 0 and "19 November 2026" in said
    assert paragraphs(out)[2][1].startswith("To be published by 19 November 2026: within seven working days")
    store = open_store(demo_db)
    try:
        state = store.notices.state(2)
        assert state is not None and state.exported_at and state.path == str(out)
        assert store.notices.state(1) is not None and store.notices.state(1).exported_at is None  # type: ignore[union-attr]
    finally:
        store.close()
    code, said = run("export", "decisions", "2", "--db", str(demo_db), "-o", str(out))
    assert code == 1 and "already exists" in said


def test_a_read_only_export_writes_the_notice_and_remembers_nothing(demo_db: Path, tmp_path: Path) -> None:
    code, _ = run(
        "--read-only", "export", "decisions", "2", "--db", str(demo_db), "-o", str(tmp_path / "n.json")
    )
    assert code == 0 and (tmp_path / "n.json").exists()
    store = open_store(demo_db)
    try:
        assert store.notices.state(2).exported_at is None  # type: ignore[union-attr]
    finally:
        store.close()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["99"], "There is no meeting with id 99"),
        (["2", "-o", "x.csv", "--format", "json"], "ends .csv but the format asked for is json"),
        (["2", "--format", "csv", "--pdf"], "--pdf converts the Word file"),
    ],
)
def test_bad_requests_get_one_line(demo_db: Path, tmp_path: Path, args: list[str], message: str) -> None:
    code, said = run("export", "decisions", *args, "--db", str(demo_db))
    assert code == 1 and message in said and said.count("\n") == 1


def test_the_chairs_list_and_the_tracker_carry_the_vote(demo_db: Path, tmp_path: Path) -> None:
    code, _ = run(
        "export", "resolutions", "--meeting", "2", "--db", str(demo_db), "-o", str(tmp_path / "r.csv")
    )
    assert code == 0
    with (tmp_path / "r.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["vote"] for r in rows if r["vote"]] == [CARRIED]
    run("export", "resolutions", "--meeting", "2", "--db", str(demo_db), "-o", str(tmp_path / "r.docx"))
    texts = [text for _, text in paragraphs(tmp_path / "r.docx")]
    recommended = next(
        i for i, t in enumerate(texts) if t.startswith("RECOMMENDED to Cabinet that the Cabinet set out")
    )
    assert texts[recommended + 1] == f"{CARRIED}."
    store = open_store(demo_db)
    try:
        query = TrackerQuery(
            as_at=dt.date(2026, 12, 1), kind=Tracked.RECOMMENDATIONS, status=StatusFilter.ALL
        )
        export_tracker(store, query, tmp_path / "t.csv", format_="csv")
    finally:
        store.close()
    with (tmp_path / "t.csv").open(encoding="utf-8-sig", newline="") as handle:
        tracked = {r["recommended"][:30]: r["vote"] for r in csv.DictReader(handle)}
    assert tracked["the Cabinet set out by March h"] == CARRIED
    assert list(tracked.values()).count("") == len(tracked) - 1
