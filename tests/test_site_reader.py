"""Issue 19: what a reader's trial found wrong or confusing on the site, each as a test of the
page generator (pure functions; the built site is checked in test_site_build.py)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from wenxian import article
from wenxian.site import article_page, build, indexes
from wenxian.site.catalog import Article
from wenxian.site.twins import keep_place_names, to_script

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
    twin = to_script(a.body, a.script, script)
    if script != a.script:
        twin = keep_place_names(twin, a.body, article_page.place_names(a), script)
    assert re.sub(r"<mark[^>]*>|</mark>", "", shown) == re.sub(
        r"<mark[^>]*>|</mark>", "", article_page.mark_masked(twin, script))


def test_damage_notice_says_where_missing_numbers_are_marked():
    notice = article_page.damage_notice({"masked": 0, "missing_numbers": 5}, "hans")
    assert "5 处数字缺失" in notice and "缺少数字之处在正文中以底色标出" in notice
    assert "繁" not in notice
    assert "缺少數字之處" in article_page.damage_notice({"missing_numbers": 5}, "hant")


def test_missing_number_mark_skips_the_punctuation_before_the_gap():
    spans = article_page.missing_number_spans("第一行。\n他说，年以来收入元。")
    assert spans == {1: [(3, 6), (6, 9)]} or sorted(spans[1]) == [(3, 6), (6, 9)]


def _feed_entries(xml: str):
    import xml.etree.ElementTree as ET
    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.fromstring(xml)
    return root, [(e.find("a:id", ns).text.rstrip("/").rsplit("/", 1)[1], e.find("a:updated", ns).text)
                  for e in root.findall("a:entry", ns)]


def test_feed_is_ordered_and_dated_by_when_articles_were_added_never_1970():
    from wenxian.site import exports
    old_added_today = meta("aaaaaaaaaaaa", date="2001-05-01", captured="2026-11-23")
    new_added_long_ago = meta("bbbbbbbbbbbb", date="2025-01-01", captured="2025-02-01")
    undated_uncaptured = meta("cccccccccccc", date=None, captured=None)
    only_published = meta("dddddddddddd", date="2024-03", captured=None)
    cat = catalog_of(new_added_long_ago, old_added_today, undated_uncaptured, only_published)
    xml = exports.atom(cat, "https://x.example/", "文献")
    root, entries = _feed_entries(xml)
    assert entries == [("aaaaaaaaaaaa", "2026-11-23T00:00:00Z"), ("bbbbbbbbbbbb", "2025-02-01T00:00:00Z"),
                       ("dddddddddddd", "2024-03-01T00:00:00Z")]
    assert "1970" not in xml and "<published>2001-05-01T00:00:00Z</published>" in xml.replace("ns0:", "")
    assert root.find("{http://www.w3.org/2005/Atom}updated").text == "2026-11-23T00:00:00Z"
    # /recent/ has the same order and shows the date it is ordered by.
    recent = indexes.recent(cat, "hans")["recent/index.md"] if "recent/index.md" in indexes.recent(cat, "hans") \
        else next(iter(indexes.recent(cat, "hans").values()))
    assert [m for m in re.findall(r'href="\.\./articles/([0-9a-f]{12})/"', recent)][:3] == \
        ["aaaaaaaaaaaa", "bbbbbbbbbbbb", "dddddddddddd"]
    assert "采集 2026-11-23 · 发表 2001-05-01" in recent


def test_every_page_links_the_feed():
    html = (REPO / "overrides" / "main.html").read_text("utf-8")
    assert '<link rel="alternate" type="application/atom+xml"' in html and "'feed.xml' | url" in html


def test_untitled_article_gets_a_devised_title_everywhere_but_title_stays_empty():
    from wenxian.site import citation, exports, markup
    import json
    body = "近日，自治区党委召开会议，研究部署脱贫攻坚工作。\n"
    m = meta("eeeeeeeeeeee", title=None)
    cat = catalog_of(m, body=body)
    devised = "[近日，自治区党委召开会议，研究部…]"
    assert markup.title_in(cat, "eeeeeeeeeeee", "hans") == devised
    assert devised in markup.article_list(cat, ["eeeeeeeeeeee"], "topics/x/", "hans")
    assert f"title = {{{devised}}}" in citation.bibtex(m, "https://x.example/a/", body)
    assert json.loads(citation.csl_json(m, "https://x.example/a/", body))[0]["title"] == devised
    assert devised in citation.gbt7714(m, "https://x.example/a/", body)
    assert devised in exports.atom(cat, "https://x.example/", "文献")
    assert json.loads(exports.jsonl(cat, "https://x.example/"))["title"] is None  # never written into title
    from wenxian.search import records
    assert records.display(m, body)["title"] == devised
    assert "无标题" not in markup.title_in(cat, "eeeeeeeeeeee", "hant")


PERMA = "https://archive.example.net/articles/0123456789ab/"
ORIGINAL = "https://www.news.example.cn/2019/a_b%E4%B8%AD.html?x=1&y=~z#p"


def test_citation_with_an_original_url_cites_it_with_its_access_date_and_the_archived_copy():
    from wenxian.site import citation
    import json
    m = meta(source="农民日报", source_url=ORIGINAL, captured="2026-11-23", author=["马少宾"])
    bib = citation.bibtex(m, PERMA)
    assert f"url = {{{ORIGINAL}}}," in bib  # verbatim field: no backslash escapes
    assert "urldate = {2026-11-23}" in bib and f"addendum = {{存档：{PERMA}}}" in bib and "note" not in bib
    assert "organization = {农民日报}" in bib
    item = json.loads(citation.csl_json(m, PERMA))[0]
    assert item["URL"] == ORIGINAL and item["accessed"] == {"date-parts": [[2026, 11, 23]]}
    assert item["archive_location"] == PERMA and item["container-title"] == "农民日报"
    assert item["publisher"] == "www.news.example.cn" and "note" not in item
    assert citation.gbt7714(m, PERMA) == f"马少宾. 标题[EB/OL]. 农民日报, (2019-08-30)[2026-11-23]. {ORIGINAL}."


def test_citation_without_an_original_url_cites_the_permalink_accessed_on_the_build_day(monkeypatch):
    from wenxian.site import citation
    import json
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    citation.access_date.cache_clear()
    try:
        m = meta(captured="2020-01-02", author=["甲", "乙", "丙", "丁"])
        bib = citation.bibtex(m, PERMA)
        assert f"url = {{{PERMA}}}" in bib and "urldate = {2026-01-01}" in bib and "2020-01-02" not in bib
        item = json.loads(citation.csl_json(m, PERMA))[0]
        assert item["URL"] == PERMA and item["accessed"] == {"date-parts": [[2026, 1, 1]]}
        assert citation.gbt7714(m, PERMA) == f"甲, 乙, 丙, 等. 标题[EB/OL]. 某报, (2019-08-30)[2026-01-01]. {PERMA}."
    finally:
        citation.access_date.cache_clear()


def test_braces_in_an_original_url_are_percent_encoded_in_bibtex():
    from wenxian.site import citation
    bib = citation.bibtex(meta(source_url="https://x.cn/{a}\\b"), PERMA)
    assert "url = {https://x.cn/%7Ba%7D%5Cb}" in bib


def test_article_page_names_outlet_and_publishing_site_and_shows_gbt7714():
    m = meta(source="农民日报", source_url=ORIGINAL, captured="2026-11-23")
    cat = catalog_of(m)
    html = article_page.render(cat, cat.articles[m["id"]], "hans", "https://archive.example.net/", lambda a, s: "<p>x</p>")
    assert "<dt>来源</dt><dd>农民日报（" in html  # the outlet, not linked to another site
    assert f'<dt>发布网站</dt><dd>www.news.example.cn：<a href="{ORIGINAL.replace("&", "&amp;")}"' in html
    assert "GB/T 7714-2015" in html and "[EB/OL]" in html
    assert PERMA in html


def test_site_url_is_overridden_by_the_environment():
    from wenxian.errors import WenxianError
    from wenxian.site import deploy
    assert deploy.site_url("https://wenxian.example.org/", {}) == "https://wenxian.example.org/"
    assert deploy.site_url("https://wenxian.example.org/", {"WENXIAN_SITE_URL": "https://u.github.io/wx"}) \
        == "https://u.github.io/wx/"
    with pytest.raises(WenxianError):
        deploy.site_url(None, {"WENXIAN_SITE_URL": "javascript:x"})


def test_csv_exports_the_gbt7714_citation():
    import csv
    import io
    from wenxian.site import exports
    cat = catalog_of(meta(source_url=ORIGINAL, captured="2026-11-23"))
    row = next(csv.DictReader(io.StringIO(exports.csv_text(cat, "https://x.example/").lstrip("\ufeff"))))
    assert row["citation_gbt7714"].endswith(f"[2026-11-23]. {ORIGINAL}.")


def test_transliterated_place_names_keep_gan_on_region_pages_and_in_the_article():
    village = {"path": "新疆维吾尔自治区/克孜勒苏柯尔克孜自治州/乌恰县/黑孜苇乡/坎久干村", "code": "653024203205",
               "level": "village"}
    m = meta("ffffffffffff", region=[village], places=[dict(village, mentions=1)])
    cat = catalog_of(m, body="坎久干村的干部来了。\n")
    node = next(n for n in cat.regions.values() if n.name == "坎久干村")
    html = indexes.region_page(cat, node, "hant")
    assert "坎久干村" in html and "幹村" not in html
    page = article_page.render(cat, cat.articles[m["id"]], "hant", "https://x.example/",
                               lambda a, s: article_page.body_markdown(a, s))
    assert "坎久干村的幹部" in page and "坎久幹村" not in page


def test_timeline_month_counts_do_not_read_as_dates():
    cat = catalog_of(meta("aaaaaaaaaaaa", date="2019-06-02"), meta("bbbbbbbbbbbb", date="2019-06-30"),
                     meta("cccccccccccc", date="2019"))
    page = next(v for k, v in indexes.timeline(cat, "hans").items() if k.startswith("timeline/") is False
                or k.rstrip("/").endswith("timeline") or "index" in k and "2019" not in k)
    assert "6月：2篇" in page and "月份不详：1篇" in page and "6月 2" not in page
    year = indexes.year_page(cat, "2019", "hans")
    assert "6月（2 篇）" in year and "月份不详（1 篇）" in year


def test_traditional_chrome_templates_convert_the_site_name_toggle_and_home_link():
    header = (REPO / "overrides" / "partials" / "header.html").read_text("utf-8")
    assert "config.site_name | wx_hant" in header and "('hant/' | url) if wx_hant" in header
    palette = (REPO / "overrides" / "partials" / "palette.html").read_text("utf-8")
    assert "option.toggle.name | wx_hant" in palette
    notfound = (REPO / "overrides" / "404.html").read_text("utf-8")
    assert "找不到此页" in notfound and "找不到此頁" in notfound and "Not found" not in notfound


def test_header_links_never_become_protocol_relative_on_the_404_page():
    header = (REPO / "overrides" / "partials" / "header.html").read_text("utf-8")
    assert "{{ base_url }}/" not in header  # base_url is "/" on 404.html: "//assets/…" is another host
    assert header.count("{{ base_url.rstrip('/') }}/") == 2


def test_feed_lists_an_undated_capture_by_the_day_it_was_added_never_a_guess(tmp_path):
    from wenxian import archive
    from wenxian.site import exports

    # `wenxian add` records the day a capture entered the archive in its sidecar
    aid, _ = archive.add(tmp_path, REPO / "tests" / "fixtures" / "seeds" / "002_bf4cbde54030ca41.txt", {})
    sidecar = json.loads(next((tmp_path / "archive").glob("*/*.json")).read_text("utf-8"))
    assert sidecar["added"] == archive.added_today()
    # an article with neither a publication nor a capture date is in the feed, dated by that day
    undated = meta("cccccccccccc", date=None, captured=None)
    unrecorded = meta("eeeeeeeeeeee", date=None, captured=None)   # an old sidecar without `added`
    old = meta("aaaaaaaaaaaa", date="2001-05-01", captured="2026-11-23")
    cat = catalog_of(old, undated, unrecorded)
    sidecars = {"archive/cc/cccccccccccc.json": {"added": "2026-12-01"}, "archive/ee/eeeeeeeeeeee.json": {}}
    build.read_captures(cat, lambda raw: json.dumps(sidecars[raw]).encode())
    xml = exports.atom(cat, "https://x.example/", "文献")
    root, entries = _feed_entries(xml)
    assert entries == [("cccccccccccc", "2026-12-01T00:00:00Z"), ("aaaaaaaaaaaa", "2026-11-23T00:00:00Z")]
    assert root.find("{http://www.w3.org/2005/Atom}updated").text == "2026-12-01T00:00:00Z"
    undated_entry = root.findall("{http://www.w3.org/2005/Atom}entry")[0]
    assert undated_entry.find("{http://www.w3.org/2005/Atom}published") is None  # no publication date invented
    assert "1970" not in xml
