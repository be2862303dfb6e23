"""The search step: index the articles for Pagefind, shard by shard, and publish the bundles.

`index_shards` is the CPU-heavy half, independent of the site: it keys every article by its
frontmatter, body and reprint group and takes its *record digest* (what it puts in its shard's
bundle) from the last build when the key is the same (wenxian.search.record_cache), folding and
displaying only new and changed articles (with the fold table of wenxian.search.fold_cache);
it partitions the articles into date-range shards (wenxian.search.shards), and for each shard
either reuses its finished bundle from <root>/.cache/wenxian/search/<key>/ or builds it: one
page of our own tokens per article (wenxian.search.records) in a scratch folder, the pinned
Pagefind binary over it, the result fragments rewritten (wenxian.search.bundle), the bundle
moved into the cache. Shards are built one after another, so Pagefind's memory is bounded by
the shard size, not the archive's; the next shard's pages are written while Pagefind indexes
the previous one, and the site's pagefind/ folder is put together beside the cache (hard links
to the bundles, `_Stage`) while Pagefind runs.

`publish` is the cheap half: the staged folder is renamed into the site (else the cached
bundles are hard-linked, or copied, there): the newest shard at <site>/pagefind/, the others'
index files at <site>/pagefind/shards/<name>/. The shard list, the browser's fold table and the
facet menus' data (values, counts, region names) go to <site>/assets/search/ (with the ids of
undated articles, and search.js without its comment lines). The article files are the source,
not the rendered HTML, so the index does not depend on the page templates.

`SearchStep` runs the first half in a process forked before MkDocs reads its files (so that
Pagefind runs while the catalog and the pages are made) and the second after the pages
(hooks/search.py); `build_search` runs both in this process.
"""
from __future__ import annotations

import gc
import json
import logging
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from importlib.metadata import version
from pathlib import Path
from typing import Mapping

from pagefind_bin_extended import get_executable

from .. import article_loader
from ..cachefile import package_digest, source_digest
from ..errors import WenxianError
from ..files import atomic_write
from ..settings import Settings
from . import assets as search_assets
from . import bundle as search_bundle
from . import facets as search_facets
from . import record_cache
from . import records as search
from . import shards as search_shards
from .fold import display_table, fold
from .fold_cache import fold_table_keyed

log = logging.getLogger("mkdocs.hooks.search")
# Finished shard bundles, relative to the project root (beside the parsed-article cache).
CACHE = Path(".cache") / "wenxian" / "search"


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


def _pagefind_command(work: Path, out_dir: Path) -> list[str]:
    return [str(get_executable()), "--site", str(work), "--output-path", str(out_dir), "--quiet"]


def _write_pages(records: list[dict], work: Path) -> None:
    """One token page per record under work/ (Pagefind's input)."""
    made: set[Path] = set()
    for rec in records:
        page = work / search.page_file(rec["url"])
        if page.parent not in made:
            page.parent.mkdir(parents=True, exist_ok=True)
            made.add(page.parent)
        page.write_text(search.index_page(rec), "utf-8")


