"""Metadata from the lines of a capture: title, date, source, author.

Nothing is guessed: a value is returned only when the capture states it, else None.
"""
from __future__ import annotations

import datetime
import os
import re
from functools import lru_cache

from . import vocab
from .clean import Line, is_document_number
from .reading_form import reading_form

# how a public body's name ends (某某部某某署, 某某县农业农村局; not 处, which ends 好去处 too)
_BODY_ENDS = "政府|公所|局|署|委员会|委員會|厅|廳|办公室|辦公室"
_BODY_NAME_END = re.compile(f"(?:{_BODY_ENDS})$")
_TLD = "com|net|org|cn|gov|edu|tw|hk|info|cc|tv"  # endings of the domains sites print beside their names
DOMAIN = re.compile(rf"\.(?:{_TLD})\b", re.I)
_BARE_DOMAIN = re.compile(rf"(?:www\.)?[A-Za-z0-9\-]{{2,20}}(?:\.[A-Za-z]{{2,6}})?\.(?:{_TLD})", re.I)
_SEPARATORS = [" @ ", " :: ", "--", "_", " - ", " – ", "-", "|", "｜", "—"]
# 2019年9月9日, or year, month and day joined by one separator used twice (2019-09-09,
# 2019/9/9, 2019.09.09): mixed separators are two numbers side by side, not a date
# ('12/01/2004 - 01/01/2005', an archive's range, holds no '2004-01-01')
_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})|\s*([-/.])\s*(\d{1,2})\s*\4\s*(\d{1,2}))(?!\d)")
# (and 《某某通讯社18日专讯》, a wire's dateline with its day: the name whole before the day)
_DATELINE = re.compile(r"^[(（【《]?(?:([\u4e00-\u9fff]{2,10})\d{1,2}日|([\u4e00-\u9fff]{2,8}?))(?:快讯|专讯|讯|消息(?![称指说人透显]))")  # 新京报快讯: 新京报; 明報專訊: 明報


# Blog platforms title their pages "post @ blog name :: platform ::"; the blog is the site.
_BLOG_TITLE = re.compile(r"^(.+?) @ (.{2,30}?)(?: :: .*)?$")


@lru_cache(maxsize=None)
def _feature_end() -> re.Pattern:
    """How the name of a site's feature or column ends (`feature_name_ends`): 社區專題, 某某专栏."""
    return re.compile(f"(?:{vocab.load('metadata.yml')['feature_name_ends']})$")


_GENERIC_SECTION = re.compile(r"(?:即时|每日|今日|本地|国际)?(?:网|日报|报|新闻|频道|论坛|博客|社区){1,2}")  # (即时新闻频道)


def _section_trail(line: str) -> tuple[str, str] | None:
    """'标题_首页武汉_新闻中心_长江网_留言板': a headline followed by two or more short sections
    of the site, one of them naming it; split at the first separator after which every part is
    such a section. The site is the part that names one."""
    for sep in ("_", " - ", " | ", "｜", " – ", " — "):
        parts = line.split(sep)
        if len(parts) < 3:
            continue
        for cut in range(1, len(parts) - 1):
            head, rest = sep.join(parts[:cut]).strip(), [p.strip() for p in parts[cut:]]
            if len(head) >= 4 and all(0 < len(p) <= 15 and not _PROSE_PUNCT_ANY.search(p.replace(" ", "")) for p in rest):
                # ('日報', '新聞' alone are sections of the site: '标题 | 港聞 | 日報 | 星島日報')
                # (not a section made of section words alone: 社會新聞 after '标题｜香港01｜')
                # (nor a feature's or a column's name: 社區專題, 某某专栏)
                sites = [p for p in rest if _site_words().search(p) and not _GENERIC_SECTION.fullmatch(p)
                         and not _feature_end().search(p) and clean_source(p)]
                # ('客家新聞｜客家電視台': a name's news channel, then the name's site)
                channels = [p for p in sites if p.endswith("新闻") and any(q != p and q.startswith(p[:-2]) for q in sites) and len(p) > 2]
                sites = [p for p in sites if p not in channels] or sites
                # ('标题_菲华新闻_某某商报': a section of news named by its kind beside a name
                # ending as an outlet's does: the outlet)
                v = vocab.load("metadata.yml")
                named_outlets = [p for p in sites if re.search(rf"(?:{v['outlet_suffixes']}|{v['periodical_ends']})$", p)]
                sites = named_outlets if named_outlets and any(p.endswith(("新闻", "新聞")) for p in sites) else sites
                if sites:
                    return head, sites[-1] if len(sites) > 1 and len(sites[-1]) <= len(sites[0]) else sites[0]
                # or the one part that is a name among sections ('标题｜香港01｜社會新聞': the site's
                # name holds no site word), not a person's
                named = [p for p in rest if clean_source(p) and not is_navigation_name(p) and byline_names(p) != [p]
                         and not _feature_end().search(p)
                         and re.search(r"[\u4e00-\u9fff]", p)]  # (not NBA, a Latin topic's name)
                if len(named) == 1 and len(rest) - 1 == sum(not clean_source(p) or bool(_feature_end().search(p)) for p in rest):
                    return head, named[0]
    return None


# A credit joining a portal and the outlet that wrote the piece with a bare hyphen (人民网-人民日报,
# 某某新闻网-某某日报): one credit, as printed.
_PORTAL_AND_OUTLET = re.compile(r"[\u4e00-\u9fff]{2,10}(?:网|網)\s*[-－]\s*《?[\u4e00-\u9fff]{2,10}(?:日报|日報|晚报|晚報|报|報)》?")


@lru_cache(maxsize=None)
def _news_channel() -> re.Pattern:
    """A news channel named by its kind (縣政新聞, 最新消息, 新闻动态, 要闻: `news_channel_ends`):
    before a body's name in a page title, the channel of the body's site; 探访｜某某市气象局 is a
    headline."""
    return re.compile(rf"[\u4e00-\u9fff]{{0,4}}(?:{vocab.load('metadata.yml')['news_channel_ends']})")


@lru_cache(maxsize=None)
def _blog_platform() -> re.Pattern:
    """How a blog platform's name ends (`blog_platform_ends`: 新浪博客, 某某部落格)."""
    return re.compile(f"(?:{vocab.load('metadata.yml')['blog_platform_ends']})")


@lru_cache(maxsize=None)
def _blog_on_platform() -> re.Pattern:
    """A blog post's page title on a platform: '文章_博客名_新浪博客' (the blog is the site)."""
    return re.compile(rf"(.+?)_([^_]{{2,20}})_[^_]{{0,10}}{_blog_platform().pattern}\s*")


def split_site_suffix(line: str, page_title: bool = False) -> tuple[str, str | None]:
    """'标题_某某网' -> ('标题', '某某网'); a suffix is split off only when it names a site. On a
    page-title line a site's name may also stand first with a bare hyphen ('某某日报数字报-标题');
    in a credit the hyphen joins a portal and its outlet ('光明网-《光明日报》'), which stay one."""
    blog = _BLOG_TITLE.match(line) or _blog_on_platform().fullmatch(line)
    if blog:
        return blog.group(1).strip(), blog.group(2).strip()  # ('文章_博客名_新浪博客': the blog)
    sections = _section_trail(line)
    if sections:
        return sections
    for sep in (" - ", " | ", "｜", "_", " — ", " » ", "- ") + (("|", "-") if page_title else ()):
        head, found, tail = line.partition(sep)
        if found and tail.strip() in vocab.load("metadata.yml")["not_sources"] and is_site_name(head.strip()):
            return tail.strip(), head.strip()  # ('某某全球資訊網-新聞稿': the site, then the page's kind)
        if (found and _news_channel().fullmatch(head.strip()) and _BODY_NAME_END.search(tail.strip()) and len(tail.strip()) <= 24
                and sep not in tail and not re.search(r"\s", tail.strip())):
            return head.strip(), tail.strip()  # ('縣政新聞 - 某某縣政府': a channel, then the body's name: the site)
        # '自由電子報 - 標題': the site's name before the headline (with a bare hyphen only a
        # paper's or its edition's name: '北京西站-雄安站…' joins two places)
        channel_named = False
        if found and sep in tail and page_title:
            # '某某縣政府全球資訊網-縣府新聞-標題': the site, its channel, then the headline
            channel, _, rest = tail.partition(sep)
            if (2 <= len(channel.strip()) <= 8 and not _PROSE_PUNCT_ANY.search(channel.strip())
                    and sep not in rest and len(rest.strip()) > len(channel.strip()) and not is_site_name(rest.strip())):
                tail = rest
                # ('某某鄉公所-最新消息-標題': a channel's own word names the part before it a site)
                channel_named = channel.strip() in vocab.load("metadata.yml")["not_sources"] and 2 <= len(head.strip()) <= 20
        if (found and (is_site_name(head.strip()) and head.strip() not in vocab.load("metadata.yml")["not_sources"] or channel_named)
                and len(tail.strip()) > len(head.strip()) and sep not in tail  # (not a channel's name: 即時新聞 | 某某)
                # ('…社区诊所 | 某某网 Some Daily News': the site is after; not 西九龍站, a place)
                and not (is_outlet_name(tail.split()[0]) or tail.split()[0].endswith(("网", "網")))
                and (sep != "-" or channel_named or is_outlet_name(head.strip()) or head.strip().endswith(
                    tuple(vocab.load("metadata.yml")["edition_suffixes"])))):
            return tail.strip(), head.strip()
    for sep in _SEPARATORS:
        if sep in line:
            head, _, tail = line.rpartition(sep)
            tail = tail.strip(" :").split(" :: ")[0].strip()
            named = (_site_words().search(tail) or _office_end().search(tail) or _BARE_DOMAIN.fullmatch(tail)  # '…ZoomEye-CSDN.NET'
                     or re.match(rf"[\u4e00-\u9fff]{{1,10}}(?:{vocab.load('metadata.yml')['periodical_ends']})(?:\s|$)", tail))  # (某週刊 Mirror Media)
            if tail in vocab.load("metadata.yml")["not_sources"]:
                continue  # ('某某全球資訊網-新聞稿': the page's kind after the site names none)
            english = _ENGLISH_FIRST.fullmatch(tail)  # ('The News Lens 某某网': measured by its Chinese name)
            translated = _WITH_TRANSLATION.fullmatch(tail)  # ('某週刊 Mirror Media': by its Chinese name too)
            size = (len(english.group(2)) if english and not english.group(2).startswith("中文")
                    else len(translated.group(1)) if translated else len(tail))
            # (a page's kind before a longer site name: '信件详情-某某县人民政府')
            if head.strip() and tail and named and size <= 15 and (size <= len(head.strip()) or is_site_name(tail) and not looks_like_site(head.strip())):
                return head.strip().rstrip("-_|｜ ").strip(), tail
    return line, None


@lru_cache(maxsize=None)
def _site_words() -> re.Pattern:
    """Words that mark a site's name (`site_words` in data/metadata.yml)."""
    return re.compile(vocab.load("metadata.yml")["site_words"])


@lru_cache(maxsize=None)
def _office_end() -> re.Pattern:
    """How a body that runs its own site ends its name (`office_name_ends`: 某某鄉公所)."""
    return re.compile(rf"(?:{vocab.load('metadata.yml')['office_name_ends']})$")


def is_site_name(text: str) -> bool:
    """'凤凰网资讯', '中国西藏新闻网', '某某鄉公所': short and ending like a site's name."""
    return (len(text) <= 15 and bool(_site_words().search(text[-4:]) or _office_end().search(text))
            and not _PROSE_PUNCT_ANY.search(text) and not _DOCUMENT.search(text))


def looks_like_site(text: str) -> bool:
    """A name that reads as a website's ('NOWnews.com 今日新聞網', '某某网'), not an account's."""
    return (is_site_name(text) or bool(DOMAIN.search(text))
            or bool(_site_words().search(text[-3:]) or _office_end().search(text)) and not _DOCUMENT.search(text))


# A document's title, not a site's name, though it ends in 报 (…统计公报, 2020年第3期简报): a
# report's kind after its subject at the end, or a year in it.
_DOCUMENT = re.compile(r"(?:统计|工作|情况|年度|季度|发展|调查|监测|执法|期)(?:公报|通报|简报|报告)$"
                       r"|(?:19|20)\d\d\s*年"  # (中国青年报, 大公報, 文汇报: outlets, not documents)
                       r"|报(?:到|告|名|道|导|喜|价|送|销|考|警|备|批|效|税|账)$")  # (a verb: 蓝眼泪报到, 春燕报喜)


def is_outlet_name(text: str) -> bool:
    """'法新社', '参考消息报': ends like a news organisation's name (data/metadata.yml)."""
    v = vocab.load("metadata.yml")
    return len(text) <= 15 and bool(re.search(rf"(?:{v['outlet_suffixes']})$", text)) and not text.endswith("台") or \
        bool(re.fullmatch(rf"(?:{v['agencies']})", text))


def is_page_label(text: str) -> bool:
    """An e-paper page's label (第A05版：地州新闻, A02版：澳聞: `page_label` in metadata.yml)."""
    return bool(re.search(vocab.load("metadata.yml")["page_label"], text))


def has_date(text: str) -> bool:
    return _date_in(text) is not None


# (记者, 作者… as a credit's label, not inside a headline: 原作者女儿：…, 记者走基层)
_NOT_TITLE = re.compile(r"[>»]|^[(（]?(?:据)?\S{2,6}(?:社|网)?\S{0,8}\d{1,2}月\d{1,2}日(?:电)"
                        r"|(?:^|[\s(（])(?:本报)?(?:记者|通讯员|作者|摄影)(?:\s|[:：/]|$)"
                        r"|(?:记者|通讯员|作者|摄影)\s*[:：︰﹕]"
                        r"|(?:记者|通讯员)\s+[\u4e00-\u9fff·]{2,4}(?:[、\s]+[\u4e00-\u9fff·]{2,4})*$|当前位置|您的位置|首页|^\w{0,6}\d+\*\d+$|查看原文")


def _top_bar_line(text: str) -> bool:
    """A line of the site's top bar where a capture without its <title> starts: one the
    navigation rules name (欢迎访问某某网站 今天是…, 登录 | 注册), or a row of the site's own links
    each of which they name (會員登入 | 註冊 | 訂閱電子報)."""
    from .clean import pattern_reason
    parts = [p.strip() for p in re.split(r"[|｜]", text)]
    return ((pattern_reason(text) or "").startswith("navigation")
            or len(parts) >= 2 and all(pattern_reason(p) == "navigation" for p in parts))


def _title_under_banner(lines: list[Line]) -> tuple[str | None, str | None]:
    """(title, site) of a page-title line printed under the site's welcome banner and login row
    (欢迎访问某某县人民政府门户网站 今天是… / 登录 | 注册 / 某某县人民政府-通知公告-headline), as a
    scraper that saves the page's top bar first writes them: only a line naming the site beside a
    headline that the page prints again, below the banner's lines alone; else (None, None)."""
    for k in range(1, min(3, len(lines) - 1) + 1):
        if not _top_bar_line(lines[k - 1].text):
            break  # (only the bar's own lines above it: 欢迎访问…, 會員登入 | 註冊 | 訂閱電子報)
        title, site = find_title(lines[k:])
        # (printed again alone over its dateline: not a topic's name that its banner prints, 专题名_站名)
        below = lines[k + 1:k + 60]
        if title and site and any(l.text.strip() == title and any(has_date(n.text) for n in below[i + 1:i + 3])
                                  for i, l in enumerate(below)):
            return title, site
        # (or the site's logo, with its English name, under the bar: held by the copyright line)
        name = site if title is None else re.sub(r"\s+[A-Za-z][A-Za-z .&]*$", "", title or "")
        if name and (title is None or is_site_name(name)) and any(name in l.text and _COPYRIGHT_WORDS.search(l.text)
                                                                 for l in lines[-40:]):
            return None, name
    return None, None


def find_title(lines: list[Line]) -> tuple[str | None, str | None]:
    """(title, publishing site) from the page-title line (first line, as scrapers save the HTML
    <title>); when that line is navigation, None rather than a guess."""
    if not lines:
        return None, None
    placeholders = 0  # 'cover_image', 'index': a template's placeholder above the page title
    while placeholders < min(2, len(lines) - 1) and re.fullmatch(r"[\w.\-]+", lines[placeholders].text, re.ASCII):
        placeholders += 1
    first = _TITLE_COUNTER.sub("", lines[placeholders].text)  # '(99+ 封私信 / 87 条消息) 标题 - 某站'
    first = _POWERED_BY.sub("", first).strip()  # '… - 某某论坛 - Powered by Discuz! ; 某公司'
    if "。" in first[:-1] or len(first) > 80:  # a headline may end with 。, never holds one inside
        return None, None
    if re.fullmatch(r"[\w.\-]+", first, re.ASCII):
        return None, None  # nothing but placeholders: no headline
    from .clean import pattern_reason
    if pattern_reason(first) in ("navigation", "cookie or consent notice"):
        # a link of the page's menu where a body-only capture starts (内网入口); only the
        # navigation rules are asked: the others find words a headline may hold (朋友圈, 收藏,
        # 承办, 欢迎投稿), and a page title's parts separated by bars read like a menu's row
        return _title_under_banner(lines[placeholders:])
    parts = [p.strip() for p in re.split(r"[|｜]", first)]
    if len(parts) >= 4 and all(1 <= len(p) <= 6 for p in parts) and any(re.fullmatch(r"(?:网站)?(?:首页|主页)", p) for p in parts):
        return None, None  # the site's menu as a row of links, where a capture without its <title> starts
    if len(parts) >= 2 and all(pattern_reason(p) == "navigation" for p in parts):
        return _title_under_banner(lines[placeholders:])  # (a row of the site's own links: 會員登入 | 註冊 | 訂閱電子報)
    translated = _WITH_TRANSLATION.fullmatch(first)
    if translated and (is_site_name(translated.group(1)) or is_outlet_name(translated.group(1))):
        return None, translated.group(1)  # '成報 SING PAO DAILY NEWS': the site's name, no headline
    window = lines[placeholders + 1:placeholders + 15]
    if re.fullmatch(r"[\u4e00-\u9fff]{2,20}", first) and any(
            a.text.strip() == first and re.fullmatch(r"(?:The\s+)?[A-Z][A-Za-z.&'\-]*(?:\s+[A-Za-z.&'\-]+){1,8}", b.text.strip())
            for a, b in zip(window, window[1:])):
        return None, first  # ('某某聯會' / … / '某某聯會' / 'The Some Council': the masthead with its English name)
    acronym = re.fullmatch(r"([\u4e00-\u9fff]{2,3})\s+([A-Z]{2,6})", first)
    if acronym and all(l.text.strip() != first for l in lines[placeholders + 1:]) and any(
            l.text.strip().startswith(acronym.group(2) + " ") for l in lines[placeholders + 1:placeholders + 30]):
        # ('某廣視 TDM', then 'TDM Ou Mun' in its menu: a short name and its acronym, the site's
        # logo; not 带你了解 HPV, a headline naming a thing by its letters)
        return None, acronym.group(1)
    body = _body_and_page_kind(first, lines[placeholders + 1:placeholders + 60])
    if body:
        return None, body
    channel = _site_and_channel(first, lines[placeholders + 1:placeholders + 60])
    if channel:
        return None, channel
    # (the site's name may come with its English one: 即時新聞 | 某某通 ETNet)
    channel_first = re.fullmatch(r"([\u4e00-\u9fff]{2,8})\s*(?:[-_|｜–—]|\s-\s)\s*([^\s，。！？、,!?]{2,24})(?:\s+[A-Za-z][A-Za-z .&]{1,30})?", first)
    near = {l.text.strip() for l in window}
    if channel_first and (channel_first.group(1) in vocab.load("metadata.yml")["not_sources"]
                          or channel_first.group(1) in vocab.load("metadata.yml")["news_channels"]) and (
            is_site_name(channel_first.group(2))
            # (a body's name that its masthead prints alone at the top; not 旅游｜某古镇成为避暑好去处)
            or _BODY_NAME_END.search(channel_first.group(2)) and channel_first.group(2) in near
            # (or a name with its English one that the logo prints alone: 某某通 ETNet)
            or channel_first.group(2) != first[channel_first.start(2):].strip()
            and (first[channel_first.start(2):].strip() in near or channel_first.group(2) in near)):
        return None, channel_first.group(2)  # ('新聞稿-某某部某某署': a channel's name, then the body's: no headline)
    slogan = _site_and_slogan(first, lines[placeholders + 1:])
    if slogan:
        return None, slogan
    for sep in ("--", " - ", "_", "|", "｜"):
        head, found, tail = first.partition(sep)
        if found and sep not in tail and is_site_name(head.strip()) and is_site_name(tail.strip()):
            return None, tail.strip()  # '新闻动态--某学会官网': a column of the site, no headline
    spaced = (_site_apart_by_a_space(first, lines[placeholders + 1:placeholders + 60])
              or _site_before_colon(first, lines[placeholders + 1:placeholders + 60])
              or _site_before_bar(first, lines[placeholders + 1:]))
    if spaced:
        return spaced
    # (a page-title line printed again alone as the headline is the headline whole)
    title, site = split_site_suffix(first, page_title=all(l.text != first for l in lines[placeholders + 1:placeholders + 40]))
    if site is None:
        # '标题 | 热梗鸭' where 热梗鸭 is printed alone near the top (the site's logo, in `near`): its
        # name, however it ends
        for sep in (" | ", " - ", "｜", "_", " — ", "-"):  # (and a bare hyphen: '标题-某版块-某某胡同')
            head, found, tail = first.rpartition(sep)
            translated = _WITH_TRANSLATION.fullmatch(tail.strip())  # ('标题 | 某某會 Some Name': its logo prints 某某會)
            # (or its domain: '标题 | 某某好新聞 SomeHot.net', its logo printing the name alone)
            name = translated.group(1) if translated else _TRAILING_DOMAIN.sub("", tail.strip()).strip()
            if (found and 2 <= len(name) <= 15 and name in near and len(head.strip()) >= 4
                    # (both printed alone: refine_title decides, unless only the tail names a site)
                    and (head.strip() not in near or is_site_name(name) and not is_site_name(head.strip()))):
                title, site = head.strip(), tail.strip()
                break
    title = title.rstrip("-_|｜ ")
    if not site and without_edition(title) != title:
        return None, without_edition(title)  # ('某某经济日报-电子版': the paper's online edition, no headline)
    if not site:  # (the paper and its page's label, which the page prints otherwise or not at all: 某某日报数字报-A4版)
        for sep in (" | ", " - ", "｜", "_", " — ", "-"):
            head, found, tail = title.rpartition(sep)
            if (found and (is_page_label(tail.strip()) or re.fullmatch(vocab.load("metadata.yml")["page_number"], tail.strip()))
                    and (is_site_name(head.strip()) or is_outlet_name(without_edition(head.strip())))):
                return None, head.strip()
    if site and is_page_label(site) and (is_site_name(title) or is_outlet_name(without_edition(title))):
        return None, title  # ('某某日报数字报 - A03版：县区新闻': the paper and the page, no headline)
    if site and is_site_name(title) and _site_only_end().search(title) and not _site_only_end().search(site):
        return None, title  # ('某某縣政府全球資訊網-縣府新聞': the site, then its channel)
    if len(title) < 4 and not site and len(lines) > placeholders + 1 and lines[placeholders + 1].text.strip() == first \
            and re.fullmatch(r"[\u4e00-\u9fff]{2,3}", title):
        return None, title  # ('正報' / '正報' / Jornal…: a short name printed again as the logo is the site's)
    if len(title) < 4 and not site and is_outlet_name(title) and title not in vocab.load("metadata.yml")["edition_words"] and any(
            f"《{title}》" in l.text or title in l.text and _COPYRIGHT_WORDS.search(l.text) for l in lines[placeholders + 1:]):
        return None, title  # ('某聞報' alone, the page naming it 《某聞報》 in its footer: the paper, no headline)
    if (len(title) < 4 or _NOT_TITLE.search(title) or site and is_site_name(title)
            or title in vocab.load("metadata.yml")["not_sources"]):  # ('某某縣政府-最新消息': the page's channel)
        return None, site
    if looks_like_site(title) and not _PROSE_PUNCT_ANY.search(title.replace(" ", "")):
        return None, site or title  # the page-title line is only the site's name ('某某的博客')
    named = _WITH_TRANSLATION.fullmatch(title)
    if named and named.group(1) in near and _in_capitals(named.group(2)):
        # ('新聞稿 | 某某議局 Some Kuk N.T.': a body's name with its English one, its logo printing
        # the Chinese alone under the title line: the site, no headline)
        return None, named.group(1)
    return title, site


_PLAIN_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]+")  # (no separator: '某某-中新网' is a headline's part and a site)
@lru_cache(maxsize=None)
def _site_only_end() -> re.Pattern:
    """How only a site's or a body's name ends (`site_only_ends`): 某某新闻网, 某某县人民政府."""
    return re.compile(f"(?:{vocab.load('metadata.yml')['site_only_ends']})$")





def _site_before_bar(first: str, following: list[Line]) -> tuple[str, str] | None:
    """(headline, site) of a page-title line that puts the site's name first ('某某講地 | 标题'),
    whatever the name's ending: the name printed alone as the logo and held by the copyright
    line, the headline printed alone below. None otherwise (a channel first, 港聞 | 标题)."""
    alone = {l.text.strip() for l in following[:60]}
    footer = [l.text for l in following[-40:]]
    for sep in (" | ", "｜", " - ", "_", "|"):
        head, found, tail = (p.strip() for p in first.partition(sep))
        if (found and 2 <= len(head) <= 12 and len(tail) >= 4 and head in alone and tail in alone
                and head not in vocab.load("metadata.yml")["not_sources"]
                and any(head in t and _COPYRIGHT_WORDS.search(t) for t in footer)):
            return tail, head
    return None


_COPYRIGHT_WORDS = re.compile(r"版权所有|©|\(c\)|Copyright", re.I)


def _site_before_colon(first: str, following: list[Line]) -> tuple[str, str] | None:
    """(headline, site) of a page-title line that puts the site's name before a colon ('某某新聞：
    标题'), the headline after it printed alone below and the site's name (or it with its 网)
    printed alone as its logo; None for a headline's own colon (专访：…, 某某县：…)."""
    m = re.fullmatch(r"([\u4e00-\u9fffA-Za-z]{2,15})\s*[:：︰﹕]\s*(\S.{3,})", first)
    # (or any name its masthead prints alone right under the title line: a blog's, '某某日志: 标题')
    if not m or not (is_site_name(m.group(1)) or following and following[0].text.strip() == m.group(1)):
        return None
    alone = {l.text.strip() for l in following}
    top = {l.text.strip() for l in following[:6]}  # (the logo at the top: not a 来源 value printed alone lower down)
    logo = next((n for n in (m.group(1), m.group(1) + "网") if n in top), None)
    return (m.group(2).strip(), logo) if logo and m.group(2).strip() in alone else None


