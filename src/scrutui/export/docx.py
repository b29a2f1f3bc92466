"""Draft minutes as a Word document, in the council's house style.

Any `MinutesDocument` is rendered generically from `document.paragraphs()`: each paragraph gets the
template's paragraph style of the same name, its label ("41.", "(a)") and text as literal text (never
Word numbering, so minute references never shift), so paragraphs that later features add come out
without changes here. The one exception is a bullet: where the template's Minute Bullet style is a
Word list, Word draws the bullet and the typed "•" is left out, so readers see a real list. The
template's own wording (header, footer, signature lines) is filled in first, in a sandbox; the
minutes then take the place of its ``{{ minutes }}`` paragraph.

What keeps together is decided here, for any template: a heading keeps with what follows it, and a
paragraph that introduces a list ("RESOLVED: That") with the list's first item. A labelled paragraph
(4.1, 4.10) whose style has no hanging indent of its own gets one, so its text lines up past the
number.

python-docx and docxtpl are imported only inside these functions.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Iterable, Iterator
from copy import deepcopy
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from scrutui.export.files import check_destination, write_atomically
from scrutui.export.render import Rendered
from scrutui.export.template import (
    LATER_STYLES,
    MINUTES_TAG,
    NOT_XML,
    LoadedTemplate,
    TemplateError,
    default_template,
    read_template,
)
from scrutui.minutes import MinutesDocument, Paragraph, Style, long_date, long_time

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
#: A4, in EMU (python-docx's unit): 210 mm x 297 mm.
A4_WIDTH, A4_HEIGHT = 7560000, 10692000
#: How far a paragraph number (4.1, 44.10) hangs, in twips: 1.5 cm, the minute number's own margin.
NUMBER_HANG = 850
#: Headings: each keeps with the paragraph after it, whatever the template's style says.
HEADINGS = frozenset({Style.TITLE, Style.SECTION, Style.ITEM_HEADING, Style.THEME, Style.ANNEX})
#: The items of lists; the paragraph just before a run of them introduces the list.
LIST_ITEMS = frozenset({Style.PART, Style.BULLET, Style.LIST_ITEM})
#: Where a template's style is a Word list, Word draws this style's label, so the typed one is left
#: out. Lettered and numbered labels ("(a)", "1.") always stay typed: minute references never shift.
WORD_DRAWN = frozenset({Style.BULLET})
_HEADING_NAME = re.compile(r"heading [1-9]", re.IGNORECASE)


def template_context(document: MinutesDocument, minutes_marker: str) -> dict[str, object]:
    """What a template's tags are filled with."""
    return {
        "committee": document.committee,
        "title": document.title,
        "subtitle": document.subtitle,
        "date": long_date(document.meeting_date),
        "time": long_time(document.meeting_time) if document.meeting_time else "",
        "venue": document.venue,
        "status": document.status.value,
        "draft": "DRAFT" in document.marks,
        "confidential": document.confidential,
        "marking": " · ".join(reversed(document.marks)),  # "CONFIDENTIAL · DRAFT"
        MINUTES_TAG: minutes_marker,
    }


def fill_minutes(document: MinutesDocument, template: LoadedTemplate) -> Rendered:
    """The minutes filled into `template` (used up), saved, with the note on an older template."""
    docx = render_minutes(document, template)
    return Rendered.of(docx, template_note(docx, template.style_ids, template.path))


def render_minutes(document: MinutesDocument, template: LoadedTemplate) -> Any:
    """The minutes as a python-docx Document made from `template` (which is used up)."""
    from jinja2 import TemplateError as JinjaError

    marker = f"scrutui-minutes-{secrets.token_hex(8)}"
    try:
        template.template.render(template_context(document, marker), template.environment, autoescape=True)
    except JinjaError as error:
        reason = str(error.message or error).rstrip(".")
        raise TemplateError(f"The template {template.path} could not be filled in: {reason}.") from error
    except TypeError as error:
        if "no loader" not in str(error):
            raise TemplateError(
                f"The template {template.path} could not be filled in ({type(error).__name__}: {error})."
            ) from error
        raise TemplateError(
            f"The template {template.path} could not be filled in: a template cannot include other files."
        ) from error
    except MemoryError:
        raise  # the child process filling it in says so (scrutui.export.render)
    except Exception as error:  # anything a broken tag does inside docxtpl
        raise TemplateError(
            f"The template {template.path} could not be filled in ({type(error).__name__}: {error})."
        ) from error
    docx = template.template.docx
    fill_body(docx, document.paragraphs(), template, marker, language=document.language)
    _properties(docx, document)
    return docx


