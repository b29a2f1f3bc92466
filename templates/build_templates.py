"""Build scrutui's default Word templates, templates/minutes.docx and templates/lists.docx, from this
script (reproducibly).

    python templates/build_templates.py                   # writes templates/minutes.docx and lists.docx
    python templates/build_templates.py OUT.docx          # writes the minutes template elsewhere (tests)
    python templates/build_templates.py --lists OUT.docx  # writes the lists template elsewhere (tests)

lists.docx, for the tracker and the chair's list of resolutions, has the same styles, page and
header; its footer names the list, and it has no signature lines.

The template holds:
- one named paragraph style for every `scrutui.minutes.Style` (a council restyles them in Word);
- A4 pages, margins, a header with the committee's name and the DRAFT / CONFIDENTIAL marking on
  every page, and a footer with the date and "Page X of Y" (Word fields);
- the fixed wording around the minutes (the signature lines), which a council may reword in Word;
- the tags scrutui fills in: ``{{ minutes }}`` (a paragraph of its own, where the minutes go) and
  ``{{ marking }}`` (in the header). Other tags a template may use: committee, title, subtitle, date,
  time, venue, status, draft, confidential. Tags are Jinja (docxtpl): ``{% if confidential %}...``.

Running it twice gives the same bytes: dates inside the file and the zip are fixed.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from scrutui.minutes import Style

HERE = Path(__file__).resolve().parent
FONT = "Arial"
#: A4 less 2.5 cm margins each side: where right-aligned tab stops go.
TEXT_WIDTH = Cm(16)
#: Minute numbers and labels hang in this margin; the text lines up after them.
NUMBER_INDENT = Cm(1.5)
PART_INDENT = Cm(1.25)
FIXED_DATE = dt.datetime(2026, 1, 1, 0, 0, 0)
DARK_RED = RGBColor(0x9C, 0x00, 0x06)


@dataclass(frozen=True)
class Look:
    """How one paragraph style looks."""

    size: float = 11
    bold: bool = False
    italic: bool = False
    colour: RGBColor | None = None
    align: WD_ALIGN_PARAGRAPH | None = None
    left: Any = None  # Length
    hanging: Any = None  # Length
    tab: Any = None  # Length
    before: float = 0
    after: float = 6
    keep_with_next: bool = False
    outline_level: int | None = None  # Word's navigation pane shows levels 0-8
    page_break_before: bool = False


LOOKS: dict[Style, Look] = {
    Style.TITLE: Look(size=16, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=6, keep_with_next=True),
    Style.SUBTITLE: Look(size=12, align=WD_ALIGN_PARAGRAPH.CENTER, after=12, keep_with_next=True),
    Style.MARK: Look(size=12, bold=True, colour=DARK_RED, align=WD_ALIGN_PARAGRAPH.CENTER, after=12),
    Style.SECTION: Look(bold=True, before=12, after=3, keep_with_next=True),
    Style.ATTENDANCE: Look(left=NUMBER_INDENT, after=0),
    Style.ITEM_HEADING: Look(
        size=12,
        bold=True,
        left=NUMBER_INDENT,
        hanging=NUMBER_INDENT,
        tab=NUMBER_INDENT,
        before=18,
        after=6,
        keep_with_next=True,
        outline_level=0,
    ),
    Style.PURPOSE: Look(italic=True, left=NUMBER_INDENT, after=6),
    Style.THEME: Look(bold=True, italic=True, left=NUMBER_INDENT, before=6, after=3, keep_with_next=True),
    Style.BODY: Look(left=NUMBER_INDENT, after=8),
    Style.DECISION: Look(bold=True, left=NUMBER_INDENT, before=6, after=3, keep_with_next=True),
    Style.PART: Look(
        left=NUMBER_INDENT + PART_INDENT, hanging=PART_INDENT, tab=NUMBER_INDENT + PART_INDENT, after=3
    ),
    Style.BULLET: Look(
        left=NUMBER_INDENT + PART_INDENT, hanging=PART_INDENT, tab=NUMBER_INDENT + PART_INDENT, after=3
    ),
    Style.LIST_ITEM: Look(
        left=NUMBER_INDENT + PART_INDENT, hanging=PART_INDENT, tab=NUMBER_INDENT + PART_INDENT, after=3
    ),
    Style.NOTE: Look(italic=True, left=NUMBER_INDENT, after=6),
    Style.ANNEX: Look(
        size=13,
        bold=True,
        colour=DARK_RED,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        after=12,
        keep_with_next=True,
        outline_level=0,
        page_break_before=True,
    ),
}

SIGNATURE_STYLE = "Minutes Signature"


def _insert_in_order(parent: Any, child: Any, successors: tuple[str, ...]) -> None:
    parent.insert_element_before(child, *successors)


def _set_language(style: Any, language: str = "en-GB") -> None:
    """Spell-check in British English."""
    rpr = style.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    lang.set(qn("w:bidi"), "ar-SA")
    _insert_in_order(rpr, lang, ("w:eastAsianLayout", "w:specVanish", "w:oMath"))


def _outline_level(style: Any, level: int) -> None:
    ppr = style.element.get_or_add_pPr()
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), str(level))
    _insert_in_order(ppr, outline, ("w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"))


def add_paragraph_style(document: Any, name: str, look: Look) -> Any:
    """A paragraph style based on Normal, shown in Word's style gallery."""
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    style.hidden = False
    font = style.font
    font.name = FONT
    font.size = Pt(look.size)
    font.bold = look.bold
    font.italic = look.italic
    if look.colour is not None:
        font.color.rgb = look.colour
    fmt = style.paragraph_format
    if look.align is not None:
        fmt.alignment = look.align
    if look.left is not None:
        fmt.left_indent = look.left
    if look.hanging is not None:
        fmt.first_line_indent = -look.hanging
    if look.tab is not None:
        fmt.tab_stops.add_tab_stop(look.tab)
    fmt.space_before = Pt(look.before)
    fmt.space_after = Pt(look.after)
    fmt.keep_with_next = look.keep_with_next
    if look.page_break_before:
        fmt.page_break_before = True
    fmt.widow_control = True
    if look.outline_level is not None:
        _outline_level(style, look.outline_level)
    return style


