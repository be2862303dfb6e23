"""The pipeline: raw capture bytes -> an article (metadata, damage, body, removed lines).

Pure: nothing here reads or writes files; the CLI and `archive` do the I/O.
"""
from __future__ import annotations

import bisect
import hashlib
import re
from functools import lru_cache
from collections import deque

from . import clean as clean_mod
from .. import tags
from . import damage
from . import html_clean
from . import html_page
from . import kinds
from . import limits
from . import saved_by
from . import source_urls
from . import meta
from . import vocab
from . import recurring_lines as recurring
from ..places import regions
from . import webarchive
from ..invisible import balance
from .decode import decode, stray_controls, without_controls
from .reading_form import reading_form, restore, without_glosses
from ..errors import WenxianError
from .. import article
from ..article import IMAGE_MARKER
from ..escape import escape_line
from ..script import detect_script

ID_LENGTH = 12


def article_id(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:ID_LENGTH]


def extract(data: bytes, path: str = "<bytes>", learned=recurring.lines_for, page_url: str | None = None,
            charset: str | None = None) -> article.ExtractedArticle:
    """The article of one capture, as the typed record (article.ExtractedArticle); see _extract."""
    return article.ExtractedArticle.from_dict(_extract(data, path, learned, page_url, charset))


def _extract(data: bytes, path: str = "<bytes>", learned=recurring.lines_for, page_url: str | None = None,
             charset: str | None = None) -> dict:
    """The article of one capture. `learned(site)` gives the boilerplate lines learned for a
    publishing site (data/learned_boilerplate.yml); the leave-one-outlet-out evaluation passes
    one learned without the capture's own outlet."""
    limits.check_size(data, path)
    if kinds.is_web_archive(path):  # WARC / WACZ / MHTML: the article is the HTML page it holds
        page = webarchive.main_page(data, path, page_url)
        try:
            art = _extract(page.body, path + "#page.html", learned, charset=page.charset)
        except WenxianError as exc:  # name the file given, and the page in it
            raise type(exc)(path, f"page {page.url}: {exc.problem}") from None
        # the archive's record of the exchange first; the saver's record in the page after it
        return {**art, "id": article_id(data), "sha256": hashlib.sha256(data).hexdigest(),
                "source_url": page.url or art.get("source_url"), "captured": page.captured or art.get("captured")}
    is_page = kinds.is_page(path)
    decoded = decode(data, path, charset, markup=is_page)
    if is_page:
        return _from_page(data, decoded, path)
    return _from_text(data, decoded, path, learned)


