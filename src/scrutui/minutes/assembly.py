"""A whole meeting as minutes: the front (attendance, declarations), every item, the confidential
annex and the closing; and one item as the minuting screen previews it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from scrutui.formalities import MinutesSource, Roll, item_kind
from scrutui.minutes.action_log import action_log_paragraphs
from scrutui.minutes.discussion import ProseCache
from scrutui.minutes.document import AttendanceEntry, MinuteItem, MinutesDocument, Paragraph, Style
from scrutui.minutes.formalities import (
    attendance_entries,
    attendance_paragraphs,
    closing_paragraphs,
    declaration_paragraphs,
    ended_paragraph,
    item_notes,
    movement_sentence,
    needs_exclusion,
)
from scrutui.minutes.items import minute_item
from scrutui.minutes.labels import decision, resolved_form
from scrutui.minutes.numbering import minute_number
from scrutui.minutes.wording import long_date, long_time
from scrutui.models import AgendaItem, Committee, ExemptNatures, Meeting, Record
from scrutui.store.people import KnownPeople
from scrutui.tracked import TrackedRecord


def exclusion_paragraphs(
    item: AgendaItem, items: Sequence[AgendaItem], records: Sequence[Record], committee: Committee
) -> list[Paragraph]:
    """The drafted exclusion resolution, in the committee's words, if it belongs under `item`."""
    exclusion = needs_exclusion(item, items, records, committee.jurisdiction)
    return decision(resolved_form(committee), [exclusion]) if exclusion else []


def annexed_minutes(
    item: AgendaItem,
    records: Sequence[Record],
    committee: Committee,
    people: KnownPeople,
    *,
    notes: Sequence[Paragraph] = (),
    carried: Sequence[TrackedRecord] | None = None,
    meeting_date: dt.date | None = None,
) -> list[MinuteItem]:
    """What an item puts in the confidential annex: an exempt item's full minute, or, for an action
    log, what it reported back on requests and recommendations made under exempt items."""
    if item.is_exempt:
        return [
            minute_item(
                item,
                records,
                committee,
                people,
                confidential=True,
                notes=notes,
                carried=carried,
                meeting_date=meeting_date,
            )
        ]
    private = [entry for entry in carried or () if entry.origin.exempt]
    if not private:
        return []
    paragraphs = action_log_paragraphs(
        private, meeting_date, committee.resolution_labels, people, confidential=True
    )
    title = f"{item.title}: matters from items considered in private"
    return [MinuteItem(minute_number(item), title, tuple(paragraphs), exempt=True)]


def build_from(source: MinutesSource, *, confidential: bool = False) -> MinutesDocument:
    """A whole meeting as minutes, with every formality: the roll call, declarations, arrivals and
    departures, exempt items (public stubs; full minutes in the annex when `confidential`), the
    drafted exclusion resolution, what the action log reported back (matters from exempt items in
    the annex), and the confirmation with its corrections."""
    people = KnownPeople(tuple(source.people))
    committee, items = source.committee, source.items
    carried = source.carried or {}
    withhold = not confidential and committee.exempt_declaration_natures is ExemptNatures.WITHHOLD
    decl_item = next((i for i in items if item_kind(i.title) == "declarations"), None)
    front = attendance_paragraphs(attendance_entries(source))
    if source.declarations and decl_item is None:
        front.append(Paragraph(Style.SECTION, "Declarations of interest"))
        front += declaration_paragraphs(source.declarations, items, withhold_exempt=withhold)
    loose = [m for m in source.movements if m.agenda_item_id is None]
    front += [Paragraph(Style.NOTE, movement_sentence(m)) for m in sorted(loose, key=lambda m: m.at)]
    minute_items: list[MinuteItem] = []
    annex: list[MinuteItem] = []
    for item in items:
        records = source.records.get(item.id or 0, [])
        lead: list[Paragraph] = []
        if decl_item is not None and item.id == decl_item.id:
            lead += declaration_paragraphs(source.declarations, items, withhold_exempt=withhold)
        lead += exclusion_paragraphs(item, items, records, committee)
        notes = item_notes(item.id, source.movements, source.declarations)
        entries = carried.get(item.id or 0)
        minute_items.append(
            minute_item(
                item,
                records,
                committee,
                people,
                lead=lead,
                notes=notes,
                carried=entries,
                meeting_date=source.meeting.date,
                private_in_annex=confidential,
            )
        )
        annex += annexed_minutes(
            item, records, committee, people, notes=notes, carried=entries, meeting_date=source.meeting.date
        )
    return _document(
        source.meeting,
        committee,
        front,
        minute_items,
        annex=annex,
        closing=closing_paragraphs(source, confidential=confidential),
        confidential=confidential,
    )


