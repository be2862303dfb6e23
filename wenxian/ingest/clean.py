"""Line classification: which lines of a capture are the article and which are boilerplate.

Each non-blank line is either kept (as a paragraph, a sub-heading or an image marker) or
removed with a reason, so kept + removed account for every line of the source. Two signals:
patterns from `data/boilerplate.yml`, and the position of a line relative to the main text,
found as the contiguous run of lines with the highest "prose score" (long lines with Chinese
sentence punctuation score by length, short unpunctuated lines cost a little), the way
boilerplate-removal tools find the densest block of text.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass

from . import vocab
from .reading_form import without_glosses
from .recurring_lines import REASON as RECURRING

SHORT = 40
_PROSE_PUNCT = re.compile(r"[，。！？；、,!?;：]")
_END_PUNCT = re.compile(r"[。！？!?…”\"）)]$")
_PAGE_MARK = re.compile(r"\s*[(（]\d{1,2}[)）]")
_SENTENCE_END = re.compile(r"[。！？!?]”?$")
_ENGLISH_SENTENCE = re.compile(r"^(?=[\x20-\x7e]{30,}$)(?:\S+\s+){5,}\S*[.!?]$")  # six words and a full stop
_CODE = re.compile(r"[=;{}]|\w\(.*\)|^\s*(?:def|class|import|from|return|for|if|while|#include|//|#)\b|^\s*[\])}]")
_TEASER = re.compile(r"(?<![.…])(?:\.{3}|…)$")  # cut with '...' or one '…' (speech trails off with ……)
_FULL_STOP = re.compile(r"[。！!…][”」』）)]?$")
_DATED = re.compile(r"(?<!\d)(?:19|20)\d\d\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}(?!\d)")
_SUFFIX_START = re.compile(r"[\s\-_|｜–—@(（\[【<《>»·:：]")
_CLAUSE_GOES_ON = re.compile(r"[\u4e00-\u9fff]{4}[，、；]$")
_WS = "\u3000\xa0\u200b\ufeff \t\r"


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line number in the decoded capture
    text: str  # stripped text


@dataclass(frozen=True)
class Kept:
    line: Line
    kind: str  # "paragraph" | "heading" | "image"


@dataclass(frozen=True)
class Removed:
    line: Line
    reason: str


@dataclass(frozen=True)
class Cleaned:
    kept: list[Kept]
    removed: list[Removed]


def split_lines(text: str) -> list[Line]:
    out = []
    for i, raw in enumerate(text.splitlines(), 1):
        s = raw.strip(_WS)
        if s.strip():
            out.append(Line(i, s))
    return out


@lru_cache(maxsize=None)
def _prefilter() -> tuple[_Joined, _Joined, re.Pattern]:
    """The boilerplate patterns joined into one alternation per scope, so the common case, a
    line that matches nothing, costs a few searches instead of one per pattern. The patterns
    anchored at the line's start are joined apart and tried at its start only: inside one
    alternation with the others, a search would try them at every position of every line."""
    def join(scope: str) -> _Joined:
        pats = [p.pattern for _r, sc, p in vocab.boilerplate_rules() if sc == scope]
        anchored = [p for p in pats if p.startswith("^") and not _alternates_at_top(p)]
        rest = [p for p in pats if p not in anchored]
        return _Joined(re.compile("|".join(f"(?:{p})" for p in anchored) or "(?!)"),
                       re.compile("|".join(f"(?:{p})" for p in rest) or "(?!)"))
    whole = [p.pattern for _r, sc, p in vocab.boilerplate_rules() if sc == "whole"]
    return join("any"), join("short"), re.compile("|".join(f"(?:{p})" for p in whole) or "(?!)")


@dataclass(frozen=True)
class _Joined:
    """Patterns joined in two alternations: those anchored at the start, the others."""
    anchored: re.Pattern
    rest: re.Pattern

    def search(self, text: str) -> bool:
        return bool(self.anchored.match(text) or self.rest.search(text))


def _alternates_at_top(pattern: str) -> bool:
    """Whether `pattern` has a '|' outside every group and character class ('^a|b' matches b
    anywhere: it is no anchored pattern)."""
    depth, in_class, escaped = 0, False, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
    return False


def pattern_reason(text: str) -> str | None:
    """The reason of the first boilerplate rule that matches the line, in file order. A line's
    length for the `short` rules leaves out a web address at its end: a promotion with its link
    (立即下載某某App：https://bit.ly/…) is as short as its words.
    Lines up to 500 characters are remembered, as many as a capture may have (a saved page's
    blocks are asked twice, scoring the main span then classifying; a text capture with no
    page-title line is cleaned twice, before and after its headline is found), so the cache
    holds at most 20,000 short lines."""
    return _short_pattern_reason(text) if len(text) <= 500 else _pattern_reason(text)


@lru_cache(maxsize=20000)
def _short_pattern_reason(text: str) -> str | None:
    return _pattern_reason(text)


def _pattern_reason(text: str) -> str | None:
    any_len, short, whole = _prefilter()
    url = _TRAILING_URL.search(text)
    n = len(text[:url.start()].rstrip(" \t:：︰﹕")) if url else len(text)
    if not (any_len.search(text) or whole.fullmatch(text) or n <= SHORT and short.search(text)):
        return None
    step = _STEP.match(text)
    for reason, scope, pat in vocab.boilerplate_rules():
        if scope == "whole":
            if pat.fullmatch(text):
                return reason
        elif scope == "short":
            # (a step of a procedure the text gives is the text's, however it reads: 第一步：下载
            # 某某App…； / 第二步：扫描回收机上的二维码…; not the steps of an account's prompt to
            # star it, 第一步：点击上方蓝字)
            if n <= SHORT and not (step and reason in _STEP_READS_AS) and pat.search(text):
                return reason
        elif pat.search(text):
            return reason
    return None


_STEP_READS_AS = ("share or print widget", "contact footer")  # (the rules a text's step may read like)
_STEP = re.compile(r"^\s*(?:第[一二三四五六七八九十0-9０-９]{1,3}步|步[骤驟][一二三四五六七八九十0-9０-９]{1,2})\s*[:：︰﹕、]")
_TRAILING_URL = re.compile(r"(?:https?://|www\.)\S+$")  # (no leading \s*: linear on long runs of spaces)


@lru_cache(maxsize=None)
def _image_placeholder() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in vocab.load("damage.yml")["image_placeholders"]))


def is_image_placeholder(text: str) -> bool:
    return bool(_image_placeholder().search(text))


def is_prose(text: str) -> bool:
    return len(text) >= 15 and bool(_PROSE_PUNCT.search(text)) or len(text) >= 60


def _ornament(text: str) -> bool:
    """A line of pictographs only (🌱, ❀ ❀ ❀, ★★★): symbols of Unicode's 'other symbol' class, with
    spaces and emoji joiners; not a menu's separators (|, ‧, ＞, ：), which are punctuation."""
    marks = [ch for ch in text if not ch.isspace() and ch not in "\u200d\ufe0f"]
    return bool(marks) and all(unicodedata.category(ch) == "So" for ch in marks)


def _score(text: str, reason: str | None) -> int:
    """A line's weight in the prose run: running text by its length (an English sentence too),
    a line of program code nothing (articles quote code; menus do not look like it), any other
    short line a small cost, a boilerplate line a larger one."""
    if reason:
        return 0 if reason in vocab.inside_text_reasons() else -20
    if len(text) <= 40 and _TEASER.search(text):
        return -12  # a teaser cut short ('要聞：太扯 勞保局把檢舉人曝光...'): a list of other items
    if len(text) <= 40 and text[:1] in "·•" and not _FULL_STOP.search(text) and not text.endswith(("；", ";", "，", ",")):
        return -12  # '· 性能大增！某手机正式发布：首批支持': a bulleted headline of another article
    if _TITLED_DATELINE.search(text) and "。" not in text:
        return -12  # 新华社乌鲁木齐11月1日电题：…: the wire's dateline and its headline, above the text
    if is_prose(text) or _SENTENCE_END.search(text) or _ENGLISH_SENTENCE.search(text):
        return len(text)
    if _CLAUSE_GOES_ON.search(text):
        return len(text)  # a clause that goes on below it (a verse line, a wrapped sentence): no menu ends so
    if _CODE.search(text):
        return 0
    if _ornament(text):
        return 0  # an ornament between a post's paragraphs (🌱, ❀ ❀ ❀): no text, and no menu either
    return -12


_SIZE_BUTTON = re.compile(r"[小中大]|A[+\-]?")
_SIZE_LABEL = re.compile(r"^(?:目前)?(?:字级|字体|字型|字号)(?:大小)?\s*[:：︰﹕]")


def _size_buttons(lines: list[Line], reasons: list[str | None]) -> None:
    """A text-size switch printed one button to a line (小 / 中 / 大 / 字級大小：): a line of one
    size word within three lines of the switch's label is the switch's (`reasons` is changed).
    Alone, such lines are text (a primer teaching the characters 大, 小, 中)."""
    labels = [i for i, l in enumerate(lines) if len(l.text) <= 20 and _SIZE_LABEL.match(l.text)]
    for i in labels:
        for j in range(max(0, i - 3), min(len(lines), i + 4)):
            if not reasons[j] and _SIZE_BUTTON.fullmatch(lines[j].text.strip()):
                reasons[j] = "share or print widget"


def _listed_credits(lines: list[Line], reasons: list[str | None]) -> None:
    """Credits without a colon in a list the text introduces with one ('创刊号的版权页上，只印着
    四个名字：' / '主编 某某' / '编辑 某某'): the text's own list, not the page's editing chain
    (`reasons` is changed)."""
    for i, line in enumerate(lines):
        if line.text.endswith(("：", ":")) and not reasons[i] and is_prose(line.text):
            for j in range(i + 1, min(len(lines), i + 9)):
                if reasons[j] != "editor credit":
                    if reasons[j]:
                        break
                    continue
                if not re.search(r"[:：︰﹕/／]", lines[j].text):
                    reasons[j] = None


def repost_card(lines: list[Line], reasons: list[str | None]) -> None:
    """A WeChat repost's card ('以下文章来源于某某，作者某某' / '某某 .' / '某某是…的官方账号'):
    the opening line and the short lines of the next three that open with the account's name (the
    card's name and description) are the card (`repost_card` in sections.yml; `reasons` is
    changed). A line of the text that merely names the account stays."""
    card = re.compile(vocab.load("sections.yml")["repost_card"])
    described = re.compile(vocab.load("sections.yml")["repost_card_description"])
    for i, line in enumerate(lines):
        m = card.match(line.text.strip())
        if not m:
            continue
        reasons[i] = reasons[i] or REPOST_CARD
        for j in range(i + 1, min(len(lines), i + 4)):  # (a saved page's avatar may stand between)
            if len(lines[j].text) <= 80 and lines[j].text.strip().startswith(m.group(1)):
                reasons[j] = reasons[j] or REPOST_CARD
                # (the description under the name, when it does not open with it)
                if (lines[j].text.strip() == m.group(1) and j + 1 < len(lines)
                        and described.match(lines[j + 1].text.strip())):
                    reasons[j + 1] = reasons[j + 1] or REPOST_CARD


def _below_printed_headline(lines: list[Line], reasons: list[str | None], start: int, end: int) -> int:
    """Where the text starts when the headline is printed inside the run of prose (`start`,
    `end`): under the headline and its dateline, if it is printed there once (and nowhere else
    but the page-title line) with its dateline under it, and at least as much prose follows it in
    the run as precedes it. A headline stands above its article; prose above it in the same run is
    another block (a ticker of other news, teasers) that the run took in because only a few
    short lines stood between them."""
    printed = [i for i in range(1, len(lines)) if reasons[i] and reasons[i].startswith("title")]
    if (len(printed) == 2 and all(reasons[p] == "title" for p in printed) and start - 3 <= printed[0] < start <= printed[1] < end
            and 3 <= printed[1] - printed[0] <= 12
            # (no byline or date between: not a poem's title sung again as its refrain)
            and not any(reasons[i] for i in range(printed[0] + 1, printed[1]))
            and all(len(l.text) <= 40 and not re.search(r"[。；;，,、：:—]$", l.text) and not re.search(r"[。；;]", l.text)
                    for l in lines[printed[0] + 1:printed[1]])):
        # (an e-paper's list of the page's headlines, this one first among them, run into the
        # text's run over the headline printed again: the text starts under the second printing)
        return printed[1] + 1
    if len(printed) != 1 or not start < printed[0] < end or reasons[printed[0]] != "title":
        # (none; or printed between the text's pictures as a divider; or printed above the run
        # too: a cover notice above a second printing. The page-title line does not count.)
        return start
    at = printed[0]
    def prose(part):
        return sum(len(l.text) for l, r in part if not r and is_prose(l.text))
    before = prose(zip(lines[start:at], reasons[start:at]))
    after = prose(zip(lines[at + 1:end], reasons[at + 1:end]))
    # Nothing but the page-title line reads as prose above the headline (menus, a breadcrumb, a
    # date bar between them: a page title that holds a colon or a long name scored as prose and
    # took them into the run): the text starts under the headline, dateline or not.
    furniture_only = start == 0 and after and not prose(zip(lines[1:at], reasons[1:at]))
    under = lines[at + 1].text if at + 1 < end else ""
    # (a dateline, not a bracketed note of a plan's adoption: （2023年4月28日…审议通过）)
    if not furniture_only and not (len(under) <= 60 and _DATED.search(under) and not under.startswith(("（", "("))):
        return start  # (a headline with no dateline under it: an editor's note, a digest's item)
    if not before or after < before:
        return start
    at += 1
    while at < end and not reasons[at] and len(lines[at].text) <= 40 and _DATED.search(lines[at].text):
        at += 1  # (its dateline: 2014/12/11 18:58 報導)
    return at


_DIGITS = re.compile(r"[0-9０-９]{1,6}")
_CELL_MAX = 20  # characters of a table's cell written on a line of its own
_TABLE_MIN = 6  # cells in a row, at least, for a run of short lines to be a table


def table_cells(lines: list[Line], reasons: list[str | None]) -> set[int]:
    """Lines that are the cells of a table a scraper wrote one to a line (乡镇 / 转移人数 / 城关镇 /
    1250 / 320 / …): a run of at least six short lines, not prose, with two numbers or more and
    two labels or more, between a line of the text above (a sentence, one introducing the
    table with a colon, or the numbered section's heading: 一、拟发放名单) and a sentence or the
    next numbered section's heading below. Their
    numbers alone on a line are no page numbers, and the run costs the text nothing: read as
    navigation, a table's figures were removed and its length cut the text before it away."""
    out: set[int] = set()
    i, n = 0, len(lines)
    while i < n:
        j = i
        while j < n and len(lines[j].text) <= _CELL_MAX and not is_prose(lines[j].text) and not is_numbered_heading(lines[j].text) and (
                not reasons[j] or reasons[j] == "navigation" and _DIGITS.fullmatch(lines[j].text)):
            j += 1
        if j - i >= _TABLE_MIN and 0 < i and j < n:
            numbers = sum(bool(_NUMBER_CELL.fullmatch(lines[k].text)) for k in range(i, j))
            above, below = lines[i - 1].text, lines[j].text
            if (numbers >= 2 and j - i - numbers >= 2 and not reasons[i - 1] and not reasons[j]
                    and (is_prose(above) or above.endswith(("：", ":")) or is_numbered_heading(above))
                    and (is_prose(below) or is_numbered_heading(below))):
                out.update(range(i, j))
        i = max(j, i + 1)
    return out


def verse_lines(lines: list[Line], reasons: list[str | None]) -> set[int]:
    """Lines of a poem printed one verse a line (在岷江的上游 / 母亲把一粒种子 / 按进三月的冻土): a
    run of at least eight short lines no rule removed, none a sentence, short on average, most
    of them holding the little words verse is made of (`verse_words`: 的, 把, 像, 我…; a menu's
    labels and a list of headlines hold few), next to the text's prose. The run costs the text
    nothing: read as a menu, a poem was removed and the text cut to its afterword."""
    little = re.compile(vocab.load("sections.yml")["verse_words"])
    out: set[int] = set()
    i, n = 0, len(lines)
    while i < n:
        j = i
        while j < n and not reasons[j] and 2 <= len(lines[j].text) <= 20 and not is_prose(lines[j].text):
            j += 1
        run = [lines[k].text for k in range(i, j)]
        # (a verse breaks a sentence at a comma somewhere, 她说，当归当归; a menu's labels, four
        # characters each, and a list of headlines never do)
        if (len(run) >= 8 and sum(map(len, run)) <= 12 * len(run) and 2 * sum(bool(little.search(t)) for t in run) >= len(run)
                and any("，" in t or t.endswith(("、", "；")) for t in run) and 2 * sum(len(t) == 4 for t in run) < len(run)
                and any(is_prose(lines[k].text) for k in list(range(max(0, i - 2), i)) + list(range(j, min(n, j + 2))))):
            out.update(range(i, j))
        i = max(j, i + 1)
    return out


# an epigraph's source: a book, or a person named in two to four characters (——《汉书》, ——鲁迅);
# not a deck (——某团发展庭院经济见闻)
_ATTRIBUTION = re.compile(r"^\s*(?:——|－－|—)\s*(?:《[^》]{1,20}》|[\u4e00-\u9fff·]{2,4})\s*$")


def main_span(lines: list[Line], reasons: list[str | None], table: set[int] = frozenset()) -> tuple[int, int]:
    """Indexes [start, end) of the run of lines with the highest total prose score. Short lines
    of a list introduced by a colon (例如：/ 一般来说：), numbered sub-headings and the cells of
    a table (`table`: `table_cells`) cost nothing: they are the article's structure, not
    furniture between articles."""
    best, best_span = 0, (0, 0)
    cur, start = 0, 0
    in_list = 0
    numbered_run = 0  # numbered lines in a row: one is a sub-heading, a run is a ranked list
    row = 0  # the number of the last row of a numbered table (序号 姓名 村 岗位 / 1 王某 某村 保洁 / 2 …)
    for i, (line, reason) in enumerate(zip(lines, reasons)):
        if cur <= 0:
            cur, start = 0, i
        score = _score(line.text, reason)
        numbered = not reason and is_numbered_heading(line.text)
        numbered_run = numbered_run + 1 if numbered else 0
        cells = line.text.split()
        row = int(cells[0]) if (not reason and len(cells) >= 3 and cells[0].isdigit() and int(cells[0]) == row + 1
                                and all(len(c) <= 16 for c in cells)) else 0
        if score < 0 and not reason and (in_list or numbered and numbered_run <= 2 or row or i in table):
            score = 0  # (a numbered table's rows are the text's, a list of names or items it announces)
        if score < 0 and not reason and i and _ATTRIBUTION.match(line.text) and lines[i - 1].text.rstrip().endswith(("”", "」", "’")):
            score = 0  # (“郡县治，天下安。” / ——《汉书》: an epigraph's source under its quotation)
        cur += score
        if reason:
            in_list = 0
        elif line.text.endswith(("：", ":")):
            in_list = 8
        elif score > 0:
            in_list = 0
        else:
            in_list = max(0, in_list - 1)
        if cur > best:
            best, best_span = cur, (start, i + 1)
    return best_span


ACCOUNT_CARD = "account card (the platform's description of the account)"
REPOST_CARD = "repost card (the platform's card naming the account reposted)"


@lru_cache(maxsize=None)
def _account_card() -> tuple[re.Pattern, re.Pattern]:
    v = vocab.load("sections.yml")
    return re.compile(v["account_card_labels"]), re.compile(v["account_card_ids"])


def _under_headline(lines: list[Line], reasons: list[str | None], i: int) -> bool:
    """Whether line `i` (a stamp of date, time and counters) stands under the article's headline:
    the headline is one or two lines above (known, or printed again over the text within the
    next twelve lines: 標題 / 產生縮網址 / 編譯中心 2014年12月13日 09:33 237 點擊數 / … / 標題)."""
    above = range(max(0, i - 2), i)
    if any(reasons[j] == "title" for j in above):
        return True
    heads = {lines[j].text for j in above if not reasons[j] and 6 <= len(lines[j].text) <= 60}
    return any(l.text in heads for l in lines[i + 1:i + 13])


def _thread_start(lines: list[Line], reasons: list[str | None]) -> int:
    """Index of the first reply header of a comment thread (# re: 标题, 回复：…) or the first
    stamp of a post (date, time and counters: `post_stamps`) after some prose: the article ends
    there, however much text the replies or the blog's next posts hold (a popular post's thread
    can outweigh it and draw the densest run of prose away); len(lines) when there is none."""
    reply, stamp = _sections()[4], _sections()[6]
    prose = 0  # characters of prose seen so far
    for i, (line, reason) in enumerate(zip(lines, reasons)):
        if (prose >= _THREAD_AFTER and len(line.text) <= 120 and stamp.match(line.text)
                and not _under_headline(lines, reasons, i)):
            return i  # (the stamp just under the headline is the article's own dateline: a list of
            # teasers above it is no post that it follows)
        if prose >= _THREAD_AFTER and i + 3 <= len(lines) and all(_stamped().search(l.text) for l in lines[i:i + 3]):
            return i  # a thread index: three posts in a row, each with its time
        # a sidebar's list of recent replies (回复:标题 / 回复:标题 …) is no thread: a reply
        # header is followed by its reply, not by another header
        if (prose >= _THREAD_AFTER and reply.match(line.text)
                and not (i + 1 < len(lines) and reply.match(lines[i + 1].text))):
            return i
        if not reason and is_prose(line.text):
            prose += len(line.text)
    return len(lines)


_THREAD_AFTER = 200  # characters of prose before a reply header can end the article
_FEED_AFTER = 100  # and before a feed's header (为你推荐) can: a short notice may be all the text
_FEED_LOOK = 12  # lines after a feed's header where the text, if it goes on, shows two paragraphs in a row


# the header of a box of related articles that sites set between an article's paragraphs
_INLINE_BOX = re.compile(r"(?:相关|相關|延伸|推荐|推薦)(?:阅读|閱讀|新闻|新聞|报道|報導|文章)")


def _sentences_continue(after: list[str]) -> bool:
    """Whether two paragraphs of sentences (30 characters or more, each ending as a sentence
    does) follow one another among `after`: the article going on below an inline box of related
    links, whose headlines end in no full stop."""
    return any(len(a) >= 30 and len(b) >= 30 and _SENTENCE_CLOSE.search(a) and _SENTENCE_CLOSE.search(b)
               for a, b in zip(after, after[1:]))


_SENTENCE_CLOSE = re.compile(r"[。！？][”」』）)]?$")


def _box_headlines(after: list[str], most: int, least: int = 2) -> int:
    """How many headlines (short, no closing stop; `least` to `most`) stand at the top of `after`
    (the lines under a related box's header) before a paragraph of sentences that does not
    speak of them (以上图书均可…: a list the text gives is its own); 0 when they do not."""
    k = 0
    while k < len(after) and k < most and len(after[k]) <= 40 and not _SENTENCE_CLOSE.search(after[k]):
        k += 1
    if (k < least or k >= len(after) or len(after[k]) < 30 or not _SENTENCE_CLOSE.search(after[k])
            or after[k].startswith(tuple(vocab.load("sections.yml")["back_references"]))):
        return 0
    return k


def _one_box_headline(after: list[str]) -> int:
    """1 when a single headline stands under a related box's header, then the text's sentences
    (a paragraph of 30 characters or more, or an interview's short question over its answer):
    a box of one link set between the last paragraphs (延伸閱讀 / 某某 / 答：…). Not when that
    paragraph restates the headline (a feed's item and its summary); a box of another interview's
    question and answer reads like the text's own and stays."""
    if (len(after) < 2 or len(after[0]) > 40 or _SENTENCE_CLOSE.search(after[0])
            or after[0].startswith(tuple(vocab.load("sections.yml")["question_openers"])) or after[0].endswith(("？", "?"))):
        return 0  # (a question the next paragraph answers is the text's sub-heading: 什么是河道警长)
    nxt, then = after[1], after[2] if len(after) > 2 else ""
    if after[1].startswith(tuple(vocab.load("sections.yml")["back_references"])):
        return 0
    headline = _bigrams(after[0])
    if headline and len(headline & _bigrams(nxt)) >= 0.3 * len(headline):
        return 0  # (the paragraph restates the headline: its summary, a feed's item, not the text)
    if len(nxt) >= 30 and _SENTENCE_CLOSE.search(nxt) or 8 <= len(nxt) < 30 and _SENTENCE_CLOSE.search(nxt) and len(then) >= 30 and _SENTENCE_CLOSE.search(then):
        return 1
    return 0


def _box_then_text(after: list[str]) -> bool:
    """Whether `after` (the lines under a related box's header) are the box's headlines, then the
    article's last paragraph, which no further headline-and-summary pair follows (a feed pairs
    each headline with a summary, again and again)."""
    k = _box_headlines(after, len(after)) or _one_box_headline(after)
    rest = after[k + 1:k + 5]
    return bool(k) and not any(len(a) <= 40 and not _SENTENCE_CLOSE.search(a) and len(b) >= 30 and _SENTENCE_CLOSE.search(b)
                               for a, b in zip(rest, rest[1:]))


def _inline_boxes(texts: list[str], reasons: list, start: int, cut: int | None) -> None:
    """Mark the boxes of related links set inside the text (延伸閱讀, then its headlines, then the
    text going on in sentences): the header and its headlines go, with their reason; the
    paragraphs around them stay. `texts` are the lines of the main span, from `start`."""
    header = _sections()[0]
    for i, t in enumerate(texts[:cut]):
        if len(t) <= 30 and _INLINE_BOX.search(t) and header.match(t):
            k = _box_headlines(texts[i + 1:i + 8], 6, least=1) or _one_box_headline(texts[i + 1:i + 8])
            for j in range(start + i, start + i + 1 + k if k else start + i):
                reasons[j] = reasons[j] or INLINE_BOX


INLINE_BOX = "box of related links inside the text"


def _text_continues(after: list[str]) -> bool:
    """Whether two paragraphs (60 characters or more each) follow one another among `after`:
    the text going on below a box of recommendations set inside it. A feed's items stand
    apart, each with its headline, its source and its age (法新社·2 天前), however long its
    summary."""
    return any(len(a) >= 60 and len(b) >= 60 for a, b in zip(after, after[1:]))


@lru_cache(maxsize=None)
def _sections() -> tuple[re.Pattern, re.Pattern, int, re.Pattern, re.Pattern, int, re.Pattern]:
    v = vocab.load("sections.yml")
    return (re.compile(v["section_headers"]), re.compile(v["numbered_heading"]), int(v["headline_run"]),
            re.compile(v["article_enders"]), re.compile(v["reply_headers"]), int(v["exclaimed_headline_run"]),
            re.compile(v["post_stamps"], re.I))


def is_section_header(text: str) -> bool:
    """A section's header alone on its line (评论, 相关阅读, 回應: `section_headers`)."""
    return bool(_sections()[0].search(text.strip()))


def opens_a_part(text: str) -> bool:
    """A line that opens another part after the text: a section's header (精选留言, 相关阅读), a
    feed's, an appendix's (附：…: `appendix_headers`) or another part's (【延伸阅读】: `part_headers`)."""
    t = text.strip()
    return is_section_header(t) or bool(_feed_header().search(t)) or bool(_structure()[0].search(t)) or bool(_part_header().fullmatch(t))


@lru_cache(maxsize=None)
def _part_header() -> re.Pattern:
    words = "|".join(map(re.escape, vocab.load("sections.yml")["part_headers"]))
    return re.compile(rf"[【\[]?\s*(?:{words})\s*[】\]]?[:：]?")


@lru_cache(maxsize=None)
def _feed_header() -> re.Pattern:
    """`feed_headers` of sections.yml: the header of a feed of other articles under the text."""
    return re.compile(vocab.load("sections.yml")["feed_headers"])


def post_stamp_pattern() -> re.Pattern:
    """`post_stamps` of sections.yml: the stamp of a blog's or forum's post (date, time, counters)."""
    return _sections()[6]


@lru_cache(maxsize=None)
def _stamped() -> re.Pattern:
    return re.compile(vocab.load("sections.yml")["stamped_line"])


@lru_cache(maxsize=None)
def _structure() -> tuple[re.Pattern, int, int]:
    v = vocab.load("sections.yml")
    return (re.compile(f"{v['appendix_headers']}|^{_bare_box().pattern}$"), int(v["list_items"]), int(v["appendix_lines"]))


@lru_cache(maxsize=None)
def _bare_box() -> re.Pattern:
    """A fact box's header without brackets (`bare_box_headers`: 数读, 小贴士)."""
    return re.compile("(?:" + "|".join(map(re.escape, vocab.load("sections.yml")["bare_box_headers"])) + ")")


@lru_cache(maxsize=None)
def _signature() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    v = vocab.load("sections.yml")
    return re.compile(v["document_kinds"]), re.compile(v["issuing_body"]), re.compile(v["signature_date"])


def signature_line(text: str) -> bool:
    """Whether `text` reads as a line of an official document's signature (落款): the issuing
    body's name alone (某某县人民政府) or the date alone (2023年9月1日)."""
    _kinds, body, date = _signature()
    return bool(body.match(text) or date.match(text))


def signs_document(body_line: str, text: str, title: str | None) -> bool:
    """Whether `text` is the date of an official document's signature (落款) under the issuing
    body's line `body_line`, in a text whose headline names a kind of document."""
    kinds, body, date = _signature()
    return bool(title and kinds.search(title) and body.match(body_line) and date.match(text))


def signature_end(lines: list[Line], reasons: list[str | None], end: int, limit: int, title: str | None) -> int:
    """The end of the text with an official document's signature (落款) under it: the issuing
    body's name alone on its line (one or two lines, or the text's last line), then the date
    alone, when the headline names a kind of document (a 通知's issuing office and date are the
    notice's own words; the prose score left them out, as short lines without a sentence)."""
    kinds, body, date = _signature()
    if not title or not kinds.search(title):
        return end
    # (the notice's own closing lines between its text and its signature: whom to call, where,
    # its attachment, its closing formula; 联系电话：…, 地址：…, 附件：…, 特此通知。)
    k = end
    while k < min(limit, end + 4) and _notice_closing_line(lines[k].text, reasons[k], formula=True):
        k += 1
    j = k
    # (the issuing body's name may open the headline: 某某局关于…的公示, signed 某某局)
    while j < min(limit, k + 2) and reasons[j] in (None, CUT_TITLE) and body.match(lines[j].text):
        j += 1
    named = j > k or k == end and end > 0 and body.match(lines[end - 1].text)
    if named and j < limit and reasons[j] in (None, "dateline") and date.match(lines[j].text):
        for i in range(end, j + 1):
            reasons[i] = None
        return j + 1
    return end


def contacts_before_signature(lines: list[Line], reasons: list[str | None], end: int, title: str | None) -> None:
    """A notice's contact lines printed between its text and its signature, the signature closing
    the text (联系电话：… / 通讯地址：… / 某某厅 / 2024年4月2日): the notice's own words, not the
    site's footer, which comes after the signature."""
    kinds, body, date = _signature()
    if not title or not kinds.search(title) or end < 3 or not date.match(lines[end - 1].text) or reasons[end - 1]:
        return
    j = end - 1
    while j > end - 3 and not reasons[j - 1] and body.match(lines[j - 1].text):
        j -= 1
    if j == end - 1:
        return  # (no body's name over the date)
    i = j - 1
    while i > j - 7 and i >= 0 and _notice_closing_line(lines[i].text, reasons[i], formula=True):
        reasons[i] = None
        i -= 1


def contacts_under_heading(lines: list[Line], reasons: list[str | None], start: int, end: int) -> None:
    """A notice's contact lines in a section of its own inside the text (四、受理单位及联系方式 /
    受理单位：… / 联系电话：… / 五、其他事项): the section's heading, kept, names contacts and kept
    text follows the run, so the lines are the notice's words, not the site's footer."""
    heading = re.compile(vocab.load("sections.yml")["contact_headings"])
    for i in range(max(start, 1), end):
        if reasons[i] != CONTACT or not any(not reasons[j] and len(lines[j].text) <= 30 and heading.search(lines[j].text)
                                            for j in range(max(start, i - 4), i)):
            continue
        k = i
        while k < end and (reasons[k] == CONTACT or not reasons[k] and _LABELLED_LINE.match(lines[k].text)):
            k += 1
        if k < end and not reasons[k]:  # (the text goes on after the run)
            reasons[i] = None


def _notice_closing_line(text: str, reason: str | None, formula: bool = False) -> bool:
    """Whether a line may stand between a notice's text and its signature: whom to call and where
    (联系电话：…, a contact footer's shape), its attachment (附件：…), another labelled line, or,
    with `formula`, its closing formula (特此公示。)."""
    if reason == CONTACT or reason == ATTACHMENT and text.startswith("附件"):
        return True
    return not reason and bool(_LABELLED_LINE.match(text) or formula and _closing_formula().match(text))


@lru_cache(maxsize=None)
def _closing_formula() -> re.Pattern:
    """A notice's closing formula alone on its line (`closing_formula`: 特此公示。)."""
    return re.compile(vocab.load("sections.yml")["closing_formula"])


CONTACT, CUT_TITLE, ATTACHMENT = "contact footer", "title as printed (cut short)", "attachment link (a file to download, not text)"
# (a label's characters may be spread with spaces to a table's width: 索 引 号：…, 文　　号：…)
_LABELLED_LINE = re.compile(r"[\u4e00-\u9fff](?:[ \u3000]*[\u4e00-\u9fff]){1,5}\s*[:：︰﹕]\s*\S")


_FIGURES_BOX = re.compile(r"数说|數說|数读|數讀|数据|數據")


def box_line(header: str, text: str) -> bool:
    """Whether `text` reads as a line of the appendix or fact box under `header`: a label and its
    value (主产区：某某镇, 附件1：…), or a figure under a box of figures (【数说】 / 种植面积60万亩).
    A headline of another article has neither (某县2023年秋粮收购工作全面启动 under 【链接】 is no
    figure of a box of links)."""
    if _bare_box().fullmatch(header.strip()):
        # (a box's header without brackets, 数读 / 小贴士: only its own shape of line, a label and
        # value, a figure opening its label (72万亩 种植面积) or a tip's sentence; a list of links
        # under such a word, headlines with figures in them, is no box)
        t = text.strip()
        return bool(re.search(r"[:：︰﹕]", t) or re.match(r"\d", t) and len(t) <= 30 and not re.match(r"(?:19|20)\d\d\s*年", t)
                    or t.endswith(("。", "！")))
    return bool(re.search(r"[:：︰﹕]", text) or _FIGURES_BOX.search(header) and re.search(r"\d", text)
                or not header.startswith(("【", "[")) and re.search(r"\d", text))


def author_note_end(lines: list[Line], reasons: list[str | None], end: int, limit: int) -> int:
    """The end of the text with the note on its writer that closes it ((作者系某村第一书记),
    `author_note` in sections.yml): the writer's own words about himself, part of the piece,
    which the prose score left out as a short line in brackets."""
    if end < min(limit, len(lines)) and re.match(vocab.load("sections.yml")["author_note"], lines[end].text.strip()) \
            and reasons[end] in (None, "byline"):
        reasons[end] = None
        return end + 1
    return end


def structure_tail(lines: list[Line], reasons: list[str | None], end: int, limit: int) -> tuple[int, set[int]]:
    """End of the article once the structure that continues it after its last paragraph is
    included, and the indexes of that structure's items: a list introduced by a colon,
    numbered sections, an appendix or attached table (`appendix_headers`). The prose run stops
    at the last long line, so the short items of a notice's closing list or table would
    otherwise go as furniture; they are the text, and a government notice's conditions and
    tables are often what a reader came for. Stops at the first line with a boilerplate reason
    (a bare number, which a table's cell can be, excepted while a structure is open), a section
    header or an article ender, or when the structure closes (`list_items` / `appendix_lines`
    lines without a new header). Items are paragraphs, never sub-headings."""
    items: set[int] = set()
    if end == 0:
        return end, items
    appendix, list_items, appendix_lines = _structure()
    header, enders = _sections()[0], _sections()[3]
    window = list_items  # appendix_lines once an appendix has begun: its tables run long
    open_for = window if lines[end - 1].text.endswith(("：", ":")) else 0
    intro, item = _announced_list()
    j = end - 1
    while j > 0 and end - 1 - j < list_items and item.match(lines[j].text):
        j -= 1
    if not open_for and j < end - 1 and intro.search(lines[j].text):
        open_for = window - (end - 1 - j)  # (the list a line announces, its first items in the text: 名单如下： / 特等奖：某某)
    # (an appendix or a fact box whose header the prose run already took in: 【数据链接】 / 甲：1.7万家)
    back = next((j for j in range(end - 1, max(0, end - 6) - 1, -1) if appendix.match(lines[j].text)), None)
    boxed_by = None  # (the header of a paper's fact box, 【链接】, once one is open)
    if back is not None:
        window = open_for = appendix_lines - (end - 1 - back)
        boxed_by = lines[back].text if _box_header(lines[back].text) else None
    new_end = end
    for i in range(end, limit):
        text = lines[i].text
        if reasons[i] and not (open_for and _NUMBER_CELL.fullmatch(text)) or header.match(text) or enders.match(text):
            break
        if boxed_by is not None and open_for > 0 and not box_line(boxed_by, text):
            break  # (a fact box ends where its labelled lines do: the links after it are no figures)
        if appendix.match(text):
            if _bare_box().fullmatch(text.strip()) and not (i + 1 < limit and box_line(text, lines[i + 1].text)):
                break  # (a bare 数读 / 小贴士 over no line of a box: a sidebar's heading over its links)
            window = open_for = appendix_lines
            boxed_by = text if _box_header(text) else None
        elif (is_numbered_heading(text) and not text.startswith("【")
              or text.endswith(("：", ":")) and (open_for or new_end == i and len(text) >= 6)):
            open_for = window  # (a label such as 关键词： is too short to introduce a list)
        elif open_for > 0:
            open_for -= 1
            items.add(i)
        elif _score(text, None) > 0 and new_end == i:
            pass  # a paragraph right after included structure belongs to it
        elif new_end == i and len(text) <= 80 and re.match(vocab.load("sections.yml")["caption_marks"], text):
            pass  # a picture's caption right after the text (▲某某, 图为某某): the text's own
        else:
            break
        new_end = i + 1
    return new_end, items


_NUMBER_CELL = re.compile(r"[+-]?\d+(?:[.,]\d+)*\s*[%％]?")


def _box_header(text: str) -> bool:
    """Whether an appendix header is a fact box's (【链接】, ■链接, 数读), whose lines are then read
    one by one (`box_line`), not an attachment's (附：…, 附件1), whose table runs on."""
    # (after a square, only a box of links or figures, ■链接 (`square_box_words`): ◆小贴士's tips
    # are short lines of any shape)
    return (text.startswith(("【", "[")) or bool(_bare_box().fullmatch(text.strip()))
            or text[:1] in "■□◆◇●○▲△★☆◎" and bool(re.search(vocab.load("sections.yml")["square_box_words"], text)))


_ENDED_AFTER = 300  # prose score (≈ characters of running text) an article has before an ender that ends it


def section_start(texts: list[str], scores: list[int]) -> int | None:
    """Index of the header of a section that follows the article (最新评论, 相关阅读…): the first
    such header followed by less prose than came before it (a feed's header, 为你推荐, after some
    prose, unless two paragraphs in a row follow it: `_text_continues`), or the first reply of a comment
    thread or the stamp of a post (`post_stamps`) after some prose; None when there is none."""
    header, enders, reply, stamp = _sections()[0], _sections()[3], _sections()[4], _sections()[6]
    total, before = sum(max(0, x) for x in scores), 0
    for i, (t, x) in enumerate(zip(texts, scores)):
        if before > 0 and reply.match(t) and not (i + 1 < len(texts) and reply.match(texts[i + 1])):
            return i  # (a list of recent replies, one header after another, is no thread)
        if before >= _THREAD_AFTER and len(t) <= 120 and stamp.match(t):
            return i  # a blog's front page: the next post follows the stamp of the first
        if len(t) <= 30 and header.match(t) and (total - before < before or before >= _FEED_AFTER and _feed_header().match(t)
                                                  and not _text_continues(texts[i + 1:i + 1 + _FEED_LOOK])) \
                and not (_INLINE_BOX.search(t) and (_sentences_continue(texts[i + 1:i + 1 + _FEED_LOOK])
                                                    or _box_then_text(texts[i + 1:i + 1 + _FEED_LOOK]))):
            return i  # (a feed of other articles under the text ends it, however long their summaries;
            # not a box of related links set inside the text, which goes on in sentences below it)
        if enders.match(t) and (total - before < before or before >= _ENDED_AFTER):
            return i  # (an ender after a text of its own ends it, however long the comments below)
        before += max(0, x)
    return None


def is_numbered_heading(text: str) -> bool:
    return len(text) <= 40 and bool(_sections()[1].match(text))


# A text wrapped at a fixed width (an old site's <pre>, a mail archive, a scraper that wraps):
# at least this many lines in a row of one display width, give or take `_WRAP_SLACK` columns.
_WRAP_RUN = 3
_WRAP_SLACK = 2
_WRAP_MIN = 30  # columns (15 Han characters): a list of short headlines is not wrapped prose
_WRAP_STOP = re.compile(r"[。！？!?]")


def _width(text: str) -> int:
    """Display columns of a line: two for a wide (Han, full-width) character, one for others."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _goes_on(run: list[str]) -> bool:
    """Whether a sentence of the run is cut at a line's end: a line ending in a letter whose next
    line has a clause's or sentence's end within its first three characters ('…更多的论' / '述。在这里')."""
    return any(a[-1:].isalnum() and _PROSE_PUNCT.search(b[:3]) for a, b in zip(run, run[1:]))


def hard_wrapped(texts: list[str]) -> list[bool]:
    """Per line: whether it belongs to prose wrapped at a fixed width, so that a paragraph is
    printed as several lines cut mid-sentence ('…那显然还需要更多的论' / '述。在这里，…'). Such a
    paragraph is a run of `_WRAP_RUN` or more lines of one width with punctuation inside, a
    sentence's end among them, no line cut short with '…' and a sentence going on from one line
    into the next (_goes_on), and the shorter line that ends it (unless the run ends a sentence).
    Other articles' headlines listed after a text are short, unpunctuated and of varying widths."""
    widths = [_width(t) for t in texts]
    out = [False] * len(texts)
    i = 0
    while i < len(texts):
        j = i
        while (j + 1 < len(texts) and widths[i] >= _WRAP_MIN and abs(widths[j + 1] - widths[i]) <= _WRAP_SLACK
               and _PROSE_PUNCT.search(texts[j])):
            j += 1
        # (a list of headlines cut to one length ends them with '…' and holds no full stop; and
        # no sentence of it goes on into the next line)
        run = texts[i:j + 1]
        if (j - i + 1 >= _WRAP_RUN and any(_WRAP_STOP.search(t) for t in run)
                and not any(t.endswith(("…", "...")) for t in run) and _goes_on(run)):
            closes = j + 1 < len(texts) and 0 < widths[j + 1] < widths[i] and not _WRAP_STOP.search(texts[j][-1:])
            end = j + 1 if closes else j
            for k in range(i, end + 1):
                out[k] = True
            i = end + 1
        else:
            i = max(i + 1, j)  # (on from the run's last line: linear, however many lines share one width)
    return out


@lru_cache(maxsize=None)
def _announced_list() -> tuple[re.Pattern, re.Pattern]:
    """(a line announcing a list, an item of it): `list_intro`, `list_item` in sections.yml."""
    v = vocab.load("sections.yml")
    return re.compile(v["list_intro"]), re.compile(v["list_item"])


def announced_items(texts: list[str], offset: int = 0, stop: int | None = None) -> set[int]:
    """Indexes (plus `offset`) of the lines a line of `texts` announces as its list, and of that
    line itself (名单如下： / 特等奖：某某 / 一等奖：某某…): the items run on while each opens with
    a short label. `stop`: look for an announcing line among the first `stop` lines only."""
    intro, item = _announced_list()
    found: set[int] = set()
    for i, t in enumerate(texts[:stop]):
        # (or a short heading closing with a colon over two labelled items at least: 路線調整重點： /
        # 調整日期：… / 受影響路線：…)
        if intro.search(t) or (len(t) <= 16 and t.endswith(("：", ":")) and i + 2 < len(texts)
                               and item.match(texts[i + 1]) and item.match(texts[i + 2])):
            found.add(offset + i)
            j = i + 1
            while j < len(texts) and item.match(texts[j]):
                found.add(offset + j)
                j += 1
    return found


def headline_run_start(texts: list[str]) -> int | None:
    """Start of a trailing run of headline-like lines (other articles' titles listed after the
    text): at least `headline_run` lines after the last sentence, each short and unpunctuated at
    its end. None when the text ends with its own sentences."""
    wrapped = hard_wrapped(texts)
    last_sentence = max((i for i, t in enumerate(texts) if _is_sentence(t) or wrapped[i]), default=-1)
    listed = announced_items(texts[last_sentence + 1:], last_sentence + 1, stop=1) if last_sentence + 1 < len(texts) else set()
    last_sentence = max(listed, default=last_sentence)  # (the text announces a list: 得奖名单如下： / 特等奖：某某 / …)
    tail = texts[last_sentence + 1:]
    if any(_closing_formula().match(t) for t in tail[:8]):
        return None  # (a notice's closing: 受理单位：… / 联系电话：… / 特此公示。 / its signature)
    short = sum(1 for t in tail if len(t) <= 40 and not is_numbered_heading(t))
    if len(tail) >= _sections()[2] and short >= 0.7 * len(tail):
        return last_sentence + 1
    # headlines that close with ！ or ？ read as sentences: a longer run of short lines at the end,
    # none closing with a full stop (味精凭啥比鸡精低贱？鸡精宁有种乎！ / 春节吃多了怎么办？…)
    start = len(texts)
    # (never into the list the text announces: 路線調整重點： / 調整日期：…)
    while start > (max(listed) + 1 if listed else 0) and len(texts[start - 1]) <= 32 and not _FULL_STOP_ONLY.search(texts[start - 1]) \
            and not is_numbered_heading(texts[start - 1]):
        start -= 1
    return start if len(texts) - start >= _sections()[5] and start > 0 else None


_FULL_STOP_ONLY = re.compile(r"[。][”」』）)]?$")


@lru_cache(maxsize=None)
def _byline_label() -> re.Pattern:
    v = vocab.load("metadata.yml")
    labels = v["source_labels"] + v["date_labels"]
    return re.compile("(?:" + "|".join(map(re.escape, labels)) + rf"|{v['strong_author_labels']})\s*[:：︰﹕]")


@lru_cache(maxsize=None)
def _credit_marks() -> re.Pattern:
    v = vocab.load("metadata.yml")
    return re.compile(f"{v['reporter_words']}|(?:{v['author_labels']})\\s*[:：︰﹕]|[/／]|\\d")


def _sub_heading_candidate(lines: list[Line], i: int) -> bool:
    """A line that may be a sub-heading between byline and text: short, unpunctuated, no
    label, date, digits or credit, and not printed twice (an account card's name is)."""
    t = lines[i].text
    return (4 <= len(t) <= 30 and not is_prose(t) and not t.endswith((":", "：")) and not _credit_marks().search(t)
            and all(lines[j].text != t for j in (i - 1, i + 1) if 0 <= j < len(lines)))


def _past_disclosure_table(lines: list[Line], reasons: list[str | None], start: int, end: int) -> int:
    """Start of the text past a government page's disclosure table that the prose run took in
    (索引号：… / 发文机构：… / 文号：… / 主题分类：…, then the document's title): its fields, labelled
    lines with a `disclosure_labels` label among them, are the page's, not the document's."""
    j = start
    while j < end and j - start < 12 and (reasons[j] or _LABELLED_LINE.match(lines[j].text)) and reasons[j] != "title":
        j += 1
    label = re.compile(vocab.load("metadata.yml")["disclosure_labels"])
    if j == start or j >= end or reasons[j] != "title" or not any(label.search(lines[i].text[:12]) for i in range(start, j)):
        return start
    for i in range(start, j):
        reasons[i] = reasons[i] or "disclosure table"
    return j + 1


_SIZE_BUTTON = re.compile(r"(?:^|[\s【\[:：︰﹕])[大中小](?:$|[\s】\]])")  # (a size switch's button: 【大 中 小】, 字号：大 中 小)


def _headings_after_byline(lines: list[Line], reasons: list[str | None], start: int) -> int:
    """Start of the article once the sub-headings between its byline and its first paragraph
    are included (a column name, 开栏的话, a section heading): at most two candidate lines
    (_sub_heading_candidate), directly below a line carrying the date or a 来源/作者 label.
    Anything else above the text (a print or font-size button, a menu, the account card of a
    WeChat article) leaves the start where it was, unless it stands right under the byline."""
    top = start
    while top > 0 and start - top < 2 and not reasons[top - 1] and _sub_heading_candidate(lines, top - 1):
        top -= 1
    if top == start or top == 0:
        return start
    k = top - 1
    while k > 0 and top - 1 - k < 2 and reasons[k] == "share or print widget" and _SIZE_BUTTON.search(lines[k].text):
        k -= 1  # (the byline's own size switch under it: 时间：… 来源：… / 【大 中 小】; not a share row)
    above = lines[k].text
    # (past the size switch, headings of a few words only: not the buttons beside it, 全文朗读 / 扫码阅读)
    if (_DATED.search(above) or _byline_label().search(above)) and (
            k == top - 1 or reasons[k] and all(len(lines[i].text.strip()) >= 6 for i in range(top, start))):
        return top
    return start


# How many short lines a box set into the text may have (an advertisement or link box between
# the lead paragraph and the rest: '·' / '医疗关注--某某新发现' / '·' / …).
_BOX_LINES = 10
_BULLETS = "·•●▪◆■★☆◇□"
_HAN = re.compile(r"[\u4e00-\u9fff]{2}")


def _lead_above_box(lines: list[Line], reasons: list[str | None], start: int, title: str | None) -> int | None:
    """Index of the article's lead paragraph when a box set into the text (an advertisement,
    a few links: '·' / '医疗关注--某某新发现' / '·' / …) parts it from the rest, so that the run of
    prose starts below the box; else None. The lead is one paragraph of full sentences directly
    above the box, ending with 。 or a colon, sharing words with the headline or the text below,
    under no section header, link or sentence; the box holds at most `_BOX_LINES` lines,
    each short and no prose, or removed as furniture, none of them the headline, a dateline or
    a byline (a lead stands below those), and at least two of them bullets (a list of items)."""
    def in_box(j: int) -> bool:
        text, reason = lines[j].text, reasons[j]
        if text == title or _DATED.search(text) or reason and (reason.startswith("title") or "dateline" in reason
                                                                   or "byline" in reason):
            return False
        return bool(reason) or len(text) <= 40 and _score(text, None) < 0

    i = start - 1
    while i >= 0 and start - i <= _BOX_LINES and in_box(i):
        i -= 1
    if i < 0 or start - i - 1 < 2 or start - i - 1 > _BOX_LINES or reasons[i]:
        return None
    if sum(1 for line in lines[i + 1:start] if line.text[:1] in _BULLETS) < 2:
        return None  # a box of items, each with its bullet (not a question's counters and buttons)
    text = lines[i].text
    if len(text) < 40 or text == title or not _FULL_STOP_ONLY.search(text) and not text.endswith(("：", ":")):
        return None  # (a lead is told, not cried: an advertisement's copy ends with ！)
    above = lines[i - 1].text if i > 0 else ""
    if i > 0 and (reasons[i - 1] and "title" not in reasons[i - 1] and "dateline" not in reasons[i - 1]
                  or _is_sentence(above) or len(above) <= 30 and _sections()[0].match(above)):
        return None  # under a section's header (相关新闻, 热门评论), a link (上一篇：…) or a sentence: not a lead
    # the lead tells the article's story: it shares words with the headline or the text below
    words = _bigrams(title or "") | set().union(*(_bigrams(l.text) for l in lines[start:start + 3]))
    return i if len(_bigrams(text) & words) >= 2 else None


def _bigrams(text: str) -> set[str]:
    """The pairs of adjacent Han characters of a text (words, roughly, for comparing two texts)."""
    return {text[k:k + 2] for k in range(len(text) - 1) if _HAN.match(text[k:k + 2])}


def _is_sentence(text: str) -> bool:
    """A line of running text: a full sentence (。！… at its end) or a long passage; headlines
    of other articles (short, often ending in ？ or a quote) are not."""
    return len(text) >= 50 or len(text) >= 12 and bool(_FULL_STOP.search(text)) or len(text) >= 6 and bool(_FULL_STOP_ONLY.search(text))


# What a removed line outside the main text was, for the removal report (issue 21): the
# headline block above a text holds the dateline, the title as printed and the byline, which a
# contributor must not mistake for navigation.
WIRE_DATELINE = re.compile(r"^[（(【\[]?\s*(?:据)?[^\s，。]{2,14}?\d{1,2}月\d{1,2}日(?:电)")
_CREDIT_WORD = re.compile(r"记者|通讯员|作者|撰文|撰稿|摄影|实习生")
OUTSIDE = "outside the main text (navigation, header or footer)"
_TITLED_DATELINE = re.compile(WIRE_DATELINE.pattern + r"\s*题\s*[:：︰﹕]")


def outside_reason(text: str, title: str | None, default: str = OUTSIDE) -> str:
    """The removal reason of a line outside the main text: dateline, title as printed, byline,
    else `default`."""
    in_title = bool(title) and len(title) >= 4 and (title in text or len(text) >= 8 and title.startswith(text))
    if WIRE_DATELINE.search(text):
        return "dateline and original title" if in_title or "电题" in text else "dateline"
    if in_title:
        return CUT_TITLE if title.startswith(text) else "title as printed, with more around it"
    if len(text) <= 60 and _CREDIT_WORD.search(text):
        return "byline"
    if len(text) <= 40 and _DATED.search(text):
        return "dateline"
    return default


_LETTER_CLOSING = re.compile(r"^(?:此致|敬礼|此致敬礼|此致\s*敬礼)[！!。]?$")


def closes_letter(above: list[Line]) -> bool:
    """Whether a dated line signs a letter the text quotes: a closing (此致 / 敬礼！) among the
    four lines above it (`above`), the writer's name between."""
    return any(_LETTER_CLOSING.match(l.text.strip()) for l in above[-4:])


def is_document_number(text: str) -> bool:
    """An official document's number alone on its line (某政办发〔2023〕58号: `document_number`)."""
    return bool(re.match(vocab.load("sections.yml")["document_number"], text.strip()))


def _document_head(lines: list[Line], reasons: list[str | None], start: int, title: str | None) -> int:
    """Where an official document starts when its number and its addressees stand just above
    the first paragraph (某政办〔2024〕6号 / 各乡镇人民政府，县政府各部门： / text): the prose run
    leaves them out, being no sentences (`document_number`, `document_addressee` in sections.yml).
    A number alone over the text is the document's only when the headline names a document (a
    related document's number in a 相关文件 box over an interpretation is not)."""
    addressee = re.compile(vocab.load("sections.yml")["document_addressee"])
    addressed = start > 0 and not reasons[start - 1] and bool(addressee.match(lines[start - 1].text.strip()))
    if addressed:
        start -= 1
    if (start > 0 and not reasons[start - 1] and is_document_number(lines[start - 1].text)
            and (addressed or bool(title and re.match(vocab.load("sections.yml")["document_kinds"], title)))):
        start -= 1
    return start


def clean(lines: list[Line], title: str | None = None, site_lines: frozenset[str] = frozenset()) -> Cleaned:
    """Keep or remove every line. `site_lines` are the learned boilerplate lines of the capture's
    publishing site (wenxian.recurring)."""
    reasons: list[str | None] = []
    for line in lines:
        reason = None
        if line.text in site_lines:
            reason = RECURRING
        elif (title and line.text != title and line.text.startswith(title) and len(line.text) - len(title) <= 30
              and _SUFFIX_START.match(line.text[len(title):])):  # (a sentence that opens with the headline's words is text)
            reason = "title repeated with site suffix"
        elif title and line.text == title:
            reason = "title"
        elif title and len(line.text) >= 8 and title.startswith(line.text) and _PAGE_MARK.fullmatch(title[len(line.text):]):
            reason = "title repeated without its page number"
        elif is_image_placeholder(line.text):
            reason = None
        else:
            reason = pattern_reason(line.text)
            if reason is None and "（" in line.text:  # (a byline with pinyin glosses: 发（fā）布时（shí）间：…)
                unglossed = without_glosses(line.text, line.text)
                reason = pattern_reason(unglossed[0]) if unglossed else None
        reasons.append(reason)
    _size_buttons(lines, reasons)
    _listed_credits(lines, reasons)
    card, account = _account_card()
    for i, line in enumerate(lines[:-1]):
        label = card.match(line.text)
        ids = [j for j in range(max(0, i - 4), i) if account.match(lines[j].text)]
        if label and ids:
            reasons[i] = reasons[i] or ACCOUNT_CARD  # 微信号 / id / 功能介绍 / the account's description
            if not label.group(1).strip():  # (the description on the next line, else on the label's own)
                reasons[i + 1] = reasons[i + 1] or ACCOUNT_CARD
            for j in ids:
                if len(lines[j].text) <= 40:
                    reasons[j] = reasons[j] or ACCOUNT_CARD  # (微信号 abc123: the id on its label's line)
    repost_card(lines, reasons)
    thread = _thread_start(lines, reasons)
    verse = verse_lines(lines[:thread], reasons[:thread])
    table = table_cells(lines[:thread], reasons[:thread]) | verse
    for i in table:
        if reasons[i] == "navigation":
            reasons[i] = None  # (a table's figure alone on its line, no page number)
    start, end = main_span(lines[:thread], reasons[:thread], table)
    while end < thread and (end in verse or reasons[end] == "title" and end + 1 in verse):
        end += 1  # (a poem closing the post, after its editor's note, under its own title: no prose after it to reach)
    while start > 0 and start - 1 in verse:
        start -= 1  # (and one opening it, before its afterword)
    start = _below_printed_headline(lines, reasons, start, end)
    start = _past_disclosure_table(lines, reasons, start, end)
    while start > 0 and not reasons[start - 1] and is_numbered_heading(lines[start - 1].text):
        start -= 1  # a numbered sub-heading just above the first paragraph is the article's
    start = _document_head(lines, reasons, start, title)
    start = _headings_after_byline(lines, reasons, start)
    lead = _lead_above_box(lines, reasons, start, title)
    texts = [l.text for l in lines[start:end]]
    cut = section_start(texts, [_score(t, r) for t, r in zip(texts, reasons[start:end])])
    after = "section after the article (comments, related items)"
    _inline_boxes(texts, reasons, start, cut)
    # a run of other articles' headlines ends the text where no section does; and before a
    # section that does, when it follows an earlier section header that did not end the text (a
    # related list whose headlines read as prose, under 相关阅读, then 编辑推荐 further down)
    # (a poem's verses are no list of headlines, however short their lines; nor the lines of an
    # appendix or a fact box under its header, 【数据链接】 / 从业人员：11万余人)
    appendix = _structure()[0]
    boxed = next((i for i, t in enumerate(texts) if i and appendix.match(t)), len(texts))
    unboxed = next((i for i in range(boxed + 1, len(texts)) if not box_line(texts[boxed], texts[i])), len(texts))
    unremoved = [i for i, r in enumerate(reasons[start:end]) if not r and start + i not in verse and not boxed <= i < unboxed]
    if cut is not None:
        header = _sections()[0]
        first = next((i for i, t in enumerate(texts[:cut]) if len(t) <= 30 and header.match(t)), cut)
        unremoved = [i for i in unremoved if first < i < cut]
    run = headline_run_start([texts[i] for i in unremoved])
    if run is not None:  # index among unremoved lines -> index among all lines of the span
        cut, after = unremoved[run], "list of other articles after the text"
    items: set[int] = set()
    if cut is None:
        end, items = structure_tail(lines, reasons, end, thread)
        end = signature_end(lines, reasons, end, thread, title)
        contacts_before_signature(lines, reasons, end, title)
        contacts_under_heading(lines, reasons, start, end)
        end = author_note_end(lines, reasons, end, thread)
    for i in range(max(start, 1), end):  # (a signature inside the text: a notice, then the plan it issues)
        if reasons[i] == "dateline" and not reasons[i - 1] and (signs_document(lines[i - 1].text, lines[i].text, title)
                                                               or closes_letter(lines[max(0, i - 4):i])):
            reasons[i] = None
    kept: list[Kept] = []
    removed: list[Removed] = []
    # (the items of a list the text announces, 名单如下： / 特等奖：某某: no headings)
    listed = announced_items([l.text for l in lines[start:end]], start)
    for i, (line, reason) in enumerate(zip(lines, reasons)):
        if i in items or i == lead:
            kept.append(Kept(line, "paragraph"))
            continue
        if cut is not None and start + cut <= i < end and not reason:
            reason = after
        elif i >= thread and not reason:
            reason = "section after the article (comments, related items)"
        if reason:
            removed.append(Removed(line, reason))
        elif is_image_placeholder(line.text):
            kept.append(Kept(line, "image"))
        elif not start <= i < end:
            removed.append(Removed(line, outside_reason(line.text, title)))
        elif i in table or i in listed:
            kept.append(Kept(line, "paragraph"))  # (a table's cell, as the capture wrote it: no heading)
        elif (not is_prose(line.text) and len(line.text) <= 30 and not _END_PUNCT.search(line.text)
              and not line.text.endswith(("：", ":"))  # a line introducing a list is no heading
              and not is_document_number(line.text)  # (nor a document's number)
              and not _ATTRIBUTION.match(line.text)):  # (nor an epigraph's source)
            kept.append(Kept(line, "heading"))
        else:
            kept.append(Kept(line, "paragraph"))
    return Cleaned(kept, removed)
