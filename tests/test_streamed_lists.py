"""Council-wide lists are read from SQLite a page at a time and written as they are read: the rows
streamed are exactly the tracker's rows in the tracker's order, the chair's list selects exactly the
decisions, a streamed JSON file is the same JSON, and long terminal output goes through a pager
only at a terminal."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from scrutui.cli import main
from scrutui.commands import requests as requests_command
from scrutui.commands.paging import page
from scrutui.export.lists import json_chunks
from scrutui.models import InformationRequest, Recommendation, Resolution
from scrutui.store import Store
from scrutui.store.tracker import StatusFilter, Tracked, TrackedRow, TrackerQuery
from scrutui.tracker import Tracker

AS_AT = dt.date(2026, 12, 1)


@pytest.fixture
def busy_store(demo_store: Store) -> Store:
    """The demo with more requests, some with no due date, so pages have to join up."""
    item = demo_store.agenda.for_meeting(2)[3]
    for n in range(7):
        demo_store.records.add(
            InformationRequest(
                agenda_item_id=item.id or 0,
                text=f"figures for ward {n}",
                requested_of="Director of Finance",
                due_date=dt.date(2026, 12, 1 + n) if n % 3 else None,
                due_date_by_hand=True,
            )
        )
    # Due dates left out by hand: the store fills them in, so clear a few in SQL.
    with demo_store.handle.write() as conn:
        conn.execute("UPDATE information_request SET due_date = NULL WHERE requested_of = 'Director of Finance'"
                     " AND record_id % 2 = 0")
    return demo_store


QUERIES = [
    TrackerQuery(as_at=AS_AT, kind=kind, status=status, confidential=confidential)
    for kind in Tracked
    for status in StatusFilter
    if status.applies_to(kind)
    for confidential in (True, False)
] + [
    TrackerQuery(as_at=AS_AT, status=StatusFilter.ALL, of="finance"),
    TrackerQuery(as_at=AS_AT, status=StatusFilter.ALL, committee_id=1),
    TrackerQuery(as_at=AS_AT, status=StatusFilter.ALL, meeting_id=2),
]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: f"{q.kind.value}-{q.status.value}-{q.confidential}")
def test_streamed_rows_are_the_trackers_rows_in_its_order(busy_store: Store, query: TrackerQuery) -> None:
    expected = busy_store.tracker.all(query)
    for page_size in (1, 2, 3, 5000):  # pages that end anywhere, including inside the undated rows
        streamed = list(busy_store.tracker.rows(query, page=page_size))
        assert [r.id for r in streamed] == [t.id for t in expected]
        for row, tracked in zip(streamed, expected, strict=True):
            assert (row.of, row.due_date, row.status, row.closed_date, row.response) == (
                tracked.of,
                tracked.due,
                tracked.status,
                tracked.closed_on,
                tracked.response,
            )
            assert (row.committee, row.meeting_id, row.meeting_day, row.item_title, row.exempt) == (
                tracked.origin.committee,
                tracked.origin.meeting_id,
                tracked.origin.meeting_date,
                tracked.origin.item.title,
                tracked.origin.exempt,
            )
            assert row.is_open == tracked.is_open and row.is_overdue(AS_AT) == tracked.is_overdue(AS_AT)
            assert row.text == tracked.record.text
    undated = [r for r in busy_store.tracker.rows(TrackerQuery(as_at=AS_AT, status=StatusFilter.ALL)) if not r.due]
    assert len(undated) >= 2


@pytest.mark.parametrize("confidential", [True, False])
def test_the_chairs_list_selects_exactly_each_meetings_decisions(demo_store: Store, confidential: bool) -> None:
    tracker = Tracker(demo_store, lambda: AS_AT)
    ids = tracker.meetings_between(1)
    assert ids == sorted(ids, key=lambda i: demo_store.meetings.get(i).date)
    found = tracker.decisions(ids, confidential=confidential)
    for meeting in found:
        records = demo_store.records.for_meeting(meeting.meeting.id or 0)
        expected = []
        for item in demo_store.agenda.for_meeting(meeting.meeting.id or 0):
            if item.is_exempt and not confidential:
                continue
            under = records.get(item.id or 0, [])
            resolutions = tuple(r for r in under if isinstance(r, Resolution))
            recommendations = tuple(r for r in under if isinstance(r, Recommendation))
            if resolutions or recommendations:
                expected.append((item, resolutions, recommendations))
        assert [(i.item, i.resolutions, i.recommendations) for i in meeting.items] == expected
    assert sum(len(m.items) for m in found) > 0
    first = demo_store.meetings.get(ids[-1]).date
    assert tracker.meetings_between(1, first, first) == [ids[-1]]
    assert tracker.meetings_between(1, first + dt.timedelta(days=1)) == []


def test_streamed_json_is_the_same_json() -> None:
    def rows() -> Iterator[dict[str, object]]:
        yield {"id": 1, "text": "“quoted” & <b>", "due": None, "overdue": True}
        yield {"id": 2, "text": "Croeso 🙂", "due": "2026-12-01", "overdue": False}

    head = {"list": "x", "filters": {"status": "all", "of": ""}, "counts": {"a": 1}}
    streamed = "".join(json_chunks({**head, "rows": rows(), "after": [1, 2]}))
    assert json.loads(streamed) == {**head, "rows": list(rows()), "after": [1, 2]}
    assert '\n    {"id": 2, "text": "Croeso 🙂"' in streamed  # a row to a line, as typed
    assert json.loads("".join(json_chunks({"rows": iter(())}))) == {"rows": []}
    plain = {**head, "rows": list(rows())}
    assert "".join(json_chunks(plain)) == json.dumps(plain, ensure_ascii=False, indent=2)


def test_long_output_at_a_terminal_goes_through_the_pager_and_never_when_piped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    paged: list[str] = []
    read = 0

    def lines(count: int) -> Iterator[str]:
        nonlocal read
        for n in range(count):
            read += 1
            yield f"line {n}"

    def pager(text: object) -> None:
        assert read <= 11  # the pager starts after a screenful, before the rest is read
        paged.extend(text)  # type: ignore[call-overload]

    page(lines(50), terminal=True, height=10, pager=pager)
    assert paged == [f"line {n}\n" for n in range(50)]
    assert capsys.readouterr().out == ""
    paged.clear()
    page(lines(9), terminal=True, height=10, pager=pager)  # fits on the screen: printed as it is
    assert paged == [] and capsys.readouterr().out == "".join(f"line {n}\n" for n in range(9))
    page(lines(5000), terminal=False, height=10, pager=pager)  # piped: never the pager
    assert paged == [] and capsys.readouterr().out.count("\n") == 5000


def _row(n: int, committee: str) -> TrackedRow:
    return TrackedRow(
        "information_request", n, f"request {n}", "Director of Finance", "2026-12-10", 0, "outstanding", None, "",
        1, committee, 2, "2026-11-10", "4", "47", "Care homes", None,
    )


def test_a_long_table_is_printed_as_it_is_read_measured_on_its_first_rows(
    busy_store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    busy_store.close()
    args = ["requests", "--db", str(db_path), "--status", "all", "--as-at", AS_AT.isoformat()]
    short = CliRunner().invoke(main, args).stdout.splitlines()
    monkeypatch.setattr(requests_command, "MEASURED_ROWS", 3)
    long = CliRunner().invoke(main, args).stdout.splitlines()
    assert len(long) == len(short) > 5
    assert [line.split()[0] for line in long] == [line.split()[0] for line in short]
    assert long[-1] == short[-1] and long[-1].startswith("In all:")

    rows = [_row(1, "Health"), _row(2, "Health"), _row(3, "Health"), _row(4, "Adult Social Care")]
    query = TrackerQuery(as_at=AS_AT, status=StatusFilter.ALL)
    lines = [line for line, _ in requests_command.request_table(iter(rows), query, 120)]
    assert lines[0].startswith("id  due         status       meeting        committee  of")
    assert "  Adult So…  Director of Finance" in lines[-1]  # measured on the first three rows, then cut
