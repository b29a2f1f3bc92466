"""Who said what: how the minutes name a member who asked, an officer who answered, and the verb
that reports what they said."""

from __future__ import annotations

import re

from scrutui.minutes.wording import clause
from scrutui.models import Attribution, Committee, ReportingVerb, the
from scrutui.store.people import KnownPeople


def _expand(typed: str) -> str:
    return re.sub(r"^Cllr\.?\s+", "Councillor ", typed.strip(), flags=re.IGNORECASE)


def asker_reference(typed: str, committee: Committee, people: KnownPeople) -> str:
    """How the minutes name a member who asked: by name, or "a Member" as the committee prefers."""
    if not typed:
        return "a Member"
    found = people.find(typed)
    if found is not None:
        if found.role.is_member and committee.question_attribution is Attribution.A_MEMBER:
            return "a Member"
        return found.reference
    if committee.question_attribution is Attribution.A_MEMBER and re.match(
        r"^(cllr|councillor)\b", typed.strip(), re.IGNORECASE
    ):
        return "a Member"
    return the(_expand(typed))


def speaker_reference(typed: str, people: KnownPeople) -> str:
    """How the minutes name whoever answered or presented: officers by role ("the Director")."""
    if not typed:
        return ""
    found = people.find(typed)
    if found is not None:
        return found.reference
    return the(_expand(typed))



#: Verbs a clerk may type at the start of a response or answer ("acknowledged that ..."), kept as
#: typed in the minutes: "The Chief Executive acknowledged that ...".
_TYPED_VERBS = (
    "acknowledged",
    "accepted",
    "added",
    "advised",
    "agreed",
    "assured the committee",
    "clarified",
    "commented",
    "confirmed",
    "emphasised",
    "explained",
    "gave an assurance",
    "highlighted",
    "indicated",
    "informed the committee",
    "noted",
    "outlined",
    "pointed out",
    "provided an assurance",
    "replied",
    "reported",
    "responded",
    "said",
    "stated",
    "stressed",
    "suggested",
    "undertook",
)
_LEADING_VERB = re.compile(
    r"^(?:(?:he|she|they|it|we)\s+)?(?P<verb>" + "|".join(_TYPED_VERBS) + r")\b[\s,]*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
#: How each chosen verb reads after the speaker's name.
VERB_WORDS = {
    ReportingVerb.ADVISED: "advised",
    ReportingVerb.EXPLAINED: "explained",
    ReportingVerb.ACKNOWLEDGED: "acknowledged",
    ReportingVerb.CLARIFIED: "clarified",
    ReportingVerb.CONFIRMED: "confirmed",
    ReportingVerb.REPORTED: "reported",
    ReportingVerb.STATED: "stated",
    ReportingVerb.ASSURED: "provided an assurance",
}


def typed_verb(response: str) -> tuple[str, str]:
    """The reporting verb a response begins with ("he acknowledged that ...") and the rest; ("",
    response) when it begins with none."""
    found = _LEADING_VERB.match(response.strip())
    if not found:
        return "", response
    verb = found["verb"].lower().replace("the committee", "the Committee")
    return verb, found["rest"]


def reported_speech(speaker: str, response: str, verb: ReportingVerb, *, default: str) -> str:
    """ "the Director advised that ...": `speaker` reporting `response` with the chosen verb, the one
    typed at its start, or else `default`."""
    typed, rest = typed_verb(response)
    if verb is not ReportingVerb.FROM_TEXT:
        return f"{speaker} {VERB_WORDS[verb]} that {clause(rest if typed else response)}"
    if not typed:
        return f"{speaker} {default} that {clause(response)}"
    rest = rest.strip().rstrip(" .;,")
    if re.match(r"^that\b", rest, re.IGNORECASE):
        return f"{speaker} {typed} that {clause(rest)}"
    return f"{speaker} {typed} {rest}".rstrip()
