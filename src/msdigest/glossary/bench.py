"""Measure how fast the glossary and the plain-words map find their words in text.

The writer and the jargon check run `Glossary.find` on every summary, so it must handle
thousands of texts per second on one core. Run `python -m msdigest.glossary.bench` to print
the figures; `run_benchmark` returns them for a `msdigest bench` command. Rates are per
second of this process's CPU time, so other work on a busy machine does not distort them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from msdigest.glossary.plain_words import load_plain_words
from msdigest.glossary.terms import load_glossary

__all__ = ["GlossaryBenchmark", "run_benchmark"]

# A made-up abstract in the style of MS research (about 1,000 characters), dense in terms.
SAMPLE_TEXT = (
    "Background: Relapsing-remitting MS (RRMS) is the most common form of multiple sclerosis. "
    "Objective: To assess whether a 12-week aerobic exercise programme improves processing "
    "speed, fatigue and thalamic volume. Methods: In this randomised, double-blind, "
    "placebo-controlled pilot study, 48 participants with an EDSS score below 6.0 were "
    "randomly assigned to aerobic training or stretching. Outcomes were the SDMT, the "
    "6-minute walk test, the timed 25-foot walk, the MFIS and MRI measures of brain atrophy "
    "and T2 lesions. Results: Compared with baseline, the SDMT improved by 4.2 points "
    "(95% CI 1.1 to 7.3; p = 0.01). No serious adverse events occurred. Neurofilament light "
    "chain levels did not change. Conclusions: Aerobic exercise was associated with faster "
    "processing speed in people with MS; larger randomised controlled trials with longer "
    "follow-up are needed before disease-modifying therapy decisions can draw on it."
)


@dataclass(frozen=True, slots=True)
class GlossaryBenchmark:
    """Throughput of the matchers on `SAMPLE_TEXT`, and how long loading took."""

    load_seconds: float
    texts: int
    characters_per_text: int
    glossary_texts_per_second: float
    glossary_matches_per_text: int
    plain_words_texts_per_second: float


def _rate(count: int, seconds: float) -> float:
    return round(count / seconds, 1) if seconds > 0 else float("inf")


def run_benchmark(texts: int = 5000) -> GlossaryBenchmark:
    """Return how many texts per second `find` handles, after loading every list once."""
    started = time.perf_counter()
    glossary = load_glossary()
    plain_words = load_plain_words()
    loaded = time.perf_counter() - started

    started = time.process_time()
    for _ in range(texts):
        matches = glossary.scan(SAMPLE_TEXT)  # `find` would answer from its memo
    glossary_seconds = time.process_time() - started

    started = time.process_time()
    for _ in range(texts):
        plain_words.find(SAMPLE_TEXT)
    plain_seconds = time.process_time() - started

    return GlossaryBenchmark(
        load_seconds=round(loaded, 3),
        texts=texts,
        characters_per_text=len(SAMPLE_TEXT),
        glossary_texts_per_second=_rate(texts, glossary_seconds),
        glossary_matches_per_text=len(matches),
        plain_words_texts_per_second=_rate(texts, plain_seconds),
    )


if __name__ == "__main__":  # pragma: no cover - a command-line convenience
    result = run_benchmark()
    for name in result.__dataclass_fields__:
        print(f"{name}: {getattr(result, name)}")
