"""Decisions on a saved web page: which blocks are the article, and its title, date, source and
author, each taken from the most trusted place the page states it.

Why a separate path from the text captures: a page's tree says where the article is and carries
metadata in machine-readable form; flattening it first (as the text path must) throws both away.
The line rules of the text path (`clean.pattern_reason`, the label and credit vocabulary of
`meta`) are applied on top, so both paths remove the same kinds of boilerplate for the same
reasons. Every block of visible text ends up kept or removed with a reason.
"""
from __future__ import annotations

import re
from functools import lru_cache
import unicodedata
from dataclasses import dataclass, field

from . import clean as clean_mod
from . import meta
from .clean import Cleaned, Kept, Line, Removed
from . import vocab
from .reading_form import reading_form
from .html_page import Block, Page, block_score

_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_END_PUNCT = re.compile(r"[。！？!?…；;，,：:”\"）)]$")
_ISO = re.compile(r"((?:19|20)\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})")
_COMPACT = re.compile(r"^((?:19|20)\d\d)(\d\d)(\d\d)(?:\d{4,6})?$")
_BYLINE = re.compile(r"(来源|作者|记者|编辑|责任编辑|发布|时间|日期|浏览|字号|字体)\s*[:：︰﹕]?")
_SENTENCE = re.compile(r"[。！？!?]")  # a sentence of the text, not a byline
_DIALOGUE = re.compile(r"[。！？!?「“]")  # speech and sentences, never a byline
_NAME_CHARS = re.compile(r"[\w·・ .\-]+")
_NOT_NAME = re.compile(r"https?:|www\.|@|\d{3,}|[<>{}]")


@dataclass
class HtmlArticle:
    cleaned: Cleaned
    title: str | None
    date: str | None
    source: str | None
    author: list[str]
    source_url: str | None
    origins: dict = field(default_factory=dict)  # field -> where the value was read (json-ld, meta:…, visible)


