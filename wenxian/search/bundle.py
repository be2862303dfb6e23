"""Post-processing of the Pagefind 1.5.2 bundle (pure: bytes in, bytes out).

A custom record's `content` holds our search tokens (wenxian/search/records.py): Pagefind needs them to
build the index, but it also copies them into each result fragment, where the browser never uses
them. And Pagefind 1.5 indexes metadata values as words, so what a result shows (title, date,
source, regions, the text used for excerpts and exact matching) cannot go in as metadata. So,
after indexing, each fragment's tokens are dropped and its metadata is replaced by the article's
display fields: the fragment a browser loads per result is about half the size it would be. Its
URL, that of the token page's file, becomes the article's URL again (records.page_file). Its
copy of the record's filter values goes too (Pagefind filters with its filter chunks, and the page
shows regions, source and date from the display fields).
"""
from __future__ import annotations

import gzip
import json

from .records import record_url

# Pagefind 1.5.x writes each fragment as gzip("pagefind_dcd" + JSON).
SIGNATURE = b"pagefind_dcd"


def rewrite_fragment(data: bytes, displays: dict[str, dict]) -> bytes | None:
    """The fragment with `content` emptied and `meta` set to displays[its url]; None when it is
    not in the expected format or its url is unknown."""
    out = rewrite_fragment_url(data, displays)
    return out[0] if out else None


def rewrite_fragment_url(data: bytes, displays: dict[str, dict]) -> tuple[bytes, str] | None:
    """rewrite_fragment and the fragment's url."""
    try:
        raw = gzip.decompress(data)
    except (OSError, EOFError):
        return None
    if not raw.startswith(SIGNATURE):
        return None
    try:
        frag = json.loads(raw[len(SIGNATURE):])
    except ValueError:
        return None
    if not isinstance(frag, dict) or "content" not in frag or not isinstance(frag.get("url"), str):
        return None
    frag["url"] = record_url(frag["url"])  # the token page's file -> the article's URL
    if frag["url"] not in displays:
        return None
    frag["content"] = ""
    frag["meta"] = displays[frag["url"]]
    frag.pop("filters", None)  # filtering uses the filter chunks; results never read these
    body = json.dumps(frag, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return gzip.compress(SIGNATURE + body, compresslevel=9, mtime=0), frag["url"]
