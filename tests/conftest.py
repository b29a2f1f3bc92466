"""Shared fixtures: a fresh database, the demo, and the app on either, driven by Pilot."""

from __future__ import annotations

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
def db_path(tmp_path: Path) -> Path:
    """Where a test's database lives."""
    return tmp_path / "scrutui.sqlite"


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
