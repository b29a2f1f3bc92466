"""The formalities as minuted: attendance, declarations of interest, arrivals and departures, the
exclusion of the public, and the confirmation of the minutes with their corrections."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from scrutui.errors import ScrutuiError
from scrutui.formalities import (
    AttendanceStatus,
    DeclarationLine,
    InterestAction,
    InterestCategory,
    MinutesSource,
    Movement,
    MovementLine,
    exclusion_resolution,
    item_kind,
)
from scrutui.minutes.document import AttendanceEntry, Paragraph, Style
from scrutui.minutes.labels import labelled_parts
from scrutui.minutes.numbering import item_reference
from scrutui.minutes.wording import clause, long_date, long_time, sentence
from scrutui.models import AgendaItem, Jurisdiction, Meeting, Record, Resolution, Role


def _clock(stamp: str) -> str:
    """ "7.42 pm" from an ISO time stamp."""
    return long_time(dt.datetime.fromisoformat(stamp).time())


def movement_sentence(movement: MovementLine) -> str:
    """ "Councillor X left the meeting at 7.42 pm during consideration of this item." """
    verb = "arrived at the meeting" if movement.movement is Movement.ARRIVED else "left the meeting"
    during = " during consideration of this item" if movement.agenda_item_id is not None else ""
    return sentence(f"{movement.reference} {verb} at {_clock(movement.at)}{during}")


def _article(words: str) -> str:
    return f"an {words}" if words[:1] in "aeiou" else f"a {words}"


_NATURE_LEADS = re.compile(r"^(as|because|being|in that|through|since|owing|by|via|due)\b", re.IGNORECASE)


def declaration_sentence(line: DeclarationLine, item: AgendaItem | None, *, withhold_exempt: bool = False) -> str:
    """A declaration as minutes give it, named by the item's public reference. With
    `withhold_exempt`, the nature of an interest in an exempt item is not given (it may reveal the
    exempt matter)."""
    declared = line.declaration
    where = item_reference(item) if item is not None else "an item"
    withheld = withhold_exempt and item is not None and item.is_exempt and bool(declared.nature.strip())
    if withheld:
        declared = declared.model_copy(update={"nature": ""})
    nature = declared.nature.strip().rstrip(".")
    if nature and not _NATURE_LEADS.match(nature):
        nature = (
            f"as {nature[0].lower()}{nature[1:]}"
            if nature[:1].isupper() and nature[1:2].islower()
            else f"as {nature}"
        )
    if declared.category is InterestCategory.PARTY_WHIP:
        text = f"{line.reference} declared that a party whip applied to {where}"
        if nature:
            text += f" ({clause(declared.nature)})"
    elif declared.category is InterestCategory.SENSITIVE:
        text = (
            f"{line.reference} declared a sensitive interest in {where}, the nature of which is not recorded"
        )
    else:
        text = f"{line.reference} declared {_article(declared.category.label)} in {where} {nature}"
    if withheld:
        text = (
            text.rstrip()
            + ", the nature of which is withheld from the public minutes as it concerns exempt information"
        )
    if declared.action is InterestAction.WITHDREW:
        text += ", and withdrew from the meeting during its consideration"
    elif declared.category is not InterestCategory.PARTY_WHIP:
        text += ", and remained in the meeting"
    return sentence(text)


def declaration_paragraphs(
    lines: Sequence[DeclarationLine], items: Sequence[AgendaItem], *, withhold_exempt: bool = False
) -> list[Paragraph]:
    """The declarations made at the meeting, in agenda order (see `declaration_sentence`)."""
    by_id = {item.id: item for item in items}
    order = {item.id: index for index, item in enumerate(items)}
    ordered = sorted(lines, key=lambda d: (order.get(d.declaration.agenda_item_id, 0), d.declaration.id or 0))
    return [
        Paragraph(
            Style.BODY,
            declaration_sentence(line, by_id.get(line.declaration.agenda_item_id), withhold_exempt=withhold_exempt),
        )
        for line in ordered
    ]


def withdrawal_notes(lines: Sequence[DeclarationLine], item_id: int | None) -> list[Paragraph]:
    """Under an item: who withdrew, or took no part, because of an interest declared in it."""
    notes = []
    for line in lines:
        declared = line.declaration
        if declared.agenda_item_id != item_id:
            continue
        if declared.action is InterestAction.WITHDREW:
            notes.append(
                f"{line.reference} withdrew from the meeting during consideration of this item, having "
                f"declared {_article(declared.category.label)}"
            )
        elif declared.category is InterestCategory.DISCLOSABLE_PECUNIARY:
            notes.append(
                f"{line.reference}, having declared a disclosable pecuniary interest, took no part in the "
                "discussion or vote on this item"
            )
    return [Paragraph(Style.NOTE, sentence(text)) for text in notes]


def item_notes(
    item_id: int | None, movements: Sequence[MovementLine], declarations: Sequence[DeclarationLine]
) -> list[Paragraph]:
    """Arrivals, departures and withdrawals minuted under one item, in time order."""
    moved = sorted((m for m in movements if m.agenda_item_id == item_id), key=lambda m: m.at)
    return [Paragraph(Style.NOTE, movement_sentence(m)) for m in moved] + withdrawal_notes(
        declarations, item_id
    )


def needs_exclusion(
    item: AgendaItem, items: Sequence[AgendaItem], records: Sequence[Record], jurisdiction: Jurisdiction
) -> str:
    """The drafted exclusion resolution (the clause after "That") if it belongs under `item`.

    It goes under the "Exclusion of the press and public" item when the agenda has one (unless the
    clerk minuted a resolution there), or else at the head of the first exempt item's stub.
    """
    exempt = [i for i in items if i.is_exempt]
    if not exempt:
        return ""
    exclusion_item = next((i for i in items if item_kind(i.title) == "exclusion" and not i.is_exempt), None)
    if exclusion_item is not None:
        if item.id != exclusion_item.id or any(isinstance(r, Resolution) for r in records):
            return ""
    elif item.id != exempt[0].id:
        return ""
    return drafted_exclusion(items, jurisdiction)


def drafted_exclusion(items: Sequence[AgendaItem], jurisdiction: Jurisdiction) -> str:
    """The exclusion clause naming the agenda's exempt items and their paragraphs ("" if none, or
    if scrutui does not know the nation's schedule)."""
    exempt = [(item_reference(i), i.exempt_paragraph) for i in items if i.exempt_paragraph is not None]
    if not exempt:
        return ""
    try:
        return exclusion_resolution(jurisdiction, exempt)
    except ScrutuiError:
        return ""


