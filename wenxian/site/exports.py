"""Whole-archive downloads built with the site: JSON Lines (all metadata and the clean text),
gzip-compressed, CSV (the metadata), an Atom feed of the newest articles, and the raw captures
as UTF-8 plain text.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import zlib
import xml.etree.ElementTree as ET

import re

from ..article import FIELDS, body_text
from ..schema import date_problem
from . import reprints, urls
from .catalog import Catalog
from .citation import display_title, gbt7714

FEED_SIZE = 50
CSV_COLUMNS = ("id", "title", "source", "source_url", "author", "date", "captured", "script", "encoding",
               "region", "region_codes", "places", "tags", "raw", "sha256", "masked", "missing_numbers",
               "images", "removed_lines", "reprint_group", "reprint_copies", "url", "citation_gbt7714")


def record(cat: Catalog, aid: str, site_url: str, text: bool = True) -> dict:
    """An article's export record: its metadata, permalink, GB/T 7714 citation and (`text`) the
    clean text."""
    a = cat.articles[aid]
    rec = {k: a.meta.get(k) for k in FIELDS}
    # The reprint group (wenxian.site.reprints): the same id on every copy of one story, and how
    # many copies the archive holds; null and 1 for a story archived once.
    rec["reprint_group"], rec["reprint_copies"] = reprints.group_of(cat).get(aid, (None, 1))
    rec["url"] = _absolute(site_url, urls.article(aid))
    rec["citation_gbt7714"] = gbt7714(a.meta, rec["url"], a.body)
    if text:
        rec["text"] = body_text(a.body, markers=True)
    return rec


def _absolute(site_url: str, path: str) -> str:
    return (site_url or "/").rstrip("/") + "/" + path


def _fresh(kind: str, aid: str, make, also: str = ""):
    return make()


def _also(cat: Catalog, aid: str) -> str:
    """What an article's export line shows besides its own file: its reprint group, which
    changes when a copy of it is added or removed (an incremental build must remake the line)."""
    return json.dumps(reprints.group_of(cat).get(aid))


def jsonl(cat: Catalog, site_url: str, lines=_fresh) -> str:
    """One JSON object a line, newest first. `lines(kind, aid, make, also)` gives an article's
    line, `make()` when it has none from an earlier build of the same file and the same `also`
    (wenxian.site.incremental.ExportLines: an incremental build makes only the changed articles'
    lines)."""
    return "".join(_jsonl_line(cat, aid, site_url, lines) for aid in cat.newest)


# The JSON Lines export is gzip-compressed (issue 18: as plain text it was 8 % of the site's
# bytes at 20,000 articles, 3.4 times its compressed size). It is written as consecutive gzip
# members, which every gzip reader (gzip -d, zcat, Python's gzip, pandas) reads as one stream:
# a member ends after an article whose id's CRC-32 is divisible by MEMBER_EVERY (≈ 64 lines: 1.06 times the size of one stream at 32, 1.03 at 64), so
# where members end depends on the lines only, and adding or editing one article changes one
# member; an incremental build compresses only that one (wenxian.site.incremental.GzipMembers).
MEMBER_EVERY = 64
GZIP_LEVEL = 6


def gzip_member(data: bytes) -> bytes:
    """One gzip member of `data`, the same bytes for the same data (no time or name in it)."""
    return gzip.compress(data, GZIP_LEVEL, mtime=0)


def jsonl_gz(cat: Catalog, site_url: str, lines=None, compress=None) -> bytes:
    """The JSON Lines export (jsonl) as gzip members (MEMBER_EVERY); `lines` as for jsonl;
    `compress(data)` gives a member's bytes as gzip_member does (an incremental build reuses the
    members of unchanged data)."""
    lines, compress = lines or _fresh, compress or gzip_member
    members, current = [], []
    for aid in cat.newest:
        current.append(_jsonl_line(cat, aid, site_url, lines))
        if zlib.crc32(aid.encode("utf-8")) % MEMBER_EVERY == 0:
            members.append("".join(current))
            current = []
    if current or not members:
        members.append("".join(current))
    return b"".join(compress(m.encode("utf-8")) for m in members)


def _jsonl_line(cat: Catalog, aid: str, site_url: str, lines) -> str:
    return lines("jsonl", aid, lambda: json.dumps(record(cat, aid, site_url), ensure_ascii=False) + "\n", _also(cat, aid))


def _paths(entries) -> str:
    return "; ".join(str(e.get("path", "")) for e in entries or [])


def csv_text(cat: Catalog, site_url: str, lines=_fresh) -> str:
    """CSV with a UTF-8 byte-order mark so that spreadsheet programs read the Chinese right: the
    metadata of every article, one row each, without the full text, which is in the JSON Lines
    export (issue 18: the text twice was 9 % of the site's bytes; a spreadsheet cell holds
    32,767 characters anyway). `lines` as for jsonl."""
    return "\ufeff" + _csv_row(CSV_COLUMNS) + "".join(
        lines("csv", aid, lambda aid=aid: _csv_row(_csv_values(cat, aid, site_url)), _also(cat, aid)) for aid in cat.newest)


def _csv_row(values) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(values)
    return buf.getvalue()


def _csv_values(cat: Catalog, aid: str, site_url: str) -> list:
    r = record(cat, aid, site_url, text=False)
    q = r.get("quality") or {}
    row = dict(r, author="; ".join(r.get("author") or []), region=_paths(r.get("region")),
               region_codes="; ".join(str(e.get("code", "")) for e in r.get("region") or []),
               places=_paths(r.get("places")), tags="; ".join(r.get("tags") or []),
               masked=q.get("masked"), missing_numbers=q.get("missing_numbers"), images=q.get("images"),
               removed_lines=q.get("removed_lines"))
    return [csv_cell(c, row.get(c)) for c in CSV_COLUMNS]


# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Identifier columns: text a spreadsheet would turn into a number (123456789012 in scientific
# notation, 12e345678901 as 1.2E+346) unless marked as text.
_ID_COLUMNS = ("id", "sha256", "region_codes", "raw")
_NUMBER_LIKE = re.compile(r"[0-9.]+(?:[eE][+-]?[0-9]+)?\Z")


def csv_cell(column: str, value) -> str:
    """One CSV cell, safe to open in a spreadsheet: a text starting like a formula, or an
    identifier that would be read as a number, gets a leading apostrophe (shown as text, not
    evaluated). Counts stay numbers. The JSON Lines export keeps every value exactly."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_START) or (column in _ID_COLUMNS and _NUMBER_LIKE.match(value)):
        return "'" + value
    return value


