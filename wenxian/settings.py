"""The build's settings: one typed record, read from `extra:` in mkdocs.yml, with environment
variables as overrides.

| setting (`extra:` key) | default | environment override | meaning |
|---|---|---|---|
| `search_shard_max` | 3000 | `WENXIAN_SEARCH_SHARD_MAX=N` | most articles in one search shard (one Pagefind run) |
| `search_inline` | false | `WENXIAN_SEARCH_INLINE=1` | index after the pages instead of in a process beside them |
| `shell_pages` | true | `WENXIAN_NO_SHELL=1` (false) | article and region pages filled into a theme shell; false: all through MkDocs |
| `page_workers` | the usable cores | `WENXIAN_WORKERS=N` | processes that write pages and parse articles (1: none) |
| `incremental` | true | `WENXIAN_FULL_BUILD=1` (false) | keep the pages whose inputs did not change since the last build (wenxian.site.incremental) |

`site_url` (mkdocs.yml's own key: permanent links, citations, feed, sitemap) is replaced by
`WENXIAN_SITE_URL` when that is set (wenxian.site.deploy; the Pages workflow sets it to the
deployed address, so nothing deployed points at the placeholder domain of mkdocs.yml).

An environment variable, when set, wins over mkdocs.yml (the tests and benchmarks use them).
The hooks read the settings once per build (`wenxian.site.state`); the page writer and the
search indexer take them from there, and outside a build from the environment alone.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Mapping

SHARD_MAX = 3000
ENV = {"search_shard_max": "WENXIAN_SEARCH_SHARD_MAX", "search_inline": "WENXIAN_SEARCH_INLINE",
       "shell_pages": "WENXIAN_NO_SHELL", "page_workers": "WENXIAN_WORKERS", "incremental": "WENXIAN_FULL_BUILD"}


@dataclass(frozen=True)
class Settings:
    search_shard_max: int = SHARD_MAX
    search_inline: bool = False
    shell_pages: bool = True
    page_workers: int | None = None  # None: one per usable core
    incremental: bool = True


def _shard_max(value) -> int:
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise ValueError(f"search shard size must be a whole number, not {value!r}") from None
    if n < 2:
        raise ValueError(f"search shard size must be at least 2, not {n}")
    return n


def read(extra: Mapping | None = None, environ: Mapping = os.environ) -> Settings:
    """The settings of `extra:` (mkdocs.yml) with the environment's overrides."""
    extra = extra or {}
    shard_max = environ.get(ENV["search_shard_max"]) or extra.get("search_shard_max") or SHARD_MAX
    inline = bool(environ.get(ENV["search_inline"])) or bool(extra.get("search_inline", False))
    shell = False if environ.get(ENV["shell_pages"]) else bool(extra.get("shell_pages", True))
    workers = environ.get(ENV["page_workers"], "")
    workers = max(1, int(workers)) if workers.isdigit() else extra.get("page_workers")
    incremental = False if environ.get(ENV["incremental"]) else bool(extra.get("incremental", True))
    return Settings(search_shard_max=_shard_max(shard_max), search_inline=inline, shell_pages=shell,
                    page_workers=None if workers is None else max(1, int(workers)), incremental=incremental)
