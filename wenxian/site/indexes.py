"""Index pages (regions tree and nodes, topics, sources, timeline and years, recently added).

Each function returns {simplified-script page URL: Markdown} for one script; the build puts the
pages under `hant/` for the traditional script. Work is linear in the catalog's size: every
list comes pre-sorted from the catalog.
"""
from __future__ import annotations

from functools import lru_cache

from .. import dates, datafiles
from . import regionmap, urls
from .catalog import LEVEL_NAMES, Catalog, Node, only_mentioned_ids, region_href, region_pages, region_places, region_sections
from .chart import bar_chart
from .markup import article_list, esc, frontmatter, title_in
from .twins import place_name, to_script, ui

RECENT = 50


class Later:
    """A listing page made only when it is needed (issue 18: making the text of every listing
    page was ≈ 18 s of a one-article rebuild at 20,000 articles, though few of them change).
    `parts` and the article ids in `ids` (a list of lists) are everything its text shows besides
    those articles' own files and the page's shell: an incremental build keys the page by them
    (wenxian.site.incremental.Keys.listing) and makes the text only when the key changed."""

    __slots__ = ("parts", "ids", "_make", "_text")

    def __init__(self, parts: tuple, ids: list, make):
        self.parts, self.ids, self._make, self._text = parts, ids, make, None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self._make()
        return self._text


@lru_cache(maxsize=1)
def _paging() -> tuple[int, int]:
    data = datafiles.load("listings.yml")
    return int(data["page_size"]), int(data["pager_window"])


def chunks(ids, size: int | None = None) -> list[list[str]]:
    """`ids` cut into pages of at most page_size (data/listings.yml); always at least one page."""
    size = size or _paging()[0]
    ids = list(ids)
    return [ids[i:i + size] for i in range(0, len(ids), size)] or [[]]


def pager(url: str, n: int, total: int, script: str) -> str:
    """Navigation between the pages of a listing (`url`: its simplified-script first page):
    previous, first, the pages around the current one, last, next; nothing for one page. A
    bounded number of links, so that all the pages of a listing stay linear in its length."""
    if total <= 1:
        return ""
    window = _paging()[1]
    here = urls.in_script(urls.paged(url, n), script)

    def link(i: int, text: str, rel: str = "") -> str:
        href = urls.rel(here, urls.in_script(urls.paged(url, i), script))
        attr = f' rel="{rel}"' if rel else ""
        return f'<a href="{href}"{attr}>{text}</a>'

    shown = sorted({1, total, *range(max(1, n - window), min(total, n + window) + 1)})
    items, last = [], 0
    if n > 1:
        items.append(link(n - 1, ui("上一页", script), "prev"))
    for i in shown:
        if i > last + 1:
            items.append("<span>…</span>")
        items.append(f'<span aria-current="page">{i}</span>' if i == n else link(i, str(i)))
        last = i
    if n < total:
        items.append(link(n + 1, ui("下一页", script), "next"))
    label = ui(f"分页：第 {n} 页，共 {total} 页", script)
    return f'<nav class="wx-pages" aria-label="{label}">' + " ".join(items) + "</nav>"


def _paged_title(title: str, n: int, script: str) -> str:
    return title if n == 1 else title + ui(f"（第 {n} 页）", script)


def _page(title: str, script: str, *parts: str) -> str:
    t = ui(title, script)
    return frontmatter(t) + f"<h1>{esc(t)}</h1>\n\n" + "\n\n".join(p for p in parts if p) + "\n"


def _counts(cat: Catalog, node: Node, script: str) -> str:
    text = f"{len(node.about)} 篇"
    mentioned = only_mentioned_ids(cat, node)
    if mentioned:
        text += f" · 提及 {len(mentioned)} 篇"
    return f'<span class="wx-count">{ui(text, script)}</span>'


def _name(name: str, script: str) -> str:
    return esc(to_script(name, "hans", script))


def _place(name: str, script: str) -> str:
    """A region name (simplified in the gazetteer) on a `script` page (twins.place_name)."""
    return esc(name if script == "hans" else place_name(name, script))


