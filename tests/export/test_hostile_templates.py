"""Hostile Word templates: a template is filled in within limits it cannot exceed (a deadline and, on
POSIX, a memory cap, in a child process), every part of it is checked, outside links are stripped,
only a regular file is read, and each refusal is one line naming its cause."""

from __future__ import annotations

import io
import os
import re
import resource
import struct
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from scrutui.export import render
from scrutui.export.minutes_export import MinutesExport, export_minutes
from scrutui.export.template import TemplateError, default_template
from scrutui.store import Store
from tests.export.helpers import build_meeting, every_part

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, /dev/zero and RLIMIT_AS are POSIX")

#: A deadline short enough for the tests (scrutui's own is longer).
TEST_SECONDS = 2.0


@pytest.fixture(autouse=True)
def _short_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "RENDER_SECONDS", TEST_SECONDS)


def variant(tmp_path: Path, changes: dict[str, Callable[[bytes], bytes]], extra: dict[str, bytes] | None = None) -> Path:
    """The default template with some parts changed (or added)."""
    source = zipfile.ZipFile(default_template())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename in changes:
                data = changes[entry.filename](data)
            target.writestr(entry.filename, data)
        for name, data in (extra or {}).items():
            target.writestr(name, data)
    path = tmp_path / "hostile.docx"
    path.write_bytes(out.getvalue())
    return path


def in_body(tag: str) -> Callable[[bytes], bytes]:
    """Put `tag` in a paragraph of its own before the {{ minutes }} paragraph."""

    def change(xml: bytes) -> bytes:
        paragraph = f'<w:p><w:r><w:t xml:space="preserve">{tag}</w:t></w:r></w:p>'.encode()
        return xml.replace(b"<w:body>", b"<w:body>" + paragraph, 1)

    return change


def in_title(tag: str) -> Callable[[bytes], bytes]:
    """Make `tag` the document's title (File > Info), in docProps/core.xml."""

    def change(xml: bytes) -> bytes:
        return re.sub(rb"<dc:title>.*?</dc:title>|<dc:title/>", f"<dc:title>{tag}</dc:title>".encode(), xml)

    return change


def refused(store: Store, tmp_path: Path, template: Path, *words: str) -> tuple[str, float, int]:
    """Export with `template`: it must be refused with one line holding `words`, nothing written.
    Returns the message, the seconds it took and how far this process's memory peak rose (bytes)."""
    meeting_id = build_meeting(store)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    with pytest.raises(TemplateError) as caught:
        export_minutes(store, MinutesExport(meeting_id=meeting_id, folder=tmp_path, template=template))
    took = time.monotonic() - started
    grew = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak) * (1 if sys.platform == "darwin" else 1024)
    message = str(caught.value)
    assert "\n" not in message
    for word in words:
        assert word in message, message
    assert not list(tmp_path.glob("health-*")), "nothing is written"
    return message, took, grew


NESTED_LOOPS = "{% for a in range(100000) %}{% for b in range(100000) %}{{ a }}{% endfor %}{% endfor %}"


@pytest.mark.parametrize("where", [in_body, in_title], ids=["body", "document properties"])
def test_a_template_that_loops_without_end_is_stopped_at_the_deadline(
    store: Store, tmp_path: Path, where: Callable[[str], Callable[[bytes], bytes]]
) -> None:
    part = "word/document.xml" if where is in_body else "docProps/core.xml"
    template = variant(tmp_path, {part: where(NESTED_LOOPS)})
    _, took, _ = refused(store, tmp_path, template, "within 2 seconds")
    assert took < TEST_SECONDS + 10


MEMORY_EATERS = [
    "{{ 'x'|center(2000000000) }}",
    "{{ '{0:>1500000000}'.format(1) }}",
    "{% set ns = namespace(s='xxxxxxxx') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
]


