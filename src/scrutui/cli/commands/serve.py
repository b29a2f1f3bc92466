"""``scrutui serve``: the app in members' browsers, through textual-serve.

Each browser tab runs its own scrutui process on this computer against the one database here (WAL,
BEGIN IMMEDIATE, as when several people use it in terminals), so nothing crosses a network file
system. textual-serve has no sign-in: it listens on this computer only unless told otherwise, and a
council puts its reverse proxy (sign-in, HTTPS) in front.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import click

from scrutui.cli.options import friendly_errors
from scrutui.errors import ScrutuiError
from scrutui.paths import resolve_db_path
from scrutui.store import open_store


def session_command(db: Path, *, writer: bool, confidential: bool) -> list[str]:
    """The command each browser tab runs: scrutui on `db`, read-only unless `writer`, exempt
    content shown only to writers or when `confidential`."""
    command = [sys.executable, "-m", "scrutui.cli", "--db", str(db)]
    if not writer:
        command.append("--read-only")
        if confidential:
            command.append("--confidential")
    return command


def shell_line(command: list[str]) -> str:
    """The command as one line for the shell textual-serve starts it with (cmd.exe on Windows)."""
    return subprocess.list2cmdline(command) if sys.platform == "win32" else shlex.join(command)


@click.command()
@click.option("--db", "db", metavar="PATH", help="The database to serve (default: as for scrutui).")
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="The port.")
@click.option(
    "--public-url",
    metavar="URL",
    help="The address browsers use, when a reverse proxy is in front (https://scrutiny.example.gov.uk).",
)
@click.option("--writer", is_flag=True, help="Sessions may change the database (for clerks); else read-only.")
@click.option(
    "--confidential",
    is_flag=True,
    help="Read-only sessions also show exempt (confidential) items' content.",
)
@click.pass_context
def serve(
    ctx: click.Context,
    db: str | None,
    host: str,
    port: int,
    public_url: str | None,
    writer: bool,
    confidential: bool,
) -> None:
    """Serve scrutui to web browsers: one app per browser tab, on this computer's database."""

    @friendly_errors
    def run() -> None:
        try:
            from textual_serve.server import Server
        except ImportError as error:
            raise ScrutuiError(
                'scrutui serve needs the team extra: pip install "scrutui[team]".'
            ) from error
        path, is_default = resolve_db_path(db or (ctx.obj or {}).get("db"))
        # Checked (and, for writers, created or upgraded) once here, so a tab never opens on an error.
        open_store(path, read_only=not writer, create_folder=is_default and writer).close()
        command = session_command(path.resolve(), writer=writer, confidential=confidential)
        sessions = "clerks may edit" if writer else "read-only"
        if not writer:
            sessions += ", exempt items in full" if confidential else ", exempt items as the public sees them"
        click.echo(f"Serving {path} ({sessions}). Press ctrl+c to stop.")
        Server(shell_line(command), host=host, port=port, title="scrutui", public_url=public_url).serve()

    run()
