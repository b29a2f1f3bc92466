"""Export a meeting's draft minutes: what the command line and the app both run.

Everything that can be refused is checked before anything is written: the meeting, the template,
the destination (and LibreOffice, for a PDF). The file is written under a temporary name and renamed,
so an export is either complete or absent.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from scrutui.errors import ScrutuiError
from scrutui.export.files import check_destination, write_atomically
from scrutui.export.gather import gather_minutes
from scrutui.models import MinutesStatus
from scrutui.store import Store

#: Longest part of a default file name taken from the committee's name.
_NAME_LENGTH = 80


@dataclass(frozen=True)
class MinutesExport:
    """What to export, and where."""

    meeting_id: int
    #: A file, or a folder to put the default file name in; None: the default name in `folder`.
    output: Path | None = None
    folder: Path = Path()
    template: Path | None = None
    confidential: bool = False
    force: bool = False
    pdf: bool = False


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote."""

    docx: Path
    pdf: Path | None
    template: Path
    confidential: bool
    exempt_left_out: int
    approved: bool = False
    #: One line when the template is older than scrutui's styles (stand-ins, typed bullets), else "".
    note: str = ""
    #: What was damaged in the database and so left out ("record 42 (its kind is not one ...)").
    left_out: tuple[str, ...] = ()

    def summary(self) -> str:
        """One line for the clerk: where the minutes went (and a second, the template's note)."""
        kind = "Confidential minutes" if self.confidential else ("Minutes" if self.approved else "Draft minutes")
        written = f"{kind} written to {self.docx}"
        if self.pdf:
            written += f" and {self.pdf.name}"
        if self.exempt_left_out:
            items = "item" if self.exempt_left_out == 1 else "items"
            written += f" ({self.exempt_left_out} exempt {items} shown only as considered in private)"
        written += "."
        if self.left_out:
            written += " Not included, as damaged in the database: " + "; ".join(self.left_out) + "."
        return written + (f"\n{self.note}" if self.note else "")


def file_slug(text: str) -> str:
    """`text` as a file name part safe on Windows, macOS and Linux: letters, digits and hyphens."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[^\w]+|_", "-", text).strip("-")
    return text[:_NAME_LENGTH].strip("-")


def default_filename(committee: str, date: dt.date, *, confidential: bool = False) -> str:
    """children-and-young-people-scrutiny-committee-minutes-2026-11-10.docx (-confidential added)."""
    parts = [file_slug(committee), "minutes", date.isoformat()]
    if confidential:
        parts.append("confidential")
    return "-".join(part for part in parts if part) + ".docx"


def output_path(request: MinutesExport, committee: str, date: dt.date) -> Path:
    """Where the Word file goes."""
    name = default_filename(committee, date, confidential=request.confidential)
    if request.output is None:
        return request.folder / name
    path = Path(request.output).expanduser()
    if path.is_dir():
        return path / name
    if path.suffix.lower() != ".docx":
        path = path.with_name(path.name + ".docx")
    return path


def export_minutes(store: Store, request: MinutesExport) -> ExportResult:
    """Write a meeting's minutes as a Word document (and a PDF, if asked)."""
    from scrutui.export.docx import fill_minutes
    from scrutui.export.pdf import convert_to_pdf, find_soffice
    from scrutui.export.render import RenderJob, render
    from scrutui.export.template import choose_template, read_template

    gathered = gather_minutes(store, request.meeting_id, confidential=request.confidential)
    blanks = gathered.document.unfilled_blanks()
    if blanks:
        more = f" (and {len(blanks) - 1} more)" if len(blanks) > 1 else ""
        raise ScrutuiError(
            f"These minutes still have a blank to fill in, in {blanks[0]}{more}: edit the record, then export again."
        )
    template_path = choose_template(request.template, gathered.committee, store.path)
    template = read_template(template_path)
    docx_path = check_destination(
        output_path(request, gathered.committee.name, gathered.meeting.date), force=request.force
    )
    pdf_path = None
    if request.pdf:
        if find_soffice() is None:
            raise ScrutuiError(
                "A PDF needs LibreOffice, which was not found (no 'soffice' on PATH or in its usual folder); "
                "leave out the PDF to write the Word file alone."
            )
        pdf_path = check_destination(docx_path.with_suffix(".pdf"), force=request.force)
    # Opened, checked and filled in by a child process, within limits a template cannot exceed.
    rendered = render(RenderJob(template_path, template, gathered.document, fill_minutes))
    write_atomically(docx_path, lambda temporary: temporary.write_bytes(rendered.content), force=request.force)
    if pdf_path is not None:
        convert_to_pdf(docx_path, pdf_path, force=request.force)
    return ExportResult(
        docx=docx_path,
        pdf=pdf_path,
        template=template_path,
        confidential=request.confidential,
        exempt_left_out=gathered.exempt_left_out,
        approved=gathered.meeting.status is MinutesStatus.APPROVED,
        note=rendered.note,
        left_out=tuple(d.describe() for d in gathered.damaged),
    )
