"""Any text at all: typed into a record, saved, exported and read back, it is the cleaned text."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from scrutui.export.minutes_export import MinutesExport, export_minutes
from scrutui.minutes import item_paragraphs
from scrutui.models import AgendaItem, Committee, Meeting, Narrative, Question, clean_line
from scrutui.store import open_store
from scrutui.store.people import KnownPeople
from tests.export.helpers import paragraphs

#: Every code point, surrogates and controls included: what a paste from anywhere can hold.
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=80)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=ANY_TEXT, narrative=ANY_TEXT, answer=ANY_TEXT)
def test_any_text_round_trips_through_store_and_word(title: str, narrative: str, answer: str) -> None:
    try:
        item = AgendaItem(meeting_id=0, number="7", title=title)
        note = Narrative(agenda_item_id=0, text=narrative)
        question = Question(agenda_item_id=0, asked_by="Councillor A", answer=answer)
    except ValidationError:
        assume(False)
        return
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "db.sqlite")
        try:
            committee = store.committees.add(Committee(name="Committee"))
            meeting = store.meetings.add(
                Meeting(committee_id=committee.id or 0, date="2026-12-03", time="18:30"), [item]
            )
            saved_item = store.agenda.for_meeting(meeting.id or 0)[0]
            item_id = saved_item.id or 0
            store.records.add(note.model_copy(update={"agenda_item_id": item_id}))
            store.records.add(question.model_copy(update={"agenda_item_id": item_id}))
            records = store.records.for_item(item_id)
            path = export_minutes(store, MinutesExport(meeting_id=meeting.id or 0, folder=Path(folder))).docx
        finally:
            store.close()
        found = paragraphs(path)
    # The title comes back exactly as cleaned when typed.
    assert ("Minute Heading", f"7.\t{clean_line(title)}") in found
    # The item's paragraphs come back exactly as the minutes worded them, in order, with their styles.
    expected = [
        (p.style.value, f"{p.label}\t{p.text}" if p.label else p.text)
        for p in item_paragraphs(saved_item, records, Committee(name="Committee"), KnownPeople(()))
    ]
    start = found.index(("Minute Heading", f"7.\t{clean_line(title)}")) + 1
    assert found[start : start + len(expected)] == expected
    # And what the store holds is the text cleaned once, on the way in.
    assert records[0].text == note.text and records[1].answer == question.answer  # type: ignore[union-attr]
