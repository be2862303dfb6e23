"""Print what a search costs a reader (not a test): bytes transferred for the first query on the
search page and for a later query on the same page, and the index build time, for the current
archive and for N synthetic articles.

    .venv/bin/python scripts/bench_search.py [--n 10000] [--skip-current]

The site is built once with MkDocs (search page, header, assets); for each archive size the
search hook's build_search() writes the Pagefind bundle for that archive into the built site,
which is served on localhost and driven by headless Chromium (Debian chromium). Synthetic
articles are made of sentences drawn at random from the real captures in tests/fixtures, with
random dates, sources and regions (deterministic seed), so their vocabulary is realistic.
Figures: bytes as sent by a plain static server (Pagefind's files are gzipped by Pagefind
itself; our fold table, JS and CSS are counted raw and, in brackets, gzipped as a static host
such as GitHub Pages would send them).
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wenxian.search.indexer import build_search  # noqa: E402
from wenxian import article  # noqa: E402
from wenxian.ingest.pipeline import extract  # noqa: E402

REGIONS = [
    {"path": "新疆维吾尔自治区/伊犁哈萨克自治州/特克斯县", "code": "654027000000", "level": "county"},
    {"path": "新疆维吾尔自治区/克孜勒苏柯尔克孜自治州/阿合奇县", "code": "653023000000", "level": "county"},
    {"path": "新疆维吾尔自治区/喀什地区/疏勒县", "code": "653122000000", "level": "county"},
    {"path": "江西省/南昌市/进贤县", "code": "360124000000", "level": "county"},
    {"path": "河南省/洛阳市", "code": "410300000000", "level": "prefecture"},
]
QUERIES = ["转移就业", "脫貧攻堅 合作社", "阿果依村"]


def synthetic(n: int, out: Path) -> None:
    """Write n synthetic articles (frontmatter + body) into out/articles/."""
    rng = random.Random(20261123)
    arts = [extract(p.read_bytes(), str(p)) for p in [p for f in ("corpus", "seeds") for p in sorted((ROOT / "tests" / "fixtures" / f).glob("*.txt"))]]
    sentences = [s for a in arts for s in re.split(r"(?<=[。！？!?])", a["body"]) if len(s.strip()) > 4]
    sources = sorted({a["source"] for a in arts if a.get("source")})
    lengths = [len(a["body"]) for a in arts]
    (out / "articles").mkdir(parents=True)
    for i in range(n):
        target, body = rng.choice(lengths), []
        while sum(map(len, body)) < target:
            body.append(rng.choice(sentences).strip())
        aid = f"{i:012x}"
        meta = {"id": aid, "title": rng.choice(sentences).strip()[:30], "source": rng.choice(sources),
                "date": f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "script": "hans", "region": [rng.choice(REGIONS)], "places": [], "tags": [],
                "raw": f"archive/{aid[:2]}/{aid}.txt", "sha256": "0" * 64, "quality": {}}
        (out / "articles" / f"{aid}.md").write_text(article.to_markdown(meta, "\n\n".join(body)), "utf-8")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def measure(site: Path) -> list[tuple[str, int, int, int]]:
    """(query, requests, bytes, bytes if text assets were gzipped) for each query in turn."""
    from playwright.sync_api import sync_playwright
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    rows = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium")
            page = browser.new_page()
            page.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), lambda route: route.abort())
            seen: list = []
            page.on("requestfinished", lambda req: seen.append(req))
            wait = "#wx-search[data-state=done], #wx-search[data-state=more]"
            for n, q in enumerate(QUERIES):
                seen.clear()
                if n == 0:
                    page.goto(f"{base}/search/?q={q}")
                else:
                    page.fill(".wx-search__q", q)
                    page.press(".wx-search__q", "Enter")
                    page.wait_for_function(f"new URLSearchParams(location.search).get('q') === {q!r}")
                page.wait_for_selector(wait, timeout=60000)
                page.wait_for_load_state("networkidle")
                search = [r for r in seen if "/pagefind/" in r.url or "/assets/search/" in r.url]
                raw = sum(len(r.response().body()) for r in search)
                gz = sum(len(b) if "/pagefind/" in r.url else len(gzip.compress(b))
                         for r in search for b in [r.response().body()])
                rows.append((q, len(search), raw, gz))
            browser.close()
    finally:
        server.shutdown()
    return rows


def report(label: str, docs: Path, site: Path) -> None:
    t = time.perf_counter()
    n = build_search(docs, site)
    dt = time.perf_counter() - t
    size = sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file())
    print(f"{label}: {n} articles, index built in {dt:.1f} s, bundle {size / 1e6:.1f} MB")
    for i, (q, reqs, raw, gz) in enumerate(measure(site)):
        kind = "first query " if i == 0 else "later query "
        print(f"  {kind}{q:<14} {reqs:3d} requests  {raw / 1024:7.1f} KB  ({gz / 1024:.1f} KB with gzip)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--skip-current", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=ROOT, check=True, env=env)
        if not args.skip_current:
            report("current archive", ROOT / "docs", site)
        docs = Path(tmp) / "docs"
        synthetic(args.n, docs)
        report("synthetic archive", docs, site)
        shutil.rmtree(docs)


if __name__ == "__main__":
    main()
