"""The editorial workflow: draft, edit (and re-check), review, approve, publish, unpublish.

Every state change goes through a function here, so each one leaves an `ArticleVersion`
(who, when, what) and keeps the search index and related-article rows in step. Views, the
admin and the management commands call these functions; none of them changes an
article's status by hand.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from msdigest.facts.model import TOPICS, StudyFacts
from msdigest.paper import Paper as PaperRecord
from msdigest.related import RelatedDocument, RelatedIndex
from msdigest.summary import (
    CheckReport,
    LaySummary,
    Provenance,
    SummarySentence,
    WhyItMatters,
)
from msdigest.text.sentences import split_sentences
from msdigest_web.articles.models import (
    FIELD_TO_SUMMARY,
    SECTION_FIELDS,
    Article,
    ArticleTopic,
    ArticleVersion,
    RelatedArticle,
    ReviewComment,
)
from msdigest_web.articles.search import index_articles
from msdigest_web.papers.models import Paper

__all__ = [
    "DraftReport",
    "approve",
    "draft_missing",
    "draft_paper",
    "edit_article",
    "publish",
    "refresh_related",
    "send_to_review",
    "unpublish",
]

User = AbstractBaseUser | None
RELATED_COUNT = 6


class WorkflowError(Exception):
    """A workflow step that is not allowed in the article's current state."""


@dataclass
class DraftReport:
    """What `draft_missing` did: drafts stored, drafts published, papers skipped and why."""

    drafted: list[Article] = field(default_factory=list)
    published: list[Article] = field(default_factory=list)
    skipped: list[tuple[Paper, str]] = field(default_factory=list)


# -- pipeline calls (looked up at call time, so tests can stand in a fake) -----------------


def extract_facts(paper: PaperRecord) -> StudyFacts:
    """Return the facts of `paper` from `msdigest.facts.extract_facts`."""
    from msdigest import facts

    result: StudyFacts = facts.extract_facts(paper)  # type: ignore[attr-defined]
    return result


def run_checks(summary: LaySummary, paper: PaperRecord, facts: StudyFacts) -> CheckReport:
    """Return the check report of `summary` from `msdigest.checks.run_checks`."""
    from msdigest import checks

    report: CheckReport = checks.run_checks(summary, paper, facts)  # type: ignore[attr-defined]
    return report


def write_summary(paper: PaperRecord, facts: StudyFacts, engine: str) -> LaySummary:
    """Return the checked summary from `msdigest.writers.write_summary`."""
    from msdigest import writers

    return writers.write_summary(paper, facts, engine)


# -- drafting -------------------------------------------------------------------------------


def _unique_slug(text: str, paper: Paper) -> str:
    base = slugify(text)[:80].strip("-") or "article"
    ident = slugify(paper.pmid or paper.source_id)[:30] or str(paper.pk)
    return f"{base}-{ident}"


def _version(article: Article, user: User, note: str) -> ArticleVersion:
    return ArticleVersion.objects.create(
        article=article,
        snapshot=article.snapshot(),
        status=article.status,
        user=user if user is not None and user.is_authenticated else None,
        note=note[:300],
    )


def _set_topics(article: Article, topics: Iterable[str]) -> None:
    keys = [t for t in dict.fromkeys(topics) if t in TOPICS]
    article.topics = keys
    ArticleTopic.objects.filter(article=article).exclude(topic__in=keys).delete()
    existing = set(ArticleTopic.objects.filter(article=article).values_list("topic", flat=True))
    ArticleTopic.objects.bulk_create(
        [ArticleTopic(article=article, topic=key) for key in keys if key not in existing]
    )


def article_fields(summary: LaySummary, facts: StudyFacts) -> dict[str, Any]:
    """Return the Article field values for a checked summary and its facts."""
    why = summary.why_it_matters
    evidence = summary.evidence or {}
    report = summary.checks
    sample_size = evidence.get("sample_size", facts.sample_size.total)
    if isinstance(sample_size, dict):
        sample_size = sample_size.get("total")
    return {
        "headline": summary.headline,
        "study": summary.study,
        "why_people_with_ms": why.people_with_ms,
        "analogy": why.analogy,
        "why_caregivers": why.caregivers,
        "why_healthcare_providers": why.healthcare_providers,
        "why_may_not_apply": why.may_not_apply_to,
        "keep_in_mind": summary.keep_in_mind,
        "summary": summary.to_json(),
        "sentences": [s.to_dict() for s in summary.sentences],
        "glossary": [{"term": g.term, "definition": g.definition} for g in summary.glossary],
        "facts": facts.to_json(),
        "checks": report.to_dict() if report else {},
        "check_status": report.status if report else Article.CheckStatus.FAIL,
        "engine_key": summary.engine.key,
        "engine_version": summary.engine.version,
        "evidence_label": str(evidence.get("label") or facts.evidence.label),
        "evidence_reasons": list(evidence.get("reasons") or facts.evidence.reasons),
        "evidence_level": int(evidence.get("level") or facts.evidence.level or 0),
        "study_design": str(evidence.get("design") or facts.study_design),
        "sample_size": sample_size if isinstance(sample_size, int) and sample_size > 0 else None,
    }