def extract(page: Page) -> HtmlArticle:
    blocks = page.blocks
    start, end = page.main
    title, title_origin, title_index = choose_title(page)
    start = _lead_in_start(blocks, start, title_index)
    tail = section_start(blocks, start, end)
    # (the names the page gives its account or site: a card under the post opens with one)
    own_names = {v.strip() for key in ("source", "site") for v, _o in page.meta[key] if 2 <= len(v.strip()) <= 20}
    cleaned = _classify(blocks, start, end, title, tail, own_names)
    # the byline follows the headline: the first lines after it (inside the article container or
    # not), then the last lines above the text
    # (not into a section after the article: a short post's comment stamps, 某某 DATE, follow it)
    window = blocks[title_index + 1:title_index + 12] if title_index is not None else []
    header_at = next((b.index for b in window if b.index >= end and clean_mod.is_section_header(b.text)), None)
    after_title = ([b for b in window if b.index < min(tail if tail < end else len(blocks), header_at or len(blocks))
                    if not b.hidden and (b.link_density < 0.5 or len(b.text) <= 20)  # an account name is a link
                    and (len(b.text) <= 60 and not _SENTENCE.search(b.text) or _BYLINE.search(b.text[:20])
                         or _DATE_ALONE.match(b.text.strip()) and _BYLINE.search(b.text) and "，" not in b.text)][:8]
                   if title_index is not None else [])  # (a long byline opening with its date, not the lead's sentence)
    # the byline's zone: what the page prints between the headline and the first sentence of its
    # text (a notice's signature date, a meeting's time or a chronicle's entries are text)
    # (not the headline's deck right under it, marked as the title's by its class or over the
    # dateline: 全县…万亩，带动…农户增收 / 2022-05-31 08:30 来源：…)
    first_text = next((b for b in blocks[(title_index or 0) + 1:] if not b.hidden and len(b.text) >= 30
                       and not (b.index <= (title_index or 0) + 2 and "。" not in b.text and len(b.text) <= 40
                                and (b.title_hint or b.index + 1 < len(blocks) and meta.has_date(blocks[b.index + 1].text)
                                     and _BYLINE.search(blocks[b.index + 1].text)))
                       and re.search(r"[。，！？]", b.text) and not _DATE_ALONE.match(b.text.strip())), None)
    text_at = first_text.index if first_text is not None else len(blocks)
    # (a date without its time inside the text's own container opens the text: a chronicle's
    # entry, a forecast's day, a standard's table; the byline's date stands apart from it)
    container = first_text.element.getparent() if first_text is not None and first_text.element is not None else None
    dateline_zone = [b for b in after_title if b.index < text_at
                     and (_CLOCK.search(b.text) or container is None or b.element is None or not _in_text(b.element, container))][:4]
    # above the text, only what comes after the headline (a site's date bar above the
    # headline is not the article's dateline; dates just above it are read last, below)
    above = ([] if title_index is not None and title_index >= start
             else blocks[(title_index + 1 if title_index is not None else 0):start])
    near_text = [b for b in above if not b.hidden][-12:]
    taken = {b.index for b in after_title}
    # (metadata is read from each block's evidence: a minified byline's fields apart, Block.seamed)
    header = [Line(b.line, b.evidence) for b in after_title + [b for b in near_text if b.index not in taken]]
    # what stands just after the text: around the end of the main span, or of the article inside it
    # when a section follows (comments, a reprint credit and a repeated copy after it)
    after = blocks[max(start, min(end, tail) - 6):min(len(blocks), min(end, tail) + 6)]
    if tail < end:
        after = after + [b for b in blocks[max(start, end - 6):min(len(blocks), end + 6)] if b not in after]
    trailer = [Line(b.line, b.evidence) for b in after if not b.hidden]
    before_title = [Line(b.line, b.evidence) for b in blocks[max(0, title_index - 6):title_index]
                    if not b.hidden and b.link_density < 0.5] if title_index is not None else []
    # a disclosure table above a government notice's headline (索引号 / 发布机构 / 发文日期, a
    # label and its value in cells of their own)
    labelled_above = ([Line(b.line, b.evidence) for b in blocks[max(0, title_index - 12):title_index] if not b.hidden]
                      if title_index is not None else [])
    if not meta.disclosure_table(labelled_above):
        labelled_above = []  # (a 通知公告 box above the headline dates other items)
    index_of = {(b.line, b.text): b.index for b in blocks}
    removed_in_main = [Line(r.line.number, blocks[index_of[(r.line.number, r.line.text)]].evidence) for r in cleaned.removed
                       if start <= index_of.get((r.line.number, r.line.text), -1) < end][:8]
    byline = header + removed_in_main
    paragraphs = [k.line.text for k in cleaned.kept if k.kind == "paragraph"]
    origins = {"title": title_origin}

    order = meta.slash_order([b.text for b in blocks])  # how this page writes 06/02/2022
    stamp = _post_stamps(blocks, title_index)  # a blog post's stamp below the text: date and writer, last resort
    # (a headline dated only relatively, 發佈於3天前: a date after the text's next part begins,
    # 相关文章 / 留言, is a comment's stamp or a related item's, not the article's)
    undated = any(meta.mentions_relative_date(b.evidence) and not meta.has_date(b.evidence) for b in after_title[:4])
    trailer_dates = (trailer[:next((i for i, l in enumerate(trailer) if clean_mod.opens_a_part(reading_form(l.text))), len(trailer))]
                     if undated else trailer)
    date, origins["date"] = _first(
        # the publication date the page labels under its headline (发布日期：…) before any
        # metadata: a government CMS stamps its <meta PubDate> anew each time it regenerates
        # the page, years after the date it prints
        [(meta.labelled_date([Line(b.line, b.evidence) for b in after_title], order), "visible (labelled, under the title)")]
        + [(meta.labelled_date(labelled_above, order), "visible (labelled, above the title)")]
        # then the dateline the page prints under its headline, with its time (2023-06-21 10:32),
        # before any metadata: where the two disagree, the page's <meta> and JSON-LD carry the
        # CMS's creation or push time and readers (and citations) go by the printed day
        + [(_dateline([Line(b.line, b.evidence) for b in dateline_zone], order,
                      frozenset(w for b in blocks[:title_index or 0] if b.link_density > 0.5 for w in b.text.split())),
            "visible (the dateline under the title)")]
        + [(_issue_day(dateline_zone, blocks[max(0, (title_index or 0) - 40):title_index or 0], order),
            "visible (the byline's day in the issue's date above)")]
        # (an e-paper's issue date over its page label, before the metadata: its content system
        # stamps the evening the page was made, the day before the issue readers cite)
        + [(_epaper_date(blocks, title_index, order), "visible (the e-paper's date over its page label)")]
        + [_zoned(v, o, [Line(b.line, b.evidence) for b in after_title] + byline, order) for v, o in page.meta["date"]]
        + [(meta.find_date([Line(b.line, b.evidence) for b in (after_title[:next((i for i, b in enumerate(after_title)
                                                                                if clean_mod.opens_a_part(reading_form(b.text))), len(after_title))]
                                                                 if undated else after_title)], order), "visible (under the title)")]
        + [(meta.find_date(list(reversed(_just_above(blocks, title_index))), order), "visible (just above the title)")]
        + [(meta.labelled_date(byline + trailer, order), "visible (labelled)")]
        + [(meta.find_date(byline, order), "visible")]
        + [(meta.find_date(list(reversed(_just_above(blocks, title_index, 6))), order), "visible (above the title)")]
        + [(meta.find_date(trailer_dates, order), "visible (after the text)")]
        + [(meta.find_date(stamp, order), "visible (the post's stamp)")]
        + [(_title_date(page.title_tag), "title")]
        + [(_valid_date(v), o) for v, o in page.meta["date_modified"]]
        + [(meta.issue_month(byline), "visible (the magazine's issue)")])

    site = _site_name(page, title, blocks[end:])
    # ('(新闻)' from a copyright line names no outlet; the name the page's own metadata gives
    # its site stands when it is a brand's, however its words read: 某报新闻, an app's; not 网站首页)
    site = (meta.clean_source(site) or (site if site in {v.strip() for v, _o in page.meta["site"]} and meta.brand_name(site) else None)) if site else None
    account = meta.outlet_or_none(meta.account_name(header, title))
    closing_credit = meta.closing_outlet_credit(paragraphs[-1]) if paragraphs else None  # （某某新聞某某台北報導）
    closing_lines = [Line(0, p) for p in paragraphs[-2:] if len(p) <= 80 and meta.opens_with_label(p)]
    own_unit = meta.own_unit(site)
    source, origins["source"] = _first(
        [(meta.outlet_or_none(meta.reposted_account([b.text for b in blocks[:start + 12]])), "visible (the repost's card)")]
        # a labelled credit under the headline, then one closing the text and kept with it
        # (（转自：某某日报　记者 某某）, （来源：新华社） after a post's caption lines), before
        # the unlabelled evidence of the byline (a WeChat post's 'date account' line)
        # (a 資料來源 line only naming a unit of the site's body: elsewhere it credits a chart)
        + [(meta.outlet_or_none(meta.labelled_source(sorted(byline, key=lambda l: l.number), byline, release=own_unit)), "visible")]
        + [(meta.outlet_or_none(meta.labelled_source(closing_lines, closing_lines, release=own_unit, after_text=True)),
            "visible (the credit closing the text)")]
        + [(meta.outlet_or_none(meta.find_source(byline, byline, paragraphs[:3]) or meta.byline_outlet(byline, title)), "visible")]
        + [(meta.outlet_or_none(meta.official_account(header)), "visible (the platform's official account)")]
        # (a sentence saying where the post comes from, 本文分享自…, before a blog platform's <meta source>)
        + [(meta.shared_from([l.text for l in byline] + paragraphs[:3] + paragraphs[-2:] + [l.text for l in trailer]),
            "visible (shared from)")]
        + [(meta.clean_source(v), o) for v, o in page.meta["source"] if _is_name(v)]
        + [(_outlet_before_name(v), f"{o} (the outlet before the writer)") for v, o in page.meta["author"]]
        + [(meta.outlet_or_none(meta.trailing_source(trailer, trailer)), "visible (after the text)")]
        + [(meta.outlet_or_none(closing_credit[0]) if closing_credit else None, "visible (the credit closing the text)")]
        # (a reprint note or a paper's name in brackets closing the text: 转自《某某报》, （某某日报）)
        + [(meta.outlet_or_none(meta.closing_reprint(paragraphs[-2:] + [r.line.text for r in cleaned.removed
                                                                          if start <= index_of.get((r.line.number, r.line.text), -1) < end][-3:])),
            "visible (the reprint note closing the text)")]
        + [(account if account and not meta.looks_like_site(account) else None, "visible (account beside the date)")]
        + [(site, "site")]
        + [(account, "visible (account beside the date)")]
        # (the body named alone over the headline, its masthead or logo: a press release)
        + [(meta.masthead_name([b.text for b in blocks[:title_index][:12] if not b.hidden and (b.tag == "img" or b.link_density < 0.5)])
            if title_index is not None else None, "visible (the masthead over the headline)")])
    if source and meta.names_creator_channel(source):
        # (来源：某某新闻·某某号·政务: the portal's label for its creators' posts; the account
        # beside the date is the origin)
        source, origins["source"] = (account, "visible (account beside the date)") if account else (site, "site")
    if source and site and source != site and meta.abbreviates(source, site):
        source, origins["source"] = site, "site (credited by its short name)"
    elif source and site and source != site and meta.names_a_section(source, site):
        source, origins["source"] = site, "site (credited by one of its sections)"
    if source and source == site and title_index is not None:
        # (the site credited as printed under the headline with the portal it belongs to:
        # '某某新闻·某报新闻 昨天 10:20' opening the line of its date: a composite credit kept whole)
        # (the part before the dot a portal's brand, 某某新闻; not a column, a section or a place's
        # channel: 南湖评论·某某在线, 地方新聞·某某日報, 某某旗·某某新闻网)
        joined = next((m.group(1) for b in blocks[title_index + 1:title_index + 5]
                       if (m := re.match(rf"(([\u4e00-\u9fff]{{2,10}})\s*[·•]\s*{re.escape(site)})(?:\s|$)", b.text.strip()))
                       and meta.brand_name(m.group(2)) and meta.clean_source(m.group(2))
                       and reading_form(m.group(2)) not in vocab.load("metadata.yml")["news_channels"]), None)
        if joined:
            source, origins["source"] = joined, "visible (the site's composite credit under the headline)"

    operated = meta.account_of_operator(source, [v for v, _o in page.meta["source"]])
    if operated:  # (来源：某某县融媒体中心 in the post of the account 某某发布 it runs)
        source, origins["source"] = operated, "the account, run by the centre the post credits"

    credit_lines = [Line(0, p) for p in paragraphs if len(p) <= 40 and meta.labelled_credit(p)]
    # a labelled credit in the stamp just above the headline (02日14:25 作者：某某 出自…): a
    # label names a writer wherever it stands, read after those under the headline
    credit_lines += [l for l in before_title[-2:] if meta.labelled_credit(l.text)]
    # a link to another page that names its writer ('某书全文阅读 作者：某某' in a list), not a
    # byline (a reporter's byline may be a link to the reporter's page, the credit opening it)
    linked = {(b.line, b.text) for b in blocks[max(0, start - 40):end + 6]
              if b.link_density >= 0.9 and _TITLE_THEN_CREDIT.search(b.text)}
    # (the byline read in page order for its writers: a byline over two lines, the second removed)
    authors = meta.find_authors([l for l in sorted(byline, key=lambda l: l.number) + trailer if (l.number, l.text) not in linked] + credit_lines,
                                "\n".join(p[:100] for p in paragraphs[:5]) or None,
                                paragraphs[-1] if paragraphs else None)
    if closing_credit and closing_credit[0] in authors:  # (the outlet of （某視新聞／陳某 台北報導） is no writer)
        authors = [a for a in authors if a != closing_credit[0]]
    # (the account's name beside its writer's credit: 记者 某某 / 某某发布; not a personal account
    # named after its writer, 某某 / 某某)
    if any(a not in own_names for a in authors):
        authors = [a for a in authors if a not in own_names or not (meta.brand_name(a) or meta.is_outlet_name(a) or meta.is_site_name(a))]
    if not authors and closing_credit:
        authors = closing_credit[1]
    if not authors:
        authors = meta.writer_before_title(title, byline + [k.line for k in cleaned.kept[:8]])
    authors = list(dict.fromkeys(authors))  # (a name credited twice in the byline: once)
    origins["author"] = "visible" if authors else None
    editor_lines = [r.line.text for r in cleaned.removed if r.reason == "editor credit"]
    # a source that may be a writer's name beside the date, where the site names itself
    writer_as_source = bool(source and site and site != source and (
        origins["source"] == "visible (account beside the date)" or meta.byline_names(source) == [source]))
    accounts = {v for v, _o in page.meta["source"]}
    if not authors:
        for value, origin in page.meta["author"]:
            # a content system's placeholder, or the outlet credited as source, is not a writer
            # (a blog's author and site may share a name: only a source other than the site counts)
            # (the name beside the date that <meta author> names is the writer's, where the site
            # names itself: 某某某 over the date on a news site, the site its source below)
            # (nor the account the page names as its source where the text credits another
            # outlet: a WeChat account's name in its author slot, 新华社 credited after the text)
            names = [n for n in _names(value) if (n != source and n not in accounts or source == site or writer_as_source)
                     and not any(n in t for t in editor_lines)  # an editor named in <meta author>
                     and not meta.names_a_body(reading_form(n))]  # (DC.creator: the publishing body, no writer)
            if names:
                authors, origins["author"] = names, origin
                break
    if not authors and title_index is not None:
        # (a link there is a follow button or an account, not a printed byline)
        authors = meta.names_under_headline([None if b.link_density > 0.5 else b.text for b in blocks[title_index + 1:title_index + 5]
                                             if not b.hidden and b.tag != "img"], title)
        origins["author"] = "visible (names under the headline)" if authors else None
    if not authors and title_index is not None:
        menu = {b.text.strip() for b in blocks if _menu_link(b)}  # (a channel's link under the headline: 要闻)
        authors = _profile_link_writer(blocks[title_index + 1:title_index + 6],
                                       {v for v, _o in page.meta["site"]} | {site, source} | menu)
        origins["author"] = "visible (profile link over the date)" if authors else None
    if not authors and title_index is not None:
        authors = _named_writer(blocks[title_index + 1:title_index + 6], {v for v, _o in page.meta["site"]} | {site, source})
        origins["author"] = "visible (the element the page names as its writer's)" if authors else None
    if not authors:
        authors = meta.stamp_writer(stamp[0].text) if stamp else []
        origins["author"] = "visible (the post's stamp)" if authors else None
    if not authors:
        authors = meta.reposted_writer([b.text for b in blocks[:start + 12]])
        origins["author"] = "visible (the repost's card)" if authors else None
    if source in authors and writer_as_source:
        # the name beside the date is the writer's (艾莎 / 2023年9月11日 on a news site whose
        # og:site_name names it; 2024年3月18日 某某某): credited as writer, it is not the outlet
        source, origins["source"] = site, "site"
    if site and source == site and meta.creator_post([b.text for b in blocks[start:]]):
        # a creator's post on a portal (self-media): the account beside the date, or the one
        # writer credited, is the origin, not the portal that hosts it
        named = next((n for n in (account, meta.name_beside_date([l.text for l in header])) if n and n != site),
                     authors[0] if len(authors) == 1 else None)
        if named:
            source, origins["source"] = named, "visible (the creator's account on a platform)"
            if not authors and meta.byline_names(named) == [named]:
                authors, origins["author"] = [named], "visible (the creator's account, a personal name)"
    url, _ = _first([(v, o) for v, o in page.meta["url"] if o == "script:original"])
    return HtmlArticle(cleaned, title, date, source, authors, url, origins)


