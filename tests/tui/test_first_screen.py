"""The minuting screen as the app's first screen: drawn from a plain read of the meeting before
pydantic, the models and sqlite-utils are imported, then from the validated store, showing the same;
keys pressed before that are not lost, and every write still goes through the store."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import scrutui.models
from scrutui.demo import load_demo
from scrutui.store import open_store
from scrutui.store.glance import THE_COMMITTEE, glance_at_meeting
from scrutui.tui.app import ScrutuiApp
from scrutui.tui.screens.minuting import MinutingScreen
from scrutui.tui.widgets.agenda_list import AgendaList
from scrutui.tui.widgets.capture_line import CaptureInput
from scrutui.tui.widgets.meeting_title import MeetingTitle
from scrutui.tui.widgets.minutes_preview import MinutesPreview
from scrutui.tui.widgets.record_list import RecordList, line_of
from tests.tui.helpers import burst, until
from tests.tui.test_incremental_minuting import list_lines

#: The demo's draft meeting (November), and the item it opens on.
MEETING = 2
OPENS_ON = "Residential placements: Hollins Care Ltd contract extension"

#: Run in a fresh interpreter: the minuting screen of the demo's draft meeting as the first screen,
#: reporting what was imported by the time its first frame was painted, then once it has loaded.
FIRST_PAINT = """
import sys
from pathlib import Path
from scrutui.tui.app import ScrutuiApp, run_app
from scrutui.tui.screens.minuting import MinutingScreen

HEAVY = ("pydantic", "sqlite_utils", "scrutui.models", "scrutui.session", "scrutui.minutes.assembly")

class First(ScrutuiApp):
    def on_mount(self, event):
        event.prevent_default()
        display = self._display

        def first(screen, renderable):
            display(screen, renderable)
            if isinstance(screen, MinutingScreen) and screen.is_mounted and renderable is not None:
                shown = str(screen.query_one("#meeting-title").render())
                if shown.strip() and self._display is first:
                    self._display = display
                    heavy = sorted(m for m in HEAVY if m in sys.modules)
                    print("AT FIRST PAINT:", ",".join(heavy) or "none", shown, flush=True)
                    self.set_timer(0.5, self.loaded)

        self._display = first
        self.push_screen(MinutingScreen(int(sys.argv[2])))

    def loaded(self):
        print("LOADED:", "pydantic" in sys.modules, self.store_is_open, self.screen._loaded, flush=True)
        self.exit()

