"""The article page in one script: which text is original, metadata panel, damage notice, the
escaped body (converted when this is the twin) with masked characters marked, raw capture,
citation and neighbours in the same county and topics.

Pure: catalog in, finished HTML out (`render`, after a frontmatter that gives the title). Only
the body is Markdown (`body_markdown`: escaped text, in which the only HTML is the project's own
`<span class="wx-masked">` around masked characters); the build converts it to HTML once and
caches it (wenxian.site.body).
"""
from __future__ import annotations

from .. import datafiles
from ..article import split_prefix
from ..escape import escape_line, unescape_line
from . import citation, reprints, urls
from .catalog import Article, Catalog, region_chain, region_href, region_places, source_slug
from .markup import article_list, esc, esc_text, external, frontmatter, title_in
from .twins import LANG, keep_place_names, other, place_name, to_script, ui

import re
from functools import lru_cache
from typing import Callable

SCRIPT_NAME = {"hans": "简体字", "hant": "繁体字"}


def neighbours_max() -> int:
    """Articles in each neighbour list of an article page (data/listings.yml `neighbours`)."""
    return int(datafiles.load("listings.yml")["neighbours"])


@lru_cache(maxsize=1)
def _masked() -> re.Pattern:
    return re.compile(datafiles.load("damage.yml")["masked"])


def mark_masked(body: str, script: str) -> str:
    """Wrap masked characters (`*`, `＊`, `×` in Chinese text, per data/damage.yml) in a visible
    marker. Each line is unescaped, its masked runs are bracketed by two private-use sentinels
    the line does not contain, the line is escaped as a whole (the sentinels pass through
    escaping unchanged) and the sentinels become the marker's tags: the result is still escaped
    text plus our own spans, in a few passes of C code per line whatever the number of runs."""
    title = ui("原文此处的字符被屏蔽", script)
    start_tag, end_tag = f'<mark class="wx-masked" title="{title}">', "</mark>"
    pattern = _masked()
    out = []
    for line in body.split("\n"):
        prefix, rest = split_prefix(line)
        text = unescape_line(rest)
        if not pattern.search(text):
            out.append(line)
            continue
        if _OPEN in text or _CLOSE in text:  # never in real text; kept exact all the same
            out.append(prefix + _mark_slowly(text, pattern, start_tag, end_tag))
            continue
        bracketed = pattern.sub(_bracket, text)
        out.append(prefix + escape_line(bracketed).replace(_OPEN, start_tag).replace(_CLOSE, end_tag))
    return "\n".join(out)


_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use characters: no escaping rule touches them


def _bracket(m: re.Match) -> str:
    return _OPEN + m.group() + _CLOSE


def _mark_slowly(text: str, pattern: re.Pattern, start_tag: str, end_tag: str) -> str:
    pieces, pos = [], 0
    for m in pattern.finditer(text):
        start, end = m.span()
        pieces.append(_escape_piece(text[pos:start], pos == 0))
        pieces.append(start_tag + _escape_piece(text[start:end], start == 0) + end_tag)
        pos = end
    pieces.append(_escape_piece(text[pos:], False))
    return "".join(pieces)


@lru_cache(maxsize=1)
def _missing() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in datafiles.load("damage.yml")["missing_numbers"])


# A pattern of missing numbers may start with the punctuation before the gap (`，年以来`): the
# mark starts after it.
_GAP_LEAD = "，。；：,;:（(“"


def missing_number_spans(body: str) -> dict[int, list[tuple[int, int]]]:
    """{line number: [(start, end)]} of the places where data/damage.yml's `missing_numbers`
    patterns find a stripped number, in the unescaped text of each body line after its prefix.
    The patterns run over the whole text at once, as extraction counts them (`^` is the start of
    the text), so the marks are the places the damage notice counts."""
    patterns = _missing()
    texts = [unescape_line(split_prefix(line)[1]) for line in body.split("\n")]
    joined = "\n".join(texts)
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    from bisect import bisect_right
    out: dict[int, list[tuple[int, int]]] = {}
    for pattern in patterns:
        for m in pattern.finditer(joined):
            start, end = m.span()
            while start < end and joined[start] in _GAP_LEAD:
                start += 1
            if start < end:
                n = bisect_right(starts, start) - 1
                out.setdefault(n, []).append((start - starts[n], end - starts[n]))
    return out