def _first(pairs):
    for value, origin in pairs:
        if value:
            return value, origin
    return None, None


def _post_stamps(blocks: list[Block], title_index: int | None) -> list[Line]:
    """The first stamp of a post after the headline (posted @ 2024-05-09 14:45 某某 阅读(51)):
    a blog prints its post's date there, below the text and its comments' own stamps."""
    stamp = clean_mod.post_stamp_pattern()
    for b in blocks[(title_index or 0):]:
        if not b.hidden and len(b.text) <= 120 and stamp.match(b.text):
            return [Line(b.line, b.text)]
    return []


def _title_date(title_tag: str | None) -> str | None:
    """A date in figures as one part of the <title> ('明報新聞網-要聞-要聞--标题-20120517'): the
    page states it, in the one place it does."""
    for part in re.split(r"\s*[-_|｜–—]+\s*", title_tag or ""):
        if _COMPACT.fullmatch(part) or _ISO.fullmatch(part):
            return _valid_date(part)
    return None


# An instant in metadata given in UTC (2023-05-05T21:30:00Z, …+00:00): its calendar day is
# Greenwich's, not the outlet's, and differs from the day the page prints for anything published
# in the small hours east of Greenwich.
_CLOCK = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
_UTC_INSTANT = re.compile(r"\d[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]00:?00)$", re.I)


def _zoned(value: str, origin: str, near: list[Line], order: str | None) -> tuple[str | None, str]:
    """A metadata date; for a UTC instant, the date the page prints by its headline when that is
    the day before or after (the outlet's own day: the zone is read from the page, never
    assumed)."""
    date = _valid_date(value)
    if date and _UTC_INSTANT.search(value.strip()):
        import datetime as dt
        # (a dateline: with its time or its label, not a deck or a caption that names a day)
        shown = meta.find_date([l for l in near if _CLOCK.search(l.text) or meta.labelled_date([l], order)], order)
        if shown and len(shown) == 10 and abs((dt.date.fromisoformat(shown) - dt.date.fromisoformat(date)).days) == 1:
            return shown, "visible (by the headline; the metadata's instant is in UTC)"
    return date, origin


def _in_text(element, container) -> bool:
    """Whether `element` is part of the text that `container` holds: inside one of its paragraphs,
    figures, tables, quotes or lists; not inside a byline box (<div class="meta">)."""
    child = element
    while child is not None and child.getparent() is not container:
        child = child.getparent()
    if child is None:
        return False  # (not inside the text's container)
    # (the container's own child on the way: a paragraph, a figure, a table, a quote or a list is
    # the text's; a classed box of another kind is the byline's)
    return child.tag in _TEXT_TAGS or not child.get("class")


_TEXT_TAGS = frozenset(("p", "li", "ul", "ol", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "table", "tbody",
                        "blockquote", "section", "center"))


def _issue_day(zone: list[Block], above: list[Block], order: str | None) -> str | None:
    """An e-paper's byline prints the month and day only, with its page (04-18 第03版): the issue's
    full date of that day printed above the headline (the issue bar: 某某日报 2023年04月18日 星期二)."""
    days = {(int(m.group(1)), int(m.group(2))) for b in zone if not _YEAR.search(b.text) and _PAGE_MARK.search(b.text)
            for m in _MONTH_DAY.finditer(b.text)}
    for b in reversed(above):
        if b.hidden:
            continue
        for m in _YEAR_MONTH_DAY.finditer(b.text):
            if (int(m.group(2)), int(m.group(3))) in days:
                return meta.real_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


_MONTH_DAY = re.compile(r"(?<![\d\-/.年])(\d{1,2})(?:-|月)(\d{1,2})(?:日|(?![\d\-/.:]))")
_YEAR = re.compile(r"(?:19|20)\d\d")
_PAGE_MARK = re.compile(r"第\s*\d{1,3}\s*版|(?<![A-Za-z])[A-H]\d{1,2}\s*版")  # (the byline's page: 04-18 第03版)
_YEAR_MONTH_DAY = re.compile(r"((?:19|20)\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")


def _just_above(blocks: list[Block], title_index: int | None, most: int = 2) -> list[Line]:
    """The `most` visible blocks right above the headline that are no links, not past the trail of
    links above it (首页 > 频道): a date printed over the headline, not the site's date bar above
    its menu and trail."""
    if title_index is None:
        return []
    out: list[Line] = []
    for b in reversed(blocks[max(0, title_index - 6):title_index]):
        if b.hidden:
            continue
        if len(out) == most:
            break
        if _TRAIL.search(b.text):
            if _PAGE_MARK.search(b.text):
                continue  # (an e-paper's trail to its page, 数字报首页 > 第03版: its issue's date bar above dates it)
            break
        if b.link_density >= 0.5:
            continue  # (a share bar between: ∣发言∣列印∣转寄)
        out.insert(0, Line(b.line, b.evidence))
    return out


def _title_row(text: str) -> bool:
    """A table row of the headline: its label (`title_labels`: 标题) and its value, apart."""
    row = meta.ROW_FIELD.match(text)
    return bool(row) and bool(re.match(vocab.load("metadata.yml")["title_labels"], row.group(1)))


def _dateline(lines: list[Line], order: str | None, channels: frozenset = frozenset()) -> str | None:
    """The date of a dateline under the headline: a line that prints a date with its time of day,
    a date alone (2023-03-22, 2023年8月4日 星期五) or a date under the plain label 日期 / 时间, and is
    not a revision stamp (更新时间：…). A deck or a kicker is never only a date; neither is an
    event's or a forecast's table (时间 / 地点, 日期 / 天气): the plain labels count only in a table
    of the page's own fields, beside its title's, unit's or counter's row."""
    v = vocab.load("metadata.yml")
    revision = re.compile(v["revision_labels"])
    texts = [reading_form(l.text.strip()) for l in lines]
    fields = any(meta.field_line(t) or _title_row(t) or meta.column_label(t) and t not in _PLAIN_LABELS for t in texts)
    if any(_event_field().match(t) for t in texts):
        fields = False  # (时间 / 地点 / 对象: an event's particulars)
    for l, t in zip(lines, texts):
        # (a table row of the byline block: 發布日期　113-12-03, its label and value cells apart)
        row = meta.ROW_FIELD.match(t)
        if row and (row.group(1) in v["date_labels"] or row.group(1) in _PLAIN_LABELS and fields) \
                and row.group(1) not in v["secondary_date_labels"]:
            date = meta.date_value(row.group(2), order)
            if date:
                return date
    # (a dateline that opens with the date and gives the revision after it, 2023/09/19 19:30
    # 更新时间：2023/09/20 10:12: the part before the revision's label is the publication's)
    cut = [(m.start() if (m := revision.search(t)) and m.start() > 0 and meta.has_date(t[:m.start()]) else None) for t in texts]
    lines = [Line(l.number, l.text.strip()[:c].strip() if c is not None and len(l.text.strip()) == len(t) else l.text)
             for l, t, c in zip(lines, texts, cut)]
    texts = [t[:c].strip() if c is not None else t for t, c in zip(texts, cut)]
    shown = []
    for i, (l, t) in enumerate(zip(lines, texts)):
        label = texts[i - 1] if i else ""
        if (_FIELD_LABEL.fullmatch(label) or _event_field().match(label)) and label not in v["date_labels"] \
                and not (label in _PLAIN_LABELS and fields):
            continue  # (the value of another field's cell: 时间 / 2023年6月3日, 日期 / 2023年5月20日 星期六; not 某某局 / DATE)
        if _PLAIN_LABEL.match(l.text.strip()) and not fields and any(_event_field().match(o) for o in texts):
            continue
        if ((_CLOCK.search(l.text) or _DATE_ALONE.fullmatch(l.text.strip())
             or _DATE_ALONE.match(l.text.strip()) and _PLAIN_LABEL.match(l.text.strip())
             or _DATE_THEN_FIELDS.fullmatch(l.text.strip()) or _date_then_channel(l.text.strip(), channels)
             or _date_then_source(t))
                and not revision.search(t) and not _RANGE.search(l.text)
                and not any(m.group() not in v["date_labels"] for m in _TIME_LABEL.finditer(t))):
            shown.append(l)
    return meta.find_date(shown, order)


# (a row's plain label: 日期 of a page's field table; a row 时间 is an event's, however the table)
_PLAIN_LABELS = ("日期",)
# a field's label cell: a time's or a date's of something (时间, 开幕时间, 报名日期)
_FIELD_LABEL = re.compile(r"[\u4e00-\u9fff]{0,4}(?:时间|日期)")


@lru_cache(maxsize=None)
def _event_field() -> re.Pattern:
    """An event's or a forecast's field label (`event_field_labels`: 地点, 天气…), alone or labelling."""
    words = "|".join(map(re.escape, sorted(vocab.load("metadata.yml")["event_field_labels"], key=len, reverse=True)))
    return re.compile(rf"(?:{words})(?:\s*[:：︰﹕ \u3000]|$)")


def _date_then_source(text: str) -> bool:
    """A date, then the page's source label (2019-11-22　来源：某某日报　字体：大 中 小): the
    byline's shape on many papers' and bodies' sites."""
    m = _DATE_ALONE.match(text)
    return bool(m) and meta.opens_with_label(text[m.end():].strip()) and bool(re.search(r"[:：︰﹕]", text[m.end():]))


def _date_then_channel(text: str, channels) -> bool:
    """A date, then the channel the page's menu names (2023年10月12日 澳闻): the dateline's shape
    on a paper's site; not a related item's date and headline."""
    m = _DATE_ALONE.match(text)
    return bool(m) and text[m.end():].strip() in channels


