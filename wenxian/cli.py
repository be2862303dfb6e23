"""Command line: `wenxian extract | add | capture | check | fixture`. Thin I/O around the pure pipeline."""
from __future__ import annotations

import argparse
import datetime
from functools import partial
import json
import os
import re
import sys

from . import tags
from .article import ExtractedArticle  # noqa: F401  (annotations)
from .errors import WenxianError
from .escape import unescape_line
from .ingest import kinds
from .archive import (capture_lines_are_source, capture_text, check, invisible_warnings, leftovers, prepare, prepare_pages, render,
                      sidecar_pages, store, StaleTemps)
from . import procs, schema
from . import value_checks as values
from .ingest.limits import read_capture
from .ingest.pipeline import extract
from pathlib import Path

from .dev import fixture as fixture_mod
from .archive import atomic_write
from .ingest.personal import find_personal_data, grouped
from .ingest.source_urls import UrlError, normalise


def _report(a: "ExtractedArticle") -> str:
    out = [f"id:        {a['id']}", f"title:     {a['title']}", f"date:      {a['date']}",
           f"source:    {a['source']}", f"author:    {'、'.join(a['author']) or None}",
           f"script:    {a['script']}   encoding: {a['encoding']}",
           *([f"page:      {a['source_url']}   captured: {a.get('captured')}"] if "captured" in a else []),
           "damage:    " + ", ".join(f"{k}={v}" for k, v in a["quality"].items()),
           *(["read from: " + ", ".join(f"{k} ← {v}" for k, v in a["metadata_origin"].items())]
             if a.get("metadata_origin") else []),
           *[f"warning:   {w}" for w in a.get("warnings", [])], "", "region:"]
    out += [f"  {r['path']}  ({r['level']} {r['code']})" for r in a["region"]] or ["  (none)"]
    out += ["", "places:"]
    out += [f"  {p['mentions']:>3}x {p['path']}  ({p['level']} {p['code']})" for p in a["places"]] or ["  (none)"]
    out += [""]
    out += tags.report_lines(a["tag_evidence"])
    # a saved page or web archive (read on its HTML: it has metadata_origin) numbers its source lines
    out += ["", "removed:  (line numbers: " + ("lines of the page's HTML source)" if "metadata_origin" in a
                                              else "lines of the capture)")]
    out += [f"  {r['line']:>4}  [{r['reason']}] {r['text'][:60]}" for r in a["removed"]] or ["  (none)"]
    # the body as the reader sees it: the Markdown escapes of the stored article undone (the
    # caller still shows control and invisible characters as escapes)
    out += ["", "body:", "\n".join(unescape_line(l) for l in a["body"].split("\n"))]
    return "\n".join(out)


