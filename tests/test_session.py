"""Live minuting without the screen: submit, answer, edit, delete, undo, move, autosaved narrative."""

from __future__ import annotations

import datetime as dt

from scrutui.models import InformationRequest, Narrative, Person, Question, Recommendation, Role
from scrutui.session import MinutingSession, NarrativeDraft
from scrutui.store import Store
from tests.conftest import add_meeting


def session_on(store: Store) -> tuple[MinutingSession, int]:
    _, meeting, items = add_meeting(store)
    return MinutingSession(store, meeting.id or 0), items[1].id or 0


def test_answer_line_completes_the_last_open_question(store: Store) -> None:
    session, item = session_on(store)
    session.submit(item, "q Cllr Ben Brook: how many beds were open")
    saved = session.submit(item, "a Director of Public Health: 40 beds were open")
    assert saved is not None and saved.answered
    [record] = session.records(item)
    assert isinstance(record, Question)
    assert (record.asked_by, record.answered_by, record.answer) == (
        "Cllr Ben Brook", "Director of Public Health", "40 beds were open")
    assert session.undo() is not None
    [record] = session.records(item)
    assert isinstance(record, Question) and record.answer == ""


def test_due_dates_are_worked_out_from_the_meeting(store: Store) -> None:
    session, item = session_on(store)
    request = session.submit(item, "ir Director of Public Health: bed numbers by ward")
    recommendation = session.submit(item, "rec that winter funding continue")
    assert request is not None and isinstance(request.record, InformationRequest)
    # Thursday 3 December 2026 + 10 clear working days = Thursday 17 December.
    assert request.record.due_date == dt.date(2026, 12, 17)
    assert recommendation is not None and isinstance(recommendation.record, Recommendation)
    assert recommendation.record.response_due == dt.date(2027, 2, 3)


def test_unknown_names_are_reported_and_can_be_added(store: Store) -> None:
    session, item = session_on(store)
    saved = session.submit(item, "q Dr Priya Shah: whether beds were safe | Ward Manager: they were")
    assert saved is not None and saved.unknown_names == ("Dr Priya Shah", "Ward Manager")
    session.add_person(Person(name="Dr Priya Shah", title="Ward Manager"), Role.WITNESS)
    assert session.people.is_known("Dr Priya Shah") and session.people.is_known("ward manager")


def test_delete_undo_move_and_edit(store: Store) -> None:
    session, item = session_on(store)
    ids = [session.submit(item, text).record.id for text in ("first", "second", "third")]  # type: ignore[union-attr]
    session.delete(ids[1] or 0)
    assert [r.text for r in session.records(item)] == ["first", "third"]
    session.undo()
    assert [r.text for r in session.records(item)] == ["first", "second", "third"]
    assert session.move(ids[2] or 0, -1)
    assert [r.text for r in session.records(item)] == ["first", "third", "second"]
    assert not session.move(ids[0] or 0, -1)
    session.undo()
    assert [r.text for r in session.records(item)] == ["first", "second", "third"]
    edited = Narrative(id=ids[0], agenda_item_id=item, text="first, edited")
    session.save(edited)
    assert session.records(item)[0].text == "first, edited"
    assert [r["action"] for r in store.records.revisions(ids[0] or 0)] == ["edit"]
    session.undo()
    assert session.records(item)[0].text == "first"


def test_narrative_draft_saves_once_per_change_and_undoes_as_one(store: Store) -> None:
    session, item = session_on(store)
    draft = NarrativeDraft(session, item, None)
    assert draft.save("") is None
    first = draft.save("The Director")
    assert first is not None
    draft.save("The Director presented")
    draft.save("The Director presented the plan.")
    assert draft.save("The Director presented the plan.") is None  # unchanged: nothing written
    [record] = session.records(item)
    assert record.text == "The Director presented the plan."
    assert store.records.revisions(record.id or 0) == []  # autosaves of a new narrative keep no revisions
    session.undo()
    assert session.records(item) == []


def test_emptied_narrative_is_deleted_on_leaving(store: Store) -> None:
    session, item = session_on(store)
    saved = session.submit(item, "A note to remove")
    assert saved is not None and isinstance(saved.record, Narrative)
    draft = NarrativeDraft(session, item, saved.record)
    assert draft.finish("   ") is None
    assert session.records(item) == []
    session.undo()
    assert [r.text for r in session.records(item)] == ["A note to remove"]
