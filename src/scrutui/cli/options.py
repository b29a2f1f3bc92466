"""What every scrutui command shares: the --db and --allow-network-share options, opening the
database, one-line errors, the upgrade's progress line; and the list commands' dates, output
formats, file names and PDF option. Every command module imports from here, and only from here,
of the command line's own code."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from scrutui.errors import ScrutuiError
from scrutui.logs import redacted
from scrutui.paths import DB_ENV, log_path, resolve_db_path
from scrutui.store import open_store

if TYPE_CHECKING:
    from scrutui.store import Store
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




def existing_read_only(ctx: click.Context) -> bool:
    """A listing opens read-only when asked to (scrutui --read-only meetings)."""
    return bool((ctx.obj or {}).get("read_only"))


# --- the list commands ---------------------------------------------------------------------------

FORMATS = ("docx", "csv", "json")


def date_option(value: str | None, option: str) -> dt.date | None:
    """A date given on the command line (23/11/2026 or 2026-11-23), or a one-line error."""
    from scrutui.models import parse_date

    if value is None:
        return None
    try:
        parsed = parse_date(value)
    except ValueError as error:
        raise ScrutuiError(f"{option}: {error}.") from error
    if not isinstance(parsed, dt.date):
        raise ScrutuiError(f"{option}: give a date, such as 23/11/2026.")
    return parsed


def as_at_option(function: F) -> F:
    """``--as-at DATE``: what counts as overdue is worked out as at this day (default today)."""
    return click.option(
        "--as-at",
        "as_at",
        metavar="DATE",
        help="Work out what is overdue as at this date (default: today), e.g. the next meeting's date.",
    )(function)


def output_options(function: F) -> F:
    """``--format``, ``-o``, ``--force``, ``--pdf``, ``--template`` and ``--confidential``."""
    options = [
        click.option(
            "--format",
            "format_",
            type=click.Choice(FORMATS, case_sensitive=False),
            help="Word, CSV (for spreadsheets) or JSON (default: from the file name, else docx).",
        ),
        click.option(
            "-o",
            "--output",
            "output",
            metavar="FILE",
            help="Where to write it (default: a name in this folder); - writes CSV or JSON to standard output.",
        ),
        click.option("--force", is_flag=True, help="Replace the file if it exists."),
        click.option(
            "--pdf", is_flag=True, help="Also write a PDF beside the Word file (needs LibreOffice)."
        ),
        click.option(
            "--template",
            metavar="FILE",
            help="A Word template in your house style (default: scrutui's templates/lists.docx).",
        ),
        click.option(
            "--confidential",
            is_flag=True,
            help="Include what was minuted under exempt (confidential) items; the document is marked CONFIDENTIAL.",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def choose_format(format_: str | None, output: str | None, pdf: bool) -> str:
    """The output format: as asked, else from the file's name, else Word. Refuses a mismatch, and
    Word for standard output (``-o -``)."""
    if output == "-":
        from scrutui.export.lists import STDOUT_FORMATS

        chosen = (format_ or "").lower()
        if chosen not in ("csv", "json") or pdf:
            raise ScrutuiError(STDOUT_FORMATS)
        return chosen
    named = bool(output) and not Path(output or "").expanduser().is_dir()  # -o FOLDER names no format
    suffix = Path(output or "").suffix.lower().lstrip(".") if named else ""
    chosen = (format_ or "").lower() or (suffix if suffix in FORMATS else "docx")
    if named and suffix in FORMATS and suffix != chosen:
        raise ScrutuiError(f"The file name {output} ends .{suffix} but the format asked for is {chosen}.")
    if pdf and chosen != "docx":
        raise ScrutuiError(f"--pdf converts the Word file: it cannot be used with --format {chosen}.")
    return chosen


def to_stdout(output: str | None) -> bool:
    """True when ``-o -`` asks for standard output."""
    return output == "-"


def output_path(output: str | None, default_stem: str, format_: str) -> Path:
    """The file to write: as given (with the format's suffix added if it has none), the default
    name inside it when it is a folder, or the default name here."""
    from scrutui.export.files import into_folder

    default = f"{default_stem}.{format_}"
    if output:
        path = into_folder(Path(output), default)
        return path if path.suffix else path.with_suffix(f".{format_}")
    return Path(default)


def template_path(text: str | None) -> Path | None:
    """The --template given, if any."""
    return Path(text).expanduser() if text else None


def say_damaged(damaged: list[Any]) -> None:
    """One line naming the rows left out because they are damaged in the database (if any)."""
    if damaged:
        click.echo("Not included, as damaged in the database: " + "; ".join(d.describe() for d in damaged) + ".")


def slug(text: str) -> str:
    """A committee's name as part of a file name: lower case, hyphens, no punctuation."""
    kept = "".join(c.lower() if c.isalnum() else "-" for c in text)
    return "-".join(part for part in kept.split("-") if part)[:60] or "committee"
