"""The search step: index the articles (wenxian.search.postings) and publish the index.

`index_archive` is the CPU-heavy half, independent of the site: it folds every article's text,
title and metadata once (with the fold table of wenxian.search.fold_cache), orders the articles
by date, computes their grams with numpy and writes the whole index — term and filter chunks, id
lists, facet counts, meta.json — into a fresh folder under <root>/.cache/wenxian/search/. Each
result's fragment (the display fields, gzip) is kept in <root>/.cache/wenxian/search/doc/ and
rewritten only when its display changed (a digest per article in doc.json), so a rebuild after
one edit compresses one fragment, not 20,000.

`publish` is the cheap half: the index folder and the fragments of the current articles are
hard-linked (or copied) into <site>/assets/search/index/, which it replaces whole; the browser's
fold table and the region labels go to <site>/assets/search/ (with search.js without its comment
lines). The article files are the source, not the rendered HTML, so the index does not depend
on the page templates.

`SearchStep` runs the first half in a process forked while MkDocs writes the pages and the
second after them (hooks/search.py); `build_search` runs both in this process.
"""
from __future__ import annotations

import gc
import hashlib
import json
import logging
import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Mapping

from .. import article_loader
from ..errors import WenxianError
from ..files import atomic_write
from ..settings import Settings
from . import assets as search_assets
from . import postings
from . import records as search
from .fold import display_table, fold
from .fold_cache import fold_table

log = logging.getLogger("mkdocs.hooks.search")
# The index of the latest build and the fragments, relative to the project root.
CACHE = Path(".cache") / "wenxian" / "search"
# Where the index is served, relative to the site root.
SITE_INDEX = Path("assets") / "search" / "index"


def checked(articles: list[tuple[str, dict, str]]) -> list[tuple[dict, str]]:
    """(frontmatter, body) of the articles; WenxianError for an article without an id or with
    the id of another."""
    out, seen = [], set()
    for path, meta, body in articles:
        if not meta.get("id"):
            raise WenxianError(str(path), "article has no id")
        if str(meta["id"]) in seen:
            raise WenxianError(str(path), f"article id {meta['id']} is used twice")
        seen.add(str(meta["id"]))
        out.append((meta, body))
    return out


def load_articles(docs_dir: Path, root: Path) -> list[tuple[dict, str]]:
    """The articles under docs_dir, read and parsed through the parsed-article cache."""
    return checked(article_loader.load_dir(docs_dir, root / article_loader.CACHE))


