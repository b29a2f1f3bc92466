"""Models: validation, cleaning, and the round trip into SQLite and back for every kind."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from scrutui.models import (
    MAX_TEXT,
    AgendaItem,
    Assurance,
    AssuranceStatus,
    Committee,
    InformationRequest,
    Meeting,
    Narrative,
    Question,
    Recommendation,
    RequestStatus,
    Resolution,
    ResolutionForm,
    clean_line,
    clean_text,
    record_from_dict,
    validation_message,
)
from scrutui.store import Store
from tests.conftest import add_meeting

XML_ILLEGAL = {chr(c) for c in [*range(0, 9), 11, 12, *range(14, 32), 0xFFFE, 0xFFFF]}


def test_clean_text_removes_what_word_cannot_hold() -> None:
    assert clean_text("a\x00b\x07c\x0bd\x1fe\ufffe") == "abcde"
    assert clean_text("line\r\nnext\rthird") == "line\nnext\nthird"
    assert clean_text("lone \ud800 surrogate") == "lone \ufffd surrogate"
    assert clean_text("  Welsh ŵ ŷ, emoji 🙂, Arabic مرحبا  ") == "Welsh ŵ ŷ, emoji 🙂, Arabic مرحبا"


@given(st.text())
def test_clean_text_output_is_always_exportable(text: str) -> None:
    cleaned = clean_text(text)
    assert not (set(cleaned) & XML_ILLEGAL)
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in cleaned)
    assert clean_text(cleaned) == cleaned  # cleaning twice changes nothing


@given(st.text())
def test_clean_line_is_one_line(text: str) -> None:
    assert "\n" not in clean_line(text)


def test_required_fields_and_lengths_give_plain_messages() -> None:
    with pytest.raises(ValidationError) as error:
        Committee(name="   ")
    assert validation_message(error.value) == "name is required"
    with pytest.raises(ValidationError) as error:
        Narrative(agenda_item_id=1, text="\x00\x01")
    assert "needs some text" in validation_message(error.value)
    with pytest.raises(ValidationError):
        Question(agenda_item_id=1)
    with pytest.raises(ValidationError) as error:
        Narrative(agenda_item_id=1, text="x" * (MAX_TEXT + 1))
    assert "too long" in validation_message(error.value)


@pytest.mark.parametrize("typed", ["31/02/2026", "2026-13-01", "yesterday"])
def test_impossible_dates_are_refused(typed: str) -> None:
    with pytest.raises(ValidationError) as error:
        Meeting(committee_id=1, date=typed)
    assert "not a date" in validation_message(error.value)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("18:30", dt.time(18, 30)), ("6.30pm", dt.time(18, 30)), ("1830", dt.time(18, 30)), ("2pm", dt.time(14, 0)),
     ("9:05 AM", dt.time(9, 5)), ("12am", dt.time(0, 0)), ("13pm", None), ("123456", None)],
)
def test_times_accept_the_usual_forms(typed: str, expected: dt.time | None) -> None:
    if expected is None:
        with pytest.raises(ValidationError):
            Meeting(committee_id=1, date="2026-01-05", time=typed)
    else:
        assert Meeting(committee_id=1, date="5/1/2026", time=typed).time == expected


@pytest.mark.parametrize("typed", ["25:00", "18:75"])
def test_impossible_times_are_refused(typed: str) -> None:
    with pytest.raises(ValidationError) as error:
        Meeting(committee_id=1, date="2026-01-05", time=typed)
    assert "time" in validation_message(error.value)


def test_every_kind_round_trips_through_sqlite(store: Store) -> None:
    _, _, items = add_meeting(store)
    item = items[1].id
    assert item is not None
    originals = [
        Narrative(agenda_item_id=item, text="The Director presented the report.\n\nSecond paragraph."),
        Question(agenda_item_id=item, asked_by="Councillor Ann Ali", text="how many beds", answered_by="Director of Public Health", answer="there were 40"),
        Assurance(agenda_item_id=item, theme="Workforce", text="staffing was safe", response="it was", status=AssuranceStatus.PARTLY_GIVEN),
        InformationRequest(agenda_item_id=item, requested_of="Director", text="bed numbers", due_date=dt.date(2026, 12, 24), due_date_by_hand=True, status=RequestStatus.ANSWERED, answered_on=dt.date(2026, 12, 10), response="Sent"),
        Resolution(agenda_item_id=item, text="the report be noted", form=ResolutionForm.AGREED),
        Recommendation(agenda_item_id=item, addressee="Cabinet", text="funding continue", response_due=dt.date(2027, 2, 3)),
    ]
    for original in originals:
        saved = store.records.add(original)
        back = store.records.get(saved.id or 0)
        assert back.model_dump(exclude={"id", "position", "created_at", "updated_at"}) == original.model_dump(
            exclude={"id", "position", "created_at", "updated_at"}
        )
        assert record_from_dict(back.model_dump(mode="json")) == back


def test_committee_meeting_and_item_round_trip(store: Store) -> None:
    committee, meeting, items = add_meeting(store, attribution="a_member")
    assert store.committees.get(committee.id or 0) == committee
    assert store.meetings.get(meeting.id or 0) == meeting
    assert [i.title for i in items] == ["Apologies", "Winter pressures", "Work programme"]
    assert AgendaItem.model_validate(items[1].model_dump(mode="json")) == items[1]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1))
def test_any_text_round_trips_as_cleaned(store: Store, text: str) -> None:
    _, _, items = add_meeting(store) if store.committees.count() == 0 else (None, None, store.agenda.for_meeting(1))
    cleaned = clean_text(text)
    if not cleaned:
        with pytest.raises(ValidationError):
            Narrative(agenda_item_id=items[0].id or 0, text=text)
        return
    saved = store.records.add(Narrative(agenda_item_id=items[0].id or 0, text=text))
    stored = store.records.get(saved.id or 0)
    assert stored.text == saved.text
    # A narrative's text is its paragraphs and list items written out again: the characters typed are
    # all kept, in order (spacing folded, and any bullet written as "- ").
    assert _characters(stored.text) == _characters(cleaned)


def _characters(text: str) -> str:
    lines = (re.sub(r"^\s*[-*•‣◦▪](?=\s+\S)", "", line) for line in text.split("\n"))
    return re.sub(r"\s+", "", "".join(lines))
