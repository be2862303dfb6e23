"""Print tag-assignment speed figures (not a test): the one-off cost of loading and compiling the
taxonomy, and ms per 5 KB article for `wenxian.tags.assign` (simplified conversion, matching,
scoring, evidence) over every annotated capture, after loading.

    .venv/bin/python scripts/bench_tags.py [--repeat 200]
"""
import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wenxian import tags  # noqa: E402
from wenxian.ingest import clean  # noqa: E402
from wenxian.ingest import meta  # noqa: E402
from wenxian.ingest.decode import decode  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--repeat", type=int, default=200)
repeat = parser.parse_args().repeat

t = time.perf_counter()
tax = tags.taxonomy()
load_ms = (time.perf_counter() - t) * 1000
n_keywords = sum(len(tg.keywords) + len(tg.exclude) for tg in tax.tags)
print(f"load: {len(tax.tags)} tags, {n_keywords} keywords and exclusions, {load_ms:.0f} ms (once per process, includes OpenCC start)")

articles = []
for cap in [p for f in ("corpus", "seeds") for p in sorted((ROOT / "tests" / "fixtures" / f).glob("*.txt"))]:
    lines = clean.split_lines(decode(cap.read_bytes(), str(cap)).text)
    title, _ = meta.find_title(lines)
    kept = clean.clean(lines, title).kept
    blocks = [(k.kind, k.line.text, k.line.number) for k in kept]
    size = len(((title or "") + "".join(b[1] for b in blocks)).encode("utf-8"))
    if size:
        articles.append((cap.name, title, blocks, size))

per_5kb = []
for name, title, blocks, size in articles:
    tags.assign(title, blocks)  # warm
    t = time.perf_counter()
    for _ in range(repeat):
        tags.assign(title, blocks)
    ms = (time.perf_counter() - t) * 1000 / repeat
    per_5kb.append(ms * 5120 / size)
biggest = max(articles, key=lambda a: a[3])
t = time.perf_counter()
for _ in range(repeat):
    tags.assign(biggest[1], biggest[2])
big_ms = (time.perf_counter() - t) * 1000 / repeat
print(f"assign: {len(articles)} articles, median {statistics.median(per_5kb):.3f} ms per 5 KB, "
      f"max {max(per_5kb):.3f} ms per 5 KB; largest ({biggest[0]}, {biggest[3] / 1024:.1f} KB) {big_ms:.3f} ms")
