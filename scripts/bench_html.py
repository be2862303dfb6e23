"""Print per-field accuracy and pages/s on the annotated saved pages (not a test), for wenxian,
trafilatura (`bare_extraction` with metadata) and GNE side by side.

    .venv/bin/python scripts/bench_html.py [--misses] [--only wenxian] [--other-script] [FOLDER]

With --other-script, a last row scores wenxian on every saved page converted to the other script
(simplified pages as Taiwan's and as Hong Kong's forms, traditional ones as simplified: each
simplified page counts twice), its annotation converted alike (wenxian.dev.evaluation.in_other_script).

Scoring rules: wenxian.evaluation (snippets as substrings of the cleaned body). pages/s is the
steady rate: each extractor first runs once, untimed, on the first page (loading its
vocabularies and caches, ≈ 1 s for wenxian's gazetteer and OpenCC). The pages are
decoded for trafilatura and GNE with wenxian's own decoder so that all three see the same text.
"""
import argparse
import json
import re
import time
from pathlib import Path

from wenxian.dev.evaluation import FIELDS, OTHER_SCRIPT, Score, score, body_lines, in_other_script
from wenxian.ingest.pipeline import extract
from wenxian.ingest.decode import decode
from wenxian.script import detect_script

ROOT = Path(__file__).resolve().parents[1]
parser = argparse.ArgumentParser()
parser.add_argument("folder", nargs="?", default=str(ROOT / "tests" / "fixtures" / "corpus-html"))
parser.add_argument("--misses", action="store_true", help="print each miss")
parser.add_argument("--only", choices=["wenxian", "trafilatura", "gne"], action="append")
parser.add_argument("--other-script", action="store_true",
                    help="also score wenxian on every page converted to the other script (OpenCC), its annotation alike")
args = parser.parse_args()

pages = sorted(p for p in Path(args.folder).iterdir() if p.suffix in (".html", ".htm", ".mhtml", ".warc", ".gz", ".wacz"))


def run_wenxian(data: bytes, path: str):
    art = extract(data, path)
    return art, body_lines(art["body"])


def _date(value):
    m = re.search(r"(\d{4})-(\d\d)-(\d\d)", str(value or ""))
    return m.group(0) if m else None


def run_trafilatura(data: bytes, path: str):
    import trafilatura
    doc = trafilatura.bare_extraction(decode(data, path, markup=True).text, with_metadata=True, include_comments=False)
    d = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    author = [a.strip() for a in re.split(r"[;,，、]", d.get("author") or "") if a.strip()]
    vals = {"title": d.get("title"), "date": _date(d.get("date")), "source": d.get("sitename"), "author": author}
    return vals, (d.get("text") or "").splitlines()


def run_gne(data: bytes, path: str):
    from gne import GeneralNewsExtractor
    d = GeneralNewsExtractor().extract(decode(data, path, markup=True).text)
    author = [d["author"]] if d.get("author") else []
    vals = {"title": d.get("title"), "date": _date(d.get("publish_time")), "author": author}
    return vals, (d.get("content") or "").splitlines()


RUNNERS = {"wenxian": run_wenxian, "trafilatura": run_trafilatura, "gne": run_gne}
rows = []
for name in args.only or list(RUNNERS):
    total, seconds = Score(), 0.0
    try:  # one untimed run first: loading vocabularies, models and caches is paid once per process
        RUNNERS[name](pages[0].read_bytes(), str(pages[0]))
    except Exception:
        pass
    for page in pages:
        exp = json.loads(page.with_name(page.name.split(".")[0] + ".expected.json").read_text("utf-8"))
        data = page.read_bytes()
        t = time.perf_counter()
        try:
            vals, lines = RUNNERS[name](data, str(page))
        except Exception as exc:  # a crash counts as producing nothing
            vals, lines = {}, []
            print(f"{name}: {page.name}: {type(exc).__name__}: {exc}")
        seconds += time.perf_counter() - t
        if name == "gne":
            exp = {k: v for k, v in exp.items() if k not in ("source",)}  # GNE has no source field
        if name != "wenxian":
            exp = {k: v for k, v in exp.items() if k != "script"}
        s = score(vals, lines, exp, drop_mode="substring")
        total.add(s)
        if args.misses:
            for kind, what in s.misses:
                print(f"  {name} {page.stem} {kind}: {what}")
    rows.append((name, total, len(pages) / seconds))

print(f"\n{len(pages)} pages in {args.folder}")
print("| extractor | " + " | ".join(FIELDS) + " | pages/s |")
print("|---|" + "---|" * (len(FIELDS) + 1))
for name, total, rate in rows:
    cells = [f"{total.ratio(f):.3f}" if total.ratio(f) is not None else "–" for f in FIELDS]
    print(f"| {name} | " + " | ".join(cells) + f" | {rate:.1f} |")

if args.other_script:
    total = Score()
    for page in pages:
        if page.suffix not in (".html", ".htm"):
            continue  # (a web archive's page is converted by no single text substitution)
        exp = json.loads(page.with_name(page.name.split(".")[0] + ".expected.json").read_text("utf-8"))
        text = decode(page.read_bytes(), str(page), markup=True).text
        for config in OTHER_SCRIPT[exp.get("script") or detect_script(text)]:
            converted, conv_exp = in_other_script(text, exp, config, markup=True)
            vals, lines = run_wenxian(converted, str(page))
            total.add(score(vals, lines, conv_exp, drop_mode="substring"))
    cells = [f"{total.ratio(f):.3f}" if total.ratio(f) is not None else "–" for f in FIELDS]
    print("| wenxian, other script | " + " | ".join(cells) + " | – |")