# a span of days (2024年5月1日—5月5日: an event's, not a publication's)
# (a hyphen only after a day's character: 2023-06-21 is one date)
_RANGE = re.compile(r"(?:[日号]\s*[—–\-~～至到]+|\d\s*[—–~～至到]+)\s*(?:(?:19|20)\d\d\s*[-年/.]\s*)?\d{1,2}\s*[-月/.日号]")
# a label naming what a time is of (会议时间, 比赛时间, 报名日期): an event's, unless a publication label
_TIME_LABEL = re.compile(r"[\u4e00-\u9fff]{1,4}(?:时间|日期)")


_PLAIN_LABEL = re.compile(r"(?:日期|时间|時間)\s*[:：︰﹕]")
# a date alone on its line, or under a plain label: figures and the date's own characters, a weekday
_DATE_ALONE = re.compile(r"(?:(?:日期|时间|時間)\s*[:：︰﹕]\s*)?(?:19|20)\d\d\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*[日号號]?"
                         r"(?:\s*[(（]?(?:星期|周|週|礼拜|禮拜)[一二三四五六日天][)）]?)?")
# a date opening a byline of furniture: the channel and the size buttons (2023年3月15日 澳闻 字体：大 中 小)
_DATE_THEN_FIELDS = re.compile(_DATE_ALONE.pattern + r"\s+[\u4e00-\u9fff]{2,6}\s+(?:字体|字號|字号|字體)\s*[:：]?\s*大\s*中\s*小")


def _epaper_date(blocks: list[Block], title_index: int | None, order: str | None) -> str | None:
    """An e-paper's issue date: printed over the page's label (A02版：澳聞, 第05版：要闻) above the
    headline, however long the page's list of headlines between them (本版目錄), or of the
    issue's pages (版面导航: 第01版：要闻 … each a page label without a date over it)."""
    if title_index is None:
        return None
    above = [b for b in blocks[max(0, title_index - 40):title_index] if not b.hidden]
    for b in reversed(above):
        # (the issue's bar: its date, then the page's label, then the issue's links on one line:
        # '2023年09月14日 星期四 第03版：要闻 上一版 下一版')
        dated = _DATE_ALONE.match(b.text.strip())
        rest = b.text.strip()[dated.end():].split() if dated else []
        if rest and meta.is_page_label(rest[0]):
            return meta.find_date([Line(b.line, b.text[:dated.end()])], order)
    for at in range(len(above) - 1, -1, -1):
        if len(above[at].text) <= 30 and meta.is_page_label(above[at].text):
            # (the three blocks over it that are no links: an issue's links, 上一期 / 往期回顾, between)
            over = [b for b in reversed(above[max(0, at - 10):at]) if b.link_density <= 0.5][:3]
            date = meta.find_date([Line(b.line, b.evidence) for b in [above[at]] + over], order)
            if date:
                return date
    return None


def _valid_date(value: str) -> str | None:
    """A publication date from a metadata value (ISO 8601, 2019/09/09, 2019年9月9日, 20190909),
    only when it is a real calendar date."""
    m = _ISO.search(value.strip()) or _COMPACT.match(value.strip())
    return meta.real_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def _is_name(value: str) -> bool:
    """A writer's name or pen name as a platform's author slot prints it: letters, digits and
    name punctuation, and the emoji some pen names carry (🌏华商君); no markup, link, number or
    follow prompt (读武汉关注☞ in the same slot is an invitation, not a writer)."""
    plain = "".join(ch for ch in value if unicodedata.category(ch) not in ("So", "Sk", "Mn") and ch != "\u200d")
    follow = [w for w in vocab.load("metadata.yml")["follow_buttons"] if not w.isascii()]
    return (2 <= len(value) <= 30 and len(plain) >= 2 and not _NOT_NAME.search(value)
            and bool(_NAME_CHARS.fullmatch(plain)) and not any(w in value for w in follow))


_OUTLET_THEN_NAME = re.compile(r"(\S{2,12})\s+(\S{2,8})")


def _outlet_before_name(value: str) -> str | None:
    """The outlet of a metadata author value that prints it before the writer's name
    ('中國時報 羅浚濱'): the credited outlet, the name after it the writer."""
    m = _OUTLET_THEN_NAME.fullmatch(value.strip())
    if m and meta.is_outlet_name(m.group(1)) and not meta.is_outlet_name(m.group(2)) and _is_name(m.group(2)):
        return meta.clean_source(m.group(1))
    return None


_SPACED_NAMES = re.compile(r"[\u4e00-\u9fff]{2,4}(?:[ \u3000]+[\u4e00-\u9fff]{2,4})+")


def _names(value: str) -> list[str]:
    """Writers named in a metadata author value, minus site names, domains and placeholders."""
    out = []
    placeholders = {v.lower() for v in vocab.load("metadata.yml")["not_authors"]}
    parts = []
    for part in re.split(r"[,，;；、]", value):
        part = re.sub(r"^(作者|记者|文|By|by)\s*[:：/]?\s*", "", part.strip())
        # (two writers' names with a space between them, as a WeChat post's author slot holds
        # them: 甲某某 乙某某; every word a person's name: not 某某 研究员, 海淀区 某某, 王　芳)
        words = part.split()
        parts += words if _SPACED_NAMES.fullmatch(part) and meta.byline_names(reading_form(part)) == [reading_form(w) for w in words] else [part]
    for part in parts:
        if _outlet_before_name(part):
            part = part.split()[-1]  # ('中國時報 羅浚濱': the writer after the outlet)
            if part in vocab.load("metadata.yml")["not_names"]:
                continue  # ('大公報 記者': a role, no writer)
        part = re.sub(r"\s*[(（][\w.\-]+[)）]$|\s*[／/]\s*\S{1,6}$", "", part).strip()  # (handle), ／特稿
        if (_is_name(part) and part.lower() not in placeholders and not meta.looks_like_site(part)
                and not meta.is_outlet_name(part) and not meta.split_site_suffix(part)[1]):
            out.append(part)
    return out


def _site_name(page: Page, title: str | None, after: list[Block]) -> str | None:
    """The publishing site's name: the page's own (og:site_name, JSON-LD publisher), else what
    its <title> adds to the printed headline ('headline - EDN 电子技术设计'), else the name a
    copyright line after the article gives ('环球网版权所有')."""
    publication = _publication_on_platform(page, title)
    if publication:
        return publication
    for value, _origin in page.meta["site"]:
        if _is_name(value):
            name = meta.clean_source(value) or value
            # 'BBC' in the metadata, '… - BBC中文网 - 两岸三地' in the title: the edition's own name
            longer = [p for p in _title_suffix_parts(page, title) if name in p and len(p) > len(name)]
            return min(longer, key=len) if longer else name
    host = _host_name(after)
    for text in [v for v, _o in page.meta["title"]] + ([page.title_tag] if page.title_tag else []):
        head, site = meta.split_site_suffix(text)
        if (site and reading_form(site) in vocab.load("metadata.yml")["edition_suffixes"] and meta.is_outlet_name(head.strip())
                and not (title and (head.strip() in title or title in head))  # (not the headline: 某某公报-数字报)
                and not meta.not_an_outlet(reading_form(head.strip()))):
            return head.strip()  # ('某某日报-数字报': the paper, then its edition's word)
        if site and not meta.clean_source(site):
            if meta.is_site_name(head.strip()):
                return head.strip()  # '某某新闻网_(新闻)': the site, then a column that names no outlet
            continue  # ('新闻稿 - 某某公署': a page's kind split off as the site names none)
        if site:
            site = meta.clean_source(site) or site
            # '纪检' in the title, '山西医科大学纪检监察室' as the 主办 in the footer: the full name
            return meta.site_or_host(site, host)
        if title and text.startswith(title):
            rest = _SUFFIX_SEP.sub("", text[len(title):]).strip()
            parts = [p.strip() for p in re.split(r"[_|｜]|\s[-–—]\s|--", rest) if p.strip()]
            if parts and 2 <= len(parts[-1]) <= 20 and not meta.has_date(parts[-1]):
                site = meta.clean_source(parts[-1]) or parts[-1]
                return meta.site_or_host(site, host)
    footer = [b.evidence for b in after[-40:]]
    return (_translated_tail(page.title_tag, title) or meta.copyright_holder(footer) or meta.registered_site_name(footer)
            or meta.about_site_name(footer) or _logo_name(page) or _translated_name(page.title_tag, title))


def _translated_tail(title_tag: str | None, title: str | None) -> str | None:
    """The body named at the end of a <title> after a separator, in Chinese then in Latin letters
    ('新聞稿 - 某某警察局 Corpo de Polícia…'): the site's own name, before a footer's parent body."""
    m = re.search(r"\s[-–—|｜]\s*([\u4e00-\u9fff][\u4e00-\u9fff·]{1,19})" + _LATIN_NAME_END, (title_tag or "").strip())
    return m.group(1) if m and m.group(1) != title and not (title and m.group(1) in title) else None


_LATIN_NAME_END = r"\s*[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ .,'&-]{6,}$"


def _translated_name(title_tag: str | None, title: str | None) -> str | None:
    """The Chinese name of a <title> that is only the site's name beside its name in Latin letters
    ('某某論壇 Christian Times', `meta.named_with_translation`), when it is not the headline."""
    tag = (title_tag or "").strip()
    return meta.name_beside_translation(tag) if tag and tag != title else None


_TRAIL = re.compile(r"首页|首頁|[>»›]|\s[-–—|｜]\s")


def _logo_name(page: Page) -> str | None:
    """The name the site's logo gives as its text (<img alt="某某网"> whose address, class or id,
    or its parent's, says logo) above the text: the site's name when nothing else states it."""
    for b in page.blocks[:page.main[0]]:
        if b.tag != "img" or b.hidden or not 2 <= len(b.text) <= 20 or b.element is None:
            continue
        el, up = b.element, b.element.getparent()
        marks = " ".join(filter(None, (el.get("src"), el.get("class"), el.get("id"),
                                       up.get("class") if up is not None else None, up.get("id") if up is not None else None)))
        if "logo" in marks.lower() and meta.is_site_name(b.text):
            return b.text
    return None


