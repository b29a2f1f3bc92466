"""A second connection to a database another connection has open: the export worker's, or the command
line while the app runs. The newest changes may be only in the -wal file, not yet in the header."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from scrutui.cli import main
from scrutui.demo import load_demo
from scrutui.store import open_store


def test_a_new_database_can_be_opened_again_while_it_is_open(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    first = open_store(path)
    try:
        load_demo(first)
        assert path.with_name("new.sqlite-wal").stat().st_size > 0
        second = first.reopen()
        assert second.meetings.count() == 2
        second.close()
        reader = open_store(path, read_only=True)
        assert reader.meetings.count() == 2
        reader.close()
        result = CliRunner().invoke(main, ["export", "minutes", "2", "--db", str(path), "-o", str(tmp_path)])
        assert result.exit_code == 0, result.output
    finally:
        first.close()
