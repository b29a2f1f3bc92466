"""Reading a council's ModernGov web service (``mgWebService.asmx``): its committees, their meetings,
and one meeting's agenda and expected attendees.

The service answers plain HTTP GETs with XML. It is somebody else's server, so everything it sends
is untrusted: the XML is parsed with defusedxml (no DTDs, entities or external references: a
"billion laughs" reply is refused), a reply is read for at most `timeout` seconds in all and at
most 20 MB, and every failure is one line in plain words (`ModernGovError`). Text fields hold Word
HTML, escaped once for XML and sometimes once more (``&amp;#39;``); they become plain paragraphs.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from scrutui import __version__
from scrutui.errors import ScrutuiError

#: The largest reply read (a meeting with a long agenda is well under 1 MB).
MAX_REPLY = 20_000_000
#: How long a call may take by default, in seconds (some councils' servers take most of a minute).
DEFAULT_TIMEOUT = 60.0
SERVICE = "mgWebService.asmx"


class ModernGovError(ScrutuiError):
    """The web service could not be read, or what it sent is not a usable answer."""


# --- what the service gives ------------------------------------------------------------------------


@dataclass(frozen=True)
class ModernGovCommittee:
    """A committee as GetCommittees lists it."""

    id: str
    title: str
    expired: bool = False


@dataclass(frozen=True)
class ModernGovMeetingListed:
    """A meeting as GetMeetings lists it."""

    id: str
    date: dt.date
    time: str = ""
    status: str = ""
    location: str = ""


@dataclass(frozen=True)
class ModernGovAttendee:
    """Someone ModernGov expects at a meeting (``attendees/attendee``)."""

    name: str
    member_id: str = ""
    role: str = ""  # roledescription: "Chair", "Committee Member", "Officer" ...
    attendance: str = ""  # "Expected", "Present", "Apologies", "Absent" ...


@dataclass(frozen=True)
class ModernGovItem:
    """An agenda item. A restricted item has its title only; `paragraphs` are the Schedule 12A
    paragraphs its public wording names (never anything else of its text)."""

    id: str
    number: str
    title: str
    purpose: str = ""
    restricted: bool = False
    paragraphs: tuple[int, ...] = ()


@dataclass(frozen=True)
class ModernGovMeeting:
    """One meeting as GetMeeting gives it."""

    id: str
    committee_id: str
    committee_title: str
    date: dt.date
    time: str = ""
    location: str = ""
    attendees: tuple[ModernGovAttendee, ...] = ()
    items: tuple[ModernGovItem, ...] = ()
    #: What was left out and why ("a heading, not an item: PART B").
    left_out: tuple[str, ...] = field(default_factory=tuple)


# --- text --------------------------------------------------------------------------------------

_ENTITY = re.compile(r"&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BLOCKS = frozenset(
    {"p", "div", "br", "li", "tr", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}
)
_HIDDEN = frozenset({"style", "script", "head", "title", "xml"})


def unescape(text: str) -> str:
    """Text with its entities decoded, twice if it was escaped twice (``&amp;#39;`` is ')."""
    for _ in range(2):
        if not _ENTITY.search(text):
            break
        text = html.unescape(text)
    return text


class _PlainText(HTMLParser):
    """Word HTML to paragraphs: block elements break paragraphs, list items get a bullet, styles,
    scripts and Office's conditional comments are dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._words: list[str] = []
        self._hidden = 0

    def _flush(self) -> None:
        text = " ".join("".join(self._words).split())
        if text:
            self.paragraphs.append(text)
        self._words = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BLOCKS:
            self._flush()
            if tag == "li":
                self._words.append("• ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._words.append(data.replace("\xa0", " "))


def plain_text(text: str) -> str:
    """Escaped Word HTML (as ModernGov's ``agendatext`` holds it) as plain paragraphs, one a line."""
    if "<" not in text and _ENTITY.search(text):
        text = html.unescape(text)  # the HTML itself arrived escaped once more
    if "<" not in text:
        return "\n".join(" ".join(line.split()) for line in unescape(text).splitlines() if line.strip())
    parser = _PlainText()
    parser.feed(text)
    parser.close()
    parser._flush()
    return "\n".join(unescape(paragraph) for paragraph in parser.paragraphs)


def plain_line(text: str) -> str:
    """A title or name as one line of plain text."""
    return " ".join(plain_text(text).split())


_PARAGRAPHS = re.compile(
    r"\bparagraphs?\s+(\d{1,2}(?:\s*(?:,|and|&|or)\s*\d{1,2})*)(?:\s+of\s+(?:part\s+(?:1|i)\s+of\s+)?schedule\s+12a)?",
    re.IGNORECASE,
)


def named_paragraphs(*texts: str) -> tuple[int, ...]:
    """The Schedule 12A paragraph numbers some wording names ("exempt under paragraph 3")."""
    found: list[int] = []
    for text in texts:
        for match in _PARAGRAPHS.finditer(text):
            found += [int(n) for n in re.findall(r"\d{1,2}", match[1])]
    return tuple(dict.fromkeys(found))


# --- the service -------------------------------------------------------------------------------


def service_url(base: str) -> str:
    """The web service's address from a council's ModernGov address (with or without
    ``/mgWebService.asmx``). Only http and https addresses are used."""
    base = base.strip()
    parts = urllib.parse.urlsplit(base)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ModernGovError(
            f"{base!r} is not a web address; give the council's ModernGov address, such as "
            "https://democracy.example.gov.uk"
        )
    path = parts.path.rstrip("/")
    if not path.lower().endswith(SERVICE.lower()):
        path = f"{path}/{SERVICE}"
    return urllib.parse.urlunsplit((parts.scheme.lower(), parts.netloc, path, "", ""))


def _host(url: str) -> str:
    return urllib.parse.urlsplit(url).netloc or url


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """GET `url` and return the body, reading for at most `timeout` seconds in all."""
    host = _host(url)
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": f"scrutui/{__version__} (committee minutes: agenda import)",
            "Accept": "text/xml, application/xml",
        },
    )
    slow = (
        f"ModernGov at {host} did not answer within {timeout:g} second{'' if timeout == 1 else 's'}; "
        "try again later, or allow "
        "longer with --timeout (some councils' servers take a minute)."
    )
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            kind = str(response.headers.get("Content-Type", ""))
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() > deadline:
                    raise ModernGovError(slow)
                chunk = response.read1(65536)
                if not chunk:
                    break
                size += len(chunk)
                if size > MAX_REPLY:
                    raise ModernGovError(
                        f"ModernGov at {host} sent more than {MAX_REPLY // 1_000_000} MB: not a meeting's agenda."
                    )
                chunks.append(chunk)
    except urllib.error.HTTPError as error:
        raise ModernGovError(_http_problem(host, error.code, error.reason)) from error
    except TimeoutError as error:
        raise ModernGovError(slow) from error
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError):
            raise ModernGovError(slow) from error
        raise ModernGovError(
            f"Cannot reach ModernGov at {host}: {getattr(reason, 'strerror', None) or reason}."
        ) from error
    except OSError as error:
        raise ModernGovError(f"Cannot read from ModernGov at {host}: {error.strerror or error}.") from error
    body = b"".join(chunks)
    if "html" in kind.lower() or _looks_like_html(body):
        raise ModernGovError(_html_problem(f"The reply of ModernGov at {host}", body))
    return body