def fill_body(
    docx: Any, paragraphs: Iterable[Paragraph], template: LoadedTemplate, marker: str, *, language: str
) -> None:
    """Put `paragraphs` where the template's ``{{ minutes }}`` paragraph (now `marker`) was, make
    every page A4 and set the document's language (the minutes' and the lists' renderers share it)."""
    place = _minutes_paragraph(docx, marker, template.path)
    for element in paragraph_elements(paragraphs, template.style_ids, style_shapes(docx, template.style_ids)):
        place.addprevious(element)
    place.getparent().remove(place)
    _a4(docx)
    set_language(docx, language, template.style_ids.values())


@dataclass(frozen=True)
class StyleShape:
    """What the renderer needs to know of one of the template's paragraph styles."""

    #: The style is a Word list (numbering through its numPr): Word draws its bullet.
    listed: bool = False
    #: The style hangs its first line (as the minute heading and the parts do), so a label hangs.
    hangs: bool = True
    #: Its left indent, in twips.
    left: int = 0


def style_shapes(docx: Any, style_ids: dict[Style, str]) -> dict[Style, StyleShape]:
    """Each Style's shape in this template, read through the styles it is based on."""
    styles = docx.styles.element
    defined = _numbering_ids(docx)
    shapes = {}
    for style, style_id in style_ids.items():
        chain = _style_chain(styles, style_id)
        num_id = _first(chain, "./w:pPr/w:numPr/w:numId/@w:val")
        hanging = _first(chain, "./w:pPr/w:ind/@w:hanging") or "0"
        first_line = _first(chain, "./w:pPr/w:ind/@w:firstLine") or "0"
        left = _first(chain, "./w:pPr/w:ind/@w:left") or _first(chain, "./w:pPr/w:ind/@w:start") or "0"
        listed = num_id is not None and num_id != "0" and num_id in defined
        shapes[style] = StyleShape(
            listed=listed,
            hangs=listed or _twips(hanging) > 0 or _twips(first_line) < 0,
            left=max(0, _twips(left)),
        )
    return shapes


def _style_chain(styles: Any, style_id: str) -> list[Any]:
    """A style and the styles it is based on, nearest first (a loop in a damaged template ends it)."""
    chain: list[Any] = []
    seen: set[str] = set()
    current: str | None = style_id
    while current and current not in seen and len(chain) < 32:
        seen.add(current)
        element = styles.get_by_id(current)
        if element is None:
            break
        chain.append(element)
        based = element.find(f"{_W}basedOn")
        current = based.get(f"{_W}val") if based is not None else None
    return chain


def _first(chain: list[Any], path: str) -> str | None:
    """The first value of `path` along a style chain: what the style has, or else inherits."""
    for element in chain:
        found = element.xpath(path)
        if found:
            return str(found[0])
    return None


def _twips(value: str) -> int:
    try:
        return int(float(value))
    except ValueError:
        return 0


