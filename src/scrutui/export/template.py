"""Word templates for the minutes: which one to use, reading it, and checking it before anything is
written. A template is a .docx (or .dotx) a council restyles in Word; it carries one named paragraph
style per `scrutui.minutes.Style` and a few Jinja tags (docxtpl) for its fixed wording.

Tags are filled in a sandboxed Jinja environment with autoescaping on, so what a clerk typed comes out
exactly as typed and a template cannot run code; filling in happens in a child process with a deadline
and a memory cap (`scrutui.export.render`). Before any of that, the file is read only if it is a
regular file of a sensible size, every part of the package is checked (its unpacked size, its XML,
which may not declare a DTD or entities), and links to anything outside the document (an attached
template on a share, a picture on a server) are taken out. python-docx, docxtpl and Jinja are
imported only inside the functions here, never when the module is imported.
"""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrutui.errors import ScrutuiError
from scrutui.minutes import Style
from scrutui.models import Committee
from scrutui.paths import mark_in_use
from scrutui.resources import templates_dir

if TYPE_CHECKING:
    from jinja2 import Environment

#: The tag whose paragraph the minutes replace (a paragraph of its own, in the body).
MINUTES_TAG = "minutes"
#: The tag every header must carry: DRAFT and/or CONFIDENTIAL, so the marking is on every page.
MARKING_TAG = "marking"
#: Every tag a template may use, and what it is filled with.
TAGS: dict[str, str] = {
    "committee": "the committee's name",
    "title": "the document's title (the committee's name)",
    "subtitle": 'the line "Minutes of the meeting held on ..."',
    "date": "the meeting's date (7 December 2026)",
    "time": "the meeting's time (6.30 pm)",
    "venue": "where the meeting was held",
    "status": "draft, issued or approved",
    "draft": "true until the minutes are approved",
    "confidential": "true in a confidential export",
    MARKING_TAG: "DRAFT, CONFIDENTIAL or both (required in every header)",
    MINUTES_TAG: "the minutes themselves (required: a paragraph of its own in the body)",
}

DEFAULT_TEMPLATE_NAME = "minutes.docx"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_MACRO_TYPES = ("macroEnabled", "vnd.ms-word.document", "vnd.ms-word.template")
#: Characters docxtpl rewrites after rendering ("{_{" becomes "{{"); written as character
#: references in filled-in values so typed text can never be rewritten or read as a tag.
_PROTECT = {"{": "&#123;", "}": "&#125;", "%": "&#37;", "_": "&#95;"}
_PROTECT_RE = re.compile("[{}%_]")
#: What XML (so Word) cannot hold. The model layer already removes these; this is a last guard so
#: text that reached a document some other way can never stop an export.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class TemplateError(ScrutuiError):
    """A template that cannot be used, with what is wrong in plain words."""


#: Largest template file read, largest part unpacked, and largest package unpacked in all.
MAX_TEMPLATE_BYTES = 50 * 2**20
MAX_PART_BYTES = 64 * 2**20
MAX_UNPACKED_BYTES = 128 * 2**20
MAX_PARTS = 2000
#: Outside links a template may keep: web and e-mail hyperlinks. Anything else outside the
#: document (an attached template or a picture on a share or server) is taken out.
_SAFE_LINK = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)
_HYPERLINK_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
#: Elements that exist only to point at an outside relationship: removed with it.
_LINK_ONLY = {f"{_W}attachedTemplate", f"{_W}subDoc"}


