"""Script folding for search: one character table, generated from OpenCC, shared by the index
(Python) and the query (browser), so that both sides fold text the same way.

A reader may type 轉移就業 or 转移就业 and an article may be written in either script. OpenCC
converts phrase by phrase, which a browser cannot repeat, so search matches on a *fold* instead:
every character is replaced, one for one, by the representative of its class (發/髮 → 发,
乾/幹 → 干). A class is a character with its own simplified form: the pairs (c, t2s(c)) of
OpenCC's character-level conversion of each character alone — not its phrase dictionaries, and
without chaining a simplified character's traditional form to another simplified character (so
画 and 划, 余 and 馀, 沈 and 瀋 stay apart). Phrase rules that convert a character to another
simplified one (了解 → 瞭解, 随着 → 隨著) are joined only where listed, with a reason, in
`wenxian/data/search_fold.yml`; the twins of the archive's own texts are checked against the
table, and a pair they need that is not listed is folded anyway (recall first) and named by the
build (`unlisted_pairs`). What remains imprecise is in the README (Search, known limits).

`display_table` gives the one-character simplified → traditional forms used only to show result
excerpts in the reader's script (a display approximation; the article pages use OpenCC proper).
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from .. import datafiles
from ..script import character_pairs, convert_singles as _singles

@lru_cache(maxsize=1)
def merged_pairs() -> frozenset[tuple[str, str]]:
    """The pairs joined on purpose (wenxian/data/search_fold.yml): each entry's first character
    with each of the others."""
    out = set()
    for entry in datafiles.load("search_fold.yml")["merged"]:
        chars = str(entry["chars"])
        if len(chars) < 2 or not str(entry.get("reason") or "").strip():
            raise ValueError(f"search_fold.yml: {chars!r} needs two or more characters and a reason")
        out.update((chars[0], c) for c in chars[1:])
    return frozenset(out)


def text_pairs(texts) -> set[tuple[str, str]]:
    """Pairs from the archive's own texts and their twins (wenxian.script): where a phrase rule
    converts a character to another simplified character (坐标 → 座標), folding must join them for
    a query in either script to find what grep finds in either twin (see `unlisted_pairs`)."""
    from ..script import to_simplified, to_traditional
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
    """{character: representative} for every character whose fold is not itself: the classes of
    OpenCC's character-level pairs, the listed pairs, and (when `texts` are given) the pairs their
    twins need (see `unlisted_pairs`)."""
    pairs = character_pairs() | merged_pairs()
    return _classes(frozenset(pairs | text_pairs(texts)) if texts else pairs)


def opencc_pairs() -> frozenset[tuple[str, str]]:
    """The pairs of OpenCC's character table (a second to compute; the search hook keeps them on
    disk). The listed pairs (`merged_pairs`) are added by table_from_pairs."""
    return character_pairs()


def table_from_pairs(pairs) -> dict[str, str]:
    """fold_table from its pairs: opencc_pairs() | text_pairs(texts) gives fold_table(texts), so a
    caller may keep each text's pairs instead of converting every text on every build."""
    return _classes(frozenset(pairs) | merged_pairs())


def unlisted_pairs(pairs) -> list[tuple[str, str]]:
    """The pairs among `pairs` (from text_pairs) that join two classes which OpenCC's character
    table and search_fold.yml keep apart: what the twins of the archive need beyond the list."""
    table = _classes(character_pairs() | merged_pairs())
    return sorted({tuple(sorted(p)) for p in pairs if table.get(p[0], p[0]) != table.get(p[1], p[1])})


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
