"""A stand-in for NCBI E-utilities on 127.0.0.1, for tests of the client and of ingest.

It serves esearch (JSON, with a WebEnv/query_key history) and efetch (PubMed XML, by
history slice or by id) from records held in memory, logs every request with its time,
and plays scripted faults: an HTTP status with headers, a pause longer than the client's
timeout, a truncated XML body, or a dropped connection. `down = True` makes every request
fail with 503, as if PubMed were unreachable.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


def record_xml(
    pmid: str,
    entry_date: dt.date,
    *,
    title: str | None = None,
    abstract: str | None = "Fictional abstract written for msdigest tests.",
    doi: str | None = None,
) -> str:
    """Return one fictional `<PubmedArticle>` with the given PMID and Entrez date."""
    title = title or f"Fictional stand-in record {pmid}."
    abstract_xml = (
        f"<Abstract><AbstractText>{abstract}</AbstractText></Abstract>" if abstract else ""
    )
    doi_xml = f'<ELocationID EIdType="doi" ValidYN="Y">{doi}</ELocationID>' if doi else ""
    return (
        f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM">'
        f'<PMID Version="1">{pmid}</PMID><Article PubModel="Print"><Journal><JournalIssue>'
        f"<PubDate><Year>{entry_date.year}</Year></PubDate></JournalIssue>"
        f"<Title>Journal of Sample Data (fictional)</Title></Journal>"
        f"<ArticleTitle>{title}</ArticleTitle>{doi_xml}{abstract_xml}"
        f"<Language>eng</Language></Article></MedlineCitation>"
        f'<PubmedData><History><PubMedPubDate PubStatus="entrez"><Year>{entry_date.year}</Year>'
        f"<Month>{entry_date.month}</Month><Day>{entry_date.day}</Day></PubMedPubDate>"
        f"</History></PubmedData></PubmedArticle>"
    )


@dataclass
class Fault:
    """One scripted failure, consumed by the next request to `endpoint`."""

    endpoint: str  # "esearch" or "efetch"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    pause: float = 0.0  # seconds to wait before answering
    truncate: bool = False  # send a well-formed HTTP answer with cut-off XML
    drop: bool = False  # close the connection without an answer
    body: bytes | None = None  # answer 200 with this body instead of the real one


@dataclass
class Request:
    at: float
    endpoint: str
    params: dict[str, str]


class StandIn:
    """The fake service: records by PMID, searches by WebEnv, faults and a request log."""

    def __init__(self) -> None:
        self.records: dict[str, tuple[dt.date, str]] = {}
        self.searches: dict[str, list[str]] = {}
        self.faults: list[Fault] = []
        self.requests: list[Request] = []
        self.hidden: set[str] = set()  # PMIDs esearch lists but efetch never returns
        self.down = False
        self.down_after: int | None = None  # answer 503 once this many requests were served
        self.lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/entrez/eutils/"

    def add(self, pmid: str, entry_date: dt.date, **kwargs: object) -> None:
        self.records[pmid] = (entry_date, record_xml(pmid, entry_date, **kwargs))  # type: ignore[arg-type]

    def start(self) -> StandIn:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def endpoint_requests(self, endpoint: str) -> list[Request]:
        return [r for r in self.requests if r.endpoint == endpoint]

    # --- answers ---------------------------------------------------------------------

    def _take_fault(self, endpoint: str) -> Fault | None:
        with self.lock:
            for index, fault in enumerate(self.faults):
                if fault.endpoint == endpoint:
                    return self.faults.pop(index)
        return None

    def _esearch(self, params: dict[str, str]) -> bytes:
        mindate = dt.datetime.strptime(params["mindate"], "%Y/%m/%d").date()
        maxdate = dt.datetime.strptime(params["maxdate"], "%Y/%m/%d").date()
        pmids = sorted(
            (pmid for pmid, (when, _) in self.records.items() if mindate <= when <= maxdate),
            key=int,
        )
        with self.lock:
            webenv = f"WEBENV_{len(self.searches) + 1}"
            self.searches[webenv] = pmids
        retmax = int(params.get("retmax", "20"))
        result = {
            "count": str(len(pmids)),
            "retmax": str(min(retmax, len(pmids))),
            "retstart": "0",
            "querykey": "1",
            "webenv": webenv,
            "idlist": pmids[:retmax],
        }
        return json.dumps({"header": {"type": "esearch"}, "esearchresult": result}).encode()

    def _efetch(self, params: dict[str, str]) -> bytes:
        if "id" in params:
            pmids = params["id"].split(",")
        else:
            found = self.searches[params["WebEnv"]]
            start, size = int(params.get("retstart", "0")), int(params.get("retmax", "20"))
            pmids = found[start : start + size]
        body = "".join(
            self.records[pmid][1]
            for pmid in pmids
            if pmid in self.records and pmid not in self.hidden
        )
        return (
            '<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD '
            'PubMedArticle, 1st January 2025//EN" '
            '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
            f"<PubmedArticleSet>{body}</PubmedArticleSet>\n"
        ).encode()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # quiet
                return

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                params = {k: v[-1] for k, v in parse_qs(parts.query).items()}
                endpoint = parts.path.rsplit("/", 1)[-1].removesuffix(".fcgi")
                with stand_in.lock:
                    stand_in.requests.append(Request(time.monotonic(), endpoint, params))
                    served = len(stand_in.requests) - 1
                limit = stand_in.down_after
                if stand_in.down or (limit is not None and served >= limit):
                    self._send(503, b"service unavailable", "text/plain")
                    return
                fault = stand_in._take_fault(endpoint)
                if fault and fault.pause:
                    time.sleep(fault.pause)
                if fault and fault.drop:
                    self.close_connection = True
                    self.connection.close()
                    return
                if fault and fault.status != 200:
                    self._send(fault.status, b"stand-in fault", "text/plain", fault.headers)
                    return
                if fault and fault.body is not None:
                    self._send(200, fault.body, "application/json")
                    return
                if endpoint == "esearch":
                    body, kind = stand_in._esearch(params), "application/json"
                elif endpoint == "efetch":
                    body, kind = stand_in._efetch(params), "text/xml"
                else:
                    self._send(404, b"no such endpoint", "text/plain")
                    return
                if fault and fault.truncate:
                    body = body[: len(body) * 2 // 3]
                self._send(200, body, kind)

            def _send(
                self, status: int, body: bytes, kind: str, headers: dict[str, str] | None = None
            ) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                # The client may have given up waiting already (a timeout test).
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

        return Handler


def running_stand_in() -> Iterator[StandIn]:
    """Yield a started stand-in and stop it afterwards (wrap with a pytest fixture)."""
    server = StandIn().start()
    try:
        yield server
    finally:
        server.stop()