def _write(path: Path, data: bytes) -> None:
    """A file of the index folder (a fresh folder of this build: no reader sees it half written)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _fragments(cache: Path, displays: dict[str, dict]) -> int:
    """Make cache/doc/<id>.bin the fragment of every display, compressing only those whose
    display changed since the build that wrote cache/doc.json (which keeps, per article, the
    digests of its display and of its file: a fragment edited or damaged in the cache is written
    again, never published); the number written."""
    folder = cache / "doc"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        known = json.loads((cache / "doc.json").read_text("utf-8"))
    except (OSError, ValueError):
        known = {}
    digest = lambda data: hashlib.blake2b(data, digest_size=16).hexdigest()  # noqa: E731
    digests, written = {}, 0
    for aid, shown in displays.items():
        key = digest(json.dumps(shown, ensure_ascii=False, sort_keys=True).encode("utf-8"))
        path = folder / f"{aid}.bin"
        old = known.get(aid) if isinstance(known, dict) else None
        try:
            same = isinstance(old, list) and old[0] == key and digest(path.read_bytes()) == old[1]
        except OSError:
            same = False
        if not same:
            data = postings.fragment(shown)
            atomic_write(path, data)
            old, written = [key, digest(data)], written + 1
        digests[aid] = old
    for aid in set(known) - set(digests) if isinstance(known, dict) else ():
        (folder / f"{aid}.bin").unlink(missing_ok=True)
    atomic_write(cache / "doc.json", json.dumps(digests, sort_keys=True))
    return written


def index_archive(articles: list[tuple[dict, str]], root: Path,
                  groups: Mapping[str, tuple[str, int]] | None = None) -> dict:
    """The CPU-heavy half of the search step, independent of the site: fold every article, write
    the index into a fresh folder of the cache and bring the fragments up to date. `groups` is
    {article id: (reprint group id, number of copies)} for the articles that have copies
    (issue 20: wenxian.reprints, computed and cached by the site build); each such result's
    fragment carries them, and the page shows a group once ("N 个版本") unless the reader asks
    for every copy. Returns the plan `publish` needs (picklable)."""
    start = time.perf_counter()
    cache = root / CACHE
    cache.mkdir(parents=True, exist_ok=True)
    texts = [search.article_text(meta, body) for meta, body in articles]
    table, unlisted = fold_table(texts, cache)
    display_map = display_table(table)
    by_id = {str(meta["id"]): n for n, (meta, _) in enumerate(articles)}
    ids = postings.doc_order([(aid, search.sort_date(articles[n][0].get("date"))) for aid, n in by_id.items()])
    present: set[str] = set()  # the folded characters of the archive (texts and metadata)
    keys, filters, displays, dated = [], [], {}, 0
    for aid in ids:
        n = by_id[aid]
        meta, body = articles[n]
        folded = fold(texts[n], table)
        values = [fold(v, table) for v in search.all_meta_values(meta)]
        present.update(folded)
        for v in values:
            present.update(v)
        keys.append((postings.gram_keys([folded, *values]), postings.gram_keys([fold(str(meta.get("title") or ""), table)])))
        filters.append(search.filters(meta))
        displays[aid] = search.display(meta, body, texts[n], table, display_map)
        if groups and aid in groups:
            displays[aid]["group"], displays[aid]["copies"] = str(groups[aid][0]), int(groups[aid][1])
        dated += bool(displays[aid]["date"])
    files = postings.build(ids, keys, filters, dated)
    folder = Path(tempfile.mkdtemp(prefix=".tmp-index-", dir=cache))
    try:
        for rel, data in files.items():
            _write(folder / rel, data)
        written = _fragments(cache, displays)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    labels: dict = {}
    for meta, _ in articles:
        labels.update(search.region_labels(meta.get("region")))
    meta = json.loads(files["meta.json"])
    report = {"articles": len(articles), "chunks": meta["chunks"], "filter_chunks": meta["filterChunks"],
              "fragments_written": written, "index_bytes": sum(len(d) for d in files.values()),
              "seconds": round(time.perf_counter() - start, 2), "unlisted_fold_pairs": ["".join(p) for p in unlisted]}
    return {"report": report, "folder": str(folder), "ids": ids, "fold": search.browser_table(table, display_map, present),
            "labels": labels}


def _link(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dest)
    except OSError:
        shutil.copyfile(src, dest)


def publish(plan: dict, site_dir: Path, root: Path) -> dict:
    """The cheap half: put the index folder and the current fragments into the site (hard links,
    else copies), write the fold table and region labels. Returns the report."""
    cache, folder = root / CACHE, Path(plan["folder"])
    dest = site_dir / SITE_INDEX
    shutil.rmtree(dest, ignore_errors=True)
    shutil.rmtree(site_dir / "pagefind", ignore_errors=True)  # the index of builds before issue 17's
    try:
        for src in folder.rglob("*"):
            if src.is_file():
                _link(src, dest / src.relative_to(folder))
        for aid in plan["ids"]:
            src = cache / "doc" / f"{aid}.bin"
            if not src.is_file():
                raise WenxianError(str(src), "search fragment removed from the cache while this build ran (another "
                                             "build of the same project?); build again")
            _link(src, dest / "doc" / f"{aid}.bin")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    for entry in cache.iterdir():  # scratch folders of builds that were killed
        if entry.name.startswith(".tmp-") and time.time() - entry.stat().st_mtime > 86400:
            shutil.rmtree(entry, ignore_errors=True)
    assets = site_dir / "assets" / "search"
    atomic_write(assets / "fold.txt", plan["fold"].encode("utf-8"))
    atomic_write(assets / "regions.json", json.dumps(plan["labels"], ensure_ascii=False, sort_keys=True).encode("utf-8"))
    script = assets / "search.js"  # copied by MkDocs from docs/: served without its comment lines
    if script.is_file():
        atomic_write(script, search_assets.strip_comment_lines(script.read_text("utf-8")))
    return plan["report"]


def build_search(docs_dir: Path, site_dir: Path, root: Path | None = None,
                 groups: Mapping[str, tuple[str, int]] | None = None) -> dict:
    """Write the search index for the articles under docs_dir into site_dir; return the report
    (articles, chunks, fragments_written, index_bytes, seconds, unlisted_fold_pairs). `root` is
    the project root (the cache lives there)."""
    root = Path(root) if root is not None else Path(docs_dir).parent
    return publish(index_archive(load_articles(Path(docs_dir), root), root, groups), Path(site_dir), root)


def _index_in_child(conn, articles: list[tuple[dict, str]], root: Path, groups) -> None:
    # Stopped by the build (on_build_error, a new serve rebuild): exit through the finally
    # blocks, which remove its scratch folder.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        conn.send(("ok", index_archive(articles, root, groups)))
    except SystemExit:
        raise
    except BaseException as exc:  # handed to the build, which raises it
        try:
            conn.send(("error", exc, traceback.format_exc()))
        except Exception:  # an exception that does not pickle: its text then
            conn.send(("error", WenxianError("search", f"{type(exc).__name__}: {exc}"), traceback.format_exc()))
    finally:
        conn.close()


class SearchStep:
    """The search step of one build beside the page build: `start` forks a process that runs
    index_archive while MkDocs writes the pages (the folding and numpy work use the core that
    page writing leaves idle), `finish` collects its plan and publishes it; `stop` ends it (a
    failed build, a new `mkdocs serve` rebuild). With `search_inline` (or no fork) `finish`
    indexes after the pages instead."""

    def __init__(self):
        self._background: tuple | None = None
        self._articles: list | None = None  # to index in `finish` (inline)
        self._root: Path | None = None
        self._groups = None

    def start(self, articles: list[tuple[str, dict, str]], root: Path, settings: Settings,
              groups: Mapping[str, tuple[str, int]] | None = None) -> None:
        self.stop()
        self._articles, self._root, self._groups = None, root, groups
        if settings.search_inline or "fork" not in multiprocessing.get_all_start_methods():
            self._articles = articles
            return
        ctx = multiprocessing.get_context("fork")
        receive, send = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_index_in_child, args=(send, checked(articles), root, groups), daemon=True)
        gc.freeze()  # the child's collections then leave the parent's objects (and memory pages) alone
        try:
            proc.start()
        finally:
            gc.unfreeze()
        send.close()
        self._background = (proc, receive)

    def _collect(self):
        """The background plan (raising its error), or None when none was started."""
        if self._background is None:
            return None
        proc, receive = self._background
        self._background = None
        try:
            status, value, *detail = receive.recv()
        except EOFError:
            proc.join()
            raise WenxianError("search", f"the search indexing process died (exit code {proc.exitcode})") from None
        proc.join()
        if status == "error":
            log.debug("search: error in the indexing process:\n" + "".join(detail))
            raise value
        return value

    def stop(self) -> None:
        if self._background is not None:
            proc, receive = self._background
            self._background = None
            proc.terminate()
            proc.join()
            receive.close()

    def finish(self, site_dir: Path) -> dict:
        """Publish the plan into site_dir (indexing now if it was not started); the report."""
        start = time.perf_counter()
        plan = self._collect()
        if plan is None:
            plan = index_archive(checked(self._articles or []), self._root, self._groups)
        report = publish(plan, Path(site_dir), self._root)
        if report.get("unlisted_fold_pairs"):
            log.info("search: folded together for the twins of the archive, but not listed in "
                     f"wenxian/data/search_fold.yml (add each with a reason): {' '.join(report['unlisted_fold_pairs'])}")
        log.info(f"search: indexed {report['articles']} articles ({report['chunks']} term chunks, "
                 f"{report['fragments_written']} fragments written) in {report['seconds']} s; published "
                 f"{time.perf_counter() - start:.1f} s after the pages")
        return report
