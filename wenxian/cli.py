"""Command line: `wenxian extract PATH [--json]`. Thin I/O around the pure pipeline."""
from __future__ import annotations

import argparse
import json
import sys

from .errors import WenxianError
from .pipeline import extract


def _report(a: dict) -> str:
    out = [f"id:        {a['id']}", f"title:     {a['title']}", f"date:      {a['date']}",
           f"source:    {a['source']}", f"author:    {'、'.join(a['author']) or None}",
           f"script:    {a['script']}   encoding: {a['encoding']}",
           "damage:    " + ", ".join(f"{k}={v}" for k, v in a["quality"].items()), "", "removed:"]
    out += [f"  {r['line']:>4}  [{r['reason']}] {r['text'][:60]}" for r in a["removed"]]
    out += ["", "body:", a["body"]]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="wenxian", description="Archive Chinese-language articles.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="read one capture and print what the pipeline extracts (writes nothing)")
    p.add_argument("path")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
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
