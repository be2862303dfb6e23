"""The archive's reprint groups at build time, cached by content so that a build measures only
what is new (issue 20).

Why a cache: grouping 20,000 articles from nothing takes seconds (docs/performance.md), most of
it spent on what depends on one text (its signature) or on two texts (their similarity, the
relation of a copy to its reference), never on the rest of the archive. So those results are
kept by the digests of the texts they were computed from, in one verified file under
`.cache/wenxian/reprints/` (wenxian.cachefile) whose key is the identity of the code and data
behind them (source_digest: a change of reprints.yml or of this package is a new key, never a
stale result). After adding one article a build computes one signature, finds the candidates
again (the LSH and sentence indexes, linear and quick) and measures only the pairs and
relations that involve the new text; every other group keeps its members, its relations and its
id (the ids of the last build are in the cache too, `groups.build(previous=...)`).

`compute` is pure (articles and the cache's content in, groups and the next content out);
`load_cache`/`save_cache` are the file I/O; `group_of` gives each article's group id and size,
for the search results ("N 个版本") and the exports.
"""
from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np

from .. import cachefile
from . import detect, diff, groups, shingles
from .detect import Similarity
from .diff import Relation
from .groups import Article, Group
from .settings import Settings, load

CACHE = Path(".cache") / "wenxian" / "reprints"
VERSION = "1"


def cache_key() -> str:
    """Identity of the code and data behind the cached results."""
    from . import settings as settings_mod
    from ..search import fold
    from .. import script
    return VERSION + " " + cachefile.source_digest(
        (shingles, detect, diff, groups, settings_mod, fold, script),
        data=("reprints.yml", "search_fold.yml"), versions=("datasketch", "opencc", "diff-match-patch"))


def text_digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


@dataclass
class Result:
    groups: list[Group]
    by_article: dict[str, Group]  # article id -> its group (articles in no group are absent)
    cache: dict  # the content of the next cache file


def _sig_out(sig: detect.Signature) -> list:
    return [base64.b64encode(sig.minhash.astype("<u4").tobytes()).decode(), sig.size,
            base64.b64encode(np.array(sorted(sig.sentences), dtype="<u8").tobytes()).decode()]


def _sig_in(entry) -> detect.Signature | None:
    try:
        mh = np.frombuffer(base64.b64decode(entry[0]), dtype="<u4").astype(np.uint32)
        sents = np.frombuffer(base64.b64decode(entry[2]), dtype="<u8")
        return detect.Signature(mh, int(entry[1]), frozenset(sents.tolist()))
    except (TypeError, ValueError, IndexError):
        return None


def _rel_out(sim: Similarity, rel: Relation) -> list:
    return [sim.a_in_b, sim.b_in_a, sim.resemblance, rel.kind, rel.shorter, rel.masked, rel.foreign, rel.changed]


_PARALLEL = 400  # items below which a worker pool costs more than it saves
_job: tuple | None = None


def _run(bounds: tuple[int, int]) -> list:
    fn, items = _job
    return fn(items[bounds[0]:bounds[1]])


def parallel(fn, items: list) -> list:
    """fn(chunk) over consecutive chunks of `items` on every core (wenxian.site.pagewriter.cores),
    the results concatenated in order. Each step of a first grouping (signatures, similarities
    of candidates, relations to the references) is independent item by item; forked workers
    inherit the texts, only the small results come back."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from ..procs import die_with_parent
    from ..site.pagewriter import cores

    global _job
    workers = cores()
    if workers <= 1 or len(items) < _PARALLEL or "fork" not in multiprocessing.get_all_start_methods():
        return fn(items)
    fn(items[:1])  # tables (fold, permutations) filled once, before the fork
    size = -(-len(items) // (workers * 4))
    _job = (fn, items)
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                 initializer=die_with_parent) as pool:
            return [x for part in pool.map(_run, [(i, i + size) for i in range(0, len(items), size)]) for x in part]
    finally:
        _job = None


def _similarities(pairs: list[tuple[str, str, str, str]], s: Settings) -> list[Similarity]:
    """Exact similarity of each (id a, id b, text a, text b); a text's shingles made once."""
    memo: dict[str, np.ndarray] = {}

    def of(aid: str, text: str) -> np.ndarray:
        if aid not in memo:
            memo[aid] = shingles.shingle_hashes(shingles.comparable_codes(text, s), s.shingle_chars)
        return memo[aid]

    return [detect.similarity(of(a, ta), of(b, tb)) for a, b, ta, tb in pairs]


