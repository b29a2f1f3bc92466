"""Keeping what was composed between compositions of an item (each record's words, each decision's
parts, and the discussion before the last record, which the next composition goes on from) changes
nothing in what is composed: after records are added, edited (the last one among them, as an answer
or a list item edits it), replaced and removed, under sub-headings and around motions put to the
vote, and after the people or the house style change, the item reads exactly as composed from
scratch."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from scrutui.minutes import item_paragraphs
from scrutui.minutes.discussion import ProseCache
from scrutui.models import (
    AgendaItem,
    Assurance,
    Attribution,
    Committee,
    CommitteePerson,
    Heading,
    InformationRequest,
    Motion,
    MotionOutcome,
    Narrative,
    Person,
    Question,
    Recommendation,
    Record,
    Resolution,
    Role,
)
from scrutui.store.people import KnownPeople

ITEM = AgendaItem(id=4, meeting_id=1, number="4", title="Winter pressures", purpose="To review winter plans")
PEOPLE = KnownPeople(
    (
        CommitteePerson(person=Person(id=1, name="Councillor Jo Jones"), role=Role.MEMBER),
        CommitteePerson(person=Person(id=2, name="Sam Okafor", title="Director of Public Health"), role=Role.OFFICER),
    )
)
FEWER = KnownPeople(PEOPLE.people[:1])


def make(kind: int, n: int) -> Record:
    text = f"point {n} about the winter plan"
    match kind % 10:
        case 0:
            return Narrative(id=n, agenda_item_id=4, text=f"The Director presented {text}.\n- beds {n}")
        case 1:
            return Question(id=n, agenda_item_id=4, asked_by="Cllr Jo Jones", text=text, answered_by="Sam Okafor",
                            answer=f"yes {n}" if n % 2 else "")
        case 2:
            return Assurance(id=n, agenda_item_id=4, theme="Workforce" if n % 2 else "", text=text,
                             responded_by="Director of Public Health", response=f"it would {n}")
        case 3:
            return InformationRequest(id=n, agenda_item_id=4, requested_of="Sam Okafor", text=text)
        case 4:
            return Resolution(id=n, agenda_item_id=4, text=f"the report {n} be noted")
        case 5:
            return Recommendation(id=n, agenda_item_id=4, addressee="Cabinet", text=f"funding {n} be protected")
        case 6:
            return Heading(id=n, agenda_item_id=4, text="Workforce" if n % 2 else "Budget")
        case 7:
            return Heading(id=n, agenda_item_id=4, ends_section=True)
        case 8:
            return Motion(id=n, agenda_item_id=4, moved_by="Cllr Jo Jones", text=f"the plan {n} be endorsed")
        case _:
            return Motion(
                id=n, agenda_item_id=4, text=f"the plan {n} be deferred", amendment=n % 2 == 0,
                outcome=MotionOutcome.CARRIED, votes_for=3, votes_against=1, abstentions=0,
            )


#: What happens between two compositions: add a record, edit one (a new object), remove one, or
#: change the people known or the committee's style.
steps = st.lists(
    st.tuples(
        st.sampled_from(["add", "add", "edit", "edit last", "remove", "people", "style"]), st.integers(0, 50)
    ),
    max_size=30,
)


@settings(max_examples=150, deadline=None)
@given(steps)
def test_kept_words_compose_the_same_item_as_fresh_ones(changes: list[tuple[str, int]]) -> None:
    committee = Committee(name="Health Scrutiny Committee")
    people = PEOPLE
    records: list[Record] = [make(k, k + 100) for k in range(6)]
    cache = ProseCache()
    for change, n in changes:
        if change == "add":
            records = [*records, make(n, 200 + len(records))]
        elif change.startswith("edit") and records:
            at = len(records) - 1 if change == "edit last" else n % len(records)
            records[at] = records[at].model_copy(update={"text": f"edited {n}"})
        elif change == "remove" and records:
            del records[n % len(records)]
        elif change == "people":
            people = FEWER if people is PEOPLE else PEOPLE
        elif change == "style":
            committee = committee.model_copy(
                update={"question_attribution": Attribution.A_MEMBER if n % 2 else Attribution.NAMED}
            )
        kept = item_paragraphs(ITEM, records, committee, people, prose=cache)
        assert kept == item_paragraphs(ITEM, records, committee, people)
