"""Writing the tracker and the chair's list out: CSV for spreadsheets, JSON, and Word.

Every file is written through `write_atomically` (a temporary name, then a rename), and never over
an existing file unless asked. python-docx is imported only when a Word file is written.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrutui.errors import ScrutuiError
from scrutui.export.files import write_atomically
from scrutui.tracker.documents import ListDocument

if TYPE_CHECKING:
    from scrutui.export.render import Rendered
    from scrutui.export.template import LoadedTemplate

#: Characters that make a spreadsheet read a cell as a formula. A cell of text starting with one
#: gets a leading apostrophe, which spreadsheets show as plain text (OWASP's advice on CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """`value` as a CSV cell that a spreadsheet will not run as a formula, even one hidden behind
    invisible characters (a zero-width space, a byte-order mark) or spaces."""
    if isinstance(value, str):
        # Most cells start with a letter or digit, which is neither hidden nor a formula's start.
        if value[:1].isalnum() or not _visible_start(value).startswith(_FORMULA_STARTS):
            return value
        return f"'{value}"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else value


def _visible_start(text: str) -> str:
    """`text` from its first character that is neither a space nor an invisible format character."""
    import unicodedata

    for index, char in enumerate(text):
        if char in "\t\r" or not (char.isspace() or unicodedata.category(char) == "Cf"):
            return text[index:]
    return ""


def csv_chunks(
    columns: Sequence[str], rows: Iterable[dict[str, Any] | tuple[Any, ...]], chunk: int = 500
) -> Iterator[str]:
    """Rows (dicts by column, or tuples of values in the columns' order) as CSV text (a header line,
    then a line a row; spreadsheet-safe cells), in pieces of `chunk` rows made as the rows come: a
    list of any length is never all held at once."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(columns)
    safe = spreadsheet_safe
    for number, row in enumerate(rows, start=1):
        # spreadsheet_safe, its commonest cases inline (a number, yes or no, nothing, or text that
        # starts with a letter or digit): this runs for every cell of a long list.
        writer.writerow(
            [
                v
                if (kind := type(v)) is int or (kind is str and (not v or v[:1].isalnum()))
                else ("yes" if v else "no")
                if kind is bool
                else safe(v)
                for v in (row if isinstance(row, tuple) else map(row.get, columns))
            ]
        )
        if number % chunk == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def csv_text(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> str:
    """Rows as CSV text (a header line, then a line a row; spreadsheet-safe cells)."""
    return "".join(csv_chunks(columns, rows))


def json_chunks(data: dict[str, Any]) -> Iterator[str]:
    """`data` as readable JSON text, in pieces, ending with a new line. A value that is an iterator
    (a long list being read) is written as an array with one element to a line, as it comes."""
    if not any(isinstance(value, Iterator) for value in data.values()):
        yield json.dumps(data, ensure_ascii=False, indent=2) + "\n"
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
    yield "\n}\n"


def json_text(data: dict[str, Any]) -> str:
    """An object as readable JSON text."""
    return "".join(json_chunks(data))


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[dict[str, Any]], *, force: bool) -> Path:
    """Rows as CSV (UTF-8 with a byte-order mark, so Excel reads accents and £ signs right), written
    as they come."""

    def write(temporary: Path) -> None:
        with temporary.open("w", encoding="utf-8-sig", newline="") as handle:
            handle.writelines(csv_chunks(columns, rows))

    return write_atomically(path, write, force=force)


def write_json(path: Path, data: dict[str, Any], *, force: bool) -> Path:
    """An object as JSON (UTF-8, readable); a long list in it (an iterator) is written as it comes."""

    def write(temporary: Path) -> None:
        with temporary.open("w", encoding="utf-8") as handle:
            handle.writelines(json_chunks(data))

    return write_atomically(path, write, force=force)


#: The default Word template of the lists (built by templates/build_templates.py beside minutes.docx).
LISTS_TEMPLATE_NAME = "lists.docx"


#: The language the lists are written in (their wording is scrutui's own, in British English).
LANGUAGE = "en-GB"


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


def fill_list(document: ListDocument, template: LoadedTemplate) -> Rendered:
    """The list filled into `template` (used up), saved, with the note on an older template."""
    from scrutui.export.docx import template_note
    from scrutui.export.render import Rendered

    docx = render_list(document, template)
    return Rendered.of(docx, template_note(docx, template.style_ids, template.path))


