"""The demo committee and meetings, loaded from ``db/demo.json`` through the store (so the demo is
validated like anything a clerk types)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrutui import voting
from scrutui.formalities import AttendanceStatus, Declaration, Movement
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
    # Looked for inside the write transaction: two demos loaded at once load it once, and the
    # second finds the first's.
    with store.handle.write():
        existing = store.committees.by_name(data["committee"]["name"])
        if existing is not None:
            ids = tuple(s.meeting.id or 0 for s in store.meetings.summaries(existing.id))
            return DemoResult(existing, ids, already_loaded=True)
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
                        {k: v for k, v in item.items() if k not in ("records", "started")} | {"meeting_id": 0}
                    )
                    for item in meeting_data["items"]
                ],
            )
            assert meeting.id is not None
            meeting_ids.append(meeting.id)
            _formalities(store, committee.id, meeting, meeting_data)
            present = {line.name: line.person_id for line in store.attendance.roll(meeting.id)}
            for item, item_data in zip(
                store.agenda.for_meeting(meeting.id), meeting_data["items"], strict=True
            ):
                if "started" in item_data:
                    store.agenda.take(item.id or 0, at=f"{meeting.date.isoformat()}T{item_data['started']}:00")
                for record in item_data.get("records", []):
                    _add_record(store, item.id or 0, record, present)
        for meeting_id, meeting_data in zip(meeting_ids, data["meetings"], strict=True):
            _signoff(store, meeting_id, meeting_ids, meeting_data)
    return DemoResult(committee, tuple(meeting_ids), already_loaded=False)


def _add_record(store: Store, item_id: int, data: dict[str, Any], present: dict[str, int]) -> None:
    """One demo record. A recorded vote names its members (their ids are looked up); a decision
    worded as a carried motion becomes that motion's decision."""
    votes = [{**line, "person_id": present[line["name"]]} for line in data.get("recorded_votes", [])]
    if votes:
        data = {**data, "recorded_votes": votes}
    added = store.records.add(record_from_dict({**data, "agenda_item_id": item_id}))
    linked = voting.linked_motion(store.records.for_item(item_id), added)
    if linked is not None:
        store.records.update(linked, revise=False)


def _formalities(store: Store, committee_id: int, meeting: Meeting, data: dict[str, Any]) -> None:
    """The roll call, substitutes, declarations, arrivals and departures of one demo meeting."""
    assert meeting.id is not None
    people = {cp.person.name: cp.person.id or 0 for cp in store.committees.people(committee_id)}
    items = {item.number: item.id or 0 for item in store.agenda.for_meeting(meeting.id)}
    attendance = data.get("attendance", {})
    for status in (AttendanceStatus.PRESENT, AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT):
        for name in attendance.get(status.value, []):
            store.attendance.set_status(meeting.id, people[name], status)
    for name in attendance.get("in_attendance", []):
        store.attendance.set_status(meeting.id, people[name], AttendanceStatus.IN_ATTENDANCE)
    for substitute in attendance.get("substitutes", []):
        store.attendance.add_substitute(meeting.id, substitute["name"], people[substitute["for"]])
    for movement in data.get("movements", []):
        at = f"{meeting.date.isoformat()}T{movement['at']}:00"
        store.attendance.record_movement(
            meeting.id, people[movement["person"]], Movement(movement["movement"]), items[movement["item"]], at=at
        )
    for declared in data.get("declarations", []):
        store.attendance.declare(
            Declaration(
                meeting_id=meeting.id,
                agenda_item_id=items[declared["item"]],
                person_id=people[declared["person"]],
                category=declared["category"],
                nature=declared.get("nature", ""),
                action=declared.get("action", "remained"),
            )
        )


def _signoff(store: Store, meeting_id: int, meeting_ids: list[int], data: dict[str, Any]) -> None:
    """Issue and approve a demo meeting's minutes, with the corrections agreed."""
    if "approved_at" not in data:
        return
    at = meeting_ids[data["approved_at"]]
    store.signoff.issue(meeting_id)
    items = {item.number: item.id or 0 for item in store.agenda.for_meeting(meeting_id)}
    for correction in data.get("corrections", []):
        record = store.records.for_item(items[correction["item"]])[correction["record"]]
        changed = {k: v for k, v in correction.items() if k not in ("item", "record", "description")}
        store.signoff.correct_record(record.model_copy(update=changed), correction["description"], at)
    store.signoff.approve(meeting_id, at)
