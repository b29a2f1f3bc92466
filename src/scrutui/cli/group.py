"""The ``scrutui`` command: with no subcommand it opens the app; every subcommand lives in a module
of its own under ``scrutui.cli.commands`` and is imported only when it is run (or listed by --help),
so opening the app imports none of them."""

from __future__ import annotations

import gc
import importlib
import sys

import click

from scrutui import __version__
from scrutui.cli.options import (
    EXIT_CODES,
    db_option,
    friendly_errors,
    network_share_option,
    open_from,
)
from scrutui.logs import setup_logging
from scrutui.paths import resolve_db_path
from scrutui.store import check_database, is_ready


class LazyGroup(click.Group):
    """A group whose commands are named by where they live ("module:attribute") and are imported
    only when one is run or listed: opening the app imports none of them (nor what they use)."""

    def __init__(self, *args: object, lazy: dict[str, str] | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy: dict[str, str] = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            module, _, attribute = self.lazy[cmd_name].partition(":")
            self.add_command(getattr(importlib.import_module(module), attribute), cmd_name)
        return super().get_command(ctx, cmd_name)


_COMMANDS = "scrutui.cli.commands"

@click.group(
    cls=LazyGroup,
    lazy={
        "demo": f"{_COMMANDS}.demo:demo",
        "meetings": f"{_COMMANDS}.meetings:meetings",
        "backup": f"{_COMMANDS}.backup:backup",
        "requests": f"{_COMMANDS}.requests:requests_command",
        "import": f"{_COMMANDS}.imports:import_group",
        "search": f"{_COMMANDS}.search:search_command",
        "themes": f"{_COMMANDS}.search:themes_command",
        "serve": f"{_COMMANDS}.serve:serve",
        "replicate": f"{_COMMANDS}.replicate:replicate",
        "publish": f"{_COMMANDS}.publish:publish_command",
    },
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


@main.group(
    cls=LazyGroup,
    lazy={
        "minutes": f"{_COMMANDS}.export_minutes:minutes",
        "template": f"{_COMMANDS}.export_minutes:template",
        "requests": f"{_COMMANDS}.requests:export_requests",
        "resolutions": f"{_COMMANDS}.resolutions:export_resolutions",
        "decisions": f"{_COMMANDS}.decisions:export_decisions",
        "oparl": f"{_COMMANDS}.open_data:export_oparl",
        "chapters": f"{_COMMANDS}.open_data:export_chapters",
    },
)
def export() -> None:
    """Write documents: draft minutes, the tracker, the chair's list of resolutions, the decision
    notice, open data."""
