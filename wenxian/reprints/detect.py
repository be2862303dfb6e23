"""Near-duplicate detection: which archived texts are copies of one story, and how alike.

Comparing every pair is quadratic (200 million pairs at 20,000 articles), so candidates come
from two indexes that are linear in the archive, and only candidates are measured exactly:

1. a datasketch MinHashLSH index of the MinHash signatures (`lsh_threshold` in reprints.yml):
   copies of similar length whatever their differences (script, punctuation, masking, edits);
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

from collections import Counter, defaultdict
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
    sentences: frozenset[str]


def signature(text: str, settings: Settings | None = None) -> Signature:
    return _signature(text, settings or load())[0]


def _signature(text: str, s: Settings) -> tuple[Signature, np.ndarray]:
    hashes, sents = sh.features(text, s)
    return Signature(sh.minhash_values(hashes, s.num_perm, s.minhash_seed), len(hashes), frozenset(sents)), hashes


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


def candidates(sigs: Mapping[str, Signature], settings: Settings | None = None) -> set[tuple[str, str]]:
    """Pairs of ids (sorted) worth measuring: LSH neighbours and texts sharing sentences. Texts
    with fewer than `min_shingles` shingles take no part (too short to call a copy)."""
    from datasketch import LeanMinHash, MinHashLSH
    s = settings or load()
    keys = sorted(k for k, g in sigs.items() if g.size >= s.min_shingles)
    out: set[tuple[str, str]] = set()
    lsh = MinHashLSH(threshold=s.lsh_threshold, num_perm=s.num_perm)
    lean = {}
    for k in keys:
        lean[k] = LeanMinHash(seed=s.minhash_seed, hashvalues=sigs[k].minhash, scheme="affine32")
        lsh.insert(k, lean[k], check_duplication=False)
    for k in keys:
        for other in lsh.query(lean[k]):
            if other != k:
                out.add((k, other) if k < other else (other, k))
    index: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        for sent in sigs[k].sentences:
            index[sent].append(k)
    shared: Counter = Counter()
    for members in index.values():
        if 1 < len(members) <= s.max_sentence_copies:
            for i, x in enumerate(members):
                for y in members[i + 1:]:
                    shared[(x, y) if x < y else (y, x)] += 1
    out.update(p for p, n in shared.items() if n >= s.min_shared_sentences)
    return out


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