def _from_text(data: bytes, decoded, path: str, learned=recurring.lines_for) -> dict:
    """A text capture: lines classified by patterns and by where the densest prose is."""
    strays = stray_controls(decoded.text)
    text = without_controls(decoded.text) if strays else decoded.text
    every_line = clean_mod.split_lines(text)
    overlong = limits.check_shape(every_line, path)
    numbers = {l.number for l in overlong}
    captured = [l for l in every_line if l.number not in numbers]
    # every decision below reads the reading form (ASCII marks beside Chinese text read as
    # full-width: reading_form.py); what is published is the capture's own lines and characters.
    # Lines are numbered without the blank lines while deciding (a scraper that puts a blank line
    # between blocks must read as one that does not: nearness is counted in lines of text), and
    # given back their numbers in the capture at the end.
    position = {l.number: i for i, l in enumerate(every_line, 1)}
    lines = [clean_mod.Line(position[l.number], reading_form(l.text)) for l in captured]
    overlong = [clean_mod.Line(position[l.number], l.text) for l in overlong]
    title, site = meta.find_title(lines)
    footer = [l.text for l in lines[-40:]]
    if title and title in (meta.copyright_holder(footer), meta.host_name(footer)):
        title, site = None, site or title  # the page-title line is only the site's name (©2025 某某研究所)
    if (title and len(title) <= 12 and len(lines) > 3 and lines[1].text == title and not meta.has_date(lines[2].text)
            and len(title) < len(lines[2].text) <= 60 and not re.search(r"[:：︰﹕]", lines[2].text)
            and not meta.credited_authors(lines[2].text)
            and any(meta.bare_date(l.text) for l in lines[3:5])):
        # the page-title line is an account's short name that its card prints again, the headline
        # then over the post's date (a WeChat video post: '某某号' / '某某号' / headline / date): the
        # account is the site, and no headline is better than its name (the report says so)
        title, site = None, site or title
    if (title and len(title) <= 12 and len(lines) > 4 and lines[1].text == title
            and any(re.search(vocab.load("metadata.yml")["app_banners"], l.text) and len(l.text) <= 20 for l in lines[2:6])):
        title, site = None, site or title  # ('某某云' / '某某云' / 某某人自己的新闻客户端 / 打开APP: an app's share page)
    if title and _name_over_headline(title, lines):
        title, site = None, site or title  # ('某平台' / '某平台' / headline / text: the platform's name)
    if title and site is None and _account_over_headline(title, lines):
        title, site = None, title  # ('某某发布' / headline / 原创 / writer / '某某发布' / DATE: the account's name)
    if title and any(title in meta.wechat_row_names(l.text) for l in lines[1:4]):
        # the first line is the account that the post's meta row names under the headline ('某某发布' /
        # headline / '原创 某某中心 某某发布 DATE 贵州': a capture of a WeChat post without its <title>)
        title, site = None, site or title
    if (title and len(lines) > 1 and lines[1].text == title and meta.names_no_article(title, site) and meta.is_institution_name(title)
            and _other_headline_before_text(title, lines)):
        # a body's name as the <title>, printed again as its masthead, a headline of its own below
        # (某某县第一中学 / 某某县第一中学 / menu / 我校开展…); not a headline naming one (某地新建一所中学)
        title, site = None, site or title
    if title and meta.is_page_label(title):
        title = None  # an e-paper's page label as the page's <title> (第03版：要闻): the headline is printed below
    unconfirmed, furniture = None, False
    title = meta.uncut_title(title, lines)  # (a page title cut short, '标题…': printed in full below, it is)
    repeated = bool(title) and site is None and _printed_again(title, lines[1:])
    if title and site is None and (_weak_title(title) or not repeated):
        # a first line with no site's name after it and never printed again may be no page-title
        # line at all (a capture of the body alone opens with its menu, a notice or a counter:
        # 登录/注册, 转繁体版, 点击右上角): the headline printed above the text is looked for first.
        # A short line printed again may be a short headline or a share button's label repeated
        # (`furniture` when never printed again or a boilerplate pattern's: any headline found
        # wins); a line reading like a headline yields only to one that shares the text's words
        # when it shares none (`_says_more`)
        title, unconfirmed = None, title
        furniture = (_weak_title(unconfirmed) and (clean_mod.pattern_reason(unconfirmed) or not repeated)
                     or not repeated and _notice_shaped(unconfirmed))
    title = meta.uncut_title(meta.refine_title(title, lines), lines)  # (a page title cut short: the headline in full below)
    site_lines = learned(site)
    cleaned = clean_mod.clean(lines, title, site_lines)
    stacked = _listed_stack_headline(title, lines, cleaned) if title else None
    if stacked:  # (the page title names another story of the e-paper's page: the stack's headline)
        title = stacked
        cleaned = clean_mod.clean(lines, title, site_lines)
    first_kept = min((k.line.number for k in cleaned.kept), default=0)
    if title is None and not first_kept_is_first(lines, first_kept):
        # No usable page-title line: take the headline printed above the text, then clean again
        # so that its repetitions in the body (captions, dividers) are removed as the title.
        # (or the short line that opens the text: what stands above it may be a site's menu)
        kept = [k.line.text for k in cleaned.kept if k.kind != "image"][:2]
        # (not the page-title line itself: find_title judged it no headline, a site and a column;
        # and the lines above the text, not above a picture in the menu: 图片)
        text_starts = min((k.line.number for k in cleaned.kept if k.kind != "image"), default=first_kept)
        # (past headline-shaped lines kept at its top over a labelled summary: the stack's lines
        # with a colon or a space read as prose, 某某花木：一年卖出 40 亿元 / ——某某见闻 / 摘要：…)
        opening = [k.line for k in cleaned.kept if k.kind != "image"][:4]
        lead = next((i for i, l in enumerate(opening) if not (_headline_line(l.text.strip()) or l.text.strip().startswith(("——", "－－")))), 0)
        if 0 < lead < len(opening) and meta.summary_line(opening[lead].text):
            text_starts = opening[lead].number
        before = [l for l in lines[1:] if l.number < text_starts]
        # (a first line printed again as the headline over the text is the title: 风雨同舟)
        chinese = _chinese(cleaned)
        found = (lambda: unconfirmed if unconfirmed in (l.text for l in before[-10:]) else None,
                 lambda: meta.labelled_title(lines[:40]),
                 lambda: meta.headline_over_labelled_date(before[-40:], clean_mod.pattern_reason),
                 lambda: meta.headline_over_dateline(before[-6:], clean_mod.pattern_reason, context=before[-9:-6]),
                 # (share buttons and counters between the dateline and the text: look further up)
                 lambda: meta.headline_over_dateline(before[-20:], clean_mod.pattern_reason),
                 # (a page with no date: the headline over its credits, 来源：… / 通讯员 …)
                 lambda: meta.headline_over_credits(before[-12:], clean_mod.pattern_reason),
                 lambda: kept[0] if len(kept) == 2 and meta.opens_text(*kept) else None,
                 lambda: meta.headline_before(before, clean_mod.pattern_reason),
                 lambda: _headline_over_byline(lines, cleaned, first_kept),
                 lambda: _headline_inside_text(cleaned))
        # (a Chinese text's headline has Chinese words: not a menu's English label, I go 531; nor
        # is it the site's name with its address: NOWnews.com 今日新聞網)
        # (nor a paper's name with its edition's word over the issue's date: 某某报 数字报)
        title = next((t for read in found if (t := read()) and (not chinese or meta.HAN_PAIR.search(t))
                      and not (meta.DOMAIN.search(t) and meta.looks_like_site(t)) and meta.without_edition(t) == t), None)
        if title is None or title != unconfirmed:
            title = _headline_by_shared_words(title, before, cleaned, lines, site)
        title = _stack_line_named_again(title, before, lines, cleaned)
        title = _middle_of_a_stack(title, lines[:first_kept + 3]) or title
        title = _headline_of_two(title, lines[:first_kept + 3]) or title
        title = _short_wrap(title, lines[:first_kept + 3]) or title
        title = _stack_wrap_named_whole(title, before, lines) or title
        if title and title != unconfirmed and unconfirmed and not furniture and not (
                (_says_more(title, unconfirmed, cleaned) or not repeated and _over_its_byline(title, lines)
                 or _words_it_fuller(title, unconfirmed))
                and _over_the_dateline(title, before, lines)):
            title = None  # (the first line, a headline never printed again, is kept: below)
        title = meta.refine_title(meta.complete_title(title, lines[:first_kept + 3]), lines)
        if title:
            cleaned = clean_mod.clean(lines, title, site_lines)
            first_kept = min((k.line.number for k in cleaned.kept), default=0)
    if title is None and unconfirmed and not clean_mod.pattern_reason(unconfirmed) and not (
            _weak_title(unconfirmed) and repeated and _says_nothing(unconfirmed, cleaned)):
        # (no headline found: the first line is kept, but never a line the rules call furniture,
        # nor a short one printed again elsewhere that names nothing the text speaks of: a
        # share button's label, 点击右上角)
        title = meta.refine_title(unconfirmed, lines)
        cleaned = clean_mod.clean(lines, title, site_lines)
        first_kept = min((k.line.number for k in cleaned.kept), default=0)
    labelled = meta.labelled_title([l for l in lines[:40] if l.number <= first_kept])
    # (a board's or channel's name ends the site's trail of links: 某某论坛 首页 家长交流区)
    in_trail = bool(title) and len(title) <= 8 and any(title in l.text and l.text != title and _TRAIL.search(l.text) for l in lines[:40] if l.number < first_kept)
    if labelled and title and labelled not in title and title not in labelled and (meta.names_no_article(title, site) or in_trail):
        # a title the page labels above the text (信件标题：…, a mailbox's letter) over a
        # "headline" that only names the site, its body or the page's kind (not over a real
        # headline: 主 题：… is also an activity's field)
        title = labelled
        cleaned = clean_mod.clean(lines, title, site_lines)
        # (the labelled line itself prints the title: removed as the title, not kept as text)
        shown = [k for k in cleaned.kept if meta.labelled_title([k.line]) == labelled][:1]
        if shown:
            cleaned = clean_mod.Cleaned([k for k in cleaned.kept if k is not shown[0]],
                                        sorted(cleaned.removed + [clean_mod.Removed(shown[0].line, "title")],
                                               key=lambda r: r.line.number))
        first_kept = min((k.line.number for k in cleaned.kept), default=0)
    # (the variant may have been kept as the text's first line, a heading over the dateline)
    prose_at = next((k.line.number for k in cleaned.kept if clean_mod.is_prose(k.line.text)), first_kept)
    # (the fuller printing may have been kept as the text's first line: its colon reads as prose)
    variant = _fuller_printing(title, [l for l in lines[1:] if l.number <= prose_at], lines)
    variant = variant or _printed_variant(title, [l for l in lines[1:] if l.number < prose_at])
    variant = variant or site and _printed_headline(title, [l for l in lines[1:] if l.number < prose_at], lines, _text_opening(cleaned))
    variant = variant or _joined_wrap(title, [l for l in lines[1:] if l.number <= prose_at], lines)
    if variant:  # (the headline as printed over its dateline, worded a little otherwise than in the page title)
        title = variant
        cleaned = clean_mod.clean(lines, title, site_lines)
        first_kept = min((k.line.number for k in cleaned.kept), default=0)
    if overlong:
        cleaned = clean_mod.Cleaned(cleaned.kept, sorted(
            cleaned.removed + [clean_mod.Removed(l, limits.overlong_reason()) for l in overlong],
            key=lambda r: r.line.number))
    last_kept = max((k.line.number for k in cleaned.kept), default=0)
    # metadata is printed above and within the text; what follows it (related lists, other
    # articles' credits) is searched only for labelled values (来源：… at the foot of the page)
    above = [l for l in lines if l.number < first_kept]
    header = above + [r.line for r in cleaned.removed if first_kept < r.line.number < last_kept]
    # (a credit deep inside the text, three paragraphs of it either side, is a quoted notice's own
    # 来源 line in a forum post, not the post's: no labelled source is read there)
    # (and what follows it is more of the same text: not 【延伸阅读】, 附：…, 精选留言 after it)
    kept_numbers = [k.line.number for k in cleaned.kept if k.kind == "paragraph"]
    sections_at = [l.number for l in lines if first_kept < l.number < last_kept and clean_mod.opens_a_part(l.text)]
    deep = {l.number for l in header if bisect.bisect(kept_numbers, l.number) >= 3
            and len(kept_numbers) - bisect.bisect(kept_numbers, l.number) >= 3
            and not any(l.number < at <= kept_numbers[min(len(kept_numbers) - 1, bisect.bisect(kept_numbers, l.number) + 2)]
                        for at in sections_at)}
    trailer = [r.line for r in cleaned.removed if r.line.number > last_kept][:12]
    paragraphs = [k.line.text for k in cleaned.kept if k.kind == "paragraph"]
    closing = paragraphs[-1] if paragraphs else None
    # (the writer's bracketed credit closing the text, its pictures' captions kept after it)
    closing = next((paragraphs[i] for i in range(max(0, len(paragraphs) - 3), len(paragraphs) - 1)
                    if _closing_credit_before_captions(paragraphs[i], paragraphs[i + 1:])), closing)
    if closing and trailer and trailer[0].number - last_kept <= 2 and meta.closing_credit_line(trailer[0].text):
        closing += trailer[0].text  # '（某某）' on the line after the text: the credit that closes it
    closing_credit = meta.closing_outlet_credit(closing) if closing else None  # （某某新聞某某、某某台北報導）
    site = meta.clean_source(site) if site else (meta.site_after_headline(lines[0].text, title) if lines else None)
    if not site and lines and meta.is_page_label(lines[0].text.strip()):
        site = meta.epaper_masthead([l.text for l in lines[1:8]])  # (第03版：文化 / 今日某安 / 数字报)
    host = meta.host_name([l.text for l in lines[-40:]])
    site = meta.site_or_host(site, host) if site else site  # ('纪检' in the page title, the 主办 in the footer)
    # the headline above the text (with its dateline run on after it: 標題2014/12/1 18:13)
    printed = max((l.number for l in above if title and (l.text.strip() == title or l.text.startswith(title)
                   and len(l.text) - len(title) <= 30 and meta.has_date(l.text[len(title):]))), default=None)
    # the metadata rules read the lines around the text without pinyin glosses (發(fā)布時(shí)間：…)
    unglossed = {l.number: g for l, c in zip(lines, captured) if (g := without_glosses(l.text, c.text))}
    above, header, trailer = (_unglossed(part, unglossed) for part in (above, header, trailer))
    above, header = meta.unflattened(above), meta.unflattened(header)  # (原创 某某 某账号 DATE 发表于某地)
    near_title = _below(header, printed, margin=8)
    # a credit line printed among the text's first lines is kept as a short heading (記者…／…報導)
    opening_heads = [k.line for k in cleaned.kept[:6] if k.kind == "heading"]
    # a labelled credit (来源：…) above the text or after it, before any unlabelled evidence (a
    # 'date department' line under the headline names who uploaded the page, not the origin)
    doubled, doubled_writer = meta.doubled_account([l.text for l in above[:8]], title)
    # (a release's 資料來源 line credits it above the text, or after it naming the site's own
    # body's unit; elsewhere it credits a chart or a table)
    own_unit = meta.own_unit(site)
    above_text = lambda line, value: line.number < first_kept or own_unit(line, value)  # noqa: E731
    candidates = (lambda: meta.labelled_source(sorted((l for l in header if l.number not in deep), key=lambda l: l.number), lines,
                                               release=above_text),
                  lambda: meta.labelled_source(sorted((l for l in trailer if meta.opens_with_label(l.text)),
                                                      key=lambda l: l.number), lines, release=own_unit, after_text=True),
                  # (a credit closing the text, kept with it: （转自：某某日报　记者 某某）)
                  lambda: meta.labelled_source([k.line for k in cleaned.kept[-2:] if len(k.line.text) <= 80
                                                and meta.opens_with_label(k.line.text)], lines, release=own_unit),
                  lambda: meta.reposted_account([l.text for l in header]),
                  lambda: doubled,  # (原创 某某 某某融媒 某某融媒: a WeChat account printed twice)
                  lambda: meta.account_after_date([l.text for l in header][:20]),  # (2024-05-28 18:32·某某)
                  lambda: meta.find_source([l for l in header if l.number not in deep], lines, paragraphs[:3]),
                  lambda: meta.official_account(above),
                  lambda: meta.trailing_source(trailer, lines, release=own_unit),
                  lambda: closing_credit[0] if closing_credit else None,
                  lambda: meta.closing_reprint([l.text for l in trailer[:3]]),  # ((本文转载自某某日报), (某某日报))
                  lambda: meta.shared_from([l.text for l in header] + paragraphs[:3] + paragraphs[-2:] + [l.text for l in trailer]),
                  lambda: meta.byline_outlet(meta.with_joined_pairs(_below(above, printed, margin=8), near=8) + opening_heads, title),
                  lambda: meta.broadcast_outlet([k.line.text for k in cleaned.kept[:2]]),  # (kept as the text's first line)
                  lambda: meta.outlet_before_date([l.text for l in header][:20]),  # (某某日报 · 3天前, after a wire's dateline)
                  lambda: meta.account_name(near_title[:15], title),
                  lambda: (meta.outlet_under_dateline([l.text for l in lines if l.number > printed][:5], title)
                           if printed is not None else None),
                  # on a platform's post that names no site, the name printed alone between headline and text
                  lambda: (meta.publisher_under_headline([l.text for l in _below(above, printed)[:4]] + paragraphs[:1], title)
                           if not site and printed is not None and meta.platform_post(lines) else None))
    source = next(filter(None, (meta.outlet_or_none(read()) for read in candidates)), None) or (
        meta.without_edition(site) if site else site)  # (某某晚报数字报: the paper)
    if source and site and source != site and source != doubled and (meta.abbreviates(source, site) or meta.names_a_section(source, site)):
        source = site  # the site credited by its short name (省发改委 on the 发展和改革委员会 site) or a section's
    if not source and last_kept:  # the name a copyright line after the text gives (环球网版权所有)
        footer_after = [l.text for l in lines if l.number > last_kept][-40:]
        source = (meta.copyright_holder(footer_after) or meta.registered_site_name(footer_after)
                  or meta.about_site_name(footer_after) or meta.named_before_copyright(footer_after)
                  or meta.own_work_notice(footer_after) or host  # (the body the footer names as the site's host: 主办单位：…)
                  # (or the body named alone over the headline, its masthead: a press release)
                  # (not the line right over the headline: a kicker, 走进某某中心)
                  or meta.masthead_name([l.text for l in lines[1:13] if l.number < (printed or first_kept)]))
    stamp = _post_stamp(lines, first_kept, last_kept)  # a blog post's stamp below the text: its writer and date, last resort
    # (not the headline, printed over the text or with the site in the page title: a column's name
    # in it, 某某日报记者走基层｜…, credits no one)
    authors = meta.find_authors([clean_mod.Line(l.number, l.text.replace(title, " ") if title and len(l.text) - len(title) <= 30 else l.text)
                                 for l in meta.with_joined_pairs(above, near=8) + header[len(above):] + opening_heads + trailer], "\n".join(p[:100] for p in paragraphs[:5]) or None,
                                closing)
    authors = (authors or (closing_credit[1] if closing_credit else []) or meta.writer_before_title(title, header + [k.line for k in cleaned.kept[:8]])
               or meta.byline_slot_writer(above[:20], source, title) or doubled_writer
               or meta.wechat_row_writer([l.text for l in lines[:8]], title)
               or _names_under_headline(lines, title, first_kept)
               # (also where the name over the date was read as an account: on a site that names
               # itself, a blog platform's writer stands there, and the site is the source below)
               or (meta.handle_over_date([l.text for l in _below(above, printed)[:4]], {site, title})
                   if printed is not None and source and (source == site or site and source == meta.account_name(near_title[:15], title)
                                                          and not meta.creator_post([l.text for l in lines if l.number >= first_kept]))
                   else [])
               or (meta.stamp_writer(stamp.text) if stamp else [])
               or meta.blog_owner([l.text for l in lines[:40]])  # (个人资料 / the blogger, on a blog platform)
               or meta.reposted_writer([l.text for l in header]))  # (以下文章来源于某某，作者某某)
    if closing_credit and closing_credit[0] in authors:  # (the outlet of （某視新聞／陳某 台北報導） is no writer)
        authors = [a for a in authors if a != closing_credit[0]] or closing_credit[1]
    if source in authors and site and source != site and (source == meta.account_name(near_title[:15], title)
                                                          or meta.byline_names(source) == [source]):
        source = site  # the name beside the date is the writer's, the site names itself (as on saved pages)
    elif source in authors:
        # (原创 / 某某 / 某某账号: a WeChat post prints its writer, then its account, under the headline)
        source = _account_after_writer([l.text for l in near_title[:10]], source, title) or source
    if site and source in (site, meta.without_edition(site)) and meta.creator_post([l.text for l in lines if l.number >= first_kept]):
        # a creator's post on a portal (self-media): the account beside the date, or the one
        # writer credited, is the origin, not the portal that hosts it
        named = next((n for n in (meta.outlet_or_none(meta.account_name(near_title[:15], title)),
                                  meta.name_beside_date([l.text for l in near_title[:6]])) if n and n != site),
                     authors[0] if len(authors) == 1 else None)
        if named:
            source = named
            if not authors and meta.byline_names(named) == [named]:
                authors = [named]
    # (来源：某某县融媒体中心 under the account 某某发布 it runs; not where the centre is the account
    # itself, named in the post's meta row)
    if source and meta.platform_post(lines) and not any(
            l.text.strip() == source or l.text.startswith(source) and (meta.has_date(l.text) or meta.mentions_relative_date(l.text))
            for l in lines[:12]):
        source = meta.account_of_operator(source, [l.text.strip() for l in lines[:12] if len(l.text.strip()) <= 12]) or source
    order = meta.slash_order([l.text for l in lines])  # how this page writes 06/02/2022
    # the dateline under the printed headline before any date above it (a site's date bar, a
    # lottery draw or a weather box in the page header)
    # (and a dated credit line kept among the text's first lines, under a picture's caption:
    # 某某网2014.10.24 某某/高雄報導)
    run_on = [clean_mod.Line(l.number, l.text[len(title):]) for l in above if l.number == printed and l.text != title]
    opening_credits = [k.line for k in cleaned.kept[:6]
                       if len(k.line.text) <= 60 and not clean_mod.is_prose(k.line.text) and meta.has_date(k.line.text)
                       and _CREDIT_WORD.search(k.line.text) and not k.line.text.startswith(("图", "圖", "（", "("))]
    under_title = (meta.find_date(run_on + sorted(_below(header, printed) + [h for h in opening_credits if h.number > printed],
                                                  key=lambda l: l.number), order)
                   if printed is not None else None)
    # a date the page labels as its publication date, under the headline or in a disclosure
    # table just above it (发文日期), before a dated line of the text (as on saved pages)
    labelled = ((meta.labelled_date(_below(header, printed), order)
                 or meta.labelled_date(_table_above(above, title, printed), order))
                if printed is not None else None)
    pairs = [(l.text, c.text) for l, c in zip(lines, captured)]
    pairs += list(unglossed.values())  # (a value read without the glosses, given back as printed there)
    by_number = {position[l.number]: l for l in every_line}  # (the overlong lines too)
    cleaned = clean_mod.Cleaned([clean_mod.Kept(by_number.get(k.line.number, k.line), k.kind) for k in cleaned.kept],
                                [clean_mod.Removed(by_number.get(r.line.number, r.line), r.reason) for r in cleaned.removed])
    # (the article's own publication date stated right after the text, 本文发布于：…, before a
    # date printed only above the headline: the header's date bar gives the day the page was
    # viewed; not a comment's 发表时间 nor the next article's 发布时间)
    closing_label = (meta.labelled_date([l for l in trailer[:3] if l.text.lstrip().startswith(("本文", "此文"))], order)
                     if printed is not None and not any(meta.has_date(l.text) for l in header if l.number > printed) else None)
    # (a headline dated only relatively, 發佈於3天前: a date after the text's next part begins,
    # 相关文章 / 留言, is a comment's stamp or a related item's, not the article's)
    undated = printed is not None and any(meta.mentions_relative_date(l.text) for l in _below(header, printed)[:4])
    trailer_dates = trailer[:next((i for i, l in enumerate(trailer) if clean_mod.opens_a_part(l.text)), len(trailer))] if undated else trailer
    art = _article(data, decoded, text, cleaned, restore(title, pairs),
                   labelled or under_title or closing_label or meta.find_date(header, order)
                   or meta.find_date(trailer_dates, order)
                   or (meta.find_date([stamp], order) if stamp else None) or _signature_date(cleaned, title, order)
                   or meta.plain_roc_date(_below(header, printed) if printed is not None else header)
                   or meta.issue_month(header),
                   restore(source, pairs),
                   [restore(a, pairs) for a in authors])
    art["warnings"] = extraction_warnings(art)
    if strays:
        art["warnings"].append(f"{len(strays)} stray control character(s) left out of the text, "
                               f"the first {strays[0][1]} on line {strays[0][0]}")
    return art


