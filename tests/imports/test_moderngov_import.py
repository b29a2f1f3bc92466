"""Importing a ModernGov meeting: the committee, its people (on the roll call), the meeting and its
agenda; importing it again updates what is not minuted, never touches a minuted item, and reports
an item dropped after minuting began."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scrutui.cli import main
from scrutui.formalities import AttendanceStatus
from scrutui.models import MinutesStatus, Narrative, Role
from scrutui.store import open_store
from tests.imports.moderngov_server import FIXTURES, FakeModernGov, fixture


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def import_meeting(moderngov: FakeModernGov, db_path: Path, *extra: str) -> str:
    code, output = run(
        "import", "moderngov", moderngov.base, "--meeting", "4521", "--db", str(db_path), *extra
    )
    assert code == 0, output
    return output


def everything(db_path: Path) -> str:
    """Every text value in the database, to look for what must never reach it."""
    conn = sqlite3.connect(db_path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return "\n".join(str(row) for table in tables for row in conn.execute(f"SELECT * FROM {table}"))
    finally:
        conn.close()


def item_rows(db_path: Path) -> list[dict[str, Any]]:
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute("SELECT * FROM agenda_item ORDER BY position")]
    finally:
        conn.close()


def test_a_meeting_is_imported_with_committee_people_and_agenda(
    moderngov: FakeModernGov, db_path: Path
) -> None:
    output = import_meeting(moderngov, db_path)
    assert output.startswith(
        "Imported meeting 1 of Children's Services Scrutiny Committee (10 November 2026, 6.30 pm, "
        "Committee Room 1, County Hall, Market Street) from ModernGov at 127.0.0.1"
    )
    assert "Agenda: Adds 8 items." in output
    assert "Left out a heading, not an item: 'PART A - ITEMS TAKEN IN PUBLIC'." in output
    assert "Councillor Gil Hart" in output.split("Not added to the committee")[1]
    assert moderngov.requests[-1] == ("/mgWebService.asmx/GetMeeting", {"lMeetingId": "4521"})
    store = open_store(db_path)
    try:
        meeting = store.meetings.get(1)
        assert (meeting.date.isoformat(), meeting.time.isoformat(), meeting.venue) == (
            "2026-11-10",
            "18:30:00",
            "Committee Room 1, County Hall, Market Street",
        )
        items = store.agenda.for_meeting(1)
        assert [(i.number, i.title) for i in items][:4] == [
            ("1", "Apologies for absence"),
            ("2", "Declarations of interest"),
            ("3", "Minutes of the previous meeting"),
            ("4", "Ofsted improvement plan: progress"),
        ]
        assert items[3].purpose == (
            "To review progress against the Council's improvement plan following the inspection of "
            "children's services.\n• Workforce: social worker vacancies\n• Quality of practice & audits"
        )
        exempt = items[-1]
        assert (exempt.exempt_paragraph, exempt.public_title, exempt.purpose) == (
            3,
            "Contract award: residential care placements",
            "",
        )
        roles = {cp.person.name: cp.role for cp in store.committees.people(meeting.committee_id)}
        assert roles == {
            "Councillor Ann Ali": Role.CHAIR,
            "Councillor Ben O'Brien": Role.VICE_CHAIR,
            "Councillor Cara Dunn": Role.MEMBER,
            "Councillor Dev Patel": Role.MEMBER,
            "Mrs Eve Fox": Role.CO_OPTED,
            "Councillor Ivy Jones": Role.CABINET_MEMBER,
        }
        roll = {line.name: line.status for line in store.attendance.roll(1)}
        assert roll["Councillor Cara Dunn"] is AttendanceStatus.APOLOGIES  # sent before the meeting
        assert roll["Councillor Ann Ali"] is None  # expected: the clerk records it on the day
    finally:
        store.close()
    # Restricted content never reaches the database.
    assert "CANARY" not in everything(db_path)


def test_importing_again_changes_nothing(moderngov: FakeModernGov, db_path: Path) -> None:
    import_meeting(moderngov, db_path)
    before = item_rows(db_path)
    output = import_meeting(moderngov, db_path)
    assert output.startswith("Updated meeting 1 of")
    assert "Agenda: Nothing to change (8 items as on file)." in output
    assert "people added" not in output
    assert item_rows(db_path) == before


def test_reimport_updates_what_is_not_minuted_and_never_a_minuted_item(
    moderngov: FakeModernGov, db_path: Path
) -> None:
    import_meeting(moderngov, db_path)
    store = open_store(db_path)
    try:
        items = store.agenda.for_meeting(1)
        early_help, work = items[4], items[5]
        assert early_help.title == "Early help: budget monitoring"
        store.records.add(
            Narrative(agenda_item_id=early_help.id or 0, text="The Director of Finance presented.")
        )
        store.agenda.take(work.id or 0)  # taken (timed and numbered), nothing recorded yet
        store.handle.db.execute(
            "UPDATE agenda_item SET title = 'Work programme (as minuted)' WHERE id = ?", [work.id]
        )
        store.handle.db.conn.commit()
    finally:
        store.close()
    minuted_before = {r["id"]: r for r in item_rows(db_path) if r["id"] in (early_help.id, work.id)}

    moderngov.replies["GetMeeting:4521"] = fixture("meeting-4521-revised.xml")
    output = import_meeting(moderngov, db_path)
    assert "Agenda: Adds 1 item, changes 2" in output
    assert (
        "Item 5 Early help: budget monitoring is no longer on the imported agenda, but minuting has begun "
        "under it: it is kept."
    ) in output
    assert (
        "Item 6 Work programme (as minuted) is minuted, so it is kept as it is (the import now reads '7 Work programme')."
        in output
    )
    rows = item_rows(db_path)
    titles = [r["title"] for r in rows]
    assert titles == [
        "Apologies for absence",
        "Declarations of interest",
        "Minutes of the meeting held on 15 September 2026",  # not minuted: updated
        "Ofsted improvement plan: progress",
        "Placement sufficiency strategy",  # new, after the item before it in ModernGov
        "Early help: budget monitoring",  # dropped by ModernGov but minuted: kept where it was
        "Exclusion of the press and public",  # not minuted: in ModernGov's new order
        "Work programme (as minuted)",  # minuted: kept as it is
        "Contract award: residential care placements",
    ]
    assert [r["number"] for r in rows][4:8] == ["5", "5", "6", "6"]  # new; minuted; renumbered; minuted
    after = {r["id"]: r for r in rows if r["id"] in minuted_before}
    for item_id, row in minuted_before.items():
        assert {k: v for k, v in after[item_id].items() if k != "position"} == {
            k: v for k, v in row.items() if k != "position"
        }


def test_an_unminuted_item_dropped_from_modernGov_is_removed(moderngov: FakeModernGov, db_path: Path) -> None:
    import_meeting(moderngov, db_path)
    moderngov.replies["GetMeeting:4521"] = fixture("meeting-4521-revised.xml")
    output = import_meeting(moderngov, db_path)
    assert "removes 1" in output
    titles = [r["title"] for r in item_rows(db_path)]
    assert "Early help: budget monitoring" not in titles and "Placement sufficiency strategy" in titles
    assert titles.index("Exclusion of the press and public") < titles.index("Work programme")


def test_items_typed_by_hand_are_kept(moderngov: FakeModernGov, db_path: Path) -> None:
    from scrutui.models import AgendaItem

    import_meeting(moderngov, db_path)
    store = open_store(db_path)
    try:
        store.agenda.add(
            AgendaItem(meeting_id=1, number="4a", title="Urgent item: school transport"), after=4
        )
    finally:
        store.close()
    moderngov.replies["GetMeeting:4521"] = fixture("meeting-4521-revised.xml")
    output = import_meeting(moderngov, db_path)
    assert "keeps 1 other item where it is" in output
    titles = [r["title"] for r in item_rows(db_path)]
    assert titles[4] == "Urgent item: school transport"


def test_a_dry_run_writes_nothing(moderngov: FakeModernGov, db_path: Path) -> None:
    output = import_meeting(moderngov, db_path, "--dry-run")
    assert output.startswith("Would import a new meeting of Children's Services Scrutiny Committee")
    assert "Agenda: Adds 8 items." in output and "Nothing was written (--dry-run)." in output
    store = open_store(db_path)
    try:
        assert store.meetings.count() == 0 and store.committees.count() == 0
    finally:
        store.close()


def test_issued_minutes_are_not_changed_by_an_import(moderngov: FakeModernGov, db_path: Path) -> None:
    import_meeting(moderngov, db_path)
    store = open_store(db_path)
    try:
        store.meetings.set_status(1, MinutesStatus.ISSUED)
    finally:
        store.close()
    before = item_rows(db_path)
    moderngov.replies["GetMeeting:4521"] = fixture("meeting-4521-revised.xml")
    code, output = run("import", "moderngov", moderngov.base, "--meeting", "4521", "--db", str(db_path))
    assert code == 1 and "are issued: an import cannot change it" in output
    assert item_rows(db_path) == before


def test_a_restricted_item_naming_no_paragraph(moderngov: FakeModernGov, db_path: Path) -> None:
    saved = FIXTURES / "meeting-restricted-unnamed.xml"
    code, output = run("import", "moderngov", str(saved), "--db", str(db_path))
    assert code == 1
    assert (
        "restricted without naming the Schedule 12A paragraph: 8. Contract award: residential care" in output
    )
    assert "--exempt-paragraph N" in output
    code, output = run("import", "moderngov", str(saved), "--db", str(db_path), "--exempt-paragraph", "9")
    assert code == 1 and "Paragraph 9 is not one of England's" in output
    code, output = run("import", "moderngov", str(saved), "--db", str(db_path), "--exempt-paragraph", "3")
    assert code == 0, output
    assert "exempt under paragraph 3 (--exempt-paragraph)" in output
    assert "CANARY" not in everything(db_path)


def test_a_saved_reply_and_the_people_known_already(db_path: Path) -> None:
    from scrutui.models import Committee, Person

    store = open_store(db_path)
    try:
        store.committees.add(
            Committee(name="Health & Wellbeing Scrutiny Committee"),
            [(Person(name="Cllr Kim Lo"), Role.CHAIR)],
        )
    finally:
        store.close()
    code, output = run("import", "moderngov", str(FIXTURES / "meeting-single.xml"), "--db", str(db_path))
    assert code == 0, output
    assert "new in scrutui" not in output and "people added" not in output  # "Cllr" is "Councillor"
    assert "from " + str(FIXTURES / "meeting-single.xml") in output
    store = open_store(db_path)
    try:
        assert store.committees.count() == 1
        assert [i.title for i in store.agenda.for_meeting(1)] == ["Winter pressures in A&E"]
        assert store.imports.moderngov_meeting_id(1) == "4600"
    finally:
        store.close()


def test_a_time_modernGov_cannot_give_is_assumed_once_and_never_overwrites(
    db_path: Path, tmp_path: Path
) -> None:
    saved = (FIXTURES / "meeting-4521.xml").read_text(encoding="utf-8")
    teatime = tmp_path / "teatime.xml"
    teatime.write_text(
        saved.replace("<meetingtime>6.30 pm</meetingtime>", "<meetingtime>teatime</meetingtime>")
    )
    code, output = run("import", "moderngov", str(teatime), "--db", str(db_path))
    assert code == 0 and "ModernGov's time 'teatime' could not be read: 6.00 pm is assumed" in output
    code, output = run("import", "moderngov", str(FIXTURES / "meeting-4521.xml"), "--db", str(db_path))
    assert "(10 November 2026, 6.30 pm," in output
    code, output = run("import", "moderngov", str(teatime), "--db", str(db_path))
    assert code == 0 and "(10 November 2026, 6.30 pm," in output  # kept, not reset to 6 pm
    ancient = tmp_path / "ancient.xml"
    ancient.write_text(
        saved.replace("10/11/2026", "10/11/1900").replace("<meetingid>4521", "<meetingid>4999")
    )
    code, output = run("import", "moderngov", str(ancient), "--db", str(db_path))
    assert (
        code == 1
        and output == "scrutui: ModernGov meeting 4999: date 1900 is not a plausible year for a meeting.\n"
    )
