"""Engines are found by key; an unknown key is a clear error."""

from __future__ import annotations

import pytest

from msdigest.errors import UnknownEngine
from msdigest.writers import DEFAULT_ENGINE, get_engine, write_summary
from msdigest.writers.grounded.engine import GroundedEngine
from tests.writers import builders


def test_default_engine_is_grounded() -> None:
    assert DEFAULT_ENGINE == "grounded"
    assert isinstance(get_engine(), GroundedEngine)
    assert isinstance(get_engine("grounded"), GroundedEngine)


def test_unknown_key_names_the_known_ones() -> None:
    with pytest.raises(UnknownEngine, match=r"unknown engine 'gpt'.*grounded"):
        get_engine("gpt")


def test_every_summary_leaves_with_its_checks_and_engine() -> None:
    paper, facts = builders.trial()
    summary = write_summary(paper, facts, "grounded")
    assert summary.checks is not None
    assert summary.engine.key == GroundedEngine.key
    assert summary.engine.version == GroundedEngine.version
