"""The comparable form of a copy and its shingles.

Two copies of one story differ in what is not the story: the script they are written in, their
punctuation and spacing (full-width or not, a paragraph split in two), the credit lines each
outlet adds (来源, 责任编辑, 原标题, a follow prompt) and the characters one of them masks (王**).
The comparable form drops all of that: credit lines (`credit_lines` in reprints.yml) are left
out, every character is folded with the search fold (OpenCC's character classes, NFKC, lower
case: 發/发, ＡＢ/ab), everything but letters and digits is dropped, and every mask character
becomes one wildcard `*`.

A copy is then the set of its character k-grams (shingles), hashed to 64 bits in numpy (a Python
loop over 30 million shingles of a 20,000-article archive would cost seconds); a shingle covering
a wildcard is left out, so a masked word costs the masked copy a few shingles and matches nothing
wrongly. The MinHash signature is datasketch's own `affine32` scheme applied to those hashes in
one vectorised step (tests/test_reprints.py checks it equals `MinHash.update_batch`).
"""
from __future__ import annotations

import unicodedata

import numpy as np

from ..search.fold import fold_char, fold_table, opencc_pairs

from ..script import to_simplified
from .settings import Settings, load

MASK = "*"
_SENTENCE_ENDS = "。！？!?；;…\n"


class _Fold(dict):
    """A str.translate table that folds each character the first time it is met (comparable
    form: letters and digits folded, mask characters to `*`, the rest to ''); `breaks` keeps
    sentence ends as line breaks."""

    def __init__(self, masks: str, breaks: bool, same: tuple[tuple[str, str], ...] = ()):
        super().__init__({ord(c): MASK for c in masks})
        self.same = dict(same)
        self.update({ord(unicodedata.normalize("NFKC", c)): MASK for c in masks})
        if breaks:
            self.update({ord(c): "\n" for c in _SENTENCE_ENDS})

    def __missing__(self, code: int) -> str:
        folded = "".join(self.same.get(c, c) for c in fold_char(chr(code), _table()) if c.isalnum())
        self[code] = folded
        return folded


_TRANS: dict[tuple, _Fold] = {}


def is_credit_line(line: str, settings: Settings | None = None) -> bool:
    """A short credit or furniture line (来源：…, 责任编辑：…, （原标题：…）, 点击关注…)."""
    s = settings or load()
    line = line.strip()
    return len(line) <= s.credit_line_max_chars and bool(s.credit_line.search(line))


def comparable_lines(text: str, settings: Settings | None = None) -> list[str]:
    """The non-empty lines of `simplified(text)` that are not credit lines."""
    s = settings or load()
    return [ln for ln in (x.strip() for x in simplified(text).split("\n")) if ln and not is_credit_line(ln, s)]


_TRAD: list[np.ndarray] = []


def _traditional_table() -> np.ndarray:
    """True for every code point (up to U+3FFFF) that OpenCC's character-level t2s changes: a
    character of the traditional script (著 too, rare in simplified text; not 座 or 着, which the
    search fold joins with others but t2s leaves alone)."""
    if not _TRAD:
        t = np.zeros(0x40000, dtype=bool)
        t[[ord(c) for c, _ in opencc_pairs() if ord(c) < 0x40000]] = True
        _TRAD.append(t)
    return _TRAD[0]


def simplified(text: str) -> str:
    """`text` through OpenCC's phrase-level t2s (wenxian.script.to_simplified) when it holds a
    traditional character, else as it is (t2s costs 0.1 ms per 1,000 characters; most of the
    archive is simplified). The character fold alone misses what a phrase rule changes (s2tw
    writes 复苏 as 復甦, and 甦 folds to itself), t2s undoes it. A conversion that would change the
    length is not used (positions in the difference view are the original's)."""
    cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    cps = cps[cps < 0x40000]
    if not len(cps) or not _traditional_table()[cps].any():
        return text
    out = to_simplified(text)
    return out if len(out) == len(text) else text


