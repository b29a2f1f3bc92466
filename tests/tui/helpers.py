"""Driving the real app with Pilot."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.app import App
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import Input

from scrutui.tui.widgets.capture_line import CaptureInput


async def capture(pilot: Pilot[None], line: str) -> None:
    """Put a line on the capture line and press Enter, as a clerk would after typing it."""
    field = pilot.app.screen.query_one(CaptureInput)
    field.focus()
    field.value = line
    field.cursor_position = len(line)
    await pilot.press("enter")
    await pilot.pause()


async def fill(pilot: Pilot[None], selector: str, value: str) -> None:
    """Set an input on the active screen."""
    field = pilot.app.screen.query_one(selector, Input)
    field.value = value
    await pilot.pause()


def screen_text(pilot: Pilot[None]) -> str:
    """What the active screen shows, as lines of plain text (for asserting on what a user sees)."""
    strips = pilot.app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


async def screen_text_showing(pilot: Pilot[None], wanted: str, *, tries: int = 100) -> str:
    """What the active screen shows once it shows `wanted` (wrapped or not), its words joined by
    single spaces, waiting a frame at a time (at most `tries`): on a loaded machine a dialog just
    opened, or a field scrolled into view, can take a few frames to be drawn."""
    text = " ".join(screen_text(pilot).split())
    for _ in range(tries):
        if wanted in text:
            break
        await pilot.pause(0.02)
        text = " ".join(screen_text(pilot).split())
    return text


def burst(app: App[None], typed: str) -> None:
    """Keys arriving all at once, as a terminal hands over what was typed while the app was busy
    (saving, or opening the meeting): "\\n" is Enter."""
    for character in typed:
        if character == "\n":
            app.post_message(events.Key("enter", "\r"))
        else:
            app.post_message(events.Key(_character_to_key(character), character))


async def until(pilot: Pilot[None], holds: Callable[[], bool], *, tries: int = 40) -> None:
    """Wait a pause at a time (at most `tries`) until `holds()` (a screen opening takes a few)."""
    for _ in range(tries):
        if holds():
            return
        await pilot.pause()
