"""Load the compiled speed-ups (`_speedups.pyx`) when they are built and current.

The PubMed reader has a plain-Python twin for everything in `_speedups`; this module
decides, once, which ones run. The compiled module is used unless it was not built (no C
compiler at install time), `MSDIGEST_PURE_PYTHON=1` is set, or, in a source checkout, it
was compiled from an older `_speedups.pyx` than the one next to it (edited since the last
`pip install -e .`): then it would read records the old way, so it is left alone with a
warning.
"""

from __future__ import annotations

import hashlib
import os
import warnings
from pathlib import Path
from types import ModuleType

__all__ = ["COMPILED", "load"]


def load() -> ModuleType | None:
    """Return the compiled `_speedups` module, or None when the Python twins should run."""
    if os.environ.get("MSDIGEST_PURE_PYTHON", "") not in ("", "0"):
        return None
    try:
        from msdigest.sources import _speedups
    except ImportError:
        return None
    source = Path(__file__).with_name("_speedups.pyx")
    if source.is_file() and hashlib.sha256(source.read_bytes()).hexdigest() != (
        _speedups.SOURCE_SHA256
    ):
        warnings.warn(
            "the compiled speed-ups were built from an older _speedups.pyx; reading with "
            "the plain-Python code until `pip install -e .` rebuilds them",
            stacklevel=2,
        )
        return None
    return _speedups


#: The compiled speed-ups in use, or None.
COMPILED = load()
