"""``scrutui import moderngov`` (committees, meetings and a meeting's agenda from a council's ModernGov
web service, or a saved reply) and ``scrutui import agenda`` (a Word agenda into a meeting)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from scrutui.cli.options import date_option, db_option, friendly_errors, open_from
from scrutui.errors import ScrutuiError
from scrutui.minutes import long_date

if TYPE_CHECKING:
    from scrutui.imports.moderngov import ModernGov


@click.group("import")
def import_group() -> None:
    """Bring agendas in: from a council's ModernGov web service, or from a Word agenda."""


def _table(headers: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    click.echo("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    for row in rows:
        click.echo("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


@import_group.command("moderngov")
@click.argument("source", metavar="BASE_URL|FILE.xml")
@db_option
@click.option("--list", "list_", is_flag=True, help="List the council's committees (GetCommittees).")
@click.option(
    "--committee", "committee_id", metavar="ID", help="List this committee's meetings (GetMeetings)."
)
@click.option(
    "--from",
    "start",
    metavar="DATE",
    help="With --committee: meetings from this date (default: 3 months ago).",
)
@click.option(
    "--to", "end", metavar="DATE", help="With --committee: meetings up to this date (default: in 6 months)."
)
@click.option(
    "--meeting", "meeting_id", metavar="ID", help="Import this meeting and its agenda (GetMeeting)."
)
@click.option(
    "--exempt-paragraph",
    type=int,
    metavar="N",
    help="The Schedule 12A paragraph for restricted items whose wording names none.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(1, 600),
    metavar="SECONDS",
    help="How long to wait for the council's server (default: a minute).",
)
@click.option("--dry-run", is_flag=True, help="Say what the import would do, and write nothing.")
@click.pass_context
@friendly_errors
def moderngov(
    ctx: click.Context,
    source: str,
    db: str | None,
    list_: bool,
    committee_id: str | None,
    start: str | None,
    end: str | None,
    meeting_id: str | None,
    exempt_paragraph: int | None,
    timeout: float | None,
    dry_run: bool,
) -> None:
    """Import a meeting from ModernGov: BASE_URL is the council's ModernGov address (such as
    https://democracy.example.gov.uk), or FILE.xml a saved GetMeeting reply.

    \b
    scrutui import moderngov BASE_URL --list                 the committees and their ids
    scrutui import moderngov BASE_URL --committee ID         the committee's meetings and their ids
    scrutui import moderngov BASE_URL --meeting ID           import the meeting and its agenda
    scrutui import moderngov FILE.xml                        the same, from a saved reply

    Importing a meeting again updates what has not been minuted yet; a minuted item is never
    changed, and one dropped from the agenda after minuting began is kept and reported.
    """
    # Imported here, not when the scrutui command starts (the app starts through it too).
    from scrutui.imports.meeting_import import import_meeting
    from scrutui.imports.moderngov import DEFAULT_TIMEOUT, ModernGov, read_saved_meeting

    path = Path(source).expanduser()
    is_file = not source.lower().startswith(("http://", "https://")) and (
        path.exists() or path.suffix.lower() == ".xml"
    )
    if is_file:
        if list_ or committee_id or meeting_id:
            raise ScrutuiError(
                "--list, --committee and --meeting ask a web service: give its address, not a file."
            )
        if not path.is_file():
            raise ScrutuiError(f"There is no file {path}.")
        meeting = read_saved_meeting(path)
        service, said = "", str(path)
    else:
        service_ = ModernGov(source, timeout=timeout or DEFAULT_TIMEOUT)
        if meeting_id is None:
            if committee_id is not None:
                _list_meetings(service_, committee_id, start, end)
            elif list_:
                _list_committees(service_)
            else:
                raise ScrutuiError(
                    "Say what to do: --list (committees), --committee ID (meetings) or --meeting ID."
                )
            return
        if not meeting_id.strip().isdigit():
            raise ScrutuiError(
                f"{meeting_id!r} is not a ModernGov meeting id (a number: --committee ID lists them)."
            )
        meeting = service_.meeting(meeting_id.strip())
        service, said = service_.url, f"ModernGov at {service_.host}"
    # Like the app and the demo, an import may make the database: it is how a council starts.
    store = open_from(ctx, db, create=True)
    try:
        result = import_meeting(
            store, meeting, service=service, exempt_paragraph=exempt_paragraph, dry_run=dry_run
        )
    finally:
        store.close()
    for line in result.lines(f"{said} (meeting {meeting.id})"):
        click.echo(line)
    if not dry_run:
        where = f" --db {store.path}" if db or (ctx.obj or {}).get("db") else ""
        click.echo(f"Minute it: scrutui{where}, then Enter on meeting {result.meeting.id}.")


def _list_committees(service: ModernGov) -> None:
    found = service.committees()
    if not found:
        click.echo(f"ModernGov at {service.host} lists no committees.")
        return
    rows = [(c.id, c.title + (" (expired)" if c.expired else "")) for c in found]
    _table(("id", "committee"), rows)
    click.echo(f"Their meetings: scrutui import moderngov {service.url} --committee ID")


def _list_meetings(service: ModernGov, committee_id: str, start: str | None, end: str | None) -> None:
    today = dt.date.today()
    first = date_option(start, "--from") or today - dt.timedelta(days=91)
    last = date_option(end, "--to") or today + dt.timedelta(days=183)
    if first > last:
        raise ScrutuiError(f"--from {first:%d/%m/%Y} is after --to {last:%d/%m/%Y}.")
    if not committee_id.strip().isdigit():
        raise ScrutuiError(f"{committee_id!r} is not a ModernGov committee id (a number: --list lists them).")
    found = service.meetings(committee_id.strip(), first, last)
    span = f"{long_date(first)} to {long_date(last)}"
    if not found:
        click.echo(f"Committee {committee_id} has no meetings in ModernGov from {span}.")
        return
    rows = [(m.id, m.date.strftime("%d/%m/%Y"), m.time, m.status, m.location) for m in found]
    _table(("id", "date", "time", "status", "venue"), rows)
    click.echo(f"Import one: scrutui import moderngov {service.url} --meeting ID")


@import_group.command("agenda")
@click.argument("file", metavar="FILE.docx", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--meeting",
    "meeting_id",
    type=int,
    required=True,
    metavar="ID",
    help="The meeting (scrutui meetings lists them).",
)
@db_option
@click.option("--yes", "-y", is_flag=True, help="Write without asking.")
@click.pass_context
@friendly_errors
def agenda(ctx: click.Context, file: Path, meeting_id: int, db: str | None, yes: bool) -> None:
    """Read a council's Word agenda (numbered items, with their purposes) into a meeting's agenda.

    Shows what it found and what it would change, and asks before writing. Items already minuted
    are never changed.
    """
    from scrutui.imports.plan import CHANGE_WORDS
    from scrutui.imports.word_agenda import prepare_word_import, write_word_import

    store = open_from(ctx, db)
    try:
        prepared = prepare_word_import(store, meeting_id, file)
        meeting = store.meetings.get(meeting_id)
        committee = store.committees.get(meeting.committee_id)
        click.echo(f"{file}: {len(prepared.agenda.items)} agenda items found.")
        rows = []
        for planned in prepared.plan.agenda + prepared.plan.removed:
            item = planned.item
            purpose = item.purpose.split("\n")[0]
            purpose = purpose if len(purpose) <= 50 else purpose[:49] + "…"
            exempt = f" [exempt, para {item.exempt_paragraph}]" if item.is_exempt else ""
            rows.append((CHANGE_WORDS[planned.change], item.number, item.title + exempt, purpose))
        _table(("", "no.", "title", "purpose"), rows)
        for line in [*prepared.plan.report(), *prepared.agenda.notes]:
            click.echo(line)
        click.echo(prepared.plan.summary())
        if not prepared.plan.changes_anything:
            click.echo("Nothing to write.")
            return
        where = f"the agenda of {committee.name}, {long_date(meeting.date)} (meeting {meeting_id})"
        if not yes and not click.confirm(f"Write this into {where}?", default=False):
            click.echo("Nothing was written.")
            return
        write_word_import(store, prepared)
    finally:
        store.close()
    click.echo(f"Written into {where}.")
