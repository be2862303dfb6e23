"""The map: where the articles are about, as static SVG drawn at build time.

One inline SVG per map: the provinces on the map page (`map/`), a province's prefecture-level
units (or a municipality's counties) on its region page, a prefecture's counties on its page.
Each shape is shaded by the number of articles about it (class wx-m0 … wx-m5, colours in
wenxian.css from the theme's variables, so both colour schemes read), links to its region page
when the archive has one, and carries its name and count as an accessible name and a tooltip.
A table under the map says the same in text. Nothing here reaches outside the site: the
boundaries are a data file of the package (wenxian.places.boundaries).

Work is linear in the shapes drawn: a map's paths are decoded once per process and joined
with per-page names and counts.
"""
from __future__ import annotations

from ..places import boundaries
from . import urls
from .catalog import Catalog, region_href
from .markup import esc, frontmatter
from .twins import place_name, ui

CLASSES = 5   # shades for counts above zero
PAGE = urls.INDEXES["map"]


def breaks(top: int, classes: int = CLASSES) -> list[int]:
    """Upper bounds of the shades for counts 1..top: one shade a count while they fit, else
    bounds growing geometrically (counts of articles about places are skewed: a few places
    have most of them, and equal steps would leave every other shape in the palest shade)."""
    if top <= classes:
        return list(range(1, top + 1))
    out: list[int] = []
    for k in range(1, classes + 1):
        b = max(round(top ** (k / classes)), (out[-1] + 1) if out else 1)
        out.append(min(b, top))
    out[-1] = top
    return sorted(set(out))


def shade(count: int, bounds: list[int]) -> int:
    """Class of `count`: 0 for none, else the first bound it does not exceed (1-based)."""
    if count <= 0:
        return 0
    for i, b in enumerate(bounds, 1):
        if count <= b:
            return i
    return len(bounds)


def key_of(code12: str, level: str) -> str | None:
    """The boundaries' map key of a region node: its natural code for a province or prefecture."""
    return {"province": code12[:2], "prefecture": code12[:4]}.get(level)


def _name(code: str, cat: Catalog, script: str) -> str:
    node = cat.regions.get(code.ljust(12, "0"))
    name = node.name if node is not None else boundaries.name(code) or code
    return name if script == "hans" else place_name(name, script)


def _legend(bounds: list[int], script: str) -> str:
    items, low = [f'<li><span class="wx-sw wx-m0"></span>{ui("0 篇", script)}</li>'], 1
    for i, b in enumerate(bounds, 1):
        label = f"{b} 篇" if low == b else f"{low}–{b} 篇"
        items.append(f'<li><span class="wx-sw wx-m{i}"></span>{ui(label, script)}</li>')
        low = b + 1
    return f'<ul class="wx-map-legend" aria-label="{ui("图例", script)}">' + "".join(items) + "</ul>"


def figure(cat: Catalog, key: str, page: str, script: str, title: str, open_table: bool = False) -> str:
    """The map `key` on page `page`: SVG, legend and the table of its units ('' when the
    boundaries have no such map)."""
    m = boundaries.load_map(key)
    if m is None:
        return ""
    rows, counts = [], {}
    for code in m.paths:
        node = cat.regions.get(code.ljust(12, "0"))
        counts[code] = (len(node.about), len(node.mentioned) - sum(1 for a in node.mentioned if a in node.about)) \
            if node is not None else (0, 0)
    bounds = breaks(max((c[0] for c in counts.values()), default=0))
    shapes = []
    for code, d in m.paths.items():
        about, mentioned = counts[code]
        name = esc(_name(code, cat, script))
        label = name + "：" + ui(f"{about} 篇", script)
        cls = f"wx-m{shade(about, bounds)}"
        node = cat.regions.get(code.ljust(12, "0"))
        if node is not None:
            # a node without a page of its own is shown by an ancestor's page (catalog.region_places)
            href = region_href(cat, node.code, page, script)
            shapes.append(f'<a href="{href}" aria-label="{label}"><title>{label}</title><path class="{cls}" d="{d}"/></a>')
            cell = f'<a href="{href}">{name}</a>'
        else:
            shapes.append(f'<path class="{cls}" d="{d}"><title>{label}</title></path>')
            cell = name
        rows.append(f"<tr><td>{cell}</td><td>{about}</td><td>{mentioned}</td></tr>")
    t = esc(title)
    svg = (f'<svg class="wx-map-svg" viewBox="-2 -2 {m.width + 4} {m.height + 4}" role="group" aria-label="{t}" '
           f'xmlns="http://www.w3.org/2000/svg">' + "".join(shapes) + "</svg>")
    head = "".join(f'<th scope="col">{ui(h, script)}</th>' for h in ("地区", "关于此地的文章", "仅提及此地的文章"))
    table = (f'<table class="wx-map-table"><thead><tr>{head}</tr></thead><tbody>' + "".join(rows) + "</tbody></table>")
    summary = ui("地图的文字版：各地文章数", script)
    return (f'<figure class="wx-map">{svg}<figcaption>{t}{_legend(bounds, script)}</figcaption></figure>'
            f'<details class="wx-map-data"{" open" if open_table else ""}><summary>{summary}</summary>{table}</details>')


def node_figure(cat: Catalog, node, script: str) -> str:
    """The map of a province's or prefecture's units on its region page ('' for other levels
    and for units the boundaries do not divide)."""
    key = key_of(node.code, node.level)
    if key is None or not boundaries.has_map(key):
        return ""
    name = node.name if script == "hans" else place_name(node.name, script)
    return figure(cat, key, urls.in_script(urls.region(node.code), script), script,
                  name + ui("：各下级行政区关于此地的文章数", script))


def page(cat: Catalog, script: str) -> dict[str, str]:
    """The map page: the provinces of China shaded by the number of articles about them."""
    url = urls.in_script(PAGE, script)
    title = ui("地图", script)
    intro = ui("文章所关于的地方：颜色越深，关于该省级行政区的文章越多。点击一个省份进入它的地区页，"
               "那里有它下级行政区的地图。地图下面的表格列出同样的数字。", script)
    src = boundaries.about()
    credit = esc(ui(f"边界数据：{src['registry']} 包 {src['package']} {src['version']}（{src['licence']} 许可，"
                    "原始数据来自高德地图）", script))
    body = (f"<p>{intro}</p>" + figure(cat, "", url, script, ui("各省级行政区关于此地的文章数", script), open_table=True)
            + f'<p class="wx-map-credit">{credit}</p>')
    return {PAGE: frontmatter(title) + f"<h1>{esc(title)}</h1>\n\n{body}\n"}
