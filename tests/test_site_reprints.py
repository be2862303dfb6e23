"""Reprints on the built test site (issue 20): groups, the section 同一稿件的其他版本, difference views
against the reference copy, the reprints index, the exports' group id, in both scripts; and the
same in headless Chromium. The copies are real (the 新华社 story of the corpus as text and as a
saved page, a 中國時報 story as a saved page and as its browser rendering, the web-archive
captures of one page) plus a cut, masked reprint of the 天山网 seed (tests/fixtures/site/annotations.yml)."""
from __future__ import annotations

import csv
import io
import gzip
import json
import re


from sitebuild import sitemap_pages
from test_site_browser import CHROMIUM, _chromium, browser, page, server  # noqa: F401  (fixtures)
from wenxian.reprints import index

XINHUA = ("corpus/09-xinhuanet-strike.txt", "corpus-html/d01-xinhuanet-strike.html")
CHINATIMES = ("corpus-html/d16-chinatimes-tw.html", "corpus-rendered/d16-chinatimes-tw.txt")
SEED = "seeds/001_7ed895f22b20ce29.txt"  # the 天山网 story
ALONE = "seeds/000_f97575b8f31bdef6.txt"  # archived once


def _html(site, url: str) -> str:
    return (site.site / url / "index.html").read_text("utf-8")


def _groups(site) -> dict[str, tuple[str, int]]:
    rows = [json.loads(line) for line in gzip.decompress((site.site / "data/articles.jsonl.gz").read_bytes()).decode("utf-8").splitlines()]
    return {r["id"]: (r["reprint_group"], r["reprint_copies"]) for r in rows if r["reprint_group"]}


def test_copies_are_grouped_and_exported_with_one_group_id(built_site):
    ids = {k: built_site.by_capture[k] for k in (*XINHUA, *CHINATIMES, SEED, "masked_reprint", ALONE)}
    groups = _groups(built_site)
    assert groups[ids[XINHUA[0]]] == groups[ids[XINHUA[1]]] and groups[ids[XINHUA[0]]][1] == 2
    assert groups[ids[CHINATIMES[0]]] == groups[ids[CHINATIMES[1]]]
    assert groups[ids[SEED]] == groups[ids["masked_reprint"]]
    assert ids[ALONE] not in groups
    table = list(csv.DictReader(io.StringIO((built_site.site / "data/articles.csv").read_text("utf-8-sig"))))
    by_id = {r["id"]: r for r in table}
    assert by_id[ids[SEED]]["reprint_group"] == groups[ids[SEED]][0] and by_id[ids[SEED]]["reprint_copies"] == "2"
    assert (by_id[ids[ALONE]]["reprint_group"], by_id[ids[ALONE]]["reprint_copies"]) == ("", "1")


def test_search_gets_the_same_groups_from_the_parsed_articles(built_site):
    """The function for search (issue 17): group id and size by article, from parsed articles."""
    from wenxian import article_loader
    parsed = []
    for path in article_loader.article_files(built_site.root / "docs"):
        parsed.append((str(path), *article_loader.parse(path.read_text("utf-8"))))
    assert index.article_groups(parsed, built_site.root / index.CACHE) == _groups(built_site)


def test_the_built_search_index_carries_each_copys_group(built_site):
    """hooks/search.py gives the build's groups to the indexer: every result fragment of a copy
    holds its group id and number of copies (search.js lists a group once, "N 个版本"), and an
    article archived once holds none."""
    from wenxian.search import bundle
    import gzip
    metas = {}
    for frag in built_site.site.rglob("*.pf_fragment"):
        raw = gzip.decompress(frag.read_bytes())
        meta = json.loads(raw[len(bundle.SIGNATURE):])["meta"]
        metas[meta["id"]] = meta
    groups = _groups(built_site)
    assert groups and all((metas[aid]["group"], metas[aid]["copies"]) == group for aid, group in groups.items())
    alone = built_site.by_capture[ALONE]
    assert "group" not in metas[alone] and "copies" not in metas[alone]


def test_article_section_lists_the_copies_in_both_scripts(built_site):
    seed, copy = built_site.by_capture[SEED], built_site.by_capture["masked_reprint"]
    html = _html(built_site, f"articles/{copy}")
    section = html[html.index('<div class="wx-reprints">'):]
    assert 'id="reprints">同一稿件的其他版本' in section
    assert f'href="../{seed}/"' in section and "参照稿" in section and "（本页）" in section
    assert f'href="../../versions/{copy}/">与参照稿比较' in section
    assert "节选" in section  # an excerpt of the seed, with a masked word: a cut
    hant = _html(built_site, f"hant/articles/{copy}")
    section = hant[hant.index('<div class="wx-reprints">'):]
    assert f'href="../../versions/{copy}/">與參照稿比較' in section and "節選" in section
    assert "【讓黨的旗幟在基層高高飄揚】" in section
    assert "wx-reprints" not in _html(built_site, f"articles/{built_site.by_capture[ALONE]}")


