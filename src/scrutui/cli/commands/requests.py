"""``scrutui requests`` (the tracker as a table) and ``scrutui export requests`` (Word, CSV, JSON)."""

from __future__ import annotations

import itertools
import os
import shutil
import sys
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from typing import Any, TypeVar

import click

from scrutui.cli.options import (
    as_at_option,
    choose_format,
    date_option,
    db_option,
    existing_read_only,
    friendly_errors,
    open_from,
    output_options,
    output_path,
    say_damaged,
    slug,
    template_path,
    to_stdout,
)
from scrutui.cli.paging import lines_of, page
from scrutui.columns import Column, clip, fit_widths
from scrutui.store import Store
from scrutui.store.tracker import StatusFilter, Tracked, TrackedRecord, TrackerQuery
from scrutui.tracked import TrackedRow, as_row
from scrutui.tracker.documents import (
    empty_message,
    request_counts_sentence,
)
from scrutui.tracker.rules import Tracker, find_committee, status_word

F = TypeVar("F", bound=Callable[..., Any])


def filter_options(function: F) -> F:
    """``--committee``, ``--status``, ``--of``, ``--asked-by`` and ``--mine``: which requests."""
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
        click.option(
            "--asked-by",
            "asked_by",
            metavar="NAME",
            help="Only requests this member asked for (any part of the name; Cllr and Councillor are ignored).",
        ),
        click.option(
            "--mine",
            metavar="NAME",
            help="A member's own requests: the same as --asked-by NAME (outstanding ones unless --status says).",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def asker_option(asked_by: str | None, mine: str | None) -> str:
    """The member whose requests are asked for, from --asked-by or --mine (not both)."""
    if asked_by is not None and mine is not None:
        raise click.UsageError("give --asked-by or --mine, not both (they mean the same).")
    chosen = asked_by if asked_by is not None else mine
    if chosen is not None and not chosen.strip():
        raise click.BadParameter(
            "give the member's name (or part of it)", param_hint="--mine" if mine is not None else "--asked-by"
        )
    return (chosen or "").strip()


def tracker_query(
    store: Store,
    *,
    committee: str | None,
    status: str,
    of: str | None,
    as_at: str | None,
    confidential: bool,
    asked_by: str = "",
) -> tuple[TrackerQuery, str | None]:
    """The query the options ask for, and the committee's full name when one was given."""
    found = find_committee(store, committee) if committee is not None else None
    day = date_option(as_at, "--as-at")
    query = Tracker(store, (lambda: day) if day else None).query(
        kind=Tracked.REQUESTS,
        status=StatusFilter(status.lower()),
        committee_id=found.id if found else None,
        of=(of or "").strip(),
        asked_by=asked_by,
        confidential=confidential,
    )
    return query, found.name if found else None


#: The table's columns.
TABLE_HEADERS = ("id", "due", "status", "meeting", "committee", "asked by", "of", "requested")
#: How many rows a long table's columns are measured on before it is printed as it is read.
TABLE_SAMPLE = 5000


def request_table(
    entries: Iterable[TrackedRecord | TrackedRow],
    query: TrackerQuery,
    width: int | None,
    committees: Collection[str] | None = None,
) -> list[tuple[str, bool]]:
    """The table's lines (each with whether it is overdue): `table_lines`, all at once."""
    return list(table_lines(entries, query, width, committees))


def table_lines(
    entries: Iterable[TrackedRecord | TrackedRow],
    query: TrackerQuery,
    width: int | None,
    committees: Collection[str] | None = None,
    sample: int | None = None,
) -> Iterator[tuple[str, bool]]:
    """The table's lines (each with whether it is overdue), made as `entries` are read.

    With `width` None (output piped to a file or program), every cell in full, dates as ISO.
    On a terminal of `width` columns the lines fit it: dates short (29/09/26), long cells cut with
    "…", the request taking what is left, and the committee column only when the list spans more
    than one (its name is then the first line). `committees` are those the whole list spans (else
    those of its first rows). The columns are measured on the first `sample` rows (TABLE_SAMPLE): in a longer
    list, a later, longer cell is cut to its column at a terminal, and piped it is given in full.
    """
    terminal = width is not None
    stream = map(as_row, entries)
    first = list(itertools.islice(stream, TABLE_SAMPLE if sample is None else sample))
    spanned = set(committees) if committees is not None else {entry.committee for entry in first}
    with_committee = not terminal or len(spanned) > 1

    def day(date: str) -> str:
        return f"{date[8:10]}/{date[5:7]}/{date[2:4]}" if terminal else date

    headers = [h for h in TABLE_HEADERS if with_committee or h != "committee"]

    def cells_of(entry: TrackedRow) -> tuple[list[str], bool]:
        number = (entry.item_minute_number or entry.item_number).strip()
        word = status_word(entry, query.as_at)
        cells = {
            "id": str(entry.id),
            "due": day(entry.due) if entry.due else "-",
            "status": word.upper() if word == "overdue" else word,
            "meeting": f"{day(entry.meeting_date)} {number}".strip(),
            "committee": entry.committee,
            "asked by": entry.asked_by,
            "of": entry.named_of or "-",
            "requested": " ".join(entry.text.split()),
        }
        return [cells[h] for h in headers], word == "overdue"

    rows = [cells_of(entry) for entry in first]
    longest = [max([len(h), *(len(r[0][i]) for r in rows)]) for i, h in enumerate(headers)]
    widths: list[int | None]
    if width is None:
        widths = [*longest[:-1], None]
    else:
        least = {"id": longest[0], "due": 8, "status": 11, "meeting": 11, "committee": 8}
        columns = [
            Column(h, min(least.get(h, 7), most), most if h != "requested" else None)
            for h, most in zip(headers, longest, strict=True)
        ]
        columns[-1] = Column("requested", 12)
        widths = list(fit_widths(columns, width + 2, padding=2))

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            (c if w is None or not terminal else clip(c, w)).ljust(w or 0) for c, w in zip(cells, widths, strict=True)
        ).rstrip()

    if terminal and len(spanned) == 1:
        yield clip(next(iter(spanned)), width or 80), False
    yield line(headers), False
    for cells, overdue in rows:
        yield line(cells), overdue
    del rows, first
    for entry in stream:
        cells, overdue = cells_of(entry)
        yield line(cells), overdue


