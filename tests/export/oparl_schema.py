"""Validating OParl objects against the OParl 1.1 JSON schema (a copy in tests/fixtures/oparl).

The schema files embed one another with a keyword of their own (``"schema": "File.json"``); here
each becomes a JSON Schema ``$ref`` resolved among the local files, so an embedded AgendaItem,
Location or File is checked too, and nothing is fetched from the network. The formats the schema
names (``date-time``, ``date``, ``url``) are checked strictly.
"""

from __future__ import annotations

import datetime as dt
import json
import urllib.parse
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

FOLDER = Path(__file__).parents[1] / "fixtures" / "oparl"
TYPES = ("Meeting", "AgendaItem", "Organization", "Person", "Membership", "File", "Location")


def _with_references(node: Any) -> Any:
    if isinstance(node, dict):
        out = {key: _with_references(value) for key, value in node.items() if key != "schema"}
        embedded = node.get("schema")
        if isinstance(embedded, str) and embedded.endswith(".json"):
            out["$ref"] = embedded
        return out
    if isinstance(node, list):
        return [_with_references(value) for value in node]
    return node


def _date_time(value: object) -> bool:
    if not isinstance(value, str) or "T" not in value:
        return False
    try:
        return dt.datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def _date(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def _url(value: object) -> bool:
    if not isinstance(value, str):
        return False
    parts = urllib.parse.urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in value


@lru_cache(maxsize=1)
def _validators() -> dict[str, Draft202012Validator]:
    checker = FormatChecker(formats=())
    checker.checks("date-time")(_date_time)
    checker.checks("date")(_date)
    checker.checks("url")(_url)
    schemas = {}
    for name in TYPES:
        schema = _with_references(json.loads((FOLDER / f"{name}.json").read_text(encoding="utf-8")))
        schema["$id"] = (FOLDER / f"{name}.json").resolve().as_uri()
        schemas[name] = schema
    registry: Registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema, default_specification=DRAFT202012))
        for schema in schemas.values()
    )
    return {
        name: Draft202012Validator(schema, registry=registry, format_checker=checker)
        for name, schema in schemas.items()
    }


def problems(kind: str, instance: dict[str, Any]) -> list[str]:
    """Everything wrong with `instance` as an OParl `kind` ("" where nothing is)."""
    errors = sorted(_validators()[kind].iter_errors(instance), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(object)'}: {e.message}" for e in errors]


def assert_valid(kind: str, instance: dict[str, Any]) -> None:
    """Fail with every problem found if `instance` is not a valid OParl `kind`."""
    found = problems(kind, instance)
    assert not found, f"{kind} {instance.get('id')}: " + "; ".join(found)
