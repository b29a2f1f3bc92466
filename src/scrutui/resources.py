"""Where the files shipped with scrutui (migrations, demo data, Word templates) are found."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def shipped_dir(name: str) -> Path:
    """The shipped folder `name` ("db" or "templates").

    An installed wheel carries them inside the package; a source checkout (and an editable install)
    has them at the top of the repository.
    """
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"scrutui's {name}/ folder is missing from this installation")


def migrations_dir() -> Path:
    """The folder of numbered schema migrations."""
    return shipped_dir("db") / "migrations"


def demo_file() -> Path:
    """The demo committee and meeting."""
    return shipped_dir("db") / "demo.json"


def templates_dir() -> Path:
    """The default Word templates."""
    return shipped_dir("templates")
