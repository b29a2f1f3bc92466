"""The minutes document with every formality: the roll call, declarations, arrivals and departures,
withdrawals, exempt items both ways (public stubs; the full minute only in the confidential annex),
the drafted exclusion resolution, and the house numbering schemes."""

from __future__ import annotations

from scrutui.formalities import AttendanceStatus, Declaration, InterestAction, InterestCategory, Movement
from scrutui.minutes import ANNEX_HEADING, MinutesDocument, Style, build_from
from scrutui.models import Narrative, Question, Resolution
from scrutui.store import Store
from tests.formal import Setup, formal_meeting

CANARY = "CANARY-7f3e"  # only ever in the confidential records of the exempt item


def lines(document: MinutesDocument) -> list[tuple[Style, str]]:
    return [(p.style, p.full_text) for p in document.paragraphs()]


def minuted(store: Store, **settings: object) -> Setup:
    setup = formal_meeting(store, **settings)
    m, p = setup.meeting_id, setup.people
    for name in ("Ali", "Brook", "Cole"):
        store.attendance.set_status(m, p[name], AttendanceStatus.PRESENT)
    store.attendance.set_status(m, p["Ford"], AttendanceStatus.PRESENT)
    store.attendance.add_substitute(m, "Councillor Zoe Zane", p["Dean"])
    for item in setup.items:
        store.agenda.take(item.id or 0)
    winter, exempt = setup.item("Winter"), setup.item("Care home contract:")
    store.agenda.update(
        exempt.model_copy(
            update={
                "exempt_paragraph": 3,
                "public_title": "Care home contract: terms",
                "public_summary": "The Committee considered the commercial terms of the contract.",
            }
        )
    )
    store.attendance.record_movement(m, p["Brook"], Movement.LEFT, winter.id, at="2026-12-03T19:42:00")
    store.attendance.declare(
        Declaration(meeting_id=m, agenda_item_id=exempt.id or 0, person_id=p["Ali"],
                    category=InterestCategory.DISCLOSABLE_PECUNIARY, nature="a director of the provider",
                    action=InterestAction.WITHDREW)
    )
    store.records.add(Narrative(agenda_item_id=winter.id or 0, text="The Director presented the report."))
    store.records.add(Resolution(agenda_item_id=winter.id or 0, text="the report be noted"))
    store.records.add(Narrative(agenda_item_id=exempt.id or 0, text=f"The bid prices were compared {CANARY}."))
    store.records.add(
        Question(agenda_item_id=exempt.id or 0, asked_by="Councillor Cy Cole", text=f"why {CANARY} was chosen",
                 answered_by="Fay Ford", answer=f"{CANARY} scored highest")
    )
    store.records.add(Resolution(agenda_item_id=exempt.id or 0, text=f"the award to {CANARY} be endorsed"))
    return setup


def test_an_exempt_item_exported_both_ways(store: Store) -> None:
    setup = minuted(store)
    source = store.signoff.source(setup.meeting_id)
    public = lines(build_from(source))
    public_text = "\n".join(text for _, text in public)
    assert CANARY not in public_text
    assert "commercial terms)" not in public_text  # the private title stays private too
    assert ANNEX_HEADING not in public_text
    stub_at = public.index((Style.ITEM_HEADING, "7. Care home contract: terms"))
    assert public[stub_at + 1:stub_at + 5] == [
        (Style.NOTE, "Councillor Ann Ali withdrew from the meeting during consideration of this item, having "
                     "declared a disclosable pecuniary interest."),
        (Style.BODY, "This item was considered in private: the public were excluded as it involved exempt "
                     "information as defined in paragraph 3 of Part 1 of Schedule 12A to the Local Government "
                     "Act 1972."),
        (Style.BODY, "The Committee considered the commercial terms of the contract."),
        (Style.NOTE, "The full minute is recorded in a confidential annex, not for publication."),
    ]
    exclusion = public[public.index((Style.ITEM_HEADING, "6. Exclusion of the press and public")) + 1]
    assert exclusion[0] is Style.DECISION
    assert exclusion[1].startswith("RESOLVED: That under section 100A(4) of the Local Government Act 1972, the "
                                   "public be excluded from the meeting for minute 7 (Care home contract: terms)")
    assert "paragraph 3 of Part 1 of Schedule 12A" in exclusion[1]

    confidential = lines(build_from(source, confidential=True))
    annex_at = confidential.index((Style.ANNEX, ANNEX_HEADING))
    body, annex = confidential[:annex_at], confidential[annex_at:]
    assert (Style.MARK, "CONFIDENTIAL") in body
    assert CANARY not in "\n".join(text for _, text in body)  # the body is the public minutes
    assert annex[1] == (Style.ITEM_HEADING, "7. Care home contract: commercial terms")
    annex_text = "\n".join(text for _, text in annex)
    assert f"The bid prices were compared {CANARY}." in annex_text
    assert f"RESOLVED: That the award to {CANARY} be endorsed." in annex_text
    assert f"Councillor Cy Cole asked why {CANARY} was chosen" in annex_text


