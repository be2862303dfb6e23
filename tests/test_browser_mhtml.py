"""Saved-page fixtures saved again by a real browser as MHTML (Chromium's "Save page as…,
Webpage, Single File", made here through the DevTools protocol's Page.captureSnapshot, which is
what that menu writes): the article read from the browser's MHTML must be the one read from the
page itself.

Why: tests/webarchive_files.py builds MHTML with the standard library, laid out as browsers lay
it out; a browser's own file differs in ways only a browser shows: the document is serialized
from the DOM (the browser's markup, attributes in its order, an added charset <meta>), parts
are quoted-printable with Blink's boundaries and Content-IDs, stylesheets and frames become
parts of their own, and every <script> is left out.

Each page is served from a local server with the charset its own server sent (the encoding
recorded in its .source.json), so the browser decodes it as a reader's browser did; scripts are
off, so the DOM is the page as served, and requests to other hosts get an empty answer. Per page and per annotated field, the MHTML scores at
least as the page does, except that a value the page gives only in a script variable (its
`metadata_origin` says "script": a WeChat article's publish time) may be missing from the
MHTML, never different. A third of the pages, chosen by position, and every page not in UTF-8
run (all of them: WENXIAN_ALL_MHTML=1).
"""
from __future__ import annotations

import functools
import json
import os
import re
import threading
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

import pytest

from browsers import CHROMIUM, PageServer, need_browser
from conftest import FIXTURES
from wenxian.dev.evaluation import FIELDS, score_article
from wenxian.ingest.pipeline import extract

playwright = pytest.importorskip("playwright.sync_api")
PAGES = FIXTURES / "corpus-html"
_ENCODING = re.compile(r"[A-Za-z0-9_-]+")


def served_charset(page: Path) -> str:
    """The page's real encoding, as its server would have named it in Content-Type."""
    noted = json.loads(page.with_name(page.stem + ".source.json").read_text("utf-8")).get("encoding") or "utf-8"
    name = _ENCODING.match(noted.strip()).group(0).lower()
    return {"cp950": "big5", "utf-8-sig": "utf-8", "utf8": "utf-8"}.get(name, name)


def chosen() -> list[Path]:
    pages = sorted(PAGES.glob("*.html"))
    if os.environ.get("WENXIAN_ALL_MHTML") == "1":
        return pages
    return [p for i, p in enumerate(pages) if i % 3 == 0 or served_charset(p) != "utf-8"]


class _AsTheSiteServed(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def guess_type(self, path):
        if str(path).endswith(".html"):
            return f"text/html; charset={served_charset(Path(path))}"
        return super().guess_type(path)


@pytest.fixture(scope="module")
def snapshots():
    """{page name: MHTML bytes} for the chosen pages, saved by Chromium from a local server."""
    need_browser(CHROMIUM)
    httpd = PageServer(("127.0.0.1", 0), functools.partial(_AsTheSiteServed, directory=str(PAGES)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    out = {}
    try:
        with playwright.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
            try:
                context = browser.new_context(java_script_enabled=False)
                # nothing leaves the machine: what a page asks of other hosts gets an empty 204,
                # after which a browser stays on the page (a <noscript> meta refresh to the site,
                # live with scripts off, would otherwise leave it for an error page mid-save)
                context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base)
                              else r.fulfill(status=204, body=""))
                for page_file in chosen():
                    tab = context.new_page()
                    tab.goto(base + page_file.name, wait_until="load", timeout=30000)
                    data = context.new_cdp_session(tab).send("Page.captureSnapshot", {"format": "mhtml"})["data"]
                    out[page_file.stem] = data.encode("utf-8")  # the protocol hands the file over as text
                    tab.close()
            finally:
                browser.close()
    finally:
        httpd.shutdown()
        thread.join()
    return out


def test_the_browsers_mhtml_reads_as_the_page(snapshots):
    assert len(snapshots) >= 30
    lost = []
    for name, mhtml in snapshots.items():
        page = PAGES / f"{name}.html"
        exp = {**json.loads(page.with_name(name + ".expected.json").read_text("utf-8")), "script": None}
        as_page = extract(page.read_bytes(), str(page))
        from_browser = extract(mhtml, f"{name}.mhtml")
        assert from_browser["source_url"].endswith(f"/{name}.html")  # the page the browser saved
        got, want = score_article(from_browser, exp, "substring"), score_article(as_page, exp, "substring")
        for f in FIELDS:
            if got.hits[f] >= want.hits[f]:
                continue
            if f in ("date", "source", "author", "title") and str(as_page["metadata_origin"].get(f, "")).startswith("script") \
                    and not from_browser[f]:
                continue  # only in a script variable, which the browser leaves out of its MHTML
            lost.append(f"{name} {f}: {[w for k, w in got.misses if k == f]}")
    assert lost == []
