"""URL routes of the msdigest site: the public pages, the sitemap and the admin."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from msdigest_web.articles.sitemaps import SITEMAPS

admin.site.site_header = "msdigest editorial"
admin.site.site_title = "msdigest editorial"
admin.site.index_title = "Articles, review queue and papers"
admin.site.site_url = "/"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("", include("msdigest_web.articles.urls")),
]