def compute(articles: Sequence[Article], cache: Mapping | None = None, settings: Settings | None = None) -> Result:
    """Groups of `articles`, reusing what `cache` (the content of the last build's cache file)
    holds for the same texts; `Result.cache` is the content to keep for the next build (only
    entries of texts present now, so it never grows beyond the archive)."""
    s = settings or load()
    cache = cache if isinstance(cache, Mapping) else {}
    old_sigs, old_pairs, old_rels = (cache.get(k) if isinstance(cache.get(k), dict) else {}
                                     for k in ("sigs", "pairs", "relations"))
    previous = cache.get("ids") if isinstance(cache.get("ids"), dict) else {}
    digest = {a.id: text_digest(a.text) for a in articles}
    text = {a.id: a.text for a in articles}
    sigs: dict[str, detect.Signature] = {}
    new_sigs: dict[str, list] = {}
    missing = []
    for a in articles:
        d = digest[a.id]
        sig = _sig_in(old_sigs[d]) if d in old_sigs else None
        if sig is not None and len(sig.minhash) == s.num_perm:
            new_sigs[d], sigs[a.id] = old_sigs[d], sig
        else:
            missing.append(a)
    made_sigs = parallel(lambda chunk: [detect.signature(t, s) for t in chunk], [a.text for a in missing])
    for a, sig in zip(missing, made_sigs):
        sigs[a.id] = sig
        new_sigs[digest[a.id]] = _sig_out(sig)

    # Candidates: a pair measured before keeps its measure (oriented by digest in the cache).
    def pair_key(a: str, b: str) -> tuple[str, bool]:
        da, db = digest[a], digest[b]
        return (f"{da} {db}", False) if da <= db else (f"{db} {da}", True)

    new_pairs: dict[str, object] = {}
    measured: dict[tuple[str, str], Similarity] = {}
    todo = []
    for a, b in sorted(detect.candidates(sigs, s)):
        key, flip = pair_key(a, b)
        got = old_pairs.get(key)
        if isinstance(got, list) and len(got) == 3:
            measured[(a, b)] = Similarity(got[1], got[0], got[2]) if flip else Similarity(*got)
        elif got == 0:
            new_pairs[key] = 0
        else:
            todo.append((a, b))
    sims = parallel(lambda chunk: _similarities(chunk, s), [(a, b, text[a], text[b]) for a, b in todo])
    measured.update(zip(todo, sims))
    pairs = []
    for (a, b), sim in sorted(measured.items()):
        key, flip = pair_key(a, b)
        if detect.is_pair(sim, sigs[a].size, sigs[b].size, s):
            pairs.append(detect.Pair(a, b, sim))
            oriented = Similarity(sim.b_in_a, sim.a_in_b, sim.resemblance) if flip else sim
            new_pairs[key] = [oriented.a_in_b, oriented.b_in_a, oriented.resemblance]
        else:
            new_pairs[key] = 0

    # Relations: a first pass of groups.build names the (reference, copy) pairs it needs, those
    # not measured before are measured on every core, the second pass uses them all.
    new_rels: dict[str, list] = {}
    needed: dict[str, tuple] = {}

    def rel_key(ref: Article, copy: Article) -> str:
        return f"{digest[ref.id]} {digest[copy.id]}"

    def recall(ref: Article, copy: Article, paired: Similarity | None, st: Settings):
        key = rel_key(ref, copy)
        got = old_rels.get(key, new_rels.get(key))
        if isinstance(got, list) and len(got) == 8:
            new_rels[key] = got
            return Similarity(*got[:3]), Relation(*got[3:])
        needed[key] = (ref, copy, paired)
        return paired or Similarity(0.0, 0.0, 0.0), Relation("edited", None, 0, 0, 0)

    made = groups.build(articles, pairs, previous, s, measure=recall)
    if needed:
        keys = list(needed)
        got = parallel(lambda chunk: [_rel_out(*groups.measure(*needed[k], s)) for k in chunk], keys)
        new_rels.update(zip(keys, got))
        made = groups.build(articles, pairs, previous, s, measure=recall)
    by_article = {c.id: g for g in made for c in g.copies}
    ids = {aid: g.id for aid, g in by_article.items()}
    return Result(made, by_article, {"sigs": new_sigs, "pairs": new_pairs, "relations": new_rels, "ids": ids})


def group_of(result: Result) -> dict[str, tuple[str, int]]:
    """{article id: (group id, number of copies in the group)} of every article that has
    copies; an article absent here is the only copy of its story. For the search results (one
    entry per group, "N 个版本") and the exports."""
    return {aid: (g.id, len(g.copies)) for aid, g in result.by_article.items()}


def load_cache(cache_dir: Path | None) -> dict:
    """The verified cache content of this code and data version, or {} (absent, stale, damaged)."""
    if cache_dir is None:
        return {}
    key = cache_key()
    got = cachefile.read(Path(cache_dir) / "groups.json", key)
    try:
        data = json.loads(got) if got is not None else {}
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def save_cache(cache_dir: Path | None, content: dict) -> None:
    if cache_dir is not None:
        cachefile.write(Path(cache_dir) / "groups.json", cache_key(), json.dumps(content, ensure_ascii=False))


def cached(articles: Sequence[Article], cache_dir: Path | None, settings: Settings | None = None) -> Result:
    """compute() with the cache file under `cache_dir` (read, then replaced)."""
    result = compute(articles, load_cache(cache_dir), settings)
    save_cache(cache_dir, result.cache)
    return result