def mark_damage(shown: str, original: str, script: str) -> str:
    """`shown` (the body in the page's script, escaped Markdown) with masked characters and the
    places of missing numbers marked. Missing numbers are found in the `original` body (the
    patterns are written for the text as captured) and marked at the same place of the shown
    line, which OpenCC's character conversion leaves at the same length; a line whose
    conversion changed its length keeps its masked marks only."""
    missing = missing_number_spans(original)
    if not missing:
        return mark_masked(shown, script)
    shown_lines, original_lines = shown.split("\n"), original.split("\n")
    if len(shown_lines) != len(original_lines):
        return mark_masked(shown, script)
    masked_tags = (f'<mark class="wx-masked" title="{ui("原文此处的字符被屏蔽", script)}">', "</mark>")
    missing_tags = (f'<mark class="wx-missing" title="{ui("原文此处缺少数字", script)}">', "</mark>")
    out = []
    for n, line in enumerate(shown_lines):
        spans = missing.get(n)
        prefix, rest = split_prefix(line)
        text = unescape_line(rest)
        if not spans or len(text) != len(unescape_line(split_prefix(original_lines[n])[1])):
            out.append(mark_masked(line, script))
            continue
        marks = [(m.start(), m.end(), masked_tags) for m in _masked().finditer(text)]
        for start, end in sorted(set(spans)):
            if all(end <= s or start >= e for s, e, _ in marks):
                marks.append((start, end, missing_tags))
        out.append(prefix + _mark_spans(text, sorted(marks)))
    return "\n".join(out)


def _mark_spans(text: str, marks: list) -> str:
    pieces, pos = [], 0
    for start, end, (start_tag, end_tag) in marks:
        pieces.append(_escape_piece(text[pos:start], pos == 0))
        pieces.append(start_tag + _escape_piece(text[start:end], start == 0) + end_tag)
        pos = end
    pieces.append(_escape_piece(text[pos:], False))
    return "".join(pieces)


def _escape_piece(text: str, line_start: bool) -> str:
    """Escape part of a line; line-start rules (`1.`, `-`…) apply only at the real line start."""
    if line_start or not text:
        return escape_line(text)
    return escape_line("文" + text)[1:]


def damage_notice(quality: dict, script: str) -> str:
    """The warning above a damaged body. Counts are validated whole numbers (schema.py); they
    are escaped all the same, like every value that reaches HTML."""
    quality = quality if isinstance(quality, dict) else {}
    parts = []
    if quality.get("masked"):
        parts.append(f"{esc(str(quality['masked']))} 处字符被屏蔽（*）")
    if quality.get("missing_numbers"):
        parts.append(f"{esc(str(quality['missing_numbers']))} 处数字缺失")
    if quality.get("images"):
        parts.append(f"{esc(str(quality['images']))} 处图片缺失")
    if not parts:
        return ""
    text = "原文有 " + "，".join(parts) + "。本站照原样保留，不作修补"
    shown = [what for key, what in (("masked", "被屏蔽的字符"), ("missing_numbers", "缺少数字之处")) if quality.get(key)]
    text += f"；{'和'.join(shown)}在正文中以底色标出。" if shown else "。"
    return (f'<div class="admonition warning wx-damage"><p class="admonition-title">{ui("原文受损", script)}</p>'
            f"<p>{ui(text, script)}</p></div>")


def _region_links(cat: Catalog, entries: list, a: Article, page: str, script: str, counts: bool) -> str:
    """The entries' place chains as one tree of nested lists: every level of every chain is a
    link to where its node is shown, and a level that several chains share (the province and
    prefecture of most of an article's places) is written once, with the chains below it as its
    sub-list. Each chain was a line of its own before, its shared levels linked again on every
    line: the panel was ≈ 3.3 KB of each article page on the synthetic archive, whose articles
    name ≈ 11 places, and is ≈ 2.5 KB as a tree (issue 18). An entry's mention count follows its
    own node."""
    base = urls.rel(page, urls.in_script(urls.REGIONS, script))  # every region page is one folder below
    places = region_places(cat)  # issue 18: a node without a page of its own links to where it is shown
    root: dict = {}  # (code, name) -> [count or None, children]
    for entry in entries:
        level = root
        chain = region_chain(entry, a.path)
        for i, (code, name, _) in enumerate(chain):
            node = level.setdefault((code, name), [None, {}])
            if i == len(chain) - 1 and counts and entry.get("mentions"):
                node[0] = (node[0] or 0) + int(entry["mentions"])
            level = node[1]

    def items(level: dict) -> str:
        out = []
        for (code, name), (count, children) in level.items():
            item = f'<a href="{base}{_region_suffix(places[code])}">{_region_name(cat, code, name, script)}</a>'
            if count:
                item += f' <span class="wx-count">×{count}</span>'
            if children:
                item += "<ul>" + items(children) + "</ul>"
            out.append(f"<li>{item}</li>")
        return "".join(out)

    return f'<ul class="wx-regions">{items(root)}</ul>' if root else ui("无", script)


