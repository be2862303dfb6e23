"""Loading of the commented data files in wenxian/data (vocabularies live in data, not code)."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=None)
def load(name: str):
    return yaml.safe_load(resources.files("wenxian.data").joinpath(name).read_text("utf-8"))


@lru_cache(maxsize=None)
def boilerplate_rules() -> tuple[tuple[str, str, re.Pattern], ...]:
    """(reason, scope, compiled pattern) with scope in whole/short/any."""
    rules = []
    for entry in load("boilerplate.yml"):
        for scope in ("whole", "short", "any"):
            for pat in entry.get(scope, []):
                rules.append((entry["reason"], scope, re.compile(pat)))
    return tuple(rules)
