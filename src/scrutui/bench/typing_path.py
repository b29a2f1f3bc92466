"""Benchmark (not a test): typing into a long item. From Enter on the capture line to the first frame
that shows the record saved, with 10, 100 and 500 records already under the item, beside a bare
Textual app doing the least the same screen could (add one option to a list of as many options,
mount one paragraph under as many paragraphs) in the same run, interleaved.

    python -m scrutui.bench.typing_path [--sizes 10,100,500] [--saves 20] [--rounds 3]

Each round opens the minuting screen (and the bare app) afresh at each size and saves `saves` lines
of every kind (narratives, questions, answers, information requests, resolutions), so the item grows
by that many records in a round. Prints the median and p90 of each, and the ratios: to the bare app
at the same size, and of each size to the smallest (flat is 1.0x).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gc
import json
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

#: What the clerk types, in turn: every kind that the capture line saves, an answer among them.
LINES = (
    "The Director presented the report on the progress made since the inspection in the spring.",
    "q Councillor Ann Ali: how many posts were vacant in the front-line teams",
    "a Director of Children's Services: 51 of the 58 posts were filled by permanent staff",
    "ir Director of Children's Services: a copy of the risk register",
    "Members discussed the recruitment campaign and the use of agency social workers.",
    "r the report be noted",
)
PROSE = (
    "The Director presented the report, which set out the progress made since the inspection, the "
    "work still to do on the quality of practice and the recruitment of permanent social workers."
)


def build_item(path: Path, records: int) -> tuple[int, int]:
    """A database with one meeting whose second item holds `records` records of every kind;
    returns (meeting id, item id)."""
    from scrutui.bench.export import _record
    from scrutui.models import AgendaItem, Committee, Meeting, Person, Role
    from scrutui.store import open_store

    store = open_store(path)
    try:
        committee = store.committees.add(
            Committee(name="Benchmark Scrutiny Committee"),
            [
                (Person(name="Councillor Ann Ali"), Role.CHAIR),
                (Person(name="Cara Dunn", title="Director of Children's Services"), Role.OFFICER),
            ],
        )
        meeting = store.meetings.add(
            Meeting(committee_id=committee.id or 0, date=dt.date(2026, 12, 3), time="18:30"),
            [
                AgendaItem(meeting_id=0, number="1", title="Apologies"),
                AgendaItem(meeting_id=0, number="2", title="Ofsted improvement plan", purpose="To review progress"),
            ],
        )
        item_id = store.agenda.for_meeting(meeting.id or 0)[1].id or 0
        with store.handle.write():
            for index in range(records):
                store.records.add(_record(index, item_id))
        store.agenda.take(item_id, None)
        return meeting.id or 0, item_id
    finally:
        store.close()


class _Frames:
    """Watches the frames an app hands to its terminal (headless: they go no further)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.display = app._display
        self.wanted: Callable[[], bool] | None = None
        self.event = asyncio.Event()
        self.at = 0.0
        app._display = self._watch

    def _watch(self, target: Any, renderable: Any) -> None:
        self.display(target, renderable)
        if self.wanted is not None and renderable is not None and self.wanted():
            self.wanted = None
            self.at = time.perf_counter()
            self.event.set()

    async def enter(self, wanted: Callable[[], bool]) -> float:
        """Milliseconds from Enter reaching the app (as a terminal sends it) to the first frame
        handed to the terminal after which `wanted()` holds."""
        from textual import events

        self.event.clear()
        self.wanted = wanted
        key = events.Key("enter", "\r")
        key.set_sender(self.app)
        started = time.perf_counter()
        self.app._driver.send_message(key)
        await asyncio.wait_for(self.event.wait(), 30)
        return (self.at - started) * 1000