def _region_suffix(place: tuple[str, str]) -> str:
    """`<code>/` or `<code>/#r<code>` of a node's place (catalog.region_places), under regions/."""
    return f"{place[0]}/#{place[1]}" if place[1] else f"{place[0]}/"


def _region_name(cat: Catalog, code: str, name: str, script: str) -> str:
    memo = cat.memo.setdefault(("region_name", script), {})
    key = (code, name)
    if key not in memo:
        memo[key] = esc(name if script == "hans" else place_name(name, script))
    return memo[key]


def meta_panel(cat: Catalog, a: Article, page: str, script: str) -> str:
    t = lambda s: ui(s, script)  # noqa: E731
    v = lambda s: esc(to_script(s, a.script, script))  # noqa: E731
    rows = []
    source = a.get("source")
    ext = external(a.get("source_url"))
    if source:  # the outlet credited as origin; the site that published it is named below
        more = urls.rel(page, urls.in_script(urls.source(source_slug(source)), script))
        rows.append((t("来源"), f'{v(source)}（<a href="{more}">{t("本站该来源的文章")}</a>）'))
    else:
        rows.append((t("来源"), t("不详")))
    if ext:
        host = citation.site_name(ext) or ext
        rows.append((t("发布网站"), f'{esc(host)}：<a href="{esc(ext)}" rel="nofollow noopener">{esc(ext)}</a>'))
    rows.append((t("日期"), esc(a.date) if a.date else t("不详")))
    rows.append((t("采集日期"), esc(a.meta["captured"]) if a.get("captured") else t("不详")))
    rows.append((t("作者"), "、".join(v(x) for x in a.get("author", [])) or t("不详")))
    rows.append((t("地区"), _region_links(cat, a.get("region", []), a, page, script, False)))
    if a.get("places"):
        rows.append((t("提及地点"), _region_links(cat, a.meta["places"], a, page, script, True)))
    tags = []
    for name in a.get("tags", []):
        slug = _slug_cache(cat)[name]
        tags.append(f'<a href="{urls.rel(page, urls.in_script(urls.topic(slug), script))}">{esc(to_script(name, "hans", script))}</a>')
    rows.append((t("主题"), "、".join(tags) or t("无")))
    rows.append((t("原始采集件"), _raw_links(cat, a, page, t)))
    rows.append((t("编号"), f"<code>{esc(a.id)}</code>"))
    body = "".join(f"<dt>{k}</dt><dd>{val}</dd>" for k, val in rows)
    return f'<dl class="wx-meta">{body}</dl>'


def _raw_links(cat: Catalog, a: Article, page: str, t) -> str:
    """The raw capture as UTF-8 text; for a capture holding HTML (saved page, WARC, WACZ, MHTML)
    the original file as a download under its original name and type, and its visible text."""
    from ..ingest.kinds import kind_of

    raw = raw_href(a, page)
    enc = esc(a.get("encoding", "?"))
    kind = kind_of(a.meta["raw"])
    if kind is None or kind.family == "text":
        return f'<a href="{raw}" type="text/plain">{t("纯文本")}</a>（UTF-8，{t("原编码")} {enc}）'
    name = cat.memo.get("captures", {}).get(a.id, (a.meta["raw"].rsplit("/", 1)[-1],))[0]
    original = urls.rel(page, urls.raw_original(a.meta["raw"]))
    return (f'<a href="{original}" download="{esc(name)}" type="{kind.media_type}">{esc(name)}</a>'
            f'（{kind.label}，{t("原始文件下载")}）；<a href="{raw}" type="text/plain">{t("可见文字")}</a>'
            f'（UTF-8，{t("原编码")} {enc}）')


