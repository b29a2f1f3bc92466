"""PDF copies of Word exports, made by LibreOffice when it is installed.

The PDF is tagged (its headings, lists and paragraphs marked for screen readers, as the Public Sector
Bodies Accessibility Regulations 2018 ask) and shows the document's title rather than its file name.
LibreOffice 7.4 and later take these as JSON options of its writer_pdf_Export filter; older versions
ignore those and read the same settings from the user profile, which is a fresh one for each
conversion and so is given them first.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from scrutui.errors import ScrutuiError
from scrutui.export.files import write_atomically

#: LibreOffice's command, under the names it is installed as.
SOFFICE_NAMES = ("soffice", "libreoffice")
#: writer_pdf_Export's options: a tagged PDF that shows the document's title.
PDF_OPTIONS = {"UseTaggedPDF": True, "DisplayPDFDocumentTitle": True}


def pdf_filter() -> str:
    """The --convert-to argument: PDF through writer_pdf_Export with `PDF_OPTIONS` (LibreOffice 7.4+)."""
    options = {name: {"type": "boolean", "value": str(value).lower()} for name, value in PDF_OPTIONS.items()}
    return "pdf:writer_pdf_Export:" + json.dumps(options, separators=(",", ":"))


def _profile_settings(profile: Path) -> None:
    """The same options as settings of a fresh LibreOffice profile, for versions before 7.4."""
    props = "".join(
        f'<prop oor:name="{name}" oor:op="fuse"><value>{str(value).lower()}</value></prop>'
        for name, value in PDF_OPTIONS.items()
    )
    user = profile / "user"
    user.mkdir(parents=True)
    (user / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f'<item oor:path="/org.openoffice.Office.Common/Filter/PDF/Export">{props}</item>'
        "</oor:items>\n",
        encoding="utf-8",
    )


def find_soffice() -> str | None:
    """The LibreOffice command, or None when it is not installed."""
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def convert_to_pdf(docx: Path, pdf: Path, *, force: bool = False, timeout: float = 180) -> Path:
    """Convert a Word file to PDF with LibreOffice (headless), written atomically to `pdf`."""
    soffice = find_soffice()
    if soffice is None:
        raise ScrutuiError(
            "A PDF needs LibreOffice, which is not installed (no 'soffice' command); "
            "the Word file was written."
        )
    with tempfile.TemporaryDirectory(prefix="scrutui-pdf-") as work:
        profile = Path(work) / "profile"
        _profile_settings(profile)
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            pdf_filter(),
            "--outdir",
            work,
            str(docx),
        ]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=timeout)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as error:
            raise ScrutuiError(f"LibreOffice could not convert {docx.name} to PDF ({error}).") from error
        made = Path(work) / f"{docx.stem}.pdf"
        if not made.exists():
            raise ScrutuiError(f"LibreOffice did not produce a PDF from {docx.name}.")

        def copy(target: Path) -> None:
            shutil.copyfile(made, target)

        return write_atomically(pdf, copy, force=force)
