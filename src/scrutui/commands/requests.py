"""``scrutui requests`` (the tracker as a table) and ``scrutui export requests`` (Word, CSV, JSON)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from typing import Any, TypeVar

import click

from scrutui.cli import _existing_read_only, db_option, friendly_errors, open_from
from scrutui.commands.common import (
    as_at_option,
    choose_format,
    date_option,
    output_options,
    output_path,
    say_damaged,
    slug,
    template_path,
)
from scrutui.lists import (
    empty_message,
    request_counts_sentence,
)
from scrutui.store import Store
from scrutui.store.tracker import Counts, StatusFilter, Tracked, TrackedRecord, TrackerQuery
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


def gather(store: Store, query: TrackerQuery) -> tuple[list[TrackedRecord], Counts]:
    """The requests the query matches (in due-date order) and the count of each status."""
    return store.tracker.all(query), store.tracker.counts(query)


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def request_table(entries: list[TrackedRecord], query: TrackerQuery, width: int) -> list[tuple[str, bool]]:
    """The table's lines (each with whether it is overdue), fitted to `width` columns."""
    headers = ("id", "due", "status", "meeting", "committee", "of", "requested")
    rows = []
    for entry in entries:
        number = (entry.origin.item.minute_number or entry.origin.item.number).strip()
        word = status_word(entry, query.as_at)
        rows.append(
            (
                (
                    str(entry.id),
                    entry.due.isoformat() if entry.due else "-",
                    word.upper() if word == "overdue" else word,
                    f"{entry.origin.meeting_date.isoformat()} {number}".strip(),
                    entry.origin.committee,
                    entry.of or "-",
                    entry.record.text,
                ),
                word == "overdue",
            )
        )
    limits = [8, 10, 11, 16, 22, 24, 0]
    widths = []
    for index, header in enumerate(headers[:-1]):
        longest = max([len(header), *(len(r[0][index]) for r in rows)])
        widths.append(min(longest, limits[index]))
    rest = max(20, width - sum(widths) - 2 * (len(headers) - 1))
    widths.append(rest)
    lines = [("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip(), False)]
    for cells, overdue in rows:
        lines.append(
            ("  ".join(_cut(c, w).ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip(), overdue)
        )
    return lines


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
        with store.handle.collecting_damage() as damaged:
            entries, counts = gather(store, query)
    finally:
        store.close()
    if not entries:
        click.echo(empty_message(query, name))
    else:
        width = shutil.get_terminal_size((120, 24)).columns
        for line, overdue in request_table(entries, query, width):
            click.echo(click.style(line, fg="red", bold=True) if overdue else line)
    click.echo(f"{request_counts_sentence(counts)} (as at {query.as_at:%d/%m/%Y})")
    say_damaged(damaged)


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
