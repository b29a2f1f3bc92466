"""The ``scrutui`` command: the app, and the jobs a clerk or member runs from a shell."""

from __future__ import annotations

import functools
import gc
import json
import logging
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from scrutui import __version__
from scrutui.commands import LazyGroup
from scrutui.commands import export_minutes as export_minutes_command
from scrutui.errors import ScrutuiError
from scrutui.logs import setup_logging
from scrutui.paths import DB_ENV, log_path, resolve_db_path
from scrutui.store import Store, check_database, is_ready, open_store

F = TypeVar("F", bound=Callable[..., Any])
log = logging.getLogger("scrutui")


def fail(message: str) -> None:
    """Print one line to stderr and exit non-zero."""
    click.echo(f"scrutui: {message}", err=True)
    sys.exit(1)


def friendly_errors(function: F) -> F:
    """Turn every error into one plain line (and the detail into the log)."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except ScrutuiError as error:
            log.info("refused: %s", error)
            fail(str(error))
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            fail("interrupted.")
        except Exception as error:
            log.exception("unexpected error")
            fail(f"something went wrong ({type(error).__name__}: {error}). Details are in {log_path()}.")

    return wrapper  # type: ignore[return-value]


def db_option(function: F) -> F:
    """The ``--db PATH`` option every command takes."""
    return click.option(
        "--db",
        "db",
        metavar="PATH",
        help=f"The database file (default: ${DB_ENV}, or scrutui.sqlite in your data folder).",
    )(function)


def open_from(ctx: click.Context, db: str | None, *, read_only: bool = False) -> Store:
    """Open the database named on the command line, in the environment, or the default."""
    chosen = db or (ctx.obj or {}).get("db")
    path, is_default = resolve_db_path(chosen)
    return open_store(path, read_only=read_only, create_folder=is_default)


@click.group(
    cls=LazyGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]}
)
@db_option
@click.option("--read-only", is_flag=True, help="Browse without changing anything (for members).")
@click.version_option(__version__, "--version", "-V", prog_name="scrutui")
@click.pass_context
@friendly_errors
def main(ctx: click.Context, db: str | None, read_only: bool) -> None:
    """Minute overview-and-scrutiny meetings live; export draft minutes in Word.

    With no command, opens the app on the database.
    """
    setup_logging()
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    ctx.obj["read_only"] = read_only
    if ctx.invoked_subcommand is not None:
        gc.enable()  # off while the command's modules were imported (scrutui.launch)
        return
    path, is_default = resolve_db_path(db or (ctx.obj or {}).get("db"))
    if not is_ready(check_database(path, read_only=read_only, create_folder=is_default)):
        open_store(path, read_only=read_only).close()  # made, or upgraded, now
    from scrutui.tui.app import make_app, run_app

    app = make_app(path, read_only=read_only)
    run_app(app)
    if app.return_code:
        sys.exit(app.return_code)


@main.command()
@db_option
@click.pass_context
@friendly_errors
def demo(ctx: click.Context, db: str | None) -> None:
    """Write a demo committee and meetings into the database (once)."""
    from scrutui.demo import load_demo

    store = open_from(ctx, db)
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


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table.")
@click.pass_context
@friendly_errors
def meetings(ctx: click.Context, db: str | None, as_json: bool) -> None:
    """List meetings (newest first) with their ids."""
    store = open_from(ctx, db, read_only=_existing_read_only(ctx, db))
    try:
        summaries = store.meetings.summaries()
    finally:
        store.close()
    rows = [
        {
            "id": s.meeting.id,
            "committee": s.committee,
            "date": s.meeting.date.isoformat(),
            "time": s.meeting.time.strftime("%H:%M"),
            "venue": s.meeting.venue,
            "status": s.meeting.status.value,
            "records": s.records,
        }
        for s in summaries
    ]
    from scrutui.commands.paging import page

    if as_json:
        page(json.dumps(rows, ensure_ascii=False, indent=2).splitlines())
        return
    if not rows:
        click.echo("No meetings yet. Start the app (scrutui) to create one, or run: scrutui demo")
        return
    headers = ("id", "date", "time", "committee", "status", "records")
    table = [[str(r[h]) for h in headers] for r in rows]
    widths = [max(len(h), *(len(row[i]) for row in table)) for i, h in enumerate(headers)]
    page(
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in [list(headers), *table]
    )


@main.group(cls=LazyGroup)
def export() -> None:
    """Write documents: draft minutes, the tracker, the chair's list of resolutions."""


from scrutui.commands.backup import backup  # noqa: E402 - registered after main is defined

main.add_command(backup)


def _existing_read_only(ctx: click.Context, db: str | None) -> bool:
    """Listing opens read-only when asked to (scrutui --read-only meetings)."""
    return bool((ctx.obj or {}).get("read_only"))


export.add_command(export_minutes_command.make_command())
export.add_command(export_minutes_command.make_template_command())

if __name__ == "__main__":  # pragma: no cover
    # Run as `python -m scrutui.cli`: use the module under its own name, where the commands kept in
    # their own modules (which import this one) are registered.
    from scrutui.cli import main as scrutui_main

    scrutui_main()
else:
    from scrutui.commands import register_tracker_commands

    register_tracker_commands(main, export)
