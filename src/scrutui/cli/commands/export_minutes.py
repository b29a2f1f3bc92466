"""``scrutui export minutes``: a meeting's draft minutes as a Word document in the house style."""

from __future__ import annotations

from pathlib import Path

import click

from scrutui.cli.options import db_option, friendly_errors, open_from
from scrutui.errors import ScrutuiError


@click.command("minutes")
@click.argument("meeting", metavar="MEETING")
@db_option
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    help="The Word file to write, or a folder for it (default: <committee>-minutes-<date>.docx here).",
)
@click.option(
    "--template",
    metavar="FILE",
    help="A Word template in your house style (.docx or .dotx); default: the committee's, else scrutui's.",
)
@click.option(
    "--confidential",
    is_flag=True,
    help="Include exempt (private) items in full; every page is marked CONFIDENTIAL.",
)
@click.option("--force", is_flag=True, help="Replace the file if it already exists.")
@click.option("--pdf", is_flag=True, help="Also write a PDF beside it (needs LibreOffice).")
@click.pass_context
@friendly_errors
def minutes(
    ctx: click.Context,
    meeting: str,
    db: str | None,
    output: str | None,
    template: str | None,
    confidential: bool,
    force: bool,
    pdf: bool,
) -> None:
    """Write the draft minutes of MEETING (an id that `scrutui meetings` lists) as a Word document.

    Exempt items show only their title and "This item was considered in private" unless
    --confidential is given. Nothing is overwritten without --force.
    """
    from scrutui.export.minutes_export import MinutesExport, export_minutes

    try:
        meeting_id = int(meeting.strip())
    except ValueError:
        raise ScrutuiError(f"{meeting!r} is not a meeting id; `scrutui meetings` lists them.") from None
    if output == "-":
        raise ScrutuiError("-o - writes CSV or JSON to standard output; minutes are a Word file: give a file name.")
    store = open_from(ctx, db, read_only=bool((ctx.obj or {}).get("read_only")))
    try:
        result = export_minutes(
            store,
            MinutesExport(
                meeting_id=meeting_id,
                output=Path(output) if output else None,
                template=Path(template) if template else None,
                confidential=confidential,
                force=force,
                pdf=pdf,
            ),
        )
    finally:
        store.close()
    click.echo(result.summary())


@click.command("template")
@click.argument("file", metavar="[FILE]", default="minutes-template.docx")
@click.option("--force", is_flag=True, help="Replace the file if it already exists.")
@friendly_errors
def template(file: str, force: bool) -> None:
    """Write a copy of scrutui's Word template to FILE (default: minutes-template.docx here; a
    folder: that name inside it).

    Restyle it in Word, then use it with `scrutui export minutes --template FILE` or set it as
    the committee's Word template.
    """
    import shutil

    from scrutui.export.files import into_folder, write_atomically
    from scrutui.export.template import default_template

    source = default_template()

    def copy(target: Path) -> None:
        shutil.copyfile(source, target)

    written = write_atomically(into_folder(Path(file), "minutes-template.docx"), copy, force=force)
    click.echo(f"scrutui's minutes template copied to {written}; restyle it in Word.")
