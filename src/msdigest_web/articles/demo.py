"""Build the demo site's content: sample papers, drafts, published articles, an editor.

`msdigest demo` calls `build_demo` on a fresh database; tests call it too, so the demo a
new user sees is the one the tests check.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth.models import User
from django.db import transaction

import msdigest
from msdigest.sources import Skipped, read_papers
from msdigest_web.articles.roles import ensure_roles
from msdigest_web.articles.services import DraftReport, draft_missing
from msdigest_web.papers.models import Paper, content_hash

SAMPLE_CORPUS = Path(msdigest.__file__).resolve().parent / "data" / "sample" / "sample-corpus.xml"
DEMO_EDITOR = "editor"

Progress = Callable[[Iterable[Paper], int], Iterable[Paper]]


@dataclass
class DemoResult:
    """What the demo made: papers stored, the draft report, and the editor's login."""

    papers: int
    report: DraftReport
    username: str
    password: str
    skipped_records: list[str] = field(default_factory=list)


def store_papers(paths: Iterable[Path]) -> tuple[int, list[str]]:
    """Store the papers of `paths` (PubMed XML or JSONL); return (count, skip reasons).

    Uses the ingest of `msdigest_web.papers` when it is installed, so the demo stores
    papers exactly as `msdigest ingest file` would.
    """
    try:
        from msdigest_web.papers import ingest  # type: ignore[attr-defined]
    except ImportError:
        ingest = None
    if ingest is not None and hasattr(ingest, "ingest_files"):
        run = ingest.ingest_files([str(p) for p in paths])
        return run.new + run.updated + run.unchanged, [
            f"{s.get('record_id')}: {s.get('reason')}" for s in run.skip_reasons
        ]
    stored, skipped = 0, []
    with transaction.atomic():
        for item in read_papers([str(p) for p in paths], None):
            if isinstance(item, Skipped):
                skipped.append(str(item))
                continue
            data = item.to_dict()
            Paper.objects.update_or_create(
                source_id=item.id,
                defaults={
                    "pmid": item.pmid,
                    "doi": item.doi.lower() if item.doi else None,
                    "title": item.title,
                    "journal": item.journal or "",
                    "pub_date": item.pub_date.as_date() if item.pub_date else None,
                    "pub_date_display": item.pub_date.display() if item.pub_date else "",
                    "entry_date": item.entry_date,
                    "data": data,
                    "content_hash": content_hash(data),
                },
            )
            stored += 1
    return stored, skipped


def create_editor(username: str = DEMO_EDITOR) -> tuple[str, str]:
    """Create (or reset) a staff editor with a new random password; return the login."""
    password = secrets.token_urlsafe(12)
    user, _ = User.objects.get_or_create(username=username)
    user.is_staff = True
    user.is_active = True
    user.set_password(password)
    user.save()
    user.groups.add(ensure_roles()["Editors"])
    return username, password


def build_demo(
    *,
    corpus: Path = SAMPLE_CORPUS,
    engine: str | None = None,
    progress: Progress | None = None,
) -> DemoResult:
    """Load the sample corpus, draft every paper, publish what passes, create an editor."""
    stored, skipped = store_papers([corpus])
    report = draft_missing(engine=engine, auto_publish=True, progress=progress)
    username, password = create_editor()
    return DemoResult(stored, report, username, password, skipped)
