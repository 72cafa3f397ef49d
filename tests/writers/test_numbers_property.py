"""Property: whatever the abstract and the facts say, the summary states no number the source
does not state (sums, rounding and conversions included)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msdigest.checks.numbers import source_numbers, summary_numbers
from msdigest.facts.model import (
    DESIGNS,
    Duration,
    GroupCount,
    Limitations,
    SampleSize,
    StudyFacts,
)
from msdigest.paper import AbstractSection, Paper
from msdigest.writers.grounded.engine import GroundedEngine

ENGINE = GroundedEngine()

_SENTENCES = (
    "We enrolled {a} people with relapsing-remitting multiple sclerosis and {b} healthy controls.",
    "Fatigue scores fell by {p}% after {w} weeks of exercise (p = 0.0{c}).",
    "Over {m} months, {a} of {b} participants had a relapse (OR {x}.{c}, 95% CI 1.{c}-2.{c}).",
    "Walking speed improved from {x}.{c} to {y}.{c} metres per second in the exercise group.",
    "In conclusion, exercise was associated with less fatigue in {a} adults with MS.",
    "The median EDSS was {x}.{c} and {p}% were women.",
)


@st.composite
def cases(draw: st.DrawFn) -> tuple[Paper, StudyFacts]:
    values = {
        "a": draw(st.integers(2, 3000)),
        "b": draw(st.integers(2, 3000)),
        "p": draw(st.integers(1, 99)),
        "w": draw(st.integers(2, 52)),
        "m": draw(st.integers(2, 60)),
        "x": draw(st.integers(1, 9)),
        "y": draw(st.integers(1, 9)),
        "c": draw(st.integers(1, 9)),
    }
    chosen = draw(st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=5, unique=True))
    text = " ".join(s.format(**values) for s in chosen)
    paper = Paper(
        id=f"prop-{draw(st.integers(0, 10**6))}",
        title="Exercise and fatigue in multiple sclerosis",
        abstract=(AbstractSection(text=text),),
    )
    total = draw(st.sampled_from([values["a"], values["a"] + values["b"], values["b"] * 2, None]))
    groups = (
        (GroupCount("people with MS", values["a"]), GroupCount("healthy controls", values["b"]))
        if draw(st.booleans())
        else ()
    )
    facts = StudyFacts(
        paper_id=paper.id,
        pmid=None,
        study_design=draw(st.sampled_from(DESIGNS)),
        sample_size=SampleSize(
            total=total, groups=groups, completers=draw(st.sampled_from([None, values["b"]]))
        ),
        duration=draw(
            st.sampled_from(
                [None, Duration(f"{values['w']} weeks", 7.0 * values["w"]),
                 Duration(f"{values['m'] // 12 + 1} years", 365.0)]
            )
        ),
        limitations=Limitations(
            small_sample=draw(st.sampled_from([True, False, None])),
            no_control=draw(st.sampled_from([True, False, None])),
            short_follow_up=draw(st.sampled_from([True, False, None])),
        ),
    )  # fmt: skip
    return paper, facts


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_no_number_outside_the_source(case: tuple[Paper, StudyFacts]) -> None:
    paper, facts = case
    summary = ENGINE.write(paper, facts)
    stated = source_numbers(f"{paper.title}\n{paper.abstract_text}")
    for value, written, percent in summary_numbers(summary.full_text):
        assert round(value, 6) in (stated.percent if percent else stated.plain), (
            written,
            summary.full_text,
        )
