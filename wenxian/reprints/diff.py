"""Character-level difference of two copies, and the relation of a copy to another.

Both texts are compared on their comparable form (shingles.fold_char_comparable: one script, no
punctuation or spaces, mask characters as `*`), and every difference is reported on the original
characters, so a reader sees each copy as printed (its script, its punctuation) with what the
other copy lacks or adds.

Linear-ish: difflib's SequenceMatcher and diff-match-patch's character diff are quadratic on
copies that differ a lot (diff-match-patch took 2.1 s on an 8,000-character copy with a fifth of
its characters changed, and a timeout would make the result depend on the machine). So the texts
are first aligned sentence by sentence (diff-match-patch on one symbol per sentence: a story has
tens to hundreds of sentences), and only a replaced block of sentences is diffed character by
character, when both sides together have at most `_BLOCK_CHARS` characters; a larger replaced
block stays one deletion and one insertion. Every step is deterministic (no timeout).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
from diff_match_patch import diff_match_patch

from . import shingles as sh
from .settings import Settings, load

_BLOCK_CHARS = 3000  # both sides of a replaced block; (N+M)·D ≤ 9M steps of Myers' algorithm
_SENTENCE_ENDS = frozenset("。！？!?；;…\n")

EQUAL, DELETE, INSERT, MASKED = "equal", "delete", "insert", "masked"


@dataclass(frozen=True)
class Run:
    """A stretch of the difference: `a` and `b` are the original characters of each copy in it
    (punctuation and spaces that follow included). `delete`: only in a; `insert`: only in b;
    `masked`: one side has mask characters where the other has text (or nothing)."""
    kind: str
    a: str
    b: str


class _Units:
    """The comparable characters of a text, each with the index of its original character."""

    def __init__(self, text: str, settings: Settings):
        self.text = text
        view = sh.simplified(text)  # same length as text
        codes = sh.char_codes(view, settings, breaks=True)
        if codes is None or (codes == sh._MULTI).any():
            self._slow(view, settings)
        else:
            is_unit = (codes != 0) & (codes != 10)
            pos = np.flatnonzero(is_unit)
            self.folded = codes[pos].tobytes().decode("utf-32-le")
            self.pos = pos.tolist()
            before = np.cumsum(is_unit)[codes == 10]  # units before each sentence end
            bounds = np.unique(before[before > 0]).tolist()
            if self.folded and (not bounds or bounds[-1] != len(self.folded)):
                bounds.append(len(self.folded))
            self._sentences(bounds)

    def _slow(self, view: str, settings: Settings):
        """Character by character: a text with a character that folds to several (NFKC: ①, ㈠)."""
        chars, pos, bounds = [], [], []
        for i, ch in enumerate(view):
            if ch in _SENTENCE_ENDS:
                if chars and (not bounds or bounds[-1] != len(chars)):
                    bounds.append(len(chars))
                continue
            for c in sh.fold_char_comparable(ch, settings):
                chars.append(c)
                pos.append(i)
        if chars and (not bounds or bounds[-1] != len(chars)):
            bounds.append(len(chars))
        self.folded = "".join(chars)
        self.pos = pos
        self._sentences(bounds)

    def _sentences(self, bounds):
        self.sentences = []  # (start, end) unit ranges
        start = 0
        for end in bounds:
            self.sentences.append((start, end))
            start = end

    def start(self, unit: int) -> int:
        """Index in the original text where unit `unit` begins (its text runs up to the next)."""
        if unit <= 0:
            return 0
        return self.pos[unit] if unit < len(self.pos) else len(self.text)


def _dmp() -> diff_match_patch:
    d = diff_match_patch()
    d.Diff_Timeout = 0  # deterministic: never a partial diff that depends on the machine
    return d


def _unit_ops(ua: _Units, ub: _Units) -> list[tuple[str, int, int, int, int]]:
    """(op, a_start, a_end, b_start, b_end) over units, op in equal/delete/insert."""
    dmp = _dmp()
    codes: dict[str, str] = {}

    def encode(u: _Units) -> str:
        return "".join(codes.setdefault(u.folded[s:e], chr(0xE000 + len(codes)) if len(codes) < 6400
                                        else chr(0xF0000 + len(codes))) for s, e in u.sentences)

    sa, sb = encode(ua), encode(ub)
    ops: list[tuple[str, int, int, int, int]] = []
    ia = ib = 0  # sentence indexes

    def a_span(n):  # units of the next n sentences of a
        return ua.sentences[ia][0], ua.sentences[ia + n - 1][1]

    def b_span(n):
        return ub.sentences[ib][0], ub.sentences[ib + n - 1][1]

    pending_del = None
    sent_ops = dmp.diff_main(sa, sb, False)
    sent_ops.append((0, ""))  # flush
    for op, s in sent_ops:
        n = len(s)
        if op == -1:
            pending_del = (a_span(n), n) if n else None
            ia += n
            continue
        if op == 1 and n:
            (b0, b1) = b_span(n)
            if pending_del:
                (a0, a1), _ = pending_del
                ops.extend(_char_ops(dmp, ua, ub, a0, a1, b0, b1))
                pending_del = None
            else:
                ops.append((INSERT, _a_pos(ua, ia), _a_pos(ua, ia), b0, b1))
            ib += n
            continue
        if pending_del:
            (a0, a1), _ = pending_del
            ops.append((DELETE, a0, a1, _a_pos(ub, ib), _a_pos(ub, ib)))
            pending_del = None
        if op == 0 and n:
            (a0, a1), (b0, b1) = a_span(n), b_span(n)
            ops.append((EQUAL, a0, a1, b0, b1))
            ia += n; ib += n
    return _merge(ops)


def _a_pos(u: _Units, sentence: int) -> int:
    """Unit index where sentence `sentence` starts (the end of the units past the last)."""
    return u.sentences[sentence][0] if sentence < len(u.sentences) else len(u.folded)


def _unrelated(fa: str, fb: str) -> bool:
    """Two sides of a replaced block that share fewer than half of the shorter side's character
    pairs (as a multiset, wildcards aside): a sentence replaced by another. Myers' algorithm costs O(N·D) and D is
    nearly N + M there, so such a block, most of the cost of grouping an archive (9 of 15 s at
    20,000 articles, profiled), stays one deletion and one insertion, which is also how a reader
    sees a rewritten sentence best; a masked or lightly edited sentence shares most characters
    and is diffed character by character."""
    ca, cb = _bigrams(fa), _bigrams(fb)
    return 2 * sum((ca & cb).values()) < min(ca.total(), cb.total())


def _bigrams(s: str) -> Counter:
    """Character pairs without a wildcard (a masked copy's text is the rest of the other's).
    Pairs, not single characters: two long blocks of one subject share most of their characters
    but few of their pairs."""
    return Counter(s[i:i + 2] for i in range(len(s) - 1) if sh.MASK not in s[i:i + 2])


def _char_ops(dmp, ua: _Units, ub: _Units, a0, a1, b0, b1):
    fa, fb = ua.folded[a0:a1], ub.folded[b0:b1]
    if (a1 - a0) + (b1 - b0) > _BLOCK_CHARS or _unrelated(fa, fb):
        return [(DELETE, a0, a1, b0, b0), (INSERT, a1, a1, b0, b1)]
    out = []
    i, j = a0, b0
    for op, s in dmp.diff_main(fa, fb, False):
        n = len(s)
        if op == 0:
            out.append((EQUAL, i, i + n, j, j + n)); i += n; j += n
        elif op == -1:
            out.append((DELETE, i, i + n, j, j)); i += n
        else:
            out.append((INSERT, i, i, j, j + n)); j += n
    return out


def _merge(ops):
    out = []
    for op in ops:
        if op[1] == op[2] and op[3] == op[4]:
            continue
        if out and out[-1][0] == op[0] and out[-1][2] == op[1] and out[-1][4] == op[3]:
            p = out.pop()
            op = (op[0], p[1], op[2], p[3], op[4])
        out.append(op)
    return out


def _changes(ops):
    """Group unit ops into (equal op) or (changes: a delete and/or an insert side by side),
    labelled masked when one side is all wildcards: (kind, a0, a1, b0, b1, ua_text, ub_text)."""
    out = []
    k = 0
    while k < len(ops):
        op = ops[k]
        if op[0] == EQUAL:
            out.append(op)
            k += 1
            continue
        a0, a1, b0, b1 = op[1], op[2], op[3], op[4]
        k += 1
        while k < len(ops) and ops[k][0] != EQUAL:
            a1, b1 = max(a1, ops[k][2]), max(b1, ops[k][4])
            k += 1
        out.append(("change", a0, a1, b0, b1))
    return out


def _is_mask(s: str) -> bool:
    return bool(s) and set(s) == {sh.MASK}


def _kinds(ua: _Units, ub: _Units):
    """(kind, a0, a1, b0, b1) with kind in equal / masked / change."""
    out = []
    for op in _changes(_unit_ops(ua, ub)):
        if op[0] == EQUAL:
            out.append(op)
            continue
        _, a0, a1, b0, b1 = op
        fa, fb = ua.folded[a0:a1], ub.folded[b0:b1]
        out.append((MASKED if _is_mask(fa) or _is_mask(fb) else "change", a0, a1, b0, b1))
    return out


def diff(a: str, b: str, settings: Settings | None = None) -> list[Run]:
    """The runs of the difference of copy `a` and copy `b` (whole texts, credit lines included):
    each copy's text is the concatenation of its side of the runs, in order."""
    s = settings or load()
    ua, ub = _Units(a, s), _Units(b, s)
    runs: list[Run] = []
    kinds = _kinds(ua, ub)
    for idx, (kind, a0, a1, b0, b1) in enumerate(kinds):
        last = idx == len(kinds) - 1
        ta = a[ua.start(a0):(len(a) if last else ua.start(a1))] if (a1 > a0 or last) else ""
        tb = b[ub.start(b0):(len(b) if last else ub.start(b1))] if (b1 > b0 or last) else ""
        if kind == "change":
            if ta:
                runs.append(Run(DELETE, ta, ""))
            if tb:
                runs.append(Run(INSERT, "", tb))
        else:
            runs.append(Run(kind, ta, tb))
    if not kinds and (a or b):
        runs = [r for r in (Run(DELETE, a, "") if a else None, Run(INSERT, "", b) if b else None) if r]
    return runs


