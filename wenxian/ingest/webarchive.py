"""Web-archive captures: the HTML pages held in a WARC, WACZ or MHTML file. Pure: bytes in, data out.

- `.warc` / `.warc.gz` (ISO 28500; read with warcio, which undoes chunked transfer and content
  encodings): every `response` record with status 200 and an HTML content type, and `resource`
  records of HTML, is a page; its URL is WARC-Target-URI, its capture date WARC-Date.
- `.wacz` (a zip of `archive/*.warc[.gz]` with `pages/pages.jsonl`): the pages are those listed in
  pages.jsonl, each taken from the WARCs.
- `.mhtml` / `.mht` (a browser's "save as single file", MIME multipart/related): the page is the
  first HTML part (its quoted-printable or base64 undone), its URL the part's Content-Location or
  the file's Snapshot-Content-Location, its capture date the Date header.

Everything is read bounded by `wenxian/data/limits.yml`: a page body above `max_bytes`, or a
container that unpacks to more than `max_unpacked_bytes`, is refused before it is held in memory.
Every problem is a WebArchiveError naming the file.
"""
from __future__ import annotations

import contextlib
import email
import email.policy
import email.utils
import io
import json
import re
import urllib.parse
import zipfile
import zlib
from dataclasses import dataclass

from . import kinds
from .. import datafiles
from ..errors import WenxianError

HTML_TYPES = ("text/html", "application/xhtml+xml")
_DATE = re.compile(r"\d{4}-\d\d-\d\d")


class WebArchiveError(WenxianError):
    """A web-archive capture that cannot be read, or holds no (single) HTML page."""


@dataclass(frozen=True)
class Page:
    url: str | None        # WARC-Target-URI / Content-Location / Snapshot-Content-Location
    body: bytes            # the HTML document, transfer and content encodings undone
    charset: str | None    # charset of the HTTP Content-Type header (or the MIME part's)
    captured: str | None   # YYYY-MM-DD of WARC-Date / pages.jsonl ts / MHTML Date


def _limits() -> tuple[int, int]:
    lim = datafiles.load("limits.yml")
    return lim["max_bytes"], lim["max_unpacked_bytes"]


def _charset(content_type: str | None) -> str | None:
    m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", content_type or "", re.I)
    return m.group(1).lower() if m else None


def _is_html(content_type: str | None) -> bool:
    return (content_type or "").split(";")[0].strip().lower() in HTML_TYPES


def _day(stamp: str | None) -> str | None:
    m = _DATE.match((stamp or "").strip())
    return m.group() if m else None


def gunzip(data: bytes, path: str, limit: int) -> bytes:
    """All members of a gzip file, refusing more than `limit` bytes of output (a gzip bomb) and a
    file cut off inside a member (truncated download)."""
    out, size, rest = [], 0, data
    while rest:
        d = zlib.decompressobj(zlib.MAX_WBITS | 16)
        try:
            while not d.eof:
                chunk = d.decompress(rest, limit + 1 - size)
                out.append(chunk)
                size += len(chunk)
                if size > limit:
                    raise WebArchiveError(path, f"unpacks to more than {limit:,} bytes (max_unpacked_bytes in "
                                                "wenxian/data/limits.yml): refused")
                rest = d.unconsumed_tail
                if not chunk and not rest:  # input used up before the end of the member
                    break
        except zlib.error as exc:
            raise WebArchiveError(path, f"not a valid gzip file ({exc})") from None
        if not d.eof:
            raise WebArchiveError(path, "truncated gzip data (the file is cut off): download it again")
        rest = d.unused_data
        if rest.strip(b"\0") == b"":  # padding after the last member
            break
    return b"".join(out)


def _warc_pages(data: bytes, path: str) -> list[Page]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException

    max_bytes, max_unpacked = _limits()
    if data[:2] == b"\x1f\x8b":
        data = gunzip(data, path, max_unpacked)
    if not data.lstrip().startswith(b"WARC/"):
        raise WebArchiveError(path, "not a valid WARC file (it does not start with a WARC/1.x record)")
    pages = []
    try:  # warcio warns on stderr of a record whose length is off; its pages are read all the same
        with contextlib.redirect_stderr(io.StringIO()):
            for rec in ArchiveIterator(io.BytesIO(data), arc2warc=True):
                if rec.rec_type == "response" and rec.http_headers is not None:
                    if rec.http_headers.get_statuscode() != "200":
                        continue
                    ctype = rec.http_headers.get_header("Content-Type")
                elif rec.rec_type == "resource":
                    ctype = rec.rec_headers.get_header("Content-Type")
                else:
                    continue
                if not _is_html(ctype):
                    continue
                body = rec.content_stream().read(max_bytes + 1)
                if len(body) > max_bytes:
                    raise WebArchiveError(path, f"the page {rec.rec_headers.get_header('WARC-Target-URI')} is over "
                                                f"{max_bytes:,} bytes (max_bytes in wenxian/data/limits.yml)")
                pages.append(Page(rec.rec_headers.get_header("WARC-Target-URI"), body, _charset(ctype),
                                  _day(rec.rec_headers.get_header("WARC-Date"))))
    except WebArchiveError:
        raise
    except (ArchiveLoadFailed, StatusAndHeadersParserException, ValueError, EOFError, OSError, zlib.error,
            KeyError, IndexError, AttributeError, TypeError) as exc:  # warcio on a damaged record
        raise WebArchiveError(path, f"not a valid WARC file ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})") from None
    return pages