def draft_paper(paper: Paper, *, engine: str | None = None) -> Article:
    """Write, check and store the draft article of `paper` in one transaction.

    Raises whatever the pipeline raises; nothing is stored unless every step succeeded.
    """
    record = paper.to_record()
    facts = extract_facts(record)
    summary = write_summary(record, facts, engine or settings.MSDIGEST_ENGINE)
    if summary.checks is None:
        summary = dataclasses.replace(summary, checks=run_checks(summary, record, facts))
    with transaction.atomic():
        article = Article.objects.create(
            paper=paper,
            slug=_unique_slug(summary.headline or paper.title, paper),
            status=Article.Status.DRAFT,
            **article_fields(summary, facts),
        )
        _set_topics(article, facts.topics)
        article.save(update_fields=["topics"])
        _version(article, None, f"Drafted by engine {summary.engine.key}")
        index_articles([article])
    return article


def papers_without_article() -> tuple[int, Iterator[Paper]]:
    """Return how many stored papers have no article yet, and those papers one by one.

    Papers are fetched one at a time by id, so a backfill of 100,000 papers never holds
    them all in memory.
    """
    ids = list(
        Paper.objects.filter(article__isnull=True)
        .order_by("entry_date", "id")
        .values_list("id", flat=True)
    )

    def fetch() -> Iterator[Paper]:
        for pk in ids:
            paper = Paper.objects.filter(pk=pk, article__isnull=True).first()
            if paper is not None:  # drafted meanwhile by another run: leave it
                yield paper

    return len(ids), fetch()


def draft_missing(
    *,
    engine: str | None = None,
    auto_publish: bool | None = None,
    progress: Callable[[Iterable[Paper], int], Iterable[Paper]] | None = None,
) -> DraftReport:
    """Draft every paper without an article; publish the drafts whose checks all pass.

    Auto-publishing (the MSDIGEST_AUTO_PUBLISH setting unless `auto_publish` is given)
    takes only drafts whose report status is "pass": a warning holds the draft for an
    editor, as a failure does. A paper whose facts or summary cannot be made is skipped
    with the reason, and nothing of it is stored.
    """
    if auto_publish is None:
        auto_publish = settings.MSDIGEST_AUTO_PUBLISH
    report = DraftReport()
    total, papers = papers_without_article()
    items: Iterable[Paper] = progress(papers, total) if progress else papers
    for paper in items:
        try:
            article = draft_paper(paper, engine=engine)
        except Exception as exc:  # one bad paper must not stop the batch; say why
            reason = str(exc).strip() or type(exc).__name__
            report.skipped.append((paper, f"{type(exc).__name__}: {reason}"))
            continue
        report.drafted.append(article)
        if auto_publish and article.check_status == Article.CheckStatus.PASS:
            publish(
                article, None, note="Published automatically: every check passed", related=False
            )
            report.published.append(article)
    if report.published:
        refresh_related()
    return report


# -- editing --------------------------------------------------------------------------------


def _sentences_after_edit(article: Article, changed: set[str]) -> list[dict[str, Any]]:
    """Return the sentence list with edited sections re-split.

    A sentence that is word for word one the engine wrote keeps its provenance; any
    other sentence in an edited part is marked "editorial" (written by an editor).
    """
    previous = {(s["text"].strip(), s["section"]): s for s in article.sentences}
    kept = []
    edited_parts = {FIELD_TO_SUMMARY[name] for name in changed}
    for sentence in article.sentences:
        if (sentence["section"], sentence.get("part")) not in edited_parts:
            kept.append(sentence)
    for name in SECTION_FIELDS:
        if name not in changed:
            continue
        section, part = FIELD_TO_SUMMARY[name]
        for piece in split_sentences(getattr(article, name)):
            text = piece.text.strip()
            if not text:
                continue
            old = previous.get((text, section))
            sources = (
                old["sources"]
                if old
                else [Provenance("editorial", "editor", "Written or changed by an editor.")]
            )
            kept.append(
                {
                    "text": text,
                    "section": section,
                    "part": part,
                    "sources": [s if isinstance(s, dict) else s.to_dict() for s in sources],
                }
            )
    order = {
        name: i for i, name in enumerate(("headline", "study", "why_it_matters", "keep_in_mind"))
    }
    return sorted(kept, key=lambda s: order.get(s["section"], 99))


def current_summary(article: Article) -> LaySummary:
    """Return the article's current text as a `LaySummary` (edits included)."""
    original = LaySummary.from_json(article.summary)
    return dataclasses.replace(
        original,
        headline=article.headline,
        study=article.study,
        why_it_matters=WhyItMatters(
            people_with_ms=article.why_people_with_ms,
            caregivers=article.why_caregivers,
            healthcare_providers=article.why_healthcare_providers,
            may_not_apply_to=article.why_may_not_apply,
            analogy=article.analogy,
        ),
        keep_in_mind=article.keep_in_mind,
        sentences=tuple(
            SummarySentence(
                text=s["text"],
                section=s["section"],
                part=s.get("part"),
                sources=tuple(Provenance(**p) for p in s.get("sources", ())),
            )
            for s in article.sentences
        ),
        checks=None,
    )


