"""``scrutui search`` (every meeting's records and agenda items, newest or best first) and
``scrutui themes`` (the assurance themes with counts, or one theme's history, oldest first)."""

from __future__ import annotations

import json
import shutil
from typing import Any

import click

from scrutui.cli.options import date_option, db_option, existing_read_only, friendly_errors, open_from
from scrutui.errors import ScrutuiError
from scrutui.fts import parse, words
from scrutui.minutes import item_reference, long_date
from scrutui.search import (
    KIND_WORDS,
    STATUSES,
    SearchHit,
    SearchOrder,
    SearchQuery,
    ThemeEntry,
    check_dates,
    short_kind,
    status_word,
)
from scrutui.store.search import fitted_parts
from scrutui.tracker.rules import find_committee

#: The word-search syntax, for --help.
QUERY_HELP = (
    'Words to find (all of them); "a phrase" in quotes; recruit* for words starting so; '
    "agency OR interim for either; -interim to leave out."
)


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def _styled_snippet(marked: str, width: int) -> str:
    """The snippet fitted to `width`, the words found in bold (plain when not on a terminal)."""
    return "".join(
        click.style(part, bold=True) if found else part for part, found in fitted_parts(marked, width)
    )


def hit_json(hit: SearchHit) -> dict[str, Any]:
    """A result as the JSON output gives it."""
    item = hit.origin.item
    return {
        "meeting": hit.origin.meeting_id,
        "date": hit.origin.meeting_date.isoformat(),
        "committee": hit.origin.committee,
        "minute": hit.minute,
        "item": item.title,
        "kind": hit.kind,
        "record": hit.record_id,
        "snippet": " ".join(hit.plain_snippet.split()),
        "status": hit.status,
        "people": dict(hit.people),
        "agenda_item": item.id,
        "exempt": item.is_exempt,
    }


def hit_lines(hits: list[SearchHit], width: int) -> list[str]:
    """The results as a table fitted to `width` columns: where each was found, and under it the
    words found in their context."""
    headers = ("date", "committee", "minute", "kind", "item")
    rows = [
        (
            hit.origin.meeting_date.strftime("%d/%m/%Y"),
            hit.origin.committee,
            hit.minute or "-",
            short_kind(hit.kind) + (f" ({status_word(hit.status)})" if hit.status else ""),
            hit.origin.item.title,
        )
        for hit in hits
    ]
    limits = [10, 24, 6, 26]
    widths = [min(limits[i], max([len(headers[i]), *(len(r[i]) for r in rows)])) for i in range(len(limits))]
    widths.append(max(20, width - sum(widths) - 2 * len(widths)))
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    for cells, hit in zip(rows, hits, strict=True):
        lines.append("  ".join(_cut(c, w).ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())
        lines.append("    " + _styled_snippet(hit.snippet, max(20, width - 4)))
    return lines


@click.command("search", context_settings={"ignore_unknown_options": True})
@db_option
@click.argument("query", nargs=-1)
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(sorted(KIND_WORDS), case_sensitive=False),
    help="Only this kind of record (repeat for more); item is an agenda item's title and purpose.",
)
@click.option("--committee", metavar="NAME", help="Only this committee (its name, or a unique part of it).")
@click.option("--from", "start", metavar="DATE", help="Only meetings on or after this date.")
@click.option("--to", "end", metavar="DATE", help="Only meetings on or before this date.")
@click.option(
    "--person",
    metavar="NAME",
    help="Only what this person or role asked, answered, was asked for, or was sent (part of the name).",
)
@click.option(
    "--status",
    type=click.Choice(sorted(STATUSES), case_sensitive=False),
    help="Only records with this status (open: requests and recommendations still owed).",
)
@click.option(
    "--order",
    type=click.Choice([o.value for o in SearchOrder], case_sensitive=False),
    default=SearchOrder.NEWEST.value,
    show_default=True,
    help="newest meeting first, or best match first (among the newest matches).",
)
@click.option(
    "--limit", type=click.IntRange(1, 10_000), default=20, show_default=True, help="At most this many."
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table.")
@click.option(
    "--confidential",
    is_flag=True,
    help="Also search exempt (confidential) items and what was minuted under them.",
)
@click.pass_context
@friendly_errors
def search_command(
    ctx: click.Context,
    db: str | None,
    query: tuple[str, ...],
    kinds: tuple[str, ...],
    committee: str | None,
    start: str | None,
    end: str | None,
    person: str | None,
    status: str | None,
    order: str,
    limit: int,
    as_json: bool,
    confidential: bool,
) -> None:
    """Search every meeting: records (and their answers and responses) and agenda items.

    QUERY: words to find (all of them); "a phrase" in quotes; recruit* for words starting so;
    agency OR interim for either; -interim to leave out.
    """
    text = " ".join(query).strip()
    start_day, end_day = date_option(start, "--from"), date_option(end, "--to")
    check_dates(start_day, end_day)
    filtered = bool(kinds or committee or start_day or end_day or status)
    if text and not words(text):
        raise ScrutuiError(f"There is nothing to search for in {text!r}: give a word (letters or digits).")
    if not text and not (person or "").strip() and not filtered:
        raise ScrutuiError("Give words to search for (or --person NAME, --kind, --committee ...).")
    store = open_from(ctx, db, read_only=existing_read_only(ctx))
    try:
        found_committee = find_committee(store, committee) if committee is not None else None
        search = SearchQuery(
            text=text,
            kinds=frozenset(KIND_WORDS[k.lower()] for k in kinds),
            committee_id=found_committee.id if found_committee else None,
            date_from=start_day,
            date_to=end_day,
            person=(person or "").strip(),
            status=(status or "").lower(),
            order=SearchOrder(order.lower()),
            confidential=confidential,
        )
        hits = store.search.all(search, limit)
        total = store.search.count(search) if hits else None
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps([hit_json(h) for h in hits], ensure_ascii=False, indent=2))
        return
    what = _description(text, person, status, found_committee.name if found_committee else None)
    if not hits:
        click.echo(f"Nothing found{what}.")
        return
    width = shutil.get_terminal_size((120, 24)).columns
    for line in hit_lines(hits, width):
        click.echo(line)
    ordered = "newest first" if search.order is SearchOrder.NEWEST else "best match first"
    more = (
        f"; --limit {min(10_000, limit * 5)} shows more"
        if total and (total.more or total.count > len(hits))
        else ""
    )
    click.echo(f"{len(hits):,} of {total} found{what}, {ordered}{more}.")


