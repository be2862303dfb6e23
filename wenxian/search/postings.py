"""The search index: which articles hold each character and each character pair (pure functions).

Why not Pagefind's index (used up to issue 17): Pagefind stores every word's positions in every
page and holds its whole index in memory while it builds (≈ 450 KB per article of our token
pages), so a 20,000-article archive had to be cut into date shards of ≤ 3,000 articles, and then
every query term cost one word chunk per shard (a later query 267 KB at 20,000 articles), while
re-indexing a shard after one edit cost 6–12 s. Search here needs far less than a word index:
whether an article holds a gram (one character, or two adjacent ones of a run — see
wenxian/search/records.py), never where or how often, since every result is checked against its
text anyway. So the whole archive is one index of *postings*, one per gram: the articles that
hold it, as a list of doc numbers (delta varints) or, when that is shorter, a bitmap of one bit
per article. A posting is therefore never longer than N/8 bytes (2.5 KB at 20,000 articles),
whatever the gram, and the index is built by numpy in seconds, not by a separate program.

Layout of the output (paths relative to assets/search/index/, all written by `build`):

* `meta.json`: docs (N), dated (D), chunks (K), filter chunks (KF), ids per id file (IDS).
* `t/<k>.bin`: the postings of the grams whose hash (`gram_hash`) is k mod K: a little-endian
  u32 count E, E rows of four u32 (first code point, second code point or 0, flags, payload
  length; flags: bit 0 = title gram, bit 1 = bitmap), then the payloads in row order. Rows are
  sorted by (code points, flags). Title grams (the folded title's grams, flag bit 0) let the
  browser rank title matches first; they sit in the same chunk as the gram itself.
* `f/<k>.json`: filter postings, {"field=value": [flags, base64 payload]} for the values whose
  hash is k mod KF.
* `ids/<j>.txt`: the article ids of doc numbers IDS·j … IDS·j + IDS − 1, one per line.
* `doc/<id>.bin`: gzip of the result's display JSON (records.display), fetched per result.
* `facets.json`: {filter field: {value: number of articles}} for the facet menus.

Doc numbers follow the date order: dated articles by (sort date, id), then the undated by id, so
"oldest" is ascending numbers, "newest" the dated ones descending then the undated, and a
date-ordered page of results never needs the dates themselves.
"""
from __future__ import annotations

import base64
import gzip
import json
import math
from functools import lru_cache

import numpy as np

from ..dates import UNKNOWN

VERSION = 1
CHUNK_TARGET = 12_000  # bytes of postings a term chunk aims at (one chunk is downloaded per gram)
IDS = 256              # article ids per id file
TITLE, BITMAP = 1, 2   # flag bits of a posting
_CP = 21               # bits of a code point in a gram key
_MASK = (1 << _CP) - 1
FNV_OFFSET, FNV_PRIME = 2166136261, 16777619


def doc_order(items: list[tuple[str, str]]) -> list[str]:
    """Article ids in doc-number order from (id, sort date) pairs: dated by (date, id), then the
    undated by id (they come last in both date orders)."""
    dated = sorted((d, aid) for aid, d in items if d != UNKNOWN)
    return [aid for _, aid in dated] + sorted(aid for aid, d in items if d == UNKNOWN)


@lru_cache(maxsize=1)
def _tables() -> tuple[np.ndarray, np.ndarray]:
    """For every code point: whether it is a letter or digit (str.isalnum, as records.runs cuts
    runs) and whether it is a CJK ideograph (records._CJK: separators between two are dropped)."""
    alnum = np.array([chr(c).isalnum() for c in range(0x110000)], dtype=bool)
    cjk = np.zeros(0x110000, dtype=bool)
    for lo, hi in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2EBEF)):
        cjk[lo:hi + 1] = True
    return alnum, cjk


def gram_keys(parts: list[str]) -> np.ndarray:
    """Sorted distinct keys (uint64) of the grams of folded texts (each part on its own): each
    letter or digit (its code point), and each pair of letters/digits that are adjacent in a run
    of records.runs — next to each other, or two CJK ideographs with only separators between."""
    alnum, cjk = _tables()
    cp = np.frombuffer("\0".join(parts).encode("utf-32-le"), dtype=np.uint32)
    pos = np.flatnonzero(alnum[cp])
    c = cp[pos].astype(np.uint64)
    parts_before = np.cumsum(cp == 0)  # a NUL ends a part: no pair spans two parts
    adjacent = ((np.diff(pos) == 1) | (cjk[cp[pos[:-1]]] & cjk[cp[pos[1:]]])) & \
        (parts_before[pos[1:]] == parts_before[pos[:-1]])
    pairs = ((c[:-1] << np.uint64(_CP)) | c[1:])[adjacent]
    keys = np.sort(np.concatenate([c, pairs]))
    return keys[np.concatenate([[True], keys[1:] != keys[:-1]])] if len(keys) else keys