def preview_item(
    item: AgendaItem,
    records: Sequence[Record],
    *,
    items: Sequence[AgendaItem],
    committee: Committee,
    people: KnownPeople,
    roll: Roll | None = None,
    carried: Sequence[TrackedRecord] | None = None,
    meeting_date: dt.date | None = None,
    confidential: bool = True,
    prose: ProseCache | None = None,
) -> MinuteItem:
    """One item in full, as the minuting screen previews it: with the declarations, the drafted
    exclusion resolution, arrivals, departures and withdrawals that belong under it, and (for the
    action log, `carried` given) everything it reports back. Not `confidential` (a read-only
    session that is not shown exempt content): an exempt item is its public stub. `prose` keeps
    each record's words from one preview of the item to the next."""
    movements = roll.movement_lines() if roll else []
    declarations = roll.declaration_lines() if roll else []
    lead: list[Paragraph] = []
    if item_kind(item.title) == "declarations" and item.id == next(
        (i.id for i in items if item_kind(i.title) == "declarations"), None
    ):
        lead += declaration_paragraphs(declarations, items)
    lead += exclusion_paragraphs(item, items, records, committee)
    notes = item_notes(item.id, movements, declarations)
    return minute_item(
        item,
        records,
        committee,
        people,
        confidential=confidential,
        lead=lead,
        notes=notes,
        carried=carried,
        meeting_date=meeting_date,
        prose=prose,
    )


def build_minutes(
    meeting: Meeting,
    committee: Committee,
    items: Sequence[AgendaItem],
    records: dict[int, list[Record]],
    people: KnownPeople,
    attendance: Sequence[AttendanceEntry] = (),
    *,
    confidential: bool = False,
    carried: Mapping[int, Sequence[TrackedRecord]] | None = None,
) -> MinutesDocument:
    """A whole meeting as minutes, from its parts (see :func:`build_from` for every formality).
    `carried` holds the action log's entries by agenda item id (``store.tracker.action_logs_of_meeting``)."""
    minute_items: list[MinuteItem] = []
    annex: list[MinuteItem] = []
    for item in items:
        under = records.get(item.id or 0, [])
        entries = (carried or {}).get(item.id or 0)
        minute_items.append(
            minute_item(
                item,
                under,
                committee,
                people,
                carried=entries,
                meeting_date=meeting.date,
                private_in_annex=confidential,
            )
        )
        annex += annexed_minutes(item, under, committee, people, carried=entries, meeting_date=meeting.date)
    return _document(
        meeting,
        committee,
        attendance_paragraphs(attendance),
        minute_items,
        annex=annex,
        closing=ended_paragraph(meeting),
        confidential=confidential,
    )


def _document(
    meeting: Meeting,
    committee: Committee,
    front: Sequence[Paragraph],
    items: Sequence[MinuteItem],
    *,
    annex: Sequence[MinuteItem],
    closing: Sequence[Paragraph],
    confidential: bool,
) -> MinutesDocument:
    subtitle = f"Minutes of the meeting held on {long_date(meeting.date)} at {long_time(meeting.time)}"
    if meeting.venue:
        subtitle += f", {meeting.venue}"
    return MinutesDocument(
        committee=committee.name,
        title=committee.name,
        subtitle=subtitle,
        status=meeting.status,
        confidential=confidential,
        front=tuple(front),
        items=tuple(items),
        meeting_date=meeting.date,
        meeting_time=meeting.time,
        venue=meeting.venue,
        properties={
            "title": f"{committee.name}: minutes, {long_date(meeting.date)}",
            "subject": f"Minutes of the meeting held on {long_date(meeting.date)}",
            "keywords": f"{committee.name}; minutes; {meeting.date.isoformat()}",
        },
        annex=tuple(annex) if confidential else (),
        closing=tuple(closing),
        language=committee.language.value,
    )

