"""Traditional twins of hand-written pages (pure function of the page texts)."""
from wenxian.site.build import hant_twin_of_page


def test_hand_written_page_twin_converts_text_and_fixes_file_links():
    page = '# 数据\n\n[地区](regions.md) [CSV](data/articles.csv) <a href="feed.xml">订阅</a> [外](https://x.org/a) [锚](#b)\n'
    out = hant_twin_of_page(page)
    assert out.startswith("# 數據")
    assert "](regions.md)" in out and "](../data/articles.csv)" in out and 'href="../feed.xml"' in out
    assert "](https://x.org/a)" in out and "](#b)" in out


def test_a_hand_written_hant_page_is_kept_not_regenerated():
    import sitebuild as build  # build.generate: every generated file, without MkDocs

    out = build.generate([], {"index.md": "# 首页\n", "search.md": "# 搜索\n", "hant/search.md": "# 搜尋\n"},
                         None, "", "x")
    assert out["hant/index.md"] == "# 首頁\n" and "hant/search.md" not in out
