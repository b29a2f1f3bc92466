"""Council-wide lists are read from SQLite a page at a time and written as they are read: the rows
streamed are exactly the tracker's validated rows in the tracker's order, the chair's list selects
exactly the decisions the old per-meeting reading did, a streamed JSON file is the same JSON, and
the commands print what they printed before the lists were streamed.

The files in tests/fixtures/lists_before/ were written by scrutui at e201bb8 (before the lists
were streamed) on the demo database, as at 1 December 2026. Should the demo or a list's wording
change on purpose, write them again from the commands named in OUTPUTS.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrutui import voting
from scrutui.cli import main
from scrutui.cli.commands import requests as requests_command
from scrutui.cli.paging import lines_of
from scrutui.export.lists import csv_text, json_chunks, spreadsheet_safe
from scrutui.models import (
    AgendaItem,
    Committee,
    InformationRequest,
    Meeting,
    Motion,
    MotionOutcome,
    Recommendation,
    RequestStatus,
    Resolution,
    clean_text,
)
from scrutui.store import Store, open_store
from scrutui.store.tracker import STREAM_PAGE, StatusFilter, Tracked, TrackerQuery
from scrutui.tracked import TrackedRow
from scrutui.tracker.documents import RESOLUTION_COLUMNS, resolution_rows, resolutions_json, with_nulls
from scrutui.tracker.rules import Tracker, as_minuted, minuted_rows

AS_AT = dt.date(2026, 12, 1)
FIXTURES = Path(__file__).parent / "fixtures" / "lists_before"
PAGE_SIZES = (1, 2, 3, STREAM_PAGE)


@pytest.fixture
def busy_store(demo_store: Store) -> Store:
    """The demo with more requests and recommendations, some with no due date, one carried as a
    motion, so that pages have to join up across the undated and dated rows."""
    items = demo_store.agenda.for_meeting(2)
    item = items[3]
    for n in range(7):
        demo_store.records.add(
            InformationRequest(
                agenda_item_id=item.id or 0,
                text=f"figures for ward {n}",
                asked_by="Councillor Priya Lal" if n % 2 else "",
                requested_of="Lorna Briggs" if n == 5 else "Director of Finance",
                due_date=dt.date(2026, 12, 1 + n),
                due_date_by_hand=True,
                status=RequestStatus.ANSWERED if n == 4 else RequestStatus.OUTSTANDING,
            )
        )
    made = demo_store.records.add(
        Recommendation(agenda_item_id=item.id or 0, text="the Cabinet fund two more hubs", addressee="Cabinet")
    )
    demo_store.records.add(
        Motion(
            agenda_item_id=item.id or 0,
            text="the Cabinet fund two more hubs",
            outcome=MotionOutcome.CARRIED,
            votes_for=6,
            votes_against=2,
            decision_id=made.id,
        )
    )
    # Due dates left out: the store works them out, so clear a few in SQL, as an old database has.
    with demo_store.handle.write() as conn:
        conn.execute(
            "UPDATE information_request SET due_date = NULL WHERE due_date_by_hand = 1 AND record_id % 2 = 0"
        )
        conn.execute("UPDATE recommendation SET response_due = NULL WHERE record_id = ?", [made.id])
        # No asker, as databases made before askers were recorded hold (the models read "the Committee").
        conn.execute("UPDATE information_request SET asked_by = '' WHERE record_id % 3 = 0")
    return demo_store


QUERIES = [
    TrackerQuery(as_at=AS_AT, kind=kind, status=status, confidential=confidential)
    for kind in Tracked
    for status in StatusFilter
    if status.applies_to(kind)
    for confidential in (True, False)
] + [
    TrackerQuery(as_at=AS_AT, status=StatusFilter.ALL, of="finance"),
    TrackerQuery(as_at=AS_AT, status=StatusFilter.ALL, asked_by="Cllr Lal"),
    TrackerQuery(as_at=AS_AT, status=StatusFilter.ALL, committee_id=1),
    TrackerQuery(as_at=AS_AT, status=StatusFilter.ALL, meeting_id=2),
    TrackerQuery(as_at=AS_AT, kind=Tracked.RECOMMENDATIONS, status=StatusFilter.ALL, of="cab"),
]


def old_rows(store: Store, query: TrackerQuery) -> list[TrackedRow]:
    """The list as it was read before it was streamed: every record validated through the models."""
    return [entry.as_row() for entry in as_minuted(store, store.tracker.all(query))]


def streamed(store: Store, query: TrackerQuery, page: int) -> list[TrackedRow]:
    return list(minuted_rows(store, store.tracker.rows(query, page=page)))


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: f"{q.kind.value}-{q.status.value}-{q.confidential}")
def test_streamed_rows_are_the_validated_rows_in_the_same_order(busy_store: Store, query: TrackerQuery) -> None:
    expected = old_rows(busy_store, query)
    for page in PAGE_SIZES:  # pages that end anywhere, inside the undated rows and across to the dated
        assert streamed(busy_store, query, page) == expected, page


def test_the_busy_store_has_what_the_paging_must_join_up(busy_store: Store) -> None:
    everything = old_rows(busy_store, TrackerQuery(as_at=AS_AT, status=StatusFilter.ALL))
    assert sum(1 for r in everything if r.due is None) >= 3 and sum(1 for r in everything if r.due) >= 3
    assert any(r.named_of != r.of for r in everything)  # an officer typed by name, listed by role
    assert {r.asked_by for r in everything} >= {"the Committee", "Councillor Priya Lal"}
    recommendations = old_rows(busy_store, TrackerQuery(as_at=AS_AT, kind=Tracked.RECOMMENDATIONS, status=StatusFilter.ALL))
    assert any(r.vote is not None for r in recommendations)


def test_a_damaged_row_is_left_out_and_noted_as_before(busy_store: Store) -> None:
    query = TrackerQuery(as_at=AS_AT, status=StatusFilter.ALL)
    with busy_store.handle.write() as conn:
        damaged = conn.execute("SELECT min(record_id) FROM information_request").fetchone()[0]
        conn.execute("UPDATE information_request SET status = 'lost' WHERE record_id = ?", [damaged])
        odd = conn.execute("SELECT max(record_id) FROM information_request").fetchone()[0]
        conn.execute("UPDATE information_request SET due_date = '23/12/2026' WHERE record_id = ?", [odd])
    with busy_store.handle.collecting_damage() as before:
        expected = old_rows(busy_store, query)
    for page in PAGE_SIZES:
        with busy_store.handle.collecting_damage() as noted:
            assert streamed(busy_store, query, page) == expected
        assert noted == before and [d.row_id for d in noted] == [damaged]
    # A date the models read (23/12/2026), though not as scrutui writes it, is listed as they read it.
    assert next(r for r in expected if r.id == odd).due == "2026-12-23"


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
_REQUESTS = st.lists(
    st.tuples(
        _TEXT.filter(lambda t: clean_text(t) != ""),
        _TEXT,
        st.sampled_from(["", "Director of Finance", "Cara Dunn", "the Chief Executive", " head of  Highways "]),
        st.one_of(st.none(), st.dates(dt.date(2026, 1, 1), dt.date(2027, 12, 31))),
        st.sampled_from(list(RequestStatus)),
        st.booleans(),
    ),
    min_size=0,
    max_size=12,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(requests=_REQUESTS, page=st.sampled_from(PAGE_SIZES), status=st.sampled_from(list(StatusFilter)))
def test_any_requests_stream_as_the_models_read_them(
    requests: list[tuple[str, str, str, dt.date | None, RequestStatus, bool]], page: int, status: StatusFilter
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "t.sqlite")
        try:
            committee = store.committees.add(Committee(name="Health Scrutiny Committee"))
            meeting = store.meetings.add(Meeting(committee_id=committee.id or 0, date=dt.date(2026, 1, 5)))
            items = [
                store.agenda.add(AgendaItem(meeting_id=meeting.id or 0, position=1, number="4", title="Care homes")),
                store.agenda.add(AgendaItem(meeting_id=meeting.id or 0, position=2, title="Exempt", exempt_paragraph=3)),
            ]
            for n, (text, asker, of, due, state, exempt) in enumerate(requests):
                answered = state is not RequestStatus.OUTSTANDING
                store.records.add(
                    InformationRequest(
                        agenda_item_id=items[exempt].id or 0,
                        text=text,
                        asked_by=asker,
                        requested_of=of,
                        due_date=due,
                        due_date_by_hand=due is not None,
                        status=state,
                        answered_on=dt.date(2026, 2, 1 + n) if answered else None,
                        response="Sent." if answered else "",
                    )
                )
            with store.handle.write() as conn:  # some with no due date at all
                conn.execute("UPDATE information_request SET due_date = NULL WHERE due_date_by_hand = 0")
            for confidential in (True, False):
                query = TrackerQuery(as_at=dt.date(2026, 6, 1), status=status, confidential=confidential)
                assert streamed(store, query, page) == old_rows(store, query)
        finally:
            store.close()


# --- the chair's list ------------------------------------------------------------------------------


def old_decisions(store: Store, meeting_ids: list[int], *, confidential: bool) -> list[tuple[object, ...]]:
    """The chair's list as it was selected before: every record of each meeting read and validated."""
    found = []
    for meeting_id in meeting_ids:
        records = store.records.for_meeting(meeting_id)
        for item in store.agenda.for_meeting(meeting_id):
            if item.is_exempt and not confidential:
                continue
            under = records.get(item.id or 0, [])
            resolutions = tuple(r for r in under if isinstance(r, Resolution))
            recommendations = tuple(r for r in under if isinstance(r, Recommendation))
            votes = {key: motion.result for key, motion in voting.votes_by_decision(under).items()}
            if resolutions or recommendations:
                found.append((meeting_id, item, resolutions, recommendations, votes))
    return found


