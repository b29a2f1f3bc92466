"""`scrutui serve` in a real browser: headless Chromium (Debian's, driven by Playwright) opens the
served app, shows the meetings list, opens the tracker from the keyboard, and a read-only session
refuses an edit (and sends an export to the browser as a download), while a `--writer` session
saves what is typed into the database."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from scrutui.cli import main
from scrutui.cli.commands.serve import session_command
from tests.export.helpers import paragraphs

CHROMIUM = next(
    (found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))),
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None,
)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium on this machine (Debian: apt-get install chromium; .ci/run does)"
)

#: Chromium's flags for a closed network, as root (its own sandbox needs a user namespace).
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]  # fmt: skip

#: textual-serve's page keeps its xterm.js terminal to itself; this keeps a hold of it (the page
#: sets `this.terminal = new Terminal(...)`) so the test reads the screen as xterm.js holds it.
CAPTURE_TERMINAL = """
window.__terminals = [];
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "terminal", {value, writable: true, configurable: true, enumerable: true});
    if (value && value.buffer) window.__terminals.push(value);
  },
});
window.__screen = () => {
  const terminal = window.__terminals[0];
  if (!terminal) return "";
  const buffer = terminal.buffer.active, lines = [];
  for (let row = 0; row < terminal.rows; row++) {
    const line = buffer.getLine(buffer.viewportY + row);
    lines.push(line ? line.translateToString(true) : "");
  }
  return lines.join("\\n");
};
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Served:
    """`scrutui serve` running in the background on a port of 127.0.0.1."""

    def __init__(self, db: Path, *options: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "scrutui.cli", "serve", "--db", str(db), "--port", str(self.port), *options],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its browser sessions are stopped with it
        )

    def wait_until_listening(self, seconds: float = 20) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                output = self.process.stdout.read().decode() if self.process.stdout else ""
                pytest.fail(f"scrutui serve stopped: {output}")
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.1)
        pytest.fail("scrutui serve did not start listening")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        if self.process.stdout:
            self.process.stdout.close()


class BrowserTerminal:
    """The served app in a browser tab, read and typed into as a member would."""

    def __init__(self, page: object) -> None:
        self.page = page

    def screen(self) -> str:
        return str(self.page.evaluate("window.__screen()"))  # type: ignore[attr-defined]

    def wait_for(self, text: str, timeout: float = 15) -> None:
        try:
            self.page.wait_for_function(  # type: ignore[attr-defined]
                "wanted => window.__screen().includes(wanted)", arg=text, timeout=timeout * 1000
            )
        except Exception as error:
            raise AssertionError(f"{text!r} not shown; the browser shows:\n{self.screen()}") from error

    def press(self, *keys: str) -> None:
        for key in keys:
            self.page.keyboard.press(key)  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield launched
        launched.close()


def open_tab(browser: object, url: str) -> BrowserTerminal:
    page = browser.new_page(viewport={"width": 1100, "height": 700})  # type: ignore[attr-defined]
    page.add_init_script(CAPTURE_TERMINAL)
    page.goto(url)
    terminal = BrowserTerminal(page)
    terminal.wait_for("scrutui · meetings")
    page.locator(".xterm-helper-textarea").focus()  # where xterm.js takes the keyboard
    return terminal


def requests(db: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT * FROM information_request ORDER BY record_id").fetchall()
    finally:
        conn.close()


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    db = tmp_path / "scrutui.sqlite"
    assert CliRunner().invoke(main, ["demo", "--db", str(db)]).exit_code == 0
    return db


@needs_chromium
def test_a_member_browses_read_only_in_a_browser(browser: object, demo_db: Path, tmp_path: Path) -> None:
    served = Served(demo_db)
    try:
        served.wait_until_listening()
        tab = open_tab(browser, served.url)
        shown = tab.screen()
        assert "READ-ONLY" in shown
        assert "Children and Young People Scrutiny Committee (demo)" in shown
        assert "Tue 10 Nov 2026" in shown and "Tue 15 Sep 2026" in shown

        tab.press("t")
        tab.wait_for("Tracker · Information requests")
        tab.wait_for("a copy of the directorate risk")

        before = requests(demo_db)
        tab.press("r")  # record a response: refused, and nothing changes
        tab.wait_for("Read-only: this database was opened for browsing")
        assert "Tracker · Information requests" in tab.screen()  # no form opened

        tab.press("e")  # export what is shown: the file comes to the browser as a download
        tab.wait_for("Save as")
        with tab.page.context.expect_event("download", timeout=20_000) as downloading:  # type: ignore[attr-defined]
            tab.press("Enter")
        download = downloading.value
        assert download.suggested_filename.startswith("information-requests-")
        saved = tmp_path / download.suggested_filename
        download.save_as(saved)
        assert any(text.endswith("\tA copy of the directorate risk register.") for _, text in paragraphs(saved))
    finally:
        served.stop()
    assert requests(demo_db) == before


@needs_chromium
def test_a_clerk_minutes_from_a_writer_session(browser: object, demo_db: Path) -> None:
    served = Served(demo_db, "--writer")
    try:
        served.wait_until_listening()
        tab = open_tab(browser, served.url)
        assert "READ-ONLY" not in tab.screen()
        tab.press("Enter")  # minute the newest meeting
        tab.wait_for("Type a note")
        tab.page.keyboard.type("Typed in a browser tab.")  # type: ignore[attr-defined]
        tab.press("Enter")
        tab.wait_for("✓ Saved: narrative")
    finally:
        served.stop()
    conn = sqlite3.connect(demo_db)
    try:
        saved = conn.execute("SELECT count(*) FROM record WHERE text = 'Typed in a browser tab.'").fetchone()[0]
    finally:
        conn.close()
    assert saved == 1


def test_each_tab_runs_scrutui_read_only_unless_the_server_is_for_writers(tmp_path: Path) -> None:
    db = tmp_path / "scrutui.sqlite"
    assert session_command(db, writer=False, confidential=False)[-3:] == ["--db", str(db), "--read-only"]
    assert session_command(db, writer=False, confidential=True)[-2:] == ["--read-only", "--confidential"]
    assert session_command(db, writer=True, confidential=True)[-2:] == ["--db", str(db)]


def test_serving_a_database_that_is_not_there_read_only_is_refused_in_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "missing.sqlite")])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "no scrutui database" in result.output.lower()
