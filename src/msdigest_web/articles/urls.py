"""Public routes of the site (mounted at / by msdigest_web.urls)."""

from __future__ import annotations

from django.urls import path

from msdigest_web.articles import api, feeds, views

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/<slug:slug>/", views.article, name="article"),
    path("topics/", views.topic_index, name="topics"),
    path("topics/<slug:slug>/", views.topic, name="topic"),
    path("topics/<slug:slug>/rss/", feeds.TopicFeed(), name="topic-rss"),
    path("topics/<slug:slug>/atom/", feeds.TopicAtom(), name="topic-atom"),
    path("search/", views.search_page, name="search"),
    path("about/", views.about, name="about"),
    path("feeds/rss/", feeds.LatestArticlesFeed(), name="rss"),
    path("feeds/atom/", feeds.LatestArticlesAtom(), name="atom"),
    path("api/articles/", api.article_list, name="api-list"),
    path("api/articles/<int:pk>/", api.article_detail, name="api-detail"),
    path("robots.txt", views.robots, name="robots"),
]