def old_meetings_between(store: Store, committee_id: int, start: dt.date | None, end: dt.date | None) -> list[int]:
    found = [
        s.meeting
        for s in store.meetings.summaries(committee_id)
        if (start is None or s.meeting.date >= start) and (end is None or s.meeting.date <= end)
    ]
    found.sort(key=lambda m: (m.date, m.time, m.id or 0))
    return [m.id for m in found if m.id is not None]


def old_resolutions_json(meetings: list, *, scope: str, confidential: bool) -> dict[str, object]:  # type: ignore[type-arg]
    """The chair's JSON as it was built before (each item's decisions picked out of every row)."""
    rows = resolution_rows(meetings, AS_AT)
    keys = {"committee", "meeting_id", "meeting_date", "minutes_status", "minute", "item", "exempt"}
    out = []
    for found in meetings:
        items = []
        for decisions in found.items:
            ids = {r.id for r in decisions.resolutions} | {r.id for r in decisions.recommendations}
            items.append(
                {
                    "minute": (decisions.item.minute_number or decisions.item.number).rstrip(".") or None,
                    "title": decisions.item.title,
                    "exempt": decisions.item.is_exempt,
                    "decisions": [
                        with_nulls({k: v for k, v in row.items() if k not in keys})
                        for row in rows
                        if row["meeting_id"] == found.meeting.id and row["record_id"] in ids
                    ],
                }
            )
        out.append(
            {
                "id": found.meeting.id,
                "committee": found.committee.name,
                "date": found.meeting.date.isoformat(),
                "minutes_status": found.meeting.status.value,
                "items": items,
            }
        )
    return {
        "list": "resolutions",
        "as_at": AS_AT.isoformat(),
        "scope": scope,
        "confidential": confidential,
        "message": None if rows else f"No resolutions or recommendations were recorded for {scope}.",
        "meetings": out,
    }


