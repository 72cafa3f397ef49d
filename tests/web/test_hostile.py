"""Hostile and awkward papers: markup in titles and abstracts, missing data, failed checks."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from msdigest_web.articles import services
from msdigest_web.articles.models import Article

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"


def test_markup_in_title_and_abstract_shows_as_text_everywhere(
    client: Client, make_article: Any
) -> None:
    article = make_article(
        title=f"Fatigue {SCRIPT} <b>bold</b> & more",
        abstract=f"Adults (n = 20) took part {SCRIPT}. <img src=x onerror=alert(1)> was seen.",
    )
    urls = [
        "/",
        article.get_absolute_url(),
        "/search/?q=fatigue",
        "/feeds/rss/",
        "/feeds/atom/",
    ]
    for url in urls:
        body = client.get(url).content.decode()
        assert SCRIPT not in body, url
        assert "<img src=x" not in body, url
    # The API gives the data as it is, as JSON that no browser runs as a page.
    api = client.get(f"/api/articles/{article.pk}/")
    assert api.headers["Content-Type"] == "application/json"
    assert api.headers["X-Content-Type-Options"] == "nosniff"
    assert SCRIPT in api.json()["source"]["title"]
    page = client.get(article.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; more" in page


def test_glossary_definitions_with_markup_are_escaped(client: Client, make_article: Any) -> None:
    article = make_article()
    Article.objects.filter(pk=article.pk).update(
        glossary=[{"term": "relapse", "definition": f"bad {SCRIPT} definition"}]
    )
    page = client.get(article.get_absolute_url()).content.decode()
    assert SCRIPT not in page
    assert "bad &lt;script&gt;" in page


def test_a_very_long_title_is_kept_whole_and_slug_stays_short(
    client: Client, make_article: Any
) -> None:
    title = "Walking " * 400
    article = make_article(title=title)
    assert len(article.slug) <= 120
    page = client.get(article.get_absolute_url()).content.decode()
    assert page.count("Walking Walking") > 100
    assert client.get("/").status_code == 200


def test_missing_journal_date_and_pmid_are_said_plainly(client: Client, make_article: Any) -> None:
    article = make_article(journal=None, pub_date=None, pmid=None)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "published in a research journal" in page
    assert "Date not stated" in page and "Not stated" in page
    assert "pubmed.ncbi.nlm.nih.gov" not in page


def test_a_summary_that_failed_checks_is_public_only_once_an_editor_publishes_it(
    client: Client, make_paper: Any, settings_fake_engine: Any, editor: Any
) -> None:
    make_paper(title="Walking proves everything")
    services.draft_missing(auto_publish=True)
    article = Article.objects.get()
    assert article.check_status == "fail" and article.status == "draft"
    assert client.get(article.get_absolute_url()).status_code == 404
    assert "Walking proves" not in client.get("/").content.decode()
    assert client.get(f"/api/articles/{article.pk}/").status_code == 404
    services.publish(article, editor)
    assert client.get(article.get_absolute_url()).status_code == 200
