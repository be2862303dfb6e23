"""The administrative levels of China's divisions and their 12-digit codes: the one table that
the gazetteer, region recognition, the frontmatter schema, the site's region tree and the
search filters all read.

A unit's code is 12 digits; its natural length (the digits that are its own) gives its level:
2 province (省级), 4 prefecture (地级), 6 county (县级), 9 township (乡级), 12 village (村级).
An ancestor's code is the unit's code cut to the ancestor's digits and padded with zeros.
"""
from __future__ import annotations

import re

LEVELS = ("province", "prefecture", "county", "township", "village")
CODE_DIGITS = {"province": 2, "prefecture": 4, "county": 6, "township": 9, "village": 12}
LEVEL_OF_LENGTH = {n: level for level, n in CODE_DIGITS.items()}  # natural code length -> level
LEVEL_NAMES = {"province": "省级", "prefecture": "地级", "county": "县级", "township": "乡级", "village": "村级"}
CODE12 = re.compile(r"\d{12}\Z")


def code_at(code: str, level: str) -> str:
    """The 12-digit code of the unit at `level` that contains `code` (cut and padded)."""
    n = CODE_DIGITS[level]
    return code[:n] + "0" * (12 - n)


def chain(entry: dict) -> list[tuple[str, str, str]] | None:
    """[(code, name, level)] of a frontmatter region entry from province down to its own level,
    or None when the entry is not a mapping with a path, a 12-digit code and a level, or has
    more names than levels. Ancestor codes are the entry's code cut to their level; the first
    name is the province, the last has the entry's level and names in between fill the levels
    above it; a path with fewer names than levels skips the prefecture level, the one level
    China's divisions skip (municipalities: 北京市/东城区/东华门街道 is province, county,
    township, and 东城区 gets its own county code, not a prefecture's)."""
    if not isinstance(entry, dict):
        return None
    names = [n for n in str(entry.get("path") or "").split("/") if n]
    code, level = str(entry.get("code") or ""), entry.get("level")
    if not names or not CODE12.match(code) or level not in LEVELS or len(names) > LEVELS.index(level) + 1:
        return None
    own = LEVELS.index(level)
    levels = [level] if len(names) == 1 else [LEVELS[0]] + list(LEVELS[own + 2 - len(names):own + 1])
    return [(code_at(code, lv), name, lv) for name, lv in zip(names, levels)]
