"""Phrasing choices are stable for one paper, differ across papers, and avoid repeats."""

from __future__ import annotations

from msdigest.writers.grounded.phrasing import Phrasing, opener, template_fields

TEMPLATES = (
    "{count} people took part.",
    "The study included {count} people.",
    "In all, {count} people joined.",
    "Researchers enrolled {count} people.",
)


def test_same_paper_same_choice() -> None:
    first = Phrasing("paper-1").fill("count", TEMPLATES, {"count": "40"})
    second = Phrasing("paper-1").fill("count", TEMPLATES, {"count": "40"})
    assert first == second


def test_different_papers_get_different_phrasings() -> None:
    chosen = {Phrasing(f"paper-{n}").fill("count", TEMPLATES, {"count": "40"}) for n in range(40)}
    assert len(chosen) == len(TEMPLATES)


def test_templates_with_missing_fields_are_skipped() -> None:
    phrasing = Phrasing("p")
    assert phrasing.fill("x", ("{missing} here.",), {"count": "3"}) is None
    assert phrasing.fill("x", ("{a} and {b}.", "{a} alone."), {"a": "This", "b": ""}) == (
        "This alone."
    )


def test_an_opener_is_not_used_twice_on_a_page() -> None:
    for n in range(30):
        phrasing = Phrasing(f"paper-{n}")
        first = phrasing.fill("one", TEMPLATES, {"count": "40"})
        second = phrasing.fill("two", TEMPLATES, {"count": "40"})
        assert first is not None and second is not None
        assert opener(first) != opener(second)


def test_template_fields() -> None:
    assert template_fields("{a} and {b}.") == ("a", "b")