def _slug_cache(cat: Catalog) -> dict[str, str]:
    slugs = cat.memo.get("tag_slugs")
    if slugs is None:
        slugs = cat.memo["tag_slugs"] = {tp.name: slug for slug, tp in cat.topics.items()}
    return slugs


def script_statement(a: Article, page: str, script: str) -> str:
    twin = urls.rel(page, urls.twin(page))
    o = other(script)
    twin_link = f'<a href="{twin}" hreflang="{LANG[o]}" lang="{LANG[o]}">{ui(SCRIPT_NAME[o] + "版", o)}</a>'
    if a.script == script:
        text = ui(f"本页是原文（{SCRIPT_NAME[script]}）。", script) + twin_link + ui(
            "是由 OpenCC 自动转换的，只转换字形，不改用词。", script)
    else:
        text = ui(f"本页由{SCRIPT_NAME[a.script]}原文自动转换为{SCRIPT_NAME[script]}（OpenCC，只转换字形，不改用词）。原文见",
                  script) + twin_link + "。"
    return f'<p class="wx-script-note">{text}</p>'


def cite_block(a: Article, page: str, script: str, site_url: str) -> str:
    perm = permanent_url(site_url, a.id)
    gbt = citation.gbt7714(a.meta, perm, a.body)
    original = citation.web_url(a.get("source_url"))
    access = (ui("原文网址与采集日期（原文的访问日期）", script) if original
              else ui("本站永久链接与本站生成此页的日期；引用时请改为您访问的日期", script))
    out = [f'<div class="wx-cite"><h2 id="cite">{ui("引用", script)}</h2>',
           f'<p>{ui("永久链接", script)}：<a href="{esc(perm)}">{esc(perm)}</a></p>',
           f'<p class="wx-cite-note">{ui("网址与访问日期：", script)}{access}。</p>',
           f'<p>{ui("GB/T 7714-2015 著录格式", script)}</p>'
           f'<pre class="wx-citation"><code id="wx-cite-gbt">{esc_text(gbt)}</code></pre>']
    if script != a.script:
        # The BibTeX and CSL-JSON blocks are the same in both scripts (the title as the original
        # writes it): the twin links to them on the original's page, as it does for the raw text
        # (≈ 0.8 KB of every twin page, issue 18).
        own = urls.rel(page, urls.in_script(urls.article(a.id), a.script))
        out.append(f'<p>{ui("BibTeX 与 CSL-JSON（可下载）", script)}：<a href="{own}#cite" hreflang="{LANG[a.script]}">'
                   f'{ui(SCRIPT_NAME[a.script] + "原文页", script)}</a></p></div>')
        return "".join(out)
    bib, csl = citation.bibtex(a.meta, perm, a.body), citation.csl_json(a.meta, perm, a.body)
    for label, ext, text, media in (("BibTeX", "bib", bib, "application/x-bibtex"),
                                    ("CSL-JSON", "csl.json", csl, "application/vnd.citationstyles.csl+json")):
        anchor = f"wx-cite-{ext.replace('.', '-')}"
        # Material adds its copy button to every <pre><code> (feature content.code.copy). No file
        # per citation (issue 18): the download link saves the block's text (docs/javascripts/
        # wenxian.js); without scripts it leads to the block.
        out.append(f'<p>{label} <a href="#{anchor}" data-wx-download="{esc(a.id)}.{ext}" type="{media}">'
                   f'{ui("下载", script)}</a></p>'
                   f'<pre class="wx-citation"><code id="{anchor}">{esc_text(text)}</code></pre>')
    out.append("</div>")
    return "".join(out)


def permanent_url(site_url: str, aid: str) -> str:
    return (site_url or "/").rstrip("/") + "/" + urls.article(aid)