def gram_hash(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """FNV-1a over the gram's code points (the second only when not 0), as uint32 — the browser's
    gramHash in assets/search/search.js computes the same."""
    h = (np.full(first.shape, FNV_OFFSET, dtype=np.uint64) ^ first.astype(np.uint64)) * np.uint64(FNV_PRIME)
    h &= np.uint64(0xFFFFFFFF)
    h2 = ((h ^ second.astype(np.uint64)) * np.uint64(FNV_PRIME)) & np.uint64(0xFFFFFFFF)
    return np.where(second != 0, h2, h)


def string_hash(text: str) -> int:
    """gram_hash over the code points of a string (filter keys)."""
    h = FNV_OFFSET
    for c in text:
        h = ((h ^ ord(c)) * FNV_PRIME) & 0xFFFFFFFF
    return h


def _varints(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """LEB128 encoding of non-negative integers (< 2^28): the bytes of all of them in order, and
    the number of bytes of each."""
    values = values.astype(np.uint64)
    n = np.ones(len(values), dtype=np.int64)
    for k in (7, 14, 21):
        n += values >= (1 << k)
    out = np.zeros(int(n.sum()), dtype=np.uint8)
    starts = np.concatenate([[0], np.cumsum(n)[:-1]]).astype(np.int64)
    for i in range(4):
        has = n > i
        byte = (values[has] >> np.uint64(7 * i)) & np.uint64(0x7F)
        more = (n[has] > i + 1).astype(np.uint64) << np.uint64(7)
        out[starts[has] + i] = (byte | more).astype(np.uint8)
    return out, n


def encode_posting(docs: np.ndarray, n_docs: int) -> tuple[int, bytes]:
    """(flags, payload) of one sorted posting: delta varints, or a bitmap when that is shorter."""
    deltas = np.diff(docs, prepend=0) if len(docs) else docs
    data, _ = _varints(deltas)
    size = math.ceil(n_docs / 8)
    if len(data) <= size:
        return 0, data.tobytes()
    bits = np.zeros(size * 8, dtype=bool)
    bits[docs] = True
    return BITMAP, np.packbits(bits, bitorder="little").tobytes()


def decode_posting(flags: int, payload: bytes, n_docs: int) -> list[int]:
    """The doc numbers of a payload (the browser's decoder does the same; used by tests)."""
    if flags & BITMAP:
        bits = np.unpackbits(np.frombuffer(payload, dtype=np.uint8), bitorder="little")[:n_docs]
        return [int(i) for i in np.flatnonzero(bits)]
    out, cur, shift, acc = [], 0, 0, 0
    for byte in payload:
        acc |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            cur += acc
            out.append(cur)
            acc = shift = 0
    return out


def _term_chunk(vals: np.ndarray, n_docs: int) -> bytes:
    """One term chunk from its sorted (flagged gram << 21 | doc) values (see the module docstring:
    a varint row count, rows of varints (first, second, flags, length), then the payloads)."""
    if not len(vals):  # no gram hashes to this chunk (an empty archive, a tiny one)
        return bytes([0])
    keys, docs = vals >> np.uint64(_CP), (vals & np.uint64(_MASK)).astype(np.int64)
    starts = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]]))
    ends = np.append(starts[1:], len(keys))
    deltas = docs - np.concatenate([[0], docs[:-1]])
    deltas[starts] = docs[starts]  # the first doc of a posting is its own delta
    data, nbytes = _varints(deltas)
    offsets = np.concatenate([[0], np.cumsum(nbytes)])
    lengths = offsets[ends] - offsets[starts]
    size = math.ceil(n_docs / 8)
    big = lengths > size
    gram = keys[starts] >> np.uint64(1)
    first = gram >> np.uint64(_CP)
    second = gram & np.uint64(_MASK)
    first, second = np.where(first == 0, second, first), np.where(first == 0, 0, second)
    flags = (keys[starts] & np.uint64(TITLE)) | (big.astype(np.uint64) * np.uint64(BITMAP))
    table, _ = _varints(np.stack([first, second, flags, np.where(big, size, lengths)], axis=1).ravel())
    # payloads in row order: slices of `data`, except the bitmaps of common grams
    bitmaps = []
    for i in np.flatnonzero(big):
        bits = np.zeros(size * 8, dtype=bool)
        bits[docs[starts[i]:ends[i]]] = True
        bitmaps.append(np.packbits(bits, bitorder="little"))
    source = np.concatenate([data, *bitmaps]) if bitmaps else data
    src_start = offsets[starts].copy()
    src_start[big] = len(data) + size * np.arange(int(big.sum()))
    row_len = np.where(big, size, lengths)
    idx = np.repeat(src_start - np.concatenate([[0], np.cumsum(row_len)[:-1]]), row_len) + np.arange(int(row_len.sum()))
    count, _ = _varints(np.array([len(starts)]))
    return count.tobytes() + table.tobytes() + source[idx].tobytes()


