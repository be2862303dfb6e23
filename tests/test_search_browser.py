"""Search through the real site in headless Chromium: the URL and the form a reader uses.

A temporary copy of the repository gets the corpus captures and a few synthetic ones
(scripts/make_corpus.py) added with `wenxian add`, is built
with MkDocs (the search hook runs Pagefind), served on localhost, and every case of
tests/cases/search_cases.yml is opened as /search/?q=… . The expected set of each case is computed
here from the articles' text in both scripts (grep), never written down.

The site is built with tiny search shards (SHARD_MAX articles each, wenxian/search/shards.py), so
every case searches several Pagefind bundles merged in the browser; the tests at the end check
the shards themselves, and that the one-bundle layout of a small archive (the shared `built_site`
of tests/sitebuild.py, default shard size) searches too.
"""
from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest
import yaml

from browsers import PageServer, need_browser
from wenxian import article
from wenxian.search import records as search
from wenxian.search import fold as search_fold
from wenxian import settings
from wenxian.search import shards as search_shards
from wenxian.script import to_simplified, to_traditional

playwright = pytest.importorskip("playwright.sync_api")

REPO = Path(__file__).resolve().parent.parent
CASES = yaml.safe_load((REPO / "tests" / "cases" / "search_cases.yml").read_text("utf-8"))
CHROMIUM = "/usr/bin/chromium"
SHARD_MAX = 6  # several shards over the ~40 test articles, each group level (year, month, day, id) used
SYNTHETIC = 10  # synthetic articles added to the seeds and the corpus
WORD = re.compile(r"[^\W_]+")  # runs of letters and digits (str.isalnum)
# Separators between two CJK ideographs do not separate: a phrase matches without its punctuation
# and across a paragraph break (README, Search).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef"
SEPARATOR_IN_HAN = re.compile(f"(?<=[{HAN}])[\\W_]+(?=[{HAN}])")


def _words(text: str) -> list[str]:
    return WORD.findall(SEPARATOR_IN_HAN.sub("", text.lower()))


# --- the site -------------------------------------------------------------------------------------

def _assign(root: Path) -> None:
    """Give articles without region/tags the cases file's regions and tags, round-robin."""
    mds = sorted((root / "docs" / "articles").glob("*.md"))
    for n, md in enumerate(mds):
        meta, body, _ = article.parse(md.read_text("utf-8"))
        if not meta.get("region"):
            meta["region"] = [CASES["assign_regions"][n % len(CASES["assign_regions"])]]
        if not meta.get("tags"):
            meta["tags"] = list(CASES["assign_tags"][n % len(CASES["assign_tags"])])
        md.write_text(article.to_markdown(meta, body), "utf-8")


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("repo")
    for name in ("docs", "archive", "hooks", "overrides"):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    captures = sorted(str(p) for p in (REPO / "tests" / "fixtures" / "corpus").glob("*.txt"))
    # and synthetic articles (real paragraphs recombined, some in traditional script: scripts/make_corpus.py)
    synthetic = tmp_path_factory.mktemp("synthetic")
    subprocess.run([sys.executable, str(REPO / "scripts" / "make_corpus.py"), "--n", str(SYNTHETIC), "--seed", "17",
                    "--out", str(synthetic)], check=True, capture_output=True)
    captures += sorted(str(p) for p in synthetic.glob("*.txt"))
    wenxian = Path(sys.executable).with_name("wenxian")
    subprocess.run([str(wenxian), "add", "--root", str(root), *captures], check=True, capture_output=True)
    _assign(root)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", settings.ENV["search_shard_max"]: str(SHARD_MAX)}
    # Built under the most restrictive umask: the site must still be readable by any user.
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(root / "site")],
                   cwd=root, check=True, env=env, preexec_fn=lambda: os.umask(0o077))
    return root


@pytest.fixture(scope="session")
def articles(site):
    out = {}
    for md in sorted((site / "docs" / "articles").glob("*.md")):
        meta, body, _ = article.parse(md.read_text("utf-8"))
        out[meta["id"]] = meta, _text(meta, body)
    assert len(out) >= 25, "the test site must hold the seeds and the corpus"
    return out


def _text(meta: dict, body: str) -> str:
    """Title and body as plain text, straight from the file (independent of wenxian.search)."""
    lines = [meta.get("title") or ""]
    for line in body.split("\n"):
        line = re.sub(r"^(## |〔图片〕)", "", line)
        lines.append(re.sub(r"\\(.)", r"\1", line).replace("&lt;", "<").replace("&amp;", "&"))
    return "\n".join(lines)


def _serve(folder: Path):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    server = PageServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def base_url(site):
    server, url = _serve(site / "site")
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    need_browser(Path(CHROMIUM))  # skipped without it (failed under WENXIAN_REQUIRE_BROWSER=1)
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context()
    # The site must work offline: anything outside localhost is refused, not fetched.
    ctx.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), lambda route: route.abort())
    pg = ctx.new_page()
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    ctx.close()
    assert not errors, errors


# --- expectations (grep) -------------------------------------------------------------------------

def _terms(q: str) -> list[str]:
    """Quoted phrases and bare words; punctuation inside a word separates terms."""
    terms = []
    for m in re.finditer(r'"([^"]*)"|“([^”]*)”|(\S+)', q):
        if m.group(3) is None:
            terms.append(" ".join(_words(m.group(1) or m.group(2) or "")))
        else:
            terms += _words(m.group(3))
    return [t for t in terms if t]


def _contains(text: str, term: str) -> bool:
    return term in " ".join(_words(text))


def _in_region(meta: dict, code: str) -> bool:
    n = 2 if code[2:] == "0" * 10 else 4 if code[4:] == "0" * 8 else 6
    return any(str(r.get("code", ""))[:n] == code[:n] for r in meta.get("region") or [])


def _meta_values(meta: dict) -> list[str]:
    """What a query looks in besides the text: source, authors, tags, every level's name of every
    region (each value on its own)."""
    names = [n for r in meta.get("region") or [] for n in str(r.get("path") or "").split("/") if n]
    return [v for v in [meta.get("source"), *(meta.get("author") or []), *(meta.get("tags") or []), *names] if v]


