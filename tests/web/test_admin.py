"""The editorial admin as editors and reviewers use it."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from msdigest_web.articles.models import SECTION_FIELDS, Article

pytestmark = pytest.mark.django_db


def _login(client: Client, user: Any) -> Client:
    client.force_login(user)
    return client


def _form(article: Article, **changes: str) -> dict[str, str]:
    data = {name: getattr(article, name) for name in SECTION_FIELDS}
    data.update(changes)
    for prefix in ("comments",):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "1",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
                f"{prefix}-0-body": "",
            }
        )
    data.update({"versions-TOTAL_FORMS": "0", "versions-INITIAL_FORMS": "0"})
    return data


def test_review_queue_lists_drafts_and_reviews_newest_first(
    client: Client, make_article: Any, editor: Any
) -> None:
    make_article(title="Older draft", publish=False)
    make_article(title="Newer draft", publish=False)
    make_article(title="Published study")
    html = _login(client, editor).get("/admin/articles/reviewqueue/").content.decode()
    assert html.index("Newer draft") < html.index("Older draft")
    assert "Published study" not in html


def test_change_page_shows_failed_checks_first_beside_the_text(
    client: Client, make_article: Any, editor: Any
) -> None:
    article = make_article(title="Walking proves everything", publish=False)
    html = _login(client, editor).get(f"/admin/articles/article/{article.pk}/change/").content
    html = html.decode()
    report = html.split('id="md-checks-title"')[1]
    assert report.index("FAIL</strong> claims") < report.index("PASS</strong> length")
    assert 'name="_publish" value="Save and publish"' in html
    assert "Drafted by engine fake" in html  # version history inline
    assert 'name="headline"' in html and 'name="keep_in_mind"' in html


def test_editor_edits_and_publishes_in_one_click(
    client: Client, make_article: Any, editor: Any
) -> None:
    article = make_article(title="Walking proves everything", publish=False)
    client = _login(client, editor)
    response = client.post(
        f"/admin/articles/article/{article.pk}/change/",
        {**_form(article, headline="Daily walking was studied."), "_publish": "Save and publish"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    article.refresh_from_db()
    assert article.status == "published" and article.headline == "Daily walking was studied."
    assert article.check_status == "pass"  # re-checked after the edit
    notes = list(article.versions.order_by("id").values_list("note", "user__username"))
    assert notes[-2:] == [("Edited: headline", "edna"), ("Published", "edna")]
    assert "Daily walking was studied." in Client().get("/").content.decode()


def test_publish_and_unpublish_list_actions(client: Client, make_article: Any, editor: Any) -> None:
    a = make_article(title="First", publish=False)
    b = make_article(title="Second", publish=False)
    client = _login(client, editor)
    client.post(
        "/admin/articles/article/",
        {"action": "publish_selected", "_selected_action": [a.pk, b.pk]},
    )
    assert set(Article.objects.values_list("status", flat=True)) == {"published"}
    client.post(
        "/admin/articles/article/", {"action": "unpublish_selected", "_selected_action": [a.pk]}
    )
    a.refresh_from_db()
    assert a.status == "unpublished"


def test_reviewer_can_comment_and_approve_but_not_edit_or_publish(
    client: Client, make_article: Any, reviewer: Any
) -> None:
    article = make_article(publish=False)
    client = _login(client, reviewer)
    url = f"/admin/articles/article/{article.pk}/review/"
    assert client.get(url).status_code == 200
    client.post(url, {"body": "The analogy fits.", "approval": "on"})
    comment = article.comments.get()
    assert comment.approval and comment.author == reviewer and comment.body == "The analogy fits."
    # No edits, no publishing.
    response = client.post(
        f"/admin/articles/article/{article.pk}/change/",
        {**_form(article, headline="Changed"), "_publish": "1"},
    )
    assert response.status_code == 403
    client.post(
        "/admin/articles/article/", {"action": "publish_selected", "_selected_action": [article.pk]}
    )
    article.refresh_from_db()
    assert article.status == "draft" and article.headline != "Changed"


def test_anonymous_and_plain_users_cannot_reach_the_admin(
    client: Client, make_article: Any
) -> None:
    from django.contrib.auth.models import User

    article = make_article(publish=False)
    assert client.get(f"/admin/articles/article/{article.pk}/review/").status_code == 302
    plain = User.objects.create_user("pat", password="x")
    client.force_login(plain)
    assert client.get("/admin/articles/article/").status_code == 302  # not staff


def test_roles_hold_exactly_the_documented_permissions() -> None:
    from django.contrib.auth.models import Group

    from msdigest_web.articles.roles import ROLES

    for name, wanted in ROLES.items():
        group = Group.objects.get(name=name)  # made by migration 0003
        held = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
        assert held == set(wanted)