def neighbours(cat: Catalog, a: Article, page: str, script: str) -> str:
    """The related lists: the newest other articles of each of its counties and topics, each
    list followed by a link to the whole list (the county's place, the topic's page). An article
    is listed once on the page: a later list leaves out what an earlier one shows (an article's
    topics often head the same few articles; ≈ 15 % of the entries were repeats, issue 18), and a
    list left with nothing says so before its link."""
    out = []
    seen_counties = set()
    shown = {a.id}
    more = ui("更多", script)

    def one(heading: str, ids: list[str], href: str) -> str:
        ids = [i for i in ids if i not in shown]
        shown.update(ids)
        link = f'<a href="{href}">{more}</a>'
        if not ids:
            return f'<h3>{esc(heading)}</h3><p class="wx-more">{ui("这些文章已列在上面", script)}；{link}</p>'
        return f"<h3>{esc(heading)}</h3>" + article_list(cat, ids, page, script) + f'<p class="wx-more">{link}</p>'

    for entry in a.get("region", []):
        for code, name, level in region_chain(entry, a.path):
            if level == "county" and code not in seen_counties:
                seen_counties.add(code)
                ids = _head(cat.regions[code].about, a.id)
                if ids:
                    heading = (name if script == "hans" else place_name(name, script)) + ui("的其他文章", script)
                    out.append(one(heading, ids, region_href(cat, code, page, script)))
    for name in a.get("tags", []):
        topic = cat.topics[_slug_cache(cat)[name]]
        ids = _head(topic.ids, a.id)
        if ids:
            out.append(one(ui(f"主题“{name}”的其他文章", script), ids,
                           urls.rel(page, urls.in_script(urls.topic(topic.slug), script))))
    if not out:
        return ""
    return f'<div class="wx-related"><h2 id="related">{ui("相关文章", script)}</h2>' + "".join(out) + "</div>"


def _head(ids, skip: str) -> list[str]:
    out, limit = [], neighbours_max()
    for i in ids:
        if i != skip:
            out.append(i)
            if len(out) == limit:
                break
    return out


def place_names(a: Article) -> list[str]:
    """The names (last level) of the article's region and places: the body's twin writes them
    as place names (twins.keep_place_names); part of the body cache key."""
    return sorted({str(e.get("path") or "").rsplit("/", 1)[-1] for e in a.get("region", []) + a.get("places", [])
                   if isinstance(e, dict)})


def body_markdown(a: Article, script: str) -> str:
    """The article body as shown on the `script` page: converted when this is the twin, masked
    characters and the places of missing numbers marked; still escaped Markdown."""
    shown = to_script(a.body, a.script, script)
    if a.script == "hans" and script != "hans":  # the article's own places keep their names' forms
        shown = keep_place_names(shown, a.body, place_names(a), script)
    return mark_damage(shown, a.body, script)


def render(cat: Catalog, a: Article, script: str, site_url: str, body_html: Callable[[Article, str], str],
           raw_text: str | None = None) -> str:
    """The page as finished HTML after its frontmatter; `body_html(a, script)` turns the body
    into HTML (the build caches it by content, see wenxian.site.body); `raw_text`, the raw
    capture as text, is shown on the page in the article's own script (raw_block)."""
    page = urls.in_script(urls.article(a.id), script)
    title = title_in(cat, a.id, script)
    parts = [frontmatter(title), script_statement(a, page, script), f'<h1 class="wx-title">{esc(title)}</h1>',
             meta_panel(cat, a, page, script), damage_notice(a.get("quality", {}), script),
             body_html(a, script), reprints.section(cat, a.id, page, script), cite_block(a, page, script, site_url),
             raw_block(a, raw_text, script) if script == a.script else "", neighbours(cat, a, page, script)]
    return "\n\n".join(p for p in parts if p) + "\n"


# -- raw capture in the page (issue 18) ------------------------------------------------------
RAW_ID = "wx-raw-text"


def raw_href(a: Article, page: str) -> str:
    """Link from `page` to the raw capture's text: in the page of the article's own script."""
    own = urls.in_script(urls.article(a.id), a.script)
    return ("" if own == page else urls.rel(page, own)) + "#" + RAW_ID


def raw_block(a: Article, raw_text: str | None, script: str) -> str:
    """The raw capture as text (for a capture holding HTML, its visible text), folded after the
    citations of the page in the article's own script, with a link that saves it as a file: no file per
    capture (a fifth of the site's files at 20,000 articles)."""
    if raw_text is None:
        return ""
    label = ui("原始采集件（UTF-8 文本）", script)
    save = f'<a href="#{RAW_ID}" data-wx-download="{esc(a.id)}.txt" type="text/plain">{ui("下载", script)}</a>'
    return (f'<details class="wx-raw" id="raw"><summary>{label}</summary><p>{save}</p>'
            f'<pre class="wx-raw-text"><code id="{RAW_ID}">{esc_text(raw_text.lstrip(chr(0xFEFF)))}</code></pre></details>')
