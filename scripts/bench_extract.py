"""Print extraction speed figures (not a test): ms per capture over the annotated corpus, and
the time of `wenxian add` for N distinct captures into a temporary archive.

    .venv/bin/python scripts/bench_extract.py [--n 1000]
"""
import argparse
import statistics
import tempfile
import time
from pathlib import Path

from wenxian import archive
from wenxian.pipeline import extract

ROOT = Path(__file__).resolve().parents[1]
caps = sorted((ROOT / "tests" / "fixtures").glob("*/*.txt"))
parser = argparse.ArgumentParser()
parser.add_argument("--n", type=int, default=1000)
n = parser.parse_args().n

datas = [c.read_bytes() for c in caps]
extract(datas[0])  # warm up OpenCC and the pattern caches
times = []
for d in datas:
    t = time.perf_counter(); extract(d); times.append((time.perf_counter() - t) * 1000 / (len(d) / 5120))
print(f"extract: {len(datas)} captures, median {statistics.median(times):.2f} ms per 5 KB, max {max(times):.2f} ms per 5 KB")

with tempfile.TemporaryDirectory() as tmp:
    src = Path(tmp) / "src"; src.mkdir()
    files = []
    for i in range(n):
        f = src / f"{i}.txt"
        f.write_bytes(datas[i % len(datas)] + f"\n第{i}号\n".encode())
        files.append(f)
    root = Path(tmp) / "repo"
    t = time.perf_counter()
    for f in files:
        archive.add(root, f, {})
    dt = time.perf_counter() - t
    print(f"add: {n} captures in {dt:.1f} s ({n / dt:.0f} articles/s, one process)")