def _site_apart_by_a_space(first: str, following: list[Line]) -> tuple[str, str] | None:
    """(headline, site) of a page-title line that joins them by a space only ('标题 某某日报',
    '某某县人民政府 标题') or a box-drawing bar ('标题│某某新聞網'): the site's part is a site's name that the page prints alone, or one
    ending as only sites' names do (某某新闻网, 某某县人民政府); the headline's part is four
    characters or more. None for any other line (a headline of two phrases: 某某 某某)."""
    alone = {l.text.strip() for l in following}
    if re.search(r"[|｜_]| - |--", first) or first in alone:
        return None  # (a line printed again alone below is a headline whole: 某某 织密农村物流网)
    # (or by a box-drawing bar, as some templates print ｜: '标题│某某新聞網')
    head, _, tail = max((first.rpartition(sep) for sep in (" ", "│", "┃")), key=lambda p: len(p[0]))
    tail = tail.strip()
    if (head.strip() and 3 <= len(tail) <= 15 and _PLAIN_NAME.fullmatch(tail) and len(head.strip()) >= 4 and is_site_name(tail)
            and (tail in alone or _site_only_end().search(tail))):
        return head.strip(), tail
    lead, _, rest = first.partition(" ")
    if (rest.strip() and 4 <= len(lead) <= 15 and len(rest.strip()) >= 4 and _PLAIN_NAME.fullmatch(lead) and is_site_name(lead)
            and _site_only_end().search(lead) and (lead in alone or _office_end().search(lead) or lead.endswith("政府"))):
        return rest.strip(), lead
    return None


# An unread-messages counter some sites put before the <title> of a logged-in reader's page.
_TITLE_COUNTER = re.compile(r"^[(（]\d+\+?\s*[^()（）]{0,20}[)）]\s*")
# A forum or CMS signature at the end of the <title>.
_POWERED_BY = re.compile(r"\s*(?:[-_|｜–—]\s*)?Powered by\b.*$", re.I)


def _site_and_slogan(first: str, following: list[Line]) -> str | None:
    """'风传媒 一个有国际观、专注揭弊的新媒体！': a page title made of the site's name, printed
    alone on the page's first line (its logo), and the site's slogan, a phrase in clauses that is
    printed nowhere else and shares at most a quarter of its words with the page's text: no
    headline in it. The site's name is returned."""
    near = {l.text.strip() for l in following[:1]}  # (the logo, printed first: not a channel in the menu)
    # (a slogan names nothing the page's text speaks of; a headline after a kicker does: 乡村振兴
    # 产业兴、百姓富，某村走出致富新路)
    opening = _pairs("".join(l.text for l in following if len(l.text) >= 15)[:8000])
    for sep in (" - ", " | ", "｜", "|", "_", "-", "——", "：", " "):
        head, found, tail = first.partition(sep)
        head, tail = head.strip(), tail.strip()
        translated = _WITH_TRANSLATION.fullmatch(head)  # ('某某雜誌 Some Panorama | 口号'): the name without its English
        head = translated.group(1) if translated else head
        # (a name with its English beside it is a masthead's: its slogan may speak of the text's themes)
        if (found and head in near and 2 <= len(head) <= 12 and len(tail) >= 8
                and (translated or 4 * len(_pairs(tail) & opening) <= len(_pairs(tail)))
                # (a slogan in clauses, or the site's own description: 某省委主管主办的综合性时政期刊)
                and (len(re.findall(r"[，、；,;]", tail)) + tail.endswith(("！", "!")) >= 2 or _describes_a_medium(tail))
                and not re.search(r"[_|｜@]| - |::", tail)  # (a site suffix or a blog's, not a slogan)
                # (nor printed in parts, as a headline over two lines is: 产业兴、百姓富 / 某村走出致富新路)
                and not any(tail in l.text or len(l.text) >= 6 and l.text in tail for l in following)):
            return head
    return None


@lru_cache(maxsize=None)
def _medium_kinds() -> re.Pattern:
    """How a site describes what kind of medium it is (`medium_kinds`: …的综合性时政期刊)."""
    return re.compile(f"的[^，。,]{{0,12}}(?:{vocab.load('metadata.yml')['medium_kinds']})$")


def _describes_a_medium(text: str) -> bool:
    """'某省委主管主办的综合性时政期刊': a phrase that says what kind of publication the site is."""
    return bool(_medium_kinds().search(text))


# (how a public body's or an association's name ends, where a page title names one beside the page's kind)
_BODY_OR_COUNCIL_END = re.compile(f"(?:{_BODY_ENDS}|议会|协会|学会|总会|联合会|大学)$")


def _body_and_page_kind(first: str, following: list[Line]) -> str | None:
    """The body's name in a page title made only of it and the kind of page ('某某护理署 - 新闻稿',
    '新闻稿 | 某某农场暨植物园', '区议会 - 某某区议会 - 新闻及公告'): the other parts are its shorter
    forms; its masthead prints it alone right under the title line, or the name ends as a public
    body's or a council's does and is never printed as a headline over a dateline (我县成立某某协会
    - 新闻动态 is a headline beside its channel). None otherwise."""
    parts = [p.strip() for p in re.split(r"\s+[-—–|｜]\s+|[|｜_]", first) if p.strip()]
    if not 2 <= len(parts) <= 3:
        return None
    v = vocab.load("metadata.yml")
    kind = re.compile(rf"(?:{v['page_kind_words']})[\u4e00-\u9fff]{{0,4}}")
    kinds = [p for p in parts if p in v["not_sources"] or p in v["news_channels"] or len(p) <= 6 and kind.fullmatch(p)]
    names = [p for p in parts if p not in kinds]
    if not kinds or not names or any(len(p) > 15 or _PROSE_PUNCT_ANY.search(p) for p in names):
        return None
    name = max(names, key=len)
    if any(n not in name for n in names):
        return None
    if name in {l.text.strip() for l in following[:3]}:
        return name  # (its masthead, right under the title line)
    # (a headline naming a body, 我县成立某某协会 - 新闻动态, is printed alone over its dateline)
    as_headline = any(a.text.strip() == name and (has_date(b.text) or _credit_label().search(b.text) or credited_authors(b.text))
                      for a, b in zip(following, following[1:]))
    return name if _BODY_OR_COUNCIL_END.search(name) and not as_headline else None


def _site_and_channel(first: str, following: list[Line]) -> str | None:
    """'科普中国-辟谣文章': a page title made only of the site's name and a channel, each short, one
    of them printed alone in the page's menu below: no headline in it (the site's name, returned,
    is the part not in the menu, else the first)."""
    parts = [p.strip() for p in re.split(r"\s*(?:[-_|｜–—]|\s-\s)\s*", first) if p.strip()]
    if not 2 <= len(parts) <= 3 or any(len(p) > 8 or _PROSE_PUNCT_ANY.search(p) for p in parts):
        return None
    # (a part printed alone over a dated line is the headline over its byline, not a channel)
    alone = {l.text.strip() for l in following}
    headline = {a.text.strip() for a, b in zip(following, following[1:]) if has_date(b.text) and len(b.text) <= 60}
    # (or under its dateline, a name no site or channel has: 2024/04/18 08:30 / 蓝眼泪报到 / 【记者…】)
    headline |= {b.text.strip() for a, b in zip(following, following[1:])
                 if has_date(a.text) and len(a.text) <= 40 and not is_site_name(b.text.strip())}
    # (or over its writer's credit: a menu's item stands among others)
    headline |= {a.text.strip() for a, b in zip(following, following[1:]) if len(b.text) <= 40 and credited_authors(b.text)}
    # (or over its deck, ——某某见闻, or its byline block's source or writer, 来源：…; not a box's
    # heading over a disclosure table's fields, 政策解读 / 索引号：…)
    headline |= {a.text.strip() for a, b in zip(following, following[1:])
                 if b.text.strip().startswith(("——", "－－")) or _credit_label().match(b.text.strip())}
    if any(p in headline for p in parts):
        return None
    in_menu = [p for p in parts if p in alone]
    if not in_menu:
        return None
    # (the part its logo prints alone right under the title line is the site, the other its
    # channel: '某合日报 - 菲律宾' / '某合日报' / … / '菲律宾新闻')
    logo = following[0].text.strip() if following else None
    if logo in parts and sum(p in alone for p in parts) == 1 and (is_outlet_name(logo) or is_site_name(logo)):
        return logo
    return next((p for p in parts if p not in in_menu), parts[0])


# (a column glued by a bar or a colon, '棱镜|标题', '补壹刀：标题', is printed as part of the headline)
# ('译言精选-标题': a bare hyphen too, the headline being printed alone as the rest)
_SITE_BEFORE_DASH = re.compile(r"[^\s，。！？,!?\-—]{2,12}\s*[—－]\s*")
_COLUMN_BEFORE = re.compile(r"[^\s，。！？,!?\-|｜]{2,12}(?:--|_|-|\s*[|｜]\s*|\s+-\s+)")  # (本地｜标题 too)
_SECTION_SEP = re.compile(r"^\s*[|｜_]\s*\S")  # '标题 | 专题 | 栏目': sections, not subtitle
_TITLE_TAIL = re.compile(r"^[\s\-_|｜—@:：(（【\[]")  # (【某某吧】_某某贴吧: a board after the headline)
_ORIGINAL_TITLE_WORDS = r"原标题|原標題|原题|原題|原文标题|原文標題"
_ORIGINAL_TITLE_LABEL = re.compile(rf"^\s*(?:{_ORIGINAL_TITLE_WORDS})\s*[:：︰﹕]")
_ORIGINAL_TITLE = re.compile(r"^原标题\s*[:：︰﹕]\s*(.{4,})$")


_ELLIPSIS_END = re.compile(r"\s*(?<!…)(?:…|\.{3}|⋯)$")  # (one mark: a literary title's …… is its own)
# (or the mark before the site's name: '某某身價…｜某刊')
_ELLIPSIS_BEFORE_SITE = re.compile(r"\s*(?<!…)(?:…|\.{3}|⋯)\s*[|｜_—–-]\s*[^\s…|｜_—–-][^…|｜_]{0,19}$")


def uncut_title(title: str | None, lines: list[Line]) -> str | None:
    """The headline in full where the page-title line cut it with an ellipsis ('…居民…｜某某新聞網'):
    the line printed below that starts with the cut headline and goes on for at most 30
    characters, a headline's line (no full stop, no date, no site suffix after it). The title
    otherwise (cut with no mark, a title cannot be told from one whose headline the page prints
    longer: 某某座谈会 over 某某座谈会强调 / …)."""
    # (a quote opened and never closed marks a cut as an ellipsis does: 某某建起“羊产)
    unclosed = bool(title) and title.count("“") > title.count("”")
    cut = bool(title) and bool(_ELLIPSIS_END.search(title) or _ELLIPSIS_BEFORE_SITE.search(title))
    if title and not cut and not unclosed:
        # (above the text only, its first full stop: a picture's caption in it may open with the
        # headline, 某某节开幕 文艺演出现场)
        above = next((i for i, l in enumerate(lines[1:60], 1) if "。" in l.text), 60)
        return with_second_phrase(title, [l.text.strip() for l in lines[1:above]])
    if not title:
        return title
    stem = _ELLIPSIS_BEFORE_SITE.sub("", _ELLIPSIS_END.sub("", title))
    if len(stem) < 8:
        return title
    for line, below in zip(lines[1:40], [*lines[2:41], None]):
        t = line.text.strip()
        if t == title or "。" in t or len(t) >= 60:
            return title  # (printed as it is: its own ellipsis; or the text has begun)
        if (below is not None and len(t) >= 6 and len(t) < len(stem) and stem.startswith(t)
                and not (place_colon_headline(t) and not place_colon_headline(below.text.strip()))):
            # (the headline wrapped on two lines: 'A B…｜某刊' over 'A' / 'B C'; joined as the
            # page title joins them, with its space or without; not a headline and its deck that
            # the page title runs together, 某县：… / 全县…万亩 带动…)
            t = t + stem[len(t)] + below.text.strip() if stem[len(t)] == " " else t + below.text.strip()
        rest = t[len(stem):]
        if (t.startswith(stem) and 0 < len(rest) <= 30 and not has_date(rest)
                and not re.match(r"\s*(?:[-_|｜—–:：@(（【]|\s-\s)", rest) and not _PROSE_PUNCT_ANY.search(rest.replace(" ", "")[:1])):
            return t
    return title


_UNMARKED = re.compile(r"[《》「」“”\"'：:，,、\s]")  # (marks a page title may leave out of the headline)


def with_second_phrase(title: str, printed: list[str]) -> str:
    """The headline in full where the page-title line gives only its first phrase and the page
    prints the headline with a second phrase after a space ('某村获拨款提升基设' over '某村获拨款
    提升基设 沟渠路灯篮球场一次过整修'): the page never prints the short form alone, and the
    second phrase is a headline's (no date, no site suffix, no full stop). A longer line glued to
    the title (某某座谈会强调…) is not its continuation."""
    if len(title) < 6 or title in printed:
        return title
    bare = _UNMARKED.sub("", title)
    for t in printed:
        # (the page title without the headline's marks: 某會發表某某報告 over 某會發表《某某報告》：…)
        if (t != title and len(t) <= 80 and "。" not in t and not has_date(t) and _UNMARKED.sub("", t).startswith(bare)
                and bare != _UNMARKED.sub("", t) and re.search(r"[《》「」“”]", t) and not re.search(r"[《》「」“”]", title)
                and not re.search(r"[|｜_]", t) and not t.startswith(("《", "「", "“"))):  # (not 《标题》已有1件评论)
            return t
        rest = t[len(title):]
        if (t.startswith(title) and rest[:1] in (" ", "\u3000") and 4 <= len(rest.strip()) <= 30
                and "。" not in t and not has_date(rest)
                and not re.match(r"\s*(?:[-_|｜—–:：@(（【\[]|\s-\s)", rest) and not _PROSE_PUNCT_ANY.search(rest.strip()[:1])
                and not re.search(r"[|｜_]", rest)):
            return t
    return title


def refine_title(title: str | None, lines: list[Line]) -> str | None:
    """The headline as printed, when the page-title line adds to it (_refined_title); never the
    deck alone of a headline joined to its deck (标题——副题 -> ——副题, printed on its own line)."""
    refined = _refined_title(title, lines)
    if refined and title and refined != title and refined.lstrip().startswith(("——", "－－")) and not title.lstrip().startswith(("——", "－－")):
        return title
    return refined


def _refined_title(title: str | None, lines: list[Line]) -> str | None:
    """The headline as printed, when the page-title line adds to it.

    Sites append their column or name in ways no separator list foresees ('标题 - 要闻云南 -
    云南日报网', '标题 东区办事处'), and aggregators prepend a column ('全球报道:标题'). When the
    page also prints the headline alone on a line (or as 原标题：…), that line is the title; when
    it prints both parts alone, the part printed later (above the text) is.
    """
    if not title:
        return title
    if title[:1] in "_|｜" and len(title) > 5:
        title = title[1:].strip()  # '_标题': a template's site part left empty before the separator
    for line in lines:
        m = _ORIGINAL_TITLE.match(line.text)
        if m and m.group(1) != title and title.endswith(m.group(1)):
            return m.group(1)
    for line in lines[1:]:
        t = line.text  # '明日股市预测--标题': a column before the headline, the headline printed alone
        head = title[:len(title) - len(t)] if len(t) >= 8 and t != title and title.endswith(t) else ""
        if head and _COLUMN_BEFORE.fullmatch(head):
            return t
        # ('某某网—标题 - 某某的博文': the site's name before an em dash, a blog's after the headline)
        at = title.find(t) if len(t) >= 8 and t != title else -1
        if at > 0 and _SITE_BEFORE_DASH.fullmatch(title[:at]) and is_site_name(title[:at].rstrip("—－ ")) \
                and _TITLE_TAIL.match(title[at + len(t):] or " ") and _looks_like_site_tail(title[at + len(t):]):
            return t
    best = None
    labelled = re.compile(r"^[\u4e00-\u9fff]{1,6}\s*[:：︰﹕]")
    for i, line in enumerate(lines[1:], 1):
        t = line.text
        tail = title[len(t):]
        # a headline wrapped over two lines: the rest of it, after a space, printed on the next
        # line, and the site's part after that (标题前半 / 后半 under '标题前半 后半_某某网')
        nxt = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
        if (len(t) >= 6 and tail[:1] == " " and nxt and tail[1:].startswith(nxt) and len(nxt) >= 4
                and not looks_like_site(nxt) and not _PROSE_PUNCT_ANY.search(nxt)
                and not _NOT_HEADLINE_PART.search(nxt)):
            t, tail = t + " " + nxt, tail[1 + len(nxt):]
        # a headline of two to five characters (a poem's 夜雨) counts where the title line
        # separates it with '_' or a bar and it is printed over labelled lines (朝代：… 作者：…)
        label = labelled.match(lines[i + 1].text) if i + 1 < len(lines) else None
        # (not a channel, 要闻｜…, over its source line)
        # (or over its dated byline: 进村的路 / 来源：某某日报 | 甲 2024年03月22日, under '进村的路--散文--某某网')
        short = (2 <= len(t) < 6 and tail[:1] in "_|｜-" and t not in vocab.load("metadata.yml")["not_sources"]
                 and (label is not None and not _is_label(label.group(0).rstrip(":：︰﹕ ")) or bool(nxt) and has_date(nxt)))
        # (not a site's Latin name before a Chinese headline: 'SOMENEWS - 某地榴梿丰收 园主盼订单')
        if ((len(t) >= 6 or short) and t != title and title.startswith(t) and _TITLE_TAIL.match(tail)
                and (HAN_PAIR.search(t) or not HAN_PAIR.search(tail))
                and (_looks_like_site_tail(tail) or _SECTION_SEP.match(tail)) and t.count("“") == t.count("”") and t.count('"') % 2 == 0):
            if best is None or len(t) > len(best):
                best = t
    if best:
        # 'Joel on Software - 给计算机系学生的建议': the site named first, both parts printed alone;
        # the part printed later, above the text, is the headline (the site's name is in the
        # page header)
        from .clean import is_prose
        rest = title[len(best):].strip(" -_|｜@:：")
        text_at = next((i for i, l in enumerate(lines[:80]) if is_prose(l.text)), 80)
        where = {l.text.strip(): i for i, l in reversed(list(enumerate(lines[1:text_at], 1)))}
        if (len(rest) >= 4 and where.get(rest, -1) > where.get(best, text_at) and not looks_like_site(rest)
                and not is_site_name(rest) and not _NOT_HEADLINE_PART.search(rest)):  # (not 某教发〔2024〕3号)
            return rest
    return best or title


# what follows a headline in a page title without being part of it: a document's number
# (某教发〔2024〕3号) or a channel's name (时政要闻, 本地新闻)
_NOT_HEADLINE_PART = re.compile(r"[〔\[［(（]\s*(?:19|20)\d\d\s*[〕\]］)）]\s*\d+\s*号$|(?:要闻|要聞|新闻|新聞|动态|動態|频道|頻道|资讯|資訊)$")


def _looks_like_site_tail(tail: str) -> bool:
    """' - 要闻云南', ' 东区办事处', ' 某省某研究院附属医院': short, no subtitle dash, no sentence
    or quote marks."""
    tail = tail.strip(" -_|｜@:：")
    if len(tail) <= 20:
        return not tail.startswith("—") and not _PROSE_PUNCT_ANY.search(tail.replace(" ", ""))
    # a longer trail of sections and names ('(页 1) - 学术前沿 - 某某论坛 - powered by Discuz!
    # Archiver', '英国留学生活|留学攻略-某某网'): every part short, and no sentence in a Chinese part
    parts = [p for p in _TRAIL_SEP.split(tail) if p]
    return 2 <= len(parts) <= 6 and all(
        len(p) <= (40 if p.isascii() else 24) and (p.isascii() or not _PROSE_PUNCT_ANY.search(p.replace(" ", "")))
        or _KEYWORDS.fullmatch(p) for p in parts)


_KEYWORDS = re.compile(r"[^，,\s]{1,8}(?:[，,][^，,\s]{1,8}){1,9}")  # '中国,嫦娥五号,月球,航天': the page's keywords


_TRAIL_SEP = re.compile(r"\s*(?:[_|｜»]|\s[-–—]+\s*|(?<=[^\s\d])[-–—]{1,2}(?=[^\s\d]))\s*")


def site_after_headline(title_line: str, headline: str | None) -> str | None:
    """What a page-title line adds after the printed headline ('标题-EDN 电子技术设计' →
    'EDN电子技术设计'): the site's name, when it is short and no sentence."""
    title_line = _POWERED_BY.sub("", _TITLE_COUNTER.sub("", title_line)).strip()
    if not headline or not title_line.startswith(headline) or title_line == headline:
        return None
    rest = title_line[len(headline):].strip(" -_|｜@:：—")
    parts = [p.strip() for p in re.split(r"[_|｜]|\s[-–—]\s|--", rest) if p.strip()]
    if parts and 2 <= len(parts[-1]) <= 20 and not has_date(parts[-1]) and not _PROSE_PUNCT_ANY.search(parts[-1].replace(" ", "")):
        return clean_source(parts[-1]) or parts[-1]
    return None


def complete_title(title: str | None, lines: list[Line]) -> str | None:
    """A headline cut short by the site's layout ('…驻村服务基') completed from the same
    headline printed in full after a 题： or —— boundary, by at most three characters."""
    if not title or len(title) < 8:
        return title
    for line in lines:
        t = line.text
        at = t.find(title)
        if at < 0 or (at and not t[:at].endswith(("——", "题:", "题：", "题:", "题："))):
            continue
        rest = t[at + len(title):].split("——")[0]
        if 1 <= len(rest) <= 3 and not _PROSE_PUNCT_ANY.search(rest):
            return title + rest
    return title


# quotes too, full-width or ASCII ('简单道理捅破"飞人"神话 耐克鞋的气垫"伤机"': a scraper or site that
# prints ASCII punctuation quotes no differently)
_PROSE_PUNCT_ANY = re.compile(r"[，。！？；、,!?;：:“”\"\s]")


_EN_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_EN_DATE = re.compile(
    r"\b(" + "|".join(_EN_MONTHS) + r")[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
    # (or the clock between day and year, as C's ctime prints it and bulletin boards show it:
    # 'Wed Aug 14 22:41:36 2024')
    r"(?:\d{1,2}:\d\d:\d\d\s+)?((?:19|20)\d\d)\b"
)


def slash_order(texts: list[str]) -> str | None:
    """'dmy' or 'mdy' when the page's unambiguous slash dates (13/02/2022, 2/13/2022) all read
    one way; None when there are none or they disagree. A page prints its dates one way, so
    this settles 06/02/2022 on the same page without a guess."""
    seen = set()
    for text in texts:
        for m in _slash_dates(text):
            first, second = int(m.group(1)), int(m.group(2))
            if first > 12 >= second:
                seen.add("dmy")
            elif second > 12 >= first:
                seen.add("mdy")
    if not seen:
        # (or by the day a dateline names: 發布: 12/06/2024 over '（某地12日讯）' is the 12th, dmy)
        days = {next((int(m.group(1)) for t in texts if (m := _DATELINE_DAY.search(t))), 0)}  # (the story's own, the first)
        for text in texts:
            for m in _slash_dates(text):
                first, second = int(m.group(1)), int(m.group(2))
                if first != second and first in days and second not in days:
                    seen.add("dmy")
                elif first != second and second in days and first not in days:
                    seen.add("mdy")
    return seen.pop() if len(seen) == 1 else None


# the day a dateline names (（某地12日讯）, 某地12日电): the day of the report
_DATELINE_DAY = re.compile(r"(?<!\d)(\d{1,2})日(?:讯|訊|电|電)")


def _date_in(text: str, order: str | None = None) -> str | None:
    """The first date printed in `text` that exists on the calendar (a printed 2019-02-30 is a
    typo, never a date to guess from)."""
    for m in _DATE.finditer(text):
        day = real_date(int(m.group(1)), int(m.group(2) or m.group(5)), int(m.group(3) or m.group(6)))
        if day:
            return day
    for m in _EN_DATE.finditer(text):
        day = real_date(int(m.group(3)), _EN_MONTHS.index(m.group(1)) + 1, int(m.group(2)))
        if day:
            return day
    for m in _ZH_MONTH_DATE.finditer(text):  # 十一月 6th, 2009 (a blog theme's English date with the month in Chinese)
        day = real_date(int(m.group(3)), _ZH_MONTHS.index(m.group(1)) + 1, int(m.group(2)))
        if day:
            return day
    for m in _ROC_DATE.finditer(text):
        day = roc_date(m.group(1) or m.group(2), m.group(3), m.group(4))
        if day:
            return day
    for m in _YEAR_THEN_MONTH_DAY.finditer(text):  # (2024 03/28 09:51:27: the year, then month/day)
        day = real_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if day:
            return day
    for m in _slash_dates(text):
        first, second, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if first > 12 >= second:
            day = real_date(year, second, first)  # 25/7/2005: only day/month is possible (30/06/2023 04:18 PM too)
        elif second > 12 >= first:
            day = real_date(year, first, second)  # 7/25/2005: only month/day is possible
        elif order:  # the page's other dates settle it (slash_order; 04/06/2024 10:15 AM on a page of 18/06/2024)
            day = real_date(year, second, first) if order == "dmy" else real_date(year, first, second)
        elif m.group(4):  # 7/5/2005 9:23:57 PM, alone: the clock of US-style software prints month/day
            day = real_date(year, first, second)
        else:
            day = None  # 7/5/2005 alone could be either: never guessed
        if day:
            return day
    return None


# The year, a space, then month/day and the time (2024 03/28 09:51:27, as some news sites print
# the date beside their headline): with the time only, so that no fraction after a year reads.
_YEAR_THEN_MONTH_DAY = re.compile(r"(?<![\d/])((?:19|20)\d\d)\s+(\d{1,2})/(\d{1,2})(?![\d/])(?=\s+\d{1,2}:\d\d)")
# A date with the year last (7/5/2005 9:23:57 PM); group 4 is the AM/PM of a US-style clock.
_SLASH_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?![\d/])(?:\s+\d{1,2}:\d\d(?::\d\d)?\s*([AaPp][Mm])\b)?")
# the same with dots, as Hong Kong and Europe print it (26.11.2024); no clock's AM/PM after it
_DOT_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)(?![\d.])()")


def _slash_dates(text: str):
    """The day-month or month-day dates of `text` with the year last (26/11/2024, 26.11.2024)."""
    yield from _SLASH_DATE.finditer(text)
    yield from _DOT_DATE.finditer(text)


_ZH_MONTHS = "一 二 三 四 五 六 七 八 九 十 十一 十二".split()
# A month's Chinese name, then the day and the year as an English date writes them ('十一月 6th,
# 2009', '三月 21, 2012': blog themes translated month by month)
_ZH_MONTH_DATE = re.compile(r"(?<![一二三四五六七八九十])(十一|十二|[一二三四五六七八九十])月\s*(\d{1,2})(?:st|nd|rd|th)?\s*,\s*((?:19|20)\d\d)(?!\d)")