def _http_problem(host: str, code: int, reason: object) -> str:
    if code in (401, 403):
        return (
            f"ModernGov at {host} refused the request (HTTP {code}): its web service may be closed to "
            "outside callers. Save the meeting's GetMeeting page from a browser and import the file."
        )
    if code == 404:
        return (
            f"ModernGov at {host} has no web service at that address (HTTP 404): check the address, "
            "or the council may have switched the service off."
        )
    if code in (500, 502, 503, 504):
        return f"ModernGov at {host} failed to answer (HTTP {code} {reason}): try again later."
    return f"ModernGov at {host} answered HTTP {code} {reason}."


def _looks_like_html(body: bytes) -> bool:
    start = body[:512].lstrip().lower()
    return start.startswith((b"<!doctype html", b"<html")) or b"<html" in start[:200]


def _html_problem(subject: str, body: bytes) -> str:
    title = re.search(rb"<title[^>]*>(.*?)</title>", body[:20000], re.IGNORECASE | re.DOTALL)
    said = ""
    if title:
        words = " ".join(html.unescape(title[1].decode("utf-8", "replace")).split())[:120]
        said = f" (its title: {words!r})" if words else ""
    return (
        f"{subject} is a web page, not XML{said}: the address may be wrong, or the council may have "
        "switched its web service off."
    )


