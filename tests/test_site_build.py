"""The built site (one real `mkdocs build --strict`, see sitebuild.py): twins, index pages that
link exactly the right articles, exports, raw captures, escaping, and no broken internal link."""
from __future__ import annotations

import csv
import io
import gzip
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlparse


from wenxian.ingest import kinds
from wenxian.site import catalog

from sitebuild import code_in_page, raw_in_site, sitemap_pages

HREF = re.compile(r'href="([^"]*)"')
ARTICLE_URL = re.compile(r"^/(?:hant/)?articles/([0-9a-f]{12})/$")


class Page(str):
    """Page HTML that remembers its URL, so that relative links can be resolved."""
    url: str


def page(site, url: str) -> Page:
    path = site.site / url / "index.html"
    assert path.is_file(), f"missing page /{url}"
    out = Page(path.read_text("utf-8"))
    out.url = url
    return out


def _keep(html: Page, text: str) -> Page:
    out = Page(text)
    out.url = html.url
    return out


def content(html: Page) -> Page:
    """The page's own content (without nav and header)."""
    start = html.index('<article class="md-content__inner')
    return _keep(html, html[start:html.index("</article>", start)])


def linked(html: Page) -> set[str]:
    """Ids of the articles the HTML links to (links resolved against the page's URL)."""
    out = set()
    for href in HREF.findall(html):
        m = ARTICLE_URL.match(urlparse(urljoin(f"http://site/{html.url}/", href)).path)
        if m:
            out.add(m.group(1))
    return out


def section(html: Page, anchor: str) -> Page:
    """HTML from `<h2 id="anchor">` to the next h2 (or the end of the content)."""
    body = content(html)
    start = body.index(f'<h2 id="{anchor}"')
    nxt = body.find("<h2", start + 4)
    return _keep(html, body[start: nxt if nxt > 0 else len(body)])


