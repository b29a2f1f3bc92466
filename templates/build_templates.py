"""Build scrutui's default Word templates, templates/minutes.docx and templates/lists.docx, from this
script (reproducibly).

    python templates/build_templates.py                   # writes templates/minutes.docx and lists.docx
    python templates/build_templates.py OUT.docx          # writes the minutes template elsewhere (tests)
    python templates/build_templates.py --lists OUT.docx  # writes the lists template elsewhere (tests)

lists.docx, for the tracker and the chair's list of resolutions, has the same styles, page and
header; its footer names the list, and it has no signature lines.

The template holds:
- one named paragraph style for every `scrutui.minutes.Style` (a council restyles them in Word). The
  headings are based on Word's own heading styles (Minutes Title and the annex heading on Heading 1,
  Minute Heading and Minutes Section on Heading 2, Minute Theme on Heading 3), so Word's navigation
  pane, screen readers, pandoc and a tagged PDF see the outline; Minute Bullet is a Word bulleted
  list (a bullet numbering definition of its own). Minute numbers and labels stay typed text;
- the document's language (British English) and Word's keep-together rules: headings with what
  follows, the signature lines with each other;
- A4 pages, margins, a header with the committee's name and the DRAFT / CONFIDENTIAL marking on
  every page (in a borderless two-cell table, so a long name wraps in its own cell and never pushes
  the marking onto a second line), and a footer with the date and "Page X of Y" (Word fields);
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
from docx.shared import Cm, Emu, Mm, Pt, RGBColor

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
    keep_together: bool = False  # never split the paragraph's lines across pages
    outline_level: int | None = None  # Word's navigation pane shows levels 0-8 (Heading 1 is 0)
    page_break_before: bool = False
    # No space between paragraphs of this style (Word's "Don't add space between paragraphs of the
    # same style"): a list is tight, and its last item keeps `after` from what follows it.
    contextual: bool = False
    base: str = "Normal"  # the style it is based on: "Heading 2" makes it a heading to every reader


LOOKS: dict[Style, Look] = {
    Style.TITLE: Look(
        size=16,
        bold=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        after=6,
        keep_with_next=True,
        keep_together=True,
        outline_level=0,
        base="Heading 1",
    ),
    Style.SUBTITLE: Look(size=12, align=WD_ALIGN_PARAGRAPH.CENTER, after=12, keep_with_next=True),
    Style.MARK: Look(size=12, bold=True, colour=DARK_RED, align=WD_ALIGN_PARAGRAPH.CENTER, after=12),
    Style.SECTION: Look(
        bold=True, before=12, after=3, keep_with_next=True, keep_together=True, outline_level=1, base="Heading 2"
    ),
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
        keep_together=True,
        outline_level=1,
        base="Heading 2",
    ),
    # A purpose keeps with the paragraph after it, so a heading and its purpose never end a page alone.
    Style.PURPOSE: Look(italic=True, left=NUMBER_INDENT, after=6, keep_with_next=True),
    Style.THEME: Look(
        bold=True,
        italic=True,
        left=NUMBER_INDENT,
        before=6,
        after=3,
        keep_with_next=True,
        keep_together=True,
        outline_level=2,
        base="Heading 3",
    ),
    Style.BODY: Look(left=NUMBER_INDENT, after=8),
    # Not kept with the next paragraph by its style: "AGREED: That ..." stands alone, and a chain of
    # kept paragraphs is what left headings at the foot of a page. The renderer keeps a lead-in
    # ("RESOLVED: That") with its first part.
    Style.DECISION: Look(bold=True, left=NUMBER_INDENT, before=6, after=3),
    Style.PART: Look(
        left=NUMBER_INDENT + PART_INDENT, hanging=PART_INDENT, tab=NUMBER_INDENT + PART_INDENT, after=3
    ),
    Style.BULLET: Look(
        left=NUMBER_INDENT + PART_INDENT,
        hanging=PART_INDENT,
        tab=NUMBER_INDENT + PART_INDENT,
        after=8,
        contextual=True,
    ),
    Style.LIST_ITEM: Look(
        left=NUMBER_INDENT + PART_INDENT,
        hanging=PART_INDENT,
        tab=NUMBER_INDENT + PART_INDENT,
        after=8,
        contextual=True,
    ),
    Style.NOTE: Look(italic=True, left=NUMBER_INDENT, after=6),
    Style.ANNEX: Look(
        size=13,
        bold=True,
        colour=DARK_RED,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        after=12,
        keep_with_next=True,
        keep_together=True,
        outline_level=0,
        page_break_before=True,
        base="Heading 1",
    ),
}

#: Word's heading styles the minutes' headings are based on. Their own look (theme fonts and colours
#: from python-docx's default template) is made plain, so nothing but the outline is inherited.
HEADING_BASES = ("Heading 1", "Heading 2", "Heading 3")
#: The bulleted list's numbering definition (Word's abstractNum), and its instance (w:num), by id.
BULLET_ABSTRACT_ID = 90
BULLET_NUM_ID = 90
BULLET = "\u2022"

SIGNATURE_STYLE = "Minutes Signature"


def _insert_in_order(parent: Any, child: Any, successors: tuple[str, ...]) -> None:
    parent.insert_element_before(child, *successors)


def _set_language(style: Any, language: str = "en-GB") -> None:
    """Spell-check in British English."""
    rpr = style.element.get_or_add_rPr()
    _language(rpr, language)


def _language(rpr: Any, language: str) -> None:
    """A run-properties element's language (replacing any it has)."""
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
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
    """A paragraph style based on Normal (or a heading), shown in Word's style gallery."""
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles[look.base]
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
    fmt.keep_together = look.keep_together
    if look.page_break_before:
        fmt.page_break_before = True
    fmt.widow_control = True
    if look.contextual:
        _insert_in_order(
            style.element.get_or_add_pPr(),
            OxmlElement("w:contextualSpacing"),
            ("w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
             "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"),
        )
    if look.outline_level is not None:
        _outline_level(style, look.outline_level)
    return style