# A date of the Republic of China calendar (Taiwan: year 1 = 1912), printed with its era
# (民國113年11月25日, 中華民國 38 年 5 月 1 日) or, with year, month and day written out, a
# three-digit year (113年11月25日): no Gregorian year has three digits in a page of our time.
_ROC_DATE = re.compile(r"(?:(?:中华)?民国\s*(\d{1,3})|(?<![\d.])(1\d\d))\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})(?(2)\s*日)(?!\d)")
# The same calendar with separators (113-11-25, 113/11/25, 113.11.25): read only in the value of
# a date label (发布日期：113-11-25), where a three-digit year can be nothing else.
_ROC_NUMERIC = re.compile(r"^(?:(?:中华)?民国\s*)?(1\d\d)\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)")


def roc_date(year, month, day) -> str | None:
    """'YYYY-MM-DD' of a Republic of China calendar date (year + 1911), when the day exists."""
    return real_date(int(year) + 1911, int(month), int(day))


def real_date(y: int, mo: int, d: int) -> str | None:
    """'YYYY-MM-DD' when the day exists on the calendar, else None."""
    try:
        return datetime.date(y, mo, d).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=None)
def _label_pattern(kind: str) -> re.Pattern:
    labels = sorted(vocab.load("metadata.yml")[kind], key=len, reverse=True)
    # (丨 between a label and its value, as WeChat accounts print credits: 来源丨某某日报)
    return re.compile("(?:" + "|".join(map(re.escape, labels)) + r")\s*(?:[:：︰﹕]|丨(?=\s*[\u4e00-\u9fffA-Za-z]))\s*(.*)$")


@lru_cache(maxsize=None)
def _label_words(kind: str) -> frozenset[str]:
    return frozenset(vocab.load("metadata.yml")[kind])


@lru_cache(maxsize=None)
def _bare_label_pattern(kind: str) -> re.Pattern:
    labels = sorted(vocab.load("metadata.yml")[kind], key=len, reverse=True)
    return re.compile("^(?:" + "|".join(map(re.escape, labels)) + r")\s*[:：︰﹕]?\s*(\S.{0,30})$")


@lru_cache(maxsize=None)
def _media_credit() -> re.Pattern:
    """Words before a 来源 label that make it a picture's or data's credit (图片资料来源：)."""
    words = vocab.load("metadata.yml")["media_credit_words"]
    return re.compile("(?:" + "|".join(map(re.escape, words)) + r")\s*$")


@lru_cache(maxsize=None)
def _next_label() -> re.Pattern:
    """Another field's label starting inside a value (`field_labels`): the value ends there
    (with a colon, or a bar as WeChat bylines set it: 记者｜甲　通讯员｜乙 丙)."""
    labels = sorted(vocab.load("metadata.yml")["field_labels"], key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, labels)) + r")\s*[:：︰﹕|｜丨]")


# Another field's label with its figure first in what follows a label (访问量：199, 点击：12): the
# label's own value is empty. (A word and a colon before a name is a value: 公众号：某某.)
_LABEL_FIRST = re.compile(r"[\u4e00-\u9fff]{2,5}\s*[:：︰﹕]\s*\d")


# a label's characters spread with spaces, as old content systems print them (主 题：…, 来 源：…)
_SPACED_LABEL = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff])[ \u3000]([\u4e00-\u9fff])(?:[ \u3000]([\u4e00-\u9fff]))?(?=\s*[:：︰﹕])")


# (square brackets only: a dictionary's 【出处】《史记》 is a field of the text, not the page's)
_BRACKETED_LABEL = re.compile(r"[\[［]\s*([\u4e00-\u9fff]{2,6})\s*[\]］]\s*(?=\S)")


def unspaced_labels(text: str) -> str:
    """`text` with each label spread by spaces closed up ('来 源：某某' -> '来源：某某')."""
    return _SPACED_LABEL.sub(lambda m: "".join(g for g in m.groups() if g), text)


def _release_credit(before: str, value: str) -> bool:
    """Whether 资料来源 opening a line may credit the release itself, not a picture or a table:
    the line opens with the word (`release_credit_words`) and names a body's or its unit's full
    name (資料來源：某某縣政府農漁局, as Taiwan's agencies print the unit that wrote a press release).
    Where it may stand is the caller's (`release`): above the text, or naming the site's own body."""
    first = _next_label().split(value.strip())[0].strip()
    return (before.strip() in vocab.load("metadata.yml")["release_credit_words"]
            and names_a_body(first) and not is_unit_name(first))


def _labelled(lines: list[Line], all_lines: list[Line], kind: str, release=None):
    """(line, value) for lines carrying a label of `kind` (来源：…, 发布日期：…); the value is the
    rest of the line, or the next line when the label ends the line (table-like pages).
    `release(line, value)` says whether a 资料来源 line may credit the release there."""
    following = {a.number: b for a, b in zip(all_lines, all_lines[1:])}
    after = {id(a): b for a, b in zip(all_lines, all_lines[1:])}  # (cells of one table row share a line number)
    pattern = _label_pattern(kind)
    bare = _bare_label_pattern(kind)
    for line in lines:
        if _SPACED_LABEL.search(line.text):
            line = Line(line.number, unspaced_labels(line.text))
        if _BRACKETED_LABEL.search(line.text):
            # (a disclosure table's labels in brackets before their values: [ 发布日期 ]2023-05-06)
            line = Line(line.number, _BRACKETED_LABEL.sub(lambda b: b.group(1) + "：" if b.group(1) in _label_words(kind)
                                                          else b.group(), line.text))
        m = pattern.search(line.text)
        if m and m.start() > 0 and line.text[:m.start()].rstrip().endswith(("“", "「", "\"", "注明", "註明")):
            continue  # (a label quoted in a rights notice: 凡注明“来源：某某”的作品…, no credit)
        if m and kind == "source_labels" and _media_credit().search(line.text[:m.start()]) \
                and not (release and _release_credit(line.text[:m.start()], m.group(1)) and release(line, m.group(1))):
            continue  # 图片资料来源：… credits a picture, not the article
        nxt = after.get(id(line)) or following.get(line.number)
        if not m and nxt is not None and line.text.strip() in _label_words(kind):
            # a field's label alone in its cell, the value in the next (<dt>发布日期</dt><dd>…</dd>)
            value = nxt.text.strip()
            if value and not value.endswith((":", "：")) and value not in _label_words(kind) and not _next_label().match(value) \
                    and not (kind == "source_labels" and _unit_label(line.text) and is_unit_name(value)):
                yield line, value
            continue
        row = None if m or kind != "source_labels" else ROW_FIELD.match(line.text.strip())
        if row and row.group(1) in _label_words(kind) and len(row.group(2)) <= 40 and not row.group(2).startswith(("|", "｜")):
            # a table row of the byline block, its label and value cells apart (發布單位　某某處;
            # a date's row is read where a dateline is: not a standard's 发布日期 in the text)
            if not (_unit_label(row.group(1)) and is_unit_name(row.group(2).strip())):
                yield line, row.group(2).strip()
            continue
        if not m:
            # a byline of fields separated by | prints labels without a colon (来源CSDN| 作者魏星)
            fields = re.split(r"\s*[|｜]\s*", line.text) if len(re.findall(r"[|｜]", line.text)) >= 2 else []
            value = next((f.group(1).strip() for f in map(bare.match, fields) if f), "")
            # (and a label and its value either side of one bar, as accounts print credits: 来源 | 某某日报)
            label, bar, rest = line.text.partition("|") if "|" in line.text else line.text.partition("｜")
            if (not value and bar and label.strip() in _label_words(kind) and 2 <= len(rest.strip()) <= 30
                    and not re.search(r"[、，,；;]|及|等$", rest)  # (one name: not 某报及新华社、某台等)
                    and rest.strip() not in vocab.load("metadata.yml")["picture_agencies"]):  # (来源 | 视觉中国 under a picture)
                value = rest.strip()
            if value:
                yield line, value
            continue
        rest = m.group(1).strip()
        if _next_label().match(rest) or _LABEL_FIRST.match(rest):
            continue  # an empty field, another's label right after its own (来源： 访问量：199): no value
        if kind == "source_labels" and _unit_label(line.text[:m.start(1)]) and is_unit_name(first_value(_next_label().split(rest)[0])):
            continue  # (發布單位：農業課: a unit of the body whose site this is, no outlet)
        # '证券时报网作者：李在山' -> the outlet; '新华社：' -> 新华社
        value = _next_label().split(rest)[0].strip().rstrip(":：︰﹕").strip()
        if not value and nxt is not None:
            value = nxt.text.strip()
            if value.endswith((":", "：")) or kind == "source_labels" and _boilerplate(value):
                # another label, or a widget after an empty 来源： (按讚加入…粉絲團): no value
                value = ""
        if value:
            yield line, value


_YEAR_ALONE = re.compile(r"(?:19|20)\d\d\s*年")


def labelled_date(lines: list[Line], order: str | None = None) -> str | None:
    """A date labelled as the publication date (发布日期：…, 发表于 …, 本贴由…于 DATE …发表);
    `order` reads ambiguous slash dates (slash_order)."""
    secondary = frozenset(vocab.load("metadata.yml")["secondary_date_labels"])
    found = None  # a disclosure table's 生成日期, when no 发布日期 follows it
    for line, value in _labelled(lines, lines, "date_labels"):
        date = date_value(value, order)
        if date and not any(label in line.text for label in secondary):
            return date
        found = found or date
    if found:
        return found
    for line in lines:
        m = _POSTED_ON.search(line.text)
        if m and _date_in(m.group(1)):
            return _date_in(m.group(1))
    return None


def plain_roc_date(lines: list[Line]) -> str | None:
    """An ROC year's date in figures alone on its line under the plain label (日期：113-10-07), as
    Taiwan's township offices print it under the headline: read after every other date (an event
    box's 日期 above the text is not the page's when a dateline is printed)."""
    for line in lines:
        plain = _PLAIN_ROC_DATE.fullmatch(line.text.strip())
        if plain:
            return roc_date(plain.group(1), plain.group(3), plain.group(4))
    return None


_PLAIN_ROC_DATE = re.compile(r"(?:日期|时间)\s*[:：︰﹕]\s*(1\d\d)\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})")


def date_value(value: str, order: str | None) -> str | None:
    """The date a label's value states: a date in figures or words, or an ROC year's (113-12-03)."""
    roc = _ROC_NUMERIC.match(value.strip())
    return _date_in(value, order) or (roc_date(roc.group(1), roc.group(3), roc.group(4)) if roc else None)


# a forum's or blog's posting line: 本贴由大卫于2005年8月12日16:12:21在〖…〗发表
_POSTED_ON = re.compile(r"(?:于)\s*((?:19|20)\d\d\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}).{0,40}?(?:发表|发布)")


def find_date(header: list[Line], order: str | None = None) -> str | None:
    """Publication date: a date labelled as such (发布日期…) wins; otherwise the first date in
    the header that no other label claims (建立于: the day a blog was opened). Dates split over
    lines (blog layouts: 'Dec / 28 / Sat / 2013') are joined. `order` reads ambiguous slash
    dates (slash_order)."""
    date = labelled_date(header, order)
    if date:
        return date
    not_published = re.compile(vocab.load("metadata.yml")["not_date_labels"])
    for i, line in enumerate(header):
        if not_published.search(line.text):
            continue
        date = _date_in(line.text, order)
        if date:
            return date
        if line.text in _EN_MONTHS or _YEAR_ALONE.fullmatch(line.text):  # 'Dec / 28 / 2013', '2014年 / 03月 / 20日'
            date = _date_in(" ".join(l.text for l in header[i:i + 4]).replace("年 ", "年").replace("月 ", "月"))
            if date:
                return date
        if re.fullmatch(r"(?:19|20)\d\d", line.text.strip()):  # ('2024' / '02/19' / '10:37:12': a date badge's lines)
            date = _date_in(" ".join(l.text.strip() for l in header[i:i + 3]))
            if date:
                return date
        nxt = header[i + 1].text.strip() if i + 1 < len(header) else ""
        day, month = ((_DAY_ALONE.fullmatch(line.text.strip()), _YEAR_MONTH.fullmatch(nxt))
                      if _DAY_ALONE.fullmatch(line.text.strip()) else (_DAY_ALONE.fullmatch(nxt), _YEAR_MONTH.fullmatch(line.text.strip())))
        if day and month:  # a date badge: the day large, the year and month under it ('21' / '2024年02月')
            date = _date_in(f"{month.group(1)}年{month.group(2)}月{day.group(1)}日")
            if date:
                return date
    return None


_DAY_ALONE = re.compile(r"(\d{1,2})日?")
_YEAR_MONTH = re.compile(r"((?:19|20)\d\d)\s*(?:年|[-/.])\s*(\d{1,2})\s*月?")


_LABEL_START = re.compile(r"^(?:本文|文章|信息|新闻|稿件)?(?:来源于|来源|转自|转载自)\s*[:：︰﹕]?\s*")
MAX_SOURCE = 60  # characters: longer than any outlet's name; the frontmatter schema allows 200
_TRAILING_DOMAIN = re.compile(rf"(?<=[\u4e00-\u9fff])\s*(?:[|｜_]\s*)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:{_TLD})$", re.I)
# A trail of the site's sections printed with angle brackets: '艺术史研究<某某艺术网' (section, then
# the site) or '某某网>艺术教育' (the site, then the section).
_ANGLE_TRAIL = re.compile(r"^([^<>＜＞]{2,30})(?:[<＜][^<>＜＞]{2,30})+$|^(?:[^<>＜＞]{2,30}[>＞])+([^<>＜＞]{2,30})$")
_LATIN_CJK_SPACE = re.compile(r"(?<=[A-Za-z0-9])\s+(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])\s+(?=[A-Za-z0-9])")
_PINYIN_GLOSS = re.compile(r"[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]")


def _is_label(value: str) -> bool:
    """A byline's label alone ('发布于', '来源', '发布时间'): no outlet's name."""
    v = vocab.load("metadata.yml")
    return value in v["date_labels"] or value in v["source_labels"] or bool(_LABEL_WORD.fullmatch(value))


_LABEL_WORD = re.compile(r"(?:发布|发表|更新|刊登|刊发|编辑|上传)(?:于|时间|日期)?")


def _placeholder_rest(value: str, placeholders: list[str]) -> str:
    """What is left of a credit once placeholder words are taken out ('本站原创' -> '')."""
    for p in sorted(placeholders, key=len, reverse=True):
        value = value.replace(p, "")
    return value.strip(" ·-_/")


_BANNER = re.compile(r"^中国\s*[·•・]\s*(?=\S{4,})")


def without_banner(name: str) -> str:
    """'中国·浙江省发展和改革委员会' -> '浙江省发展和改革委员会': the national banner some sites put
    before their name is no part of it."""
    return _BANNER.sub("", name)


_GLUED_TAIL = re.compile(r"[\u4e00-\u9fff]{4,23}")


def without_edition(value: str) -> str:
    """'某某日报数字报' -> '某某日报': the paper's online edition is credited as the paper
    (`edition_suffixes`), in a credit as in a site's name."""
    edition = next((e for e in vocab.load("metadata.yml")["edition_suffixes"] if value.endswith(e)), None)
    # ('某報 電子版': a space between; '某某日报-电子版': a hyphen or a bar)
    paper = value[:-len(edition)].rstrip(" -－_|｜·") if edition else ""
    return paper if edition and is_outlet_name(paper) else value


# the reprinted piece's own title printed after its origin's name (（原标题：…）, 原题：…)
_ORIGINAL_TITLE_NOTE = re.compile(rf"\s*[（(【\[]?\s*(?:{_ORIGINAL_TITLE_WORDS})\s*[:：︰﹕]")


def original_title(text: str) -> str | None:
    """The reprinted piece's own title a line prints under its label (原标题：…, （原标题：…）);
    None for any other line."""
    t = text.strip().lstrip("（(【[")
    m = _ORIGINAL_TITLE_LABEL.match(t)
    if not m:
        return None
    return t[m.end():].strip().rstrip("）)】]").strip() or None


def clean_source(value: str) -> str | None:
    """A source value as credited, minus decoration: 《》, a site suffix ('农村工作通讯-中国农村网'),
    pinyin glosses some pages print after a character ('光明網(wǎng)'); None for non-sources."""
    value = _PINYIN_GLOSS.sub("", value).strip()
    angle = _ANGLE_TRAIL.match(value)
    if angle:  # the site's own name: after the last '<', before the first '>'
        value = (re.split(r"[<＜]", value)[-1] if angle.group(1) else re.split(r"[>＞]", value)[0]).strip()
    greeting = re.match(vocab.load("metadata.yml")["site_greetings"], value)
    if greeting:  # '谢谢您访问〖某某中心〗': the name the greeting welcomes to
        value = value[greeting.end():].strip().strip("〖〗「」").strip()
    value = value.strip("【】[]").strip().lstrip("-_|｜│┃–—:：·").strip()
    original = _ORIGINAL_TITLE_NOTE.search(value)
    if original and original.start() >= 2:
        value = value[:original.start()].strip()  # '某某雜誌（原標題：〈…〉）': the reprint's title after its origin
    if value.endswith(("）", ")")) and value.count("（") + value.count("(") < value.count("）") + value.count(")"):
        value = value[:-1].strip()  # '新华社）' from （来源：新华社）: the credit's own bracket
    unclosed = re.search(r"[（(][^()（）]*$", value)
    if unclosed and unclosed.start() >= 2:
        value = value[:unclosed.start()].strip()  # '某某中心（记者' from 来源：某某中心（记者 甲 通讯员 乙）, cut at a space
    if re.fullmatch(r"[(（][^()（）]+[)）]", value):
        value = value[1:-1].strip()  # '(新闻)'

    if value.startswith("《") and value.count("《") == 1 and value.count("》") == 1 and (value.endswith("》") or _ISSUE.fullmatch(value[value.index("》") + 1:])):
        value = value[1:value.index("》")].strip()  # 《某某日报》, 《某某》2023年5月（下）: not 光明网-《光明日报》
    value = _LABEL_START.sub("", value).strip()  # '本文来源于国家统计局' (a label run into its value)
    if not _PORTAL_AND_OUTLET.fullmatch(value):  # (a portal and its outlet stay one: 某某新闻网-某某日报)
        value = split_site_suffix(value)[0].strip()
    value = _TRAILING_DOMAIN.sub("", value).strip() or value  # '三立新聞網 SETN.COM'
    if not re.search(r"[A-Za-z]\s+[A-Za-z]", value):  # (a name of English words keeps its spaces: 'BBC News 中文')
        value = _LATIN_CJK_SPACE.sub("", value)  # 'ETtoday 新聞雲' is printed 'ETtoday新聞雲' in credits
    translated = _WITH_TRANSLATION.fullmatch(value)  # '頭條日報Headline Daily': the name and its English
    if translated and (is_site_name(translated.group(1)) or is_outlet_name(translated.group(1))
                       or all(w[:1].isupper() for w in translated.group(2).split())):
        value = translated.group(1)  # (or any name with an English name in capitals: '某週刊 Mirror Media')
    value = paper_of(value)  # '信報網站', '某某日報全球資訊網', '某某日报社': the paper
    value = _ISSUE.sub("", value) or value  # '某某雜誌 799期': the magazine, not its issue
    english = _ENGLISH_FIRST.fullmatch(value)  # 'The News Lens 某某網': the name in two languages
    if english and _in_capitals(english.group(1)) and not english.group(2).startswith("中文"):
        value = english.group(2)  # (not 'BBC News 中文', 'Some Review 中文版': the Chinese edition of one name)
    value = without_edition(value)
    value = without_banner(value)
    # a scraper that joins a byline's inline fields without a space glues the next one on: a
    # widget's word after an outlet's name ('新华社举报'). (Not a writer's name: '中国新闻网王帆'
    # cannot be told from a column, '光明网时评', '人民网党建', without a dictionary of words.)
    if _GLUED_TAIL.fullmatch(value):
        for k in (2, 3):
            head, tail = value[:-k], value[-k:]
            if is_outlet_name(head) and tail in vocab.load("metadata.yml")["glued_widget_words"]:
                value = head
                break
    latin = _LATIN_TAIL.fullmatch(value)  # '公視新聞網PNN', '香港經濟日報HKET': the name and its brand
    if latin and (is_site_name(latin.group(1)) or is_outlet_name(latin.group(1))):
        value = latin.group(1)
    not_sources = vocab.load("metadata.yml")["not_sources"]
    parts = [p for p in re.split(r"(?<!\s)\s+[/／|｜]\s+", value) if p] if re.search(r"[/／|｜]", value) else [value]
    if len(parts) > 1 and len([p for p in parts if p not in not_sources]) == 1:
        value = next(p for p in parts if p not in not_sources)  # '上報 / 焦點': the site and its section
    channel, sep, rest = value.partition("-") if "-" in value else value.partition("_")
    if sep and channel.strip() in not_sources and rest.strip():
        value = rest.strip()  # '工作动态-某某厅': the channel, then the site
    if _COUNT.search(value):
        return None  # '访问量：199': an empty 来源： followed by the next label and its count
    if re.match(r"(?:https?://|www\.)", value, re.I):
        return None  # '出处：https://…/2024/08/25/…': an address is no outlet's name
    if _MARKUP_RESIDUE.search(value):
        return None  # 'size="20"': a broken template printed an attribute where the value belongs
    if len(value) < 2 or value in not_sources or not _placeholder_rest(value, not_sources) and not is_outlet_name(value):
        return None  # (made of placeholders and section words only: 本站原创, 新闻资讯; not 科技日报)
    if is_navigation_name(value):
        return None  # '版面导航', '即時新聞頻道': a page's navigation or a channel of the site
    if _is_label(value):
        return None  # '发布于 2019-09-26': the label of a date, printed where an outlet could stand
    if is_place_name(value):
        return None  # '香港', '北京': a dateline's place or the site's regional section, never an outlet
    if len(value) > MAX_SOURCE:
        return None  # a label run into a paragraph names no outlet (and the schema would refuse it)
    return value


# a periodical's issue after its name: 799期, 第10期, 2023年第10期, 2023年5月（下）, 2023年5月號
_ISSUE = re.compile(r"\s*(?:(?:19|20)\d\d\s*年\s*)?(?:第\s*)?\d{1,4}\s*期$"
                    r"|\s*(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*(?:[号號刊])?\s*(?:[（(][上中下][）)]|[上中下]旬)?$")
# An outlet's name in English words, then its Chinese name ('The News Lens 某某網')
_ENGLISH_FIRST = re.compile(r"([A-Z][A-Za-z.&'\-]*(?:\s+[A-Za-z.&'\-]+)+)\s*([\u4e00-\u9fff]{2,}[\u4e00-\u9fff·]*)")


def _in_capitals(english: str) -> bool:
    """Whether every English word opens with a capital or is an initial (a name, not a phrase:
    The News Lens, Heung Yee Kuk N.T.)."""
    return all(w[:1].isupper() for w in english.split())


def paper_of(name: str) -> str:
    """'某某日报社', '某某日报报业集团', '某某報網站' -> the paper itself: a paper is credited by its
    own name, not its publishing house's (`publisher_suffixes`) or its website's
    (`paper_site_suffixes`); a body by its own, not its site's ('某某縣政府全球資訊網':
    `body_site_suffixes`); any other name as it is."""
    v = vocab.load("metadata.yml")
    m = re.fullmatch(rf"([\u4e00-\u9fff]{{1,12}}?[报報])(?:{v['publisher_suffixes']}|{v['paper_site_suffixes']})", name)
    if m and len(m.group(1)) >= 2 and is_outlet_name(m.group(1)):
        return m.group(1)  # (信報網站)
    m = re.fullmatch(rf"([\u4e00-\u9fff]{{4,30}}?)(?:{v['body_site_suffixes']})", name)
    return m.group(1) if m else name  # ('某某縣政府全球資訊網': the body)


_LATIN_TAIL = re.compile(r"([\u4e00-\u9fff][\u4e00-\u9fff·]+)\s*([A-Za-z][A-Za-z0-9.&'\-]*(?:\s+[A-Za-z0-9.&'\-]+)*)")
_COUNT = re.compile(r"[:：︰﹕]\s*\d")
_WITH_TRANSLATION = re.compile(r"([\u4e00-\u9fff][\u4e00-\u9fff·]+)\s*([A-Z][A-Za-z.&'\-]*(?:\s+[A-Za-z.&'\-]+)+)")


def named_with_translation(text: str) -> bool:
    """'某眾報 Tai Chung Pou', '某報 SING PAO DAILY NEWS': a site's or an outlet's name with its
    name in Latin letters, as a <title> of only the site's name prints it; no headline."""
    m = _WITH_TRANSLATION.fullmatch(text.strip())
    return bool(m) and (is_site_name(m.group(1)) or is_outlet_name(m.group(1)))


_HEADLINE_MARKS = re.compile(r"[：:“”\"'‘’《》「」『』\s，,、]")


def prints_more(title: str, printed: str) -> bool:
    """Whether the headline `printed` says the page title `title` and more: a place before it with
    a colon (延川：…; not a column's name, 全球报道：…), a second phrase after a space (…
    五一假期接待游客超12万人次), or both; the title as the last words of a headline opening with its
    place and a colon; the title and a colon or a comma before the headline's second half. The
    marks a <title> leaves out aside (同安“一村一品”… printed 同安：“一村一品”…). Not a field, a
    reprint's 原标题, nor the title with a site's name, a date, a credit or a badge after it."""
    bare, t = _HEADLINE_MARKS.sub("", title), printed.strip()
    flat = _HEADLINE_MARKS.sub("", t)
    after = t[len(title.strip()):] if t.startswith(title.strip()) else ""
    if after[:1] in ("：", ":", "，", ",") and 2 <= len(after[1:].strip()) <= 30 and re.search(r"[\u4e00-\u9fff]{2}", after) \
            and not (has_date(after) or looks_like_site(after[1:].strip()) or credited_authors(after)):
        return len(bare) >= 4  # (the title, a colon, and the headline's second half: 某某守護者：潮漲潮退之間…)
    at = flat.find(bare)
    if len(bare) < 4 or at < 0 or flat == bare or field_line(t) or original_title(t):
        return False
    before = flat[:at]
    if before and not (re.fullmatch(r"[\u4e00-\u9fff]{2,8}", before) and re.match(re.escape(before) + r"\s*[：:]", t)
                       and _place_named(before)):
        # (or the headline's last words, after its place's colon: 某县：某工作队帮牧民“冬闲”变“冬忙” around
        # “冬闲”变“冬忙”)
        place = re.match(r"([\u4e00-\u9fff]{2,8})\s*[：:]", t)
        return bool(place) and flat.endswith(bare) and len(bare) >= 5 and _place_named(place.group(1))
    parts = t.split()
    head = next((k for k in range(1, len(parts) + 1) if _HEADLINE_MARKS.sub("", "".join(parts[:k])) == before + bare), None)
    rest = " ".join(parts[head:]) if head else ""
    # (a second phrase of four characters at least: not a badge after the headline, 原创, 獨家)
    return head is not None and not (rest and (len(rest) > 30 or len(rest) < 4 or has_date(rest) or looks_like_site(rest) or is_site_name(rest)
                                               or credited_authors(rest) or re.match(r"[-_|｜—–]", rest)))


