"""Score the text path on captures cut off after N characters (not a test; prints figures).

Why: many stored copies of pages are excerpts, the text from the page's start cut off after a
few thousand characters (ten of the shared corpus's captures are), so the held-out captures
will hold such excerpts too. Each annotated text fixture longer than N + 200 characters is cut
at N and scored against its annotation restricted to what the cut keeps (must-keep and
must-drop lines wholly inside it; title, source and writers only if they appear in it; a date
only if its year does), beside the whole capture scored against the same restriction, so that
the difference is what the cut costs. A date or source stated only after the cut (a post's
stamp under the text, a 来源 line or footer further down) still counts against the cut when
its year or name appears earlier: read the misses (-v) before calling them errors.

    .venv/bin/python scripts/score_truncated.py N DIR... [-v]
"""
from __future__ import annotations

import argparse
from pathlib import Path

from wenxian.dev.evaluation import FIELDS, Score, annotated_captures, print_table, score_article
from wenxian.ingest.pipeline import extract


def restricted(exp: dict, cut: str) -> dict:
    """The annotation of what `cut` holds."""
    flat = " ".join(cut.split())
    out = dict(exp, script=None)
    out["must_keep"] = [k for k in exp.get("must_keep", []) if " ".join(k.split()) in flat]
    out["must_drop"] = [k for k in exp.get("must_drop", []) if " ".join(k.split()) in flat]
    for field in ("title", "source"):
        if out.get(field) and out[field] not in cut:
            out[field] = None
    if out.get("author") and not all(a in cut for a in out["author"]):
        out["author"] = None
    if out.get("date") and out["date"][:4] not in cut:
        out["date"] = None
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int, help="characters kept from the start of each capture")
    parser.add_argument("folders", nargs="+", type=Path, help="folders of NAME.txt + NAME.expected.json")
    parser.add_argument("-v", action="store_true", help="print what the cut loses, per capture and field")
    args = parser.parse_args()
    whole_total, cut_total, n = Score(), Score(), 0
    for folder, name, text, annotation in annotated_captures(args.folders):
        if len(text) <= args.n + 200:
            continue
        cut = text[:args.n]
        exp = restricted(annotation, cut)
        whole = score_article(extract(text.encode("utf-8"), f"{name}.txt"), exp, "substring")
        part = score_article(extract(cut.encode("utf-8"), f"{name}.txt"), exp, "substring")
        whole_total.add(whole)
        cut_total.add(part)
        n += 1
        if args.v:
            for f in FIELDS:
                if part.hits[f] < whole.hits[f]:
                    print(f"{folder}/{name} {f}: {[w for k, w in part.misses if k == f][:3]}")
    print(f"{n} captures cut at {args.n} characters")
    print_table([("whole", whole_total), ("cut", cut_total)])


if __name__ == "__main__":
    main()
