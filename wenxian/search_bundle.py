"""Post-processing of the Pagefind 1.5.2 bundle (pure: bytes in, bytes out).

A custom record's `content` holds our search tokens (wenxian/search.py): Pagefind needs them to
build the index, but it also copies them into each result fragment, where the browser never uses
them (excerpts and verification use the article text in the record's metadata). They are more
than half of every fragment, so they are removed after indexing, halving the bytes per result.
"""
from __future__ import annotations

import gzip
import json

# Pagefind 1.5.x writes each fragment as gzip("pagefind_dcd" + JSON).
SIGNATURE = b"pagefind_dcd"


def strip_fragment(data: bytes) -> bytes | None:
    """The fragment without its `content`, or None when it is not in the expected format."""
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
    if not isinstance(frag, dict) or "content" not in frag:
        return None
    frag["content"] = ""
    body = json.dumps(frag, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return gzip.compress(SIGNATURE + body, compresslevel=9, mtime=0)
