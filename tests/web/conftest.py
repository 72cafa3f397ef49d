"""Website test set-up: a controlled pipeline, a paper factory and named users per role."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from typing import Any

import pytest

from msdigest.paper import AbstractSection, Paper, PubDate

_pmids = itertools.count(99000001)
SAMPLE_DATE = PubDate(2026, 3, 14)

DEFAULT_ABSTRACT = (
    "We followed adults with relapsing-remitting multiple sclerosis (n = 48) for two years. "
    "Walking speed was measured every six months. Fatigue was lower in people who walked daily."
)


@pytest.fixture
def pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Use the fake facts, engine and checks of tests/web/fakes.py."""
    import msdigest.checks
    import msdigest.facts
    from msdigest.writers.registry import ENGINES
    from tests.web import fakes

    monkeypatch.setitem(ENGINES, "fake", ("Fake", "tests.web.fakes.FakeEngine"))
    monkeypatch.setitem(ENGINES, "broken", ("Broken", "tests.web.fakes.BrokenEngine"))
    monkeypatch.setattr(msdigest.facts, "extract_facts", fakes.fake_facts, raising=False)
    monkeypatch.setattr(msdigest.checks, "run_checks", fakes.fake_checks, raising=False)


@pytest.fixture
def settings_fake_engine(settings: Any, pipeline: None) -> Any:
    settings.MSDIGEST_ENGINE = "fake"
    settings.MSDIGEST_AUTO_PUBLISH = False
    return settings


@pytest.fixture
def make_paper(db: None) -> Callable[..., Any]:
    """Return a function that stores a paper and returns its row."""
    from msdigest_web.papers.models import Paper as PaperRow
    from msdigest_web.papers.models import content_hash

    def make(
        title: str = "Daily walking and fatigue in MS",
        abstract: str = DEFAULT_ABSTRACT,
        *,
        pmid: str | None = "auto",
        journal: str | None = "Sample Journal of MS Research",
        pub_date: PubDate | None = SAMPLE_DATE,
        keywords: tuple[str, ...] = (),
        doi: str | None = None,
    ) -> PaperRow:
        if pmid == "auto":
            pmid = str(next(_pmids))
        record = Paper(
            id=pmid or f"paper-{next(_pmids)}",
            title=title,
            abstract=(AbstractSection(abstract),),
            pmid=pmid,
            doi=doi,
            journal_title=journal,
            pub_date=pub_date,
            entry_date=dt.date(2026, 3, 20),
            keywords=keywords,
        )
        data = record.to_dict()
        return PaperRow.objects.create(
            source_id=record.id,
            pmid=pmid,
            doi=doi,
            title=title,
            journal=journal or "",
            pub_date=pub_date.as_date() if pub_date else None,
            pub_date_display=pub_date.display() if pub_date else "",
            entry_date=record.entry_date,
            data=data,
            content_hash=content_hash(data),
        )

    return make


@pytest.fixture
def make_article(make_paper: Callable[..., Any], settings_fake_engine: Any) -> Callable[..., Any]:
    """Return a function that stores a paper, drafts its article and optionally publishes."""
    from msdigest_web.articles import services

    def make(*, publish: bool = True, **paper_fields: Any) -> Any:
        article = services.draft_paper(make_paper(**paper_fields), engine="fake")
        if publish:
            services.publish(article, None)
        article.refresh_from_db()
        return article

    return make


def _user(username: str, group: str | None, **extra: Any) -> Any:
    from django.contrib.auth.models import User

    from msdigest_web.articles.roles import ensure_roles

    user = User.objects.create_user(username, password="pw-" + username, **extra)
    if group:
        user.groups.add(ensure_roles()[group])
    return user


@pytest.fixture
def editor(db: None) -> Any:
    return _user("edna", "Editors", is_staff=True)


@pytest.fixture
def reviewer(db: None) -> Any:
    return _user("rory", "Reviewers", is_staff=True)
