"""The search index stays exactly what its triggers should make it, whatever is done to records,
agenda items and meetings (FTS5's own check against the indexed text, after every change)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrutui.models import AgendaItem, Committee, Meeting, RecordKind, record_from_dict
from scrutui.store import Store, open_store

TEXT = st.lists(st.sampled_from(["agency", "staff", "ŵ", "ŷ", "o'brien", "5.2", "a", "b", "c"]), min_size=1, max_size=6).map(" ".join)
KINDS = [k for k in RecordKind]


def record_data(kind: RecordKind, item_id: int, text: str, extra: str) -> dict[str, object]:
    data: dict[str, object] = {"kind": kind.value, "agenda_item_id": item_id, "text": text.strip() or "x"}
    if kind is RecordKind.QUESTION:
        data |= {"asked_by": extra, "answer": extra}
    elif kind is RecordKind.ASSURANCE:
        data |= {"theme": extra, "response": extra}
    elif kind is RecordKind.INFORMATION_REQUEST:
        data |= {"requested_of": extra, "response": extra}
    elif kind is RecordKind.RECOMMENDATION:
        data |= {"addressee": extra.strip() or "Cabinet", "response_text": extra}
    return data


def check(store: Store) -> None:
    with store.handle.write() as conn:
        conn.execute("INSERT INTO search (search, rank) VALUES ('integrity-check', 1)")
    entries = store.handle.scalar("SELECT count(*) FROM search_entry")
    rows = sum(store.handle.scalar(f"SELECT count(*) FROM {t}") for t in ("record", "agenda_item"))
    assert entries == rows


OPERATION = st.tuples(
    st.sampled_from(["add", "edit", "kind", "delete", "restore", "move", "item", "date", "drop item"]),
    st.integers(0, 50),
    st.sampled_from(KINDS),
    TEXT,
    TEXT,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(OPERATION, min_size=1, max_size=12))
def test_the_index_matches_after_any_changes(tmp_path: Path, operations: list[tuple[str, int, RecordKind, str, str]]) -> None:
    path = Path(tempfile.mkdtemp(dir=tmp_path)) / "index.sqlite"
    store = open_store(path)
    try:
        committee = store.committees.add(Committee(name="Index Committee"), [])
        meeting = store.meetings.add(
            Meeting(committee_id=committee.id or 0, date="2026-01-05"),
            [AgendaItem(meeting_id=0, title="One", purpose="first"), AgendaItem(meeting_id=0, title="Two")],
        )
        meeting_id = meeting.id or 0
        for action, pick, kind, text, extra in operations:
            items = store.agenda.for_meeting(meeting_id)
            records = [r for i in items for r in store.records.for_item(i.id or 0)]
            deleted = [int(r["id"]) for r in store.handle.rows("SELECT id FROM record WHERE deleted_at IS NOT NULL")]
            chosen = records[pick % len(records)] if records else None
            try:
                if action == "add" or chosen is None:
                    store.records.add(record_from_dict(record_data(kind, items[pick % len(items)].id or 0, text, extra)))
                elif action == "edit":
                    store.records.update(chosen.model_copy(update={"text": text.strip() or "y"}))
                elif action == "kind":
                    store.records.update(record_from_dict({**record_data(kind, chosen.agenda_item_id, text, extra), "id": chosen.id}))
                elif action == "delete":
                    store.records.delete(chosen.id or 0)
                elif action == "restore" and deleted:
                    store.records.restore(deleted[pick % len(deleted)])
                elif action == "move":
                    store.records.move(chosen.id or 0, 1 if pick % 2 else -1)
                elif action == "item":
                    item = items[pick % len(items)]
                    store.agenda.update(item.model_copy(update={"title": text.strip() or "t", "purpose": extra}))
                elif action == "date":
                    store.meetings.update(store.meetings.get(meeting_id).model_copy(update={"date": dt.date(2020, 1, 1) + dt.timedelta(days=pick)}))
                elif action == "drop item":
                    empty = store.agenda.add(AgendaItem(meeting_id=meeting_id, title=text.strip() or "gone"))
                    store.agenda.delete(empty.id or 0)
            except ValueError:
                pass  # a record the models refuse (say, a question with neither question nor answer)
            check(store)
    finally:
        store.close()
    # And the whole file, as another program opening it would see it.
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO search (search, rank) VALUES ('integrity-check', 1)")
    conn.close()


def test_plain_sql_updates_and_deletes_of_the_details_reach_the_index(demo_store: Store) -> None:
    """scrutui writes details with INSERT OR REPLACE; the UPDATE and DELETE triggers keep the index
    right for anything else that writes them (a later migration, a repair by hand)."""
    from scrutui.store.search import SearchQuery

    changes = [
        ("UPDATE question SET answer = 'zebra crossings' WHERE record_id = (SELECT min(record_id) FROM question)", "zebra"),
        ("UPDATE assurance SET response = 'giraffe', status = 'not_given' WHERE record_id = (SELECT min(record_id) FROM assurance)", "giraffe"),
        ("UPDATE information_request SET response = 'okapi', status = 'answered' WHERE record_id = (SELECT min(record_id) FROM information_request)", "okapi"),
        ("UPDATE recommendation SET response_text = 'tapir', response_status = 'accepted' WHERE record_id = (SELECT min(record_id) FROM recommendation)", "tapir"),
    ]
    for sql, word in changes:
        with demo_store.handle.write() as conn:
            conn.execute(sql)
        check(demo_store)
        assert len(demo_store.search.first_page(SearchQuery(word, confidential=True))) == 1, word
    [given] = demo_store.search.first_page(SearchQuery("giraffe", status="not_given", confidential=True))
    assert given.status == "not_given"
    with demo_store.handle.write() as conn:
        conn.execute("DELETE FROM question WHERE answer = 'zebra crossings'")
    check(demo_store)
    assert demo_store.search.first_page(SearchQuery("zebra", confidential=True)) == []