def _add(args, paths: list[str] | None = None, labels: dict | None = None) -> int:
    """`add` (and `capture`, which hands in the WARCs it wrote as `paths`, named by their URL in
    `labels`)."""
    overrides = {"source_url": args.source_url, "source": args.source, "date": args.date,
                 "captured": args.captured, "note": args.note,
                 # a capture that records no date of its own was captured today (the local date)
                 "captured_default": datetime.date.today().isoformat()}
    if getattr(args, "all", False) and args.source_url is not None:
        print("wenxian: --all adds every page of a web archive, each with its own URL: do not give --url", file=sys.stderr)
        return 2
    for key in ("date", "captured"):
        if overrides[key] is not None and schema.date_problem(overrides[key]):
            _err(f"wenxian: --{key}: {values.shown(overrides[key])} is not a date: YYYY, YYYY-MM or YYYY-MM-DD "
                 f"(a real calendar date, year 1000 or later)")
            return 2
    problem = values.cli_problem(overrides)
    if problem:
        _err(f"wenxian: {problem}")
        return 2
    if args.source_url is not None:
        try:
            url = normalise(args.source_url)
        except UrlError as exc:
            _err(f"wenxian: --url: {exc}")
            return 2
        removed = list(url.dropped) + (["#fragment"] if url.fragment_dropped else [])
        if removed:
            _err(f"wenxian: --url: removed {', '.join(removed)}; stored as {url.url}")
        overrides["source_url"] = url.url
    if paths is None:
        paths, refused = _expand(args.paths)
    else:
        refused = []
    labels = labels or {}
    for problem in refused:
        _err(f"wenxian: {problem}")
    if not paths:
        _err(f"wenxian: no capture to add (give capture files ({', '.join(kinds.SUFFIXES)}) or folders holding them)")
        return 1
    failed = len(refused)
    total = len(paths)
    added: dict[str, str] = {}  # id -> the capture it came from, as shown
    show_progress = total > 50 and sys.stderr.isatty()
    choice = (args.source_url, getattr(args, "all", False))
    temps = StaleTemps()  # each folder's leftovers of a killed earlier add, listed once
    for done, (path, results) in enumerate(_prepared(paths, args.jobs, overrides, choice), 1):
        if show_progress:
            width = 30 * done // total
            print(f"\r[{'#' * width}{'.' * (30 - width)}] {done}/{total}", end="", file=sys.stderr, flush=True)
        name = labels.get(path, path)
        try:
            if isinstance(results, Exception):
                raise results
            stored = []
            for aid, data, rendered, personal, page, warnings, table in results:
                stored.append((*store(Path(args.root), aid, data, rendered, temps), personal, page, warnings, table))
        except WenxianError as exc:
            _err(f"wenxian: {labels[path] + ': ' + exc.problem if path in labels else exc}")
            failed += 1
        except OSError as exc:
            _err(f"wenxian: {name}: {exc.strerror or exc}")
            failed += 1
        else:
            for aid, status, personal, page, warnings, table in stored:
                where = f"{name} [{page}]" if len(stored) > 1 else name
                _out(f"{where}: {status} {aid}" if status == "added" else f"{where}: already in the archive as {aid} (no change)")
                if status == "added":
                    added[aid] = where
                    for w in warnings:
                        _err(f"warning: {where}: {w}")
                    _warn_personal_data(name, personal, capture_lines_are_source(path))
                    for line in _stored_table(table, len(warnings), len(grouped(personal))):
                        _out(line)
    if show_progress:
        print(file=sys.stderr)
    _report_copies(Path(args.root), added)
    if failed:
        _err(f"wenxian: {failed} of {total + len(refused)} file(s) failed")
    return 1 if failed else 0


def _report_copies(root: Path, added: dict[str, str]) -> None:
    """Say which new captures are copies of an archived article (issue 20): kept all the same,
    the site lists them with the other versions of the story."""
    from .reprints import index

    if not added:
        return
    try:
        found = index.archived_copies(root, added)
    except WenxianError:  # an archive article that does not parse is `wenxian check`'s to report
        return
    for c in found:
        _out(f"{added[c.new]}: {c.new} is a copy of the archived article {c.archived} "
             f"({index.relation_words(c.relation)}, {round(100 * c.similarity.containment)}% shared); "
             f"kept, the site lists it with the other versions of the story")


def _out(line: str) -> None:
    """One line of output, every value in it neutralised for the terminal (values.terminal)."""
    print(values.terminal(line))


def _err(line: str) -> None:
    print(values.terminal(line), file=sys.stderr)


def _expand(paths: list[str]) -> tuple[list[str], list[str]]:
    """(files, problems): files as given; a folder stands for the captures in it (every kind of
    wenxian.ingest.kinds, sorted), so a batch of 20,000 need not pass through the shell's argument
    list. In a folder, a link is refused (it could point at a private file outside it), and so
    is an empty folder or an empty name."""
    out, problems = [], []
    for p in paths:
        if p == "":
            problems.append("'': an empty name is not a file")
        elif Path(p).is_dir():
            found = 0
            for f in sorted(Path(p).iterdir()):
                if not kinds.kind_of(f.name):
                    continue
                found += 1
                if f.is_symlink():
                    problems.append(f"{f}: is a link; copy the capture itself into the folder")
                elif f.is_file():
                    out.append(str(f))
                else:
                    problems.append(f"{f}: not a regular file")
            if not found:
                problems.append(f"{p}: no captures ({', '.join(kinds.SUFFIXES)}) in this folder")
        else:
            out.append(p)
    return out, problems


