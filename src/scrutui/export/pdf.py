"""PDF copies of Word exports, made by LibreOffice when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from scrutui.errors import ScrutuiError
from scrutui.export.files import write_atomically

#: LibreOffice's command, under the names it is installed as.
SOFFICE_NAMES = ("soffice", "libreoffice")


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
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
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