def test_difference_pages_only_against_the_reference(built_site):
    made = sorted(p.parent.name for p in (built_site.site / "versions").glob("*/index.html"))
    groups = _groups(built_site)
    sizes = dict(groups.values())
    assert len(made) == sum(n - 1 for n in sizes.values())  # one page per copy but the reference
    assert set(made) <= set(groups) and len({groups[m][0] for m in made}) == len(sizes)
    assert sorted(p.parent.name for p in (built_site.site / "hant/versions").glob("*/index.html")) == made
    sitemap = sitemap_pages(built_site.site)
    assert all(f"/versions/{m}/</loc>" in sitemap and f"/hant/versions/{m}/</loc>" in sitemap for m in made)


def test_masked_and_cut_differences_marked_in_both_scripts(built_site):
    copy = built_site.by_capture["masked_reprint"]
    html = _html(built_site, f"versions/{copy}")
    diff = html[html.index('<div class="wx-diff">'):]
    masked = re.findall(r'<mark class="wx-diff-masked"[^>]*>(.*?)</mark>', diff)
    assert masked and all("党" in m and "××" in m for m in masked)
    assert '<span class="wx-sr">［屏蔽字差异：</span>' in diff and '<span class="wx-sr">参照稿作</span>党' in diff
    assert "<del><span class=\"wx-sr\">［删去：</span>" in diff  # the seed's later paragraphs
    assert "<ins>" not in diff.replace('<ins><span class="wx-sr">此版本作', "")  # a cut adds nothing
    hant = _html(built_site, f"hant/versions/{copy}")
    assert "<h1>版本比較：" in hant and '<span class="wx-sr">參照稿作</span>黨' in hant


def test_reprints_index_lists_the_largest_groups_first_and_escapes_outlets(built_site):
    html = _html(built_site, "reprints")
    rows = re.findall(r"<tr><td><a href=\"[^\"]+\">.*?</a></td><td>(\d+)</td>", html)
    assert rows and [int(n) for n in rows] == sorted((int(n) for n in rows), reverse=True)
    assert len(rows) == len(set(g for g, _ in _groups(built_site).values()))
    assert "<img src=x" not in html and "&lt;img src=x onerror=" in html  # the hostile article's outlet
    assert '<a href="reprints/"' in _html(built_site, "") or 'href="reprints/"' in _html(built_site, "")
    assert "轉載與版本" in _html(built_site, "hant/reprints")


# In a real browser -------------------------------------------------------------------------------

def test_browse_from_nav_to_a_group_and_its_difference_view_then_traditional(built_site, server, page):  # noqa: F811
    seed, copy = built_site.by_capture[SEED], built_site.by_capture["masked_reprint"]
    page.goto(server)
    page.locator(".md-nav--primary").get_by_role("link", name="转载与版本", exact=True).click()
    assert page.url.endswith("/reprints/")
    page.locator("article").get_by_role("link", name="【让党的旗帜在基层高高飘扬】当好火车头 带领全村打赢脱贫攻坚战").click()
    assert page.url.endswith(f"/articles/{seed}/")
    page.wait_for_load_state()
    section = page.locator(".wx-reprints")
    assert section.get_by_role("heading", name="同一稿件的其他版本").is_visible()
    assert "节选" in section.inner_text()
    section.get_by_role("link", name="与参照稿比较").click()
    assert page.url.endswith(f"/versions/{copy}/")
    page.wait_for_load_state()
    marks = page.locator(".wx-diff mark.wx-diff-masked")
    marks.first.wait_for()  # the URL changes before the new page's content is in (it was flaky)
    assert marks.count() >= 1 and marks.first.is_visible()
    assert "党" in marks.first.locator("del").inner_text() and "××" in marks.first.locator("ins").inner_text()
    deleted = page.locator(".wx-diff > del").first
    assert deleted.is_visible()
    assert deleted.evaluate("e => getComputedStyle(e).textDecorationLine") == "line-through"
    label = page.locator(".wx-diff .wx-sr").first
    assert label.evaluate("e => e.getBoundingClientRect().width") <= 1  # read aloud, not shown
    page.locator(".wx-switch").get_by_role("link", name="繁體").click()
    page.wait_for_url(f"**/hant/versions/{copy}/")
    page.wait_for_load_state()
    assert page.url.endswith(f"/hant/versions/{copy}/") and page.locator("html").get_attribute("lang") == "zh-Hant"
    assert page.locator("h1").first.inner_text().startswith("版本比較")
    assert "黨" in page.locator(".wx-diff mark.wx-diff-masked del").first.inner_text()


def test_traditional_story_group_in_the_browser(built_site, server, page):  # noqa: F811
    first, second = (built_site.by_capture[k] for k in CHINATIMES)
    page.goto(server + f"hant/articles/{second}/")
    section = page.locator(".wx-reprints")
    assert "同一稿件的其他版本" in section.inner_text()
    # (the other copy's article link; its 与参照稿比较 link ends in versions/<id>/ when it is not the reference)
    assert section.locator(f'a[href$="/{first}/"]:not([href*="versions/"])').count() == 1
    assert section.locator('a[aria-current="page"]').count() == 1