def _numbering_ids(docx: Any) -> set[str]:
    """The numbering instances (w:num ids) the document defines; none if it has no numbering part."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    for rel in docx.part.rels.values():
        if rel.reltype == RT.NUMBERING and not rel.is_external:
            element = getattr(rel.target_part, "element", None)
            if element is not None:
                return {str(v) for v in element.xpath("./w:num/@w:numId")}
    return set()


def is_heading(docx: Any, style_id: str) -> bool:
    """Whether a style is one of Word's headings or based on one (what pandoc and Word's navigation
    pane go by)."""
    for element in _style_chain(docx.styles.element, style_id):
        name = element.find(f"{_W}name")
        if name is not None and _HEADING_NAME.fullmatch(name.get(f"{_W}val", "")):
            return True
    return False


def template_note(docx: Any, style_ids: dict[Style, str], path: Path) -> str:
    """One line for the clerk when a template is older than scrutui's styles: which stand-ins were
    used, and what a reader loses (typed bullets, headings screen readers cannot find); else ""."""
    stood_in = [late.value for late, stand_in in LATER_STYLES.items() if style_ids[late] == style_ids[stand_in]]
    lacks = []
    if stood_in:
        lacks.append(f"no {', '.join(stood_in)} (stand-ins used)")
    bullet = {Style.BULLET: style_ids[Style.BULLET]}
    if Style.BULLET.value not in stood_in and not style_shapes(docx, bullet)[Style.BULLET].listed:
        lacks.append("bullets typed, not a Word list")
    if not is_heading(docx, style_ids[Style.ITEM_HEADING]):
        lacks.append("headings not Word headings (screen readers miss them)")
    if not lacks:
        return ""
    return (
        f"Note: {path.name} is an older template: "
        + "; ".join(lacks)
        + ". To fix, copy the styles from `scrutui export template FILE`."
    )


def paragraph_elements(
    paragraphs: Iterable[Paragraph],
    style_ids: dict[Style, str],
    shapes: dict[Style, StyleShape] | None = None,
) -> Iterator[Any]:
    """Each paragraph as a Word ``w:p`` element: its style, then the label, a tab and the text.

    With the template's `shapes`: a bullet in a Word list style has no typed label; a heading, and a
    paragraph that introduces a list, keep with the next paragraph; a labelled paragraph whose style
    does not hang gets a hanging indent and a tab past the label.
    """

    shapes = shapes or {}
    # Each style's id was looked up once, when the template was checked; here one prototype paragraph
    # per style and layout is made once and copied for each paragraph.
    prototypes: dict[tuple[Style, bool | None, bool], Any] = {}
    for paragraph, following in pairwise([*paragraphs, None]):
        assert paragraph is not None
        style = paragraph.style
        shape = shapes.get(style, StyleShape())
        introduces = (
            following is not None and following.style in LIST_ITEMS and style not in LIST_ITEMS
        )
        keep: bool | None = None  # None: as the style says
        if style in HEADINGS or introduces:
            keep = True
        elif style is Style.DECISION:
            keep = False  # "AGREED: That ..." on its own: no chain of kept paragraphs to the next item
        label = "" if (style in WORD_DRAWN and shape.listed) else paragraph.label
        hang = bool(label) and not shape.hangs
        key = (style, keep, hang)
        if key not in prototypes:
            prototypes[key] = _prototype(style_ids[style], keep, shape.left if hang else None)
        p = deepcopy(prototypes[key])
        # makeelement, not OxmlElement (which parses a string of XML for each element): the same
        # elements, many times faster for a list of thousands of paragraphs.
        run = p.makeelement(f"{_W}r", {})
        if label:
            _text(run, label)
            run.append(run.makeelement(f"{_W}tab", {}))
        _text(run, paragraph.text)
        p.append(run)
        yield p


def _prototype(style_id: str, keep_with_next: bool | None, hang_from: int | None) -> Any:
    """An empty paragraph in a style: kept with the next one (or not) and with a hanging label, if
    asked. Children in the schema's order: pStyle, keepNext, tabs, ind."""
    from docx.oxml import OxmlElement

    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    pstyle = OxmlElement("w:pStyle")
    pstyle.set(f"{_W}val", style_id)
    ppr.append(pstyle)
    if keep_with_next is not None:
        keep = OxmlElement("w:keepNext")
        if not keep_with_next:
            keep.set(f"{_W}val", "0")
        ppr.append(keep)
    if hang_from is not None:
        # The number starts where the style's text did (or at the margin) and the text lines up
        # 1.5 cm further on, past 4.10 and 44.10 alike.
        left = max(hang_from, NUMBER_HANG)
        tabs = OxmlElement("w:tabs")
        tab = OxmlElement("w:tab")
        tab.set(f"{_W}val", "left")
        tab.set(f"{_W}pos", str(left))
        tabs.append(tab)
        ppr.append(tabs)
        ind = OxmlElement("w:ind")
        ind.set(f"{_W}left", str(left))
        ind.set(f"{_W}hanging", str(NUMBER_HANG))
        ppr.append(ind)
    p.append(ppr)
    return p


