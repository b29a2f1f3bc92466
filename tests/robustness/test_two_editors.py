"""Two editors on one record (two clerks, or two windows): an edit made from what was opened before
someone else's change is never saved over it silently. Both texts are kept (the other as a revision)
and the clerk is told, and chooses."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from pathlib import Path

import pytest

from scrutui.errors import ScrutuiError
from scrutui.models import InformationRequest, Narrative, RequestStatus
from scrutui.session import MinutingSession, NarrativeDraft
from scrutui.store import Store, open_store
from scrutui.tracker.rules import Tracker
from tests.conftest import add_meeting_to

A_TEXT = "A: The Director presented the report and took questions on agency staff."
B_TEXT = "B: The Director presented the report; members asked about the vacancy rate."


def everything_kept(store: Store, record_id: int) -> str:
    """The record's text and every text its history holds, as one string."""
    found = [store.records.get(record_id, include_deleted=True).model_dump_json()]
    for revision in store.records.revisions(record_id):
        if revision["before"]:
            found.append(json.dumps(json.loads(revision["before"]), ensure_ascii=False))
    return "\n".join(found)


@pytest.fixture
def two_clerks(db_path: Path):  # type: ignore[no-untyped-def]
    _, meeting, items = add_meeting_to(db_path)
    a_store, b_store = open_store(db_path), open_store(db_path)
    try:
        yield MinutingSession(a_store, meeting.id or 0), MinutingSession(b_store, meeting.id or 0), items[1].id or 0
    finally:
        a_store.close()
        b_store.close()


def test_an_autosave_never_overwrites_what_another_editor_saved(two_clerks) -> None:  # type: ignore[no-untyped-def]
    a, b, item_id = two_clerks
    first = a.store.records.add(Narrative(agenda_item_id=item_id, text="The Director presented."))
    assert isinstance(first, Narrative) and first.id is not None
    draft_a = NarrativeDraft(a, item_id, first)
    draft_a.save("The Director presented the report.")  # A's first autosave
    [opened_by_b] = b.records(item_id)
    assert isinstance(opened_by_b, Narrative)
    draft_b = NarrativeDraft(b, item_id, opened_by_b)
    draft_b.save(B_TEXT)
    draft_b.finish(B_TEXT)  # B sees "Saved"
    with contextlib.suppress(ScrutuiError):
        draft_a.save(A_TEXT)  # A's next autosave, from the text A opened
    kept = everything_kept(a.store, first.id)
    assert B_TEXT in kept and A_TEXT in kept
    assert a.store.records.get(first.id).text == B_TEXT  # B's save was not overwritten


def test_a_form_saved_from_a_stale_copy_is_refused_and_kept(two_clerks) -> None:  # type: ignore[no-untyped-def]
    a, b, item_id = two_clerks
    record = a.store.records.add(Narrative(agenda_item_id=item_id, text="The Director presented."))
    assert record.id is not None
    stale = a.records(item_id)[0]  # what A's form opened with
    b.save(b.records(item_id)[0].model_copy(update={"text": B_TEXT}))
    with pytest.raises(ScrutuiError, match="changed elsewhere"):
        a.save(stale.model_copy(update={"text": A_TEXT}))
    assert a.store.records.get(record.id).text == B_TEXT
    assert A_TEXT in everything_kept(a.store, record.id)


def test_a_response_recorded_from_a_stale_form_is_refused_and_kept(two_clerks) -> None:  # type: ignore[no-untyped-def]
    a, b, item_id = two_clerks
    request = a.store.records.add(InformationRequest(agenda_item_id=item_id, text="the risk register"))
    assert request.id is not None
    later = lambda: dt.date(2026, 12, 10)  # noqa: E731 - a week after the meeting
    tracker_a, tracker_b = Tracker(a.store, later), Tracker(b.store, later)
    opened = tracker_a.get(request.id)  # A opens the response form
    tracker_b.respond(request.id, RequestStatus.ANSWERED, None, "Sent by email on Monday.")
    with pytest.raises(ScrutuiError, match="changed elsewhere"):
        tracker_a.respond(
            request.id, RequestStatus.REFUSED, None, "Commercially sensitive.", expected=opened.record.version
        )
    saved = a.store.records.get(request.id)
    assert isinstance(saved, InformationRequest) and saved.response == "Sent by email on Monday."
    assert "Commercially sensitive." in everything_kept(a.store, request.id)


def test_an_editor_on_a_record_deleted_elsewhere_keeps_its_text(two_clerks) -> None:  # type: ignore[no-untyped-def]
    a, b, item_id = two_clerks
    first = a.store.records.add(Narrative(agenda_item_id=item_id, text="The Director presented."))
    assert isinstance(first, Narrative) and first.id is not None
    draft_a = NarrativeDraft(a, item_id, first)
    draft_a.save("The Director presented the report.")
    b.delete(first.id)
    with pytest.raises(ScrutuiError, match="deleted elsewhere"):
        draft_a.save(A_TEXT)
    assert A_TEXT in everything_kept(a.store, first.id)


def test_undo_does_not_put_back_over_a_later_change_made_elsewhere(two_clerks) -> None:  # type: ignore[no-untyped-def]
    a, b, item_id = two_clerks
    record = a.store.records.add(Narrative(agenda_item_id=item_id, text="The Director presented."))
    assert record.id is not None
    a.save(a.records(item_id)[0].model_copy(update={"text": A_TEXT}))
    b.save(b.records(item_id)[0].model_copy(update={"text": B_TEXT}))
    with pytest.raises(ScrutuiError, match="changed elsewhere"):
        a.undo()
    assert a.store.records.get(record.id).text == B_TEXT
