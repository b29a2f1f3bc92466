"""A council's Word agenda read into a meeting: the three layouts councils use, the purposes, the
exempt items, bad files, and the command that previews and asks before writing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from scrutui.cli import main
from scrutui.errors import ScrutuiError
from scrutui.imports.word_agenda import read_word_agenda
from scrutui.models import MinutesStatus, Narrative
from scrutui.store import open_store
from tests.conftest import add_meeting_to
from tests.imports.word_agendas import table_layout, typed_numbers, word_numbering

EXPECTED = [
    ("1", "Apologies for absence", "To receive any apologies for absence.", None),
    ("2", "Declarations of interest", "Members are asked to declare any interests.", None),
    ("3", "Minutes of the previous meeting", "To confirm the minutes of 15 September 2026.", None),
    (
        "4",
        "Ofsted improvement plan: progress",
        "To review progress against the improvement plan.\n1. That the Committee notes the progress made.\n"
        "2. That the Committee comments on the workforce strategy.",
        None,
    ),
    ("5", "Work programme", "To agree the work programme for 2026/27.", None),
    (
        "6",
        "Exclusion of the press and public",
        "To exclude the public for the next item: it involves exempt information under paragraph 3 of Schedule 12A.",
        None,
    ),
    ("7", "Contract award: residential care placements", "", 3),
]


@pytest.mark.parametrize("layout", [typed_numbers, word_numbering, table_layout])
def test_each_layout_gives_the_items_their_purposes_and_the_exempt_item(
    tmp_path: Path, layout: Callable[[Path], Path]
) -> None:
    agenda = read_word_agenda(layout(tmp_path / "agenda.docx"))
    found = [(i.number, i.title, i.purpose, i.exempt_paragraph) for i in agenda.items]
    # The preamble's "1 December 2026", the numbered recommendations under item 4, "(Pages 7 - 30)"
    # and the contact details after the last item are not items.
    assert found == EXPECTED
    assert agenda.notes == ()


def test_an_exempt_item_naming_no_paragraph_is_public_and_said_so(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for number, title in (("1", "Apologies"), ("2", "Budget"), ("3", "Staffing restructure (exempt)")):
        document.add_paragraph().add_run(f"{number}. {title}").bold = True
    document.save(str(tmp_path / "agenda.docx"))
    agenda = read_word_agenda(tmp_path / "agenda.docx")
    assert agenda.items[2].exempt_paragraph is None
    assert agenda.notes == (
        "Item 3 Staffing restructure (exempt) looks exempt but names no Schedule 12A paragraph: it is "
        "imported as public; mark it exempt in the item form if it is.",
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"Not a Word document at all", "is not a Word document (.docx)"),
        (b"PK\x03\x04 a damaged zip", "is not a Word document (.docx)"),
        (None, "No numbered agenda items were found"),
    ],
)
def test_bad_files_are_one_line(tmp_path: Path, content: bytes | None, expected: str) -> None:
    path = tmp_path / "agenda.docx"
    if content is None:
        import docx

        document = docx.Document()
        document.add_paragraph("The agenda will follow.")
        document.save(str(path))
    else:
        path.write_bytes(content)
    with pytest.raises(ScrutuiError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        read_word_agenda(path)
    with pytest.raises(ScrutuiError, match="There is no file"):
        read_word_agenda(tmp_path / "missing.docx")


def test_the_command_previews_asks_and_writes(tmp_path: Path, db_path: Path) -> None:
    _, meeting, items = add_meeting_to(db_path)  # 1 Apologies, 2 Winter pressures, 3 Work programme
    store = open_store(db_path)
    try:
        store.records.add(Narrative(agenda_item_id=items[1].id or 0, text="Minuted already."))
    finally:
        store.close()
    path = typed_numbers(tmp_path / "agenda.docx")
    arguments = ["import", "agenda", str(path), "--meeting", str(meeting.id), "--db", str(db_path)]

    declined = CliRunner().invoke(main, arguments, input="n\n")
    assert declined.exit_code == 0, declined.output
    assert "7 agenda items found." in declined.output
    assert (
        "Item 2 Winter pressures is no longer on the imported agenda, but minuting has begun under it"
        in declined.output
    )
    assert (
        "Write this into the agenda of Health Scrutiny Committee, 3 December 2026 (meeting 1)? [y/N]"
        in declined.output
    )
    assert "Nothing was written." in declined.output
    store = open_store(db_path)
    try:
        assert [i.title for i in store.agenda.for_meeting(meeting.id or 0)] == [i.title for i in items]
    finally:
        store.close()

    accepted = CliRunner().invoke(main, arguments, input="y\n")
    assert accepted.exit_code == 0, accepted.output
    assert "Written into the agenda of Health Scrutiny Committee" in accepted.output
    store = open_store(db_path)
    try:
        agenda = store.agenda.for_meeting(meeting.id or 0)
        titles = [i.title for i in agenda]
        # Minuted, no longer on the agenda: kept where it was, between "Apologies" and "Work programme"
        # (both now as the document has them).
        assert titles == [e[1] for e in EXPECTED[:4]] + ["Winter pressures"] + [e[1] for e in EXPECTED[4:]]
        assert agenda[-1].exempt_paragraph == 3
    finally:
        store.close()
    again = CliRunner().invoke(main, arguments)
    assert again.exit_code == 0 and "Nothing to write." in again.output


def test_the_command_refuses_issued_minutes(tmp_path: Path, db_path: Path) -> None:
    _, meeting, _ = add_meeting_to(db_path)
    store = open_store(db_path)
    try:
        store.meetings.set_status(meeting.id or 0, MinutesStatus.ISSUED)
    finally:
        store.close()
    path = typed_numbers(tmp_path / "agenda.docx")
    result = CliRunner().invoke(
        main, ["import", "agenda", str(path), "--meeting", "1", "--db", str(db_path), "-y"]
    )
    assert result.exit_code == 1
    assert (
        "have been issued and their minute numbers are fixed, so its agenda cannot be imported"
        in result.output
    )


def test_an_item_minuted_after_the_preview_stops_the_import(tmp_path: Path, db_path: Path) -> None:
    from scrutui.imports.word_agenda import prepare_word_import, write_word_import

    _, meeting, items = add_meeting_to(db_path)
    store = open_store(db_path)
    try:
        prepared = prepare_word_import(store, meeting.id or 0, typed_numbers(tmp_path / "agenda.docx"))
        before = store.agenda.for_meeting(meeting.id or 0)
        # Meanwhile, on another computer, the clerk starts minuting "Apologies", which the import changes.
        other = open_store(db_path)
        try:
            other.records.add(Narrative(agenda_item_id=items[0].id or 0, text="Apologies were received."))
        finally:
            other.close()
        with pytest.raises(
            ScrutuiError, match="Item 1 Apologies has been minuted since this import was prepared"
        ):
            write_word_import(store, prepared)
        assert store.agenda.for_meeting(meeting.id or 0) == before
    finally:
        store.close()
