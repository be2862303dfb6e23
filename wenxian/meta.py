"""Metadata from the lines of a capture: title, date, source, author.

Nothing is guessed: a value is returned only when the capture states it, else None.
"""
from __future__ import annotations

import re

from .clean import Line

_SITE_WORDS = re.compile(r"网|網|政府|日报|日報|报|報|新闻|新聞|门户|頻道|频道|PIXNET|站|平台|在线|客户端|电视|卫视|中心|部落格|Blog|blog")
_SEPARATORS = [" @ ", " :: ", "_", " - ", "-", "|", "｜", "—"]
_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})(?!\d)")
_SOURCE = re.compile(r"(?:来源|來源|稿源|出处)\s*[:：]\s*([^\s|｜:：]{2,20})")
_DATELINE = re.compile(r"^[(（【]?([\u4e00-\u9fff]{2,8}?)(?:讯|訊|消息)")
_AGENCY = re.compile(r"^[(（【]?(新华社|中新社|中新网|人民网|新华网|央视网|光明网)")
_AUTHOR = re.compile(r"(?:记者|記者|作者|文)\s*[:：]?\s*([\u4e00-\u9fff]{2,4}(?:[、 ][\u4e00-\u9fff]{2,4})*)")


def split_site_suffix(line: str) -> tuple[str, str | None]:
    """'标题_某某网' -> ('标题', '某某网'); a suffix is split off only when it names a site."""
    for sep in _SEPARATORS:
        if sep in line:
            head, _, tail = line.rpartition(sep)
            tail = tail.strip(" :").split(" :: ")[0].strip()
            if head.strip() and tail and _SITE_WORDS.search(tail) and len(tail) <= 15 and len(tail) < len(head):
                return head.strip().rstrip("-_|｜ ").strip(), tail
    return line, None


_NOT_TITLE = re.compile(r"[>»]|记者|通讯员|作者|摄影|当前位置|您的位置|首页|^\w{0,6}\d+\*\d+$|查看原文")


def find_title(lines: list[Line]) -> tuple[str | None, str | None]:
    """(title, publishing site) from the page-title line (first line, as scrapers save the HTML
    <title>); when that line is navigation, None rather than a guess."""
    if not lines:
        return None, None
    first = lines[0].text
    if "。" in first or len(first) > 80:
        return None, None
    title, site = split_site_suffix(first)
    title = title.rstrip("-_|｜ ")
    if len(title) < 4 or _NOT_TITLE.search(title):
        return None, site
    return title, site


def find_date(header: list[Line]) -> str | None:
    for line in header:
        m = _DATE.search(line.text)
        if m:
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


_SOURCE_ALONE = re.compile(r"(?:来源|來源|稿源|出处)\s*[:：]$")


def find_source(meta_lines: list[Line], all_lines: list[Line], first_paragraphs: list[str]) -> str | None:
    """Credited origin: a 来源 line (value on the same or the next line), else a dateline
    (天山网讯, 新华社…) in the first paragraphs."""
    following = {a.number: b for a, b in zip(all_lines, all_lines[1:])}
    for line in meta_lines:
        m = _SOURCE.search(line.text)
        if m:
            return m.group(1).strip("《》")
        nxt = following.get(line.number)
        if _SOURCE_ALONE.search(line.text) and nxt and 2 <= len(nxt.text) <= 20:
            return nxt.text.strip("《》")
    for par in first_paragraphs:
        m = _AGENCY.match(par) or _DATELINE.match(par)
        if m:
            return m.group(1)
    return None


def find_authors(meta_lines: list[Line], first_paragraph: str | None) -> list[str]:
    texts = [l.text for l in meta_lines if len(l.text) <= 60]
    if first_paragraph:
        texts.append(first_paragraph[:60])
    for t in texts:
        m = _AUTHOR.search(t)
        if m:
            return [n for n in re.split(r"[、 ]", m.group(1)) if n]
    return []


def headline_before(header: list[Line], boilerplate) -> str | None:
    """The headline printed just above the article text, when the page-title line was unusable:
    the nearest header line that is neither boilerplate, a date, nor a sentence."""
    for line in reversed(header[-6:]):
        t = line.text
        if 8 <= len(t) <= 60 and "。" not in t and not _DATE.search(t) and not boilerplate(t) and not _NOT_TITLE.search(t):
            return t
    return None
