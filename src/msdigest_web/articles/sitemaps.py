"""The sitemap: every published article, every topic page, and the fixed pages."""

from __future__ import annotations

import datetime as dt

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from msdigest.facts.model import TOPICS
from msdigest_web.articles.models import Article
from msdigest_web.articles.views import topic_slug


class ArticleSitemap(Sitemap):  # type: ignore[type-arg]
    changefreq = "monthly"
    priority = 0.8
    limit = 5000

    def items(self) -> object:
        return Article.objects.published().only("id", "slug", "updated_at", "status")

    def lastmod(self, item: Article) -> dt.datetime:
        return item.updated_at


class TopicSitemap(Sitemap):  # type: ignore[type-arg]
    changefreq = "daily"
    priority = 0.5

    def items(self) -> list[str]:
        return list(TOPICS)

    def location(self, item: str) -> str:
        return reverse("articles:topic", kwargs={"slug": topic_slug(item)})


class PageSitemap(Sitemap):  # type: ignore[type-arg]
    changefreq = "daily"
    priority = 0.6

    def items(self) -> list[str]:
        return ["articles:home", "articles:about", "articles:topics"]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS = {"articles": ArticleSitemap, "topics": TopicSitemap, "pages": PageSitemap}