class _Bundle:
    """One shard being indexed: its token pages are written and Pagefind started (`start`), then
    `finish` waits for Pagefind, rewrites the fragments and moves the bundle into the cache. The
    caller starts the next shard's Pagefind before finishing this one and writes the following
    shard's pages meanwhile, so that Python work and Pagefind overlap (one Pagefind at a time)."""

    def __init__(self, records: list[dict], displays: dict[str, dict], cache: Path, key: str):
        self.displays, self.cache, self.key = displays, cache, key
        cache.mkdir(parents=True, exist_ok=True)
        self.tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{key}-", dir=cache))
        self.proc: subprocess.Popen | None = None
        try:
            _write_pages(records, self.tmp / "pages")
        except BaseException:
            shutil.rmtree(self.tmp, ignore_errors=True)
            raise

    def start(self) -> None:
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(_pagefind_command(self.tmp / "pages", self.tmp / "bundle"), stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True)

    def wait(self) -> float:
        """Wait for Pagefind (once); the seconds it ran. Raises when it failed."""
        if hasattr(self, "seconds"):
            return self.seconds
        output = self.proc.communicate()[0]
        self.seconds = round(time.perf_counter() - self.started, 2)
        if self.proc.returncode != 0:
            self.discard()
            raise WenxianError(str(self.tmp / "pages"), f"pagefind failed: {output.strip()}")
        return self.seconds

    def finish(self) -> None:
        try:
            shutil.rmtree(self.tmp / "pages", ignore_errors=True)
            undated = []
            for frag in sorted((self.tmp / "bundle" / "fragment").glob("*.pf_fragment")):
                out = search_bundle.rewrite_fragment_url(frag.read_bytes(), self.displays)
                if out is None:
                    raise WenxianError(str(frag), "unexpected Pagefind fragment (not Pagefind 1.5?)")
                frag.write_bytes(out[0])
                if not self.displays[out[1]]["date"]:
                    undated.append(frag.name[:-len(".pf_fragment")])
            (self.tmp / "bundle" / search_shards.UNDATED_IDS).write_text(" ".join(undated), "utf-8")
            search_shards.write_manifest(self.tmp / "bundle")
            try:
                (self.tmp / "bundle").rename(self.cache / self.key)
            except OSError:  # another build finished the same shard first: same inputs, same bundle
                if not (self.cache / self.key).is_dir():
                    raise
        finally:
            self.discard()

    def discard(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.tmp, ignore_errors=True)


def _finish(bundle: _Bundle, row: dict) -> None:
    try:
        row["seconds"] = bundle.wait()
    except BaseException:  # Pagefind failed, or this process is being stopped
        bundle.discard()
        raise
    log.info(f"search: shard {row['name']}: {row['count']} articles indexed by Pagefind in {row['seconds']} s")
    bundle.finish()


def _usable(bundle: Path) -> bool:
    """A cached bundle exactly as it was written (search_shards.bundle_intact); a missing, damaged
    or edited one is removed, so the shard is indexed again rather than published or failing."""
    if search_shards.bundle_intact(bundle):
        return True
    shutil.rmtree(bundle, ignore_errors=True)
    return False


def _place(bundle: Path, dest: Path, full: bool) -> None:
    """Hard-link (else copy) a cached bundle into the site: all of it, or only its index files.
    (Linked files are never rewritten in the site: publish replaces the pagefind/ folder whole.)
    One mkdir per folder and one link per file: a site's bundles are 22,000 files at 20,000
    articles."""
    if not (bundle / "pagefind-entry.json").is_file():
        raise WenxianError(str(bundle), "search bundle removed from the cache while this build ran (another build "
                                        "pruning it?); the next build indexes the shard again")
    skip = (search_shards.UNDATED_IDS, search_shards.MANIFEST)
    for folder, _, names in os.walk(bundle):
        rel = os.path.relpath(folder, bundle)
        top = rel.split(os.sep)[0]
        wanted = [n for n in names if n not in skip and
                  (full or (top if rel != "." else n) in search_shards.DATA or n.endswith(search_shards.DATA_SUFFIX))]
        if not wanted:
            continue
        out = dest / rel if rel != "." else dest
        out.mkdir(parents=True, exist_ok=True)
        for name in wanted:
            src, target = os.path.join(folder, name), os.path.join(out, name)
            try:
                os.link(src, target)
            except OSError:
                shutil.copyfile(src, target)


def _salt() -> str:
    """What turns a shard's inputs into its bundle, besides search_shards.VERSION: the Pagefind
    version and the source of the modules that write records and fragments."""
    return f"pagefind {version('pagefind_bin_extended')} {source_digest((search, search_bundle, search_shards))}"