def _prepare_one(overrides: dict, choice: tuple, path: str):
    """Worker: (path, [(id, raw bytes, rendered files, personal-data findings, page URL)], one
    per article: several for `add --all` on a web archive of several pages) or (path, the
    exception). `choice`: (URL of the page to take from a web archive, --all)."""
    page_url, all_pages = choice
    try:
        if all_pages:
            data, arts = prepare_pages(Path(path))
        else:
            data, art = prepare(Path(path), page_url)
            arts = [art]
        pages = {a["id"]: a["source_url"] for a in arts} if len(arts) > 1 else None
        if overrides.get("captured") is None:
            for a in arts:  # (a saving tool's or an archive's record read from the capture: a clock set wrong)
                if a.get("captured") and a["captured"] > overrides["captured_default"]:
                    a["warnings"].append(f"the capture records {a['captured']} as its capture day, after today "
                                         f"({overrides['captured_default']}): check it, or give --captured")
            arts = [a if a.get("captured") else {**a, "captured": overrides.get("captured_default")} for a in arts]
        return path, [(a["id"], data, render(Path(path), a, overrides, pages),
                       find_personal_data(capture_text(data, path, a), page=capture_lines_are_source(path)),
                       a.get("source_url"), a.get("warnings", []), _stored_values(a, overrides))
                      for a in arts]
    except (WenxianError, OSError) as exc:
        return path, exc


def _prepared(paths: list[str], jobs: int | None, overrides: dict, choice: tuple = (None, False)):
    """Prepared captures in input order. Extraction is CPU-bound and pure, so large batches use
    one process per core; writing stays in this process, one capture at a time."""
    work = partial(_prepare_one, overrides, choice)
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(paths) < 4 * jobs:
        yield from map(work, paths)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(jobs, initializer=procs.die_with_parent) as pool:
        yield from pool.map(work, paths, chunksize=16)


def _stored_values(art: dict, overrides: dict) -> dict:
    """What `add` stores for an article, as its frontmatter gets it (command-line values first)."""
    given = {k: v for k, v in overrides.items() if v is not None}
    return {"title": art.get("title"), "date": given.get("date", art.get("date")),
            "source": given.get("source", art.get("source")), "captured": given.get("captured", art.get("captured")),
            "regions": [r["path"].rsplit("/", 1)[-1] for r in art.get("region", [])], "tags": art.get("tags", []),
            "removed": art.get("quality", {}).get("removed_lines", 0)}


def _stored_table(v: dict, warnings: int, personal: int) -> list[str]:
    """The short table `add` prints under each added article: what it stored, to check at a
    glance (each line goes through _out, so values are terminal-safe)."""
    def shown(value, width: int = 60) -> str:
        if value in (None, "", []):
            return "(none)"
        text = "、".join(value) if isinstance(value, list) else str(value)
        return text if len(text) <= width else text[:width - 1] + "…"
    notes = [f"{warnings} extraction warning{'s' if warnings != 1 else ''}"] if warnings else []
    notes += [f"{personal} possible personal data"] if personal else []
    rows = [("title", shown(v["title"])), ("date", shown(v["date"])), ("source", shown(v["source"])),
            ("captured", shown(v["captured"])), ("regions", shown(v["regions"])), ("tags", shown(v["tags"])),
            ("removed", f"{v['removed']} line{'s' if v['removed'] != 1 else ''} (wenxian extract lists them)"),
            ("warnings", "; ".join(notes) + " (above)" if notes else "(none)")]
    return [f"  {k:<9}{value}" for k, value in rows]


def _warn_personal_data(path: str, findings, source_lines: bool = False) -> None:
    """Name what looks like personal data in a capture just added (it is published as is): one
    warning per distinct value, with how often and on which lines it occurs. `source_lines`: the
    numbers are lines of the page's HTML source, as in the removed list of `wenxian extract`."""
    for g in grouped(findings):
        f = g.first
        notes = ([f"{g.count} times: {g.where().split(': ', 1)[1]}"] if g.count > 1 else [])
        if source_lines:
            notes.append("lines of the page's HTML source, as numbered in the removed list of `wenxian extract`")
        _err(f"warning: {path}:{f.line}: looks like personal data ({f.label}): {f.masked}"
             + (f" ({'; '.join(notes)})" if notes else "") + ". The raw capture "
             "is published unchanged; if this belongs to a private person, do not submit it (see CONTRIBUTING.md).")


