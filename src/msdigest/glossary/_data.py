"""Read the JSON data files shipped in `msdigest/data/` and check the shape of their entries.

A malformed file raises `DataError` naming the file and the entry, so whoever edited the
data sees at once what to fix.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from typing import Any

from msdigest.errors import DataError

__all__ = ["entries", "optional_text", "read_data", "text", "texts"]


def read_data(name: str) -> Any:
    try:
        raw = resources.files("msdigest").joinpath("data", name).read_text(encoding="utf-8")
        return json.loads(raw)
    except (OSError, ValueError) as exc:
        raise DataError(f"{name}: cannot be read as JSON: {exc}") from exc


def entries(data: Any, key: str, source: str) -> Iterator[tuple[str, dict[str, Any]]]:
    items = data.get(key, []) if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise DataError(f"{source}: expected an object with a list under {key!r}")
    for number, entry in enumerate(items):
        where = f"{source} {key}[{number}]"
        if not isinstance(entry, dict):
            raise DataError(f"{where}: expected an object")
        yield where, entry


def text(entry: dict[str, Any], name: str, where: str) -> str:
    value = entry.get(name)
    if not isinstance(value, str) or not value.strip():
        raise DataError(f"{where}: {name!r} must be non-empty text")
    return value.strip()


def optional_text(entry: dict[str, Any], name: str, where: str) -> str | None:
    return None if entry.get(name) is None else text(entry, name, where)


def texts(entry: dict[str, Any], name: str, where: str) -> tuple[str, ...]:
    value = entry.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataError(f"{where}: {name!r} must be a list of non-empty texts")
    return tuple(v.strip() for v in value)
