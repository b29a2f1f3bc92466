"""A fast typist's ordinary sentences never change kind: every sentence of the published minutes and
reports in shared/examples, typed on the capture line in lower case, is saved as a narrative with its
text intact. And the sentences that were misread before the capture grammar changed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scrutui.blocks import is_list_line, read_line
from scrutui.capture import ANSWER_READING, ASSURANCE_READING, CaptureKind, describe
from scrutui.minutes import assurance_prose, question_prose
from scrutui.models import Assurance, AssuranceStatus, Narrative, Question, clean_text
from scrutui.session import MinutingSession
from scrutui.store import Store
from tests.conftest import add_meeting

EXAMPLES = Path(__file__).resolve().parent / "fixtures" / "examples"
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "examples"


def corpus_sentences() -> list[str]:
    """Every sentence of the examples, in lower case. A line's list marker ("- ", "(a) ", "1. ") is
    left off: a list item typed on the capture line is meant as one (tested apart)."""
    sentences: list[str] = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = raw.strip()
            while line and is_list_line(line):
                line = read_line(line).text
            for sentence in re.split(r"(?<=[.?!])\s+", line):
                if sentence.strip():
                    sentences.append(sentence.strip().lower())
    return sentences


SENTENCES = corpus_sentences()


def test_the_corpus_is_there_and_large() -> None:
    copies = sorted(p.name for p in EXAMPLES.glob("*.txt"))
    assert len(copies) == 3
    if SHARED.is_dir():
        for name in copies:
            assert (EXAMPLES / name).read_bytes() == (SHARED / name).read_bytes(), name
    assert len(SENTENCES) > 250
    assert any(s.startswith("a member ") for s in SENTENCES)
    assert any(s.startswith("as ") for s in SENTENCES)


def test_every_example_sentence_in_lower_case_is_saved_as_a_narrative(store: Store) -> None:
    _, meeting, items = add_meeting(store)
    session = MinutingSession(store, meeting.id or 0)
    item = items[1].id or 0
    misread = []
    for sentence in SENTENCES:
        saved = session.submit(item, sentence)
        assert saved is not None
        record = saved.record
        if not isinstance(record, Narrative) or saved.answered or saved.listed:
            misread.append((sentence, record.kind.value))
            continue
        assert record.text == clean_text(sentence)
        assert [b.text for b in record.blocks] == [clean_text(sentence)]
    assert misread == []
    assert len(store.records.for_item(item)) == len(SENTENCES)


@pytest.mark.parametrize(
    ("line", "other_reading"),
    [
        ("a member noted that the savings were front-loaded.", ANSWER_READING),
        ("as expected, the Cabinet Member was not present", ASSURANCE_READING),
        ("as follows: the committee agreed the dates", ASSURANCE_READING),
        ("a note on budgets: they were tight", ANSWER_READING),
    ],
)
def test_sentences_once_misread_are_narratives_and_the_hint_offers_the_other_reading(
    store: Store, line: str, other_reading: str
) -> None:
    _, meeting, items = add_meeting(store)
    session = MinutingSession(store, meeting.id or 0)
    open_question = session.submit(items[1].id or 0, "q Cllr Ben Brook: how many beds were open")
    assert open_question is not None
    parsed = session.parse(line)
    assert parsed.kind is CaptureKind.NARRATIVE and parsed.other_reading == other_reading
    assert describe(parsed).startswith("Narrative note · ")
    saved = session.submit(items[1].id or 0, line)
    assert saved is not None and isinstance(saved.record, Narrative) and saved.record.text == line
    # The open question is still open: the sentence did not answer it.
    question = store.records.get(open_question.record.id or 0)
    assert isinstance(question, Question) and question.answer == ""


def test_an_answer_to_an_assurance_keeps_who_gave_it_and_its_verb(store: Store) -> None:
    _, meeting, items = add_meeting(store)
    session = MinutingSession(store, meeting.id or 0)
    session.submit(items[1].id or 0, "as Finance: the savings were deliverable")
    saved = session.submit(items[1].id or 0, "a Chief Executive: he acknowledged that two were at risk")
    assert saved is not None and saved.answered and isinstance(saved.record, Assurance)
    assert saved.record.responded_by == "Chief Executive"
    assert assurance_prose(saved.record, session.people) == (
        "The Committee sought assurance that the savings were deliverable. The Chief Executive acknowledged "
        "that two were at risk."
    )


def test_a_named_response_on_the_same_line_is_not_part_of_the_response(store: Store) -> None:
    _, meeting, items = add_meeting(store)
    session = MinutingSession(store, meeting.id or 0)
    saved = session.submit(
        items[1].id or 0,
        "as Workforce: caseloads would fall | Director for Children and Young People: the target is 17",
    )
    assert saved is not None and isinstance(saved.record, Assurance)
    record = saved.record
    assert (record.responded_by, record.response, record.status) == (
        "Director for Children and Young People", "the target is 17", AssuranceStatus.GIVEN
    )
    assert assurance_prose(record, session.people) == (
        "The Committee sought assurance that caseloads would fall. The Director for Children and Young People "
        "advised that the target is 17."
    )


def test_an_answer_without_a_name_and_an_assurance_without_a_theme(store: Store) -> None:
    _, meeting, items = add_meeting(store)
    session = MinutingSession(store, meeting.id or 0)
    session.submit(items[1].id or 0, "q Cllr Ben Brook: how many beds were open")
    answered = session.submit(items[1].id or 0, "a: 40 of 52")
    assert answered is not None and answered.answered and isinstance(answered.record, Question)
    committee = store.committees.get(meeting.committee_id)
    assert question_prose(answered.record, committee, session.people).endswith(
        "In reply, it was explained that 40 of 52."
    )
    sought = session.submit(items[1].id or 0, "as: from the Director of Public Health that beds would reopen")
    assert sought is not None and isinstance(sought.record, Assurance)
    assert (sought.record.theme, sought.record.sought_from) == ("", "Director of Public Health")
    assert assurance_prose(sought.record, session.people) == (
        "The Committee sought assurance from the Director of Public Health that beds would reopen."
    )


def test_a_name_typed_in_lower_case_counts_when_the_meeting_knows_it(store: Store) -> None:
    _, meeting, items = add_meeting(store)
    session = MinutingSession(store, meeting.id or 0)
    session.submit(items[1].id or 0, "q Cllr Ben Brook: how many beds were open")
    saved = session.submit(items[1].id or 0, "a director of public health: 40 of 52")
    assert saved is not None and saved.answered
    unknown = session.parse("a director of finance: 40 of 52")
    assert unknown.kind is CaptureKind.NARRATIVE


def test_an_assurance_under_a_sub_heading_takes_it_as_its_theme(store: Store) -> None:
    _, meeting, items = add_meeting(store)
    session = MinutingSession(store, meeting.id or 0)
    item = items[1].id or 0
    session.submit(item, "h Finance")
    under = session.submit(item, "as: the budget would balance")
    session.submit(item, "h end")
    after = session.submit(item, "as: the audit would be on time")
    assert under is not None and isinstance(under.record, Assurance) and under.record.theme == "Finance"
    assert after is not None and isinstance(after.record, Assurance) and after.record.theme == ""