@click.command("requests")
@db_option
@filter_options
@as_at_option
@click.option("--confidential", is_flag=True, help="Include requests made under exempt (confidential) items.")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print JSON (the filters, the counts and every request; missing values are null) instead of a table.",
)
@click.pass_context
@friendly_errors
def requests_command(
    ctx: click.Context,
    db: str | None,
    committee: str | None,
    status: str,
    of: str | None,
    asked_by: str | None,
    mine: str | None,
    as_at: str | None,
    confidential: bool,
    as_json: bool,
) -> None:
    """List information requests (outstanding ones by default), soonest due first, overdue marked.

    On a terminal the table fits its width; piped to a file or another program, every cell is
    given in full.
    """
    asker = asker_option(asked_by, mine)
    store = open_from(ctx, db, read_only=existing_read_only(ctx))
    try:
        query, name = tracker_query(
            store,
            committee=committee,
            status=status,
            of=of,
            as_at=as_at,
            confidential=confidential,
            asked_by=asker,
        )
        with store.handle.collecting_damage() as damaged:
            if as_json:
                from scrutui.export.lists import tracker_chunks

                page(lines_of(tracker_chunks(store, query, format_="json")))
                return
            counts = store.tracker.counts(query)
            lines: Iterable[str] = [empty_message(query, name)]
            if counts.total and next(store.tracker.rows(query, page=1), None) is not None:
                lines = _table(store, query)
            page(itertools.chain(lines, [f"{request_counts_sentence(counts)} (as at {query.as_at:%d/%m/%Y})"]))
    finally:
        store.close()
    say_damaged(damaged)


def _table(store: Store, query: TrackerQuery) -> Iterator[str]:
    """The table's lines as the rows are read, fitted to the terminal (if it is one), overdue in red."""
    from scrutui.export.lists import listed_rows

    terminal = sys.stdout.isatty()
    width = shutil.get_terminal_size((120, 24)).columns if terminal else None
    colour = terminal and not os.environ.get("NO_COLOR")
    committees = store.tracker.committees(query) if query.committee_id is None else None
    for line, overdue in table_lines(listed_rows(store, query), query, width, committees):
        yield click.style(line, fg="red", bold=True) if overdue and colour else line


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
    asked_by: str | None,
    mine: str | None,
    as_at: str | None,
    format_: str | None,
    output: str | None,
    force: bool,
    pdf: bool,
    template: str | None,
    confidential: bool,
) -> None:
    """Write the tracker of information requests: Word (grouped by committee, overdue first), CSV or
    JSON; -o - writes CSV or JSON to standard output."""
    from scrutui.export.lists import export_tracker, tracker_chunks

    asker = asker_option(asked_by, mine)
    chosen = choose_format(format_, output, pdf)
    store = open_from(ctx, db, read_only=existing_read_only(ctx))
    try:
        query, name = tracker_query(
            store,
            committee=committee,
            status=status,
            of=of,
            as_at=as_at,
            confidential=confidential,
            asked_by=asker,
        )
        if to_stdout(output):
            for chunk in tracker_chunks(store, query, format_=chosen):
                click.echo(chunk, nl=False)
            return
        stem = "information-requests" + (f"-{slug(name)}" if name else "") + f"-{query.as_at.isoformat()}"
        path = output_path(output, stem, chosen)
        with store.handle.collecting_damage() as damaged:
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
    say_damaged(damaged)
