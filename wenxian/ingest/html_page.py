"""A saved web page read on its document tree: blocks in reading order and the page's metadata.

Why the tree and not flattened text: the page says which text is furniture (element names,
class and id words such as nav, footer, share, comment; link-heavy lists; hidden elements) and
where the article is (the subtree that holds most of the punctuated prose), and it carries
metadata that flattened text throws away (JSON-LD, OpenGraph, the <meta> names of Chinese
CMSs, platform script variables). The decisions mirror trafilatura's and readability's, with
the vocabulary in `data/html.yml`.

Pure: text in, `Page` out. Every block of visible text is either in `Page.blocks` (with the
tree signals the cleaner needs) or was script, style or a comment, which are not text.
"""
from __future__ import annotations

import datetime as _dt
import html as _html
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree
from lxml import html as lxml_html

from . import vocab
from .clean import pattern_reason
from .reading_form import reading_form, without_glosses

# Elements whose content is never visible text.
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
                   "head", "title", "meta", "link", "select", "option", "textarea", "button", "input", "canvas",
                   "audio", "video", "map"})
# Elements that start a new block of text.
_BLOCK = frozenset({"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
                    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
                    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu",
                    "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
                    "thead", "tr", "ul", "frameset", "frame", "noframes", "legend"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BOLD = frozenset({"b", "strong"})
_WS = re.compile(r"[\s\u3000\xa0\u200b\ufeff]+")
_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_TAG = re.compile(r"<[^<>]{0,200}>")  # markup some CMSs leave inside <meta content>
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # C0 and C1 controls: no visible text
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


@dataclass
class Block:
    """One run of visible text between block boundaries (or one image)."""
    index: int
    text: str
    line: int  # line of the page source where the block's element starts
    tag: str  # name of the nearest block element holding the text ('img' for an image)
    link_chars: int = 0  # characters of the text inside <a>
    bold_chars: int = 0  # characters inside <b>/<strong>
    furniture: str | None = None  # class/id word of the nearest furniture ancestor (nav, footer…)
    hidden: bool = False
    # the block or one of its three nearest ancestors is named as a title by its class or id
    # (entry-title, post_title, TitleUrl): a permalink headline is a link, yet the headline
    title_hint: bool = False
    # the block or one of its three nearest ancestors is named as the writer's by its class or id
    # (author, AuthorInfo, byline): a platform's writer is a name alone there
    author_hint: bool = False
    # the ancestors that carry a furniture word / hide their content, outermost first; which of
    # them count is decided once the page's prose is known (_resolve)
    furniture_chain: tuple = field(default=(), repr=False)
    hidden_chain: tuple = field(default=(), repr=False)
    # the page's own text where `text` is its reading form (reading_form.py) and differs
    shown: str | None = field(default=None, repr=False)
    # a short block's text with a space where two inline elements meet with no space between
    # them (<span>来源：某某网</span><span>王某</span>), in the reading form and as printed:
    # evidence for the metadata rules, which read the fields of a minified byline apart; the
    # published text is `text`/`shown`, as the page prints it
    seamed: str | None = field(default=None, repr=False)
    seamed_shown: str | None = field(default=None, repr=False)
    # a data table's row, its cells apart (CELL_SEPARATOR between them)
    row: bool = False
    # the block element holding the text (the row's <tr>), for the page's structure around it
    element: object = field(default=None, repr=False, compare=False)

    @property
    def link_density(self) -> float:
        return self.link_chars / max(1, len(self.text))

    @property
    def evidence(self) -> str:
        """What the metadata rules read: `seamed` where the block has seams, else `text`."""
        return self.seamed or self.text


@dataclass
class Page:
    blocks: list[Block]
    main: tuple[int, int]  # [start, end) block indexes of the main-content subtree
    meta: dict = field(default_factory=dict)  # field -> [(value, origin)], most trusted first
    title_tag: str | None = None  # text of <title>
    # (reading form, the page's own text) of the metadata values and <title>
    meta_text: list = field(default_factory=list, repr=False)

    def own_text(self) -> list[tuple[str, str]]:
        """(reading form, the page's own text) of every block, metadata value and <title>: where
        a value read from the reading form is given back as the page prints it."""
        return ([(b.text, b.shown or b.text) for b in self.blocks] + self.meta_text
                + [(b.seamed, b.seamed_shown) for b in self.blocks if b.seamed])


@lru_cache(maxsize=None)
def _vocab() -> dict:
    v = vocab.load("html.yml")
    return {
        "furniture": frozenset(v["boilerplate_words"]),
        "weak": frozenset(v["weak_boilerplate_words"]),
        "fact_box": frozenset(v["fact_box_words"]),
        "wrapper": frozenset(v["wrapper_words"]),
        "content": frozenset(w.lower() for w in v["content_words"]),
        "title": tuple(w.lower() for w in v["title_words"]),
        "not_title": tuple(w.lower() for w in v["not_title_words"]),
        "author": tuple(w.lower() for w in v["author_words"]),
        "hidden": re.compile("|".join(v["hidden_styles"]), re.I),
        "meta": {k: [n.lower() for n in names] for k, names in v["meta"].items()},
        "jsonld": frozenset(v["jsonld_types"]),
        "scripts": {k: [re.compile(p) for p in pats] for k, pats in v["script_variables"].items()},
        "comments": {marker: {k: [re.compile(rf"<{t}>([^<]{{1,300}})</{t}>") for t in tags] for k, tags in fields.items()}
                     for marker, fields in v["comment_fields"].items()},
        "account_ids": frozenset(v["account_name_ids"]),
        "author_ids": frozenset(v["author_ids"]),
        "main_run_margin": float(v["main_run_margin"]),
        "against_main": frozenset(v["against_main"]),
    }


def _attr_words(el, everywhere: frozenset = frozenset()) -> list[str]:
    """Words of an element's class and id ('news-footer' → news, footer; 'commentList' → comment, list),
    leaving out the class names in `everywhere` (_everywhere_classes)."""
    classes = (el.get("class") or "").split()
    raw = f"{' '.join(c for c in classes if c not in everywhere)} {el.get('id') or ''}"
    words = [w.lower() for w in _WORDS.findall(raw)]
    whole = [t.lower() for t in re.split(r"\s+", raw.strip()) if t]
    return whole + words


def _is_hidden(el) -> bool:
    if el.get("hidden") is not None or (el.get("aria-hidden") or "").lower() == "true" and not len(el):
        return True
    style = el.get("style")
    return bool(style and _vocab()["hidden"].search(style))


_END_BODY = re.compile(r"</\s*(?:body|html)\s*>", re.I)


def parse(text: str):
    """The document tree of a page (lxml's HTML parser, which repairs what browsers repair)."""
    text = _CONTROLS.sub("", _XML_DECL.sub("", text, count=1))  # stray control bytes are no text
    # A browser reads markup after a premature </body> or </html> (a template closing the page
    # before the article is written) into the body; libxml2 drops it. Without those end tags both
    # read the same tree.
    text = _END_BODY.sub("", text)
    parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=False)
    try:
        root = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        root = lxml_html.document_fromstring("<html><body></body></html>")
    return root


def read(text: str) -> Page:
    """The page's blocks, main span and metadata, in their reading form (reading_form.py: what
    the rules read); `Block.shown` and `Page.meta_text` keep the page's own characters."""
    root = parse(text)
    meta = _metadata(root, text)
    blocks, spans, named = _blocks(root)
    for b in blocks:
        form = reading_form(b.text)
        if form != b.text:
            b.shown, b.text = b.text, form
        if b.seamed:
            b.seamed_shown, b.seamed = b.seamed, reading_form(b.seamed)
        if len(b.text) <= _SEAMED_MAX:  # (the metadata rules read a byline without pinyin glosses: 發(fā)布時(shí)間)
            unglossed = without_glosses(b.seamed or b.text, b.seamed_shown or b.shown or b.text)
            if unglossed:
                b.seamed, b.seamed_shown = unglossed
    meta_text = []
    for key, values in meta.items():
        if key != "url":  # (an address is no text: '/中文' stays)
            meta_text += [(reading_form(v), v) for v, _o in values]
            meta[key] = [(reading_form(v), o) for v, o in values]
    _resolve(blocks, spans, named=named)
    main = _through_tables(blocks, _main_span(blocks, spans, named))
    # a furniture word on an element that holds the whole article (a page wrapper named
    # 'main-side' or 'content-header') says nothing about the article's own blocks
    _resolve(blocks, spans, main, named)
    title_el = root.find(".//title")
    title_tag = _norm(title_el.text_content()) if title_el is not None else None
    if title_tag:
        meta_text.append((reading_form(title_tag), title_tag))
    return Page(blocks, main, meta, reading_form(title_tag) if title_tag else None, meta_text)


def visible_text(text: str) -> str:
    """A page as a naive scraper saves it: the <title> line, then every block of visible text,
    one per line (how the text corpus was made; used to turn saved pages into text captures)."""
    root = parse(text)
    title_el = root.find(".//title")
    title = _norm(title_el.text_content()) if title_el is not None else ""
    blocks, spans, _named = _blocks(root, split_links=True)
    _resolve(blocks, spans)
    lines = ([title] if title else []) + [b.text for b in blocks if b.text and not b.hidden]
    return "\n".join(lines) + "\n"


def _everywhere_classes(root) -> frozenset:
    """Class names on at least half of the page's elements (and on 20 or more), spread over the
    whole page: a class that marks nearly everything says nothing about a part of the page. An accessibility or
    translation script that stamps every element ('skipAutoFix' on a government portal's
    every <p> and <span>) would otherwise make the whole article 'skip' furniture."""
    seen: dict = {}
    first: dict = {}
    last: dict = {}
    elements = 0
    body = root.find(".//body")
    for el in (body if body is not None else root).iter():  # (the <head>'s elements carry no class)
        if not isinstance(el.tag, str):
            continue
        for c in set((el.get("class") or "").split()):
            seen[c] = seen.get(c, 0) + 1
            first.setdefault(c, elements)
            last[c] = elements
        elements += 1
    # ... and from the page's first tenth to its last: a comment list or a share bar of 30
    # items is one region of the page, however many elements it holds
    return frozenset(c for c, n in seen.items() if n >= 20 and n * 2 >= elements
                     and first[c] * 10 <= elements and last[c] * 10 >= elements * 9)


def _named(el, kind: str) -> bool:
    """Whether an element's class or id names it a title ('title': entry-title,
    viewpost_TitleUrl) or the writer's ('author': author vcard, AuthorInfo, byline)."""
    # (and a custom element's own name, as e-paper systems mark their fields: <founder-title>)
    tag = el.tag if isinstance(el.tag, str) and "-" in el.tag else ""
    names = ((el.get("class") or "") + " " + (el.get("id") or "") + " " + tag).lower()
    if kind == "title" and any(w in names for w in _vocab()["not_title"]):
        return False  # (subtitle, sub-title: the deck under the headline)
    return any(w in names for w in _vocab()[kind])


# Where an inline element starts or ends inside a block's text (a character no parsed page holds:
# XML and HTML text cannot carry NUL); blocks up to _SEAMED_MAX characters keep a seamed reading.
SEAM = "\x00"
_SEAMED_MAX = 200


_SEAMS = re.compile(SEAM + "+")
_RUN_END = re.compile(r"\S*$")
_RUN_START = re.compile(r"^\S*")


def _seamed(raw: str) -> str:
    """`raw` with a space at each seam between two runs of text that are fields, not the parts of
    one word: both sides two characters or more, and more than four together ('来源：某某网' |
    '王某', '新华社' | '举报'; not '王' | '小明', '人民' | '日报', '欧阳' | '小明', which a page
    styles in pieces)."""
    pieces = _SEAMS.split(raw)
    out = [pieces[0]]
    for prev, nxt in zip(pieces, pieces[1:]):
        left, right = _RUN_END.search(prev).group(), _RUN_START.match(nxt).group()
        out.append((" " if len(left) >= 2 and len(right) >= 2 and len(left) + len(right) > 4 else "") + nxt)
    return "".join(out)


def _norm(s: str) -> str:
    return _WS.sub(" ", s).strip()


# --- blocks ---------------------------------------------------------------------------------

def _blocks(root, split_links: bool = False) -> tuple[list[Block], dict, set]:
    """Visible text blocks in document order, for each element the [first, end) block range of
    its subtree, and the elements whose class/id names the article container (for choosing the
    main content).

    One pass of start/end events (no recursion: a hostile page may nest 100,000 deep).
    `split_links` makes each link of a bare link list a block of its own, as naive scrapers
    save them (visible_text); extraction keeps such a list as one block, whose link density
    marks it as furniture."""
    v = _vocab()
    blocks: list[Block] = []
    buf: list[str] = []
    state = {"link": 0, "bold": 0, "title": 0, "owner": None}
    counts = {"link": 0, "bold": 0, "title": 0}
    # per open element: (element, furniture chain ((word, element)…), hidden chain)
    stack: list[tuple] = []
    first: dict = {}
    spans: dict = {}

    def flush():
        raw = "".join(buf)
        text = _CELLS.sub(CELL_SEPARATOR, _norm(raw.replace(SEAM, ""))).strip(CELL_SEPARATOR + " ")
        raw = raw.replace(CELL, " ")
        owner = state["owner"]
        if text:
            top = stack[-1] if stack else (None, (), ())
            seamed = _norm(_seamed(raw)) if SEAM in raw and len(text) <= _SEAMED_MAX else None
            blocks.append(Block(len(blocks), text, _line(owner), owner.tag if owner is not None else "body",
                                min(counts["link"], len(text)), min(counts["bold"], len(text)),
                                title_hint=counts["title"] * 2 >= len(text) or any(_named(e[0], "title") for e in stack[-3:]),
                                author_hint=any(_named(e[0], "author") for e in stack[-3:]),
                                furniture_chain=top[1], hidden_chain=top[2],
                                seamed=seamed if seamed != text else None, row=CELL_SEPARATOR in text,
                                element=owner))
        buf.clear()
        counts["link"] = counts["bold"] = counts["title"] = 0

    def add(s: str | None):
        if not s:
            return
        buf.append(s)
        n = len(_norm(s))
        if state["link"]:
            counts["link"] += n
        if state["bold"]:
            counts["bold"] += n
        if state["title"]:
            counts["title"] += n

    # (a data table's cells are read a row at a time: one block per row, its cells apart)
    cells = {} if split_links else _data_table_cells(root)
    skipping = 0
    link_lists: dict = {}
    # (a dict, not a set: elements hash by their address, and a set's order would change the
    # chosen container from one run to the next; a dict keeps the document's order)
    named: dict = {}
    everywhere = _everywhere_classes(root)
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if event == "start":
            if skipping or tag in _SKIP or not tag:
                skipping += 1
                continue
            parent = stack[-1] if stack else (None, (), ())
            words = _attr_words(el, everywhere) if tag not in ("html", "body") else []
            own = next((w for w in words if w in v["furniture"]), None)
            furn = parent[1] + ((own, el),) if own and len(parent[1]) < 8 else parent[1]
            hidden = parent[2] + (el,) if _is_hidden(el) and len(parent[2]) < 8 else parent[2]
            if not own and any(w in v["content"] for w in words):
                named[el] = None
            if el in cells:
                if not cells[el]:
                    buf.append(CELL)  # (a later cell of a data table's row: the row stays one block)
            elif tag in _BLOCK or tag == "br" or tag == "img" or split_links and tag == "a" and _in_link_list(el, link_lists):
                flush()
            stack.append((el, furn, hidden))
            first[el] = len(blocks)
            if tag in _BLOCK:
                state["owner"] = el
            elif tag != "br":
                buf.append(SEAM)  # an inline element starts
            if tag == "img":
                alt = _norm(el.get("alt") or el.get("title") or "")
                blocks.append(Block(len(blocks), alt, _line(el), "img", 0, 0,
                                    furniture_chain=furn, hidden_chain=hidden, element=el))
            if tag == "a":
                state["link"] += 1
            if tag in _BOLD:
                state["bold"] += 1
            if tag not in _BLOCK and _named(el, "title"):
                state["title"] += 1  # an inline element named as a title (a permalink <a>)
            add(el.text)
        else:
            if skipping:
                skipping -= 1
                if not skipping:
                    add(el.tail)  # the tail of a skipped element is visible text of its parent
                continue
            if el in cells:
                pass
            elif tag in _BLOCK or split_links and tag == "a" and _in_link_list(el, link_lists):
                flush()
            stack.pop()
            spans[el] = (first.pop(el), len(blocks))
            if tag == "a":
                state["link"] -= 1
            if tag in _BOLD:
                state["bold"] -= 1
            if tag not in _BLOCK and _named(el, "title"):
                state["title"] -= 1
            if tag in _BLOCK:
                # text after a block element belongs to the enclosing block element
                state["owner"] = next((e for e, *_ in reversed(stack) if e.tag in _BLOCK), None)
            elif tag != "br":
                buf.append(SEAM)  # an inline element ends
            add(el.tail)
    flush()
    return blocks, spans, named


CELL = "\x01"  # where a data table's cell starts inside its row's block
CELL_SEPARATOR = "\u3000"  # what a reader sees between the cells of a row (a wide space)
_CELLS = re.compile(r"\s*(?:\x01\s*)+")
_NUMERIC_CELL = re.compile(r"[-+－—.,，%％‰()（）/:：~～\d\s]*\d[-+－—.,，%％‰()（）/:：~～\d\s万亿千百元人户个家次台件吨亩斤公顷平方米公里年月日岁名项座所]*")
_CELL_BLOCKS = frozenset({"ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "img", "blockquote", "pre"})


def _data_table_cells(root) -> dict:
    """{cell element: whether it opens its row} for every cell of the page's data tables: tables
    of figures (≥ 3 rows, two cells or more in most, a fifth or more of the cells numbers, short
    cells without lists, images or tables inside, few links). A row of such a table is one
    block, its cells apart: read one cell a line, a row's figures fall away from their names
    (a number alone on its line is a page's navigation) and the table is lost. A layout table,
    a menu or a field list (索引号 | … | 发布机构 | …) stays a cell a block.

    One pass over the tree (a hostile page may nest tables thousands deep), then each table
    without a table inside read once: linear in the page."""
    rows: dict = {}  # table -> [[cell, …] per row]
    spoiled: set = set()  # tables holding a table, a list, a heading or an image in a cell
    open_tables: list = []
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag == "table":
            if event == "start":
                if open_tables:
                    spoiled.add(open_tables[-1])
                open_tables.append(el)
                rows[el] = []
            else:
                open_tables.pop()
        elif event == "start" and open_tables:
            table = open_tables[-1]
            if tag == "tr":
                rows[table].append([])
            elif tag in ("td", "th") and rows[table]:
                rows[table][-1].append(el)
            elif tag in _CELL_BLOCKS:
                spoiled.add(table)
    labels = re.compile(vocab.load("metadata.yml")["disclosure_labels"])
    out: dict = {}
    for table, grid in rows.items():
        if table in spoiled or len(grid) < 3 or sum(len(g) >= 2 for g in grid) * 2 < len(grid):
            continue
        filled = [t for t in (_norm(c.text_content()) for g in grid for c in g) if t]
        links = sum(len(_norm(a.text_content())) for a in table.iter("a"))
        # (or a list numbered down its first column, 序号 1, 2, 3…: a notice's list of names)
        firsts = [_norm(g[0].text_content()) for g in grid[1:] if g]
        numbered = len(firsts) >= 3 and all(t.isdigit() and int(t) == n for n, t in enumerate(firsts, 1))
        if (not filled or max(map(len, filled)) > 60 or links * 3 > sum(map(len, filled))
                or sum(bool(_NUMERIC_CELL.fullmatch(t)) for t in filled) * 5 < len(filled) and not numbered
                or any(labels.match(t) or t.endswith(("：", ":")) for t in filled)):
            continue
        for g in grid:
            for i, c in enumerate(g):
                out[c] = i == 0
    return out


def _contains(outer, inner) -> bool:
    return bool(outer) and outer[0] <= inner[0] and inner[1] <= outer[1]


def _resolve(blocks: list[Block], spans: dict, main: tuple[int, int] | None = None, named: dict | None = None) -> None:
    """Which furniture words and hiding styles count. An element holding most of the page's
    prose is not furniture, whatever its class says ('aside-layout' wrapping the story), and a
    hidden element holding most of it is the article waiting for a script to show it (WeChat
    saves its text with visibility:hidden): both are ignored. A weak word (ads, header, more…)
    counts only on a small element (an ad slot, a header bar) whose text is not mostly running
    prose nor, under a fact box's word (`fact_box_words`), sentences with no link among them (a
    'link-box' of background facts): on a wide one it names a layout column. Every other word
    counts, except a wrapper's word (share, toolbar…) for the blocks of an element inside it that
    `named` names as the article's content and that is running prose (a story wrapped in
    <div class="share"> with the share buttons beside it)."""
    prefix = [0]
    for b in blocks:
        prefix.append(prefix[-1] + max(0, prose_score(b)))
    total = prefix[-1]

    chars, links = [0], [0]
    for b in blocks:
        chars.append(chars[-1] + (len(b.text) if b.tag != "img" else 0))
        links.append(links[-1] + b.link_chars)
    weak, wrapper, fact_box = _vocab()["weak"], _vocab()["wrapper"], _vocab()["fact_box"]

    def major(el) -> bool:
        a, z = spans.get(el, (0, 0))
        return total > 0 and (prefix[z] - prefix[a]) * 2 > total

    def prose_dense(el) -> bool:
        a, z = spans.get(el, (0, 0))
        prose, n = prefix[z] - prefix[a], chars[z] - chars[a]
        return prose >= 100 and prose * 2 >= n and (links[z] - links[a]) * 10 < n * 3

    def small(el) -> bool:
        a, z = spans.get(el, (0, 0))
        return z - a <= 12

    def linkless_prose(el) -> bool:
        # (a fact box under a weak word with no link in it and sentences of its own: 【链接】某某 /
        # 某某获批国家地理标志保护产品。 in <div class="link-box">, the text's background box)
        a, z = spans.get(el, (0, 0))
        return links[z] - links[a] == 0 and prefix[z] - prefix[a] >= 30

    # (an inline element's last text becomes a block only at the next block boundary, after the
    # element has closed: its span is taken to hold that block)
    dense_named = [(spans[el][0], spans[el][1] + (el.tag in _INLINE_WRAPPERS)) for el in (named or ())
                   if el in spans and prose_dense(el)]

    def in_content(b, el) -> bool:
        a, z = spans.get(el, (0, 0))
        return any(a <= na <= b.index < nz <= z + 1 for na, nz in dense_named)

    def counts(word, el) -> bool:
        if main and _contains(spans.get(el), main):
            return False
        return not major(el) and not (word in weak and (prose_dense(el) or not small(el) or word in fact_box and linkless_prose(el)))

    for b in blocks:
        b.hidden = any(not major(el) for el in b.hidden_chain)
        b.furniture = next((w for w, el in reversed(b.furniture_chain)
                            if counts(w, el) and not (dense_named and w in wrapper and in_content(b, el))), None)


_INLINE_WRAPPERS = {"span", "em", "strong", "b", "i", "u", "font", "small", "big", "sup", "sub", "mark", "label"}


def _in_link_list(a, seen: dict) -> bool:
    """A link among links with no running text of its own around them (a menu or a list of
    headlines written as bare <a> elements): each link is a block of its own, as a reader sees
    it, rather than one run-on line. `seen` caches the answer per parent (one look at each
    parent's children, however many links it holds)."""
    parent = a.getparent()
    # a link wrapped alone in an inline element (<p><span><a>词</a></span>是…</p>): the text
    # around the wrapper is the link's running text
    while (parent is not None and isinstance(parent.tag, str) and parent.tag.lower() in _INLINE_WRAPPERS
           and len(parent) == 1 and not (parent.text or "").strip()):
        parent = parent.getparent()
    if parent is None:
        return False
    if parent not in seen:
        seen[parent] = not (parent.text or "").strip() and not any(
            (c.tail or "").strip(" \t\r\n\u3000\xa0|｜·•/") for c in parent)
    return seen[parent]


def _line(el) -> int:
    return (el.sourceline or 0) if el is not None else 0


# --- main content ---------------------------------------------------------------------------

_PROSE_PUNCT = re.compile(r"[，。！？；、,!?;：]")
_SENTENCE_END = re.compile(r"[。！？!?…]”?$")
# Phrases separated by spaces instead of commas (blogs, captions written for phones): prose in a
# block that is not a link list.
_PHRASES = re.compile(r"[\u4e00-\u9fff]{5,}[ \u3000]+[\u4e00-\u9fff]{5,}")


def _is_word_list(text: str) -> bool:
    """A tag cloud or keyword list ('邓某潜逃 第92号红通 活力影院 …'): eight or more short items
    separated by spaces and not one comma or full stop among them. Phrases written for phones
    (_PHRASES) are few and long; a list of search words is many and short."""
    if len(text) < 60 or _CJK_PUNCT.search(text):
        return False
    items = text.split()
    return len(items) >= 8 and sum(len(i) <= 12 for i in items) >= 0.9 * len(items)


_CJK_PUNCT = re.compile(r"[，。！？；、]")
_LATIN_SENTENCE = re.compile(r"[a-z]{2,}[,.;!?](?:\s|$)")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def prose_score(b: Block) -> int:
    """How much a block's own text speaks for the subtree holding it being the article:
    punctuated prose counts by its length; links and short fragments count against."""
    n = len(b.text)
    if b.tag == "img":
        return 0
    if b.row:  # (a data table's row counts as its cells would one a block: where the article is
        # chosen as before, the table only read a row a line; but a row of a list numbered down
        # its first column, 1 / 某某镇 / 某某村 / 顾*山…, a notice's list of names, costs nothing)
        cells = b.text.split(CELL_SEPARATOR)
        score = sum(len(c) if _prose(c) else -8 for c in cells)
        return max(0, score) if len(cells) >= 3 and cells[0].strip().isdigit() and len(cells[0].strip()) <= 3 else score
    word_list = _is_word_list(b.text)
    if b.link_density <= 0.5 and word_list and _LATIN_SENTENCE.search(b.text) and not _CJK.search(b.text):
        return 0  # (an English sentence of short words is no tag cloud, nor the Chinese article's
        # prose: a bilingual story's English paragraph, an English disclaimer after a story)
    if b.link_density > 0.5 or word_list:
        return -min(n, 40) - 5
    return n if _prose(b.text) else -8


def _prose(text: str) -> bool:
    """Whether a block's (or a table cell's) text reads as running prose: punctuated, long, or
    ending as a sentence does."""
    n = len(text)
    return bool((n >= 15 and _PROSE_PUNCT.search(text)) or n >= 60 or _SENTENCE_END.search(text)
                or n >= 16 and _PHRASES.search(text))


def block_score(b: Block) -> int:
    """prose_score, with furniture counting against and hidden text not at all; a block that a
    boilerplate rule of the kinds in `against_main` (html.yml) names counts against, however
    long its sentences: a financial site's long disclaimer outweighs a two-paragraph story."""
    if b.hidden:
        return 0
    if b.tag != "img" and pattern_reason(b.text) in _vocab()["against_main"]:
        return -min(len(b.text), 40) - 5
    score = prose_score(b)
    if b.furniture:
        score = -abs(score) if score <= 0 else score // 4
    return score


def _main_span(blocks: list[Block], spans: dict, named: dict) -> tuple[int, int]:
    """The block range of the element whose subtree scores best: the tightest element holding
    the article's prose without the furniture around it. An element whose class/id names the
    article container wins over a wider one that scores at most a tenth more."""
    if not blocks:
        return (0, 0)
    prefix = [0]
    for b in blocks:
        prefix.append(prefix[-1] + block_score(b))
    best, best_span = None, (0, len(blocks))
    hinted, hinted_span = None, None
    # spans were recorded at end events: children before parents (deepest first on ties)
    for el, (a, z) in spans.items():
        if z <= a:
            continue
        total = prefix[z] - prefix[a]
        if best is None or total > best:
            best, best_span = total, (a, z)
        if el in named:
            if hinted is None or total > hinted:
                hinted, hinted_span = total, (a, z)
    if hinted is not None and best is not None and hinted > 0 and hinted * 1.1 >= best:
        a, z = hinted_span
        if best_span[0] <= a and z <= best_span[1]:
            return hinted_span
    # the best element inside the one named as the article's container, which holds besides it
    # only short lines of text (a video post's caption lines, a poem): the container is the article
    for el in named:
        a, z = spans.get(el, (0, 0))
        if a <= best_span[0] and best_span[1] <= z and (a, z) != best_span and z - a <= 200:
            rest = blocks[a:best_span[0]] + blocks[best_span[1]:z]
            if all(not b.furniture and b.link_density <= 0.2 and (b.tag == "img" or len(b.text) <= 30) for b in rest if not b.hidden):
                return (a, z)
    run_total, run_span = _best_run(prefix)
    if best is not None and run_total > max(best, 0) * _vocab()["main_run_margin"]:
        return run_span
    return best_span


def _through_tables(blocks: list[Block], span: tuple[int, int]) -> tuple[int, int]:
    """The main span carried on over a data table set between the article's paragraphs, and
    the prose after it: a table of figures scores against the article as its cells do, so a
    long one cut the text short and the paragraphs after it were lost. Only a table in the
    same container as the paragraphs before and after it (or in a wrapper of its own there),
    or closing that container, without furniture, its caption aside; a market or weather
    widget in a box of its own beside the text, or followed by a heading, stays outside."""
    a, z = span
    while 0 < z < len(blocks) and a < z:
        i = z
        while i < len(blocks) and i - z < 2 and not blocks[i].row and (blocks[i].tag == "caption" or len(blocks[i].text) <= 30):
            i += 1  # (表1 某某情况（单位：万元）)
        j = i
        while j < len(blocks) and blocks[j].row:
            j += 1
        if j - i < 2:
            break
        before, table = blocks[z - 1], _nearest(blocks[i].element, "table")
        if any(b.furniture or b.hidden for b in blocks[z:j]) or prose_score(before) <= 0 or not _beside(before.element, table):
            break
        after = blocks[j] if j < len(blocks) else None
        if (after is None or after.furniture or pattern_reason(after.text)
                or not _within(after.element, before.element.getparent())):
            return a, j  # (the table closes the text's container: the page's tools or its footer follow)
        if after.hidden or prose_score(after) <= 0 or not _beside(after.element, table):
            break
        z = j
        while z < len(blocks) and not blocks[z].furniture and not blocks[z].hidden and block_score(blocks[z]) > 0:
            z += 1
    return a, z


def _nearest(el, tag: str):
    """The nearest ancestor of `el` named `tag` (None when there is none)."""
    parent = el.getparent() if el is not None else None
    while parent is not None and (not isinstance(parent.tag, str) or parent.tag.lower() != tag):
        parent = parent.getparent()
    return parent


def _within(element, container) -> bool:
    """Whether `element` is `container` or inside it."""
    while element is not None:
        if element is container:
            return True
        element = element.getparent()
    return False


def _beside(element, table) -> bool:
    """Whether a paragraph's element and a table stand in one container: the paragraph's parent
    (or the paragraph's element itself, text set straight in the container) holds the table or
    the table's own wrapper."""
    if element is None or table is None:
        return False
    holders = {id(element), id(element.getparent())}
    up = table.getparent()
    return up is not None and (id(up) in holders or up.getparent() is not None and id(up.getparent()) in holders)


def _best_run(prefix: list[int]) -> tuple[int, tuple[int, int]]:
    """The contiguous run of blocks with the highest total score (Kadane, one pass).

    Why: old table layouts put the article's paragraphs straight into a cell that also holds the
    menus, link lists and notices of the page, so no element holds the prose alone and the best
    element is a short notice elsewhere. The best run of blocks finds the prose wherever its
    container is; it is used only when it outscores every element by a wide margin."""
    best, best_span = 0, (0, 0)
    low, low_at = 0, 0  # the smallest prefix sum so far and where it is
    for i in range(1, len(prefix)):
        if prefix[i] - low > best:
            best, best_span = prefix[i] - low, (low_at, i)
        if prefix[i] < low:
            low, low_at = prefix[i], i
    return best, best_span


# --- metadata -------------------------------------------------------------------------------

def _metadata(root, text: str) -> dict:
    """Candidates per field from the page's own structure, most trusted first, each with its
    origin ('json-ld', 'meta:og:title', 'script', …) so the article can record which was used."""
    out: dict = {k: [] for k in ("title", "date", "date_modified", "source", "author", "site", "url")}

    def put(key, value, origin):
        if isinstance(value, str):
            value = _norm(_TAG.sub("", _html.unescape(value)))
            if value:
                out[key].append((value, origin))

    for obj in _jsonld(root):
        put("title", obj.get("headline") or obj.get("name"), "json-ld")
        put("date", obj.get("datePublished") or obj.get("dateCreated"), "json-ld")
        for a in _as_list(obj.get("author")):
            put("author", a.get("name") if isinstance(a, dict) else a, "json-ld")
        pub = obj.get("publisher")
        if isinstance(pub, dict):
            put("site", pub.get("name"), "json-ld")
    v = _vocab()
    metas = {}
    for m in root.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        if key and m.get("content") is not None:
            metas.setdefault(key, m.get("content"))
    for fieldname, names in v["meta"].items():
        for name in names:
            if name in metas:
                put(fieldname, metas[name], f"meta:{name}")
    for key in ("og:url",):
        if key in metas:
            put("url", metas[key], f"meta:{key}")
    scripts = "\n".join(s.text or "" for s in root.iter("script"))
    for fieldname in ("title", "source", "author", "date"):
        for pat in v["scripts"][fieldname]:
            m = pat.search(scripts)
            if m:
                put(fieldname, _unescape_js(m.group(1)), "script")
    for marker, fields in v["comments"].items():  # a CMS's fields in a comment (html.yml comment_fields)
        m = re.search(rf"<!--\s*{re.escape(marker)}\b", text)
        if m:
            end = text.find("-->", m.end(), m.end() + 5000)  # (a comment of 5,000 characters at most is read)
            comment = text[m.end():end if end >= 0 else m.end() + 5000]
            for fieldname, pats in fields.items():
                for pat in pats:
                    found = pat.search(comment)
                    if found:
                        put(fieldname, found.group(1), f"comment:{marker}")
    for pat in v["scripts"]["unix_time"]:
        m = pat.search(scripts)
        if m:
            day = _dt.datetime.fromtimestamp(int(m.group(1)), _dt.timezone(_dt.timedelta(hours=8))).date()
            put("date", day.isoformat(), "script")
            break
    for pat in v["scripts"]["original_url"]:
        m = pat.search(scripts)
        if m:
            put("url", m.group(1), "script:original")
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        ident = el.get("id") or ""
        # by id, or by class on an element without an id of its own (an id names another role)
        classes = [] if ident else (el.get("class") or "").split()
        for key, names in (("source", v["account_ids"]), ("author", v["author_ids"])):
            hit = ident if ident in names else next((c for c in classes if c in names), None)
            if hit:
                put(key, el.text_content(), f"element:{hit}")
    return out


def _unescape_js(s: str) -> str:
    s = re.sub(r"\\x([0-9a-fA-F]{2})", lambda m: chr(int(m.group(1), 16)), s)
    s = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), s)
    return _html.unescape(s)


def _as_list(x) -> list:
    return x if isinstance(x, list) else [x] if x else []


def _jsonld(root) -> list[dict]:
    """Article objects of the page's JSON-LD (schema.org), including those inside @graph."""
    types = _vocab()["jsonld"]
    found = []
    for s in root.iter("script"):
        if (s.get("type") or "").lower() != "application/ld+json" or not s.text:
            continue
        try:
            data = json.loads(s.text)
        except ValueError:
            continue
        todo = _as_list(data)
        seen = 0
        while todo and seen < 200:
            obj = todo.pop(0)
            seen += 1
            if not isinstance(obj, dict):
                continue
            todo.extend(_as_list(obj.get("@graph")))
            kinds = {t for t in _as_list(obj.get("@type")) if isinstance(t, str)}
            if kinds & types:
                found.append(obj)
    return found
