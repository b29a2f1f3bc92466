"""The capture-line grammar."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from scrutui.capture import CaptureKind, describe, parse, split_name, to_record
from scrutui.models import (
    Assurance,
    AssuranceStatus,
    InformationRequest,
    Narrative,
    Question,
    Recommendation,
    Resolution,
    ResolutionForm,
    clean_text,
)


def test_question_with_asker_answerer_and_answer() -> None:
    parsed = parse("q Cllr Jones: how many posts were vacant | Director of Finance: seven")
    assert parsed.kind is CaptureKind.QUESTION
    assert (parsed.name, parsed.text, parsed.reply_by, parsed.reply) == (
        "Cllr Jones", "how many posts were vacant", "Director of Finance", "seven")
    record = to_record(parsed, 5)
    assert isinstance(record, Question) and record.answer == "seven" and record.agenda_item_id == 5


def test_question_without_names() -> None:
    parsed = parse("q whether the plan was funded")
    assert (parsed.name, parsed.text, parsed.reply) == ("", "whether the plan was funded", "")


def test_answer_line() -> None:
    parsed = parse("a Head of Service: it was")
    assert parsed.kind is CaptureKind.ANSWER and parsed.reply_by == "Head of Service" and parsed.reply == "it was"


def test_assurance_with_theme_and_response_is_given() -> None:
    record = to_record(parse("as Workforce: caseloads would fall | they would reach 17 by March"), 1)
    assert isinstance(record, Assurance)
    assert (record.theme, record.text, record.response, record.status) == (
        "Workforce", "caseloads would fall", "they would reach 17 by March", AssuranceStatus.GIVEN)


def test_assurance_without_response_is_sought() -> None:
    record = to_record(parse("as: caseloads would fall"), 1)
    assert isinstance(record, Assurance) and record.theme == "" and record.status is AssuranceStatus.SOUGHT
    assert record.text == "caseloads would fall"


def test_information_request() -> None:
    record = to_record(parse("ir Director of Finance: a copy of the risk register"), 1)
    assert isinstance(record, InformationRequest)
    assert (record.requested_of, record.text) == ("Director of Finance", "a copy of the risk register")


def test_resolutions_agreed_and_recommendations() -> None:
    resolved = to_record(parse("r the report be noted"), 1)
    agreed = to_record(parse("ag the work programme be approved"), 1)
    recommended = to_record(parse("rec that funding continue"), 1, default_body="Executive")
    named = to_record(parse("rec Health and Wellbeing Board: that funding continue"), 1)
    assert isinstance(resolved, Resolution) and resolved.form is ResolutionForm.RESOLVED
    assert isinstance(agreed, Resolution) and agreed.form is ResolutionForm.AGREED
    assert isinstance(recommended, Recommendation) and recommended.addressee == "Executive"
    assert isinstance(named, Recommendation) and named.addressee == "Health and Wellbeing Board"


def test_anything_else_is_narrative() -> None:
    for line in ["The Director presented the report.", "As the Chair said: no", "x unknown prefix", "Q3 figures",
                 "as caseloads would fall", "a member noted: the figures were late"]:
        parsed = parse(line)
        assert parsed.kind is CaptureKind.NARRATIVE and parsed.text == line
        assert isinstance(to_record(parsed, 1), Narrative)
    assert parse("n q is not a prefix here").text == "q is not a prefix here"


def test_a_colon_late_in_the_text_is_not_a_name() -> None:
    name, _ = split_name("the ratio was reported in 2024 as 3: 1 across all the teams in the county")
    assert name == ""
    assert split_name("Mr. Smith said: yes")[0] == ""  # a full stop means a sentence, not a name
    assert split_name("Director: yes") == ("Director", "yes")


def test_empty_line_saves_nothing() -> None:
    assert parse("").is_empty and parse("   ").is_empty and parse("q ").is_empty
    assert describe(parse("")) == ""


def test_describe_says_what_enter_will_save() -> None:
    assert describe(parse("q Cllr A: x | Director: y")) == "Question from Cllr A, answered by Director"
    assert describe(parse("rec x")) == "Recommendation to Cabinet"
    assert describe(parse("ir Finance: x")) == "Information request of Finance, asked by the Committee"
    assert describe(parse("ir Finance: x (asked by Cllr Ali)")) == "Information request of Finance, asked by Cllr Ali"


@given(st.text())
def test_parsing_never_raises_and_never_loses_text(line: str) -> None:
    parsed = parse(line)
    cleaned = clean_text(line)
    if parsed.kind is CaptureKind.NARRATIVE:
        # Only an explicit "n " prefix is removed from a narrative.
        assert parsed.text in (cleaned, cleaned[2:].strip())
    words = "".join((parsed.name + parsed.text + parsed.reply_by + parsed.reply).split())
    assert len(words) >= len("".join(cleaned.split())) - 6 - cleaned.count("|") - cleaned.count(":")


_WORDS = st.text(alphabet=st.characters(categories=["Ll", "Lu", "Nd"]), min_size=1, max_size=12)


@given(
    words=st.lists(_WORDS, min_size=1, max_size=12),
    surname=st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=10),
)
def test_the_asker_ends_an_information_request_and_nothing_else(words: list[str], surname: str) -> None:
    text = unicodedata.normalize("NFC", " ".join(words))  # as every line is cleaned
    asker = f"Cllr {surname.capitalize()}"
    found = parse(f"ir Director of Finance: {text} (asked by {asker})")
    assert found.kind is CaptureKind.INFORMATION_REQUEST
    assert (found.asked_by, found.name, found.text) == (asker, "Director of Finance", text)
    assert asker in found.names  # offered for ctrl+g when unknown
    # On any other line it is only text: a narrative keeps it whole.
    other = parse(f"the Director said {text.lower()} (asked by {asker})")
    assert other.kind is CaptureKind.NARRATIVE and other.asked_by == "" and other.text.endswith(f"(asked by {asker})")
    # Not a name: left in the request's text, the Committee asked.
    plain = parse(f"ir Director of Finance: {text} (asked by the way)")
    assert plain.asked_by == "" and plain.text.endswith("(asked by the way)")
