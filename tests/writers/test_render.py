"""Markdown and HTML renderings follow the article and escape every source text."""

from __future__ import annotations

import dataclasses

from msdigest.writers import write_summary
from msdigest.writers.render import render_html, render_html_page, render_markdown
from tests.writers import builders


def test_markdown_follows_the_article() -> None:
    paper, facts = builders.trial()
    summary = write_summary(paper, facts)
    text = render_markdown(summary, paper)
    order = ["# ", "## The study", "## Why it matters", "**For caregivers.**",
             "## Keep in mind", "## Evidence at a glance", "## More details"]  # fmt: skip
    positions = [text.index(mark) for mark in order]
    assert positions == sorted(positions)
    assert "- Participants: 148" in text
    assert "https://pubmed.ncbi.nlm.nih.gov/900100001/" in text
    assert "Checks: " in text


def test_html_escapes_hostile_titles_and_shows_sources() -> None:
    paper, facts = builders.cohort()
    paper = dataclasses.replace(paper, title="Vitamin D <script>alert(1)</script> and MS")
    page = render_html_page([render_html(write_summary(paper, facts), paper)])
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'title="From the abstract: Lower vitamin D levels were associated' in page
    assert page.count("<article") == 1
