"""Draft minutes as a Word document, in the council's house style.

Any `MinutesDocument` is rendered generically from `document.paragraphs()`: each paragraph gets the
template's paragraph style of the same name, its label ("41.", "(a)") and text as literal text (never
Word numbering), so paragraphs that later features add come out without changes here. The template's
own wording (header, footer, signature lines) is filled in first, in a sandbox; the minutes then take
the place of its ``{{ minutes }}`` paragraph.

python-docx and docxtpl are imported only inside these functions.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable
from copy import deepcopy
from pathlib import Path
from typing import Any

from scrutui.export.files import check_destination, write_atomically
from scrutui.export.template import (
    MINUTES_TAG,
    NOT_XML,
    LoadedTemplate,
    TemplateError,
    default_template,
    load_template,
)
from scrutui.minutes import MinutesDocument, Paragraph, Style, long_date, long_time

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
#: A4, in EMU (python-docx's unit): 210 mm x 297 mm.
A4_WIDTH, A4_HEIGHT = 7560000, 10692000


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
    except Exception as error:  # anything a broken tag does inside docxtpl
        raise TemplateError(
            f"The template {template.path} could not be filled in ({type(error).__name__}: {error})."
        ) from error
    docx = template.template.docx
    place = _minutes_paragraph(docx, marker, template.path)
    for element in paragraph_elements(document.paragraphs(), template.style_ids):
        place.addprevious(element)
    place.getparent().remove(place)
    _a4(docx)
    _properties(docx, document)
    return docx


def paragraph_elements(paragraphs: Iterable[Paragraph], style_ids: dict[Style, str]) -> Iterable[Any]:
    """Each paragraph as a Word ``w:p`` element: its style, then the label, a tab and the text."""
    from docx.oxml import OxmlElement

    # Each style's id was looked up once, when the template was checked; here one prototype paragraph
    # per style is copied for each paragraph.
    prototypes: dict[Style, Any] = {}
    for style, style_id in style_ids.items():
        p = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        pstyle = OxmlElement("w:pStyle")
        pstyle.set(f"{_W}val", style_id)
        ppr.append(pstyle)
        p.append(ppr)
        prototypes[style] = p
    for paragraph in paragraphs:
        p = deepcopy(prototypes[paragraph.style])
        # makeelement, not OxmlElement (which parses a string of XML for each element): the same
        # elements, many times faster for a list of thousands of paragraphs.
        run = p.makeelement(f"{_W}r", {})
        if paragraph.label:
            _text(run, paragraph.label)
            run.append(run.makeelement(f"{_W}tab", {}))
        _text(run, paragraph.text)
        p.append(run)
        yield p


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
    props.language = "en-GB"
    props.identifier = ""
    props.created = now
    props.modified = now
    props.revision = 1


def write_minutes(
    document: MinutesDocument, path: Path, *, template: Path | None = None, force: bool = False
) -> Path:
    """Write the minutes to `path` as a Word document, atomically, never replacing a file unasked.

    The template is checked (and the destination) before anything is written.
    """
    loaded = load_template(template or default_template())
    check_destination(path, force=force)
    docx = render_minutes(document, loaded)
    return write_atomically(path, lambda temporary: docx.save(str(temporary)), force=force)