@dataclass(frozen=True)
class Relation:
    """How `copy` stands to `reference`. kind: identical / masked / cut / edited. For a cut,
    `shorter` says which of the two is the excerpt ("copy" or "reference"). Character counts are of
    the comparable form: `masked` characters withheld in either copy against text in the other,
    `foreign` characters of the shorter copy that the longer one lacks, `changed` characters
    deleted or inserted (masked differences aside)."""
    kind: str
    shorter: str | None
    masked: int
    foreign: int
    changed: int


_REF: dict[tuple, _Units] = {}


def _reference_units(text: str, settings: Settings) -> _Units:
    """The units of a reference, kept while its group's copies are measured against it one by
    one (the last few references only)."""
    key = (text, settings)
    got = _REF.get(key)
    if got is None:
        if len(_REF) >= 8:
            _REF.clear()
        got = _REF[key] = _Units("\n".join(sh.comparable_lines(text, settings)), settings)
    return got


def relation(reference: str, copy: str, settings: Settings | None = None) -> Relation:
    """Relation of `copy` to `reference` on their comparable lines (credit lines left out)."""
    s = settings or load()
    ua = _reference_units(reference, s)
    ub = _Units("\n".join(sh.comparable_lines(copy, s)), s)
    if ua.folded == ub.folded:
        return Relation("identical", None, 0, 0, 0)
    masked = deleted = inserted = 0
    for kind, a0, a1, b0, b1 in _kinds(ua, ub):
        if kind == MASKED:
            masked += max(ua.folded[a0:a1].count(sh.MASK), ub.folded[b0:b1].count(sh.MASK))
        elif kind == "change":
            deleted += a1 - a0
            inserted += b1 - b0
    la, lb = len(ua.folded), len(ub.folded)
    if not deleted and not inserted:
        return Relation("masked", None, masked, 0, 0)
    copy_shorter = lb < la
    foreign = inserted if copy_shorter else deleted
    if abs(la - lb) >= s.cut_min_extra and foreign <= s.cut_max_foreign:
        return Relation("cut", "copy" if copy_shorter else "reference", masked, foreign, deleted + inserted)
    return Relation("edited", None, masked, foreign, deleted + inserted)