_simplified = functools.lru_cache(maxsize=None)(to_simplified)
_traditional = functools.lru_cache(maxsize=None)(to_traditional)


def _found(text: str, meta: dict, term: str) -> bool:
    # (a term typed in both scripts at once is found as its simplified form in the simplified
    # twin: 只帶動 in an article whose traditional twin reads 隻帶動, OpenCC choosing 隻 from the
    # context of the whole text, and whose simplified text reads 只带动)
    folded = _simplified(term)
    return any(_contains(_simplified(v), term) or _contains(_traditional(v), term) or _contains(_simplified(v), folded)
               for v in [text, *_meta_values(meta)])


def expected(articles, case) -> set[str]:
    terms = _terms(case.get("q") or "")
    out = set()
    for aid, (meta, text) in articles.items():
        if not all(_found(text, meta, t) for t in terms):
            continue
        f = case.get("filters") or {}
        if "region" in f and not _in_region(meta, str(f["region"])):
            continue
        if "topic" in f and f["topic"] not in (meta.get("tags") or []):
            continue
        if "source" in f and f["source"] != meta.get("source"):
            continue
        if "year" in f and not str(meta.get("date") or "").startswith(str(f["year"])):
            continue
        out.add(aid)
    return out


def in_date_order(ids, articles, sort) -> bool:
    """Dated articles newest or oldest first, and every undated article after them (both orders)."""
    dates = [search.sort_date(articles[i][0].get("date")) for i in ids]
    dated = [d for d in dates if d != "0000-00-00"]
    return dates == sorted(dated, reverse=sort == "newest") + ["0000-00-00"] * (len(dates) - len(dated))


# --- driving the page ----------------------------------------------------------------------------

def results(pg, all_copies: bool = True) -> list[tuple[str, str]]:
    """(id, link) of every result, pressing "more" until the list is complete. The test site's
    synthetic articles recombine real paragraphs, so some are copies of one story (issue 20),
    which the page lists once ("N 个版本"): when it does, 显示所有版本 is ticked and the list read
    again, so that a result list compares with the grep set article by article (the grouping has
    its own test, test_copies_of_a_story_are_listed_once_unless_all_are_asked_for)."""
    root = pg.locator("#wx-search")

    def read():
        pg.wait_for_selector("#wx-search[data-state=done], #wx-search[data-state=more]", timeout=20000)
        while root.get_attribute("data-state") == "more":
            pg.click(".wx-search__more")
            pg.wait_for_selector("#wx-search[data-state=done], #wx-search[data-state=more]", timeout=20000)

    read()
    if all_copies and pg.locator(".wx-result__copies").count() and not pg.locator("input[name=copies]").is_checked():
        pg.check("input[name=copies]")
        pg.wait_for_url(re.compile(r"copies=all"))
        pg.wait_for_function("document.querySelectorAll('.wx-result__copies').length === 0")
        read()
    return [(li.get_attribute("data-id"), li.locator(".wx-result__title").get_attribute("href"))
            for li in pg.locator(".wx-result").all()]


def open_facets(pg) -> None:
    """Open the facet disclosure (closed on a fresh page) and wait until its menus are filled."""
    pg.wait_for_selector("#wx-search[data-ready='1']")
    if not pg.locator(".wx-search__facets").evaluate("d => d.open"):
        pg.click(".wx-search__facets > summary")
    pg.wait_for_selector(".wx-search__facets[data-filled='1']", timeout=20000)


def facet_requests(pg) -> list[str]:
    """URLs of facet data the page requests from now on: Pagefind filter chunks, the menus' data."""
    urls: list[str] = []
    pg.on("request", lambda r: urls.append(r.url) if re.search(r"/pagefind/.*filter/|/facets\.json", r.url) else None)
    return urls


def search_url(base_url, case) -> str:
    params = {"q": case.get("q") or ""}
    params.update({k: str(v) for k, v in (case.get("filters") or {}).items()})
    if case.get("sort"):
        params["sort"] = case["sort"]
    prefix = "/hant" if case.get("page") == "hant" else ""
    return f"{base_url}{prefix}/search/?{urlencode(params)}"


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["id"] for c in CASES["cases"]])
def test_search_case(case, articles, base_url, page):
    want = expected(articles, case)
    assert bool(want) == (case["expect"] == "some"), f"test data: grep finds {sorted(want)}"
    page.goto(search_url(base_url, case))
    got = results(page)
    ids = [i for i, _ in got]
    assert len(ids) == len(set(ids)), "a result is listed twice"
    if case.get("match") == "superset":
        assert want <= set(ids)
    else:
        assert set(ids) == want
    prefix = "/hant/articles/" if case.get("page") == "hant" else "/articles/"
    for aid, href in got:
        assert href == f"{base_url}{prefix}{aid}/", "the link must go to the twin in the reader's script"
    if case.get("sort"):
        assert in_date_order(ids, articles, case["sort"])
    if not want:
        assert page.locator(".wx-search__status").inner_text().strip() != ""


def test_results_show_title_date_source_regions_and_highlight(articles, base_url, page):
    page.goto(f"{base_url}/search/?q=转移就业")
    got = results(page)
    assert got
    first = page.locator(".wx-result:not(:has(.wx-result__found))").first  # found in its text
    meta, _ = articles[first.get_attribute("data-id")]
    assert first.locator(".wx-result__title").inner_text() == (meta.get("title") or meta["id"])
    assert first.locator(".wx-result__date").inner_text() == (meta.get("date") or "日期不详")
    if meta.get("source"):
        assert first.locator(".wx-result__source").inner_text() == meta["source"]
    assert first.locator(".wx-result__regions").inner_text()
    marks = first.locator(".wx-result__excerpt mark").all_inner_texts()
    assert marks and all(m == "转移就业" for m in marks)


def test_hant_page_shows_traditional_excerpts(base_url, page):
    page.goto(f"{base_url}/hant/search/?q=轉移就業")
    results(page)
    marks = page.locator(".wx-result__excerpt mark").all_inner_texts()
    assert marks and set(marks) == {"轉移就業"}