def _check_targets(root: Path, paths: list[str]) -> tuple[list[Path], list[str]]:
    """(article files, problems): the article files concerned by changed paths:
    docs/articles/<id>.md itself, or the article citing a changed archive/<xx>/<id>.* file
    (pre-commit passes changed files, relative to the repository root). A path that leads
    outside the repository (`..`, a link, an absolute path elsewhere) is a problem, never read."""
    out, problems = [], []
    base = root.resolve()
    for p in paths:
        try:
            rel = (root / p).resolve().relative_to(base)
        except ValueError:
            problems.append(f"{p}: outside the repository {root} (check only reads files inside it)")
            continue
        except OSError as exc:
            problems.append(f"{p}: {exc.strerror or exc}")
            continue
        if rel.parts[:2] == ("docs", "articles") and rel.suffix == ".md":
            md = root / rel
        elif rel.parts[:1] == ("archive",):
            cid = rel.name.split(".")[0]
            ids = [cid] + list(sidecar_pages(root / rel.parent / f"{cid}.json"))  # `add --all`: one per page
            md = [root / "docs" / "articles" / f"{aid}.md" for aid in ids]
        else:
            continue
        for one in md if isinstance(md, list) else [md]:
            if one.is_file() and one not in out:
                out.append(one)
    return out, problems


def _fixture(args) -> int:
    src = Path(args.path)
    try:
        data = read_capture(str(src))
        art = extract(data, str(src), page_url=args.url)
        url = normalise(args.url).url if args.url else None
    except (WenxianError, UrlError) as exc:
        _err(f"wenxian: {exc}")
        return 2
    except OSError as exc:
        _err(f"wenxian: {src}: {exc.strerror or exc}")
        return 2
    dest = Path(args.dest) if args.dest else Path(args.root) / "tests" / "fixtures" / "corpus"
    existing = sorted(p.name for p in dest.glob("*.expected.json")) if dest.is_dir() else []
    stem, suffix = kinds.split(src.name)
    name = args.name or fixture_mod.fixture_name(stem, existing, art["id"])
    suffix = suffix.lower() if kinds.kind_of(src.name) else ".txt"
    targets = [dest / f"{name}{suffix}", dest / f"{name}.expected.json", dest / f"{name}.source.json"]
    clash = [str(t) for t in targets if t.exists()]
    if clash:
        _err(f"wenxian: {clash[0]}: already exists (choose another --name)")
        return 2
    dump = lambda obj: (json.dumps(obj, ensure_ascii=False, indent=1) + "\n").encode("utf-8")  # noqa: E731
    atomic_write(targets[0], data)
    atomic_write(targets[1], dump(fixture_mod.expectations(art)))
    atomic_write(targets[2], dump(fixture_mod.source_record(art, src.name, url)))
    for t in targets:
        _out(str(t))
    print("Now correct the .expected.json where the extraction is wrong, then run "
          ".venv/bin/pytest -q tests/test_corpus_golden.py: it must fail where the bug is.", file=sys.stderr)
    return 0


def _capture(args) -> int:
    """Fetch each URL into a WARC in a temporary folder, then add it as `add` would: nothing is
    written to archive/ or docs/ for a URL that cannot be captured."""
    import tempfile
    import urllib.parse
    from datetime import datetime, timezone

    from .ingest.fetch import fetch
    from .ingest.webarchive import warc_bytes

    failed = 0
    with tempfile.TemporaryDirectory(prefix="wenxian-capture-") as tmp:
        paths, labels = [], {}
        for n, url in enumerate(args.urls):
            try:
                exchanges = fetch(url, args.timeout)
            except WenxianError as exc:
                _err(f"wenxian: {exc}")
                failed += 1
                continue
            stamp = datetime.now(timezone.utc)
            host = re.sub(r"[^A-Za-z0-9.-]+", "-", urllib.parse.urlsplit(exchanges[-1].url).netloc) or "page"
            path = Path(tmp) / str(n) / f"{host}-{stamp:%Y%m%dT%H%M%SZ}.warc.gz"
            path.parent.mkdir()
            path.write_bytes(warc_bytes(exchanges, stamp.strftime("%Y-%m-%dT%H:%M:%SZ")))
            paths.append(str(path))
            labels[str(path)] = url
        if paths:
            add_args = argparse.Namespace(source_url=None, source=args.source, date=args.date, captured=None,
                                          note=args.note, root=args.root, jobs=1, all=False)
            status = _add(add_args, paths, labels)
            if status == 2:  # a bad --date / --source / --note: nothing was added
                return 2
            failed += status
    return 1 if failed else 0


