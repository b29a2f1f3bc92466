"""``scrutui backup``: a checked copy of the database, taken while the app may be running."""

from __future__ import annotations

from pathlib import Path

import click

from scrutui.cli.options import friendly_errors
from scrutui.paths import resolve_db_path
from scrutui.store import missing_database
from scrutui.store.backup import backup_database, default_backup_path


@click.command()
@click.option("--db", "db", metavar="PATH", help="The database to back up (default: as for scrutui).")
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    type=click.Path(path_type=Path),
    help="Where to write the copy, or a folder for it (default: a dated file in a backups folder beside the database).",
)
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
@click.pass_context
def backup(ctx: click.Context, db: str | None, output: Path | None, force: bool) -> None:
    """Copy the database safely (even while scrutui is writing to it) and check the copy."""

    @friendly_errors
    def run() -> None:
        path, _ = resolve_db_path(db or (ctx.obj or {}).get("db"))
        if not path.exists():
            raise missing_database(path)
        target = output.expanduser() if output else None
        if target is None:
            target = default_backup_path(path)
            target.parent.mkdir(exist_ok=True)
        elif target.is_dir():
            target = target / default_backup_path(path).name
        made = backup_database(path, target, force=force)
        click.echo(f"Backed up {path} to {made} (checked: ok).")

    run()
