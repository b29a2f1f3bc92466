"""A user's own preferences, kept between runs in their config folder (not in the database, which a
whole team may share): for now, the colour theme chosen in the command palette."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from scrutui.paths import settings_path

log = logging.getLogger("scrutui")


@dataclass(frozen=True)
class Settings:
    """What scrutui remembers for this user."""

    #: The name of the Textual theme chosen last ("" for scrutui's default).
    theme: str = ""


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings, or the defaults when there are none (or they cannot be read)."""
    path = path or settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as error:
        log.warning("settings in %s not read (%s); using the defaults", path, error)
        return Settings()
    theme = data.get("theme") if isinstance(data, dict) else None
    return Settings(theme=theme if isinstance(theme, str) else "")


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write the settings (a whole new file, renamed into place)."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.partial")
    temporary.write_text(json.dumps(asdict(settings), indent=2) + "\n", encoding="utf-8")
    os.replace(temporary, path)
    return path
