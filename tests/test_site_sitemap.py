"""sitemap.xml is a small index of parts (wenxian.site.sitemap): within the protocol's limits at any
archive size, and what a page view downloads of it no longer grows with the archive."""
from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from browsers import need_browser
from test_site_browser import browser, page, server  # noqa: F401  (fixtures)
from wenxian.site import shell, sitemap

SCHEMA = Path(__file__).parent / "cases" / "schemas" / "sitemap.xsd"
NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _mkdocs_sitemap(urls: list[str]) -> str:
    """A sitemap as MkDocs writes it (with lastmod)."""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + "".join(f"    <url>\n         <loc>{u}</loc>\n         <lastmod>2026-12-02</lastmod>\n    </url>\n" for u in urls)
            + "</urlset>")


def test_the_index_names_parts_that_hold_every_page_once_in_order():
    own = [f"https://x.example/p{i}/" for i in range(3)]
    written = [f"articles/{i:012x}/" for i in range(8)]
    files = sitemap.split(_mkdocs_sitemap(own) + shell.sitemap_entries("https://x.example/", written),
                          "https://x.example/", limit=4)
    assert sorted(files) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"]
    index = etree.fromstring(files["sitemap.xml"].encode("utf-8"))
    assert index.tag == f"{NS}sitemapindex"
    assert [e.text for e in index.iter(f"{NS}loc")] == [f"https://x.example/sitemap-{n}.xml" for n in (1, 2, 3)]
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    locs = []
    for n in (1, 2, 3):
        part = etree.fromstring(files[f"sitemap-{n}.xml"].encode("utf-8"))
        assert schema.validate(part), schema.error_log.last_error
        assert len(part) <= 4
        locs += [e.text for e in part.iter(f"{NS}loc")]
    assert locs == own + [f"https://x.example/{w}" for w in written]
    assert [e.text for e in etree.fromstring(files["sitemap-1.xml"].encode()).iter(f"{NS}lastmod")] == ["2026-12-02"] * 3


def test_an_empty_site_has_one_empty_part_and_parts_are_at_most_the_protocol_limit():
    files = sitemap.split(_mkdocs_sitemap([]), "https://x.example/")
    assert sorted(files) == ["sitemap-1.xml", "sitemap.xml"]
    assert "<url>" not in files["sitemap-1.xml"]
    assert sitemap.PART <= 50000  # sitemaps.org: at most 50,000 URLs a file


def test_a_page_view_downloads_no_list_of_pages(built_site, server, page):  # noqa: F811
    """Material fetches sitemap.xml beside the feed's <link rel="alternate"> of every page: what it
    gets is the index, a few hundred bytes whatever the size of the archive, never a part."""
    need_browser()
    fetched = {}
    page.on("requestfinished", lambda r: fetched.__setitem__(r.url, r.sizes()["responseBodySize"]))
    aid = sorted(built_site.meta)[0]
    for path in ("", f"articles/{aid}/", "search/"):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
    assert [u for u in fetched if re.search(r"/sitemap-\d+\.xml$", u)] == []
    assert all(n < 1000 for u, n in fetched.items() if "sitemap" in u), fetched
    assert len((built_site.site / "sitemap.xml").read_bytes()) < 1000
