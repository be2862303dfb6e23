"""Listing pages (issue 19: paginated) and region pages only where they add something (issue 18),
on small catalogs built in this process (the built site's pages: tests/test_site_build.py)."""
from __future__ import annotations

import re

from wenxian.site import build, catalog, chrome, indexes, urls


def _article(aid: str, date: str, region: list | None = None, tags: list | None = None) -> catalog.Article:
    meta = {"id": aid, "title": f"标题{aid}", "date": date, "script": "hans", "region": region or [], "places": [],
            "tags": tags or [], "source": "某报"}
    return catalog.Article(id=aid, meta=meta, body="正文", path=f"docs/articles/{aid}.md")


TEKES = {"code": "654027000000", "level": "county", "path": "新疆维吾尔自治区/伊犁哈萨克自治州/特克斯县"}
VILLAGE = {"code": "654027100201", "level": "village",
           "path": "新疆维吾尔自治区/伊犁哈萨克自治州/特克斯县/特克斯镇/阔布村"}


def _cat(n: int, region=None) -> catalog.Catalog:
    return catalog.build([_article(f"{i:012x}", f"2019-{1 + i % 12:02d}-01", region, ["脱贫"]) for i in range(n)])


def test_chunks_and_pager():
    assert indexes.chunks([], 3) == [[]] and indexes.chunks("abcdefg", 3) == [list("abc"), list("def"), ["g"]]
    assert indexes.pager("topics/x/", 1, 1, "hans") == ""  # one page: no navigation
    nav = indexes.pager("topics/x/", 5, 40, "hans")
    links = re.findall(r'href="([^"]*)"', nav)
    # previous, 1, 3-7 around 5 but itself, 40, next: bounded whatever the number of pages
    assert links == ["../4/", "../", "../3/", "../4/", "../6/", "../7/", "../40/", "../6/"]
    assert '<span aria-current="page">5</span>' in nav and 'rel="prev"' in nav and 'rel="next"' in nav
    assert 'aria-label="分页：第 5 页，共 40 页"' in nav
    first = indexes.pager("topics/x/", 1, 2, "hant")
    assert 'href="2/"' in first and "下一頁" in first and "上一" not in first


def test_small_listings_are_one_page_as_before():
    cat = _cat(30, [TEKES])
    texts = build.listing_texts(cat, "hans")
    assert not any(re.search(r"/\d+/$", u.removeprefix("timeline/")) for u in texts)  # no second page anywhere
    assert "wx-pages" not in "".join(texts.values()) and "wx-pages" not in indexes.region_page(cat, cat.regions["654027000000"], "hans")


def test_long_listings_are_paginated_with_every_article_once():
    size = indexes.chunks(range(10**4))[0][-1] + 1  # page_size of data/listings.yml
    cat = _cat(2 * size + 5, [TEKES])
    for script in ("hans", "hant"):
        texts = build.listing_texts(cat, script)
        slug = next(iter(cat.topics))
        pages = [texts[urls.paged(urls.topic(slug), n)] for n in (1, 2, 3)]
        assert urls.paged(urls.topic(slug), 4) not in texts
        listed = [re.findall(r'href="(?:\.\./)+articles/([0-9a-f]{12})/"', p) for p in pages]
        assert [len(x) for x in listed] == [size, size, 5]
        assert sum(listed, []) == cat.topics[slug].ids  # in order, each once
        assert "wx-pages" in pages[0] and pages[1].count('aria-current="page">2<') == 2  # top and bottom
        # the region's later pages are listing pages; its first page is the region page
        code = "650000000000"  # the county lists what its province lists: the province's page
        assert urls.paged(urls.region(code), 3) in texts and urls.region(code) not in texts
        first = indexes.region_page(cat, cat.regions[code], script)
        assert f'{2 * size + 5} ' in first  # the count is the whole list's
        years = [texts[u] for u in texts if u.startswith("timeline/2019/")]
        assert sum(len(re.findall(r'articles/[0-9a-f]{12}/"', p)) for p in years) == 2 * size + 5
    kinds = build.shell_keys(cat)
    assert urls.paged(urls.topic(slug), 2) in kinds[("lists+", "hans")] and urls.topic(slug) in kinds[("lists", "hans")]
    assert "timeline/2019/" in kinds[("years", "hant")] and "timeline/2019/2/" in kinds[("years+", "hant")]


def test_region_pages_only_where_they_add_something(monkeypatch):
    # every article about the village: the township, county... down from the province list the
    # same articles, so only the province has a page; one more article about the county alone
    # makes the township's list (and the village's, the same) differ from the county's
    monkeypatch.setattr(catalog, "fold_max", lambda: 0)  # no folding (its own test below)
    cat = _cat(3, [VILLAGE])
    pages = catalog.region_pages(cat)
    assert set(pages.values()) == {"650000000000"}
    assert build.shell_keys(cat)[("regions", "hans")] == ["650000000000"]
    cat = catalog.build(list(_cat(3, [VILLAGE]).articles.values()) + [_article("0000000000ff", "2020-01-01", [TEKES])])
    pages = catalog.region_pages(cat)
    assert pages["654027000000"] == "650000000000" and pages["654027100000"] == "654027100000"
    assert pages["654027100201"] == "654027100000"  # the village lists what its township lists
    tree = indexes.regions(cat, "hans", nodes=False)[urls.INDEXES["regions"]]
    assert 'href="654027100000/"' in tree and "654027100201/" not in tree and "654027000000/" not in tree and "阔布村" in tree


