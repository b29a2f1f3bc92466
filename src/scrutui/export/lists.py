"""Writing the tracker and the chair's list out: CSV for spreadsheets, JSON, and Word.

Every file is written through `write_atomically` (a temporary name, then a rename), and never over
an existing file unless asked. python-docx is imported only when a Word file is written.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from scrutui.errors import ScrutuiError
from scrutui.export.files import write_atomically
from scrutui.lists import ListDocument

#: Characters that make a spreadsheet read a cell as a formula. A cell of text starting with one
#: gets a leading apostrophe, which spreadsheets show as plain text (OWASP's advice on CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_SET = frozenset(_FORMULA_STARTS)


def spreadsheet_safe(value: Any) -> Any:
    """`value` as a CSV cell that a spreadsheet will not run as a formula."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return f"'{value}"
    return "" if value is None else value


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[dict[str, Any]], *, force: bool) -> Path:
    """Rows as CSV (UTF-8 with a byte-order mark, so Excel reads accents and £ signs right), written
    as they come: a list of any length is never all held at once."""

    def cells(row: dict[str, Any]) -> list[Any]:
        # spreadsheet_safe, written out: this runs for every cell of a list of any length.
        return [
            (f"'{v}" if v[:1] in _FORMULA_SET else v)
            if isinstance(v, str)
            else ("yes" if v else "no")
            if isinstance(v, bool)
            else ("" if v is None else v)
            for v in map(row.get, columns)
        ]

    def write(temporary: Path) -> None:
        with temporary.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            writer.writerows(map(cells, rows))

    return write_atomically(path, write, force=force)


def json_chunks(data: dict[str, Any]) -> Iterator[str]:
    """`data` as indented JSON text, in pieces. A value that is an iterator (a long list being read)
    is written as a JSON array with one element to a line, element by element as it comes."""
    if not any(isinstance(value, Iterator) for value in data.values()):
        yield json.dumps(data, ensure_ascii=False, indent=2)
        return
    yield "{"
    for number, (key, value) in enumerate(data.items()):
        yield ("," if number else "") + f"\n  {json.dumps(key, ensure_ascii=False)}: "
        if not isinstance(value, Iterator):
            yield json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            continue
        opened = False
        for element in value:
            yield (",\n    " if opened else "[\n    ") + json.dumps(element, ensure_ascii=False)
            opened = True
        yield "\n  ]" if opened else "[]"
    yield "\n}"


def write_json(path: Path, data: dict[str, Any], *, force: bool) -> Path:
    """An object as JSON (UTF-8, readable); a long list in it (an iterator) is streamed."""

    def write(temporary: Path) -> None:
        with temporary.open("w", encoding="utf-8") as handle:
            for chunk in json_chunks(data):
                handle.write(chunk)
            handle.write("\n")

    return write_atomically(path, write, force=force)


#: The default Word template of the lists (built by templates/build_templates.py beside minutes.docx).
LISTS_TEMPLATE_NAME = "lists.docx"


def lists_template() -> Path:
    """scrutui's own template for the tracker and the chair's list."""
    from scrutui.resources import templates_dir

    return templates_dir() / LISTS_TEMPLATE_NAME


def template_context(document: ListDocument, marker: str) -> dict[str, object]:
    """What a template's tags are filled with, for a list (the tags the minutes' templates use)."""
    from scrutui.export.template import MINUTES_TAG
    from scrutui.minutes import long_date

    return {
        "committee": document.committee or document.title,
        "title": document.title,
        "subtitle": document.subtitle,
        "date": long_date(document.as_at) if document.as_at else "",
        "time": "",
        "venue": "",
        "status": "",
        "draft": False,
        "confidential": document.confidential,
        "marking": "CONFIDENTIAL" if document.confidential else "",
        MINUTES_TAG: marker,
    }


