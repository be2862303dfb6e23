"""Issue 19: what a reader's trial found wrong or confusing on the site, each as a test of the
page generator (pure functions; the built site is checked in test_site_build.py)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from wenxian import article
from wenxian.site import article_page, build, indexes
from wenxian.site.catalog import Article
from wenxian.site.twins import to_script

REPO = Path(__file__).resolve().parent.parent
SHA = "0" * 64


def meta(aid="0123456789ab", **changes) -> dict:
    m = {"id": aid, "title": "标题", "source": "某报", "source_url": None, "author": ["记者"], "date": "2019-08-30",
         "captured": None, "script": "hans", "encoding": "utf-8", "region": [], "places": [], "tags": [],
         "raw": f"archive/{aid[:2]}/{aid}.txt", "sha256": aid + SHA[12:], "quality": {"masked": 0}}
    m.update(changes)
    return m


def catalog_of(*metas, body="正文。\n"):
    return build.catalog([(f"docs/articles/{m['id']}.md", article.to_markdown(m, body)) for m in metas])


COUNTY = {"path": "新疆维吾尔自治区/伊犁哈萨克自治州/特克斯县", "code": "654027000000", "level": "county"}


def test_region_page_mentioned_list_holds_only_articles_not_about_the_place():
    about = meta("aaaaaaaaaaaa", region=[COUNTY], places=[dict(COUNTY, mentions=2)])
    mention = meta("bbbbbbbbbbbb", places=[dict(COUNTY, mentions=1)])
    cat = catalog_of(about, mention)
    for script in ("hans", "hant"):
        html = indexes.region_page(cat, cat.regions["654027000000"], script)
        about_part, mentioned_part = html.split('id="mentioned"')
        assert "aaaaaaaaaaaa" in about_part and "aaaaaaaaaaaa" not in mentioned_part
        assert "bbbbbbbbbbbb" in mentioned_part
        assert ("1 篇 · 提及 1 篇" if script == "hans" else "1 篇 · 提及 1 篇") in html
    # Only articles about it: no mentioned section at all.
    cat = catalog_of(about)
    assert 'id="mentioned"' not in indexes.region_page(cat, cat.regions["654027000000"], "hans")


def _seed(aid: str) -> Article:
    text = (REPO / "docs" / "articles" / f"{aid}.md").read_text("utf-8")
    return build.catalog([("x.md", text)]).articles[aid]


@pytest.mark.parametrize("aid", ["298e5cea7521", "cbac4aa39606"])
@pytest.mark.parametrize("script", ["hans", "hant"])
def test_missing_numbers_are_marked_in_the_text_as_often_as_counted(aid, script):
    a = _seed(aid)
    shown = article_page.body_markdown(a, script)
    marks = re.findall(r'<mark class="wx-missing" title="([^"]+)">([^<]*)</mark>', shown)
    assert len(marks) == a.meta["quality"]["missing_numbers"]
    assert {t for t, _ in marks} == {"原文此处缺少数字" if script == "hans" else "原文此處缺少數字"}
    # Marks wrap text only: the marked body is the shown body once the marks are removed.
    assert re.sub(r"<mark[^>]*>|</mark>", "", shown) == re.sub(
        r"<mark[^>]*>|</mark>", "", article_page.mark_masked(to_script(a.body, a.script, script), script))


def test_damage_notice_says_where_missing_numbers_are_marked():
    notice = article_page.damage_notice({"masked": 0, "missing_numbers": 5}, "hans")
    assert "5 处数字缺失" in notice and "缺少数字之处在正文中以底色标出" in notice
    assert "繁" not in notice
    assert "缺少數字之處" in article_page.damage_notice({"missing_numbers": 5}, "hant")


def test_missing_number_mark_skips_the_punctuation_before_the_gap():
    spans = article_page.missing_number_spans("第一行。\n他说，年以来收入元。")
    assert spans == {1: [(3, 6), (6, 9)]} or sorted(spans[1]) == [(3, 6), (6, 9)]
