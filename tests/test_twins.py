"""Script twins: the override dictionary (table-driven, real OpenCC) and escaped Markdown."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from wenxian import datafiles
from wenxian.escape import escape_line, unescape_line
from wenxian.site import twins
from wenxian.site.article_page import mark_masked

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "conversion_overrides.yml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES["s2tw"], ids=lambda c: c["id"])
def test_simplified_to_traditional(case):
    assert twins.convert(case["text"], "hant") == case["hant"]


@pytest.mark.parametrize("case", CASES["s2tw"], ids=lambda c: c["id"])
def test_traditional_back_to_simplified(case):
    assert twins.convert(case["hant"], "hans") == case["text"]


def test_every_override_has_a_case_and_is_needed():
    import opencc

    raw = opencc.OpenCC("s2tw")
    texts = " ".join(c["text"] for c in CASES["s2tw"])
    for phrase, fixed in datafiles.load("conversion_overrides.yml")["s2tw"].items():
        assert phrase in texts, f"override {phrase} has no test case"
        assert raw.convert(phrase) != fixed, f"override {phrase} is no longer needed with this OpenCC"


CJK = "面积范先生被发明展示了如何参与制造中文采访里发后干"
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=CJK + "*<>&[]()#_`\\|~!-1. ", max_size=30))
def test_converting_escaped_text_keeps_it_escaped(text):
    escaped = escape_line(text)
    converted = twins.convert(escaped, "hant")
    assert converted == escape_line(unescape_line(converted))
    assert unescape_line(converted) == twins.convert(text, "hant")


def test_masked_characters_are_marked_and_the_rest_stays_escaped():
    body = escape_line("1. 村民**说[a](b)") + "\n\n## " + escape_line("标题×题")
    out = mark_masked(body, "hans")
    assert out.count('<mark class="wx-masked"') == 2
    assert out.startswith("1\\. 村民<mark") and "\\[a\\]\\(b\\)" in out
    assert mark_masked("没有屏蔽", "hans") == "没有屏蔽"
