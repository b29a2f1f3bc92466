"""What may still change in a meeting's minutes once they are issued or approved.

Issued minutes keep their minute numbers. Approved minutes are a legal record: nothing in them is
changed except by a correction agreed at a later meeting (``SignoffRepository.correct_*``), which
writes through the private paths below. The follow-up of information requests and recommendations
(responses, status, a new due date) is not part of the minutes' text and may always be recorded.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from scrutui.errors import NotFound, ScrutuiError
from scrutui.models import MinutesStatus
from scrutui.store.base import Handle

#: Record fields the trackers keep up to date after a meeting, which are not the minutes' text.
FOLLOW_UP_FIELDS = frozenset(
    {
        "due_date",
        "due_date_by_hand",
        "status",
        "answered_on",
        "response",
        "response_due",
        "response_status",
        "response_date",
        "response_text",
        "created_at",
        "updated_at",
        "position",
        "version",
    }
)


class ApprovedMinutesError(ScrutuiError):
    """An edit to minutes that are approved, other than through a correction."""


class IssuedMinutesError(ScrutuiError):
    """A change that would alter the minute numbers of issued minutes."""


def _long(day: str) -> str:
    date = dt.date.fromisoformat(day)
    return f"{date.day} {date:%B %Y}"


def meeting_state(handle: Handle, meeting_id: int) -> tuple[MinutesStatus, str]:
    """A meeting's minutes status and its date (ISO)."""
    row = handle.row("SELECT status, date FROM meeting WHERE id = ?", [meeting_id])
    if row is None:
        raise NotFound(f"There is no meeting with id {meeting_id}.")
    return MinutesStatus(row["status"]), str(row["date"])


def meeting_of_item(handle: Handle, item_id: int) -> int:
    """The meeting an agenda item belongs to."""
    found = handle.scalar("SELECT meeting_id FROM agenda_item WHERE id = ?", [item_id])
    if found is None:
        raise NotFound(f"There is no agenda item with id {item_id}.")
    return int(found)


def meeting_of_record(handle: Handle, record_id: int) -> int:
    """The meeting a record belongs to."""
    found = handle.scalar(
        "SELECT a.meeting_id FROM record r JOIN agenda_item a ON a.id = r.agenda_item_id WHERE r.id = ?",
        [record_id],
    )
    if found is None:
        raise NotFound(f"There is no record with id {record_id}.")
    return int(found)


def ensure_not_approved(handle: Handle, meeting_id: int) -> None:
    """Refuse an edit to approved minutes: the only way to change them is a correction."""
    status, day = meeting_state(handle, meeting_id)
    if status is MinutesStatus.APPROVED:
        raise ApprovedMinutesError(
            f"The minutes of the meeting held on {_long(day)} are approved: they can be changed only "
            "by a correction agreed at a later meeting."
        )


def ensure_draft(handle: Handle, meeting_id: int, doing: str) -> None:
    """Refuse a change that would alter minute numbers once the draft is issued."""
    ensure_not_approved(handle, meeting_id)
    status, day = meeting_state(handle, meeting_id)
    if status is not MinutesStatus.DRAFT:
        raise IssuedMinutesError(
            f"The minutes of the meeting held on {_long(day)} have been issued and their minute numbers "
            f"are fixed, so {doing}."
        )


def only_follow_up_changed(before: Any, after: Any) -> bool:
    """True when two versions of a record differ only in follow-up fields (not the minutes' text)."""
    if before.kind is not after.kind:
        return False
    left = before.model_dump(mode="json", exclude=FOLLOW_UP_FIELDS)
    right = after.model_dump(mode="json", exclude=FOLLOW_UP_FIELDS)
    return bool(left == right)