def _place_named(name: str) -> bool:
    """A place's name, in full or without its county's, district's or city's ending (延川 for
    延川县, 同安 for 同安区): not a column's (全球报道：…, 西湖评论：…, a place's name opening it),
    which the corpora leave out of the title."""
    return _gazetteer_place(name) or name[-1:] in _PLACE_ENDS and _starts_with_place(name)  # (哈巴河县, which the gazetteer may lack)


def _gazetteer_place(name: str) -> bool:
    """A place the gazetteer names, in full or without its county's, district's or city's ending
    (延川 for 延川县, 同安 for 同安区)."""
    return is_place_name(name) or any(is_place_name(name + end) for end in "县区市旗")


def break_inside_a_word(upper: str, lower: str, sentences: list[str]) -> bool:
    """Whether a narrow template broke one headline inside a phrase: the three Chinese characters
    either side of the break are printed together in one of `sentences` (the text: …农村人居环境 /
    整治提升工作推进会 over '…农村人居环境整治提升工作推进会。'); a kicker and its headline, or a
    headline's two phrases, are never run together there."""
    a, b = upper.strip(), lower.strip()
    # (a quotation's closing mark before the break is passed over, here and in the text, which may
    # quote the name otherwise: 某鄉「青年返鄉」 / 咖啡產業計畫成果發表 over '…「青年返鄉咖啡產業計畫」…')
    # (and a number's digits are the phrase's too: 关于公布某县2024年 / 第一批…的公告 over '…某县2024年第一批…')
    # (with the Chinese character before the number: 回眸2023年 over 全县… is a kicker, whatever
    # the text's sentence opening with 2023年全县… says)
    end = re.search(r"[\u4e00-\u9fff]{3}[”’」』》]?$|[\u4e00-\u9fff][0-9]+[\u4e00-\u9fff]{0,2}$", a)
    start = re.match(r"[“‘「『《]?[\u4e00-\u9fff0-9]{3}", b)
    if len(a) < 6 or len(b) < 3 or not end or not start:
        return False
    # (a closing mark is passed over; an opening one after the break must be printed there in the
    # text too: a kicker over a headline opening with a quotation, 走进某镇 / “帮扶车间”…, is no
    # phrase of '走进某镇帮扶车间')
    cross = _CLOSING_MARKS.sub("", end.group() + start.group())
    if len(re.findall(r"[\u4e00-\u9fff]", cross)) < 4:
        return False
    return any(cross in _CLOSING_MARKS.sub("", t) for t in sentences if t.strip() not in (a, b))


_CLOSING_MARKS = re.compile(r"[”’」』》]")


_COLON_OPENING = re.compile(r"^\s*([\u4e00-\u9fff]{2,8})\s*[:：]\s*\S")


def place_colon_headline(text: str) -> bool:
    """A headline opening with a place's name and a colon (射阳：一只河蟹“爬”出百亿产业链), the
    form of a county's news headline; not a speaker's or a column's label (漁民：…, 西湖评论：…)."""
    m = _COLON_OPENING.match(text)
    # (the gazetteer's name, or with its county's, district's or city's ending left off: 射阳, 象山;
    # or a town the gazetteer lacks by its ending, 某渡镇; not any word that opens a place's name,
    # 老兵：…, 商户：…, a group quoted)
    name = m.group(1) if m else ""
    return bool(m) and (_gazetteer_place(name) or len(name) >= 3 and name[-1] in _PLACE_ENDS)


def slogan_line(text: str) -> bool:
    """Two short parallel phrases with a space between (产业兴 乡村旺, 技能培训“搭台” 劳务输出“唱戏”,
    念好“山字经” 种好“摇钱树”): the form of a kicker or a deck, six characters a phrase at most."""
    parts = text.split()
    return len(parts) == 2 and all(
        re.fullmatch(r"[\u4e00-\u9fff“”‘’「」]+", p) and 2 <= len(re.findall(r"[\u4e00-\u9fff]", p)) <= 6 for p in parts)


def headline_of_two(upper: str, lower: str) -> str | None:
    """The upper of two headline-shaped lines printed one over the other where their forms tell
    it is the headline and the lower its deck: a headline opening with a place and a colon over
    two short parallel phrases (淳化县：… / 技能在手 增收有路) or over a deck of figures with no
    quotation in it; None otherwise, the line nearer the dateline being kept. A slogan alone tells
    nothing: main headlines are written so too (小小菌菇 撑起致富伞 under a topic's banner), and so
    are kickers (强村富民 共同富裕 over 象山：…); nor does a place and a colon alone (江山：以“两山”
    转化为… is a kicker over its headline)."""
    if place_colon_headline(upper) and not place_colon_headline(lower) and (
            slogan_line(lower) or re.search(r"[0-9]", lower) and not re.search(r"[“”「」‘’]", lower)):
        return upper  # (or over a deck of figures: 全县已建成高标准农田128万亩 小麦亩均增产150斤以上)
    return None


def name_beside_translation(text: str) -> str | None:
    """The Chinese name of '某某論壇 Christian Times' (`named_with_translation`), as printed; None otherwise."""
    m = _WITH_TRANSLATION.fullmatch(text.strip())
    return m.group(1) if m and named_with_translation(reading_form(text)) else None


# Where a blog's or forum's stamp of a post names its writer: 'posted @ 2024-05-09 14:45 某某 阅读(51)'
# (after the time, before the counters), '由某某张贴 @ 2005-03-21 01:20:44', '某某 发表于 2005-07-31'.
_STAMP_WRITER = (
    re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s+([^\s\d@|｜:：()（）][^\s|｜:：()（）]{1,19})\s+(?:阅读|评论|浏览|点击)"),
    re.compile(r"^由\s*([^\s@]{2,20}?)\s*(?:张贴|发表|发布)"),
    re.compile(r"^[Pp]osted by\s+(\S{1,20}?)\s+at\s+\d{1,2}:\d{2}"),  # (a blog platform's, posted by 某某 at 23:41 | 引用(0))
    re.compile(r"^([^\s\d@:：]{2,20}?)\s*(?:发表于|发布于)\s*[:：︰﹕]?\s*(?:19|20)\d\d"),
)


def stamp_writer(stamp: str) -> list[str]:
    """The writer a post's stamp names ([] when it names none): on a blog or forum the poster is
    the writer, and the stamp is where the platform prints their name."""
    for pattern in _STAMP_WRITER:
        m = pattern.search(stamp)
        if m:
            name = m.group(1).strip()
            if (name not in vocab.load("metadata.yml")["not_names"] and name.lower() not in vocab.load("metadata.yml")["not_authors"]
                    and not has_date(name) and not _boilerplate(name)):
                return [name]  # (not a platform's placeholder: posted by admin)
    return []


_HOST = re.compile(r"(?:主办单位|主办)\s*[:：︰﹕]\s*([\u4e00-\u9fff]{2,24})")


def host_name(footer: list[str]) -> str | None:
    """The body a government or institutional site names as its host in its footer (主办单位：…):
    the full name of the site a page title calls by a short suffix ('纪检')."""
    for text in footer:
        m = _HOST.search(text)
        if m:
            return paper_of(m.group(1))  # (主办：某某日报社: the paper)
    return None


def is_navigation_name(name: str) -> bool:
    """'版面导航', '往期回顾': a page's navigation (`navigation_ends`); '即時新聞頻道', '文化栏目':
    a channel named by a section word alone (`channel_ends` after one of `not_sources`), where
    '人民网-文化频道' names its site."""
    v = vocab.load("metadata.yml")
    if len(name) <= 4 and re.search(rf"(?:{v['navigation_ends']})$", name):
        return True  # (a short label: '某某升学导航', '读书节活动回顾' name an account and an article)
    channel = re.search(rf"(?:{v['channel_ends']})$", name)
    head = name[:channel.start()].strip() if channel else None
    return head is not None and (not head or head in v["not_sources"] or not _placeholder_rest(head, v["not_sources"]))


def site_or_host(site: str, host: str | None) -> str:
    """The site's full name: the host its footer names (主办：…) where the site's name is a part or
    a shortening of it ('纪检' in the page title, '某某大学纪检监察室' as the host), but not the
    office that runs the site for the body it names ('某某县人民政府' / '某某县人民政府办公室':
    `operating_offices` in metadata.yml)."""
    if not host or host == site or not (site in host or abbreviates(site, host)):
        return site
    office = host.startswith(site) and host[len(site):] in vocab.load("metadata.yml")["operating_offices"]
    return site if office else host


def outlet_or_none(name: str | None) -> str | None:
    """A source candidate read from the visible text, unless it is a place, a site's section, its
    navigation or a button (香港 beside the date, 港聞 in the byline slot, 版面导航 over the date): None
    lets the next kind of evidence speak."""
    if (not name or is_place_name(name) or name in vocab.load("metadata.yml")["not_sources"]
            or name in vocab.load("metadata.yml")["follow_buttons"]  # (名字 / 关注 / DATE: a card's button)
            or name in vocab.load("metadata.yml")["news_channels"] or is_navigation_name(name)
            or name in vocab.load("metadata.yml")["edition_suffixes"]):  # (数字报刊平台: an e-paper's label alone)
        return None
    return paper_of(without_edition(_ISSUE.sub("", name) or name))  # (某某杂志 799期, 某某日报社: the publication)


def names_creator_channel(name: str) -> bool:
    """Whether a source value is a portal's label for its creators' posts (澎湃新闻·澎湃号·政务,
    百家号: `creator_channels`), one of its parts between dots being such a channel."""
    channels = set(vocab.load("metadata.yml")["creator_channels"])
    return any(part.strip() in channels for part in re.split(r"[·・•]", name))


def _unit_label(text: str) -> bool:
    """Whether `text` (what stands before a value) ends with a label naming the publishing unit
    of a government page (`unit_labels`: 發布單位)."""
    return bool(re.search("(?:" + "|".join(map(re.escape, vocab.load("metadata.yml")["unit_labels"])) + r")\s*[:：︰﹕]?\s*$",
                          text.strip()))


def is_unit_name(text: str) -> bool:
    """A unit of a body named without the body ('農業課', '农业及观光课': `unit_name_ends`), no
    outlet; not a unit named with its body or place ('某某市政府新闻处', '某某县民政局办公室')."""
    return (len(text) <= 8 and bool(re.search(rf"(?:{vocab.load('metadata.yml')['unit_name_ends']})$", text))
            and not _BODY_IN_UNIT.search(text[:-1]))


def names_a_body(text: str) -> bool:
    """A body's or its unit's full name (某某部某某署, 某某縣政府建設處), not a person's: five
    characters or more ending as a body or a unit does. A content system's author field often
    holds the publishing body (DC.creator), which wrote no byline."""
    t = text.strip()
    return len(t) >= 5 and bool(re.search(rf"(?:{_BODY_ENDS}|部|院|{vocab.load('metadata.yml')['unit_name_ends']}|中心)$", t))


# a body's or a place's word before a unit's ending: the unit is named with its parent; a
# body's last character only where a word can end before it (not 社会课, 会计室: a unit's own word)
_BODY_IN_UNIT = re.compile(r"政府|公所|[省市县区乡镇縣區鄉鎮]|(?<=..)[局部委署院会厅社會廳]")


@lru_cache(maxsize=None)
def _county_short_names() -> frozenset[str]:
    """Counties' and cities' short names of two characters (连南, 保靖): what a county station's or
    paper's name opens with (连南台, 保靖报); no village's or person's two characters."""
    from ..places import gazetteer
    gaz = gazetteer.load()
    return frozenset(form for form, names in gaz.extra.items() if len(form) == 2 and any(len(n.code) in (4, 6) for n in names))


def is_place_name(text: str) -> bool:
    """A region's name, in either script: two characters that open a unit's name in the gazetteer
    (香港, 臺灣, 凉山), or a place abroad in `dateline_places` (吉隆坡, 清萊, 雲林縣): pages print one
    beside the date (the dateline's place) or as a section in the page title, where an outlet
    could stand."""
    from ..places.regions import name_index
    from ..script import to_simplified
    simple = to_simplified(text)
    if text in name_index() or simple in name_index():
        return True  # (two characters that open a unit's name: 香港, 凉山)
    # (a unit's full name stays a candidate: 来源：青山镇 names the town's government)
    return any(simple == p or simple[:-1] == p and simple.endswith(_PLACE_SUFFIXES) for p in _dateline_places())


def _place_length(text: str) -> int:
    """The length of the longest place name (`opens_with_place`'s kinds) that opens `text`; 0
    when none does."""
    from ..places.regions import name_index
    # (a dateline place with its suffix: 雲林縣, 台北市)
    best = max((len(p) + text.startswith(_PLACE_SUFFIXES, len(p)) for p in _dateline_places() if text.startswith(p)), default=0)
    for form in name_index().get(text[:2], ()):
        if text.startswith(form):
            best = max(best, len(form))
        elif form.endswith(_PLACE_SUFFIXES) and len(form) >= 3 and text.startswith(form[:-1]):
            best = max(best, len(form) - 1)
    return best


# An outlet and a date in brackets opening the text: 【看中国2005年07月03日报道】, （某某网2019年5月1日讯）.
_BRACKETED_REPORT = re.compile(r"^[【\[（(]\s*([\u4e00-\u9fffA-Za-z·]{2,12}?)\s*(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
                               r"\s*(?:讯|报道|报导|电|消息)\s*[】\]）)]")
_MARKUP_RESIDUE = re.compile(r"[<>{}]|\w=[\"']|^[\"'=]")


def _credit_pattern() -> re.Pattern:
    v = vocab.load("metadata.yml")
    # (two characters at least before the ending: 晚报记者 某某 names a kind of paper, not one)
    outlet = rf"([\u4e00-\u9fff]{{2,10}}?(?:{v['outlet_suffixes']}))"
    return re.compile(
        rf"^(?:据)?(?:{v['agencies']})"  # agency dateline
        rf"|(?:^|[·\s【\[（(])(?:据)?{outlet}(?:·[^·\s记]{{1,6}}|[╱/／])?(?:记者|讯|消息|[(（][\u4e00-\u9fff、]{{2,12}}[)）])"
        # a publication named in 《》 before its reporter, whatever its name ends with
        # (作者：《某某企业家》记者 某某): the brackets say it is a publication
        rf"|(?:^|[·\s【\[（(:：])(?:据)?《([^《》\s]{{2,20}})》\s*(?:特约记者|记者|讯)"
    )


# (the outlet may be followed by its reporter's credit: '2024-11-25 10:20 某某报 / 记者某某／台中报道')
# (or after a middle dot, as aggregators print it: '原创2024-11-25 10:20·某某日报'; '原创 DATE 某某'
# with a space names the writer, see _DATE_THEN_WRITER)
_STAMP = r"(?:19|20)\d\d\s*[-年/.]\s*\d\d?\s*[-月/.]\s*\d\d?日?(?:\s+\d\d?:\d\d(?::\d\d)?)?"
# (in those two forms only a name shaped like an outlet's: '高雄 / 記者…', '地方新聞 / 記者…' name a
# place and a desk)
_DATE_THEN_OUTLET = re.compile(rf"^(?:(?P<dot>(?:原创)?\s*{_STAMP}\s*·\s*)|{_STAMP}\s+)([\u4e00-\u9fff]{{2,12}})"
                               r"(?P<credit>\s*[/／|｜]\s*(?:记者|特派员|文|撰文|作者|编译|综合)\S*(?:\s\S+)*)?"
                               # (or the outlet's part in the piece in brackets: '… 某某星空[整理]')
                               r"(?P<role>\s*[\[【（(](?:整理|编辑|编译|综合|原创|转载)[\]】）)])?$")


# A wire dateline: outlet, place, day, 电 (（法新社羅馬19日電）, 新华社北京3月1日电).
_AGENCY_DATELINE = re.compile(r"^[（(【\[]?\s*(?:据)?([\u4e00-\u9fff]{1,6}?(?:社|网))(?:[\u4e00-\u9fff]{0,4}?(?:记者)[\u4e00-\u9fff·]{2,4}?)?"
                              r"[\u4e00-\u9fff]{1,8}?(?:\d{1,2}月)?\d{1,2}日\s*(?:电)")


def _boilerplate(text: str) -> bool:
    from .clean import pattern_reason  # a menu word (首页, 登录) after a date names no outlet
    return bool(pattern_reason(text))


def _self_reference(name: str) -> bool:
    """本报, 本站…: the publication speaking of itself, never an outlet's name."""
    refs = vocab.load("metadata.yml")["self_references"]
    return name in refs or any(name.startswith(r) for r in refs)


def _credited_in(text: str) -> str | None:
    v = vocab.load("metadata.yml")
    for m in _credit_pattern().finditer(text[:80]):
        name = m.group(1) or m.group(2) or re.match(rf"(?:据)?({v['agencies']})", m.group(0)).group(1)
        name = name.rsplit("丨", 1)[-1]  # (文丨某某日报记者: 丨 is a separator, though a CJK character)
        if len(name) >= 2 and not _self_reference(name):
            return name
    return None


_NAME_DATE = re.compile(r"^(?:原创)?\s*(?P<label>(?:本文|文章|信息|新闻|稿件)?(?:来源于|转自|转载自)\s*)?(?P<name>[\u4e00-\u9fffA-Za-z]{2,12}?)\s*(?:[（(](?=.*[）)]$))?(?:19|20)\d\d[-/.]\d\d?[-/.]\d\d?(?:\s+\d\d?:\d\d(?::\d\d)?)?[）)]?"
                        # (the byline's labelled fields after the date: 某某 DATE 作者：甲 责编：乙)
                        r"(?:\s+(?:作者|记者|责编|责任编辑|编辑)\s*[:：︰﹕]\S.*)?$")


def first_value(value: str) -> str:
    """The first item of a labelled value: '[ 人民网 ]' → '人民网', '光明网-《光明日报》2024-05-20' →
    '光明网-《光明日报》', '新华社 作者：…' → '新华社'."""
    value = value.strip(" \t[]【】")
    value = _DATE.split(value)[0] if _DATE.search(value) else value
    english = _ENGLISH_FIRST.match(value.strip())  # ('National Geographic 中文网', 'The Initium 端传媒')
    if english and _in_capitals(english.group(1)):
        return english.group(0).strip()
    return re.split(r"\s|[|｜]", value.strip())[0] if value.strip() else ""



def trailing_source(lines: list[Line], all_lines: list[Line], release=None) -> str | None:
    """A source credited after the text: a label (来源：…) or a reporter credit (新华日报·交汇点
    记者 …), but not a bare agency name, which after the text is another article's credit.
    (`release`: see `_labelled`.)"""
    labelled = labelled_source(sorted(lines, key=lambda l: l.number), all_lines, release=release, after_text=True)
    if labelled:
        return labelled
    for line in lines:
        m = _REPRINT_CREDIT.match(line.text)  # （《人民日报》2002年11月19日）, (摘自《某某报》第3版)
        if m and clean_source(m.group(1)):
            return clean_source(m.group(1))
    v = vocab.load("metadata.yml")
    for line in lines:
        if len(line.text) <= 40 and not re.match(rf"(?:据)?(?:{v['agencies']})", line.text):
            name = _credited_in(line.text)
            if name:
                return name
    return None


def shared_from(texts: list[str]) -> str | None:
    """The outlet a post says it was shared or reprinted from, in a sentence rather than after a
    label ('本文分享自某某社区《标题》，作者：某某。', '本文转载自某某网'): its name, when it is one
    (not a web address, a person or a placeholder). The sentence must say 本文/此文…: a paragraph
    opening '选自全省各地的…' or '摘自某出版社出版的《…》' names no outlet."""
    for t in texts:
        m = _SHARED_FROM.match(t.strip()) or _AUTHORIZED_REPRINT.match(t.strip())
        if m:
            name = outlet_or_none(clean_source(next(g for g in m.groups() if g)) or None)
            if name and not re.search(r"[./:]", name):
                return name
    return None


_SHARED_FROM = re.compile(r"^(?:本文|此文|该文|文章|原文)(?:分享自|转载自|转自|摘自|选自)\s*(?:微信公众号|公众号|微信号)?\s*[「“]?"
                          r"([^《》「」“”，,。；;\s的]{2,12}?)[」”]?\s*(?:《[^》]{1,60}》)?\s*(?:[，,。；;]|$)")


# 本文經《某某》授權轉載 (read in simplified form): the outlet that authorised the reprint
_AUTHORIZED_REPRINT = re.compile(r"^(?:本文|此文|该文|文章|原文)(?:经|获|已获)\s*[「“《]?([^《》「」“”，,。；;\s]{2,12}?)[」”》]?\s*"
                                 r"(?:授权|同意)(?:转载|刊登|刊载|转发)"
                                 # (本文經授權轉載自《某某雜誌》)
                                 r"|^(?:本文|此文|该文)(?:经|获)?授权(?:转载|转发)(?:自|于)\s*[「“《]?([^《》「」“”，,。；;\s（(]{2,12}?)(?:[」”》]|\s*[（(。，,]|$)")


_REPRINT_CREDIT = re.compile(r"^[（(]\s*(?:原载|摘自|转自|选自|刊于|载于)?\s*《([^》]{2,20})》"
                             r"\s*(?:(?:19|20)\d\d\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?\s*(?:第?\s*[A-Z\d]{1,4}\s*版)?\s*[)）]$")


def with_joined_pairs(lines: list[Line], near: int | None = None) -> list[Line]:
    """The lines, plus runs of two and three consecutive short lines among the last `near` (the
    byline just above the text) joined by spaces: a byline that a scraper split over lines
    ('中國時報' / '張立勳' / '／特稿 2013年…') is read as one."""
    start = max(0, len(lines) - near) if near else 0
    tail = lines[start:]
    menu = {i for i in range(len(tail)) if _menu_item(lines, start + i)}  # never part of a byline
    joined = []
    for n in (2, 3):
        for i in range(len(tail) - n + 1):
            run = tail[i:i + n]
            if all(len(l.text) <= 30 for l in run) and not menu.intersection(range(i, i + n)):
                joined.append(Line(run[0].number, " ".join(l.text for l in run)))
    return lines + joined


_NAME_SLASH_OUTLET = re.compile(r"^[\u4e00-\u9fff·]{2,4}\s*[／/]\s*([\u4e00-\u9fff]{2,12})$")


def byline_outlet(lines: list[Line], title: str | None = None) -> str | None:
    """The outlet printed on a byline beside its writer or date: '中國時報 張立勳／特稿 2013年…',
    '原创 南方都市报 2019-09-09 16:01:46' (aggregators and WeChat print the account this way)."""
    suffixes = vocab.load("metadata.yml")["outlet_suffixes"]
    # (a credit's value under its role, 責任編輯 / 某某 / DATE: a person, no outlet)
    credited = {b.text.strip() for a, b in zip(lines, lines[1:]) if _role_alone(a.text)}
    for line in lines:
        t = line.text
        if len(t) > 60:
            continue
        m = _NAME_DATE.match(t)
        if m and m.group("name") in credited:
            continue
        # (glued to its date, only a name shaped like an outlet's, never a label: '时间2024-11-25',
        # '管理员2024-…'; and not the headline, which may end in its date)
        name = m.group("name") if m else None
        glued = m is not None and t[m.end("name"):m.end("name") + 1].isdigit()
        if (m and clean_source(name) and name != title and not _is_label(name)
                and not (title and title.startswith(name))
                and (not glued or m.group("label") or is_outlet_name(name) or is_site_name(name))):
            return clean_source(name)
        m = _NAME_SLASH_OUTLET.match(t)
        if m and re.search(rf"(?:{suffixes})$", m.group(1)) and not not_an_outlet(m.group(1)):
            return m.group(1)  # '石佳/中国青年报': writer / outlet
        if outlet := broadcast_outlet([t]):
            return outlet
        if credited_authors(t):
            first = t.split()[0] if " " in t else ""
            if 2 <= len(first) <= 12 and not re.search(r"[:：︰﹕]", first) and (re.search(rf"(?:{suffixes})$", first) and not not_an_outlet(first) or _named_app(first)):
                return first  # (某某日报 记者 甲; 某某新闻客户端 记者 甲: the outlet's app)
            glued = _outlet_before_reporter().match(t.lstrip(_BYLINE_MARKS))
            if glued and _named_outlet(glued.group(1)) and not _self_reference(glued.group(1)):
                return glued.group(1)  # '□某某日报全媒体记者 王某': the paper its reporter writes for
    return None


def blog_owner(texts: list[str]) -> list[str]:
    """The blogger a blog platform's page names under its profile box's heading (个人资料 /
    某某老周), when the page-title line ends with a blog platform's name (`blog_platform_ends`):
    the writer of a post no byline credits. [] otherwise."""
    v = vocab.load("metadata.yml")
    if not texts or not re.search(rf"{_blog_platform().pattern}\s*$", texts[0]):
        return []
    labels, box = set(v["profile_labels"]), set(v["profile_box_words"])
    office = re.compile(rf"(?:{v['office_ends']})$")
    for label, name in zip(texts, texts[1:]):
        n = name.strip()
        if (label.strip() in labels and re.fullmatch(r"[\u4e00-\u9fff\w·]{2,12}", n) and not _boilerplate(n)
                and n not in box and not office.search(n)):  # (a menu's next word, an office's own blog)
            return [n]
    return []


def not_an_outlet(name: str) -> bool:
    """A word ending like an outlet that names none ('平台', '合作社', '某某出版社': `not_outlet_ends`)."""
    return bool(re.search(rf"(?:{vocab.load('metadata.yml')['not_outlet_ends']})$", name))


def _named_app(name: str) -> bool:
    """'某某新闻客户端': an outlet's app by its name (`app_suffixes`, two characters at least before)."""
    return bool(re.fullmatch(rf"[\u4e00-\u9fff]{{2,}}(?:{vocab.load('metadata.yml')['app_suffixes']})", name))


def _named_outlet(name: str) -> bool:
    """An outlet's own name, not only its kind: two characters at least before the ending
    ('某某日报'; '晚报记者 某某' names a kind of paper, not one)."""
    suffixes = vocab.load("metadata.yml")["outlet_suffixes"]
    return is_outlet_name(name) and bool(re.fullmatch(rf"[\u4e00-\u9fff]{{2,}}(?:{suffixes})", name))


_BYLINE_MARKS = "□■▲△◆◇●○·• \u3000"


@lru_cache(maxsize=None)
def _outlet_before_reporter() -> re.Pattern:
    """An outlet's name run into its reporter's title: '某某日报全媒体记者', '某某新聞網記者'
    (`reporter_desks` and `reporter_words` in metadata.yml)."""
    v = vocab.load("metadata.yml")
    return re.compile(rf"([\u4e00-\u9fff]{{2,12}}?)(?:{v['reporter_desks']})?{v['reporter_words']}")


def reposted_account(texts: list[str]) -> str | None:
    """The account a WeChat repost's card names ('以下文章来源于某某，作者某某': `repost_card` in
    sections.yml): the post's origin, before the reposting account's own name."""
    card = re.compile(vocab.load("sections.yml")["repost_card"])
    return next((clean_source(m.group(1)) for t in texts if (m := card.match(t.strip()))), None)