run_app(First.on_database(Path(sys.argv[1]), blink=False), headless=True, size=(80, 24))
"""


class Bare(ScrutuiApp):
    """The app with no screen of its own: the test pushes the first one."""

    def on_mount(self, event: object) -> None:
        event.prevent_default()  # type: ignore[attr-defined]


@pytest.fixture
def demo_path(db_path: Path) -> Path:
    store = open_store(db_path)
    load_demo(store)
    store.close()
    return db_path


@pytest.fixture
def loaded_only_by_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """The store is not read after the first paint (as if the keys came first): only a key that
    needs it reads it."""
    monkeypatch.setattr(MinutingScreen, "_load_after_first_paint", lambda screen: None)


def test_the_first_paint_comes_before_pydantic_the_models_and_sqlite_utils(demo_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, str(demo_path), str(MEETING)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert "AT FIRST PAINT: none Children and Young People Scrutiny Committee (demo)" in out
    assert "LOADED: True True True" in out  # and straight after, the validated store


async def test_the_first_screen_shows_what_the_loaded_screen_shows(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first: dict[str, object] = {}
    load = MinutingScreen.load_meeting

    def seen_then_load(screen: MinutingScreen) -> None:
        first["records"] = list_lines(screen.query_one(RecordList))
        first["records title"] = screen.query_one(RecordList).border_title
        first["agenda"] = [str(o.prompt) for o in screen.query_one(AgendaList).options]
        first["title"] = str(screen.query_one(MeetingTitle).render())
        first["draft"] = screen.query_one(CaptureInput).value
        first["store open"] = screen.scrutui.store_is_open
        load(screen)

    monkeypatch.setattr(MinutingScreen, "load_meeting", seen_then_load)
    store = open_store(demo_path)
    item = next(i for i in store.agenda.for_meeting(MEETING) if i.title == OPENS_ON)
    store.meetings.save_capture_draft(item.id or 0, "q Cllr Pryce: how many")
    store.close()
    app = Bare.on_database(demo_path, blink=False)
    assert not app.store_is_open  # up to date: opened when first needed
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(MinutingScreen(MEETING))
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MinutingScreen) and first["store open"] is False
        assert app.store_is_open and screen._loaded
        records = screen.query_one(RecordList)
        assert first["records"] and first["records"] == list_lines(records)
        assert first["records title"] == records.border_title
        assert first["agenda"] == [str(o.prompt) for o in screen.query_one(AgendaList).options]
        title = str(screen.query_one(MeetingTitle).render())
        assert title.startswith(str(first["title"]).strip()) and "present, quorum" in title
        assert first["draft"] == screen.query_one(CaptureInput).value == "q Cllr Pryce: how many"
        assert "RESOLVED: That the extension of the contract" in screen.query_one(MinutesPreview).text


def test_the_plain_read_of_every_record_is_what_the_list_makes_of_the_validated_one(demo_path: Path) -> None:
    assert THE_COMMITTEE == scrutui.models.THE_COMMITTEE
    store = open_store(demo_path)
    seen = set()
    for meeting in (1, MEETING):
        for item in store.agenda.for_meeting(meeting):
            glance = glance_at_meeting(demo_path, meeting, item_id=item.id)
            validated = store.records.for_item(item.id or 0)
            if any(r.kind.value == "motion" for r in validated):
                assert glance is None  # a motion's vote is the model's to work out: read by the store
                continue
            assert glance is not None and glance.current is not None and glance.current.id == item.id
            assert list(glance.records) == [line_of(r) for r in validated]
            seen.update(r.kind for r in glance.records)
    store.close()
    assert {"narrative", "question", "resolution", "information_request"} <= seen


async def test_keys_pressed_before_the_store_is_read_are_not_lost(
    demo_path: Path, loaded_only_by_keys: None
) -> None:
    app = Bare.on_database(demo_path, blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = MinutingScreen(MEETING)
        await app.push_screen(screen)
        await pilot.pause()
        assert not screen._loaded and not app.store_is_open  # drawn from the plain read
        await pilot.press(*"The Chair thanked the witnesses.")
        assert not screen._loaded  # typing alone needs nothing of the store
        await pilot.press("enter")  # saving does: read there and then, and saved through it
        await pilot.pause()
        assert screen._loaded and screen.current is not None and screen.current.title == OPENS_ON
        assert [r.text for r in screen.records][-1] == "The Chair thanked the witnesses."
        assert screen.query_one(CaptureInput).value == ""
    store = open_store(demo_path)
    item = next(i for i in store.agenda.for_meeting(MEETING) if i.title == OPENS_ON)
    assert store.records.for_item(item.id or 0)[-1].text == "The Chair thanked the witnesses."
    store.close()


async def test_a_line_half_typed_before_the_store_is_read_stays_under_its_item(
    demo_path: Path, loaded_only_by_keys: None
) -> None:
    app = Bare.on_database(demo_path, blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = MinutingScreen(MEETING)
        await app.push_screen(screen)
        await pilot.pause()
        assert not screen._loaded
        await pilot.press(*"q Cllr Pryce: how long")
        await pilot.press("pageup")  # needs the agenda: read there and then; the line stays behind
        await pilot.pause()
        assert screen._loaded and screen.current is not None and screen.current.title != OPENS_ON
        assert screen.query_one(CaptureInput).value == ""
        await pilot.press("pagedown")  # and is back on returning
        await pilot.pause()
        assert screen.query_one(CaptureInput).value == "q Cllr Pryce: how long"
    store = open_store(demo_path)
    item = next(i for i in store.agenda.for_meeting(MEETING) if i.title == OPENS_ON)
    assert store.meetings.capture_drafts(MEETING) == {item.id: "q Cllr Pryce: how long"}
    store.close()


async def test_a_line_typed_before_the_store_is_read_is_kept_on_quitting(
    demo_path: Path, loaded_only_by_keys: None
) -> None:
    app = Bare.on_database(demo_path, blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = MinutingScreen(MEETING)
        await app.push_screen(screen)
        await pilot.pause()
        await pilot.press(*"ir Director: the figures")
        assert not screen._loaded
        await pilot.press("ctrl+q")
        await pilot.pause()
    store = open_store(demo_path)
    item = next(i for i in store.agenda.for_meeting(MEETING) if i.title == OPENS_ON)
    assert store.meetings.capture_drafts(MEETING) == {item.id: "ir Director: the figures"}
    store.close()


async def test_a_motion_under_the_item_shown_is_read_through_the_store_at_once(demo_path: Path) -> None:
    store = open_store(demo_path)
    from scrutui.session import MinutingSession

    session = MinutingSession(store, MEETING)
    item = next(i for i in session.agenda() if i.title == OPENS_ON)
    session.submit(item.id or 0, "m Cllr Pryce/Cllr Okafor: the contract be extended")
    store.close()
    assert glance_at_meeting(demo_path, MEETING) is None
    app = Bare.on_database(demo_path, blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = MinutingScreen(MEETING)
        await app.push_screen(screen)
        assert screen._loaded  # read in full before the first paint, as any screen opened later is
        await pilot.pause()
        shown = ["".join(text for text, _ in line) for line in list_lines(screen.query_one(RecordList))]
        assert any(line.startswith("MO Cllr Pryce/Cllr Okafor: the contract be extended") for line in shown)


def test_a_database_that_needs_upgrading_is_opened_and_upgraded_at_once(tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite"
    old.write_bytes((Path(__file__).parents[1] / "fixtures" / "schema-v3.sqlite").read_bytes())
    app = ScrutuiApp.on_database(old)
    assert app.store_is_open  # migrated before the app starts, as before
    assert app.store.handle.db.execute("PRAGMA user_version").fetchone()[0] > 3
    app.store.close()


def test_the_minuting_screen_imports_nothing_heavy_before_it_needs_it() -> None:
    code = (
        "import sys, scrutui.cli, scrutui.tui.app, scrutui.tui.screens.minuting; "
        "print(sorted(m for m in ('pydantic', 'sqlite_utils', 'scrutui.models', 'scrutui.session', 'docx')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "[]"


#: The real first screen, the meetings list, in a fresh interpreter (as `scrutui` starts).
HOME_FIRST_PAINT = """
import sys
from pathlib import Path
from scrutui.tui.app import ScrutuiApp, run_app
from scrutui.tui.screens.home import HomeScreen