def test_header_box_submits_to_search_page_and_url_runs_it(articles, base_url, page):
    page.goto(f"{base_url}/")
    page.fill(".wx-header-search__input", "脫貧攻堅")
    page.press(".wx-header-search__input", "Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    ids = {i for i, _ in results(page)}
    assert ids == expected(articles, {"q": "脫貧攻堅"})
    assert page.locator(".wx-search__q").input_value() == "脫貧攻堅"


def test_hant_header_box_goes_to_hant_search(base_url, page):
    page.goto(f"{base_url}/hant/search/")
    action = page.locator(".wx-header-search").get_attribute("action")
    assert action.rstrip("/").endswith("hant/search")


def test_filters_and_sort_from_the_form_update_the_url(articles, base_url, page):
    sources = sorted({m.get("source") for m, _ in articles.values() if m.get("source")},
                     key=lambda s: -sum(m.get("source") == s for m, _ in articles.values()))
    source = sources[0]
    page.goto(f"{base_url}/search/")
    open_facets(page)
    page.fill(".wx-search__q", "")
    page.select_option("select[name=source]", source)
    page.wait_for_url(re.compile(r"source="))
    ids = {i for i, _ in results(page)}
    assert ids == expected(articles, {"q": "", "filters": {"source": source}}) != set()
    page.select_option("select[name=sort]", "oldest")
    page.wait_for_url(re.compile(r"sort=oldest"))
    got = [i for i, _ in results(page)]
    assert in_date_order(got, articles, "oldest")
    # the region list is a tree: a county is indented under its prefecture
    labels = page.locator("select[name=region] option").all_inner_texts()
    assert any(label.startswith("\u3000\u3000") for label in labels)


def test_typing_a_query_and_pressing_enter(articles, base_url, page):
    page.goto(f"{base_url}/search/")
    page.wait_for_selector("#wx-search[data-ready='1']")
    page.fill(".wx-search__q", "阿果依村 白仙巴依")
    page.press(".wx-search__q", "Enter")
    page.wait_for_url(re.compile(r"q=%E9%98%BF"))
    assert {i for i, _ in results(page)} == expected(articles, {"q": "阿果依村 白仙巴依"}) != set()


# --- facet menus, loaded only when opened ----------------------------------------------------------

def test_first_query_loads_no_facet_data(articles, shard_of, base_url, page):
    requests = facet_requests(page)
    page.goto(f"{base_url}/search/?q=转移就业")
    ids = [i for i, _ in results(page)]
    assert set(ids) == expected(articles, {"q": "转移就业"}) != set()
    page.wait_for_load_state("networkidle")
    assert requests == [], "a query without a facet must not download filter chunks or the menus' data"
    assert page.locator(".wx-search__facets").evaluate("d => !d.open && !d.dataset.filled")
    assert page.locator("select[name=region] option").count() == 1  # only 全部, until opened
    # a sorted query walks the shards through the hidden shard filter: that filter's chunk of each
    # shard (Pagefind loads only the filters a search uses), not the menus' data
    page.goto(f"{base_url}/search/?q=转移就业&sort=newest")
    assert {i for i, _ in results(page)} == set(ids)
    page.wait_for_load_state("networkidle")
    assert not any(u.endswith("/facets.json") for u in requests)
    assert len(set(requests)) <= len(set(shard_of.values()))


def test_opening_the_facets_fills_the_menus_with_counts(articles, shard_of, base_url, page):
    requests = facet_requests(page)
    page.goto(f"{base_url}/search/?q=脱贫")
    results(page)
    assert requests == []
    summary = page.locator(".wx-search__facets > summary")
    assert summary.inner_text().strip() == "筛选"
    open_facets(page)
    # the menus come from one small file (wenxian.search.facets), not from every shard's filter chunks
    assert [u.rsplit("/", 1)[1] for u in requests] == ["facets.json"]
    for name, label in (("region", "地区"), ("topic", "主题"), ("source", "来源"), ("year", "年份")):
        sel = page.locator(f".wx-search__facets select[name={name}]")
        assert sel.is_visible()
        assert page.locator(f".wx-search__facets label:has(select[name={name}])").inner_text().startswith(label)
        options = sel.locator("option").all_inner_texts()
        assert options[0] == "全部" and len(options) > 1
        assert all(re.search(r" \(\d+\)$", o) for o in options[1:]), options
    years = {}
    for meta, _ in articles.values():
        if meta.get("date"):
            years[str(meta["date"])[:4]] = years.get(str(meta["date"])[:4], 0) + 1
    year_options = page.locator("select[name=year] option").all_inner_texts()[1:]
    assert year_options == [f"{y} ({years[y]})" for y in sorted(years, reverse=True)]
    labels = page.locator("select[name=region] option").all_inner_texts()
    assert any(label.startswith("\u3000\u3000") for label in labels)
    # every count is the number of articles the filter finds, as the frontmatter says
    for name in ("topic", "source", "region"):
        for value, text in page.locator(f"select[name={name}] option").evaluate_all(
                "os => os.slice(1).map(o => [o.value, o.textContent])"):
            n = int(re.search(r"\((\d+)\)$", text).group(1))
            assert n == len(expected(articles, {"q": "", "filters": {name: value}})), (name, value, text)
    # the sort select stays outside; the hidden shard filter is never offered
    assert page.locator(".wx-search__facets select[name=sort]").count() == 0
    assert page.locator("select[name=shard]").count() == 0
    options = " ".join(page.locator("#wx-search select option").all_inner_texts())
    assert not any(name in options for name in set(shard_of.values()))
    # closing and opening again does not load anything twice
    n = len(requests)
    summary.click()
    summary.click()
    page.wait_for_load_state("networkidle")
    assert len(requests) == n


@pytest.mark.parametrize("prefix", ["", "/hant"])
def test_url_with_a_facet_opens_the_menus_with_it_selected(prefix, articles, base_url, page):
    code = "650000000000"
    page.goto(f"{base_url}{prefix}/search/?region={code}")
    ids = {i for i, _ in results(page)}
    assert ids == expected(articles, {"q": "", "filters": {"region": code}}) != set()
    page.wait_for_selector(".wx-search__facets[open][data-filled='1']", timeout=20000)
    assert page.locator(".wx-search__facets > summary").inner_text().strip() == ("篩選" if prefix else "筛选")
    sel = page.locator("select[name=region]")
    assert sel.input_value() == code
    name = "新疆維吾爾自治區" if prefix else "新疆维吾尔自治区"
    assert sel.evaluate("s => s.selectedOptions[0].textContent") == f"{name} ({len(ids)})"
    # the filled menu still drives the search: back to every region
    page.select_option("select[name=region]", "")
    page.wait_for_url(re.compile(r"/search/(\?copies=all)?$"))


# --- shards ----------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def shard_of(site, articles) -> dict[str, str]:
    """Article id -> shard name, as the build partitioned them (checked against shards.json)."""
    listed = json.loads((site / "site" / "assets" / "search" / "shards.json").read_text("utf-8"))["shards"]
    shards = search_shards.partition([(aid, search.sort_date(m.get("date"))) for aid, (m, _) in articles.items()],
                                     SHARD_MAX)
    assert [s["name"] for s in listed] == [s.name for s in shards]
    assert len(shards) >= 4, "the test site must be cut into several shards"
    return {aid: s.name for s in shards for aid in s.ids}


def test_each_shard_is_a_bundle_and_results_come_from_every_shard(site, articles, shard_of, base_url, page):
    listed = json.loads((site / "site" / "assets" / "search" / "shards.json").read_text("utf-8"))["shards"]
    assert listed[-1]["path"] == "pagefind/"
    for s in listed[:-1]:
        assert (site / "site" / s["path"] / "pagefind-entry.json").is_file()
    # a one-character query finds almost every article: more than a page, from every shard
    page.goto(f"{base_url}/search/?q=的")
    ids = [i for i, _ in results(page)]
    assert set(ids) == expected(articles, {"q": "的"})
    assert len(ids) > 10 and len(ids) == len(set(ids))
    assert {shard_of[i] for i in ids} == set(shard_of.values())


def test_terms_are_intersected_across_shards(articles, shard_of, base_url, page):
    q = "发展 经济"
    want = expected(articles, {"q": q})
    assert len({shard_of[i] for i in want}) >= 2
    page.goto(f"{base_url}/search/?q={q}")
    assert {i for i, _ in results(page)} == want


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_sorted_results_are_in_date_order_across_shards(sort, articles, shard_of, base_url, page):
    page.goto(f"{base_url}/search/?q=的&sort={sort}")
    ids = [i for i, _ in results(page)]  # pages through "more"
    assert set(ids) == expected(articles, {"q": "的"})
    assert in_date_order(ids, articles, sort)
    assert len({shard_of[i] for i in ids}) >= 4
    # undated articles come last in both orders (issue #17: 最早 opened with a page of 日期不详)
    undated = [i for i in ids if not articles[i][0].get("date")]
    assert undated and ids[-len(undated):] == undated
    assert page.locator(".wx-result__date").last.inner_text() == "日期不详"


def test_filters_and_facet_counts_span_shards_and_the_shard_filter_is_hidden(articles, shard_of, base_url, page):
    topics = {}
    for aid, (meta, _) in articles.items():
        for t in meta.get("tags") or []:
            topics.setdefault(t, set()).add(aid)
    topic, members = max(topics.items(), key=lambda kv: len({shard_of[i] for i in kv[1]}))
    assert len({shard_of[i] for i in members}) >= 2
    page.goto(f"{base_url}/search/?{urlencode({'topic': topic, 'sort': 'oldest'})}")
    ids = [i for i, _ in results(page)]
    assert set(ids) == expected(articles, {"q": "", "filters": {"topic": topic}})
    assert in_date_order(ids, articles, "oldest")
    page.wait_for_selector(".wx-search__facets[open][data-filled='1']", timeout=20000)
    # facet counts add up the shards; no `shard` select, no shard name among the options
    label = [o for o in page.locator("select[name=topic] option").all_inner_texts() if o.startswith(topic + " (")]
    assert label == [f"{topic} ({len(members)})"]
    assert page.locator("select[name=shard]").count() == 0
    options = " ".join(page.locator("#wx-search select option").all_inner_texts())
    assert not any(name in options for name in set(shard_of.values()))


def test_small_archive_is_one_bundle_and_searches(built_site, browser):
    """The shared site build of tests/sitebuild.py (default shard size): one bundle at pagefind/."""
    listed = json.loads((built_site.site / "assets" / "search" / "shards.json").read_text("utf-8"))["shards"]
    assert [s["path"] for s in listed] == ["pagefind/"]
    assert not (built_site.site / "pagefind" / "shards").exists()
    server, url = _serve(built_site.site)
    ctx = browser.new_context()
    try:
        ctx.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), lambda route: route.abort())
        pg = ctx.new_page()
        pg.goto(f"{url}/search/?q=转移就业&sort=newest")
        ids = [i for i, _ in results(pg)]
        assert ids and set(ids) <= set(built_site.meta)
        dates = [search.sort_date(built_site.meta[i].get("date")) for i in ids]
        assert dates == sorted(dates, reverse=True)
        # one bundle: undated articles still last in the oldest-first order
        pg.goto(f"{url}/search/?q=的&sort=oldest")
        ids = [i for i, _ in results(pg)]
        dates = [search.sort_date(built_site.meta[i].get("date")) for i in ids]
        dated = [d for d in dates if d != "0000-00-00"]
        assert dated != dates and dates == sorted(dated) + ["0000-00-00"] * (len(dates) - len(dated))
    finally:
        ctx.close()
        server.shutdown()


