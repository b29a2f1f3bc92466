"""The contracts in pyproject.toml ([tool.importlinter]) cover every module: each has its layer, and
the core (every module but the faces) never imports Textual. `lint-imports` checks them in CI."""

from __future__ import annotations

import tomllib
from pathlib import Path

import scrutui

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = Path(scrutui.__file__).parent
#: The command line, the app and the benchmarks; everything else is the core.
FACES = {"launch", "cli", "bench", "tui"}


def contracts() -> dict[str, dict[str, object]]:
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    return {contract["name"]: contract for contract in settings["contracts"]}


def top_level_modules() -> set[str]:
    return {
        path.stem if path.is_file() else path.name
        for path in PACKAGE.iterdir()
        if (path.suffix == ".py" and path.stem not in {"__init__", "__main__"})
        or (path.is_dir() and (path / "__init__.py").exists())
    }


def test_every_module_has_its_layer() -> None:
    (layers,) = [c for c in contracts().values() if c["type"] == "layers"]
    placed = {
        name.strip().removeprefix("scrutui.") for layer in layers["layers"] for name in str(layer).split("|")
    }
    assert top_level_modules() - placed == set(), "a module without a layer: add it to pyproject.toml"
    assert placed - top_level_modules() == set(), "a layer names a module that is not there"


def test_the_core_is_every_module_but_the_faces() -> None:
    core = {
        name.removeprefix("scrutui.")
        for name in contracts()["The core never imports Textual"]["source_modules"]  # type: ignore[attr-defined]
    }
    assert core == top_level_modules() - FACES

