"""``scrutui export decisions``: a meeting's decision notice (attendance, declarations, each decision
with its vote), which Welsh councils publish within seven working days of the meeting."""

from __future__ import annotations

import click

from scrutui.cli.options import (
    FORMATS,
    choose_format,
    db_option,
    existing_read_only,
    friendly_errors,
    open_from,
    output_path,
    template_path,
)


@click.command("decisions")
@click.argument("meeting_id", metavar="MEETING", type=int)
@db_option
@click.option(
    "--format",
    "format_",
    type=click.Choice(FORMATS, case_sensitive=False),
    help="Word, CSV (for spreadsheets) or JSON (default: from the file name, else docx).",
)
@click.option(
    "-o", "--output", "output", metavar="FILE", help="Where to write it (default: a name in this folder)."
)
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@click.option("--pdf", is_flag=True, help="Also write a PDF beside the Word file (needs LibreOffice).")
@click.option(
    "--template",
    metavar="FILE",
    help="A Word template in your house style (default: scrutui's templates/lists.docx).",
)
@click.pass_context
@friendly_errors
def export_decisions(
    ctx: click.Context,
    meeting_id: int,
    db: str | None,
    format_: str | None,
    output: str | None,
    force: bool,
    pdf: bool,
    template: str | None,
) -> None:
    """Write the decision notice of MEETING (its id: scrutui meetings): who attended, the
    declarations, and each decision with how members voted; exempt items by their public title
    only. For a Welsh committee it says the day it must be published by (seven working days after
    the meeting, Welsh bank holidays skipped), and the meetings list stops showing that deadline."""
    from scrutui.export.notice_export import default_notice_name, export_decision_notice

    chosen = choose_format(format_, output, pdf)
    store = open_from(ctx, db, read_only=existing_read_only(ctx))
    try:
        meeting = store.meetings.get(meeting_id)
        committee = store.committees.get(meeting.committee_id)
        default = default_notice_name(committee.name, meeting.date, chosen).removesuffix(f".{chosen}")
        path = output_path(output, default, chosen)
        result = export_decision_notice(
            store, meeting_id, path, format_=chosen, force=force, pdf=pdf, template=template_path(template)
        )
    finally:
        store.close()
    click.echo(result.summary())
