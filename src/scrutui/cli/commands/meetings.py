"""``scrutui meetings``: every meeting, newest first, with its id (a table, or JSON)."""

from __future__ import annotations

import json

import click

from scrutui.cli.options import db_option, existing_read_only, friendly_errors, open_from
from scrutui.cli.paging import page


@click.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table (missing values are null).")
@click.pass_context
@friendly_errors
def meetings(ctx: click.Context, db: str | None, as_json: bool) -> None:
    """List meetings (newest first) with their ids."""
    store = open_from(ctx, db, read_only=existing_read_only(ctx))
    try:
        with store.handle.collecting_damage() as damaged:
            summaries = store.meetings.summaries()
    finally:
        store.close()
    rows = [
        {
            "id": s.meeting.id,
            "committee": s.committee,
            "date": s.meeting.date.isoformat(),
            "time": s.meeting.time.strftime("%H:%M"),
            "venue": s.meeting.venue or None,
            "status": s.meeting.status.value,
            "records": s.records,
        }
        for s in summaries
    ]
    if as_json:
        rows += [{"id": d.row_id, "damaged": d.problem} for d in damaged]
        page(json.dumps(rows, ensure_ascii=False, indent=2).splitlines())
        return
    if not rows and not damaged:
        click.echo("No meetings yet. Start the app (scrutui) to create one, or run: scrutui demo")
        return
    headers = ("id", "date", "time", "committee", "status", "records")
    table = [[str(r[h]) for h in headers] for r in rows]
    widths = [max(len(h), *(len(row[i]) for row in table)) for i, h in enumerate(headers)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in [list(headers), *table]]
    lines += [f"⚠ {found.describe()}: damaged in the database, so it cannot be opened or exported" for found in damaged]
    page(lines)


