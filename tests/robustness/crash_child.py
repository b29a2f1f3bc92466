"""Run by test_crash.py in a child process: the real app, minuting, until it is killed.

``records`` mode enters capture lines one after another and prints ``CONFIRMED n`` once the
screen shows record n (so only after the app has committed it). ``narrative`` mode types into the
narrative editor at about 30 characters a second and prints ``TYPED length monotonic-time``.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

from scrutui.tui.app import make_app
from scrutui.tui.screens.minuting import MinutingScreen
from scrutui.tui.widgets.capture_line import CaptureInput

NARRATIVE = "The Director presented the quarterly performance report and answered questions. " * 40


async def main(db_path: Path, meeting_id: int, mode: str) -> None:
    app = make_app(db_path, blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_minuting(meeting_id)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MinutingScreen)
        print("READY", flush=True)
        if mode == "records":
            number = 0
            while True:
                line = f"Record {number}: the Committee noted item {number}."
                field = screen.query_one(CaptureInput)
                field.value = line
                await pilot.press("enter")
                if any(r.text == line for r in screen.records):
                    print(f"CONFIRMED {number}", flush=True)
                number += 1
        else:
            await pilot.press("ctrl+n")
            await pilot.pause()
            for length, character in enumerate(NARRATIVE, start=1):
                await pilot.press("space" if character == " " else character)
                if length % 5 == 0:
                    print(f"TYPED {length} {time.monotonic():.3f}", flush=True)
                await asyncio.sleep(0.03)


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]))
