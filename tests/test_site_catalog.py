"""The site catalog: region chains (table-driven), and typed errors that name the file."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from wenxian.errors import WenxianError
from wenxian.site import catalog, urls

CHAINS = yaml.safe_load((Path(__file__).parent / "cases" / "region_chains.yml").read_text("utf-8"))


@pytest.mark.parametrize("case", CHAINS, ids=lambda c: c["id"])
def test_region_chain(case):
    assert [list(t) for t in catalog.region_chain(case["entry"], "x.md")] == case["chain"]


@pytest.mark.parametrize("entry", [
    {"path": "浙江省", "code": "33", "level": "province"},
    {"path": "浙江省", "code": "330000000000", "level": "city"},
    {"path": "a/b/c", "code": "330000000000", "level": "prefecture"},
    "浙江省",
], ids=["short-code", "unknown-level", "too-many-names", "not-a-mapping"])
def test_bad_region_entry_is_a_typed_error_naming_the_file(entry):
    with pytest.raises(WenxianError) as exc:
        catalog.region_chain(entry, "docs/articles/abc.md")
    assert exc.value.path == "docs/articles/abc.md"


def _article(aid, **meta):
    base = {"id": aid, "script": "hans", "raw": "archive/x", "sha256": "0" * 64, "quality": {}}
    return catalog.Article(aid, dict(base, **meta), "", f"docs/articles/{aid}.md")


def test_one_code_with_two_names_is_refused():
    a = _article("a", region=[{"path": "浙江省/杭州市", "code": "330100000000", "level": "prefecture"}])
    b = _article("b", region=[{"path": "浙江省/宁波市", "code": "330100000000", "level": "prefecture"}])
    with pytest.raises(WenxianError, match="330100000000"):
        catalog.build([a, b])


def test_lists_are_newest_first_and_undated_last():
    arts = [_article("old", date="2018-01-02", tags=["x"]), _article("none", tags=["x"]),
            _article("new", date="2020", tags=["x", "x"]), _article("mid", date="2019-05", tags=["x"])]
    cat = catalog.build(arts)
    assert cat.newest == ["new", "mid", "old", "none"]
    assert next(iter(cat.topics.values())).ids == ["new", "mid", "old", "none"]


@pytest.mark.parametrize("src, dst, rel", [
    ("articles/abc/", "regions/65/", "../../regions/65/"),
    ("hant/articles/abc/", "raw/abc.txt", "../../../raw/abc.txt"),
    ("", "hant/", "hant/"),
    ("hant/", "", "../"),
    ("regions/", "regions/", "./"),
])
def test_relative_links(src, dst, rel):
    assert urls.rel(src, dst) == rel


def test_an_id_that_is_not_hex_is_refused_naming_the_file():
    text = "---\nid: ../../evil\nscript: hans\nraw: archive/x\nsha256: " + "0" * 64 + "\nquality: {}\n---\n\n正文\n"
    with pytest.raises(WenxianError) as exc:
        catalog.parse_article("docs/articles/evil.md", text)
    assert exc.value.path == "docs/articles/evil.md" and "'id'" in exc.value.problem
