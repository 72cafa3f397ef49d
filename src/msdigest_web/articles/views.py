"""Public pages: home, article, topics, search, about; readers see published articles only."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from msdigest.facts.model import TOPICS
from msdigest.paper import Paper as PaperRecord
from msdigest_web.articles.models import Article, ArticleQuerySet, RelatedArticle
from msdigest_web.articles.presentation import (
    GlossaryMarker,
    citation,
    icon_array,
    provenance_groups,
)
from msdigest_web.articles.search import MAX_QUERY_LENGTH, search

#: The columns an article list needs; the big JSON fields stay in the database.
LIST_FIELDS = ("id", "slug", "headline", "study", "published_at", "status")


def topic_slug(key: str) -> str:
    """Return the URL form of a topic key ("exercise_and_rehabilitation" -> with hyphens)."""
    return key.replace("_", "-")


def topic_from_slug(slug: str) -> str:
    """Return the topic key of a URL slug, or raise Http404."""
    key = slug.replace("-", "_")
    if key not in TOPICS:
        raise Http404("No such topic")
    return key


def _page(request: HttpRequest, queryset: ArticleQuerySet) -> Page[Article]:
    paginator = Paginator(queryset.only(*LIST_FIELDS), settings.MSDIGEST_PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    page = _page(request, Article.objects.published())
    return render(request, "articles/home.html", {"page": page, "nav": "home"})


@require_safe
def article(request: HttpRequest, slug: str) -> HttpResponse:
    item = get_object_or_404(
        Article.objects.select_related("paper").defer("summary", "facts"),
        slug=slug,
        status=Article.Status.PUBLISHED,
    )
    record = PaperRecord.from_dict(item.paper.data)
    marker = GlossaryMarker(item.glossary)
    sections = {
        name: marker.mark(getattr(item, name))
        for name in (
            "study",
            "why_people_with_ms",
            "analogy",
            "why_caregivers",
            "why_healthcare_providers",
            "why_may_not_apply",
            "keep_in_mind",
        )
    }
    related = (
        RelatedArticle.objects.filter(article=item, related__status=Article.Status.PUBLISHED)
        .select_related("related")
        .only(*(f"related__{f}" for f in LIST_FIELDS), "rank", "article_id")
        .order_by("rank")[:6]
    )
    context: dict[str, Any] = {
        "article": item,
        "paper": record,
        "sections": sections,
        "glossary": [
            {**g, "anchor": marker.anchor(g["term"])} for g in item.glossary if g.get("term")
        ],
        "icons": icon_array(item.sample_size),
        "provenance": provenance_groups(item.sentences),
        "citation": citation(record),
        "related": [row.related for row in related],
        "topics": [(topic_slug(k), label) for k, label in item.topic_labels()],
        "journal": record.journal,
        "nav": "article",
    }
    return render(request, "articles/article.html", context)


@require_safe
def topic_index(request: HttpRequest) -> HttpResponse:
    topics = [(topic_slug(key), label) for key, label in TOPICS.items()]
    return render(request, "articles/topics.html", {"topics": topics, "nav": "topics"})


@require_safe
def topic(request: HttpRequest, slug: str) -> HttpResponse:
    key = topic_from_slug(slug)
    page = _page(request, Article.objects.published().in_topic(key))
    return render(
        request,
        "articles/topic.html",
        {"page": page, "topic_label": TOPICS[key], "topic_slug": slug, "nav": "topics"},
    )


@require_safe
def search_page(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH].strip()
    page_size = settings.MSDIGEST_PAGE_SIZE
    try:
        number = max(1, min(int(request.GET.get("page", "1")), 1000))
    except ValueError:
        number = 1
    results = search(query, limit=page_size, offset=(number - 1) * page_size)
    pages = max(1, -(-results.total // page_size))
    return render(
        request,
        "articles/search.html",
        {
            "query": query,
            "results": results,
            "number": number,
            "has_next": number < pages,
            "pages": pages,
            "nav": "search",
        },
    )


@require_safe
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "articles/about.html", {"nav": "about"})


@require_safe
def robots(request: HttpRequest) -> HttpResponse:
    sitemap = request.build_absolute_uri("/sitemap.xml")
    body = f"User-agent: *\nDisallow: /admin/\nSitemap: {sitemap}\n"
    return HttpResponse(body, content_type="text/plain; charset=utf-8")
