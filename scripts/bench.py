"""Benchmark of the whole archive at several sizes: ingest, full build, search bytes.

    .venv/bin/python scripts/bench.py                      # N = 1,000, 5,000, 20,000
    .venv/bin/python scripts/bench.py --sizes 200 1000 --json /tmp/bench.json

For each N, in one run and on the same synthetic corpus (scripts/make_corpus.py, seed 1):
- ingest: `wenxian add` of N captures into a fresh copy of the repository, in articles/s, and
  its ratio to a bare OpenCC s2tw pass over the same bytes (decode + convert, nothing else);
- full build: `mkdocs build` with all hooks (twins, indexes, exports, Pagefind): seconds, peak
  RSS of the build and its children, output size; and the ratio to a bare `mkdocs build` of the
  same article pages (both scripts, pre-converted) with the same theme and no hooks;
- rebuild after adding one article (what the per-article cache saves), and the search step alone
  once more after it (`search_reindex_s`: every shard cached, the fixed cost of the step);
- search bytes transferred, measured in headless Chromium: the search page opened without a query
  (`page_load_kb`, everything it loads; its largest resources are printed by URL), its facet menus
  opened (`facets_kb`), a first and a later query, and a query of common pairs that no article
  holds (`no_result_kb`: the worst case of checking candidates against their text, bounded by
  search.js's CHECK); `--site DIR` measures only these, on a site already built (so that one build
  of a large archive serves several measurements);
- reprint grouping (scripts/bench_reprints.py) of an archive of N articles: seconds from nothing
  and after adding one article, peak memory of the process and its workers;
then the growth ratio t(largest)/t(previous) of the full build. Prints a table and writes JSON.
Goals (issue "Scale"): ingest ≥ 300 articles/s, 20k build ≤ 180 s and ≤ 4 GB, growth 20k/5k ≤
4.5, hooks' overhead (full − bare) ≤ 1.5× bare; search ≤ 300 KB first query, ≤ 80 KB later;
(issue 20) grouping 20,000 articles ≤ 15 s and ≤ 500 MB on 2 cores.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import make_corpus  # noqa: E402
from wenxian import article  # noqa: E402
from wenxian.ingest.decode import decode  # noqa: E402
from wenxian.script import to_simplified, to_traditional  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
BIN = Path(sys.executable).parent
QUERIES = ("转移就业", "合作社")
# Four of the commonest pairs of the corpus in an order no article has: every article holding them
# all is a candidate that must be checked against its text.
NO_RESULT = "就业合作转移发展"

def _pss_kb(pid: int, fallback: int) -> int:
    """Proportional set size of a process: forked workers share the parent's pages, which RSS
    would count once per process."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            for line in fh:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return fallback