def _prune(cache: Path, keep: set[str]) -> None:
    """Drop cached bundles this build did not use (the cache holds the latest build's shards)."""
    for entry in cache.iterdir() if cache.is_dir() else ():
        stale_tmp = entry.name.startswith((".tmp-", ".publish-")) and time.time() - entry.stat().st_mtime > 86400
        if entry.is_dir() and (stale_tmp or (len(entry.name) == 32 and entry.name not in keep)):
            shutil.rmtree(entry, ignore_errors=True)


def _fields(meta: dict, shard: search_shards.Shard) -> dict:
    """The article's record without its tokens, with the hidden filter naming its shard (the
    browser restricts a date-sorted search to one shard with it)."""
    rec = search.fields(meta)
    rec["filters"][search_shards.FILTER] = [shard.name]
    return rec


def _with_group(shown: dict, groups: Mapping[str, tuple[str, int]] | None) -> dict:
    """The display with its reprint group id and number of copies, when it has copies."""
    if groups and shown["id"] in groups:
        shown["group"], shown["copies"] = str(groups[shown["id"]][0]), int(groups[shown["id"]][1])
    return shown


def index_shards(articles: list[tuple[dict, str]], root: Path, shard_max: int | None = None,
                 groups: Mapping[str, tuple[str, int]] | None = None) -> dict:
    """The CPU-heavy half of the search step, independent of the site: read and fold every
    article, partition them into shards and make sure every shard's bundle is in the cache
    (running Pagefind for the missing ones). `groups` is {article id: (reprint group id, number
    of copies)} for the articles that have copies (issue 20: wenxian.reprints, computed by the
    site build); each such result's fragment carries them, and the page lists a story's copies
    once ("N 个版本") unless the reader asks for every copy. Returns the plan `publish` needs
    (picklable)."""
    limit = shard_max or search_shards.SHARD_MAX
    cache, salt = root / CACHE, _salt()
    groups = groups or {}
    texts: dict[int, str] = {}  # n -> article_text, made when needed

    def text(n: int) -> str:
        got = texts.get(n)
        if got is None:
            got = texts[n] = search.article_text(*articles[n])
        return got

    # Each article is keyed by its frontmatter, body and reprint group (record_cache.entry_key).
    entries = [record_cache.entry_key(meta, body, groups.get(str(meta["id"]))) for meta, body in articles]
    table, unlisted = fold_table_keyed([(entry, (lambda n=n: text(n))) for n, entry in enumerate(entries)], cache)
    display_map = display_table(table)
    parts: dict[int, tuple[str, list[str], dict]] = {}  # n -> folded text, folded values, display

    def made(n: int) -> tuple[str, list[str], dict]:
        """An article's folded text and metadata values and its display, made once per build."""
        got = parts.get(n)
        if got is None:
            meta, body = articles[n]
            got = parts[n] = (fold(text(n), table), [fold(v, table) for v in search.all_meta_values(meta)],
                              _with_group(search.display(meta, body, text(n), table, display_map), groups))
        return got

    # Each article's record digest from the last build when it is the same article (record_cache);
    # only new and changed articles are folded here, the others only in a shard indexed again.
    memo = record_cache.RecordCache(cache, f"{salt} {package_digest(('opencc',))} "
                                           f"{record_cache.table_digest(table)}")
    digests: list[str] = []
    present: set[str] = set()  # the folded characters of the archive (texts and metadata)
    for n, ((meta, _), entry) in enumerate(zip(articles, entries)):
        got = memo.get(entry)
        if got is None:
            folded, values, shown = made(n)
            got = (record_cache.record_digest(search.url(meta), folded, values, search.fields(meta), shown),
                   "".join(sorted(set(folded).union(*values))))
            memo.put(entry, *got)
        digests.append(got[0])
        present.update(got[1])
    memo.save()
    by_id = {str(meta["id"]): n for n, (meta, _) in enumerate(articles)}
    shards = search_shards.partition([(aid, search.sort_date(articles[n][0].get("date"))) for aid, n in by_id.items()],
                                     limit)
    report = {"articles": len(articles), "shards": [], "unlisted_fold_pairs": ["".join(p) for p in unlisted]}
    # The site's pagefind/ folder is put together beside the cache while Pagefind runs (hard links
    # to the cached bundles, _Stage): `publish` then moves it into the site with one rename.
    stage = _Stage(cache, shards)
    waiting: list[tuple[search_shards.Shard, str]] = []  # cached bundles not staged yet
    running: tuple[_Bundle, dict, search_shards.Shard] | None = None  # the shard whose Pagefind runs now
    try:
        for shard in shards:
            members = [by_id[aid] for aid in shard.ids]
            key = search_shards.bundle_key(shard.name, [(search.url(articles[n][0]), digests[n]) for n in members], salt)
            row = {"name": shard.name, "count": len(members), "built": not _usable(cache / key), "key": key}
            report["shards"].append(row)
            if not row["built"]:
                waiting.append((shard, key))
                continue
            fields = {n: _fields(articles[n][0], shard) for n in members}
            displays = {fields[n]["url"]: made(n)[2] for n in members}
            records = [{**fields[n], "content": " ".join(search.folded_tokens(*made(n)[:2]))} for n in members]
            bundle = _Bundle(records, displays, cache, key)  # written while the previous shard indexes
            for n in members:  # each article is in one shard: what was made for it is not needed again
                parts.pop(n, None)
                texts.pop(n, None)
            del records, fields
            try:
                if running is not None:
                    running[0].wait()
                bundle.start()
            except BaseException:
                bundle.discard()
                raise
            previous, running = running, (bundle, row, shard)
            if previous is not None:
                _finish(*previous[:2])
                stage.add(previous[2], previous[1]["key"])
            stage.add_all(waiting)  # while Pagefind indexes this shard
        stage.add_all(waiting)  # (while the last one runs)
        if running is not None:
            last, running = running, None
            _finish(*last[:2])
            stage.add(last[2], last[1]["key"])
    except BaseException:
        stage.discard()
        raise
    finally:
        if running is not None:
            running[0].discard()
    return {"report": report, "shards": shards, "fold": search.browser_table(table, display_map, present),
            "facets": search_facets.facets([meta for meta, _ in articles]), "staged": stage.folder()}


