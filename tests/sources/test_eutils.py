"""The E-utilities client against a real HTTP stand-in on 127.0.0.1: paging, pacing, retries."""

from __future__ import annotations

import datetime as dt
import email.utils
import itertools
import json
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from msdigest.errors import ConfigurationError, EutilsError, EutilsUnavailable
from msdigest.paper import Paper
from msdigest.sources.eutils import (
    DEFAULT_QUERY,
    EutilsClient,
    EutilsSettings,
    Missing,
    parse_retry_after,
    pubmed_query,
)
from msdigest.sources.pacing import TokenBucket, shared_bucket
from msdigest.sources.skipped import Skipped
from tests.sources.stand_in import Fault, StandIn, running_stand_in

DAY = dt.date(2025, 3, 10)
EMAIL = "tests@example.org"


@pytest.fixture
def stand_in() -> Iterator[StandIn]:
    yield from running_stand_in()


def _fill(server: StandIn, count: int, day: dt.date = DAY, first: int = 91000001) -> list[str]:
    pmids = [str(first + n) for n in range(count)]
    for pmid in pmids:
        server.add(pmid, day)
    return pmids


class Recorder:
    """Stands in for time.sleep: remembers each pause instead of waiting."""

    def __init__(self) -> None:
        self.pauses: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.pauses.append(seconds)


def _client(
    server: StandIn,
    *,
    sleep: Recorder | None = None,
    bucket: TokenBucket | None = None,
    **settings: object,
) -> EutilsClient:
    options: dict[str, object] = {"email": EMAIL, "base_url": server.url, "timeout": 5.0}
    options.update(settings)
    return EutilsClient(
        EutilsSettings(**options),  # type: ignore[arg-type]
        bucket=bucket or TokenBucket(1000),
        sleep=sleep or Recorder(),
        jitter=lambda: 0.5,
    )


def _fetch_all(client: EutilsClient, start: dt.date = DAY, end: dt.date = DAY) -> list:
    items = []
    for search in client.search_windows(DEFAULT_QUERY, start, end):
        items.extend(client.fetch(search))
    return items


def _pmids(items: list) -> list[str]:
    return [item.pmid for item in items if isinstance(item, Paper)]


# --- paging --------------------------------------------------------------------------------


def test_search_then_efetch_in_batches_of_at_most_200_through_the_history(
    stand_in: StandIn,
) -> None:
    expected = _fill(stand_in, 450)
    with _client(stand_in) as client:
        items = _fetch_all(client)
    assert _pmids(items) == expected
    (search,) = stand_in.endpoint_requests("esearch")
    assert search.params["usehistory"] == "y"
    assert search.params["datetype"] == "edat"
    assert (search.params["mindate"], search.params["maxdate"]) == ("2025/03/10", "2025/03/10")
    assert search.params["term"] == DEFAULT_QUERY
    fetches = stand_in.endpoint_requests("efetch")
    assert [(f.params["retstart"], f.params["retmax"]) for f in fetches] == [
        ("0", "200"),
        ("200", "200"),
        ("400", "50"),
    ]
    assert all(f.params["WebEnv"] == "WEBENV_1" and f.params["query_key"] == "1" for f in fetches)
    assert all(f.params["retmode"] == "xml" and "id" not in f.params for f in fetches)
    assert {r.endpoint for r in stand_in.requests} == {"esearch", "efetch"}  # never esummary


def test_tool_and_email_on_every_request_and_api_key_only_when_set(stand_in: StandIn) -> None:
    _fill(stand_in, 3)
    with _client(stand_in, batch_size=1) as client:
        _fetch_all(client)
    assert len(stand_in.requests) == 4
    for request in stand_in.requests:
        assert (request.params["tool"], request.params["email"]) == ("msdigest", EMAIL)
        assert "api_key" not in request.params
    stand_in.requests.clear()
    with _client(stand_in, batch_size=1, api_key="k3y", tool="mytool") as client:
        _fetch_all(client)
    for request in stand_in.requests:
        assert request.params["api_key"] == "k3y"
        assert (request.params["tool"], request.params["email"]) == ("mytool", EMAIL)


def test_an_empty_window_makes_one_search_and_no_fetch(stand_in: StandIn) -> None:
    with _client(stand_in) as client:
        assert _fetch_all(client) == []
    assert [r.endpoint for r in stand_in.requests] == ["esearch"]


