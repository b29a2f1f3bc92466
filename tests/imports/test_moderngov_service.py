"""Reading a council's ModernGov web service over HTTP (a local server serving fixture replies):
committees, meetings, a meeting's agenda; and every way a server can fail, each one plain line."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from scrutui.cli import main
from scrutui.imports.moderngov import ModernGov, ModernGovError, plain_text, service_url, unescape
from tests.imports.moderngov_server import FIXTURES, FakeModernGov, Reply, fixture


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_service_address_from_the_councils_address() -> None:
    assert (
        service_url("https://democracy.example.gov.uk")
        == "https://democracy.example.gov.uk/mgWebService.asmx"
    )
    assert service_url("https://x.gov.uk/mgWebService.asmx/") == "https://x.gov.uk/mgWebService.asmx"
    assert service_url("https://x.gov.uk/moderngov/") == "https://x.gov.uk/moderngov/mgWebService.asmx"
    for bad in ("democracy.example.gov.uk", "file:///etc/passwd", "ftp://x.gov.uk"):
        with pytest.raises(ModernGovError, match="not a web address"):
            service_url(bad)


def test_entities_escaped_twice_and_word_html_become_plain_text() -> None:
    assert unescape("Children&#39;s") == "Children's"
    assert unescape("Children&amp;#39;s") == "Children's"
    html = (
        "<p class=MsoNormal>To review&nbsp;the plan<o:p></o:p></p><ul><li>Workforce</li><li>Audits</li></ul>"
    )
    assert plain_text(html) == "To review the plan\n• Workforce\n• Audits"
    assert plain_text("&lt;p&gt;Budget &amp;amp; savings&lt;/p&gt;") == "Budget & savings"
    assert (
        plain_text("<style>p {color: red}</style><!--[if gte mso 9]><xml>x</xml><![endif]--><p>Kept</p>")
        == "Kept"
    )


def test_committees_and_meetings_are_listed(moderngov: FakeModernGov) -> None:
    code, output = run("import", "moderngov", moderngov.base, "--list")
    assert code == 0, output
    assert "27  Children's Services Scrutiny Committee" in output
    assert "Health & Wellbeing Scrutiny Committee" in output and "(expired)" in output
    code, output = run(
        "import",
        "moderngov",
        moderngov.base,
        "--committee",
        "27",
        "--from",
        "01/09/2026",
        "--to",
        "2027-03-31",
    )
    assert code == 0, output
    lines = output.splitlines()
    assert lines[1].startswith("4521  10/11/2026") and lines[2].startswith("4530  19/01/2027")
    path, query = moderngov.requests[-1]
    # Both dates are sent, day first (some servers ignore a range given as ISO dates).
    assert path == "/mgWebService.asmx/GetMeetings"
    assert query == {"lCommitteeId": "27", "sFromDate": "01/09/2026", "sToDate": "31/03/2027"}


def test_a_meeting_is_read_with_its_agenda_and_attendees(moderngov: FakeModernGov) -> None:
    meeting = ModernGov(moderngov.base).meeting("4521")
    assert (meeting.committee_id, meeting.committee_title) == ("27", "Children's Services Scrutiny Committee")
    assert meeting.date == dt.date(2026, 11, 10) and meeting.time == "6.30 pm"
    assert [a.name for a in meeting.attendees][1] == "Councillor Ben O'Brien"
    assert meeting.attendees[2].attendance == "Apologies"
    assert [i.number for i in meeting.items] == ["1.", "2.", "3.", "4.", "5.", "6.", "7.", "8."]
    assert (
        meeting.items[4].purpose
        == "To scrutinise the early help budget & savings.\nReport of the Director of Finance."
    )
    restricted = meeting.items[-1]
    assert restricted.restricted and restricted.purpose == "" and restricted.paragraphs == (3,)
    assert "CANARY" not in repr(meeting)
    assert meeting.left_out == ("a heading, not an item: 'PART A - ITEMS TAKEN IN PUBLIC'",)


def test_one_attendee_and_one_item_without_their_wrappers() -> None:
    from scrutui.imports.moderngov import read_saved_meeting

    meeting = read_saved_meeting(FIXTURES / "meeting-single.xml")
    assert [a.name for a in meeting.attendees] == ["Councillor Kim Lo"]
    assert [(i.title, i.purpose) for i in meeting.items] == [
        ("Winter pressures in A&E", "To review the NHS trust's winter plan.")
    ]
    assert (
        meeting.date == dt.date(2027, 2, 2)
        and meeting.committee_title == "Health & Wellbeing Scrutiny Committee"
    )


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (Reply(b"Forbidden", 403, "text/plain"), "refused the request (HTTP 403)"),
        (
            fixture("error-page.html", content_type="text/html"),
            "is a web page, not XML (its title: 'Web service unavailable')",
        ),
        (fixture("error-page.html", content_type="text/xml"), "is a web page, not XML"),
        (Reply(b"Server error", 500, "text/plain"), "failed to answer (HTTP 500"),
        (fixture("malformed.xml"), "is not well-formed XML (line 9, column 0)"),
        (fixture("billion-laughs.xml"), "declares XML entities or a DTD, which scrutui refuses"),
        (Reply(b"", 200), "is empty"),
        (Reply(b"<getmeeting></getmeeting>"), "gave no meeting"),
    ],
    ids=["403", "html-page", "html-as-xml", "500", "malformed", "billion-laughs", "empty", "no-meeting"],
)
def test_every_failure_is_one_plain_line(
    moderngov: FakeModernGov, db_path: Path, reply: Reply, expected: str
) -> None:
    moderngov.replies["GetMeeting:4521"] = reply
    started = time.monotonic()
    code, output = run("import", "moderngov", moderngov.base, "--meeting", "4521", "--db", str(db_path))
    assert code == 1
    assert expected in output and output.count("\n") == 1 and "Traceback" not in output
    assert time.monotonic() - started < 5  # a billion laughs is refused, not expanded
    assert not db_path.exists()  # nothing was opened or written


def test_a_disabled_service_and_an_unknown_address(moderngov: FakeModernGov, db_path: Path) -> None:
    code, output = run("import", "moderngov", f"{moderngov.base}/wrong/", "--list")
    assert code == 1 and "no web service at that address (HTTP 404)" in output
    code, output = run("import", "moderngov", "http://127.0.0.1:9", "--list", "--timeout", "2")
    assert (
        code == 1
        and output.startswith("scrutui: Cannot reach ModernGov at 127.0.0.1:9")
        and output.count("\n") == 1
    )


def test_a_slow_server_times_out(moderngov: FakeModernGov, db_path: Path) -> None:
    moderngov.replies["GetMeeting:4521"] = fixture("meeting-4521.xml", delay=30)
    started = time.monotonic()
    code, output = run(
        "import", "moderngov", moderngov.base, "--meeting", "4521", "--timeout", "1", "--db", str(db_path)
    )
    assert time.monotonic() - started < 10
    assert code == 1 and "did not answer within 1 second;" in output and "--timeout" in output


def test_saying_nothing_to_do_is_refused(moderngov: FakeModernGov) -> None:
    code, output = run("import", "moderngov", moderngov.base)
    assert code == 1 and "--list (committees), --committee ID (meetings) or --meeting ID" in output
    code, output = run("import", "moderngov", moderngov.base, "--meeting", "next")
    assert code == 1 and "is not a ModernGov meeting id" in output