@lru_cache(maxsize=None)
def _section_end() -> re.Pattern:
    """How a section of a body is named (`section_ends`: 市场信息科, 宣传科)."""
    return re.compile(f"(?:{vocab.load('metadata.yml')['section_ends']})$")


def reposted_writer(texts: list[str]) -> list[str]:
    """The writer a WeChat repost's card names after its account ('以下文章来源于某某日报，作者
    某某'), when it reads as a person's name: the writer of the reposted article, read where
    nothing else names one."""
    card = re.compile(vocab.load("sections.yml")["repost_card"])
    for t in texts:
        m = card.match(t.strip())
        if m and m.group(2) and not (_INSTITUTION.search(m.group(2)) or _DESK.search(m.group(2)) or _section_end().search(m.group(2))):
            return byline_names(m.group(2))  # (not a department: 作者宣传科)
    return []


def broadcast_credit(text: str) -> tuple[str, list[str]] | None:
    """(outlet, writers) of a broadcaster's credit printed as a byline line of its own, the
    outlet before its writers and the place ('某視新聞/甲、乙 某地報導', '某視新聞 甲 乙 某地報導'), read as the same credit
    closing a text in brackets is (`closing_outlet_credit`); None for any other line."""
    if len(text) > 40:
        return None
    credit = closing_outlet_credit("（" + text.strip() + "）")
    if re.search(r"[／/]", text) or credit and credit[1]:
        return credit  # (without its slash only when it names writers: 某視新聞 甲 乙 某地報導)
    return None


def broadcast_outlet(texts: list[str]) -> str | None:
    """The outlet of the first broadcaster's credit among `texts` that names its writers."""
    return next((credit[0] for t in texts if (credit := broadcast_credit(t)) and credit[1]), None)


def names_a_section(source: str, site: str | None) -> bool:
    """Whether a credited source is a section of the body whose site the page is (来源：市场信息科
    on the 某某县农业农村局 site: `section_ends`): the body, the site, is the source. Not on another
    kind of site, where such a name is an outlet (百度百科, 腾讯自选股)."""
    return bool(site and (_INSTITUTION.search(site) or site.endswith("政府"))
                and re.fullmatch(r"[\u4e00-\u9fff]{3,8}", source) and bool(_section_end().search(source))
                and not opens_with_place(source))


def abbreviates(short: str, full: str) -> bool:
    """'省发改委' abbreviates '浙江省发展和改革委员会': its characters appear in order in the
    longer name (the way Chinese bodies shorten their names)."""
    if len(short) < 2 or len(short) * 2 > len(full) + 2 or full.startswith(short) or short in full:
        return False  # (明報 in 每日明報: the name itself, not a shortening of it)
    it = iter(full)
    return all(ch in it for ch in short)


def disclosure_table(lines: list[Line]) -> bool:
    """Whether `lines` hold a government page's information-disclosure table (a label of
    `disclosure_labels` among them): a date labelled there is the page's."""
    return any(_disclosure_label().search(l.text[:12]) for l in lines)


def opens_with_label(text: str) -> bool:
    """Whether a line opens with a source label (来源：…, （来源：…）): the article's own credit
    after its text, not a related item's credit at the end of its teaser."""
    return bool(_opening_source_label().match(text))


@lru_cache(maxsize=None)
def _disclosure_label() -> re.Pattern:
    return re.compile(vocab.load("metadata.yml")["disclosure_labels"])


@lru_cache(maxsize=None)
def _opening_source_label() -> re.Pattern:
    return re.compile(rf"[（(【\[]?\s*(?:{'|'.join(map(re.escape, vocab.load('metadata.yml')['source_labels']))})")


def labelled_source(lines: list[Line], all_lines: list[Line], release=None, after_text: bool = False) -> str | None:
    """The first outlet a label credits among `lines` (来源：…, 发文机关：…). A disclosure table's
    issuing body (发布机构：某某县人民政府办公室) yields to the page's own 来源 line printed with its
    date (来源：县政府办公室): the table files the page under a body, the line credits the text,
    as it is cited; not to a unit named alone there (来源：办公室), nor to a column's name that
    names no body or outlet (来源：部门信息). `release`: see `_labelled`. `after_text`: the lines
    follow the text, where a disclosure label (发布机关：某部) is a fact box's, not the page's."""
    issuer = None
    for line, value in _labelled(lines, all_lines, "source_labels", release):
        cleaned = clean_source(first_value(value))
        if not cleaned:
            continue
        if not _disclosure_label().match(line.text.lstrip("（(【[ \t")):
            if issuer is None or not is_unit_name(cleaned) and _names_someone(cleaned):
                return cleaned
        elif issuer is None and not after_text:
            issuer = cleaned
    return issuer


def own_unit(site: str | None):
    """The `release` predicate of `labelled_source` that reads a 资料来源 line only where it names
    a unit of the site's own body (`unit_of`)."""
    return lambda _line, value: bool(site) and unit_of(value.strip(), site)


def unit_of(name: str, site: str) -> bool:
    """Whether `name` is a unit of the body whose site this is: it opens with the body's name as
    the site names it (某某縣政府農業處 on 某某縣政府全球資訊網), a body's ending closing that part."""
    shared = os.path.commonprefix([name, site])
    return len(shared) >= 4 and len(name) > len(shared) and bool(_BODY_NAME_END.search(shared))


def _names_someone(name: str) -> bool:
    """Whether a credited name names a body, a site or an outlet (县人社局, 某某日报), not a column
    of the site (部门信息, 镇街动态)."""
    return names_a_body(name) or bool(_INSTITUTION.search(name)) or is_outlet_name(name) or is_site_name(name)


def find_source(meta_lines: list[Line], all_lines: list[Line], first_paragraphs: list[str]) -> str | None:
    """The credited origin, by strength of evidence: a labelled value (来源：, 发文机关：), then a
    dateline or reporter credit (新华社…电, 天山网讯, 河南商报记者, 新疆民生网(记者名)), then a
    'date outlet' line, then the WeChat account card. None when nothing credits an outlet; the
    caller falls back to the publishing site."""
    ordered = sorted(meta_lines, key=lambda l: l.number)
    labelled = labelled_source(ordered, all_lines)
    if labelled:
        return labelled
    for par in first_paragraphs:
        m = _BRACKETED_REPORT.match(par)
        if m and not _self_reference(m.group(1)) and clean_source(m.group(1)):
            return clean_source(m.group(1))  # 【看中国2005年07月03日报道】
        m = _AGENCY_DATELINE.match(par)
        if m and not _self_reference(m.group(1)):
            return m.group(1)  # （法新社羅馬19日電）, 中央社記者…台北22日電
        m = _DATELINE.match(par)
        dated = (m.group(1) or m.group(2)) if m else None
        name = _credited_in(par) or (dated if dated and not _self_reference(dated) and not _place_dateline(dated, par[m.end():])
                                     else None)
        if name:
            return name
    for line in ordered:
        if len(line.text) <= 40:
            name = _credited_in(line.text)
            if name:
                return name
        m = _DATE_THEN_OUTLET.match(line.text)
        if (m and not _boilerplate(m.group(2)) and m.group(2) not in vocab.load("metadata.yml")["not_sources"]
                and (not (m.group("dot") or m.group("credit") or m.group("role")) or is_outlet_name(m.group(2))
                     # (with its part in brackets, a site's name printed alone again and again, its
                     # logo and menu: not a member's name, 某某老张[整理])
                     or m.group("role") and sum(l.text.strip() == m.group(2) for l in all_lines) >= 3)):
            return m.group(2)
    for a, b in zip(ordered, ordered[1:]):  # the same, printed over two lines (scrapers split spans)
        if b.number == a.number + 1 and _BARE_DATE.fullmatch(a.text) and re.fullmatch(r"[\u4e00-\u9fff]{2,12}", b.text):
            if not _boilerplate(b.text) and b.text not in vocab.load("metadata.yml")["not_sources"] and is_outlet_name(b.text) or \
                    re.search(r"消息|新闻|时报|日报", b.text):
                return b.text
    for a, b in zip(all_lines[:12], all_lines[1:13]):
        if b.text.startswith(("微信号", "微信号")) and 2 <= len(a.text) <= 20:
            return a.text
    return None


def _place_dateline(name: str, story: str) -> bool:
    """Whether the name before 讯 opening a text is the place reported from, not an outlet
    （江沙讯）, （吉隆坡讯）, as overseas papers date their stories: a known place, or a name the
    story then speaks of as a place (霹雳江沙一个华人新村…). Not a name that ends as an outlet's or
    a news brand's does (新华社讯, 天山网讯, 大皖新闻讯, 津云讯: `brand_ends`), nor one the story
    names only as its reporters' employer (某某记者, 某某获悉: `after_employer`)."""
    if is_place_name(name):
        return True
    if is_outlet_name(name) or re.search(rf"(?:{vocab.load('metadata.yml')['brand_ends']})$", name):
        return False
    return bool(re.search(re.escape(name) + f"(?!{vocab.load('metadata.yml')['after_employer']})", story[:200]))


_ACCOUNT_CHARS = re.compile(r"[\w·・ \-]+")
_ORIGINAL_MARK = re.compile(r"(?:原创)(?:\s*[:：︰﹕]?\s+[\w·・]{2,12}|\s*[:：︰﹕]\s*[\w·・]{2,12})?")
_BARE_DATE = re.compile(r"(?:(?:发布时间|发布于|时间)\s*[:：︰﹕]?\s*)?(?:(?:19|20)\d\d\s*[-年/.]\s*)?\d{1,2}\s*[-月/.]\s*\d{1,2}日?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?"
                        r"(?:\s*(?:发布于|IP\s*属地\s*[:：︰﹕]?)\s*[\u4e00-\u9fff]{2,9}|(?<=\d)\s*(?!星期|周|礼拜)[\u4e00-\u9fff]{2,3})?")  # (the place a platform stamps beside it, labelled or not)


@lru_cache(maxsize=None)
def _official_account_patterns() -> tuple[re.Pattern, re.Pattern]:
    v = vocab.load("metadata.yml")
    return (re.compile("(?:" + "|".join(map(re.escape, v["official_account_marks"])) + r")$"),
            re.compile(rf"发布于\s*{v['ip_locations']}"))


def official_account(header: list[Line]) -> str | None:
    """The account a platform names on its byline as '…官方账号' (腾讯新闻·某某日报官方账号,
    '2024-11-25 10:20发布于北京某某日报官方账号'): the name before the mark, after the platform's
    name and '·', or after the date and the place the platform stamps."""
    mark, stamp = _official_account_patterns()
    for line in header:
        m = mark.search(line.text)
        if not m:
            continue
        before = line.text[:m.start()]
        placed = None
        for placed in stamp.finditer(before):
            pass
        if placed:  # '…发布于北京某某日报官方账号'
            name = before[placed.end():].strip()
        elif re.fullmatch(r"[^·\s]{2,10}·[^·]+", before):  # '腾讯新闻·某某日报官方账号'
            name = before.split("·", 1)[1].strip()
        else:
            continue  # (a sub-heading about official accounts names none: 如何辨别真假官方账号)
        if 2 <= len(name) <= 20 and re.fullmatch(r"\w+", name):
            return name
    return None


def account_name(header: list[Line], title: str | None = None) -> str | None:
    """The account or outlet a platform prints beside the date on an article's byline (WeChat,
    aggregators): a short name printed twice in a row next to a date line (the account card and
    the byline), a short name directly followed by a date or a relative date (昨天, 3小时前), or
    one right under the platform's 原创 mark (with the writer's name on it)."""
    relative = re.compile(vocab.load("metadata.yml")["relative_dates"])
    follow = set(vocab.load("metadata.yml")["follow_buttons"])
    header = [l for l in header if l.text not in follow]  # the account card's follow button
    # (the account's description under its name, 某某县委宣传部官方账号, stands between name and date)
    described = _official_account_patterns()[0]
    header = [l for l in header if not (described.search(l.text) and len(l.text) <= 30 and not _date_in(l.text))] or header
    for i, line in enumerate(header):
        t, nxt = line.text, header[i + 1].text if i + 1 < len(header) else ""
        after = header[i + 2].text if i + 2 < len(header) else ""
        if (i and _ORIGINAL_MARK.fullmatch(header[i - 1].text) and credited_authors(t) and after.startswith(("发表于", "發表於"))
                and 2 <= len(nxt) <= 20 and _ACCOUNT_CHARS.fullmatch(nxt) and not _boilerplate(nxt)):
            return nxt  # (原创 / 文/甲 图/乙 / the account / 发表于某地: the account after the writers' credit)
        if (not (2 <= len(t) <= 20) or _PROSE_PUNCT_ANY.search(t.replace(" ", "")) or _date_in(t) or t == title
                or not _ACCOUNT_CHARS.fullmatch(t) or _boilerplate(t) or t in vocab.load("metadata.yml")["not_sources"]
                or _DATE_LABEL.fullmatch(t) or _HEADLINE_PHRASES.search(t) or title and len(t) >= 6 and title.endswith(" " + t)
                or re.match(r"(?i)by\s", t)):  # ('by 某某' over the date: a writer's credit)
            continue  # (原创 before the date is a label of the post, not its account; nor 来信时间 over its date;
            # nor a subtitle over the date: two phrases apart, 某某驻场 轮候时间缩短, or the headline's second half;
            # an institution's own account naming itself at the headline's start is one)
        near = [l.text for l in header[max(0, i - 2):i + 3]]
        if nxt == t and any(_date_in(x) for x in near):
            return t
        if i and _ORIGINAL_MARK.fullmatch(header[i - 1].text):
            after = header[i + 2].text if i + 2 < len(header) else ""
            if (2 <= len(nxt) <= 20 and _ACCOUNT_CHARS.fullmatch(nxt) and not _date_in(nxt) and _BARE_DATE.fullmatch(after)
                    and not _boilerplate(nxt) and nxt not in vocab.load("metadata.yml")["not_sources"]):
                return nxt  # (原创 / the writer field / the account / its date: the account is the second name)
            return t  # the account right under the platform's 原创 mark and its writer (原创 脖子哥 / 差评)
        if (nxt and (_BARE_DATE.fullmatch(nxt) or relative.fullmatch(nxt)) and not _NOT_TITLE.search(t)
                and not (i and _role_alone(header[i - 1].text))  # (責任編輯 / 某某 / DATE: a credit's value, no account)
                # (nor a long phrase that names nothing, a subtitle over the date: 某某義工逐家探訪送福袋)
                and not (len(t) >= 10 and not (is_site_name(t) or is_outlet_name(t) or _INSTITUTION.search(t)))):
            return t
    return None


@lru_cache(maxsize=None)
def _role_pattern() -> re.Pattern:
    roles = vocab.load("metadata.yml")["editor_roles"]
    return re.compile(rf"(?:責任|责任)?(?:{roles}|攝影|摄影|設計|设计|文字|撰文|作者|記者|记者|美编|美編|插畫|插画|繪圖|绘图)\s*[:：︰﹕]?")


def _role_alone(text: str) -> bool:
    """A credit's role alone on its line (責任編輯, 攝影, 文字), its name on the next."""
    return bool(_role_pattern().fullmatch(text.strip()))


# two phrases of a headline set apart by a space (物理治疗师驻场 轮候时间料缩短一半): no account's name
_HEADLINE_PHRASES = re.compile(r"[\u4e00-\u9fff]{4,}\s+[\u4e00-\u9fff]{4,}")


# a date's label printed in its own cell over the date (来信时间 / 2024-04-02), no account
_DATE_LABEL = re.compile(r"[\u4e00-\u9fff]{0,4}(?:时间|時間|日期)")


# A WeChat article's meta row flattened onto one line by a scraper or a reader mode: the 原创
# mark, the writer (when the account names one), the account, the time and the region
# ('原创 某某 某某零距离 2023-12-04 21:08 发表于新疆').
_FLAT_WECHAT_ROW = re.compile(r"^(原创|原創)\s+(\S{2,12}(?:\s+\S{2,12}){0,3}?)(?:\s+(\S{2,20}))?\s+((?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?"
                              r"(?:\s+\d{1,2}:\d{2})?)(?:\s+((?:发表于|發表於)\S{2,8}|[\u4e00-\u9fff]{2,8}))?$")  # (the region, with 发表于 or alone)


# the same row without the 原创 mark, where only WeChat prints it so: the account twice, or once
# with 发表于 and the region after the date ('某某融媒 某某融媒 2023年06月05日 21:03 甘肃',
# '某某人社 2023-01-31 17:30 发表于贵州')
_BARE_WECHAT_ROW = re.compile(r"^(?:([^\s\d]{2,20})\s+\1|([^\s\d]{2,20}))\s+((?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?"
                              r"(?:\s+\d{1,2}:\d{2})?)(?:\s+((?:发表于|發表於)\S{2,8}|[\u4e00-\u9fff]{2,8}))?$")


def wechat_row_names(text: str) -> list[str]:
    """The names a flattened WeChat meta row prints ('原创 某某县融媒体中心 某某发布 2024-10-22 19:30
    贵州': the writer field and the account), none for any other line."""
    m = _FLAT_WECHAT_ROW.match(text)
    if m:
        return [n for n in (m.group(2), m.group(3)) if n]
    bare = _BARE_WECHAT_ROW.match(text)  # ('某某发布 2023年09月12日 18:00 陕西': the account alone)
    return [bare.group(1) or bare.group(2)] if bare and bare.group(4) else []


# WeChat's meta row flattened with the account printed twice (the byline's name and the profile
# card's): '原创 某某 某某融媒 某某融媒' (the mark, the writer, the account), or '某某发布 某某发布'.
_DOUBLED_ACCOUNT = re.compile(r"^(?:(?:原创|原創)\s+(?:(\S{2,12})\s+)?)?([^\s\d]{2,20})\s+\2$")


def doubled_account(texts: list[str], title: str | None) -> tuple[str | None, list[str]]:
    """(the account a flattened WeChat meta row prints twice, [the writer it names before it] when
    that reads as a name) of the first such row among `texts`; (None, []) when there is none."""
    for t in texts:
        m = _DOUBLED_ACCOUNT.match(t.strip())
        if m and not _boilerplate(m.group(2)) and not has_date(m.group(2)):
            writer, account = m.group(1), m.group(2)
            return account, [writer] if writer and _slot_name(writer, account, title) else []
    return None, []


def unflattened(lines: list[Line]) -> list[Line]:
    """The lines with a flattened WeChat meta row set out one field a line, as the page prints
    them, so that the rules for the account, its writer and the date read it as they read the
    page (the row's line number for every field)."""
    out = []
    for line in lines:
        m = _FLAT_WECHAT_ROW.match(line.text)
        bare = _BARE_WECHAT_ROW.match(line.text) if m is None else None
        if bare and (bare.group(1) or bare.group(4) and bare.group(4).startswith(("发表于", "發表於"))):
            name, stamp, region = bare.group(1) or bare.group(2), bare.group(3), bare.group(4)
            out.extend(Line(line.number, t) for t in [name] * (1 + bool(bare.group(1))) + [stamp, region] if t)
            continue
        parts = line.text.split()  # ('某某县融媒体中心 3天前 新疆': the account, a relative time, the region)
        if (m is None and len(parts) == 3 and re.fullmatch(vocab.load("metadata.yml")["relative_dates"], parts[1])
                and re.fullmatch(r"[^\s\d]{2,20}", parts[0]) and re.fullmatch(r"(?:发表于|發表於)?[\u4e00-\u9fff]{2,8}", parts[2])
                and byline_names(parts[0]) != [parts[0]]):  # (not a person's name beside the time: a writer's)
            out.extend(Line(line.number, t) for t in parts)
            continue
        if m is None:
            out.append(line)
            continue
        mark, first, second, stamp, region = m.groups()
        # (two names: the mark and the writer on a line, as the page prints them, then the account)
        fields = [f"{mark} {first}", second] if second else [mark, first]
        out.extend(Line(line.number, t) for t in fields + [stamp, region] if t)
    return out


# (a scraper joining inline fields may leave no space before the name: '原创2018-04-07某某')
_DATE_THEN_WRITER = re.compile(r"^(?:原创)?\s*(?:19|20)\d\d[-/.]\d\d?[-/.]\d\d?(?:\s+\d\d?:\d\d)?(?:\s+|(?=[^\d\s:]))(\S{2,12})$")


def wechat_row_writer(texts: list[str], title: str | None = None) -> list[str]:
    """The writers a flattened WeChat meta row names before its account ('原创 甲 某某发布 DATE'),
    whatever the post credits as its source elsewhere (来源：某某县融媒体中心): each a person's name."""
    for t in texts:
        m = _FLAT_WECHAT_ROW.match(t.strip())
        if m and m.group(3):
            names = m.group(2).split()
            if byline_names(" ".join(names)) == names and all(_slot_name(n, m.group(3), title) for n in names):
                return names
    return []


def byline_slot_writer(header: list[Line], account: str | None, title: str | None = None) -> list[str]:
    """The writer a platform prints in its byline slot just before the account's name, which
    the account card repeats ('原创 / 2018-04-07 / 闲云野鹤 / 闲云野鹤古刹 / 闲云野鹤古刹'): a short
    name that is neither the account, a date, a label nor the title."""
    if not account:
        return []
    texts = [l.text for l in header]
    for i in range(1, len(texts)):
        marked = _MARK_AND_WRITER.match(texts[i - 1])  # '原创 kingname / 未闻Code': mark and writer on one line
        if texts[i] == account and marked and marked.group(1) and _slot_name(marked.group(1), account, title):
            return [marked.group(1)]
        names = marked.group(2).split() if texts[i] == account and marked and marked.group(2) else []
        if names and byline_names(" ".join(names)) == names:
            return names  # ('原创 甲 乙 / 某某融媒': the writers' names, each a person's)
    for i in range(1, len(texts) - 1):
        if texts[i] == account and texts[i + 1] == account:
            t = texts[i - 1]
            dated = _DATE_THEN_WRITER.match(t)  # '原创 2018-01-03 58沈剑': the slot printed after the date
            t = dated.group(1) if dated else t
            return [t] if _slot_name(t, account, title) else []
    return []


_MARK_AND_WRITER = re.compile(r"^(?:原创)(?:\s*[:：︰﹕]\s*|\s+|(?=[A-Za-z]))(?:(\S{2,12})|(\S{2,12}(?:\s+\S{2,12}){1,3}))$")  # ('原创kingname' glued)


def _slot_name(t: str, account: str, title: str | None) -> bool:
    """Whether `t`, printed in a platform's byline slot, is a writer's name: short, neither the
    account, a date, a label nor the title."""
    return (2 <= len(t) <= 12 and t not in (account, title) and t not in vocab.load("metadata.yml")["not_sources"]
            and not _date_in(t) and not _BARE_DATE.fullmatch(t) and bool(_ACCOUNT_CHARS.fullmatch(t))
            and not _PROSE_PUNCT_ANY.search(t) and not _boilerplate(t) and account not in t)


# A writer's name: two to four characters; or a transliterated name (Uyghur, Kazakh, Tibetan…
# names of Xinjiang and Tibet reporters): parts joined by a middle dot (阿依古丽·买买提), or five
# or six characters standing alone (古再丽努尔 before a space, a bracket or the end of the credit;
# never before prose punctuation: 向记者自曝实验秘密，).
# (never one holding a role word, 陈曦见习记者, nor ending like a body, 中国气象局: `not_name_ends`)
_ROLE_IN_NAME = r"(?![\u4e00-\u9fff]{0,4}(?:记者|記者|见习|見習|实习|實習|通讯|通訊|编辑|編輯|特约|特約|报道|報導|报导))"
_NAME = (rf"(?:{_ROLE_IN_NAME}[\u4e00-\u9fff]{{1,8}}[·・•‧][\u4e00-\u9fff]{{1,8}}(?:[·・•‧][\u4e00-\u9fff]{{1,8}})?"
         rf"|{_ROLE_IN_NAME}[\u4e00-\u9fff]{{5,6}}(?=\s|$|[|｜/／)）\]】])|[\u4e00-\u9fff·]{{2,4}})")


@lru_cache(maxsize=None)
def _author_patterns() -> tuple:
    v = vocab.load("metadata.yml")
    # (a further name never opens another field's label: 作者：甲  责任编辑：乙 holds no writer 责任)
    names = (rf"({_NAME}(?:(?:\s*[、&＆]\s*|\s+)(?!{_next_label().pattern}){_NAME}){{0,5}})"
             rf"(?={_next_label().pattern}|{v['name_enders']})")
    # (记者会 / 記者會 / 记者招待会 is a press conference: 在記者會上稱 credits no one)
    reporter = re.compile(rf"{v['reporter_words']}(?![会招])\s*[:：︰﹕|｜/／]?\s*{names}")  # (某某新闻记者 | 某某, 记者/某某)
    # a role or an affiliation between the label and the name (文/观察者网专栏作者 王文, 作者：某某大学历史学院郭伦)
    role = (rf"(?:[\u4e00-\u9fff]{{0,8}}?(?:{v['reporter_words']}|{v['writer_roles']})"
            rf"|[\u4e00-\u9fff]{{2,14}}(?:{v['affiliation_ends']})(?:{v['job_titles']})?)?")
    labelled = re.compile(rf"(?:^|[（(【\[\s》」])(?:{v['author_labels']})(?:\s*[:：︰﹕/／|｜丨・‧]|\s)\s*{role}\s*{names}"
                          rf"|(?:{v['strong_author_labels']})\s*[:：︰﹕/／丨]\s*{role}\s*{names}"
                          rf"|(?:(?<=[|｜])|^(?=[^|｜]*[|｜]))\s*(?:作者|记者)\s*({_NAME})\s*(?=[|｜]|$)")
    photo = re.compile(rf"(?:{v['photo_labels']})\s*[:：/／]\s*({_NAME})\s*(?:摄)")
    # 張立勳／特稿, 陳冠勳 張梓嘉 溫正衡／新北 台南報導 (names, then the places reported from)
    slash = re.compile(rf"(?:^|[\s【\[（(])({_NAME}(?:\s+{_NAME}){{0,5}})\s*[／/╱]\s*(?:特稿|文|(?:\S{{1,4}}\s+){{0,3}}\S{{0,4}}(?:报道|报导)"
                       rf"|[\u4e00-\u9fff]{{1,10}}(?:{v['outlet_suffixes']})$)")
    sources = "|".join(map(re.escape, v["source_labels"]))
    after_source = re.compile(rf"(?:{sources})\s*[:：︰﹕]\s*\S+\s+({_NAME})$")
    # 本贴由大卫于2005年8月12日16:12:21在〖…〗发表: a forum's posting line names its poster
    # (本帖最后由某某于…编辑: only the poster edits the post)
    posted = re.compile(r"(?:本贴|本帖|本文)(?:最后)?由\s*([^\s于]{2,16}?)\s*(?:于)\s*(?:19|20)\d\d")
    # 新华社北京5月19日电（刘艺、杨吉）: writers in the dateline's brackets, without a label
    dateline = re.compile(rf"\d{{1,2}}日\s*(?:电)\s*[（(]\s*({_NAME}(?:[、，, ]\s*{_NAME}){{0,5}})\s*[）)]")
    # 2004年7月16日08:19 [ 黄宇 ] 来源：[ 国际金融报 ]: a name in brackets between the date and 来源
    bracketed = re.compile(rf"(?:19|20)\d\d.{{0,24}}?[\[【]\s*({_NAME}(?:[、 ]{_NAME}){{0,3}})\s*[\]】]\s*(?:{sources})\s*[:：︰﹕]")
    # 2014/03/19 18:58 彭佳芸 黃翊真 報導: names standing before 报道
    # (a space before 报道: 专题报道, 活动报道 are channel names, not a name glued to the verb)
    reported = re.compile(rf"(?:^|[\s】）)])({_NAME}(?:[、 ]{_NAME}){{0,5}})\s+(?:报道|报导)(?![\u4e00-\u9fff])")
    # 上報快訊／范姜佳鈺 2020年03月12日: a news desk, then the writer and the time
    desk = re.compile(rf"(?:{v['desk_words']})\s*[／/╱]\s*({_NAME})(?=\s+(?:19|20)\d\d|\s*$)")
    # 楼主：某某某某　发表于 2019-2-11 21:34: a forum thread's starter, a nickname of any length
    starter = re.compile(r"(?:楼主|樓主)\s*[:：︰﹕]\s*([^\s:：︰﹕]{2,16})(?=\s+(?:发表于|發表於|发表|發表)\s*\S)")
    return (reporter, labelled, photo, slash, after_source, dateline, reported, bracketed, posted, desk, starter,
            frozenset(v["not_names"]))


