"""How fast draft minutes export: a meeting of 1,000 records, against a bare python-docx render of the
same paragraphs, in the same run. A benchmark to run by hand, not a test:

    python -m scrutui.bench.export [--records 1000] [--runs 7]

Prints the median and spread of each measure and the ratio of the medians. The target: the export in
about a second or less, and within 1.5x of the bare render.

The template is filled in in a child process (a deadline and a memory cap a template cannot
exceed): the benchmark also times the rendering alone in this process and in a child started each
way the platforms use (forked: the command line on Linux; from a fork server: the app on Linux;
spawned: Windows and macOS), so the child's cost shows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scrutui.export.docx import fill_minutes
from scrutui.export.gather import gather_minutes
from scrutui.export.minutes_export import MinutesExport, export_minutes
from scrutui.export.render import RenderJob, render, render_here
from scrutui.export.template import default_template, read_template
from scrutui.minutes import MinutesDocument, Style
from scrutui.models import (
    AgendaItem,
    Assurance,
    AssuranceStatus,
    Committee,
    InformationRequest,
    Meeting,
    Narrative,
    Person,
    Question,
    Recommendation,
    Record,
    Resolution,
    Role,
)
from scrutui.store import Store, open_store

PROSE = (
    "The Director presented the report, which set out the progress made since the inspection, the "
    "work still to do on the quality of practice and the recruitment of permanent social workers, "
    "and the plans to report back to the Committee in the new year."
)


def build_meeting(store: Store, records: int, per_item: int = 50) -> int:
    """A committee and a meeting holding `records` records of every kind, `per_item` to an item."""
    committee = store.committees.add(
        Committee(name="Benchmark Scrutiny Committee"),
        [
            (Person(name="Councillor Ann Ali"), Role.CHAIR),
            (Person(name="Cara Dunn", title="Director of Children's Services"), Role.OFFICER),
        ],
    )
    items = max(1, -(-records // per_item))
    meeting = store.meetings.add(
        Meeting(committee_id=committee.id or 0, date=dt.date(2026, 12, 3), time="18:30", venue="Council Chamber"),
        [
            AgendaItem(meeting_id=0, number=str(n), title=f"Item {n} of the agenda", purpose="To scrutinise it")
            for n in range(1, items + 1)
        ],
    )
    agenda = store.agenda.for_meeting(meeting.id or 0)
    with store.handle.write():
        for index in range(records):
            item_id = agenda[index // per_item].id or 0
            store.records.add(_record(index, item_id))
    return meeting.id or 0


def _record(index: int, item_id: int) -> Record:
    kind = index % 10
    if kind in (0, 1, 2, 3):
        return Narrative(agenda_item_id=item_id, text=f"{PROSE} ({index})")
    if kind in (4, 5):
        return Question(
            agenda_item_id=item_id,
            asked_by="Councillor Ann Ali",
            text=f"how many posts were vacant in team {index}",
            answered_by="Director of Children's Services",
            answer="51 of the 58 posts were filled by permanent staff and five by agency workers",
        )
    if kind == 6:
        return Assurance(
            agenda_item_id=item_id,
            theme=("Leadership", "Workforce", "Quality of practice")[index % 3],
            text="agency use would fall",
            response="a campaign would start in January",
            status=AssuranceStatus.PARTLY_GIVEN,
        )
    if kind == 7:
        return InformationRequest(
            agenda_item_id=item_id, requested_of="Director of Children's Services", text="the risk register"
        )
    if kind == 8:
        return Resolution(agenda_item_id=item_id, text=f"the report be noted ({index})")
    return Recommendation(agenda_item_id=item_id, addressee="Cabinet", text="the budget be protected")


def bare_render(document: MinutesDocument, template: Path, target: Path) -> None:
    """The plain python-docx way: open the template, add each paragraph by style object, save."""
    import docx

    word = docx.Document(str(template))
    styles = {style: word.styles[style.value] for style in Style}
    for paragraph in document.paragraphs():
        text = f"{paragraph.label}\t{paragraph.text}" if paragraph.label else paragraph.text
        word.add_paragraph(text, style=styles[paragraph.style])
    word.save(str(target))


def bare_render_by_id(document: MinutesDocument, template: Path, target: Path) -> None:
    """python-docx at its quickest: each paragraph's style id set directly, not resolved per paragraph."""
    import docx

    word = docx.Document(str(template))
    ids = {style: word.styles[style.value].style_id for style in Style}
    for paragraph in document.paragraphs():
        text = f"{paragraph.label}\t{paragraph.text}" if paragraph.label else paragraph.text
        word.add_paragraph(text)._p.get_or_add_pPr().style = ids[paragraph.style]
    word.save(str(target))