@pytest.mark.parametrize("confidential", [True, False])
def test_the_chairs_list_selects_exactly_what_reading_every_record_did(busy_store: Store, confidential: bool) -> None:
    tracker = Tracker(busy_store, lambda: AS_AT)
    committee = busy_store.committees.all()[0].id or 0
    ids = tracker.meetings_between(committee)
    assert ids == old_meetings_between(busy_store, committee, None, None) and len(ids) >= 2
    found = tracker.decisions(ids, confidential=confidential)
    assert [m.meeting.id for m in found] == ids
    picked = [
        (m.meeting.id, i.item, i.resolutions, i.recommendations, {k: v for k, v in i.votes.items()})
        for m in found
        for i in m.items
    ]
    expected = old_decisions(busy_store, ids, confidential=confidential)
    assert picked == expected
    assert any(i[4] for i in expected)  # a decision carried as a motion, with its vote
    assert any(i[1].is_exempt for i in expected) is confidential
    data = resolutions_json(found, as_at=AS_AT, scope="all meetings", confidential=confidential)
    assert data == old_resolutions_json(found, scope="all meetings", confidential=confidential)
    first = busy_store.meetings.get(ids[-1]).date
    for start, end in ((first, first), (first + dt.timedelta(days=1), None), (None, first - dt.timedelta(days=1))):
        assert tracker.meetings_between(committee, start, end) == old_meetings_between(busy_store, committee, start, end)


