"""axe-core (axe.min.js of the pinned PyPI package axe-playwright-python, read from the venv and
injected into the page: nothing is fetched at test time) on every page type of the built test site, in light and dark mode; and
screenshots of the main page types at desktop and phone width into test-artifacts/ (issue 19)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_site_browser import ARTIFACTS, CHROMIUM, _chromium, browser, server  # noqa: F401  (fixtures)

axe_package = pytest.importorskip("axe_playwright_python")
AXE = Path(axe_package.__file__).parent / "axe.min.js"
SCHEMES = ("default", "slate")


def page_types(site) -> dict[str, str]:
    """One URL of every kind of page, both scripts where it matters."""
    aid = site.by_capture["seeds/000_f97575b8f31bdef6.txt"]
    damaged = site.by_capture["seeds/002_bf4cbde54030ca41.txt"]
    topic = next(p.parent.name for p in (site.site / "topics").glob("*/index.html"))
    source = next(p.parent.name for p in (site.site / "sources").glob("*/index.html"))
    year = next(p.parent.name for p in (site.site / "timeline").glob("*/index.html"))
    return {"home": "", "article": f"articles/{aid}/", "article-hant": f"hant/articles/{aid}/",
            "article-damaged": f"articles/{damaged}/", "regions": "regions/", "county": "regions/654027000000/",
            "county-hant": "hant/regions/654027000000/", "topics": "topics/", "topic": f"topics/{topic}/",
            "sources": "sources/", "source": f"sources/{source}/", "timeline": "timeline/",
            "year": f"timeline/{year}/", "recent": "recent/", "search": "search/?q=扶贫",
            "search-hant": "hant/search/?q=扶貧", "about": "about/", "contribute": "contribute/",
            "map": "map/", "map-hant": "hant/map/", "province": "regions/650000000000/",
            "404": "404.html", "reprints": "reprints/", **_reprint_pages(site)}


def _reprint_pages(site) -> dict[str, str]:
    """A difference view of a copy against its reference, both scripts (issue 20): the masked,
    cut reprint of the 天山网 seed (deletions and masked differences)."""
    copy = site.by_capture.get("masked_reprint", "*")
    diff = next(iter(sorted((site.site / "versions").glob(f"{copy}/index.html"))), None)
    if diff is None:
        return {}
    url = diff.parent.relative_to(site.site).as_posix() + "/"
    return {"reprint-diff": url, "reprint-diff-hant": "hant/" + url}


@pytest.fixture(scope="module")
def axe_context(browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


def _open(page, url: str, scheme: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    if "search/" in url:
        page.wait_for_selector(".wx-result, .wx-search__status", timeout=15000)
    # the theme animates colour changes (links fade over 125 ms): switch without transitions and
    # let two frames pass, so that axe measures the colours a reader sees, not a frame mid-fade
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")
    page.evaluate("""s => new Promise(done => {
        document.body.setAttribute('data-md-color-scheme', s);
        requestAnimationFrame(() => requestAnimationFrame(done));
    })""", scheme)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_serious_or_critical_violation_on_any_page_type(built_site, server, axe_context, scheme):  # noqa: F811
    page = axe_context.new_page()
    problems = {}
    for kind, path in page_types(built_site).items():
        _open(page, server + path, scheme)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
        bad = [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"][:3]]}
               for v in result if v["impact"] in ("serious", "critical")]
        if bad:
            problems[kind] = bad
    page.close()
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("width,name", [(1280, "desktop"), (390, "phone")])
def test_screenshots_of_article_county_map_and_search(built_site, server, browser, width, name):  # noqa: F811
    context = browser.new_context(viewport={"width": width, "height": 900}, device_scale_factor=1)
    page = context.new_page()
    ARTIFACTS.mkdir(exist_ok=True)
    shots = {"article": page_types(built_site)["article-damaged"], "county": "regions/654027000000/",
             "search": "search/?q=扶贫"}
    if (built_site.site / "map" / "index.html").exists():
        shots["map"] = "map/"
    for kind, path in shots.items():
        for scheme in SCHEMES:
            _open(page, server + path, scheme)
            target = ARTIFACTS / f"{kind}-{name}-{'dark' if scheme == 'slate' else 'light'}.png"
            page.screenshot(path=str(target), full_page=kind != "article")
            assert target.stat().st_size > 1000
    # Chart labels stay readable on a phone: the timeline chart is never drawn narrower than 640 px.
    _open(page, server + "timeline/", "default")
    assert page.locator(".wx-chart").first.bounding_box()["width"] >= 639
    context.close()
