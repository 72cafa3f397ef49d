"""msdigest: plain-language, source-checked summaries of new multiple sclerosis research.

This package is the pipeline library: sources -> facts -> writers -> checks. It never
imports Django (the website lives in `msdigest_web` and a test holds that wall).
"""

from __future__ import annotations

from msdigest.errors import MsdigestError
from msdigest.facts.model import StudyFacts
from msdigest.paper import AbstractSection, Author, MeshHeading, Paper, PubDate
from msdigest.sources import Skipped, read_papers
from msdigest.summary import CheckReport, CheckResult, LaySummary

__version__ = "0.1.0"

__all__ = [
    "AbstractSection",
    "Author",
    "CheckReport",
    "CheckResult",
    "LaySummary",
    "MeshHeading",
    "MsdigestError",
    "Paper",
    "PubDate",
    "Skipped",
    "StudyFacts",
    "__version__",
    "read_papers",
]
