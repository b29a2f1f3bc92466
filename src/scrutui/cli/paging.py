"""Long output on a terminal goes through a pager, as ``git log`` does: more than a screenful opens
``less`` (or whatever ``PAGER`` names; ``PAGER=cat`` turns it off). Piped or redirected, output is
printed as it is, and a list is printed as it is read, never held whole."""

from __future__ import annotations

import itertools
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator

import click

#: How the pager is run: given the lines (each ending in a newline), it shows them.
Pager = Callable[[Iterable[str]], None]


def _pipe_to_pager(lines: Iterable[str]) -> None:
    # As git does: less quits at once if the text fits (F), keeps colours (R) and leaves the
    # text on the screen when it quits (X), unless the user has set LESS.
    os.environ.setdefault("LESS", "FRX")
    click.echo_via_pager(lines)


def on_terminal() -> bool:
    """True when scrutui is talking to a person at a terminal (not piped, not redirected)."""
    return sys.stdout.isatty() and sys.stdin.isatty()


def page(
    lines: Iterable[str],
    *,
    terminal: bool | None = None,
    height: int | None = None,
    pager: Pager = _pipe_to_pager,
) -> None:
    """Print `lines`: through the pager when they are more than a screenful at a terminal, else
    straight out. Lines may carry colour (``click.style``)."""
    stream = iter(lines)
    if not (on_terminal() if terminal is None else terminal):
        # In chunks: one write for many lines (a list of 100,000 lines prints in a moment).
        while chunk := list(itertools.islice(stream, 500)):
            click.echo("\n".join(chunk))
        return
    rows = height if height is not None else shutil.get_terminal_size().lines
    screenful = list(itertools.islice(stream, max(1, rows - 1)))  # a line is left for the prompt
    extra = next(stream, None)
    if extra is None:
        for line in screenful:
            click.echo(line)
        return
    pager(f"{line}\n" for line in itertools.chain(screenful, [extra], stream))


def lines_of(chunks: Iterable[str]) -> Iterator[str]:
    """Text that comes in pieces (a list written as it is read) as its lines, without their new lines."""
    held = ""
    for chunk in chunks:
        held += chunk
        *whole, held = held.split("\n")
        yield from whole
    if held:
        yield held
