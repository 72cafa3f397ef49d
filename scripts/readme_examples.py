"""Write three sample-corpus articles into README.md between the `examples` markers.

Run `.venv/bin/python scripts/readme_examples.py` after changing the writer;
`tests/test_docs.py` fails when the README's examples are not what the writer now writes.
"""

from __future__ import annotations

from pathlib import Path

from msdigest.facts import extract_facts
from msdigest.paper import Paper
from msdigest.sources import read_papers
from msdigest.writers import write_summary
from msdigest.writers.render import render_markdown

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "src" / "msdigest" / "data" / "sample" / "sample-corpus.xml"
PMIDS = ("900000008", "900000013", "900000002")  # a small trial, a review, a cohort
START, END = "<!-- examples -->", "<!-- /examples -->"


def _demote(markdown: str) -> str:
    """Move an article's headings under the README's "Example articles" section."""
    lines = []
    for line in markdown.strip().splitlines():
        if line.startswith("## "):
            line = "##### " + line[3:]
        elif line.startswith("# "):
            line = "#### " + line[2:]
        lines.append(line)
    return "\n".join(lines)


def examples() -> str:
    """Return the examples block, markers included."""
    papers = {p.pmid: p for p in read_papers([SAMPLE]) if isinstance(p, Paper)}
    articles = []
    for pmid in PMIDS:
        paper = papers[pmid]
        articles.append(_demote(render_markdown(write_summary(paper, extract_facts(paper)), paper)))
    return f"{START}\n\n" + "\n\n---\n\n".join(articles) + f"\n\n{END}"


def current(readme: str) -> str:
    """Return the examples block as the README has it now."""
    return readme[readme.index(START) : readme.index(END) + len(END)]


if __name__ == "__main__":
    path = ROOT / "README.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(current(text), examples()), encoding="utf-8")
