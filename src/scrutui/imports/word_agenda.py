"""Reading a council's agenda from its Word document (.docx).

Councils lay agendas out in three ways, and each is read: numbered paragraphs typed as text
("4. Ofsted improvement plan"), Word's own numbered lists, and a table with the number in its first
column (as ModernGov prints them). The purpose is what follows an item's title up to the next item
(indented or not); page references ("(Pages 5 - 20)") are dropped. The layout that finds the most
items is used. Items after a "Part II" heading, or marked exempt, are exempt under the Schedule 12A
paragraph their wording names; one that names none is imported as public and said so.

python-docx is imported only when a document is read.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrutui.errors import ScrutuiError
from scrutui.formalities import exempt_categories
from scrutui.imports.moderngov import named_paragraphs
from scrutui.imports.plan import AgendaPlan, ImportedItem, plan_agenda
from scrutui.models import Jurisdiction

if TYPE_CHECKING:
    from scrutui.store import Store

_LITERAL = re.compile(
    r"^(?:agenda\s+)?(?:item\s+)?(?P<number>\d{1,3}(?:\.\d{1,2})?[a-z]?|\d{1,3}\s?\([a-z]\))[.):]?\s+(?P<title>\S.*)$",
    re.IGNORECASE,
)
#: A "number" followed by one of these is a date or a time ("1 December 2026", "6.30 pm"), not an item.
_NOT_A_TITLE = re.compile(
    r"^(?:a\.?m\.?|p\.?m\.?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b",
    re.IGNORECASE,
)
_NUMBER_ONLY = re.compile(
    r"^(?:item\s+)?(\d{1,3}(?:\.\d{1,2})?[a-z]?|\d{1,3}\s?\([a-z]\))[.):]?$", re.IGNORECASE
)
_PAGES = re.compile(r"\s*\(?\bpages?\s+\d+(?:\s*[-–—]\s*\d+)?\)?\s*$", re.IGNORECASE)
_PART_TWO = re.compile(r"\bpart\s+(?:ii|2|b|two)\b|\bnot for publication\b", re.IGNORECASE)
_EXEMPT_TITLE = re.compile(r"\(\s*exempt|\bexempt\s*[:\-–]|\bconfidential\b", re.IGNORECASE)
#: How far (in EMU: 914400 an inch) an item title may sit right of the first item's and still count.
_INDENT_SLACK = 228600


@dataclass(frozen=True)
class WordAgenda:
    """The agenda found in a Word document."""

    path: Path
    items: tuple[ImportedItem, ...]
    notes: tuple[str, ...] = ()


@dataclass
class _Line:
    """A paragraph of the document, with what tells an item's title from its purpose."""

    text: str
    indent: int = 0
    bold: bool = False
    heading: bool = False
    #: Word's numbering: the list and level, and the number Word shows.
    numbering: tuple[str, int] | None = None
    label: str = ""
    #: From a table row whose first cell is an item number: (number, title); the rest is purpose.
    row_item: tuple[str, str] | None = None
    row_purpose: list[str] = field(default_factory=list)


@dataclass
class _Found:
    number: str
    title: str
    purpose: list[str] = field(default_factory=list)
    after_part_two: bool = False
    context: str = ""


