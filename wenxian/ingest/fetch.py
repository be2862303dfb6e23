"""`wenxian capture URL`: fetch a page over HTTP(S) and record the exchange as a WARC.

The thin I/O edge of capturing (stdlib urllib, no extra client): redirects followed one by one
(bounded, a loop is an error), a timeout, the size limit of `wenxian/data/limits.yml` read as a
stream (one byte over is an error), HTML content types only. Every exchange, redirects
included, is kept, and `webarchive.warc_bytes` turns them into the WARC that is the capture.
"""
from __future__ import annotations

import http.client
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from .. import datafiles
from ..errors import WenxianError
from .webarchive import HTML_TYPES

USER_AGENT = "wenxian-capture/0.1 (archiving Chinese-language articles)"
REQUEST_HEADERS = [("User-Agent", USER_AGENT), ("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"),
                   ("Accept-Encoding", "identity")]


class FetchError(WenxianError):
    """A URL that could not be captured; `path` is the URL."""


@dataclass(frozen=True)
class Exchange:
    url: str
    request_headers: list[tuple[str, str]]
    status: int
    reason: str
    response_headers: list[tuple[str, str]]
    body: bytes


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # redirects come back as responses, and are followed (and recorded) below


def _open(url: str, timeout: float):
    req = urllib.request.Request(url, headers=dict(REQUEST_HEADERS))
    opener = urllib.request.build_opener(_NoRedirect, urllib.request.ProxyHandler({}))
    try:
        return opener.open(req, timeout=timeout)
    except urllib.error.HTTPError as resp:  # 3xx (not followed by urllib), 4xx, 5xx: a response all the same
        return resp


def _read(resp, url: str, limit: int) -> bytes:
    length = resp.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > limit:
        raise FetchError(url, f"response is {int(length):,} bytes; the limit is {limit:,} (max_bytes in "
                              "wenxian/data/limits.yml)")
    chunks, size = [], 0
    while size <= limit:
        chunk = resp.read(min(65536, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        raise FetchError(url, f"response is over {limit:,} bytes (max_bytes in wenxian/data/limits.yml)")
    return b"".join(chunks)


def fetch(url: str, timeout: float | None = None) -> list[Exchange]:
    """The exchanges that lead from `url` to its HTML page (redirects first). Raises FetchError
    naming the URL: not http(s), unreachable, timeout, an HTTP error status, a redirect loop or
    too many redirects, a content type other than HTML, a body over the size limit."""
    lim = datafiles.load("limits.yml")
    timeout = timeout or lim["fetch_timeout_seconds"]
    start, seen, out = url, set(), []
    for _ in range(lim["max_redirects"] + 1):
        if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(start, f"not an http(s) URL: {url}")
        if url in seen:
            raise FetchError(start, f"redirect loop (back to {url})")
        seen.add(url)
        try:
            resp = _open(url, timeout)
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            raise FetchError(url, f"cannot be fetched ({reason})") from None
        try:
            with resp:
                status, reason = resp.status, resp.reason or ""
                headers = [(k, v) for k, v in resp.headers.items() if k.lower() != "transfer-encoding"]
                location = resp.headers.get("Location")
                if 300 <= status < 400 and location:
                    out.append(Exchange(url, REQUEST_HEADERS, status, reason, headers, _read(resp, url, lim["max_bytes"])))
                    url = urllib.parse.urljoin(url, location)
                    continue
                if status != 200:
                    raise FetchError(url, f"HTTP {status} {reason}".strip())
                ctype = resp.headers.get("Content-Type") or ""
                if ctype.split(";")[0].strip().lower() not in HTML_TYPES:
                    raise FetchError(url, f"not an HTML page (Content-Type: {ctype or 'none'})")
                body = _read(resp, url, lim["max_bytes"])
        except (OSError, http.client.HTTPException, ValueError) as exc:
            raise FetchError(url, f"cannot be fetched ({exc})") from None
        return out + [Exchange(url, REQUEST_HEADERS, status, reason, headers, body)]
    raise FetchError(start, f"more than {lim['max_redirects']} redirects (max_redirects in wenxian/data/limits.yml)")
