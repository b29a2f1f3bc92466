"""``scrutui export resolutions``: the chair's list of resolutions and recommendations, meeting by
meeting under their minute numbers, with the executive's response to each recommendation."""

from __future__ import annotations

import click

from scrutui.cli.options import (
    as_at_option,
    choose_format,
    date_option,
    db_option,
    existing_read_only,
    friendly_errors,
    open_from,
    output_options,
    output_path,
    say_damaged,
    slug,
    template_path,
    to_stdout,
)
from scrutui.errors import ScrutuiError
from scrutui.minutes import long_date
from scrutui.tracker.documents import (
    RESOLUTION_COLUMNS,
    resolution_rows,
    resolutions_document,
    resolutions_json,
)
from scrutui.tracker.rules import Tracker, find_committee


def scope_words(start: object, end: object) -> str:
    """Which meetings, in words: "meetings from 1 September 2026 to 30 November 2026"."""
    import datetime as dt

    first = long_date(start) if isinstance(start, dt.date) else ""
    last = long_date(end) if isinstance(end, dt.date) else ""
    if first and last:
        return f"meetings from {first} to {last}"
    if first:
        return f"meetings from {first}"
    if last:
        return f"meetings up to {last}"
    return "all meetings"


@click.command("resolutions")
@db_option
@click.option(
    "--meeting", "meeting_id", type=int, metavar="ID", help="One meeting (its id: scrutui meetings)."
)
@click.option(
    "--committee", metavar="NAME", help="A committee's meetings (its name, or a unique part of it)."
)
@click.option("--from", "start", metavar="DATE", help="With --committee: meetings on or after this date.")
@click.option("--to", "end", metavar="DATE", help="With --committee: meetings on or before this date.")
@as_at_option
@output_options
@click.pass_context
@friendly_errors
def export_resolutions(
    ctx: click.Context,
    db: str | None,
    meeting_id: int | None,
    committee: str | None,
    start: str | None,
    end: str | None,
    as_at: str | None,
    format_: str | None,
    output: str | None,
    force: bool,
    pdf: bool,
    template: str | None,
    confidential: bool,
) -> None:
    """Write the chair's list: each meeting's resolutions and recommendations under their minute
    numbers, with the executive's response and status. Give --meeting ID, or --committee NAME
    (with --from and --to to choose the meetings)."""
    from scrutui.export.lists import csv_text, json_text, write_csv, write_docx, write_json

    if (meeting_id is None) == (committee is None):
        raise ScrutuiError("Give either --meeting ID or --committee NAME (one of them).")
    if meeting_id is not None and (start or end):
        raise ScrutuiError("--from and --to choose a committee's meetings: use them with --committee.")
    first, last = date_option(start, "--from"), date_option(end, "--to")
    if first and last and first > last:
        raise ScrutuiError(f"--from {first:%d/%m/%Y} is after --to {last:%d/%m/%Y}.")
    chosen = choose_format(format_, output, pdf)
    day = date_option(as_at, "--as-at")
    store = open_from(ctx, db, read_only=existing_read_only(ctx))
    try:
        tracker = Tracker(store, (lambda: day) if day else None)
        if meeting_id is not None:
            meeting = store.meetings.get(meeting_id)
            name = store.committees.get(meeting.committee_id).name
            ids = [meeting_id]
            scope = f"the meeting held on {long_date(meeting.date)}"
            stem = f"resolutions-meeting-{meeting_id}"
        else:
            assert committee is not None
            found = find_committee(store, committee)
            assert found.id is not None
            name = found.name
            ids = tracker.meetings_between(found.id, first, last)
            scope = scope_words(first, last)
            stem = f"resolutions-{slug(name)}"
            stem += f"-{first.isoformat()}" if first else ""
            stem += f"-to-{last.isoformat()}" if last else ""
        with store.handle.collecting_damage() as damaged:
            meetings = tracker.decisions(ids, confidential=confidential)
        as_at_day = tracker.today()
    finally:
        store.close()
    if to_stdout(output):
        if chosen == "csv":
            click.echo(csv_text(RESOLUTION_COLUMNS, resolution_rows(meetings, as_at_day)), nl=False)
        else:
            data = resolutions_json(meetings, as_at=as_at_day, scope=scope, confidential=confidential)
            click.echo(json_text(data), nl=False)
        return
    path = output_path(output, stem, chosen)
    written = [path]
    if chosen == "csv":
        write_csv(path, RESOLUTION_COLUMNS, resolution_rows(meetings, as_at_day), force=force)
    elif chosen == "json":
        write_json(
            path,
            resolutions_json(meetings, as_at=as_at_day, scope=scope, confidential=confidential),
            force=force,
        )
    else:
        document = resolutions_document(
            meetings, as_at=as_at_day, heading=name, scope=scope, confidential=confidential
        )
        written = write_docx(path, document, force=force, template=template_path(template), pdf=pdf)
    decisions = sum(len(i.resolutions) + len(i.recommendations) for m in meetings for i in m.items)
    plural = "" if decisions == 1 else "s"
    held = "meeting" if len(meetings) == 1 else "meetings"
    click.echo(f"Wrote the chair's list ({decisions} decision{plural}, {len(meetings)} {held}) to {path}.")
    for also in written[1:]:
        click.echo(f"Wrote {also}.")
    say_damaged(damaged)
