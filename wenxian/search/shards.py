"""Search shards: the archive's Pagefind index cut into several bundles by date (pure functions).

Pagefind holds its whole index in memory while it builds (about 450 KB per article: 9 GB at
20,000 articles), and one bundle means that adding one article re-indexes all of them. So the
articles are partitioned into *shards* of at most `shard_max` articles, each indexed by its own
Pagefind run, cached by a hash of its inputs (hooks/search.py) and merged in the browser with
Pagefind's `mergeIndex` (docs/assets/search/search.js).

Shards are contiguous date ranges, so that a search sorted by date can walk the shards in order
(Pagefind's merged `search()` re-sorts all results by score, which for a sorted search is only a
position inside one shard). The rule, chosen so that an addition normally touches one shard:

1. Articles are ordered by (sort date, id); undated articles sort first (`wenxian.dates.sort_date`).
2. They are grouped by year (undated articles form one group). A group of more than
   shard_max / 2 articles is split by month, a month by day, a day (or the undated group) by
   leading characters of the id — so every group holds at most shard_max / 2 articles.
3. Consecutive groups are packed greedily: a shard takes the next group while it still fits.

A shard's boundaries depend only on the sizes of its own groups: an article added to a shard
that is not full leaves every other shard as it was (a shard that overflows pushes its last
group into the next one). Every shard except the last holds more than shard_max / 2 articles,
so there are at most 2·n/shard_max + 1 shards, and an archive of up to shard_max articles is
one shard — the site then has one bundle at pagefind/, as without sharding.

A shard's name is made of its first and last group keys ("undated_2016", "2017-03_2019"); it is
its folder under pagefind/shards/ and the value of the hidden `shard` filter of its records.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass

# Pagefind peaks near 450 KB per article of token pages (measured in docs/performance.md):
# 3,000 articles stay under ~1.5 GB (the default of wenxian.settings).
from ..dates import UNKNOWN
from ..settings import SHARD_MAX

# Bump when what a shard's bundle contains changes for the same inputs (records, fragments).
VERSION = "2"
UNDATED = "undated"
# The filter every record carries: the name of its shard (hidden in the search form).
FILTER = "shard"
# Files of a bundle that a merged (non-primary) shard needs: Pagefind's code and WASM come from
# the primary bundle at pagefind/.
DATA = ("pagefind-entry.json", "index", "fragment", "filter")
DATA_SUFFIX = ".pf_meta"
# Written beside a shard's bundle in the cache (not published): the Pagefind result ids (fragment
# names) of its undated articles, which the browser puts last in both date orders
# (assets/search/undated.json); one sort key cannot put them last both ways.
UNDATED_IDS = "wenxian-undated.txt"


@dataclass(frozen=True)
class Shard:
    name: str
    ids: tuple[str, ...]     # in (sort date, id) order
    first: str               # sort date of its first and last article
    last: str


def _key(sort_date: str, aid: str, depth: int) -> str:
    """Group key of an article at a depth: year, month, day, then day + id prefix (undated:
    'undated', then 'undated.' + id prefix). Keys only name groups; order comes from the items."""
    if sort_date == UNKNOWN:
        return UNDATED if depth == 0 else f"{UNDATED}.{aid[:depth]}"
    if depth < 3:
        return sort_date[:(4, 7, 10)[depth]]
    return f"{sort_date}.{aid[:depth - 2]}"


def _groups(items: list[tuple[str, str]], limit: int, depth: int = 0) -> list[tuple[str, list]]:
    """Consecutive runs of items with the same key at `depth`, each split further while larger
    than `limit` (ids are distinct, so splitting ends)."""
    runs: list[tuple[str, list]] = []
    for item in items:
        key = _key(item[0], item[1], depth)
        if runs and runs[-1][0] == key:
            runs[-1][1].append(item)
        else:
            runs.append((key, [item]))
    out = []
    for key, run in runs:
        if len(run) > limit and len(run) > 1:
            out += _groups(run, limit, depth + 1)
        else:
            out.append((key, run))
    return out


def partition(articles: list[tuple[str, str]], limit: int = SHARD_MAX) -> list[Shard]:
    """Shards of (id, sort date) pairs, in date order (see the module docstring for the rule).
    No articles give no shards."""
    items = sorted((date, aid) for aid, date in articles)
    shards: list[Shard] = []
    cur: list[tuple[str, list]] = []

    def close() -> None:
        keys = [cur[0][0], cur[-1][0]]
        run = [item for _, group in cur for item in group]
        name = keys[0] if keys[0] == keys[1] else f"{keys[0]}_{keys[1]}"
        shards.append(Shard(name, tuple(aid for _, aid in run), run[0][0], run[-1][0]))

    size = 0
    for key, group in _groups(items, max(1, limit // 2)):
        if cur and size + len(group) > limit:
            close()
            cur, size = [], 0
        cur.append((key, group))
        size += len(group)
    if cur:
        close()
    return shards


def primary(shards: list[Shard]) -> Shard | None:
    """The shard served at pagefind/ (the bundle whose pagefind.js and WASM the page loads): the
    newest, where additions usually land."""
    return shards[-1] if shards else None


def bundle_path(shard: Shard, shards: list[Shard]) -> str:
    """Where a shard's bundle lives in the site, relative to the site root."""
    return "pagefind/" if shard is primary(shards) else f"pagefind/shards/{shard.name}/"


