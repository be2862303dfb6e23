"""Real-browser tests: Playwright driving Debian's chromium (/usr/bin/chromium, never a
downloaded browser) over the built test site served by a local HTTP server."""
from __future__ import annotations

import csv
import functools
import io
import threading
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

import pytest

from browsers import PageServer, need_browser
from sitebuild import REPO

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "test-artifacts"
playwright = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module", autouse=True)
def _chromium():
    need_browser(CHROMIUM)  # skipped without it (failed under WENXIAN_REQUIRE_BROWSER=1), before the site is built


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(built_site):
    httpd = PageServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(built_site.site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def test_walk_region_tree_to_the_seed_article_then_switch_to_traditional(built_site, server, page):
    aid = built_site.by_capture["seeds/000_f97575b8f31bdef6.txt"]
    page.goto(server)
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    page.locator(".md-nav--primary").get_by_role("link", name="地区", exact=True).click()
    for name in ("新疆维吾尔自治区", "伊犁哈萨克自治州", "特克斯县"):
        page.locator("article").get_by_role("link", name=name, exact=True).first.click()
        # its page, or its section of the page that shows its parent (a small leaf, issue 18)
        anchor = page.url.partition("#")[2]
        heading = page.locator(f"h2#{anchor}") if anchor else page.locator("h1").first
        assert heading.inner_text().split(" › ")[-1] == name
    page.locator(f'article a[href$="articles/{aid}/"]').first.click()
    assert page.url.endswith(f"/articles/{aid}/")
    assert "本页是原文" in page.locator(".wx-script-note").inner_text()
    page.locator(".wx-switch").get_by_role("link", name="繁體").click()
    assert page.url.endswith(f"/hant/articles/{aid}/")
    assert page.locator("html").get_attribute("lang") == "zh-Hant"
    text = page.locator("article").inner_text()
    assert "特克斯縣喀拉托海鎮" in text and "特克斯县喀拉托海镇" not in text
    assert "本頁由簡體字原文自動轉換為繁體字" in text


def test_open_raw_capture_and_screenshot_article(built_site, server, page):
    aid = built_site.by_capture["seeds/001_7ed895f22b20ce29.txt"]
    page.goto(server + f"articles/{aid}/")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "article.png"), full_page=True)
    assert page.locator(".wx-damage").is_visible()
    raw = (built_site.root / built_site.meta[aid]["raw"]).read_bytes().decode("utf-8")
    first_line = next(line for line in raw.splitlines() if line.strip())
    assert not page.locator("#wx-raw-text").is_visible()  # folded after the citations
    page.locator(".wx-meta").get_by_role("link", name="纯文本").click()
    assert page.url.endswith(f"/articles/{aid}/#wx-raw-text")  # in the page (issue 18: no file)
    assert page.locator("#wx-raw-text").is_visible() and first_line.strip() in page.locator("#wx-raw-text").inner_text()
    with page.expect_download() as info:  # and saved as a file by its download link
        page.locator("#raw").get_by_role("link", name="下载").click()
    assert info.value.suggested_filename == f"{aid}.txt"
    assert Path(info.value.path()).read_text("utf-8").strip() == raw.lstrip("\ufeff").strip()
    with page.expect_download() as info:
        page.locator(".wx-cite").get_by_role("link", name="下载").first.click()
    assert info.value.suggested_filename == f"{aid}.bib" and "@online{wenxian-" in Path(info.value.path()).read_text("utf-8")


def test_download_csv_from_home_page(built_site, server, page):
    page.goto(server)
    with page.expect_download() as info:
        page.locator("article").get_by_role("link", name="CSV", exact=True).click()
    download = info.value
    assert download.suggested_filename == "articles.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text("utf-8-sig"))))
    # an id of digits only is marked as text for spreadsheets (exports.csv_cell: a leading ')
    assert {r["id"].removeprefix("'") for r in rows} == set(built_site.meta)


def test_jsonl_export_downloads_and_reads_back_as_one_gzip_file(built_site, server, page):
    import gzip
    import json

    page.goto(server)
    with page.expect_download() as info:
        page.locator("article").get_by_role("link", name="JSON Lines（gzip 压缩）", exact=True).click()
    assert info.value.suggested_filename == "articles.jsonl.gz"
    with gzip.open(info.value.path(), "rt", encoding="utf-8") as f:  # its members read as one stream
        rows = [json.loads(line) for line in f]
    assert {r["id"] for r in rows} == set(built_site.meta) and all(r["text"] for r in rows)


def test_colour_scheme_chosen_on_one_page_holds_on_pages_at_other_depths(built_site, server, page):
    """The theme's storage helpers come from one shared file (assets/wenxian/scope.js) whose
    scope is the site root, from the file's own address: a choice stored on a page three folders
    deep is read on the home page and on a page two folders deep."""
    aid = built_site.by_capture["seeds/000_f97575b8f31bdef6.txt"]
    page.goto(server + f"hant/articles/{aid}/")
    assert page.evaluate("__md_scope.href") == server
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    page.locator("label[for='__palette_1']").click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    for url in (server, server + f"articles/{aid}/"):
        page.goto(url)
        assert page.evaluate("__md_scope.href") == server
        assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
