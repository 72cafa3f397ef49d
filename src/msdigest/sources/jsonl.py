"""Read papers from JSON Lines: one object per line, for records from anywhere else.

Schema (README, "JSONL input"): `title` and `abstract` are required; `id`, `pmid`, `doi`,
`journal`, `citation`, `pub_date`, `publication_types`, `mesh_terms`, `language` are
optional. An abstract written as lines "LABEL: text" becomes labelled sections.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from msdigest.errors import InputError
from msdigest.paper import AbstractSection, MeshHeading, Paper, PubDate, month_number
from msdigest.sources.language import normalise_language
from msdigest.sources.sections import LABEL_LINE, nlm_category
from msdigest.sources.skipped import Skipped
from msdigest.text.clean import clean_text

__all__ = ["iter_jsonl", "paper_from_json", "split_sections"]

# "Eur J Neurol. 2021 Feb 20. doi: ..." -> journal abbreviation and date
_CITATION = re.compile(
    r"^(?P<journal>[^.]+(?:\.[^.\d][^.]*)*?)\.\s+(?P<year>\d{4})"
    r"(?:\s+(?P<month>[A-Za-z]{3,9}))?(?:\s+(?P<day>\d{1,2}))?\b"
)
_ISO_DATE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?$")


def split_sections(abstract: str) -> tuple[AbstractSection, ...]:
    """Split "LABEL: text" lines into sections; unlabelled lines join the section before."""
    sections: list[AbstractSection] = []
    for raw_line in abstract.splitlines():
        line = clean_text(raw_line)
        if not line:
            continue
        match = LABEL_LINE.match(line)
        label = match.group("label").strip() if match else None
        if match and label and _looks_like_label(label):
            sections.append(
                AbstractSection(
                    text=match.group("text").strip(), label=label, category=nlm_category(label)
                )
            )
        elif sections:
            last = sections[-1]
            sections[-1] = AbstractSection(
                text=f"{last.text} {line}", label=last.label, category=last.category
            )
        else:
            sections.append(AbstractSection(text=line))
    return tuple(sections)


def _looks_like_label(label: str) -> bool:
    """Tell a section label ("RESULTS", "Main results") from a sentence with a colon."""
    words = label.split()
    if label.upper() == label and len(words) <= 6:
        return True
    return len(words) <= 3 and nlm_category(label) != "UNASSIGNED"


def _pub_date(value: Any, citation: str | None) -> PubDate | None:
    """Read `pub_date` ("2021-02-20", "2021 Feb 20", {"year": ...}) or the citation's date."""
    if isinstance(value, dict):
        return PubDate(**{k: value.get(k) for k in ("year", "month", "day", "medline_date")})
    if isinstance(value, int):
        return PubDate(year=value)
    if isinstance(value, str) and value.strip():
        text = value.strip()
        iso = _ISO_DATE.match(text)
        if iso:
            return PubDate(
                year=int(iso["year"]),
                month=int(iso["month"]) if iso["month"] else None,
                day=int(iso["day"]) if iso["day"] else None,
            )
        return PubDate.from_medline_date(text)
    if citation:
        match = _CITATION.match(citation)
        if match:
            return PubDate(
                year=int(match["year"]),
                month=month_number(match["month"]),
                day=int(match["day"]) if match["day"] and match["month"] else None,
            )
    return None


def _journal_from_citation(citation: str | None) -> str | None:
    if not citation:
        return None
    match = _CITATION.match(citation)
    return match["journal"].strip() if match else None


def _strings(value: Any, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,) if value.strip() else ()
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v.strip() for v in value if v.strip())
    raise ValueError(f"`{field}` must be a string or a list of strings")


def paper_from_json(data: Any, where: str) -> Paper | Skipped:
    """Turn one decoded JSON object into a `Paper`, or a `Skipped` saying what is wrong."""
    if not isinstance(data, dict):
        return Skipped(where, "not a JSON object")
    record_id = (
        data.get("id") or data.get("pmid") or (f"doi:{data['doi']}" if data.get("doi") else None)
    )
    record_id = str(record_id) if record_id is not None else None
    title = data.get("title")
    abstract = data.get("abstract")
    if not isinstance(title, str) or not clean_text(title):
        return Skipped(where, "no title", record_id)
    if not isinstance(abstract, str) or not clean_text(abstract):
        return Skipped(where, "no abstract", record_id)
    language = normalise_language(data.get("language"))
    if language not in (None, "eng"):
        return Skipped(where, f"not English (language {data.get('language')!r})", record_id)
    try:
        publication_types = _strings(data.get("publication_types"), "publication_types")
        mesh_terms = _strings(data.get("mesh_terms"), "mesh_terms")
        pub_date = _pub_date(data.get("pub_date"), data.get("citation"))
    except (TypeError, ValueError) as exc:
        return Skipped(where, f"bad field: {exc}", record_id)
    if record_id is None:
        record_id = "sha1:" + hashlib.sha1(clean_text(title).encode()).hexdigest()[:12]
    citation = data.get("citation") if isinstance(data.get("citation"), str) else None
    journal = data.get("journal") if isinstance(data.get("journal"), str) else None
    return Paper(
        id=record_id,
        title=clean_text(title),
        abstract=split_sections(abstract),
        pmid=str(data["pmid"]) if data.get("pmid") else None,
        doi=str(data["doi"]).strip() if data.get("doi") else None,
        journal_title=journal,
        journal_iso=_journal_from_citation(citation) if not journal else None,
        pub_date=pub_date,
        mesh_headings=tuple(MeshHeading(descriptor=term) for term in mesh_terms),
        publication_types=publication_types,
        language=language or "eng",
        citation=citation,
        source=where,
    )


def _open_text(path: Path) -> io.TextIOWrapper:
    if path.name.endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8")
    return path.open(encoding="utf-8")


def iter_jsonl(path: str | Path) -> Iterator[Paper | Skipped]:
    """Yield a `Paper` or `Skipped` for every non-blank line of a JSONL file."""
    path = Path(path)
    try:
        handle = _open_text(path)
    except OSError as exc:
        raise InputError(f"{path}: cannot open: {exc.strerror or exc}") from exc
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                where = f"{path}:{number}"
                try:
                    data = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield Skipped(where, f"invalid JSON: {exc.msg} at column {exc.colno}")
                    continue
                yield paper_from_json(data, where)
        except (UnicodeDecodeError, OSError, EOFError) as exc:
            raise InputError(f"{path}: not a readable UTF-8 JSONL file: {exc}") from exc
