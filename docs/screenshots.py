"""Make the README's screenshots (SVG) from the real app on the demo database.

Run: python docs/screenshots.py
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from scrutui.demo import load_demo
from scrutui.store import open_store
from scrutui.tui.app import make_app

DOCS = Path(__file__).parent


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.sqlite"
        store = open_store(db)
        load_demo(store)
        store.close()
        app = make_app(db, blink=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            app.save_screenshot(str(DOCS / "meetings.svg"))
            await pilot.press("enter")
            for _ in range(3):
                await pilot.press("pagedown")
            await pilot.press(*"q Cllr Pry")
            await pilot.pause(0.3)
            await pilot.press("tab")
            await pilot.press(*"whether agency use had fallen")
            await pilot.pause()
            app.save_screenshot(str(DOCS / "minuting.svg"))


if __name__ == "__main__":
    asyncio.run(main())
    print(f"screenshots written to {DOCS}")
