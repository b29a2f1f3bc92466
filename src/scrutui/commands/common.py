"""What the list commands share: dates on the command line, output formats and file names, PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from scrutui.errors import ScrutuiError
from scrutui.models import parse_date

F = TypeVar("F", bound=Callable[..., Any])
FORMATS = ("docx", "csv", "json")


def date_option(value: str | None, option: str) -> dt.date | None:
    """A date given on the command line (23/11/2026 or 2026-11-23), or a one-line error."""
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