# --- served by another user, files that fail to load ----------------------------------------------

def test_every_file_of_the_site_is_readable_by_others(site):
    """The site was built under umask 077 (fixture `site`): still 0644 files, 0755 folders."""
    paths = [site / "site", *(site / "site").rglob("*")]
    assert len(paths) > 100
    bad = [f"{oct(stat.S_IMODE(p.lstat().st_mode))} {p.relative_to(site)}" for p in paths
           if not p.is_symlink() and stat.S_IMODE(p.lstat().st_mode) & (0o755 if p.is_dir() else 0o644)
           != (0o755 if p.is_dir() else 0o644)]
    assert not bad, bad[:20]
    for name in ("fold.txt", "shards.json", "facets.json"):
        assert stat.S_IMODE((site / "site" / "assets" / "search" / name).stat().st_mode) == 0o644


SYSTEM_PYTHON = "/usr/bin/python3.11"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served_by_nobody(site):
    """The built site copied with its modes (as `rsync -a` or `tar` would) into a folder anyone
    may enter, and served by a static server running as the unprivileged user `nobody`."""
    if os.geteuid() != 0 or not shutil.which("setpriv") or not Path(SYSTEM_PYTHON).exists():
        pytest.skip("serving as another user needs root, setpriv and the system Python")
    top = Path(tempfile.mkdtemp(prefix="wenxian-nobody-"))
    os.chmod(top, 0o755)
    shutil.copytree(site / "site", top / "site", symlinks=True)  # copy2: modes kept
    port = _free_port()
    proc = subprocess.Popen(["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", SYSTEM_PYTHON,
                             "-m", "http.server", "--bind", "127.0.0.1", "--directory", str(top / "site"), str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        owner = Path(f"/proc/{proc.pid}/status").read_text().split("Uid:")[1].split()[1]
        assert owner == "65534", "the server must run as nobody"
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait()
        shutil.rmtree(top, ignore_errors=True)


@pytest.mark.parametrize("case", [{"q": "轉移就業", "page": "hant"}, {"q": "galaxy"}, {"q": "发展 经济", "sort": "newest"},
                                  {"q": "", "filters": {"region": "650000000000"}}], ids=["hant", "latin", "sorted", "facet"])
def test_search_works_when_served_by_another_user(case, articles, served_by_nobody, page):
    want = expected(articles, case)
    assert want
    page.goto(search_url(served_by_nobody, case))
    ids = [i for i, _ in results(page)]
    assert set(ids) == want
    if case.get("sort"):
        dates = [search.sort_date(articles[i][0].get("date")) for i in ids]
        assert dates == sorted(dates, reverse=True)
    if case.get("filters"):
        page.wait_for_selector(".wx-search__facets[open][data-filled='1']", timeout=20000)
        assert page.locator("select[name=region]").input_value() == case["filters"]["region"]


@pytest.fixture
def broken_copy(site, tmp_path):
    """A copy of the built site, served, that a test may damage."""
    shutil.copytree(site / "site", tmp_path / "site")
    server, url = _serve(tmp_path / "site")
    yield tmp_path / "site", url
    server.shutdown()


@pytest.mark.parametrize("damage", ["missing", "html", "binary"])
@pytest.mark.parametrize("name", ["fold.txt", "shards.json"])
def test_a_search_file_that_fails_to_load_is_reported(name, damage, broken_copy, page):
    folder, url = broken_copy
    path = folder / "assets" / "search" / name
    if damage == "missing":
        path.unlink()
    elif damage == "html":
        path.write_text("<!doctype html><html><body><h1>403 Forbidden</h1></body></html>\n", "utf-8")
    else:
        path.write_bytes(b"\x1f\x8b\x08\x00garbage\xff")
    page.goto(f"{url}/hant/search/?q=轉移就業" if name == "fold.txt" else f"{url}/search/?q=galaxy")
    page.wait_for_selector("#wx-search[data-state=error]", timeout=20000)
    status = page.locator(".wx-search__status")
    assert status.get_attribute("role") == "alert"
    text = status.inner_text()
    assert name in text and ("無法" in text or "无法" in text)
    if damage == "missing":
        assert "404" in text
    assert page.locator(".wx-result").count() == 0


@pytest.mark.parametrize("content", ["<html>", '{"region": {"65": "新疆"}, "topic": {}, "source": {}, "year": {}}'],
                         ids=["html", "wrong-shape"])
def test_facet_data_that_fails_to_load_is_reported(content, broken_copy, page):
    folder, url = broken_copy
    (folder / "assets" / "search" / "facets.json").write_text(content, "utf-8")
    page.goto(f"{url}/search/?region=650000000000")
    page.wait_for_selector("#wx-search[data-state=error]", timeout=20000)
    assert "facets.json" in page.locator(".wx-search__status").inner_text()


def test_a_value_chosen_in_the_lazily_filled_menu_filters_the_search(articles, base_url, page):
    """The menus are filled from facets.json after a query; choosing a topic and then a county
    (a 6-digit cut code padded back to 12 digits) searches with them: results = the grep set."""
    page.goto(f"{base_url}/search/?q=脱贫")
    results(page)
    open_facets(page)
    topic = page.locator("select[name=topic] option").nth(1).get_attribute("value")
    page.select_option("select[name=topic]", topic)
    page.wait_for_url(re.compile(r"topic="))
    assert {i for i, _ in results(page)} == expected(articles, {"q": "脱贫", "filters": {"topic": topic}})
    page.select_option("select[name=topic]", "")
    page.wait_for_url(lambda url: "topic=" not in url)
    counties = [v for v in page.locator("select[name=region] option").evaluate_all("os => os.map(o => o.value)")
                if len(v.rstrip("0")) > 4]
    assert counties and all(len(v) == 12 for v in counties)
    page.select_option("select[name=region]", counties[0])
    page.wait_for_url(re.compile(rf"region={counties[0]}"))
    assert {i for i, _ in results(page)} == expected(articles, {"q": "脱贫", "filters": {"region": counties[0]}})


def test_the_page_opened_without_a_query_loads_no_index_until_the_box_is_used(articles, base_url, page):
    """Pagefind, the shards' metadata and the fold table are loaded when the reader goes to the
    search box (or by a search in the URL), not by a visit that never searches."""
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url))
    page.goto(f"{base_url}/search/")
    page.wait_for_selector("#wx-search[data-ready='1']")
    page.wait_for_load_state("networkidle")
    index = lambda: [u for u in urls if re.search(r"/pagefind/|/assets/search/(fold\.txt|shards\.json)", u)]  # noqa: E731
    assert index() == []
    page.focus("#wx-search input[name=q]")
    page.wait_for_function("performance.getEntriesByType('resource').some(e => e.name.includes('.pf_meta'))")
    assert any(u.endswith("/pagefind/pagefind.js") for u in index())
    page.fill("#wx-search input[name=q]", "转移就业")
    page.press("#wx-search input[name=q]", "Enter")
    assert {i for i, _ in results(page)} == expected(articles, {"q": "转移就业"}) != set()