_DESK = re.compile(r"(中心|组|部|频道)$")
# text and pictures by the same hand (文/图 某某, 图文：某某): a writer's credit
_TEXT_AND_PICTURES = re.compile(r"文\s?[/／、&＆]?\s?图|图\s?[/／、&＆]?\s?文")
# where a photographer's credit starts on a line that credits a writer first (文／甲　摄影／乙)
_PHOTO_LABEL = re.compile(r"(?:摄影者|摄影|摄像|图片|图|摄)\s*[:：︰﹕/／|｜丨・‧]|(?<=\s)(?:摄影|摄像)(?:记者)?\s")  # (记者 甲 摄影记者 乙)
# a writer's credit after a photographer's (图／乙 文／甲)
_WRITER_LABEL = re.compile(r"(?:^|(?<=\s))(?:文|撰文|文字|作者|记者|采写)\s*[:：︰﹕/／|｜丨・‧]")


def _writers_beside_photographer(t: str) -> list[str]:
    """The writers of a credit line that also names a photographer: everyone credited when the
    label is for text and pictures (文/图), else those credited before the photographer's label
    (文／王小明　摄影／李大同 -> 王小明); [] when the line credits a photographer only."""
    if _TEXT_AND_PICTURES.search(t):
        return credited_authors(t)
    cut = _PHOTO_LABEL.search(t)
    if cut is None:
        return []
    parts = [t[:cut.start()]]
    later = _WRITER_LABEL.search(t, cut.end())
    if later:
        rest = t[later.start():]
        end = _PHOTO_LABEL.search(rest, later.end() - later.start())
        parts.append(rest[:end.start()] if end else rest)
    return next((names for names in map(credited_authors, parts) if names), [])


_PHOTO_CREDIT = re.compile(r"摄|图")
# Private-use characters are the glyphs of a site's icon font (an arrow or a separator drawn
# between a writer's name and the 来源 label); they are read as a space, never as a name's letter.
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def _split_names(text: str) -> list[str]:
    """The names of one credit: split at 、，, and spaces, and at '&' when it is spaced or joins
    names of which one opens with a surname (张三&李四, 胡一刀&李小飞刀); '放飞&心情' is one
    handle."""
    surnames = vocab.load("metadata.yml")["surnames"]
    out = []
    for part in re.split(r"\s*[、，,]\s*|\s+[&＆]\s+|\s+", text):
        halves = re.split(r"[&＆]", part)
        if (len(halves) > 1 and all(re.fullmatch(r"[\u4e00-\u9fff·]{2,6}", h) for h in halves)
                and any(h[0] in surnames for h in halves)):
            out.extend(halves)
        elif part.strip("&＆"):
            out.append(part.strip("&＆") if len(halves) == 1 or not all(halves) else part)
    return out


def _names_in(match_text: str, stop: frozenset) -> list[str]:
    out = []
    for name in _split_names(match_text.strip()):
        if len(name) > 2 and name.endswith(("摄", "摄")):
            name = name[:-1]  # 劉信德攝: the photographer's name, then 'took the picture'
        if re.fullmatch(rf"(?:{vocab.load('metadata.yml')['camera_roles']})(?:记者)?", name):
            break  # '记者 甲 视频记者 乙', '记者 甲 摄像 乙': the camera's credit after the writers'
        role = re.match(vocab.load("metadata.yml")["reporter_words"], name)
        if role and role.end() == len(name):
            continue  # '记者 甲 通讯员 乙', '记者 甲 实习记者 乙': the next writer's role between the names
        if role and len(name) - role.end() >= 2:
            name = name[role.end():]  # 樊亮 张明超 记者惠禾: the role glued to the third name
        if not name or name in stop or any(name.startswith(s) for s in stop if len(s) >= 2) or _DOTTED_LABEL.match(name):
            break  # (图・某某, 翻譯・某某: the next credit's label and its dot, not a transliterated name)
        if len(name) > 2 and re.search(f"(?:{vocab.load('metadata.yml')['editor_roles']})$", name):
            break  # '每经记者 甲　每经编辑 乙': the editor's role, its outlet before it, then the editor
        if name.startswith(tuple(vocab.load("metadata.yml")["link_verbs"])):
            break  # '作者：甲 乙 返回某某，查看更多': a link glued after the names
        if len(name) == 3 and name[-1] in "台报" and name[:-1] in _county_short_names():
            continue  # '记者 甲 乙 某南台 丙': a county's station (or paper) before its own writer
        if re.fullmatch(f"(?:{vocab.load('metadata.yml')['editor_roles']})", name):
            break  # '记者/甲 审核/乙': the editor's role after the writers
        if len(name) >= 4 and (_named_outlet(name) or re.search(rf"(?:{vocab.load('metadata.yml')['periodical_ends']})$", name)):
            if out:
                break  # '作者 甲 某某杂志 799期': the outlet after its writers
            continue  # '文｜某某周刊 甲 乙': the outlet its writers write for, before their names
        if ("网" in name or "网" in name or "／" in name or is_outlet_name(name) or _DESK.search(name)
                or any(map(is_outlet_name, re.split("[·・•‧]", name)[:-1]))  # 新华日报·交汇点
                or len(name) >= 5 and any(re.search(vocab.load("metadata.yml")["not_name_ends"], part)
                                          for part in re.split("[·・•‧]", name))  # 中国气象局, 人民论坛·学术前沿
                or len(name) >= 3 and re.search(f"(?:{vocab.load('metadata.yml')['office_ends']})$", name)):  # 撰稿：党政办
            break  # an outlet or a newsroom desk (网易商业, 社會中心) in a writer's place
        out.append(name)
    if out and out[-1].endswith(_REPORTED_SUFFIXES):
        # 李明 北京报道: the place it was reported from, after the writers; 记者李明报道: the verb
        last = out.pop()[:-2]
        if len(last) >= 2 and (not out or ("、" + last in match_text
                                           or re.search(rf"(?:{vocab.load('metadata.yml')['reporter_words']})\s*{re.escape(last)}", match_text))
                               and not _places(last)):
            out.append(last)  # (张三、李四报道, 张三、实习记者 李四报道: the last name glued to the verb)
    return out


_REPORTED_SUFFIXES = ("报道", "报导", "报导")
_DOTTED_LABEL = re.compile(r"(?:图|圖|摄影|攝影|摄|攝|翻译|翻譯|编辑|編輯)[・‧·•]")
_MARKED_WRITER = re.compile(r"^[□■◎○●◇◆]\s*([\u4e00-\u9fff·]{2,4}(?:[\s、][\u4e00-\u9fff·]{2,4}){0,2})$")
_WRITER_LABEL_ALONE = re.compile(r"(?:文字|撰文|作者|作\s者|文|记者|記者|采写|採寫|采访|採訪|文字记者|文字記者)\s*[:：︰﹕]?")
_AUTHOR_LABEL_ALONE = re.compile(r"(?:作者|作\s者)\s*[:：︰﹕]?")
_BARE_HANDLE = re.compile(r"^([A-Za-z][A-Za-z0-9_.\-]{2,29})(?:\s*[(（][^()（）]{1,20}[)）])?$")
_LABELLED_HANDLE = re.compile(r"^(?:作者|作\s者)\s*[:：︰﹕]?\s*([A-Za-z][A-Za-z0-9_.\-]{2,29})(?:\s*[(（][^()（）]{1,20}[)）])?$")


def labelled_credit(text: str) -> bool:
    """A line that credits writers with a label (采写：…, 作者：…, 文/…): reliable wherever it stands."""
    return bool(_author_patterns()[1].search(text))


@lru_cache(maxsize=None)
def _next_source_label() -> re.Pattern:
    """The first word of a source label that has one before 来源/出处 (文章来源, 信息来源, 稿件来源
    of `source_labels`), after a space: the next field's label, never a writer's name."""
    words = sorted({l[:-2] for l in vocab.load("metadata.yml")["source_labels"]
                    if len(l) > 2 and l.endswith(("来源", "出处")) and not l.startswith("本")}, key=len, reverse=True)
    return re.compile(r"(?<=\s)(?:" + "|".join(map(re.escape, words)) + r")(?=来源|出处)") if words else re.compile("(?!)")


# A magazine's issue printed under its headline (2023年5月號, 2023年5月号): the month it was
# published, the only date such a page states (`YYYY-MM`, never a guessed day).
_ISSUE_MONTH = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*[号號](?![\u4e00-\u9fff]{0,2}[:：])")


def issue_month(lines: list[Line]) -> str | None:
    """`YYYY-MM` of the first magazine issue named in `lines`, else None."""
    for line in lines:
        m = _ISSUE_MONTH.search(line.text)
        if m and 1 <= int(m.group(2)) <= 12:
            return f"{m.group(1)}-{int(m.group(2)):02d}"
    return None


_DECK_DASH = re.compile(r"^\s*(?:——|－－|--)|(?:——|－－)\s*$")


def deck_by_its_dash(line: str) -> bool:
    """A kicker that runs on into the headline under it (某某让山里人走得出——) or a deck that
    hangs from the headline above it (——记某某工作队): the dash says it is not the headline."""
    return bool(_DECK_DASH.search(line)) and len(line.strip(" —－-")) >= 4


# Papers set a two-character name in the width of three (鲁  明, 王　浩) so that names line up:
# two lone characters with spaces between them, in a credit, are one name.
_PADDED_NAME = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff])[ \u3000\u00a0]{1,3}([\u4e00-\u9fff])(?![\u4e00-\u9fff])")


def credited_authors(text: str) -> list[str]:
    """Writers credited in one line: 记者唐霁, 作者： 记者王敬照, 文/图 刘玺东 易赛楠,
    張立勳／特稿, （圖／房書勤攝）; [] when the line credits no one."""
    *patterns, stop = _author_patterns()
    if _speaker_asks().match(text):
        return []  # (an interview's question under the reporter's label: 记者：驻村三年，您觉得…？)
    # (the next field's label read as a name: 作者：甲　文章来源：本站; blanked, the same length)
    text = _next_source_label().sub(lambda m: " " * len(m.group()), text)
    text = _PADDED_NAME.sub(r"\1\2", text)  # 本报记者 鲁  明: a two-character name set in three characters' width
    reporter, labelled, slash, after_source = patterns[0], patterns[1], patterns[3], patterns[4]
    first_reporter, first_labelled = reporter.search(text), labelled.search(text)
    if first_reporter and first_labelled and first_labelled.start() < first_reporter.start():
        # ('作者：甲 通讯员：乙': the labelled writer printed first is read before the correspondent)
        patterns = [labelled, reporter, *patterns[2:]]
    for pat in patterns:
        for m in pat.finditer(text):
            if pat is reporter and not _reporter_credit_start(text[:m.start()], text):
                continue
            group = next(g for g in m.groups() if g)
            if pat is slash and not _slash_credit_start(text[:m.start(1)]):
                continue  # ('会议 强调 各地/要…': names before a slash open the line or follow a date)
            if pat is slash and (is_outlet_name(group.strip()) or len(group.strip()) >= 4
                                 and re.search(rf"(?:{vocab.load('metadata.yml')['brand_ends']})$", group.strip())):
                continue  # ('某視新聞／甲 某地報導': the outlet before the slash, its reporter after it; not 王晓云/文)
            if pat is slash and " " in group.strip() and not byline_names(group):
                # several words before the slash are names only if all are personal names: else the
                # last alone, if it is one ('中國時報 張立勳／特稿'; '社會 社會中心／綜合報導' and
                # '会议 强调 各地/要…' credit no one)
                group = group.split()[-1]
                if not byline_names(group):
                    continue
            if pat is after_source and not byline_names(group):
                continue  # (来源：某某网 甲: a personal name after the credit, not a button's label: 参与互动)
            after_names = m.end()
            # (another writer's own label inside the names: 记者 甲、实习记者 乙, 某报记者 甲 某报实习生 乙)
            # (read in the line: the other label's names may run past the group, 通讯员/乙)
            at = m.start(next(i for i, g in enumerate(m.groups(), 1) if g))
            inner = _next_writer_label(text, at + 1, anywhere=True) if pat is reporter or pat is labelled else None
            if inner and inner.start() < at + len(group) and reporter.match(text, inner.end()):
                group, after_names = group[:inner.start() - at], inner.start()
            names = _names_in(group, stop)
            placed = next((i for i, n in enumerate(names) if i and all(is_place_name(x) for x in names[i:])), None)
            if placed and (len(names) - placed >= 2 or re.match(r"\s*(?:报道|报导)", text[m.end():])):
                names = names[:placed]  # (記者 甲 苗栗 三灣: the places reported from after the name; not 记者 李婷 高明)
            if len(names) >= 2 and _GLUED_REPORTED.match(text, m.end()):
                # 记者 彭冲 山东冠县报道: the last word is where it was reported; 记者甲、乙北京报道:
                # the last name, then the place
                cut = None if _places(names[-1]) else _name_before_place(names[-1], text, m.end())
                names = names[:-1] + ([cut] if cut and cut != names[-1] else [])
            elif names and group.rstrip().endswith(names[-1]):
                names[-1] = _name_before_place(names[-1], text, m.end())
            if names:
                return names + [n for n in _correspondents_after(text, after_names, reporter, stop) if n not in names]
    return []


@lru_cache(maxsize=None)
def _speaker_asks() -> re.Pattern:
    """The reporter as a speaker in an interview: the label (`reporter_words`), then a sentence
    with a clause in it (a question, a full stop)."""
    return re.compile(rf"^\s*[【\[]?{vocab.load('metadata.yml')['reporter_words']}[】\]]?\s*[:：︰﹕]\s*[^，。？！?!]{{1,30}}[，,][^。？！?!]*[。？！?!]")


# (the space before a correspondent's own label, right after the writers a credit names)
_BEFORE_CORRESPONDENT_LABEL = re.compile(r"\s*(?=(?:本报|本報|特约|特約)?(?:通讯员|通訊員)(?:\s*[:：︰﹕/／|｜丨]|\s+[\u4e00-\u9fff]))")


@lru_cache(maxsize=None)
def _writer_label_pattern() -> re.Pattern:
    v = vocab.load("metadata.yml")
    return re.compile(rf"\s*[、，,]?\s*([\u4e00-\u9fff·]{{0,10}}?)(?=({v['reporter_words']})(?:\s*[:：︰﹕/／]|\s*[\u4e00-\u9fff]))")


def _next_writer_label(text: str, pos: int, anywhere: bool = False) -> re.Match | None:
    """Another writer's own label right after the names a credit gives (at `pos`, or anywhere
    after it), with the outlet or the group before it (、实习记者 乙, 某某周末实习生 乙, 县委报道组 乙);
    not a camera's (摄影记者 乙, 视频记者 乙: `camera_roles`). The match ends where the label starts."""
    pattern = _writer_label_pattern()
    camera = re.compile(rf"(?:{vocab.load('metadata.yml')['camera_roles']})$")
    for m in (pattern.finditer(text, pos) if anywhere else [pattern.match(text, pos)]):
        if m and not camera.search(text[:m.end(1)]):  # (what stands right before the label)
            return m
    return None


def _correspondents_after(text: str, end: int, reporter, stop: frozenset) -> list[str]:
    """Writers credited under their own labels right after the writers a credit names (作者：甲
    通讯员：乙, 记者 甲、实习记者 乙, 某报记者 甲 某报实习生 乙): the corpora count 通讯员 and 实习生
    among the writers, in the order printed."""
    out: list[str] = []
    while len(out) < 8:
        label = _BEFORE_CORRESPONDENT_LABEL.match(text, end) or _next_writer_label(text, end)
        m = reporter.match(text, label.end()) if label else None
        if not m:
            return out
        names = _names_in(next(g for g in m.groups() if g), stop)
        if not names:
            return out
        if _GLUED_REPORTED.match(text, m.end()):
            names = names[:-1] + [_name_before_place(names[-1], text, m.end())]
        out += names
        end = m.end()
    return out


_GLUED_PLACE = re.compile(r"([\u4e00-\u9fff]{0,8}?)(?:\d{1,2}日)?(?:电|電|报道|报导|報導|報道)")


def _name_before_place(name: str, text: str, end: int) -> str:
    """The writer's name when the place reported from is run on after it (记者李明乌鲁木齐报道,
    記者李撫生台灣花蓮報導): a name's slot takes up to four characters, so it can swallow the
    place's first ones. Cut where what is left up to 报道 reads wholly as places of the gazetteer
    or of `dateline_places`, a name of three or two characters first (黑龙江哈尔滨 over 龙江 +
    哈尔滨: the reading whose first place is the longest), four only when neither leaves places;
    when no cut does, a name of the usual three characters (李长江西樵: a town the gazetteer
    lacks), else the name as read."""
    glued = _GLUED_PLACE.match(text, end)
    if glued is None or not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", name):
        return name
    run = name + glued.group(1)
    for lengths in ((3, 2), (4,)):  # (a name of four characters only when no shorter one leaves places)
        readings = []
        for order, k in enumerate(lengths):
            places = _places(run[k:]) if k <= len(run) - 2 else None
            if places:
                readings.append((-len(places[0]), order, run[:k]))
        if readings:
            return min(readings)[2]
    compound = tuple(vocab.load("metadata.yml")["compound_surnames"])
    if glued.group(1) and len(name) == 4 and not name.startswith(compound):
        return name[:3]  # (李长江西樵: a town the gazetteer lacks after a name of three)
    return name


def _places(text: str) -> list[str] | None:
    """`text` read as places one after another (新疆乌鲁木齐 -> 新疆, 乌鲁木齐), each the longest
    that opens what is left; None when something is left over."""
    from ..script import to_simplified
    out = []
    while text:
        n = _place_length(to_simplified(text))
        if n < 2:
            return None
        out.append(text[:n])
        text = text[n:]
    return out


_PLACE_SUFFIXES = ("省", "市", "县", "区", "州", "盟", "旗")


def opens_with_place(text: str) -> bool:
    """Whether `text` opens with a place's name: a unit of the gazetteer, with or without its
    suffix (乌鲁木齐市, 乌鲁木齐), or a place outside it that datelines name
    (`dateline_places`: Taiwan's counties, Hong Kong, cities abroad), in either script."""
    from ..script import to_simplified
    return _place_length(to_simplified(text)) >= 2


@lru_cache(maxsize=None)
def _dateline_places() -> tuple[str, ...]:
    from ..script import to_simplified
    return tuple(sorted({to_simplified(p) for p in vocab.load("metadata.yml")["dateline_places"]}, key=len, reverse=True))


def _slash_credit_start(before: str) -> bool:
    """Whether names before a slash stand where a credit does: at the line's start, after a
    date, a bracket or a credit word, not in the middle of a sentence of words."""
    before = before.rstrip()
    return (not before or before.endswith(("【", "[", "（", "(", "|", "｜")) or bool(_ENDS_WITH_DATE.search(before))
            or bool(re.search(r"(?:记者|通讯员|文|撰文|作者)\s*[:：]?$", before)))


_ENDS_WITH_DATE = re.compile(r"(?:\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}\s*日|(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2})$")
_GLUED_REPORTED = re.compile(r"报道|报导|电|\d{1,2}日")


def _reporter_credit_start(before: str, text: str) -> bool:
    """Whether 记者 starts a credit here, not a word inside a list of titles or menu items
    ('… 半月谈 中国记者 中国名牌 …': eight or more short items separated by spaces)."""
    items = text.split()
    return not (len(items) >= 8 and all(len(t) <= 10 for t in items) and re.search(r"[\u4e00-\u9fff]$", before))


_TRAILING_CREDIT = re.compile(r"(?:^|[。！？!?”])\s*[（(]\s*((?:[^（()）]{0,6}?[/／:：][^（()）\s]{0,3}\s*)?[\u4e00-\u9fff·]{2,4}(?:[、 ][\u4e00-\u9fff·]{2,4}){0,5})\s*[）)]$")


_HANDLE = re.compile(r"[\w·.\-～~]{2,20}")


def writer_handle(text: str, excluded: set) -> bool:
    """Whether a line alone under a headline can be a platform writer's name or handle: not the
    site's, the account's or an outlet's name (`excluded`, or shaped like one), a channel (要闻),
    a place, a mark of the post (原创, 独家, 视频), a menu word, a follow button, a link that does
    something (查看…), a number or a date."""
    t = text.strip()
    from .clean import pattern_reason
    return bool(_HANDLE.fullmatch(t) and not t.isdigit() and t not in excluded
                and t not in vocab.load("metadata.yml")["not_sources"] and not is_place_name(t)
                and not _ORIGINAL_MARK.fullmatch(t) and t not in vocab.load("metadata.yml")["post_marks"]
                and t not in vocab.load("metadata.yml")["follow_buttons"] and t not in vocab.load("metadata.yml")["not_names"]
                and not looks_like_site(t) and not is_outlet_name(t) and not has_date(t) and not pattern_reason(t)
                and not t.startswith(tuple(vocab.load("metadata.yml")["link_verbs"])))




def handle_over_date(texts: list[str], excluded: set) -> list[str]:
    """A platform's writer printed under the headline as a name or handle alone on its line
    directly over the post's date ('某某_spark' / '2016.05.18 16:03 字数 10002'): [name], else []."""
    for t, nxt in zip(texts, texts[1:]):
        if has_date(nxt[:30]) and len(nxt) <= 60 and writer_handle(t, excluded):
            return [t.strip()]
    return []


def closing_outlet_credit(text: str) -> tuple[str, list[str]] | None:
    """(outlet, writers) of the bracketed credit that closes a text when it names the outlet
    before its reporters and the place reported from, run together as broadcasters print it:
    （某視新聞陳某某、郭某某台北報導）, （某某日報／王某 高雄報導）, （某某社記者王某報導）. The
    writers may be none: a place alone (（某聯社華盛頓報導）: an agency's credit names reporters
    only after 記者), a desk (社會中心, 社會組), 綜合 (a compilation); a name is one as
    `byline_names` reads it. None when the text does not close with such a credit, or its first
    word is no outlet (见今日本报相关报道)."""
    m = _closing_outlet_credit().search(text)
    if not m:
        return None
    outlet, rest = m.group("outlet"), m.group("rest").strip()
    v = vocab.load("metadata.yml")
    if (_self_reference(outlet) or "本报" in outlet or outlet.startswith(("见", "详见", "参见", "据", "據"))
            or outlet in v["not_sources"]):
        return None
    labelled = bool(m.group("label"))
    if outlet.endswith("社") and not labelled:
        return outlet, []  # (a news agency's credit names a place, its reporters after 記者: 某聯社華盛頓報導)
    tokens = [t for t in re.split(r"[、\s]+", rest) if t]
    if len(tokens) >= 2 and ("、" in rest or len(tokens[-1]) == 2) and re.search(r"\s" + re.escape(tokens[-1]) + "$", rest):
        tokens = tokens[:-1]  # (the place after a space: 王某、李某 高雄, 李某某 高雄)
    names = []
    for i, t in enumerate(tokens):
        if i == len(tokens) - 1 and len(t) >= 4 and not byline_names(t):
            t = t[:-2]  # (the place run on after the last name: 郭某海台北)
        if byline_names(t) == [t] and not re.search(r"中心|组$|部$|室$", t):
            names.append(t)
    return outlet, names


@lru_cache(maxsize=None)
def _closing_outlet_credit() -> re.Pattern:
    suffixes = vocab.load("metadata.yml")["outlet_suffixes"]
    return re.compile(r"[（(]\s*(?P<outlet>[\u4e00-\u9fff]{1,6}?(?:新闻(?:网|網)?|" + suffixes + r"))\s*[／/]?\s*(?P<label>记者)?\s*"
                      r"(?P<rest>[\u4e00-\u9fff·、\s]{0,40}?)\s*(?:综合)?(?:报导|报道)\s*[）)]\s*$")


def closing_credit_line(text: str) -> bool:
    """A line that is only a bracketed credit ('（某某）', '（某某 上海报道）'), as a scraper breaks
    the credit that closes a text onto a line of its own."""
    t = text.strip()  # (a label inside names a role: （责任编辑：某某） is an editor; （市应急局） a body)
    return (t[:1] in "（(" and not re.search(r"[:：︰﹕/／]", t) and bool(_TRAILING_CREDIT.fullmatch(t))
            and not _INSTITUTION.search(t.strip("（()） ")))


def _joined_credit_lines(texts: list[str]) -> list[str]:
    """Lines of one credit broken after a joining '&' or '、' (撰文：白日梦 & / 脖子右拧 & / 浩森), joined
    into one line; every other line as it is."""
    out: list[str] = []
    for t in texts:
        if out and out[-1].rstrip().endswith(("&", "＆", "、")) and len(out[-1]) + len(t) <= 80:
            out[-1] = out[-1].rstrip() + " " + t
        else:
            out.append(t)
    return out


def _menu_item(lines: list[Line], i: int) -> bool:
    """Whether line i is an item of a site's menu, not a credit: a breadcrumb or menu row
    ('首页｜新华社记者看东北｜人物专访'), or a short label among short labels ('记者调查' between
    '民情' and '民意调查'). A byline's neighbours hold roles, names with spaces or dates."""
    from .clean import pattern_reason
    fields = re.split(r"\s*[|｜]\s*", lines[i].text.strip())
    if len(fields) >= 2 and any((m := _FIELD.match(f)) and _is_label(m.group(1)) for f in fields):
        return False  # a byline's labelled fields between bars (作者：某某 | 来源：某某 | 点击数：693)
    if "navigation" in (pattern_reason(lines[i].text) or ""):
        return True
    run = [l.text for l in lines[max(0, i - 2):i + 3]]
    return len(run) == 5 and all(_MENU_LABEL.fullmatch(t) for t in run)