def recheck(article: Article) -> CheckReport:
    """Run every check on the article's current text against its source paper."""
    record = article.paper.to_record()
    facts = extract_facts(record)
    return run_checks(current_summary(article), record, facts)


def edit_article(
    article: Article, user: User, changes: dict[str, str], *, note: str = ""
) -> Article:
    """Apply an editor's changes to the sections, re-run the checks and keep a version."""
    changed = {
        name
        for name, value in changes.items()
        if name in SECTION_FIELDS and value.strip() != getattr(article, name).strip()
    }
    if not changed:
        return article
    with transaction.atomic():
        for name in changed:
            setattr(article, name, re.sub(r"[ \t]+", " ", changes[name]).strip())
        article.sentences = _sentences_after_edit(article, changed)
        report = recheck(article)
        article.checks = report.to_dict()
        article.check_status = report.status
        article.save()
        labels = ", ".join(SECTION_FIELDS[n].lower() for n in SECTION_FIELDS if n in changed)
        _version(article, user, note or f"Edited: {labels}")
        index_articles([article])
    return article


# -- status changes -------------------------------------------------------------------------


def send_to_review(article: Article, user: User, *, note: str = "") -> Article:
    """Move a draft (or an unpublished article) into review."""
    if article.status not in (Article.Status.DRAFT, Article.Status.UNPUBLISHED):
        raise WorkflowError(f"only drafts can go to review; this one is {article.status}")
    with transaction.atomic():
        article.status = Article.Status.IN_REVIEW
        article.save(update_fields=["status", "updated_at"])
        _version(article, user, note or "Sent to review")
    return article


def approve(article: Article, user: User, *, body: str = "") -> ReviewComment:
    """Record a reviewer's approval (a comment marked as an approval)."""
    with transaction.atomic():
        comment = ReviewComment.objects.create(
            article=article,
            author=user if user is not None and user.is_authenticated else None,
            body=body,
            approval=True,
        )
        _version(article, user, "Approved by reviewer")
    return comment


def publish(article: Article, user: User, *, note: str = "", related: bool = True) -> Article:
    """Publish an article now; readers see it on the next request.

    An editor may publish an article whose checks failed (the decision is theirs and is
    recorded); automatic publishing never does.
    """
    if article.status == Article.Status.PUBLISHED:
        return article
    with transaction.atomic():
        article.status = Article.Status.PUBLISHED
        article.published_at = timezone.now()
        article.save(update_fields=["status", "published_at", "updated_at"])
        if not note and article.check_status != Article.CheckStatus.PASS:
            note = f"Published with check status {article.check_status}"
        _version(article, user, note or "Published")
    if related:
        refresh_related([article])
    return article


def unpublish(article: Article, user: User, *, note: str = "") -> Article:
    """Take an article off the site; its URL becomes a 404 for readers."""
    if article.status != Article.Status.PUBLISHED:
        raise WorkflowError("only published articles can be unpublished")
    with transaction.atomic():
        article.status = Article.Status.UNPUBLISHED
        article.save(update_fields=["status", "updated_at"])
        RelatedArticle.objects.filter(related=article).delete()
        _version(article, user, note or "Unpublished")
    return article


# -- related articles -----------------------------------------------------------------------


def related_document(article: Article) -> RelatedDocument:
    """Return the text the similarity is computed on: title, abstract and topics."""
    paper = article.paper.data
    abstract = " ".join(s.get("text", "") for s in paper.get("abstract", ()))
    return RelatedDocument(
        key=str(article.pk),
        text=f"{paper.get('title', '')} {abstract}",
        topics=tuple(article.topics),
    )


def refresh_related(changed: Iterable[Article] | None = None) -> int:
    """Recompute the top related articles; return how many rows were written.

    With `changed` None, every published article gets new rows. With a list (an article
    just published), those articles get rows and so do their neighbours, which may now
    count the new one among their closest.
    """
    published = list(Article.objects.published().select_related("paper"))
    index = RelatedIndex(related_document(a) for a in published)
    if changed is None:
        targets = {str(a.pk) for a in published}
    else:
        targets = {str(a.pk) for a in changed}
        for key in list(targets):
            targets.update(other for other, _ in index.top(key, RELATED_COUNT))
    rows = []
    for key in targets:
        for rank, (other, score) in enumerate(index.top(key, RELATED_COUNT), start=1):
            rows.append(
                RelatedArticle(article_id=int(key), related_id=int(other), score=score, rank=rank)
            )
    with transaction.atomic():
        if changed is None:
            RelatedArticle.objects.all().delete()
        else:
            RelatedArticle.objects.filter(article_id__in=[int(k) for k in targets]).delete()
        RelatedArticle.objects.bulk_create(rows, batch_size=1000)
    return len(rows)
