"""The scrutui app: owns the open database and moves between screens."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Self

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from scrutui.store import check_database, is_ready, open_store
from scrutui.tui.guard import report

if TYPE_CHECKING:
    from scrutui.export.minutes_export import MinutesExport
    from scrutui.store import Store


class ScrutuiApp(App[None]):
    """Minute scrutiny meetings live."""

    TITLE = "scrutui"
    CSS = """
    Screen { background: $background; }
    """

    BINDINGS = [
        Binding("f1", "help", "Help", id="app.help", tooltip="Every key here, and how to type records"),
        Binding(
            "ctrl+q", "quit", "Quit", id="app.quit", tooltip="Leave scrutui (everything is already saved)"
        ),
    ]

    def __init__(
        self,
        store: Store | None = None,
        *,
        path: Path | None = None,
        read_only: bool = False,
        blink: bool = True,
        today: Callable[[], dt.date] | None = None,
    ) -> None:
        """The app on an open `store`, or on the checked, up-to-date database at `path`, opened
        when first needed (`on_database` decides which)."""
        super().__init__()
        if store is None and path is None:
            raise ValueError("the app needs a store or the path of a database")
        self._store = store
        #: The database file.
        self.database_path: Path = store.path if store is not None else Path(str(path))
        self.read_only = store.read_only if store is not None else read_only
        #: False in tests and snapshots, so screens stop cursors blinking.
        self.blink = blink
        #: What day it is, for what is overdue (tests fix it here rather than patching the clock).
        self.today: Callable[[], dt.date] = today or dt.date.today

    @classmethod
    def on_database(
        cls,
        db_path: Path,
        *,
        read_only: bool = False,
        blink: bool = True,
        today: Callable[[], dt.date] | None = None,
    ) -> Self:
        """The app on the database file at `db_path`. It is checked now (a clear error if it will not
        do); one that needs nothing created or migrated is opened when first needed, so the first
        screen can be read and shown before sqlite-utils and the validated models are imported."""
        header = check_database(db_path, read_only=read_only)
        if is_ready(header):
            return cls(path=db_path, read_only=read_only, blink=blink, today=today)
        return cls(open_store(db_path, read_only=read_only), blink=blink, today=today)

    @property
    def store(self) -> Store:
        """The open database: every read and write of the app goes through it (and so through the
        validated models). Opened the first time it is needed."""
        if self._store is None:
            self._store = open_store(self.database_path, read_only=self.read_only)
        return self._store

    @property
    def store_is_open(self) -> bool:
        """True once the store has been opened."""
        return self._store is not None

    def on_mount(self) -> None:
        from scrutui.tui.screens.home import HomeScreen
        from scrutui.tui.screens.welcome import WelcomeScreen

        if self.read_only:
            self.sub_title = "READ-ONLY"
        self.push_screen(WelcomeScreen() if self.store.is_empty() and not self.read_only else HomeScreen())

    def on_unmount(self) -> None:
        if self._store is not None:
            self._store.close()

    # --- navigation -----------------------------------------------------------------------------

    def go_home(self) -> None:
        """Show the meetings list as the only screen."""
        from scrutui.tui.screens.home import HomeScreen

        while len(self.screen_stack) > 2:
            self.pop_screen()
        if not isinstance(self.screen, HomeScreen):
            self.switch_screen(HomeScreen())

    def start_new_committee(self) -> None:
        """Create a committee, then a meeting for it, then edit that meeting's agenda."""
        from scrutui.tui.screens.committee import CommitteeScreen

        def committee_saved(committee_id: int | None) -> None:
            self.go_home()
            if committee_id is not None:
                self.start_new_meeting(committee_id)

        self.push_screen(CommitteeScreen(None), committee_saved)

    def start_new_meeting(self, committee_id: int | None = None) -> None:
        """Create a meeting, then edit its agenda."""
        from scrutui.tui.screens.meeting_form import MeetingForm

        if self.store.committees.count() == 0:
            self.notify("Create a committee first (c on the meetings screen).", severity="warning")
            return

        def meeting_saved(meeting_id: int | None) -> None:
            if meeting_id is not None:
                self.go_home()
                self.open_agenda(meeting_id)

        self.push_screen(MeetingForm(committee_id), meeting_saved)

    def open_agenda(self, meeting_id: int) -> None:
        """Edit a meeting's agenda."""
        from scrutui.tui.screens.agenda import AgendaScreen

        self.push_screen(AgendaScreen(meeting_id))

    def open_minuting(
        self,
        meeting_id: int,
        *,
        replace: bool = False,
        item_id: int | None = None,
        record_id: int | None = None,
    ) -> None:
        """Minute a meeting (showing the given agenda item and record, if any)."""
        from scrutui.tui.screens.minuting import MinutingScreen

        screen = MinutingScreen(meeting_id, item_id=item_id, record_id=record_id)
        if replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def open_tracker(self, *, action_log_item_id: int | None = None) -> None:
        """The tracker of information requests and recommendations (or one meeting's action log)."""
        from scrutui.tui.screens.tracker import TrackerScreen

        self.push_screen(TrackerScreen(action_log_item_id=action_log_item_id))

    def load_demo(self) -> None:
        """Load the demo committee and meetings, then show the meetings."""
        from scrutui.demo import load_demo

        result = load_demo(self.store)
        if result.already_loaded:
            self.notify("The demo is already loaded.")
        else:
            self.notify(f"Loaded the demo: {result.committee.name}.")
        self.go_home()

    @work(thread=True, group="export", exit_on_error=False)
    def export_minutes(self, request: MinutesExport) -> None:
        """Write a meeting's minutes in a background thread; a notification says where they went."""
        from scrutui.tui.exporting import export_in_background

        export_in_background(self, request)

    # --- help, commands, quitting ---------------------------------------------------------------

    def action_help(self) -> None:
        """Show every key of the current screen and the capture-line grammar."""
        from scrutui.tui.screens.help import HelpScreen

        if self.screen.__class__.__name__ != "HelpScreen":
            self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The command palette offers every key binding of the screen, and the usual commands."""
        from scrutui.tui.screens.help import scrutui_bindings

        yield from super().get_system_commands(screen)
        nodes = {active.binding.id: active.node for active in screen.active_bindings.values()}
        for binding in scrutui_bindings(screen):
            key = self.get_key_display(binding)

            def run(action: str = binding.action, target: object = nodes[binding.id]) -> None:
                self.call_later(self.run_action, action, target)

            yield SystemCommand(f"{binding.description} ({key})", binding.tooltip or binding.description, run)

    def _fatal_error(self) -> None:
        """An error nothing else caught: one plain line on leaving, the traceback in the log.

        (Overrides Textual's handler, which would print a traceback.) Everything entered before the
        error is already committed.
        """
        import logging
        import sys

        from rich.text import Text

        from scrutui.paths import log_path

        error = sys.exc_info()[1] or self._exception
        logging.getLogger("scrutui").error("the app stopped on an unexpected error", exc_info=error)
        self.bell()
        self._exit_renderables.append(
            Text(
                f"scrutui stopped on an unexpected error ({type(error).__name__}: {error}). "
                f"Everything entered before it is saved. Details are in {log_path()}."
            )
        )
        self._close_messages_no_wait()

    async def action_quit(self) -> None:
        """Save anything half-typed, then leave."""
        for screen in self.screen_stack:
            flush = getattr(screen, "flush", None)
            if flush is not None:
                try:
                    flush()
                except Exception as error:
                    report(self, error)
                    return
        self.exit()


def make_app(
    db_path: Path, *, read_only: bool = False, blink: bool = True, today: Callable[[], dt.date] | None = None
) -> ScrutuiApp:
    """The app on the database at `db_path` (shared by the CLI and the tests)."""
    from scrutui.logs import setup_logging

    setup_logging()
    return ScrutuiApp.on_database(Path(db_path), read_only=read_only, blink=blink, today=today)


def run_app(app: ScrutuiApp, *, headless: bool = False, size: tuple[int, int] | None = None) -> None:
    """Run the app until the user leaves it.

    What start-up made (modules, classes, the screen) lives as long as the app does: it is frozen
    out of the garbage collector's sight first, so that no collection walks it while the app runs
    or as it exits. The collector is on again for everything made after.
    """
    gc.freeze()
    gc.enable()
    app.run(headless=headless, size=size)
