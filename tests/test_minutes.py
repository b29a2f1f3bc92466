"""Minutes prose: what the preview shows and the export prints."""

from __future__ import annotations

import datetime as dt

from scrutui.minutes import (
    Style,
    build_minutes,
    clause,
    item_paragraphs,
    labelled_parts,
    long_date,
    long_time,
    part_label,
)
from scrutui.models import (
    AgendaItem,
    Assurance,
    AssuranceStatus,
    Committee,
    CommitteePerson,
    InformationRequest,
    LabelStyle,
    Meeting,
    Narrative,
    Person,
    Question,
    Recommendation,
    Resolution,
    ResolutionForm,
    Role,
)
from scrutui.store.people import KnownPeople

PEOPLE = KnownPeople(
    (
        CommitteePerson(person=Person(id=1, name="Councillor Jo Jones"), role=Role.MEMBER),
        CommitteePerson(person=Person(id=2, name="Sam Okafor", title="Director of Children's Services"), role=Role.OFFICER),
    )
)
ITEM = AgendaItem(id=9, meeting_id=1, number="4", title="Ofsted report", purpose="to consider the report")


def texts(committee: Committee, records: list) -> list[str]:  # type: ignore[type-arg]
    return [p.full_text for p in item_paragraphs(ITEM, records, committee, PEOPLE)]


def test_question_prose_names_the_member_and_the_officer_by_role() -> None:
    q = Question(agenda_item_id=9, asked_by="Cllr Jo Jones", text="how many posts were vacant?",
                 answered_by="Sam Okafor", answer="There were 51 posts.")
    assert texts(Committee(name="C"), [q])[1] == (
        "Councillor Jo Jones asked how many posts were vacant. In reply, the Director of Children's "
        "Services said that there were 51 posts."
    )


def test_a_member_attribution() -> None:
    q = Question(agenda_item_id=9, asked_by="Councillor Jo Jones", answered_by="Director of Children's Services",
                 answer="caseloads were 19")
    committee = Committee(name="C", question_attribution="a_member")
    assert texts(committee, [q])[1] == (
        "In reply to a question from a Member, the Director of Children's Services said that caseloads were 19."
    )
    asked = Question(agenda_item_id=9, asked_by="Councillor Jo Jones", text="whether it was funded")
    assert texts(committee, [asked])[1] == "A Member asked whether it was funded."


def test_assurance_themes_are_sub_headings_in_the_order_typed() -> None:
    records = [
        Assurance(agenda_item_id=9, theme="Workforce", text="agency use would fall", response="a campaign starts in January",
                  status=AssuranceStatus.PARTLY_GIVEN),
        Narrative(agenda_item_id=9, text="Members discussed budgets."),
        Assurance(agenda_item_id=9, theme="workforce", text="new workers were protected"),
        Assurance(agenda_item_id=9, theme="Leadership", text="the board met monthly", response="it did", status=AssuranceStatus.GIVEN),
        Assurance(agenda_item_id=9, theme="Workforce", text="supervision was monthly"),
    ]
    out = texts(Committee(name="C"), records)
    assert out[1] == "Workforce"
    assert out[2].startswith("The Committee sought assurance that agency use would fall. In response, it was stated")
    assert "partly assured" in out[2]
    # Already under "Workforce" (in any case): the heading is not repeated; the narrative stays in place.
    assert out[3:5] == ["Members discussed budgets.", "The Committee sought assurance that new workers were protected."]
    assert out[5:] == ["Leadership",
                       "The Committee sought assurance that the board met monthly. It was confirmed that it did.",
                       "Workforce", "The Committee sought assurance that supervision was monthly."]