def _field(paragraph: Any, instruction: str, shown: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when the page is laid out."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} \\* MERGEFORMAT ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _header_footer_tabs(document: Any) -> None:
    """Centre and right tab stops for A4 (python-docx's default template has them for US Letter)."""
    for name in ("Header", "Footer"):
        style = document.styles[name]
        style.font.name = FONT
        style.font.size = Pt(9)
        tabs = style.paragraph_format.tab_stops
        tabs.clear_all()
        tabs.add_tab_stop(Cm(8), WD_TAB_ALIGNMENT.CENTER)
        tabs.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)


def build_minutes_template(*, signatures: bool = True) -> Any:
    """The default minutes template, as a python-docx Document (without `signatures`: the lists')."""
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    _set_language(normal)
    for style in Style:
        add_paragraph_style(document, style.value, LOOKS[style])
    signature = add_paragraph_style(document, SIGNATURE_STYLE, Look(before=36, after=12))
    signature.paragraph_format.tab_stops.add_tab_stop(Cm(10))
    _header_footer_tabs(document)

    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2)
    section.header_distance = section.footer_distance = Cm(1.1)

    header = section.header.paragraphs[0]
    header.style = document.styles["Header"]
    header.add_run("{{ committee }}")
    header.add_run("\t\t")
    marking = header.add_run("{{ marking }}")
    marking.bold = True
    marking.font.color.rgb = DARK_RED

    footer = section.footer.paragraphs[0]
    footer.style = document.styles["Footer"]
    footer.add_run(("Minutes of {{ date }}" if signatures else "As at {{ date }}") + "\t\tPage ")
    _field(footer, "PAGE", "1")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES", "1")

    body = document.paragraphs[0] if document.paragraphs else document.add_paragraph()
    body.text = "{{ minutes }}"
    if signatures:
        document.add_paragraph("Chair\t……………………………………", style=SIGNATURE_STYLE)
        document.add_paragraph("Date\t……………………………………", style=SIGNATURE_STYLE)

    props = document.core_properties
    props.title = "Minutes template" if signatures else "Lists template"
    props.subject = "scrutui draft minutes" if signatures else "scrutui tracker and resolution lists"
    props.author = "scrutui"
    props.last_modified_by = "scrutui"
    props.comments = (
        "Restyle the Minute and Minutes styles in Word. Keep {{ minutes }} in a paragraph of its own "
        "and {{ marking }} in the header."
    )
    props.keywords = "scrutui; minutes; template"
    props.created = props.modified = props.last_printed = FIXED_DATE
    props.revision = 1
    return document


def save_reproducibly(document: Any, path: Path) -> None:
    """Save with a fixed timestamp on every zip entry, so the same script gives the same bytes."""
    buffer = io.BytesIO()
    document.save(buffer)
    buffer.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in sorted(source.infolist(), key=lambda e: (e.filename != "[Content_Types].xml", e.filename)):
            info = zipfile.ZipInfo(entry.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    path.write_bytes(out.getvalue())


def build_lists_template() -> Any:
    """The default template of the tracker and the chair's list: the minutes' look, no signatures."""
    return build_minutes_template(signatures=False)


def main(argv: list[str]) -> int:
    """Write the minutes template to the path given (the lists template after --lists), or both to
    templates/."""
    if len(argv) > 2 and argv[1] == "--lists":
        targets = [(build_lists_template, Path(argv[2]))]
    elif len(argv) > 1:
        targets = [(build_minutes_template, Path(argv[1]))]
    else:
        targets = [(build_minutes_template, HERE / "minutes.docx"), (build_lists_template, HERE / "lists.docx")]
    for build, target in targets:
        save_reproducibly(build(), target)
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