def read_word_agenda(path: Path, jurisdiction: Jurisdiction = Jurisdiction.ENGLAND) -> WordAgenda:
    """The agenda items of the Word document at `path`, or a one-line error."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    path = Path(path).expanduser()
    if not path.is_file():
        raise ScrutuiError(f"There is no file {path}.")
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as error:
        raise ScrutuiError(
            f"{path} is not a Word document (.docx): open it in Word and save it as a .docx "
            "(a .doc, PDF or web page cannot be read)."
        ) from error
    except OSError as error:
        raise ScrutuiError(f"Cannot read {path}: {error.strerror or error}.") from error
    lines = list(_lines(document))
    found = max((_by_rows(lines), _by_word_numbering(lines), _by_typed_numbers(lines)), key=len)
    if not found:
        raise ScrutuiError(
            f"No numbered agenda items were found in {path}: scrutui looks for items numbered 1, 2, 3 "
            "(typed, Word's numbering, or a table's first column). Paste the agenda instead (p)."
        )
    return _agenda(path, found, jurisdiction)


def _agenda(path: Path, found: list[_Found], jurisdiction: Jurisdiction) -> WordAgenda:
    items, notes = [], []
    valid = (
        exempt_categories(jurisdiction).descriptions
        if jurisdiction
        in (
            Jurisdiction.ENGLAND,
            Jurisdiction.WALES,
        )
        else {}
    )
    for entry in found:
        purpose = "\n".join(line for line in entry.purpose if line)
        paragraph = None
        if entry.after_part_two or _EXEMPT_TITLE.search(entry.title):
            named = [p for p in named_paragraphs(entry.title, purpose, entry.context) if p in valid]
            label = f"{entry.number} {entry.title}".strip()
            if named:
                paragraph = named[0]
            else:
                notes.append(
                    f"Item {label} looks exempt but names no Schedule 12A paragraph: it is imported as "
                    "public; mark it exempt in the item form if it is."
                )
        items.append(ImportedItem.cleaned(entry.number, entry.title, purpose, paragraph))
    return WordAgenda(path, tuple(items), tuple(notes))


# --- the document as lines ---------------------------------------------------------------------


def _style_chain(style: Any) -> Iterator[Any]:
    seen = 0
    while style is not None and seen < 20:
        yield style
        style = style.base_style
        seen += 1


def _bold(paragraph: Any) -> bool:
    style_bold = next((s.font.bold for s in _style_chain(paragraph.style) if s.font.bold is not None), False)
    runs = [run for run in paragraph.runs if run.text.strip()]
    if not runs:
        return bool(style_bold)
    for run in runs:
        bold = run.bold
        if bold is None and run.style is not None and run.style.font.bold is not None:
            bold = run.style.font.bold
        if not (bold if bold is not None else style_bold):
            return False
    return True


def _indent(paragraph: Any) -> int:
    if paragraph.paragraph_format.left_indent is not None:
        return int(paragraph.paragraph_format.left_indent)
    for style in _style_chain(paragraph.style):
        if style.paragraph_format.left_indent is not None:
            return int(style.paragraph_format.left_indent)
    return 0


def _is_heading(paragraph: Any) -> bool:
    return any(
        s.name and (s.name.startswith("Heading") or s.name == "Title") for s in _style_chain(paragraph.style)
    )


def _numbering(paragraph: Any) -> tuple[str, int] | None:
    """Word's numbering of a paragraph (its own, else its style's): the list's id and the level."""
    num_id = _x(paragraph._p, "./w:pPr/w:numPr/w:numId/@w:val")
    level = _x(paragraph._p, "./w:pPr/w:numPr/w:ilvl/@w:val")
    if not num_id:
        for style in _style_chain(paragraph.style):
            num_id = _x(style.element, "./w:pPr/w:numPr/w:numId/@w:val")
            level = level or _x(style.element, "./w:pPr/w:numPr/w:ilvl/@w:val")
            if num_id:
                break
    if not num_id or num_id[0] == "0":
        return None
    return num_id[0], int(level[0]) if level else 0