async def type_into_scrutui(path: Path, meeting_id: int, saves: int) -> list[float]:
    """Enter-to-shown for `saves` lines on the minuting screen of the real app."""
    from scrutui.tui.app import make_app
    from scrutui.tui.screens.minuting import MinutingScreen
    from scrutui.tui.widgets.capture_line import CaptureInput
    from scrutui.tui.widgets.record_list import RecordList

    app = make_app(path, blink=False)
    times = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        gc.freeze()  # as the app does once it has started (scrutui.tui.app.run_app)
        app.push_screen(MinutingScreen(meeting_id))
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MinutingScreen)
        records = screen.query_one(RecordList)
        line = screen.query_one(CaptureInput)
        frames = _Frames(app)
        for number in range(saves):
            text = LINES[number % len(LINES)]
            line.value = text
            line.cursor_position = len(text)
            await pilot.pause()
            before = records.option_count
            answered = text.startswith("a ")
            prompt = str(records.get_option_at_index(before - 1).prompt) if before else ""

            def shown(before: int = before, answered: bool = answered, prompt: str = prompt) -> bool:
                if answered:  # an answer completes the question above: its line changes
                    return str(records.get_option_at_index(before - 1).prompt) != prompt
                return records.option_count == before + 1

            times.append(await frames.enter(shown))
            await pilot.pause()
    gc.unfreeze()
    return times


async def type_into_bare(rows: int, saves: int) -> list[float]:
    """The same, in a bare Textual app: one option added to an OptionList of `rows` options and one
    paragraph written under `rows` paragraphs of a RichLog (Textual's own append-only view)."""
    from textual.app import App, ComposeResult
    from textual.widgets import Input, OptionList, RichLog

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield OptionList(*(f"N {PROSE[:60]} {n}" for n in range(rows)), id="list")
            yield RichLog(id="preview", wrap=True)
            yield Input(id="line")

        def on_mount(self) -> None:
            preview = self.query_one(RichLog)
            for n in range(rows):
                preview.write(f"{PROSE} ({n})")

        def on_input_submitted(self, event: Input.Submitted) -> None:
            options = self.query_one(OptionList)
            options.add_option(f"N {event.value[:60]}")
            options.highlighted = options.option_count - 1
            self.query_one(RichLog).write(event.value)
            event.input.value = ""

    app = Bare()
    times = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        gc.freeze()  # the same for both
        options = app.query_one(OptionList)
        line = app.query_one(Input)
        line.focus()
        frames = _Frames(app)
        for number in range(saves):
            line.value = LINES[number % len(LINES)]
            await pilot.pause()
            before = options.option_count

            def added(before: int = before) -> bool:
                return options.option_count == before + 1

            times.append(await frames.enter(added))
            await pilot.pause()
    gc.unfreeze()
    return times


def _quantile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def measure(sizes: Sequence[int], saves: int, rounds: int) -> dict[int, dict[str, Any]]:
    """Interleaved rounds at each size; the samples of the app and of the bare app."""
    results: dict[int, dict[str, Any]] = {n: {"scrutui": [], "bare": []} for n in sizes}
    with tempfile.TemporaryDirectory(prefix="scrutui-bench-typing-") as folder:
        work = Path(folder)
        for round_number in range(rounds):
            for size in sizes:
                path = work / f"typing-{size}-{round_number}.sqlite"
                meeting_id, _ = build_item(path, size)
                results[size]["scrutui"] += asyncio.run(type_into_scrutui(path, meeting_id, saves))
                results[size]["bare"] += asyncio.run(type_into_bare(size, saves))
    return results


def memory_after_typing(size: int, saves: int) -> float:
    """KiB the app holds more after typing `saves` lines into an item of `size` records."""
    with tempfile.TemporaryDirectory(prefix="scrutui-bench-typing-") as folder:
        path = Path(folder) / "memory.sqlite"
        meeting_id, _ = build_item(path, size)

        from scrutui.tui.app import make_app
        from scrutui.tui.screens.minuting import MinutingScreen
        from scrutui.tui.widgets.capture_line import CaptureInput

        async def typed() -> float:
            app = make_app(path, blink=False)
            async with app.run_test(size=(100, 30)) as pilot:
                app.push_screen(MinutingScreen(meeting_id))
                await pilot.pause()
                await pilot.pause()
                line = app.screen.query_one(CaptureInput)
                gc.collect()
                tracemalloc.start()
                before = tracemalloc.take_snapshot()
                for number in range(saves):
                    line.value = LINES[number % len(LINES)]
                    await pilot.press("enter")
                    await pilot.pause()
                gc.collect()
                after = tracemalloc.take_snapshot()
                tracemalloc.stop()
                return sum(s.size_diff for s in after.compare_to(before, "filename")) / 1024

        return asyncio.run(typed())


