"""Writing the tracker and the chair's list out: CSV for spreadsheets, JSON, and Word.

Every file is written through `write_atomically` (a temporary name, then a rename), and never over
an existing file unless asked. python-docx is imported only when a Word file is written.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from scrutui.errors import ScrutuiError
from scrutui.export.files import write_atomically
from scrutui.lists import ListDocument

#: Characters that make a spreadsheet read a cell as a formula. A cell of text starting with one
#: gets a leading apostrophe, which spreadsheets show as plain text (OWASP's advice on CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """`value` as a CSV cell that a spreadsheet will not run as a formula."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return f"'{value}"
    return "" if value is None else value


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[dict[str, Any]], *, force: bool) -> Path:
    """Rows as CSV (UTF-8 with a byte-order mark, so Excel reads accents and £ signs right)."""
    materialised = list(rows)

    def write(temporary: Path) -> None:
        with temporary.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(columns), extrasaction="ignore")
            writer.writeheader()
            for row in materialised:
                writer.writerow({c: spreadsheet_safe(row.get(c)) for c in columns})

    return write_atomically(path, write, force=force)


def write_json(path: Path, data: dict[str, Any], *, force: bool) -> Path:
    """An object as JSON (UTF-8, readable)."""

    def write(temporary: Path) -> None:
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    return write_atomically(path, write, force=force)


def write_docx(path: Path, document: ListDocument, *, force: bool, template: Path | None = None) -> Path:
    """A list as a Word document, through the same templates as the minutes."""
    import importlib.util

    if importlib.util.find_spec("scrutui.export.docx") is None:
        raise ScrutuiError(
            "Word output is not available in this build of scrutui yet; use --format csv or --format json."
        )
    raise ScrutuiError("Word output of lists is not wired to the minutes' templates yet; use csv or json.")
