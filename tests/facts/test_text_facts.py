"""Population, MS type, intervention, comparison, outcomes, results, conclusion and topics."""

from __future__ import annotations

from msdigest.facts import TOPICS
from tests.facts.builders import facts

TRIAL = """OBJECTIVE: To test a Mediterranean-style diet for fatigue.
METHODS: Adults with relapsing-remitting MS and fatigue were randomly allocated to a Mediterranean-style diet or to their usual diet for 6 months. The primary outcome was the change in fatigue.
RESULTS: A total of 68 participants were randomised (n = 34 per group). Fatigue fell significantly more with the diet (p = 0.027). Depression scores did not differ significantly (p = 0.34).
CONCLUSIONS: A Mediterranean-style diet modestly reduced fatigue over 6 months."""  # noqa: E501


def test_population_and_ms_type() -> None:
    got = facts(
        "RESULTS: Seventy-two patients with relapsing-remitting multiple sclerosis (RRMS) were "
        "included."
    )
    assert got.population is not None
    assert got.population.text == "patients with relapsing-remitting MS"
    assert got.ms_types == ("relapsing-remitting MS",)


def test_ms_types_ignore_confidence_intervals() -> None:
    got = facts("RESULTS: Risk was higher (OR 2.0, 95% CIs 1.2-3.3) in 300 patients with MS.")
    assert "clinically isolated syndrome" not in got.ms_types


def test_pw_abbreviations_are_spelled_out() -> None:
    got = facts("METHODS: Sixteen pwSPMS started dimethyl fumarate.")
    assert got.population is not None
    assert got.population.text == "people with secondary progressive MS"


def test_trial_facts_read_like_the_abstract() -> None:
    got = facts(TRIAL, "A Mediterranean diet for fatigue: a randomised controlled trial")
    assert got.intervention_or_exposure is not None
    assert got.intervention_or_exposure.text == "a Mediterranean-style diet"
    assert got.comparison is not None and got.comparison.text == "their usual diet"
    assert [o.text for o in got.outcomes][:1] == ["the change in fatigue"]
    directions = [(r.direction, r.significant) for r in got.results]
    assert ("no clear difference", False) in directions
    assert got.conclusion is not None
    assert got.conclusion.text.startswith("A Mediterranean-style diet modestly reduced fatigue")
    assert got.conclusion.span is not None and got.conclusion.span.section == "CONCLUSIONS"


def test_result_direction_follows_what_is_good_for_the_reader() -> None:
    better = facts("RESULTS: The treatment reduced fatigue (p < 0.001).").results
    worse = facts("RESULTS: Fingolimod increased the risk of infection (RR 1.16).").results
    assert better and better[0].direction == "improved" and better[0].significant is True
    assert worse and worse[0].direction == "worsened"


def test_no_serious_adverse_events_is_not_a_worse_result() -> None:
    results = facts("RESULTS: No serious adverse events occurred. Balance improved.").results
    assert all(r.direction != "worsened" for r in results)


def test_topics_come_from_the_taxonomy() -> None:
    got = facts(TRIAL, "A Mediterranean diet for fatigue: a randomised controlled trial")
    assert set(got.topics) <= set(TOPICS)
    assert "lifestyle_and_diet" in got.topics
    assert "symptoms" in got.topics
    nmosd = facts(
        "METHODS: We measured serum GFAP in 38 patients with AQP4-IgG-positive NMOSD.",
        "GFAP in neuromyelitis optica spectrum disorder",
    )
    assert "related_conditions" in nmosd.topics
    assert len(nmosd.topics) <= 4


def test_spans_point_into_the_abstract_text() -> None:
    got = facts(TRIAL, "A Mediterranean diet for fatigue: a randomised controlled trial")
    text = "\n".join(
        f"{line}" for line in TRIAL.splitlines()
    )  # the paper's abstract_text is the same lines
    for span in (got.sample_size.span, got.duration.span if got.duration else None):
        assert span is not None
        assert text[span.start : span.end] == span.text
