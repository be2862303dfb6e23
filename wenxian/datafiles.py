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
    """The YAML data file `name`, parsed once per process (callers must not change it)."""
    return yaml.safe_load(read_text(name))
