"""The benchmark harness (scripts/bench.py) runs end to end at a tiny size: synthetic corpus,
ingest into a copy of the repository, full and bare builds, one-article rebuild, search bytes in
Chromium. The figures themselves are benchmarks, reported, not asserted."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bench_runs_end_to_end_at_a_tiny_size(tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench.py"), "--sizes", "4", "8", "--json", str(out)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(out.read_text("utf-8"))
    assert [r["n"] for r in result["rows"]] == [4, 8]
    for row in result["rows"]:
        for key in ("ingest_per_s", "ingest_vs_s2tw", "build_s", "build_rss_mb", "site_mb", "bare_build_s",
                    "build_vs_bare", "rebuild_one_s", "build_tree_rss_mb", "reprints_group_s", "reprints_tree_mb"):
            assert row[key] > 0, key
        if (ROOT / "docs" / "assets" / "search" / "search.js").exists():
            assert row["first_query_kb"] > 0 and row["later_query_kb"] >= 0
            assert row["page_load_kb"] >= row["search_load_kb"] > 0 and row["facets_kb"] > 0
            assert "search page on load:" in done.stdout  # its largest resources, by URL
    for row in result["rows"]:
        assert abs(row["hooks_overhead_vs_bare"] - (row["build_vs_bare"] - 1)) <= 0.011  # both rounded
    assert result["growth_build"] > 0 and "cores" in result["machine"]
    assert "build_vs_bare" in done.stdout  # the printed table