_TRAIL = re.compile(r"首页|首頁|[>›»]")


def _account_after_writer(texts: list[str], writer: str, title: str | None) -> str | None:
    """The name printed alone right under the credited writer's under the headline (原创 /
    某某 / 某某账号), when it can be an account's: the post's origin."""
    shown = [t.strip() for t in texts]
    if writer not in shown:
        return None
    at = shown.index(writer) + 1
    name = shown[at] if at < len(shown) else None
    if name and meta.writer_handle(name, {writer, title or ""}):
        return meta.outlet_or_none(meta.clean_source(name))
    return None


def _headline_by_shared_words(title: str | None, before: list, cleaned, lines: list, site: str | None = None) -> str | None:
    """The headline the rules found above the text, or the line there that shares the most of
    its words with the text when the rules found none, or a line sharing not one word with the
    text, or a site's name (巴彦淖尔市政府门户网站 www…, 音频 04:29). A catchy headline may share
    few of its words with its text; a related headline, a caption or a deck shares many, so a
    pick sharing any is kept. A headline kept as the text's first paragraph, a dateline under
    it, is a candidate too."""
    paragraphs = [k.line for k in cleaned.kept if k.kind == "paragraph"]
    # (a headline stands above its dateline: below it are captions, decks and share rows)
    dateline = _last_dateline(before)
    candidates = [l for l in before if dateline is None or l.number < dateline]
    kept_headline = None
    if paragraphs and len(paragraphs) > 1 and _kept_over_removed_dateline(paragraphs[0], lines, cleaned):
        kept_headline = paragraphs[0].text.strip()
        candidates.append(paragraphs[0])
        paragraphs = paragraphs[1:]
    text = _opening_text(paragraphs)
    values = _field_values(before)  # (never a value of a table's field: 发布机构 / 某某厅)
    other = meta.headline_sharing_words([l for l in candidates if l.text.strip() not in values], text,
                                        clean_mod.pattern_reason)
    if other is None and title is None:  # (a date in a breadcrumb above the headline: ＞ 政治 2013年01月28日)
        other = meta.headline_sharing_words([l for l in before if l.text.strip() not in values], text,
                                            clean_mod.pattern_reason)
    if other is None and title is None and kept_headline and meta.loose_headline_shape(kept_headline, clean_mod.pattern_reason):
        return kept_headline  # (the line over its removed byline, kept as the text's first: no other headline is printed)
    if other is None or other == title or title and (meta.is_site_name(other) or meta.looks_like_site(other) or other == site
                                                     or lines and other == lines[0].text.strip()):
        # (nor for the site's name printed over a disclosure table: 某某县人民政府; nor the page-title
        # line's, nor the site's name the page title gives)
        return title
    opening = meta.text_pairs(text)
    if (title is None or meta.shares_no_word(title, opening) or meta.looks_like_site(title)
            # (the rules' pick under the dateline, the line sharing the text's words over it: a
            # caption or a related headline under the byline, the headline above it)
            or dateline is not None and other in (l.text for l in candidates) and not _over_the_dateline(title, before, lines)):
        return _with_subtitle(other, before if any(l.text.strip() == other for l in before) else candidates)
    return title


