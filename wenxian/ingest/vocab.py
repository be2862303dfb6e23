"""The vocabularies of extraction, read as the rules read text: every character in its simplified
form (the reading form's character table, wenxian.ingest.reading_form), so that an entry written
in either script matches a capture in either. The files themselves stay as written, in both
scripts where a contributor wrote both; the published text is never this form.

Only the rules that decide on the reading form load their data through here; code that matches
a capture's own characters (damage marks in the published body, personal data, limits) reads
wenxian.datafiles directly.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import datafiles
from .reading_form import read_characters


def fold(value):
    """`value` (a string, or lists and mappings of them) read as the reading form reads text
    (every character in its simplified form, regional words as the mainland's); anything else
    as it is."""
    if isinstance(value, str):
        return read_characters(value)
    if isinstance(value, list):
        return [fold(v) for v in value]
    if isinstance(value, dict):
        return {fold(k): fold(v) for k, v in value.items()}
    return value


@lru_cache(maxsize=None)
def load(name: str):
    """The data file `name`, parsed and folded once per process (callers must not change it)."""
    return fold(datafiles.load(name))


@lru_cache(maxsize=None)
def inside_text_reasons() -> frozenset[str]:
    """The boilerplate reasons marked `inside_text` in boilerplate.yml: furniture that outlets
    put inside an article (a prompt to read on past an advertisement), so it is removed without
    ending the run of the article's text."""
    return frozenset(e["reason"] for e in load("boilerplate.yml") if e.get("inside_text"))


@lru_cache(maxsize=None)
def boilerplate_rules() -> tuple[tuple[str, str, re.Pattern], ...]:
    """(reason, scope, compiled pattern) with scope in whole/short/any, from boilerplate.yml."""
    rules = []
    for entry in load("boilerplate.yml"):
        for scope in ("whole", "short", "any"):
            for pat in entry.get(scope, []):
                rules.append((entry["reason"], scope, re.compile(pat)))
        if entry.get("menu_words"):
            rules.append((entry["reason"], "whole", menu_words_pattern(entry["menu_words"])))
    return tuple(rules)


def menu_words_pattern(words: list[str]) -> re.Pattern:
    """A whole-line pattern for a menu's links run together: four or more of `words`, longest
    tried first, with or without separators (spaces, bars, dots, slashes) between them, on a
    line of at most 60 characters."""
    alternatives = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    sep = r"[\s|｜丨│·•/／]*"  # (not 、: 视频、游戏、音乐、直播 is a sentence's list)
    return re.compile(rf"(?=.{{0,60}}$){sep}(?:(?:{alternatives}){sep}){{4,}}")
