"""The declared schema of an article's frontmatter: one table, one validating function.

`wenxian check` and the site build both call `problems` (through article.validate), so nothing
`check` refuses is ever published. Each field has a kind; each kind is one check of type,
length (wenxian/data/limits.yml, `frontmatter`) and form:

- text: a string without control characters or an open bidi override (values.text_problem);
- url: a plain http(s) address that parses (values.url_problem);
- date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real calendar date (datetime) with a year >= 1000,
  so feeds, citations and sitemaps only ever receive valid dates;
- encoding: a name `codecs.lookup` knows *and* one the decoder (wenxian/ingest/decode.py) produces;
- quality: a mapping of the known damage counts to non-negative whole numbers;
- places: region/places items `{path, code, level[, mentions]}` (the gazetteer check of path and
  code is article.gazetteer_problems).
"""
from __future__ import annotations

import codecs
import datetime
import re
from functools import lru_cache

from . import value_checks as values
from . import datafiles

# What wenxian/ingest/decode.py records as a capture's encoding (the `encoding` it returns).
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "big5", "big5hkscs")
QUALITY_KEYS = ("masked", "missing_numbers", "images", "removed_lines")
from .places.levels import CODE12 as _CODE, LEVELS  # noqa: E402
SCRIPTS = ("hans", "hant")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z")
# An article id: the first 12 lowercase hex digits of its capture's SHA-256 (wenxian.ingest.pipeline
# makes them). The one definition: `valid_id` here, the schema's `id` kind, `check`'s file names
# and the site's page names all use ID_PATTERN.
ID_PATTERN = "[0-9a-f]{12}"
_ID = re.compile(ID_PATTERN + r"\Z")
_SHA = re.compile(r"[0-9a-f]{64}\Z")

# field: (kind, required). Order is the order of article files (article.FIELDS).
SCHEMA: dict[str, tuple[str, bool]] = {
    "id": ("id", True),
    "title": ("text", False),
    "source": ("text", False),
    "source_url": ("url", False),
    "author": ("text_list", False),
    "date": ("date", False),
    "captured": ("date", False),
    "script": ("script", True),
    "encoding": ("encoding", False),
    "region": ("region", False),
    "places": ("places", False),
    "tags": ("tag_list", False),
    "raw": ("raw", True),
    "sha256": ("sha256", True),
    "quality": ("quality", True),
}


@lru_cache(maxsize=1)
def limits() -> dict:
    return datafiles.load("limits.yml")["frontmatter"]


def _too_long(value: str, what: str) -> str | None:
    limit = limits()["max_chars"][what]
    if len(value) > limit:
        return f"is {len(value):,} characters long; the limit is {limit:,} (frontmatter max_chars.{what} in wenxian/data/limits.yml)"
    return None


def date_problem(value) -> str | None:
    """None for a real `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (year >= 1000) given as text."""
    if isinstance(value, datetime.datetime):  # YAML reads an unquoted 2019-06-15 08:00 as a time
        return (f"is an unquoted date and time ({value.isoformat(' ')}); write the date alone, quoted: "
                f"'{value.date().isoformat()}'")
    if isinstance(value, datetime.date):  # and an unquoted 2019-06-15 as a date, not text
        return f"is an unquoted date; write it quoted: '{value.isoformat()}'"
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return f"is an unquoted year; write it quoted: '{value}'"
    if not isinstance(value, str):
        return f"must be YYYY, YYYY-MM or YYYY-MM-DD (quoted) or null, got {values.shown(value)}"
    m = _DATE.match(value)
    if not m:
        return f"must be YYYY, YYYY-MM or YYYY-MM-DD (quoted) or null, got {values.shown(value)}"
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    if year < 1000:
        return f"year of {values.shown(value)} is before 1000"
    try:
        datetime.date(year, month, day)
    except ValueError:
        return f"{values.shown(value)} is not a calendar date"
    return None


def encoding_problem(value) -> str | None:
    if not isinstance(value, str):
        return f"must be text, got {values.shown(value)}"
    try:
        name = codecs.lookup(value).name
    except (LookupError, ValueError):
        return f"{values.shown(value)} is not a known encoding"
    if name not in _codec_names():
        return f"{values.shown(value)} is not an encoding a capture is read with ({', '.join(ENCODINGS)})"
    return None


@lru_cache(maxsize=1)
def _codec_names() -> frozenset:
    return frozenset(codecs.lookup(e).name for e in ENCODINGS)


