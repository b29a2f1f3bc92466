"""Word templates: the shipped one, restyled ones, and ones that are refused (with what is missing)."""

from __future__ import annotations

import importlib.util
import io
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from scrutui.export.minutes_export import MinutesExport, export_minutes
from scrutui.export.template import TemplateError, choose_template, default_template, load_template
from scrutui.minutes import Style
from scrutui.models import Committee
from scrutui.resources import templates_dir
from scrutui.store import Store
from tests.export.helpers import (
    EXPECTED_PUBLIC,
    build_meeting,
    headers,
    open_document,
    paragraphs,
    set_header,
)

DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_templates", templates_dir() / "build_templates.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_templates"] = module
    spec.loader.exec_module(module)
    return module


def _variant(tmp_path: Path, change, name: str = "variant.docx") -> Path:  # type: ignore[no-untyped-def]
    """A copy of the default template with `change(document)` applied, saved as `name`."""
    document = open_document(default_template())
    change(document)
    path = tmp_path / name
    document.save(str(path))
    return path


def _export(store: Store, meeting_id: int, folder: Path, template: Path) -> Path:
    return export_minutes(store, MinutesExport(meeting_id=meeting_id, folder=folder, template=template)).docx


def _what_the_script_defines(path: Path) -> dict[str, object]:
    """Everything build_templates.py sets (not what python-docx's own default template brings)."""
    from docx.oxml.ns import qn
    from lxml import etree

    document = open_document(path)
    section = document.sections[0]
    styles = [
        *(s.value for s in Style),
        "Minutes Signature",
        "Header",
        "Footer",
        "Heading 1",
        "Heading 2",
        "Heading 3",
    ]
    return {
        "styles": {name: etree.tostring(document.styles[name].element) for name in styles},
        "normal": etree.tostring(document.styles["Normal"].element.rPr),
        "defaults": etree.tostring(document.styles.element.find(qn("w:docDefaults"))),
        "numbering": etree.tostring(document.part.numbering_part.element),
        "body": [(p.style.name, p._p.xml) for p in document.paragraphs],
        "header": etree.tostring(section.header._element),
        "footer": [p._p.xml for p in section.footer.paragraphs],
        "page": (section.page_width, section.page_height, section.left_margin, section.right_margin,
                 section.top_margin, section.bottom_margin, section.header_distance, section.footer_distance),
        "properties": (document.core_properties.title, document.core_properties.author),
    }


def test_the_shipped_template_is_what_its_script_builds(tmp_path: Path) -> None:
    rebuilt = tmp_path / "minutes.docx"
    script = _build_script()
    script.main(["build_templates.py", str(rebuilt)])
    assert _what_the_script_defines(rebuilt) == _what_the_script_defines(default_template()), (
        "templates/minutes.docx is out of date: run python templates/build_templates.py"
    )
    again = tmp_path / "again.docx"
    script.main(["build_templates.py", str(again)])
    assert again.read_bytes() == rebuilt.read_bytes()  # reproducible: same script, same bytes


def test_the_shipped_template_has_every_style_a4_a_header_and_page_numbers() -> None:
    loaded = load_template(default_template())
    assert set(loaded.style_ids) == set(Style)
    document = open_document(default_template())
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert headers(default_template()) == ["{{ committee }}\t{{ marking }}"]
    footer = section.footer.paragraphs[0]._p.xml
    assert 'w:instr=" PAGE ' in footer and 'w:instr=" NUMPAGES ' in footer
    assert document.paragraphs[0].text == "{{ minutes }}"