def _size(count: int) -> str:
    return f"{count / 2**30:.1f} GB" if count >= 2**30 else f"{count / 2**20:.0f} MB"


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _read_file(path: Path) -> bytes:
    """The bytes of `path`, only if it is a regular file of at most MAX_TEMPLATE_BYTES (a FIFO or a
    device such as /dev/zero is refused at once, never opened for reading)."""
    try:
        info = path.stat()
    except FileNotFoundError as error:
        raise TemplateError(f"The template {path} does not exist.") from error
    except OSError as error:
        raise TemplateError(f"Cannot read the template {path}: {error.strerror or error}.") from error
    if stat.S_ISDIR(info.st_mode):
        raise TemplateError(f"The template {path} is a folder, not a Word document.")
    if not stat.S_ISREG(info.st_mode):
        raise TemplateError(
            f"The template {path} is not a regular file (it is {_file_kind(info.st_mode)}); give a Word document."
        )
    if info.st_size > MAX_TEMPLATE_BYTES:
        raise TemplateError(
            f"The template {path} is {_size(info.st_size)}; a Word template is at most {_size(MAX_TEMPLATE_BYTES)}."
        )
    try:
        # O_NONBLOCK: were the file swapped for a FIFO since, opening it must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise TemplateError(f"The template {path} is not a regular file; give a Word document.")
            data = handle.read(MAX_TEMPLATE_BYTES + 1)
    except OSError as error:
        raise TemplateError(f"Cannot read the template {path}: {error.strerror or error}.") from error
    if len(data) > MAX_TEMPLATE_BYTES:
        raise TemplateError(f"The template {path} is larger than {_size(MAX_TEMPLATE_BYTES)}.")
    return data


def default_template() -> Path:
    """scrutui's own minutes template."""
    return templates_dir() / DEFAULT_TEMPLATE_NAME


def choose_template(explicit: Path | str | None, committee: Committee, db_path: Path | None) -> Path:
    """The template to use: the one asked for, else the committee's, else scrutui's.

    A committee's template path may be relative: it is then read beside the database file.
    """
    if explicit:
        path = Path(explicit).expanduser()
        if not path.exists():
            raise TemplateError(f"The template {path} does not exist.")
        return path
    if committee.template_path:
        path = Path(committee.template_path).expanduser()
        if not path.is_absolute() and db_path is not None:
            path = Path(db_path).parent / path
        if not path.exists():
            raise TemplateError(
                f"The committee's template {path} does not exist (change it in the committee's "
                "settings, or give --template)."
            )
        return path
    return default_template()


def read_template(path: Path) -> bytes:
    """The template's bytes as a .docx package, checked and made safe to open: a Word template
    (.dotx) is read as a document, and links to anything outside the document are taken out."""
    path = Path(path)
    data = _read_file(path)
    mark_in_use(path, "the Word template in use")  # an export never goes over it
    not_word = TemplateError(
        f"The template {path} is not a Word document (.docx); save it from Word as a Word Document."
    )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise not_word
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            _check_sizes(package, path)
            names = set(package.namelist())
            if "[Content_Types].xml" not in names:
                raise not_word
            types = package.read("[Content_Types].xml").decode("utf-8", "replace")
            if any(marker in types for marker in _MACRO_TYPES) and _DOCUMENT_TYPE not in types:
                raise TemplateError(
                    f"The template {path} is a macro-enabled Word file; save it from Word as a Word "
                    "Document (.docx) or Word Template (.dotx)."
                )
            if _DOCUMENT_TYPE not in types and _TEMPLATE_TYPE not in types:
                raise not_word
            return _repackaged(package, types, path) or data
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, EOFError) as error:
        raise TemplateError(f"The template {path} is damaged ({error}).") from error


def _check_sizes(package: zipfile.ZipFile, path: Path) -> None:
    """Refuse a package whose parts would unpack to more than a Word template ever holds (the sizes
    the package declares bound what reading it unpacks)."""
    entries = package.infolist()
    if len(entries) > MAX_PARTS:
        raise TemplateError(f"The template {path} has {len(entries):,} parts; a Word template has far fewer.")
    total = 0
    for entry in entries:
        if entry.file_size > MAX_PART_BYTES:
            raise TemplateError(
                f"The template {path} is refused: its part {entry.filename} would unpack to "
                f"{_size(entry.file_size)} (a part may be at most {_size(MAX_PART_BYTES)})."
            )
        total += entry.file_size
    if total > MAX_UNPACKED_BYTES:
        raise TemplateError(
            f"The template {path} is refused: it would unpack to {_size(total)} "
            f"(at most {_size(MAX_UNPACKED_BYTES)})."
        )