_TITLE_THEN_CREDIT = re.compile(r"^\S.{3,}?[\s\-—|｜]\s?(?:作者|作\s者|撰文|文)\s?[：:︰]")


def _profile_link_writer(under_title: list[Block], site_names: set) -> list[str]:
    """A platform's writer under the headline (blogs, portals' author pages): a link that is only
    a name or handle (to the writer's profile) directly over the post's date ('某某_spark' /
    '2016.05.18 16:03 字数 10002') or over its follow button ('某某' / '关注'), not the site's or
    the credited outlet's name (an account beside the date is read as source before this)."""
    follow = set(vocab.load("metadata.yml")["follow_buttons"])
    shown = [b for b in under_title if not b.hidden and b.tag != "img" and b.text.strip()][:4]
    for i, (name, nxt) in enumerate(zip(shown, shown[1:])):
        if name.link_density < 0.9:
            continue
        # (or a one-line self-description between the name and the button: '某某' / '基层公务员' / '关注')
        badge = (i + 2 < len(shown) and shown[i + 2].text.strip() in follow and nxt.link_density < 0.5
                 and len(nxt.text) <= 40 and not meta.has_date(nxt.text))
        if ((nxt.text.strip() in follow or badge) and meta.writer_handle(name.text, site_names)
                or meta.handle_over_date([name.text, nxt.text], site_names)):
            return [name.text.strip()]
    return []


def _site_and_channel(value: str, names: set) -> bool:
    """'::: 某某鄉公所 ::: 最新消息', '某某鄉公所-最新消息': a <title> made only of the site's name and a channel's
    (`names`: the site's names and `not_sources`), no headline in it."""
    # (or joined by a bare hyphen between words: 某某鄉公所-最新消息)
    parts = [p.strip() for p in re.split(r":::|::|[|｜_>»]|\s[-–—]\s|(?<=[\u4e00-\u9fff])[-–—](?=[\u4e00-\u9fff])", value) if p.strip()]
    return len(parts) >= 2 and all(p in names or meta.looks_like_site(p) for p in parts)


def _named_writer(under_title: list[Block], site_names: set) -> list[str]:
    """A name or handle alone in an element under the headline that the page names as its
    writer's by class or id (a platform's AuthorInfo, a theme's 'author vcard'), when no credit
    names a writer: not the site's or the outlet's name, nor anything a writer's name cannot be."""
    for b in under_title:
        if b.author_hint and not b.hidden and b.tag != "img" and meta.writer_handle(b.text, site_names):
            return [b.text.strip()]
    return []


def _publication_on_platform(page: Page, title: str | None) -> str | None:
    """A publication hosted on a writing platform, named in the <title> between the writer's
    'by …' and the platform ('标题 | by 某某 | 某某誌 | Medium', '标题 - by 某某 - 某某筆記'), or
    printed as the page's masthead heading: the publication is the site, not the platform."""
    parts = _title_suffix_parts(page, title)
    by = next((i for i, p in enumerate(parts) if re.match(r"(?i)by\s+\S", p)), None)
    if by is None and len(parts) >= 2:
        # or a part before the platform's that the page prints as its masthead heading ('标题 -
        # 某某筆記 - 某某新聞台', the blog's name in its <h1>)
        # (an <h1>, the masthead: an <h2> over the article may be a channel's heading, 深度报道)
        headings = {b.text.strip() for b in page.blocks[:page.main[0]] if b.tag == "h1" and not b.hidden}
        named = [p for p in parts[:-1] if p in headings]
        return meta.clean_source(named[0]) if len(named) == 1 else None
    if by is None or by + 1 >= len(parts):
        return None
    platforms = {v for v, _o in page.meta["site"]}
    after = [p for p in parts[by + 1:] if p not in platforms]
    return meta.clean_source(after[0]) if len(after) == 1 else None


def _title_suffix_parts(page: Page, title: str | None) -> list[str]:
    """The parts a page's <title> adds after the printed headline (site, channel), each short."""
    text = page.title_tag or ""
    if not title or not text.startswith(title):
        return []
    rest = _SUFFIX_SEP.sub("", text[len(title):]).strip()
    return [p.strip() for p in re.split(r"[_|｜\-–—]", rest) if 2 <= len(p.strip()) <= 20]


def _host_name(after: list[Block]) -> str | None:
    """The body a government or institutional site names as its host in its footer (主办单位：…)."""
    return meta.host_name([b.evidence for b in after[-40:]])


_SUFFIX_SEP = re.compile(r"^\s*(?:[-_|｜–—:：]+|\s)\s*")


def _completed(title: str, index: int | None, blocks: list) -> tuple[str, int | None]:
    """(the title completed from the heading that prints it with its second phrase or its marks,
    `meta.with_second_phrase`, and that heading's index; else the title and `index`). Only the
    visible blocks above the first full stop are read: a picture's caption inside the text may
    open with the headline's words."""
    first = next((i for i, b in enumerate(blocks) if not b.hidden and "。" in b.text), len(blocks))
    shown = [b for b in blocks[:first] if not b.hidden and b.index != index]
    whole = meta.with_second_phrase(title, [b.text for b in shown])
    if index is None and whole == title:
        # (the headline printed as a table's field: 標題　某某, its label and value cells apart)
        index = next((b.index for b in shown if _title_row(reading_form(b.text.strip())) and b.text.strip().endswith(title)), None)
    return whole, next((b.index for b in shown if whole != title and b.text == whole), index)


def _heading_beside(blocks: list[Block], index: int | None, label: re.Pattern) -> Block | None:
    """The one heading element within two blocks of the block read as the headline, when that
    block is no heading: the read block is the kicker over it or the deck under it (an
    e-paper's 引题 / <h3> / 副题, a site's <h2> over its summary paragraph)."""
    not_sources = set(vocab.load("metadata.yml")["not_sources"])
    # (a headline's length, not a column's name in a heading over the content box: 乡镇动态)
    heads = [b for b in blocks if b.tag in _HEADING_TAGS and not b.hidden and 6 <= len(b.text) <= 60
             and not label.search(b.text) and "。" not in b.text[:-1] and not meta.is_site_name(b.text)
             and b.text not in not_sources and not meta.is_navigation_name(b.text)]
    chosen = next((b for b in blocks if b.index == index), None)
    if len(heads) == 1 and chosen is not None and chosen.tag not in _HEADING_TAGS and 0 < abs(chosen.index - heads[0].index) <= 2:
        return heads[0]
    return None