def expected_nodes(site, kind: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for aid, meta in site.meta.items():
        for entry in meta.get(kind) or []:
            for code, _, _ in catalog.region_chain(entry, aid):
                out.setdefault(code, set()).add(aid)
    return out


def test_every_article_has_both_twins_with_lang_and_original_statement(built_site):
    assert set(built_site.by_capture.values()) | {built_site.hostile} <= set(built_site.meta)
    for aid, meta in built_site.meta.items():
        hans, hant = page(built_site, f"articles/{aid}"), page(built_site, f"hant/articles/{aid}")
        assert '<html lang="zh-Hans"' in hans and '<html lang="zh-Hant"' in hant
        original, converted = (hans, hant) if meta["script"] == "hans" else (hant, hans)
        assert "本页是原文" in original or "本頁是原文" in original
        assert "自动转换为" in converted or "自動轉換為" in converted
        assert f'href="../../../articles/{aid}/"' in hant and f'href="../../hant/articles/{aid}/"' in hans


def test_traditional_original_gets_a_simplified_twin(built_site):
    aid = built_site.by_capture["corpus/24-chinahongdou.com.txt"]
    hans, hant = content(page(built_site, f"articles/{aid}")), content(page(built_site, f"hant/articles/{aid}"))
    assert "我們村的第一書記" in hant and "我们村的第一书记" in hans


def test_region_pages_link_exactly_their_articles(built_site):
    about, mentioned = expected_nodes(built_site, "region"), expected_nodes(built_site, "places")
    assert "654027000000" in about and "320100000000" in mentioned
    # 提及此地的文章 holds only the articles that mention the place without being about it.
    only = {code: ids - about.get(code, set()) for code, ids in mentioned.items()}
    only = {code: ids for code, ids in only.items() if ids}
    assert any(about.get(code, set()) & ids for code, ids in mentioned.items())  # the case exists
    shown = region_page_of(about, only, node_levels(built_site))
    assert any(anchor == "r" + code for code, (_, anchor) in shown.items())  # folded sections exist
    assert any(home == code for code, (home, _) in shown.items())
    for code in about.keys() | mentioned.keys():
        home, anchor = shown[code]
        for prefix in ("", "hant/"):
            if home != code:  # no page: its parent's shows it (the same lists, or a section)
                assert not (built_site.site / f"{prefix}regions/{code}").exists(), code
            html = page(built_site, f"{prefix}regions/{home}")
            if anchor == "r" + code:  # a section: its lists (about first) up to the next section
                part = section(html, anchor)
                lists = part.split("<h3>")
                assert linked(_keep(html, lists[1] if about.get(code) else "")) == about.get(code, set()), code
                assert linked(part) == about.get(code, set()) | only.get(code, set()), code
                continue
            if anchor:  # lists what its folded parent lists
                continue
            assert linked(section(html, "about")) == about.get(code, set()), code
            if code in only:
                assert linked(section(html, "mentioned")) == only[code], code
            else:
                assert 'id="mentioned"' not in html


def node_levels(site) -> dict[str, str]:
    out = {}
    for aid, meta in site.meta.items():
        for entry in (meta.get("region") or []) + (meta.get("places") or []):
            for code, _, level in catalog.region_chain(entry, aid):
                out[code] = level
    return out


def region_page_of(about: dict, only: dict, levels: dict) -> dict[str, tuple[str, str]]:
    """{code: (code of the page that shows it, anchor)}, worked out independently of the
    catalog (issue 18): a node whose two lists are its parent's has no page, it is shown where
    its parent is; a node with no page below it, listing at most fold_max articles, below a
    prefecture, is a section `r<code>` of the page that shows its parent."""
    codes = about.keys() | only.keys()

    def parent(code: str) -> str | None:
        for k in (9, 6, 4, 2):
            up = code[:k].ljust(12, "0")
            if up != code and up in codes:
                return up
        return None

    ups = {code: parent(code) for code in codes}
    same = {code: up is not None and about.get(code, set()) == about.get(up, set()) and only.get(code, set()) == only.get(up, set())
            for code, up in ups.items()}
    has_page: dict[str, bool] = {}
    for code in sorted(codes, key=lambda c: -len(c.rstrip("0"))):  # deepest first
        below = any(has_page[c] for c in codes if ups[c] == code)
        small = len(about.get(code, set())) + len(only.get(code, set())) <= catalog.fold_max()
        folded = not same[code] and ups[code] is not None and not below and small and levels[code] not in ("province", "prefecture")
        has_page[code] = not same[code] and not folded
    out: dict[str, tuple[str, str]] = {}
    for code in sorted(codes, key=lambda c: len(c.rstrip("0"))):
        up = ups[code]
        if has_page[code] or up is None:
            out[code] = (code, "")
        else:
            out[code] = out[up] if same[code] else (out[up][0], "r" + code)
    return out


def test_region_tree_has_counts_at_every_level(built_site):
    tree = content(page(built_site, "regions"))
    about, mentioned = expected_nodes(built_site, "region"), expected_nodes(built_site, "places")
    only = {code: ids - about.get(code, set()) for code, ids in mentioned.items()}
    shown = region_page_of(about, {c: i for c, i in only.items() if i}, node_levels(built_site))
    assert any(shown[c][0] != c for c in about), "fixtures need a node without a page of its own"
    for code, ids in about.items():
        home, anchor = shown[code]
        if home == code:
            assert re.search(rf'"{code}/">[^<]+</a> <span class="wx-count">{len(ids)} 篇', tree), code
        elif anchor == "r" + code:  # a section of the page that shows its parent
            assert re.search(rf'"{home}/#r{code}">[^<]+</a> <span class="wx-count">{len(ids)} 篇', tree), code
        else:  # its name and counts, without a link
            assert f'"{code}/"' not in tree and re.search(rf'</?\w+[^>]*>[^<>]+ <span class="wx-count">{len(ids)} 篇', tree)
    assert "喀拉托海村" in tree  # down to village level


def test_topic_source_and_year_pages_link_exactly_their_articles(built_site):
    tax = catalog.taxonomy()
    topics, sources, years = {}, {}, {}
    for aid, meta in built_site.meta.items():
        for tag in meta.get("tags") or []:
            slug = tax[tag].slug if tag in tax else catalog.fallback_tag_slug(tag)
            topics.setdefault(slug, set()).add(aid)
        if meta.get("source"):
            sources.setdefault(catalog.source_slug(meta["source"]), set()).add(aid)
        if meta.get("date"):
            years.setdefault(meta["date"][:4], set()).add(aid)
    assert len(topics) >= 3 and len(years) >= 4
    for kind, expected in (("topics", topics), ("sources", sources), ("timeline", years)):
        for key, ids in expected.items():
            for prefix in ("", "hant/"):
                assert linked(content(page(built_site, f"{prefix}{kind}/{key}"))) == ids, (kind, key)
    undated = {aid for aid, m in built_site.meta.items() if not m.get("date")}
    assert linked(section(page(built_site, "timeline"), "undated")) == undated
    assert "<svg" in page(built_site, "timeline") and "<svg" in page(built_site, "timeline/2019")


def test_article_page_panel_damage_masks_raw_and_citation(built_site):
    aid = built_site.by_capture["seeds/000_f97575b8f31bdef6.txt"]
    html = content(page(built_site, f"articles/{aid}"))
    q = built_site.meta[aid]["quality"]
    assert f"{q['missing_numbers']} 处数字缺失" in html
    # the raw capture's text is in the page (no file per capture, issue 18), linked from the panel
    assert '<a href="#wx-raw-text" type="text/plain">纯文本</a>' in html and not (built_site.site / "raw" / f"{aid}.txt").exists()
    assert f'<a href="../../../articles/{aid}/#wx-raw-text" type="text/plain">' in page(built_site, f"hant/articles/{aid}")
    assert 'id="wx-raw-text"' not in page(built_site, f"hant/articles/{aid}")
    # its page, or its section of the page that shows its parent (a small leaf, issue 18)
    assert re.search(r'href="\.\./\.\./regions/(654027000000/|65\d{10}/#r654027000000)">特克斯县</a>', html)
    assert ("@online{wenxian-" + aid) in html
    assert "\"URL\": \"https://wenxian.example.org/articles/" + aid in html  # element text: quotes as they are
    assert json.loads(code_in_page(html, "wx-cite-csl-json"))[0]["URL"].endswith(aid + "/")
    # No file per citation (issue 18): the download links save the blocks' text.
    assert f'<a href="#wx-cite-bib" data-wx-download="{aid}.bib" type="application/x-bibtex">' in html
    assert f'data-wx-download="{aid}.csl.json"' in html
    # the twin links to them (issue 18: the same blocks in both scripts)
    twin = content(page(built_site, f"hant/articles/{aid}"))
    assert 'id="wx-cite-bib"' not in twin and f'<a href="../../../articles/{aid}/#cite" hreflang="zh-Hans">' in twin
    assert 'id="wx-cite-gbt"' in twin
    assert not list(built_site.site.glob("articles/*/*.bib")) and not list(built_site.site.glob("articles/*/*.json"))
    related = _keep(html, html[html.index('id="related"'):])
    assert linked(related) and aid not in linked(related)
    masked = [a for a, m in built_site.meta.items() if m["quality"]["masked"]]
    assert masked, "fixtures need an article with masked characters"
    for a in masked:
        body = content(page(built_site, f"articles/{a}"))
        assert body.count('<mark class="wx-masked"') >= 1
        assert "字符被屏蔽（*）" in body


def test_raw_capture_is_the_decoded_original(built_site):
    for aid, meta in built_site.meta.items():
        if kinds.holds_html(meta["raw"]):
            continue  # its visible text: tests/test_site_webarchive.py
        raw = (built_site.root / meta["raw"]).read_bytes().decode(meta["encoding"]).lstrip("\ufeff")
        assert raw_in_site(built_site.site, aid, meta.get("script") or "hans") == raw


def test_exports_parse_and_contain_every_article(built_site):
    ids = set(built_site.meta)
    rows = [json.loads(line) for line in gzip.decompress((built_site.site / "data/articles.jsonl.gz").read_bytes()).decode("utf-8").splitlines()]
    assert {r["id"] for r in rows} == ids and all(r["text"] and r["sha256"] for r in rows)
    text = (built_site.site / "data/articles.csv").read_text("utf-8-sig")
    table = list(csv.DictReader(io.StringIO(text)))
    # (an id a spreadsheet would read as a number, 862034e07772, is written '862034e07772)
    assert {r["id"].removeprefix("'") for r in table} == ids
    tekes = next(r for r in table if r["id"] == built_site.by_capture["seeds/000_f97575b8f31bdef6.txt"])
    assert "特克斯县" in tekes["region"] and "访惠聚" in tekes["tags"]
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.parse(built_site.site / "feed.xml").getroot()
    # The feed: every article (fewer than its 50 entries here); one with neither a capture nor a
    # publication date is dated by the day its capture was added, recorded in its sidecar.
    from wenxian.ingest.kinds import split
    updated = {e.find("a:id", ns).text.rstrip("/").rsplit("/", 1)[1]: e.find("a:updated", ns).text
               for e in feed.findall("a:entry", ns)}
    assert set(updated) == ids
    for aid, m in built_site.meta.items():
        if not m.get("captured") and not m.get("date"):
            folder, name = m["raw"].rsplit("/", 1)
            sidecar = json.loads((built_site.root / folder / f"{split(name)[0]}.json").read_text("utf-8"))
            assert updated[aid] == sidecar["added"] + "T00:00:00Z"
    assert "1970" not in (built_site.site / "feed.xml").read_text("utf-8")
    sitemap = sitemap_pages(built_site.site)
    for aid in ids:
        assert f"/articles/{aid}/</loc>" in sitemap and f"/hant/articles/{aid}/</loc>" in sitemap


def test_hostile_metadata_stays_text(built_site):
    aid = built_site.hostile
    for prefix in ("", "hant/"):
        html = page(built_site, f"{prefix}articles/{aid}")
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>记者" not in html
        assert "javascript:" not in html and "<i>标签" not in html
        assert "&lt;/title&gt;&lt;script&gt;" in html
        assert "<title>＜/title＞＜script＞" in html
    # the BibTeX block is on the page in the article's own script (the twin links to it)
    own = "hant/" if built_site.meta[aid].get("script") == "hant" else ""
    bib = code_in_page(page(built_site, f"{own}articles/{aid}"), "wx-cite-bib")
    assert r"{\textbraceleft{}张三\textbraceright{}\%\$\#\_\&}" in bib


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def test_no_broken_internal_link(built_site):
    site = built_site.site
    broken, checked, anchors, ids = [], 0, 0, {}
    for html_file in site.rglob("*.html"):
        base = "http://site/" + html_file.relative_to(site).as_posix()
        parser = _Links()
        parser.feed(html_file.read_text("utf-8"))
        for link in parser.links:
            url = urlparse(urljoin(base, link))
            if url.netloc != "site" or url.scheme != "http":
                continue
            target = site / unquote(url.path).lstrip("/")
            if url.path.endswith("/"):
                target = target / "index.html"
            checked += 1
            if not target.is_file():
                broken.append(f"{html_file.relative_to(site)} -> {link}")
            elif url.fragment and target.suffix == ".html":  # the anchor is on the page (folded regions: #r<code>)
                anchors += 1
                if target not in ids:
                    ids[target] = set(re.findall(r'\bid="([^"]+)"', target.read_text("utf-8")))
                if unquote(url.fragment) not in ids[target]:
                    broken.append(f"{html_file.relative_to(site)} -> {link} (no such anchor)")
    assert checked > 1000 and anchors > 50
    assert broken == []
