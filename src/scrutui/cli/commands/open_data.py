"""``scrutui export oparl`` (minutes as OParl 1.1 open data) and ``scrutui export chapters`` (a
webcast's chapters: when each item began)."""

from __future__ import annotations

from pathlib import Path

import click

from scrutui.cli.options import db_option, existing_read_only, friendly_errors, open_from, slug
from scrutui.errors import ScrutuiError
from scrutui.export.chapters import FORMATS


def _meeting_id(meeting: str) -> int:
    try:
        return int(meeting.strip())
    except ValueError:
        raise ScrutuiError(f"{meeting!r} is not a meeting id; `scrutui meetings` lists them.") from None


@click.command("oparl")
@click.argument("meeting", metavar="[MEETING]", required=False)
@db_option
@click.option("--committee", metavar="NAME", help="All of this committee's meetings instead of one.")
@click.option(
    "--base-url",
    "base_url",
    required=True,
    metavar="URL",
    help="The web address the JSON will be published under; every object's id is made from it.",
)
@click.option(
    "-o", "--output", metavar="FILE", help="The JSON file (default: <committee>-<date>-oparl.json here)."
)
@click.option(
    "--minutes", "minutes_path", metavar="FILE", help="The published minutes document, described as a File."
)
@click.option(
    "--minutes-url",
    metavar="URL",
    help="Where the minutes document is published (default: <base-url>/files/<name>).",
)
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@click.pass_context
@friendly_errors
def export_oparl(
    ctx: click.Context,
    meeting: str | None,
    db: str | None,
    committee: str | None,
    base_url: str,
    output: str | None,
    minutes_path: str | None,
    minutes_url: str | None,
    force: bool,
) -> None:
    """Write MEETING's public minutes as OParl 1.1 JSON: the Meeting with its agenda items (their
    text as the public minutes give it; exempt items as not public, title only), the committee
    (Organization), its members (Person, Membership) and, with --minutes, the minutes document (File).
    """
    from scrutui.export.lists import write_json
    from scrutui.export.oparl import base_address, minutes_file, oparl_export
    from scrutui.tracker.rules import find_committee

    if (meeting is None) == (committee is None):
        raise ScrutuiError("Give either a MEETING id or --committee NAME (one of them).")
    if committee is not None and (minutes_path or minutes_url):
        raise ScrutuiError("--minutes describes one meeting's minutes: use it with a MEETING id.")
    if minutes_url and not minutes_path:
        raise ScrutuiError("--minutes-url goes with --minutes FILE (the document published there).")
    base = base_address(base_url)
    document = minutes_file(Path(minutes_path), minutes_url, base) if minutes_path else None
    store = open_from(ctx, db, read_only=existing_read_only(ctx))
    try:
        if meeting is not None:
            meeting_id = _meeting_id(meeting)
            found = store.meetings.get(meeting_id)
            name = store.committees.get(found.committee_id).name
            ids = [meeting_id]
            stem = f"{slug(name)}-{found.date.isoformat()}-oparl"
        else:
            assert committee is not None
            chosen = find_committee(store, committee)
            name = chosen.name
            ids = [m.id or 0 for m in store.meetings.of_committee(chosen.id or 0)]
            if not ids:
                raise ScrutuiError(f"{name} has no meetings yet.")
            stem = f"{slug(name)}-oparl"
        data = oparl_export(store, ids, base, minutes=document)
    finally:
        store.close()
    path = Path(output).expanduser() if output else Path(f"{stem}.json")
    if not path.suffix:
        path = path.with_suffix(".json")
    write_json(path, data, force=force)
    items = sum(len(m["agendaItem"]) for m in data["meeting"])
    private = sum(1 for m in data["meeting"] for i in m["agendaItem"] if not i["public"])
    held = "meeting" if len(ids) == 1 else "meetings"
    said = f"Wrote {len(ids)} {held} of {name} ({items} agenda items"
    said += f", {private} exempt: title only" if private else ""
    click.echo(f"{said}) as OParl 1.1 JSON to {path}.")


@click.command("chapters")
@click.argument("meeting", metavar="MEETING")
@db_option
@click.option(
    "--format",
    "format_",
    type=click.Choice(FORMATS, case_sensitive=False),
    default="youtube",
    show_default=True,
    help="youtube (lines for a video's description), vtt (a WebVTT chapters track) or csv.",
)
@click.option(
    "--start", "start", metavar="TIME", help="When the recording began (18:25); default: the meeting's start."
)
@click.option("-o", "--output", metavar="FILE", help="Write to FILE (default: print them, to copy).")
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@click.pass_context
@friendly_errors
def export_chapters(
    ctx: click.Context,
    meeting: str,
    db: str | None,
    format_: str,
    start: str | None,
    output: str | None,
    force: bool,
) -> None:
    """Write the chapters of MEETING's webcast: each item's start (and end) from the start of the
    recording, with its minute number and title (exempt items by their public title)."""
    from scrutui.export.chapters import (
        CSV_COLUMNS,
        chapters_of,
        csv_rows,
        meeting_name,
        recording_start,
        render,
    )
    from scrutui.export.files import write_atomically

    meeting_id = _meeting_id(meeting)
    store = open_from(ctx, db, read_only=existing_read_only(ctx))
    try:
        source = store.signoff.source(meeting_id)
    finally:
        store.close()
    chapters = chapters_of(source, recording_start(start, source))
    format_ = format_.lower()
    warnings: list[str] = []
    if format_ == "csv":
        from scrutui.export.lists import write_csv

        if output is None:
            raise ScrutuiError("Give -o FILE.csv for the CSV (or --format youtube to print the chapters).")
        write_csv(Path(output).expanduser(), CSV_COLUMNS, csv_rows(chapters), force=force)
        written: Path | None = Path(output).expanduser()
    else:
        text, said = render(chapters, format_, meeting_name(source))
        warnings = list(said)
        written = None
        if output is None:
            click.echo(text, nl=False)
        else:
            written = Path(output).expanduser()

            def write(temporary: Path) -> None:
                temporary.write_text(text, encoding="utf-8")

            write_atomically(written, write, force=force)
    for line in [*chapters.notes, *warnings]:
        click.echo(line, err=True)
    if written is not None:
        count = len(chapters.chapters)
        click.echo(
            f"Wrote {count} chapter{'s' if count != 1 else ''} to {written} "
            f"(from the recording's start at {chapters.recording_start:%H:%M:%S})."
        )