def _tree(cat: Catalog, nodes: list[Node], page: str, script: str) -> str:
    """Nested list of nodes, each linked to its page or to its section of its parent's page
    (catalog.region_places); a node that lists what its parent lists is its name without a
    link, under its parent's."""
    items = []
    places = region_places(cat)
    for node in nodes:
        home, anchor = places[node.code]
        if home == node.code or anchor == "r" + node.code:
            href = region_href(cat, node.code, page, script)
            inner = f'<a href="{href}">{_place(node.name, script)}</a> {_counts(cat, node, script)}'
        else:
            inner = f'{_place(node.name, script)} {_counts(cat, node, script)}'
        if node.children:
            inner += _tree(cat, sorted(node.children.values(), key=lambda n: n.code), page, script)
        items.append(f'<li data-level="{node.level}">{inner}</li>')
    return '<ul class="wx-tree">' + "".join(items) + "</ul>"


def regions(cat: Catalog, script: str, nodes: bool = True) -> dict[str, str]:
    """The region tree page and (with `nodes`) every node's page."""
    page = urls.in_script(urls.INDEXES["regions"], script)
    intro = ui("按行政区划浏览：每一级后面是关于该地的文章数，以及只提及该地而不是关于该地的文章数"
               "（例如劳动力转移的去向）。", script)
    out = {urls.INDEXES["regions"]: _page("地区", script, f"<p>{intro}</p>", _tree(cat, cat.roots, page, script)
                                          if cat.roots else f'<p class="wx-empty">{ui("暂无地区。", script)}</p>')}
    if nodes:
        pages = region_pages(cat)
        for node in cat.regions.values():
            if pages[node.code] == node.code:
                for n in range(1, region_page_count(cat, node) + 1):
                    out[urls.paged(urls.region(node.code), n)] = region_page(cat, node, script, n)
    return out


def region_later_page(cat: Catalog, node: Node, script: str, n: int) -> Later:
    """Page n > 1 of a node's page (region_page) as a listing page: its crumbs (the ancestors'
    names and where they are shown), the node's name, level and counts, its slices of the lists."""
    about, mentioned = _node_chunks(cat, node)
    chain, up = [], cat.regions.get(node.parent) if node.parent else None
    while up is not None:
        chain.append((up.code, up.name, region_places(cat)[up.code]))
        up = cat.regions.get(up.parent) if up.parent else None
    parts = (node.code, n, node.name, node.level, len(node.about), len(only_mentioned_ids(cat, node)),
             max(len(about), len(mentioned)), tuple(chain))
    ids = [about[n - 1] if n <= len(about) else [], mentioned[n - 1] if n <= len(mentioned) else []]
    return Later(parts, ids, lambda: region_page(cat, node, script, n))


def region_page_count(cat: Catalog, node: Node) -> int:
    about, mentioned = _node_chunks(cat, node)
    return max(len(about), len(mentioned))


def _node_chunks(cat: Catalog, node: Node) -> tuple[list[list[str]], list[list[str]]]:
    """A node's two lists cut into pages, once per build (every page of the node reads them:
    cutting them again per page made a province's pages quadratic in its articles)."""
    memo = cat.memo.setdefault("node_chunks", {})
    got = memo.get(node.code)
    if got is None:
        got = memo[node.code] = (chunks(node.about), chunks(only_mentioned_ids(cat, node)))
    return got


