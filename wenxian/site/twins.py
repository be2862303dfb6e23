"""Script twins: every text exists in simplified (hans) and traditional (hant) script.

Conversion changes character forms only (OpenCC `s2tw` / `tw2s`), never vocabulary, because an
archive must not rewrite its sources. OpenCC's few known mistakes are corrected by the project
dictionary `data/conversion_overrides.yml`: the text is split around the override phrases, the
rest is converted by OpenCC and the phrases are put in as the dictionary writes them.

Escaped Markdown survives conversion unchanged: escapes (`\\*`, `&lt;`, `&amp;`) are ASCII and
OpenCC only maps CJK characters, so the converted body is still escaped text.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import datafiles
from ..script import _converter

SCRIPTS = ("hans", "hant")
LANG = {"hans": "zh-Hans", "hant": "zh-Hant"}
CONFIG = {"hant": "s2tw", "hans": "tw2s"}


@lru_cache(maxsize=None)
def _overrides(config: str) -> tuple[re.Pattern | None, dict[str, str]]:
    table = (datafiles.load("conversion_overrides.yml") or {}).get(config) or {}
    if not table:
        return None, {}
    # Longest phrase first, so that a longer override wins over one it contains.
    alternation = "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))
    return re.compile(f"({alternation})"), dict(table)


@lru_cache(maxsize=8192)
def convert(text: str, target: str) -> str:
    """`text` in the `target` script ('hans' or 'hant'). Cached by content: the same title,
    label or body is converted once per process (also across `mkdocs serve` rebuilds)."""
    config = CONFIG[target]
    pattern, table = _overrides(config)
    opencc = _converter(config)
    if pattern is None:
        return opencc.convert(text)
    parts = pattern.split(text)
    # re.split with one group: even indexes are plain text, odd indexes are override phrases.
    return "".join(table[p] if i % 2 else (opencc.convert(p) if p else "") for i, p in enumerate(parts))


def to_script(text: str | None, source: str, target: str) -> str | None:
    """Text written in `source` script as shown on a `target` page: unchanged when they agree."""
    if text is None or source == target:
        return text
    return convert(text, target)


@lru_cache(maxsize=None)
def _place_chars(config: str) -> dict[str, dict[str, str]]:
    return (datafiles.load("place_name_chars.yml") or {}).get(config) or {}


@lru_cache(maxsize=65536)
def place_name(name: str, target: str) -> str:
    """A place name (simplified, as the gazetteer writes it) in the `target` script: converted
    like any text, then the characters of data/place_name_chars.yml that OpenCC gave their
    default ordinary-text form get their place-name form back (坎久干村 → 坎久干村, not 坎久幹村)."""
    converted = convert(name, target)
    table = _place_chars(CONFIG[target])
    if not table or len(converted) != len(name) or not any(c in table for c in name):
        return converted
    return "".join(table.get(c, {}).get(t, t) for c, t in zip(name, converted))


def keep_place_names(converted: str, original: str, names, target: str) -> str:
    """`converted` (the `target` twin of `original`) with every occurrence in `original` of one
    of the article's place `names` written as place_name writes it; only where the conversion
    kept the text's length, so that positions agree."""
    table = _place_chars(CONFIG[target])
    names = [n for n in set(names) if n and any(c in table for c in n) and n in original]
    if not names or len(converted) != len(original):
        return converted
    chars = None
    for name in sorted(names, key=len, reverse=True):
        start = original.find(name)
        while start >= 0:
            end = start + len(name)
            chars = chars if chars is not None else list(converted)
            for i in range(start, end):
                fixed = table.get(original[i], {}).get(chars[i])
                if fixed is not None:
                    chars[i] = fixed
            start = original.find(name, end)
    return converted if chars is None else "".join(chars)


def ui(text: str, script: str) -> str:
    """Site chrome (labels, headings) is written in simplified script in the code."""
    return text if script == "hans" else convert(text, "hant")


def other(script: str) -> str:
    return "hant" if script == "hans" else "hans"