def choose_title(page: Page) -> tuple[str | None, str | None, int | None]:
    """(title, origin, index of the block that prints it).

    The headline as printed is the longest visible short block (a heading first) that the page's
    title metadata (JSON-LD headline, og:title, ArticleTitle, <title>) contains: metadata says
    which text is the title, the visible text says where the site's suffix or column ends.
    Without such a block, the metadata title minus its site suffix; without metadata, the
    first <h1>.
    """
    candidates = [(v[:300], o) for v, o in page.meta["title"]] + ([(page.title_tag[:300], "title")] if page.title_tag else [])
    # (not a title the page prints as its reprint's 原标题：…: the CMS kept the original's title)
    originals = {t for b in page.blocks[:page.main[1]] if (t := meta.original_title(b.text))}
    candidates = [(v, o) for v, o in candidates if v.strip() not in originals] or candidates
    sites = {v for v, _o in page.meta["site"]}
    start, end = page.main
    best = None
    # a menu's link (科普中国-辟谣文章: the <title> names the site and the channel, and the menu
    # prints the channel) is no headline, however well the metadata matches it
    menu = {b.text for b in page.blocks if _menu_link(b)}
    not_sources = set(vocab.load("metadata.yml")["not_sources"])
    page_label = re.compile(vocab.load("metadata.yml")["page_label"])
    for b in page.blocks[: end]:
        t = b.text
        # (a headline of two or three characters, a poem's 夜雨, counts as an <h1> that the title
        # metadata opens, a separator after it)
        short_h1 = (b.tag == "h1" and len(t) >= 2
                    and any(v.startswith(t) and len(v) > len(t) and _SUFFIX_SEP.match(v[len(t):]) for v, _o in candidates))
        if (b.hidden or b.tag == "img" or len(t) < 4 and not short_h1 or len(t) > 100 or t in sites or _menu_link(b)
                or t in not_sources or meta.is_navigation_name(t) or meta.deck_by_its_dash(t) or page_label.search(t)):
            continue  # (nor a channel's or the navigation's name the <title> ends with: 最新消息; nor a kicker
            # or deck; nor an e-paper's page label, 第03版：县域经济, which a <title> of that label confirms)
        for value, origin in candidates:
            v = value.strip()
            at = t.find(v) if len(v) >= 8 else -1
            # (the heading element only, and where no heading prints the title alone: not a table's
            # cell, a related document's link or a download's file name)
            if (at > 0 and t.endswith(v) and at <= 30 and meta.document_issuer(t[:at]) and (b.tag in _HEADING_TAGS or b.title_hint)
                    and b.link_density < 0.5 and not any(x.tag in _HEADING_TAGS and _SPACES.sub("", x.text) == _SPACES.sub("", v)
                                                         for x in page.blocks[:end])):
                # (a document's heading with its issuer before the title the CMS keeps without it:
                # 某县人民政府办公室关于印发…的通知 under <title>关于印发…的通知)
                rank = (len(t), b.tag in _HEADING_TAGS, -b.index)
                if best is None or rank > best[0]:
                    best = (rank, t, f"visible, confirmed by {origin} (with its issuer)", b.index, t)
                break
            if t in value:
                if (re.search(re.escape(t) + _LATIN_NAME_END, value.strip()) and len(t) <= 12
                        and re.search(vocab.load("metadata.yml")["not_name_ends"], t)
                        or re.search(_LATIN_NAME_END, t) and not re.search(r"[\u4e00-\u9fff]", t) and re.search(r"[\u4e00-\u9fff]", value)):
                    continue  # (the body's name with its name in Latin letters ending the <title>, or that Latin name: its logo)
                if meta.is_site_name(t) and (len(t) < len(value) // 2 or meta.without_edition(value.strip()) == t != value.strip()
                                             or _site_and_channel(value, {t} | not_sources)):
                    continue  # (a logo the <title> names with its edition or a channel only: 某某日報電子版, 某某縣政府-最新消息)
                whole = _broken_headline(page, b.index, value) or _two_line_headline(page, t, b.index, candidates)
                rank = (len(whole), b.tag in _HEADING_TAGS, -b.index)
                if best is None or rank > best[0]:
                    best = (rank, whole, f"visible, confirmed by {origin}", b.index, value.strip())
                break
    # (or a short name, not a heading, with an <h1> under it by the text: an app's name in its
    # download bar, '北京某某', over the story's heading)
    named_only = best and best[1] == best[4] and (
        best[3] < start - 8 and (meta.is_site_name(best[1]) or best[1] in sites)
        or len(best[1]) <= 10 and page.blocks[best[3]].tag not in _HEADING_TAGS and not page.blocks[best[3]].title_hint)
    if named_only:
        # the title metadata is nothing but a name printed far above the text (a <title> of only
        # the site's name, '太原晚报', matching its logo): the <h1> by the text is the headline
        near = [b for b in page.blocks[max(0, start - 8, best[3] + 1):start + 2]
                if b.tag == "h1" and not b.hidden and len(b.text) >= 4 and b.text != best[1]
                and b.text not in sites and not meta.is_site_name(b.text) and not meta.deck_by_its_dash(b.text)]
        if near:
            return near[0].text, "h1 by the text (the title metadata names only the site)", near[0].index
    if best:
        # '金某某 - 某某百科，自由的百科全书': the <h1> opens the title metadata and a separator
        # follows it; a longer visible block inside the same metadata is the site's tagline
        for b in page.blocks[:end]:
            if b.tag == "h1" and not b.hidden and len(b.text) >= 2 and b.text not in best[1]:
                for value, origin in candidates:
                    rest = value[len(b.text):]
                    if value.startswith(b.text) and _SUFFIX_SEP.match(rest) and rest.strip(" -_|｜–—:：") in best[1]:
                        return b.text, f"h1, confirmed by {origin}", b.index
        # (a <title> or a meta title of the headline's first phrase: the heading prints the second)
        whole, at = _completed(best[1], best[3], page.blocks[:end])
        return whole, best[2], at
    label = re.compile(vocab.load("metadata.yml")["page_label"])
    # 主题：… printed above a forum post or notice, 信件标题 | … in a mailbox's table
    shown = [b for b in page.blocks[max(0, start - 20):start + 3] if not b.hidden]
    found = meta.labelled_title_at([Line(b.index, b.text) for b in shown])
    # (above the text, or a label alone in its cell: not an event's 主题：… field in the text)
    if found and (shown[found[0]].index <= start or found[2]):
        return found[1], "visible (labelled title)", shown[found[0]].index
    # the name the page's footer gives its site (©2025 某某研究所, 某某网版权所有): a <title> that
    # is only that names no article
    footer = [b.text for b in page.blocks[-40:]]
    sites = sites | {n for n in (meta.copyright_holder(footer), meta.host_name(footer)) if n}
    fuller = _heading_printing_more(page, candidates)
    if fuller is not None:
        return fuller.text, "heading by the text (the title metadata and more)", fuller.index
    h1 = _h1_over_unprinted_title(page, [v for v, _o in candidates], sites, label)
    if h1 is not None:
        parts = _element_parts(page, h1)  # (one heading broken by <br>: its parts joined, as one line prints them)
        text = _joined_parts(page, parts) if len(parts) > 1 else _with_second_h1(page, h1)
        return text, "heading by the text (the title metadata is printed nowhere)", h1.index
    for value, origin in candidates:
        head, _site = meta.split_site_suffix(value)
        head = head.strip()
        # a title that is only the site's name or an e-paper page label names no article
        if (len(head) >= 4 and head not in sites and head not in not_sources and not meta.looks_like_site(head) and not label.search(head)
                and meta.without_edition(head) == head  # (nor a paper's edition: '某報 電子版')
                # (nor its name in two scripts, a short one or the Chinese printed alone as its logo:
                # '某報 Tai Chung Pou'; not 再見某某日報 Some Daily Farewell, a headline)
                and not (meta.named_with_translation(reading_form(head))
                         and (len(head.split()[0]) <= 4 or any(b.text.strip() == head.split()[0] for b in page.blocks[:start])))
                and "null" not in head.lower() and not _menu_parts(head, menu) and not _site_and_channel(head, sites | not_sources)
                and not _translated_tail(head, None)  # (新聞稿 - 某某局 Corpo de…: a page's kind and the body's names)
                # (nor a topic's or channel's name that the trail of links above the text prints:
                # 首页 > 专题 > 某某专题 > 某栏目, a special topic's page titled with the topic's name)
                and not any(_TRAIL.search(b.text) and re.search(rf"(?:^|[>»›＞/])\s*{re.escape(head)}\s*(?:[>»›＞/]|$)", b.text)
                            for b in page.blocks[:start + 3])):
            # (the headline's first phrase: a heading prints the second after it)
            whole, at = _completed(head, None, page.blocks[:end])
            return whole, origin, at
    for b in page.blocks[:end]:
        # (not the logo's <h1>: the body's name the title metadata gives, with its name in Latin
        # letters, 某某發展局Direcção dos Serviços…)
        if (b.tag == "h1" and len(b.text) >= 4 and not b.hidden and b.text not in sites and not meta.is_site_name(b.text)
                and not any(b.text.startswith(v.strip()) and re.fullmatch(r"\s*[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ .,'&-]{6,}", b.text[len(v.strip()):])
                            for v, _o in candidates if len(v.strip()) >= 2)):
            return b.text, "h1", b.index
    # no usable title metadata nor <h1>: the heading printed just above the text
    near = [b for b in page.blocks[max(0, start - 30):start] if not b.hidden and b.tag != "img"][-6:]  # (a gallery's images between)
    # (a permalink headline named as a title, or printed as a heading element: a blog's <h2><a>)
    near = [b for b in near if b.link_density < 0.5 or b.title_hint or b.tag in ("h1", "h2", "h3")]
    lines = [Line(b.index, b.text) for b in near if not label.search(b.text)]
    text = meta.headline_before(lines, clean_mod.pattern_reason)
    if text and not meta.is_site_name(text):
        index = next((b.index for b in near if b.text == text), None)  # (None: joined from two lines)
        # (the deck printed under a block the page marks as its title, which no title metadata
        # names: the marked one, unless it is a trail of links, 首页 - 新闻动态)
        titles = [v for v, _o in page.meta["title"]] + ([page.title_tag] if page.title_tag else [])
        marked = next((b for b in near if index is not None and b.index == index - 1 and b.title_hint
                       and not any(text in v for v in titles) and not _TRAIL.search(b.text)
                       and 8 <= len(b.text) <= 60 and "。" not in b.text[:-1] and b.link_density < 0.5
                       and not label.search(b.text) and not meta.is_site_name(b.text) and not clean_mod.pattern_reason(b.text)), None)
        if marked is not None:
            parts = _element_parts(page, marked)
            if len(parts) > 1 and parts[-1].index >= index:  # (the "deck" is the heading's second line: one cell broken by <br>)
                return _joined_parts(page, parts), "visible (marked as a title, broken by <br>)", marked.index
            return marked.text, "visible (marked as a title, over its deck)", marked.index
        heading = _heading_beside(near, index, label)
        if heading is not None:
            return heading.text, "visible (the heading beside its kicker or deck)", heading.index
        return text, "visible (heading above the text)", index
    # or the last heading element above the text with only a short field list between them (a
    # government page's 發布單位／發布日期／點閱數 under its <h3>)
    heading = _heading_over_fields(page.blocks[max(0, start - 12):start], label)
    if heading is not None:
        return heading.text, "visible (heading over the page's fields)", heading.index
    # or a block the page marks as a title (class or id 'title') at the top of the text
    for b in page.blocks[start:start + 3]:
        if b.title_hint and not b.hidden and 4 <= len(b.text) <= 60 and "。" not in b.text[:-1] and b.link_density < 0.5:
            # (one cell broken by <br>: its parts joined)
            return _joined_parts(page, _element_parts(page, b)).strip(" -_|｜–—"), "visible (marked as a title at the top of the text)", b.index
    # or the short line that opens the text and stands apart from the prose that follows
    # (a forum's or blog's link bar above it is passed over; a headline may close with a quote
    # or a bracket: 座谈会” or (图))
    body = [b for b in page.blocks[start:end] if b.tag != "img" and not b.hidden][:3]
    for first, second in zip(body, body[1:]):
        if meta.opens_text(first.text, second.text, 60 if first.tag in _HEADING_TAGS else 40):
            return first.text, "visible (line opening the text)", first.index
        if first.link_density <= 0.5:
            break
    # or the line above the byline and the first paragraph (a page with no other hint)
    window = [b for b in page.blocks[max(0, start - 6):min(end, start + 10)] if not b.hidden and b.tag != "img" and b.text.strip()]
    at = meta.headline_over_byline([b.text if b.link_density < 0.3 else None for b in window])
    if at is not None:
        return window[at].text.strip(), "visible (line above the byline and the text)", window[at].index
    return None, None, None




def _heading_printing_more(page: Page, candidates: list) -> Block | None:
    """The heading element by the text that prints the title metadata and more (`meta.prints_more`:
    某县：… around an ArticleTitle of the headline's last words), where no block prints the
    metadata's own wording alone."""
    start, end = page.main
    heads = {meta.split_site_suffix(v)[0].strip() for v, _o in candidates}
    heads = {h for h in heads if len(h) >= 6 and not any(b.text.strip() == h for b in page.blocks[:end])}
    for b in page.blocks[max(0, start - 8):min(end, start + 2)]:
        if (b.tag in _HEADING_TAGS and not b.hidden and b.link_density < 0.5 and len(b.text) <= 60
                and any(meta.prints_more(h, b.text) for h in heads)):
            return b
    return None


