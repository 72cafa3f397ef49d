"""Full-text search over articles: one `search()` for SQLite FTS5 and PostgreSQL.

The index lives in its own table, `articles_search`, created by migration 0002 for the
database in use:

* SQLite: an FTS5 virtual table (Porter stemming), its rowid is the article id; ranked
  with bm25, the headline weighted most.
* PostgreSQL: a `tsvector` column with a GIN index; queries go through
  `websearch_to_tsquery` and are ranked with `ts_rank` over weighted parts.

The index holds every article, whatever its status; searches join the article table and
return only published ones, so publishing or unpublishing needs no re-index.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection

from msdigest.facts.model import TOPICS
from msdigest_web.articles.models import Article

__all__ = ["MAX_QUERY_LENGTH", "SearchPage", "index_articles", "remove_from_index", "search"]

MAX_QUERY_LENGTH = 200
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchPage:
    """One page of results: the articles, the total count and the words searched for."""

    articles: list[Article]
    total: int
    terms: tuple[str, ...]


def query_terms(query: str) -> tuple[str, ...]:
    """Return the words of a user's query, at most 12, each at most 40 characters.

    Everything else (quotes, operators, markup, control characters) is dropped, so no
    query can be a syntax error for FTS5 or reach the database unquoted.
    """
    words = _WORD.findall(query[:MAX_QUERY_LENGTH].lower())
    return tuple(dict.fromkeys(w[:40] for w in words if w.strip("_")))[:12]


def _documents(articles: Iterable[Article]) -> list[tuple[int, str, str, str, str]]:
    rows = []
    for article in articles:
        paper = article.paper.data
        abstract = " ".join(s.get("text", "") for s in paper.get("abstract", ()))
        source = " ".join(
            part
            for part in (
                paper.get("title", ""),
                abstract,
                paper.get("journal_title") or "",
                " ".join(paper.get("keywords", ())),
            )
            if part
        )
        body = " ".join(
            getattr(article, name)
            for name in (
                "study",
                "why_people_with_ms",
                "analogy",
                "why_caregivers",
                "why_healthcare_providers",
                "why_may_not_apply",
                "keep_in_mind",
            )
        )
        topics = " ".join(TOPICS.get(t, t) for t in article.topics)
        rows.append((article.pk, article.headline, body, source, topics))
    return rows


def index_articles(articles: Iterable[Article]) -> int:
    """Add or replace the index entries of `articles`; return how many were indexed."""
    rows = _documents(articles)
    if not rows:
        return 0
    ids = [(row[0],) for row in rows]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.executemany("DELETE FROM articles_search WHERE article_id = %s", ids)
            cursor.executemany(
                "INSERT INTO articles_search (article_id, document) VALUES (%s, "
                "setweight(to_tsvector('english', %s), 'A') || "
                "setweight(to_tsvector('english', %s), 'B') || "
                "setweight(to_tsvector('english', %s), 'C') || "
                "setweight(to_tsvector('english', %s), 'B'))",
                rows,
            )
        else:
            cursor.executemany("DELETE FROM articles_search WHERE rowid = %s", ids)
            cursor.executemany(
                "INSERT INTO articles_search (rowid, headline, body, source, topics) "
                "VALUES (%s, %s, %s, %s, %s)",
                rows,
            )
    return len(rows)


def remove_from_index(article_ids: Iterable[int]) -> None:
    """Drop the index entries of deleted articles."""
    ids = [(pk,) for pk in article_ids]
    column = "article_id" if connection.vendor == "postgresql" else "rowid"
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM articles_search WHERE {column} = %s", ids)


def _ranked_ids(terms: tuple[str, ...], limit: int, offset: int) -> tuple[list[int], int]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            text = " ".join(terms)
            cursor.execute(
                "SELECT count(*) FROM articles_search s JOIN articles_article a "
                "ON a.id = s.article_id WHERE a.status = 'published' "
                "AND s.document @@ websearch_to_tsquery('english', %s)",
                [text],
            )
            total = cursor.fetchone()[0]
            cursor.execute(
                "SELECT a.id FROM articles_search s JOIN articles_article a "
                "ON a.id = s.article_id, websearch_to_tsquery('english', %s) q "
                "WHERE a.status = 'published' AND s.document @@ q "
                "ORDER BY ts_rank(s.document, q) DESC, a.published_at DESC, a.id DESC "
                "LIMIT %s OFFSET %s",
                [text, limit, offset],
            )
        else:
            # CROSS JOIN makes SQLite read the full-text matches first and look each
            # article up by id, instead of probing the index once per article.
            # Every word must appear (FTS5's implicit AND); each is quoted so it can
            # never be read as an operator, and the last one also matches as a prefix.
            match = " ".join(f'"{t}"' for t in terms[:-1])
            match = f'{match} "{terms[-1]}"*'.strip()
            cursor.execute(
                "SELECT count(*) FROM articles_search s CROSS JOIN articles_article a "
                "ON a.id = s.rowid WHERE a.status = 'published' AND articles_search MATCH %s",
                [match],
            )
            total = cursor.fetchone()[0]
            cursor.execute(
                "SELECT a.id FROM articles_search s CROSS JOIN articles_article a "
                "ON a.id = s.rowid WHERE a.status = 'published' AND articles_search MATCH %s "
                "ORDER BY bm25(articles_search, 10.0, 4.0, 1.0, 3.0), "
                "a.published_at DESC, a.id DESC LIMIT %s OFFSET %s",
                [match, limit, offset],
            )
        ids = [row[0] for row in cursor.fetchall()]
    return ids, total


def search(query: str, *, limit: int = 20, offset: int = 0) -> SearchPage:
    """Return the published articles matching `query`, best match first.

    An empty query, or one with no words in it, returns no results (not every article).
    """
    terms = query_terms(query)
    if not terms:
        return SearchPage(articles=[], total=0, terms=())
    ids, total = _ranked_ids(terms, limit, offset)
    by_id = Article.objects.in_bulk(ids)
    return SearchPage(articles=[by_id[pk] for pk in ids if pk in by_id], total=total, terms=terms)
