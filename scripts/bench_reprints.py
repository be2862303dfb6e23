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
resident size of that process, `rss_work` its growth while detecting and grouping.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


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
    stories = n // 10
    rs = synthetic.make_set(pool, stories, 3, seed, hard=n // 10)
    fill = synthetic.make_set(pool, n - len(rs.texts), 0, seed + 1, hard=0, prefix="f")
    texts = {**rs.texts, **fill.texts}
    return texts, rs


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_one(n: int, seed: int) -> dict:
    from wenxian.reprints import detect, groups
    pool_file = ROOT / ".cache" / "wenxian" / "bench_reprints_pool.json"
    if pool_file.exists():
        pool = json.loads(pool_file.read_text("utf-8"))
    else:
        from wenxian.reprints.synthetic import clause_pool
        pool = clause_pool(real_texts())
        pool_file.parent.mkdir(parents=True, exist_ok=True)
        pool_file.write_text(json.dumps(pool, ensure_ascii=False), "utf-8")
    texts, rs = archive(n, seed, pool)
    # imports (datasketch, scipy), the fold table and the permutations: once per process, not detection
    groups.build([groups.Article(k, None, None, texts[k]) for k in list(texts)[:40]],
                 detect.find_pairs({k: texts[k] for k in list(texts)[:40]}))
    dates = {k: f"20{10 + int(k[1:6]) % 15:02d}-0{1 + int(k[-1]) % 9}-1{int(k[-1]) % 9}"
             if k[1:6].isdigit() else None for k in texts}
    base = _rss_mb()
    t0 = time.perf_counter()
    pairs = detect.find_pairs(texts)
    t1 = time.perf_counter()
    arts = [groups.Article(k, dates[k], None, t) for k, t in texts.items()]
    got = groups.build(arts, pairs)
    t2 = time.perf_counter()
    truth = {(o, c) if o < c else (c, o) for o, c in rs.truth}
    found = {(p.a, p.b) for p in pairs}
    return {"articles": len(texts), "pairs": len(pairs), "groups": len(got),
            "recall": round(len(truth & found) / max(1, len(truth)), 4),
            "detect_s": round(t1 - t0, 2), "group_s": round(t2 - t1, 2), "total_s": round(t2 - t0, 2),
            "rss_mb": round(_rss_mb()), "rss_work_mb": round(_rss_mb() - base)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.seed)))
        return 0
    print(f"{'articles':>8} {'pairs':>6} {'groups':>6} {'recall':>6} {'detect s':>8} {'group s':>7} "
          f"{'total s':>7} {'s/1000':>6} {'rss MB':>6} {'work MB':>7}")
    for n in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n), "--seed", str(args.seed)],
                             check=True, capture_output=True, text=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        print(f"{r['articles']:>8} {r['pairs']:>6} {r['groups']:>6} {r['recall']:>6} {r['detect_s']:>8} "
              f"{r['group_s']:>7} {r['total_s']:>7} {1000 * r['total_s'] / r['articles']:>6.2f} "
              f"{r['rss_mb']:>6} {r['rss_work_mb']:>7}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
