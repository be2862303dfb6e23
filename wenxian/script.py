"""Script detection and conversion (OpenCC).

Detection counts characters that only exist in one script; conversion keeps vocabulary
unchanged (s2tw / tw2s character forms only), as an archive must not rewrite its sources.
"""
from __future__ import annotations

from functools import lru_cache

import opencc


@lru_cache(maxsize=None)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


# CJK blocks whose characters OpenCC may convert: Unified Ideographs, Extension A, Compatibility
# Ideographs, Extensions B–F (supplementary plane).
_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2EBEF))


def convert_singles(config: str, chars: list[str]) -> list[str]:
    """Convert each character on its own (newlines stop OpenCC's phrase matching)."""
    out = _converter(config).convert("\n".join(chars)).split("\n")
    if len(out) != len(chars):  # a conversion never adds or removes lines
        raise RuntimeError(f"OpenCC {config} changed the number of lines")
    return out


@lru_cache(maxsize=1)
def character_pairs() -> frozenset[tuple[str, str]]:
    """(character, its simplified form) for every CJK character that OpenCC's character-level
    t2s converts alone to another single character: 發 → 发, 髮 → 发, 著 → 着; not its phrase
    dictionaries. Shared by search folding (wenxian.search.fold) and the reading form of
    extraction (wenxian.ingest.reading_form)."""
    chars = [chr(c) for lo, hi in _RANGES for c in range(lo, hi + 1)]
    return frozenset((c, s) for c, s in zip(chars, convert_singles("t2s", chars)) if len(s) == 1 and s != c)


@lru_cache(maxsize=1)
def simplified_table() -> dict[int, str]:
    """`character_pairs` as a str.translate table: one character for one, so positions hold."""
    return {ord(c): s for c, s in character_pairs()}


def to_simplified(text: str) -> str:
    return _converter("t2s").convert(text)


def to_traditional(text: str) -> str:
    return _converter("s2tw").convert(text)


def detect_script(text: str) -> str:
    """'hant' when more characters change under t2s than under s2t, else 'hans'."""
    chars = "".join(sorted({c for c in text if "\u3400" <= c <= "\u9fff"}))
    if not chars:
        return "hans"
    simp = _converter("t2s").convert(chars)
    trad = _converter("s2t").convert(chars)
    n_trad = sum(a != b for a, b in zip(chars, simp))
    n_simp = sum(a != b for a, b in zip(chars, trad))
    return "hant" if n_trad > n_simp else "hans"
