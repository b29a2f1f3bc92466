"""Minutes as open data: OParl 1.1 JSON (https://oparl.org), which council websites, transparency
portals and civic-tech projects read.

A meeting becomes an OParl ``Meeting`` with its ``AgendaItem``s in order (``order`` counted from 0),
its committee an ``Organization``, its members ``Person``s with their ``Membership``s, and the
published minutes document, when given, a ``File``. Every object's id is a web address under the
base address the JSON is published at. The text of each item is what the public minutes say, from
the minutes composer: an exempt item is ``public: false`` with its public title and no text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrutui.errors import ScrutuiError
from scrutui.formalities import HERE, MinutesSource
from scrutui.minutes import MinuteItem, MinutesDocument, Style, build_from, long_date
from scrutui.models import MEMBER_ROLES, AgendaItem, Committee, MinutesStatus, Role
from scrutui.store import Store

SCHEMA = "https://schema.oparl.org/1.1/"
#: OParl's recommended meeting states: scheduled, invited (until the minutes are released), held.
STATE_SCHEDULED, STATE_INVITED, STATE_HELD = "terminiert", "eingeladen", "durchgeführt"
#: OParl's recommended organisation type for a committee.
COMMITTEE_TYPE = "Gremium"


def oparl_type(name: str) -> str:
    """An OParl type URI: https://schema.oparl.org/1.1/Meeting."""
    return f"{SCHEMA}{name}"


def base_address(text: str) -> str:
    """The address the JSON will be published under (ids are made from it): http or https."""
    text = text.strip().rstrip("/")
    parts = urllib.parse.urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ScrutuiError(
            f"{text!r} is not a web address to publish under; give one such as "
            "https://www.example.gov.uk/open-data/oparl (OParl ids are web addresses)."
        )
    return text


@dataclass(frozen=True)
class MinutesFile:
    """The published minutes document: the file itself (for its size and checksum) and its address."""

    path: Path
    url: str


def stamp(value: str | dt.datetime) -> str:
    """A time stored by scrutui (local, ISO) as OParl's date-time, with the UTC offset of the computer's
    time zone on that day (British Summer Time or not)."""
    moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.replace(microsecond=0).isoformat()


def meeting_state(source: MinutesSource) -> str:
    """The meeting's OParl state: held once its minutes are issued, invited once it has begun (or
    its day has come), else scheduled."""
    meeting = source.meeting
    if meeting.status is not MinutesStatus.DRAFT:
        return STATE_HELD
    if meeting.started_at or meeting.date <= dt.date.today():
        return STATE_INVITED
    return STATE_SCHEDULED


_RESULTS = (
    ("RESOLVED", "Resolved"),
    ("AGREED", "Agreed"),
    ("RECOMMENDED", "Recommendations made"),
    ("That the following information be requested", "Information requested"),
)


def item_result(minuted: MinuteItem) -> str:
    """What the committee decided under an item, in a word or two, from its decision paragraphs."""
    found = []
    for paragraph in minuted.paragraphs:
        if paragraph.style is Style.DECISION:
            found += [result for lead, result in _RESULTS if paragraph.text.startswith(lead)]
    return "; ".join(dict.fromkeys(found))