def summary(results: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    """Median, mean, p90 and the ratios of each size. (Textual draws at most 60 frames a second,
    so each time falls in the first or the second frame after Enter: the median can jump between
    the two when a few samples move, and the mean is the steadier figure of how flat it is.)"""
    smallest = min(results)
    base = statistics.median(results[smallest]["scrutui"])
    base_mean = statistics.mean(results[smallest]["scrutui"])
    rows = []
    for size, samples in results.items():
        app, bare = samples["scrutui"], samples["bare"]
        rows.append(
            {
                "records": size,
                "median_ms": statistics.median(app),
                "p90_ms": _quantile(app, 0.9),
                "bare_median_ms": statistics.median(bare),
                "bare_p90_ms": _quantile(bare, 0.9),
                "ratio_to_bare": statistics.median(app) / statistics.median(bare),
                "ratio_to_smallest": statistics.median(app) / base,
                "mean_ms": statistics.mean(app),
                "bare_mean_ms": statistics.mean(bare),
                "mean_ratio_to_smallest": statistics.mean(app) / base_mean,
                "samples": app,
                "bare_samples": bare,
            }
        )
    return rows


def render(rows: Sequence[dict[str, Any]]) -> str:
    """The figures as a Markdown table."""
    smallest = rows[0]["records"]
    lines = [
        f"| records in the item | Enter to shown, median | p90 | bare app (same run) | ratio to bare | "
        f"ratio to {smallest} records | mean | bare mean | mean, ratio to {smallest} records |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        lines.append(
            f"| {row['records']} | {row['median_ms']:.1f} ms | {row['p90_ms']:.1f} ms | "
            f"{row['bare_median_ms']:.1f} ms | {row['ratio_to_bare']:.2f}x | {row['ratio_to_smallest']:.2f}x | "
            f"{row['mean_ms']:.1f} ms | {row['bare_mean_ms']:.1f} ms | {row['mean_ratio_to_smallest']:.2f}x |"
        )
    return "\n".join(lines)


def bench_measures(_db: Path, _meeting_id: int, runs: int) -> list[Any]:
    """The typing measures for ``python -m scrutui.bench``: Enter to shown at 10 and 500 records,
    against the bare app at the same size, interleaved."""
    from scrutui.bench.measure import Measure

    sizes = (10, 500)
    results = measure(sizes, saves=max(6, runs * 2), rounds=1)
    found = []
    for size in sizes:
        measure_ = Measure(
            f"typing: Enter to record shown, {size} records in the item",
            baseline="bare Textual app: one option added, one paragraph mounted",
            target="<= 50 ms; 500 within 1.2x of 10",
        )
        measure_.samples = results[size]["scrutui"]
        measure_.baseline_samples = results[size]["bare"]
        found.append(measure_)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Measure, print, write the figures as JSON."""
    parser = argparse.ArgumentParser(prog="python -m scrutui.bench.typing_path", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10,100,500", help="records already in the item (default 10,100,500)")
    parser.add_argument("--saves", type=int, default=20, help="lines saved at each size in each round")
    parser.add_argument("--rounds", type=int, default=3, help="rounds, each at every size in turn")
    parser.add_argument("--memory", action="store_true", help="also the memory held after typing")
    parser.add_argument("--json", type=Path, default=Path("bench-out/typing.json"))
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    rows = summary(measure(sizes, args.saves, args.rounds))
    print(f"Enter on the capture line to the first frame showing the record ({args.rounds} rounds of {args.saves} saves)")
    print(render(rows))
    if args.memory:
        for size in sizes:
            print(f"memory held after {args.saves} saves into {size} records: {memory_after_typing(size, args.saves):,.0f} KiB")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(rows, indent=2))
    print(f"\nfigures written to {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