def test_a_window_too_large_for_one_search_is_split_by_date(stand_in: StandIn) -> None:
    days = [DAY + dt.timedelta(days=n) for n in range(4)]
    expected = []
    for index, day in enumerate(days):
        expected += _fill(stand_in, 3, day, first=92000001 + 10 * index)
    with _client(stand_in, search_limit=5) as client:
        items = _fetch_all(client, days[0], days[-1])
    assert sorted(_pmids(items)) == expected
    windows = [
        (r.params["mindate"], r.params["maxdate"]) for r in stand_in.endpoint_requests("esearch")
    ]
    assert windows[0] == ("2025/03/10", "2025/03/13")  # 12 records: too many, so halves
    assert ("2025/03/10", "2025/03/11") in windows and ("2025/03/12", "2025/03/13") in windows


# --- pacing ---------------------------------------------------------------------------------


def _gaps(times: list[float]) -> list[float]:
    return [later - earlier for earlier, later in itertools.pairwise(times)]


class WatchedBucket(TokenBucket):
    """A real token bucket that also notes when each request was let through."""

    def __init__(self, rate: float) -> None:
        super().__init__(rate)
        self.granted: list[float] = []

    def acquire(self) -> float:
        waited = super().acquire()
        self.granted.append(time.monotonic())
        return waited


def test_without_a_key_requests_are_paced_to_three_per_second(stand_in: StandIn) -> None:
    _fill(stand_in, 4)
    bucket = WatchedBucket(3)
    with _client(stand_in, batch_size=1, bucket=bucket) as client:
        items = _fetch_all(client)
    assert len(items) == 4 and len(stand_in.requests) == 5
    # Each request leaves at least a third of a second after the one before ...
    assert min(_gaps(bucket.granted)) >= 1 / 3 - 0.005, _gaps(bucket.granted)
    # ... and the server sees five requests spread over at least 4/3 s (less a margin
    # for a busy machine delaying the first request's handling).
    arrivals = [r.at for r in stand_in.requests]
    assert arrivals[-1] - arrivals[0] >= 4 / 3 - 0.15, arrivals


