"""Script folding for search: one character table, generated from OpenCC, shared by the index
(Python) and the query (browser), so that both sides fold text the same way.

A reader may type 轉移就業 or 转移就业 and an article may be written in either script. OpenCC
converts phrase by phrase, which a browser cannot repeat, so search matches on a *fold* instead:
every character is replaced, one for one, by the representative of its class of script variants
(乾/幹/干 → 干, 裡/裏/里 → 里). The classes join every character pair that OpenCC converts
(each character alone, and inside the phrases of its dictionaries), in every direction, plus the
pairs between each archived text and its twins. So an archived text and its OpenCC twins fold to
the same string (recall is never lost), at the price of a few ambiguous characters folding
together (a search for 乾 also finds 干, one for 了 also finds 瞭).

`display_table` gives the one-character simplified → traditional forms used only to show result
excerpts in the reader's script (a display approximation; the article pages use OpenCC proper).
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

import opencc

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


def _phrase_strings() -> list[str]:
    """CJK strings stored in OpenCC's phrase dictionaries (*Phrases*.ocd2).

    Phrase rules convert characters that single-character conversion leaves alone (了解 →
    瞭解, 坐标 → 座標). The dictionaries are binary tries, but their strings are stored as
    NUL-separated UTF-8: every CJK string found there is converted as a whole below, and its
    characters are paired position by position with the result. (A stray fragment of the trie
    is harmless: any string and its OpenCC conversion are a true pair.)"""
    share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    out = set()
    for path in sorted(share.glob("*Phrases*.ocd2")):
        for part in path.read_bytes().split(b"\x00"):
            try:
                text = part.decode("utf-8")
            except UnicodeDecodeError:
                continue
            if 2 <= len(text) <= 16 and all(_is_cjk(c) for c in text):
                out.add(text)
    return sorted(out)


def _is_cjk(c: str) -> bool:
    return any(lo <= ord(c) <= hi for lo, hi in _RANGES)


def _aligned_pairs(sources: list[str], config: str) -> set[tuple[str, str]]:
    """(character, converted character) at equal positions, for conversions that keep length."""
    pairs = set()
    for src, dst in zip(sources, _singles(config, sources)):
        if len(dst) == len(src):
            pairs.update((x, y) for x, y in zip(src, dst) if x != y)
    return pairs


@lru_cache(maxsize=1)
def _opencc_pairs() -> frozenset[tuple[str, str]]:
    """Every character pair OpenCC's configurations convert, alone or inside a phrase."""
    chars = [chr(c) for lo, hi in _RANGES for c in range(lo, hi + 1)]
    phrases = _phrase_strings()
    pairs: set[tuple[str, str]] = set()
    for config in _CONFIGS:
        pairs |= _aligned_pairs(chars, config)
        pairs |= _aligned_pairs(phrases, config)
    return frozenset(pairs)


def text_pairs(texts) -> set[tuple[str, str]]:
    """Pairs from the archive's own texts and their twins (wenxian.script): phrase rules whose
    source side is hidden inside OpenCC's binary trie (坐标 → 座標) still fold together for every
    text the site holds, so a query in either script finds what grep finds in either twin."""
    from .script import to_simplified, to_traditional
    pairs = set()
    for text in texts:
        for conv in (to_simplified(text), to_traditional(text)):
            if len(conv) == len(text):
                pairs.update((x, y) for x, y in zip(text, conv) if x != y)
            else:  # a conversion changed the length: align line by line, where lengths agree
                for a, b in zip(text.split("\n"), conv.split("\n")):
                    if len(a) == len(b):
                        pairs.update((x, y) for x, y in zip(a, b) if x != y)
    return pairs


def fold_table(texts=()) -> dict[str, str]:
    """{character: representative} for every character whose fold is not itself: the classes
    joined by OpenCC's conversions (and by the twins of `texts`, when given)."""
    pairs = set(_opencc_pairs()) | text_pairs(texts) if texts else _opencc_pairs()
    return _classes(frozenset(pairs))


def opencc_pairs() -> frozenset[tuple[str, str]]:
    """The pairs of OpenCC's own tables (seconds to compute; the search hook keeps them on disk)."""
    return _opencc_pairs()


def table_from_pairs(pairs) -> dict[str, str]:
    """fold_table from its pairs: opencc_pairs() | text_pairs(texts) gives fold_table(texts), so a
    caller may keep each text's pairs instead of converting every text on every build."""
    return _classes(frozenset(pairs))


@lru_cache(maxsize=4)
def _classes(pairs: frozenset[tuple[str, str]]) -> dict[str, str]:
    parent: dict[str, str] = {}

    def find(c: str) -> str:
        while parent.get(c, c) != c:
            parent[c] = parent.get(parent[c], parent[c])
            c = parent[c]
        return c

    for x, y in pairs:
        a, b = find(x), find(y)
        if a != b:
            parent[max(a, b)] = min(a, b)
    members: dict[str, set[str]] = {}
    for c in list(parent):
        members.setdefault(find(c), {find(c)}).add(c)
    table: dict[str, str] = {}
    for group in members.values():
        group = sorted(group)
        simp = _singles("t2s", group)
        # The representative: the simplified form most members convert to (ties: lowest code).
        votes = {s: simp.count(s) for s in simp if len(s) == 1 and s in group}
        rep = max(sorted(votes), key=lambda s: votes[s]) if votes else group[0]
        table.update({c: rep for c in group if c != rep})
    return table


def display_table(table: dict[str, str] | None = None) -> dict[str, str]:
    """{simplified character: its one-character s2tw form} where they differ (excerpts only)."""
    table = fold_table() if table is None else table
    chars = sorted(set(table.values()) | set(table))
    return {s: t for s, t in zip(chars, _singles("s2tw", chars)) if len(t) == 1 and t != s}


def fold_char(ch: str, table: dict[str, str]) -> str:
    """The searchable form of one character: NFKC, lower case, script fold (may be 0–n chars)."""
    return "".join(table.get(c, c) for c in unicodedata.normalize("NFKC", ch).lower())


_TRANSLATIONS: dict[int, tuple[dict, dict[int, str]]] = {}


def fold(text: str, table: dict[str, str] | None = None) -> str:
    """fold_char of every character (str.translate with a per-table cache: archives are large)."""
    table = fold_table() if table is None else table
    cached = _TRANSLATIONS.get(id(table))
    if cached is None or cached[0] is not table:
        cached = _TRANSLATIONS[id(table)] = (table, {})
    trans = cached[1]
    for ch in set(text):
        if ord(ch) not in trans:
            trans[ord(ch)] = fold_char(ch, table)
    return text.translate(trans)
