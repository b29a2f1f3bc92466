"""What a user types into a search box, as an SQLite FTS5 query that always parses.

Every word is quoted, so full stops, apostrophes, brackets, ``AND``, ``NEAR``, ``*`` and stray
quotes are never FTS5 syntax. On top of that, a few things people type on purpose work:

- ``"agency staff"`` (a phrase, in double quotes, straight or curly);
- ``recruit*`` (words starting so: at least three letters before the ``*``);
- ``agency OR interim`` (either word; ``AND`` is what words next to each other mean anyway);
- ``-interim`` or ``NOT interim`` (leave out what has this word).

Pure: no I/O. `match_expression` returns None when nothing typed is searchable (only punctuation,
say), so the caller can say "type a word" instead of running a query.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: Longest query taken (a pasted page is cut here) and most words used from it.
MAX_QUERY = 1_000
MAX_TERMS = 32
#: Letters needed before a ``*`` for it to mean "words starting so" (shorter prefixes would match
#: a large part of every word in the index, which is slow and useless).
PREFIX_MINIMUM = 3

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"'})
_SPACE = re.compile(r"\s+")
#: Control characters (FTS5 stops reading a query at a NUL) and lone surrogates (not UTF-8).
_UNREADABLE = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")


def _clean(text: str) -> str:
    """The typed text, cut to MAX_QUERY, with what no query can hold made into spaces."""
    return unicodedata.normalize("NFC", _UNREADABLE.sub(" ", text[:MAX_QUERY]))


@dataclass(frozen=True)
class Term:
    """One word or phrase, as typed."""

    text: str
    prefix: bool = False
    negated: bool = False

    def sql(self) -> str:
        """The term as an FTS5 string (quoted, inner quotes doubled)."""
        quoted = '"' + self.text.replace('"', '""') + '"'
        return f"{quoted} *" if self.prefix else quoted


def _searchable(text: str) -> bool:
    """True when the tokenizer would find a word in `text` (a letter or digit)."""
    return any(c.isalnum() for c in text)


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalnum())


def _pieces(text: str) -> list[tuple[str, bool]]:
    """Split into (piece, is_phrase): double-quoted phrases whole, other text at spaces. A quote
    with no partner is dropped; a ``*`` straight after a closing quote stays with its phrase."""
    pieces: list[tuple[str, bool]] = []
    word = ""
    index = 0
    while index < len(text):
        char = text[index]
        if char == '"':
            closing = text.find('"', index + 1)
            if closing == -1:
                index += 1  # an unbalanced quote: ignore it
                continue
            if word:
                pieces.append((word, False))
                word = ""
            phrase = text[index + 1 : closing]
            index = closing + 1
            if index < len(text) and text[index] == "*":
                phrase += "*"
                index += 1
            pieces.append((phrase, True))
            continue
        if char.isspace():
            if word:
                pieces.append((word, False))
                word = ""
        else:
            word += char
        index += 1
    if word:
        pieces.append((word, False))
    return pieces


def parse(text: str) -> list[list[Term]]:
    """The typed text as groups of terms: every group must match (AND); within a group any term
    may (OR). A negated term stands alone in its group."""
    text = _clean(text).translate(_QUOTES)
    groups: list[list[Term]] = []
    pending_or = pending_not = False
    for piece, is_phrase in _pieces(text):
        if not is_phrase and piece in ("AND", "OR", "NOT"):
            pending_or = piece == "OR" and bool(groups) and not groups[-1][0].negated
            pending_not = piece == "NOT"
            continue
        negated = pending_not
        if not is_phrase and piece.startswith("-") and len(piece) > 1:
            piece, negated = piece[1:], True
        prefix = piece.endswith("*")
        core = _SPACE.sub(" ", piece.rstrip("*")).strip()
        if not _searchable(core):
            pending_or = pending_not = False
            continue
        term = Term(core, prefix=prefix and _letters(core) >= PREFIX_MINIMUM, negated=negated)
        if pending_or and not negated:
            groups[-1].append(term)
        else:
            groups.append([term])
        pending_or = pending_not = False
        if sum(len(g) for g in groups) >= MAX_TERMS:
            break
    return groups


def match_expression(text: str) -> str | None:
    """An FTS5 query for what was typed, or None when nothing in it is searchable (or it only
    says what to leave out)."""
    groups = parse(text)
    wanted = [g for g in groups if not g[0].negated]
    if not wanted:
        return None
    expression = " AND ".join("(" + " OR ".join(t.sql() for t in group) + ")" for group in wanted)
    for group in groups:
        if group[0].negated:
            expression += f" NOT {group[0].sql()}"
    return expression


def column_phrase(column: str, text: str, *, prefix: bool = False) -> str | None:
    """An FTS5 query matching `text` as one phrase in one column (with `prefix`, its last word the
    start of a word: "Director of Fin" finds the Director of Finance), or None when nothing in it
    is searchable."""
    text = _clean(text).replace('"', " ").replace("*", " ")
    core = _SPACE.sub(" ", text).strip()
    if not _searchable(core):
        return None
    term = Term(core, prefix=prefix and _letters(core.split(" ")[-1]) >= PREFIX_MINIMUM)
    return "{" + column + "} : " + term.sql()


def both(*expressions: str | None) -> str | None:
    """Expressions that must all match (None ones left out), or None if there are none."""
    found = [e for e in expressions if e]
    if not found:
        return None
    if len(found) == 1:
        return found[0]
    return " AND ".join(f"({e})" for e in found)


def words(text: str) -> list[str]:
    """The searchable words and phrases of what was typed (for saying what was looked for)."""
    return [t.text + ("*" if t.prefix else "") for group in parse(text) for t in group if not t.negated]


__all__ = ["Term", "both", "column_phrase", "match_expression", "parse", "words"]
