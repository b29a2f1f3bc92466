"""The scrutui app: owns the open database and moves between screens."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from scrutui.store import check_database, is_ready, open_store, refuse_network_share
from scrutui.tui.guard import report
from scrutui.tui.typed_ahead import OpensScreens, Released, TypedAhead

if TYPE_CHECKING:
    from scrutui.export.minutes_export import MinutesExport
    from scrutui.store import Store
    from scrutui.tui.screens.search_filters import SearchFilters


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
        Binding(
            "f8",
            "search",
            "Search",
            show=False,
            id="app.search",
            tooltip="Search every meeting: records, answers, responses, agenda items; themes and people",
        ),
    ]

    def __init__(
        self,
        store: Store | None = None,
        *,
        path: Path | None = None,
        read_only: bool = False,
        confidential: bool = False,
        allow_network_share: bool = False,
        created: bool = False,
        blink: bool = True,
        today: Callable[[], dt.date] | None = None,
        mine: str = "",
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
        #: Opening a database on a network share to read it alone (--allow-network-share).
        self.allow_network_share = allow_network_share
        #: True when the database was just made (the app says so, and where).
        self.created = created or (store is not None and store.created)
        #: Whether exempt items' content is shown: always to a clerk who can write (they minute it),
        #: to a read-only session only when it was opened with --confidential.
        self.shows_exempt = not self.read_only or confidential
        #: A member's name: open on the tracker, showing the requests they asked for.
        self.mine = mine
        #: False in tests and snapshots, so screens stop cursors blinking.
        self.blink = blink
        #: What day it is, for what is overdue (tests fix it here rather than patching the clock).
        self.today: Callable[[], dt.date] = today or dt.date.today
        #: The words and filters last searched for, which F8 opens the search with again.
        self.last_search: tuple[str, SearchFilters | None] = ("", None)
        #: Keys typed while a screen opens, held for it (see typed_ahead).
        self.typed_ahead = TypedAhead(self)

    @classmethod
    def on_database(
        cls,
        db_path: Path,
        *,
        read_only: bool = False,
        allow_network_share: bool = False,
        **options: Any,
    ) -> Self:
        """The app on the database file at `db_path` (`options` as for the app itself). It is checked
        now (a clear error if it will not do); one that needs nothing created or migrated is opened
        when first needed, so the first screen can be read and shown before sqlite-utils and the
        validated models are imported."""
        refuse_network_share(db_path, read_only=read_only, allowed=allow_network_share)
        header = check_database(db_path, read_only=read_only)
        if is_ready(header):
            return cls(path=db_path, read_only=read_only, allow_network_share=allow_network_share, **options)
        store = open_store(db_path, read_only=read_only, allow_network_share=allow_network_share)
        return cls(store, allow_network_share=allow_network_share, **options)

    @property
    def store(self) -> Store:
        """The open database: every read and write of the app goes through it (and so through the
        validated models). Opened the first time it is needed."""
        if self._store is None:
            self._store = open_store(
                self.database_path, read_only=self.read_only, allow_network_share=self.allow_network_share
            )
        return self._store

    @property
    def store_is_open(self) -> bool:
        """True once the store has been opened."""
        return self._store is not None

    def on_mount(self) -> None:
        from scrutui.tui.screens.home import HomeScreen
        from scrutui.tui.screens.welcome import WelcomeScreen

        self._apply_saved_theme()

        if self.read_only:
            self.sub_title = "READ-ONLY"
        if self.created:
            self.notify(
                f"Made a new, empty database at {self.store.path}. If you meant another, quit (ctrl+q) "
                "and give its path with --db.",
                title="New database",
                timeout=15,
                markup=False,
            )
        glance = None
        if not self.store_is_open:  # the first screen is drawn from a plain read (see HomeScreen)
            from scrutui.store.glance import glance_at_meetings
            from scrutui.tui.screens.home import SHOWN_MEETINGS

            glance = glance_at_meetings(self.database_path, SHOWN_MEETINGS, read_only=self.read_only)
        empty = glance.committees == 0 if glance is not None else self.store.is_empty()
        self.push_screen(WelcomeScreen() if empty and not self.read_only else HomeScreen(glance))
        if self.mine:
            self.open_tracker(asked_by=self.mine)

    def on_unmount(self) -> None:
        if self._store is not None:
            self._store.close()
        if self.is_web:  # the files this browser session downloaded
            import shutil

            from scrutui.tui.export_folder import export_folder

            shutil.rmtree(export_folder(self), ignore_errors=True)

    # --- keys typed while a screen opens --------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        """As Textual does, except that the keys typed after one that opens a screen are held for
        that screen (see typed_ahead)."""
        if self.typed_ahead.keeps(event):
            return
        opens = (
            isinstance(event, events.Key)
            and not event.is_forwarded
            and bool(self.screen_stack)
            and isinstance(screen := self.screen, OpensScreens)
            and screen.opens_screen_on(event)
        )
        await super().on_event(event)
        if opens:
            self.typed_ahead.hold()

    @on(Released)
    async def _typed_ahead_released(self) -> None:
        for event in self.typed_ahead.take():
            await self.on_event(event)  # (a key that opens another screen holds those after it again)

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

    def check_meeting(self, meeting_id: int) -> None:
        """Refuse, in one line, a meeting that cannot be opened: damaged in the database, or its
        committee missing (the caller shows the error; no screen is opened on it)."""
        from scrutui.errors import NotFound

        meeting = self.store.meetings.get(meeting_id)
        try:
            self.store.committees.get(meeting.committee_id)
        except NotFound:
            raise NotFound(
                f"Meeting {meeting_id}'s committee (id {meeting.committee_id}) is missing from the database, "
                "so it cannot be opened: restore the database from a backup."
            ) from None

    def open_agenda(self, meeting_id: int) -> None:
        """Edit a meeting's agenda."""
        from scrutui.tui.screens.agenda import AgendaScreen

        self.check_meeting(meeting_id)
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

        try:
            self.check_meeting(meeting_id)
        except Exception:
            self.typed_ahead.release()  # (to where they were typed: nothing opens)
            raise
        screen = MinutingScreen(meeting_id, item_id=item_id, record_id=record_id)
        if replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def open_at(self, meeting_id: int, item_id: int | None, record_id: int | None = None) -> None:
        """Minute a meeting at an item and record (from a search result, a theme, a person). When the
        screen below is already minuting that meeting, go back to it there rather than open it twice."""
        from scrutui.tui.screens.minuting import MinutingScreen

        below = self.screen_stack[-2] if len(self.screen_stack) > 1 else None
        if isinstance(below, MinutingScreen) and below.meeting_id == meeting_id:
            self.pop_screen()
            below.go_to(item_id, record_id)
            return
        self.open_minuting(meeting_id, item_id=item_id, record_id=record_id)

    def action_search(self) -> None:
        """Search every meeting (with the words last searched for)."""
        from textual.widgets import Input

        from scrutui.tui.screens.search import SearchScreen

        # (Dialogs take no app keys: F8 works once the dialog is closed.)
        if isinstance(self.screen, SearchScreen):
            self.screen.query_one(Input).focus()
            return
        text, filters = self.last_search
        self.push_screen(SearchScreen(text, filters))

    def open_tracker(self, *, action_log_item_id: int | None = None, asked_by: str = "") -> None:
        """The tracker of information requests and recommendations (or one meeting's action log),
        perhaps showing only the requests one member asked for."""
        from scrutui.tui.screens.tracker import TrackerScreen

        self.push_screen(TrackerScreen(action_log_item_id=action_log_item_id, asked_by=asked_by))

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
        from scrutui.tui.screens.exporting import export_in_background

        export_in_background(self, request)

    # --- the theme, screenshots ------------------------------------------------------------------

    def _apply_saved_theme(self) -> None:
        """Use the theme chosen last time, and remember the next one chosen."""
        from scrutui.settings import load_settings

        saved = load_settings().theme
        if saved and saved in self.available_themes:
            self.theme = saved
        self.theme_changed_signal.subscribe(self, self._remember_theme)

    def _remember_theme(self, theme: object) -> None:
        from scrutui.settings import Settings, load_settings, save_settings

        if load_settings().theme == self.theme:
            return
        try:
            save_settings(Settings(theme=self.theme))
        except OSError as error:
            self.notify(f"The theme is not remembered: {error.strerror or error}.", severity="warning")

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        """Save a screenshot (the palette's Screenshot command) where exports go, and say where.

        Textual's own puts it in the Downloads folder, which may not exist.
        """
        if self.is_web:
            return super().deliver_screenshot(filename, path, time_format)
        from scrutui.tui.export_folder import export_folder

        folder = Path(path).expanduser() if path else export_folder()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            saved = self.save_screenshot(filename, str(folder), time_format)
        except OSError as error:
            self.notify(f"The screenshot was not saved: {error.strerror or error}.", severity="error")
            return None
        self.notify(f"Screenshot saved to {saved}", title="Screenshot", markup=False)
        return saved

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

        from scrutui.logs import redacted
        from scrutui.paths import log_path

        error = sys.exc_info()[1] or self._exception
        logging.getLogger("scrutui").error("the app stopped on an unexpected error", exc_info=error)
        self.bell()
        self._exit_renderables.append(
            Text(
                f"scrutui stopped on an unexpected error ({type(error).__name__}: {redacted(error) if error else ''}). "
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
    db_path: Path,
    *,
    read_only: bool = False,
    confidential: bool = False,
    allow_network_share: bool = False,
    blink: bool = True,
    today: Callable[[], dt.date] | None = None,
    created: bool = False,
    mine: str = "",
) -> ScrutuiApp:
    """The app on the database at `db_path` (shared by the CLI and the tests). A read-only app shows
    exempt items' content only when `confidential`; `created`: the database was just made (the app
    says so); `mine`: open on that member's requests."""
    from scrutui.logs import setup_logging

    setup_logging()
    return ScrutuiApp.on_database(
        Path(db_path),
        read_only=read_only,
        confidential=confidential,
        allow_network_share=allow_network_share,
        created=created,
        blink=blink,
        today=today,
        mine=mine,
    )
def run_app(app: ScrutuiApp, *, headless: bool = False, size: tuple[int, int] | None = None) -> None:
    """Run the app until the user leaves it.

    What start-up made (modules, classes, the screen) lives as long as the app does: it is frozen
    out of the garbage collector's sight first, so that no collection walks it while the app runs
    or as it exits. The collector is on again for everything made after.
    """
    gc.freeze()
    gc.enable()
    app.run(headless=headless, size=size)
