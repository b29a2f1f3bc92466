"""The reminder of the capture-line grammar above the capture line."""

from __future__ import annotations

from textual.widgets import Static

#: Two lines at 80 columns; F1 has the whole grammar (list items with -, notes with n).
GRAMMAR_LINE = (
    "[b]q[/] who: question [b]|[/] answer  [b]a[/] who: answer  [b]as[/] theme: sought [b]|[/] reply  "
    "[b]ir[/] whom: what  [b]r[/] resolved  [b]ag[/] agreed  [b]rec[/] to: text  [b]h[/] heading  [b]-[/] list  "
    "[b]m[/] motion  [b]n[/] note"
)
#: The grammar line while a motion is open under the item.
VOTE_GRAMMAR_LINE = (
    "[b]vote[/] carried 7-2-1 (for-against-abstained)  [b]vote[/] lost 3-6  [b]vote[/] carried 4-4 casting  "
    "[b]vote[/] withdrawn  [b]am[/] who/who: amendment  [b]F10[/] recorded vote"
)


class GrammarLine(Static):
    """The prefixes the capture line takes; while a motion is open, how to record its vote."""

    DEFAULT_CSS = """
    GrammarLine { height: auto; max-height: 2; color: $text-muted; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(GRAMMAR_LINE, id=id)
        self._open_motion = False

    def show(self, *, open_motion: bool) -> None:
        """The vote's grammar while a motion is open under the item, the usual one otherwise."""
        if open_motion != self._open_motion:  # (drawn again only when it changes: after every save)
            self._open_motion = open_motion
            self.update(VOTE_GRAMMAR_LINE if open_motion else GRAMMAR_LINE)