def _translation(settings: Settings, breaks: bool = False) -> _Fold:
    key = (settings.mask_chars, settings.same_characters, breaks)
    if key not in _TRANS:
        _TRANS[key] = _Fold(settings.mask_chars, breaks, settings.same_characters)
    return _TRANS[key]


_TABLE: list[dict[str, str]] = []


def _table() -> dict[str, str]:
    if not _TABLE:
        _TABLE.append(fold_table())
    return _TABLE[0]


def fold_char_comparable(ch: str, settings: Settings | None = None) -> str:
    """The comparable form of one character: '' (punctuation, space), `*` (a mask character) or
    its folded letters and digits (usually one character)."""
    return _translation(settings or load())[ord(ch)]


def fold(text: str, settings: Settings | None = None) -> str:
    """The comparable form of `text` (already without credit lines): one string of folded
    letters, digits and wildcards (str.translate with a per-character cache)."""
    return text.translate(_translation(settings or load()))


def comparable(text: str, settings: Settings | None = None) -> str:
    """fold() of the comparable lines of `text`."""
    s = settings or load()
    return fold("\n".join(comparable_lines(text, s)), s)


_UNKNOWN = np.uint32(0xFFFFFFFF)
_DROP = np.uint32(0)
_MULTI = np.uint32(0xFFFFFFFE)
_BREAK = np.uint32(10)
_CODES: dict[tuple, np.ndarray] = {}


def _code_table(settings: Settings, breaks: bool) -> np.ndarray:
    """{code point: folded code point, 0 (dropped) or _MULTI (several characters)} for every
    code point up to U+3FFFF, filled the first time a character is met."""
    key = (settings.mask_chars, settings.same_characters, breaks)
    if key not in _CODES:
        _CODES[key] = np.full(0x40000, _UNKNOWN, dtype=np.uint32)
    return _CODES[key]


def char_codes(text: str, settings: Settings | None = None, breaks: bool = False) -> np.ndarray | None:
    """One code per character of `text`: its folded code point, 0 (dropped), 10 (a sentence end,
    with `breaks`) or _MULTI (folds to several characters); None when a character is beyond the
    table (then str.translate does it)."""
    s = settings or load()
    cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    table = _code_table(s, breaks)
    if len(cps) and int(cps.max()) >= len(table):
        return None
    out = table[cps]
    unknown = out == _UNKNOWN
    if unknown.any():
        trans = _translation(s, breaks)
        for c in np.unique(cps[unknown]).tolist():
            f = trans[c]
            table[c] = ord(f) if len(f) == 1 else (_DROP if not f else _MULTI)
        out = table[cps]
    return out


def comparable_codes(text: str, settings: Settings | None = None, breaks: bool = False) -> np.ndarray:
    """The code points of comparable(text) as a numpy array, without building the string: a
    table lookup per character in numpy instead of str.translate's per-character Python call
    (five times faster on an archive). With `breaks`, sentence ends are kept as 10 (newline)."""
    s = settings or load()
    joined = "\n".join(comparable_lines(text, s))
    out = char_codes(joined, s, breaks)
    if out is None or (out == _MULTI).any():
        return np.frombuffer(joined.translate(_translation(s, breaks)).encode("utf-32-le"), dtype=np.uint32)
    return out[out != _DROP]


def features(text: str, settings: Settings | None = None) -> tuple[np.ndarray, list[str]]:
    """(shingle hashes, sentences) of `text` from one pass over its characters."""
    s = settings or load()
    codes = comparable_codes(text, s, breaks=True)
    brk = codes == _BREAK
    flat = codes[~brk] if brk.any() else codes
    hashes = shingle_hashes(flat, s.shingle_chars)
    sents = [f for f in codes.tobytes().decode("utf-32-le").split("\n")
             if len(f) >= s.min_sentence_chars and MASK not in f]
    return hashes, sents


def sentences(text: str, settings: Settings | None = None) -> list[str]:
    """The folded sentences of the comparable lines (split at 。！？；… and line ends) of at least
    `min_sentence_chars` characters without a wildcard: the units of the excerpt index."""
    s = settings or load()
    folded = "\n".join(comparable_lines(text, s)).translate(_translation(s, breaks=True))
    return [f for f in folded.split("\n") if len(f) >= s.min_sentence_chars and MASK not in f]