# Characters XML 1.0 cannot carry at all (captures sometimes contain them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


def _timestamp(date: str | None) -> str | None:
    """RFC 3339 midnight UTC of a valid `YYYY[-MM[-DD]]` date, else None (the schema refuses
    invalid dates; one must never reach a feed)."""
    if date is None or date_problem(date) is not None:
        return None
    parts = date.split("-") + ["01", "01"]
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z"


def atom(cat: Catalog, site_url: str, site_name: str) -> str:
    """Atom feed of the articles most recently added to the archive, newest entry first. An
    entry's `updated` is when it was added: its capture date; without one, its publication date;
    with neither, the day its capture was added to the archive (the sidecar's `added`, read into
    cat.memo['added'] by wenxian.site.build.read_captures), so an undated capture added today is
    new in the feed. `published` is the publication date, only when there is one. An article
    with no date at all and no record of its adding (an archive older than that record) cannot
    be placed in time and is left out: never dated 1970-01-01, never by a guess."""
    from .indexes import recently_added

    ns = "http://www.w3.org/2005/Atom"
    feed = ET.Element("feed", xmlns=ns)
    ET.SubElement(feed, "title").text = site_name
    ET.SubElement(feed, "id").text = _absolute(site_url, "")
    ET.SubElement(feed, "link", href=_absolute(site_url, ""))
    ET.SubElement(feed, "link", rel="self", type="application/atom+xml", href=_absolute(site_url, urls.EXPORTS["feed"]))
    added = cat.memo.get("added", {})
    entries = []
    for aid in recently_added(cat):
        a = cat.articles[aid]
        stamp = _timestamp(a.get("captured")) or _timestamp(a.date) or _timestamp(added.get(aid))
        if stamp is not None:
            entries.append((aid, stamp))
    # newest first; equal days keep the order of /recent/ (sorted is stable)
    entries = sorted(entries, key=lambda e: e[1], reverse=True)[:FEED_SIZE]
    # The feed's own date: its newest entry (the same on every build of the same archive).
    ET.SubElement(feed, "updated").text = max((s for _, s in entries), default="2000-01-01T00:00:00Z")
    for aid, stamp in entries:
        a = cat.articles[aid]
        entry = ET.SubElement(feed, "entry")
        url = _absolute(site_url, urls.article(aid))
        ET.SubElement(entry, "title").text = _xml_text(display_title(a.meta, a.body))
        ET.SubElement(entry, "id").text = url
        ET.SubElement(entry, "link", href=url)
        ET.SubElement(entry, "updated").text = stamp
        if _timestamp(a.date):
            ET.SubElement(entry, "published").text = _timestamp(a.date)
        for name in a.get("author", []) or [a.get("source") or site_name]:
            ET.SubElement(ET.SubElement(entry, "author"), "name").text = _xml_text(name)
        text = body_text(a.body, markers=True)
        ET.SubElement(entry, "summary").text = _xml_text(text[:200]) + ("…" if len(text) > 200 else "")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def raw_text(data: bytes, encoding: str | None, path: str) -> str:
    """A raw capture as text, decoded with the encoding recorded when it was added, behind a
    byte-order mark: browsers then read it as UTF-8 whatever charset the server announces."""
    return "\ufeff" + _decoded(data, encoding, path)


def _decoded(data: bytes, encoding: str | None, path: str) -> str:
    from ..ingest.decode import decode
    from ..errors import WenxianError

    if encoding:
        try:
            return data.decode(encoding).lstrip("\ufeff")
        except (LookupError, UnicodeDecodeError) as exc:
            try:  # the pipeline's own reading, e.g. UTF-8 cut inside its last character (U+FFFD)
                decoded = decode(data, path)
            except WenxianError:
                decoded = None
            if decoded is not None and decoded.encoding == encoding:
                return decoded.text
            raise WenxianError(path, f"raw capture does not decode as its recorded encoding {encoding}: {exc}") from None
    return decode(data, path).text