class _Stage:
    """The site's pagefind/ folder made in a scratch folder beside the cache, each shard's bundle
    where search_shards.bundle_path puts it (`_place`: hard links, else copies); `publish` renames
    it into the site. When it cannot be made (no space, a bundle gone), it is dropped and `publish`
    places the bundles itself, as before."""

    def __init__(self, cache: Path, shards: list):
        self.shards = shards
        try:
            cache.mkdir(parents=True, exist_ok=True)
            self.tmp: Path | None = Path(tempfile.mkdtemp(prefix=".publish-", dir=cache))
        except OSError:
            self.tmp = None

    def add(self, shard, key: str) -> None:
        if self.tmp is None:
            return
        try:
            _place(self.tmp.parent / key, self.tmp / search_shards.bundle_path(shard, self.shards),
                   shard is search_shards.primary(self.shards))
        except (OSError, WenxianError):
            self.discard()

    def add_all(self, todo: list) -> None:
        """Stage every (shard, key) of `todo` and empty it."""
        for shard, key in todo:
            self.add(shard, key)
        todo.clear()

    def folder(self) -> str | None:
        """The staged folder, or None when it was dropped (or is incomplete)."""
        return str(self.tmp) if self.tmp is not None else None

    def discard(self) -> None:
        if self.tmp is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp = None


