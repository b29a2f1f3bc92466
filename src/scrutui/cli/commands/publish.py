"""``scrutui publish``: the public open-data copy of issued and approved minutes, for Datasette."""

from __future__ import annotations

from pathlib import Path

import click

from scrutui.cli.options import friendly_errors, open_from
from scrutui.export.open_data import OGL, OGL_URL, publish


@click.command(name="publish")
@click.argument("output", metavar="OUT.sqlite", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--db", "db", metavar="PATH", help="The database to publish from (default: as for scrutui).")
@click.option("--force", is_flag=True, help="Replace OUT.sqlite and metadata.json if they exist.")
@click.option("--title", default="Scrutiny committees: open data", show_default=True, help="The data's title.")
@click.option("--licence", default=OGL, show_default=True, help="The licence it is published under.")
@click.option("--licence-url", default=OGL_URL, metavar="URL", help="Where the licence is (default: the OGL's).")
@click.pass_context
def publish_command(
    ctx: click.Context, output: Path, db: str | None, force: bool, title: str, licence: str, licence_url: str
) -> None:
    """Write a public copy of issued and approved minutes (no exempt content, no drafts), for Datasette."""

    @friendly_errors
    def run() -> None:
        store = open_from(ctx, db, read_only=True)
        try:
            made = publish(store, output, force=force, title=title, licence=licence, licence_url=licence_url)
        finally:
            store.close()
        rows = made.rows
        click.echo(
            f"Published the minutes of {made.meetings} meeting{'' if made.meetings == 1 else 's'} ({rows['minutes']:,} paragraphs, "
            f"{rows['decisions']:,} decisions, {rows['information_requests']:,} information requests) "
            f"to {made.database}, described in {made.metadata}."
        )
        click.echo(f"Browse it with: datasette serve {made.database} --metadata {made.metadata}")

    run()
