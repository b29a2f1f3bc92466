"""``scrutui requests`` (the tracker as a table) and ``scrutui export requests`` (Word, CSV, JSON)."""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import click

from scrutui.cli import _existing_read_only, db_option, friendly_errors, open_from
from scrutui.commands.common import (
    as_at_option,
    choose_format,
    date_option,
    output_options,
    output_path,
    slug,
    template_path,
)
from scrutui.commands.paging import page
from scrutui.lists import (
    empty_message,
    request_counts_sentence,
)
from scrutui.store import Store
from scrutui.store.tracker import StatusFilter, Tracked, TrackedRow, TrackerQuery
from scrutui.tracker import Tracker, find_committee, status_word

F = TypeVar("F", bound=Callable[..., Any])


def filter_options(function: F) -> F:
    """``--committee``, ``--status`` and ``--of``: which requests."""
    options = [
        click.option(
            "--committee", metavar="NAME", help="Only this committee (its name, or a unique part of it)."
        ),
        click.option(
            "--status",
            type=click.Choice([s.value for s in StatusFilter], case_sensitive=False),
            default=StatusFilter.OUTSTANDING.value,
            show_default=True,
            help="Which requests: outstanding (all not yet answered), overdue, answered, refused, withdrawn or all.",
        ),
        click.option(
            "--of",
            "of",
            metavar="WHOM",
            help="Only requests asked of this person or body (any part of the name).",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def tracker_query(
    store: Store, *, committee: str | None, status: str, of: str | None, as_at: str | None, confidential: bool
) -> tuple[TrackerQuery, str | None]:
    """The query the options ask for, and the committee's full name when one was given."""
    found = find_committee(store, committee) if committee is not None else None
    day = date_option(as_at, "--as-at")
    query = Tracker(store, (lambda: day) if day else None).query(
        kind=Tracked.REQUESTS,
        status=StatusFilter(status.lower()),
        committee_id=found.id if found else None,
        of=(of or "").strip(),
        confidential=confidential,
    )
    return query, found.name if found else None


def _cut(text: str, width: int) -> str:
    """`text` on one line, cut to `width` with an ellipsis."""
    if len(text) <= width and text.isprintable() and "  " not in text:
        return text  # most cells, at once
    shown = " ".join(text[: 4 * width + 8].split())  # only the start can show
    if len(shown) < width and len(text) > 4 * width + 8:
        shown = " ".join(text.split())
    return shown if len(shown) <= width else shown[: max(1, width - 1)] + "…"


TABLE_HEADERS = ("id", "due", "status", "meeting", "committee", "of", "requested")
#: The widest each column but the last may be; the last takes what the terminal has left.
_TABLE_LIMITS = (8, 10, 11, 16, 22, 24)


def _cells(entry: TrackedRow, as_at: dt.date) -> tuple[tuple[str, ...], bool]:
    number = (entry.item_minute_number or entry.item_number).strip()
    word = status_word(entry, as_at)
    return (
        (
            str(entry.id),
            entry.due or "-",
            word.upper() if word == "overdue" else word,
            f"{entry.meeting_date} {number}".strip(),
            entry.committee,
            entry.of or "-",
            entry.text,
        ),
        word == "overdue",
    )


#: How many rows the columns are measured on before the table is printed: all of a short list, the
#: first of a long one (which is printed as it is read, never all held).
MEASURED_ROWS = 5000


def request_table(rows: Iterable[TrackedRow], query: TrackerQuery, width: int) -> Iterator[tuple[str, bool]]:
    """The table's lines (each with whether it is overdue), fitted to `width` columns.

    Each column is as wide as its longest cell, up to a limit, among the first `MEASURED_ROWS`
    rows; in a longer list, a later cell longer than that is cut, with an ellipsis.
    """
    stream = iter(rows)
    first = [_cells(entry, query.as_at) for entry in itertools.islice(stream, MEASURED_ROWS)]
    widths = [
        min(limit, max([len(header), *(len(cells[i]) for cells, _ in first)]))
        for i, (header, limit) in enumerate(zip(TABLE_HEADERS, _TABLE_LIMITS, strict=False))
    ]
    widths.append(max(20, width - sum(widths) - 2 * (len(TABLE_HEADERS) - 1)))
    line = "  ".join(f"{{{i}:<{w}}}" for i, w in enumerate(widths)).format
    fitted = widths[:-1]
    yield line(*TABLE_HEADERS).rstrip(), False
    for cells, overdue in itertools.chain(first, (_cells(entry, query.as_at) for entry in stream)):
        shown = [c if len(c) <= w else c[: w - 1] + "…" for c, w in zip(cells, fitted, strict=False)]
        yield line(*shown, _cut(cells[-1], widths[-1])).rstrip(), overdue


@click.command("requests")
@db_option
@filter_options
@as_at_option
@click.option("--confidential", is_flag=True, help="Include requests made under exempt (confidential) items.")
@click.pass_context
@friendly_errors
def requests_command(
    ctx: click.Context,
    db: str | None,
    committee: str | None,
    status: str,
    of: str | None,
    as_at: str | None,
    confidential: bool,
) -> None:
    """List information requests (outstanding ones by default), soonest due first, overdue marked."""
    store = open_from(ctx, db, read_only=_existing_read_only(ctx, db))
    try:
        query, name = tracker_query(
            store, committee=committee, status=status, of=of, as_at=as_at, confidential=confidential
        )
        counts = store.tracker.counts(query)
        lines: Iterable[str] = [empty_message(query, name)]
        if next(store.tracker.rows(query, page=1), None) is not None:
            width = shutil.get_terminal_size((120, 24)).columns
            lines = (
                click.style(line, fg="red", bold=True) if overdue else line
                for line, overdue in request_table(store.tracker.rows(query), query, width)
            )
        page(itertools.chain(lines, [f"{request_counts_sentence(counts)} (as at {query.as_at:%d/%m/%Y})"]))
    finally:
        store.close()


@click.command("requests")
@db_option
@filter_options
@as_at_option
@output_options
@click.pass_context
@friendly_errors
def export_requests(
    ctx: click.Context,
    db: str | None,
    committee: str | None,
    status: str,
    of: str | None,
    as_at: str | None,
    format_: str | None,
    output: str | None,
    force: bool,
    pdf: bool,
    template: str | None,
    confidential: bool,
) -> None:
    """Write the tracker of information requests: Word (grouped by committee, overdue first), CSV or JSON."""
    from scrutui.export.lists import export_tracker

    chosen = choose_format(format_, output, pdf)
    store = open_from(ctx, db, read_only=_existing_read_only(ctx, db))
    try:
        query, name = tracker_query(
            store, committee=committee, status=status, of=of, as_at=as_at, confidential=confidential
        )
        stem = "information-requests" + (f"-{slug(name)}" if name else "") + f"-{query.as_at.isoformat()}"
        path = output_path(output, stem, chosen)
        count, written = export_tracker(
            store,
            query,
            path,
            format_=chosen,
            committee=name,
            force=force,
            pdf=pdf,
            template=template_path(template),
        )
    finally:
        store.close()
    noun = "request" if count == 1 else "requests"
    click.echo(f"Wrote {count} information {noun} to {path}.")
    for also in written[1:]:
        click.echo(f"Wrote {also}.")
