"""Confidentiality: text from an exempt (Part II) item never appears in any public output (the
minutes in Word and PDF, the tracker and the chair's list as a table, Word, CSV or JSON), and does
appear in the confidential ones."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from scrutui.cli import main
from scrutui.formalities import Declaration, InterestCategory
from scrutui.models import (
    AgendaItem,
    Assurance,
    InformationRequest,
    Narrative,
    Question,
    Recommendation,
    Resolution,
)
from scrutui.store import open_store
from tests.export.helpers import every_part

CANARY = "CANARY-8812"
EXEMPT_MEETING = 2


def canary_database(db_path: Path) -> None:
    """The demo, with the canary in every kind of record (and the private title) of its exempt item."""
    assert CliRunner().invoke(main, ["demo", "--db", str(db_path)]).exit_code == 0
    store = open_store(db_path)
    [item] = [i for i in store.agenda.for_meeting(EXEMPT_MEETING) if i.is_exempt]
    assert item.public_title and CANARY not in item.public_title
    store.agenda.update(item.model_copy(update={"title": f"Hollins Care Ltd {CANARY} contract"}))
    item_id = item.id or 0
    # A declaration on the exempt item whose nature would give the exempt matter away.
    marsh = next(line for line in store.attendance.roll(EXEMPT_MEETING) if line.name == "Councillor Helen Marsh")
    store.attendance.declare(
        Declaration(meeting_id=EXEMPT_MEETING, agenda_item_id=item_id, person_id=marsh.person_id,
                    category=InterestCategory.OTHER_REGISTRABLE, nature=f"as a director of {CANARY} Ltd")
    )
    # A second exempt item whose public title was left empty: its private title must not show.
    untitled = store.agenda.add(AgendaItem(meeting_id=EXEMPT_MEETING, number="9", title=f"Staffing {CANARY} case",
                                           exempt_paragraph=1))
    store.records.add(Narrative(agenda_item_id=untitled.id or 0, text=f"The {CANARY} case was discussed."))
    for record in (
        Narrative(agenda_item_id=item_id, text=f"The bid price of {CANARY} was discussed."),
        Question(agenda_item_id=item_id, asked_by="Councillor Helen Marsh", text=f"whether {CANARY} was fair",
                 answered_by="Director of Children's Services", answer=f"it was ({CANARY})"),
        Assurance(agenda_item_id=item_id, theme=f"Price {CANARY}", text=f"the {CANARY} price was tested"),
        InformationRequest(agenda_item_id=item_id, requested_of=f"Head of Procurement {CANARY}",
                           text=f"the {CANARY} bid evaluation"),
        Resolution(agenda_item_id=item_id, text=f"the {CANARY} bid be accepted"),
        Recommendation(agenda_item_id=item_id, addressee="Cabinet", text=f"the {CANARY} contract be signed"),
    ):
        store.records.add(record)
    store.close()


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def written(path: Path) -> str:
    """Everything a file holds, as text (every part of a Word package)."""
    return every_part(path) if path.suffix == ".docx" else path.read_text(encoding="utf-8")


def outputs(db_path: Path, folder: Path, *, confidential: bool) -> dict[str, str]:
    """Every public (or confidential) output scrutui makes, by name, as text."""
    db = ["--db", str(db_path)]
    extra = ["--confidential"] if confidential else []
    folder.mkdir()
    found: dict[str, str] = {}
    minutes = folder / "minutes.docx"
    run("export", "minutes", str(EXEMPT_MEETING), *db, "-o", str(minutes), *extra)
    found["minutes (Word)"] = written(minutes)
    found["requests (table)"] = run("requests", *db, "--status", "all", *extra)
    for form in ("docx", "csv", "json"):
        requests = folder / f"requests.{form}"
        run("export", "requests", *db, "--status", "all", "-o", str(requests), *extra)
        found[f"requests ({form})"] = written(requests)
        for scope in (["--meeting", str(EXEMPT_MEETING)], ["--committee", "Children"]):
            listed = folder / f"resolutions-{scope[0][2:]}.{form}"
            run("export", "resolutions", *db, *scope, "-o", str(listed), *extra)
            found[f"resolutions {scope[0]} ({form})"] = written(listed)
    # Search (typed in lower case, so that echoing the words typed is not mistaken for a leak).
    found["search (table)"] = run("search", CANARY.lower(), *db, *extra)
    found["search (JSON)"] = run("search", CANARY.lower(), "--json", *db, *extra)
    found["search by the private title"] = run("search", "hollins", "care", *db, *extra)
    found["search by person (JSON)"] = run("search", "--person", "head of procurement", "--json", *db, *extra)
    found["search by filters only (JSON)"] = run(
        "search", "--kind", "narrative", "--kind", "item", "--kind", "assurance", "--limit", "10000", "--json",
        *db, *extra,
    )
    found["search, best first (JSON)"] = run("search", "bid", "--order", "best", "--json", *db, *extra)
    found["themes (table)"] = run("themes", *db, *extra)
    found["themes (JSON)"] = run("themes", "--json", *db, *extra)
    # A close spelling of the exempt theme "Price CANARY-8812".
    found["theme history"] = run("themes", "price " + CANARY.lower().replace("-", " "), *db, *extra)
    if shutil.which("soffice") and shutil.which("pdftotext"):
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(minutes)],
                       check=True, capture_output=True, timeout=180)
        text = subprocess.run(["pdftotext", str(folder / "minutes.pdf"), "-"], check=True,
                              capture_output=True, text=True).stdout
        found["minutes (PDF, as LibreOffice reads the Word file)"] = text
    return found


@pytest.fixture
def canary_db(db_path: Path) -> Path:
    canary_database(db_path)
    return db_path


def test_no_public_output_holds_exempt_text(canary_db: Path, tmp_path: Path) -> None:
    public = outputs(canary_db, tmp_path / "public", confidential=False)
    assert len(public) >= 20
    leaks = [name for name, text in public.items() if CANARY in text]
    assert leaks == []
    # The public minutes still say the item was taken, under its public title (or a neutral one),
    # and the declaration was made.
    minutes = public["minutes (Word)"]
    assert "Residential placements: contract extension" in minutes and "(Exempt item)" in minutes
    assert "Councillor Helen Marsh declared an other registrable interest" in minutes


def test_confidential_outputs_hold_it(canary_db: Path, tmp_path: Path) -> None:
    confidential = outputs(canary_db, tmp_path / "confidential", confidential=True)
    missing = [name for name, text in confidential.items() if CANARY not in text]
    assert missing == []
    assert "CONFIDENTIAL" in confidential["minutes (Word)"]


def test_a_committee_may_publish_the_nature_of_declarations_on_exempt_items(canary_db: Path, tmp_path: Path) -> None:
    from scrutui.models import ExemptNatures

    store = open_store(canary_db)
    [committee] = store.committees.all()
    store.committees.update(committee.model_copy(update={"exempt_declaration_natures": ExemptNatures.PUBLISH}))
    store.close()
    minutes = tmp_path / "public.docx"
    run("export", "minutes", str(EXEMPT_MEETING), "--db", str(canary_db), "-o", str(minutes))
    text = written(minutes)
    assert f"as a director of {CANARY} Ltd" in text  # the committee chose to publish natures
    assert f"bid price of {CANARY}" not in text  # the exempt minutes themselves stay private


def test_search_counts_leave_exempt_items_out(canary_db: Path) -> None:
    """A public search's count is of what it may show: the words of the exempt item count for
    nothing, in the table's count line and the JSON."""
    import json

    db = ["--db", str(canary_db)]
    for word in ("bid", "contract", "price"):
        public = json.loads(run("search", word, "--json", "--limit", "10000", *db))
        confidential = json.loads(run("search", word, "--json", "--limit", "10000", "--confidential", *db))
        assert all(not hit["exempt"] for hit in public)
        assert len(confidential) > len(public)
        if public:
            assert f"of {len(public)} found" in run("search", word, "--limit", "1", *db)
        else:
            assert "Nothing found" in run("search", word, *db)
        assert f"of {len(confidential)} found" in run("search", word, "--limit", "1", "--confidential", *db)
