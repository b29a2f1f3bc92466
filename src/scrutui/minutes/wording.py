"""Dates, times, sentences and clauses as minutes write them."""

from __future__ import annotations

import re

from scrutui.dates import long_date as long_date  # one place for dates, re-exported
from scrutui.dates import long_time as long_time
from scrutui.models import PartCase

_LOWER_FIRST_WORDS = frozenset(
    [
        "a",
        "all",
        "an",
        "any",
        "as",
        "both",
        "each",
        "every",
        "he",
        "her",
        "his",
        "in",
        "it",
        "its",
        "many",
        "more",
        "most",
        "no",
        "none",
        "of",
        "on",
        "once",
        "one",
        "our",
        "she",
        "some",
        "such",
        "that",
        "the",
        "their",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "we",
        "when",
        "where",
        "whilst",
        "while",
        "with",
        "work",
    ]
)


def sentence(text: str) -> str:
    """`text` as a sentence: capital first letter, closing full stop."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in '.?!…:"”)' else f"{text}."


def clause(text: str, case: PartCase = PartCase.LOWER) -> str:
    """`text` as a clause following "that": no leading "that", no closing stop or "; and".

    Its first letter: `LOWER` (the default) lowers a common first word ("The report" -> "the
    report", "A copy" -> "a copy") and leaves a name ("Ofsted") alone; `CAPITAL` capitalises it
    ("expects" -> "Expects"); `AS_TYPED` leaves it.
    """
    text = text.strip()
    text = re.sub(r"^that\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"(?:[;,]\s*)?\band$", "", text.rstrip(" .;,")).rstrip(" .;,")
    if case is PartCase.CAPITAL:
        return text[:1].upper() + text[1:]
    if case is PartCase.AS_TYPED:
        return text
    first, _, rest = text.partition(" ")
    if first.lower() in _LOWER_FIRST_WORDS and first[:1].isupper() and (first[1:].islower() or len(first) == 1):
        text = f"{first.lower()} {rest}".rstrip() if rest else first.lower()
    return text

