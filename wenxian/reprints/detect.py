"""Near-duplicate detection: which archived texts are copies of one story, and how alike.

Comparing every pair is quadratic (200 million pairs at 20,000 articles), so candidates come
from two indexes that are linear in the archive, and only candidates are measured exactly:

1. MinHash LSH over the signatures (`lsh_threshold` in reprints.yml), datasketch's MinHashLSH
   banding done in numpy on all signatures at once (`candidates`; tests check it finds what
   datasketch finds): copies of similar length whatever their differences (script,
   punctuation, masking, edits);
2. a sentence index: texts sharing `min_shared_sentences` folded sentences. An excerpt has a low
   Jaccard resemblance with its long original (a fifth of it resembles it at .2), which MinHash
   LSH cannot find without also finding everything else; containment can, but LSH Ensemble
   (datasketch's containment index) took 67 s and 1.9 GB to index 20,000 signatures here. A
   sentence carried by more than `max_sentence_copies` texts is skipped, so the work stays
   bounded by that number times the number of sentences.

A candidate is a pair when the smaller copy's shingles are at least `pair_containment` contained
in the other's: an excerpt is then a copy (a cut) and two stories that share stock phrases of
one campaign are not.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Mapping

import numpy as np

from . import shingles as sh
from .settings import Settings, load


@dataclass(frozen=True)
class Signature:
    """What detection keeps of one text: the MinHash, the number of shingles, the sentences."""
    minhash: np.ndarray  # uint32[num_perm]
    size: int  # number of distinct shingles
    sentences: np.ndarray  # uint64: sorted unique hashes of the folded sentences (sentence_key)


def sentence_key(sentence: str) -> int:
    """A folded sentence as a 64-bit number: 8 bytes in a numpy array instead of a string in a
    set (60 MB less at 20,000 articles), and storable in the build cache (Python's own str hash changes with every process). A
    collision only adds a candidate, which is then measured exactly. CRC-32 and Adler-32 side by
    side: two C calls, a third of the time of a BLAKE2b object per sentence (600,000 sentences
    at 20,000 articles)."""
    data = sentence.encode("utf-8")
    return (zlib.crc32(data) << 32) | zlib.adler32(data)


def signature(text: str, settings: Settings | None = None) -> Signature:
    return _signature(text, settings or load())[0]


def _signature(text: str, s: Settings) -> tuple[Signature, np.ndarray]:
    hashes, sents = sh.features(text, s)
    keys = np.unique(np.fromiter(map(sentence_key, sents), dtype=np.uint64, count=len(sents)))
    return Signature(sh.minhash_values(hashes, s.num_perm, s.minhash_seed), len(hashes), keys), hashes


@dataclass(frozen=True)
class Similarity:
    """Exact measures of two copies a, b on their shingle sets."""
    a_in_b: float  # |A ∩ B| / |A|
    b_in_a: float  # |A ∩ B| / |B|
    resemblance: float  # |A ∩ B| / |A ∪ B| (Jaccard)

    @property
    def containment(self) -> float:
        """Containment of the smaller copy in the larger one."""
        return max(self.a_in_b, self.b_in_a)


def similarity(a: np.ndarray, b: np.ndarray) -> Similarity:
    """Similarity of two sorted unique shingle-hash arrays (shingles.shingle_hashes)."""
    if not len(a) or not len(b):
        return Similarity(0.0, 0.0, 0.0)
    inter = sh.shared(a, b)
    return Similarity(inter / len(a), inter / len(b), inter / (len(a) + len(b) - inter))


def compare(text_a: str, text_b: str, settings: Settings | None = None) -> Similarity:
    s = settings or load()
    return similarity(sh.shingle_hashes(sh.comparable_codes(text_a, s), s.shingle_chars),
                      sh.shingle_hashes(sh.comparable_codes(text_b, s), s.shingle_chars))


def is_pair(sim: Similarity, size_a: int, size_b: int, settings: Settings | None = None) -> bool:
    s = settings or load()
    return min(size_a, size_b) >= s.min_shingles and sim.containment >= s.pair_containment


@dataclass(frozen=True)
class Pair:
    a: str  # article ids, a < b
    b: str
    similarity: Similarity


def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) minimising the equally weighted sum of the false positive and
    false negative probabilities around `threshold`: datasketch MinHashLSH's own choice
    (`_optimal_param`, which integrates with scipy; tests/test_reprints.py checks they agree),
    computed with numpy so that a build need not import scipy (0.9 s)."""
    s = np.linspace(0.0, 1.0, 2001)
    best, opt = float("inf"), (0, 0)
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            p = 1 - (1 - s ** r) ** b
            low, high = s <= threshold, s >= threshold
            err = np.trapezoid(p[low], s[low]) + np.trapezoid(1 - p[high], s[high])
            if err < best - 1e-12:
                best, opt = err, (b, r)
    return opt


def _pairs_in_runs(labels: np.ndarray, members: np.ndarray, max_run: int | None = None) -> np.ndarray:
    """Codes i * 2**32 + j (i < j) of every two `members` that share a label, leaving out runs
    (labels) of more than `max_run` members. Vectorised per run length: the candidates of
    20,000 texts in a fraction of a second instead of seconds of Python loops."""
    if not len(labels):
        return np.zeros(0, dtype=np.int64)
    order = np.argsort(labels, kind="stable")
    lab, mem = labels[order], members[order]
    starts = np.flatnonzero(np.concatenate(([True], lab[1:] != lab[:-1])))
    lengths = np.diff(np.concatenate((starts, [len(lab)])))
    out = []
    for k in np.unique(lengths[lengths > 1]).tolist():
        if max_run is not None and k > max_run:
            continue
        block = mem[starts[lengths == k][:, None] + np.arange(k)]  # (runs, k)
        i, j = np.triu_indices(k, 1)
        x, y = block[:, i].ravel(), block[:, j].ravel()
        lo, hi = np.minimum(x, y), np.maximum(x, y)
        keep = lo != hi
        out.append((lo[keep].astype(np.int64) << 32) | hi[keep].astype(np.int64))
    return np.concatenate(out) if out else np.zeros(0, dtype=np.int64)


def candidates(sigs: Mapping[str, Signature], settings: Settings | None = None) -> set[tuple[str, str]]:
    """Pairs of ids (sorted) worth measuring: LSH neighbours and texts sharing sentences. Texts
    with fewer than `min_shingles` shingles take no part (too short to call a copy).

    LSH is the banding of MinHashLSH done on the matrix of all signatures at once: two texts are
    neighbours when all rows of one band of their signatures are equal (datasketch's buckets,
    compared exactly instead of through a hash of the band)."""
    s = settings or load()
    keys = sorted(k for k, g in sigs.items() if g.size >= s.min_shingles)
    if len(keys) < 2:
        return set()
    codes = []
    bands, rows = lsh_params(s.lsh_threshold, s.num_perm)
    matrix = np.ascontiguousarray(np.stack([sigs[k].minhash for k in keys]).astype(np.uint32))
    members = np.arange(len(keys), dtype=np.int64)
    for band in range(bands):
        part = np.ascontiguousarray(matrix[:, band * rows:(band + 1) * rows])
        _, labels = np.unique(part.view(np.dtype((np.void, 4 * rows))).ravel(), return_inverse=True)
        codes.append(_pairs_in_runs(labels.ravel(), members))
    sents = [sigs[k].sentences for k in keys]
    owner = np.repeat(members, [len(x) for x in sents])
    shared = _pairs_in_runs(np.concatenate(sents) if sents else np.zeros(0, np.uint64), owner, s.max_sentence_copies)
    if len(shared):
        pair, count = np.unique(shared, return_counts=True)
        codes.append(pair[count >= s.min_shared_sentences])
    found = np.unique(np.concatenate(codes))
    return {(keys[int(c >> 32)], keys[int(c & 0xFFFFFFFF)]) for c in found.tolist()}


def find_pairs(texts: Mapping[str, str], settings: Settings | None = None,
               sigs: Mapping[str, Signature] | None = None) -> list[Pair]:
    """Every pair of copies among `texts` ({article id: clean text}), sorted by ids. `sigs` may
    hold signatures computed before (a cache keyed by content); missing ones are computed."""
    s = settings or load()
    sigs = dict(sigs or {})
    hashes: dict[str, np.ndarray] = {}
    for k, t in texts.items():
        if k not in sigs:
            sigs[k], hashes[k] = _signature(t, s)
    cands = candidates({k: sigs[k] for k in texts}, s)

    def shingles_of(k: str) -> np.ndarray:
        if k not in hashes:
            hashes[k] = sh.shingle_hashes(sh.comparable_codes(texts[k], s), s.shingle_chars)
        return hashes[k]

    out = []
    for a, b in sorted(cands):
        sim = similarity(shingles_of(a), shingles_of(b))
        if is_pair(sim, sigs[a].size, sigs[b].size, s):
            out.append(Pair(a, b, sim))
    return out


