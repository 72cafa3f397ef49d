"""`msdigest bench site`: fill a database with many published articles and time the pages.

Only the benchmark imports this module; nothing on the request path does. The articles
are synthetic: each is a sample-corpus paper with its words shuffled in from other
papers, so search and related-article scores see a varied vocabulary.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import statistics
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.db import transaction
from django.test import Client
from django.utils import timezone

from msdigest.facts.model import DESIGNS, TOPICS
from msdigest.paper import Paper as PaperRecord
from msdigest.sources import Skipped, read_papers
from msdigest.text.sentences import split_sentences
from msdigest_web.articles.demo import SAMPLE_CORPUS
from msdigest_web.articles.models import Article, ArticleTopic
from msdigest_web.articles.search import index_articles
from msdigest_web.articles.services import refresh_related
from msdigest_web.articles.views import topic_slug
from msdigest_web.papers.models import Paper, content_hash

GOALS_MS = {"home": 50.0, "article": 50.0, "topic": 50.0, "search": 100.0}
BATCH = 1000


@dataclass(frozen=True)
class Timing:
    """Response times of one page kind, in milliseconds."""

    kind: str
    via: str
    times: list[float]
    cpu: list[float] | None = None

    @property
    def p50(self) -> float:
        return statistics.median(self.times)

    @property
    def p95(self) -> float:
        return percentile(self.times, 0.95)


def percentile(values: list[float], fraction: float) -> float:
    """Return the value below which `fraction` of `values` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _sample_papers() -> list[PaperRecord]:
    return [p for p in read_papers([str(SAMPLE_CORPUS)], None) if not isinstance(p, Skipped)]


def _variant(base: PaperRecord, index: int, vocabulary: list[str], rng: random.Random) -> dict:
    extra = " ".join(rng.sample(vocabulary, 12))
    title = f"{base.title.rstrip('.')}: {' '.join(rng.sample(vocabulary, 3))} ({index})"
    data = base.to_dict()
    data.update(id=f"bench-{index}", pmid=None, doi=None, title=title)
    data["abstract"] = [{**s, "text": f"{s['text']} {extra}."} for s in data["abstract"]][:3]
    return data


def fill(count: int, *, seed: int = 7) -> float:
    """Store `count` published articles with topics, search index and related rows.

    Returns the seconds spent computing related articles (a figure worth knowing).
    """
    rng = random.Random(seed)
    papers = _sample_papers()
    vocabulary = sorted(
        {w.strip(".,;:()").lower() for p in papers for w in p.abstract_text.split() if len(w) > 5}
    )
    topic_keys = list(TOPICS)
    now = timezone.now()
    for start in range(0, count, BATCH):
        with transaction.atomic():
            rows, articles = [], []
            for index in range(start, min(count, start + BATCH)):
                data = _variant(papers[index % len(papers)], index, vocabulary, rng)
                rows.append(
                    Paper(
                        source_id=data["id"],
                        title=data["title"],
                        journal=data.get("journal_title") or "",
                        data=data,
                        content_hash=content_hash(data),
                    )
                )
            Paper.objects.bulk_create(rows)
            stored = Paper.objects.filter(source_id__in=[r.source_id for r in rows])
            for paper in stored:
                abstract = " ".join(s["text"] for s in paper.data["abstract"])
                sentences = [s.text for s in split_sentences(abstract)][:6]
                topics = rng.sample(topic_keys, rng.choice((1, 2)))
                size = rng.choice((None, 12, 24, 48, 96, 150, 480, 2500))
                articles.append(
                    Article(
                        paper=paper,
                        slug=f"bench-article-{paper.source_id}",
                        status=Article.Status.PUBLISHED,
                        headline=paper.title,
                        study=" ".join(sentences[:3]),
                        why_people_with_ms=" ".join(sentences[3:4]),
                        analogy="It is like a map drawn from a few streets.",
                        why_caregivers=" ".join(sentences[4:5]),
                        why_healthcare_providers=" ".join(sentences[5:6]),
                        why_may_not_apply="It may not apply to everyone with MS.",
                        keep_in_mind="This is synthetic benchmark text.",
                        summary={},
                        sentences=[
                            {"text": s, "section": "study", "part": None, "sources": []}
                            for s in sentences
                        ],
                        glossary=[{"term": "relapse", "definition": "A flare of MS symptoms."}],
                        facts={},
                        checks={"status": "pass", "results": []},
                        check_status="pass",
                        engine_key="bench",
                        topics=topics,
                        evidence_label="observational study",
                        evidence_reasons=["people were observed"],
                        evidence_level=2,
                        study_design=rng.choice(DESIGNS),
                        sample_size=size,
                        published_at=now - dt.timedelta(minutes=index),
                    )
                )
            Article.objects.bulk_create(articles)
            created = list(
                Article.objects.filter(paper__source_id__in=[r.source_id for r in rows])
                .select_related("paper")
            )  # fmt: skip
            ArticleTopic.objects.bulk_create(
                [ArticleTopic(article=a, topic=t) for a in created for t in a.topics]
            )
            index_articles(created)
    started = time.perf_counter()
    refresh_related()
    return time.perf_counter() - started


