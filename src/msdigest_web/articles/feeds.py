"""RSS and Atom feeds of published articles, for the whole site and for each topic."""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from msdigest.facts.model import TOPICS
from msdigest_web.articles.models import Article, ArticleQuerySet
from msdigest_web.articles.views import topic_from_slug, topic_slug

FEED_SIZE = 30


class LatestArticlesFeed(Feed):  # type: ignore[type-arg]
    title = "msdigest: new MS research in plain language"
    description = (
        "Plain-language summaries of new multiple sclerosis research, checked against the source."
    )

    def link(self) -> str:
        return reverse("articles:home")

    def articles(self) -> ArticleQuerySet:
        return Article.objects.published()

    def items(self) -> list[Article]:
        return list(
            self.articles().only("id", "slug", "headline", "study", "published_at", "status")[
                :FEED_SIZE
            ]
        )

    def item_title(self, item: Article) -> str:
        return item.headline

    def item_description(self, item: Article) -> str:
        return item.teaser

    def item_pubdate(self, item: Article) -> dt.datetime | None:
        return item.published_at

    def item_guid(self, item: Article) -> str:
        return f"msdigest-article-{item.pk}"

    item_guid_is_permalink = False


class LatestArticlesAtom(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description


class TopicFeed(LatestArticlesFeed):
    def get_object(self, request: HttpRequest, slug: str) -> str:  # type: ignore[override]
        self.topic = topic_from_slug(slug)
        return self.topic

    def title(self, obj: str) -> str:  # type: ignore[override]
        return f"msdigest: {TOPICS[obj]}"

    def link(self, obj: str) -> str:  # type: ignore[override]
        return reverse("articles:topic", kwargs={"slug": topic_slug(obj)})

    def description(self, obj: str) -> str:  # type: ignore[override]
        return f"New MS research about {TOPICS[obj].lower()}, in plain language."

    def articles(self) -> ArticleQuerySet:
        return Article.objects.published().in_topic(self.topic)


class TopicAtom(TopicFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj: str) -> str:
        return self.description(obj)
