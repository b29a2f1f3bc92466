"""``scrutui demo``: the demo committee and its meetings, written once."""

from __future__ import annotations

import click

from scrutui.cli.options import db_option, friendly_errors, open_from


@click.command()
@db_option
@click.pass_context
@friendly_errors
def demo(ctx: click.Context, db: str | None) -> None:
    """Write a demo committee and meetings into the database (once)."""
    from scrutui.demo import load_demo

    store = open_from(ctx, db, create=True)
    try:
        result = load_demo(store)
    finally:
        store.close()
    if result.already_loaded:
        click.echo(f"The demo is already in {store.path} (nothing added).")
    else:
        ids = ", ".join(str(i) for i in result.meeting_ids)
        click.echo(f"Demo committee {result.committee.name!r} with meetings {ids} written to {store.path}.")
    click.echo("Start the app with: scrutui" + (f" --db {store.path}" if db or ctx.obj.get("db") else ""))