class _Counters:
    """Word's list numbers as it shows them: a counter per list and level, from the level's start."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[tuple[str, int], tuple[int, str]] = {}
        self.abstract: dict[str, str] = {}
        self.counts: dict[tuple[str, int], int] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        formats: dict[tuple[str, int], tuple[int, str]] = {}
        for abstract in _x(numbering, "./w:abstractNum"):
            abstract_id = abstract.get(_w("abstractNumId"))
            for level in _x(abstract, "./w:lvl"):
                start = _x(level, "./w:start/@w:val")
                kind = _x(level, "./w:numFmt/@w:val")
                formats[(abstract_id, int(level.get(_w("ilvl")) or 0))] = (
                    int(start[0]) if start else 1,
                    kind[0] if kind else "decimal",
                )
        for num in _x(numbering, "./w:num"):
            num_id = num.get(_w("numId"))
            abstract_id = (_x(num, "./w:abstractNumId/@w:val") or [""])[0]
            self.abstract[num_id] = abstract_id
            for (owner, level), value in formats.items():
                if owner == abstract_id:
                    self.levels[(num_id, level)] = value
            for override in _x(num, "./w:lvlOverride"):
                overridden = int(override.get(_w("ilvl")) or 0)
                restart = _x(override, "./w:startOverride/@w:val")
                if restart:
                    shown = self.levels.get((num_id, overridden), (1, "decimal"))[1]
                    self.levels[(num_id, overridden)] = (int(restart[0]), shown)

    def next(self, numbering: tuple[str, int]) -> tuple[str, str]:
        """The number Word shows for the next paragraph of this list and level, and its format."""
        num_id, level = numbering
        start, kind = self.levels.get((num_id, level), (1, "decimal"))
        key = (self.abstract.get(num_id, num_id), level)
        self.counts[key] = self.counts.get(key, start - 1) + 1
        for deeper in [k for k in self.counts if k[0] == key[0] and k[1] > level]:
            del self.counts[deeper]
        return _format(self.counts[key], kind), kind


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@lru_cache(maxsize=32)
def _compiled(path: str) -> Any:
    from lxml import etree

    return etree.XPath(path, namespaces={"w": _W})


def _x(element: Any, path: str) -> list[Any]:
    """An XPath query with Word's namespace, on any element (python-docx's or plain lxml's)."""
    return list(_compiled(path)(element))


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


def _format(value: int, kind: str) -> str:
    if kind in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26)
        return letter.upper() if kind == "upperLetter" else letter
    if kind in ("lowerRoman", "upperRoman"):
        numerals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        out, rest = "", value
        for amount, numeral in numerals:
            while rest >= amount:
                out, rest = out + numeral, rest - amount
        return out.upper() if kind == "upperRoman" else out
    return str(value)


def _text(paragraph: Any) -> str:
    return " ".join(paragraph.text.replace("\t", " ").split())


def _lines(document: Any) -> Iterator[_Line]:
    """The document's paragraphs in order, table rows whose first cell is an item number included."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    counters = _Counters(document)

    def line(paragraph: Paragraph) -> _Line:
        numbering = _numbering(paragraph)
        label, kind = counters.next(numbering) if numbering else ("", "")
        return _Line(
            text=_text(paragraph),
            indent=_indent(paragraph),
            bold=_bold(paragraph),
            heading=_is_heading(paragraph),
            numbering=numbering if kind != "bullet" else None,
            label=label if kind != "bullet" else "",
        )

    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield line(Paragraph(block, document))
        elif tag == "tbl":
            for row in Table(block, document).rows:
                cells, seen = [], set()
                for cell in row.cells:
                    if id(cell._tc) not in seen:
                        seen.add(id(cell._tc))
                        cells.append(cell)
                first = " ".join(_text(p) for p in cells[0].paragraphs).strip() if cells else ""
                number = _NUMBER_ONLY.match(first)
                rest = [[_text(p) for p in cell.paragraphs if _text(p)] for cell in cells[1:]]
                if number and rest and rest[0]:
                    purpose = rest[0][1:] + [t for cell in rest[1:] for t in cell if not _PAGES.fullmatch(t)]
                    yield _Line(text=rest[0][0], row_item=(number[1], rest[0][0]), row_purpose=purpose)
                else:
                    for cell in cells:
                        for paragraph in cell.paragraphs:
                            yield line(paragraph)


# --- finding the items -------------------------------------------------------------------------


def _title(text: str) -> str:
    return _PAGES.sub("", text).strip(" -–—:")


def _collect(lines: list[_Line], starts: dict[int, tuple[str, str]]) -> list[_Found]:
    """Items starting at the given lines, each with the lines up to the next item as its purpose.
    After the last item, the purpose ends at the first blank line after it: what follows is the
    agenda's back matter (contact details, the next meeting)."""
    found: list[_Found] = []
    part_two, marker = False, ""
    last_start = max(starts, default=-1)
    for index, line in enumerate(lines):
        if index in starts:
            number, title = starts[index]
            found.append(_Found(number, _title(title), list(line.row_purpose), part_two, marker))
            continue
        if not found:
            continue
        if not line.text:
            if index > last_start and found[-1].purpose:
                break
            continue
        if _PART_TWO.search(line.text) and (line.heading or line.bold or line.text.isupper()):
            part_two, marker = True, line.text
            continue
        if line.heading or _PAGES.fullmatch(line.text):
            continue
        found[-1].purpose.append(f"{line.label} {line.text}" if line.label else line.text)
    # What an exclusion item says (paragraph 3 ...) is read for the exempt items after it.
    said = ""
    for entry in found:
        entry.context = f"{entry.context} {said}".strip()
        if "exclusion" in entry.title.casefold():
            said = " ".join(entry.purpose)
    return found


