"""Table columns fitted to the terminal's width: every column on screen, long text cut with an
ellipsis (never silently), and the column that holds the most text given what is left."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """A table column: its heading, the least width it can do with, and the most it can use
    (None: it takes whatever is left, as the request's text does)."""

    label: str
    least: int
    most: int | None = None
    #: Columns widen in this order (lower first, then left to right): a date can wait for the names.
    priority: int = 0


def fit_widths(columns: list[Column], width: int, *, padding: int = 2) -> list[int]:
    """Widths for `columns` in `width` cells (each column also takes `padding` cells).

    Each column gets its least width; half of what is left goes to the columns without a most
    (the text), then the others widen up to their most (by priority, then in order), and anything
    still left goes to the text. A width too narrow for the least widths gives them anyway (the screen's size notice
    says what is needed).
    """
    widths = [c.least for c in columns]
    spare = width - sum(widths) - padding * len(columns)
    open_ended = [i for i, c in enumerate(columns) if c.most is None]
    if open_ended and spare > 0:
        first = spare // 2
        for count, index in enumerate(open_ended):
            share = first // (len(open_ended) - count)
            widths[index] += share
            first -= share
            spare -= share
    for index, column in sorted(enumerate(columns), key=lambda pair: pair[1].priority):
        if spare <= 0:
            break
        if column.most is not None:
            grow = min(spare, max(0, column.most - widths[index]))
            widths[index] += grow
            spare -= grow
    for count, index in enumerate(open_ended):
        share = spare // (len(open_ended) - count) if spare > 0 else 0
        widths[index] += share
        spare -= share
    return widths


def clip(text: str, width: int) -> str:
    """`text` on one line, cut to `width` with an ellipsis when it is longer."""
    text = " ".join(text.split())
    if width <= 0:
        return ""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