_MENU_LABEL = re.compile(r"[\u4e00-\u9fff]{2,6}")


_LABELLED_BODY_AND_WRITER = re.compile(r"^(?:文|作者|撰文|撰稿|文字|供稿)\s*[/／:：︰﹕]\s*([\u4e00-\u9fff]{3,20})[\s\u3000]+([\u4e00-\u9fff·]{2,4}(?:[、\s][\u4e00-\u9fff·]{2,4}){0,3})$")
_BODY_AND_WRITER = re.compile(r"^[（(]\s*([\u4e00-\u9fff]{3,20})[\s\u3000]+([\u4e00-\u9fff·]{2,4}(?:[、\s][\u4e00-\u9fff·]{2,4}){0,3})\s*[）)]$")


def _credit_part(text: str, name: str) -> str:
    """The part of a line that can hold the credit of `name`: a short line whole; in a paragraph,
    the name with the twenty characters before it and the twelve after it (a photographer's 摄 or
    图 is looked for there: （记者某某摄） closing a caption, not 心电图 or 地图 elsewhere in a lead
    that opens with a reporter's credit)."""
    at = text.find(name)
    if len(text) <= 60 or at < 0:
        return text
    return text[max(0, at - 20):at + len(name) + 12]


def find_authors(lines: list[Line], first_paragraph: str | None, last_paragraph: str | None = None) -> list[str]:
    """Credited writers, by where papers print them: a byline or credit line near the title,
    the reporter in the opening dateline (新华社…电（记者唐霁）), then the names in brackets
    that close the text (…（张巨峰）). Editors are not authors. [] when no one is credited."""
    label = re.compile(vocab.load("metadata.yml")["page_label"])
    texts = [PRIVATE_USE.sub(" ", l.text) for i, l in enumerate(lines)
             if len(l.text) <= 80 and not any(label.search(p) for p in l.text.split())
             and not _menu_item(lines, i)]
    texts = _joined_credit_lines(texts)
    if first_paragraph:
        texts.extend(first_paragraph.split("\n"))  # the openings of the first paragraphs
    photographers = []
    for i, t in enumerate(texts):
        names = credited_authors(t)
        if not names:  # a bulletin board's header: 作者 / handle (nickname), the label on its own line or not
            m = _LABELLED_HANDLE.match(t) or (_BARE_HANDLE.match(texts[i + 1].strip())
                                              if _AUTHOR_LABEL_ALONE.fullmatch(t.strip()) and i + 1 < len(texts) else None)
            names = [m.group(1)] if m else []
        marked = _MARKED_WRITER.match(t.strip())  # ('□ 某某': a supplement page marks its writer with a box)
        if not names and marked:
            names = byline_names(marked.group(1))
        if not names and i + 1 < len(texts) and _WRITER_LABEL_ALONE.fullmatch(t.strip()):
            names = byline_names(texts[i + 1].strip())  # a credits block of one label a line: 文字 / 甲 / 攝影 / 乙
        if not names:  # the broadcaster's credit as a byline of its own (某視新聞／甲、乙 某地報導)
            names = (broadcast_credit(t) or (None, []))[1]
        if not names:  # a body and its writer closing the text in brackets (（某某县农业农村局　甲）)
            m = _BODY_AND_WRITER.match(t.strip())
            names = byline_names(m.group(2)) if m and _INSTITUTION.search(m.group(1)) else []
        if not names:  # a writer's label, the body he writes for, then his name (文/某某发展部 甲)
            m = _LABELLED_BODY_AND_WRITER.match(t.strip())
            names = byline_names(m.group(2)) if m and _INSTITUTION.search(m.group(1)) else []
        credit = _credit_part(t, names[0]) if names else t
        unnamed = credit
        for n in names:  # (a name's own 图 is no picture's: 包·巴图)
            unnamed = unnamed.replace(n, " ")
        if names and _PHOTO_CREDIT.search(unnamed) and not re.search(r"报道|报导|[／/╱]\s*文", credit):
            names = _writers_beside_photographer(credit)
            if not names:
                photographers = photographers or credited_authors(credit)  # a writer's credit elsewhere comes first
        if names:
            # a credit continued on the next line (本报记者 甲 乙 / 本报实习生 丙 丁)
            more = credited_authors(texts[i + 1]) if i + 1 < len(texts) and len(texts[i + 1]) <= 40 else []
            names = names + [n for n in more if n not in names]
            # the same credit printed again in full ('作者：甲 乙返回首页' cut by a glued link,
            # then '采写：记者 甲 乙'): the longer reading of it
            fuller = [c for c in map(credited_authors, texts[i + 1:]) if c[:len(names)] == names]
            return max([names] + fuller, key=len)
    if last_paragraph and len(last_paragraph) <= 40:
        names = credited_authors(last_paragraph)  # a credit line closing the text (采写：…记者 …)
        if not names:  # a broadcaster's closing credit without its brackets (某視新聞 甲 乙 某地報導)
            names = (closing_outlet_credit("（" + last_paragraph.strip() + "）") or (None, []))[1]
        if names:
            return names
    if last_paragraph:
        m = _TRAILING_CREDIT.search(last_paragraph[-40:])
        if m:
            value = m.group(1).strip()
            names = credited_authors("（" + value + "）") or _names_in(value, _author_patterns()[-1])
            if names and not credited_source_like(value):
                return names
    return []  # photographers (…摄) are not writers


_COPYRIGHT_NAME = re.compile(r"(?:©|\(c\)|Copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*([\u4e00-\u9fff][\u4e00-\u9fff\w·]{1,19})"
                             r"|([\u4e00-\u9fff][\u4e00-\u9fff\w·]{1,19}?)\s*(?:版权所有)"
                             r"|(?:版权所有)\s*[:：︰﹕]?\s*([\u4e00-\u9fff][\u4e00-\u9fff\w·]{1,19})", re.I)
# names of the bodies that host government and institutional sites (a company holding the
# copyright is the site's operator, not the name it publishes under)
_INSTITUTION = re.compile(r"(院|所|会|局|部|委|厅|办|署|处|中心|馆|校|大学|中学|小学|幼儿园|政府)$")


def copyright_holder(texts: list[str]) -> str | None:
    """The site's or body's name a copyright line gives ('环球网版权所有', '版权所有中央党史和文献
    研究院', '© 2019 某某日报'): the publishing site's name when nothing else states it."""
    for t in texts:
        m = _COPYRIGHT_NAME.search(t)
        if m:
            # ('©成報版權所有': the name before the words, run on after the sign)
            name = re.sub(r"版权所有.*$", "", next((g for g in m.groups() if g), "")).strip(" ·.,，")
            name = paper_of(name)  # ('某某日报传媒集团版权所有': the paper)
            if (2 <= len(name) <= 20 and (is_site_name(name) or _INSTITUTION.search(name))
                    and name not in vocab.load("metadata.yml")["not_sources"] and not _self_reference(name)):
                return without_banner(name)
    return None


def creator_post(texts: list[str]) -> bool:
    """Whether a portal says the page is one of its creators' posts (`creator_disclaimers`: a
    disclaimer's line such as 本内容来自某某平台创作者): its origin is the creator's account."""
    pattern = re.compile(vocab.load("metadata.yml")["creator_disclaimers"])
    return any(pattern.match(t.strip()) for t in texts)


_NAME_THEN_DATE = re.compile(r"^([^\s\d:：]{2,20})\s+(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")


def name_beside_date(texts: list[str]) -> str | None:
    """The name printed before a post's date on the line under its headline ('某某 2024-07-02
    09:15 发布于甘肃 +关注': a platform's account card), not a label, a placeholder or a place."""
    for t in texts:
        m = _NAME_THEN_DATE.match(t.strip())
        if m and not _is_label(m.group(1)) and outlet_or_none(clean_source(m.group(1)) or None):
            return clean_source(m.group(1))
    return None


_DATE_THEN_ACCOUNT = re.compile(r"^(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*[·・•]\s*([^\s·・•]{2,20})$")


def account_after_date(texts: list[str]) -> str | None:
    """The account a platform names after a post's date on the line under its headline
    ('2024-05-28 18:32·某某': a self-media post's creator, its origin), not a label, a
    placeholder or a place."""
    for t in texts:
        m = _DATE_THEN_ACCOUNT.match(t.strip())
        if m and not _is_label(m.group(1)) and outlet_or_none(clean_source(m.group(1)) or None):
            return clean_source(m.group(1))
    return None


@lru_cache(maxsize=None)
def _outlet_then_date() -> re.Pattern:
    """An outlet's name, then the post's date or a relative one (`relative_dates`) and nothing
    else but a reading counter: '某某日报 · 3天前', '某某新闻 2024-05-28 18:32', '某某日报 发布于 2天前
    阅读 1.1万' (a news app's row under the headline)."""
    date = r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
    # (the date may be labelled 发布于, and a reading counter may close the row: 阅读 1.1万)
    return re.compile(rf"^([^\s·・•|｜:：]{{2,20}})(\s*[·・•|｜]\s*|\s+)(?:发布于|發佈於|发表于|發表於)?\s*"
                      rf"(?:{date}|{vocab.load('metadata.yml')['relative_dates']})(?:\s+(?:阅读|閱讀|浏览|瀏覽)\s*[\d.]+\s*[万萬]?)?$")


def outlet_before_date(texts: list[str]) -> str | None:
    """The outlet a news app names before a post's date on the line under its headline ('某某日报
    · 3天前'): a name ending as an outlet's or a site's does (`is_outlet_name`), never a writer, a
    channel, a label, a placeholder or a place."""
    for t in texts:
        m = _outlet_then_date().match(t.strip())
        if m and not _is_label(m.group(1)) and (is_outlet_name(m.group(1)) or is_site_name(m.group(1))):
            found = outlet_or_none(clean_source(m.group(1)) or None)
            if found:
                return found
    return None


def names_no_article(title: str, site: str | None) -> bool:
    """Whether a chosen headline only names the site, a body or the page's kind (某某人民政府,
    某某局, 信件详情, 县长信箱), so that a title the page labels elsewhere is the article's."""
    return (title == site or looks_like_site(title) or title in vocab.load("metadata.yml")["not_sources"]
            or is_navigation_name(title) or bool(re.search(r"(?:信箱|留言板|详情|詳情)$", title))
            # (a body's name: a place, then a body's ending, short and in one word; not a headline
            # ending in 分享会 or 纪念馆)
            or bool(_INSTITUTION.search(title)) and len(title) <= 14 and " " not in title and _starts_with_place(title))


def is_institution_name(name: str) -> bool:
    """Whether `name` is a body's name: a place, then a body's ending (某某县第一中学, 某某县人民政府)."""
    return bool(_INSTITUTION.search(name)) and len(name) <= 20 and " " not in name and _starts_with_place(name)


def _starts_with_place(name: str) -> bool:
    """Whether `name` opens with a region's name: one in the gazetteer (阜阳市…, 香港…), or a
    province's or special region's by its ending (澳門特別行政區…, which the gazetteer lacks)."""
    return bool(_REGION_OPENING.match(name)) or any(is_place_name(name[:k]) for k in range(2, min(9, len(name))))


_REGION_OPENING = re.compile(r"[\u4e00-\u9fff]{2,4}(?:特别行政区|特別行政區|自治区|自治區|省)")


@lru_cache(maxsize=None)
def _reprinted_from() -> re.Pattern:
    words = "|".join(map(re.escape, sorted(vocab.load("metadata.yml")["reprint_labels"], key=len, reverse=True)))
    return re.compile(rf"[（(]?\s*(?:本文|此文|文章|本稿)?(?:{words})\s*[:：︰﹕]?\s*《?([\u4e00-\u9fff·]{{2,16}})》?\s*[）)]?")


# (据某某: the report it is based on; not 综合自, 编译自: a compilation of several)
_BRACKETED_NAME = re.compile(r"[（(]\s*(?:据\s*)?((?!综合|編譯|编译)[\u4e00-\u9fff·]{2,12})\s*[）)]")


def closing_reprint(texts: list[str]) -> str | None:
    """The outlet a text closes by crediting, in brackets or as a reprint note without a colon
    ((本文转载自某某日报), (某某日报), 摘自《某某》): the origin of a portal's reprint. `texts`: the
    lines right after the text's last paragraph."""
    for t in texts:
        m = _reprinted_from().fullmatch(t.strip()) or _BRACKETED_NAME.fullmatch(t.strip())
        if m and is_outlet_name(m.group(1)) and not not_an_outlet(m.group(1)):
            return m.group(1)
    return None


def epaper_masthead(texts: list[str]) -> str | None:
    """An e-paper's name in its masthead: printed over its edition's word ('今日某安' / '数字报')
    or run on with it ('某某日报数字报'), among the page's first lines: the paper, where the
    page-title line is only a page's label (第03版：文化)."""
    editions = set(vocab.load("metadata.yml")["edition_suffixes"])
    for i, t in enumerate(texts):
        name = t.strip()
        nxt = texts[i + 1].strip() if i + 1 < len(texts) else ""
        if nxt in editions and re.fullmatch(r"[\u4e00-\u9fff]{2,10}", name) and not is_navigation_name(name) \
                and not is_page_label(name):
            return name
        paper = without_edition(name)
        if paper != name and re.fullmatch(r"[\u4e00-\u9fff]{2,10}", paper):
            return paper
    return None


def masthead_name(texts: list[str]) -> str | None:
    """The body or website a page names alone above its headline (its masthead or logo's text:
    '香港特別行政區政府' over a press release): the publishing site when nothing credits a source
    and no footer names one. A body's name (政府, 局, 公所…) or a site's (…网), never a channel or a
    page's kind (新闻公报, 最新消息) nor a menu's word; right over the headline only a name that
    opens with a place's (a kicker stands there: 走进市政务服务中心). `texts`: the lines above the
    headline, the last right over it."""
    not_sources = vocab.load("metadata.yml")["not_sources"]
    for i, t in enumerate(texts):
        name = t.strip()
        if i == len(texts) - 1 and not _starts_with_place(name):
            continue
        if (4 <= len(name) <= 15 and is_site_name(name) and (_INSTITUTION.search(name) or _office_end().search(name)
                                                               or name.endswith(("网", "網")))
                and name not in not_sources and not is_navigation_name(name) and not _boilerplate(name)
                and not is_place_name(name)):
            return name
    return None


_ICP = re.compile(r"ICP\s*[备证]|备案号", re.I)
_COPYRIGHT_BEFORE_ICP = re.compile(r"(?:©|\(c\)|Copyright)\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)?\s*[,，]?\s*"
                                   r"([\u4e00-\u9fff][\u4e00-\u9fff\w·]{1,11})\s+\S{0,3}ICP", re.I)
_FOOTER_SEP = re.compile(r"\s*[|｜│]\s*")


def registered_site_name(texts: list[str]) -> str | None:
    """The name a footer prints first on the line that carries the site's registration (ICP备):
    '某某阅读 | 精彩专题 | 最新文章 | 苏ICP备…号' names its site in its first link, as the
    logo does. A last resort for a site that states its name nowhere else; a menu word (首页,
    关于我们) or a label there names nothing."""
    from .clean import pattern_reason
    for t in texts:
        if not _ICP.search(t):
            continue
        held = _COPYRIGHT_BEFORE_ICP.search(t)  # '© 2010 - 2016 某某大盘 京ICP备…号'
        if (held and not held.group(1).endswith(("公司", "集团", "集团")) and not has_date(held.group(1))
                and not any(w in held.group(1) for w in vocab.load("metadata.yml")["rights_phrases"])):  # (版权所有, 保留所有权利 name nothing)
            return held.group(1)
        first = _FOOTER_SEP.split(t.strip())[0].strip(" ·.,，")
        if (first != t.strip() and 2 <= len(first) <= 12 and re.search(r"[\u4e00-\u9fff]", first)
                and not re.search(r"[：:©]|版权|copyright|ICP", first, re.I)
                and not first.endswith(("公司", "集团", "集团"))  # the operator, not the name it publishes under
                and not has_date(first) and not pattern_reason(first)):
            return first
    return None


def own_work_notice(texts: list[str]) -> str | None:
    """The outlet a rights notice under the text names as the work's owner ('本文为某某电子技术设计
    原创文章，禁止转载'): a last resort for a site that states its name nowhere else. Not a
    placeholder (本站, 本网) nor a person unnamed (作者, 笔者: `not_owners`)."""
    for t in texts:
        m = _OWN_WORK.match(t.strip())
        if m:
            name = m.group(1).strip()
            if 2 <= len(name) <= 15 and not _PROSE_PUNCT_ANY.search(name.replace(" ", "")) \
                    and name not in vocab.load("metadata.yml")["not_sources"] and not name.startswith(("本站", "本网", "本網")) \
                    and name not in vocab.load("metadata.yml")["not_owners"]:
                return name
    return None


_OWN_WORK = re.compile(r"^(?:本文|此文|该文|該文)(?:为|為|系|是)\s*(.{2,16}?)\s*(?:原创|原創|独家|獨家)(?:文章|稿件|作品|内容|內容)?")


def named_before_copyright(texts: list[str]) -> str | None:
    """The site's name a footer prints first on its copyright line, before its other names and
    its slogan ('某某健康网 - 某某健康網 - 健康服务平台 Copyright © 2000-2024'), as a logo does:
    a last resort for a site that states its name nowhere else. Only a name ending like a
    site's (`is_site_name`)."""
    for t in texts:
        mark = _COPYRIGHT_MARK.search(t)
        if not mark:
            continue
        parts = [p.strip(" ·.,，") for p in _FOOTER_LEAD_SEP.split(t[:mark.start()].strip())]
        first = parts[0]
        links, prefixes = vocab.load("metadata.yml")["footer_link_words"], vocab.load("metadata.yml")["footer_link_prefixes"]
        if (len(parts) > 1 and 2 <= len(first) <= 12 and is_site_name(first) and not has_date(first)
                and not any(w in first for w in links) and not first.startswith(tuple(prefixes))
                # (a row of other sites' links, not one name and its slogan: 中国政府网 | 某省人民政府 | …)
                and not any(is_site_name(p) and not _same_name(p, first) for p in parts[1:])):
            return first
    return None


def _same_name(a: str, b: str) -> bool:
    """The same name in the other script or spelling (某某健康网 / 某某健康網): as long, and
    the same in at least half its characters."""
    return len(a) == len(b) and 2 * sum(x == y for x, y in zip(a, b)) >= len(a)


_COPYRIGHT_MARK = re.compile(r"©|\(c\)|Copyright|版权所有|版權所有", re.I)
_FOOTER_LEAD_SEP = re.compile(r"\s+[-–|｜]\s+|\s*[|｜]\s*")


_ABOUT = re.compile(r"^(?:关于)\s*([^\s|｜/]{2,10})$")


def about_site_name(texts: list[str]) -> str | None:
    """The name a footer's 'about' link gives its site ('关于某某' beside 联系我们, 使用条款): a last
    resort for a site that names itself nowhere else ('关于我们' names nothing)."""
    for t in texts:
        m = _ABOUT.match(t.strip())
        v = vocab.load("metadata.yml")
        if (m and m.group(1) not in v["about_not_sites"] and not has_date(m.group(1)) and "的" not in m.group(1)
                and not m.group(1).endswith(tuple(v["document_title_ends"]))):  # (关于…的通知 is a notice's title)
            return m.group(1)
    return None


def writer_before_title(title: str | None, lines: list[Line]) -> list[str]:
    """The writer an opinion or memoir piece puts before its headline ('茉莉：我是怎样…'), when the
    same name stands alone on a line near the text (the byline): a prefix that is only in the
    title could be a speaker or a place, so it is not enough alone."""
    m = re.match(r"([\u4e00-\u9fff·]{2,4})\s*[：:︰﹕]", title or "")  # (国家统计局： is no columnist)
    if not m or is_outlet_name(m.group(1)) or m.group(1) in _author_patterns()[-1]:
        return []
    return [m.group(1)] if any(l.text.strip() == m.group(1) for l in lines) else []


def byline_names(text: str) -> list[str]:
    """The writers of a byline printed as names alone on its line (赵延东、风笑天; 茉莉 is read from
    the headline instead): one to four personal names, each of two or three characters (four
    with a compound surname) and opening with a surname of the data file; [] for anything else.
    Callers look only between a headline and its text, where such a line is the byline."""
    v = vocab.load("metadata.yml")
    text = text.strip()
    if not text or len(text) > 20:
        return []
    names = [n for n in re.split(r"\s*[、，,&＆]\s*|\s+", text) if n]
    if not 1 <= len(names) <= 4:
        return []
    for name in names:
        compound = any(name.startswith(c) for c in v["compound_surnames"])
        if (not re.fullmatch(r"[\u4e00-\u9fff]+", name) or not 2 <= len(name) <= (4 if compound else 3)
                or not (compound or name[0] in v["surnames"]) or name in _author_patterns()[-1]
                or name in v["not_sources"]  # (时政, 国际: a channel's name, never a person's)
                or name[-1] in _PLACE_ENDS or is_outlet_name(name) or name in _place_names().get(name[:2], ())):
            return []
    return names


def names_under_headline(texts: list[str | None], title: str | None) -> list[str]:
    """Writers printed as names alone on a line between the headline and the first sentence of
    the text (byline_names), from the lines that follow the headline: the headline printed again
    and a date line are passed over; a sentence, or None (a link: a follow button, an account),
    ends the search."""
    from .clean import is_prose
    labels = vocab.load("metadata.yml")["field_labels"]
    value_of_label = False
    for text in texts:
        if text is None:
            return []
        if value_of_label:  # (the value of a field in its own cell: 發布單位 / 農業課)
            value_of_label = False
            continue
        if (re.fullmatch(r"[\u4e00-\u9fff]{2,5}\s*[:：︰﹕]?", text.strip()) and (text.strip().startswith(tuple(labels)) or column_label(text))
                and not re.fullmatch(rf"(?:{vocab.load('metadata.yml')['author_labels']}|记者|記者)\s*[:：︰﹕]?", text.strip())):
            value_of_label = True  # (a field's label alone, not a writer's: 发布单位, 点阅数)
            continue
        if text.strip() == title or has_date(text):
            continue
        if is_prose(text):
            return []
        names = byline_names(text)
        if names:
            return names
    return []


def bare_date(text: str) -> bool:
    """A line that is only a date with its year (and a time), no label: '2019-07-13',
    '2019年7月13日 08:30'."""
    return bool(_DATE_ONLY.fullmatch(text.strip()))


_DATE_ONLY = re.compile(r"(?:(?:19|20)\d\d|(?:(?:中华)?民国\s*)?1\d\d(?=\s*年))\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")


def platform_post(lines: list[Line]) -> bool:
    """Whether a capture is a content platform's post (a WeChat article): a line of its own that
    the platform prints around every post (platform_marks: 阅读原文, 微信扫一扫…)."""
    marks = set(vocab.load("metadata.yml")["platform_marks"])
    return any(l.text.strip() in marks for l in lines)


def publisher_under_headline(texts: list[str], title: str | None) -> str | None:
    """The publisher a page that names no site prints alone between its headline and its text
    (a WeChat account: '标题' / '某某律师事务所' / first sentence): a name, not a person's (those
    are writers: names_under_headline), a date, a label or boilerplate, with the text directly
    after it. The headline printed again, a date line, the platform's 原创 mark with its writers
    and a writer's name printed over the account's are passed over."""
    from .clean import is_prose
    texts = [t.strip() for t in texts if t.strip() != (title or "").strip() and not (len(t) <= 40 and has_date(t))]
    if texts and texts[0].startswith(("原创", "原創")) and len(texts[0]) <= 30:
        texts = texts[1:]  # the platform's 原创 mark with its writers ('原创 某某 某某')

    def opens_text(i: int) -> bool:  # (a short opening section's heading may stand first: 前言)
        return i < len(texts) and (is_prose(texts[i]) or len(texts[i]) >= 8 and _PROSE_PUNCT_ANY.search(texts[i])
                                   or len(texts[i]) <= 8 and i + 1 < len(texts) and is_prose(texts[i + 1]))

    if (len(texts) >= 3 and 2 <= len(texts[0]) <= 20 and _ACCOUNT_CHARS.fullmatch(texts[0])
            and _publisher_like(texts[1]) and opens_text(2)):
        texts = texts[1:]  # the writer's name over the account's ('某某之风' / '某某的编程宇宙')
    if len(texts) < 2 or not opens_text(1):
        return None
    return texts[0] if _publisher_like(texts[0]) else None


def _publisher_like(t: str) -> bool:
    """A short name that may be a publisher's: no sentence, credit, label or furniture."""
    from .clean import pattern_reason
    return bool(2 <= len(t) <= 20 and _ACCOUNT_CHARS.fullmatch(t) and not _PROSE_PUNCT_ANY.search(t.replace(" ", ""))
                and not t.startswith(("记", "记", "—", "-")) and not t.endswith(("发布", "发布", "发布"))  # a subtitle, a release line
                and not byline_names(t) and not credited_authors(t) and not pattern_reason(t)
                and t not in vocab.load("metadata.yml")["not_sources"] and t not in vocab.load("metadata.yml")["not_names"]
                and t.rstrip("：:") not in vocab.load("metadata.yml")["opening_sections"]
                and not re.search(vocab.load("metadata.yml")["page_label"], t))


def outlet_under_dateline(texts: list[str], title: str | None) -> str | None:
    """The outlet a portal prints alone on the line under the headline's bare dateline, where
    others write 来源：… ('标题' / '2019-09-26 10:56:28' / '某某时报网' / text): a name ending as a
    newspaper's, a site's or an agency's does (`is_outlet_name`: 报, 网, 社…), not a column
    (图片新闻, 体育频道, 某县便民服务中心), a self-reference (本网讯), a placeholder credit, a label
    or furniture. `texts` are the lines under the printed headline."""
    from .clean import pattern_reason
    texts = [t.strip() for t in texts if t.strip() and t.strip() != (title or "").strip()]
    for date_line, t in zip(texts[:3], texts[1:4]):
        if (bare_date(date_line) and 2 <= len(t) <= 15 and is_outlet_name(t) and not t.startswith(("本", "·"))
                and not _PROSE_PUNCT_ANY.search(t) and not pattern_reason(t)
                and t not in vocab.load("metadata.yml")["not_sources"] and not has_date(t)):
            return t
    return None


def _place_names():
    from ..places import regions  # the gazetteer's forms by their first two characters
    return regions.name_index()


_PLACE_ENDS = frozenset("省市县区镇乡村街州旗盟")


def credited_source_like(value: str) -> bool:
    """'（新华社）', '（人民日报）': an outlet in closing brackets, not a writer ('（李明 上海报道）'
    is a writer and the place reported from)."""
    if value.endswith(_REPORTED_SUFFIXES) and re.search(r"\s", value.strip()):
        return False
    return bool(_site_words().search(value[-2:])) or value.endswith(("社", "报", "报"))


