"""Damage in a capture (masked characters, stripped numbers, image placeholders): counted and
shown, never repaired. Patterns live in data/damage.yml."""
from __future__ import annotations

import re
from functools import lru_cache

from .. import datafiles


@lru_cache(maxsize=None)
def _patterns():
    d = datafiles.load("damage.yml")
    return re.compile(d["masked"]), [re.compile(p) for p in d["missing_numbers"]]


def count_masked(text: str) -> int:
    masked, _ = _patterns()
    return sum(map(len, masked.findall(text)))  # the pattern has no groups: findall gives the runs


def count_missing_numbers(text: str) -> int:
    _, numbers = _patterns()
    return sum(len(p.findall(text)) for p in numbers)
