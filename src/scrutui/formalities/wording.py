"""Small wording helpers the formalities share (a person as minutes name them, a list in words, a date)."""

from __future__ import annotations

from collections.abc import Sequence

from scrutui.dates import long_date as long_date  # one place for dates, re-exported
from scrutui.models import (
    Role,
    the,
)


def person_reference(name: str, title: str, role: Role | None) -> str:
    """How minutes name someone in prose: members by name, officers and witnesses by role."""
    if title and (role is None or not role.is_member):
        return the(title)
    return name


def and_list(parts: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} and {parts[-1]}"