def test_resolutions_recommendations_and_requests_in_house_style() -> None:
    records = [
        Resolution(agenda_item_id=9, text="That the report be noted."),
        Resolution(agenda_item_id=9, text="a review group be set up"),
        Resolution(agenda_item_id=9, text="the Director report back"),
        Resolution(agenda_item_id=9, text="the work programme be approved", form=ResolutionForm.AGREED),
        Recommendation(agenda_item_id=9, addressee="Cabinet", text="that early help be protected"),
        InformationRequest(agenda_item_id=9, requested_of="Sam Okafor", text="a copy of the risk register",
                           due_date=dt.date(2026, 12, 7)),
        InformationRequest(agenda_item_id=9, text="caseload figures"),
    ]
    paragraphs = item_paragraphs(ITEM, records, Committee(name="C", resolution_labels="roman"), PEOPLE)
    out = [(p.style, p.full_text) for p in paragraphs]
    assert out[1:] == [
        (Style.DECISION, "RESOLVED: That"),
        (Style.PART, "(i) the report be noted;"),
        (Style.PART, "(ii) a review group be set up; and"),
        (Style.PART, "(iii) the Director report back."),
        (Style.DECISION, "AGREED: That the work programme be approved."),
        (Style.DECISION, "RECOMMENDED to Cabinet that early help be protected."),
        (Style.DECISION, "That the following information be requested:"),
        (Style.PART, "(i) a copy of the risk register (of the Director of Children's Services, by 7 December 2026); and"),
        (Style.PART, "(ii) caseload figures."),
    ]


def test_labels_in_every_style() -> None:
    assert [part_label(i, LabelStyle.ALPHA) for i in (1, 2, 26, 27)] == ["(a)", "(b)", "(z)", "(aa)"]
    assert [part_label(i, LabelStyle.ROMAN) for i in (1, 4, 9, 14)] == ["(i)", "(iv)", "(ix)", "(xiv)"]
    assert part_label(3, LabelStyle.NUMBER_DOT) == "3." and part_label(3, LabelStyle.NUMBER_PAREN) == "3)"
    assert [p.text for p in labelled_parts(["a", "b"], LabelStyle.ALPHA)] == ["a; and", "b."]


def test_clause_and_dates() -> None:
    assert clause("That The report be noted.") == "the report be noted"
    assert clause("OFSTED be thanked;") == "OFSTED be thanked"
    assert long_date(dt.date(2026, 12, 7)) == "7 December 2026"
    assert long_time(dt.time(18, 30)) == "6.30 pm" and long_time(dt.time(12, 0)) == "12.00 pm"


def test_exempt_item_in_public_minutes_shows_only_public_parts() -> None:
    exempt = AgendaItem(id=9, meeting_id=1, number="8", title="Contract CANARY-TITLE", exempt_paragraph=3,
                        public_title="Contract award", public_summary="the Committee considered the award")
    records = {9: [Narrative(agenda_item_id=9, text="CANARY-RECORD secret figures")]}
    meeting = Meeting(id=1, committee_id=1, date="2026-12-03", time="18:30", venue="Room 1")
    public = build_minutes(meeting, Committee(name="C"), [exempt], records, PEOPLE)
    text = "\n".join(p.full_text for p in public.paragraphs())
    assert "CANARY" not in text and "Contract award" in text and "considered in private" in text
    full = build_minutes(meeting, Committee(name="C"), [exempt], records, PEOPLE, confidential=True)
    assert "CANARY-RECORD" in "\n".join(p.full_text for p in full.paragraphs())


def test_an_assurance_sought_as_a_question_reads_as_minutes_do() -> None:
    def sought(text: str) -> str:
        return texts(Committee(name="C"), [Assurance(agenda_item_id=9, text=text)])[1]

    assert sought("whether agency use would fall") == "The Committee sought assurance on whether agency use would fall."
    assert sought("How the plan was funded?") == "The Committee sought assurance on how the plan was funded."
    assert sought("as to the timetable") == "The Committee sought assurance as to the timetable."
    assert sought("that caseloads would fall") == "The Committee sought assurance that caseloads would fall."
