"""PDF copies of Word exports, made by LibreOffice when it is installed.

The PDF is tagged (its headings, lists and paragraphs marked for screen readers, as the Public Sector
Bodies Accessibility Regulations 2018 ask) and shows the document's title rather than its file name.
LibreOffice 7.4 and later take these as JSON options of its writer_pdf_Export filter; older versions
ignore those and read the same settings from the user profile, which is a fresh one for each
conversion and so is given them first.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
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
#: Where LibreOffice's installers put it, below each Windows programs folder and macOS Applications
#: folder (neither adds it to PATH).
_WINDOWS_FOLDERS = ("PROGRAMFILES", "PROGRAMW6432", "PROGRAMFILES(X86)")
_WINDOWS_SOFFICE = Path("LibreOffice", "program", "soffice.exe")
_MACOS_SOFFICE = Path("LibreOffice.app", "Contents", "MacOS", "soffice")


def standard_locations(
    platform: str | None = None, environ: Mapping[str, str] | None = None, home: Path | None = None
) -> list[Path]:
    """Where a standard LibreOffice install keeps its command on this system (whether there or not):
    C:\\Program Files\\LibreOffice\\program\\soffice.exe (and the 32-bit folder) on Windows,
    /Applications/LibreOffice.app/Contents/MacOS/soffice (or the user's own Applications) on macOS."""
    platform = platform or sys.platform
    environ = os.environ if environ is None else environ
    if platform.startswith("win"):
        folders = [environ[name] for name in _WINDOWS_FOLDERS if environ.get(name)]
        folders += [r"C:\Program Files", r"C:\Program Files (x86)"]
        found = [Path(folder) / _WINDOWS_SOFFICE for folder in folders]
        if environ.get("LOCALAPPDATA"):  # an install for this user only
            found.append(Path(environ["LOCALAPPDATA"], "Programs") / _WINDOWS_SOFFICE)
        return list(dict.fromkeys(found))
    if platform == "darwin":
        return [Path("/Applications") / _MACOS_SOFFICE, (home or Path.home()) / "Applications" / _MACOS_SOFFICE]
    return []


def find_soffice(
    platform: str | None = None, environ: Mapping[str, str] | None = None, home: Path | None = None
) -> str | None:
    """The LibreOffice command: on PATH, else in its standard install folder; None when neither."""
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    for candidate in standard_locations(platform, environ, home):
        if candidate.is_file():
            return str(candidate)
    return None


def convert_to_pdf(docx: Path, pdf: Path, *, force: bool = False, timeout: float = 180) -> Path:
    """Convert a Word file to PDF with LibreOffice (headless), written atomically to `pdf`."""
    soffice = find_soffice()
    if soffice is None:
        raise ScrutuiError(
            "A PDF needs LibreOffice, which was not found (no 'soffice' command on PATH or in its usual "
            "install folder); the Word file was written."
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