HEAVY = ("pydantic", "sqlite_utils", "scrutui.models", "scrutui.session")

class First(ScrutuiApp):
    def on_mount(self, event):
        display = self._display

        def first(screen, renderable):
            display(screen, renderable)
            if isinstance(screen, HomeScreen) and screen.is_mounted and renderable is not None:
                rows = screen.query_one("#meetings").row_count
                if rows and self._display is first:
                    self._display = display
                    heavy = sorted(m for m in HEAVY if m in sys.modules)
                    print("AT FIRST PAINT:", ",".join(heavy) or "none", rows, flush=True)
                    self.set_timer(0.5, self.loaded)

        self._display = first

    def loaded(self):
        print("LOADED:", "pydantic" in sys.modules, self.store_is_open, self.screen._read_through_store, flush=True)
        self.exit()

run_app(First.on_database(Path(sys.argv[1]), blink=False), headless=True, size=(80, 24))
"""


def meeting_rows(app: ScrutuiApp) -> list[list[str]]:
    """The meetings list's cells as text, but for the counts (filled in once it is on screen)."""
    from textual.widgets import DataTable

    table = app.screen.query_one(DataTable)
    labels = [str(c.label) for c in table.columns.values()]
    return [
        [str(cell) for label, cell in zip(labels, table.get_row_at(i), strict=True) if label != "Records"]
        for i in range(table.row_count)
    ]