def _middle_of_a_stack(title: str | None, top: list) -> str | None:
    """The stack's headline where the rules picked its kicker or its deck: three headline-shaped
    lines under the e-paper's page label or the trail of links (引题 / 主题 / 副题 over the byline,
    no dateline to read them by); `top`: the lines down to the text's first."""
    texts = [l.text.strip() for l in top]
    at = _nearest_printing(title, texts)
    return meta.middle_of_a_stack(at, texts, clean_mod.pattern_reason) if at is not None else None


def _nearest_printing(title: str | None, texts: list[str]) -> int | None:
    """Index of the title's printing nearest the text among `texts` (the lines down to the text's
    first): the e-paper's list of the page's stories may print it first."""
    return next((i for i in range(len(texts) - 1, -1, -1) if texts[i] == title), None) if title else None


def _headline_of_two(title: str | None, top: list) -> str | None:
    """The other line of a two-line headline block where the rules picked its kicker or its deck
    and the lines' forms tell (`meta.headline_of_two`): the two lines stand alone between the
    page's furniture (a trail, a label, a menu) and the dateline or byline; `top`: the lines down
    to the text's first."""
    texts = [l.text.strip() for l in top]
    at = _nearest_printing(title, texts)
    if at is None:
        return None
    fits = lambda i: 0 <= i < len(texts) and _stack_line(texts[i])  # noqa: E731
    under = lambda i: i < len(texts) and (meta.has_date(texts[i]) or meta.mentions_relative_date(texts[i])  # noqa: E731
                                          or bool(meta.credited_authors(texts[i])) or meta.field_line(texts[i]))
    for upper in (at - 1, at):
        lower = upper + 1
        if fits(upper) and fits(lower) and not fits(upper - 1) and under(lower + 1):
            pick = meta.headline_of_two(texts[upper], texts[lower])
            return pick if pick and pick != title else None
    return None


def _short_wrap(title: str | None, top: list) -> str | None:
    """The headline with its last words a narrow template wrapped onto a line of their own (某县
    “点对点”专列送1200余名务工人员 / 赴疆采棉 / 时间：… 来源：…): four or five Chinese characters
    alone, right over the dateline or the credits, no deck, label or byline being so short."""
    texts = [l.text.strip() for l in top]
    at = _nearest_printing(title, texts)
    if at is None or at + 2 >= len(texts) or title.endswith(("。", "！", "？", "：", ":", "!", "?")):
        return None
    v = vocab.load("metadata.yml")
    rest, under = texts[at + 1], texts[at + 2]
    # (four or five characters: two or three are a writer's name, 阿樹; nor a body's or an outlet's
    # name, 交通事務局, 某某日报)
    if (re.fullmatch(r"[\u4e00-\u9fff]{4,5}", rest) and rest[-1] not in v["name_end_chars"]
            and not meta.looks_like_site(rest) and not clean_mod.pattern_reason(rest) and rest not in v["not_sources"]
            and rest not in v["news_channels"] and not meta.is_place_name(rest) and not meta.credited_authors(rest)
            and (meta.has_date(under) or meta.field_line(under) or bool(meta.credited_authors(under)))):
        return title + rest
    return None


def _stack_line(text: str) -> bool:
    """A line that may be one of a headline block's lines (6 to 40 characters, headline-shaped, no
    deck opening with a dash, no trail or page label)."""
    return (6 <= len(text) <= 40 and meta.fits_headline(text, clean_mod.pattern_reason)
            and not text.startswith(("—", "－")) and not meta.over_a_stack(text) and not meta.has_date(text))


def _field_values(lines: list) -> set[str]:
    """The texts printed as the value of a table's field, on the line after its bare label
    (发布机构 / 某某省交通运输厅)."""
    return {b.text.strip() for a, b in zip(lines, lines[1:]) if len(a.text) <= 12 and meta.column_label(a.text)}


def _with_subtitle(headline: str, lines: list) -> str:
    """The headline joined to the subtitle printed on the line under it, as titles with a
    subtitle are written ('为…凝聚力量' / '——热烈祝贺大会开幕' -> '为…凝聚力量——热烈祝贺大会开幕');
    `headline` a kicker over them, the line under it."""
    at = max((i for i, l in enumerate(lines) if l.text.strip() == headline), default=None)
    if at is None or at + 1 >= len(lines):
        return headline
    under = lines[at + 1].text.strip()
    if (at + 2 < len(lines) and lines[at + 2].text.startswith(("——", "－－")) and 4 <= len(under) <= 40
            and "。" not in under and not meta.has_date(under) and not meta.credited_authors(under)):
        return _with_subtitle(under, lines)  # (a kicker over the headline and its subtitle: 引题 / 主题 / ——副题)
    rest = under.lstrip("—－ ")
    if under.startswith(("——", "－－")) and 4 <= len(rest) <= 40 and "。" not in rest and not meta.has_date(rest):
        return headline + "——" + rest
    return headline


def _over_the_dateline(headline: str, before: list, lines: list) -> bool:
    """Whether `headline` is printed above the last dateline over the text (`before`), where a
    headline stands (below it: a picture's caption, a deck), or no dateline is printed there."""
    dateline = _last_dateline(before)
    printed = [l.number for l in lines[1:] if l.text.strip() == headline]
    return dateline is None or not printed or printed[-1] < dateline


def _over_its_byline(headline: str, lines: list) -> bool:
    """Whether the line printed right under `headline` credits its writers (文/图 某某融媒记者 甲
    乙, 本报记者 甲): a headline stands over its byline; a slogan or a menu's first line does not."""
    below = next((b for a, b in zip(lines, lines[1:]) if a.text.strip() == headline), None)
    return below is not None and len(below.text) <= 60 and bool(meta.credited_authors(below.text))


