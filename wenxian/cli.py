"""Command line: `wenxian extract | add | check`. Thin I/O around the pure pipeline."""
from __future__ import annotations

import argparse
import json
import sys

from . import tags
from .errors import WenxianError
from .archive import add, check, invisible_warnings, leftovers
from .article import DATE
from . import values
from .pipeline import extract
from pathlib import Path


def _report(a: dict) -> str:
    out = [f"id:        {a['id']}", f"title:     {a['title']}", f"date:      {a['date']}",
           f"source:    {a['source']}", f"author:    {'、'.join(a['author']) or None}",
           f"script:    {a['script']}   encoding: {a['encoding']}",
           "damage:    " + ", ".join(f"{k}={v}" for k, v in a["quality"].items()), "", "region:"]
    out += [f"  {r['path']}  ({r['level']} {r['code']})" for r in a["region"]] or ["  (none)"]
    out += ["", "places:"]
    out += [f"  {p['mentions']:>3}x {p['path']}  ({p['level']} {p['code']})" for p in a["places"]] or ["  (none)"]
    out += [""]
    out += tags.report_lines(a["tag_evidence"])
    out += ["", "removed:"]
    out += [f"  {r['line']:>4}  [{r['reason']}] {r['text'][:60]}" for r in a["removed"]]
    out += ["", "body:", a["body"]]
    return "\n".join(out)


def _add(args) -> int:
    overrides = {"source_url": args.source_url, "source": args.source, "date": args.date,
                 "captured": args.captured, "note": args.note}
    for key in ("date", "captured"):
        if overrides[key] is not None and not DATE.match(overrides[key]):
            print(f"wenxian: --{key}: '{overrides[key]}' is not YYYY, YYYY-MM or YYYY-MM-DD", file=sys.stderr)
            return 2
    problem = values.cli_problem(overrides)
    if problem:
        print(f"wenxian: {problem}", file=sys.stderr)
        return 2
    failed = 0
    total = len(args.paths)
    show_progress = total > 50 and sys.stderr.isatty()
    for done, path in enumerate(args.paths, 1):
        if show_progress:
            width = 30 * done // total
            print(f"\r[{'#' * width}{'.' * (30 - width)}] {done}/{total}", end="", file=sys.stderr, flush=True)
        try:
            aid, status = add(Path(args.root), Path(path), overrides)
        except WenxianError as exc:
            print(f"wenxian: {exc}", file=sys.stderr)
            failed += 1
        except OSError as exc:
            print(f"wenxian: {path}: {exc.strerror}", file=sys.stderr)
            failed += 1
        else:
            print(f"{path}: {status} {aid}" if status == "added" else f"{path}: already in the archive as {aid} (no change)")
    if show_progress:
        print(file=sys.stderr)
    if failed:
        print(f"wenxian: {failed} of {total} file(s) failed", file=sys.stderr)
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="wenxian", description="Archive Chinese-language articles.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="read one capture and print what the pipeline extracts (writes nothing)")
    p.add_argument("path")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    a = sub.add_parser("add", help="store captures in archive/ and write docs/articles/<id>.md")
    a.add_argument("paths", nargs="+")
    a.add_argument("--url", dest="source_url")
    a.add_argument("--source")
    a.add_argument("--date")
    a.add_argument("--captured")
    a.add_argument("--note")
    a.add_argument("--root", default=".", help="repository root (default: current directory)")
    c = sub.add_parser("check", help="validate every article and the fixity of archive/")
    c.add_argument("--root", default=".")
    args = parser.parse_args(argv)
    if args.command == "add":
        return _add(args)
    if args.command == "check":
        problems = check(Path(args.root))
        for p in problems:
            print(p)
        for p in leftovers(Path(args.root)):
            print(f"{p}: warning: left by an interrupted `wenxian add` (not an article); re-run the add or delete it")
        for p in invisible_warnings(Path(args.root)):
            print(p)
        return 1 if problems else 0
    if args.command == "extract":
        try:
            with open(args.path, "rb") as fh:
                data = fh.read()
            article = extract(data, args.path)
        except WenxianError as exc:
            print(f"wenxian: {exc}", file=sys.stderr)
            return 2
        except OSError as exc:
            print(f"wenxian: {args.path}: {exc.strerror}", file=sys.stderr)
            return 2
        print(json.dumps(article, ensure_ascii=False, indent=1) if args.json else _report(article))
    return 0


if __name__ == "__main__":
    sys.exit(main())