@pytest.mark.parametrize("tag", MEMORY_EATERS, ids=["center", "format", "concatenation"])
def test_a_template_cannot_eat_memory(store: Store, tmp_path: Path, tag: str) -> None:
    template = variant(tmp_path, {"word/document.xml": in_body(tag)})
    message, took, grew = refused(store, tmp_path, template, "could not be filled in")
    assert "memory" in message or "within 2 seconds" in message
    assert grew < 300 * 2**20, f"this process grew by {grew / 2**20:.0f} MB"
    assert took < TEST_SECONDS + 10


def test_a_part_declaring_a_huge_size_is_refused_before_it_is_read(store: Store, tmp_path: Path) -> None:
    template = variant(tmp_path, {}, {"word/media/image1.png": b"\x89PNG" + b"\x00" * 64})
    data = bytearray(template.read_bytes())
    # Say, in the zip's central directory, that the image unpacks to (almost) 4 GiB.
    header = data.rfind(b"PK\x01\x02", 0, data.rfind(b"word/media/image1.png"))
    data[header + 24 : header + 28] = struct.pack("<I", 0xFFFFFFFE)
    template.write_bytes(bytes(data))
    assert zipfile.ZipFile(template).getinfo("word/media/image1.png").file_size == 0xFFFFFFFE
    _, took, grew = refused(store, tmp_path, template, "word/media/image1.png", "GB")
    assert took < 5 and grew < 100 * 2**20


def test_a_zip_bomb_is_refused(store: Store, tmp_path: Path) -> None:
    template = variant(tmp_path, {}, {"word/media/image2.png": b"\x00" * (120 * 2**20)})
    assert template.stat().st_size < 2 * 2**20
    refused(store, tmp_path, template, "word/media/image2.png", "MB")


def test_an_xml_part_with_entities_is_refused(store: Store, tmp_path: Path) -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
    )
    template = variant(tmp_path, {"word/styles.xml": lambda xml: laughs + xml.split(b"?>", 1)[1]})
    refused(store, tmp_path, template, "word/styles.xml", "DOCTYPE")


def test_an_unknown_tag_in_the_document_properties_is_refused(store: Store, tmp_path: Path) -> None:
    template = variant(tmp_path, {"docProps/core.xml": in_title("{{ secret_value }}")})
    refused(store, tmp_path, template, "{{ secret_value }}", "document properties")


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "folder"])
def test_only_a_regular_file_is_read_as_a_template(store: Store, tmp_path: Path, kind: str) -> None:
    if kind == "fifo":
        template = tmp_path / "template.docx"
        os.mkfifo(template)  # opened for reading, it would wait for a writer for ever
    elif kind == "folder":
        template = tmp_path / "template.docx"
        template.mkdir()
    else:
        template = Path("/dev/zero")
    message, took, grew = refused(store, tmp_path, template, str(template))
    assert took < 2 and grew < 50 * 2**20
    assert "not a regular file" in message or "is a folder" in message


ATTACHED = (
    b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    b'attachedTemplate" Target="file://council-share/templates/Normal.dotm" TargetMode="External"/>'
)


def test_outside_links_in_a_template_are_stripped(store: Store, tmp_path: Path) -> None:
    settings_rels = "word/_rels/settings.xml.rels"
    rels = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + ATTACHED
        + b"</Relationships>"
    )
    attach = b'<w:attachedTemplate r:id="rId99"/></w:settings>'
    template = variant(
        tmp_path,
        {"word/settings.xml": lambda xml: xml.replace(b"</w:settings>", attach)},
        {settings_rels: rels},
    )
    assert b"council-share" in zipfile.ZipFile(template).read(settings_rels)
    meeting_id = build_meeting(store)
    written = export_minutes(store, MinutesExport(meeting_id=meeting_id, folder=tmp_path, template=template)).docx
    everything = every_part(written)
    assert "council-share" not in everything and "file://" not in everything
    assert "attachedTemplate" not in everything
