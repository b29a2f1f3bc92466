"""What a session that may not see exempt (confidential) content is shown of an exempt item.

A read-only session (a member's, or every browser tab of `scrutui serve` without `--confidential`)
sees an exempt item as the public minutes do: its public title and public summary, never its private
title, its purpose or anything minuted under it.
"""

from __future__ import annotations

from collections.abc import Iterable

from scrutui.models import AgendaItem


def public_item(item: AgendaItem) -> AgendaItem:
    """`item` as the public may see it: an exempt item under its public title, without its purpose."""
    if not item.is_exempt:
        return item
    return item.model_copy(update={"title": item.public_name, "purpose": ""})


def shown_items(items: Iterable[AgendaItem], *, shows_exempt: bool) -> list[AgendaItem]:
    """The agenda as a session shows it: whole, or with exempt items as the public sees them."""
    return list(items) if shows_exempt else [public_item(item) for item in items]