def test_a_file_that_fails_before_any_search_is_reported_by_the_first_search(broken_copy, page):
    folder, url = broken_copy
    (folder / "assets" / "search" / "shards.json").write_text("<!doctype html><h1>403 Forbidden</h1>", "utf-8")
    page.goto(f"{url}/search/")
    page.wait_for_selector("#wx-search[data-ready='1']")
    page.focus("#wx-search input[name=q]")  # loads the index: the failure is kept for the search
    page.wait_for_load_state("networkidle")
    assert page.locator(".wx-search__status").inner_text() == ""
    page.fill("#wx-search input[name=q]", "galaxy")
    page.press("#wx-search input[name=q]", "Enter")
    page.wait_for_selector("#wx-search[data-state=error]", timeout=20000)
    assert "shards.json" in page.locator(".wx-search__status").inner_text()
    assert page.locator(".wx-result").count() == 0


# --- details (issue #17, point 5) ---------------------------------------------------------------------

def test_switching_script_keeps_the_query_filters_and_sort(articles, base_url, page):
    q, code = "脱贫", "650000000000"
    page.goto(f"{base_url}/search/?{urlencode({'q': q, 'region': code, 'sort': 'oldest'})}")
    want = [i for i, _ in results(page)]
    assert want
    page.click(".wx-switch__link")
    page.wait_for_url(re.compile(r"/hant/search/\?"))
    assert "/hant/search/" in page.url and f"region={code}" in page.url and "sort=oldest" in page.url
    assert page.locator(".wx-search__q").input_value() == q
    assert page.locator("select[name=sort]").input_value() == "oldest"
    assert page.locator("select[name=region]").input_value() == code
    assert [i for i, _ in results(page)] == want
    # and back, after changing the query on the traditional page
    page.fill(".wx-search__q", "轉移就業")
    page.press(".wx-search__q", "Enter")
    page.wait_for_url(re.compile(r"q=%E8%BD%89"))
    results(page)
    page.click(".wx-switch__link")
    page.wait_for_url(re.compile(r"/search/\?q=%E8%BD%89"))
    assert "/hant/" not in page.url and page.locator(".wx-search__q").input_value() == "轉移就業"


