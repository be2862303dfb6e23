"""Print extraction figures (not a test).

1. Accuracy per field on every annotated text capture (tests/fixtures/corpus, seeds and
   corpus-rendered, corpus-scraped), in-sample and leave-one-outlet-out: for the second, what the extractor
   learns from captures (wenxian.recurring's per-site boilerplate) is learned again without the
   capture's own outlet before it is scored. Every other vocabulary is hand-written data with no
   per-outlet entries, so the two differ only by what is learned. Then "other script": every
   capture converted with OpenCC to the other script (simplified as Taiwan's and as Hong Kong's
   forms, traditional as simplified), its annotation alike (wenxian.dev.evaluation.in_other_script).
2. Speed: ms per 5 KB over the captures, and `wenxian add` of N distinct captures.

    .venv/bin/python scripts/bench_extract.py [--n 1000] [--misses]
"""
import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from wenxian import archive
from wenxian.ingest import clean
from wenxian.ingest import meta
from wenxian.ingest import recurring_lines as recurring
from wenxian.errors import WenxianError
from wenxian.dev.evaluation import FIELDS, OTHER_SCRIPT, Score, in_other_script, score_article
from wenxian.ingest.decode import decode
from wenxian.script import detect_script
from wenxian.ingest.pipeline import extract
from wenxian.ingest.reading_form import reading_form

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "tests" / "fixtures"
parser = argparse.ArgumentParser()
parser.add_argument("--n", type=int, default=1000)
parser.add_argument("--misses", action="store_true")
args = parser.parse_args()

cases = []
for folder in ("corpus", "seeds", "corpus-rendered", "corpus-scraped"):
    for exp_path in sorted((FIX / folder).glob("*.expected.json")):
        cap = exp_path.with_name(exp_path.name.replace(".expected.json", ".txt"))
        src = exp_path.with_name(exp_path.name.replace(".expected.json", ".source.json"))
        exp = json.loads(exp_path.read_text("utf-8"))
        outlet = json.loads(src.read_text("utf-8")).get("outlet") if src.exists() else cap.stem
        cases.append((folder, cap, exp, outlet or cap.stem))


def read_lines(data: bytes) -> list:
    """The capture's lines as the cleaner reads them (reading_form.py)."""
    return [clean.Line(l.number, reading_form(l.text)) for l in clean.split_lines(data.decode("utf-8", "replace"))]


def site_of(data: bytes) -> str | None:
    return meta.find_title(read_lines(data))[1]


datas = {cap: cap.read_bytes() for _f, cap, _e, _o in cases}
sites = {cap: site_of(d) for cap, d in datas.items()}


def learned_without(outlet):
    """recurring.lines_for as it would be if the captures of `outlet` had never been seen."""
    table = recurring.learn((sites[c], [l.text for l in read_lines(datas[c])])
                            for _f, c, _e, o in cases if o != outlet)
    return lambda site: frozenset(table.get(site, ()))


def run(loo: bool) -> dict:
    totals: dict = {}
    for folder, cap, exp, outlet in cases:
        learned = learned_without(outlet) if loo else recurring.lines_for
        try:
            art = extract(datas[cap], str(cap), learned)
        except WenxianError as exc:  # refused (a line over the limits): scores nothing
            print(f"  {cap.stem}: {exc.problem}") if args.misses and not loo else None
            art = {"body": "", "title": None, "date": None, "source": None, "author": [], "script": None}
        s = score_article(art, exp, exp.get("snippets") or "lines")
        totals.setdefault(folder, Score()).add(s)
        totals.setdefault("all", Score()).add(s)
        if args.misses and not loo:
            for kind, what in s.misses:
                print(f"  {cap.stem} {kind}: {what}")
    return totals


def run_other_script() -> dict:
    """In-sample scores of every capture converted to the other script (tests/test_script_swap.py):
    each simplified capture once as Taiwan's and once as Hong Kong's forms, each traditional one
    as simplified, its annotation converted alike."""
    totals: dict = {}
    for folder, cap, exp, _outlet in cases:
        text = decode(datas[cap], str(cap)).text
        for config in OTHER_SCRIPT[exp.get("script") or detect_script(text)]:
            converted, conv_exp = in_other_script(text, exp, config, markup=False)
            try:
                art = extract(converted, str(cap))
            except WenxianError:
                art = {"body": "", "title": None, "date": None, "source": None, "author": [], "script": None}
            s = score_article(art, conv_exp, exp.get("snippets") or "lines")
            totals.setdefault(folder, Score()).add(s)
            totals.setdefault("all", Score()).add(s)
    return totals


print("| set | mode | " + " | ".join(FIELDS) + " |")
print("|---|---|" + "---|" * len(FIELDS))
for mode, totals in (("in-sample", run(False)), ("leave-one-outlet-out", run(True)), ("other script", run_other_script())):
    for name, total in totals.items():
        cells = [f"{total.ratio(f):.3f}" if total.ratio(f) is not None else "–" for f in FIELDS]
        print(f"| {name} | {mode} | " + " | ".join(cells) + " |")

datas_list = [datas[c] for _f, c, _e, _o in cases if len(max(datas[c].split(b"\n"), key=len)) < 50_000]
extract(datas_list[0])  # warm up OpenCC and the pattern caches
times = []
for d in datas_list:
    t = time.perf_counter(); extract(d); times.append((time.perf_counter() - t) * 1000 / (len(d) / 5120))
print(f"\nextract: {len(datas_list)} captures, median {statistics.median(times):.2f} ms per 5 KB, max {max(times):.2f} ms per 5 KB")

with tempfile.TemporaryDirectory() as tmp:
    src = Path(tmp) / "src"; src.mkdir()
    files = []
    for i in range(args.n):
        f = src / f"{i}.txt"
        f.write_bytes(datas_list[i % len(datas_list)] + f"\n第{i}号\n".encode())
        files.append(f)
    root = Path(tmp) / "repo"
    t = time.perf_counter()
    for f in files:
        archive.add(root, f, {})
    dt = time.perf_counter() - t
    print(f"add: {args.n} captures in {dt:.1f} s ({args.n / dt:.0f} articles/s, one process)")