def region_page(cat: Catalog, node: Node, script: str, n: int = 1) -> str:
    """Page `n` of a node's page: crumbs, counts, (page 1) the subtree, the n-th slice of the
    articles about the place and of those only mentioning it."""
    first = urls.region(node.code)
    page = urls.in_script(urls.paged(first, n), script)
    chain, up = [], cat.regions.get(node.parent) if node.parent else None
    while up is not None:
        chain.append(up)
        up = cat.regions.get(up.parent) if up.parent else None
    crumbs = [f'<a href="{urls.rel(page, urls.in_script(urls.INDEXES["regions"], script))}">{ui("地区", script)}</a>']
    crumbs += [f'<a href="{region_href(cat, c.code, page, script)}">{_place(c.name, script)}</a>' for c in reversed(chain)]
    parts = [f'<p class="wx-crumbs">{" › ".join(crumbs)}</p>',
             f'<p>{ui(LEVEL_NAMES[node.level] + "行政区", script)} · {ui("代码", script)} <code>{node.code}</code> · '
             f"{_counts(cat, node, script)}</p>"]
    about, mentioned = _node_chunks(cat, node)
    total = max(len(about), len(mentioned))
    nav = pager(first, n, total, script)
    if n == 1:  # issue 19: the map of the node's units (provinces and prefectures), wenxian.site.regionmap
        parts.extend(filter(None, [regionmap.node_figure(cat, node, script)]))
    if node.children and n == 1:
        parts.append(f"<h2>{ui('下级行政区', script)}</h2>"
                     + _tree(cat, sorted(node.children.values(), key=lambda c: c.code), page, script))
    parts.append(nav)
    if n <= len(about) and (n == 1 or about[n - 1]):
        parts.append(f'<h2 id="about">{ui("关于此地的文章", script)}</h2>' + article_list(cat, about[n - 1], page, script))
    if n <= len(mentioned) and mentioned[n - 1]:
        parts.append(f'<h2 id="mentioned">{ui("提及此地的文章", script)}</h2>'
                     + article_list(cat, mentioned[n - 1], page, script))
    parts.append(nav)
    if n == 1:
        parts.extend(region_section(cat, cat.regions[code], node, page, script) for code in region_sections(cat).get(node.code, ()))
    title = node.name if script == "hans" else place_name(node.name, script)
    return (frontmatter(_paged_title(title, n, script)) + f"<h1>{esc(title)}</h1>\n\n"
            + "\n\n".join(p for p in parts if p) + "\n")


def region_section(cat: Catalog, node: Node, home: Node, page: str, script: str) -> str:
    """A folded node (catalog.region_places) as a section of the first page of `home`: its name
    (with the units between, for a village of a folded township), level, code, counts and its two
    lists, at most fold_max articles; the anchor `r<code>` is where every link to it leads."""
    between, up = [], cat.regions.get(node.parent) if node.parent else None
    while up is not None and up.code != home.code:
        between.append(_place(up.name, script))
        up = cat.regions.get(up.parent) if up.parent else None
    within = "".join(f"{name} › " for name in reversed(between))
    parts = [f'<h2 id="r{node.code}">{within}{_place(node.name, script)}</h2>',
             f'<p>{ui(LEVEL_NAMES[node.level] + "行政区", script)} · {ui("代码", script)} <code>{node.code}</code> · '
             f"{_counts(cat, node, script)}</p>"]
    if node.about:
        parts.append(f'<h3>{ui("关于此地的文章", script)}</h3>' + article_list(cat, list(node.about), page, script))
    mentioned = only_mentioned_ids(cat, node)
    if mentioned:
        parts.append(f'<h3>{ui("提及此地的文章", script)}</h3>' + article_list(cat, mentioned, page, script))
    return "\n\n".join(parts)


def topics(cat: Catalog, script: str) -> dict[str, str]:
    page = urls.in_script(urls.INDEXES["topics"], script)
    items = []
    for slug, tp in sorted(cat.topics.items(), key=lambda kv: (-len(kv[1].ids), kv[0])):
        href = urls.rel(page, urls.in_script(urls.topic(slug), script))
        desc = f'<br><span class="wx-desc">{_name(tp.description, script)}</span>' if tp.description else ""
        items.append(f'<li><a href="{href}">{_name(tp.name, script)}</a> '
                     f'<span class="wx-count">{ui(f"{len(tp.ids)} 篇", script)}</span>{desc}</li>')
    listing = '<ul class="wx-topics">' + "".join(items) + "</ul>" if items else \
        f'<p class="wx-empty">{ui("暂无主题。", script)}</p>'
    out = {urls.INDEXES["topics"]: _page("主题", script, listing)}
    for slug, tp in cat.topics.items():
        title = to_script(tp.name, "hans", script)
        desc = f"<p>{_name(tp.description, script)}</p>" if tp.description else ""
        out.update(_listing(cat, urls.topic(slug), title, desc, tp.ids, script))
    return out