def test_an_untitled_article_shows_a_devised_title(articles, base_url, page):
    untitled = [aid for aid, (meta, _) in articles.items() if not meta.get("title")]
    assert untitled, "the seeds include articles without a title"
    aid = untitled[0]
    first = next(line for line in articles[aid][1].split("\n")[1:] if line.strip()).strip()
    q = "".join(WORD.findall(first))[:6]
    page.goto(f"{base_url}/search/?{urlencode({'q': q})}")
    results(page)
    title = page.locator(f".wx-result[data-id='{aid}'] .wx-result__title").inner_text()
    assert title != aid and title.startswith("[") and title.endswith("]")
    assert first.startswith(title[1:-1].rstrip("…")) and len(title) > 4


@pytest.mark.parametrize("prefix", ["", "/hant"])
def test_the_search_page_has_one_search_landmark(prefix, base_url, page):
    page.goto(f"{base_url}{prefix}/search/?q=扶贫")
    results(page)
    assert page.locator("[role=search], search").count() == 1
    assert page.locator("#wx-search form[role=search]").count() == 1
    # other pages keep the header box as their search landmark
    page.goto(f"{base_url}{prefix}/")
    assert page.locator("[role=search], search").count() == 1
    assert page.locator("form.wx-header-search[role=search]").count() == 1


@pytest.mark.parametrize("box", [".wx-header-search__input", ".wx-search__q"])
def test_both_search_boxes_show_a_focus_ring(box, base_url, page):
    page.goto(f"{base_url}/search/")
    page.wait_for_selector("#wx-search[data-ready='1']")
    page.keyboard.press("Tab")  # keyboard modality, then focus the box
    page.focus(box)
    style = page.locator(box).evaluate(
        "e => { const s = getComputedStyle(e); return [s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor,"
        " getComputedStyle(e.closest('header, form').parentElement).backgroundColor] }")
    assert style[0] not in ("none", "hidden") and style[1] >= 1, style
    page.locator(box).blur()
    assert page.locator(box).evaluate("e => getComputedStyle(e).outlineStyle") in ("none", "hidden")


def test_arrowing_through_a_menu_searches_once_when_the_choice_is_made(articles, base_url, page):
    page.goto(f"{base_url}/search/?q=发展")
    results(page)
    root = page.locator("#wx-search")
    before = int(root.get_attribute("data-searches"))
    page.focus("select[name=sort]")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.locator("select[name=sort]").input_value() == "oldest"  # the arrows did move the choice
    page.wait_for_timeout(300)
    assert int(root.get_attribute("data-searches")) == before and "sort=" not in page.url
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"sort=oldest"))
    ids = [i for i, _ in results(page)]
    assert int(root.get_attribute("data-searches")) == before + 1
    assert set(ids) == expected(articles, {"q": "发展"}) and in_date_order(ids, articles, "oldest")
    # leaving the menu commits too
    page.focus("select[name=sort]")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Tab")
    page.wait_for_url(re.compile(r"sort=newest"))
    assert int(root.get_attribute("data-searches")) == before + 2


# --- metadata is searchable (issue #17, point 4) ------------------------------------------------------

def _meta_only(articles, field: str, level: int | None = None):
    """(value, article id) of a metadata value that an article has but its text does not spell."""
    for aid, (meta, text) in sorted(articles.items()):
        if field == "region":
            values = [str(r.get("path")).split("/")[level] for r in meta.get("region") or []
                      if len(str(r.get("path") or "").split("/")) > level]
        else:
            values = meta.get(field) if isinstance(meta.get(field), list) else [meta.get(field)]
        for v in values or []:
            if v and len(v) >= 2 and v not in text and v not in _simplified(text):
                return v, aid
    return None, None