def render_list(document: ListDocument, template: Any) -> Any:
    """The list as a python-docx Document made from a checked template (`LoadedTemplate`, used up),
    exactly as the minutes are: each paragraph in the template's style of the same name."""
    import datetime as dt
    import secrets

    from jinja2 import TemplateError as JinjaError

    from scrutui.export.docx import _property, fill_body
    from scrutui.export.template import TemplateError

    marker = f"scrutui-list-{secrets.token_hex(8)}"
    try:
        template.template.render(template_context(document, marker), template.environment, autoescape=True)
    except (JinjaError, TypeError) as error:
        reason = str(getattr(error, "message", None) or error).rstrip(".")
        raise TemplateError(f"The template {template.path} could not be filled in: {reason}.") from error
    docx = template.template.docx
    fill_body(docx, document.paragraphs(), template, marker, language=LANGUAGE)
    props = docx.core_properties
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.title = _property(document.properties.get("title", document.title))
    props.subject = _property(document.properties.get("subject", document.subtitle))
    props.keywords = _property(document.properties.get("keywords", ""))
    props.author = props.last_modified_by = "scrutui"
    props.comments = "Written by scrutui."
    props.category = document.title + (" (confidential)" if document.confidential else "")
    props.created = props.modified = now
    props.revision = 1
    return docx


def check_docx(
    path: Path, *, force: bool, template: Path | None = None, pdf: bool = False
) -> tuple[Path, bytes]:
    """Everything a Word export needs, checked before anything is written: the template (read and
    checked; it is linted as it is filled in), the destination, and for a PDF LibreOffice and the
    PDF's destination. Returns the template's path and bytes."""
    from scrutui.export.files import check_destination
    from scrutui.export.pdf import find_soffice
    from scrutui.export.template import read_template

    chosen = Path(template).expanduser() if template else lists_template()
    data = read_template(chosen)
    check_destination(path, force=force)
    if pdf:
        if find_soffice() is None:
            raise ScrutuiError(
                "A PDF needs LibreOffice, which was not found (no 'soffice' on PATH or in its usual folder); "
                "leave out --pdf to write the Word file alone."
            )
        check_destination(path.with_suffix(".pdf"), force=force)
    return chosen, data


def write_docx(
    path: Path, document: ListDocument, *, force: bool, template: Path | None = None, pdf: bool = False
) -> list[Path]:
    """A list as a Word document (and a PDF beside it if asked), through the minutes' templates
    mechanism. Returns the files written."""
    from scrutui.export.render import RenderJob, render

    chosen, data = check_docx(path, force=force, template=template, pdf=pdf)
    content = render(RenderJob(chosen, data, document, fill_list)).content  # in a child process, within limits
    written = [write_atomically(path, lambda temporary: temporary.write_bytes(content), force=force)]
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
    from scrutui.tracker.documents import requests_document

    if format_ == "docx":  # a Word document is made whole, so its rows are read whole
        entries = list(listed_rows(store, query))
        document = requests_document(entries, store.tracker.counts(query), query, committee=committee)
        return len(entries), write_docx(path, document, force=force, template=template, pdf=pdf)
    written = [0]
    chunks = tracker_chunks(store, query, format_=format_, counter=written)
    file = write_atomically(path, lambda temporary: _write_chunks(temporary, chunks, format_), force=force)
    return written[0], [file]


def _write_chunks(temporary: Path, chunks: Iterable[str], format_: str) -> None:
    # CSV with a byte-order mark, so Excel reads accents and £ signs right.
    encoding = "utf-8-sig" if format_ == "csv" else "utf-8"
    with temporary.open("w", encoding=encoding, newline="") as handle:
        handle.writelines(chunks)


def listed_rows(store: Any, query: Any) -> Iterator[Any]:
    """The rows the tracker query lists, as they are read, named as the minutes name people."""
    from scrutui.tracker.rules import minuted_rows

    return minuted_rows(store, store.tracker.rows(query))


def tracker_chunks(store: Any, query: Any, *, format_: str, counter: list[int] | None = None) -> Iterator[str]:
    """What the tracker query lists as CSV or JSON text, in pieces made as its rows are read (a
    list of any length is never held whole). `counter[0]` counts the rows as they go."""
    from scrutui.tracker.documents import requests_json, tracker_values

    if format_ not in ("csv", "json"):
        raise ScrutuiError(STDOUT_FORMATS)

    def counted() -> Iterator[Any]:
        for row in listed_rows(store, query):
            if counter is not None:
                counter[0] += 1
            yield row

    if format_ == "csv":
        return csv_chunks(*tracker_values(counted(), query))
    return json_chunks(requests_json(counted(), store.tracker.counts(query), query))


def tracker_text(store: Any, query: Any, *, format_: str) -> tuple[int, str]:
    """What the tracker query lists as CSV or JSON text (for standard output), and how many."""
    counter = [0]
    text = "".join(tracker_chunks(store, query, format_=format_, counter=counter))
    return counter[0], text


#: Why a Word file cannot go to standard output.
STDOUT_FORMATS = "-o - writes CSV or JSON to standard output: add --format csv or --format json."