def _urls(count: int, rng: random.Random) -> dict[str, list[str]]:
    slugs = list(Article.objects.published().values_list("slug", flat=True)[:5000])
    words = ["fatigue", "walking", "vitamin", "relapse", "mri", "cognition", "diet",
             "pregnancy", "exercise", "memory", "lesions", "immune"]  # fmt: skip
    pages = max(1, min(50, Article.objects.published().count() // 20))
    return {
        "home": [f"/?page={rng.randint(1, pages)}" for _ in range(count)],
        "article": [f"/articles/{rng.choice(slugs)}/" for _ in range(count)],
        "topic": [f"/topics/{topic_slug(rng.choice(list(TOPICS)))}/" for _ in range(count)],
        "search": [f"/search/?q={rng.choice(words)}" for _ in range(count)],
    }


def _time(get: Callable[[str], int], urls: list[str]) -> tuple[list[float], list[float]]:
    """Return wall-clock and CPU milliseconds of each request, made one at a time."""
    for url in urls[:5]:  # warm caches and connections
        get(url)
    times, cpu = [], []
    for url in urls:
        started, cpu_started = time.perf_counter(), time.process_time()
        status = get(url)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
        if status != 200:
            raise RuntimeError(f"{url} answered {status}")
    return times, cpu


def measure(requests_per_page: int, *, seed: int = 11) -> list[Timing]:
    """Time each page kind through the test client and through waitress on 127.0.0.1."""
    import httpx
    from waitress.server import create_server

    from msdigest_web.wsgi import application

    urls = _urls(requests_per_page, random.Random(seed))
    client = Client(HTTP_HOST="127.0.0.1")
    timings = []
    for kind, kind_urls in urls.items():
        times, cpu = _time(lambda u: client.get(u).status_code, kind_urls)
        timings.append(Timing(kind, "test client", times, cpu))
    # One request at a time never queues for long; waitress still warns on each wait.
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    server = create_server(application, host="127.0.0.1", port=0, threads=1)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.effective_port}"
        with httpx.Client(base_url=base, timeout=30) as http:
            for kind, kind_urls in urls.items():
                times, _cpu = _time(lambda u: http.get(u).status_code, kind_urls)
                timings.append(Timing(kind, "waitress + httpx", times))
    finally:
        time.sleep(0.2)  # let the last request's task finish before the sockets close
        server.close()
    return timings


def run_benchmark(articles: int, requests_per_page: int) -> Iterator[str]:
    """Fill, measure and yield the report lines."""
    existing = Article.objects.published().count()
    if existing >= articles:
        yield f"reusing {existing:,} published articles"
    else:
        if existing:
            raise RuntimeError(f"the benchmark database holds {existing} articles; use a new one")
        started = time.perf_counter()
        related_seconds = fill(articles)
        yield (
            f"filled {articles:,} published articles in {time.perf_counter() - started:.1f} s "
            f"(related articles: {related_seconds:.1f} s)"
        )
    timings = measure(requests_per_page)
    yield f"{'page':<8} {'via':<17} {'p50 ms':>7} {'p95 ms':>7} {'cpu p95':>8} {'goal':>6}  ok"
    for timing in timings:
        goal = GOALS_MS[timing.kind]
        verdict = "yes" if timing.p95 < goal else "NO"
        cpu = f"{percentile(timing.cpu, 0.95):.1f}" if timing.cpu else "-"
        yield (
            f"{timing.kind:<8} {timing.via:<17} {timing.p50:>7.1f} {timing.p95:>7.1f} "
            f"{cpu:>8} {'<' + format(goal, '.0f'):>6}  {verdict}"
        )
    yield (
        f"({requests_per_page} requests per page kind, one at a time, one server thread; "
        "p50/p95 are wall-clock, cpu p95 is the process's CPU time per request: on a busy "
        "machine the wall-clock figures include waiting for a core)"
    )
