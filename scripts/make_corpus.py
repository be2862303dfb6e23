"""Write N realistic synthetic raw captures for benchmarks (see wenxian/dev/synthetic.py).

    .venv/bin/python scripts/make_corpus.py --n 20000 --seed 1 --out /tmp/wenxian-corpus

Material comes from the real captures in tests/fixtures (copies of ../shared/corpus and the
seeds) and the archive; place chains come from the gazetteer. The same --n and --seed give the
same bytes. Each capture `synthetic-NNNNNN.txt` is written with its `.expected.json`. The output
folder must be outside the repository (a benchmark corpus is never committed).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wenxian.dev import synthetic  # noqa: E402


def real_captures(root: Path = ROOT) -> list[tuple[str, bytes]]:
    # the text corpus and the seeds only: rendered saved pages (corpus-rendered) are measured, not
    # recombined, so the synthetic archive stays what the benchmarks were measured on
    paths = [p for folder in ("corpus", "seeds") for p in sorted((root / "tests" / "fixtures" / folder).glob("*.txt"))]
    paths += sorted((root / "archive").glob("*/*.txt"))
    return [(str(p), p.read_bytes()) for p in paths]


def gazetteer_places() -> list[list[str]]:
    """[province, prefecture, county, township] chains of every township in the gazetteer."""
    from wenxian.places.gazetteer import load

    gaz = load()
    chains = [gaz.path(code).split("/") for code in sorted(gaz.units) if len(code) == 9]
    return [c for c in chains if len(c) == 4]


def write_corpus(out: Path, n: int, seed: int) -> int:
    out = out.resolve()
    if out == ROOT or ROOT in out.parents:
        raise SystemExit(f"make_corpus: {out}: write the corpus outside the repository")
    out.mkdir(parents=True, exist_ok=True)
    pools = synthetic.pools_from_captures(real_captures())
    places = gazetteer_places()
    count = 0
    for cap in synthetic.make_corpus(pools, n, seed, places):
        (out / cap.name).write_bytes(cap.data)
        (out / cap.name).with_suffix(".expected.json").write_text(
            json.dumps(cap.expected, ensure_ascii=False, indent=1) + "\n", "utf-8")
        count += 1
    return count


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    t = time.perf_counter()
    count = write_corpus(args.out, args.n, args.seed)
    print(f"wrote {count} captures to {args.out} in {time.perf_counter() - t:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