def _last_dateline(before: list) -> int | None:
    """The number of the last short dated line among the lines above the text (or a longer one
    labelling the publication date: 发布时间：… 来源：… 作者：…)."""
    return max((l.number for l in before if len(l.text) <= 40 and meta.has_date(l.text)
                or len(l.text) <= 120 and meta.labelled_date([l])), default=None)


def _says_more(found: str, first_line: str, cleaned) -> bool:
    """Whether the headline found above the text shares the text's words and the capture's
    first line hardly one (`meta.words_shared`, `meta.shares_hardly_a_word`): a first line that
    reads like a headline is the page's title unless it names nothing the text speaks of (a
    slogan, a notice, a counter, another article's headline in a sidebar); a catchy headline
    shares few of its words with its text, but some."""
    opening = _text_opening(cleaned)
    return (meta.loose_headline_shape(found, clean_mod.pattern_reason) and meta.words_shared(found, opening) > 0
            and meta.shares_hardly_a_word(first_line, opening))


def _says_nothing(line: str, cleaned) -> bool:
    """Whether `line` shares not one word with the text (`meta.shares_no_word`); False when
    there is no text to compare it with."""
    opening = _text_opening(cleaned)
    return bool(opening) and meta.shares_no_word(line, opening)


def _text_opening(cleaned) -> set[str]:
    """The character pairs of the opening of the text kept (`meta.text_pairs`)."""
    return meta.text_pairs(_opening_text([k.line for k in cleaned.kept if k.kind == "paragraph"]))


def _opening_text(paragraphs: list, size: int = 4000) -> str:
    """The first `size` characters of the text's paragraphs, joined (what `meta.text_pairs`
    reads), without joining the rest of a long text."""
    taken, n = [], 0
    for line in paragraphs:
        if n >= size:
            break
        taken.append(line.text)
        n += len(line.text)
    return "".join(taken)


def _kept_over_removed_dateline(line, lines: list, cleaned) -> bool:
    """Whether the capture's next line after `line` was removed and states a date (the
    headline's dateline) or opens with a source label (信息来源：某某局　阅读次数：…, on an undated
    page), or `line` stands among the removed fields of its byline block, a date among the three
    lines above it (發布日期：… / 發布單位：… / headline / 點閱數：…)."""
    removed = {r.line.number for r in cleaned.removed}
    after = next((l for l in lines if l.number > line.number), None)
    if after is None or after.number not in removed:
        return False
    above = [l for l in lines if l.number < line.number][-3:]
    credited = len(after.text) <= 120 and meta.opens_with_label(after.text)
    return meta.has_date(after.text) or credited or bool(above) and above[-1].number in removed and any(
        l.number in removed and len(l.text) <= 40 and meta.has_date(l.text) for l in above)


def _unglossed(lines: list, unglossed: dict) -> list:
    """Each line read without its pinyin glosses (`unglossed`: line number -> (reading form,
    original) from reading_form.without_glosses), where it has any."""
    return [clean_mod.Line(l.number, unglossed[l.number][0]) if l.number in unglossed else l for l in lines]


def _weak_title(title: str) -> bool:
    """A first line that reads like a page's furniture more than a headline: short, a
    boilerplate pattern's, or in Latin letters only (登录/注册, 转繁体版, Nav logo, 返回顶部)."""
    return len(title) < 8 or bool(clean_mod.pattern_reason(title)) or not re.search(r"[\u4e00-\u9fff]", title)


def _notice_shaped(line: str) -> bool:
    """A line no headline is shaped like: a label ending in a colon (欢迎访问…微信公众号：), a
    labelled field, a notice of two sentences or more. (A headline may hold a date, 2023年12月18日，
    某地的不眠之夜, and close with a full stop.)"""
    t = line.strip()
    return t.endswith(("：", ":")) or "。" in t.rstrip("。") or bool(meta.field_line(t))


def _listed_stack_headline(title: str | None, lines: list, cleaned) -> str | None:
    """On an e-paper's page, the line of the stack just over the text that the page's list of
    headlines above it names too (标题导航 / 版面導航 … then the stack: headline, subtitle,
    byline), where the pick is a line of that list (another story's headline: the page title of
    the page the capture was made from), the stack's subtitle, or nothing; None otherwise."""
    # (above the text's first sentence: a list's lines may be kept before it until the title is known)
    first = min((k.line.number for k in cleaned.kept if k.kind == "paragraph" and len(k.line.text) > 40
                 and clean_mod.is_prose(k.line.text)), default=None)
    above_text = [l for l in lines if first is not None and l.number < first]
    picked = (max((l.number for l in above_text if l.text == title), default=None) if title
              else (above_text[-4].number if len(above_text) >= 4 else None))
    if picked is None or not any(meta.is_page_label(l.text) for l in above_text if l.number < picked):
        return None  # (an e-paper's page, its label over the stack: 第A05版：地州新闻)
    # (the stack around the pick: a subtitle picked that the list does not name, its headline is
    # over it; a pick the list names is the headline, a series' kicker listed over it too)
    at = next(i for i, l in enumerate(above_text) if l.number == picked) if title else len(above_text) - 4
    listed = title is not None and any(l.text.strip() == title for l in above_text[:at])
    # (only the line right over it, and not a line of the list itself: the line over that one is
    # no other listed headline)
    over = (not listed and at >= 1 and not (at >= 2 and any(l.text.strip() == above_text[at - 2].text.strip() for l in above_text[:at - 2])))
    for line in reversed(above_text[at - 1 if over else at:][-6:]):
        t = line.text.strip()
        if t != title and any(l.text.strip() == t for l in above_text if l.number < line.number) and 6 <= len(t) <= 40 \
                and not clean_mod.pattern_reason(t) and not meta.has_date(t) and (not clean_mod.is_prose(t) or _headline_line(t)):
            return t  # (a headline with a colon reads as prose by its mark: 某某镇：小木耳撑起大产业)
    return None


def _stack_line_named_again(title: str | None, before: list, lines: list, cleaned) -> str | None:
    """In a stack of headline lines over the text on an e-paper's page (引题 / 主题 / 副题 under
    the page's label), the line the page names again after the text, in its list of the page's
    headlines (本版标题列表), when the chosen one is named nowhere else: the page's own word for
    which line is the headline. (First, a line of that stack named in a list above it:
    `_listed_stack_headline`.)"""
    stacked = _listed_stack_headline(title, lines, cleaned)
    if stacked or not title:
        return stacked or title
    # (the pick may be the stack's deck kept as the text's first line, right under `before`)
    before = before + [l for l in lines if l.text == title and (not before or l.number > before[-1].number)][:1]
    at = next((i for i in range(len(before) - 1, -1, -1) if before[i].text == title), None)
    if at is None or not any(meta.is_page_label(l.text) for l in before[:at]):
        return title
    last = max((k.line.number for k in cleaned.kept), default=0)
    # (the list may stand after the text or above the stack: 版面導航 / the page's headlines)
    above = [l.text.strip() for l in before[:max(0, at - 1)]]
    after = [l.text.strip() for l in lines if l.number > last]
    if title in after or title in above:
        return title

    def headline_like(t: str) -> bool:
        return (6 <= len(t) <= 40 and not clean_mod.pattern_reason(t) and not meta.has_date(t)
                and not clean_mod.is_prose(t) and bool(meta.HAN_PAIR.search(t)))
    # named again among other headlines (a list of the page's stories), not alone (a column's tag)
    listed = {t for run in (above, after) for i, t in enumerate(run)
              if any(headline_like(n) for n in run[max(0, i - 1):i] + run[i + 1:i + 2])}
    text = _text_opening(cleaned)
    for j in (at - 1, at + 1):
        if 0 <= j < len(before):
            t = before[j].text.strip()
            # (a headline of the text: it speaks of what the text does, not a menu's or a
            # comment box's label printed again at the foot: 我要说说, 會員專區)
            if (t in listed and headline_like(t) and not meta.shares_hardly_a_word(t, text)
                    and not meta.credited_authors(t) and not meta.is_outlet_name(t)
                    and not meta.looks_like_site(t)):  # (not the masthead)
                return t
    return title


def _other_headline_before_text(title: str, lines: list) -> bool:
    """Whether a headline-like line other than `title` stands between the first two lines and
    the first paragraph of prose (6 to 40 characters, no full stop, no boilerplate)."""
    for line in lines[2:40]:
        t = line.text.strip()
        if clean_mod.is_prose(t) and len(t) > 40:
            return False
        if t != title and 6 <= len(t) <= 40 and "。" not in t and not clean_mod.pattern_reason(t) and not meta.has_date(t):
            return True
    return False


def _name_over_headline(title: str, lines: list) -> bool:
    """Whether the page-title line is a site's or platform's short name printed again at once
    over the headline that opens the text ('某平台' / '某平台' / headline / text), a name that
    never ends like a site's: it shares no word with the text, where the headline does."""
    if len(title) > 12 or len(lines) < 5 or lines[1].text != title:
        return False
    headline, opening = lines[2].text, meta.text_pairs(" ".join(l.text for l in lines[3:8]))
    return (len(title) < len(headline) <= 60 and not headline.startswith(("—", "－", "-"))  # (a headline over its subtitle)
            and clean_mod.is_prose(lines[3].text) and not meta.field_line(headline)
            and not meta.credited_authors(headline) and not meta.has_date(headline)
            and meta.shares_no_word(title, opening) and not meta.shares_hardly_a_word(headline, opening))


