"""The benchmark corpus generator (scripts/make_corpus.py, wenxian/dev/synthetic.py): deterministic
for a seed, and realistic in the sense that matters for benchmarks — the pipeline cleans its
captures the way it cleans real ones."""
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from wenxian.escape import unescape_line
from wenxian.ingest.pipeline import extract

ROOT = Path(__file__).resolve().parents[1]


def _run(out: Path, n: int, seed: int) -> dict[str, str]:
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_corpus.py"), "--n", str(n), "--seed", str(seed),
                    "--out", str(out)], check=True, capture_output=True)
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.iterdir())}


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path):
    a = _run(tmp_path / "a", 25, 7)
    assert a == _run(tmp_path / "b", 25, 7)
    c = _run(tmp_path / "c", 25, 8)
    assert len(a) == 50 and set(a.values()).isdisjoint(c.values())


def test_refuses_to_write_inside_the_repository():
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_corpus.py"), "--n", "1",
                        "--out", str(ROOT / "synthetic-out")], capture_output=True, text=True)
    assert r.returncode != 0 and "outside the repository" in r.stderr
    assert not (ROOT / "synthetic-out").exists()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("synthetic")
    _run(out, 120, 3)
    caps = []
    for p in sorted(out.glob("*.txt")):
        caps.append((p, json.loads(p.with_suffix(".expected.json").read_text("utf-8"))))
    return caps


def test_mix_of_scripts_encodings_dates_and_sources(corpus):
    exps = [e for _, e in corpus]
    hant = sum(e["script"] == "hant" for e in exps)
    assert 3 <= hant <= 30  # about one in ten
    assert {e["encoding"] for e in exps} == {"utf-8", "gb18030"}
    years = {int(e["date"][:4]) for e in exps}
    assert min(years) >= 2015 and max(years) <= 2025 and len(years) >= 8
    assert len({e["source"] for e in exps}) >= 6
    assert len({e["counties"][0] for e in exps}) >= 60  # places drawn from the whole gazetteer


def test_pipeline_cleans_synthetic_captures_like_real_ones(corpus):
    """Same keep/drop quality bar as the real corpus golden test (≥ 90 %), and the metadata the
    generator wrote is what the pipeline reads back."""
    keep = keep_total = drop = drop_total = meta_ok = county_ok = 0
    for path, exp in corpus:
        art = extract(path.read_bytes(), str(path))
        lines = {unescape_line(l.removeprefix("## ")) for l in art["body"].split("\n")}
        keep += sum(k in lines for k in exp["must_keep"])
        keep_total += len(exp["must_keep"])
        drop += sum(d not in lines for d in exp["must_drop"])
        drop_total += len(exp["must_drop"])
        meta_ok += all(art[k] == exp[k] for k in ("title", "date", "source", "script", "encoding"))
        county_ok += any(exp["counties"][0] in r["path"].split("/") for r in art["region"])
    print(f"synthetic: keep {keep}/{keep_total} drop {drop}/{drop_total} metadata {meta_ok}/{len(corpus)} county {county_ok}/{len(corpus)}")
    assert keep >= 0.9 * keep_total and drop >= 0.9 * drop_total
    assert meta_ok >= 0.95 * len(corpus)
    assert county_ok >= 0.8 * len(corpus)  # the county written into the dateline is recognised
