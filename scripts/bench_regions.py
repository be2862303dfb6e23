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
clocks = lambda: (time.perf_counter(), time.process_time())  # noqa: E731  (wall, CPU)
t0 = clocks()
from wenxian.places import gazetteer  # noqa: E402
from wenxian.places import regions  # noqa: E402
from wenxian.ingest.pipeline import extract  # noqa: E402

t_import = clocks()
gaz = gazetteer.load()
t_load = clocks()
regions.name_index()
t_index = clocks()
gaz.villages("654027104")     # reads villages.tsv.gz
t_villages = clocks()
span = lambda a, b: f"{b[0] - a[0]:.3f} s wall / {b[1] - a[1]:.3f} s CPU"  # noqa: E731
print(f"import: {span(t0, t_import)}")
print(f"load: gazetteer {span(t_import, t_load)}; names + index {span(t_load, t_index)}; "
      f"total {span(t_import, t_index)}")
print(f"villages file on first use: {span(t_index, t_villages)}")
print(f"max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB "
      f"(process before import {rss0 / 1024:.0f} MB)")
print("(wall time above CPU time means other processes shared the CPU)")

# A 5 KB article: the body of every annotated seed and corpus capture, cut to 5,120 bytes.
texts = []
for cap in [p for f in ("corpus", "seeds") for p in sorted((ROOT / "tests" / "fixtures" / f).glob("*.txt"))]:
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
times.sort()
print(f"recognize: {len(texts)} articles of 5 KB, {len(times)} runs, median {statistics.median(times):.2f} ms, "
      f"95th percentile {times[int(len(times) * 0.95)]:.2f} ms, max {times[-1]:.2f} ms")