def _term_chunks(keys_per_doc: list[tuple[np.ndarray, np.ndarray]], n_docs: int) -> tuple[dict[str, bytes], int]:
    """The term chunks t/<k>.bin from each doc's (text gram keys, title gram keys), and their
    number (about one per CHUNK_TARGET bytes, at ≈ 1 byte per (gram, article) pair)."""
    parts = []
    for doc, (text, title) in enumerate(keys_per_doc):
        flagged = np.concatenate([text << np.uint64(1), (title << np.uint64(1)) | np.uint64(TITLE)])
        parts.append((flagged << np.uint64(_CP)) | np.uint64(doc))
    vals = np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint64)
    n_chunks = max(1, math.ceil(len(vals) * 1.2 / CHUNK_TARGET))
    gram = vals >> np.uint64(_CP + 1)
    first, second = gram >> np.uint64(_CP), gram & np.uint64(_MASK)
    first, second = np.where(first == 0, second, first), np.where(first == 0, 0, second)
    chunk = gram_hash(first, second) % np.uint64(n_chunks)
    del gram, first, second
    chunk = chunk.astype(np.uint16 if n_chunks <= 1 << 16 else np.uint32)
    order = np.argsort(chunk, kind="stable")  # a radix sort for 16-bit chunk numbers
    bounds = np.searchsorted(chunk[order], np.arange(n_chunks + 1))
    vals = vals[order]
    del order, chunk
    return {f"t/{k}.bin": _term_chunk(np.sort(vals[bounds[k]:bounds[k + 1]]), n_docs)
            for k in range(n_chunks)}, n_chunks


def _filter_chunks(filters: list[dict[str, list[str]]], n_docs: int) -> tuple[dict[str, bytes], int, dict]:
    """The filter chunks f/<k>.json and the facet counts, from each doc's {field: values}."""
    postings: dict[str, list[int]] = {}
    for n, doc in enumerate(filters):
        for field, values in doc.items():
            for v in dict.fromkeys(values):
                postings.setdefault(f"{field}={v}", []).append(n)
    encoded = {key: encode_posting(np.array(docs, dtype=np.int64), n_docs) for key, docs in postings.items()}
    n_chunks = max(1, math.ceil(sum(len(p) * 4 // 3 + len(k) * 3 for k, (_, p) in encoded.items()) / CHUNK_TARGET))
    groups: dict[int, dict] = {k: {} for k in range(n_chunks)}
    for key in sorted(encoded):
        flags, payload = encoded[key]
        groups[string_hash(key) % n_chunks][key] = [flags, base64.b64encode(payload).decode("ascii")]
    out = {f"f/{k}.json": json.dumps(g, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
           for k, g in groups.items()}
    facets: dict[str, dict[str, int]] = {}
    for key, docs in postings.items():
        field, value = key.split("=", 1)
        facets.setdefault(field, {})[value] = len(docs)
    return out, n_chunks, {f: dict(sorted(v.items())) for f, v in sorted(facets.items())}


def fragment(display: dict) -> bytes:
    """A result's display fields as the browser fetches them (gzip, no timestamp: same input,
    same bytes)."""
    body = json.dumps(display, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return gzip.compress(body, compresslevel=9, mtime=0)


def build(ids: list[str], keys: list[tuple[np.ndarray, np.ndarray]], filters: list[dict[str, list[str]]],
          dated: int) -> dict[str, bytes]:
    """Every file of the index except the fragments ({relative path: bytes}), from the articles in
    doc-number order: their ids, (text, title) gram keys (gram_keys), filter values, and how many
    of them are dated."""
    n = len(ids)
    out, n_chunks = _term_chunks(keys, n)
    fchunks, n_filter, facets = _filter_chunks(filters, n)
    out.update(fchunks)
    for j in range(0, n, IDS):
        out[f"ids/{j // IDS}.txt"] = "\n".join(ids[j:j + IDS]).encode("utf-8")
    out["facets.json"] = json.dumps(facets, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    meta = {"version": VERSION, "docs": n, "dated": dated, "chunks": n_chunks, "filterChunks": n_filter, "ids": IDS}
    out["meta.json"] = json.dumps(meta, sort_keys=True).encode("utf-8")
    return out