def _fuller_printing(title: str | None, above: list, lines: list) -> str | None:
    """The headline printed above the text that says the page title and more (`meta.prints_more`),
    where the page never prints the title's own wording alone; the nearest to the text."""
    if not title or len(title) < 6 or _printed_alone(title, lines[1:]):
        return None
    return next((l.text.strip() for l in reversed(above)
                 if _headline_line(l.text.strip()) and meta.prints_more(title, l.text.strip())), None)


def _printed_variant(title: str | None, above: list) -> str | None:
    """The headline printed over the dateline when the page title words it a little otherwise
    (吉县：苹果“套袋季”… in the <title> and the breadcrumb, 吉县苹果“套袋季” 3000余名… over the
    date): readers and citations go by the printed one. Only a close variant (most of the
    title's characters in it, about its length) that the page never prints the title's own
    wording alone beside; a deck or a kicker shares few of the headline's characters."""
    if not title:
        return None
    near = above[-8:]
    dated = [i for i, l in enumerate(near) if i and meta.has_date(l.text) and len(l.text) <= 120]
    printed = near[dated[-1] - 1].text.strip() if dated else None
    captions = _captions()
    if (not printed or title in printed or title.startswith(printed)  # (主题：标题, with its label; a heading cut short)
            or captions.match(printed) or "。" in printed  # (nor a picture's caption over the date: 图为…)
            or any(l.text.strip() == title for l in above)):
        return None
    shared = sum(1 for ch in set(title) if ch in printed) / max(1, len(set(title)))
    return printed if shared >= 0.75 and 0.6 <= len(printed) / len(title) <= 1.6 else None


def _printed_headline(title: str | None, above: list, lines: list, opening: set[str]) -> str | None:
    """The headline printed over the dateline when the page title's wording is printed nowhere
    on the page (`_printed_again`): a site's <title> often words its articles otherwise than
    their printed heading (平度大泽山葡萄进入采摘季_区市_某某网 over '大泽山下葡萄香 平度“甜蜜产业”
    串起致富链'), and readers and citations go by the heading. Its deck (——…) under it is passed
    over; a headline wrapped over two lines is joined (`_wrapped_headline`). A document's
    heading printing the page title after its issuer's name is the title whole. Only a line shaped
    like a headline that shares a word with the page title or the text (not a channel's name, a
    trail or a column's label over the dateline)."""
    if not title:
        return None
    # (a document's heading with its issuer, the page title without: 某县人民政府办公室关于印发…的通知;
    # only where the page prints no heading of the title alone, and not as a table's value under
    # its label, 名称 / …, nor in a list of other documents)
    if not _printed_alone(title, above):
        for i in range(len(above) - 1, max(-1, len(above) - 13), -1):
            t = above[i].text.strip()
            at = t.find(title) if len(title) >= 8 else -1
            if (at > 0 and t.endswith(title) and at <= 30 and meta.document_issuer(t[:at])
                    and not (i and (meta.column_label(above[i - 1].text) or meta.field_line(above[i - 1].text.strip())
                                    and above[i - 1].text.strip().endswith(("：", ":"))))
                    and not (i + 1 < len(above) and _headline_line(above[i + 1].text.strip()) and not meta.has_date(above[i + 1].text)
                             and not clean_mod.is_document_number(above[i + 1].text))):
                return t
    near = above[-12:]  # (a byline block of several lines and buttons between dateline and text)
    # (or a relative date: 发布于3天前 来源：…)
    dated = [i for i, l in enumerate(near) if i and (meta.has_date(l.text) or meta.mentions_relative_date(l.text)) and len(l.text) <= 120]
    if not dated:
        return None
    at = dated[-1] - 1
    while at > 0 and dated[-1] - at < 3 and (meta.has_date(near[at].text) and len(near[at].text) <= 40
                                            or len(near[at].text) <= 30 and meta.credited_authors(near[at].text)
                                            or meta.field_line(near[at].text.strip())):
        # (its first date, its writer's credit or another field over the last dated line: 文／某某 /
        # DATE / 最後更新：DATE, 信息来源：某某镇 / 发布时间：DATE)
        at -= 1
    rest = near[at].text.strip()[len(title):]
    if near[at].text.strip().startswith(title) and rest.startswith(("——", "－－")) and 4 <= len(rest.lstrip("—－")) <= 40 \
            and "。" not in rest:
        return near[at].text.strip()  # (its subtitle printed on the same line: 标题——副题, the title whole)
    if _glued_continuation(title, near[at].text.strip()) and not _printed_alone(title, lines[1:]):
        return near[at].text.strip()  # (the page title cut short with no mark, never printed alone: 某某赴粤 over 某某赴粤就业)
    # (printed as the last link of the trail only, the page title is the channel's name: 首页 > 某某要闻)
    if _printed_again(title, [l for l in lines[1:] if not (_TRAIL.search(l.text) and l.text.strip().endswith(title))]):
        return None
    captions = _captions()
    while at > 0 and (near[at].text.strip().startswith(("——", "－－")) or captions.match(near[at].text.strip())
                      or _PHOTO_CREDIT_END.search(near[at].text) or _RUBRIC.fullmatch(near[at].text.strip())):
        at -= 1  # (the deck printed under the headline, a picture's caption or a rubric between it and the dateline)
    printed = near[at].text.strip()
    # (not a rubric, 【乡村振兴·某某样板】 or 【导读】…, nor the reprint's 原标题 line)
    if (not _headline_line(printed) or meta.looks_like_site(printed) or meta.is_site_name(printed)
            or printed.startswith(("【", "[")) or meta.original_title(printed)):
        return None
    upper = near[at - 1].text.strip() if at >= 1 else ""
    joined = _wrapped_headline(upper, printed, title, lines)
    if joined:
        return joined
    top = near[at - 2].text.strip() if at >= 2 else ""
    if (_headline_line(upper) and _headline_line(top) and not upper.startswith(("—", "－")) and not top.startswith(("—", "－"))
            and at >= 3 and meta.stack_under_trail([l.text for l in near], at - 2)):
        return upper  # (a stack of three over the dateline, a kicker, the headline and a deck: 引题 / 主题 / 副题, the middle)
    # (a catchy headline shares a word or two with the page title or the text, not more)
    return printed if meta.text_pairs(printed) & (meta.text_pairs(title) | opening) else None


_RUBRIC = re.compile(r"[【\[][^【】\[\]]{2,20}[】\]]")  # (a column's rubric alone on its line: 【乡村振兴·某某样板】)
_PHOTO_CREDIT_END = re.compile(r"[（(][^（）()]{0,12}(?:摄|攝)[）)]\s*$")  # (a caption's credit closing it: （王某 摄）)


def _glued_continuation(title: str, printed: str) -> bool:
    """Whether `printed`, the line over the dateline, is the page title run on by a few more
    words with nothing between them (no space, bar, dash or colon: not a site's or channel's
    name after it, not a label before it): a <title> field cut to its length with no mark."""
    if len(title) < 8 or not printed.startswith(title) or not _headline_line(printed):
        return False
    rest = printed[len(title):]
    return (1 <= len(rest) <= 20 and bool(re.match(r"[\u4e00-\u9fff0-9“”‘’]", rest))
            and not re.search(r"[\s_|｜\-—–－:：·•/]", rest) and not meta.has_date(rest)
            and not meta.is_site_name(rest) and not meta.looks_like_site(rest))


def _stack_wrap_named_whole(title: str | None, before: list, lines: list) -> str | None:
    """Two lines of the headline stack over the text, one of them the pick or next to it, that the
    page prints whole elsewhere as one line (its list of popular stories: '“某某”：' / '80岁阿嬷卖了
    50年豆腐' and '“某某”：80岁阿嬷卖了50年豆腐' under 热门新闻): one headline wrapped, joined as
    printed there (`_wrapped_headline`); None when no such pair stands there."""
    if not title:
        return None
    near = [l.text.strip() for l in before[-8:]]
    at = max((i for i, t in enumerate(near) if t == title), default=None)
    if at is None:
        return None
    for i in range(max(0, at - 3), min(len(near) - 1, at + 1)):
        joined = _wrapped_headline(near[i], near[i + 1], "", lines) if _headline_line(near[i + 1]) else None
        if joined:
            return joined
    return None


