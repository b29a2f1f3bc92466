"""Exempt information (Schedule 12A to the Local Government Act 1972): each nation's paragraphs, and the resolution that excludes the public."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scrutui.errors import ScrutuiError
from scrutui.formalities.wording import and_list
from scrutui.models import Jurisdiction


@dataclass(frozen=True)
class ExemptCategories:
    """The descriptions of exempt information that apply in one nation."""

    nation: str
    part: str
    descriptions: dict[int, str]
    public_interest: frozenset[int]  # paragraphs subject to the public interest test
    statute: str = "Schedule 12A to the Local Government Act 1972"

    @property
    def first(self) -> int:
        """The lowest paragraph number."""
        return min(self.descriptions)

    @property
    def last(self) -> int:
        """The highest paragraph number."""
        return max(self.descriptions)

    def reference(self, paragraphs: Sequence[int]) -> str:
        """ "paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972"."""
        numbers = sorted(set(paragraphs))
        word = "paragraph" if len(numbers) == 1 else "paragraphs"
        return f"{word} {and_list([str(n) for n in numbers])} of {self.part} of {self.statute}"


_ENGLAND_12A = ExemptCategories(
    nation="England",
    part="Part 1",
    descriptions={
        1: "Information relating to any individual",
        2: "Information which is likely to reveal the identity of an individual",
        3: "Information relating to the financial or business affairs of any particular person "
        "(including the authority holding that information)",
        4: "Information relating to consultations or negotiations on a labour relations matter",
        5: "Information in respect of which a claim to legal professional privilege could be maintained",
        6: "Information which reveals that the authority proposes to give a notice imposing requirements, "
        "or to make an order or direction, under any enactment",
        7: "Information relating to action in connection with the prevention, investigation or "
        "prosecution of crime",
    },
    public_interest=frozenset(range(1, 8)),
)


_WALES_12A = ExemptCategories(
    nation="Wales",
    part="Part 4",
    descriptions={
        12: "Information relating to a particular individual",
        13: "Information which is likely to reveal the identity of an individual",
        14: "Information relating to the financial or business affairs of any particular person "
        "(including the authority holding that information)",
        15: "Information relating to consultations or negotiations on a labour relations matter",
        16: "Information in respect of which a claim to legal professional privilege could be maintained",
        17: "Information which reveals that the authority proposes to give a notice imposing requirements, "
        "or to make an order or direction, under any enactment",
        18: "Information relating to action in connection with the prevention, investigation or "
        "prosecution of crime",
    },
    public_interest=frozenset({12, 13, 14, 15, 17, 18}),
)


SCHEDULE_12A: dict[Jurisdiction, ExemptCategories] = {
    Jurisdiction.ENGLAND: _ENGLAND_12A,
    Jurisdiction.WALES: _WALES_12A,
}


def exempt_categories(jurisdiction: Jurisdiction) -> ExemptCategories:
    """Schedule 12A's descriptions of exempt information for the committee's nation."""
    found = SCHEDULE_12A.get(jurisdiction)
    if found is None:
        raise ScrutuiError(
            "scrutui knows the exempt-information paragraphs of Schedule 12A for England and Wales "
            "only; a committee in Scotland or Northern Ireland cannot mark items exempt yet."
        )
    return found


def check_exempt_paragraph(jurisdiction: Jurisdiction, paragraph: int | None) -> None:
    """Refuse a paragraph number outside the nation's Schedule 12A paragraphs."""
    if paragraph is None:
        return
    categories = exempt_categories(jurisdiction)
    if paragraph not in categories.descriptions:
        raise ScrutuiError(
            f"Paragraph {paragraph} is not one of {categories.nation}'s exempt-information paragraphs: "
            f"{categories.part} of Schedule 12A has paragraphs {categories.first} to {categories.last}."
        )


def exclusion_resolution(jurisdiction: Jurisdiction, exempt: Sequence[tuple[str, int]]) -> str:
    """The clause after "That" excluding the public for exempt items, naming each paragraph.

    `exempt` holds each item's reference ("minute 47 (Contract award)") and its paragraph.
    """
    categories = exempt_categories(jurisdiction)
    references = [reference for reference, _ in exempt]
    paragraphs = [paragraph for _, paragraph in exempt]
    grounds = "it involves" if len(exempt) == 1 else "they involve"
    if len(set(paragraphs)) <= 1:
        where = categories.reference(paragraphs)
    else:
        numbers = and_list([str(p) for p in paragraphs])
        where = f"paragraphs {numbers} respectively of {categories.part} of {categories.statute}"
    text = (
        "under section 100A(4) of the Local Government Act 1972, the public be excluded from the "
        f"meeting for {and_list(references)} on the grounds that {grounds} the likely disclosure of "
        f"exempt information as defined in {where}"
    )
    if any(p in categories.public_interest for p in paragraphs):
        text += (
            ", and that in all the circumstances the public interest in maintaining the exemption "
            "outweighs the public interest in disclosing the information"
        )
    return text
