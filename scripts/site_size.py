"""Where the bytes and files of a built site go, by kind.

    .venv/bin/python scripts/site_size.py site/            # a table
    .venv/bin/python scripts/site_size.py site/ --json out.json

Bytes are the sum of file sizes (what a host counts against its size limit), not disk blocks;
files are regular files (what a host counts against its file limit). For HTML pages the
"chrome" column is the part of each page outside its `<article>` element: the theme's header,
navigation, footer and inline icons, repeated on every page.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

# (kind, pattern on the site-relative path), first match wins.
KINDS = [
    ("article pages, simplified", r"articles/[0-9a-f]{12}/index\.html"),
    ("article pages, traditional", r"hant/articles/[0-9a-f]{12}/index\.html"),
    ("citation files", r"(hant/)?articles/[0-9a-f]{12}/.+\.(bib|csl\.json)|(hant/)?cite/.*"),
    ("region pages", r"(hant/)?regions/\d{12}/(\d+/)?index\.html"),  # with their later pages (issue 19)
    ("listing pages", r"(hant/)?(regions|topics|sources|timeline|recent|map)/(.+/)?index\.html"),
    ("raw captures", r"raw/.*"),  # the originals of HTML captures; the text is in the article page
    ("search index", r"pagefind/.*|assets/search/.*"),
    ("exports and sitemap", r"data/.*|feed\.xml|sitemap(-\d+)?\.xml(\.gz)?"),
    ("theme and site assets", r"assets/.*|stylesheets/.*|javascripts/.*|.*\.(css|js|svg|png|ico|woff2?)"),
    ("other pages", r".*\.html"),
    ("other", r".*"),
]
_COMPILED = [(k, re.compile(p)) for k, p in KINDS]
_ARTICLE = re.compile(rb'<article class="md-content__inner[^"]*">')


def kind_of(rel: str) -> str:
    for kind, pattern in _COMPILED:
        if pattern.fullmatch(rel):
            return kind
    return "other"


def chrome_bytes(data: bytes) -> int:
    """Bytes of an HTML page outside its <article> element (0 when it has none)."""
    m = _ARTICLE.search(data)
    end = data.rfind(b"</article>")
    if not m or end < m.end():
        return 0
    return len(data) - (end + len(b"</article>") - m.start())


def measure(site: Path) -> dict:
    rows: dict[str, dict] = {k: {"files": 0, "bytes": 0, "chrome": 0} for k, _ in KINDS}
    for dirpath, _, names in os.walk(site):
        for name in names:
            path = Path(dirpath) / name
            if not path.is_file() or path.is_symlink():
                continue
            rel = path.relative_to(site).as_posix()
            row = rows[kind_of(rel)]
            size = path.stat().st_size
            row["files"] += 1
            row["bytes"] += size
            if name.endswith(".html"):
                row["chrome"] += chrome_bytes(path.read_bytes())
    rows = {k: v for k, v in rows.items() if v["files"]}
    total = {"files": sum(r["files"] for r in rows.values()), "bytes": sum(r["bytes"] for r in rows.values()),
             "chrome": sum(r["chrome"] for r in rows.values())}
    return {"kinds": rows, "total": total}


def table(result: dict, articles: int | None = None) -> str:
    lines = ["| kind | files | MB | share | of which chrome (MB) |" + (" KB per article |" if articles else ""),
             "|---|---|---|---|---|" + ("---|" if articles else "")]
    total = result["total"]
    for kind, r in list(result["kinds"].items()) + [("**total**", total)]:
        line = (f"| {kind} | {r['files']:,} | {r['bytes'] / 2**20:,.1f} | {100 * r['bytes'] / max(1, total['bytes']):.0f} % | "
                f"{r['chrome'] / 2**20:,.1f} |")
        if articles:
            line += f" {r['bytes'] / 1024 / articles:,.1f} |"
        lines.append(line)
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site", type=Path)
    ap.add_argument("--articles", type=int, help="number of articles, for a per-article column")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--max-bytes", type=int, help="exit 1 when the site holds more bytes (GitHub Pages: 1 GB)")
    ap.add_argument("--max-files", type=int, help="exit 1 when the site holds more files (Cloudflare Pages free: 20,000)")
    args = ap.parse_args(argv)
    if not args.site.is_dir():
        print(f"site_size: {args.site} is not a folder", file=sys.stderr)
        return 2
    result = measure(args.site)
    print(table(result, args.articles))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", "utf-8")
    over = []
    if args.max_bytes is not None and result["total"]["bytes"] > args.max_bytes:
        over.append(f"{result['total']['bytes']:,} bytes > {args.max_bytes:,}")
    if args.max_files is not None and result["total"]["files"] > args.max_files:
        over.append(f"{result['total']['files']:,} files > {args.max_files:,}")
    if over:
        print("site_size: the site is over the limit: " + "; ".join(over) + " (README, \"Deploying\")", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