def test_the_meetings_list_is_painted_before_pydantic_the_models_and_sqlite_utils(demo_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", HOME_FIRST_PAINT, str(demo_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert "AT FIRST PAINT: none 2" in out  # the demo's two meetings
    assert "LOADED: True True True" in out  # and straight after, read through the store


async def test_the_first_meetings_list_shows_what_the_store_shows(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from scrutui.tui.screens.home import HomeScreen

    first: dict[str, object] = {}
    reload = HomeScreen.reload

    def seen_then_reload(screen: HomeScreen, select_meeting: int | None = None) -> None:
        if not first:
            first["rows"] = meeting_rows(screen.scrutui)
            first["store open"] = screen.scrutui.store_is_open
        reload(screen, select_meeting)

    monkeypatch.setattr(HomeScreen, "reload", seen_then_reload)
    app = ScrutuiApp.on_database(demo_path, blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.screen._read_through_store
        assert first["store open"] is False and first["rows"] and first["rows"] == meeting_rows(app)


async def test_a_meeting_opened_before_the_list_is_read_through_the_store_opens(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from scrutui.tui.screens.home import HomeScreen

    monkeypatch.setattr(HomeScreen, "_reload_after_first_paint", lambda screen: None)
    app = ScrutuiApp.on_database(demo_path, blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and not app.store_is_open
        await pilot.press("enter")  # the newest meeting: the store is opened to open it
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MinutingScreen) and screen.meeting_id == MEETING and screen._loaded
        await pilot.press(*"The Chair welcomed everyone.", "enter")
        await pilot.pause()
        assert [r.text for r in screen.records][-1] == "The Chair welcomed everyone."


async def test_lines_typed_in_a_burst_as_the_meeting_opens_are_saved_one_by_one(demo_path: Path) -> None:
    app = Bare.on_database(demo_path, blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = MinutingScreen(MEETING)
        await app.push_screen(screen)
        burst(app, "The Chair welcomed everyone.\nq Cllr Pryce: how many\nMembers noted the re")
        await pilot.pause()
        await pilot.pause()
        burst(app, "port.\nq Cllr Okafor: when\n")
        await pilot.pause()
        await pilot.pause()
        assert screen.query_one(CaptureInput).value == ""
        assert [r.text for r in screen.records][-4:] == [
            "The Chair welcomed everyone.",
            "how many",
            "Members noted the report.",
            "when",
        ]
    store = open_store(demo_path)
    item = next(i for i in store.agenda.for_meeting(MEETING) if i.title == OPENS_ON)
    texts = [r.text for r in store.records.for_item(item.id or 0)]
    assert texts[-4:] == ["The Chair welcomed everyone.", "how many", "Members noted the report.", "when"]
    assert len(texts) == len(set(texts))  # each saved once
    assert store.meetings.capture_drafts(MEETING) == {}
    store.close()


@pytest.mark.parametrize("opening", ["\n", "m"])
async def test_what_is_typed_with_the_enter_that_opens_a_meeting_goes_to_its_capture_line(
    demo_path: Path, opening: str
) -> None:
    from scrutui.tui.screens.home import HomeScreen

    app = ScrutuiApp.on_database(demo_path, blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        # One burst: the key that opens the newest meeting, then a line and the start of another,
        # all before the minuting screen exists (they used to go to the meetings list, and were lost).
        burst(app, f"{opening}The Chair welcomed everyone.\nq Cllr Pryce: how")
        await until(
            pilot, lambda: isinstance(app.screen, MinutingScreen) and bool(app.screen.query_one(CaptureInput).value)
        )
        screen = app.screen
        assert isinstance(screen, MinutingScreen) and screen.meeting_id == MEETING
        assert screen.query_one(CaptureInput).value == "q Cllr Pryce: how"
        assert [r.text for r in screen.records][-1] == "The Chair welcomed everyone."
        assert not app.typed_ahead.holding
        burst(app, " many\n")
        await pilot.pause()
        await pilot.pause()
        assert [r.text for r in screen.records][-2:] == ["The Chair welcomed everyone.", "how many"]


async def test_keys_typed_where_nothing_opens_are_not_held(demo_path: Path) -> None:
    from scrutui.tui.screens.home import HomeScreen

    app = ScrutuiApp.on_database(demo_path, blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        burst(app, "jk")  # keys that open nothing on the meetings list
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and not app.typed_ahead.holding


async def test_a_line_that_cannot_be_saved_comes_back_before_what_was_typed_after_it(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from scrutui.errors import DatabaseError
    from scrutui.session import MinutingSession

    def busy(session: MinutingSession, item_id: int, line: str) -> None:
        raise DatabaseError("The database is busy: try again.")

    app = Bare.on_database(demo_path, blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = MinutingScreen(MEETING)
        await app.push_screen(screen)
        await pilot.pause()
        monkeypatch.setattr(MinutingSession, "submit", busy)
        burst(app, "ir Director: the figures\nand")
        await pilot.pause()
        await pilot.pause()
        assert screen.query_one(CaptureInput).value == "ir Director: the figures" + "and"
        await pilot.pause(2.5)  # and it is what is kept of the line, as anything half-typed is
    store = open_store(demo_path)
    assert list(store.meetings.capture_drafts(MEETING).values()) == ["ir Director: the figuresand"]
    store.close()
