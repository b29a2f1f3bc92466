"""Declarations of interest: who, in which item, of what kind, and what they did; what public minutes withhold."""

from __future__ import annotations

from enum import StrEnum

from pydantic import model_validator

from scrutui.models import (
    AgendaItem,
    Committee,
    ExemptNatures,
    Model,
    RequiredLine,
    Text,
)


class InterestCategory(StrEnum):
    """The kinds of interest a member declares."""

    DISCLOSABLE_PECUNIARY = "disclosable_pecuniary"
    OTHER_REGISTRABLE = "other_registrable"
    NON_REGISTRABLE = "non_registrable"
    SENSITIVE = "sensitive"
    PARTY_WHIP = "party_whip"

    @property
    def label(self) -> str:
        """The category as minutes name it."""
        return INTEREST_LABELS[self]


INTEREST_LABELS = {
    InterestCategory.DISCLOSABLE_PECUNIARY: "disclosable pecuniary interest",
    InterestCategory.OTHER_REGISTRABLE: "other registrable interest",
    InterestCategory.NON_REGISTRABLE: "non-registrable interest",
    InterestCategory.SENSITIVE: "sensitive interest",
    InterestCategory.PARTY_WHIP: "party whip",
}


class InterestAction(StrEnum):
    """What the member did about the interest."""

    REMAINED = "remained"
    WITHDREW = "withdrew"


class Declaration(Model):
    """A declaration of interest by someone at the meeting, in one agenda item."""

    id: int | None = None
    meeting_id: int
    agenda_item_id: int
    person_id: int
    category: InterestCategory
    nature: Text = ""
    action: InterestAction = InterestAction.REMAINED

    @model_validator(mode="after")
    def _nature_as_the_category_needs(self) -> Declaration:
        if self.category is InterestCategory.SENSITIVE and self.nature:
            raise ValueError("a sensitive interest is recorded without its nature: leave the nature blank")
        if not self.nature and self.category in (
            InterestCategory.DISCLOSABLE_PECUNIARY,
            InterestCategory.OTHER_REGISTRABLE,
            InterestCategory.NON_REGISTRABLE,
        ):
            raise ValueError(
                f"say what the {self.category.label} is (for example: as a governor of the school)"
            )
        return self

    @property
    def takes_no_part(self) -> bool:
        """True when the member does not count towards the quorum for the item: they withdrew, or
        they have a disclosable pecuniary interest and so may not take part."""
        return (
            self.action is InterestAction.WITHDREW or self.category is InterestCategory.DISCLOSABLE_PECUNIARY
        )


class DeclarationLine(Model):
    """A declaration as the minutes need it: who (as the minutes name them) and what."""

    person_id: int
    reference: RequiredLine
    declaration: Declaration


def nature_withheld(category: InterestCategory, item: AgendaItem | None, committee: Committee) -> bool:
    """True when public minutes and open data leave out the nature of a declared interest: always
    for a sensitive interest, and for an interest in an exempt item unless the committee publishes
    those (it may reveal the exempt matter)."""
    if category is InterestCategory.SENSITIVE:
        return True
    exempt = item is not None and item.is_exempt
    return exempt and committee.exempt_declaration_natures is ExemptNatures.WITHHOLD