def _xml_parser() -> Any:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _repackaged(package: zipfile.ZipFile, types: str, path: Path) -> bytes | None:
    """The package again, each XML part checked; a .dotx becomes a .docx; outside links removed.
    None when nothing needed changing (the package is used as it is)."""
    from lxml import etree

    parser = _xml_parser()
    parts: dict[str, bytes] = {}
    trees: dict[str, Any] = {}
    changed = False
    for entry in package.infolist():
        content = package.read(entry.filename)
        parts[entry.filename] = content
        if entry.filename.endswith((".xml", ".rels")):
            if _DTD.search(content):
                raise TemplateError(
                    f"The template {path} is refused: its part {entry.filename} declares a DOCTYPE or "
                    "entities, which Word never writes."
                )
            try:
                trees[entry.filename] = etree.fromstring(content, parser)
            except etree.XMLSyntaxError as error:
                raise TemplateError(
                    f"The template {path} is damaged: its part {entry.filename} is not well-formed XML ({error})."
                ) from error
    for name in [n for n in parts if n.endswith(".rels")]:
        dropped = _drop_outside_links(trees[name])
        if not dropped:
            continue
        changed = True
        parts[name] = etree.tostring(trees[name], xml_declaration=True, encoding="UTF-8", standalone=True)
        source = _rels_source(name)
        if source in trees:
            _unlink(trees[source], dropped)
            parts[source] = etree.tostring(trees[source], xml_declaration=True, encoding="UTF-8", standalone=True)
    if _TEMPLATE_TYPE in types and _DOCUMENT_TYPE not in types:
        parts["[Content_Types].xml"] = types.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE).encode("utf-8")
        changed = True
    if not changed:
        return None
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in package.infolist():
            target.writestr(entry, parts[entry.filename])
    return out.getvalue()


def _drop_outside_links(rels: Any) -> set[str]:
    """Remove the relationships that point outside the document (but web and e-mail links)."""
    dropped = set()
    for rel in list(rels.iter(f"{_PACKAGE_RELS}Relationship")):
        if rel.get("TargetMode") != "External":
            continue
        if rel.get("Type") == _HYPERLINK_TYPE and _SAFE_LINK.match(rel.get("Target", "").strip()):
            continue
        dropped.add(rel.get("Id", ""))
        rel.getparent().remove(rel)
    return dropped


def _rels_source(rels_name: str) -> str:
    """The part a relationships part belongs to: word/_rels/settings.xml.rels -> word/settings.xml."""
    folder, _, name = rels_name.rpartition("_rels/")
    return folder + name.removesuffix(".rels")


def _unlink(tree: Any, dropped: set[str]) -> None:
    """Take out of a part every reference to a removed relationship."""
    for element in list(tree.iter()):
        for attribute, value in list(element.attrib.items()):
            if attribute.startswith(_R) and value in dropped:
                if element.tag in _LINK_ONLY and element.getparent() is not None:
                    element.getparent().remove(element)
                    break
                del element.attrib[attribute]


def _protect(text: str) -> str:
    return _PROTECT_RE.sub(lambda m: _PROTECT[m.group(0)], text)


def _finalize(value: object) -> Any:
    """Every filled-in value is escaped for XML, even one marked safe, so it can never add markup."""
    from markupsafe import Markup, escape

    text = NOT_XML.sub("", "" if value is None else str(value))
    return Markup(_protect(str(escape(text))))


#: Longest text a template's own arithmetic may make ("a" * n), and the largest power it may raise.
_MAX_MADE = 100_000
_MAX_POWER = 64


