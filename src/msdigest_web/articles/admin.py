"""The editorial admin: review queue, check report beside the text, one-click publish.

Editors (group "Editors") edit any section, send to review, publish and unpublish;
reviewers (group "Reviewers") read, comment and approve on the review page. Every action
goes through `articles.services`, so each leaves a version with who and when.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html

from msdigest.facts.model import TOPICS
from msdigest_web.articles import services
from msdigest_web.articles.models import (
    SECTION_FIELDS,
    Article,
    ArticleVersion,
    ReviewComment,
    ReviewQueue,
)

STATUS_ACTIONS = {
    "_publish": "publish",
    "_unpublish": "unpublish",
    "_send_to_review": "send_to_review",
}


class TopicFilter(admin.SimpleListFilter):
    title = "topic"
    parameter_name = "topic"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return list(TOPICS.items())

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        value = self.value()
        return queryset.filter(topic_rows__topic=value) if value else queryset


class ReviewCommentInline(admin.TabularInline):  # type: ignore[type-arg]
    model = ReviewComment
    extra = 1
    fields = ("body", "approval", "author", "created_at")
    readonly_fields = ("author", "created_at")
    verbose_name = "review comment"
    verbose_name_plural = "review comments and approvals"

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ArticleVersionInline(admin.TabularInline):  # type: ignore[type-arg]
    model = ArticleVersion
    extra = 0
    fields = ("created_at", "user", "status", "note")
    readonly_fields = fields
    verbose_name_plural = "version history (newest first)"
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ArticleForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Article
        fields = list(SECTION_FIELDS)
        widgets = {
            name: forms.Textarea(attrs={"rows": 2 if name == "headline" else 5, "cols": 80})
            for name in SECTION_FIELDS
        }


def _status_badge(article: Article) -> str:
    return format_html(
        '<span class="md-badge md-{}">{}</span>',
        article.check_status,
        article.get_check_status_display(),
    )


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    form = ArticleForm
    change_form_template = "admin/articles/article/change_form.html"
    list_display = ("short_headline", "status", "checks_badge", "evidence_label", "created_at")
    list_display_links = ("short_headline",)
    list_filter = ("status", "check_status", TopicFilter, "engine_key")
    search_fields = ("headline", "paper__title", "paper__pmid", "paper__doi")
    ordering = ("-created_at", "-id")
    date_hierarchy = "created_at"
    list_per_page = 50
    actions = ("publish_selected", "send_selected_to_review", "unpublish_selected")
    inlines = (ReviewCommentInline, ArticleVersionInline)
    fieldsets = (
        (None, {"fields": tuple(SECTION_FIELDS)}),
        (
            "About this article",
            {"fields": ("status", "source_paper", "engine", "published_at", "public_link")},
        ),
    )
    readonly_fields = ("status", "source_paper", "engine", "published_at", "public_link")

    class Media:
        css = {"all": ("msdigest/admin.css",)}

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        return super().get_queryset(request).select_related("paper")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # articles come from `msdigest draft`

    @admin.display(description="headline", ordering="headline")
    def short_headline(self, obj: Article) -> str:
        return obj.headline[:90] + ("…" if len(obj.headline) > 90 else "")

    @admin.display(description="checks", ordering="check_status")
    def checks_badge(self, obj: Article) -> str:
        return _status_badge(obj)

    @admin.display(description="source paper")
    def source_paper(self, obj: Article) -> str:
        if not admin.site.is_registered(type(obj.paper)):
            return format_html("{}", obj.paper)
        url = reverse("admin:papers_paper_change", args=[obj.paper_id])
        return format_html('<a href="{}">{}</a>', url, obj.paper)

    @admin.display(description="engine")
    def engine(self, obj: Article) -> str:
        return f"{obj.engine_key} {obj.engine_version}".strip()

    @admin.display(description="public page")
    def public_link(self, obj: Article) -> str:
        if not obj.is_published:
            return "Not public (readers get a 404)"
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), obj.get_absolute_url())

    # -- permissions ---------------------------------------------------------------------

    def _can_publish(self, request: HttpRequest) -> bool:
        return bool(request.user.has_perm("articles.publish_article"))

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions = super().get_actions(request)
        if not self._can_publish(request):
            for name in ("publish_selected", "unpublish_selected"):
                actions.pop(name, None)
        if not self.has_change_permission(request):
            actions.pop("send_selected_to_review", None)
        return actions

    # -- list actions --------------------------------------------------------------------

    def _apply(
        self, request: HttpRequest, queryset: QuerySet[Article], step: str, allowed: set[str]
    ) -> None:
        done = 0
        for article in queryset:
            if article.status in allowed:
                getattr(services, step)(article, request.user)
                done += 1
        skipped = queryset.count() - done
        self.message_user(request, f"{step.replace('_', ' ').capitalize()}: {done} article(s).")
        if skipped:
            self.message_user(
                request, f"{skipped} article(s) skipped: not in a state for this step.",
                messages.WARNING,
            )  # fmt: skip

    @admin.action(description="Publish selected articles", permissions=["change"])
    def publish_selected(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        if not self._can_publish(request):
            raise PermissionDenied
        self._apply(request, queryset, "publish", {"draft", "in_review", "unpublished"})

    @admin.action(description="Unpublish selected articles", permissions=["change"])
    def unpublish_selected(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        if not self._can_publish(request):
            raise PermissionDenied
        self._apply(request, queryset, "unpublish", {"published"})

    @admin.action(description="Send selected drafts to review", permissions=["change"])
    def send_selected_to_review(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        self._apply(request, queryset, "send_to_review", {"draft", "unpublished"})

    # -- the change page -----------------------------------------------------------------

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        article = self.get_object(request, object_id)
        extra = dict(extra_context or {})
        if article is not None:
            extra.update(
                check_results=sorted(
                    article.checks.get("results", []),
                    key=lambda r: {"fail": 0, "warn": 1}.get(r.get("status"), 2),
                ),
                check_status=article.check_status,
                can_publish=self._can_publish(request),
                article_status=article.status,
                facts=article.facts,
                source_abstract=article.paper.data.get("abstract", []),
                review_url=reverse("admin:articles_article_review", args=[article.pk]),
            )
        return super().change_view(request, object_id, form_url, extra)

    def save_model(self, request: HttpRequest, obj: Article, form: Any, change: bool) -> None:
        changes = {
            name: form.cleaned_data[name] for name in form.changed_data if name in SECTION_FIELDS
        }
        original = Article.objects.get(pk=obj.pk)
        services.edit_article(original, request.user, changes)
        step = next((STATUS_ACTIONS[key] for key in STATUS_ACTIONS if key in request.POST), None)
        if step in ("publish", "unpublish") and not self._can_publish(request):
            raise PermissionDenied
        try:
            if step == "publish":
                services.publish(original, request.user)
            elif step == "unpublish":
                services.unpublish(original, request.user)
            elif step == "send_to_review":
                services.send_to_review(original, request.user)
        except services.WorkflowError as exc:
            messages.error(request, str(exc))
        obj.refresh_from_db()

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        instances = formset.save(commit=False)
        for instance in instances:
            if isinstance(instance, ReviewComment):
                if not (instance.body.strip() or instance.approval):
                    continue
                may_approve = request.user.has_perm("articles.approve_article")
                if instance.approval and not (may_approve or self._can_publish(request)):
                    raise PermissionDenied
                instance.author = request.user
                instance.save()
        formset.save_m2m()

    def response_change(self, request: HttpRequest, obj: Article) -> HttpResponse:
        for key in STATUS_ACTIONS:
            if key in request.POST:
                self.message_user(request, f"“{obj}” is now {obj.get_status_display().lower()}.")
                return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    # -- the review page (reviewers comment and approve here) ----------------------------

    def get_urls(self) -> list[URLPattern]:
        review = path(
            "<int:pk>/review/",
            self.admin_site.admin_view(self.review_view),
            name="articles_article_review",
        )
        return [review, *super().get_urls()]

    def review_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        article = get_object_or_404(Article.objects.select_related("paper"), pk=pk)
        can_comment = request.user.has_perm("articles.add_reviewcomment")
        can_approve = request.user.has_perm("articles.approve_article")
        if request.method == "POST":
            if not can_comment:
                raise PermissionDenied
            body = request.POST.get("body", "").strip()
            approval = request.POST.get("approval") == "on"
            if approval and not can_approve:
                raise PermissionDenied
            if approval:
                services.approve(article, request.user, body=body)
                self.message_user(request, "Your approval was recorded.")
            elif body:
                ReviewComment.objects.create(article=article, author=request.user, body=body)
                self.message_user(request, "Your comment was added.")
            return HttpResponseRedirect(request.path)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Review: {article.headline[:80]}",
            "article": article,
            "sections": [(label, getattr(article, name)) for name, label in SECTION_FIELDS.items()],
            "check_results": sorted(
                article.checks.get("results", []),
                key=lambda r: {"fail": 0, "warn": 1}.get(r.get("status"), 2),
            ),
            "comments": article.comments.select_related("author"),
            "can_comment": can_comment,
            "can_approve": can_approve,
            "can_edit": self.has_change_permission(request, article),
        }
        return TemplateResponse(request, "admin/articles/article/review.html", context)


@admin.register(ReviewQueue)
class ReviewQueueAdmin(ArticleAdmin):
    """Drafts and articles in review, newest first: what an editor should look at next."""

    list_filter = ("status", "check_status", TopicFilter)
    date_hierarchy = None

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        return (
            super()
            .get_queryset(request)
            .filter(status__in=[Article.Status.DRAFT, Article.Status.IN_REVIEW])
            .order_by("-created_at", "-id")
        )

    def get_urls(self) -> list[URLPattern]:
        return super(ArticleAdmin, self).get_urls()

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        # Edit queue items on the one article page, so every link and button is the same.
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[object_id]))