def _heading_over_fields(above: list[Block], label: re.Pattern) -> Block | None:
    """The last heading element of a headline's shape in `above` (the blocks just over the text)
    when every visible block after it is a short field (a label, a date, a count: ≤ 20
    characters). None otherwise: a heading followed by prose or a long line is not the
    article's."""
    for i in range(len(above) - 1, -1, -1):
        b = above[i]
        if b.hidden or b.tag == "img":
            continue
        if b.tag in ("h1", "h2", "h3", "h4"):
            shaped = (6 <= len(b.text) <= 60 and "。" not in b.text[:-1] and b.link_density < 0.5
                      and not meta.is_site_name(b.text) and not label.search(b.text))
            return b if shaped else None
        if len(b.text) > 20:
            return None
    return None


def _h1_over_unprinted_title(page: Page, values: list[str], sites: set, label: re.Pattern) -> Block | None:
    """An <h1> of a headline's length right by the text, when no visible block prints the title
    metadata (punctuation and spaces aside: '某市召开专题会议 部署…' prints '…会议，部署…'): the
    headline as printed, where the metadata is only the site's name ('游民星空') or a headline the
    page prints otherwise. None when there is no such <h1> or the metadata is printed."""
    if not values:
        return None
    start, end = page.main
    first_text = next((b.index for b in page.blocks[start:end] if len(b.text) >= 40 and b.tag not in _HEADING_TAGS), start)
    window = sorted(i for i in {*range(max(0, start - 8), min(end, start + 2)), *range(max(0, first_text - 8), first_text + 1)}
                    if i < len(page.blocks))
    def shaped(b: Block) -> bool:
        return (not b.hidden and len(b.text) >= 8 and b.link_density < 0.5 and "。" not in b.text[:-1]
                and b.text not in sites and not meta.is_site_name(b.text) and not label.search(b.text)
                and not _SECTION_H1.search(b.text))
    near = [page.blocks[i] for i in window]
    by_text = next((b for b in near if b.tag == "h1" and shaped(b)), None)
    if by_text is None:
        # (a template that sets its headline in another element marked as the title, its <h1>
        # holding the logo or nothing: <div class="title"><h2>…</h2></div>, <p class="art-title">,
        # its kicker and deck in elements of their own; one such element by the text)
        marked = [b for b in near if b.title_hint and shaped(b)
                  and not _TRAIL.search(b.text) and not meta.deck_by_its_dash(b.text)]
        by_text = marked[0] if len({id(b.element) for b in marked}) == 1 else None
        # (or the heading element over the page's fields right above the text: 標題 / 發布日期 /
        # 發布單位 / 點閱次數, a government page's template)
        over = by_text or _heading_over_fields(page.blocks[max(0, start - 12):start], label)
        by_text = over if over is not None and shaped(over) else None
    if by_text is None:
        return None
    loose_values = [_loose(v) for v in values]
    heading = _loose(by_text.text)
    if any(heading in v for v in loose_values):
        return None  # (the metadata confirms it: the first pass chose it)
    inside = [v for v in loose_values if v in heading]
    if inside:
        # (the heading prints the metadata's words and four more Chinese characters at least: a
        # kicker's phrase before them, 上岗 after; not a logo's body name and its Latin name, nor
        # a badge after the headline, 原创, 獨家)
        more = any(len(v) >= 8 and len(re.findall(r"[\u4e00-\u9fff]", heading.replace(v, ""))) >= 4 for v in inside)
        return by_text if more else None
    for b in page.blocks[:end]:
        # (printed only as the deck under the <h1>, ——某某见实效, it is the deck's words: the
        # <h1> is the headline)
        # (nor is the site's name, printed as its logo, a printing of a <title> that ends with it)
        t = (_loose(b.text) if not b.hidden and not (b.index == by_text.index + 1 and meta.deck_by_its_dash(b.text))
             and not (b.text.strip() in sites or meta.is_site_name(b.text.strip())) else "")
        if len(t) >= 8 and any(t in v or v in t and len(t) <= len(v) + 4 for v in loose_values):
            return None  # the metadata is printed as a block of its own
    return by_text




def _element_parts(page: Page, b: Block) -> list[Block]:
    """`b` and the blocks right after it that the same heading element holds (broken by <br>:
    the same element), while each is a headline's part (short, no sentence, no date)."""
    parts = [b]
    if b.element is None:
        return parts
    for nxt in page.blocks[b.index + 1:b.index + 3]:
        if (nxt.element is not b.element or nxt.hidden or not 2 <= len(nxt.text) <= 30
                or "。" in nxt.text or meta.has_date(nxt.text) or meta.deck_by_its_dash(nxt.text)):
            break
        parts.append(nxt)
    return parts if len(" ".join(p.text for p in parts)) <= 60 else [b]


def _joined_parts(page: Page, parts: list[Block]) -> str:
    """A heading's parts broken by <br>, joined as one line prints them: with no space where the
    break fell inside a phrase the text prints unbroken (`meta.break_inside_a_word`), with a space
    between two phrases otherwise."""
    prose = [b.text for b in page.blocks[page.main[0]:page.main[1]] if len(b.text) >= 20]
    out = parts[0].text.strip()
    for b in parts[1:]:
        out += ("" if meta.break_inside_a_word(out, b.text, prose) else " ") + b.text.strip()
    return out


def _with_second_h1(page: Page, h1: Block) -> str:
    """The <h1>'s text, joined by a space to a second <h1> right after it: a headline set in two
    heading elements, its two parts (某地猫山王提早登场 / 园主：今年收成好过去年), as one line
    prints them; not a deck (——…) or a date."""
    nxt = page.blocks[h1.index + 1] if h1.index + 1 < len(page.blocks) else None
    # (short parts, as a headline's are: not a deck of a sentence or a speech's 在…会议上的讲话)
    if (nxt is not None and nxt.tag == "h1" and not nxt.hidden and 4 <= len(nxt.text) <= 16 and nxt.link_density < 0.5
            and not meta.deck_by_its_dash(nxt.text) and not meta.has_date(nxt.text) and len(h1.text) <= 20
            and not re.search(vocab.load("sections.yml")["deck_words"], reading_form(nxt.text))):
        return h1.text + " " + nxt.text
    return h1.text


def _loose(text: str) -> str:
    """`text` without punctuation and spaces: a headline printed with other marks reads alike."""
    return _NOT_WORD.sub("", text)


_NOT_WORD = re.compile(r"[\W_]+")
# an <h1> that names a section or a column, not an article (新闻中心 - 工作动态, 今日关注 · 本地新闻频道,
# 党的二十大精神学习专栏)
_SECTION_H1 = re.compile(r"\s[-–—|｜>»·]\s|[·｜|>»]|(?:专栏|频道|中心|动态|栏目)$")


def _menu_link(b: Block) -> bool:
    """A link of the page's furniture (a menu item), not a permalink headline marked as a title."""
    return bool(b.furniture) and not b.title_hint and b.link_density >= 0.5


def _menu_parts(head: str, menu: set[str]) -> bool:
    """'科普中国-辟谣文章': a <title> made of the site's name and a channel its menu prints, with
    no headline in it."""
    parts = [p for p in re.split(r"\s*[-_|｜–—]\s*", head) if p]
    return head in menu or len(parts) >= 2 and any(p in menu for p in parts)


def _broken_headline(page: Page, index: int, value: str) -> str | None:
    """A headline broken over lines by <br> ('全国人民代表大会常务委员会' / '关于批准…及' /
    '调整…的决议'): the neighbouring blocks of the same element, joined, while the title
    metadata still holds them; None when the block stands alone."""
    blocks, b = page.blocks, page.blocks[index]
    flat = _SPACES.sub("", value)

    def same(i: int) -> bool:
        return (0 <= i < len(blocks) and blocks[i].line == b.line and blocks[i].tag == b.tag
                and not blocks[i].hidden and blocks[i].tag != "img")

    a = z = index
    while a - index > -3 and same(a - 1) and _SPACES.sub("", "".join(x.text for x in blocks[a - 1:z + 1])) in flat:
        a -= 1
    while z - index < 3 and same(z + 1) and _SPACES.sub("", "".join(x.text for x in blocks[a:z + 2])) in flat:
        z += 1
    if z == a:
        return None
    joined = "".join(x.text for x in blocks[a:z + 1])
    # (the metadata's own spacing where it holds the whole, '某某双丰收 “一地两用”…', also inside a
    # longer title with a place before it: 某地：“某某模式”全面铺开 保护性耕作…)
    flat = _SPACES.sub("", joined)
    inside = re.search(r"\s*".join(map(re.escape, flat)), value) if flat else None
    return _phrase_spaces(inside.group()) if inside else joined


def _phrase_spaces(text: str) -> str:
    """`text` keeping a space only between two phrases of Chinese words (某某双丰收 “一地两用”…),
    not inside a figure's words (2007 年末) nor before a joining word (生产 暨高标准农田)."""
    parts = _SPACES.split(text.strip())
    out = parts[0]
    for part in parts[1:]:
        apart = re.search(r"[\u4e00-\u9fff”」』）)]$", out) and re.match(r"[\u4e00-\u9fff“「『（(]", part) and not re.match(r"[暨和与與及并並]", part)
        out += (" " if apart else "") + part
    return out


_SPACES = re.compile(r"\s+")


