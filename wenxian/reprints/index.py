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
VERSION = "2"  # 2: sentence keys are CRC-32 and Adler-32


def cache_key() -> str:
    """Identity of the code and data behind the cached results."""
    from . import settings as settings_mod
    from ..search import fold
    from .. import script
    return VERSION + " " + cachefile.source_digest(
        (shingles, detect, diff, groups, settings_mod, fold, script),
        data=("reprints.yml", "search_fold.yml"), versions=("numpy", "opencc", "diff-match-patch"))


def text_digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


@dataclass
class Result:
    groups: list[Group]
    by_article: dict[str, Group]  # article id -> its group (articles in no group are absent)
    cache: dict  # the content of the next cache file


def _sig_out(sig: detect.Signature) -> list:
    return [base64.b64encode(sig.minhash.astype("<u4").tobytes()).decode(), sig.size,
            base64.b64encode(sig.sentences.astype("<u8").tobytes()).decode()]


def _sig_in(entry) -> detect.Signature | None:
    try:
        mh = np.frombuffer(base64.b64decode(entry[0]), dtype="<u4").astype(np.uint32)
        sents = np.frombuffer(base64.b64decode(entry[2]), dtype="<u8").astype(np.uint64)
        return detect.Signature(mh, int(entry[1]), sents)
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
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from ..procs import die_with_parent
    from ..site.pagewriter import cores

    global _job
    workers = cores()
    if workers <= 1 or len(items) < _PARALLEL or "fork" not in multiprocessing.get_all_start_methods():
        return fn(items)
    fn(items[:1])  # tables (fold, permutations) filled once, before the fork
    # The parent works too, on the first share, beside workers - 1 forked workers on the rest:
    # every core busy, one copy of the working memory fewer (issue 20: ≤ 500 MB at 20,000).
    mine = len(items) // workers
    rest = len(items) - mine
    size = -(-rest // max(1, (workers - 1) * 4))
    _job = (fn, items)
    # Objects that exist now are left out of the workers' garbage collections, which would write
    # to every object they scan and so copy the parent's memory into each worker (as pagewriter).
    gc.freeze()
    try:
        with ProcessPoolExecutor(workers - 1, mp_context=multiprocessing.get_context("fork"),
                                 initializer=die_with_parent) as pool:
            parts = pool.map(_run, [(i, min(i + size, len(items))) for i in range(mine, len(items), size)])
            first = fn(items[:mine])
            return first + [x for part in parts for x in part]
    finally:
        gc.unfreeze()
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
    sigs, new_sigs = _sigs(articles, digest, old_sigs, s)

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


@dataclass(frozen=True)
class CopyOf:
    """A new capture that is a copy of an archived article (`wenxian add`, the PR summary)."""
    new: str  # the new article's id
    archived: str  # the archived article it is the closest copy of
    relation: Relation  # of the new copy to the archived one
    similarity: Similarity  # oriented archived -> new


def relation_words(rel: Relation) -> str:
    """The relation of a new copy to the archived one, in the words of the command line."""
    if rel.kind == "cut":
        return "an excerpt of it" if rel.shorter == "copy" else "a longer text of which it is an excerpt"
    return {"identical": "identical text", "masked": "the same text with characters masked",
            "edited": "edited"}.get(rel.kind, rel.kind)


def _sigs(articles: Sequence[Article], digest: Mapping[str, str], old: Mapping, s: Settings):
    """Signatures of `articles` ({id: Signature}) from the cache content `old` or computed (on
    every core), and the cache entries of them all."""
    sigs, entries, missing = {}, {}, []
    for a in articles:
        d = digest[a.id]
        sig = _sig_in(old[d]) if d in old else None
        if sig is not None and len(sig.minhash) == s.num_perm:
            entries[d], sigs[a.id] = old[d], sig
        else:
            missing.append(a)
    made = parallel(lambda chunk: [detect.signature(t, s) for t in chunk], [a.text for a in missing])
    for a, sig in zip(missing, made):
        sigs[a.id] = sig
        entries[digest[a.id]] = _sig_out(sig)
    return sigs, entries


def copies_of_new(articles: Sequence[Article], new_ids, cache: Mapping | None = None,
                  settings: Settings | None = None) -> tuple[list[CopyOf], dict]:
    """For each of `new_ids` that is a copy of an article not in `new_ids`, that article (the
    closest by containment) and the relation; and the next cache content (signatures added,
    everything else of the last build kept). Only pairs with a new article are measured and
    nothing is regrouped: what `wenxian add` needs, without the cost of a site build's grouping."""
    s = settings or load()
    cache = dict(cache) if isinstance(cache, Mapping) else {}
    new_ids = set(new_ids)
    by_id = {a.id: a for a in articles}
    if not new_ids or len(new_ids) >= len(by_id):
        return [], cache
    digest = {a.id: text_digest(a.text) for a in articles}
    old_sigs = cache.get("sigs") if isinstance(cache.get("sigs"), dict) else {}
    sigs, entries = _sigs(articles, digest, old_sigs, s)
    cache["sigs"] = entries
    best: dict[str, tuple[float, str, Similarity]] = {}
    for a, b in sorted(detect.candidates(sigs, s)):
        if (a in new_ids) == (b in new_ids):
            continue
        old, new = (a, b) if b in new_ids else (b, a)
        [sim] = _similarities([(old, new, by_id[old].text, by_id[new].text)], s)
        if detect.is_pair(sim, sigs[old].size, sigs[new].size, s) and sim.containment > best.get(new, (-1.0,))[0]:
            best[new] = (sim.containment, old, sim)
    out = [CopyOf(new, old, diff.relation(by_id[old].text, by_id[new].text, s), sim)
           for new, (_, old, sim) in sorted(best.items())]
    return out, cache


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


_last: list = []  # [(inputs digest, Result)] of the last call of `cached` in this process


def _inputs(articles: Sequence[Article]) -> str:
    h = hashlib.blake2b(digest_size=16)
    for a in articles:
        h.update(f"{a.id}\0{a.date}\0{a.source}\0{text_digest(a.text)}\0".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def cached(articles: Sequence[Article], cache_dir: Path | None, settings: Settings | None = None) -> Result:
    """compute() with the cache file under `cache_dir` (read, then replaced). The same articles
    again in this process (or in a process forked after it: the search indexer) get the same
    result without any work."""
    key = _inputs(articles)
    if _last and _last[0][0] == key and settings is None:
        return _last[0][1]
    result = compute(articles, load_cache(cache_dir), settings)
    save_cache(cache_dir, result.cache)
    if settings is None:
        _last[:] = [(key, result)]
    return result


# The groups of the last build as a whole, keyed by what grouping reads of each article (its id,
# date, outlet and body) before any body is turned into text: a build in which none of these
# changed (a title edited, nothing changed, a new build of the same archive) reads the groups
# back instead of making 20,000 clean texts and finding the candidates again (seconds at 20,000
# articles, issue 18). Beside the per-text cache of `cached`, which still serves any other build.
RESULT = "groups-result.json"
_last_whole: list = []  # [(whole key, Result)] of this process


def whole_key(items) -> str:
    """Key of the groups of the articles `items`, (id, date, source, body) with the body as the
    article file holds it (body_text of it is what grouping reads; its code is in the salt)."""
    h = hashlib.blake2b(digest_size=16)
    for aid, date, source, body in sorted(items, key=lambda item: item[0]):
        h.update(f"{aid}\0{date}\0{source}\0{text_digest(body)}\0".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _whole_salt(key: str) -> str:
    from .. import article
    return f"{cache_key()} {cachefile.source_digest((article,), size=8)} {key}"


def _group_out(g: Group) -> list:
    return [g.id, g.reference, g.reason,
            [[c.id, _rel_out(c.similarity, c.relation), c.direct, list(c.credits)] for c in g.copies]]


def _group_in(entry) -> Group:
    gid, reference, reason, copies = entry
    return Group(gid, reference, reason, tuple(
        groups.Copy(cid, Relation(*rel[3:]), Similarity(*rel[:3]), direct, tuple(credits))
        for cid, rel, direct, credits in copies))


def whole(items, make_articles, cache_dir: Path | None) -> Result:
    """The groups of the articles `items` ((id, date, source, body), as `whole_key` reads them):
    from this process or the file of the last build when the key is the same, else `cached`
    of `make_articles()` (the articles as grouping reads them), kept for the next build."""
    key = _whole_salt(whole_key(items))  # the code and data too, in this process as on disk
    if _last_whole and _last_whole[0][0] == key:
        return _last_whole[0][1]
    result = None
    text = cachefile.read(Path(cache_dir) / RESULT, key) if cache_dir is not None else None
    if text is not None:
        try:
            made = [_group_in(entry) for entry in json.loads(text)]
            result = Result(made, {c.id: g for g in made for c in g.copies}, {})
        except (ValueError, TypeError):
            result = None
    if result is None:
        result = cached(make_articles(), cache_dir)
        if cache_dir is not None:
            cachefile.write(Path(cache_dir) / RESULT, key,
                            json.dumps([_group_out(g) for g in result.groups], ensure_ascii=False))
    _last_whole[:] = [(key, result)]
    return result


def article_groups(parsed, cache_dir: Path | None = None) -> dict[str, tuple[str, int]]:
    """{article id: (group id, number of copies)} for the articles that have copies, from the
    build's parsed articles ((path, frontmatter, body) as wenxian.site.state.parsed_articles
    gives them): what search needs to show a group once with "N 个版本". Within a build the
    site pages have grouped the same articles already, so this costs nothing more (see
    `cached`); `cache_dir` is the project's `.cache/wenxian/reprints` (CACHE under its root)."""
    from ..article import body_text

    def arts() -> list[Article]:
        return sorted((Article(meta["id"], meta.get("date"), meta.get("source"), body_text(body))
                       for _, meta, body in parsed), key=lambda a: a.id)
    items = [(meta["id"], meta.get("date"), meta.get("source"), body) for _, meta, body in parsed]
    return group_of(whole(items, arts, cache_dir))


def of_archive(root: Path) -> list[Article]:
    """The archive's articles under `root` (docs/articles, parsed through the article cache) as
    grouping reads them: the thin I/O of `wenxian add` and the PR summary. A file that cannot be
    read or parsed, or has no id, is left out: reporting it is `wenxian check`'s work, and a
    capture that was stored must not fail here."""
    from .. import article_loader
    from ..article import body_text
    from ..errors import WenxianError
    out = []
    for path in article_loader.article_files(Path(root) / "docs"):
        try:
            meta, body = article_loader.parse(article_loader.read_text(path, str(path)), Path(root) / article_loader.CACHE,
                                              write=False)
        except (WenxianError, ValueError):
            continue
        if isinstance(meta, dict) and isinstance(meta.get("id"), str):
            out.append(Article(meta["id"], meta.get("date"), meta.get("source"), body_text(body)))
    return sorted(out, key=lambda a: a.id)


def archived_copies(root: Path, new_ids) -> list[CopyOf]:
    """copies_of_new over the archive under `root`, reading the caches of the last build (the
    signatures of the archived texts), writing none: `wenxian add` and the PR summary leave no
    file but the ones they add."""
    found, _ = copies_of_new(of_archive(root), new_ids, load_cache(Path(root) / CACHE))
    return found