def _plain_headings(document: Any) -> None:
    """Word's Heading 1-3 in the minutes' font, without the default template's theme fonts and
    colours, so the styles based on them inherit the outline level and nothing unexpected."""
    for name in HEADING_BASES:
        style = document.styles[name]
        rpr = style.element.get_or_add_rPr()
        for old in rpr.findall(qn("w:rFonts")) + rpr.findall(qn("w:color")):
            rpr.remove(old)
        style.font.name = FONT
        style.font.color.rgb = RGBColor(0, 0, 0)


def _bullet_numbering(document: Any, style: Any) -> None:
    """Make `style` a Word bulleted list: a one-level bullet definition in the numbering part, and
    the style's numPr pointing at it. Its indents are the style's, so the list looks as before."""
    numbering = document.part.numbering_part.element
    look = LOOKS[Style.BULLET]
    left, hanging = str(Emu(look.left).twips), str(Emu(look.hanging).twips)
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(BULLET_ABSTRACT_ID))
    for tag, value in (("w:nsid", "5C7E0B11"), ("w:multiLevelType", "singleLevel"), ("w:name", style.name)):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        abstract.append(child)
    level = OxmlElement("w:lvl")
    level.set(qn("w:ilvl"), "0")
    for tag, value in (
        ("w:start", "1"),
        ("w:numFmt", "bullet"),
        ("w:pStyle", style.style_id),
        ("w:lvlText", BULLET),
        ("w:lvlJc", "left"),
    ):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        level.append(child)
    ppr = OxmlElement("w:pPr")
    tabs = OxmlElement("w:tabs")
    tab = OxmlElement("w:tab")
    tab.set(qn("w:val"), "num")
    tab.set(qn("w:pos"), left)
    tabs.append(tab)
    ppr.append(tabs)
    ind = OxmlElement("w:ind")
    ind.set(qn("w:left"), left)
    ind.set(qn("w:hanging"), hanging)
    ppr.append(ind)
    level.append(ppr)
    rpr = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), FONT)
    rpr.append(fonts)
    level.append(rpr)
    abstract.append(level)
    # Every abstractNum comes before the first num (the schema's order).
    numbering.num_lst[0].addprevious(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(BULLET_NUM_ID))
    abstract_ref = OxmlElement("w:abstractNumId")
    abstract_ref.set(qn("w:val"), str(BULLET_ABSTRACT_ID))
    num.append(abstract_ref)
    numbering.append(num)
    style.element.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = BULLET_NUM_ID


def _header(section: Any, document: Any) -> None:
    """The committee's name and the marking side by side in a borderless table the width of the
    text: a long name wraps inside its own cell, and DRAFT / CONFIDENTIAL stays on the first line."""
    header = section.header
    marking_width = Cm(4.5)
    table = header.add_table(1, 2, TEXT_WIDTH)
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    width = tbl_pr.find(qn("w:tblW"))
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(TEXT_WIDTH.twips))
    margins = OxmlElement("w:tblCellMar")
    for side in ("w:left", "w:right"):
        margin = OxmlElement(side)
        margin.set(qn("w:w"), "0")
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    _insert_in_order(tbl_pr, margins, ("w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange"))
    name, marking = table.rows[0].cells
    widths = (TEXT_WIDTH - marking_width, marking_width)
    for cell, column, cell_width in zip((name, marking), table.columns, widths, strict=True):
        cell.width = column.width = cell_width
    left = name.paragraphs[0]
    left.style = document.styles["Header"]
    left.add_run("{{ committee }}")
    right = marking.paragraphs[0]
    right.style = document.styles["Header"]
    right.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = right.add_run("{{ marking }}")
    run.bold = True
    run.font.color.rgb = DARK_RED
    # A header ends with a paragraph; this one is kept small so the header is no taller than before.
    after = header.paragraphs[0]
    after.style = document.styles["Header"]
    after._p.addprevious(table._tbl)
    mark = OxmlElement("w:rPr")  # the paragraph mark's size: 2 pt
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "4")
    mark.append(size)
    after._p.get_or_add_pPr().append(mark)


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
    document.styles["Header"].paragraph_format.space_after = Pt(0)


def build_minutes_template(*, signatures: bool = True) -> Any:
    """The default minutes template, as a python-docx Document (without `signatures`: the lists')."""
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    _set_language(normal)
    _language(document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")), "en-GB")
    _plain_headings(document)
    for style in Style:
        add_paragraph_style(document, style.value, LOOKS[style])
    _bullet_numbering(document, document.styles[Style.BULLET.value])
    # "Chair ...." keeps with "Date ....": the signature lines never split across pages.
    signature = add_paragraph_style(
        document, SIGNATURE_STYLE, Look(before=36, after=12, keep_with_next=True, keep_together=True)
    )
    signature.paragraph_format.tab_stops.add_tab_stop(Cm(10))
    _header_footer_tabs(document)

    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2)
    section.header_distance = section.footer_distance = Cm(1.1)

    _header(section, document)

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