def _listing(cat: Catalog, url: str, title: str, intro: str, ids, script: str) -> dict[str, str]:
    """A topic's or source's page: `intro` and its articles, one page per page_size of them."""
    out = {}
    pages = chunks(ids)

    def make(n: int, chunk: list[str]) -> str:
        page = urls.in_script(urls.paged(url, n), script)
        nav = pager(url, n, len(pages), script)
        body = "\n\n".join(p for p in (intro, nav, article_list(cat, chunk, page, script), nav) if p)
        return frontmatter(_paged_title(title, n, script)) + f"<h1>{esc(title)}</h1>\n\n{body}\n"

    for n, chunk in enumerate(pages, 1):
        out[urls.paged(url, n)] = Later((url, n, len(pages), title, intro), [chunk], lambda n=n, chunk=chunk: make(n, chunk))
    return out


def sources(cat: Catalog, script: str) -> dict[str, str]:
    page = urls.in_script(urls.INDEXES["sources"], script)
    items = []
    for slug, (name, ids) in sorted(cat.sources.items(), key=lambda kv: (-len(kv[1][1]), kv[1][0])):
        href = urls.rel(page, urls.in_script(urls.source(slug), script))
        items.append(f'<li><a href="{href}">{esc(to_script(name, _script_of(cat, ids), script))}</a> '
                     f'<span class="wx-count">{ui(f"{len(ids)} 篇", script)}</span></li>')
    listing = '<ul class="wx-sources">' + "".join(items) + "</ul>" if items else \
        f'<p class="wx-empty">{ui("暂无来源。", script)}</p>'
    out = {urls.INDEXES["sources"]: _page("来源", script, listing)}
    for slug, (name, ids) in cat.sources.items():
        out.update(_listing(cat, urls.source(slug), to_script(name, _script_of(cat, ids), script), "", ids, script))
    return out


def _script_of(cat: Catalog, ids: list[str]) -> str:
    """Script a source name is written in: that of its first article."""
    return cat.articles[ids[0]].script


