"""Score the extractor on a public annotated set of saved pages that the repository does not hold
(not a test; nothing is downloaded: point it at a folder you have).

The layout is that of the Chinese-Web-Content-Extraction-Dataset (github.com/immortal-autumn,
69 saved pages of news sites, blogs and forums, 2003-2022, annotated by hand):

    DIR/original/<name>.html   the saved page
    DIR/cleaned/<name>.txt     the article's text as the annotator copied it (lines wrapped)
    DIR/date/<name>.txt        'YYYY-M-D H:M:S', or 'UNKNOWN'
    DIR/author/<name>.txt      names separated by spaces, or 'UNKNOWN'

Its outlets are none of the fixtures' (a few pages share a site with a fixture of
tests/fixtures/corpus-html), so it is a held-out look at pages never tuned on. Printed per page
and in total:

- keep: share of the annotated text found in the extracted body, precision: share of the body
  found in the annotated text, both over runs of 12 characters with white space, Markdown
  escapes, heading marks and image markers left out (the annotation wraps lines and drops images);
- date: equal to the annotated day; author: the same set of names (UNKNOWN = none credited).

The annotation has its own conventions, so a miss is a pointer to look, not always an error:
editors (责任编辑) are annotated as authors (wenxian credits writers only), a page's header
date is sometimes taken for the article's, and 7/5/2005 9:23:57 PM (a US clock) is read
day-first.

With --text the pages go through the text path instead, as a scraper would have saved them
(html_page.visible_text, or with --plain the plain renderer of scripts/render_saved_pages.py),
and title, author and source are compared with the saved-page path's reading.

    .venv/bin/python scripts/score_external_set.py DIR [--text [--plain]] [--quiet]
"""
import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from wenxian.ingest.decode import decode  # noqa: E402
from wenxian.ingest.html_page import visible_text  # noqa: E402
from wenxian.ingest.pipeline import extract  # noqa: E402
from render_saved_pages import plain_text  # noqa: E402  (the second scraper, shared with the fixtures)

parser = argparse.ArgumentParser()
parser.add_argument("folder", type=Path)
parser.add_argument("--text", action="store_true", help="through the text path, as a scraper saved the page")
parser.add_argument("--plain", action="store_true", help="with --text: the plain renderer")
parser.add_argument("--quiet", action="store_true", help="totals only")
args = parser.parse_args()

SPACE = re.compile(r"\s+")
RUN = 12


def runs(text: str) -> list[str]:
    flat = SPACE.sub("", text)
    return [flat[i:i + RUN] for i in range(0, max(len(flat) - RUN + 1, 0), RUN)]


def plain_body(markdown: str) -> str:
    """The body's text without Markdown escapes, heading marks and image markers."""
    text = re.sub(r"\\(.)", r"\1", markdown or "")
    return re.sub(r"(?m)^#+ |〔图片〕|〔圖片〕", "", text)


def annotated(folder: Path, kind: str, name: str) -> str:
    return (folder / kind / f"{name}.txt").read_text("utf-8", "replace").strip()


def day(value: str) -> str | None:
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", value)
    return f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}" if m else None


pages = sorted((args.folder / "original").glob("*.html"))
if not pages:
    sys.exit(f"{args.folder}: no original/*.html")
total = {"keep": 0.0, "precision": 0.0, "date": 0, "author": 0, "same_title": 0, "same_author": 0, "same_source": 0}
for page in pages:
    name = page.stem
    data = page.read_bytes()
    art = extract(data, str(page))
    if args.text:
        html = decode(data, str(page), markup=True).text
        text = plain_text(html) if args.plain else visible_text(html)
        as_page, art = art, extract(text.encode("utf-8"), name + ".txt")
        for field in ("title", "author", "source"):
            total[f"same_{field}"] += as_page[field] == art[field]
    body = plain_body(art["body"])
    expected = annotated(args.folder, "cleaned", name)
    want, got = runs(expected), runs(body)
    flat_body, flat_expected = SPACE.sub("", body), SPACE.sub("", expected)
    keep = sum(r in flat_body for r in want) / len(want) if want else 1.0
    precision = sum(r in flat_expected for r in got) / len(got) if got else float(not want)
    exp_day = day(annotated(args.folder, "date", name))
    got_day = str(art["date"])[:10] if art["date"] else None
    exp_authors = annotated(args.folder, "author", name)
    exp_names = set() if exp_authors.upper().startswith("UNKNOWN") else set(exp_authors.split())
    got_names = set(art["author"] or [])
    total["keep"] += keep
    total["precision"] += precision
    total["date"] += exp_day == got_day
    total["author"] += exp_names == got_names
    if not args.quiet:
        print(f"{name[:8]}  keep {keep:.2f}  precision {precision:.2f}  date {got_day} ({exp_day})  "
              f"author {sorted(got_names)} ({sorted(exp_names)})  title {(art['title'] or '')[:30]!r}")
n = len(pages)
line = (f"{n} pages, {'text path' + (' (plain)' if args.plain else '') if args.text else 'saved-page path'}: "
        f"keep {total['keep'] / n:.3f}  precision {total['precision'] / n:.3f}  "
        f"date {total['date']}/{n}  author {total['author']}/{n}")
if args.text:
    line += f"  same as the page path: title {total['same_title']}/{n}, author {total['same_author']}/{n}, source {total['same_source']}/{n}"
print(line)
