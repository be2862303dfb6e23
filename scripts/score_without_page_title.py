"""Score the text path on annotated captures without their first line, the page's <title> (not a
test; prints figures).

Why: a scraper that keeps only the body's visible text, or a reader who copies the page with
select-all, leaves out the page-title line, and six of the shared corpus's real captures open
with the page's menu or breadcrumb instead. The extractor then has to find the headline among
the body's lines. Each annotated text capture is scored as it is and without its first line,
against the same annotation (the title, which the page prints as its headline, is still
expected); `-v` lists the titles found instead.

    .venv/bin/python scripts/score_without_page_title.py DIR... [-v]
"""
from __future__ import annotations

import argparse
from pathlib import Path

from wenxian.dev.evaluation import Score, annotated_captures, print_table, score_article
from wenxian.ingest.pipeline import extract


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folders", nargs="+", type=Path, help="folders of NAME.txt + NAME.expected.json")
    parser.add_argument("-v", action="store_true", help="print the titles found without the first line")
    args = parser.parse_args()
    as_is, without, n = Score(), Score(), 0
    for folder, name, text, annotation in annotated_captures(args.folders):
        first, _, rest = text.lstrip("\ufeff").partition("\n")
        if not rest.strip():
            continue
        # a line of the annotation that was the page-title line is no longer in the capture
        exp = {**annotation, "script": None,
               "must_keep": [k for k in annotation.get("must_keep", []) if k.strip() != first.strip()],
               "must_drop": [k for k in annotation.get("must_drop", []) if k.strip() != first.strip()]}
        as_is.add(score_article(extract(text.encode("utf-8"), f"{name}.txt"), exp, "substring"))
        art = extract(rest.encode("utf-8"), f"{name}.txt")
        without.add(score_article(art, exp, "substring"))
        n += 1
        if args.v and exp.get("title") and art["title"] != exp["title"]:
            print(f"{folder}/{name}: {art['title']!r} (annotated {exp['title']!r})")
    print(f"{n} captures")
    print_table([("as saved", as_is), ("without the first line", without)])


if __name__ == "__main__":
    main()