def sandbox() -> Environment:
    """The Jinja environment templates are filled in with: sandboxed, autoescaping, no file access,
    no unknown names, and no arithmetic big enough to exhaust memory."""
    from jinja2 import StrictUndefined
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class Sandbox(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            sized = (str, bytes, list, tuple)
            if operator == "**" and isinstance(right, int | float) and abs(right) > _MAX_POWER:
                raise SecurityError("a template may not raise numbers to such large powers")
            if operator == "*":
                seq, count = (left, right) if isinstance(left, sized) else (right, left)
                if isinstance(seq, sized) and isinstance(count, int) and len(seq) * count > _MAX_MADE:
                    raise SecurityError("a template may not repeat text that many times")
            return super().call_binop(context, operator, left, right)

    # StrictUndefined: a name or attribute that is not there (or not allowed) is an error, not "".
    return Sandbox(autoescape=True, finalize=_finalize, undefined=StrictUndefined)


@dataclass
class LoadedTemplate:
    """A template read, opened (docxtpl over python-docx) and checked; render it once."""

    path: Path
    template: Any  # docxtpl.DocxTemplate, its python-docx Document already opened
    environment: Environment
    style_ids: dict[Style, str]


def load_template(path: Path, data: bytes | None = None) -> LoadedTemplate:
    """Read, open and check a template; a problem raises TemplateError naming what is wrong.
    `data` is the template as `read_template` gave it, when it has been read already."""
    from docx.opc.exceptions import PackageNotFoundError
    from docxtpl import DocxTemplate

    if data is None:
        data = read_template(path)
    template = DocxTemplate(io.BytesIO(data))
    try:
        template.init_docx()
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise TemplateError(f"The template {path} is not a Word document python-docx can read ({error}).") from error
    except Exception as error:  # lxml's XMLSyntaxError and other damage inside the package
        raise TemplateError(f"The template {path} is damaged ({type(error).__name__}: {error}).") from error
    environment = sandbox()
    style_ids = check_template(template, environment, path)
    return LoadedTemplate(path, template, environment, style_ids)


#: Styles added after templates were first made, and the style a template without them uses instead.
LATER_STYLES = {
    Style.NOTE: Style.BODY,
    Style.ANNEX: Style.SECTION,
    Style.BULLET: Style.PART,
    Style.LIST_ITEM: Style.PART,
}


def check_template(template: Any, environment: Environment, path: Path) -> dict[Style, str]:
    """Lint a template: every style the minutes use, and the tags where they must be.

    Returns each Style's style id in this template (looked up once here, not per paragraph).
    """
    from docx.enum.style import WD_STYLE_TYPE

    document = template.docx
    problems: list[str] = []
    by_name = {s.name: s for s in document.styles if s.type == WD_STYLE_TYPE.PARAGRAPH}
    for late, stand_in in LATER_STYLES.items():
        # A template made before a style was added uses a stand-in for it, so it keeps working.
        if late.value not in by_name and stand_in.value in by_name:
            by_name[late.value] = by_name[stand_in.value]
    missing = [style.value for style in Style if style.value not in by_name]
    if missing:
        problems.append(
            "it lacks the paragraph style"
            + ("s " if len(missing) > 1 else " ")
            + ", ".join(f'"{name}"' for name in missing)
            + " (copy them from scrutui's templates/minutes.docx)"
        )
    body_tags = _tags(template, environment, template.xml_to_string(document.element.body), "the body", path)
    allowed = set(TAGS) | set(environment.globals)
    unknown = set(body_tags)
    if MINUTES_TAG not in body_tags:
        problems.append("its body has no {{ minutes }} paragraph (where the minutes go)")
    headers = _headers(document)
    if not headers:
        problems.append("it has no header (the header needs {{ marking }}, for DRAFT and CONFIDENTIAL)")
    for where, xml in headers:
        found = _tags(template, environment, xml, where, path)
        unknown |= found
        if MARKING_TAG not in found:
            problems.append(f"{where} lacks {{{{ marking }}}} (DRAFT and CONFIDENTIAL go there)")
        if MINUTES_TAG in found:
            problems.append(f"{{{{ minutes }}}} is in {where}; it belongs in the body")
    for where, xml in _footers(document):
        found = _tags(template, environment, xml, where, path)
        unknown |= found
        if MINUTES_TAG in found:
            problems.append(f"{{{{ minutes }}}} is in {where}; it belongs in the body")
    # Everything else docxtpl fills in: headers and footers not in use, the document properties
    # (File > Info) and the footnotes.
    for where, source in _other_rendered(template):
        found = _tags(template, environment, source, where, path, patch=where != "the document properties")
        if where == "the document properties":
            unknown_here = found - allowed
            if unknown_here:
                names = ", ".join(f"{{{{ {name} }}}}" for name in sorted(unknown_here))
                problems.append(f"the document properties use {names}, which scrutui does not fill in")
        else:
            unknown |= found
    unknown -= allowed
    if unknown:
        names = ", ".join(f"{{{{ {name} }}}}" for name in sorted(unknown))
        problems.append(f"it uses {names}, which scrutui does not fill in (it fills in: {', '.join(TAGS)})")
    if problems:
        raise TemplateError(f"The template {path} cannot be used: " + "; ".join(problems) + ".")
    return {style: by_name[style.value].style_id for style in Style}


def _tags(
    template: Any, environment: Environment, xml: str, where: str, path: Path, *, patch: bool = True
) -> set[str]:
    """The names a part's Jinja tags use (after docxtpl's clean-up of tags Word split into runs)."""
    from jinja2 import TemplateSyntaxError, meta

    source = template.patch_xml(xml) if patch else xml
    try:
        parsed = environment.parse(source)
    except TemplateSyntaxError as error:
        line = source.splitlines()[error.lineno - 1] if error.lineno and source else ""
        near = re.sub(r"<[^>]+>", "", line)[:60]
        hint = f' near "{near}"' if near.strip() else ""
        raise TemplateError(
            f"The template {path} has a broken tag in {where}{hint}: {error.message}."
        ) from error
    return set(meta.find_undeclared_variables(parsed))


#: The document properties docxtpl fills in (File > Info in Word).
_RENDERED_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")
_FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def _other_rendered(template: Any) -> list[tuple[str, str]]:
    """What docxtpl fills in besides the body and the headers and footers in use: every header and
    footer part, the document properties and the footnotes, each with what it holds."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    document = template.docx
    found: list[tuple[str, str]] = []
    for rel in document.part.rels.values():
        if rel.is_external or rel.reltype not in (RT.HEADER, RT.FOOTER):
            continue
        part = rel.target_part
        element = getattr(part, "element", None)
        xml = etree.tostring(element, encoding="unicode") if element is not None else part.blob.decode()
        found.append((f"the {'header' if rel.reltype == RT.HEADER else 'footer'} part {part.partname}", xml))
    properties = document.core_properties
    found.append(
        ("the document properties", "\n".join(str(getattr(properties, name) or "") for name in _RENDERED_PROPERTIES))
    )
    for part in document.part.package.parts:
        if part.content_type == _FOOTNOTES_TYPE:
            blob = part.blob
            found.append(("the footnotes", blob.decode("utf-8", "replace") if isinstance(blob, bytes) else blob))
    return found


_HEADER_KINDS = {"default": "the header", "first": "the first-page header", "even": "the even-page header"}


def _headers(document: Any) -> list[tuple[str, str]]:
    """Each header Word will show, described for a message, with its XML."""
    return _parts(document, "headerReference", _HEADER_KINDS)


def _footers(document: Any) -> list[tuple[str, str]]:
    kinds = {k: v.replace("header", "footer") for k, v in _HEADER_KINDS.items()}
    return _parts(document, "footerReference", kinds)


def _is_on(element: Any) -> bool:
    return element is not None and element.get(f"{_W}val", "true") not in ("0", "false", "off")


def _parts(document: Any, reference: str, kinds: dict[str, str]) -> list[tuple[str, str]]:
    """Headers (or footers) in use: the default ones, first-page ones where a section has a different
    first page, even-page ones where the document has different odd and even pages."""
    from lxml import etree

    even_pages = _is_on(document.settings.element.find(f"{_W}evenAndOddHeaders"))
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    sections = document.element.body.findall(f".//{_W}sectPr")
    for number, sect_pr in enumerate(sections, start=1):
        first_page = _is_on(sect_pr.find(f"{_W}titlePg"))
        for ref in sect_pr.findall(f"{_W}{reference}"):
            kind = ref.get(f"{_W}type", "default")
            rid = ref.get(f"{_R}id")
            if not rid or rid in seen or (kind == "first" and not first_page) or (kind == "even" and not even_pages):
                continue
            seen.add(rid)
            part = document.part.related_parts[rid]
            where = kinds.get(kind, kinds["default"])
            if len(sections) > 1:
                where += f" of section {number}"
            element = getattr(part, "element", None)
            xml = etree.tostring(element, encoding="unicode") if element is not None else part.blob.decode()
            found.append((where, xml))
    return found
