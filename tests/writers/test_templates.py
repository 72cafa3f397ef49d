"""Every sentence the engine writes itself is plain, numberless and free of advice."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator

import pytest

from msdigest.checks.advice import _advice_in
from msdigest.checks.claims import overclaims
from msdigest.glossary import load_glossary
from msdigest.text.numbers import find_numbers
from msdigest.text.readability import words
from msdigest.writers.grounded.simplify import hard_words

MODULES = (
    "study",
    "why",
    "keep_in_mind",
    "headline",
    "describe",
    "audiences",
    "selection",
    "analogy",
)


def _templates() -> Iterator[tuple[str, str]]:
    for name in MODULES:
        module = importlib.import_module(f"msdigest.writers.grounded.{name}")
        for attribute, value in vars(module).items():
            if attribute.startswith("__"):
                continue
            groups = value.values() if isinstance(value, dict) else [value]
            for group in groups:
                if isinstance(group, tuple) and all(isinstance(t, str) for t in group):
                    for template in group:
                        if " " in template and template.endswith("."):
                            yield f"{name}.{attribute}", template


TEMPLATES = list(_templates())


def test_there_are_many_templates() -> None:
    assert len(TEMPLATES) > 150


@pytest.mark.parametrize(("where", "template"), TEMPLATES)
def test_template_is_plain_and_safe(where: str, template: str) -> None:
    filled = re.sub(r"\{[a-z_]+\}", "people", template)
    assert not find_numbers(filled), where
    assert not hard_words(filled, load_glossary()), where
    assert not overclaims(filled), where
    assert _advice_in(filled) is None, where
    assert len(words(filled)) <= 25, where
