"""Every annotated fixture read in the other script: what the extractor finds in a capture it
must find in the same capture converted with OpenCC (simplified → Taiwan and Hong Kong forms,
traditional → simplified), its annotation converted alike.

Why: held-out pages come in both scripts, most fixtures are simplified, and a rule or a word
list written from the pages at hand names one script more often than both. Before the reading
form read every character in its simplified form, the converted fixtures lost labels (來源於),
footers (滇ICP備…), widgets (掃一掃, 字號減小) and bylines that their own script kept.

A field may score better converted (a converted annotation can differ from the page at a
phrase's edge), never worse: per capture and per field, hits converted ≥ hits as is.
"""
import json
from pathlib import Path

import pytest

from wenxian.dev.evaluation import FIELDS, OTHER_SCRIPT, in_other_script, score_article
from wenxian.ingest.decode import decode
from wenxian.ingest.pipeline import extract
from wenxian.script import detect_script

from conftest import FIXTURES

SETS = {"corpus": ".txt", "corpus-rendered": ".txt", "corpus-scraped": ".txt", "corpus-html": ".html"}


def _captures(folder: str) -> list[Path]:
    return sorted(p for p in (FIXTURES / folder).glob("*" + SETS[folder]))


def _lost(folder: str) -> list[str]:
    out = []
    for cap in _captures(folder):
        exp = json.loads(cap.with_name(cap.stem + ".expected.json").read_text("utf-8"))
        markup = SETS[folder] == ".html"
        mode = "substring" if markup else (exp.get("snippets") or "lines")
        data = cap.read_bytes()
        as_is = score_article(extract(data, str(cap)), {**exp, "script": None}, mode)
        text = decode(data, str(cap), markup=markup).text
        script = exp.get("script") or detect_script(text)
        for config in OTHER_SCRIPT[script]:
            converted, conv_exp = in_other_script(text, exp, config, markup)
            swapped = score_article(extract(converted, str(cap)), conv_exp, mode)
            out += [f"{folder}/{cap.stem} ({config}) {f}: {swapped.hits[f]} < {as_is.hits[f]}: "
                    f"{[w for k, w in swapped.misses if k == f]}"
                    for f in FIELDS if swapped.hits[f] < as_is.hits[f]]
    return out


@pytest.mark.parametrize("folder", list(SETS))
def test_the_other_script_loses_nothing(folder):
    assert _captures(folder), f"no fixtures in {folder}"
    assert _lost(folder) == []


def test_conversion_changes_the_capture_and_its_annotation():
    """The check above means something: the converted capture and annotation differ from the
    originals wherever the annotation has Chinese text."""
    cap = next(p for p in _captures("corpus") if json.loads(
        p.with_name(p.stem + ".expected.json").read_text("utf-8")).get("script") == "hans")
    exp = json.loads(cap.with_name(cap.stem + ".expected.json").read_text("utf-8"))
    text = decode(cap.read_bytes(), str(cap)).text
    converted, conv_exp = in_other_script(text, exp, "s2tw", markup=False)
    assert converted.decode("utf-8") != text
    assert conv_exp["title"] != exp["title"] and conv_exp["script"] is None
    html, _e = in_other_script('<meta charset="gbk"><p>来源：新华社</p>', {}, "s2hk", markup=True)
    assert html.decode("utf-8") == '<meta charset="utf-8"><p>來源：新華社</p>'