def _description(text: str, person: str | None, status: str | None, committee: str | None) -> str:
    parts = []
    if text:
        parts.append("for " + " ".join(f"“{w}”" for w in words(text)))
        left_out = [t.text for group in parse(text) for t in group if t.negated]
        if left_out:
            parts.append("without " + " ".join(f"“{w}”" for w in left_out))
    if person and person.strip():
        parts.append(f"naming {person.strip()}")
    if status:
        parts.append(f"({status_word(status.lower())})")
    if committee:
        parts.append(f"in {committee}")
    return "".join(f" {p}" for p in parts) or " with these filters"


@click.command("themes")
@db_option
@click.argument("theme", required=False)
@click.option("--committee", metavar="NAME", help="Only this committee (its name, or a unique part of it).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option(
    "--confidential",
    is_flag=True,
    help="Include assurances sought under exempt (confidential) items.",
)
@click.pass_context
@friendly_errors
def themes_command(
    ctx: click.Context,
    db: str | None,
    theme: str | None,
    committee: str | None,
    as_json: bool,
    confidential: bool,
) -> None:
    """List the assurance themes with how many assurances each has, or, given THEME, its history:
    every assurance sought under it (and its close spellings), oldest first, with the response."""
    store = open_from(ctx, db, read_only=existing_read_only(ctx))
    try:
        found = find_committee(store, committee) if committee is not None else None
        committee_id = found.id if found else None
        wanted = (theme or "").strip()
        if wanted:
            query = store.search.theme_query(wanted, committee_id, confidential=confidential)
            history: list[ThemeEntry] = []
            while True:
                page = store.search.theme_page(query, history[-1] if history else None, 1_000)
                history += page
                if len(page) < 1_000:
                    break
        else:
            themes = store.search.themes(committee_id, confidential=confidential)
    finally:
        store.close()
    where = f" in {found.name}" if found else ""
    if wanted:
        _print_history(wanted, query.spellings, history, where, as_json)
        return
    if as_json:
        rows = [
            {
                "theme": t.name,
                "assurances": t.count,
                "by_status": t.by_status,
                "spellings": t.spellings,
                "first": t.first,
                "last": t.last,
            }
            for t in themes
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not themes:
        click.echo(f"No assurances have been sought under a theme{where} yet.")
        return
    headers = ("theme", "assurances", "given", "partly", "not given", "sought", "first", "last")
    table = [
        (
            t.name or "(no theme)",
            str(t.count),
            *(str(t.by_status.get(s, 0)) for s in ("given", "partly_given", "not_given", "sought")),
            _day(t.first),
            _day(t.last),
        )
        for t in themes
    ]
    widths = [min(40, max(len(h), *(len(r[i]) for r in table))) for i, h in enumerate(headers)]
    click.echo("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    for row, t in zip(table, themes, strict=True):
        line = "  ".join(_cut(c, w).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        others = [s for s in t.spellings if s != t.name]
        click.echo(line + (f"  (also written {', '.join(others)})" if others else ""))
    click.echo(
        f"{len(themes)} theme{'s' if len(themes) != 1 else ''}{where}. scrutui themes THEME shows one's history."
    )


def _day(iso: str) -> str:
    import datetime as dt

    return dt.date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else "-"


def _print_history(
    theme: str, spellings: tuple[str, ...], history: list[ThemeEntry], where: str, as_json: bool
) -> None:
    if as_json:
        rows = [
            {
                "meeting": e.origin.meeting_id,
                "date": e.origin.meeting_date.isoformat(),
                "committee": e.origin.committee,
                "minute": (e.origin.item.minute_number or e.origin.item.number).strip(),
                "item": e.origin.item.title,
                "record": e.id,
                "theme": e.record.theme,
                "sought": e.record.text,
                "response": e.record.response,
                "status": e.record.status.value,
            }
            for e in history
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not history:
        click.echo(f"No assurance has been sought under the theme {theme!r}{where}.")
        return
    names = " / ".join(spellings)
    click.echo(f"{names}{where}: {len(history)} assurance{'s' if len(history) != 1 else ''}, oldest first")
    width = shutil.get_terminal_size((100, 24)).columns
    for entry in history:
        record = entry.record
        click.echo("")
        status = status_word(record.status.value).upper()
        click.echo(f"{long_date(entry.origin.meeting_date)} · {click.style(status, bold=True)}")
        where = f"{entry.origin.committee}, {item_reference(entry.origin.item, public=False)}"
        for text in (where, f"Sought: {record.text}", f"Response: {record.response or '(none recorded)'}"):
            click.echo(_wrapped(text, width))


def _wrapped(text: str, width: int) -> str:
    import textwrap

    return textwrap.fill(
        " ".join(text.split()), width=max(40, width - 2), initial_indent="  ", subsequent_indent="    "
    )