@pytest.mark.parametrize("field, level, label", [("source", None, "source"), ("tags", None, "tags"),
                                                 ("author", None, "author"), ("region", 0, "regions"),
                                                 ("region", 1, "regions"), ("region", 2, "regions")])
@pytest.mark.parametrize("script", ["hans", "hant"])
def test_metadata_is_found_in_either_script_and_the_result_says_where(field, level, label, script, articles,
                                                                      base_url, page):
    value, aid = _meta_only(articles, field, level)
    if value is None:
        pytest.skip(f"no article of the test site has a {field} that its text does not spell")
    q = to_traditional(value) if script == "hant" else value
    want = expected(articles, {"q": q})
    assert aid in want
    page.goto(f"{base_url}{'/hant' if script == 'hant' else ''}/search/?{urlencode({'q': q})}")
    assert {i for i, _ in results(page)} == want
    found = page.locator(f".wx-result[data-id='{aid}'] .wx-result__found")
    assert label in found.get_attribute("data-fields").split()
    shown = found.locator(f"[data-field={label}]").inner_text()
    assert (to_traditional(value) if script == "hant" else value) in shown


def test_metadata_and_text_terms_combine(articles, base_url, page):
    value, aid = _meta_only(articles, "tags")
    q = f"{value} 的"
    want = expected(articles, {"q": q})
    assert aid in want
    page.goto(f"{base_url}/search/?{urlencode({'q': q})}")
    assert {i for i, _ in results(page)} == want