def publish(plan: dict, site_dir: Path, root: Path) -> dict:
    """The cheap half: link the cached bundles into the site, write the shard list, fold table and
    facet menus' data, drop cached bundles this build did not use. Returns the report."""
    cache, shards, report = root / CACHE, plan["shards"], plan["report"]
    shutil.rmtree(site_dir / "pagefind", ignore_errors=True)
    staged = Path(plan["staged"]) / "pagefind" if plan.get("staged") else None
    try:
        if staged is None or not staged.is_dir():
            raise OSError("nothing staged")
        site_dir.mkdir(parents=True, exist_ok=True)
        os.rename(staged, site_dir / "pagefind")  # the same file system: one rename
    except OSError:  # another file system, or no staged folder: each bundle placed here
        for shard, row in zip(shards, report["shards"]):
            _place(cache / row["key"], site_dir / search_shards.bundle_path(shard, shards),
                   shard is search_shards.primary(shards))
    finally:
        if plan.get("staged"):
            shutil.rmtree(plan["staged"], ignore_errors=True)
    _prune(cache, {row["key"] for row in report["shards"]})
    assets = site_dir / "assets" / "search"
    atomic_write(assets / "shards.json", search_shards.manifest(shards).encode("utf-8"))
    undated = {shard.name: (cache / row["key"] / search_shards.UNDATED_IDS).read_text("utf-8").split()
               for shard, row in zip(shards, report["shards"])}
    atomic_write(assets / "undated.json", json.dumps(undated, sort_keys=True).encode("utf-8"))
    atomic_write(assets / "fold.txt", plan["fold"].encode("utf-8"))
    atomic_write(assets / "facets.json", json.dumps(plan["facets"], ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    script = assets / "search.js"  # copied by MkDocs from docs/: served without its comment lines
    if script.is_file():
        atomic_write(script, search_assets.strip_comment_lines(script.read_text("utf-8")))
    return report


def build_search(docs_dir: Path, site_dir: Path, root: Path | None = None, shard_max: int | None = None,
                 groups: Mapping[str, tuple[str, int]] | None = None) -> dict:
    """Write the search bundles for the articles under docs_dir into site_dir; return what was
    done: {"articles": n, "shards": [{"name", "count", "key", "built", and when built the
    "seconds" Pagefind took}]}. `root` is the project root (the cache lives there)."""
    root = Path(root) if root is not None else Path(docs_dir).parent
    return publish(index_shards(load_articles(Path(docs_dir), root), root, shard_max, groups), Path(site_dir), root)


def _index_in_child(conn, articles: list[tuple[dict, str]], root: Path, limit: int, groups) -> None:
    # Stopped by the build (on_build_error, a new serve rebuild): exit through the finally
    # blocks, which kill a running Pagefind and remove its scratch folder.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        conn.send(("ok", index_shards(articles, root, limit, groups)))
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
    index_shards while MkDocs writes the pages (Pagefind and the token work use the core that
    page writing leaves idle), `finish` collects its plan and publishes it; `stop` ends it (a
    failed build, a new `mkdocs serve` rebuild). With `search_inline` (or no fork) `finish`
    indexes after the pages instead."""

    def __init__(self):
        self._background: tuple | None = None
        self._articles: list | None = None  # to index in `finish` (inline)
        self._root: Path | None = None
        self._limit: int | None = None
        self._groups = None

    def start(self, articles: list[tuple[str, dict, str]], root: Path, settings: Settings,
              groups: Mapping[str, tuple[str, int]] | None = None) -> None:
        self.stop()
        self._articles, self._root, self._limit, self._groups = None, root, settings.search_shard_max, groups
        if settings.search_inline or "fork" not in multiprocessing.get_all_start_methods():
            self._articles = articles
            return
        ctx = multiprocessing.get_context("fork")
        receive, send = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_index_in_child, args=(send, checked(articles), root, self._limit, groups), daemon=True)
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
            plan = index_shards(checked(self._articles or []), self._root, self._limit, self._groups)
        report = publish(plan, Path(site_dir), self._root)
        if report.get("unlisted_fold_pairs"):
            log.info("search: folded together for the twins of the archive, but not listed in "
                     f"wenxian/data/search_fold.yml (add each with a reason): {' '.join(report['unlisted_fold_pairs'])}")
        built = sum(row["built"] for row in report["shards"])
        log.info(f"search: indexed {report['articles']} articles in {len(report['shards'])} shard(s), "
                 f"{built} built, {len(report['shards']) - built} from the cache ({time.perf_counter() - start:.1f} s "
                 "after the pages)")
        return report
