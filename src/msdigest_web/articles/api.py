"""The read-only JSON API: published articles with their summary, facts and evidence.

`/api/articles/?page=N` lists them newest first (20 a page, with next/previous links);
`/api/articles/<id>/` gives one in full. Drafts do not exist here: their ids are 404s.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from msdigest.paper import Paper as PaperRecord
from msdigest_web.articles.models import SECTION_FIELDS, Article


def _brief(request: HttpRequest, article: Article) -> dict[str, Any]:
    return {
        "id": article.pk,
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "api_url": request.build_absolute_uri(f"/api/articles/{article.pk}/"),
        "headline": article.headline,
        "teaser": article.teaser,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "topics": article.topics,
        "evidence": {
            "label": article.evidence_label,
            "reasons": article.evidence_reasons,
            "level": article.evidence_level,
            "study_design": article.study_design,
            "sample_size": article.sample_size,
        },
    }


@require_safe
def article_list(request: HttpRequest) -> JsonResponse:
    queryset = Article.objects.published().only(
        "id", "slug", "headline", "study", "published_at", "topics", "evidence_label",
        "evidence_reasons", "evidence_level", "study_design", "sample_size", "status",
    )  # fmt: skip
    paginator = Paginator(queryset, settings.MSDIGEST_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))

    def link(number: int) -> str:
        return request.build_absolute_uri(f"/api/articles/?page={number}")

    return JsonResponse(
        {
            "count": paginator.count,
            "page": page.number,
            "pages": paginator.num_pages,
            "next": link(page.next_page_number()) if page.has_next() else None,
            "previous": link(page.previous_page_number()) if page.has_previous() else None,
            "results": [_brief(request, a) for a in page.object_list],
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_safe
def article_detail(request: HttpRequest, pk: int) -> JsonResponse:
    article = get_object_or_404(
        Article.objects.select_related("paper"), pk=pk, status=Article.Status.PUBLISHED
    )
    record = PaperRecord.from_dict(article.paper.data)
    data = _brief(request, article)
    data.update(
        {
            "summary": {name: getattr(article, name) for name in SECTION_FIELDS},
            "glossary": article.glossary,
            "sentences": article.sentences,
            "checks": article.checks,
            "engine": {"key": article.engine_key, "version": article.engine_version},
            "facts": article.facts,
            "source": {
                "id": record.id,
                "pmid": record.pmid,
                "doi": record.doi,
                "title": record.title,
                "journal": record.journal,
                "publication_date": record.pub_date.display() if record.pub_date else None,
                "pubmed_url": record.pubmed_url,
                "doi_url": record.doi_url,
            },
        }
    )
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
