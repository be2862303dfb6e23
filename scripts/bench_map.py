"""Print the map stage's figures (not a test): every map a site build draws, for a catalog of N
synthetic articles about places drawn from the gazetteer.

    .venv/bin/python scripts/bench_map.py [--n 5000] [--seed 1]
    .venv/bin/python scripts/bench_map.py --articles docs/articles     # the repository's seeds

The catalog is made in memory (frontmatter only: the map reads nothing else), each article about
one township of the gazetteer and mentioning another, chosen by a seeded generator. Timed, in a
fresh process: reading the boundaries, the map page and the map of every province and
prefecture page, in both scripts, i.e. the work the map adds to a build (OpenCC is loaded
before the clock starts: the build loads it for every traditional page anyway).
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wenxian import article  # noqa: E402
from wenxian.places import gazetteer  # noqa: E402
from wenxian.site import build, regionmap  # noqa: E402
from wenxian.site.twins import SCRIPTS, ui  # noqa: E402


def entry(gaz, code: str) -> dict:
    return {"path": gaz.path(code), "code": gazetteer.code12(code), "level": gazetteer.level_of(code)}


def catalog(n: int, seed: int):
    gaz = gazetteer.load()
    rng = random.Random(seed)
    townships = sorted(c for c in gaz.units if len(c) == 9)
    # articles cluster like the real archive's: most about a few counties, some anywhere
    hot = rng.sample(townships, 200)
    files = []
    for i in range(n):
        aid = f"{i:012x}"
        about = rng.choice(hot) if rng.random() < 0.7 else rng.choice(townships)
        other = rng.choice(townships)
        meta = {"id": aid, "title": f"文章{i}", "source": "某报", "source_url": None, "author": [],
                "date": f"20{rng.randrange(10, 25)}-0{rng.randrange(1, 10)}-1{rng.randrange(0, 10)}",
                "captured": None, "script": "hans", "encoding": "utf-8", "region": [entry(gaz, about)],
                "places": [{**entry(gaz, other), "mentions": 1}], "tags": [],
                "raw": f"archive/{aid[:2]}/{aid}.txt", "sha256": aid + "0" * 52, "quality": {"masked": 0}}
        files.append((f"docs/articles/{aid}.md", article.to_markdown(meta, "正文。\n")))
    return build.catalog(files)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--articles", type=Path, help="a folder of article files to map instead")
    args = ap.parse_args(argv)
    t = time.perf_counter()
    if args.articles:
        cat = build.catalog([(str(p), p.read_text("utf-8")) for p in sorted(args.articles.glob("*.md"))])
    else:
        cat = catalog(args.n, args.seed)
    print(f"catalog: {len(cat.articles)} articles, {len(cat.regions)} region pages ({time.perf_counter() - t:.1f} s, not timed below)")
    ui("地图", "hant")  # OpenCC's converter, which every build loads anyway for the traditional twins
    started = time.perf_counter()
    from wenxian.places import boundaries
    boundaries._data()
    loaded = time.perf_counter() - started
    maps, size = 0, 0
    for script in SCRIPTS:
        text = regionmap.page(cat, script)[regionmap.PAGE]
        maps += 1
        size += len(text.encode())
        for node in cat.regions.values():
            fig = regionmap.node_figure(cat, node, script)
            if fig:
                maps += 1
                size += len(fig.encode())
    total = time.perf_counter() - started
    print(f"map stage: {maps} maps (both scripts) in {total:.2f} s, of which reading the boundaries {loaded:.2f} s; "
          f"{size / maps / 1024:.0f} KiB of HTML a map on average")
    return 0


if __name__ == "__main__":
    sys.exit(main())
