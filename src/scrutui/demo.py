"""The demo committee and meetings, loaded from ``db/demo.json`` through the store (so the demo is
validated like anything a clerk types)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrutui.models import AgendaItem, Committee, Meeting, Person, Role, record_from_dict
from scrutui.resources import demo_file
from scrutui.store import Store


@dataclass(frozen=True)
class DemoResult:
    """What loading the demo did."""

    committee: Committee
    meeting_ids: tuple[int, ...]
    already_loaded: bool


def load_demo(store: Store, source: Path | None = None) -> DemoResult:
    """Write the demo committee and its meetings, once. A second call changes nothing."""
    data: dict[str, Any] = json.loads((source or demo_file()).read_text(encoding="utf-8"))
    existing = store.committees.by_name(data["committee"]["name"])
    if existing is not None:
        ids = tuple(s.meeting.id or 0 for s in store.meetings.summaries(existing.id))
        return DemoResult(existing, ids, already_loaded=True)
    with store.handle.write():
        committee = store.committees.add(
            Committee.model_validate(data["committee"]),
            [(Person(name=p["name"], title=p.get("title", "")), Role(p["role"])) for p in data["people"]],
        )
        assert committee.id is not None
        meeting_ids = []
        for meeting_data in data["meetings"]:
            meeting = store.meetings.add(
                Meeting(
                    committee_id=committee.id,
                    date=meeting_data["date"],
                    time=meeting_data["time"],
                    venue=meeting_data["venue"],
                ),
                [
                    AgendaItem.model_validate(
                        {k: v for k, v in item.items() if k != "records"} | {"meeting_id": 0}
                    )
                    for item in meeting_data["items"]
                ],
            )
            assert meeting.id is not None
            meeting_ids.append(meeting.id)
            for item, item_data in zip(
                store.agenda.for_meeting(meeting.id), meeting_data["items"], strict=True
            ):
                for record in item_data.get("records", []):
                    store.records.add(record_from_dict({**record, "agenda_item_id": item.id}))
    return DemoResult(committee, tuple(meeting_ids), already_loaded=False)
