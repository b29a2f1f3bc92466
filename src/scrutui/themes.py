"""Assurance themes and their close spellings: "Workforce", "workforce", "Work force" and
"Workforse" are one theme, so a chair sees its whole history.

Pure: the store counts each spelling; this groups them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

_NOT_LETTERS = re.compile(r"[^0-9a-z]+")


def theme_key(theme: str) -> str:
    """What a theme's spellings share: lower case, no accents, no spaces or punctuation, "&" as
    "and", and no plural "s"."""
    text = unicodedata.normalize("NFKD", theme.casefold().replace("&", " and "))
    text = "".join(c for c in text if not unicodedata.combining(c))
    key = _NOT_LETTERS.sub("", text)
    if len(key) > 4 and key.endswith("s") and not key.endswith("ss"):
        key = key[:-1]
    return key


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance between `a` and `b`, or `limit + 1` once it is more than `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        current = [i]
        for j, other in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _allowed(key: str) -> int:
    """How many letters two keys may differ by and still be one theme (none for short ones)."""
    return 0 if len(key) < 5 else 1 if len(key) < 10 else 2


def close(a: str, b: str) -> bool:
    """True when two spellings are the same theme."""
    return _close_keys(theme_key(a), theme_key(b))


def _close_keys(first: str, second: str) -> bool:
    if not first or not second:
        return first == second
    limit = min(_allowed(first), _allowed(second))
    return first == second or _distance(first, second, limit) <= limit


@dataclass
class Theme:
    """One theme: the spellings it was minuted under, and how each assurance under it stands."""

    name: str
    spellings: dict[str, int] = field(default_factory=dict)
    by_status: dict[str, int] = field(default_factory=dict)
    first: str = ""
    last: str = ""

    @property
    def count(self) -> int:
        """How many assurances were sought under it."""
        return sum(self.spellings.values())


@dataclass(frozen=True)
class Spelling:
    """How one spelling of a theme was used: how often, with what statuses, first and last date."""

    theme: str
    count: int
    by_status: dict[str, int]
    first: str
    last: str


def group(spellings: Iterable[Spelling]) -> list[Theme]:
    """Spellings grouped into themes, each named by its commonest spelling; themes by name."""
    themes: list[tuple[str, Theme]] = []
    for spelling in sorted(spellings, key=lambda s: (-s.count, s.theme)):
        key = theme_key(spelling.theme)
        found = next((t for k, t in themes if k == key), None)
        if found is None:
            found = next((t for k, t in themes if key and _close_keys(k, key)), None)
        if found is None:
            found = Theme(spelling.theme)
            themes.append((key, found))
        found.spellings[spelling.theme] = spelling.count
        for status, n in spelling.by_status.items():
            found.by_status[status] = found.by_status.get(status, 0) + n
        found.first = min(filter(None, (found.first, spelling.first)), default="")
        found.last = max(found.last, spelling.last)
    return sorted((t for _, t in themes), key=lambda t: (theme_key(t.name), t.name))


def spellings_of(theme: str, themes: Iterable[Theme]) -> list[str]:
    """Every spelling minuted for the theme `theme` names (itself if it was never minuted)."""
    for found in themes:
        if theme in found.spellings or any(close(theme, s) for s in found.spellings):
            return sorted(found.spellings)
    return [theme]


__all__ = ["Spelling", "Theme", "close", "group", "spellings_of", "theme_key"]