def test_a_deleted_decision_and_an_uncarried_motion_stay_out_of_the_chairs_list(busy_store: Store) -> None:
    tracker = Tracker(busy_store, lambda: AS_AT)
    ids = tracker.meetings_between(busy_store.committees.all()[0].id or 0)
    item = busy_store.agenda.for_meeting(2)[3]
    decision = next(r for r in busy_store.records.for_item(item.id or 0) if isinstance(r, Resolution | Recommendation))
    busy_store.records.delete(decision.id or 0)
    busy_store.records.add(Motion(agenda_item_id=item.id or 0, text="lost", outcome=MotionOutcome.LOST))
    picked = [
        (m.meeting.id, i.item, i.resolutions, i.recommendations, dict(i.votes))
        for m in tracker.decisions(ids, confidential=True)
        for i in m.items
    ]
    assert picked == old_decisions(busy_store, ids, confidential=True)


# --- what is written ------------------------------------------------------------------------------


def test_streamed_json_is_the_same_json() -> None:
    def rows() -> Iterator[dict[str, object]]:
        yield {"id": 1, "text": "“quoted” & <b>\n", "due": None, "overdue": True}
        yield {"id": 2, "text": "Croeso 🙂", "due": "2026-12-01", "overdue": False}

    head = {"list": "x", "filters": {"status": "all", "of": ""}, "counts": {"a": 1}}
    text = "".join(json_chunks({**head, "rows": rows(), "after": [1, 2]}))
    assert json.loads(text) == {**head, "rows": list(rows()), "after": [1, 2]}
    assert '\n    {"id": 2, "text": "Croeso 🙂"' in text and text.endswith("}\n")  # a row to a line
    assert json.loads("".join(json_chunks({"rows": iter(())}))) == {"rows": []}
    plain = {**head, "rows": list(rows())}
    assert "".join(json_chunks(plain)) == json.dumps(plain, ensure_ascii=False, indent=2) + "\n"
    assert list(lines_of(iter(["a\nb", "c\n", "\nd"]))) == ["a", "bc", "", "d"]


_CELL = st.one_of(st.text(max_size=8), st.booleans(), st.none(), st.integers(-5, 10**6))


@given(st.lists(st.tuples(_CELL, _CELL, _CELL), max_size=6))
def test_cells_are_made_spreadsheet_safe_as_before(rows: list[tuple[object, object, object]]) -> None:
    import csv
    import io
    import unicodedata

    def old_safe(value: object) -> object:  # as it was written before the quick paths
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, str):
            for index, char in enumerate(value):
                if char in "\t\r" or not (char.isspace() or unicodedata.category(char) == "Cf"):
                    return f"'{value}" if value[index:].startswith(("=", "+", "-", "@", "\t", "\r")) else value
        return "" if value is None else value

    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=["a", "b", "c"])
    writer.writeheader()
    for row in rows:
        writer.writerow({k: old_safe(v) for k, v in zip("abc", row, strict=True)})
    assert [spreadsheet_safe(v) for row in rows for v in row] == [old_safe(v) for row in rows for v in row]
    assert csv_text(("a", "b", "c"), [dict(zip("abc", row, strict=True)) for row in rows]) == buffer.getvalue()
    assert csv_text(("a", "b", "c"), iter(rows)) == buffer.getvalue()


#: Each file of tests/fixtures/lists_before and the command that wrote it (with --db and --as-at).
OUTPUTS = {
    "requests-status-all.txt": "requests --status all",
    "requests.txt": "requests",
    "requests-status-all-confidential.txt": "requests --status all --confidential",
    "requests-status-answered.txt": "requests --status answered",
    "requests-mine-ali-status-all.txt": "requests --mine Ali --status all",
    "requests-status-all-json.json": "requests --status all --json",
    "requests-confidential-json.json": "requests --confidential --json",
    "export-requests-status-all-format-csv-o.csv": "export requests --status all --format csv -o -",
    "export-requests-status-overdue-confidential-format-csv-o.csv": (
        "export requests --status overdue --confidential --format csv -o -"
    ),
    "export-requests-status-all-confidential-format-json-o.json": (
        "export requests --status all --confidential --format json -o -"
    ),
    "export-resolutions-committee-children-format-csv-o.csv": "export resolutions --committee Children --format csv -o -",
    "export-resolutions-committee-children-confidential-format-csv-o.csv": (
        "export resolutions --committee Children --confidential --format csv -o -"
    ),
    "export-resolutions-committee-children-format-json-o.json": (
        "export resolutions --committee Children --format json -o -"
    ),
    "export-resolutions-committee-children-confidential-format-json-o.json": (
        "export resolutions --committee Children --confidential --format json -o -"
    ),
}