class OparlWriter:
    """Builds the OParl objects of one or more meetings, sharing their people and memberships."""

    def __init__(self, store: Store, base: str) -> None:
        self.store = store
        self.base = base_address(base)
        self.people: dict[int, dict[str, Any]] = {}
        self.memberships: dict[tuple[int, int], dict[str, Any]] = {}
        self.organizations: dict[int, dict[str, Any]] = {}
        self.meetings: list[dict[str, Any]] = []

    def url(self, kind: str, key: object) -> str:
        """An object's id: <base>/<kind>/<key>."""
        return f"{self.base}/{kind}/{urllib.parse.quote(str(key), safe='-_.')}"

    def add_meeting(self, meeting_id: int, minutes: MinutesFile | None = None) -> dict[str, Any]:
        """The meeting as an OParl Meeting (from its public minutes), its committee and people."""
        source = self.store.signoff.source(meeting_id)
        document = build_from(source, confidential=False)
        committee = source.committee
        organization = self._organization(committee)
        url = self.url("meeting", meeting_id)
        meeting = source.meeting
        start = meeting.started_at or dt.datetime.combine(meeting.date, meeting.time)
        data: dict[str, Any] = {
            "id": url,
            "type": oparl_type("Meeting"),
            "name": f"{committee.name}, {long_date(meeting.date)}",
            "meetingState": meeting_state(source),
            "cancelled": False,
            "start": stamp(start),
        }
        if meeting.ended_at:
            data["end"] = stamp(meeting.ended_at)
        if meeting.venue:
            data["location"] = {
                "id": self.url("location", f"meeting-{meeting_id}"),
                "type": oparl_type("Location"),
                "description": meeting.venue,
            }
        data["organization"] = [organization["id"]]
        present = [line for line in source.attendance if line.status in HERE]
        data["participant"] = [self._person(line.person_id, line.name, line.title) for line in present]
        data["agendaItem"] = [
            self._agenda_item(item, minuted, order, url)
            for order, (item, minuted) in enumerate(zip(source.items, document.items, strict=True))
        ]
        if minutes is not None:
            data["resultsProtocol"] = self._file(minutes, document, meeting_id)
        self._memberships(committee, meeting.date, organization)
        self.meetings.append(data)
        return data

    def _agenda_item(
        self, item: AgendaItem, minuted: MinuteItem, order: int, meeting_url: str
    ) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.url("agendaitem", item.id),
            "type": oparl_type("AgendaItem"),
            "meeting": meeting_url,
            "order": order,
            "name": minuted.title,
            "public": not item.is_exempt,
        }
        if item.number:
            data["number"] = item.number
        if item.minute_number:
            data["keyword"] = [f"minute {item.minute_number}"]
        if not item.is_exempt:
            text = "\n\n".join(p.full_text for p in minuted.paragraphs if p.text)
            result = item_result(minuted)
            if result:
                data["result"] = result
            if text:
                data["resolutionText"] = text
        if item.started_at:
            data["start"] = stamp(item.started_at)
        if item.ended_at:
            data["end"] = stamp(item.ended_at)
        return data

    def _organization(self, committee: Committee) -> dict[str, Any]:
        committee_id = committee.id or 0
        if committee_id not in self.organizations:
            self.organizations[committee_id] = {
                "id": self.url("organization", committee_id),
                "type": oparl_type("Organization"),
                "name": committee.name,
                "organizationType": COMMITTEE_TYPE,
                "classification": "Overview and scrutiny committee",
                "membership": [],
            }
        return self.organizations[committee_id]

    def _person(self, person_id: int, name: str, title: str = "") -> str:
        if person_id not in self.people:
            person: dict[str, Any] = {
                "id": self.url("person", person_id),
                "type": oparl_type("Person"),
                "name": name,
            }
            if title:
                person["status"] = [title]
            self.people[person_id] = person
        return str(self.people[person_id]["id"])

    def _memberships(self, committee: Committee, day: dt.date, organization: dict[str, Any]) -> None:
        """The committee's members on the meeting's day (officers and witnesses are not members)."""
        for member, served in self.store.committees.served(committee.id or 0, on=day):
            if member.role not in MEMBER_ROLES:
                continue
            key = (committee.id or 0, member.person.id or 0)
            if key in self.memberships:
                continue
            membership: dict[str, Any] = {
                "id": self.url("membership", f"{key[0]}-{key[1]}"),
                "type": oparl_type("Membership"),
                "person": self._person(key[1], member.person.name, member.person.title),
                "organization": organization["id"],
                "role": member.role.label,
            }
            if member.role is not Role.CO_OPTED:
                membership["votingRight"] = True
            if served.from_date:
                membership["startDate"] = served.from_date.isoformat()
            if served.to_date:
                membership["endDate"] = served.to_date.isoformat()
            self.memberships[key] = membership
            organization["membership"].append(membership["id"])

    def _file(self, minutes: MinutesFile, document: MinutesDocument, meeting_id: int) -> dict[str, Any]:
        path = minutes.path
        try:
            content = path.read_bytes()
        except OSError as error:
            raise ScrutuiError(f"Cannot read the minutes file {path}: {error.strerror or error}.") from error
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if path.suffix.lower() == ".docx":
            kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        name = "Minutes" if document.status is MinutesStatus.APPROVED else "Draft minutes"
        return {
            "id": self.url("file", f"minutes-{meeting_id}"),
            "type": oparl_type("File"),
            "name": name,
            "fileName": path.name,
            "mimeType": kind,
            "date": dt.date.fromtimestamp(path.stat().st_mtime).isoformat(),
            "size": len(content),
            "sha512Checksum": hashlib.sha512(content).hexdigest(),
            "accessUrl": minutes.url,
            "downloadUrl": minutes.url,
        }

    def bundle(self) -> dict[str, Any]:
        """Every object written, by kind (as an OParl Body names its lists)."""
        return {
            "organization": list(self.organizations.values()),
            "person": list(self.people.values()),
            "membership": list(self.memberships.values()),
            "meeting": self.meetings,
        }


def minutes_file(path: Path, url: str | None, base: str) -> MinutesFile:
    """The minutes document to describe, refusing the confidential minutes (never to be published)."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise ScrutuiError(f"There is no file {path}.")
    if "confidential" in path.name.casefold():
        raise ScrutuiError(
            f"{path.name} looks like the confidential minutes, which must not be published: give the "
            "public minutes (exported without --confidential)."
        )
    address = url.strip() if url else f"{base_address(base)}/files/{urllib.parse.quote(path.name)}"
    base_address(address)  # an http(s) address
    return MinutesFile(path, address)


def oparl_export(
    store: Store, meeting_ids: Sequence[int], base: str, *, minutes: MinutesFile | None = None
) -> dict[str, Any]:
    """The OParl objects of the given meetings (public minutes only)."""
    writer = OparlWriter(store, base)
    for meeting_id in meeting_ids:
        writer.add_meeting(meeting_id, minutes if len(meeting_ids) == 1 else None)
    return writer.bundle()
