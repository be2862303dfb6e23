"""Every annotated text fixture in another scraper's layout: with no blank line anywhere, and with
a blank line between every two lines of text. What the extractor finds in a capture it must find
in both layouts, and the removal report must still name the capture's own lines.

Why: scrapers differ in how they separate blocks (one per line, or a blank line between them),
and rules that measure nearness ("the line after the date", "within 8 lines of the headline")
in raw line numbers read a capture with blank lines between its blocks as one whose lines stand
twice as far apart. Before the pipeline counted nearness in lines of text, two captures lost
their source in the blank-line layout (a 'date / outlet' pair printed on consecutive lines, a
labelled credit under the headline).
"""
import json
from pathlib import Path

import pytest

from wenxian.dev.evaluation import FIELDS, score_article
from wenxian.ingest.decode import decode
from wenxian.ingest.pipeline import extract

from conftest import FIXTURES

SETS = ("corpus", "corpus-rendered", "corpus-scraped")
LAYOUTS = {
    "no blank lines": lambda lines: "\n".join(l for l in lines if l.strip()),
    "a blank line between lines": lambda lines: "\n\n".join(l for l in lines if l.strip()),
}


def _captures(folder: str) -> list[Path]:
    return sorted((FIXTURES / folder).glob("*.txt"))


@pytest.mark.parametrize("folder", SETS)
def test_the_layout_of_blank_lines_changes_nothing(folder):
    assert _captures(folder), f"no fixtures in {folder}"
    lost = []
    for cap in _captures(folder):
        exp = {**json.loads(cap.with_name(cap.stem + ".expected.json").read_text("utf-8")), "script": None}
        mode = exp.get("snippets") or "lines"
        data = cap.read_bytes()
        as_is = score_article(extract(data, str(cap)), exp, mode)
        lines = decode(data, str(cap)).text.split("\n")
        for layout, render in LAYOUTS.items():
            text = render(lines)
            art = extract(text.encode("utf-8"), str(cap))
            got = score_article(art, exp, mode)
            lost += [f"{folder}/{cap.stem} ({layout}) {f}: {[w for k, w in got.misses if k == f]}"
                     for f in FIELDS if got.hits[f] < as_is.hits[f]]
            numbered = text.split("\n")
            lost += [f"{folder}/{cap.stem} ({layout}) removed line {r['line']} is not {r['text'][:20]!r}"
                     for r in art["removed"] if r["text"] not in numbered[r["line"] - 1]]
    assert lost == []
