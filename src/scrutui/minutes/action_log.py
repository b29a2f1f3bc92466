"""The action log as minuted: what earlier meetings asked for, and what came of it by this one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from scrutui.minutes.document import Paragraph, Style
from scrutui.minutes.labels import part_label
from scrutui.minutes.numbering import minute_number
from scrutui.minutes.speakers import speaker_reference
from scrutui.minutes.wording import clause, long_date, sentence
from scrutui.models import InformationRequest, LabelStyle
from scrutui.store.people import KnownPeople
from scrutui.tracked import TrackedRecord

_CLOSED_WORDS = {
    "answered": "answered",
    "refused": "refused",
    "withdrawn": "withdrawn",
    "accepted": "accepted",
    "partly_accepted": "partly accepted",
    "rejected": "rejected",
    "noted": "noted",
}


def reported_by(entry: TrackedRecord, meeting_date: dt.date | None) -> bool:
    """True when a response to `entry` was in by the meeting (or was recorded at it)."""
    if entry.is_open:
        return False
    if entry.reported_on is not None or meeting_date is None:
        return True
    closed = entry.closed_on
    return closed is None or closed <= meeting_date


def carried_subject(entry: TrackedRecord, people: KnownPeople) -> str:
    """What an earlier request or recommendation was, and where it was made, as one phrase."""
    record, origin = entry.record, entry.origin
    number = minute_number(origin.item).rstrip(".")
    where = f"minute {number}, {long_date(origin.meeting_date)}" if number else long_date(origin.meeting_date)
    if isinstance(record, InformationRequest):
        who = f"of {speaker_reference(record.requested_of, people)}; " if record.requested_of else ""
        return f"{sentence(record.text).rstrip('.')} ({who}{where})"
    return f"The recommendation to {record.addressee} that {clause(record.text)} ({where})"


def carried_line(entry: TrackedRecord, people: KnownPeople, meeting_date: dt.date | None) -> str:
    """One line of an action log: the request or recommendation and what came of it by the meeting."""
    subject = carried_subject(entry, people)
    if reported_by(entry, meeting_date):
        word = _CLOSED_WORDS.get(entry.status, entry.status.replace("_", " "))
        when = f" on {long_date(entry.closed_on)}" if entry.closed_on else ""
        text = f"{subject}: {word}{when}."
        if entry.response:
            lead = "Reasons: " if entry.status == "refused" else ""
            text += f" {lead}{sentence(entry.response)}"
        return text
    due = entry.due
    if due is None:
        return f"{subject}: still awaited."
    late = "; overdue" if meeting_date is not None and due < meeting_date else ""
    return f"{subject}: due by {long_date(due)}{late}."


def action_log_paragraphs(
    entries: Sequence[TrackedRecord],
    meeting_date: dt.date | None,
    labels: LabelStyle,
    people: KnownPeople,
    *,
    confidential: bool = True,
    in_annex: bool = False,
) -> list[Paragraph]:
    """What the action log reported back to the meeting, then what was still awaited.

    Requests and recommendations made under exempt items are left out unless `confidential`, with
    a line saying that some were (and, `in_annex`, that the confidential annex has them).
    """
    shown = [e for e in entries if confidential or not e.origin.exempt]
    hidden = len(entries) - len(shown)
    paragraphs: list[Paragraph] = []
    if not shown and not hidden:
        return [
            Paragraph(
                Style.BODY,
                "There were no outstanding information requests or recommendations from earlier meetings.",
            )
        ]
    reported = [e for e in shown if reported_by(e, meeting_date)]
    awaited = [e for e in shown if not reported_by(e, meeting_date)]
    for lead, group in (
        (
            "The following responses to earlier information requests and recommendations were reported:",
            reported,
        ),
        ("The following were still awaited:", awaited),
    ):
        if not group:
            continue
        paragraphs.append(Paragraph(Style.BODY, lead))
        paragraphs += [
            Paragraph(Style.PART, carried_line(e, people, meeting_date), label=part_label(i, labels))
            for i, e in enumerate(group, start=1)
        ]
    if hidden:
        matters = "matter" if hidden == 1 else "matters"
        where = "recorded in the confidential annex" if in_annex else "not included in these public minutes"
        paragraphs.append(
            Paragraph(
                Style.BODY,
                f"{hidden} further {matters} from items considered in private {'is' if hidden == 1 else 'are'} {where}.",
            )
        )
    return paragraphs

