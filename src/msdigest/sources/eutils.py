"""Fetch PubMed records through NCBI E-utilities, as a good NCBI citizen.

One search per entry-date window (`esearch`, `usehistory=y`, `datetype=edat`), then the
records in batches of at most 200 through the search's WebEnv/query_key (`efetch`,
`retmode=xml`; never `esummary`, which has no abstracts). Every request carries `tool`,
`email` and, when set, `api_key`, and waits for a token from the process-wide bucket
(3 requests/s without a key, 10/s with one). A 429, a 5xx, a timeout, a dropped
connection or a truncated XML body is retried with exponential backoff and jitter,
honouring `Retry-After`, at most five tries in all; then `EutilsUnavailable` says what
went wrong in one line. Any other 4xx is an `EutilsError` with `permanent=True`.

PubMed lets one search page through only its first 9,999 ids, so a window with more
records is split in halves until each part fits. After the batches, every PMID the
search listed must have come back: those that did not are fetched once more by id, and
any still absent are yielded as `Missing`, never silently dropped.

Settings come from the environment (see `EutilsSettings.from_env`): `NCBI_EMAIL`
(required), `NCBI_API_KEY`, `NCBI_TOOL` (default "msdigest"), `NCBI_EUTILS_URL` (default
NCBI's), `NCBI_TIMEOUT` (seconds, default 30), `NCBI_MAX_TRIES` (default 5). The query is
`MSDIGEST_PUBMED_QUERY` or `DEFAULT_QUERY`.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import os
import random
import re
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TypeVar

import httpx

from msdigest import __version__
from msdigest.errors import ConfigurationError, EutilsError, EutilsUnavailable, InputError
from msdigest.paper import Paper
from msdigest.sources.pacing import Sleep, TokenBucket, shared_bucket
from msdigest.sources.pubmed_xml import parse_pubmed_xml_bytes
from msdigest.sources.skipped import Skipped

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_QUERY",
    "EutilsClient",
    "EutilsSettings",
    "Missing",
    "SearchResult",
    "parse_retry_after",
    "pubmed_query",
]

DEFAULT_BASE_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"

#: MS and the related conditions the site covers, English, with an abstract.
DEFAULT_QUERY = (
    '("multiple sclerosis"[tiab] OR "multiple sclerosis"[mh]'
    ' OR "clinically isolated syndrome"[tiab] OR "radiologically isolated syndrome"[tiab]'
    ' OR "neuromyelitis optica"[tiab] OR "neuromyelitis optica"[mh] OR NMOSD[tiab]'
    ' OR MOGAD[tiab] OR "MOG antibody"[tiab] OR "MOG antibodies"[tiab] OR "anti-MOG"[tiab]'
    ' OR "myelin oligodendrocyte glycoprotein antibody"[tiab])'
    " AND english[la] AND hasabstract"
)

BATCH_SIZE = 200  # NCBI's advice for efetch through the history server
SEARCH_ID_LIMIT = 9_999  # PubMed esearch pages through no more than this many ids
MAX_TRIES = 5
BACKOFF_BASE = 1.0  # seconds before the second try; doubles each time
BACKOFF_CAP = 30.0
RETRY_AFTER_CAP = 120.0  # a server asking for a longer pause is treated as unavailable

_TOOL = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

T = TypeVar("T")


def pubmed_query(environ: Mapping[str, str] | None = None) -> str:
    """Return the PubMed query: `MSDIGEST_PUBMED_QUERY` when set, else `DEFAULT_QUERY`."""
    env = os.environ if environ is None else environ
    return (env.get("MSDIGEST_PUBMED_QUERY") or "").strip() or DEFAULT_QUERY


@dataclass(frozen=True, slots=True)
class EutilsSettings:
    """How to reach E-utilities and who we are; `rate` follows from the API key."""

    email: str
    tool: str = "msdigest"
    api_key: str | None = None
    base_url: str = DEFAULT_BASE_URL
    timeout: float = 30.0
    max_tries: int = MAX_TRIES
    batch_size: int = BATCH_SIZE
    #: PubMed's paging limit per search; tests lower it to exercise window splitting.
    search_limit: int = SEARCH_ID_LIMIT

    def __post_init__(self) -> None:
        if not _EMAIL.match(self.email):
            raise ConfigurationError(
                "NCBI_EMAIL is not set to an e-mail address: NCBI asks every E-utilities "
                "client for a contact address (export NCBI_EMAIL=you@example.org)"
            )
        if not _TOOL.match(self.tool):
            raise ConfigurationError(
                f"NCBI_TOOL={self.tool!r}: use letters, digits, '.', '_' or '-' only"
            )
        if not self.base_url.startswith(("http://", "https://")):
            raise ConfigurationError(f"NCBI_EUTILS_URL={self.base_url!r} is not an http(s) URL")
        if not 1 <= self.batch_size <= BATCH_SIZE:
            raise ConfigurationError(f"batch size must be between 1 and {BATCH_SIZE}")
        if self.timeout <= 0 or self.max_tries < 1:
            raise ConfigurationError("timeout must be positive and max_tries at least 1")

    @property
    def rate(self) -> float:
        """Return NCBI's limit for us: 10 requests/s with an API key, 3 without."""
        return 10.0 if self.api_key else 3.0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> EutilsSettings:
        """Read NCBI_EMAIL, NCBI_TOOL, NCBI_API_KEY, NCBI_EUTILS_URL, NCBI_TIMEOUT and
        NCBI_MAX_TRIES (tries per request, default 5)."""
        env = os.environ if environ is None else environ
        raw_timeout = (env.get("NCBI_TIMEOUT") or "").strip()
        try:
            timeout = float(raw_timeout) if raw_timeout else 30.0
        except ValueError:
            raise ConfigurationError(f"NCBI_TIMEOUT={raw_timeout!r} is not a number") from None
        base_url = (env.get("NCBI_EUTILS_URL") or "").strip() or DEFAULT_BASE_URL
        raw_tries = (env.get("NCBI_MAX_TRIES") or "").strip()
        if raw_tries and not (raw_tries.isdigit() and 1 <= int(raw_tries) <= 10):
            raise ConfigurationError(f"NCBI_MAX_TRIES={raw_tries!r} must be a number from 1 to 10")
        return cls(
            email=(env.get("NCBI_EMAIL") or "").strip(),
            tool=(env.get("NCBI_TOOL") or "").strip() or "msdigest",
            api_key=(env.get("NCBI_API_KEY") or "").strip() or None,
            base_url=base_url if base_url.endswith("/") else base_url + "/",
            timeout=timeout,
            max_tries=int(raw_tries) if raw_tries else MAX_TRIES,
        )


