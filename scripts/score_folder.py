"""Score the extractor on a folder of annotated captures laid out as the corpora are (not a test;
nothing is downloaded): every NAME.txt (a text capture) or NAME.html / .htm (a saved page) beside a
NAME.expected.json in the corpora's format (tests/fixtures/corpus/README.md). Text captures are
scored with whole-line drops, saved pages with substring drops, as the golden tests score them
(wenxian.dev.evaluation). Prints, per kind, how many captures are fully right and each field's
hits; with --misses, each capture's misses too (only for sets you may read: a held-out set is
scored by its totals alone).

    .venv/bin/python scripts/score_folder.py DIR [--misses]
"""
import argparse
import json
from pathlib import Path

from wenxian.dev.evaluation import FIELDS, Score, score_article
from wenxian.errors import WenxianError
from wenxian.ingest.pipeline import extract

KINDS = {".txt": ("text", "lines"), ".html": ("saved page", "substring"), ".htm": ("saved page", "substring")}

parser = argparse.ArgumentParser()
parser.add_argument("folder", type=Path)
parser.add_argument("--misses", action="store_true", help="print each capture's misses")
args = parser.parse_args()

totals: dict[str, Score] = {}
full: dict[str, int] = {}
count: dict[str, int] = {}
for exp_path in sorted(args.folder.glob("*.expected.json")):
    name = exp_path.name[:-len(".expected.json")]
    capture = next((exp_path.with_name(name + ext) for ext in KINDS if exp_path.with_name(name + ext).exists()), None)
    if capture is None:
        continue
    kind, drop_mode = KINDS[capture.suffix]
    count[kind] = count.get(kind, 0) + 1
    try:
        art = extract(capture.read_bytes(), capture.name).to_dict()
    except WenxianError as exc:
        print(f"{name}: refused: {exc}")
        continue
    score = score_article(art, json.loads(exp_path.read_text("utf-8")), drop_mode)
    totals.setdefault(kind, Score()).add(score)
    full[kind] = full.get(kind, 0) + (not score.misses)
    if args.misses:
        for field, what in score.misses:
            print(f"{name}: {field}: {what}")

for kind, score in totals.items():
    cells = [f"{f} {score.hits[f]}/{score.totals[f]} ({score.ratio(f):.3f})" for f in FIELDS if score.totals[f]]
    print(f"{kind}: {count[kind]} captures, {full[kind]} fully right | " + " | ".join(cells))