def command_line(database: Path, meeting_id: int, target: Path) -> None:
    """The whole command, as a clerk runs it: a new Python process."""
    subprocess.run(
        [sys.executable, "-m", "scrutui.cli", "export", "minutes", str(meeting_id), "--db", str(database),
         "-o", str(target), "--force"],
        check=True,
        capture_output=True,
    )


def _time(function: Callable[[], Any]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def _describe(name: str, times: list[float]) -> str:
    return (
        f"{name:<46} median {statistics.median(times):6.3f} s   "
        f"spread {min(times):.3f}-{max(times):.3f} s   ({len(times)} runs)"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(prog="python -m scrutui.bench.export", description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=1000, help="records in the meeting (default 1000)")
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each measure (default 7)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="scrutui-bench-") as folder:
        work = Path(folder)
        store = open_store(work / "bench.sqlite")
        try:
            meeting_id = build_meeting(store, args.records)
            document = gather_minutes(store, meeting_id).document
            count = sum(1 for _ in document.paragraphs())
            request = MinutesExport(meeting_id=meeting_id, output=work / "minutes.docx", force=True)
            template = default_template()
            cold = _time(lambda: export_minutes(store, request))  # imports python-docx, docxtpl, Jinja
            bare_render(document, template, work / "warm-up.docx")
            exports: list[float] = []
            bares: list[float] = []
            quickest: list[float] = []
            commands: list[float] = []
            job = RenderJob(template, read_template(template), document, fill_minutes)
            methods = [m for m in ("fork", "forkserver", "spawn") if m in _start_methods()]
            children: dict[str, list[float]] = {"here": [], **{m: [] for m in methods}}
            for method in methods:
                render(job, method=method)  # the fork server starts (and imports) once
            for _ in range(args.runs):  # interleaved, so all see the same machine load
                exports.append(_time(lambda: export_minutes(store, request)))
                bares.append(_time(lambda: bare_render(document, template, work / "bare.docx")))
                quickest.append(_time(lambda: bare_render_by_id(document, template, work / "quick.docx")))
                commands.append(_time(lambda: command_line(store.path, meeting_id, work / "command.docx")))
                children["here"].append(_time(lambda: render_here(job)))
                for method in methods:
                    children[method].append(_time(lambda method=method: render(job, method=method)))  # type: ignore[misc]
        finally:
            store.close()
    export, bare, quick = (statistics.median(t) for t in (exports, bares, quickest))
    print(f"A meeting of {args.records:,} records: {count:,} paragraphs in the minutes.")
    print(f"{'first export in this process':<46} {cold:6.3f} s  (imports python-docx, docxtpl, Jinja)")
    print(_describe("export: read, check template, render, save", exports))
    print(_describe("bare python-docx: add_paragraph(style=)", bares))
    print(_describe("bare python-docx: style ids set directly", quickest))
    print(_describe("scrutui export minutes (a new process)", commands))
    print(f"export / bare render:            {export / bare:5.2f}x  (target: within 1.5x)")
    print(f"export / quickest bare render:   {export / quick:5.2f}x")
    here_times = children.pop("here")
    here = statistics.median(here_times)
    print(_describe("fill in the template here (no child)", here_times))
    names = {
        "fork": "forked (command line, Linux)",
        "forkserver": "fork server (the app, Linux)",
        "spawn": "spawned (Windows, macOS)",
    }
    for way, times in children.items():
        cost = statistics.median(times) - here
        print(_describe(f"in a child: {names[way]}", times) + f"   child costs {cost:+.3f} s")
    return 0


def _start_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods()


if __name__ == "__main__":
    raise SystemExit(main())


def bench_measures(_db: Path, _meeting_id: int, runs: int) -> list[Any]:
    """The export measures for ``python -m scrutui.bench``: a 1,000-record meeting exported, against
    the quickest bare python-docx render of the same paragraphs, interleaved in the same run."""
    from scrutui.bench.measure import Measure

    export_measure = Measure(
        "export a 1,000-record meeting to Word",
        baseline="bare python-docx render of the same paragraphs",
        target="about 1 s or less, <= 1.5x bare",
    )
    with tempfile.TemporaryDirectory(prefix="scrutui-bench-") as folder:
        work = Path(folder)
        store = open_store(work / "export.sqlite")
        try:
            meeting_id = build_meeting(store, 1000)
            document = gather_minutes(store, meeting_id).document
            request = MinutesExport(meeting_id=meeting_id, output=work / "minutes.docx", force=True)
            template = default_template()
            export_minutes(store, request)  # the first export imports python-docx, docxtpl and Jinja
            for _ in range(max(3, runs)):
                export_measure.samples.append(_time(lambda: export_minutes(store, request)) * 1000)
                export_measure.baseline_samples.append(
                    _time(lambda: bare_render_by_id(document, template, work / "bare.docx")) * 1000
                )
        finally:
            store.close()
    return [export_measure]