def test_attendance_declarations_and_movements_in_the_usual_words(store: Store) -> None:
    setup = minuted(store)
    document = lines(build_from(store.signoff.source(setup.meeting_id)))
    front = document[: document.index((Style.ITEM_HEADING, "1. Apologies for absence"))]
    assert front[3:] == [
        (Style.SECTION, "Present"),
        (Style.ATTENDANCE, "Councillor Ann Ali (Chair)"),
        (Style.ATTENDANCE, "Councillor Ben Brook (Vice-Chair)"),
        (Style.ATTENDANCE, "Councillor Cy Cole"),
        (Style.SECTION, "Apologies for absence"),
        (Style.ATTENDANCE, "Councillor Di Dean"),
        (Style.SECTION, "Substitutes"),
        (Style.ATTENDANCE, "Councillor Zoe Zane (substituting for Councillor Di Dean)"),
        (Style.SECTION, "In attendance"),
        (Style.ATTENDANCE, "Fay Ford (Director of Public Health)"),
    ]
    declarations = document.index((Style.ITEM_HEADING, "2. Declarations of interest"))
    # The item is exempt: public minutes withhold the nature unless the committee chooses otherwise.
    assert document[declarations + 1] == (
        Style.BODY,
        "Councillor Ann Ali declared a disclosable pecuniary interest in minute 7 (Care home contract: terms), "
        "the nature of which is withheld from the public minutes as it concerns exempt information, and "
        "withdrew from the meeting during its consideration.",
    )
    published = lines(build_from(store.signoff.source(setup.meeting_id), confidential=True))
    assert published[published.index((Style.ITEM_HEADING, "2. Declarations of interest")) + 1] == (
        Style.BODY,
        "Councillor Ann Ali declared a disclosable pecuniary interest in minute 7 (Care home contract: terms) "
        "as a director of the provider, and withdrew from the meeting during its consideration.",
    )
    winter = document.index((Style.ITEM_HEADING, "4. Winter pressures"))
    assert document[winter + 1] == (
        Style.NOTE, "Councillor Ben Brook left the meeting at 7.42 pm during consideration of this item."
    )


def test_item_paragraph_numbering_labels_each_paragraph(store: Store) -> None:
    setup = minuted(store, numbering_scheme="item_paragraph")
    document = lines(build_from(store.signoff.source(setup.meeting_id)))
    winter = document.index((Style.ITEM_HEADING, "4. Winter pressures"))
    assert document[winter + 1:winter + 4] == [
        (Style.NOTE, "4.1 Councillor Ben Brook left the meeting at 7.42 pm during consideration of this item."),
        (Style.BODY, "4.2 The Director presented the report."),
        (Style.DECISION, "RESOLVED: That the report be noted."),
    ]


def test_item_paragraph_numbering_numbers_decisions_when_the_committee_does(store: Store) -> None:
    setup = minuted(store, numbering_scheme="item_paragraph", number_decisions=True)
    document = lines(build_from(store.signoff.source(setup.meeting_id)))
    winter = document.index((Style.ITEM_HEADING, "4. Winter pressures"))
    assert document[winter + 3] == (Style.DECISION, "4.3 RESOLVED: That the report be noted.")


def test_number_year_headings(store: Store) -> None:
    setup = formal_meeting(store, numbering_scheme="number_year", numbering_start=60, date="2026-03-10")
    for item in setup.items[:2]:
        store.agenda.take(item.id or 0)
    headings = [text for style, text in lines(build_from(store.signoff.source(setup.meeting_id)))
                if style is Style.ITEM_HEADING]
    assert headings[:2] == ["60/25 Apologies for absence", "61/25 Declarations of interest"]