def attendance_entries(source: MinutesSource) -> list[AttendanceEntry]:
    """The roll call as the front of the minutes lists it.

    Members and substitutes are named ("Councillor J Smith", with "(Chair)" added later); officers
    and others are "in attendance" with their title ("Jane Doe (Director of Finance)").
    """
    entries = []
    for line in source.attendance:
        is_member = line.role is not None and line.role.is_member
        status = line.status
        if status is AttendanceStatus.PRESENT and not is_member:
            status = AttendanceStatus.IN_ATTENDANCE
        if is_member or status is AttendanceStatus.SUBSTITUTE or not line.title:
            reference = line.name
        elif "(" in line.title:
            reference = f"{line.name}, {line.title}"
        else:
            reference = f"{line.name} ({line.title})"
        role_label = line.role.label if line.role in (Role.CHAIR, Role.VICE_CHAIR) else ""
        entries.append(AttendanceEntry(reference, status.value, role_label, substitute_for=line.substitute_for))
    return entries


def attendance_paragraphs(entries: Sequence[AttendanceEntry]) -> list[Paragraph]:
    """Present (chair first), apologies, substitutes and others in attendance, as recorded."""
    sections = [
        ("present", "Present"),
        ("apologies", "Apologies for absence"),
        ("substitute", "Substitutes"),
        ("absent", "Absent"),
        ("in_attendance", "In attendance"),
    ]
    order = {"Chair": 0, "Vice-Chair": 1}
    paragraphs: list[Paragraph] = []
    for status, heading in sections:
        found = [e for e in entries if e.status == status]
        if not found:
            continue
        found.sort(key=lambda e: order.get(e.role_label, 2))
        paragraphs.append(Paragraph(Style.SECTION, heading))
        for entry in found:
            text = entry.reference
            if entry.role_label in order:
                text += f" ({entry.role_label})"
            if entry.substitute_for:
                text += f" (substituting for {entry.substitute_for})"
            paragraphs.append(Paragraph(Style.ATTENDANCE, text))
    return paragraphs


def ended_paragraph(meeting: Meeting) -> list[Paragraph]:
    """ "The meeting ended at 8.42 pm.", once its end has been stamped (F9)."""
    if not meeting.ended_at:
        return []
    return [Paragraph(Style.NOTE, f"The meeting ended at {_clock(meeting.ended_at)}.")]


def closing_paragraphs(source: MinutesSource, *, confidential: bool) -> list[Paragraph]:
    """After the last item: when the meeting ended, the confirmation of the minutes and the
    corrections agreed."""
    items = {item.id: item for item in source.items}
    paragraphs: list[Paragraph] = []
    ended = ended_paragraph(source.meeting)
    if source.approval is not None:
        where = (
            f" at the meeting held on {long_date(source.approval.approved_at_date)}"
            if source.approval.approved_at_date
            else ""
        )
        paragraphs.append(Paragraph(Style.SECTION, "Confirmation of the minutes"))
        paragraphs.append(Paragraph(Style.BODY, f"These minutes were confirmed as a correct record{where}."))
    if source.corrections:
        if not paragraphs:
            paragraphs.append(Paragraph(Style.SECTION, "Corrections"))
        paragraphs.append(Paragraph(Style.BODY, "The following corrections were agreed:"))
        texts = []
        for correction in source.corrections:
            item = items.get(correction.agenda_item_id)
            where = item_reference(item) if item is not None else "the attendance"
            what = clause(correction.description)
            if item is not None and item.is_exempt and not confidential:
                what = "a correction to the exempt minute, recorded in the confidential annex"
            agreed = (
                f" (agreed at the meeting held on {long_date(correction.agreed_at_date)})"
                if correction.agreed_at_date
                else ""
            )
            texts.append(f"{where}: {what}{agreed}")
        paragraphs += labelled_parts(texts, source.committee.resolution_labels)
    return ended + paragraphs

