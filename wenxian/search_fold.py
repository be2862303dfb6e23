"""Script folding for search: one character table, generated from OpenCC, shared by the index
(Python) and the query (browser), so that both sides fold text the same way.

A reader may type 轉移就業 or 转移就业 and an article may be written in either script. OpenCC
converts phrase by phrase, which a browser cannot repeat, so search matches on a *fold* instead:
every character is replaced, one for one, by the representative of its class of script variants
(乾/幹/干 → 干, 裡/裏/里 → 里). The classes are the union of OpenCC's single-character
conversions in every direction, so the fold is never finer than a conversion OpenCC makes: a text
and its OpenCC twin always fold to the same string (recall is never lost), at the price of a few
ambiguous characters folding together (a search for 乾 also finds 干).

`display_table` gives the one-character simplified → traditional forms used only to show result
excerpts in the reader's script (a display approximation; the article pages use OpenCC proper).
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from .script import _converter

# CJK blocks whose characters OpenCC may convert: Unified Ideographs, Extension A, Compatibility
# Ideographs, Extensions B–F (supplementary plane).
_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2EBEF))
# Both directions and the regional variants the site's twins may use.
_CONFIGS = ("t2s", "s2t", "s2tw", "tw2s", "s2hk", "hk2s")


def _singles(config: str, chars: list[str]) -> list[str]:
    """Convert each character on its own (newlines stop OpenCC's phrase matching)."""
    out = _converter(config).convert("\n".join(chars)).split("\n")
    if len(out) != len(chars):  # a conversion never adds or removes lines
        raise RuntimeError(f"OpenCC {config} changed the number of lines")
    return out


@lru_cache(maxsize=1)
def fold_table() -> dict[str, str]:
    """{character: representative} for every character whose fold is not itself."""
    chars = [chr(c) for lo, hi in _RANGES for c in range(lo, hi + 1)]
    parent: dict[str, str] = {}

    def find(c: str) -> str:
        while parent.get(c, c) != c:
            parent[c] = parent.get(parent[c], parent[c])
            c = parent[c]
        return c

    for config in _CONFIGS:
        for src, dst in zip(chars, _singles(config, chars)):
            if len(dst) == 1 and dst != src:
                a, b = find(src), find(dst)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    members: dict[str, list[str]] = {}
    for c in list(parent):
        members.setdefault(find(c), []).append(c)
    for root in list(members):
        members[root].append(root)
    table: dict[str, str] = {}
    for group in members.values():
        group = sorted(set(group))
        simp = _singles("t2s", group)
        # The representative: the simplified form most members convert to (ties: lowest code).
        votes = {s: simp.count(s) for s in simp if len(s) == 1 and s in group}
        rep = max(sorted(votes), key=lambda s: votes[s]) if votes else group[0]
        table.update({c: rep for c in group if c != rep})
    return table


@lru_cache(maxsize=1)
def display_table() -> dict[str, str]:
    """{simplified character: its one-character s2tw form} where they differ (excerpts only)."""
    chars = sorted({c for c in fold_table().values()} | set(fold_table()))
    return {s: t for s, t in zip(chars, _singles("s2tw", chars)) if len(t) == 1 and t != s}


def fold_char(ch: str, table: dict[str, str]) -> str:
    """The searchable form of one character: NFKC, lower case, script fold (may be 0–n chars)."""
    return "".join(table.get(c, c) for c in unicodedata.normalize("NFKC", ch).lower())


def fold(text: str, table: dict[str, str] | None = None) -> str:
    table = fold_table() if table is None else table
    return "".join(fold_char(ch, table) for ch in text)