def manifest(shards: list[Shard]) -> str:
    """assets/search/shards.json: the shards in date order (name, bundle path, size, first and
    last sort date) — the browser merges the non-primary ones and walks them for sorted results."""
    rows = [{"name": s.name, "path": bundle_path(s, shards), "count": len(s.ids), "first": s.first, "last": s.last}
            for s in shards]
    return json.dumps({"shards": rows}, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def bundle_key(shard_name: str, records: list[tuple[str, str]], salt: str) -> str:
    """Cache key of a shard's finished bundle: its name (the `shard` filter value), and for every
    article its URL and its record digest (wenxian.search.record_cache: its folded text, from which
    the tokens come, its record fields (filters, sort) and its display fields, written into the
    fragment); `salt` names the code that turns them into a bundle (Pagefind version, VERSION,
    module sources)."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{VERSION}\0{salt}\0{shard_name}\0".encode("utf-8"))
    for url, digest in sorted(records):
        h.update(f"{url}\0{digest}\0".encode("utf-8"))
    return h.hexdigest()


MANIFEST = "wenxian-manifest.json"


def _files(bundle: str) -> dict[str, os.stat_result]:
    """{path relative to the bundle: its stat} of every file below `bundle` but the manifest."""
    out, todo = {}, [("", bundle)]
    while todo:
        rel, path = todo.pop()
        with os.scandir(path) as entries:
            for e in entries:
                name = f"{rel}{e.name}"
                if e.is_dir(follow_symlinks=False):
                    todo.append((f"{name}/", e.path))
                elif name != MANIFEST:
                    out[name] = e.stat(follow_symlinks=False)
    return out


def _sha256(path: str) -> str:
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def write_manifest(bundle) -> None:
    """Record the SHA-256, size and modification time of every file of a finished bundle, so that
    a cached bundle is reused only as it was written (an edited or truncated fragment is never
    published)."""
    bundle = str(bundle)
    files = {rel: [_sha256(os.path.join(bundle, rel)), st.st_size, st.st_mtime_ns]
             for rel, st in sorted(_files(bundle).items())}
    with open(os.path.join(bundle, MANIFEST), "w", encoding="utf-8") as fh:
        fh.write(json.dumps(files, sort_keys=True))


def bundle_intact(bundle) -> bool:
    """Whether a cached bundle holds exactly the files its manifest lists, with their contents.

    As git does for its index, a file whose size and modification time are those recorded is
    taken as unchanged (an edit, a truncation or a copy over it changes them), and only the
    others are read and hashed: hashing the 22,000 files of an archive's bundles took 0.6–1 s of
    every build, a rebuild after one edit included."""
    bundle = str(bundle)
    try:
        with open(os.path.join(bundle, MANIFEST), encoding="utf-8") as fh:
            files = json.loads(fh.read())
        present = _files(bundle)
    except (OSError, ValueError):
        return False
    if not isinstance(files, dict) or set(present) != set(files) or "pagefind-entry.json" not in files:
        return False
    for rel, entry in files.items():
        if not (isinstance(entry, list) and len(entry) == 3):
            return False
        st = present[rel]
        if [st.st_size, st.st_mtime_ns] != entry[1:] and _sha256(os.path.join(bundle, rel)) != entry[0]:
            return False
    return True
