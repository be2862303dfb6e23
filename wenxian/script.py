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