@dataclass(frozen=True, slots=True)
class SearchResult:
    """One esearch: how many records match, and where the history server keeps them."""

    query: str
    mindate: dt.date
    maxdate: dt.date
    count: int
    webenv: str
    query_key: str
    pmids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Missing(Skipped):
    """A PMID that esearch listed but efetch never returned, even when asked by id."""


class _Retry(Exception):
    """A failed try that may succeed later (429, 5xx, timeout, truncated body)."""

    def __init__(self, problem: str, retry_after: float | None = None) -> None:
        super().__init__(problem)
        self.retry_after = retry_after


def _date(value: dt.date) -> str:
    return value.strftime("%Y/%m/%d")


def parse_retry_after(value: str | None, now: dt.datetime | None = None) -> float | None:
    """Return the seconds a `Retry-After` header asks for (a number or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - (now or dt.datetime.now(dt.UTC))).total_seconds())


class EutilsClient:
    """A paced, retrying client for esearch and efetch on PubMed.

    `transport` (an httpx transport), `bucket`, `sleep` and `jitter` are injectable so
    tests can point the client at a local server and run without real waiting.
    """

    def __init__(
        self,
        settings: EutilsSettings | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        bucket: TokenBucket | None = None,
        sleep: Sleep = time.sleep,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        self.settings = settings or EutilsSettings.from_env()
        self.bucket = bucket or shared_bucket(self.settings.rate)
        self._sleep = sleep
        self._jitter = jitter
        self._http = httpx.Client(
            base_url=self.settings.base_url,
            timeout=httpx.Timeout(self.settings.timeout),
            transport=transport,
            headers={"User-Agent": f"msdigest/{__version__} (mailto:{self.settings.email})"},
            follow_redirects=True,
        )

    def __enter__(self) -> EutilsClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    # --- requests ------------------------------------------------------------------------

    def _params(self, params: Mapping[str, str]) -> dict[str, str]:
        merged = {"db": "pubmed", **params, "tool": self.settings.tool}
        merged["email"] = self.settings.email
        if self.settings.api_key:
            merged["api_key"] = self.settings.api_key
        return merged

    def _backoff(self, attempt: int, retry_after: float | None) -> float:
        """Return the pause before try `attempt + 1`: doubling, jittered, >= Retry-After."""
        ceiling: float = min(BACKOFF_CAP, BACKOFF_BASE * 2.0 ** (attempt - 1))
        delay = ceiling / 2 + self._jitter() * ceiling / 2
        return max(delay, retry_after or 0.0)

    def _request(self, endpoint: str, params: Mapping[str, str], read: Callable[[bytes], T]) -> T:
        """GET `endpoint` and return `read(body)`, retrying what can be retried."""
        tries = self.settings.max_tries
        for attempt in range(1, tries + 1):
            self.bucket.acquire()
            try:
                return self._try(endpoint, params, read)
            except _Retry as failure:
                problem, retry_after = str(failure), failure.retry_after
            if retry_after is not None and retry_after > RETRY_AFTER_CAP:
                raise EutilsUnavailable(
                    f"PubMed E-utilities {endpoint} is unavailable: {problem}; the server "
                    f"asks to wait {retry_after:.0f} s, try again later"
                )
            if attempt == tries:
                break
            self._sleep(self._backoff(attempt, retry_after))
        raise EutilsUnavailable(
            f"PubMed E-utilities could not be reached: {endpoint} failed {tries} times "
            f"(last: {problem}); check the network or try again later"
        )

    def _try(self, endpoint: str, params: Mapping[str, str], read: Callable[[bytes], T]) -> T:
        try:
            response = self._http.get(endpoint, params=self._params(params))
        except httpx.TimeoutException:
            raise _Retry(f"no answer within {self.settings.timeout:g} s") from None
        except (httpx.TransportError, httpx.DecodingError) as exc:
            raise _Retry(f"{type(exc).__name__}: {exc or 'connection failed'}") from None
        status = response.status_code
        if status == 429 or status >= 500:
            raise _Retry(f"HTTP {status}", parse_retry_after(response.headers.get("Retry-After")))
        if status >= 400:
            hint = " (check NCBI_API_KEY)" if status in (401, 403) else ""
            snippet = " ".join(response.text.split())[:160]
            raise EutilsError(
                f"PubMed E-utilities refused {endpoint}: HTTP {status}{hint}: {snippet}",
                permanent=True,
            )
        if status != 200:
            raise _Retry(f"unexpected HTTP {status}")
        return read(response.content)

    # --- esearch -------------------------------------------------------------------------

    def esearch(self, query: str, mindate: dt.date, maxdate: dt.date) -> SearchResult:
        """Search one entry-date window and keep the result on NCBI's history server."""
        params = {
            "term": query,
            "usehistory": "y",
            "datetype": "edat",
            "mindate": _date(mindate),
            "maxdate": _date(maxdate),
            "retmax": str(self.settings.search_limit),
            "retmode": "json",
        }

        def read(body: bytes) -> SearchResult:
            try:
                data = json.loads(body)
                result = data["esearchresult"]
            except (ValueError, KeyError, TypeError):
                raise _Retry("esearch answer was not the expected JSON") from None
            if "ERROR" in result:
                raise EutilsError(f"PubMed rejected the query: {result['ERROR']}", permanent=True)
            try:
                return SearchResult(
                    query=query,
                    mindate=mindate,
                    maxdate=maxdate,
                    count=int(result["count"]),
                    webenv=str(result.get("webenv", "")),
                    query_key=str(result.get("querykey", "")),
                    pmids=tuple(str(pmid) for pmid in result.get("idlist", ())),
                )
            except (KeyError, ValueError, TypeError):
                raise _Retry("esearch answer lacks count, webenv or querykey") from None

        return self._request("esearch.fcgi", params, read)

    def search_windows(
        self, query: str, mindate: dt.date, maxdate: dt.date
    ) -> Iterator[SearchResult]:
        """Yield searches covering the window, split in halves wherever one holds too many."""
        if maxdate < mindate:
            raise EutilsError(f"mindate {mindate} is after maxdate {maxdate}", permanent=True)
        pending = [(mindate, maxdate)]
        while pending:
            start, end = pending.pop(0)
            search = self.esearch(query, start, end)
            if search.count <= self.settings.search_limit:
                yield search
            elif start < end:
                middle = start + (end - start) // 2
                pending[:0] = [(start, middle), (middle + dt.timedelta(days=1), end)]
            else:
                raise EutilsError(
                    f"{search.count} records on the single day {start} are more than one "
                    f"PubMed search can page through ({self.settings.search_limit}); "
                    "narrow the query",
                    permanent=True,
                )

    # --- efetch --------------------------------------------------------------------------

    def _read_records(self, where: str) -> Callable[[bytes], list[Paper | Skipped]]:
        def read(body: bytes) -> list[Paper | Skipped]:
            try:
                return parse_pubmed_xml_bytes(body, where)
            except InputError as exc:
                raise _Retry(f"efetch answer was not complete PubMed XML ({exc})") from None

        return read

    def efetch_batch(
        self, search: SearchResult, retstart: int, retmax: int
    ) -> list[Paper | Skipped]:
        """Return records `retstart`..`retstart+retmax-1` of a search, via its WebEnv."""
        params = {
            "query_key": search.query_key,
            "WebEnv": search.webenv,
            "retstart": str(retstart),
            "retmax": str(retmax),
            "retmode": "xml",
        }
        return self._request("efetch.fcgi", params, self._read_records(f"efetch@{retstart}"))

    def efetch_ids(self, pmids: list[str]) -> list[Paper | Skipped]:
        """Return the records for up to `batch_size` PMIDs, fetched by id."""
        params = {"id": ",".join(pmids), "retmode": "xml"}
        return self._request("efetch.fcgi", params, self._read_records("efetch-by-id"))

    def fetch(self, search: SearchResult) -> Iterator[Paper | Skipped]:
        """Yield every record of a search in batches, then a `Missing` for any never sent.

        The batches use the search's WebEnv/query_key with retstart/retmax, at most
        `batch_size` (200) records each. PMIDs the search listed that no batch returned
        are asked for once more by id before they are reported missing.
        """
        seen: set[str] = set()
        size = self.settings.batch_size
        for retstart in range(0, search.count, size):
            for item in self.efetch_batch(search, retstart, min(size, search.count - retstart)):
                seen.add(_pmid_of(item))
                yield item
        absent = [pmid for pmid in search.pmids if pmid not in seen]
        for start in range(0, len(absent), size):
            for item in self.efetch_ids(absent[start : start + size]):
                pmid = _pmid_of(item)
                if pmid in seen:
                    continue
                seen.add(pmid)
                yield item
        for pmid in search.pmids:
            if pmid not in seen:
                yield Missing(
                    f"esearch {_date(search.mindate)}-{_date(search.maxdate)}",
                    "PubMed listed this PMID for the query but efetch did not return it, "
                    "even when asked by id",
                    pmid,
                )


def _pmid_of(item: Paper | Skipped) -> str:
    if isinstance(item, Paper):
        return item.pmid or item.id
    return item.record_id or ""
