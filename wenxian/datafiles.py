"""Loading of the commented data files in wenxian/data (vocabularies live in data, not code):
the one way the package reads them, as a resource of the installed package."""
from __future__ import annotations

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
    """The YAML data file `name`, parsed once per process (callers must not change it). A key
    given twice in one mapping is refused, naming the file and line: YAML would keep the last
    silently, and a rule list written twice under one entry would lose its first half."""
    from .safeyaml import YamlError, refuse_duplicates
    text = read_text(name)
    try:
        refuse_duplicates(text)
    except YamlError as exc:
        raise ValueError(f"wenxian/data/{name}, line {exc.line}: {exc}") from None
    return yaml.safe_load(text)
