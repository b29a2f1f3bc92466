"""House style the clerk chooses, read back from the Word document: each setting's exact wording and
labels on a meeting with resolutions, a recommendation and three information requests; item.paragraph
numbering; the meeting's end; blanks to fill in refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from scrutui.errors import ScrutuiError
from scrutui.export.minutes_export import MinutesExport, export_minutes
from scrutui.models import (
    AgendaItem,
    Committee,
    InformationRequest,
    Narrative,
    Recommendation,
    Resolution,
)
from scrutui.store import Store
from tests.conftest import add_meeting
from tests.export.helpers import paragraphs

DUE = dt.date(2026, 12, 17)


def decisions_meeting(store: Store, **style: object) -> int:
    """A meeting whose second item has two resolutions, a recommendation and three requests."""
    committee, meeting, items = add_meeting(store)
    assert committee.id is not None and meeting.id is not None
    store.committees.update(Committee.model_validate({**committee.model_dump(), **style}))
    item = items[1].id or 0
    add = store.records.add
    add(Resolution(agenda_item_id=item, text="The Ofsted report be noted"))
    add(Resolution(agenda_item_id=item, text="a review group be set up"))
    add(Recommendation(agenda_item_id=item, addressee="Cabinet", text="winter funding be protected"))
    for text, of in (
        ("A copy of the winter plan", "Director of Public Health"),
        ("the bed figures for December", ""),
        ("clarification of the discharge target", "Monitoring Officer"),
    ):
        add(InformationRequest(agenda_item_id=item, text=text, requested_of=of, due_date=DUE, due_date_by_hand=True))
    return meeting.id


def item_two(store: Store, meeting_id: int, folder: Path) -> list[tuple[str, str]]:
    path = export_minutes(store, MinutesExport(meeting_id=meeting_id, folder=folder)).docx
    found = paragraphs(path)
    start = found.index(("Minute Heading", "2.\tWinter pressures"))
    end = found.index(("Minute Heading", "3.\tWork programme"))
    return found[start + 2 : end]  # after the purpose


def test_the_default_house_style(store: Store, tmp_path: Path) -> None:
    assert item_two(store, decisions_meeting(store), tmp_path) == [
        ("Minute Decision", "RESOLVED: That"),
        ("Minute Decision Part", "(a)\tthe Ofsted report be noted; and"),
        ("Minute Decision Part", "(b)\ta review group be set up."),
        ("Minute Decision", "RECOMMENDED to Cabinet that winter funding be protected."),
        ("Minute Decision", "That the following information be requested:"),
        ("Minute Decision Part", "(a)\ta copy of the winter plan (of the Director of Public Health, by 17 December 2026);"),
        ("Minute Decision Part", "(b)\tthe bed figures for December (by 17 December 2026); and"),
        ("Minute Decision Part", "(c)\tclarification of the discharge target (of the Monitoring Officer, by 17 December 2026)."),
    ]


def test_a_council_that_resolves_that_the_committee_expects(store: Store, tmp_path: Path) -> None:
    meeting_id = decisions_meeting(
        store,
        resolution_lead="It was resolved that:",
        resolution_labels="roman",
        request_lead="And that the following information requests be made:",
        request_labels="alpha",
        request_due_dates=False,
        recommendation_lead="RECOMMENDED to {body}:",
    )
    assert item_two(store, meeting_id, tmp_path) == [
        ("Minute Decision", "It was resolved that:"),
        ("Minute Decision Part", "(i)\tthe Ofsted report be noted; and"),
        ("Minute Decision Part", "(ii)\ta review group be set up."),
        ("Minute Decision", "RECOMMENDED to Cabinet winter funding be protected."),
        ("Minute Decision", "And that the following information requests be made:"),
        ("Minute Decision Part", "(a)\ta copy of the winter plan (of the Director of Public Health);"),
        ("Minute Decision Part", "(b)\tthe bed figures for December; and"),
        ("Minute Decision Part", "(c)\tclarification of the discharge target (of the Monitoring Officer)."),
    ]


def test_numbered_parts_with_capitals_and_full_stops(store: Store, tmp_path: Path) -> None:
    meeting_id = decisions_meeting(
        store,
        resolution_lead="Resolved that the Committee:",
        resolution_labels="number_dot",
        part_case="capital",
        part_endings="full_stops",
        request_labels="number_paren",
    )
    found = item_two(store, meeting_id, tmp_path)
    assert found[:3] == [
        ("Minute Decision", "Resolved that the Committee:"),
        ("Minute Decision Part", "1.\tThe Ofsted report be noted."),
        ("Minute Decision Part", "2.\tA review group be set up."),
    ]
    assert found[-3:] == [
        ("Minute Decision Part", "1)\tA copy of the winter plan (of the Director of Public Health, by 17 December 2026)."),
        ("Minute Decision Part", "2)\tThe bed figures for December (by 17 December 2026)."),
        ("Minute Decision Part", "3)\tClarification of the discharge target (of the Monitoring Officer, by 17 December 2026)."),
    ]


def test_parts_typed_as_typed(store: Store, tmp_path: Path) -> None:
    found = item_two(store, decisions_meeting(store, part_case="as_typed"), tmp_path)
    assert found[1] == ("Minute Decision Part", "(a)\tThe Ofsted report be noted; and")
    assert found[5] == (
        "Minute Decision Part", "(a)\tA copy of the winter plan (of the Director of Public Health, by 17 December 2026);"
    )


def test_procedural_decisions_have_their_own_lead_in_and_labels(store: Store, tmp_path: Path) -> None:
    committee, meeting, items = add_meeting(store)
    store.committees.update(
        committee.model_validate({**committee.model_dump(), "agreed_lead": "AGREED", "agreed_labels": "number_dot"})
    )
    for text in ("the work programme be approved", "the next meeting be on 4 March"):
        store.records.add(Resolution(agenda_item_id=items[2].id or 0, text=text, form="agreed"))
    path = export_minutes(store, MinutesExport(meeting_id=meeting.id or 0, folder=tmp_path)).docx
    found = paragraphs(path)
    start = found.index(("Minute Heading", "3.\tWork programme"))
    assert found[start + 1 : start + 4] == [
        ("Minute Decision", "AGREED:"),
        ("Minute Decision Part", "1.\tthe work programme be approved; and"),
        ("Minute Decision Part", "2.\tthe next meeting be on 4 March."),
    ]


def test_item_paragraph_numbers_only_the_substantive_paragraphs(store: Store, tmp_path: Path) -> None:
    committee, meeting, _ = add_meeting(store)
    store.committees.update(committee.model_validate({**committee.model_dump(), "numbering_scheme": "item_paragraph"}))
    item = store.agenda.add(
        AgendaItem(meeting_id=meeting.id or 0, number="4", title="Ofsted improvement plan", purpose="To review the plan")
    )
    add = store.records.add
    for text in ("The Director presented the plan.", "Members asked about caseloads.",
                 "The areas for improvement were:\n- supervision\n- timeliness\n- recruitment",
                 "The Chair thanked the officers."):
        add(Narrative(agenda_item_id=item.id or 0, text=text))
    add(Resolution(agenda_item_id=item.id or 0, text="the plan be noted"))
    store.agenda.take(item.id or 0)
    path = export_minutes(store, MinutesExport(meeting_id=meeting.id or 0, folder=tmp_path)).docx
    found = paragraphs(path)
    start = found.index(("Minute Heading", "4.\tOfsted improvement plan"))
    end = [style for style, _ in found].index("Minutes Signature")
    assert found[start + 1 : end] == [
        ("Minute Purpose", "To review the plan."),
        ("Minute Body", "4.1\tThe Director presented the plan."),
        ("Minute Body", "4.2\tMembers asked about caseloads."),
        ("Minute Body", "4.3\tThe areas for improvement were:"),
        ("Minute Bullet", "Supervision"),
        ("Minute Bullet", "Timeliness"),
        ("Minute Bullet", "Recruitment"),
        ("Minute Body", "4.4\tThe Chair thanked the officers."),
        ("Minute Decision", "RESOLVED: That the plan be noted."),
    ]


def test_the_minutes_say_when_the_meeting_ended(store: Store, tmp_path: Path) -> None:
    _, meeting, items = add_meeting(store)
    store.records.add(Narrative(agenda_item_id=items[0].id or 0, text="There were none."))
    with store.handle.write() as conn:
        conn.execute("UPDATE meeting SET ended_at = '2026-12-03T20:42:10' WHERE id = ?", [meeting.id])
    found = paragraphs(export_minutes(store, MinutesExport(meeting_id=meeting.id or 0, folder=tmp_path)).docx)
    assert ("Minute Note", "The meeting ended at 8.42 pm.") in found
    assert [style for style, _ in found].index("Minute Note") > [t for _, t in found].index("3.\tWork programme")


def test_minutes_with_a_blank_to_fill_in_are_neither_exported_nor_issued(store: Store, tmp_path: Path) -> None:
    _, meeting, items = add_meeting(store)
    store.records.add(Resolution(agenda_item_id=items[0].id or 0, text="the minutes of <date> be confirmed"))
    store.records.add(Narrative(agenda_item_id=items[1].id or 0, text="Smith & Jones <Ltd> tendered."))
    with pytest.raises(ScrutuiError, match=r"blank to fill in, in 1\. Apologies: <date>"):
        export_minutes(store, MinutesExport(meeting_id=meeting.id or 0, folder=tmp_path))
    assert not list(tmp_path.glob("*.docx"))
    with pytest.raises(ScrutuiError, match=r"<date> in item 1 \(Apologies\)"):
        store.signoff.issue(meeting.id or 0)
    assert store.meetings.get(meeting.id or 0).status.value == "draft"


def test_the_readme_shows_the_default_house_style_as_it_prints() -> None:
    from scrutui.minutes.examples import house_style_examples

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    shown = house_style_examples(Committee(name="Any"))
    assert shown["resolutions"] in readme
    assert shown["requests"].split(";")[0] in readme
