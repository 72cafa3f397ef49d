"""Feeds, sitemap and the JSON API: published articles only, well-formed, paginated."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from lxml import etree

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def test_rss_and_atom_list_published_articles_newest_first(
    client: Client, make_article: Any
) -> None:
    make_article(title="First study")
    make_article(title="Second study")
    make_article(title="Draft study", publish=False)
    rss = etree.fromstring(client.get("/feeds/rss/").content)
    titles = [t.text for t in rss.iterfind("channel/item/title")]
    assert titles == ["A study looked at Second study.", "A study looked at First study."]
    assert rss.findtext("channel/item/link").startswith("http://testserver/articles/")
    atom = etree.fromstring(client.get("/feeds/atom/").content)
    assert [e.findtext(f"{ATOM}title") for e in atom.iterfind(f"{ATOM}entry")] == titles


def test_topic_feeds_hold_only_their_topic(client: Client, make_article: Any) -> None:
    make_article(title="Diet study", keywords=("lifestyle_and_diet",))
    make_article(title="Scan study", keywords=("imaging",))
    rss = etree.fromstring(client.get("/topics/lifestyle-and-diet/rss/").content)
    assert [t.text for t in rss.iterfind("channel/item/title")] == ["A study looked at Diet study."]
    assert "Lifestyle and diet" in rss.findtext("channel/title")
    atom = etree.fromstring(client.get("/topics/imaging/atom/").content)
    assert len(list(atom.iterfind(f"{ATOM}entry"))) == 1
    assert client.get("/topics/nonsense/rss/").status_code == 404


def test_sitemap_lists_published_articles_and_topics(client: Client, make_article: Any) -> None:
    published = make_article(title="Published study")
    draft = make_article(title="Draft study", publish=False)
    xml = client.get("/sitemap.xml").content.decode()
    assert f"http://testserver{published.get_absolute_url()}" in xml
    assert draft.slug not in xml
    assert "http://testserver/topics/imaging/" in xml and "<lastmod>" in xml


def test_api_lists_published_articles_with_pages(
    client: Client, make_article: Any, settings: Any
) -> None:
    settings.MSDIGEST_PAGE_SIZE = 2
    for i in range(3):
        make_article(title=f"Study {i}")
    make_article(title="Draft", publish=False)
    data = client.get("/api/articles/").json()
    assert data["count"] == 3 and data["pages"] == 2
    assert data["next"] == "http://testserver/api/articles/?page=2"
    first = data["results"][0]
    assert first["headline"] == "A study looked at Study 2."
    assert first["evidence"] == {
        "label": "observational study",
        "reasons": ["people were observed, not assigned a treatment"],
        "level": 2,
        "study_design": "cohort",
        "sample_size": 48,
    }
    assert client.get("/api/articles/?page=2").json()["results"][0]["headline"].endswith("0.")


def test_api_detail_has_summary_facts_and_sources_for_published_only(
    client: Client, make_article: Any
) -> None:
    article = make_article(doi="10.1/abc")
    data = client.get(f"/api/articles/{article.pk}/").json()
    assert data["summary"]["headline"] == article.headline
    assert data["summary"]["keep_in_mind"].startswith("This was a small")
    assert data["facts"]["sample_size"] == 48
    assert data["source"]["doi_url"] == "https://doi.org/10.1/abc"
    assert data["checks"]["status"] == "pass"
    assert data["sentences"][0]["sources"][0]["kind"] == "source"
    draft = make_article(title="Draft", publish=False)
    assert client.get(f"/api/articles/{draft.pk}/").status_code == 404
    assert client.get("/api/articles/999999/").status_code == 404
