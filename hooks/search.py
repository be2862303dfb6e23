"""MkDocs hook: after every build (also under `mkdocs serve`) index the articles for search.

Thin I/O around `wenxian.search`: reads docs/articles/*.md, writes one page of our own tokens per
article (see wenxian/search.py) to a scratch folder, runs the pinned Pagefind binary on it,
rewrites the result fragments (wenxian/search_bundle.py), moves the bundle to <site>/pagefind/
and writes the browser's fold table and region labels to <site>/assets/search/. The article files are the
source, not the rendered HTML, so the index does not depend on the page templates.
"""
from __future__ import annotations

import json
import logging
import shutil
import subprocess
from pathlib import Path

from pagefind_bin_extended import get_executable

from wenxian import article, search, search_bundle, search_fold
from wenxian.archive import atomic_write
from wenxian.errors import WenxianError

log = logging.getLogger("mkdocs.hooks.search")


def load_articles(docs_dir: Path) -> list[tuple[dict, str]]:
    out = []
    for md in sorted((docs_dir / "articles").glob("*.md")):
        try:
            meta, body, _ = article.parse(md.read_text("utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise WenxianError(str(md), f"cannot read article for search: {exc}") from exc
        if not meta.get("id"):
            raise WenxianError(str(md), "article has no id")
        out.append((meta, body))
    return out


def _write_index(records: list[dict], work: Path, out_dir: Path) -> None:
    """Write one token page per record under work/ and run the pinned Pagefind binary on it."""
    for rec in records:
        page = work / rec["url"].strip("/") / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(search.index_page(rec), "utf-8")
    proc = subprocess.run([str(get_executable()), "--site", str(work), "--output-path", str(out_dir), "--quiet"],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise WenxianError(str(work), f"pagefind failed: {proc.stdout.strip()} {proc.stderr.strip()}")


def build_search(docs_dir: Path, site_dir: Path) -> int:
    """Write the search bundle for the articles under docs_dir into site_dir; return the count."""
    articles = load_articles(docs_dir)
    texts = [search.article_text(meta, body) for meta, body in articles]
    table = search_fold.fold_table(texts)
    present = {c for text in texts for c in search_fold.fold(text, table)}
    records = [search.record(meta, body, table) for meta, body in articles]
    tmp, work = site_dir / ".pagefind-tmp", site_dir / ".pagefind-pages"
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)
    try:
        _write_index(records, work, tmp)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    displays = {search.url(meta): search.display(meta, body) for meta, body in articles}
    for frag in (tmp / "fragment").glob("*.pf_fragment"):
        data = search_bundle.rewrite_fragment(frag.read_bytes(), displays)
        if data is None:
            raise WenxianError(str(frag), "unexpected Pagefind fragment (not Pagefind 1.5?)")
        frag.write_bytes(data)  # inside the temporary bundle folder, renamed into place below
    final = site_dir / "pagefind"
    shutil.rmtree(final, ignore_errors=True)
    tmp.rename(final)
    labels: dict = {}
    for meta, _ in articles:
        labels.update(search.region_labels(meta.get("region")))
    assets = site_dir / "assets" / "search"
    atomic_write(assets / "fold.txt", search.browser_table(table, present=present).encode("utf-8"))
    atomic_write(assets / "regions.json", json.dumps(labels, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return len(records)


def on_post_build(config, **kwargs):
    n = build_search(Path(config["docs_dir"]), Path(config["site_dir"]))
    log.info(f"search: indexed {n} articles")