@pytest.mark.parametrize("prefix", ["", "/hant"])
def test_after_a_header_search_the_next_tab_is_the_first_result(prefix, base_url, page):
    page.goto(f"{base_url}{prefix}/")
    page.fill(".wx-header-search__input", "扶贫")
    page.press(".wx-header-search__input", "Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    page.wait_for_selector("#wx-search[data-state=done], #wx-search[data-state=more]", timeout=20000)
    page.wait_for_function("document.activeElement.classList.contains('wx-search__results')")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == page.locator(".wx-result__title").first.get_attribute("href")


def test_hant_results_write_titles_sources_and_regions_as_the_article_pages(articles, base_url, page):
    from wenxian.site.twins import place_name, to_script
    page.goto(f"{base_url}/hant/search/?q=的")
    got = results(page)
    assert len(got) > 10
    for li in page.locator(".wx-result").all():
        meta = articles[li.get_attribute("data-id")][0]
        if meta.get("title"):
            assert li.locator(".wx-result__title").inner_text() == to_script(meta["title"], meta.get("script", "hans"), "hant")
        if meta.get("source"):
            assert li.locator(".wx-result__source").inner_text() == to_script(meta["source"], meta.get("script", "hans"), "hant")
        paths = [r["path"] for r in meta.get("region") or [] if r.get("path")]
        if paths:
            # region names as place names (蘭干買里斯村, not 蘭幹買里斯村: data/place_name_chars.yml)
            want = ";".join(" / ".join(place_name(n, "hant") for n in p.split("/")) for p in paths)
            assert li.locator(".wx-result__regions").inner_text() == want


# --- many queries against grep: random substrings of the articles, in both scripts -------------------

def _random_queries(articles, n: int, seed: int = 17) -> list[str]:
    """n substrings of the articles' texts (titles and bodies, punctuation and line breaks
    included: what a reader pastes), 1–12 characters, deterministic."""
    import random
    rng = random.Random(seed)
    ids = sorted(articles)
    out: list[str] = []
    while len(out) < n:
        text = articles[rng.choice(ids)][1]
        size = rng.choice([1, 2, 2, 3, 3, 4, 4, 5, 6, 8, 12])
        start = rng.randrange(max(1, len(text) - size))
        q = text[start:start + size].strip()
        if WORD.search(q) and q not in out and '"' not in q:
            out.append(q)
    return out


def _typed(page, query: str, articles) -> tuple | None:
    """Type the query into the search page already open and compare its results with grep:
    None when they agree, else (query, found but not grep's, grep's but not found)."""
    want = expected(articles, {"q": query})
    before = page.locator("#wx-search").get_attribute("data-searches")
    page.fill(".wx-search__q", query)
    page.press(".wx-search__q", "Enter")
    page.wait_for_function(f"document.getElementById('wx-search').dataset.searches !== '{before}'")
    got = {i for i, _ in results(page)}
    # a character of a pair folded together on purpose (search_fold.yml) finds both, and so
    # does a traditional character sharing its simplified form with another (發/髮 → 发)
    if (want - got) or (got != want and not set(query) & LISTED and not shares_a_form(query, articles)):
        return query, sorted(got - want), sorted(want - got)
    return None


def test_random_substrings_in_both_scripts_find_the_grep_set(articles, base_url, page):
    """150 substrings × (simplified, traditional) = 300 queries typed into the search page, each
    compared with grep over both twins of every article (text and metadata)."""
    page.goto(f"{base_url}/search/")
    page.wait_for_selector("#wx-search[data-ready='1']")
    wrong = [bad for q in _random_queries(articles, 150) for query in (to_simplified(q), to_traditional(q))
             if (bad := _typed(page, query, articles))]
    assert not wrong, wrong[:10]


def _query_kinds(articles, seed: int = 18) -> dict[str, list[str]]:
    """Queries of every kind a reader types, drawn deterministically from the built test site's
    articles (fixtures, seeds, synthetic): substrings of 1–20 characters, two substrings of one
    article (AND), quoted phrases, strings no article holds (a character of a substring changed,
    Latin letters), and metadata values (sources, authors, tags, every region level's name)."""
    import random
    rng = random.Random(seed)
    ids = sorted(articles)
    texts = [articles[i][1] for i in ids]

    def piece(sizes) -> str:
        while True:
            text = rng.choice(texts)
            size = rng.choice(sizes)
            start = rng.randrange(max(1, len(text) - size))
            q = text[start:start + size].strip()
            if WORD.search(q) and not set(q) & set('"“”「」『』'):  # quote marks: the page's phrase syntax
                return q

    kinds: dict[str, list[str]] = {"substring": [], "and": [], "phrase": [], "absent": [], "metadata": []}
    while len(kinds["substring"]) < 90:
        kinds["substring"].append(piece([1, 2, 2, 3, 3, 4, 5, 6, 8, 10, 15, 20]))
    while len(kinds["and"]) < 20:
        text = rng.choice(texts)
        a, b = (text[s:s + rng.choice([2, 3, 4])] for s in (rng.randrange(len(text) - 4) for _ in "ab"))
        if WORD.search(a) and WORD.search(b) and not set(a + b) & set('"“”「」『』'):
            kinds["and"].append(f"{a.strip()} {b.strip()}")
    while len(kinds["phrase"]) < 15:
        kinds["phrase"].append(f'"{piece([4, 6, 8, 10])}"')
    han = [c for c in sorted(set("".join(texts))) if re.match(f"[{HAN}]", c)]
    while len(kinds["absent"]) < 25:
        q = piece([3, 4, 5, 6]) if len(kinds["absent"]) % 5 else "".join(rng.choice("qxzjvk") for _ in range(5))
        q = q[:-1] + rng.choice(han) if len(kinds["absent"]) % 5 else q
        if not any(expected(articles, {"q": form}) for form in (q, to_simplified(q), to_traditional(q))):
            kinds["absent"].append(q)
    values = sorted({v for meta, _ in articles.values() for v in _meta_values(meta)})
    kinds["metadata"] = rng.sample(values, min(30, len(values)))
    return kinds


@pytest.mark.parametrize("script", ["hans", "hant"])
def test_queries_of_every_kind_find_the_grep_set_on_either_script_page(script, articles, base_url, page):
    """≥ 180 queries a script page (so ≥ 360 cases over both): each kind of _query_kinds written
    in the page's script, every fourth in the other script (cross-script), compared with grep over
    both twins of every article; the absent strings must find nothing and say so."""
    kinds = _query_kinds(articles)
    convert = (to_simplified, to_traditional) if script == "hans" else (to_traditional, to_simplified)
    queries = [convert[n % 4 == 3](q) for n, q in enumerate(q for qs in kinds.values() for q in qs)]
    assert len(queries) >= 180 and all(kinds.values())
    page.goto(f"{base_url}{'/hant' if script == 'hant' else ''}/search/?copies=all")
    page.wait_for_selector("#wx-search[data-ready='1']")
    wrong = [bad for query in queries if (bad := _typed(page, query, articles))]
    assert not wrong, wrong[:10]
    for q in kinds["absent"][:3]:  # nothing found: the page says so
        assert _typed(page, convert[0](q), articles) is None
        assert page.locator(".wx-result").count() == 0
        assert page.locator(".wx-search__status").inner_text().strip() in ("没有找到符合的文章。", "沒有找到符合的文章。")


LISTED = {c for pair in search_fold.merged_pairs() for c in pair}


@functools.lru_cache(maxsize=1)
def _traditional_forms(texts: tuple) -> dict:
    forms: dict[str, set[str]] = {}
    for text in texts:
        twin = to_traditional(text)  # the twin writes 头发 as 頭髮, 机制作用 as 機制作用
        for ch in set(text) | set(twin):
            simple = to_simplified(ch)
            if simple != ch or ch in twin:
                forms.setdefault(simple, set()).add(ch)
    return forms


def shares_a_form(query: str, articles) -> bool:
    """A traditional character of the query whose simplified form is written with another
    traditional character in the articles (query 發, text 頭髮: both fold to 发; query 製, the
    twin's 機制: 制 stays 制), the README's
    documented limit of folding to one script: such a query may find more than grep."""
    forms = _traditional_forms(tuple(text for _meta, text in articles.values()))
    return any(forms.get(to_simplified(c), set()) - {c} for c in query if to_simplified(c) != c)


# --- reprint groups (issue 20): a story's copies listed once ---------------------------------------

@pytest.fixture(scope="module")
def grouped_site(site, articles, tmp_path_factory):
    """The built site with its search index written again by the search step (real Pagefind),
    given three articles that hold 转移就业 as one reprint group (as the site build passes
    wenxian.reprints' groups), served."""
    from wenxian.search import indexer
    members = sorted(expected(articles, {"q": "转移就业"}))[:3]
    assert len(members) == 3
    folder = tmp_path_factory.mktemp("grouped") / "site"
    shutil.copytree(site / "site", folder)
    indexer.build_search(site / "docs", folder, folder.parent, groups={m: ("g0000000001", 3) for m in members})
    server, url = _serve(folder)
    yield url, members
    server.shutdown()


def test_copies_of_a_story_are_listed_once_unless_all_are_asked_for(articles, grouped_site, page):
    url, members = grouped_site
    want = expected(articles, {"q": "转移就业"})
    page.goto(f"{url}/search/?q=转移就业&sort=oldest")
    ids = [i for i, _ in results(page, all_copies=False)]
    shown = [i for i in ids if i in members]
    assert len(shown) == 1 and set(ids) == (want - set(members)) | set(shown)
    assert shown[0] == min(members, key=lambda i: (search.sort_date(articles[i][0].get("date")) == "0000-00-00",
                                                   search.sort_date(articles[i][0].get("date")), i))
    badge = page.locator(f".wx-result[data-id='{shown[0]}'] .wx-result__copies")
    assert badge.inner_text() == "3 个版本"
    assert page.locator(".wx-result__copies").count() == 1
    badge.click()
    page.wait_for_url(re.compile(r"copies=all"))
    assert {i for i, _ in results(page, all_copies=False)} == want
    assert page.locator(".wx-result__copies").count() == 0
    assert page.locator("input[name=copies]").is_checked()
    # the box turns it off again
    page.uncheck("input[name=copies]")
    page.wait_for_url(lambda u: "copies=" not in u)
    assert len(results(page, all_copies=False)) == len(want) - 2
