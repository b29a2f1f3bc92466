"""Minutes as OParl 1.1 JSON: every object written validates against the OParl schema; the text of
each item is what the public minutes say; exempt items are not public, title only."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scrutui.cli import main
from scrutui.export.oparl import oparl_export
from scrutui.minutes import build_from
from scrutui.models import Narrative, Resolution
from scrutui.store import Store, open_store
from tests.export.oparl_schema import FOLDER, assert_valid, problems

BASE = "https://democracy.example.gov.uk/open-data/oparl"
KINDS = {"organization": "Organization", "person": "Person", "membership": "Membership", "meeting": "Meeting"}


def assert_all_valid(data: dict[str, Any]) -> None:
    assert set(data) == set(KINDS)
    for key, kind in KINDS.items():
        for instance in data[key]:
            assert_valid(kind, instance)
    for meeting in data["meeting"]:
        for item in meeting["agendaItem"]:
            assert_valid("AgendaItem", item)


def test_the_validator_refuses_what_the_schema_refuses() -> None:
    example = json.loads((FOLDER / "example-Meeting-01.json").read_text(encoding="utf-8"))
    # The specification's own example lacks the required order of its agenda item.
    assert problems("Meeting", example) == ["agendaItem/0: 'order' is a required property"]
    example["agendaItem"][0]["order"] = 0
    assert problems("Meeting", example) == []
    example["location"]["id"] = "not a web address"
    example["resultsProtocol"]["date"] = "8/1/2012"
    assert problems("Meeting", example) == [
        "location/id: 'not a web address' is not a 'url'",
        "resultsProtocol/date: '8/1/2012' is not a 'date'",
    ]


def test_the_demo_meetings_as_oparl(demo_store: Store) -> None:
    exempt_item = next(i for i in demo_store.agenda.for_meeting(2) if i.is_exempt)
    demo_store.records.add(
        Narrative(agenda_item_id=exempt_item.id or 0, text="CANARY-EXEMPT the bids were close.")
    )
    data = oparl_export(demo_store, [1, 2], BASE)
    assert_all_valid(data)
    september, november = data["meeting"]
    assert september["meetingState"] == "durchgeführt" and november["meetingState"] == "eingeladen"
    assert november["name"] == "Children and Young People Scrutiny Committee (demo), 10 November 2026"
    assert november["organization"] == [f"{BASE}/organization/1"]
    assert november["start"].startswith("2026-11-10T18:30:00")
    items = november["agendaItem"]
    assert [i["order"] for i in items] == list(range(len(items)))
    assert [i["number"] for i in items] == [str(n) for n in range(1, 9)]
    # The text of each public item is what the public minutes say, paragraph by paragraph.
    document = build_from(demo_store.signoff.source(2), confidential=False)
    ofsted = items[3]
    assert (
        ofsted["name"] == "Ofsted inspection of children's services: improvement plan"
        and ofsted["public"] is True
    )
    assert ofsted["resolutionText"] == "\n\n".join(p.full_text for p in document.items[3].paragraphs)
    assert "RESOLVED: That" in ofsted["resolutionText"] and ofsted["result"].startswith("Resolved")
    assert ofsted["keyword"] == ["minute 47"]
    exempt = items[-1]
    assert exempt["public"] is False and exempt["name"] == exempt_item.public_title
    assert "resolutionText" not in exempt and "result" not in exempt
    assert "CANARY" not in json.dumps(data) and exempt_item.title not in json.dumps(data)
    # Members of the committee, with their roles; those present are the meeting's participants.
    people = {p["id"]: p["name"] for p in data["person"]}
    roles = {people[m["person"]]: m["role"] for m in data["membership"]}
    assert roles["Councillor Helen Marsh"] == "Chair"
    assert set(november["participant"]) <= set(people)
    assert "Councillor Priya Lal" not in {people[p] for p in september["participant"]}  # sent apologies


def test_the_command_writes_one_meeting_with_its_minutes_document(
    demo_store: Store, db_path: Path, tmp_path: Path
) -> None:
    demo_store.close()
    minutes = tmp_path / "minutes-2026-11-10.pdf"
    minutes.write_bytes(b"%PDF-1.7 the public minutes")
    output = tmp_path / "november.json"
    result = CliRunner().invoke(
        main,
        [
            "export",
            "oparl",
            "2",
            "--db",
            str(db_path),
            "--base-url",
            BASE + "/",
            "-o",
            str(output),
            "--minutes",
            str(minutes),
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        "Wrote 1 meeting of Children and Young People Scrutiny Committee (demo) (8 agenda items, 1 exempt: title only)"
    )
    data = json.loads(output.read_text(encoding="utf-8"))
    assert_all_valid(data)
    protocol = data["meeting"][0]["resultsProtocol"]
    assert protocol["accessUrl"] == f"{BASE}/files/minutes-2026-11-10.pdf"
    assert protocol["mimeType"] == "application/pdf" and protocol["size"] == minutes.stat().st_size
    again = CliRunner().invoke(
        main, ["export", "oparl", "2", "--db", str(db_path), "--base-url", BASE, "-o", str(output)]
    )
    assert again.exit_code == 1 and "already exists; use --force" in again.output


def test_all_of_a_committees_meetings(
    demo_store: Store, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo_store.close()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        main, ["export", "oparl", "--committee", "children", "--db", str(db_path), "--base-url", BASE]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(
        (tmp_path / "children-and-young-people-scrutiny-committee-demo-oparl.json").read_text(
            encoding="utf-8"
        )
    )
    assert len(data["meeting"]) == 2 and len(data["organization"]) == 1
    assert len({m["id"] for m in data["membership"]}) == len(data["membership"])
    assert_all_valid(data)


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["2", "--base-url", "democracy.example.gov.uk"], "is not a web address to publish under"),
        (
            ["2", "--base-url", BASE, "--committee", "children"],
            "Give either a MEETING id or --committee NAME",
        ),
        (["--base-url", BASE], "Give either a MEETING id or --committee NAME"),
        (["2"], "Missing option '--base-url'"),
        (["99", "--base-url", BASE], "There is no meeting with id 99"),
        (["2", "--base-url", BASE, "--minutes", "nowhere.pdf"], "There is no file nowhere.pdf"),
    ],
)
def test_refusals_are_one_line(demo_store: Store, db_path: Path, arguments: list[str], expected: str) -> None:
    demo_store.close()
    result = CliRunner().invoke(main, ["export", "oparl", *arguments, "--db", str(db_path)])
    assert result.exit_code != 0 and expected in result.output and "Traceback" not in result.output


def test_the_confidential_minutes_are_never_described(
    demo_store: Store, db_path: Path, tmp_path: Path
) -> None:
    demo_store.close()
    secret = tmp_path / "minutes-2026-11-10-confidential.docx"
    secret.write_bytes(b"PK")
    result = CliRunner().invoke(
        main,
        [
            "export",
            "oparl",
            "2",
            "--db",
            str(db_path),
            "--base-url",
            BASE,
            "--minutes",
            str(secret),
            "-o",
            str(tmp_path / "x.json"),
        ],
    )
    assert result.exit_code == 1 and "looks like the confidential minutes" in result.output
    assert not (tmp_path / "x.json").exists()


def test_a_meeting_minuted_live_has_its_times_and_results(db_path: Path) -> None:
    from tests.conftest import add_meeting

    store = open_store(db_path)
    try:
        _, meeting, items = add_meeting(store)
        store.agenda.take(items[0].id or 0, at="2026-12-03T18:31:00")
        store.agenda.take(items[1].id or 0, leaving=items[0].id, at="2026-12-03T18:33:30")
        store.records.add(Resolution(agenda_item_id=items[1].id or 0, text="the winter plan be noted"))
        data = oparl_export(store, [meeting.id or 0], BASE)
    finally:
        store.close()
    assert_all_valid(data)
    first, second, third = data["meeting"][0]["agendaItem"]
    assert first["start"].startswith("2026-12-03T18:31:00") and first["end"].startswith("2026-12-03T18:33:30")
    assert second["result"] == "Resolved" and second["resolutionText"].endswith(
        "RESOLVED: That the winter plan be noted."
    )
    assert "start" not in third and "resolutionText" not in third  # not taken; nothing minuted