def parse(data: bytes, where: str) -> ElementTree.Element:
    """The XML in `data` (from `where`), parsed safely; tag names without namespaces, in lower case."""
    import defusedxml
    import defusedxml.ElementTree

    if not data.strip():
        raise ModernGovError(f"{where} is empty: there is no XML to read.")
    if _looks_like_html(data):
        raise ModernGovError(_html_problem(where, data))
    try:
        root = defusedxml.ElementTree.fromstring(data, forbid_dtd=True)
    except (defusedxml.DTDForbidden, defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden):
        raise ModernGovError(
            f"{where} declares XML entities or a DTD, which scrutui refuses to read (a broken or "
            "hostile server: ModernGov sends plain XML)."
        ) from None
    except ElementTree.ParseError as error:
        line, column = error.position
        raise ModernGovError(f"{where} is not well-formed XML (line {line}, column {column}).") from None
    for element in root.iter():
        if isinstance(element.tag, str):
            element.tag = element.tag.rsplit("}", 1)[-1].lower()
    return root


class ModernGov:
    """A council's ModernGov web service."""

    def __init__(self, base: str, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.url = service_url(base)
        self.timeout = timeout

    @property
    def host(self) -> str:
        """The server's name, as messages give it."""
        return _host(self.url)

    def _get(self, operation: str, **params: str) -> ElementTree.Element:
        query = urllib.parse.urlencode(params)
        url = f"{self.url}/{operation}" + (f"?{query}" if query else "")
        return parse(fetch(url, timeout=self.timeout), f"The reply of ModernGov at {self.host}")

    def committees(self) -> list[ModernGovCommittee]:
        """Every committee the service lists (GetCommittees)."""
        return committees_in(self._get("GetCommittees", lDummy="0"))

    def meetings(self, committee_id: str, start: dt.date, end: dt.date) -> list[ModernGovMeetingListed]:
        """A committee's meetings between two dates (GetMeetings; both dates are sent, day first:
        some servers ignore a range given as ISO dates)."""
        root = self._get(
            "GetMeetings",
            lCommitteeId=committee_id,
            sFromDate=start.strftime("%d/%m/%Y"),
            sToDate=end.strftime("%d/%m/%Y"),
        )
        return meetings_in(root)

    def meeting(self, meeting_id: str) -> ModernGovMeeting:
        """One meeting with its agenda and attendees (GetMeeting)."""
        return meeting_in(self._get("GetMeeting", lMeetingId=meeting_id), f"ModernGov at {self.host}")


def read_saved_meeting(path: Path) -> ModernGovMeeting:
    """A GetMeeting reply saved to a file."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ModernGovError(f"Cannot read {path}: {error.strerror or error}.") from error
    return meeting_in(parse(data, str(path)), str(path))


# --- reading the XML ---------------------------------------------------------------------------


def _text(element: ElementTree.Element | None, *names: str) -> str:
    """The text of the first of `names` found under `element` (a child, else anywhere below)."""
    if element is None:
        return ""
    for name in names:
        found = element.find(name)
        if found is None:
            found = element.find(f".//{name}")
        if found is not None and found.text and found.text.strip():
            return found.text.strip()
    return ""


def _flag(element: ElementTree.Element, name: str) -> bool | None:
    value = _text(element, name).casefold()
    return {"true": True, "false": False, "1": True, "0": False}.get(value)


def _date(text: str) -> dt.date | None:
    first = text.strip().split(" ")[0].split("T")[0]
    for form in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(first, form).date()
        except ValueError:
            continue
    return None


def committees_in(root: ElementTree.Element) -> list[ModernGovCommittee]:
    """The committees of a GetCommittees reply."""
    found = []
    for element in root.iter("committee"):
        committee_id = _text(element, "committeeid")
        title = plain_line(_text(element, "committeetitle", "committeename"))
        if committee_id and title:
            gone = bool(_flag(element, "committeeexpired") or _flag(element, "committeedeleted"))
            found.append(ModernGovCommittee(committee_id, title, gone))
    return found


def meetings_in(root: ElementTree.Element) -> list[ModernGovMeetingListed]:
    """The meetings of a GetMeetings reply, in date order."""
    found = []
    for element in root.iter("meeting"):
        meeting_id = _text(element, "meetingid")
        day = _date(_text(element, "meetingdate"))
        if meeting_id and day:
            found.append(
                ModernGovMeetingListed(
                    meeting_id,
                    day,
                    plain_line(_text(element, "meetingtime")),
                    plain_line(_text(element, "meetingstatus")),
                    plain_line(_text(element, "meetinglocation")),
                )
            )
    return sorted(found, key=lambda m: (m.date, m.time, m.id))


def _attribute(element: ElementTree.Element, name: str) -> str:
    return plain_line(element.get(name) or _text(element, name))


def meeting_in(root: ElementTree.Element, where: str) -> ModernGovMeeting:
    """The meeting of a GetMeeting reply, with its agenda items in order (restricted items by title
    only) and its expected attendees. A single item or attendee may come without its wrapping
    element; headings (items numbered 0) and items without a title are left out, and said so."""
    meeting = (
        root
        if root.tag == "meeting"
        else next((m for m in root.iter("meeting") if m.find("meetingid") is not None), None)
    )
    if meeting is None or not _text(meeting, "meetingid"):
        raise ModernGovError(
            f"{where} gave no meeting: check the meeting's id (scrutui import moderngov ... --list)."
        )
    meeting_id = _text(meeting, "meetingid")
    day = _date(_text(meeting, "meetingdate"))
    if day is None:
        raise ModernGovError(f"ModernGov meeting {meeting_id} has no date that scrutui can read.")
    committee = meeting.find("committee")
    committee_id = _text(meeting, "committeeid") or _text(committee, "committeeid")
    committee_title = plain_line(
        _text(meeting, "committeetitle", "committeename")
        or _text(committee, "committeetitle", "committeename")
    )
    if not committee_title:
        raise ModernGovError(f"ModernGov meeting {meeting_id} does not say which committee it is of.")
    attendees = []
    for element in meeting.iter("attendee"):
        name = _attribute(element, "name")
        if name:
            attendees.append(
                ModernGovAttendee(
                    name=name,
                    member_id=_attribute(element, "memberid"),
                    role=_attribute(element, "roledescription"),
                    attendance=_attribute(element, "attendance"),
                )
            )
    items, left_out = [], []
    for element in meeting.iter("agendaitem"):
        title = plain_line(_text(element, "agendaitemtitle"))
        number = plain_line(_text(element, "fulldisplaynumberformat") or _text(element, "agendaitemnumber"))
        if not title:
            left_out.append(f"an agenda item without a title (number {number or 'none'})")
            continue
        if number in ("0", "") and _text(element, "agendaitemnumber") == "0":
            left_out.append(f"a heading, not an item: {title!r}")
            continue
        restricted = bool(_flag(element, "isrestricted")) or _flag(element, "isdisplayallowed") is False
        text = _text(element, "agendatext")
        if restricted:
            # The restricted text is read for the paragraph it names, and never kept.
            reasons = [
                _text(element, name) for name in ("restrictionreason", "restrictedreason", "exemptreason")
            ]
            paragraphs = named_paragraphs(title, plain_text(text), *(plain_text(r) for r in reasons))
            items.append(ModernGovItem(_text(element, "agendaitemid"), number, title, "", True, paragraphs))
        else:
            items.append(ModernGovItem(_text(element, "agendaitemid"), number, title, plain_text(text)))
    return ModernGovMeeting(
        id=meeting_id,
        committee_id=committee_id,
        committee_title=committee_title,
        date=day,
        time=plain_line(_text(meeting, "meetingtime")),
        location=plain_line(_text(meeting, "meetinglocation")),
        attendees=tuple(attendees),
        items=tuple(items),
        left_out=tuple(left_out),
    )