def _wacz_pages(data: bytes, path: str) -> list[Page]:
    max_bytes, max_unpacked = _limits()
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        members = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise WebArchiveError(path, f"not a valid WACZ file (not a zip archive: {exc})") from None
    warcs = [m for m in members if m.filename.startswith("archive/") and kinds.kind_of(m.filename)
             and kinds.kind_of(m.filename).family == "warc"]
    if not warcs:
        raise WebArchiveError(path, "not a valid WACZ file (no archive/*.warc or *.warc.gz inside)")

    def read(member: zipfile.ZipInfo, limit: int) -> bytes:
        if member.file_size > limit:
            raise WebArchiveError(path, f"{member.filename} unpacks to {member.file_size:,} bytes; the limit is "
                                        f"{limit:,} (max_unpacked_bytes in wenxian/data/limits.yml)")
        try:
            with zf.open(member) as fh:
                got = fh.read(limit + 1)  # the size in the zip directory can lie
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError, ValueError) as exc:
            raise WebArchiveError(path, f"{member.filename}: cannot be unpacked ({exc})") from None
        if len(got) > limit:
            raise WebArchiveError(path, f"{member.filename} unpacks to more than {limit:,} bytes "
                                        "(max_unpacked_bytes in wenxian/data/limits.yml)")
        return got

    budget, found = max_unpacked, []
    for member in warcs:
        raw = read(member, budget)
        budget -= len(raw)
        try:
            found += _warc_pages(raw, path)
        except WebArchiveError as exc:
            raise WebArchiveError(path, f"{member.filename}: {exc.problem}") from None
    listed = [m for m in members if m.filename == "pages/pages.jsonl"]
    if not listed:
        return found
    wanted = []
    for n, line in enumerate(read(listed[0], max_bytes).decode("utf-8", "replace").splitlines(), 1):
        try:
            entry = json.loads(line) if line.strip() else {}
        except ValueError:
            raise WebArchiveError(path, f"pages/pages.jsonl line {n} is not JSON") from None
        if isinstance(entry, dict) and isinstance(entry.get("url"), str):
            wanted.append(entry)
    by_url = {}
    for page in found:
        by_url.setdefault(page.url, page)
    out = []
    for entry in wanted:
        page = by_url.get(entry["url"])
        if page is None:
            raise WebArchiveError(path, f"page {entry['url']} of pages/pages.jsonl has no HTML response in the WARCs")
        out.append(Page(page.url, page.body, page.charset, page.captured or _day(entry.get("ts"))))
    return out


def _mhtml_pages(data: bytes, path: str) -> list[Page]:
    max_bytes, _ = _limits()
    head = data[:4096].lower()
    if b"content-type:" not in head or b"mime-version" not in head and b"multipart/related" not in head:
        raise WebArchiveError(path, "not a valid MHTML file (no MIME headers)")
    msg = email.message_from_bytes(data, policy=email.policy.compat32)
    html = next((part for part in msg.walk() if not part.is_multipart() and part.get_content_type() in HTML_TYPES), None)
    if html is None:
        raise WebArchiveError(path, "no HTML page in this MHTML file")
    try:
        body = html.get_payload(decode=True) or b""
    except (ValueError, TypeError) as exc:
        raise WebArchiveError(path, f"the HTML part cannot be decoded ({exc})") from None
    if len(body) > max_bytes:
        raise WebArchiveError(path, f"the page is over {max_bytes:,} bytes (max_bytes in wenxian/data/limits.yml)")
    try:  # headers with raw non-ASCII bytes come back as email.header.Header: str() them
        url = str(html.get("Content-Location") or msg.get("Snapshot-Content-Location") or "").strip() or None
        charset = html.get_content_charset()
    except (ValueError, TypeError, AttributeError, LookupError) as exc:
        raise WebArchiveError(path, f"the HTML part's headers cannot be read ({exc})") from None
    captured = None
    if msg.get("Date"):
        try:
            captured = email.utils.parsedate_to_datetime(str(msg["Date"])).date().isoformat()
        except (TypeError, ValueError, AttributeError, OverflowError):
            captured = None
    return [Page(url, body, charset, captured)]


