"""Index pages (regions tree and nodes, topics, sources, timeline and years, recently added).

Each function returns {simplified-script page URL: Markdown} for one script; the build puts the
pages under `hant/` for the traditional script. Work is linear in the catalog's size: every
list comes pre-sorted from the catalog.
"""
from __future__ import annotations

from .. import dates
from . import regionmap, urls
from .catalog import LEVEL_NAMES, Catalog, Node
from .chart import bar_chart
from .markup import article_list, esc, frontmatter, title_in
from .twins import place_name, to_script, ui

RECENT = 50


def _page(title: str, script: str, *parts: str) -> str:
    t = ui(title, script)
    return frontmatter(t) + f"<h1>{esc(t)}</h1>\n\n" + "\n\n".join(p for p in parts if p) + "\n"


def only_mentioned(node: Node) -> list[str]:
    """Ids of the articles that mention the place without being about it (newest first)."""
    return [aid for aid in node.mentioned if aid not in node.about]


def _counts(node: Node, script: str) -> str:
    text = f"{len(node.about)} 篇"
    mentioned = only_mentioned(node)
    if mentioned:
        text += f" · 提及 {len(mentioned)} 篇"
    return f'<span class="wx-count">{ui(text, script)}</span>'


def _name(name: str, script: str) -> str:
    return esc(to_script(name, "hans", script))


def _place(name: str, script: str) -> str:
    """A region name (simplified in the gazetteer) on a `script` page (twins.place_name)."""
    return esc(name if script == "hans" else place_name(name, script))


def _tree(nodes: list[Node], page: str, script: str) -> str:
    items = []
    for node in nodes:
        href = urls.rel(page, urls.in_script(urls.region(node.code), script))
        inner = f'<a href="{href}">{_place(node.name, script)}</a> {_counts(node, script)}'
        if node.children:
            inner += _tree(sorted(node.children.values(), key=lambda n: n.code), page, script)
        items.append(f'<li data-level="{node.level}">{inner}</li>')
    return '<ul class="wx-tree">' + "".join(items) + "</ul>"


def regions(cat: Catalog, script: str, nodes: bool = True) -> dict[str, str]:
    """The region tree page and (with `nodes`) every node's page."""
    page = urls.in_script(urls.INDEXES["regions"], script)
    intro = ui("按行政区划浏览：每一级后面是关于该地的文章数，以及只提及该地而不是关于该地的文章数"
               "（例如劳动力转移的去向）。", script)
    out = {urls.INDEXES["regions"]: _page("地区", script, f"<p>{intro}</p>", _tree(cat.roots, page, script)
                                          if cat.roots else f'<p class="wx-empty">{ui("暂无地区。", script)}</p>')}
    if nodes:
        for node in cat.regions.values():
            out[urls.region(node.code)] = region_page(cat, node, script)
    return out


def region_page(cat: Catalog, node: Node, script: str) -> str:
    page = urls.in_script(urls.region(node.code), script)
    chain, up = [], cat.regions.get(node.parent) if node.parent else None
    while up is not None:
        chain.append(up)
        up = cat.regions.get(up.parent) if up.parent else None
    crumbs = [f'<a href="{urls.rel(page, urls.in_script(urls.INDEXES["regions"], script))}">{ui("地区", script)}</a>']
    crumbs += [f'<a href="{urls.rel(page, urls.in_script(urls.region(n.code), script))}">{_place(n.name, script)}</a>'
               for n in reversed(chain)]
    parts = [f'<p class="wx-crumbs">{" › ".join(crumbs)}</p>',
             f'<p>{ui(LEVEL_NAMES[node.level] + "行政区", script)} · {ui("代码", script)} <code>{node.code}</code> · '
             f"{_counts(node, script)}</p>"]
    # issue 19: the map of the node's units (provinces and prefectures), wenxian.site.regionmap
    parts.extend(filter(None, [regionmap.node_figure(cat, node, script)]))
    if node.children:
        parts.append(f"<h2>{ui('下级行政区', script)}</h2>"
                     + _tree(sorted(node.children.values(), key=lambda n: n.code), page, script))
    parts.append(f'<h2 id="about">{ui("关于此地的文章", script)}</h2>' + article_list(cat, node.about, page, script))
    mentioned = only_mentioned(node)
    if mentioned:
        parts.append(f'<h2 id="mentioned">{ui("提及此地的文章", script)}</h2>'
                     + article_list(cat, mentioned, page, script))
    title = node.name if script == "hans" else place_name(node.name, script)
    return frontmatter(title) + f"<h1>{esc(title)}</h1>\n\n" + "\n\n".join(parts) + "\n"


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
        page = urls.in_script(urls.topic(slug), script)
        title = to_script(tp.name, "hans", script)
        desc = f"<p>{_name(tp.description, script)}</p>" if tp.description else ""
        out[urls.topic(slug)] = (frontmatter(title) + f"<h1>{esc(title)}</h1>\n\n{desc}\n\n"
                                 + article_list(cat, tp.ids, page, script) + "\n")
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
        page = urls.in_script(urls.source(slug), script)
        title = to_script(name, _script_of(cat, ids), script)
        out[urls.source(slug)] = frontmatter(title) + f"<h1>{esc(title)}</h1>\n\n" + article_list(cat, ids, page, script) + "\n"
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
        months = _months(cat, cat.years[y])
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
        out[urls.year(y)] = year_page(cat, y, script)
    return out


def year_page(cat: Catalog, y: str, script: str) -> str:
    page = urls.in_script(urls.year(y), script)
    months = _months(cat, cat.years[y])
    bars = [(f"{m}月", len(months.get(f"{m:02d}", []))) for m in range(1, 13)]
    parts = [f'<p><a href="{urls.rel(page, urls.in_script(urls.INDEXES["timeline"], script))}">'
             f'{ui("时间线", script)}</a> › {y} · {ui(f"{len(cat.years[y])} 篇", script)}</p>',
             bar_chart(bars, ui(f"{y}年每月文章数", script))]
    for m in sorted((m for m in months if m), reverse=True):
        parts.append(f'<h2 id="m{m}">{ui(f"{int(m)}月（{len(months[m])} 篇）", script)}</h2>'
                     + article_list(cat, months[m], page, script))
    if "" in months:
        undated = len(months[""])
        parts.append(f'<h2 id="m00">{ui(f"月份不详（{undated} 篇）", script)}</h2>'
                     + article_list(cat, months[""], page, script))
    return _page(f"{y}年", script, *parts)


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