def _two_line_headline(page: Page, text: str, index: int, candidates) -> str:
    """A headline printed on two lines (title, then a second line or a ——subtitle) whose title
    metadata holds both: the whole headline, as the metadata spells it."""
    # (the metadata as written, then without its site's suffix: 标题——副题-某某大学新闻网)
    values = [v for value, _origin in candidates for v in dict.fromkeys((value, meta.split_site_suffix(value)[0].strip()))]
    for value in values:
        rest = value[len(text):].strip() if value.startswith(text) else ""
        if not rest:
            continue
        nxt = next((b for b in page.blocks[index + 1:index + 3] if b.tag != "img"), None)
        if nxt is not None and nxt.tag in ("h1", "h2") and page.blocks[index].tag not in _HEADING_TAGS:
            return text  # (a kicker in a plain block over the heading element: the heading is the headline)
        following = " ".join(b.text for b in page.blocks[index + 1:index + 3] if b.tag != "img")
        if following.replace(" ", "").startswith(rest.replace(" ", "")):
            return value
    return text


def section_start(blocks: list[Block], start: int, end: int) -> int:
    """Index where a section that follows the article (comments, related items) begins inside the
    main content (clean.section_start on the blocks); `end` when there is none."""
    span = blocks[start:end]
    cut = clean_mod.section_start([b.text for b in span], [block_score(b) for b in span])
    return end if cut is None else start + cut


_CJK = re.compile(r"[\u4e00-\u9fff]")
_COUNT = re.compile(r"\d+\s*次")  # (该文章已被阅读1234次)


def _lead_in_start(blocks: list[Block], start: int, title_index: int | None) -> int:
    """Where the article's text starts, given the headline: the lines of plain text between the
    headline's byline and the densest prose are the article's too (a poem's dedication and
    verse lines before its note, a lead-in before a long paragraph), back to the first line that
    is not one: a link, furniture, hidden, boilerplate, a labelled byline (作者：… 浏览：…), a
    name alone or a line without Chinese text (a writer's card: name, affiliation, role)."""
    if title_index is None or not title_index < start:
        return start
    first = start
    widgets = vocab.load("metadata.yml")["widget_words"]
    for b in reversed(blocks[title_index + 1:start]):
        if b.tag == "img" and not b.hidden and not b.furniture:
            first = b.index
            continue
        t = b.text.strip()
        if (b.hidden or b.furniture or b.link_density >= 0.3 or not _CJK.search(t) or b.tag in _HEADING_TAGS
                or meta.is_lone_name(t)  # a writer's card: name, affiliation, role
                or t[:1] in "【[（(<《" or any(w in t for w in widgets) or _COUNT.search(t)  # print buttons, counters, notices
                or (":" in t[:12] or "：" in t[:12]) and not t.endswith(("：", ":"))  # a label and its value
                or clean_mod.pattern_reason(b.text) or meta.has_date(b.text) or _BYLINE.search(b.text[:20])):
            break
        first = b.index
    return first


_FULL_STOP = re.compile(r"[。！？!?]")
_CLOSING_CARD = "the account's or site's card after the text's closing credits"
# what stands between a text and its account's card: its closing credits and notices (not a
# contact line or a share button: a notice's own particulars follow those)
_CARD_OPENERS = ("source credit", "editor credit", "byline", "reprint prohibition", "reprint or editing notice",
                 "WeChat footer", "end marker")


def _closing_card(blocks: list[Block], start: int, end: int, title: str | None, own_names: frozenset | set = frozenset()) -> set[int]:
    """Indexes of the short lines an article container holds after its text's closing
    credits that speak as the account's or site's card (`card_words`: 关注某某，关心某某; a call to
    donate, a hotline, its social accounts), as WeChat accounts and CMS templates print under
    every post. Only after a credit or notice that follows the last paragraph of prose; never a
    picture's caption (a line right after an image, or one marked ▲ 图为), a note in brackets or
    a document's signature. The account's own name with its motto (某某融媒 · 讲好某某故事) is its
    card too. Short lines that say none of these stay (a poem's last verses, a notice's
    particulars, an interview's last answer)."""
    seen = [b for b in blocks[start:end] if not b.hidden]
    reasons = {b.index: _reason(b, True, title) for b in seen if b.tag != "img"}
    prose = [b.index for b in seen if b.tag != "img" and not reasons[b.index]
             and (len(b.text) >= 50 or len(b.text) >= 15 and _FULL_STOP.search(b.text))]
    if not prose:
        return set()
    card: set[int] = set()
    opened, after_image = False, False
    sections = vocab.load("sections.yml")
    captions, words = re.compile(sections["caption_marks"]), re.compile(sections["card_words"])
    # (a motto of two short phrases, 秀水千岛 · 大美某安, alone after the editors' credits, also
    # under the closing image; a run of such lines is a list or the captions of pictures: text)
    texts = [b for b in seen if b.index > prose[-1] and b.tag != "img"]
    mottos = {b.index for b in texts if _MOTTO.fullmatch(b.text.strip())}
    lone = {b.index for i, b in enumerate(texts) if b.index in mottos
            and not any(n.index in mottos for n in texts[max(0, i - 1):i] + texts[i + 1:i + 2])}
    edited = False
    for b in seen:
        if b.index <= prose[-1]:
            continue
        if b.tag == "img":
            after_image = True
            continue
        reason = reasons[b.index]
        if reason:
            opened = opened or reason in _CARD_OPENERS
            edited = edited or reason == "editor credit"
        elif edited and b.index in lone:
            card.add(b.index)
        elif (opened and not after_image and len(b.text) <= 40 and (words.search(b.text) or _opens_with_name(b.text, own_names))
              and not captions.match(b.text)
              and not (b.text[:1] in "（(" and b.text[-1:] in "）)") and not clean_mod.signature_line(b.text)):
            card.add(b.index)
        after_image = False
    return card


def _opens_with_name(text: str, names) -> bool:
    """`text` is one of `names` alone, or one of them, a separator and a short phrase (某某融媒 ·
    讲好某某故事, 某某人社丨服务你我)."""
    t = text.strip()
    return any(t == n or t.startswith(n) and re.match(r"\s*[·•|｜丨]\s*\S", t[len(n):]) for n in names)


# a place's or an account's motto of two short phrases (秀水千岛 · 大美某安), as a post's card prints it
_MOTTO = re.compile(r"[\u4e00-\u9fff]{2,6}\s*[·•|｜丨]\s*[\u4e00-\u9fff]{2,8}")


def _classify(blocks: list[Block], start: int, end: int, title: str | None, tail: int, own_names=frozenset()) -> Cleaned:
    kept: list[Kept] = []
    removed: list[Removed] = []
    closing_card = _closing_card(blocks, start, min(end, tail), title, own_names)
    card: list[str | None] = [None] * len(blocks)
    clean_mod.repost_card([Line(b.line, b.text) for b in blocks], card)  # (WeChat's 以下文章来源于… card)
    for b in blocks:
        line = Line(b.line, b.text)
        if card[b.index] and b.tag != "img":
            removed.append(Removed(line, card[b.index]))
            continue
        if (kept and start <= b.index < end + 2 and b.tag != "img" and not b.hidden
                and (clean_mod.signs_document(kept[-1].line.text, b.text, title)
                     or clean_mod.pattern_reason(b.text) == "dateline" and clean_mod.closes_letter([k.line for k in kept[-4:]]))):
            kept.append(Kept(line, "paragraph"))  # a notice's signature (the issuing body, then the date), a letter's date
            continue
        if tail <= b.index < end:
            if b.tag != "img":
                removed.append(Removed(line, "section after the article (comments, related items)"))
            continue
        inside = start <= b.index < end
        if b.tag == "img":
            if inside and not b.furniture and not b.hidden:
                kept.append(Kept(line, "image"))
            continue
        reason = _CLOSING_CARD if b.index in closing_card else _reason(b, inside, title)
        if reason:
            removed.append(Removed(line, reason))
        elif b.tag in _HEADING_TAGS and len(b.text) <= 60 and not _END_PUNCT.search(b.text):
            kept.append(Kept(line, "heading"))
        elif (b.bold_chars >= len(b.text) and len(b.text) <= 30 and not _END_PUNCT.search(b.text)
              and not clean_mod.is_prose(b.text)):
            kept.append(Kept(line, "heading"))
        else:
            kept.append(Kept(line, "paragraph"))
    return Cleaned(kept, removed)


_COLON = re.compile(r"[：:]")
_TIME_RANGE = re.compile(r"\d{1,2}[:：]\d\d\s*[-–~～至到]\s*\d{1,2}[:：]\d\d")  # (opening hours, 9:00-17:00)


def _reason(b: Block, inside: bool, title: str | None) -> str | None:
    t = b.text
    if b.hidden:
        return "hidden element"
    if title and (t == title or (t.startswith(title) and len(t) - len(title) <= 30 and not inside)):
        return "title"
    pattern = clean_mod.pattern_reason(t)
    if not inside:
        if pattern:
            return pattern
        if b.furniture:
            return f"page furniture (class or id '{b.furniture}')"
        return clean_mod.outside_reason(t, title, "outside the main content")
    if b.furniture:
        return f"widget inside the article (class or id '{b.furniture}')"
    if pattern:
        return pattern
    if b.link_density > 0.6 and len(t) <= 60:
        return "link (list of other pages)"
    # (two fields or more: a range of times is no field's, 开放时间：周二至周日 9:00-17:00; a time
    # stamp's colon is, 09月30日 18:05 来源：某某)
    if (len(t) <= 80 and _BYLINE.search(t) and (meta.has_date(t) or len(_COLON.findall(_TIME_RANGE.sub("", t))) >= 2)
            and not _DIALOGUE.search(t) and not _event_time(t)):
        return "dateline and byline" if meta.has_date(t) else "byline"
    return None


def _event_time(text: str) -> bool:
    """Whether a line opens with the labelled time of what the text announces (活動時間：…,
    报名日期：…), one field alone: the text's particulars, not the page's byline."""
    t = reading_form(text.strip())
    m = _TIME_LABEL.match(t)
    labels = re.findall(r"[\u4e00-\u9fff]\s*[:：︰﹕]", t)  # (a field's label, not a clock's 9:00)
    return (bool(m) and re.match(r"\s*[:：︰﹕]", t[m.end():]) is not None
            and m.group() not in vocab.load("metadata.yml")["date_labels"] and len(labels) == 1)
