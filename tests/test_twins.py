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


@pytest.mark.parametrize("case", CASES["place_names"], ids=lambda c: c["id"])
def test_place_names_keep_their_characters(case):
    assert twins.place_name(case["text"], "hant") == case["hant"]


def test_every_place_name_character_has_a_case_and_is_needed():
    import opencc

    raw = opencc.OpenCC("s2tw")
    for char, forms in datafiles.load("place_name_chars.yml")["s2tw"].items():
        cases = [c["text"] for c in CASES["place_names"] if char in c["text"]]
        assert cases, f"place-name character {char} has no test case"
        for wrong in forms:
            assert any(wrong in raw.convert(t) for t in cases), f"{char}: OpenCC no longer gives {wrong}"


def test_the_body_twin_writes_the_articles_own_places_as_place_names():
    body = "坎久干村的干部在里面干活，走到坎久干村。"
    out = twins.keep_place_names(twins.convert(body, "hant"), body, ["坎久干村"], "hant")
    assert out == "坎久干村的幹部在裡面幹活，走到坎久干村。"
