#!/usr/bin/env python3
"""Job summary for a pull request: each new article with what was extracted.

Usage: pr_summary.py BASE [--root DIR]   (BASE: the base commit or ref, e.g. the PR's base sha)
Writes Markdown to $GITHUB_STEP_SUMMARY when set (appending, as GitHub expects), else stdout.
Thin I/O: git diff for the file list, then the package (article.parse, pipeline.extract,
personal.find_personal_data, summary.summary_markdown).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from wenxian import archive, article
from wenxian.dev import pr_summary as summary
from wenxian.errors import WenxianError
from wenxian.ingest.personal import find_personal_data
from wenxian.ingest.pipeline import extract
from wenxian.reprints import index


def changed_articles(root: Path, base: str, status: str) -> list[str]:
    out = subprocess.run(["git", "diff", "--name-only", f"--diff-filter={status}", f"{base}...HEAD", "--",
                          "docs/articles/"], cwd=root, capture_output=True, text=True, check=True).stdout
    return sorted(p for p in out.splitlines() if p.endswith(".md"))


def describe(root: Path, rel: str) -> dict:
    meta, _, _ = article.parse((root / rel).read_text("utf-8"))
    entry = {"path": rel, "meta": meta, "extracted": None, "personal": []}
    raw = meta.get("raw")
    if isinstance(raw, str) and raw.startswith("archive/") and (root / raw).is_file():
        data = (root / raw).read_bytes()
        try:
            entry["extracted"] = extract(data, raw, page_url=archive.page_of(root, raw, meta.get("id")))
            entry["personal"] = find_personal_data(archive.capture_text(data, raw, entry["extracted"]),
                                                   page=archive.capture_lines_are_source(raw))
        except WenxianError:
            pass  # `wenxian check` and the tests report unreadable captures
    return entry


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base")
    parser.add_argument("--root", default=".")
    args = parser.parse_args(argv)
    root = Path(args.root)
    new = changed_articles(root, args.base, "A")
    entries = []
    for rel in new:
        try:
            entries.append(describe(root, rel))
        except (ValueError, UnicodeDecodeError) as exc:
            entries.append({"path": rel, "meta": {"id": Path(rel).stem, "title": f"(unreadable: {exc})"}})
    problems = archive.check(root, [root / rel for rel in new]) if new else []
    try:  # new articles that are copies of archived ones (issue 20)
        copies = index.archived_copies(root, [e["meta"].get("id") for e in entries if e.get("extracted") is not None])
    except WenxianError:
        copies = []
    text = summary.summary_markdown(entries, changed_articles(root, args.base, "M"), problems, copies)
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
