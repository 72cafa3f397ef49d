"""A design named only as future work ("should now be tested in a randomised trial") is not
the design of the study itself."""

from __future__ import annotations

from msdigest.facts import extract_facts
from msdigest.paper import AbstractSection, Paper


def test_a_trial_the_authors_call_for_is_not_this_studys_design() -> None:
    paper = Paper(
        id="fd-1",
        title="Views of a web-based relaxation program for multiple sclerosis",
        abstract=(
            AbstractSection(
                text="We carried out semi-structured interviews with 22 people with multiple "
                "sclerosis who had used a web-based relaxation program.",
                label="METHODS",
                category="METHODS",
            ),
            AbstractSection(
                text="The program was viewed positively and should now be tested in a "
                "randomised controlled trial.",
                label="CONCLUSIONS",
                category="CONCLUSIONS",
            ),
        ),
        journal_title="Test Journal of MS",
    )
    assert extract_facts(paper).study_design != "randomized_controlled_trial"