def _months(cat: Catalog, ids: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for aid in ids:
        out.setdefault((cat.articles[aid].date or "")[5:7], []).append(aid)
    return out


def timeline(cat: Catalog, script: str) -> dict[str, str]:
    page = urls.in_script(urls.INDEXES["timeline"], script)
    years = sorted(y for y in cat.years if y)
    bars = [(y, len(cat.years.get(str(y), []))) for y in
            (map(str, range(int(years[0]), int(years[-1]) + 1)) if years else [])]
    items = []
    for y in reversed(years):
        months = _year(cat, y)[0]
        # "6月：2篇", never "6月 2" (which reads as a date, 6 月 2 日)
        month_text = "，".join(f"{int(m)}月：{len(ids)}篇" for m, ids in sorted(months.items()) if m)
        if "" in months:
            month_text += ("，" if month_text else "") + f"月份不详：{len(months[''])}篇"
        href = urls.rel(page, urls.in_script(urls.year(y), script))
        items.append(f'<li><a href="{href}">{y}年</a> <span class="wx-count">{ui(f"共 {len(cat.years[y])} 篇", script)}'
                     f'</span>（{ui(month_text, script)}）</li>')
    parts = [bar_chart(bars, ui("每年文章数", script)),
             '<ul class="wx-years">' + "".join(items) + "</ul>" if items else ""]
    if cat.years.get(""):
        parts.append(f'<h2 id="undated">{ui("日期不详", script)}</h2>' + article_list(cat, cat.years[""], page, script))
    out = {urls.INDEXES["timeline"]: _page("时间线", script, *parts)}
    for y in years:
        months, pages = _year(cat, y)
        counts = tuple(sorted((m, len(ids)) for m, ids in months.items()))
        for n in range(1, len(pages) + 1):
            out[urls.paged(urls.year(y), n)] = Later((y, n, len(pages), len(cat.years[y]), counts), [pages[n - 1]],
                                                     lambda y=y, n=n: year_page(cat, y, script, n))
    return out


def _year(cat: Catalog, y: str) -> tuple[dict[str, list[str]], list[list[str]]]:
    """A year's articles by month, and cut into pages in the order its pages show them (months
    newest first, unknown month last); once per build and year (every page of the year reads
    them: making them per page was quadratic in the year's articles)."""
    memo = cat.memo.setdefault("years_paged", {})
    got = memo.get(y)
    if got is None:
        months = _months(cat, cat.years[y])
        order = [aid for m in sorted((m for m in months if m), reverse=True) for aid in months[m]] + months.get("", [])
        got = memo[y] = (months, chunks(order))
    return got


def year_page(cat: Catalog, y: str, script: str, n: int = 1) -> str:
    """Page `n` of a year: the chart on the first page, then the n-th slice of the year's
    articles under their months' headings (each heading gives the month's whole count)."""
    page = urls.in_script(urls.paged(urls.year(y), n), script)
    months, pages = _year(cat, y)
    nav = pager(urls.year(y), n, len(pages), script)
    parts = [f'<p><a href="{urls.rel(page, urls.in_script(urls.INDEXES["timeline"], script))}">'
             f'{ui("时间线", script)}</a> › {y} · {ui(f"{len(cat.years[y])} 篇", script)}</p>']
    if n == 1:
        bars = [(f"{m}月", len(months.get(f"{m:02d}", []))) for m in range(1, 13)]
        parts.append(bar_chart(bars, ui(f"{y}年每月文章数", script)))
    parts.append(nav)
    shown = pages[n - 1]
    by_month = _months(cat, shown)
    for m in sorted((m for m in by_month if m), reverse=True):
        parts.append(f'<h2 id="m{m}">{ui(f"{int(m)}月（{len(months[m])} 篇）", script)}</h2>'
                     + article_list(cat, by_month[m], page, script))
    if "" in by_month:
        undated = len(months[""])
        parts.append(f'<h2 id="m00">{ui(f"月份不详（{undated} 篇）", script)}</h2>'
                     + article_list(cat, by_month[""], page, script))
    parts.append(nav)
    return _page(_paged_title(f"{y}年", n, script), script, *parts)


def recently_added(cat: Catalog) -> list[str]:
    """Ids in the order they were added to the archive, newest first: by capture date (the date
    a capture was made, recorded by `wenxian capture` and web archives, or `add --captured`);
    articles without one follow, newest publication first. The order of /recent/ and the feed."""
    rank = {aid: n for n, aid in enumerate(cat.newest)}
    return sorted(cat.articles, key=lambda i: (-dates.ordinal(cat.articles[i].get("captured", "")), rank[i]))


def recent(cat: Catalog, script: str) -> dict[str, str]:
    """Recently added: by capture date (when recorded), newest first; each entry shows the date
    it is ordered by (采集) before its publication date (发表)."""
    page = urls.in_script(urls.INDEXES["recent"], script)
    ids = recently_added(cat)[:RECENT]
    intro = ui(f"最近收录的 {len(ids)} 篇文章，按采集日期排列，最新的在前；"
               "未记录采集日期的排在后面，按发表日期排列。", script)
    base = urls.rel(page, urls.in_script(urls.ARTICLES, script))
    items = []
    for aid in ids:
        a = cat.articles[aid]
        when = [ui("采集", script) + " " + (esc(a.meta["captured"]) if a.get("captured") else ui("不详", script)),
                ui("发表", script) + " " + (esc(a.date) if a.date else ui("不详", script))]
        if a.get("source"):
            when.append(esc(to_script(a.meta["source"], a.script, script)))
        items.append(f'<li><a href="{base}{aid}/">{esc(title_in(cat, aid, script))}</a> '
                     f'<span class="wx-when">{" · ".join(when)}</span></li>')
    listing = ('<ul class="wx-articles wx-recent">\n' + "\n".join(items) + "\n</ul>") if items else \
        f'<p class="wx-empty">{ui("暂无文章。", script)}</p>'
    return {urls.INDEXES["recent"]: _page("最近收录", script, f"<p>{intro}</p>", listing)}
