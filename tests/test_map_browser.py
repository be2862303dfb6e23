"""Issue 19, the map in a real browser (Debian's chromium, the built test site on a local
server): nothing fetched from outside the site, the whole map on a phone's width, a shape leads
to its region page. Axe and the screenshots of the map are in test_site_a11y.py."""
from __future__ import annotations

from test_site_browser import _chromium, browser, server  # noqa: F401  (fixtures)


def test_map_fetches_only_from_the_site_fits_a_phone_and_its_shapes_lead_to_region_pages(built_site, server, browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    for path in ("map/", "hant/map/", "regions/650000000000/", "hant/regions/654000000000/"):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        box = page.locator(".wx-map-svg").bounding_box()
        assert 300 < box["width"] <= 390, path  # the whole map on a phone's width
    outside = [u for u in requested if not u.startswith(server) and not u.startswith("data:")]
    assert requested and outside == []
    page.goto(server + "map/")
    page.locator('.wx-map-svg a[href="../regions/650000000000/"]').click()
    page.wait_for_load_state()
    assert page.url == server + "regions/650000000000/"
    assert page.locator("h1").first.inner_text() == "新疆维吾尔自治区"
    # keyboard: a shape is a link in the tab order, named by its place and count
    link = page.locator('.wx-map-svg a[href="../654000000000/"]')
    assert link.get_attribute("aria-label").startswith("伊犁哈萨克自治州：")
    link.focus()
    assert page.evaluate("document.activeElement.getAttribute('href')") == "../654000000000/"
    context.close()
