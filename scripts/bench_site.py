"""Print site build figures (not a test): `mkdocs build` of a temporary repository holding the
seeds and every corpus capture, optionally each capture K times (distinct bytes), to check that
the build stays linear in the number of articles.

    .venv/bin/python scripts/bench_site.py [--copies 1 10]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from wenxian import archive

ROOT = Path(__file__).resolve().parents[1]
caps = [p for f in ("corpus", "seeds") for p in sorted((ROOT / "tests" / "fixtures" / f).glob("*.txt"))]
parser = argparse.ArgumentParser()
parser.add_argument("--copies", type=int, nargs="+", default=[1])
args = parser.parse_args()
mkdocs = Path(sys.executable).with_name("mkdocs")

for k in args.copies:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name in ("mkdocs.yml", "docs", "hooks", "overrides", "archive"):
            src = ROOT / name
            (shutil.copytree if src.is_dir() else shutil.copy)(src, root / name)
        work = root / "captures"; work.mkdir()
        for n in range(k):
            for cap in caps:
                dst = work / f"{n}-{cap.name}"
                dst.write_bytes(cap.read_bytes() + (f"\n（副本 {n}）\n".encode() if n else b""))
                archive.add(root, dst, {})
        articles = len(list((root / "docs" / "articles").glob("*.md")))
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        t = time.perf_counter()
        subprocess.run([str(mkdocs), "build", "--strict", "--quiet"], cwd=root, env=env, check=True)
        seconds = time.perf_counter() - t
        pages = sum(1 for _ in (root / "site").rglob("index.html"))
        print(f"build: {articles} articles, {pages} pages in {seconds:.2f} s ({pages / seconds:.0f} pages/s)")