def _text(value, what: str) -> str | None:
    if not isinstance(value, str):
        return f"must be text, got {values.shown(value)}"
    return _too_long(value, what) or values.text_problem(value)


def _count(value, positive: bool = False) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= (1 if positive else 0)


def _list(value, field: str, item) -> list[tuple[int | None, str]]:
    if not isinstance(value, list):
        return [(None, f"'{field}' must be a list, got {values.shown(value)}")]
    limit = limits()["max_items"][field]
    if len(value) > limit:
        return [(None, f"'{field}' has {len(value):,} items; the limit is {limit:,} (frontmatter max_items.{field} in wenxian/data/limits.yml)")]
    out = []
    for i, v in enumerate(value):
        p = item(v)
        if p:
            out.append((i, f"'{field}'[{i}] {p}"))
    return out


def _place(value, with_mentions: bool) -> str | None:
    keys = ("path", "code", "level") + (("mentions",) if with_mentions else ())
    if not isinstance(value, dict):
        return f"must be a mapping with {', '.join(keys)}, got {values.shown(value)}"
    extra = [k for k in value if k not in keys]
    if extra:
        return f"has unknown key {values.shown(extra[0])} (allowed: {', '.join(keys)})"
    missing = [k for k in keys if k not in value]
    if missing:
        return f"is missing '{missing[0]}'"
    p = _text(value["path"], "path")
    if p:
        return f"path {p}"
    if not (isinstance(value["code"], str) and _CODE.match(value["code"])):
        return f"code must be 12 digits (quoted), got {values.shown(value['code'])}"
    if value["level"] not in LEVELS:
        return f"level must be one of {', '.join(LEVELS)}, got {values.shown(value['level'])}"
    if with_mentions and not _count(value["mentions"], positive=True):
        return f"mentions must be a positive whole number, got {values.shown(value['mentions'])}"
    return None


def _quality(value) -> list[tuple[int | None, str]]:
    if not isinstance(value, dict):
        return [(None, f"'quality' must be a mapping of {', '.join(QUALITY_KEYS)} to counts, got {values.shown(value)}")]
    out = []
    for k, v in value.items():
        if k not in QUALITY_KEYS:
            out.append((None, f"'quality' has unknown key {values.shown(k)} (allowed: {', '.join(QUALITY_KEYS)})"))
        elif not _count(v):
            out.append((None, f"'quality.{k}' must be a whole number >= 0, got {values.shown(v)}"))
    return out


def valid_id(value) -> bool:
    """Is `value` an article id (ID_PATTERN)?"""
    return isinstance(value, str) and bool(_ID.match(value))


def _field(kind: str, field: str, value) -> list[tuple[int | None, str]]:
    """(index of the list item concerned or None, message) for one field's value."""
    one = None
    if kind == "id":
        one = None if valid_id(value) else \
            f"must be 12 lowercase hex digits, got {values.shown(value)}"
    elif kind == "text":
        one = _text(value, field)
    elif kind == "url":
        one = _text(value, field) or values.url_problem(value)
    elif kind == "date":
        one = date_problem(value)
    elif kind == "script":
        one = None if value in SCRIPTS else f"must be hans or hant, got {values.shown(value)}"
    elif kind == "encoding":
        one = encoding_problem(value)
    elif kind == "raw":
        one = _text(value, "raw")
    elif kind == "sha256":
        one = None if isinstance(value, str) and _SHA.match(value) else "must be 64 lowercase hex digits"
    elif kind == "text_list":
        return _list(value, field, lambda v: _text(v, field))
    elif kind == "tag_list":
        # a tag that is not text is reported by tags.frontmatter_problems, with the taxonomy
        return _list(value, field, lambda v: _text(v, "tag") if isinstance(v, str) else None)
    elif kind in ("region", "places"):
        return _list(value, field, lambda v: _place(v, kind == "places"))
    elif kind == "quality":
        return _quality(value)
    return [(None, f"'{field}' {one}")] if one else []


def problems(meta: dict) -> list[tuple[str | None, int | None, str]]:
    """(field or None, list item index or None, message) for everything wrong with one
    article's frontmatter."""
    out: list[tuple[str | None, int | None, str]] = []
    for k in meta:
        if k not in SCHEMA:
            out.append((k if isinstance(k, str) else None, None, f"unknown field {values.shown(k)}"))
    for field, (kind, required) in SCHEMA.items():
        value = meta.get(field)
        if value is None or (required and value == ""):
            if required:
                out.append((field, None, f"missing required field '{field}'"))
            continue
        out += [(field, i, m) for i, m in _field(kind, field, value)]
    return out