def _tree_rss_kb(root: int, include_root: bool = True) -> int:
    """Memory of process `root` (unless not include_root) and all its descendants, in KiB (Linux
    /proc): proportional set size where the kernel gives it, else resident set size."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        children.setdefault(int(fields[1]), []).append(pid)  # fields[1]: ppid
        rss[pid] = int(fields[21]) * (os.sysconf("SC_PAGE_SIZE") // 1024)  # fields[21]: rss in pages
    in_tree, todo = set(), [root]
    while todo:
        pid = todo.pop()
        in_tree.add(pid)
        todo += children.get(pid, [])
    for pid in in_tree:
        rss[pid] = _pss_kb(pid, rss[pid]) if pid in rss else 0
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0) if (pid != root or include_root) else 0
        todo += children.get(pid, [])
    return total


# Runs a command and reports its wall time and the peak RSS of the largest process it spawned.
_MEASURE = (
    "import json,resource,subprocess,sys,time;t=time.perf_counter();"
    "r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.PIPE,text=True);"
    "print(json.dumps({'rc':r.returncode,'s':time.perf_counter()-t,"
    "'rss_mb':resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024,'err':r.stderr[-2000:]}))"
)


def measure(cmd: list[str], cwd: Path) -> dict:
    """Run `cmd` (through a small wrapper process); wall seconds, peak RSS of its largest process
    (ru_maxrss) and peak total memory of all its processes at any moment (proportional set size,
    sampled every 0.1 s from /proc: the build, its worker processes and Pagefind together)."""
    import threading

    wrapper = subprocess.Popen([sys.executable, "-c", _MEASURE, *cmd], cwd=cwd, env=ENV, stdout=subprocess.PIPE,
                               text=True)
    peak = [0]
    stop = threading.Event()

    def sample():
        while not stop.wait(0.1):
            if os.path.isdir("/proc"):
                peak[0] = max(peak[0], _tree_rss_kb(wrapper.pid, include_root=False))
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out = wrapper.communicate()[0]
    stop.set()
    sampler.join()
    res = json.loads(out)
    if res["rc"] != 0:
        raise SystemExit(f"bench: {' '.join(cmd)} failed in {cwd}:\n{res['err']}")
    res["tree_rss_mb"] = peak[0] / 1024
    return res


# The search step alone, as the build runs it (with the reprint groups, which its records show:
# without them every shard holding a copy would be indexed again), every shard cached.
_REINDEX = (
    "import sys; from pathlib import Path; from wenxian import article_loader; "
    "from wenxian.reprints import index as ri; from wenxian.search.indexer import build_search; "
    "r = Path(sys.argv[1]); arts = article_loader.load_dir(r / 'docs', r / article_loader.CACHE); "
    "g = ri.article_groups([(str(p), m, b) for p, m, b in arts], r / ri.CACHE); "
    "build_search(r / 'docs', r / 'search-site', r, groups=g)"
)


def copy_repo(dest: Path) -> None:
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.split(b"\0")
    for f in filter(None, files):
        src = ROOT / f.decode()
        if src.is_file():
            (dest / f.decode()).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / f.decode())


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def bare_s2tw(corpus: Path) -> float:
    t = time.perf_counter()
    for p in sorted(corpus.glob("*.txt")):
        to_traditional(decode(p.read_bytes(), str(p)).text)
    return time.perf_counter() - t


def bare_site(repo: Path, dest: Path) -> None:
    """The same article pages in both scripts, pre-converted, with the same theme and no hooks."""
    cfg = (repo / "mkdocs.yml").read_text("utf-8")
    theme = re.search(r"^theme:\n(?:[ #].*\n|\n)*", cfg, re.M)
    docs = dest / "docs"
    (docs / "articles").mkdir(parents=True)
    (docs / "hant" / "articles").mkdir(parents=True)
    (docs / "index.md").write_text("# bare\n", "utf-8")
    for p in (repo / "docs" / "articles").glob("*.md"):
        meta, body, _ = article.parse(p.read_text("utf-8"))
        title = meta.get("title") or meta["id"]
        (docs / "articles" / p.name).write_text(f"# {to_simplified(title)}\n\n{to_simplified(body)}", "utf-8")
        (docs / "hant" / "articles" / p.name).write_text(f"# {to_traditional(title)}\n\n{to_traditional(body)}", "utf-8")
    (dest / "mkdocs.yml").write_text(
        "site_name: bare\nsite_url: http://localhost/\nuse_directory_urls: true\nnav:\n  - index.md\n"
        + re.sub(r"^\s*custom_dir:.*\n", "", theme.group(0) if theme else "theme:\n  name: material\n", flags=re.M)
        + "plugins: []\n", "utf-8")


def search_bytes(site: Path, show: int = 12) -> dict | None:
    """Bytes the browser transfers on the search page: opened without a query (everything it
    loads, the theme included; the `show` largest resources are printed by URL), then its facet
    menus opened; in a fresh browser, a first query, a later one and a no-result one."""
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists() or not (site / "assets" / "search" / "search.js").exists():
        return None  # no browser, or a site without the search page
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    sizes: list[tuple[int, bool, str]] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox"])

            def record(r):
                n = r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]
                sizes.append((n, "/pagefind/" in r.url or "/assets/search/" in r.url, r.url[len(base):]))

            def step(action, ready: str) -> tuple[int, int]:
                """Bytes (all, search files) of what `action` makes the page load until `ready`."""
                sizes.clear()
                action()
                page.wait_for_function(ready, timeout=60000)
                count = -1  # a request's "finished" event may come after the page has used it
                while count != len(sizes):
                    count = len(sizes)
                    page.wait_for_timeout(1500)
                return sum(n for n, _, _ in sizes), sum(n for n, s, _ in sizes if s)

            def query(q: str) -> tuple[int, int]:
                page.fill("#wx-search input[name=q]", q)
                return step(lambda: page.press("#wx-search input[name=q]", "Enter"),
                            "document.querySelector('#wx-search').dataset.state !== 'searching'")
            done = "['done', 'more'].includes(document.querySelector('#wx-search')?.dataset.state)"
            # The page opened without a query (a fresh browser context: nothing cached), then 筛选.
            context = browser.new_context()
            page = context.new_page()
            page.on("requestfinished", record)
            load, load_search = step(lambda: page.goto(f"{base}/search/"), "document.querySelector('#wx-search')?.dataset.ready")
            for n, _, url in sorted(sizes, reverse=True)[:show]:
                print(f"  search page on load: {n / 1024:9.1f} KB  {url}", flush=True)
            facets = step(lambda: page.click(".wx-search__facets > summary"),
                          "document.querySelector('.wx-search__facets')?.dataset.filled")[0]
            context.close()
            page = browser.new_page()
            page.on("requestfinished", record)
            first, first_search = step(lambda: page.goto(f"{base}/search/?q={QUERIES[0]}"), done)
            later, later_search = query(QUERIES[1])
            none = query(NO_RESULT)[0]
            status = page.inner_text(".wx-search__status")
            browser.close()
    finally:
        server.shutdown()
    # page_load_kb and first_query_kb count everything the page loads (theme included);
    # search_load_kb and search_first_kb only the search page's own script, character table and
    # Pagefind files; facets_kb what opening the facet menus adds.
    return {"page_load_kb": round(load / 1024, 1), "search_load_kb": round(load_search / 1024, 1),
            "facets_kb": round(facets / 1024, 1),
            "first_query_kb": round(first / 1024, 1), "search_first_kb": round(first_search / 1024, 1),
            "later_query_kb": round(later / 1024, 1), "later_search_kb": round(later_search / 1024, 1),
            "no_result_kb": round(none / 1024, 1), "no_result_status": status}


def run_size(n: int, work: Path, seed: int, browser: bool) -> dict:
    corpus, repo, bare = work / f"corpus-{n}", work / f"repo-{n}", work / f"bare-{n}"
    make_corpus.write_corpus(corpus, n + 1, seed)
    extra = sorted(corpus.glob("*.txt"))[-1]  # kept back for the one-article rebuild
    extra_tmp = work / extra.name
    extra.rename(extra_tmp)
    copy_repo(repo)
    ingest = measure([str(BIN / "wenxian"), "add", "--root", str(repo), str(corpus)], repo)
    s2tw = bare_s2tw(corpus)
    build = measure([str(BIN / "mkdocs"), "build", "-q"], repo)
    size = dir_size(repo / "site")
    bare_site(repo, bare)
    bare_build = measure([str(BIN / "mkdocs"), "build", "-q"], bare)
    subprocess.run([str(BIN / "wenxian"), "add", "--root", str(repo), str(extra_tmp)], check=True, capture_output=True, env=ENV)
    rebuild = measure([str(BIN / "mkdocs"), "build", "-q"], repo)
    reindex = measure([sys.executable, "-c", _REINDEX, str(repo)], repo)
    shutil.rmtree(repo / "search-site", ignore_errors=True)
    row = {
        "n": n,
        "ingest_s": round(ingest["s"], 2),
        "ingest_per_s": round(n / ingest["s"], 1),
        "ingest_vs_s2tw": round(ingest["s"] / s2tw, 1),
        "build_s": round(build["s"], 2),
        "build_rss_mb": round(build["rss_mb"]),
        "build_tree_rss_mb": round(build["tree_rss_mb"]),
        "site_mb": round(size / 2**20, 1),
        "bare_build_s": round(bare_build["s"], 2),
        "build_vs_bare": round(build["s"] / bare_build["s"], 2),
        # What the hooks add (twins, region and index pages, raw and citation files, exports,
        # search) relative to the bare build of the same article pages.
        "hooks_overhead_vs_bare": round((build["s"] - bare_build["s"]) / bare_build["s"], 2),
        "rebuild_one_s": round(rebuild["s"], 2),
        "search_reindex_s": round(reindex["s"], 2),
        "search_reindex_rss_mb": round(reindex["rss_mb"]),
    }
    # Reprint grouping of an archive of n articles (scripts/bench_reprints.py: its own synthetic
    # archive with known copies; wall seconds from nothing and after adding one article, peak MB).
    from bench_reprints import measure_size
    reprints = measure_size(n)
    row.update({"reprints_group_s": reprints["group_s"], "reprints_add_one_s": reprints["add_one_s"],
                "reprints_tree_mb": reprints["tree_mb"]})
    if browser:
        row.update(search_bytes(repo / "site") or {})
    return row


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", type=Path, default=ROOT / "test-artifacts" / "bench.json")
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folders")
    ap.add_argument("--site", type=Path, help="only measure the search page of this built site")
    args = ap.parse_args(argv)
    if args.site:
        print(json.dumps(search_bytes(args.site), ensure_ascii=False))
        return 0
    work = Path(tempfile.mkdtemp(prefix="wenxian-bench-"))
    rows = []
    try:
        for n in args.sizes:
            rows.append(run_size(n, work, args.seed, not args.no_browser))
            print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    result = {"machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
              "date": time.strftime("%Y-%m-%d"), "rows": rows}
    if len(rows) >= 2:
        result["growth_build"] = round(rows[-1]["build_s"] / rows[-2]["build_s"], 2)
        result["growth_ingest"] = round(rows[-1]["ingest_s"] / rows[-2]["ingest_s"], 2)
    keys = list(rows[0])
    print("\n" + " | ".join(keys))
    for r in rows:
        print(" | ".join(str(r.get(k, "")) for k in keys))
    for k in ("growth_build", "growth_ingest"):
        if k in result:
            print(f"{k} (N={rows[-1]['n']} / N={rows[-2]['n']}): {result[k]}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"written {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
