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
from scrutui.logs import redacted, setup_logging
from scrutui.paths import DB_ENV, log_path, resolve_db_path
from scrutui.store import Store, check_database, is_ready, open_store
from scrutui.store.migrations import UpgradeProgress

F = TypeVar("F", bound=Callable[..., Any])
log = logging.getLogger("scrutui")


def one_line(message: str) -> str:
    """`message` on one line: a line break or other control character in it (in a path, say) is
    written as its escape, \\n, so the message never splits."""
    return "".join(
        char if char.isprintable() or char == " " else char.encode("unicode_escape").decode("ascii") for char in message
    )


def fail(message: str) -> None:
    """Print one line to stderr and exit non-zero."""
    click.echo(f"scrutui: {one_line(message)}", err=True)
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
            fail(f"something went wrong ({type(error).__name__}: {redacted(error)}). Details are in {log_path()}.")

    return wrapper  # type: ignore[return-value]


def db_option(function: F) -> F:
    """The ``--db PATH`` option every command takes."""
    return click.option(
        "--db",
        "db",
        metavar="PATH",
        help=f"The database file (default: ${DB_ENV}, or scrutui.sqlite in your data folder).",
    )(function)


def network_share_option(function: F) -> F:
    """``--allow-network-share``: open a database on a network share, to read it alone."""
    return click.option(
        "--allow-network-share",
        is_flag=True,
        help="Open a database on a network share, read-only, when no one else is using it.",
    )(function)


def open_from(ctx: click.Context, db: str | None, *, read_only: bool = False, create: bool = False) -> Store:
    """Open the database named on the command line, in the environment, or the default.

    Only opening the app and ``scrutui demo`` make a database (`create`); every other command
    refuses one that does not exist, so a mistyped --db never reads as an empty list.
    """
    chosen = db or (ctx.obj or {}).get("db")
    path, is_default = resolve_db_path(chosen)
    allowed = bool((ctx.obj or {}).get("allow_network_share"))
    return open_store(
        path,
        read_only=read_only,
        create_folder=is_default and create,
        create=create,
        allow_network_share=allowed,
        progress=ProgressLine(),
    )
class ProgressLine:
    """A line on stderr saying how an upgrade is going: rewritten in place on a terminal; on
    anything else (a log), a line for each step and one at the end."""

    def __init__(self) -> None:
        self.step = ""

    def __call__(self, state: UpgradeProgress) -> None:
        if sys.stderr.isatty():
            click.echo(f"\r\x1b[K{state.line()}", err=True, nl=state.done)
        elif state.done or state.step != self.step:
            click.echo(state.line() if state.done else f"{state.heading}: {state.step} …", err=True)
        self.step = state.step


EXIT_CODES = """Exit status: 0 done; 1 refused (a clear one-line message says why: no such database,
meeting or committee, a file already there ...); 2 a mistake in the command itself (an unknown
option, a missing argument)."""


@click.group(
    cls=LazyGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=EXIT_CODES,
)
@db_option
@click.option("--read-only", is_flag=True, help="Browse without changing anything (for members).")
@click.option(
    "--confidential",
    is_flag=True,
    help="With --read-only: show exempt (confidential) items' content too (hidden by default).",
)
@click.option(
    "--mine",
    metavar="NAME",
    help="Open on the tracker: the outstanding information requests this member asked for.",
)
@network_share_option
@click.version_option(__version__, "--version", "-V", prog_name="scrutui")
@click.pass_context
@friendly_errors
def main(
    ctx: click.Context,
    db: str | None,
    read_only: bool,
    confidential: bool,
    mine: str | None,
    allow_network_share: bool,
) -> None:
    """Minute overview-and-scrutiny meetings live; export draft minutes in Word.

    With no command, opens the app on the database (making it, empty, if it does not exist).
    """
    setup_logging()
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    ctx.obj["read_only"] = read_only
    ctx.obj["allow_network_share"] = allow_network_share
    if ctx.invoked_subcommand is not None:
        if mine is not None:
            raise click.UsageError("--mine opens the app; for a list, use: scrutui requests --mine NAME")
        gc.enable()  # off while the command's modules were imported (scrutui.launch)
        return
    if mine is not None and not mine.strip():
        raise click.BadParameter("give the member's name (or part of it)", param_hint="--mine")
    path, is_default = resolve_db_path(db or (ctx.obj or {}).get("db"))
    created = False
    if not is_ready(check_database(path, read_only=read_only, create_folder=is_default)):
        store = open_from(ctx, db, read_only=read_only, create=True)  # made, or upgraded, now
        created = store.created
        store.close()
    from scrutui.tui.app import make_app, run_app

    app = make_app(
        path,
        read_only=read_only,
        confidential=confidential,
        allow_network_share=allow_network_share,
        created=created,
        mine=(mine or "").strip(),
    )
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


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table (missing values are null).")
@click.pass_context
@friendly_errors
def meetings(ctx: click.Context, db: str | None, as_json: bool) -> None:
    """List meetings (newest first) with their ids."""
    store = open_from(ctx, db, read_only=_existing_read_only(ctx, db))
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
    from scrutui.commands.paging import page

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


@main.group(cls=LazyGroup)
def export() -> None:
    """Write documents: draft minutes, the tracker, the chair's list of resolutions, the decision
    notice, open data."""


from scrutui.commands.backup import backup  # noqa: E402 - registered after main is defined
from scrutui.commands.publish import publish_command  # noqa: E402
from scrutui.commands.replicate import replicate  # noqa: E402
from scrutui.commands.serve import serve  # noqa: E402

main.add_command(backup)
main.add_command(serve)
main.add_command(replicate)
main.add_command(publish_command)


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
    from scrutui.commands import register_commands

    register_commands(main, export)