def _joined_wrap(title: str | None, above: list, lines: list) -> str | None:
    """The headline printed over two lines above the text, whole, where `title` is one of the
    two lines and the page prints the whole elsewhere (`_wrapped_headline`: its list of
    headlines, a 名称 field): 关于2024年某县第二批 / 乡村公益性岗位拟聘用人员的公示."""
    # (the title's line, or the title with a colon closing the line: 某某记： / 从深山果园到全国餐桌)
    if not title:
        return None
    at = max((i for i, l in enumerate(above) if l.text.strip() in (title, title + "：", title + ":")), default=None)
    if at is None:
        return None
    for upper, lower in ((above[at - 1].text.strip() if at else "", above[at].text.strip()),
                         (above[at].text.strip(), above[at + 1].text.strip() if at + 1 < len(above) else "")):
        if upper and lower and _headline_line(lower) and not meta.has_date(lower):
            # (not the page-title line: a <title> holds a kicker and its headline run together)
            # (the page title prints one of the two alone: only a whole printed elsewhere joins them)
            joined = _wrapped_headline(upper, lower, "", lines[1:], crossing=False)
            if joined:
                return joined
    return None


def _words_it_fuller(headline: str, first_line: str) -> bool:
    """Whether `headline` holds every Chinese character of `first_line` and more: the page-title
    line words the printed headline shorter, with the site's name in Latin letters beside it
    (SITE - 某地榴梿丰收 园主盼出口订单 over 某地猫山王榴梿丰收 园主盼出口订单持续增长)."""
    own = set(re.findall(r"[\u4e00-\u9fff]", first_line))
    return len(own) >= 6 and own <= set(headline) and len(set(headline)) > len(own)


@lru_cache(maxsize=None)
def _captions() -> re.Pattern:
    """A picture's caption's opening mark (`caption_marks` in sections.yml: ▲, 图为)."""
    return re.compile(vocab.load("sections.yml")["caption_marks"])


def _unspaced(text: str) -> str:
    """`text` without its spaces of any width (an ASCII space in a page title, U+3000 in the heading)."""
    return re.sub(r"\s+", "", text)


def _printed_alone(title: str, lines: list) -> bool:
    """Whether one of `lines` prints `title` alone, spaces of any width aside."""
    flat = _unspaced(title)
    return any(_unspaced(l.text) == flat for l in lines)


def _headline_line(t: str) -> bool:
    """A line shaped like a headline printed in the page's heading: 6 to 60 characters, Chinese
    words, no sentence, date, credit, label, caption or trail of links."""
    captions = _captions()
    return (6 <= len(t) <= 60 and bool(meta.HAN_PAIR.search(t)) and meta.loose_headline_shape(t, clean_mod.pattern_reason)
            and not captions.match(t) and not _TRAIL.search(t) and not t.endswith(("！", "？")) or
            6 <= len(t) <= 60 and t.endswith(("？", "！")) and "。" not in t and not meta.has_date(t))


def _wrapped_headline(upper: str, lower: str, title: str, lines: list, crossing: bool = True) -> str | None:
    """`upper` and `lower` joined when they are one headline wrapped over two lines: the page
    prints them whole elsewhere as one phrase (a 名称 field, a list, the page title `title`),
    spelt as printed there, or (`crossing`) the break falls inside a phrase the text prints
    unbroken (`meta.break_inside_a_word`) and neither line is printed alone elsewhere. A line
    printing them with a space between is a kicker and its headline run together as often as a
    headline of two parts, so it is no evidence."""
    # (a line closing with a colon is one only where the page prints the whole elsewhere: 某某记： /
    # 从深山果园到全国餐桌 in a list of headlines; a speaker's or a column's label otherwise)
    if (not upper or upper == lower or upper.endswith(("，", ","))
            or not (_headline_line(upper) or upper.endswith(("：", ":")) and bool(meta.HAN_PAIR.search(upper)) and len(upper) <= 30)):
        return None
    # (a kicker over its headline: either line printed alone elsewhere, in the page's list or as
    # the page title, is a headline of its own, however the text runs their words together)
    def alone() -> bool:
        return title in (upper.strip(), lower.strip()) or any(
            sum(1 for l in lines if l.text.strip() == part.strip()) > 1 for part in (upper, lower))
    if (crossing and not upper.endswith(("：", ":")) and _headline_line(upper)
            and meta.break_inside_a_word(upper, lower, [l.text for l in lines if clean_mod.is_prose(l.text)]) and not alone()):
        return upper.strip() + lower.strip()
    flat = _unspaced(upper + lower)
    if title and _unspaced(title) == flat:
        return title  # (the page title whole: 某镇某村：一群“新农人”让稻田变“景田”)
    for line in lines:
        t = line.text.strip()
        # (printed whole as one phrase, or as a labelled field's value, 名称：…; not a list's line
        # of a kicker and its headline run together with a space, 引题 主题)
        labelled = re.split(r"[:：]", t, maxsplit=1)[1:]
        for part in [t] + labelled:
            if _unspaced(part) == flat and (part in labelled or not re.search(r"\s", part.strip()) or part.strip() == title):
                return part.strip()
    return None


def _account_over_headline(title: str, lines: list) -> bool:
    """Whether the first line is a post's account printed again in the post's meta block under
    the headline, beside the post's date or its 原创 mark (a capture of a WeChat post that
    opens with the account's name, not the post's <title>)."""
    if len(title) > 16 or len(lines) < 6 or len(lines[1].text) <= len(title):
        return False
    block = [l.text.strip() for l in lines[2:8]]
    if title not in block:
        return False
    at = block.index(title) + 2
    beside = [lines[j].text.strip() for j in (at - 1, at + 1) if 1 < j < len(lines)]
    # (only on a platform's post: its 原创 mark in the block or its marks around the post; a
    # government page's headline over its bare date is printed twice too)
    # (the lines are read in their reading form: 原創 reads 原创)
    return any(meta.bare_date(t) or t == "原创" for t in beside) and ("原创" in block or meta.platform_post(lines))


def _printed_again(title: str, lines: list) -> bool:
    """Whether the page-title line's headline is printed in the capture below it: as a line of
    its own, inside a longer line (a breadcrumb, a line with its date), or cut short."""
    title = _unspaced(title)  # (spaces of any width aside: 某县 某某 in the <title>, 某县　某某 printed)
    for line in lines:
        t = _unspaced(line.text)
        # (cut short: never only a Latin name before a Chinese headline, SOMENEWS - 某某…)
        if t == title or title in t or len(t) >= 8 and title.startswith(t) and (meta.HAN_PAIR.search(t) or not meta.HAN_PAIR.search(title)):
            return True
    return False


def _table_above(above: list, title: str | None, printed: int) -> list:
    """The 12 lines above the headline's first printing near the text (a disclosure table's
    cells: 索引号 / 发布机构 / 发文日期 and their values)."""
    first = min((l.number for l in above if l.text == title and l.number > printed - 20), default=printed)
    table = [l for l in above if first - 12 <= l.number < first]
    return table if meta.disclosure_table(table) else []  # (a 通知公告 box above dates other items)


def _below(header: list, printed: int | None, margin: int = 0) -> list:
    """The header lines below the headline printed above the text at line `printed` (the
    byline's place), and the `margin` lines above it; all of them when it is not printed there.
    What stands far above the headline is the page's header: a weather box, a lottery draw, a
    date bar."""
    return header if printed is None else [l for l in header if l.number > printed - margin]


def _signature_date(cleaned, title: str | None, order: str | None) -> str | None:
    """The date of an official document's signature (落款: the issuing body, then the date) among
    the text's last lines, when the page states no other date: the document's own date of issue."""
    tail = [k.line for k in cleaned.kept][-6:]
    for body, date in zip(tail, tail[1:]):
        if clean_mod.signs_document(body.text, date.text, title):
            return meta.find_date([date], order)
    return None


def _post_stamp(lines: list, first_kept: int, last_kept: int):
    """The first stamp of a post below the text's start (posted @ 2024-05-09 14:45 某某 阅读, 由某某张贴 @…,
    posted by 某某 at 23:41); a platform's stamp under the text before one inside it (a post quoting
    another's with its stamp)."""
    stamp = clean_mod.post_stamp_pattern()
    found = [l for l in lines if l.number > first_kept and len(l.text) <= 120 and stamp.match(l.text)]
    blog = [l for l in lines if l.number > first_kept and len(l.text) <= 120 and clean_mod.pattern_reason(l.text) == "bulletin board stamp"]
    return next(iter(found), None) or next((l for l in blog if l.number > last_kept), None) or next(iter(blog), None)


def _from_page(data: bytes, decoded, path: str) -> dict:
    """A saved web page: read on its document tree (html_page), decided by html_clean."""
    page = html_page.read(decoded.text)
    # the number of blocks is bounded like a text capture's lines; a long block (a menu of a
    # thousand links) is not refused, since every step of the HTML path is linear in its length
    limits.check_shape([clean_mod.Line(b.line, "") for b in page.blocks], path)
    got = html_clean.extract(page)
    text = "\n".join(b.shown or b.text for b in page.blocks)
    # decided on the reading form; published in the page's own characters: each line is one
    # block's, found by its source line and reading form, in block order (blocks of a minified
    # page share a line; two may read alike and print differently)
    own: dict = {}
    for b in page.blocks:
        own.setdefault((b.line, b.text), deque()).append(b.shown or b.text)

    def as_printed(line):
        printed = own.get((line.number, line.text))
        if not printed:
            return line
        return clean_mod.Line(line.number, printed.popleft() if len(printed) > 1 else printed[0])

    cleaned = clean_mod.Cleaned([clean_mod.Kept(as_printed(k.line), k.kind) for k in got.cleaned.kept],
                                [clean_mod.Removed(as_printed(r.line), r.reason) for r in got.cleaned.removed])
    pairs = page.own_text()
    art = _article(data, decoded, text, cleaned, restore(got.title, pairs), got.date,
                   restore(got.source, pairs), [restore(a, pairs) for a in got.author])
    art["metadata_origin"] = {k: v for k, v in got.origins.items() if v}  # where each value was read
    if got.source_url:
        art["original_url"] = got.source_url  # a WeChat article's 阅读原文 link (report only)
    art["warnings"] = extraction_warnings(art)
    _saver_record(art, decoded.text, [v for v, o in page.meta["url"] if o.startswith("meta:")])
    strays = stray_controls(decoded.text)
    if strays:  # (left out by the HTML reader, as a browser shows nothing for them)
        art["warnings"].append(f"{len(strays)} stray control character(s) left out of the page's text, "
                               f"the first {strays[0][1]} on line {strays[0][0]}")
    return art


