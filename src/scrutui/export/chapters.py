"""A webcast's chapters: when each agenda item began (and ended), counted from the start of the
recording, with its minute number and public title, in the forms video platforms take.

- ``youtube``: lines of ``0:00 Title`` to paste into a video's description. YouTube makes chapters
  of them when the first is at 0:00 and there are at least three, each at least ten seconds long.
- ``vtt``: a WebVTT chapters track (``<track kind="chapters">``), with each item's start and end.
- ``csv``: a table for anything else (a spreadsheet, a council's own player).

The times are those scrutui stamped as each item was taken; the recording starts at the meeting's
start unless another time is given. Exempt items are named by their public title only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from scrutui.errors import ScrutuiError
from scrutui.formalities import MinutesSource
from scrutui.minutes import long_date, minute_number

FORMATS = ("youtube", "vtt", "csv")
#: YouTube's rules for chapters in a description.
YOUTUBE_LEAST_CHAPTERS, YOUTUBE_SHORTEST = 3, 10


@dataclass(frozen=True)
class Chapter:
    """One item's place in the recording, in seconds from its start."""

    start: int
    end: int | None
    title: str
    number: str = ""

    @property
    def label(self) -> str:
        """ "45. Ofsted improvement plan" """
        return f"{self.number} {self.title}".strip()


@dataclass(frozen=True)
class Chapters:
    """A meeting's chapters, and what to tell the clerk about them."""

    chapters: tuple[Chapter, ...]
    recording_start: dt.datetime
    notes: tuple[str, ...] = ()


def chapters_of(source: MinutesSource, recording_start: dt.datetime | None = None) -> Chapters:
    """The items taken at the meeting, in the order they were taken, as chapters of a recording that
    began at `recording_start` (default: the meeting's start, else when the first item was taken)."""
    taken = sorted((i for i in source.items if i.started_at), key=lambda i: str(i.started_at))
    if not taken:
        raise ScrutuiError(
            "No item of this meeting has been taken yet, so there are no times for chapters "
            "(items are timed as you move to them while minuting)."
        )
    first = dt.datetime.fromisoformat(str(taken[0].started_at))
    zero = recording_start or (
        dt.datetime.fromisoformat(source.meeting.started_at) if source.meeting.started_at else first
    )
    zero = min(zero, first) if recording_start is None else zero
    meeting_end = dt.datetime.fromisoformat(source.meeting.ended_at) if source.meeting.ended_at else None
    notes = []
    chapters = []
    for index, item in enumerate(taken):
        began = dt.datetime.fromisoformat(str(item.started_at))
        if item.ended_at:
            ended: dt.datetime | None = dt.datetime.fromisoformat(item.ended_at)
        elif index + 1 < len(taken):
            ended = dt.datetime.fromisoformat(str(taken[index + 1].started_at))
        else:
            ended = meeting_end
        start = int((began - zero).total_seconds())
        title = item.public_name
        if start < 0:
            notes.append(f"{title} began before the recording: its chapter starts at 0:00.")
            start = 0
        end = max(start, int((ended - zero).total_seconds())) if ended is not None else None
        chapters.append(Chapter(start, end, title, minute_number(item)))
    return Chapters(tuple(chapters), zero, tuple(notes))


def clock(seconds: int, *, fraction: bool = False) -> str:
    """0:00, 12:05 or 1:02:09 (YouTube's style); with `fraction`, WebVTT's 00:12:05.000."""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    if fraction:
        return f"{hours:02d}:{minutes:02d}:{secs:02d}.000"
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def youtube(chapters: Chapters, meeting_name: str) -> tuple[str, list[str]]:
    """The lines for a YouTube description, and any reason YouTube would not show them as chapters.
    A first chapter after 0:00 gets one before it, named after the meeting (YouTube needs 0:00)."""
    listed = list(chapters.chapters)
    if listed[0].start > 0:
        listed.insert(0, Chapter(0, listed[0].start, meeting_name))
    width = 3600 if any(c.start >= 3600 for c in listed) else 0
    lines = [f"{_youtube_clock(c.start, width)} {c.label}" for c in listed]
    warnings = []
    if len(listed) < YOUTUBE_LEAST_CHAPTERS:
        warnings.append(f"YouTube shows chapters only when there are at least {YOUTUBE_LEAST_CHAPTERS}.")
    short = [
        c.label
        for c, after in zip(listed, [*listed[1:], None], strict=True)
        if (after.start if after else c.end if c.end is not None else c.start + YOUTUBE_SHORTEST) - c.start
        < YOUTUBE_SHORTEST
    ]
    if short:
        warnings.append(
            f"YouTube needs each chapter to last at least {YOUTUBE_SHORTEST} seconds; these are shorter: "
            + "; ".join(short)
            + "."
        )
    return "\n".join(lines) + "\n", warnings


def _youtube_clock(seconds: int, width: int) -> str:
    # In a video over an hour long every time carries its hours (0:05:00), as YouTube writes them.
    if width:
        hours, rest = divmod(seconds, 3600)
        return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
    return clock(seconds)


def webvtt(chapters: Chapters) -> str:
    """A WebVTT chapters track. Cue text is plain: & < > are escaped as WebVTT requires."""
    cues = ["WEBVTT", ""]
    listed = chapters.chapters
    for index, chapter in enumerate(listed, start=1):
        end = chapter.end
        if end is None or end <= chapter.start:
            following = listed[index].start if index < len(listed) else None
            end = following if following is not None and following > chapter.start else chapter.start + 1
        text = chapter.label.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        text = text.replace("-->", "--&gt;")
        cues += [
            str(index),
            f"{clock(chapter.start, fraction=True)} --> {clock(end, fraction=True)}",
            text,
            "",
        ]
    return "\n".join(cues)


CSV_COLUMNS = ("minute", "title", "start", "end", "start_seconds", "end_seconds")


def csv_rows(chapters: Chapters) -> list[dict[str, object]]:
    """The chapters as rows of a table."""
    return [
        {
            "minute": c.number,
            "title": c.title,
            "start": clock(c.start),
            "end": clock(c.end) if c.end is not None else "",
            "start_seconds": c.start,
            "end_seconds": c.end if c.end is not None else "",
        }
        for c in chapters.chapters
    ]


def meeting_name(source: MinutesSource) -> str:
    """ "Children's Services Scrutiny Committee, 10 November 2026" """
    return f"{source.committee.name}, {long_date(source.meeting.date)}"


def recording_start(text: str | None, source: MinutesSource) -> dt.datetime | None:
    """The time the recording began (18:25 or 6.25pm, on the meeting's day), or None for the default."""
    if not text:
        return None
    from pydantic import TypeAdapter, ValidationError

    from scrutui.models import Time

    try:
        at = TypeAdapter(Time).validate_python(text)
    except ValidationError:
        raise ScrutuiError(
            f"--start {text}: give the time the recording began, such as 18:25 or 6.25pm."
        ) from None
    return dt.datetime.combine(source.meeting.date, at)


def render(chapters: Chapters, format_: str, name: str) -> tuple[str, Sequence[str]]:
    """The chapters as text in a format (youtube or vtt), and any warnings."""
    if format_ == "youtube":
        return youtube(chapters, name)
    if format_ == "vtt":
        return webvtt(chapters), []
    raise ValueError(format_)
