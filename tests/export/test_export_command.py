"""`scrutui export minutes`: the file it writes, and one clear line (and nothing written) when it cannot."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scrutui.cli import main
from scrutui.export.pdf import find_soffice
from scrutui.store import open_store
from tests.export.helpers import EXPECTED_PUBLIC, build_meeting, headers, paragraphs

DEMO_NAME = "children-and-young-people-scrutiny-committee-demo-minutes-2026-11-10.docx"


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite"
    assert CliRunner().invoke(main, ["demo", "--db", str(path)]).exit_code == 0
    return path


@pytest.fixture
def out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The current folder, where the default file name goes."""
    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def one_line_failure(result: Result, *words: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.output.strip().count("\n") == 0, result.output
    assert result.output.startswith("scrutui: ") and "Traceback" not in result.output
    for word in words:
        assert word in result.output, result.output


def test_export_the_demo_meeting_to_the_current_folder(demo_db: Path, out: Path) -> None:
    result = run("export", "minutes", "2", "--db", str(demo_db))
    assert result.exit_code == 0, result.output
    # The demo meeting has an exempt item: the public minutes show only its public stub.
    assert result.output.strip() == (
        f"Draft minutes written to {DEMO_NAME} (1 exempt item shown only as considered in private)."
    )
    assert [p.name for p in out.iterdir()] == [DEMO_NAME]
    assert paragraphs(out / DEMO_NAME)[0] == ("Minutes Title", "Children and Young People Scrutiny Committee (demo)")


def test_output_file_folder_and_confidential(tmp_path: Path, out: Path) -> None:
    db = tmp_path / "db.sqlite"
    store = open_store(db)
    meeting_id = build_meeting(store)
    store.close()
    named = run("export", "minutes", str(meeting_id), "--db", str(db), "-o", str(out / "draft"))
    assert named.exit_code == 0, named.output
    assert "1 exempt item shown only as considered in private" in named.output
    assert paragraphs(out / "draft.docx") == EXPECTED_PUBLIC
    folder = tmp_path / "folder"
    folder.mkdir()
    secret = run("export", "minutes", str(meeting_id), "--db", str(db), "-o", str(folder), "--confidential")
    assert secret.exit_code == 0, secret.output
    assert secret.output.startswith("Confidential minutes written to")
    written = folder / "health-scrutiny-committee-minutes-2026-12-03-confidential.docx"
    assert headers(written) == ["Health Scrutiny Committee\tCONFIDENTIAL · DRAFT"]


def test_database_from_the_environment_and_the_top_level_option(demo_db: Path, out: Path) -> None:
    assert CliRunner().invoke(main, ["export", "minutes", "1"], env={"SCRUTUI_DB": str(demo_db)}).exit_code == 0
    assert run("--db", str(demo_db), "export", "minutes", "2").exit_code == 0
    assert len(list(out.iterdir())) == 2


def test_unknown_meeting_is_one_line_and_writes_nothing(demo_db: Path, out: Path) -> None:
    one_line_failure(run("export", "minutes", "99", "--db", str(demo_db)), "no meeting with id 99", "scrutui meetings")
    one_line_failure(run("export", "minutes", "two", "--db", str(demo_db)), "'two' is not a meeting id")
    assert list(out.iterdir()) == []


def test_a_missing_database_is_not_created(tmp_path: Path, out: Path) -> None:
    missing = tmp_path / "missing.sqlite"
    one_line_failure(run("export", "minutes", "1", "--db", str(missing)), "No scrutui database at")
    assert not missing.exists() and list(out.iterdir()) == []


def test_missing_or_broken_template_is_one_line_and_writes_nothing(demo_db: Path, out: Path, tmp_path: Path) -> None:
    one_line_failure(
        run("export", "minutes", "2", "--db", str(demo_db), "--template", str(tmp_path / "gone.docx")),
        "gone.docx does not exist",
    )
    text = tmp_path / "notes.docx"
    text.write_text("hello")
    one_line_failure(
        run("export", "minutes", "2", "--db", str(demo_db), "--template", str(text)), "is not a Word document"
    )
    assert list(out.iterdir()) == []


def test_unwritable_folder_is_one_line(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import scrutui.export.files as files

    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = files.os.access
    monkeypatch.setattr(files.os, "access", lambda path, mode: Path(path) != locked and real_access(path, mode))
    one_line_failure(run("export", "minutes", "2", "--db", str(demo_db), "-o", str(locked)), "not writable")
    assert list(locked.iterdir()) == []


def test_a_missing_folder_is_one_line(demo_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "minutes.docx"
    one_line_failure(run("export", "minutes", "2", "--db", str(demo_db), "-o", str(target)), "does not exist")
    assert not (tmp_path / "no").exists()


def test_an_unwritable_folder_leaves_nothing_behind(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root (CI containers) permissions do not stop writes, so fail the write itself."""
    import scrutui.export.files as files

    folder = tmp_path / "target"
    folder.mkdir()

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.os, "replace", refuse)
    one_line_failure(
        run("export", "minutes", "2", "--db", str(demo_db), "-o", str(folder)), "Cannot write", "Permission denied"
    )
    assert list(folder.iterdir()) == []


def test_an_existing_file_is_kept_without_force(demo_db: Path, out: Path) -> None:
    existing = out / DEMO_NAME
    existing.write_bytes(b"the clerk's edited copy")
    one_line_failure(run("export", "minutes", "2", "--db", str(demo_db)), "already exists", "--force")
    assert existing.read_bytes() == b"the clerk's edited copy"
    assert [p.name for p in out.iterdir()] == [DEMO_NAME]
    replaced = run("export", "minutes", "2", "--db", str(demo_db), "--force")
    assert replaced.exit_code == 0, replaced.output
    assert paragraphs(existing)[0][0] == "Minutes Title"


def test_pdf_without_libreoffice_is_refused_before_writing(
    demo_db: Path, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "")
    one_line_failure(run("export", "minutes", "2", "--db", str(demo_db), "--pdf"), "LibreOffice")
    assert list(out.iterdir()) == []


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_pdf_beside_the_word_file(demo_db: Path, out: Path) -> None:
    result = run("export", "minutes", "2", "--db", str(demo_db), "--pdf")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [DEMO_NAME, DEMO_NAME.replace(".docx", ".pdf")]
    pdf = out / DEMO_NAME.replace(".docx", ".pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE), info  # for screen readers
    assert re.search(r"^Title:\s+Children and Young People Scrutiny Committee \(demo\): minutes", info, re.MULTILINE)


def test_help(demo_db: Path) -> None:
    result = run("export", "minutes", "--help")
    assert result.exit_code == 0
    for option in ("--db", "--output", "--template", "--confidential", "--force", "--pdf", "MEETING"):
        assert option in result.output


def test_a_copy_of_the_template_to_restyle(out: Path, demo_db: Path) -> None:
    result = run("export", "template", "house.docx")
    assert result.exit_code == 0, result.output
    assert "copied to house.docx" in result.output
    one_line_failure(run("export", "template", "house.docx"), "already exists")
    used = run("export", "minutes", "2", "--db", str(demo_db), "--template", "house.docx")
    assert used.exit_code == 0, used.output