_P = np.uint64(0x100000001B3)  # FNV prime: the polynomial of the rolling hash (64 bits, mixed, high half kept)


def shingle_hashes(folded: str | np.ndarray, k: int) -> np.ndarray:
    """Sorted unique 32-bit hashes of the k-grams of `folded` (a string or its code points)
    that cover no wildcard. 32 bits halve the memory of an archive's shingle sets; two sets of
    a thousand shingles then share a false one with a chance of 1 in 4,000, which moves no
    containment by more than a thousandth."""
    if len(folded) < k:
        return np.zeros(0, dtype=np.uint32)
    if isinstance(folded, str):
        folded = np.frombuffer(folded.encode("utf-32-le"), dtype=np.uint32)
    cps = folded.astype(np.uint64)
    n = len(cps) - k + 1
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            h = h * _P + cps[j:j + n]
        h ^= h >> np.uint64(30)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(27)
        h *= np.uint64(0x94D049BB133111EB)
        h ^= h >> np.uint64(31)
    masked = cps == ord(MASK)
    if masked.any():
        run = np.concatenate(([0], np.cumsum(masked)))
        h = h[(run[k:k + n] - run[:n]) == 0]
    h = (h >> np.uint64(32)).astype(np.uint32)
    h.sort()
    return h[np.concatenate(([True], h[1:] != h[:-1]))] if len(h) else h


_PERMS: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]] = {}


def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) parameters of datasketch's affine32 permutations for (num_perm, seed), drawn
    as datasketch draws them (MinHash._init_permutations: an odd `a`, any `b`, from numpy's
    RandomState(seed)) without importing datasketch, which imports scipy (0.9 s per build);
    tests/test_reprints.py checks they are datasketch's."""
    key = (num_perm, seed)
    if key not in _PERMS:
        gen = np.random.RandomState(seed)
        a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
        b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
        _PERMS[key] = (a.astype(np.uint32), b.astype(np.uint32))
    return _PERMS[key]


def _fmix32(hv: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, datasketch's pre-mix of the affine32 scheme."""
    hv = hv ^ (hv >> np.uint32(16))
    hv = hv * np.uint32(0x85EBCA6B)
    hv = hv ^ (hv >> np.uint32(13))
    hv = hv * np.uint32(0xC2B2AE35)
    return hv ^ (hv >> np.uint32(16))


def shared(a: np.ndarray, b: np.ndarray) -> int:
    """|a ∩ b| of two sorted unique arrays: a binary search of the smaller in the larger (no
    sort of their concatenation, as numpy's intersect1d does)."""
    if len(a) > len(b):
        a, b = b, a
    if not len(a):
        return 0
    i = np.searchsorted(b, a)
    i[i == len(b)] = 0
    return int(np.count_nonzero(b[i] == a))


_CHUNK = 4096  # shingles per step: bounds the (shingles x num_perm) temporary to 2 MB at 128
_BUFS: dict[int, np.ndarray] = {}


def minhash_values(hashes: np.ndarray, num_perm: int, seed: int) -> np.ndarray:
    """datasketch's affine32 MinHash of the 32-bit shingle `hashes` (uint32[num_perm]); all
    ones (the empty MinHash) for no hashes. In place in one reused buffer: the multiply, add and
    minimum over (shingles x num_perm) are the cost of detection."""
    a, b = permutations(num_perm, seed)
    out = np.full(num_perm, np.iinfo(np.uint32).max, dtype=np.uint32)
    buf = _BUFS.get(num_perm)
    if buf is None:
        buf = _BUFS[num_perm] = np.empty((_CHUNK, num_perm), dtype=np.uint32)
    hv32 = _fmix32(hashes.astype(np.uint32))
    for i in range(0, len(hv32), _CHUNK):
        hv = hv32[i:i + _CHUNK]
        t = buf[:len(hv)]
        np.multiply(hv[:, None], a, out=t)
        np.add(t, b, out=t)
        np.minimum(out, t.min(axis=0), out=out)
    return out
