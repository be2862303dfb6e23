"""What the search page's facet menus show (pure: frontmatter in, JSON-ready data out).

Published as assets/search/facets.json by the search step (wenxian.search.indexer) and read by
search.js the first time the reader opens 筛选 (or arrives with a facet in the URL). Kept apart from
wenxian.search.records, whose source is part of every shard bundle's cache key: the menus' data can
change without re-indexing the shards.
"""
from __future__ import annotations

from ..places import levels
from .records import fields, region_labels


def facets(metas: list[dict]) -> dict[str, dict]:
    """assets/search/facets.json: what the facet menus show, for every filter the reader can choose
    (not the hidden `shard`): {filter: {value: number of articles}}, and for `region` {code cut to
    its level (2, 4 or 6 digits): [name, number of articles]} (the parent is the code cut one level
    up, as region_labels gives it). One small file instead of every shard's Pagefind filter chunks
    (pagefind.filters() loads all of them to count: 455 KB at 20,000 articles) and the region
    labels (180 KB with full codes, levels and parents); filtering itself still uses Pagefind's
    chunk of the chosen filter only."""
    out: dict[str, dict] = {"region": {}, "topic": {}, "source": {}, "year": {}}
    labels: dict[str, list[str]] = {}
    for meta in metas:
        for name, values in fields(meta)["filters"].items():
            for v in set(values):
                out[name][v] = out[name].get(v, 0) + 1
        labels.update(region_labels(meta.get("region")))
    out["region"] = {(code[:levels.CODE_DIGITS[labels[code][1]]] if code in labels else code):
                     [labels[code][0] if code in labels else code, n] for code, n in out["region"].items()}
    return {name: dict(sorted(values.items())) for name, values in out.items()}
