"""Public pages as a reader meets them: home, article, topics, about, and what stays hidden."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from msdigest_web.articles.models import Article

pytestmark = pytest.mark.django_db


def test_home_lists_newest_published_with_date_teaser_and_read_more(
    client: Client, make_article: Any
) -> None:
    first = make_article(title="Older walking study")
    second = make_article(title="Newer sleep study")
    make_article(title="Unpublished draft study", publish=False)
    page = client.get("/").content.decode()
    assert page.index("Newer sleep study") < page.index("Older walking study")
    assert "Unpublished draft study" not in page
    assert first.published_at.strftime("%-d %B %Y") in page
    assert page.count(">Read more</a>") == 2
    assert f'href="{second.get_absolute_url()}"' in page


def test_home_paginates(client: Client, make_article: Any, settings: Any) -> None:
    for i in range(3):
        make_article(title=f"Study number {i}")
    settings.MSDIGEST_PAGE_SIZE = 2
    page_one = client.get("/").content.decode()
    assert "Page 1 of 2" in page_one and 'rel="next" href="?page=2"' in page_one
    page_two = client.get("/?page=2").content.decode()
    assert "Study number 0" in page_two and "Study number 2" not in page_two
    assert client.get("/?page=banana").status_code == 200


def test_article_page_has_every_part_a_reader_needs(client: Client, make_article: Any) -> None:
    article = make_article(
        title="Daily walking and fatigue",
        doi="10.1234/sample.5",
        keywords=("exercise_and_rehabilitation",),
    )
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    headings = re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", html, re.S)
    h2 = [re.sub(r"<[^>]+>", "", text).strip() for level, text in headings if level == "2"]
    assert h2[:4] == ["The study", "Why it matters", "Keep in mind", "Evidence at a glance"]
    assert "Where does this come from?" in h2 and "More details" in h2
    assert next(level for level, _ in headings) == "1"
    # Glossary term marked and explained.
    assert re.search(
        r'class="term" tabindex="0" aria-describedby="tip-gloss-relapse">relapse', html
    )
    assert 'role="tooltip" id="tip-gloss-relapse">A time when MS symptoms get worse' in html
    # Evidence box with the icon array: 48 figures and an accessible name.
    assert html.count('<use href="#person"') == 48
    assert 'role="img" aria-labelledby="icons-title icons-desc"' in html
    assert '<title id="icons-title">48 people took part</title>' in html
    assert "Observational study" in html
    # More details, links, disclaimer naming the journal.
    assert "https://pubmed.ncbi.nlm.nih.gov/" in html and "https://doi.org/10.1234/sample.5" in html
    assert "published in <cite>Sample Journal of MS Research</cite>" in html
    assert "not medical advice" in html
    # Provenance shows the abstract sentence.
    assert "From the abstract:</span> <q>We followed adults" in html
    assert 'href="/topics/exercise-and-rehabilitation/"' in html


def test_large_studies_are_drawn_at_most_100_icons_with_a_legend(
    client: Client, make_article: Any
) -> None:
    article = make_article(abstract="A registry study (n = 1234) of adults with MS was done.")
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.count('<use href="#person"') == 62
    assert "Each figure stands for 20 people." in html
    assert "1,234 people took part" in html


def test_unknown_participant_count_is_said_not_drawn(client: Client, make_article: Any) -> None:
    article = make_article(abstract="Mice with a model of MS were studied. Myelin recovered.")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<svg" not in html
    assert "The abstract does not say how many people took part" in html


def test_drafts_and_unpublished_articles_are_404_for_readers(
    client: Client, make_article: Any
) -> None:
    from msdigest_web.articles import services

    draft = make_article(publish=False)
    assert client.get(draft.get_absolute_url()).status_code == 404
    published = make_article(title="Another study")
    services.unpublish(published, None)
    assert client.get(published.get_absolute_url()).status_code == 404
    assert client.get("/articles/no-such-article/").status_code == 404


def test_related_articles_show_date_teaser_and_read_more(client: Client, make_article: Any) -> None:
    gut = "Gut bacteria and diet changed immune cells in people with MS (n = 30)."
    a = make_article(title="Gut bacteria in MS", abstract=gut)
    make_article(title="Diet, gut bacteria and immune cells", abstract=gut)
    html = client.get(a.get_absolute_url()).content.decode()
    related = html.split('id="h-related"')[1]
    assert "Diet, gut bacteria and immune cells" in related
    assert ">Read more</a>" in related and "<time" in related


def test_topic_pages_list_only_their_topic(client: Client, make_article: Any) -> None:
    make_article(title="Pregnancy and relapses", keywords=("pregnancy_and_family",))
    make_article(title="Scans of the spine", keywords=("imaging",))
    html = client.get("/topics/pregnancy-and-family/").content.decode()
    assert "Pregnancy and relapses" in html and "Scans of the spine" not in html
    assert "<h1>Pregnancy and family</h1>" in html
    assert client.get("/topics/").status_code == 200
    assert client.get("/topics/not-a-topic/").status_code == 404


def test_about_page_explains_checks_and_labels(client: Client) -> None:
    html = client.get("/about/").content.decode()
    for words in ("The checks", "The evidence labels", "Randomised trial", "150 and 450 words"):
        assert words in html


def test_pages_refuse_writes(client: Client) -> None:
    assert client.post("/").status_code in (403, 405)


def test_robots_points_to_the_sitemap(client: Client) -> None:
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in body and "Sitemap: http://testserver/sitemap.xml" in body


def test_glossary_terms_are_marked_where_the_text_writes_another_form(
    client: Client, make_article: Any
) -> None:
    """'MS' explains 'multiple sclerosis' and 'Caregivers' explains 'caregiver' on the page."""
    article = make_article()
    Article.objects.filter(pk=article.pk).update(
        glossary=[
            {"term": "multiple sclerosis", "definition": "A long-term disease of the nerves."},
            {"term": "caregiver", "definition": "Someone who looks after a person."},
        ]
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert re.search(r'aria-describedby="tip-gloss-multiple-sclerosis">MS<', html)
    assert re.search(r'aria-describedby="tip-gloss-caregiver">Caregivers<', html)
