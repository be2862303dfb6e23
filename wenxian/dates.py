"""Sort keys of the archive's dates, which may be partial (`2019`, `2019-08`, `2019-08-30`) or
unknown (null): the one place the site's lists, the search index and its shards order by date.
(Whether a date is valid is the schema's business: wenxian.schema.date_problem.)
"""
from __future__ import annotations

UNKNOWN = "0000-00-00"


def sort_date(date) -> str:
    """The (possibly partial) date padded to YYYY-MM-DD; an unknown date is 0000-00-00 (last
    newest-first; the search page also puts them last oldest-first, from assets/search/undated.json)."""
    if not date:
        return UNKNOWN
    parts = str(date).split("-") + ["00", "00"]
    return "-".join(parts[:3])


def newest_first(date) -> tuple[bool, str]:
    """Sort key putting dated values newest first (a partial date after the full dates it
    contains), then undated ones."""
    date = date or ""
    return (date == "", "".join(chr(0x10FFFF - ord(c)) for c in date))


def ordinal(date) -> int:
    """`2026-11-23` → 20261123 (partial dates padded with zeros, unknown 0), for sorting by a
    date that may also be a capture date."""
    digits = "".join(ch for ch in str(date) if ch.isdigit())
    return int(digits.ljust(8, "0")) if digits else 0