def pages(data: bytes, path: str) -> list[Page]:
    """Every HTML page the capture holds (one per URL, first capture kept), in file order."""
    family = kinds.kind_of(path).family if kinds.kind_of(path) else None
    reader = {"warc": _warc_pages, "wacz": _wacz_pages, "mhtml": _mhtml_pages}.get(family)
    if reader is None:
        raise WebArchiveError(path, "not a web-archive file (.warc, .warc.gz, .wacz, .mhtml, .mht)")
    found, seen = [], set()
    for page in reader(data, path):
        url = clean_url(page.url)
        if url not in seen or url is None:
            seen.add(url)
            found.append(Page(url, page.body, page.charset or meta_charset(page.body), page.captured))
    if not found:
        raise WebArchiveError(path, "no HTML page in this capture (no HTML response with status 200)")
    return found


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.I)


def meta_charset(body: bytes) -> str | None:
    """The charset a page declares in a <meta> tag in its first 4 KB, when no header gives one."""
    m = _META_CHARSET.search(body[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def clean_url(url: str | None) -> str | None:
    """A record's URL as the metadata may hold it: characters a URL may not contain (spaces,
    controls, quotes, non-ASCII) percent-encoded; None unless it is then an http(s) URL."""
    from ..value_checks import url_problem

    if not url:
        return None
    url = urllib.parse.quote(url.strip(), safe="!#$&()*+,/:;=?@[]~%")
    return None if url_problem(url) else url


def _same_url(a: str | None, b: str) -> bool:
    b = clean_url(b) or b
    return a is not None and (a == b or a.rstrip("/") == b.rstrip("/"))


def select(found: list[Page], path: str, url: str | None = None) -> Page:
    """The page `url` names (a single page is taken whatever `url` says: it only overrides the
    source URL then); several pages and no `url` is an error listing them."""
    if url is not None:
        chosen = [p for p in found if _same_url(p.url, url)]
        if chosen:
            return chosen[0]
    if len(found) == 1:
        return found[0]
    listed = ", ".join(p.url or "(no URL)" for p in found)
    if url is not None:
        raise WebArchiveError(path, f"no page with URL {url}; the {len(found)} pages are: {listed}")
    raise WebArchiveError(path, f"holds {len(found)} HTML pages; choose one with --url URL or add all with "
                                f"--all: {listed}")


def main_page(data: bytes, path: str, url: str | None = None) -> Page:
    return select(pages(data, path), path, url)


def visible_text(data: bytes, path: str, encoding: str | None, url: str | None = None) -> str:
    """The visible text of the HTML a capture holds (the page `url` names, for a web archive),
    decoded with the encoding recorded when it was added: what the site offers as `.txt` instead
    of the HTML itself."""
    from .decode import decode
    from .html_page import visible_text as visible

    body = main_page(data, path, url).body if kinds.is_web_archive(path) else data
    try:
        text = body.decode(encoding) if encoding else decode(body, path).text
    except (LookupError, UnicodeDecodeError):
        text = decode(body, path).text
    return visible(text.lstrip("\ufeff"))


def page_id(sha256: str, url: str) -> str:
    """Id of the article made from one page of a capture holding several (`add --all`): the start
    of the SHA-256 of the capture's SHA-256 and the page URL, so `check` can recompute it."""
    import hashlib

    return hashlib.sha256(f"{sha256} {url}".encode("utf-8")).hexdigest()[:12]


def warc_bytes(exchanges, date: str, gz: bool = True) -> bytes:
    """A WARC (gzipped per record unless `gz` is false) of fetched exchanges (`fetch.Exchange`: url, request and response headers,
    status, body): a warcinfo record, then a request and a response record for each, all dated
    `date` (ISO 8601, e.g. 2026-12-02T05:00:00Z)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("capture.warc.gz", {"software": "wenxian capture"}))
    dated = {"WARC-Date": date}
    for ex in exchanges:
        parts = urllib.parse.urlsplit(ex.url)
        target = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
        req = StatusAndHeaders(f"GET {target} HTTP/1.1", [("Host", parts.netloc)] + list(ex.request_headers),
                               is_http_request=True)
        writer.write_record(writer.create_warc_record(ex.url, "request", http_headers=req, warc_headers_dict=dated))
        resp = StatusAndHeaders(f"{ex.status} {ex.reason}".strip(), list(ex.response_headers), protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(ex.url, "response", payload=io.BytesIO(ex.body),
                                                      length=len(ex.body), http_headers=resp, warc_headers_dict=dated))
    return out.getvalue()
