"""Agendas typed or pasted one item per line.

Each line is ``[number] title [| purpose]``; a line indented under an item adds to its purpose.
Numbers may be written 4, 4., 4a, 4(a), 4) or 4.1; items without one are numbered after the last.
"""

from __future__ import annotations

import re

from scrutui.models import AgendaItem

_NUMBERED = re.compile(r"^(?P<number>\d{1,3}(?:\.\d{1,2})?[a-z]?|\d{1,3}\([a-z]\))[.):]?\s+(?P<title>\S.*)$")
_LOOSE_NUMBER = re.compile(r"^(\d+)")


def parse_agenda(text: str, meeting_id: int = 0, start: int = 1) -> list[AgendaItem]:
    """Agenda items from pasted lines. Blank lines are skipped; nothing else is dropped."""
    items: list[AgendaItem] = []
    next_number = start
    for raw in text.splitlines():
        if not raw.strip():
            continue
        if raw[:1] in (" ", "\t") and items:
            extra = raw.strip()
            last = items[-1]
            purpose = f"{last.purpose} {extra}".strip()
            items[-1] = last.model_copy(update={"purpose": purpose})
            continue
        line = raw.strip()
        title, _, purpose = line.partition("|")
        match = _NUMBERED.match(title.strip())
        if match:
            number, title = match["number"], match["title"]
            loose = _LOOSE_NUMBER.match(number)
            if loose:
                next_number = int(loose[1]) + 1
        else:
            number, next_number = str(next_number), next_number + 1
        items.append(
            AgendaItem(meeting_id=meeting_id, number=number, title=title.strip(), purpose=purpose.strip())
        )
    return items
