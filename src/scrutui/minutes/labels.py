"""Labelled parts of a decision: (a) (b), (i) (ii), 1. 2. or 1) 2), with their endings and
lead-ins."""

from __future__ import annotations

from collections.abc import Sequence

from scrutui.minutes.document import Paragraph, Style
from scrutui.models import LabelStyle


def _roman(number: int) -> str:
    numerals = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ]
    out = ""
    for value, letters in numerals:
        while number >= value:
            out, number = out + letters, number - value
    return out


def _letters(number: int) -> str:
    out = ""
    while number > 0:
        number, remainder = divmod(number - 1, 26)
        out = chr(ord("a") + remainder) + out
    return out


def part_label(index: int, style: LabelStyle) -> str:
    """The label of the `index`-th part (from 1) in the house style: (a), (i), 1. or 1)."""
    match style:
        case LabelStyle.ALPHA:
            return f"({_letters(index)})"
        case LabelStyle.ROMAN:
            return f"({_roman(index)})"
        case LabelStyle.NUMBER_DOT:
            return f"{index}."
        case LabelStyle.NUMBER_PAREN:
            return f"{index})"
    raise ValueError(style)


def labelled_parts(texts: Sequence[str], style: LabelStyle) -> list[Paragraph]:
    """Parts of a decision, labelled, with "; and" before the last and a full stop after it."""
    parts = []
    for index, text in enumerate(texts, start=1):
        if index == len(texts):
            ending = "."
        elif index == len(texts) - 1:
            ending = "; and"
        else:
            ending = ";"
        parts.append(Paragraph(Style.PART, f"{text}{ending}", label=part_label(index, style)))
    return parts


def decision(lead: str, clauses: Sequence[str], style: LabelStyle) -> list[Paragraph]:
    """ "RESOLVED: That the report be noted." or "RESOLVED: That" and labelled parts."""
    if not clauses:
        return []
    if len(clauses) == 1:
        return [Paragraph(Style.DECISION, f"{lead} {clauses[0]}.")]
    return [
        Paragraph(Style.DECISION, f"{lead}:" if lead.endswith("that") else lead),
        *labelled_parts(clauses, style),
    ]

