"""The editorial workflow: drafting, auto-publishing, editing with re-checks, versions."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from msdigest_web.articles import services
from msdigest_web.articles.models import Article, ArticleVersion, RelatedArticle

pytestmark = pytest.mark.django_db


def test_draft_stores_one_article_per_new_paper_with_facts_and_checks(
    make_paper: Any, settings_fake_engine: Any
) -> None:
    make_paper(abstract="A cohort of 48 people (n = 48) was followed. Fatigue fell.")
    make_paper(title="Second paper", keywords=("exercise_and_rehabilitation",))
    report = services.draft_missing()
    assert len(report.drafted) == 2 and not report.skipped and not report.published
    article = Article.objects.get(paper__title="Daily walking and fatigue in MS")
    assert article.status == Article.Status.DRAFT
    assert article.sample_size == 48
    assert article.facts["sample_size"] == 48
    assert article.checks["status"] == "pass" and article.check_status == "pass"
    assert article.engine_key == "fake"
    assert Article.objects.get(paper__title="Second paper").topics == [
        "exercise_and_rehabilitation"
    ]
    # Running again drafts nothing new.
    assert services.draft_missing().drafted == []
    assert Article.objects.count() == 2


def test_auto_publish_takes_only_drafts_whose_checks_all_pass(
    make_paper: Any, settings_fake_engine: Any
) -> None:
    make_paper(title="Clean study")
    make_paper(title="Walking proves everything")  # the fake checks fail "proves"
    make_paper(title="Walking perhaps helps")  # the fake checks warn on "perhaps"
    report = services.draft_missing(auto_publish=True)
    published = {a.paper.title for a in report.published}
    assert published == {"Clean study"}
    statuses = dict(Article.objects.values_list("paper__title", "status"))
    assert statuses["Walking proves everything"] == "draft"
    assert statuses["Walking perhaps helps"] == "draft"


def test_a_paper_the_engine_cannot_write_is_skipped_with_its_reason(
    make_paper: Any, settings_fake_engine: Any
) -> None:
    paper = make_paper()
    report = services.draft_missing(engine="broken")
    assert report.drafted == []
    assert report.skipped == [(paper, f"EngineError: cannot write about {paper.source_id}")]
    assert not Article.objects.exists()
    assert not ArticleVersion.objects.exists()


def test_draft_command_prints_counts_and_skips(make_paper: Any, settings_fake_engine: Any) -> None:
    make_paper(title="Clean study")
    make_paper(title="Walking proves everything")
    out, err = StringIO(), StringIO()
    call_command("draft", "--auto-publish", stdout=out, stderr=err)
    assert "drafted 2, published 1, held for review 1, skipped 0" in out.getvalue()
    out = StringIO()
    call_command("draft", "--engine", "broken", stdout=out, stderr=err)
    assert "drafted 0" in out.getvalue()


def test_editing_a_section_rechecks_and_marks_new_sentences_editorial(
    make_article: Any, editor: Any
) -> None:
    article = make_article(title="Walking proves everything", publish=False)
    assert article.check_status == "fail"
    new_headline = "A study looked at daily walking in MS."
    services.edit_article(article, editor, {"headline": new_headline})
    article.refresh_from_db()
    assert article.headline == new_headline
    assert article.check_status == "pass"
    headline_sentences = [s for s in article.sentences if s["section"] == "headline"]
    assert headline_sentences == [
        {
            "text": new_headline,
            "section": "headline",
            "part": None,
            "sources": [
                {"kind": "editorial", "ref": "editor", "text": "Written or changed by an editor."}
            ],
        }
    ]
    # Unedited sentences keep their source.
    study = [s for s in article.sentences if s["section"] == "study"]
    assert study and all(s["sources"][0]["kind"] == "source" for s in study)
    # The original engine output is kept untouched.
    assert article.summary["headline"].startswith("A study looked at Walking proves")
    version = article.versions.first()
    assert version.user == editor and "headline" in version.note
    assert version.snapshot["headline"] == new_headline


def test_status_changes_leave_versions_with_who_and_when(make_article: Any, editor: Any) -> None:
    article = make_article(publish=False)
    services.send_to_review(article, editor)
    services.approve(article, editor, body="Reads well.")
    services.publish(article, editor)
    services.unpublish(article, editor)
    notes = list(article.versions.order_by("id").values_list("note", "status", "user__username"))
    assert notes == [
        ("Drafted by engine fake", "draft", None),
        ("Sent to review", "in_review", "edna"),
        ("Approved by reviewer", "in_review", "edna"),
        ("Published", "published", "edna"),
        ("Unpublished", "unpublished", "edna"),
    ]
    assert article.comments.get().approval is True
    with pytest.raises(services.WorkflowError):
        services.unpublish(article, editor)


def test_publishing_with_failed_checks_is_recorded(make_article: Any, editor: Any) -> None:
    article = make_article(title="Walking proves everything", publish=False)
    services.publish(article, editor)
    assert article.versions.first().note == "Published with check status fail"


def test_related_articles_are_the_most_similar_published_ones(make_article: Any) -> None:
    gut = "Gut bacteria and diet changed immune cells in people with MS (n = 30)."
    a = make_article(title="Gut bacteria in MS", abstract=gut)
    b = make_article(title="Diet, gut bacteria and immune cells", abstract=gut)
    c = make_article(
        title="MRI lesions in the spinal cord",
        abstract="Spinal cord lesions on MRI scans were counted in 70 adults (n = 70).",
    )
    draft = make_article(title="Gut bacteria draft", abstract=gut, publish=False)
    rows = list(RelatedArticle.objects.filter(article=a).values_list("related_id", flat=True))
    assert rows[0] == b.pk
    assert draft.pk not in rows
    assert c.pk not in rows[:1]
    services.unpublish(b, None)
    assert not RelatedArticle.objects.filter(related=b).exists()