class _Parser(argparse.ArgumentParser):
    """argparse's own errors quote the arguments (a file name `-\\x1b[2J.txt`): neutralised too,
    with a hint for names that start with `-`."""

    def error(self, message: str):
        if "unrecognized arguments" in message or "expected one argument" in message:
            message += " (a file name starting with - goes after --: wenxian add -- -name.txt)"
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {values.terminal(message)}\n")


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="wenxian", description="Archive Chinese-language articles.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="read one capture and print what the pipeline extracts (writes nothing)")
    p.add_argument("path")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--url", help="the page to read from a web archive holding several")
    a = sub.add_parser("add", help="store captures in archive/ and write docs/articles/<id>.md",
                       description="Store each capture byte-exact in archive/ and write docs/articles/<id>.md; "
                                   "then print, per article, a short table of what was stored. Values given "
                                   "here replace the extracted ones.")
    a.add_argument("paths", nargs="+", help="capture files, or folders of captures (" + ", ".join(kinds.SUFFIXES) + ")")
    a.add_argument("--jobs", type=int, default=None, help="worker processes for extraction (default: one per core)")
    a.add_argument("--url", dest="source_url", metavar="URL",
                   help="the page's address (tracking parameters removed, as printed); for a web archive of several pages, the page to add")
    a.add_argument("--all", action="store_true", help="one article per HTML page of a web archive of several pages")
    a.add_argument("--source", metavar="NAME", help="the outlet credited as the article's origin (replaces the extracted source)")
    a.add_argument("--date", metavar="YYYY[-MM[-DD]]",
                   help="publication date as the capture states it, only to the precision it states (replaces the extracted date)")
    a.add_argument("--captured", metavar="YYYY-MM-DD",
                   help="date the capture was made (default: a web archive's record date, else today's local date)")
    a.add_argument("--note", metavar="TEXT", help="a free note kept in the capture's sidecar (archive/<id[:2]>/<id>.json)")
    a.add_argument("--root", default=".", help="repository root (default: current directory)")
    w = sub.add_parser("capture", help="fetch pages into WARC captures and add them (as `add`)")
    w.add_argument("urls", nargs="+", metavar="URL")
    w.add_argument("--timeout", type=float, default=None, help="seconds (default: fetch_timeout_seconds in limits.yml)")
    for opt in ("--source", "--date", "--note"):
        w.add_argument(opt)
    w.add_argument("--root", default=".", help="repository root (default: current directory)")
    c = sub.add_parser("check", help="validate every article and the fixity of archive/")
    c.add_argument("paths", nargs="*", help="only the articles concerned by these changed files (default: all)")
    c.add_argument("--root", default=".")
    f = sub.add_parser("fixture", help="copy a capture into tests/fixtures/corpus/ with expectations pre-filled from extraction")
    f.add_argument("path")
    f.add_argument("--name", help="fixture name (default: next number + the file name)")
    f.add_argument("--url", help="the capture's source URL (normalised like `add --url`)")
    f.add_argument("--dest", help="folder (default: tests/fixtures/corpus under --root)")
    f.add_argument("--root", default=".")
    args = parser.parse_args(argv)
    if args.command == "add":
        return _add(args)
    if args.command == "check":
        root = Path(args.root)
        targets, refused = _check_targets(root, args.paths) if args.paths else (None, [])
        stats: dict = {}
        problems = refused + check(root, targets, stats)
        for p in problems:
            _out(p)
        warnings = [f"{p}: warning: left by an interrupted `wenxian add` (not an article); re-run the add or delete it"
                    for p in leftovers(Path(args.root))] + invisible_warnings(Path(args.root))
        for p in warnings:
            _out(p)
        # one closing line for the reader, on stderr: stdout stays one `path:line: message` per line
        n = stats.get("articles", 0)
        _err(f"wenxian check: {n} article{'s' if n != 1 else ''} checked, {len(problems)} problem"
             f"{'s' if len(problems) != 1 else ''}" + (f", {len(warnings)} warning{'s' if len(warnings) != 1 else ''}"
                                                     if warnings else ""))
        return 1 if problems else 0
    if args.command == "fixture":
        return _fixture(args)
    if args.command == "capture":
        return _capture(args)
    if args.command == "extract":
        try:
            data = read_capture(args.path)
            article = extract(data, args.path, page_url=args.url)
        except WenxianError as exc:
            _err(f"wenxian: {exc}")
            return 2
        except OSError as exc:
            _err(f"wenxian: {args.path}: {exc.strerror or exc}")
            return 2
        # JSON escapes control characters itself; ensure_ascii=False keeps Chinese readable, so
        # invisible and bidi characters are escaped by hand (valid JSON either way).
        print(values.terminal_lines(json.dumps(article.to_dict(), ensure_ascii=False, indent=1), for_json=True) if args.json
              else values.terminal_lines(_report(article)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
