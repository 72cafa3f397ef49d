"""The site in real headless Chromium: reading, glossary, search, editing, accessibility."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.conftest import AXE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

BAD_IMPACTS = {"serious", "critical"}


@pytest.fixture
def site(live_server: Any, make_article: Any) -> dict[str, Any]:
    return {
        "url": live_server.url,
        "walk": make_article(
            title="Home walking with remote coaching",
            abstract="Adults with MS (n = 25) walked at home with a remote coach for a year.",
            keywords=("exercise_and_rehabilitation",),
        ),
        "diet": make_article(
            title="Diet and gut bacteria",
            abstract="Gut bacteria changed when 60 adults (n = 60) ate more fibre.",
            keywords=("lifestyle_and_diet",),
        ),
        "draft": make_article(title="A draft awaiting review", publish=False),
    }


def test_home_lists_articles_and_read_more_opens_one(page: Any, site: dict[str, Any]) -> None:
    page.goto(site["url"] + "/")
    titles = page.locator(".card-title").all_inner_texts()
    assert titles == [
        "A study looked at Diet and gut bacteria.",
        "A study looked at Home walking with remote coaching.",
    ]
    page.get_by_role("link", name=re.compile("^Read more: A study looked at Home walking")).click()
    page.wait_for_url(re.compile("/articles/"))
    assert page.locator("h1").inner_text() == "A study looked at Home walking with remote coaching."
    assert page.get_by_role("img", name="25 people took part").is_visible()
    assert not [m for m in page.console_messages if "Content Security Policy" in m]


def test_glossary_explanation_appears_on_keyboard_focus(page: Any, site: dict[str, Any]) -> None:
    page.goto(site["url"] + site["walk"].get_absolute_url())
    tip = page.locator("#tip-gloss-relapse")
    assert not tip.is_visible()
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('term')"):
            break
    else:
        pytest.fail("Tab never reached a glossary term")
    assert page.evaluate("document.activeElement.textContent") == "relapse"
    assert tip.is_visible()
    assert tip.inner_text().startswith("A time when MS symptoms get worse")
    page.keyboard.press("Tab")
    assert not tip.is_visible()


def test_provenance_is_revealed_on_request(page: Any, site: dict[str, Any]) -> None:
    page.goto(site["url"] + site["walk"].get_absolute_url())
    quote = page.locator(".source-source q").first
    assert not quote.is_visible()
    page.get_by_text("Show the source of each sentence").click()
    assert quote.is_visible()
    assert "remote coach" in quote.inner_text()


def test_search_finds_an_article_by_a_word_in_its_abstract(page: Any, site: dict[str, Any]) -> None:
    page.goto(site["url"] + "/search/")
    page.get_by_label("Search the articles").fill("fibre")
    page.get_by_role("button", name="Search").click()
    assert page.locator("#results-heading").inner_text() == "1 article found for “fibre”"
    assert page.locator(".card-title").all_inner_texts() == [
        "A study looked at Diet and gut bacteria."
    ]


def test_editor_logs_in_edits_a_draft_publishes_it_and_readers_see_it(
    page: Any, site: dict[str, Any], editor: Any
) -> None:
    page.goto(site["url"] + "/admin/")
    page.get_by_label("Username").fill("edna")
    page.get_by_label("Password").fill("pw-edna")
    page.get_by_role("button", name="Log in").click()
    page.goto(site["url"] + "/admin/articles/reviewqueue/")
    page.get_by_role("link", name=re.compile("A draft awaiting review")).click()
    page.wait_for_url(re.compile(r"/admin/articles/article/\d+/change/"))
    assert page.locator(".md-checks").is_visible()
    page.locator("textarea[name=headline]").fill("Walking daily may ease tiredness in MS.")
    page.get_by_role("button", name="Save and publish").click()
    assert "is now published" in page.locator(".messagelist").inner_text()
    page.goto(site["url"] + "/")
    assert (
        "Walking daily may ease tiredness in MS." in page.locator(".card-title").all_inner_texts()
    )
    csp_errors = [m for m in page.console_messages if "Content Security Policy" in m]
    assert not csp_errors, csp_errors


def _axe_violations(page: Any) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
        if v["impact"] in BAD_IMPACTS
    ]


@pytest.mark.parametrize("where", ["home", "article", "search", "topic", "about"])
def test_accessibility_scan_finds_no_serious_or_critical_violation(
    axe_page: Any, site: dict[str, Any], where: str
) -> None:
    paths = {
        "home": "/",
        "article": site["walk"].get_absolute_url(),
        "search": "/search/?q=walking",
        "topic": "/topics/exercise-and-rehabilitation/",
        "about": "/about/",
    }
    axe_page.goto(site["url"] + paths[where])
    assert _axe_violations(axe_page) == []


def test_phone_layout_has_no_sideways_scrolling(browser: Any, site: dict[str, Any]) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    try:
        for path in ("/", site["walk"].get_absolute_url(), "/search/?q=walking"):
            page.goto(site["url"] + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 360, f"{path} is {width}px wide on a 360px screen"
    finally:
        context.close()
