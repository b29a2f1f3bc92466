"""Searching every meeting: the index, each filter, the order and paging of results, and what any
typed text does."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrutui.demo import load_demo
from scrutui.fts import match_expression, parse
from scrutui.models import Narrative, Question
from scrutui.store import Store, open_store
from scrutui.store.search import (
    BEST_OF,
    ITEM,
    MARK_END,
    MARK_START,
    SearchOrder,
    SearchQuery,
    day_key,
    marked_parts,
)
from tests.search_data import DAYS, generate

FIXTURES = Path(__file__).parent / "fixtures"

#: What people type that is not plain words (the issue's list, and more).
HOSTILE = [
    '"',
    '"agency',
    'agency"',
    '"agency staff',
    '""',
    "Mr. O'Brien",
    "director's",
    "5.2 million",
    "e.g.",
    "agency AND",
    "AND agency",
    "AND",
    "OR",
    "NOT",
    "agency OR",
    "OR OR agency",
    "NEAR(agency staff)",
    "agency NEAR staff",
    "NEAR",
    "*",
    "agen*",
    "**",
    "a*",
    "*agency",
    "(agency",
    "agency)",
    "((((",
    ")",
    "{names}: ali",
    "names: ali",
    "text:agency",
    "^agency",
    "agency + staff",
    "-agency",
    "- -",
    "agency -",
    "£1.2m",
    "100%",
    "C&YP",
    "#hashtag @someone",
    "; DROP TABLE record; --",
    "\\",
    "ŵ ŷ",
    "🙂",
    "  ",
    "\t\n",
    "\x00",
    "0\x00",
    "agency\x00staff",
    "\ud800",
    "agency " * 300,
]


def hits(store: Store, **query: object) -> list[tuple[str, int | None]]:
    """(kind, record id) of every hit, in order."""
    found = store.search.all(SearchQuery(**query), 10_000)  # type: ignore[arg-type]
    return [(h.kind, h.record_id) for h in found]


def test_a_database_of_the_previous_schema_gets_its_index(tmp_path: Path) -> None:
    copy = tmp_path / "council.sqlite"
    shutil.copyfile(FIXTURES / "schema-v3.sqlite", copy)
    store = open_store(copy)
    try:
        conn = store.handle.db.conn
        records, items = (conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("record", "agenda_item"))
        assert conn.execute("SELECT count(*) FROM search_entry").fetchone()[0] == records + items
        [welsh] = store.search.first_page(SearchQuery("Welsh"))
        assert "ŵ" in welsh.snippet and welsh.kind == "narrative"
        # The accents fold: w and y find what was typed with ŵ and ŷ.
        assert [h.key for h in store.search.first_page(SearchQuery("w y emoji"))] == [welsh.key]
        assert store.search.first_page(SearchQuery("Deleted kept for undo")) == []
        assert store.search.first_page(SearchQuery("Hollins")) == []
        assert store.search.first_page(SearchQuery("Hollins", confidential=True))
    finally:
        store.close()
    # What was found matches what the database holds (checked again by the fixture).
    conn = sqlite3.connect(copy)
    conn.execute("INSERT INTO search (search, rank) VALUES ('integrity-check', 1)")
    conn.close()


def test_welsh_letters_and_word_endings_match(demo_store: Store) -> None:
    item = demo_store.agenda.for_meeting(2)[3]
    record = demo_store.records.add(
        Narrative(agenda_item_id=item.id or 0, text="Cyngor Sir Ynys Môn: dŵr a thŷ; recruiting resumed.")
    )
    for typed in ("dwr", "dŵr", "DŴR", "thy", "mon", "Môn", "recruitment", "recruit*"):
        found = demo_store.search.first_page(SearchQuery(typed))
        assert record.id in [h.record_id for h in found], typed


def test_every_kind_and_agenda_items_are_searchable(store: Store) -> None:
    generate(store)
    kinds = {kind for kind, _ in hits(store, text="agency")}
    assert kinds == {"narrative", "question", "assurance", "information_request", "recommendation"}
    # The detail text: an answer, a response, the theme, and the names.
    assert {k for k, _ in hits(store, text="million")} == {"question"}
    assert {k for k, _ in hits(store, text="recruitment campaign")} == {"assurance"}
    assert {k for k, _ in hits(store, text="email")} == {"information_request"}
    assert {k for k, _ in hits(store, text="Workforse")} == {"assurance"}
    assert {k for k, _ in hits(store, text="Head Highways")} == {"information_request"}
    # The kind is matched only as a filter: the word "question" finds the questions that say it.
    assert hits(store, text="question") == []
    assert {k for k, _ in hits(store, kinds=frozenset({"question"}))} == {"question"}
    # Agenda items: title and purpose.
    assert {k for k, _ in hits(store, text="scrutinise")} == {ITEM}
    assert len(hits(store, text="budget monitoring 2021")) == len([d for d in DAYS if d.year == 2021])


def test_newest_meeting_first_whatever_order_they_were_typed_in(store: Store) -> None:
    made = generate(store)
    found = store.search.all(SearchQuery("agency"), 10_000)
    dates = [h.origin.meeting_date for h in found]
    assert dates == sorted(dates, reverse=True) and dates[0] == max(DAYS) and dates[-1] == min(DAYS)
    # Within a meeting: as minuted (record order).
    newest = [h.record_id for h in found if h.origin.meeting_id == made.meetings[max(DAYS)]]
    assert newest == sorted(newest)


def test_filters(store: Store) -> None:
    made = generate(store)
    everything = hits(store, text="agency")
    assert len(everything) == 5 * len(DAYS)
    assert {k for k, _ in hits(store, text="agency", kinds=frozenset({"question", "assurance"}))} == {
        "question",
        "assurance",
    }
    health = store.search.all(SearchQuery("agency", committee_id=made.health), 1_000)
    assert {h.origin.committee for h in health} == {"Health Overview and Scrutiny Committee"}
    assert len(health) == len(everything) // 2
    window = store.search.all(SearchQuery("agency", date_from=DAYS[3], date_to=DAYS[5]), 1_000)
    assert {h.origin.meeting_date for h in window} == set(DAYS[3:6])
    just_one_day = store.search.all(SearchQuery("agency", date_from=DAYS[4], date_to=DAYS[4]), 1_000)
    assert {h.origin.meeting_date for h in just_one_day} == {DAYS[4]}
    # A person: asked by, answered by, asked of.
    asked_of = store.search.all(SearchQuery("", person="Head of Highways"), 1_000)
    assert {h.kind for h in asked_of} == {"information_request"} and len(asked_of) == len(DAYS) // 2
    answered = store.search.all(SearchQuery("", person="director of fin"), 1_000)
    assert {h.kind for h in answered} == {"question", "information_request"}
    assert all(("answered by", "Director of Finance") in h.people or ("asked of", "Director of Finance") in h.people for h in answered)
    asked = store.search.all(SearchQuery("cost", person="Ann Ali"), 1_000)
    assert len(asked) == len(DAYS) and all(("asked by", "Councillor Ann Ali") in h.people for h in asked)
    # Status: one, or what is still owed.
    assert {h.status for h in store.search.all(SearchQuery("agency", status="partly_given"), 100)} == {"partly_given"}
    owed = store.search.all(SearchQuery("", person="Director of Finance", status="open"), 100)
    assert owed and {(h.kind, h.status) for h in owed} == {("information_request", "outstanding")}
    assert {h.status for h in store.search.all(SearchQuery("Cabinet", status="open"), 100)} == {"awaited"}
    # Filters without words list everything that matches them, newest first.
    assurances = store.search.all(SearchQuery(kinds=frozenset({"assurance"}), committee_id=made.roads), 100)
    assert len(assurances) == len(DAYS) // 2


def test_pages_join_up_in_both_directions(store: Store) -> None:
    generate(store)
    for order in SearchOrder:
        query = SearchQuery("agency OR budget", order=order)
        whole = store.search.all(query, 10_000)
        assert len(whole) > 20
        forward = store.search.first_page(query, 7)
        while True:
            more = store.search.page_after(query, forward[-1], 7)
            if not more:
                break
            forward += more
        assert [h.key for h in forward] == [h.key for h in whole]
        backward = store.search.last_page(query, 7)
        while True:
            more = store.search.page_before(query, backward[0], 7)
            if not more:
                break
            backward = more + backward
        assert [h.key for h in backward] == [h.key for h in whole]
        middle = whole[10]
        assert [h.key for h in store.search.starting_at(query, middle, 3)] == [h.key for h in whole[10:13]]


def test_best_first_ranks_the_matches(store: Store) -> None:
    generate(store)
    item = store.agenda.for_meeting(1)[1].id or 0
    store.records.add(Narrative(agenda_item_id=item, text="Agency, agency, agency: staff from agencies, agency rates."))
    newest = store.search.all(SearchQuery("agency"), 10_000)
    best = store.search.all(SearchQuery("agency", order=SearchOrder.BEST), 10_000)
    assert len(newest) < BEST_OF and sorted(h.key for h in best) == sorted(h.key for h in newest)
    assert best[0].plain_snippet.startswith("Agency, agency, agency")
    scores = [h.score for h in best]
    assert all(s is not None for s in scores) and scores == sorted(scores)  # type: ignore[type-var]


def test_changes_reach_the_index(store: Store) -> None:
    made = generate(store)
    meeting_id = made.meetings[DAYS[0]]
    item = store.agenda.for_meeting(meeting_id)[0]
    question = next(r for r in store.records.for_item(item.id or 0) if isinstance(r, Question))
    # An edit: the new answer is found, the old one is not.
    store.records.update(question.model_copy(update={"answer": "nothing was spent on locums"}))
    assert hits(store, text="locums") == [("question", question.id)]
    assert ("question", question.id) not in hits(store, text="million")
    # A change of kind takes the answer out with the question's detail.
    narrative = Narrative(id=question.id, agenda_item_id=question.agenda_item_id, text="how much agency staff cost")
    store.records.update(narrative)
    assert hits(store, text="locums") == [] and ("narrative", question.id) in hits(store, text="cost")
    assert ("narrative", question.id) not in hits(store, text="cost", kinds=frozenset({"question"}))
    assert ("narrative", question.id) in hits(store, text="cost", kinds=frozenset({"narrative"}))
    # Deleted records are not found; undo brings them back.
    store.records.delete(question.id or 0)
    assert ("narrative", question.id) not in hits(store, text="cost")
    store.records.restore(question.id or 0)
    assert ("narrative", question.id) in hits(store, text="cost")
    # A new title.
    store.agenda.update(item.model_copy(update={"title": "Agency spending review"}))
    [retitled] = store.search.first_page(SearchQuery("spending review"))
    assert retitled.kind == ITEM and retitled.origin.item.id == item.id
    assert item.id not in [h.origin.item.id for h in store.search.all(SearchQuery("budget monitoring"), 100) if h.kind == ITEM]
    # A meeting moved to a later date moves its records to the top of "newest first".
    meeting = store.meetings.get(meeting_id)
    store.meetings.update(meeting.model_copy(update={"date": dt.date(2030, 1, 1)}))
    [first] = store.search.first_page(SearchQuery("agency"), 1)
    assert first.origin.meeting_id == meeting_id and first.origin.meeting_date == dt.date(2030, 1, 1)
    # An item taken off the agenda (with nothing minuted under it) leaves the index.
    empty = store.agenda.for_meeting(meeting_id)[1]
    store.agenda.delete(empty.id or 0)
    assert store.handle.scalar("SELECT count(*) FROM search_entry WHERE agenda_item_id = ?", [empty.id]) == 0


def test_counts_stop_at_the_cap(store: Store) -> None:
    generate(store)
    assert str(store.search.count(SearchQuery("agency"))) == str(5 * len(DAYS))
    capped = store.search.count(SearchQuery("agency"), cap=10)
    assert capped.count == 10 and capped.more and str(capped) == "10+"


def test_day_key_is_the_migrations() -> None:
    conn = sqlite3.connect(":memory:")
    for day in (dt.date(1990, 1, 1), dt.date(2026, 11, 23), dt.date(2200, 12, 31)):
        expected = conn.execute("SELECT CAST(julianday(?) AS INTEGER) << 33", [day.isoformat()]).fetchone()[0]
        assert day_key(day) == expected


def test_marks_split_into_found_words() -> None:
    marked = f"the {MARK_START}agency{MARK_END} staff {MARK_START}cost{MARK_END}"
    assert marked_parts(marked) == [("the ", False), ("agency", True), (" staff ", False), ("cost", True)]


# --- any typed text is a valid query --------------------------------------------------------------


@pytest.fixture(scope="module")
def searchable(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = open_store(tmp_path_factory.mktemp("search") / "s.sqlite")
    load_demo(store)
    generate(store)
    return store


@pytest.mark.parametrize("typed", HOSTILE)
def test_any_typed_text_is_a_valid_query(searchable: Store, typed: str) -> None:
    for order in SearchOrder:
        query = SearchQuery(typed, order=order, person=typed, confidential=True)
        searchable.search.first_page(query)
        searchable.search.count(query)
        searchable.search.first_page(SearchQuery(typed, order=order))


def test_what_the_special_words_mean(searchable: Store) -> None:
    def keys(text: str) -> set[int]:
        return {h.key for h in searchable.search.all(SearchQuery(text), 10_000)}

    assert keys("agency AND staff") == keys("agency staff")
    assert keys("locum OR agency") == keys("agency")
    assert keys('"agency staff"') < keys("agency staff")
    assert keys("agency -staff") == keys("agency") - keys("staff")
    assert keys("agency NOT staff") == keys("agency -staff")
    assert keys("agen*") >= keys("agency")
    # Too short to mean "starting so": the word itself.
    assert keys("ag*") == keys("ag")
    assert match_expression("-agency") is None and match_expression("... ,,, ()") is None
    assert [t.text for group in parse('"agency staff" cost*') for t in group] == ["agency staff", "cost"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60) | st.lists(st.sampled_from([*HOSTILE[:40], "agency", "staff"]), max_size=6).map(" ".join))
def test_no_text_makes_an_fts_syntax_error(searchable: Store, typed: str) -> None:
    expression = match_expression(typed)
    if expression is not None:
        searchable.handle.rows("SELECT rowid FROM search WHERE search MATCH ? LIMIT 1", [expression])
    searchable.search.first_page(SearchQuery(typed, person=typed), 5)


def test_a_name_under_an_exempt_item_changes_no_public_search(demo_store: Store) -> None:
    from scrutui.models import InformationRequest

    public_item = demo_store.agenda.for_meeting(2)[3]
    [exempt_item] = [i for i in demo_store.agenda.for_meeting(2) if i.is_exempt]
    demo_store.records.add(
        InformationRequest(agenda_item_id=public_item.id or 0, requested_of="Zed Quartermainez", text="figures")
    )

    def public() -> list[int | None]:
        return [h.record_id for h in demo_store.search.all(SearchQuery(person="Zed Quartermaine"), 100)]

    before = public()
    assert len(before) == 1  # as the start of a name: "Quartermainez"
    demo_store.records.add(
        InformationRequest(agenda_item_id=exempt_item.id or 0, requested_of="Zed Quartermaine", text="secret")
    )
    demo_store.search._whole_names.clear()
    assert public() == before
    confidential = demo_store.search.all(SearchQuery(person="Zed Quartermaine", confidential=True), 100)
    assert [h.origin.item.is_exempt for h in confidential] == [True]
