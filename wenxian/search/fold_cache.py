"""The search fold table of an archive, with its per-build cost cached.

search.fold.fold_table(texts) joins each character with its simplified form (OpenCC's own
character pairs) and with what the simplified/traditional twins of the archive's texts need.
Computing OpenCC's pairs takes about a second and each text's twin pairs two OpenCC conversions,
so both are kept under the search cache: OpenCC's pairs by OpenCC's version and the source of
the modules that make pairs, each text's twin pairs by a hash of the text (only those OpenCC's
pairs lack, rarely any).
"""
from __future__ import annotations

import hashlib
import json
from importlib.metadata import version
from pathlib import Path
from typing import Callable

from .. import cachefile
from .. import script as wenxian_script
from . import fold as search_fold


def _read_json(path: Path, key: str):
    """The value stored by _write_json under the same key, else None (cachefile verifies the
    entry's digest: an edited or truncated file is recomputed, never trusted)."""
    content = cachefile.read(path, key)
    try:
        return None if content is None else json.loads(content)
    except ValueError:
        return None


def _write_json(path: Path, key: str, value) -> None:
    cachefile.write(path, key, json.dumps(value, ensure_ascii=False))


def fold_table(texts: list[str], cache: Path) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """search_fold.fold_table(texts) without its per-build cost: OpenCC's own pairs (a second) and
    each text's twin pairs (two OpenCC conversions per article) are kept under the cache, the
    latter by a hash of the text and only where OpenCC's pairs lack them (rarely any); and the
    twin pairs that wenxian/data/search_fold.yml does not list (search_fold.unlisted_pairs)."""
    return fold_table_keyed([(_text_key(t), (lambda t=t: t)) for t in texts], cache)


def _text_key(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def fold_table_keyed(texts: list[tuple[str, Callable[[], str]]], cache: Path) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """fold_table of texts given as (key, function giving the text): a text is made only when its
    twin pairs are not in the cache under its key (the search step keys each article by its
    file's contents, wenxian.search.record_cache.entry_key, and makes no text of an unchanged one).
    A key must change whenever its text does."""
    key = f"opencc {version('opencc')} {cachefile.source_digest((search_fold, wenxian_script))}"  # both make pairs
    stored = _read_json(cache / "opencc-pairs.json", key)
    if stored is None:
        base = search_fold.opencc_pairs()
        _write_json(cache / "opencc-pairs.json", key, ["".join(p) for p in sorted(base)])
    else:
        base = frozenset((p[0], p[1]) for p in stored)
    old = _read_json(cache / "text-pairs.json", key) or {}
    new, extra = {}, set()
    for h, text in texts:
        pairs = old.get(h)
        if pairs is None:
            pairs = "".join(x + y for x, y in sorted(search_fold.text_pairs([text()]) - base))
        new[h] = pairs
        extra.update(zip(pairs[0::2], pairs[1::2]))
    if new != old:  # also drops the entries of articles that are gone
        _write_json(cache / "text-pairs.json", key, new)
    return search_fold.table_from_pairs(base | extra), search_fold.unlisted_pairs(extra)