TOWNSHIP2 = {"code": "654027101000", "level": "township",
             "path": "新疆维吾尔自治区/伊犁哈萨克自治州/特克斯县/乔拉克铁热克镇"}
VILLAGE2 = {"code": "654027101201", "level": "village",
            "path": "新疆维吾尔自治区/伊犁哈萨克自治州/特克斯县/乔拉克铁热克镇/某村"}


def test_small_leaves_are_sections_of_their_parents_page():
    limit = catalog.fold_max()
    assert limit >= 1
    # the county: 2 * limit + 2 articles about itself; the township: limit + 1 (a page of its
    # own), one of them about its village (a section of the township's page); the other
    # township: one article about its village, both folded, the village into the township's
    # section on the county's page
    arts = [_article(f"{i:012x}", "2020-01-01", [TEKES]) for i in range(limit + 1)]
    arts += [_article(f"{0x100 + i:012x}", "2020-02-01", [VILLAGE if i == 0 else
                                                           {**VILLAGE, "code": "654027100000", "level": "township",
                                                            "path": VILLAGE["path"].rsplit("/", 1)[0]}])
             for i in range(limit + 1)]
    arts.append(_article("000000000fff", "2020-03-01", [VILLAGE2]))
    yining = {"code": "654021000000", "level": "county", "path": "新疆维吾尔自治区/伊犁哈萨克自治州/伊宁县"}
    arts.append(_article("000000000ffe", "2020-03-01", [yining]))
    cat = catalog.build(arts)
    places = catalog.region_places(cat)
    assert places["654027000000"] == ("654027000000", "")     # its lists differ from the prefecture's
    assert places["654000000000"] == ("650000000000", "")     # the prefecture lists the province's: no page
    assert places["654021000000"] == ("650000000000", "r654021000000")  # shown where its parent is
    assert places["654027100000"] == ("654027100000", "")     # more than fold_max articles
    assert places["654027100201"] == ("654027100000", "r654027100201")
    assert places["654027101000"] == ("654027000000", "r654027101000")  # no page below, one article
    assert places["654027101201"] == ("654027000000", "r654027101000")  # lists what its township lists
    assert catalog.region_sections(cat) == {"654027100000": ["654027100201"], "654027000000": ["654027101000"],
                                            "650000000000": ["654021000000"]}
    assert "654027101000" not in build.shell_keys(cat)[("regions", "hans")]
    assert catalog.region_target(cat, "654027101201") == "regions/654027000000/#r654027101000"
    for script in ("hans", "hant"):
        county = indexes.region_page(cat, cat.regions["654027000000"], script)
        sec = county[county.index('<h2 id="r654027101000">'):]
        assert 'href="../../articles/000000000fff/"' in sec and sec.count("articles/") == 1
        # the tree of the county's page links to the section on the page itself
        assert 'href="./#r654027101000"' in county and 'href="../654027100000/"' in county
        town = indexes.region_page(cat, cat.regions["654027100000"], script)
        assert '<h2 id="r654027100201">' in town and 'href="./#r654027100201"' in town
        tree = indexes.regions(cat, script, nodes=False)[urls.INDEXES["regions"]]
        assert 'href="654027000000/#r654027101000"' in tree and 'href="654027100000/#r654027100201"' in tree
    # a prefecture (its page draws a map) is never folded, however few its articles
    cat = catalog.build([_article("000000000001", "2020-01-01",
                                  [{"code": "654000000000", "level": "prefecture", "path": "新疆维吾尔自治区/伊犁哈萨克自治州"}]),
                         _article("000000000002", "2020-01-01", [{"code": "650000000000", "level": "province",
                                                                   "path": "新疆维吾尔自治区"}])])
    assert catalog.region_places(cat)["654000000000"] == ("654000000000", "")


def test_config_json_is_small_utf8_and_cannot_end_its_element():
    text = chrome.config_json("../..", ["content.code.copy"], "复制</script><b>&", "已复制")
    assert "复制" in text and "\\u" not in text.replace("\\u003c", "").replace("\\u003e", "").replace("\\u0026", "")
    assert "</script" not in text.lower() and "<" not in text and "&" not in text
    import json
    assert json.loads(text)["translations"]["clipboard.copy"] == "复制</script><b>&"


def test_neighbour_lists_show_the_newest_few_and_link_the_whole_list():
    from wenxian.site import article_page
    limit = article_page.neighbours_max()
    cat = _cat(limit + 4, [TEKES])  # one county, one topic, all of them
    a = cat.articles[cat.newest[2]]
    page = urls.article(a.id)
    html = article_page.neighbours(cat, a, page, "hans")
    lists = re.findall(r'<ul class="wx-articles">.*?</ul>', html, re.S)
    expected = [i for i in cat.newest if i != a.id][:limit]
    # the topic heads the same articles as the county: listed once, the topic's list says so
    assert len(lists) == 1 and len(expected) == limit and html.count("<h3>") == 2
    assert re.findall(r'href="\.\./([0-9a-f]{12})/"', lists[0]) == expected
    assert html.count("这些文章已列在上面") == 1
    # each list is followed by the whole list: the county's place (its page or section) and the topic
    more = re.findall(r'<p class="wx-more">(?:这些文章已列在上面；)?<a href="([^"]+)">更多</a></p>', html)
    assert more == [catalog.region_href(cat, "654027000000", page, "hans"),
                    urls.rel(page, urls.topic(next(iter(cat.topics))))]