def test_a_restyled_template_is_used(store: Store, tmp_path: Path) -> None:
    from docx.shared import Pt

    def restyle(document):  # type: ignore[no-untyped-def]
        document.styles["Minute Body"].font.name = "Times New Roman"
        document.styles["Minute Body"].font.size = Pt(13)
        document.styles["Minute Heading"].font.name = "Georgia"
        document.styles["Minute Heading"].font.underline = True
        set_header(document, "Borsetshire County Council · {{ committee }} · {{ marking }}")
        document.paragraphs[-1].text = "Signed by the Chair at the next meeting, held at {{ venue }}."

    template = _variant(tmp_path, restyle, "borsetshire.docx")
    path = _export(store, build_meeting(store), tmp_path, template)
    result = open_document(path)
    assert result.styles["Minute Body"].font.name == "Times New Roman"
    assert result.styles["Minute Body"].font.size == Pt(13)
    assert result.styles["Minute Heading"].font.name == "Georgia" and result.styles["Minute Heading"].font.underline
    assert headers(path) == ["Borsetshire County Council · Health Scrutiny Committee · DRAFT"]
    found = paragraphs(path)
    assert found[:-1] == EXPECTED_PUBLIC[:-1]
    assert found[-1] == ("Minutes Signature", "Signed by the Chair at the next meeting, held at Room 1.")


def test_a_committee_template_is_used_unless_one_is_given(store: Store, tmp_path: Path) -> None:
    meeting_id = build_meeting(store)
    committee = store.committees.all()[0]
    own = _variant(tmp_path, lambda d: set_header(d, "OWN {{ marking }}"))
    # A relative path is read beside the database.
    shutil_copy(own, store.path.parent / "house.docx")
    store.committees.update(committee.model_copy(update={"template_path": "house.docx"}))
    assert choose_template(None, store.committees.all()[0], store.path) == store.path.parent / "house.docx"
    path = export_minutes(store, MinutesExport(meeting_id=meeting_id, folder=tmp_path)).docx
    assert headers(path) == ["OWN DRAFT"]
    given = _variant(tmp_path, lambda d: set_header(d, "GIVEN {{ marking }}"))
    path = export_minutes(store, MinutesExport(meeting_id=meeting_id, folder=tmp_path, template=given, force=True))
    assert headers(path.docx) == ["GIVEN DRAFT"]


def shutil_copy(source: Path, target: Path) -> None:
    target.write_bytes(source.read_bytes())


def test_a_missing_committee_template_is_named(tmp_path: Path) -> None:
    committee = Committee(name="C", template_path=str(tmp_path / "gone.docx"))
    with pytest.raises(TemplateError, match=r"committee's template .*gone\.docx does not exist"):
        choose_template(None, committee, tmp_path / "db.sqlite")
    with pytest.raises(TemplateError, match=r"The template .*nope\.docx does not exist"):
        choose_template(tmp_path / "nope.docx", committee, None)
    assert choose_template(None, Committee(name="C"), None) == default_template()


def test_a_word_template_dotx_is_accepted(store: Store, tmp_path: Path) -> None:
    data = default_template().read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            content = source.read(entry.filename)
            if entry.filename == "[Content_Types].xml":
                content = content.replace(
                    DOCX_MAIN.encode(), b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
                )
            target.writestr(entry, content)
    dotx = tmp_path / "house.dotx"
    dotx.write_bytes(out.getvalue())
    assert paragraphs(_export(store, build_meeting(store), tmp_path, dotx)) == EXPECTED_PUBLIC


def _refused(template: Path, *words: str) -> str:
    with pytest.raises(TemplateError) as caught:
        load_template(template)
    message = str(caught.value)
    assert "\n" not in message
    for word in words:
        assert word in message, message
    return message


def test_a_template_lacking_styles_is_refused_naming_them(tmp_path: Path) -> None:
    def strip(document):  # type: ignore[no-untyped-def]
        document.styles["Minute Theme"].delete()
        document.styles["Minute Decision Part"].delete()

    _refused(_variant(tmp_path, strip), '"Minute Theme"', '"Minute Decision Part"', "paragraph styles")


