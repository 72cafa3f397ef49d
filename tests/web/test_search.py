"""Search: finds by words in the abstract and the text, ranks, and survives hostile queries."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from msdigest_web.articles import services
from msdigest_web.articles.search import search

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(make_article: Any) -> dict[str, Any]:
    return {
        "vitd": make_article(
            title="Vitamin D levels and relapses",
            abstract=(
                "Blood vitamin D was measured in 120 adults (n = 120). "
                "Higher levels went with fewer relapses."
            ),
        ),
        "walk": make_article(
            title="A home walking programme",
            abstract=(
                "Thirty people walked at home with remote coaching (n = 30). Endurance improved."
            ),
        ),
        "draft": make_article(
            title="Unpublished vitamin D draft",
            abstract="Vitamin D supplements were given to 40 people (n = 40).",
            publish=False,
        ),
    }


def test_search_finds_a_published_article_by_a_word_in_its_abstract(
    articles: dict[str, Any],
) -> None:
    page = search("coaching")
    assert [a.pk for a in page.articles] == [articles["walk"].pk]
    page = search("vitamin")
    assert [a.pk for a in page.articles] == [articles["vitd"].pk]
    assert page.total == 1


def test_search_matches_word_forms_and_every_word(articles: dict[str, Any]) -> None:
    assert [a.pk for a in search("level").articles] == [articles["vitd"].pk]
    assert search("vitamin coaching").articles == []


def test_edits_are_searchable(articles: dict[str, Any], editor: Any) -> None:
    services.edit_article(articles["walk"], editor, {"headline": "Walking with a pedometer helps."})
    assert [a.pk for a in search("pedometer").articles] == [articles["walk"].pk]


def test_newly_published_articles_become_findable(articles: dict[str, Any]) -> None:
    assert search("supplements").articles == []
    services.publish(articles["draft"], None)
    assert [a.pk for a in search("supplements").articles] == [articles["draft"].pk]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        '"',
        'vitamin" OR 1=1; --',
        "NEAR(a b) AND NOT *",
        "'; DROP TABLE articles_article; --",
        "<script>alert(1)</script>",
        "a" * 5000,
        "\x00\x01",
        "🙂 ☃",
        "-- ** ^^ ::",
    ],
)
def test_hostile_and_empty_queries_never_fail(
    client: Client, articles: dict[str, Any], query: str
) -> None:
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
    search(query)  # no exception


def test_search_page_shows_results_and_counts(client: Client, articles: dict[str, Any]) -> None:
    html = client.get("/search/", {"q": "vitamin"}).content.decode()
    assert "1 article found for “vitamin”" in html
    assert "Vitamin D levels and relapses" in html and "Unpublished" not in html
    assert "No articles found" in client.get("/search/", {"q": "zebra"}).content.decode()
    assert "Try a word or two" in client.get("/search/", {"q": "?!"}).content.decode()
    assert client.get("/search/", {"q": "vitamin", "page": "x"}).status_code == 200
