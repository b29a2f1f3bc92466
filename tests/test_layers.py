"""The core (models, store, deadlines, minutes, export, and the modules beside them) never imports
Textual, so the command line, the tests and any future web view use it without the UI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import scrutui

PACKAGE = Path(scrutui.__file__).parent
CORE = sorted(
    p
    for p in PACKAGE.rglob("*.py")
    # The command line (cli/) and the benchmarks (bench/) drive the app; everything else is core.
    if not {"tui", "cli", "bench"} & set(p.relative_to(PACKAGE).parts) and p.name != "launch.py"
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_core_modules_do_not_import_textual() -> None:
    names = [module_name(p) for p in CORE]
    assert "scrutui.store" in names and "scrutui.minutes" in names and "scrutui.export.docx" in names
    script = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
