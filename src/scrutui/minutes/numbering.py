"""Minute numbers as printed, how other minutes refer to an item, and item.paragraph numbers."""

from __future__ import annotations

from collections.abc import Sequence

from scrutui.minutes.document import Paragraph, Style
from scrutui.models import AgendaItem, Committee, NumberingScheme


def minute_number(item: AgendaItem) -> str:
    """The item's minute number as printed: its frozen number, or else its agenda number."""
    number = item.minute_number or item.number
    return (
        f"{number}."
        if number and number[-1].isdigit() and "/" not in number and "." not in number
        else number
    )


def item_reference(item: AgendaItem, *, public: bool = True) -> str:
    """How other minutes refer to an item: "minute 45 (School place planning)", or "item 5 (...)"
    before it has a minute number. Exempt items are named by their public title when `public`."""
    title = item.public_name if public else item.title
    if item.minute_number:
        return f"minute {item.minute_number} ({title})"
    if item.number:
        return f"item {item.number.rstrip('.')} ({title})"
    return title


def numbered(paragraphs: Sequence[Paragraph], number: str, committee: Committee) -> list[Paragraph]:
    """Under the item.paragraph scheme, number an item's substantive paragraphs 4.1, 4.2 ...: its
    discussion and notes, and (if the committee numbers them) its decisions; never the purpose,
    sub-headings, list items or the labelled parts of a decision."""
    if committee.numbering_scheme is not NumberingScheme.ITEM_PARAGRAPH or not number:
        return list(paragraphs)
    counted = {Style.BODY, Style.NOTE} | ({Style.DECISION} if committee.number_decisions else set())
    base = number.rstrip(".")
    out: list[Paragraph] = []
    count = 0
    for paragraph in paragraphs:
        if paragraph.style in counted:
            count += 1
            paragraph = Paragraph(paragraph.style, paragraph.text, label=f"{base}.{count}")
        out.append(paragraph)
    return out

