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
import json
from pathlib import Path

from wenxian.dev.evaluation import FIELDS, Score, score_article
from wenxian.ingest.pipeline import extract


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folders", nargs="+", type=Path, help="folders of NAME.txt + NAME.expected.json")
    parser.add_argument("-v", action="store_true", help="print the titles found without the first line")
    args = parser.parse_args()
    as_is, without, n = Score(), Score(), 0
    for folder in args.folders:
        for exp_path in sorted(folder.glob("*.expected.json")):
            name = exp_path.name[:-len(".expected.json")]
            capture = folder / f"{name}.txt"
            if not capture.exists():
                continue
            text = capture.read_text("utf-8")
            first, _, rest = text.lstrip("\ufeff").partition("\n")
            if not rest.strip():
                continue
            exp = {**json.loads(exp_path.read_text("utf-8")), "script": None}
            # a line of the annotation that was the page-title line is no longer in the capture
            exp["must_keep"] = [k for k in exp.get("must_keep", []) if k.strip() != first.strip()]
            exp["must_drop"] = [k for k in exp.get("must_drop", []) if k.strip() != first.strip()]
            as_is.add(score_article(extract(text.encode("utf-8"), capture.name), exp, "substring"))
            art = extract(rest.encode("utf-8"), capture.name)
            without.add(score_article(art, exp, "substring"))
            n += 1
            if args.v and exp.get("title") and art["title"] != exp["title"]:
                print(f"{folder.name}/{name}: {art['title']!r} (annotated {exp['title']!r})")
    fields = [f for f in FIELDS if as_is.ratio(f) is not None]
    print(f"{n} captures")
    print("| | " + " | ".join(fields) + " |")
    for label, total in (("as saved", as_is), ("without the first line", without)):
        print(f"| {label} | " + " | ".join(f"{total.ratio(f):.3f}" for f in fields) + " |")


if __name__ == "__main__":
    main()
