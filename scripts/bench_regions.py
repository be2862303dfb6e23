"""Print region-recognition figures (not a test): gazetteer load time and memory, and the time to
recognize regions in a 5 KB article once everything is loaded.

    .venv/bin/python scripts/bench_regions.py [--runs 200]

Run it in a fresh process: the load figures include reading the data files, generating the
short forms and building the name index; the village file is read lazily on the
first article that names a county, and that first call is reported separately.
"""
import argparse
import resource
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
parser = argparse.ArgumentParser()
parser.add_argument("--runs", type=int, default=200)
runs = parser.parse_args().runs

rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
from wenxian import gazetteer, regions  # noqa: E402
from wenxian.pipeline import extract  # noqa: E402

t_import = time.perf_counter()
gaz = gazetteer.load()
t_load = time.perf_counter()
regions.name_index()
t_auto = time.perf_counter()
gaz.villages("654027104")     # reads villages.tsv.gz
t_villages = time.perf_counter()
print(f"load: import {t_import - t0:.3f} s, gazetteer {t_load - t_import:.3f} s, names + index "
      f"{t_auto - t_load:.3f} s, total {t_auto - t_import:.3f} s (after import); villages file on first use "
      f"{t_villages - t_auto:.3f} s; max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB "
      f"(process before import {rss0 / 1024:.0f} MB)")

# A 5 KB article: the body of every annotated seed and corpus capture, cut to 5,120 bytes.
texts = []
for cap in sorted((ROOT / "tests" / "fixtures").glob("*/*.txt")):
    art = extract(cap.read_bytes(), str(cap))
    body = "\n".join(line for line in art["body"].replace("\\", "").split("\n") if line)
    data = body.encode("utf-8")
    if len(data) >= 5120:
        texts.append((art["title"], data[:5120].decode("utf-8", "ignore"), art["script"]))
for title, text, script in texts:
    regions.recognize(text, title, script)   # each county's village index is built once, then cached
times = []
for _ in range(max(1, runs // len(texts))):
    for title, text, script in texts:
        t = time.perf_counter()
        regions.recognize(text, title, script)
        times.append((time.perf_counter() - t) * 1000)
print(f"recognize: {len(texts)} articles of 5 KB, {len(times)} runs, median {statistics.median(times):.2f} ms, "
      f"max {max(times):.2f} ms")
