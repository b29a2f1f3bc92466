"""Output files: never overwritten unasked, always complete or absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrutui.errors import ScrutuiError
from scrutui.export.files import OutputExists, write_atomically
from scrutui.export.pdf import convert_to_pdf, find_soffice


def test_written_whole_and_renamed(tmp_path: Path) -> None:
    target = tmp_path / "minutes.docx"
    write_atomically(target, lambda p: p.write_bytes(b"whole document"))
    assert target.read_bytes() == b"whole document"
    assert [p.name for p in tmp_path.iterdir()] == ["minutes.docx"]  # no temporary file left


def test_existing_file_is_not_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "minutes.docx"
    target.write_bytes(b"the chair's corrected copy")
    with pytest.raises(OutputExists, match="--force"):
        write_atomically(target, lambda p: p.write_bytes(b"new"))
    assert target.read_bytes() == b"the chair's corrected copy"
    write_atomically(target, lambda p: p.write_bytes(b"new"), force=True)
    assert target.read_bytes() == b"new"


def test_a_failure_part_way_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "minutes.docx"

    def half_then_fail(path: Path) -> None:
        path.write_bytes(b"half a docu")
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        write_atomically(target, half_then_fail)
    assert list(tmp_path.iterdir()) == []


def test_a_failure_part_way_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "minutes.docx"
    target.write_bytes(b"old")

    def fail(path: Path) -> None:
        path.write_bytes(b"partial")
        raise OSError(28, "No space left on device")

    with pytest.raises(ScrutuiError, match="No space left"):
        write_atomically(target, fail, force=True)
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["minutes.docx"]


def test_missing_folder_and_folder_as_target(tmp_path: Path) -> None:
    with pytest.raises(ScrutuiError, match="does not exist"):
        write_atomically(tmp_path / "nope" / "x.docx", lambda p: None)
    with pytest.raises(ScrutuiError, match="is a folder"):
        write_atomically(tmp_path, lambda p: None, force=True)


def test_pdf_without_libreoffice_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_soffice() is None
    with pytest.raises(ScrutuiError, match="LibreOffice"):
        convert_to_pdf(tmp_path / "x.docx", tmp_path / "x.pdf")
