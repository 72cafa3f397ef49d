"""The search index table follows the article table when rows go behind Django's back.

Django's `flush` (between transactional tests, `manage.py flush`) empties only the tables
of its models; the search index must empty with them, on SQLite and on PostgreSQL, or a
new article that gets an old id would be found by the old article's words.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection

from msdigest_web.articles.search import search


def _index_rows() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM articles_search")
        count: int = cursor.fetchone()[0]
    return count


@pytest.mark.django_db(transaction=True)
def test_flushing_the_database_empties_the_search_index(make_article: Any) -> None:
    # Start from reset sequences, so the article made after the second flush reuses the id.
    call_command("flush", interactive=False, reset_sequences=True, verbosity=0)
    old = make_article(title="Zebrafinch song and fatigue in MS")
    assert [a.pk for a in search("zebrafinch").articles] == [old.pk]

    call_command("flush", interactive=False, reset_sequences=True, verbosity=0)
    assert _index_rows() == 0

    new = make_article(title="Walking and fatigue in MS")
    assert new.pk == old.pk  # the id is used again after a flush that resets sequences
    assert search("zebrafinch").articles == []
    assert [a.pk for a in search("walking").articles] == [new.pk]


@pytest.mark.django_db(transaction=True)
def test_deleting_an_article_removes_it_from_the_index(make_article: Any) -> None:
    article = make_article(title="Zebrafinch song and fatigue in MS")
    article.paper.delete()  # cascades to the article
    assert _index_rows() == 0
    assert search("zebrafinch").articles == []
