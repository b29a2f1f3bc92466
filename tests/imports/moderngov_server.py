"""A stand-in for a council's ModernGov web service: a local HTTP server on 127.0.0.1 serving the
fixture replies in tests/fixtures/moderngov, and recording what was asked of it."""

from __future__ import annotations

import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parents[1] / "fixtures" / "moderngov"


@dataclass
class Reply:
    """What the server answers to one operation."""

    body: bytes
    status: int = 200
    content_type: str = "text/xml; charset=utf-8"
    #: Seconds to wait before answering (a slow server), cut short when the test ends.
    delay: float = 0.0


def fixture(name: str, **options: object) -> Reply:
    """A reply of a fixture file."""
    return Reply((FIXTURES / name).read_bytes(), **options)  # type: ignore[arg-type]


@dataclass
class FakeModernGov:
    """The server's address, what it answers (by operation and, for GetMeeting, meeting id), and
    the requests it was sent."""

    base: str
    replies: dict[str, Reply] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def reply(self, operation: str, query: dict[str, str]) -> Reply:
        key = f"{operation}:{query.get('lMeetingId', '')}" if operation == "GetMeeting" else operation
        return self.replies.get(key) or self.replies.get(operation) or Reply(b"Not found", 404, "text/plain")


@pytest.fixture
def moderngov() -> Iterator[FakeModernGov]:
    """A ModernGov web service on 127.0.0.1, serving the fixtures by default."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    server.daemon_threads = True
    fake = FakeModernGov(f"http://127.0.0.1:{server.server_address[1]}")
    fake.replies = {
        "GetCommittees": fixture("committees.xml"),
        "GetMeetings": fixture("meetings.xml"),
        "GetMeeting:4521": fixture("meeting-4521.xml"),
    }

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urllib.parse.urlsplit(self.path)
            operation = parts.path.rsplit("/", 1)[-1]
            query = dict(urllib.parse.parse_qsl(parts.query))
            fake.requests.append((parts.path, query))
            reply = (
                fake.reply(operation, query)
                if parts.path.startswith("/mgWebService.asmx/")
                else Reply(b"<html><head><title>Page not found</title></head></html>", 404, "text/html")
            )
            if reply.delay and fake.stop.wait(reply.delay):
                return
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server.RequestHandlerClass = Handler
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        fake.stop.set()
        server.shutdown()
        server.server_close()
