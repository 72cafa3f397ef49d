"""Shared test set-up: fixture paths, the optional shared eval data, an isolated MSDIGEST_HOME.

Tests that read `../shared/eval` skip cleanly when it is absent; the project's own fixtures
under `tests/fixtures` are always there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED_EVAL = Path(os.environ.get("MSDIGEST_SHARED_EVAL", ROOT.parent / "shared" / "eval"))
SAMPLE_CORPUS = ROOT / "src" / "msdigest" / "data" / "sample"


def shared_file(*parts: str) -> Path:
    """Return a file under ../shared/eval, skipping the test when it is not there."""
    path = SHARED_EVAL.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared eval data not present: {path}")
    return path


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point MSDIGEST_HOME at a temporary folder so no test touches ./msdigest-data."""
    monkeypatch.setenv("MSDIGEST_HOME", str(tmp_path_factory.mktemp("home")))
