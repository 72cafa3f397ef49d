"""`manage.py draft`: write, check and store a draft article for every new paper."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from msdigest_web.articles.services import draft_missing
from msdigest_web.papers.models import Paper


class Command(BaseCommand):
    help = (
        "Draft an article for every stored paper that has none: extract the facts, write "
        "the summary with the engine (MSDIGEST_ENGINE, default grounded) and store it with "
        "its check report. With auto-publish on, drafts whose checks all pass are published."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--engine", default=None, help="engine key (default: setting)")
        publish = parser.add_mutually_exclusive_group()
        publish.add_argument(
            "--auto-publish",
            dest="auto_publish",
            action="store_true",
            default=None,
            help="publish drafts whose checks all pass",
        )
        publish.add_argument(
            "--no-auto-publish",
            dest="auto_publish",
            action="store_false",
            help="keep every draft for an editor",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        def bar(papers: Iterable[Paper], total: int) -> Iterable[Paper]:
            return tqdm(
                papers, total=total, desc="Drafting", unit="paper", delay=2.0,
                file=sys.stderr, leave=False, dynamic_ncols=True,
            )  # fmt: skip

        report = draft_missing(
            engine=options["engine"] or settings.MSDIGEST_ENGINE,
            auto_publish=options["auto_publish"],
            progress=bar,
        )
        for paper, reason in report.skipped:
            self.stderr.write(f"skipped {paper.source_id}: {reason}")
        held = len(report.drafted) - len(report.published)
        self.stdout.write(
            f"drafted {len(report.drafted)}, published {len(report.published)}, "
            f"held for review {held}, skipped {len(report.skipped)}"
        )