def _saver_record(art: dict, page_text: str, own_urls: list[str]) -> None:
    """The address and saving day the saving tool wrote at the top of the page (saved_by.py):
    `source_url` and `captured`, with where they were read. Left out with a warning: an address
    that is not a valid http(s) URL; a browser's mark naming another site than the page's own
    address (og:url: a template's leftover mark); a saving day before the web (1991) or in
    another century."""
    from urllib.parse import urlsplit

    record = saved_by.read(page_text)
    if record is None:
        return
    if record.url:
        url = webarchive.clean_url(record.url)
        try:
            url = source_urls.normalise(url).url if url else None
        except source_urls.UrlError:
            url = None
        hosts = {(urlsplit(u).hostname or "").removeprefix("www.") for u in own_urls if u.startswith("http")}
        if url and record.tool == "mark of the web" and hosts and \
                (urlsplit(url).hostname or "").removeprefix("www.") not in hosts:
            art["warnings"].append(f"the page's mark of the web names {url}, another site than the page's own "
                                   "address; no source URL recorded (give it with --url)")
        elif url:
            art["source_url"] = url
            art["metadata_origin"]["source_url"] = record.tool
        else:
            art["warnings"].append(f"the page's {record.tool} names an address that is not an http(s) URL; "
                                   "no source URL recorded (give it with --url)")
    if record.saved:
        # (a window that does not move: extraction is a pure function of the bytes; `add`
        # warns about a capture date after its own day, wenxian.cli)
        if not "1991-01-01" <= record.saved < "2100-01-01":
            art["warnings"].append(f"the page's {record.tool} says it was saved on {record.saved}, a day no "
                                   "browser's clock could show; no capture date recorded (give it with --captured)")
            return
        art["captured"] = record.saved
        art["metadata_origin"]["captured"] = record.tool
        if art.get("date") and str(art["date"]) > record.saved:
            art["warnings"].append(f"the page's {record.tool} says it was saved on {record.saved}, before the "
                                   f"article's date {art['date']}: check both")


def _closing_credit_before_captions(text: str, after: list[str]) -> bool:
    """Whether `text` is a bracketed credit of the text's writer ((图／文：本报记者 某某)) followed
    only by short lines, the captions of the pictures a scraper keeps after it."""
    t = text.strip()
    return (len(t) <= 40 and t[:1] in "（(" and t[-1:] in "）)" and bool(meta.credited_authors(t))
            and not re.search(r"摄|攝", t) and not re.match(r"[（(]\s*(?:图|圖)\s*[／/:：](?!\s*文)", t)  # (a photographer's credit)
            and all(len(a) <= 60 for a in after))


def _article(data, decoded, text, cleaned, title, date, source, authors) -> dict:
    body_text = "\n".join(k.line.text for k in cleaned.kept)
    tag_names, tag_evidence = tags.assign(title, [(k.kind, k.line.text, k.line.number) for k in cleaned.kept])
    script = detect_script(body_text if body_text.strip() else text)
    found = regions.recognize(body_text, title, script)
    return {
        "id": article_id(data),
        # unclosed bidi controls closed (invisible.py); an icon font's glyph at either end is
        # no part of the headline (meta.PRIVATE_USE)
        "title": balance(_trim_glyphs(title)),
        "date": date,
        "source": balance(source),
        "source_url": None,
        "author": balance(authors),
        "script": script,
        "encoding": decoded.encoding,
        "region": [{k: r[k] for k in ("path", "code", "level")} for r in found["region"]],
        "places": [{k: r[k] for k in ("path", "code", "level", "mentions")} for r in found["places"]],
        "tags": tag_names,
        "tag_evidence": tag_evidence,
        "quality": {
            "masked": damage.count_masked(body_text),
            "missing_numbers": damage.count_missing_numbers(body_text),
            "images": sum(1 for k in cleaned.kept if k.kind == "image"),
            "removed_lines": len(cleaned.removed),
        },
        "body": render_body(cleaned.kept),
        "removed": [{"line": r.line.number, "text": r.line.text, "reason": r.reason} for r in cleaned.removed],
        "sha256": hashlib.sha256(data).hexdigest(),
    }


def _headline_over_byline(lines: list, cleaned, first_kept: int) -> str | None:
    """The headline in the opening lines (a stamp or a forum's status line may open the text):
    lines removed there as furniture stand between it and the text like a line of links."""
    removed = {r.line.number for r in cleaned.removed}
    at = next((i for i, l in enumerate(lines) if l.number == first_kept), 0)
    window = lines[max(0, at - 6):at + 10]
    found = meta.headline_over_byline([None if l.number in removed else l.text for l in window])
    return window[found].text.strip() if found is not None else None


# (a line of the text's opening that credits the report or opens with the date: not a picture's
# caption, 图为1978年…)
_CREDIT_WORD = re.compile(r"报导|报道|记者|通讯员|讯|[／/]|^(?:19|20)\d\d\s*[-年/.]")  # (or a dateline opening with its date)


def _chinese(cleaned) -> bool:
    """Whether the text kept is written in Chinese (two Chinese characters together in its
    opening)."""
    return bool(meta.HAN_PAIR.search(_opening_text([k.line for k in cleaned.kept if k.kind == "paragraph"], 2000)))


def _headline_inside_text(cleaned) -> str | None:
    """A headline over its dateline among the lines kept as text, with at least as much prose
    under it as above it: the run of prose took in another block above the article (a ticker of
    one-line news over the headline); cleaning again with this headline starts the text under it
    (`clean._below_printed_headline`)."""
    kept = [k.line for k in cleaned.kept if k.kind != "image"]
    prose = [len(l.text) if clean_mod.is_prose(l.text) else 0 for l in kept]
    total = sum(prose)
    for i in range(1, len(kept) - 1):
        above = sum(prose[:i])
        if above > total - above:
            return None
        if above and meta.headline_over_dateline(kept[i:i + 2], clean_mod.pattern_reason) == kept[i].text:
            return kept[i].text
    return None


def _names_under_headline(lines: list, title: str | None, first_kept: int) -> list[str]:
    """Writers printed as names alone after the headline's last printing above the text (or
    after its first part, a subtitle being joined to it: '犬儒病(上)' / '胡某' / '——…')."""
    at = [i for i, l in enumerate(lines[:first_kept + 3])
          if title and (l.text.strip() == title or len(l.text.strip()) >= 2 and title.startswith(l.text.strip() + "——"))]
    return meta.names_under_headline([l.text for l in lines[at[-1] + 1:at[-1] + 4]], title) if at else []


def _trim_glyphs(title: str | None) -> str | None:
    """The title without icon-font glyphs (private-use characters) at its ends."""
    return _GLYPHS_AT_ENDS.sub("", title) if title else title


_GLYPHS_AT_ENDS = re.compile("^[\ue000-\uf8ff]+\\s*|\\s*[\ue000-\uf8ff]+$")


SHORT_BODY = 200  # characters of text below which a body is worth a second look


def extraction_warnings(art: dict) -> list[str]:
    """What a reviewer should look at before trusting an extraction: a short body (the article
    may have been removed as boilerplate) or a capture whose text went almost all to `removed`."""
    kept = sum(len(t) for _p, t in article.body_blocks(art["body"]))
    removed = sum(len(r["text"]) for r in art["removed"])
    out = []
    if kept < SHORT_BODY:
        out.append(f"short body ({kept} characters of text): check that the article was not removed as boilerplate")
    if removed and kept and removed > 19 * kept:
        out.append(f"{removed * 100 // (removed + kept)}% of the capture's text was removed: check the removed lines")
    if not art["title"]:
        out.append("no title found")
    return out


def first_kept_is_first(lines, first_kept: int) -> bool:
    """True when the capture starts directly with article text (no header to take a title from)."""
    return bool(lines) and lines[0].number == first_kept


def render_body(kept: list[clean_mod.Kept]) -> str:
    blocks = []
    for k in kept:
        if k.kind == "heading":
            blocks.append("## " + escape_line(k.line.text))
        elif k.kind == "image":
            blocks.append(IMAGE_MARKER + escape_line(k.line.text))
        else:
            blocks.append(escape_line(k.line.text))
        blocks[-1] = balance(blocks[-1])
    return "\n\n".join(blocks) + ("\n" if blocks else "")
