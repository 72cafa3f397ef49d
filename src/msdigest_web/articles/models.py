"""Articles: the plain-language summary of one paper, its editorial life and its history.

An `Article` is written as a draft by `msdigest draft`, goes to review, and is published
by an editor (or automatically when every check passes and MSDIGEST_AUTO_PUBLISH is on).
Every change leaves an `ArticleVersion`; reviewers leave `ReviewComment`s. The section
fields are what readers see and what editors edit; `summary` keeps the engine's original
output untouched, so an edit can always be compared with what the engine wrote.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse

from msdigest.facts.model import TOPICS
from msdigest_web.papers.models import Paper

#: Human names of the study designs in `msdigest.facts.model.DESIGNS`.
DESIGN_LABELS = {
    "randomized_controlled_trial": "Randomised controlled trial",
    "non_randomized_trial": "Non-randomised trial",
    "single_arm_trial": "Single-group trial (no comparison group)",
    "feasibility_or_pilot": "Pilot or feasibility study",
    "cohort": "Cohort study (people followed over time)",
    "case_control": "Case-control study",
    "cross_sectional": "Cross-sectional study (one point in time)",
    "case_report_or_series": "Case report or case series",
    "systematic_review": "Systematic review",
    "meta_analysis": "Meta-analysis (pooled results of many studies)",
    "animal_or_lab": "Laboratory or animal study",
    "qualitative": "Qualitative study (interviews or focus groups)",
    "other": "Other kind of study",
}

#: The editable sections, in reading order: field name -> label an editor sees.
SECTION_FIELDS = {
    "headline": "Headline",
    "study": "The study",
    "why_people_with_ms": "Why it matters: for people with MS",
    "analogy": "Why it matters: an everyday comparison",
    "why_caregivers": "Why it matters: for caregivers",
    "why_healthcare_providers": "Why it matters: for healthcare providers",
    "why_may_not_apply": "Why it matters: who it may not apply to",
    "keep_in_mind": "Keep in mind",
}

#: Where each editable field lives in `LaySummary` (section, part of why_it_matters).
FIELD_TO_SUMMARY = {
    "headline": ("headline", None),
    "study": ("study", None),
    "why_people_with_ms": ("why_it_matters", "people_with_ms"),
    "analogy": ("why_it_matters", "analogy"),
    "why_caregivers": ("why_it_matters", "caregivers"),
    "why_healthcare_providers": ("why_it_matters", "healthcare_providers"),
    "why_may_not_apply": ("why_it_matters", "may_not_apply_to"),
    "keep_in_mind": ("keep_in_mind", None),
}


class ArticleQuerySet(models.QuerySet["Article"]):
    """Queries readers and editors need, named for what they return."""

    def published(self) -> ArticleQuerySet:
        """Return the articles readers may see, newest first."""
        return self.filter(status=Article.Status.PUBLISHED).order_by("-published_at", "-id")

    def in_topic(self, topic: str) -> ArticleQuerySet:
        """Return the articles tagged with topic key `topic`."""
        return self.filter(topic_rows__topic=topic)


class Article(models.Model):
    """The plain-language article about one paper."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        PUBLISHED = "published", "Published"
        UNPUBLISHED = "unpublished", "Unpublished"

    class CheckStatus(models.TextChoices):
        PASS = "pass", "All checks pass"
        WARN = "warn", "Warnings"
        FAIL = "fail", "Failed checks"

    paper = models.OneToOneField(Paper, on_delete=models.CASCADE, related_name="article")
    slug = models.SlugField(max_length=120, unique=True)
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True
    )

    headline = models.TextField()
    study = models.TextField()
    why_people_with_ms = models.TextField("for people with MS", blank=True)
    analogy = models.TextField("everyday comparison", blank=True)
    why_caregivers = models.TextField("for caregivers", blank=True)
    why_healthcare_providers = models.TextField("for healthcare providers", blank=True)
    why_may_not_apply = models.TextField("who it may not apply to", blank=True)
    keep_in_mind = models.TextField(blank=True)

    summary = models.JSONField(help_text="The engine's original LaySummary.to_json().")
    sentences = models.JSONField(
        default=list, help_text="Current sentences with provenance (edits become editorial)."
    )
    glossary = models.JSONField(default=list, help_text="[{term, definition}] used in the text.")
    facts = models.JSONField(help_text="StudyFacts.to_json() of the paper.")
    checks = models.JSONField(default=dict, help_text="CheckReport.to_dict() of the current text.")
    check_status = models.CharField(
        max_length=8, choices=CheckStatus.choices, default=CheckStatus.FAIL, db_index=True
    )
    engine_key = models.CharField(max_length=64)
    engine_version = models.CharField(max_length=64, blank=True)

    topics = models.JSONField(default=list, help_text="Topic keys, for display.")
    evidence_label = models.CharField(max_length=120, blank=True)
    evidence_reasons = models.JSONField(default=list)
    evidence_level = models.PositiveSmallIntegerField(default=0)
    study_design = models.CharField(max_length=64, blank=True)
    sample_size = models.PositiveIntegerField(null=True, blank=True)

    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_status_published"),
            # The lists order by (published_at, id) descending; with id in the index the
            # page is read straight from it instead of sorting every published row.
            models.Index(fields=["status", "-published_at", "-id"], name="article_status_pub_id"),
        ]
        permissions = [
            ("publish_article", "Can publish and unpublish articles"),
            ("approve_article", "Can approve articles in review"),
        ]

    def __str__(self) -> str:
        return self.headline[:100]

    def get_absolute_url(self) -> str:
        return reverse("articles:article", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def design_label(self) -> str:
        return DESIGN_LABELS.get(self.study_design, self.study_design.replace("_", " ").title())

    @property
    def teaser(self) -> str:
        """Return the opening of "the study", cut at a word near 100 characters."""
        return teaser(self.study or self.headline)

    def topic_labels(self) -> list[tuple[str, str]]:
        """Return (key, label) of this article's topics, in taxonomy order."""
        return [(key, label) for key, label in TOPICS.items() if key in self.topics]

    def section_values(self) -> dict[str, str]:
        """Return the editable section fields by name."""
        return {name: getattr(self, name) for name in SECTION_FIELDS}

    def snapshot(self) -> dict[str, Any]:
        """Return what an `ArticleVersion` keeps: the sections, status and check verdict."""
        return {
            **self.section_values(),
            "status": self.status,
            "check_status": self.check_status,
            "checks": self.checks,
            "sentences": self.sentences,
        }


def teaser(text: str, limit: int = 100) -> str:
    """Return `text` cut at the last whole word within `limit` characters, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.-–—")
    return f"{cut}…"


class ArticleTopic(models.Model):
    """One (article, topic) pair; topic pages and topic feeds query this indexed table."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="topic_rows")
    topic = models.CharField(max_length=64, choices=list(TOPICS.items()), db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "topic"], name="article_topic_unique")
        ]
        indexes = [models.Index(fields=["topic", "article"], name="topic_article")]

    def __str__(self) -> str:
        return f"{self.article_id}: {self.topic}"


class ArticleVersion(models.Model):
    """A snapshot of an article after a change: what, who, when, and why."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions")
    snapshot = models.JSONField()
    status = models.CharField(max_length=16, choices=Article.Status.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        who = self.user.get_username() if self.user else "msdigest"
        return f"{self.created_at:%Y-%m-%d %H:%M} {who}: {self.note or self.status}"


class ReviewComment(models.Model):
    """A reviewer's comment on an article; `approval` marks a sign-off."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    body = models.TextField(blank=True)
    approval = models.BooleanField(default=False, help_text="Tick to approve the article.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        kind = "Approval" if self.approval else "Comment"
        who = self.author.get_username() if self.author else "someone"
        return f"{kind} by {who}"


class RelatedArticle(models.Model):
    """One of the closest published articles to `article`, by TF-IDF similarity."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="related_rows")
    related = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["article", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["article", "related"], name="related_pair_unique")
        ]


class ReviewQueue(Article):
    """Articles awaiting an editor (drafts and in review), newest first; an admin view."""

    class Meta:
        proxy = True
        verbose_name = "article awaiting review"
        verbose_name_plural = "review queue"
