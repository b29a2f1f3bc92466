"""The README's key tables say what the app's keys do: every key a table names is bound on that
screen, and every key of the screen (each Binding with an id, which F1 and the palette list) is in
its table. Read from the README and the screens' own Bindings, so either changing alone fails."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.binding import Binding

from scrutui.tui.app import ScrutuiApp
from scrutui.tui.screens.home import HomeScreen
from scrutui.tui.screens.minuting import MinutingScreen
from scrutui.tui.screens.tracker import TrackerScreen
from scrutui.tui.widgets.capture_line import CaptureInput
from scrutui.tui.widgets.paged_table import PagedTable
from scrutui.tui.widgets.record_list import RecordList

README = Path(__file__).resolve().parent.parent / "README.md"

#: Each README table (by the heading it follows) and the classes whose Bindings it describes.
TABLES = {
    "### Keys on the meetings list": (HomeScreen, ScrutuiApp),
    "### Keys on the minuting screen": (MinutingScreen, RecordList, CaptureInput, ScrutuiApp),
    "## Chasing what is owed: the tracker": (TrackerScreen, PagedTable),
}
#: Keys a table may name that Textual's own widgets handle: Enter on a list or the capture line,
#: paging a table, and the command palette.
BUILT_IN = {"enter", "pageup", "pagedown", "ctrl+p"}
_NAMES = {"pgdn": "pagedown", "pgup": "pageup", "esc": "escape", "↑": "up", "↓": "down"}
_KEY = re.compile(
    r"(?<![\w+])((?:ctrl|shift|alt)\+)?(up|down|f\d+|pgdn|pgup|enter|esc|delete|tab|home|end|[a-z])(?![\w+])"
)


def table_keys(heading: str) -> dict[str, str]:
    """The keys the README's table after `heading` names, each with the row it is in."""
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n{heading}\n")
    body = text[start:].split("| Key | What it does |", 1)[1]
    found: dict[str, str] = {}
    for line in body.splitlines()[2:]:
        if not line.startswith("|"):
            break
        cell = line.split("|")[1].replace("`", "").lower()
        for arrow, word in (("↑", "up"), ("↓", "down")):
            cell = cell.replace(arrow, word)
        for modifier, key in _KEY.findall(cell):
            found[modifier + _NAMES.get(key, key)] = line
    return found


def bound_keys(classes: tuple[type, ...]) -> dict[str, Binding]:
    """Every key of the classes' Bindings that have an id (what F1 lists), with its Binding."""
    found: dict[str, Binding] = {}
    for cls in classes:
        for binding in cls.BINDINGS:
            assert isinstance(binding, Binding) and binding.id, f"{cls.__name__}: {binding} has no id"
            for key in binding.key.split(","):
                found[key.strip().lower()] = binding
    return found


@pytest.mark.parametrize("heading", list(TABLES))
def test_every_key_in_the_readme_is_bound(heading: str) -> None:
    documented, bound = table_keys(heading), bound_keys(TABLES[heading])
    assert documented, f"no key table after {heading}"
    unbound = {key: row for key, row in documented.items() if key not in bound and key not in BUILT_IN}
    assert not unbound, f"the README names keys the screen does not have: {unbound}"


@pytest.mark.parametrize("heading", list(TABLES))
def test_every_key_of_the_screen_is_in_the_readme(heading: str) -> None:
    documented, bound = table_keys(heading), bound_keys(TABLES[heading])
    missing = {
        binding.id: binding.key
        for binding in {b.id: b for b in bound.values()}.values()
        if not any(key.strip().lower() in documented for key in binding.key.split(","))
    }
    assert not missing, f"keys of the screen the README's table leaves out: {missing}"


def test_the_tables_are_read_as_written() -> None:
    minuting = table_keys("### Keys on the minuting screen")
    assert {"pagedown", "pageup", "shift+up", "ctrl+down", "f2", "ctrl+t", "f9", "escape"} <= set(minuting)
    assert {"x", "w", "a", "home", "end", "f5", "escape"} <= set(
        table_keys("## Chasing what is owed: the tracker")
    )