def render_list(document: ListDocument, template: Any) -> Any:
    """The list as a python-docx Document made from a checked template (`LoadedTemplate`, used up),
    exactly as the minutes are: each paragraph in the template's style of the same name."""
    import datetime as dt
    import secrets

    from jinja2 import TemplateError as JinjaError

    from scrutui.export.docx import _a4, _minutes_paragraph, _property, paragraph_elements
    from scrutui.export.template import TemplateError

    marker = f"scrutui-list-{secrets.token_hex(8)}"
    try:
        template.template.render(template_context(document, marker), template.environment, autoescape=True)
    except (JinjaError, TypeError) as error:
        reason = str(getattr(error, "message", None) or error).rstrip(".")
        raise TemplateError(f"The template {template.path} could not be filled in: {reason}.") from error
    docx = template.template.docx
    place = _minutes_paragraph(docx, marker, template.path)
    for element in paragraph_elements(document.paragraphs(), template.style_ids):
        place.addprevious(element)
    place.getparent().remove(place)
    _a4(docx)
    props = docx.core_properties
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.title = _property(document.properties.get("title", document.title))
    props.subject = _property(document.properties.get("subject", document.subtitle))
    props.keywords = _property(document.properties.get("keywords", ""))
    props.author = props.last_modified_by = "scrutui"
    props.comments = "Written by scrutui."
    props.category = document.title + (" (confidential)" if document.confidential else "")
    props.language = "en-GB"
    props.created = props.modified = now
    props.revision = 1
    return docx


def check_docx(path: Path, *, force: bool, template: Path | None = None, pdf: bool = False) -> Any:
    """Everything a Word export needs, checked before anything is written: the template (loaded and
    linted), the destination, and for a PDF LibreOffice and the PDF's destination."""
    from scrutui.export.files import check_destination
    from scrutui.export.pdf import find_soffice
    from scrutui.export.template import load_template

    loaded = load_template(Path(template).expanduser() if template else lists_template())
    check_destination(path, force=force)
    if pdf:
        if find_soffice() is None:
            raise ScrutuiError(
                "A PDF needs LibreOffice, which is not installed (no 'soffice' command); "
                "leave out --pdf to write the Word file alone."
            )
        check_destination(path.with_suffix(".pdf"), force=force)
    return loaded


def write_docx(
    path: Path, document: ListDocument, *, force: bool, template: Path | None = None, pdf: bool = False
) -> list[Path]:
    """A list as a Word document (and a PDF beside it if asked), through the minutes' templates
    mechanism. Returns the files written."""
    loaded = check_docx(path, force=force, template=template, pdf=pdf)
    docx = render_list(document, loaded)
    written = [write_atomically(path, lambda temporary: docx.save(str(temporary)), force=force)]
    if pdf:
        from scrutui.export.pdf import convert_to_pdf

        written.append(convert_to_pdf(path, path.with_suffix(".pdf"), force=force))
    return written


def export_tracker(
    store: Any,
    query: Any,
    path: Path,
    *,
    format_: str,
    committee: str | None = None,
    force: bool = False,
    pdf: bool = False,
    template: Path | None = None,
) -> tuple[int, list[Path]]:
    """Write what the tracker query lists (requests or recommendations) as Word, CSV or JSON.

    Returns how many were written and the files written (the Word file and its PDF, if asked).
    Used by ``scrutui export requests`` and by the tracker screen.
    """
    from scrutui.lists import requests_document, requests_json, tracker_rows

    counts = store.tracker.counts(query)
    if format_ == "docx":
        entries = list(store.tracker.rows(query))
        document = requests_document(entries, counts, query, committee=committee)
        return len(entries), write_docx(path, document, force=force, template=template, pdf=pdf)
    written = 0

    def counted() -> Iterator[Any]:
        nonlocal written
        for entry in store.tracker.rows(query):
            written += 1
            yield entry

    if format_ == "csv":
        columns, rows = tracker_rows(counted(), query)
        file = write_csv(path, columns, rows, force=force)
    else:
        file = write_json(path, requests_json(counted(), counts, query), force=force)
    return written, [file]
