"""Writer engines by stable key, imported lazily so an unused engine costs nothing.

The key is stored with every summary; never rename one. To add an engine, add a line to
`ENGINES`: key -> (label, dotted path of the `Engine` subclass).
"""

from __future__ import annotations

import importlib

from msdigest.errors import EngineError, UnknownEngine
from msdigest.writers.base import Engine

__all__ = ["DEFAULT_ENGINE", "ENGINES", "get_engine"]

DEFAULT_ENGINE = "grounded"

ENGINES: dict[str, tuple[str, str]] = {
    "grounded": (
        "Grounded (offline, deterministic, no model)",
        "msdigest.writers.grounded.engine.GroundedEngine",
    ),
}


def get_engine(key: str | None = None) -> Engine:
    """Return a new engine for `key` (default: `grounded`); UnknownEngine if none is registered."""
    key = key or DEFAULT_ENGINE
    try:
        _label, dotted = ENGINES[key]
    except KeyError:
        known = ", ".join(sorted(ENGINES))
        raise UnknownEngine(f"unknown engine {key!r}; registered engines: {known}") from None
    module_name, _, class_name = dotted.rpartition(".")
    try:
        engine_class = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError) as exc:
        raise EngineError(f"engine {key!r} cannot be loaded from {dotted}: {exc}") from exc
    engine = engine_class()
    if not isinstance(engine, Engine):
        raise EngineError(f"engine {key!r} ({dotted}) is not an msdigest Engine")
    return engine
