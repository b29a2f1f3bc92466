"""The capture line: type one line, press Enter, one record is saved. Tab completes names."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual import events
from textual.binding import Binding
from textual.suggester import Suggester
from textual.widgets import Input

_NAME_START = re.compile(
    r"(?:^(?:q|a|as|ir|rec) |\| ?|^(?P<mover>m|am) (?P<seconder>[^:|/]*/ ?)?)(?P<typed>[^:|/]*)$"
)
#: The member who asked, at the end of an information request: "ir ... (asked by Cllr A".
_ASKER_START = re.compile(r"^ir .*\(asked by (?P<typed>[^()]*)$", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Completion:
    """A name to complete on the capture line, and the whole line once it is completed."""

    name: str
    line: str


def complete_line(value: str, names: list[str]) -> Completion | None:
    """The name being typed in `value` and the line completed, or None when nothing matches.

    Names are completed after a prefix that takes a name (``q``, ``a``, ``as``, ``ir``, ``rec``) and
    after ``|``, up to the colon that ends the name; and after "(asked by " at the end of an
    information request, up to its closing bracket. After ``m`` and ``am`` the mover is completed
    without the colon (a ``/`` and the seconder may follow), then the seconder after ``/``.
    """
    match, ending = _ASKER_START.search(value), ")"
    if not match:
        match, ending = _NAME_START.search(value), ": "
    if not match:
        return None
    typed = match["typed"]
    name = best_name(typed.strip(), names)
    if name is None:
        return None
    lead = typed[: len(typed) - len(typed.lstrip())]
    groups = match.groupdict()
    if groups.get("mover") and not groups.get("seconder"):
        ending = ""  # a mover: "/" and the seconder may follow
    return Completion(name, value[: match.start("typed")] + lead + name + ending)


class NameSuggester(Suggester):
    """Shows the rest of a name in grey when what is typed is the start of it (Tab accepts)."""

    def __init__(self, names: Callable[[], list[str]]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self._names = names

    async def get_suggestion(self, value: str) -> str | None:
        """The completed line, when it only adds to what is typed."""
        completed = complete_line(value, self._names())
        if completed and completed.line.casefold().startswith(value.casefold()):
            return value + completed.line[len(value) :]
        return None


_HONORIFIC = re.compile(r"^(cllr\.?|councillor)\s+", re.IGNORECASE)


def best_name(typed: str, names: list[str]) -> str | None:
    """The known name or title that `typed` is the start of.

    "Director of F" finds "Director of Finance"; "Cllr Ket" and "Ket" find "Councillor Tom
    Kettering" (a surname or first name is enough, once two letters are typed).
    """
    wanted = _HONORIFIC.sub("", typed).casefold()
    if not wanted:
        return None
    whole = [
        n
        for n in names
        if _HONORIFIC.sub("", n).casefold().startswith(wanted) or n.casefold().startswith(typed.casefold())
    ]
    if whole:
        return whole[0] if len(whole[0]) > len(typed) else None
    if len(wanted) < 2:
        return None
    for name in names:
        words = _HONORIFIC.sub("", name).split()
        for index in range(1, len(words)):
            if " ".join(words[index:]).casefold().startswith(wanted):
                return name
    return None


class CaptureInput(Input):
    """The one-line input at the foot of the minuting screen."""

    BINDINGS = [
        Binding(
            "tab",
            "complete",
            "Complete name",
            show=False,
            id="capture.complete",
            tooltip="Complete the name or title being typed",
        ),
    ]

    def __init__(self, names: Callable[[], list[str]], **kwargs: Any) -> None:
        super().__init__(suggester=NameSuggester(names), **kwargs)
        self._names = names
        #: Lines handed over by Enter and not yet saved (the line is not kept as a draft meanwhile:
        #: what the database keeps of it stays as it was until the line is saved).
        self.in_flight = 0

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            # Taken here, in the order typed: as a binding, Enter would act only once the key had
            # bubbled up to the app, after the keys typed after it (while the app was busy saving,
            # or opening the meeting) were already on the line, and would save them with it.
            event.stop()
            event.prevent_default()
            self.submit_line()
            return
        await super()._on_key(event)

    def submit_line(self) -> None:
        """Hand the line to be saved (Input.Submitted), and clear it for the next one at once; the
        screen puts it back (`restore`) if it is not saved."""
        submitted = self.value
        self.in_flight += 1
        self.value = ""
        self.post_message(self.Submitted(self, submitted))

    def handled(self, submitted: str, *, saved: bool) -> None:
        """A line handed over by `submit_line` was saved, or was not and is put back on the line,
        before anything typed since."""
        self.in_flight = max(0, self.in_flight - 1)
        if not saved:
            self.value = submitted + self.value
            self.cursor_position = len(self.value)

    def completion(self) -> Completion | None:
        """The name being typed and the line completed, if there is one to complete."""
        completed = complete_line(self.value, self._names())
        return completed if completed and completed.line != self.value else None

    def action_complete(self) -> None:
        """Complete the name. Tab never leaves the line: typing must land here."""
        completed = self.completion()
        if completed:
            self.value = completed.line
            self.cursor_position = len(self.value)
        else:
            self.app.bell()