def _text(run: Any, text: str) -> None:
    """Text into a run: line breaks become Word line breaks; every space is kept."""
    text = NOT_XML.sub("", text)
    for index, line in enumerate(text.split("\n")):
        if index:
            run.append(run.makeelement(f"{_W}br", {}))
        if line:
            t = run.makeelement(f"{_W}t", {_XML_SPACE: "preserve"})
            t.text = line
            run.append(t)


def _minutes_paragraph(docx: Any, marker: str, path: Path) -> Any:
    """The paragraph the ``{{ minutes }}`` tag became: alone in its paragraph, exactly once."""
    found = []
    for p in docx.element.body.iter(f"{_W}p"):
        text = "".join(t.text or "" for t in p.iter(f"{_W}t"))
        if marker in text:
            found.append((p, text))
    if not found:
        raise TemplateError(
            f"The template {path} has no {{{{ minutes }}}} paragraph left after filling it in "
            "(is it inside an {% if %}?)."
        )
    if len(found) > 1:
        raise TemplateError(f"The template {path} has {{{{ minutes }}}} more than once; keep one.")
    p, text = found[0]
    if text.strip() != marker:
        raise TemplateError(
            f"The template {path} has other text in the {{{{ minutes }}}} paragraph; give the tag a "
            "paragraph of its own."
        )
    return p


def _a4(docx: Any) -> None:
    """Every section A4 portrait (python-docx's own default is US Letter)."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Emu

    for section in docx.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Emu(A4_WIDTH), Emu(A4_HEIGHT)


def set_language(docx: Any, language: str, style_ids: Iterable[str] = ()) -> None:
    """The document's language (a BCP 47 tag such as en-GB or cy-GB) where Word, screen readers and
    the PDF take it from: the document defaults, the Normal style, any of `style_ids` that names a
    language of its own, and the core properties."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement

    styles = docx.styles.element
    defaults = styles.find(f"{_W}docDefaults")
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(f"{_W}rPrDefault")
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    if rpr_default.find(f"{_W}rPr") is None:
        rpr_default.append(OxmlElement("w:rPr"))
    run_properties = [rpr_default.find(f"{_W}rPr")]
    normal = styles.default_for(WD_STYLE_TYPE.PARAGRAPH)
    if normal is not None:
        run_properties.append(normal.get_or_add_rPr())
    for style_id in style_ids:
        style = styles.get_by_id(style_id)
        if style is not None and style.find(f"{_W}rPr/{_W}lang") is not None:
            run_properties.append(style.get_or_add_rPr())
    for rpr in run_properties:
        lang = rpr.find(f"{_W}lang")
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
        lang.set(f"{_W}val", language)
    docx.core_properties.language = language


def _property(text: str) -> str:
    """A text property as Word can hold it: XML characters only, at most 255 of them."""
    return NOT_XML.sub("", text)[:255]


def _properties(docx: Any, document: MinutesDocument) -> None:
    """The meeting in the document's properties (File > Info in Word)."""
    props = docx.core_properties
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.title = _property(document.properties.get("title", document.title))
    props.subject = _property(document.properties.get("subject", document.subtitle))
    props.keywords = _property(document.properties.get("keywords", ""))
    props.author = "scrutui"
    props.last_modified_by = "scrutui"
    props.comments = "Draft minutes written by scrutui." if "DRAFT" in document.marks else "Minutes written by scrutui."
    props.category = "Minutes" + (" (confidential)" if document.confidential else "")
    props.content_status = document.status.value.capitalize()
    props.language = document.language
    props.identifier = ""
    props.created = now
    props.modified = now
    props.revision = 1


def write_minutes(
    document: MinutesDocument, path: Path, *, template: Path | None = None, force: bool = False
) -> Path:
    """Write the minutes to `path` as a Word document, atomically, never replacing a file unasked.

    The template is checked (and the destination) before anything is written; it is filled in in a
    child process, within limits (`scrutui.export.render`).
    """
    from scrutui.export.render import RenderJob, render

    chosen = template or default_template()
    data = read_template(chosen)
    check_destination(path, force=force)
    content = render(RenderJob(chosen, data, document, fill_minutes)).content
    return write_atomically(path, lambda temporary: temporary.write_bytes(content), force=force)