def labelled_title(lines: list[Line]) -> str | None:
    """A title the page prints with a label (主题：…, 标题：…: forums and notices)."""
    found = labelled_title_at(lines)
    return found[1] if found else None


_SPREAD_CELL_LABEL = re.compile(r"[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff]){1,3}")


def labelled_title_at(lines: list[Line]) -> tuple[int, str, bool] | None:
    """(index in `lines` of the line printing the title, the title, whether its label stands
    alone on the line before: a table's cell) of a labelled title; None when there is none."""
    pattern = re.compile(vocab.load("metadata.yml")["title_labels"])
    for i, line in enumerate(lines):
        text = line.text.strip()
        # (a table's label cell spread to the width of the others: 標　　題)
        m = pattern.match(re.sub(r"[ \u3000]+", "", text) if _SPREAD_CELL_LABEL.fullmatch(text) else unspaced_labels(text))
        if m and m.group(1):
            return i, m.group(1).strip(), False
        row = None if m else ROW_FIELD.match(text)
        if row and row.group(1) in _label_words("title_row_labels") and 4 <= len(row.group(2).strip()) <= 80:
            # (a table row, its label and value cells apart: 標題　某某; not an event's 主题 row)
            return i, row.group(2).strip(), True
        if m and i + 1 < len(lines) and 4 <= len(lines[i + 1].text.strip()) <= 80 and not column_label(lines[i + 1].text):
            return i + 1, lines[i + 1].text.strip(), True
    return None


def column_label(text: str) -> bool:
    """Whether `text` is another field's label (发布日期, 文　号, 来源): the title's label is then a
    column heading of a table listing documents (序号 文号 标题 发布日期), with no title after it."""
    t = re.sub(r"[ \u3000]+", "", text.strip()).rstrip(":：︰﹕")
    v = vocab.load("metadata.yml")
    return (t in _label_words("date_labels") or t in _label_words("source_labels") or t in _label_words("unit_labels")
            or bool(re.fullmatch(v["disclosure_labels"], t)) or bool(re.match(v["title_labels"], t)))


# A web address, a status line of labelled counts (在线用户:12066 当值版主:) or a calendar badge's
# month (2024年02月) is no headline.
# (a label and its count or date, 浏览次数：123, 时间：2023-05-06; not a headline's colon before a
# figure that goes on in words, 某港再造：3年投入1.8億 蚵棚聚落變身海味市集)
_NOT_HEADLINE = re.compile(r"^(?:https?://|www\.)|[:：︰﹕]$|[\u4e00-\u9fff][:：︰﹕]\s*\d[\d\s,.:%/\-年月日时時分秒万萬次人]*$|^[A-Za-z0-9_.\-]+$"
                           r"|^(?:19|20)\d\d\s*(?:年\s*\d{1,2}\s*月|[-/.]\s*\d{1,2})$"
                           r"|^(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*[号號]"  # (a magazine's issue: 2023年5月號 第48卷)
                           # (a document's head, the issuer and the kind set apart: 某縣政府　公告)
                           rf"|^[\u4e00-\u9fff]{{2,20}}(?:{_BODY_ENDS}|处|處)[ \u3000]+"
                           r"(?:公告|通告|通知|函|令|公报|公報|新闻稿|新聞稿)$")


def opens_text(first: str, second: str, longest: int = 40, exclaimed: bool = False) -> bool:
    """Whether `first` is a headline printed as the opening line of the text, `second` being the
    line after it: short, not closing with sentence or clause punctuation (a closing quote or
    bracket may follow a headline's last word: 座谈会”, (图)), no date, label, credit or
    boilerplate, and a sentence after it."""
    from .clean import WIRE_DATELINE, is_numbered_heading, is_prose, pattern_reason
    label = re.compile(vocab.load("metadata.yml")["page_label"])
    end = _CLAUSE_END.search(_CLOSERS.sub("", first))
    if end and exclaimed and end.group() in "！？!?" and "。" not in first:
        end = None  # (a headline may close with ！ or ？ where nothing else hints at the title)
    return (6 <= len(first) <= longest and not end and not field_line(first)  # (nor a field: 發布單位：社會課)
            and not is_document_number(first)  # (nor 某政办发〔2023〕58号)
            and not _ORIGINAL_TITLE_LABEL.match(first)  # (nor a reprint's 原标题：…, the paper's own title)
            and not first.startswith(("（", "(", "【", "[", "—", "－", "-"))  # a subtitle's dash
            and not is_numbered_heading(first)  # 一、… opens a section of the text, not the page
            and not has_date(first) and not label.search(first) and not WIRE_DATELINE.search(first)
            and not credited_authors(first) and is_prose(second) and not pattern_reason(first))


def headline_over_byline(texts: list[str | None]) -> int | None:
    """The index of the headline in the opening lines of a page that gives no other hint of its
    title (a 2000s article page, a forum post): the line above the first paragraph of prose, past
    what stands between a headline and its text (a dateline, a credit, a lone writer's name, a
    subtitle, a numbered section heading, an image's file name; None for a line of links), at most
    five of them, if it has a headline's shape (one closing with ！ or ？ too). None when no line
    there is one."""
    from .clean import is_numbered_heading, is_prose, pattern_reason
    def between(t: str) -> bool:
        return (len(t) <= 60 and (has_date(t) or credited_authors(t))) or bool(_IMAGE_FILE.fullmatch(t)) or (len(t) <= 40 and (
            bool(_LONE_NAME.match(t)) or t.startswith(("—", "－－")) or is_numbered_heading(t)))

    # (prose: a sentence with a clause inside it, not a headline closing with ！)
    prose = next((i for i, t in enumerate(texts)
                  if t and len(t) >= 20 and is_prose(t) and (len(t) >= 60 or re.search(r"[，。；,;]", t[:-1]))
                  and not pattern_reason(t) and not between(t)), None)
    if not prose:
        return None
    for i in range(prose - 1, max(-1, prose - 6), -1):
        t = (texts[i] or "").strip()
        if not t or between(t):
            continue
        return i if opens_text(t, texts[prose], 60, exclaimed=True) and not is_site_name(t) else None
    return None


_IMAGE_FILE = re.compile(r"[\w.\-]{1,60}\.(?:jpe?g|png|gif|webp|bmp)(?:\s*\(\d+\s*bytes\))?", re.I)  # '0.jpg', 'a.gif (2571 bytes)'
def is_lone_name(text: str) -> bool:
    """A name alone on its line: two to four Chinese characters, or one Latin word or handle."""
    return bool(_LONE_NAME.match(text.strip()))


_LONE_NAME = re.compile(r"^(?:[\u4e00-\u9fff·]{2,4}|[A-Za-z][\w.&-]{1,19})$")


_CLAUSE_END = re.compile(r"[。！？!?…；;，,：:]$")
_CLOSERS = re.compile(r"[”\"’）)】\]]+$")


def fits_headline(t: str, boilerplate, shortest: int = 6) -> bool:
    """Whether `t` is shaped like a headline (`_fits_headline`, six characters or more)."""
    return _fits_headline(t, boilerplate, shortest)


def _fits_headline(t: str, boilerplate, shortest: int = 8) -> bool:
    # (a reporter's credit is no headline: 記者王某／台北報導, 石某/中国青年报, 【文/某某网专栏作者 某某】)
    return (shortest <= len(t) <= 60 and "。" not in t[:-1] and _WORD_CHAR.search(t) and not _dated(t) and not boilerplate(t)
            and not _NOT_TITLE.search(t) and not _NOT_HEADLINE.search(t) and not field_line(t)
            and not is_document_number(t)  # (某政办发〔2023〕58号)
            and not _ORIGINAL_TITLE_LABEL.match(t)  # (a reprint's 原标题：…, the first printing's headline)
            and not summary_line(t)  # (摘要：…, a summary under the headline)
            and not credited_authors(t))


HAN_PAIR = re.compile(r"[\u4e00-\u9fff]{2}")  # two Chinese characters together
_WORD_CHAR = re.compile(r"[^\W_]")  # (a rule of ＊＊＊ or ——— between headline and text is no headline)


def _dated(t: str) -> bool:
    """A date printed in `t`, in any form the rules read (2024-11-25, 民國113年11月25日, 十一月 6th, 2009)."""
    return bool(_DATE.search(t)) or _date_in(t) is not None


_FIELD = re.compile(r"^([\u4e00-\u9fff]{2,6})\s*[:：︰﹕]\s*(.*)$")
# a table row's label and value cells joined by a space (發布單位　建設處)
ROW_FIELD = re.compile(r"^([\u4e00-\u9fff]{2,6})[ \u3000]+(\S.*)$")
# a counter's label in a byline block (点阅数：123, 浏览次数：45)
_COUNTER_LABEL = re.compile(r"(?:点阅|点击|浏览|阅读|人气)(?:次数|数|量|率|人次)?")


def field_line(t: str) -> bool:
    """A byline block's field: a known label and a short value or a count (发布单位：农业处,
    点阅数：123, 发布机构：…). A speaker or a column before a headline (某某：坚持…, 阅读：让孩子
    爱上书本的五个办法) has no such label, or a longer value."""
    m = _FIELD.match(t)
    if not m:
        # a table row's label and value cells, joined by a space (發布單位　建設處)
        row = ROW_FIELD.match(t)
        return (bool(row) and (column_label(row.group(1)) or bool(re.search(rf"(?:{vocab.load('metadata.yml')['field_name_ends']})$", row.group(1))))
                and len(row.group(2)) <= 20 and "。" not in row.group(2))
    label, value = m.groups()
    if _COUNTER_LABEL.fullmatch(label):
        return bool(re.match(r"\d", value))
    if re.fullmatch(vocab.load("metadata.yml")["disclosure_labels"], label):
        return len(value) <= 40  # (a disclosure table's field names a body in full: 发布机构：某某县人力资源和社会保障局)
    return _is_label(label) and (len(value) <= 12 or bool(re.search(r"\d", value)))


def headline_over_dateline(near: list[Line], boilerplate, dateline: int | None = None, context: list[Line] = ()) -> str | None:
    """A headline over its dateline, with a deck or a summary between the dateline and the text
    ('標題' / '發佈日期 : 2020-08-07' / '美國國務卿宣布…，以保護'): the line just above the last
    short date line among the lines above the text (or `dateline`, its index when known),
    passing over the other fields of a byline block printed between them (发布单位：…) and the
    outlet's name (NOWnews.com 今日新聞網). `context`: the lines over `near`, read only to see
    what stands over a stack of three."""
    # (or a longer line opening with the date, its credits after it and no sentence: 2021-06-08
    # 09:12:37 来源：… 作者：…; not a notice box's item, 2024-04-15 09:30 某某大队 点击：1032)
    # (or a relative date only: 某某日报 · 3天前)
    dated = [dateline] if dateline is not None else [i for i, l in enumerate(near) if (_dated(l.text) or mentions_relative_date(l.text)) and (
        len(l.text) <= 40 or len(l.text) <= 120 and _DATE_FIRST.match(l.text) and not re.search(r"[。，！？]", l.text)
        and _credit_label().search(l.text))]
    if dated and dated[-1] > 0:
        i = dated[-1] - 1
        deck = False
        while i > 0 and dated[-1] - i < 5 and (field_line(near[i].text) or _outlet_credit_line(near[i].text)
                                                or len(near[i].text) <= 30 and credited_authors(near[i].text)
                                                or _ORIGINAL_TITLE_LABEL.match(near[i].text) or summary_line(near[i].text)
                                                or near[i].text.strip().startswith(("——", "－－"))):
            # (and a writer's credit: 标题 / 作者：甲 / 某某周刊 1384期 / DATE; a reprint's 原标题：…; a
            # summary, 摘要：…, and the deck over it, ——某某见闻)
            deck = deck or near[i].text.strip().startswith(("——", "－－"))
            i -= 1
        t = near[i].text
        seen, k = list(context) + near, len(context) + i
        if (not deck and k >= 3 and all(_fits_headline(x.text, boilerplate, shortest=6) and not x.text.lstrip().startswith(("—", "－"))
                                        for x in seen[k - 2:k + 1])
                and stack_under_trail([x.text for x in seen], k - 2)):
            # (a stack of three right under the trail of links or the e-paper's page label, a kicker,
            # the headline and a deck: 引题 / 主题 / 副题; not items of a list under its header,
            # 热点 / 热点推荐, nor a topic's banner over the headline; nor where a dashed deck
            # was passed: the line over it is the headline, a series' banner and a kicker above)
            return headline_of_three([x.text for x in seen[k - 2:k + 1]])
        if _fits_headline(t, boilerplate) and not t.startswith("—") and not (i and column_label(near[i - 1].text)):
            return t  # (not a table's value under its bare label: 发布机构 / 某某厅, dates running down to the headline)
    return None


@lru_cache(maxsize=None)
def _stack_top() -> re.Pattern:
    """A trail of links over a stack, its separators any (首页 > …, 首页 / 县区动态 / 正文), or its
    label (`trail_labels`: 当前位置：…)."""
    labels = "|".join(map(re.escape, vocab.load("metadata.yml")["trail_labels"]))
    return re.compile(rf"[>›»＞]|^\s*(?:首页|首頁)\s*[/／|｜]|^\s*(?:{labels})|[/／]\s*正文\s*$")


def middle_of_a_stack(line_index: int, texts: list[str], boilerplate) -> str | None:
    """The middle line of a stack of three headline-shaped lines (引题 / 主题 / 副题) standing
    right under the trail of links or the e-paper's page label (`stack_under_trail`), where the
    line at `line_index` is one of the three and a byline or a dateline follows the stack (not
    a list of the page's stories under its label: 本版新闻 / four titles), or under the page's
    furniture right over the byline; None otherwise."""
    for top in range(max(0, line_index - 2), line_index + 1):
        three = texts[top:top + 3]
        after = texts[top + 3] if top + 3 < len(texts) else ""
        if (len(three) == 3 and all(_fits_headline(x, boilerplate, shortest=6) and not x.lstrip().startswith(("—", "－"))
                                    and not x.endswith("。") and not looks_like_site(x) and without_edition(x) == x for x in three)
                and ((credited_authors(after) or _dated(after)) and stack_under_trail(texts, top)
                     # (or under the page's furniture, 上一篇 / 下一篇 / PDF版下载, right over the byline,
                     # its deck of figures telling the stack's shape: 日均投入联合收割机2800余台; not a
                     # banner and a kicker over the headline, which its last line is then)
                     or credited_authors(after) and top >= 1 and boilerplate(texts[top - 1])
                     and _FIGURES.search(three[2]) and not _FIGURES.search(three[1]))):
            return headline_of_three(three)
    return None


_FIGURES = re.compile(r"[0-9０-９]|[一二三四五六七八九十百千两]+[万亿]")  # (a figure: 2800余台, 百亿元)


def headline_of_three(three: list[str]) -> str:
    """The headline of a stack of three lines: the middle one (引题 / 主题 / 副题), unless exactly
    one of them opens with a place and a colon (a series' banner and a kicker over 某县：…)."""
    placed = [t for t in three if place_colon_headline(t)]
    return placed[0] if len(placed) == 1 else three[1]


def stack_under_trail(texts: list[str], top: int) -> bool:
    """Whether the headline stack opening at `texts[top]` stands right under the trail of links or
    the page label (`over_a_stack`), or under a column's short label under it (首页 > 县区 / 县区新闻
    / stack)."""
    if top >= 1 and over_a_stack(texts[top - 1]):
        return True
    label = texts[top - 1].strip() if top >= 1 else ""
    return top >= 2 and 2 <= len(label) <= 6 and bool(HAN_PAIR.search(label)) and over_a_stack(texts[top - 2])


def over_a_stack(text: str) -> bool:
    """Whether `text` is what stands right over a headline's stack: the trail of links (首页 > …,
    当前位置：…) or an e-paper's page label; not a box's or a list's header (热点, 相关新闻)."""
    return bool(_stack_top().search(text)) or is_page_label(text.strip())
# (after its label or not: 日期：2023-07-12 09:30 来源：… 作者：…)
_DATE_FIRST = re.compile(r"\s*(?:[\u4e00-\u9fff]{2,4}\s*[:：︰﹕]\s*)?(?:19|20)\d\d\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}")


@lru_cache(maxsize=None)
def _credit_label() -> re.Pattern:
    """A dateline's credit label (来源：, 作者：; `source_labels`, `strong_author_labels`), not a box
    item's counter (点击：)."""
    v = vocab.load("metadata.yml")
    return re.compile("(?:" + "|".join(map(re.escape, v["source_labels"])) + rf"|{v['strong_author_labels']})\s*[:：︰﹕]")


@lru_cache(maxsize=None)
def _summary_label() -> re.Pattern:
    words = "|".join(map(re.escape, sorted(vocab.load("metadata.yml")["opening_sections"], key=len, reverse=True)))
    return re.compile(rf"^\s*[【\[]?(?:{words})[】\]]?\s*[:：︰﹕]\s*\S")


def summary_line(text: str) -> bool:
    """A summary printed between a headline and its dateline with its label (摘要：…, 导读：…;
    `opening_sections`)."""
    return bool(_summary_label().match(text))


def headline_over_credits(near: list[Line], boilerplate) -> str | None:
    """The headline over a byline block with no date in it (标题 / 来源：某某 / 通讯员 甲 乙, a page
    that prints no date): the line over the block's first line, the block being the last run of
    fields and writers' credits among the lines above the text (`headline_over_dateline` walks
    it back)."""
    # (a source's or a writer's field, not a counter: 阅读：2316 under a sidebar's post)
    credit = lambda t: bool(_credit_label().search(t)) or len(t) <= 30 and bool(credited_authors(t))  # noqa: E731
    last = next((i for i in range(len(near) - 1, -1, -1) if credit(near[i].text)), None)
    return headline_over_dateline(near, boilerplate, dateline=last) if last else None


def headline_over_labelled_date(near: list[Line], boilerplate) -> str | None:
    """The headline over the first date labelled as the publication date among the lines above
    the text (标题 / 发布时间：… / 信息来源：…), passing over other fields between them: where a
    notice lists dated documents in a table before its text, the last dated line above the text
    is a row of that table, not the headline's dateline."""
    for at, line in enumerate(near):
        if len(line.text) <= 60 and labelled_date([line]):
            # (that line, however long its other fields make it: 发布时间：… 来源：… 作者：…)
            return headline_over_dateline(near[:at + 1], boilerplate, dateline=at)
    return None


def _outlet_credit_line(t: str) -> bool:
    """A line that is only the outlet's or site's name, printed between a headline and its date
    ('NOWnews.com 今日新聞網', '某某日报'): named like an outlet, or a site with its address."""
    t = t.strip()
    issue = _ISSUE.search(t)  # ('某某周刊 1384期': a magazine's name and issue)
    if issue and re.search(rf"(?:{vocab.load('metadata.yml')['periodical_ends']})$", t[:issue.start()].strip()):
        return True
    return len(t) <= 30 and (is_outlet_name(t) or bool(DOMAIN.search(t)) and looks_like_site(t))


def headline_before(header: list[Line], boilerplate) -> str | None:
    """The headline printed just above the article text, when the page-title line was unusable:
    the nearest header line that is neither boilerplate, a date, nor a sentence."""
    near = header[-6:]
    over = headline_over_dateline(near, boilerplate)
    if over:
        return over
    # a short headline (瓜片飘香) right over its writers' credit, the text under them: a headline
    # shorter than the usual is still the line a byline stands under
    if (len(near) >= 2 and len(near[-1].text) <= 60 and credited_authors(near[-1].text)
            and _fits_headline(near[-2].text.strip(), boilerplate, shortest=4) and not near[-2].text.lstrip().startswith(("—", "－", "-"))
            and not is_navigation_name(near[-2].text.strip()) and not is_page_label(near[-2].text.strip())):
        return near[-2].text.strip()
    for i in range(len(near) - 1, -1, -1):
        t = near[i].text
        at = len(header) - len(near) + i
        if at and column_label(header[at - 1].text):
            continue  # (a table's value under its bare label: 发布机构 / 某某省交通运输厅)
        if _fits_headline(t, boilerplate):
            if t.startswith(("——", "—", "－－")):  # a subtitle: the headline is printed above it
                # (the headline alone, as the corpora annotate a subtitle printed on its own line;
                # a page-title line that joins them is read before this, find_title)
                joined = _headline_above_subtitle(near[:i], t, boilerplate)
                return joined.removesuffix("——" + t.lstrip("—－ ")) if joined else None
            # the headline printed in full above, with the writer's name before it ('茉莉：' + t)
            fuller = [l.text for l in near[:i] if l.text.endswith(t) and l.text[:-len(t)].rstrip().endswith(("：", ":"))
                      and len(l.text) - len(t) <= 12 and not boilerplate(l.text)]  # (not 正在阅读：…, a ticker)
            return fuller[-1] if fuller else t
    return None


def headline_sharing_words(header: list[Line], text: str, boilerplate, reach: int = 25) -> str | None:
    """The headline among the last `reach` lines above the text, found by the words it shares
    with the text, when nothing else marks it (a capture of the body alone, opening with a menu,
    a row of share counters and a byline block between headline and text): a headline names
    what the text is about; a menu, a site's name, a share row or the next article's headline
    do not. The line sharing the most of its character pairs with the text's opening (counted
    by `words_shared`), if at least half of its pairs are there (nearest the text when two
    tie); None when no line has that."""
    opening = text_pairs(text)
    # (a Chinese text's headline has two Chinese characters together: not a counter or a
    # button's English label that happens to share digits or letters with the text: 135,983, toggle)
    chinese = bool(HAN_PAIR.search(text[:4000]))
    best, best_score = None, 0.0
    for line in reversed(header[-reach:]):
        t = line.text.strip()
        if (loose_headline_shape(t, boilerplate) and (HAN_PAIR.search(t) or not chinese)
                and (score := words_shared(t, opening)) > best_score):
            best, best_score = t, score
    return best


def words_shared(line: str, opening: set[str]) -> float:
    """How much of `line` is words of the text (`opening`: its character pairs, `_pairs`): the
    pairs found there, weighted by their share of the line's pairs (a long line half made of
    the text's words outweighs a two-word label wholly made of them: 中国内蒙古 above the
    headline); 0 when fewer than two or less than half of them are found."""
    own = _pairs(line)
    shared = len(own & opening)
    return shared * shared / len(own) if shared >= 2 and 2 * shared >= len(own) else 0.0


def shares_hardly_a_word(line: str, opening: set[str]) -> bool:
    """Whether at most one character pair of `line` is among `opening` (the text's, `_pairs`),
    and less than a fifth of them: one pair in common is chance (国际, 中国), two are a topic."""
    own = _pairs(line)
    shared = len(own & opening)
    return shared == 0 or shared == 1 and 5 * shared < len(own)


def shares_no_word(line: str, opening: set[str]) -> bool:
    """Whether not one character pair of `line` is among `opening` (the text's, `_pairs`)."""
    return not _pairs(line) & opening


def mentions_relative_date(text: str) -> bool:
    """Whether `text` states a relative date as a word of its own (发布于3天前, 昨天 10:20 来源：…;
    `relative_dates`), never turned into a date."""
    return bool(_relative_mention().search(text))


@lru_cache(maxsize=None)
def _relative_mention() -> re.Pattern:
    return re.compile(r"(?:^|[\s:：于於])(?:" + vocab.load("metadata.yml")["relative_dates"] + ")")


def account_of_operator(source: str | None, names: list[str]) -> str | None:
    """The account's name when a post credits the media centre that runs the account (来源：某某县
    融媒体中心 under 某某发布 or 某某融媒): the account is the origin readers cite, the centre its
    operator, not another outlet (`operator_ends`); None otherwise."""
    m = re.fullmatch(rf"(.{{2,8}}?)(?:{vocab.load('metadata.yml')['operator_ends']})", source or "")
    if not m:
        return None
    return next((n for n in names if n != source and n.startswith(m.group(1)) and brand_name(n)), None)


def brand_name(name: str) -> bool:
    """Whether `name` ends as a media brand's does (`brand_ends`: 某某新闻, 某某云, 某某号,
    某某客户端), not as a page's word (网站首页, 首頁)."""
    name = reading_form(name.strip())
    return (2 < len(name) <= 12 and bool(re.search(rf"(?:{vocab.load('metadata.yml')['brand_ends']})$", name))
            and not is_navigation_name(name) and name not in vocab.load("metadata.yml")["not_sources"])


def document_issuer(name: str) -> bool:
    """Whether `name` is a government body issuing a document, as its heading names it before
    the document's title (某县人民政府办公室 / 某市农业农村局: `issuing_body` of sections.yml,
    ending as an office does: `issuer_ends` of metadata.yml); never a trail of links (首页社会)."""
    name = reading_form(name)  # (a saved page's blocks are read as printed: 某縣政府辦公室)
    return (bool(re.fullmatch(vocab.load("sections.yml")["issuing_body"], name))
            and name.endswith(tuple(vocab.load("metadata.yml")["issuer_ends"])) and not _NOT_ISSUER.search(name))


_NOT_ISSUER = re.compile(r"首页|首頁|当前位置|當前位置|您的位置")


def loose_headline_shape(t: str, boilerplate) -> bool:
    """A line that may be a headline when the words it shares with the text say so: a looser
    shape than `_fits_headline` (a short headline, a number after a colon: 突发！新疆地震,
    民進黨不支持：18%結構複雜), still no sentence, date, label, credit, post's byline, furniture
    or subtitle."""
    return (5 <= len(t) <= 80 and "。" not in t[:-1] and not t.endswith(("：", ":", "。")) and _WORD_CHAR.search(t)
            and not t.startswith(("—", "－", "·", "‧", "•")) and not _dated(t) and not boilerplate(t)
            and not field_line(t) and not credited_authors(t) and not _NOT_TITLE.search(t)
            and t.split()[0] not in vocab.load("metadata.yml")["post_marks"])  # ('原创 某某 某某号': a post's byline)


def text_pairs(text: str) -> set[str]:
    """The character pairs of the text's opening, as `words_shared` compares them."""
    return _pairs(text[:4000])


def _pairs(text: str) -> set[str]:
    """The pairs of adjacent letters or digits in `text`, within a word (a Chinese run, a Latin word)."""
    return {a + b for run in re.findall(r"[^\W_]+", text) for a, b in zip(run, run[1:])}


def _headline_above_subtitle(above: list[Line], subtitle: str, boilerplate) -> str | None:
    """'犬儒病(上)' / '胡某' / '——当代中国的精神危机': the headline over its subtitle, joined as
    titles with a subtitle are written ('犬儒病(上)——当代中国的精神危机'); the writer's name
    printed between them is passed over. None when no headline stands there."""
    for line in reversed(above[-2:]):
        t = line.text.strip()
        if byline_names(t):
            continue
        # (a headline may quote and hold a colon or a space: 小柳条编出国际“大市场”; no sentence)
        if 2 <= len(t) <= 40 and not re.search(r"[。；;]", t) and not has_date(t) and not boilerplate(t) and not field_line(t):
            return t + "——" + subtitle.lstrip("—－ ")
        return None
    return None
