#!/usr/bin/env python3
"""Speed of the contributor-safety checks that `wenxian add` runs on every capture: source URL
normalisation and the personal-data detector over the test corpus. Prints figures.

    .venv/bin/python scripts/bench_safety.py [--rounds 20]
"""
import argparse
import time
from pathlib import Path

import yaml

from wenxian.ingest.decode import decode
from wenxian.ingest.personal import find_personal_data
from wenxian.ingest.source_urls import normalise

ROOT = Path(__file__).resolve().parents[1]

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    rounds = parser.parse_args().rounds
    urls = [c["url"] for c in yaml.safe_load((ROOT / "tests" / "cases" / "urls.yml").read_text("utf-8"))]
    normalise(urls[0])  # load the rules once
    t = time.perf_counter()
    for _ in range(rounds * 100):
        for u in urls:
            normalise(u)
    n = rounds * 100 * len(urls)
    print(f"url normalise: {n} URLs, {(time.perf_counter() - t) / n * 1e6:.1f} µs per URL")
    texts = [decode(p.read_bytes(), str(p)).text for p in [p for f in ("corpus", "seeds") for p in sorted((ROOT / "tests" / "fixtures" / f).glob("*.txt"))]]
    chars = sum(len(x) for x in texts)
    find_personal_data(texts[0])
    t = time.perf_counter()
    for _ in range(rounds):
        for x in texts:
            find_personal_data(x)
    dt = (time.perf_counter() - t) / rounds
    print(f"personal data: {len(texts)} captures, {chars / 1e3:.0f} k chars in {dt * 1e3:.1f} ms "
          f"({dt / chars * 5000 * 1e3:.3f} ms per 5,000 chars)")