def test_a_template_without_its_tags_is_refused_naming_them(tmp_path: Path) -> None:
    def untag(document):  # type: ignore[no-untyped-def]
        document.paragraphs[0].text = "The minutes"
        set_header(document, "{{ committee }}")

    _refused(_variant(tmp_path, untag), "{{ minutes }}", "the header lacks {{ marking }}")


def test_a_template_with_an_unknown_or_broken_tag_is_refused(tmp_path: Path) -> None:
    unknown = _variant(tmp_path, lambda d: d.paragraphs[-1].insert_paragraph_before("{{ chairman_signature }}"))
    _refused(unknown, "{{ chairman_signature }}", "does not fill in")
    broken = _variant(tmp_path, lambda d: d.paragraphs[-1].insert_paragraph_before("{% if draft %}no end"), "b.docx")
    _refused(broken, "broken tag", "the body")


def test_the_minutes_tag_needs_a_paragraph_of_its_own(store: Store, tmp_path: Path) -> None:
    shared = _variant(tmp_path, lambda d: setattr(d.paragraphs[0], "text", "Here: {{ minutes }}"))
    with pytest.raises(TemplateError, match="paragraph of its own"):
        _export(store, build_meeting(store), tmp_path, shared)
    assert not list(tmp_path.glob("*minutes-2026*"))


def test_files_that_are_not_word_documents_get_one_clear_line(tmp_path: Path) -> None:
    text = tmp_path / "notes.docx"
    text.write_text("not a Word file")
    _refused(text, "is not a Word document (.docx)")
    empty_zip = tmp_path / "empty.docx"
    with zipfile.ZipFile(empty_zip, "w") as package:
        package.writestr("hello.txt", "hi")
    _refused(empty_zip, "is not a Word document")
    macro = tmp_path / "macro.docm"
    with zipfile.ZipFile(macro, "w") as package:
        package.writestr("[Content_Types].xml", "application/vnd.ms-word.document.macroEnabled.main+xml")
    _refused(macro, "macro-enabled")
    _refused(tmp_path, "is a folder")


SANDBOX_ESCAPES = [
    "{{ cycler.__init__.__globals__.os.system('touch PWNED') }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ committee.__class__ }}",
    "{% include '/etc/passwd' %}",
    "{{ range.__self__ }}",
    "{{ lipsum.__globals__['os'].popen('touch PWNED').read() }}",
    "{{ 'a' * 10**10 }}",
    "{% for x in range(10**9) %}{% endfor %}",
    "{{ 2 ** 10000000000 }}",
]


@pytest.mark.parametrize("tag", SANDBOX_ESCAPES)
def test_a_template_cannot_run_code(store: Store, tmp_path: Path, tag: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    meeting_id = build_meeting(store)
    template = _variant(tmp_path, lambda d: d.paragraphs[-1].insert_paragraph_before(tag))
    with pytest.raises(TemplateError) as caught:
        _export(store, meeting_id, tmp_path, template)
    assert "\n" not in str(caught.value)
    assert not (tmp_path / "PWNED").exists()
    assert not list(tmp_path.glob("health-*"))


def test_text_marked_safe_by_a_template_is_still_escaped(store: Store, tmp_path: Path) -> None:
    """`|safe` cannot be used to slip markup into the document: it comes out as text."""
    committee = store.committees.add(Committee(name="Smith & Jones <Ltd> </w:t><w:t>x"))
    assert committee.id is not None
    from scrutui.models import AgendaItem, Meeting

    meeting = store.meetings.add(
        Meeting(committee_id=committee.id, date="2026-12-03", time="18:30"),
        [AgendaItem(meeting_id=0, number="1", title="Item")],
    )
    template = _variant(tmp_path, lambda d: d.paragraphs[-1].insert_paragraph_before("{{ committee|safe }}"))
    found = paragraphs(_export(store, meeting.id or 0, tmp_path, template))
    assert found[-2] == ("Normal", "Smith & Jones <Ltd> </w:t><w:t>x")
