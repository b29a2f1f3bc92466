"""A narrative's paragraphs and list items: read from the text a clerk types, and written back.

The rules, as the clerk sees them (in the capture line and the narrative editor):

- Each line is a paragraph. Blank lines only separate. A line that does not end a sentence followed
  by one that starts in lower case is the same paragraph wrapped (text pasted from a PDF), and is
  joined with a space.
- A line that starts with a bullet (``-``, ``*`` or ``•``) and a space is an item of a bulleted list;
  one that starts with a label (``(a)``, ``(iv)``, ``(3)``, ``1.``, ``2)`` or ``b)``) and a space is an
  item of a labelled list, and keeps its label as typed.

The structure is worked out once, when the text is saved, and kept: the minutes are made from it,
never by reading the characters again. :func:`typed_text` writes blocks back as text that reads
back to the same blocks, for the editor.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class BlockKind(StrEnum):
    """What one block of a narrative is."""

    PARAGRAPH = "paragraph"
    BULLET = "bullet"  # an item of a bulleted list
    ITEM = "item"  # an item of a labelled list: (a), (i), 1.


@dataclass(frozen=True)
class TypedBlock:
    """One paragraph or list item, as read from typed text (the models validate it)."""

    kind: BlockKind
    text: str
    label: str = ""


_BULLET = re.compile(r"^[-*•‣◦▪]\s+(?P<text>\S.*)$")
_LABEL = re.compile(
    r"^(?P<label>\((?:[a-z]{1,2}|[ivxlcdm]{1,7}|\d{1,3})\)|\d{1,3}[.)]|[a-z]\))\s+(?P<text>\S.*)$",
    re.IGNORECASE,
)
#: A line ending like this ends its paragraph even when the next line starts in lower case.
_ENDS = ".?!:;…\"”'’)]"


class BlockLike(Protocol):
    """Anything with a block's kind, text and label (a TypedBlock, or the models' Block)."""

    @property
    def kind(self) -> BlockKind: ...
    @property
    def text(self) -> str: ...
    @property
    def label(self) -> str: ...


def read_line(line: str) -> TypedBlock:
    """One line as a block: a bullet, a labelled item, or a paragraph."""
    line = line.strip()
    bullet = _BULLET.match(line)
    if bullet:
        return TypedBlock(BlockKind.BULLET, bullet["text"].strip())
    labelled = _LABEL.match(line)
    if labelled:
        return TypedBlock(BlockKind.ITEM, labelled["text"].strip(), labelled["label"])
    return TypedBlock(BlockKind.PARAGRAPH, line)


def is_list_line(line: str) -> bool:
    """True when a line, as typed, is a list item."""
    return read_line(line).kind is not BlockKind.PARAGRAPH


def read_blocks(text: str) -> list[TypedBlock]:
    """Typed text as its paragraphs and list items, by the rules above."""
    blocks: list[TypedBlock] = []
    joinable = False  # the last line may go on over the next (no blank line came between)
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            joinable = False
            continue
        block = read_line(line)
        if (
            joinable
            and blocks
            and block.kind is BlockKind.PARAGRAPH
            and line[0].islower()
            and blocks[-1].text[-1:] not in _ENDS
        ):
            last = blocks[-1]
            blocks[-1] = TypedBlock(last.kind, f"{last.text} {line}", last.label)
        else:
            blocks.append(block)
        joinable = True
    return blocks


def legacy_blocks(text: str) -> list[TypedBlock]:
    """How scrutui read a narrative before lists existed: paragraphs split on blank lines, each
    paragraph's lines joined with spaces (used once, when an older database is upgraded)."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    joined = (" ".join(line.strip() for line in p.splitlines() if line.strip()) for p in paragraphs)
    return [TypedBlock(BlockKind.PARAGRAPH, p) for p in joined if p]


def typed_line(block: BlockLike) -> str:
    """One block as the clerk would type it."""
    match block.kind:
        case BlockKind.BULLET:
            return f"- {block.text}"
        case BlockKind.ITEM:
            return f"{block.label} {block.text}"
    return block.text


def typed_text(blocks: Sequence[BlockLike]) -> str:
    """Blocks as text that reads back to the same blocks: list items on consecutive lines, a blank
    line around paragraphs."""
    out: list[str] = []
    previous: BlockLike | None = None
    for block in blocks:
        if previous is not None:
            both_listed = previous.kind is not BlockKind.PARAGRAPH and block.kind is not BlockKind.PARAGRAPH
            out.append("\n" if both_listed else "\n\n")
        out.append(typed_line(block))
        previous = block
    return "".join(out)
