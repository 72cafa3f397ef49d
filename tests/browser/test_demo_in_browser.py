"""The demo's real content (sample corpus, real facts, grounded writer, real checks) in Chromium."""

from __future__ import annotations

import re
from typing import Any

import pytest

from msdigest_web.articles.demo import build_demo
from msdigest_web.articles.models import Article
from tests.browser.test_site_in_browser import _axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_site(live_server: Any, settings: Any) -> dict[str, Any]:
    settings.MSDIGEST_ENGINE = "grounded"
    result = build_demo(engine="grounded")
    assert result.report.published, "the demo published nothing"
    return {"url": live_server.url, "result": result}


def test_demo_home_lists_articles_and_each_opens(page: Any, demo_site: dict[str, Any]) -> None:
    page.goto(demo_site["url"] + "/")
    cards = page.locator(".card-title").all_inner_texts()
    assert len(cards) == min(20, Article.objects.published().count()) and len(cards) >= 10
    page.get_by_role("link", name=re.compile("^Read more")).first.click()
    page.wait_for_url(re.compile("/articles/"))
    assert page.locator("h1").inner_text() == cards[0]
    for heading in ("The study", "Why it matters", "Keep in mind", "Evidence at a glance"):
        assert page.get_by_role("heading", name=heading, exact=True).is_visible()


def test_demo_articles_pass_the_accessibility_scan(
    axe_page: Any, demo_site: dict[str, Any]
) -> None:
    articles = list(Article.objects.published())[:5]
    with_terms = [a for a in articles if a.glossary]
    for article in articles:
        axe_page.goto(demo_site["url"] + article.get_absolute_url())
        assert _axe_violations(axe_page) == [], article.get_absolute_url()
    assert with_terms, "no demo article uses a glossary term"
    axe_page.goto(demo_site["url"] + with_terms[0].get_absolute_url())
    term = axe_page.locator(".term").first
    term.focus()
    assert axe_page.locator(".gloss:focus-within .tip").first.is_visible()
