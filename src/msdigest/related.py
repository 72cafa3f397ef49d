"""Related articles by text similarity: TF-IDF over title, abstract and topics.

Pure Python with an inverted index, so finding the closest articles for each of 10,000
articles takes seconds, not the minutes a full pairwise comparison would. Two shortcuts
keep it fast, and both only drop terms that barely move a score:

* a term found in more than `max_df` of all documents (think "multiple", "sclerosis") is
  not used to find candidates: it is in nearly every document and says nothing about
  which ones are alike;
* each document looks for candidates through its `query_terms` highest-weighted terms;
* each term keeps only its `champions` highest-weighted documents as candidates (the
  "champion lists" of information retrieval): a document where a term weighs little
  would not be among the closest through that term anyway.

Scores are cosine similarities of L2-normalised, sublinear TF-IDF vectors (0 to 1).
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = ["RelatedDocument", "RelatedIndex", "tokenize"]

_WORD = re.compile(r"[a-z][a-z0-9\-]{2,}")

# Words common in any abstract that carry no topic; TF-IDF would down-weight them anyway,
# dropping them early keeps the index small.
_STOPWORD_TEXT = """
    about above after again against all also among and any are because been before being
    below between both but can could did does doing down during each few for from further
    had has have having her here hers him his how however into its itself just may might
    more most not now off once only other our ours out over own same she should some such
    than that the their theirs them then there these they this those through too under
    until very was were what when where which while who whom why will with within without
    would you your yours study studies patients participants results methods background
    conclusion conclusions objective objectives using used use based total were was
    significant significantly compared among included including associated analysis
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def tokenize(text: str) -> list[str]:
    """Return the lower-case content words of `text`, without stopwords or numbers."""
    return [
        word.strip("-")
        for word in _WORD.findall(text.lower())
        if word not in _STOPWORDS and len(word.strip("-")) > 2
    ]


@dataclass(frozen=True, slots=True)
class RelatedDocument:
    """One document to index: its key, its text, and its topic keys (weighted higher)."""

    key: str
    text: str
    topics: tuple[str, ...] = ()


class RelatedIndex:
    """Return, for any indexed document, the most similar other documents.

    Build it once from every published article, then ask `top(key)` for each; `add`
    is not offered because IDF weights depend on the whole collection.
    """

    def __init__(
        self,
        documents: Iterable[RelatedDocument],
        *,
        topic_weight: float = 3.0,
        max_df: float = 0.5,
        query_terms: int = 20,
        champions: int = 60,
    ) -> None:
        counts: dict[str, Counter[str]] = {}
        for doc in documents:
            terms = Counter(tokenize(doc.text))
            for topic in doc.topics:
                terms[f"topic:{topic}"] += 1
            counts[doc.key] = terms
        self._query_terms = query_terms
        total = len(counts)
        document_frequency: Counter[str] = Counter()
        for terms in counts.values():
            document_frequency.update(terms.keys())
        idf = {
            term: math.log((1 + total) / (1 + df)) + 1.0 for term, df in document_frequency.items()
        }
        self._vectors: dict[str, dict[str, float]] = {}
        self._postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
        df_limit = max(2.0, max_df * total)
        for key, terms in counts.items():
            vector = {}
            for term, count in terms.items():
                weight = (1.0 + math.log(count)) * idf[term]
                if term.startswith("topic:"):
                    weight *= topic_weight
                vector[term] = weight
            norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
            vector = {term: w / norm for term, w in vector.items()}
            self._vectors[key] = vector
            for term, weight in vector.items():
                if document_frequency[term] <= df_limit:
                    self._postings[term].append((key, weight))
        for posting in self._postings.values():
            if len(posting) > champions:
                posting.sort(key=lambda item: (-item[1], item[0]))
                del posting[champions:]

    def __len__(self) -> int:
        return len(self._vectors)

    def top(self, key: str, k: int = 6, *, min_score: float = 0.01) -> list[tuple[str, float]]:
        """Return up to `k` (key, score) pairs most similar to `key`, best first.

        Ties are broken by key so the order never changes between runs.
        """
        vector = self._vectors.get(key)
        if not vector:
            return []
        strongest = heapq.nlargest(self._query_terms, vector.items(), key=lambda item: item[1])
        scores: dict[str, float] = defaultdict(float)
        postings = self._postings
        for term, weight in strongest:
            for other, other_weight in postings.get(term, ()):
                scores[other] += weight * other_weight
        scores.pop(key, None)
        ranked = heapq.nsmallest(k, scores.items(), key=lambda item: (-item[1], item[0]))
        return [(other, round(score, 6)) for other, score in ranked if score >= min_score]

    def all_top(self, k: int = 6) -> Mapping[str, list[tuple[str, float]]]:
        """Return `top(key, k)` for every indexed document."""
        return {key: self.top(key, k) for key in self._vectors}