@pytest.fixture
def demo_db(db_path: Path) -> Path:
    assert CliRunner().invoke(main, ["demo", "--db", str(db_path)]).exit_code == 0
    return db_path


def test_the_commands_print_what_they_printed_before(demo_db: Path) -> None:
    for name, command in OUTPUTS.items():
        result = CliRunner().invoke(main, [*command.split(), "--db", str(demo_db), "--as-at", AS_AT.isoformat()])
        assert result.exit_code == 0, (command, result.output)
        before = (FIXTURES / name).read_text(encoding="utf-8")
        if name.endswith(".json"):  # the same JSON (a long list is now written a row to a line)
            assert json.loads(result.stdout) == json.loads(before), command
        else:
            assert result.stdout == before, command


def test_exported_files_hold_what_standard_output_does(demo_db: Path, tmp_path: Path) -> None:
    for fmt in ("csv", "json"):
        args = ["export", "requests", "--db", str(demo_db), "--as-at", AS_AT.isoformat(), "--status", "all"]
        result = CliRunner().invoke(main, [*args, "--format", fmt, "-o", str(tmp_path / f"r.{fmt}")])
        assert result.stdout == f"Wrote 5 information requests to {tmp_path / f'r.{fmt}'}.\n"
        written = (tmp_path / f"r.{fmt}").read_text(encoding="utf-8-sig" if fmt == "csv" else "utf-8")
        name = f"export-requests-status-all-format-{fmt}-o.{fmt}"
        if fmt == "csv":
            assert written == (FIXTURES / name).read_text(encoding="utf-8")
        else:
            before = json.loads((FIXTURES / "export-requests-status-all-confidential-format-json-o.json").read_text())
            assert json.loads(written)["requests"] == [r for r in before["requests"] if not r["exempt"]]
    chair = tmp_path / "chair.csv"
    args = ["export", "resolutions", "--db", str(demo_db), "--as-at", AS_AT.isoformat(), "--committee", "Children"]
    assert CliRunner().invoke(main, [*args, "-o", str(chair)]).exit_code == 0
    expected = (FIXTURES / "export-resolutions-committee-children-format-csv-o.csv").read_text(encoding="utf-8")
    assert chair.read_text(encoding="utf-8-sig") == expected
    assert expected.splitlines()[0] == ",".join(RESOLUTION_COLUMNS)


def test_a_long_table_is_printed_as_it_is_read_measured_on_its_first_rows(
    busy_store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    busy_store.close()
    args = ["requests", "--db", str(db_path), "--status", "all", "--as-at", AS_AT.isoformat()]
    whole = CliRunner().invoke(main, args).stdout.splitlines()
    monkeypatch.setattr(requests_command, "TABLE_SAMPLE", 3)
    sampled = CliRunner().invoke(main, args).stdout.splitlines()
    assert len(sampled) == len(whole) > 10
    assert [line.split()[0] for line in sampled] == [line.split()[0] for line in whole]
    assert sampled[-1] == whole[-1] and whole[-1].startswith("In all:")
    # Piped, every cell is given in full, even one longer than the first rows measured.
    assert all(w.split() == s.split() for w, s in zip(whole, sampled, strict=True))

    def row(n: int, committee: str) -> TrackedRow:
        return TrackedRow(
            "information_request", n, f"request {n}", "Director of Finance", "2026-12-10", 0, "outstanding",
            None, "", "the Committee", 1, committee, 2, "2026-11-10", "4", "47", "Care homes", None,
            "Director of Finance",
        )

    rows = [row(1, "Health"), row(2, "Health"), row(3, "Health"), row(4, "Adult Social Care")]
    query = TrackerQuery(as_at=AS_AT, status=StatusFilter.ALL)
    spanned = ["Health", "Adult Social Care"]
    lines = [line for line, _ in requests_command.table_lines(iter(rows), query, 120, spanned, sample=3)]
    assert lines[0].startswith("id  due       status       meeting      committee  asked by ")
    assert "  Adult So…  the Committee" in lines[-1]  # measured on the first three rows, then cut
    # The committees the whole list spans decide the committee column, not just its first rows.
    one = requests_command.request_table(iter(rows[:3]), query, 120, committees=["Health"])
    assert one[0][0] == "Health" and "committee" not in one[1][0].split()