def test_with_a_key_the_shared_bucket_allows_ten_per_second(stand_in: StandIn) -> None:
    _fill(stand_in, 6)
    settings = EutilsSettings(email=EMAIL, base_url=stand_in.url, api_key="k", batch_size=1)
    first, second = EutilsClient(settings), EutilsClient(settings)
    try:
        assert first.bucket is second.bucket is shared_bucket(10.0)
        assert EutilsClient(EutilsSettings(email=EMAIL)).bucket is shared_bucket(3.0)
        # Two clients fetching at once still share one limit.
        threads = [threading.Thread(target=_fetch_all, args=(c,)) for c in (first, second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        first.close()
        second.close()
    assert len(stand_in.requests) == 14
    arrivals = [r.at for r in stand_in.requests]
    assert arrivals[-1] - arrivals[0] >= 13 / 10 - 0.15, arrivals  # one limit for both


def test_token_bucket_spaces_calls_and_allows_a_configured_burst() -> None:
    now = [100.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    bucket = TokenBucket(4, clock=lambda: now[0], sleep=sleep)
    for _ in range(5):
        bucket.acquire()
    assert waits == [0.25, 0.25, 0.25, 0.25]
    burst = TokenBucket(4, capacity=3, clock=lambda: now[0], sleep=sleep)
    waits.clear()
    for _ in range(5):
        burst.acquire()
    assert waits == [0.25, 0.25]  # three at once, then one every quarter second


def test_token_bucket_is_safe_across_threads() -> None:
    bucket = TokenBucket(50)
    stamps: list[float] = []
    lock = threading.Lock()

    def work() -> None:
        for _ in range(3):
            bucket.acquire()
            with lock:
                stamps.append(time.monotonic())

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stamps.sort()
    assert len(stamps) == 24
    assert stamps[-1] - stamps[0] >= 23 / 50 - 0.03


# --- retries --------------------------------------------------------------------------------


def test_429_with_retry_after_is_honoured_and_nothing_is_lost(stand_in: StandIn) -> None:
    expected = _fill(stand_in, 5)
    stand_in.faults.append(Fault("efetch", status=429, headers={"Retry-After": "7"}))
    sleep = Recorder()
    with _client(stand_in, sleep=sleep) as client:
        items = _fetch_all(client)
    assert _pmids(items) == expected
    assert sleep.pauses == [7.0]
    assert len(stand_in.endpoint_requests("efetch")) == 2


def test_retry_after_as_an_http_date() -> None:
    now = dt.datetime(2025, 3, 10, 12, 0, 0, tzinfo=dt.UTC)
    later = email.utils.format_datetime(now + dt.timedelta(seconds=9), usegmt=True)
    assert parse_retry_after(later, now) == 9.0
    assert parse_retry_after("12") == 12.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def test_500s_are_retried_with_doubling_jittered_backoff(stand_in: StandIn) -> None:
    expected = _fill(stand_in, 2)
    stand_in.faults += [Fault("esearch", status=500), Fault("esearch", status=502)]
    stand_in.faults.append(Fault("efetch", status=503))
    sleep = Recorder()
    with _client(stand_in, sleep=sleep) as client:
        items = _fetch_all(client)
    assert _pmids(items) == expected
    # jitter 0.5 puts each pause at three quarters of the ceiling: 1 s, then 2 s, ...
    assert sleep.pauses == [0.75, 1.5, 0.75]


def test_a_timeout_is_retried(stand_in: StandIn) -> None:
    expected = _fill(stand_in, 3)
    stand_in.faults.append(Fault("efetch", pause=1.5))
    with _client(stand_in, timeout=0.4) as client:
        items = _fetch_all(client)
    assert _pmids(items) == expected
    assert len(stand_in.endpoint_requests("efetch")) == 2


def test_a_truncated_xml_body_is_fetched_again_never_read_as_fewer_records(
    stand_in: StandIn,
) -> None:
    expected = _fill(stand_in, 30)
    stand_in.faults.append(Fault("efetch", truncate=True))
    with _client(stand_in) as client:
        items = _fetch_all(client)
    assert _pmids(items) == expected
    assert len(stand_in.endpoint_requests("efetch")) == 2


def test_a_dropped_connection_is_retried(stand_in: StandIn) -> None:
    expected = _fill(stand_in, 2)
    stand_in.faults.append(Fault("esearch", drop=True))
    with _client(stand_in) as client:
        assert _pmids(_fetch_all(client)) == expected


def test_after_five_failed_tries_a_clear_one_line_error(stand_in: StandIn) -> None:
    _fill(stand_in, 2)
    stand_in.faults += [Fault("efetch", status=500) for _ in range(5)]
    sleep = Recorder()
    with _client(stand_in, sleep=sleep) as client, pytest.raises(EutilsUnavailable) as caught:
        _fetch_all(client)
    message = str(caught.value)
    assert "efetch.fcgi failed 5 times" in message and "HTTP 500" in message
    assert "\n" not in message
    assert len(stand_in.endpoint_requests("efetch")) == 5
    assert len(sleep.pauses) == 4 and sleep.pauses == sorted(sleep.pauses)


def test_a_truncated_body_every_time_ends_in_an_error_not_fewer_records(
    stand_in: StandIn,
) -> None:
    _fill(stand_in, 10)
    stand_in.faults += [Fault("efetch", truncate=True) for _ in range(5)]
    with _client(stand_in) as client, pytest.raises(EutilsUnavailable, match="not complete"):
        _fetch_all(client)


def test_an_unreachable_server_is_unavailable_after_five_tries() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens here once the probe closes
    settings = EutilsSettings(email=EMAIL, base_url=f"http://127.0.0.1:{port}/", timeout=1.0)
    sleep = Recorder()
    client = EutilsClient(settings, bucket=TokenBucket(1000), sleep=sleep, jitter=lambda: 0.0)
    with client, pytest.raises(EutilsUnavailable, match="could not be reached: esearch"):
        client.esearch(DEFAULT_QUERY, DAY, DAY)
    assert sleep.pauses == [0.5, 1.0, 2.0, 4.0]


def test_a_very_long_retry_after_gives_up_at_once(stand_in: StandIn) -> None:
    stand_in.faults.append(Fault("esearch", status=429, headers={"Retry-After": "3600"}))
    with _client(stand_in) as client, pytest.raises(EutilsUnavailable, match="3600 s"):
        client.esearch(DEFAULT_QUERY, DAY, DAY)
    assert len(stand_in.requests) == 1


def test_a_400_is_permanent_and_not_retried(stand_in: StandIn) -> None:
    stand_in.faults.append(Fault("esearch", status=400))
    with _client(stand_in) as client, pytest.raises(EutilsError) as caught:
        client.esearch(DEFAULT_QUERY, DAY, DAY)
    assert caught.value.permanent and not isinstance(caught.value, EutilsUnavailable)
    assert "HTTP 400" in str(caught.value)
    assert len(stand_in.requests) == 1


def test_an_esearch_error_in_the_body_is_permanent(stand_in: StandIn) -> None:
    body = json.dumps({"esearchresult": {"ERROR": "Invalid query syntax"}}).encode()
    stand_in.faults.append(Fault("esearch", body=body))
    with _client(stand_in) as client, pytest.raises(EutilsError, match="Invalid query syntax"):
        client.esearch("((", DAY, DAY)


# --- completeness ---------------------------------------------------------------------------


def test_records_without_abstract_come_back_as_skips(stand_in: StandIn) -> None:
    _fill(stand_in, 2)
    stand_in.add("91000099", DAY, abstract=None)
    with _client(stand_in) as client:
        items = _fetch_all(client)
    skips = [item for item in items if isinstance(item, Skipped)]
    assert [(s.record_id, s.reason) for s in skips] == [("91000099", "no abstract")]


def test_a_pmid_listed_but_never_sent_is_asked_for_by_id_then_reported(
    stand_in: StandIn,
) -> None:
    expected = _fill(stand_in, 5)
    stand_in.hidden.add(expected[2])
    with _client(stand_in) as client:
        items = _fetch_all(client)
    assert _pmids(items) == [p for p in expected if p != expected[2]]
    (missing,) = [item for item in items if isinstance(item, Missing)]
    assert missing.record_id == expected[2]
    by_id = [r for r in stand_in.endpoint_requests("efetch") if "id" in r.params]
    assert [r.params["id"] for r in by_id] == [expected[2]]


def test_a_record_the_history_missed_but_id_fetch_finds_is_not_missing(
    stand_in: StandIn,
) -> None:
    expected = _fill(stand_in, 4)
    with _client(stand_in) as client:
        search = client.esearch(DEFAULT_QUERY, DAY, DAY)
        stand_in.searches[search.webenv].remove(expected[1])  # the history lost one record
        items = list(client.fetch(search))
    assert sorted(_pmids(items)) == expected
    assert not any(isinstance(item, Missing) for item in items)


# --- settings -------------------------------------------------------------------------------


def test_settings_from_the_environment() -> None:
    settings = EutilsSettings.from_env(
        {
            "NCBI_EMAIL": "me@example.org",
            "NCBI_API_KEY": "abc",
            "NCBI_TOOL": "my-tool",
            "NCBI_EUTILS_URL": "http://127.0.0.1:9/eutils",
            "NCBI_TIMEOUT": "12.5",
            "NCBI_MAX_TRIES": "2",
        }
    )
    assert (settings.email, settings.api_key, settings.tool) == ("me@example.org", "abc", "my-tool")
    assert settings.base_url == "http://127.0.0.1:9/eutils/"
    assert settings.timeout == 12.5 and settings.rate == 10.0 and settings.max_tries == 2
    default = EutilsSettings.from_env({"NCBI_EMAIL": "me@example.org"})
    assert default.base_url == "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"
    assert (default.tool, default.api_key, default.rate) == ("msdigest", None, 3.0)
    assert default.max_tries == 5


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({}, "NCBI_EMAIL is not set"),
        ({"NCBI_EMAIL": "not-an-address"}, "NCBI_EMAIL"),
        ({"NCBI_EMAIL": "a@b.org", "NCBI_TOOL": "has space"}, "NCBI_TOOL"),
        ({"NCBI_EMAIL": "a@b.org", "NCBI_TIMEOUT": "soon"}, "NCBI_TIMEOUT"),
        ({"NCBI_EMAIL": "a@b.org", "NCBI_EUTILS_URL": "ftp://x"}, "NCBI_EUTILS_URL"),
        ({"NCBI_EMAIL": "a@b.org", "NCBI_MAX_TRIES": "0"}, "NCBI_MAX_TRIES"),
    ],
)
def test_bad_settings_are_refused_with_the_variable_named(
    environ: dict[str, str], message: str
) -> None:
    with pytest.raises(ConfigurationError, match=message):
        EutilsSettings.from_env(environ)


def test_the_default_query_covers_ms_and_related_conditions() -> None:
    for term in (
        "multiple sclerosis",
        "clinically isolated syndrome",
        "radiologically isolated syndrome",
        "neuromyelitis optica",
        "NMOSD",
        "MOGAD",
        "english[la]",
        "hasabstract",
    ):
        assert term in DEFAULT_QUERY
    assert pubmed_query({}) == DEFAULT_QUERY
    assert pubmed_query({"MSDIGEST_PUBMED_QUERY": "optic neuritis[tiab]"}) == (
        "optic neuritis[tiab]"
    )
