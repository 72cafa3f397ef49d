"""The `Paper` record: one study as it came from its source, typed and immutable.

Every later stage (facts, writers, checks, the website) reads papers through this record
only, so the parsers are the single place that knows PubMed XML or our JSONL schema.
Collections are tuples, never strings joined with "; ", so nothing downstream has to
re-split them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "AbstractSection",
    "Author",
    "MeshHeading",
    "Paper",
    "PubDate",
]


@dataclass(frozen=True, slots=True)
class AbstractSection:
    """One part of an abstract: "METHODS: ..." keeps `label` "METHODS".

    `category` is NLM's normalised category (BACKGROUND, OBJECTIVE, METHODS, RESULTS,
    CONCLUSIONS, UNASSIGNED) when the record has one; unstructured abstracts are a single
    section with no label.
    """

    text: str
    label: str | None = None
    category: str | None = None


@dataclass(frozen=True, slots=True)
class Author:
    """A person (last name, fore name, initials) or a collective (group) author."""

    last_name: str | None = None
    fore_name: str | None = None
    initials: str | None = None
    collective_name: str | None = None
    affiliations: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """Return the name as a citation shows it: "Smith AB" or the group's name."""
        if self.collective_name:
            return self.collective_name
        parts = [p for p in (self.last_name, self.initials or self.fore_name) if p]
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class MeshHeading:
    """A MeSH descriptor, whether it is a major topic, and its qualifiers."""

    descriptor: str
    major_topic: bool = False
    qualifiers: tuple[str, ...] = ()


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}


def month_number(text: str | None) -> int | None:
    """Return 1-12 for "Jan", "January", "01" or "1"; None for anything else."""
    if not text:
        return None
    value = text.strip().lower().rstrip(".")
    if value.isdigit():
        number = int(value)
        return number if 1 <= number <= 12 else None
    return _MONTHS.get(value) or _SEASONS.get(value)


@dataclass(frozen=True, slots=True)
class PubDate:
    """A publication date as precise as the source gives it.

    PubMed often has only a year and month, and sometimes only a free-text `MedlineDate`
    such as "2013 Jan-Mar" or "1998 Dec-1999 Jan"; that text is kept in `medline_date`
    and its first year and month are parsed into `year` and `month`.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    medline_date: str | None = None

    @classmethod
    def from_medline_date(cls, text: str) -> PubDate:
        """Parse a MedlineDate string ("2013 Jan-Mar", "2000 Spring", "1999-2000")."""
        tokens = text.replace("-", " ").replace("/", " ").split()
        year = next((int(t) for t in tokens if t.isdigit() and len(t) == 4), None)
        # Only words name months here: a bare number such as "2000" is a year.
        words = [t for t in tokens if not t.isdigit()]
        month = next((m for m in map(month_number, words) if m is not None), None)
        return cls(year=year, month=month, day=None, medline_date=text.strip())

    def as_date(self) -> dt.date | None:
        """Return the earliest calendar date this could be, or None without a year."""
        if self.year is None:
            return None
        try:
            return dt.date(self.year, self.month or 1, self.day or 1)
        except ValueError:
            return dt.date(self.year, self.month or 1, 1)

    def display(self) -> str:
        """Return the date as precisely as known: "2021", "Feb 2021", "20 Feb 2021"."""
        if self.year is None:
            return self.medline_date or ""
        if self.month is None:
            return self.medline_date or str(self.year)
        month = dt.date(2000, self.month, 1).strftime("%b")
        if self.day is None:
            return f"{month} {self.year}"
        return f"{self.day} {month} {self.year}"


@dataclass(frozen=True, slots=True)
class Paper:
    """One research record: identifiers, bibliographic data and the abstract in sections.

    `id` is the stable key used in every output: the JSONL `id` when given, else the PMID,
    else "doi:<DOI>".
    """

    id: str
    title: str
    abstract: tuple[AbstractSection, ...]
    pmid: str | None = None
    doi: str | None = None
    pmcid: str | None = None
    journal_title: str | None = None
    journal_iso: str | None = None
    pub_date: PubDate | None = None
    entry_date: dt.date | None = None
    authors: tuple[Author, ...] = ()
    mesh_headings: tuple[MeshHeading, ...] = ()
    keywords: tuple[str, ...] = ()
    publication_types: tuple[str, ...] = ()
    language: str | None = "eng"
    citation: str | None = None
    source: str | None = field(default=None, compare=False)

    @property
    def abstract_text(self) -> str:
        """Return the abstract as one text, each section on its own line as "LABEL: text".

        Character offsets of fact spans refer to this exact string.
        """
        return "\n".join(
            f"{section.label}: {section.text}" if section.label else section.text
            for section in self.abstract
        )

    @property
    def affiliations(self) -> tuple[str, ...]:
        """Return every distinct author affiliation in order of first appearance."""
        seen: dict[str, None] = {}
        for author in self.authors:
            for affiliation in author.affiliations:
                seen.setdefault(affiliation, None)
        return tuple(seen)

    @property
    def mesh_terms(self) -> tuple[str, ...]:
        """Return the MeSH descriptor names."""
        return tuple(heading.descriptor for heading in self.mesh_headings)

    @property
    def journal(self) -> str | None:
        """Return the journal's full title, or its abbreviation when that is all we have."""
        return self.journal_title or self.journal_iso

    @property
    def pubmed_url(self) -> str | None:
        """Return the PubMed page of this record, if it has a PMID."""
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/" if self.pmid else None

    @property
    def doi_url(self) -> str | None:
        """Return the resolver link for the DOI, if any."""
        return f"https://doi.org/{self.doi}" if self.doi else None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict; `Paper.from_dict` reads it back unchanged."""
        data = asdict(self)
        data.pop("source", None)
        data["entry_date"] = self.entry_date.isoformat() if self.entry_date else None
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Paper:
        """Rebuild a paper from `to_dict` output (as stored in the database)."""
        pub_date = data.get("pub_date")
        entry_date = data.get("entry_date")
        return cls(
            id=str(data["id"]),
            title=data["title"],
            abstract=tuple(AbstractSection(**s) for s in data.get("abstract", ())),
            pmid=data.get("pmid"),
            doi=data.get("doi"),
            pmcid=data.get("pmcid"),
            journal_title=data.get("journal_title"),
            journal_iso=data.get("journal_iso"),
            pub_date=PubDate(**pub_date) if pub_date else None,
            entry_date=dt.date.fromisoformat(entry_date) if entry_date else None,
            authors=tuple(
                Author(**{**a, "affiliations": tuple(a.get("affiliations", ()))})
                for a in data.get("authors", ())
            ),
            mesh_headings=tuple(
                MeshHeading(**{**m, "qualifiers": tuple(m.get("qualifiers", ()))})
                for m in data.get("mesh_headings", ())
            ),
            keywords=tuple(data.get("keywords", ())),
            publication_types=tuple(data.get("publication_types", ())),
            language=data.get("language"),
            citation=data.get("citation"),
        )
