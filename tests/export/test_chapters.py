"""A webcast's chapters: each item's start (and end) from the start of the recording, with its
minute number and public title, as YouTube, WebVTT and CSV take them."""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner

from scrutui.cli import main
from scrutui.store import Store, open_store
from tests.conftest import add_meeting


def export(db_path: Path, *arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["export", "chapters", *arguments, "--db", str(db_path)])
    return result.exit_code, result.stdout, result.stderr


def test_youtube_chapters_of_the_demo_meeting(demo_store: Store, db_path: Path) -> None:
    demo_store.close()
    code, out, err = export(db_path, "2")
    assert code == 0, out + err
    assert out.splitlines() == [
        "0:00:00 44. Apologies for absence and substitutes",
        "0:02:00 45. Declarations of interest",
        "0:03:00 46. Minutes of the previous meeting",
        "0:05:00 47. Ofsted inspection of children's services: improvement plan",
        "1:28:00 48. School place planning",
        "1:44:00 49. Work programme",
        "1:50:00 50. Exclusion of the press and public",
        "1:52:00 51. Residential placements: contract extension",  # the public title
    ]
    assert err == ""


def test_the_exempt_item_is_named_by_its_public_title(demo_store: Store, db_path: Path) -> None:
    exempt = next(i for i in demo_store.agenda.for_meeting(2) if i.is_exempt)
    demo_store.close()
    _, out, _ = export(db_path, "2", "--format", "vtt")
    assert exempt.public_title in out and exempt.title not in out


def test_webvtt_from_when_the_recording_began(demo_store: Store, db_path: Path, tmp_path: Path) -> None:
    demo_store.close()
    target = tmp_path / "chapters.vtt"
    code, out, err = export(db_path, "2", "--format", "vtt", "--start", "6.25pm", "-o", str(target))
    assert code == 0, out + err
    assert out == f"Wrote 8 chapters to {target} (from the recording's start at 18:25:00).\n"
    text = target.read_text(encoding="utf-8")
    cues = text.split("\n\n")
    assert cues[0] == "WEBVTT"
    assert cues[1] == "1\n00:05:00.000 --> 00:07:00.000\n44. Apologies for absence and substitutes"
    assert cues[4].startswith("4\n00:10:00.000 --> 01:33:00.000\n47. Ofsted")
    assert cues[-1].startswith("8\n01:57:00.000 --> 01:57:01.000\n51. ")  # the last item has no end yet


def test_csv_and_youtube_rules(db_path: Path, tmp_path: Path) -> None:
    store = open_store(db_path)
    try:
        _, meeting, items = add_meeting(store)
        store.meetings.start(meeting.id or 0)
        store.handle.db.execute(
            "UPDATE meeting SET started_at = '2026-12-03T18:30:00' WHERE id = ?", [meeting.id]
        )
        store.handle.db.conn.commit()
        store.agenda.take(items[0].id or 0, at="2026-12-03T18:31:00")
        store.agenda.take(items[1].id or 0, leaving=items[0].id, at="2026-12-03T18:31:05")
    finally:
        store.close()
    code, out, err = export(db_path, "1")
    assert code == 0
    assert out.splitlines() == [
        "0:00 Health Scrutiny Committee, 3 December 2026",  # YouTube needs a chapter at 0:00
        "1:00 1. Apologies",
        "1:05 2. Winter pressures",
    ]
    assert "these are shorter: 1. Apologies" in err
    target = tmp_path / "chapters.csv"
    code, out, _ = export(db_path, "1", "--format", "csv", "-o", str(target))
    assert code == 0
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0] == {
        "minute": "1.",
        "title": "Apologies",
        "start": "1:00",
        "end": "1:05",
        "start_seconds": "60",
        "end_seconds": "65",
    }
    assert rows[1]["end"] == "" and len(rows) == 2


def test_a_meeting_not_yet_minuted_has_no_chapters(db_path: Path) -> None:
    store = open_store(db_path)
    try:
        add_meeting(store)
    finally:
        store.close()
    code, out, err = export(db_path, "1")
    assert code == 1 and "No item of this meeting has been taken yet" in out + err
    code, out, err = export(db_path, "1", "--start", "half six")
    assert code == 1 and "--start half six: give the time the recording began, such as 18:25" in out + err
