"""Shared fixtures: a fresh database, the demo, and the app on either, driven by Pilot."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from scrutui.demo import load_demo
from scrutui.models import AgendaItem, Committee, Meeting, Person, Role
from scrutui.store import Store, open_store
from scrutui.tui.app import ScrutuiApp, make_app


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the real data and log folders."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "home" / "state"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "home" / "appdata"))
    monkeypatch.delenv("SCRUTUI_DB", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Iterator[Path]:
    """Where a test's database lives. Afterwards, its search index must match what it indexes."""
    path = tmp_path / "scrutui.sqlite"
    yield path
    assert_search_index_intact(path)


def assert_search_index_intact(path: Path) -> None:
    """The full-text index of the database at `path` (if it is a database with one) holds exactly
    what its triggers should have put there: FTS5's own check against the indexed text."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return
    try:
        try:
            has_index = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'search'").fetchone()
        except sqlite3.DatabaseError:
            return  # not a database (the damaged-file tests leave such files)
        if has_index:
            try:
                conn.execute("INSERT INTO search (search, rank) VALUES ('integrity-check', 1)")
            except sqlite3.OperationalError as error:
                if "readonly" not in str(error):
                    raise
                # 'integrity-check' is written as an INSERT: run it on a copy in memory.
                copy = sqlite3.connect(":memory:")
                conn.backup(copy)
                copy.execute("INSERT INTO search (search, rank) VALUES ('integrity-check', 1)")
                copy.close()
    finally:
        conn.close()


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """An empty, migrated database."""
    opened = open_store(db_path)
    yield opened
    opened.close()


@pytest.fixture
def demo_store(store: Store) -> Store:
    """The database with the demo loaded."""
    load_demo(store)
    return store


def add_meeting(store: Store, *, attribution: str = "named") -> tuple[Committee, Meeting, list[AgendaItem]]:
    """A small committee and a meeting of three items, made through the store."""
    committee = store.committees.add(
        Committee(name="Health Scrutiny Committee", quorum=3, question_attribution=attribution),
        [
            (Person(name="Councillor Ann Ali"), Role.CHAIR),
            (Person(name="Councillor Ben Brook"), Role.MEMBER),
            (Person(name="Cara Dunn", title="Director of Public Health"), Role.OFFICER),
        ],
    )
    assert committee.id is not None
    meeting = store.meetings.add(
        Meeting(committee_id=committee.id, date="2026-12-03", time="18:30", venue="Room 1"),
        [
            AgendaItem(meeting_id=0, number="1", title="Apologies"),
            AgendaItem(meeting_id=0, number="2", title="Winter pressures", purpose="To review winter plans"),
            AgendaItem(meeting_id=0, number="3", title="Work programme"),
        ],
    )
    assert meeting.id is not None
    return committee, meeting, store.agenda.for_meeting(meeting.id)


def add_meeting_to(db_path: Path) -> tuple[Committee, Meeting, list[AgendaItem]]:
    """`add_meeting` on the database file at `db_path` (opened and closed again), before an app runs."""
    store = open_store(db_path)
    try:
        return add_meeting(store)
    finally:
        store.close()


def app_on(path: Path, *, read_only: bool = False) -> ScrutuiApp:
    """The real app on a database file, with cursors that do not blink."""
    return make_app(path, read_only=read_only, blink=False)
