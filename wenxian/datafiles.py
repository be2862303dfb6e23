"""Loading of the commented data files in wenxian/data (vocabularies live in data, not code):
the one way the package reads them, as a resource of the installed package."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml


def file(name: str):
    """The data file `name` (wenxian/data/<name>) as an importlib resource."""
    return resources.files("wenxian.data").joinpath(name)


def read_bytes(name: str) -> bytes:
    return file(name).read_bytes()


def read_text(name: str) -> str:
    return file(name).read_text("utf-8")


@lru_cache(maxsize=None)
def load(name: str):
    """The YAML data file `name`, parsed once per process (callers must not change it)."""
    return yaml.safe_load(read_text(name))


@lru_cache(maxsize=None)
def boilerplate_rules() -> tuple[tuple[str, str, re.Pattern], ...]:
    """(reason, scope, compiled pattern) with scope in whole/short/any."""
    rules = []
    for entry in load("boilerplate.yml"):
        for scope in ("whole", "short", "any"):
            for pat in entry.get(scope, []):
                rules.append((entry["reason"], scope, re.compile(pat)))
    return tuple(rules)