def _by_rows(lines: list[_Line]) -> list[_Found]:
    starts = {i: line.row_item for i, line in enumerate(lines) if line.row_item is not None}
    return _collect(lines, starts) if len(starts) >= 2 else []


def _by_word_numbering(lines: list[_Line]) -> list[_Found]:
    first = next((line for line in lines if line.numbering and line.text), None)
    if first is None or first.numbering is None:
        return []
    top = min(
        line.numbering[1] for line in lines if line.numbering and line.numbering[0] == first.numbering[0]
    )
    starts = {
        i: (line.label, line.text)
        for i, line in enumerate(lines)
        if line.numbering == (first.numbering[0], top) and line.text
    }
    return _collect(lines, starts) if len(starts) >= 2 else []


def _by_typed_numbers(lines: list[_Line]) -> list[_Found]:
    starts: dict[int, tuple[str, str]] = {}
    model: _Line | None = None
    last = 0
    for index, line in enumerate(lines):
        match = _LITERAL.match(line.text)
        if not match or _NOT_A_TITLE.match(match["title"]) or line.row_item is not None:
            continue
        number = match["number"].replace(" ", "")
        value = int(re.match(r"\d+", number)[0])  # type: ignore[index]
        if model is None:
            if value != 1:
                continue
            model = line
        else:
            follows = last <= value <= last + 3 and (value > last or not number.isdigit())
            looks_alike = line.bold == model.bold and line.indent <= model.indent + _INDENT_SLACK
            if not (follows and looks_alike):
                continue
        starts[index] = (number, match["title"])
        last = value
    return _collect(lines, starts) if len(starts) >= 2 else []


# --- into a meeting ----------------------------------------------------------------------------


@dataclass(frozen=True)
class WordImport:
    """A Word agenda read, and what importing it into a meeting would do."""

    agenda: WordAgenda
    plan: AgendaPlan

    def lines(self) -> list[str]:
        """What the clerk is told after the import, a line each."""
        return [f"Agenda: {self.plan.summary()}", *self.plan.report(), *self.agenda.notes]


def prepare_word_import(store: Store, meeting_id: int, path: Path) -> WordImport:
    """Read the Word agenda at `path` and plan its import into the meeting (nothing is written).
    Refused at once for a meeting whose minutes are issued."""
    from scrutui.store.locks import ensure_draft

    meeting = store.meetings.get(meeting_id)
    ensure_draft(store.handle, meeting_id, "its agenda cannot be imported")
    jurisdiction = store.committees.get(meeting.committee_id).jurisdiction
    agenda = read_word_agenda(path, jurisdiction)
    return WordImport(agenda, plan_agenda(meeting_id, store.imports.items_on_file(meeting_id), agenda.items))


def write_word_import(store: Store, prepared: WordImport) -> None:
    """Write a planned import (refused, writing nothing, if an item it changes was minuted meanwhile)."""
    plan = prepared.plan
    store.imports.write_agenda(plan.meeting_id, plan.writes(), plan.removals())
