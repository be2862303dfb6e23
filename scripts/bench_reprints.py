"""Time and memory of reprint detection and grouping (wenxian.reprints) on synthetic archives.

    .venv/bin/python scripts/bench_reprints.py [--sizes 1000 5000 20000] [--seed 20]

Each archive is made of real material: stories composed of clauses of the repository's own
captures (wenxian.reprints.synthetic.clause_pool over the text that wenxian extracts from
tests/fixtures/), a tenth of them with three copies each (identical, cut, edited, masked, a
quarter in traditional script), a tenth of hard non-pairs (stories sharing stock sentences with
another), the rest single stories. (wenxian/synthetic.py makes raw captures from whole real
paragraphs, each of which would recur in about a hundred of 20,000 articles: a test of
extraction, not of a reprint index; and extracting 20,000 captures is not what is measured
here.) Each size runs in its own process, so that its peak memory is its own: `rss` is the peak
resident size of that process, `rss_work` its growth while grouping, `tree` the peak memory of
that process and its worker processes together (proportional set size, so pages the forked
workers share are counted once). `group s` is a first grouping from nothing (what a build does
without its cache), `add one s` the grouping after adding one article, with that cache.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


def real_texts() -> list[str]:
    from wenxian.ingest.pipeline import extract
    from wenxian.article import body_text
    out = []
    for d in ("tests/fixtures/seeds", "tests/fixtures/corpus", "tests/fixtures/corpus-html"):
        for p in sorted((ROOT / d).iterdir()):
            if p.suffix in (".txt", ".html"):
                out.append(body_text(extract(p.read_bytes(), str(p))["body"], markers=True))
    return out


def archive(n: int, seed: int, pool: list[str]):
    from wenxian.reprints import synthetic
    stories = max(1, n // 10)
    rs = synthetic.make_set(pool, stories, 3, seed, hard=n // 10)
    fill = synthetic.make_set(pool, n - len(rs.texts), 0, seed + 1, hard=0, prefix="f")
    texts = {**rs.texts, **fill.texts}
    return texts, rs


def _cpu_s() -> float:
    """CPU seconds of this process and its finished workers (user + system): the work, whatever
    else the machine runs; on 2 idle cores a first grouping takes about its serial part plus
    half of the rest."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _pool() -> list[str]:
    pool_file = ROOT / ".cache" / "wenxian" / "bench_reprints_pool.json"
    if pool_file.exists():
        return json.loads(pool_file.read_text("utf-8"))
    from wenxian.reprints.synthetic import clause_pool
    pool = clause_pool(real_texts())
    pool_file.parent.mkdir(parents=True, exist_ok=True)
    pool_file.write_text(json.dumps(pool, ensure_ascii=False), "utf-8")
    return pool


def run_one(n: int, seed: int) -> dict:
    """A first grouping of an archive of `n` articles as a build does it (wenxian.reprints.index:
    signatures on every core, candidates, measures, relations, ids), then the grouping after
    adding one article with that build's cache."""
    from wenxian.reprints import groups, index
    import gc
    texts, rs = archive(n, seed, _pool())
    truth = {(o, c) if o < c else (c, o) for o, c in rs.truth}
    some = next(iter(rs.truth))[0]
    del rs  # the generator's bookkeeping (each text's sentences) is not the archive
    gc.collect()
    # imports, the fold table and the permutations: once per process, not grouping
    index.compute([groups.Article(k, None, None, texts[k]) for k in list(texts)[:40]])
    dates = {k: f"20{10 + int(k[1:6]) % 15:02d}-0{1 + int(k[-1]) % 9}-1{int(k[-1]) % 9}"
             if k[1:6].isdigit() else None for k in texts}
    arts = [groups.Article(k, dates[k], None, t) for k, t in texts.items()]
    base = _rss_mb()
    cpu0 = _cpu_s()
    t0 = time.perf_counter()
    first = index.compute(arts, {})
    t1 = time.perf_counter()
    cpu1 = _cpu_s()
    # one new capture: a copy of an archived story with a sentence of its own
    added = groups.Article("new-capture", "2030-01-01", None, texts[some] + "\n本报记者补充的一句话，说明这是新的转载。")
    again = index.compute(arts + [added], first.cache)
    t2 = time.perf_counter()
    cpu2 = _cpu_s()
    found = {tuple(sorted((a, b))) for g in first.groups for a in (c.id for c in g.copies)
             for b in (c.id for c in g.copies) if a < b}
    return {"articles": len(texts), "groups": len(first.groups),
            "recall": round(len(truth & found) / max(1, len(truth)), 4),
            "group_s": round(t1 - t0, 2), "group_cpu_s": round(cpu1 - cpu0, 1), "add_one_s": round(t2 - t1, 2),
            "add_one_cpu_s": round(cpu2 - cpu1, 1),
            "joined": "new-capture" in again.by_article and again.by_article["new-capture"] == again.by_article.get(some),
            "rss_mb": round(_rss_mb()), "rss_work_mb": round(_rss_mb() - base)}


def measure_size(n: int, seed: int = 20) -> dict:
    """run_one(n) in its own process, with the peak memory of that process and its workers
    together (proportional set size sampled by scripts/bench.py's `measure`)."""
    import tempfile

    from bench import measure
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "row.json"
        m = measure([sys.executable, __file__, "--one", str(n), "--seed", str(seed), "--out", str(out)], ROOT)
        row = json.loads(out.read_text("utf-8"))
    row["tree_mb"] = round(m["tree_rss_mb"])
    return row


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        args.out.write_text(json.dumps(run_one(args.one, args.seed)), "utf-8")
        return 0
    print(f"{'articles':>8} {'groups':>6} {'recall':>6} {'group s':>7} {'cpu s':>6} {'s/1000':>6} {'add one s':>9} {'cpu s':>6} "
          f"{'rss MB':>6} {'work MB':>7} {'tree MB':>7}")
    for n in args.sizes:
        r = measure_size(n, args.seed)
        print(f"{r['articles']:>8} {r['groups']:>6} {r['recall']:>6} {r['group_s']:>7} {r['group_cpu_s']:>6} "
              f"{1000 * r['group_s'] / r['articles']:>6.2f} {r['add_one_s']:>9} {r['add_one_cpu_s']:>6} {r['rss_mb']:>6} "
              f"{r['rss_work_mb']:>7} {r['tree_mb']:>7}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
