"""Synthetic raw captures for benchmarks, recombined from real ones.

A benchmark of an archive tool is only as honest as its input: lorem ipsum has no navigation
menus, no ICP footers, no traditional script and no place names, so it would measure a pipeline
that never runs. This module therefore recombines *real* material: the header and footer
boilerplate ("frame") of one real capture, paragraphs taken from several real captures, a
headline, a dateline and a source credit, and a place chain drawn from the gazetteer. About one
capture in ten is converted to traditional script, as in the archive.

Everything is a pure function of its inputs and a `random.Random`, so a seed reproduces a
corpus byte for byte. Each capture comes with its expectations (the lines that must survive
cleaning and the lines that must go), which lets tests check that synthetic captures are
cleaned the way real ones are.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from ..ingest import clean as clean_mod
from ..ingest import meta
from ..ingest.reading_form import reading_form, restore
from ..ingest.decode import decode
from ..script import detect_script, to_traditional

_METADATA = re.compile(r"(?:19|20)\d\d\s*[-年/.]\s*\d{1,2}|来源|來源|稿源|出处|记者|記者|编辑|編輯|作者|^原标题")
SOURCES = ["新疆日报", "天山网", "人民网", "新华网", "中国新闻网", "农民日报", "光明日报", "云南日报", "河南日报", "大众日报"]
TRADITIONAL_SHARE = 0.1
MIN_PARAGRAPH = 30


@dataclass
class Frame:
    """The boilerplate around one real capture's text: lines before and after the article."""
    header: list[str]
    footer: list[str]


@dataclass
class Pools:
    frames: list[Frame] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    headlines: list[str] = field(default_factory=list)


@dataclass
class Capture:
    name: str
    data: bytes
    expected: dict


def pools_from_captures(raws: list[tuple[str, bytes]]) -> Pools:
    """Split real simplified-script captures into frames, paragraphs and headlines.

    Only lines the pipeline itself classifies are used: removed lines before the first and after
    the last kept line form the frame, kept paragraphs of some length form the paragraph pool.
    """
    pools = Pools()
    for path, data in raws:
        text = decode(data, path).text
        if detect_script(text) != "hans":
            continue
        raw_lines = clean_mod.split_lines(text)
        own = {l.number: l for l in raw_lines}  # classified on the reading form, taken as printed
        lines = [clean_mod.Line(l.number, reading_form(l.text)) for l in raw_lines]
        headline = meta.find_title(lines)[0]
        read = clean_mod.clean(lines, headline)  # (as the pipeline cleans: the headline's printings are no text)
        cleaned = clean_mod.Cleaned([clean_mod.Kept(own[k.line.number], k.kind) for k in read.kept],
                                    [clean_mod.Removed(own[r.line.number], r.reason) for r in read.removed])
        kept = [k for k in cleaned.kept]
        if not kept:
            continue
        first, last = kept[0].line.number, kept[-1].line.number
        title = restore(headline, [(l.text, own[l.number].text) for l in lines]) or ""
        frame = [r for r in cleaned.removed if not _states_metadata(r.line.text, title)]
        header = [r.line.text for r in frame if r.line.number < first]
        footer = [r.line.text for r in frame if r.line.number > last]
        if header or footer:
            pools.frames.append(Frame(header, footer))
        for k in kept:
            t = k.line.text
            if k.kind == "paragraph" and len(t) >= MIN_PARAGRAPH:
                pools.paragraphs.append(t)
            elif k.kind == "heading" and 8 <= len(t) <= 30:
                pools.headlines.append(t)
    pools.paragraphs = sorted(set(pools.paragraphs))
    pools.headlines = sorted(set(pools.headlines))
    return pools


def _states_metadata(text: str, title: str) -> bool:
    """Lines of a real frame that state *its* article's title, date or source would contradict
    the synthetic article's own, so frames keep only navigation, widgets and footers."""
    return bool(_METADATA.search(text)) or bool(title) and (title in text or text in title)


def _chain_name(chain: list[str]) -> str:
    """'伊犁哈萨克自治州特克斯县喀拉托海镇' from a place chain below the province."""
    return "".join(chain[1:])


def make_capture(pools: Pools, rng: random.Random, index: int, places: list[list[str]]) -> Capture:
    """One synthetic capture. `places` are gazetteer chains [province, prefecture, county,
    township?]; one is chosen and written into the dateline and the headline."""
    frame = rng.choice(pools.frames)
    chain = rng.choice(places)
    county = chain[2] if len(chain) > 2 else chain[-1]
    year = rng.randint(2015, 2025)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    source = rng.choice(SOURCES)
    headline = f"{county}{rng.choice(pools.headlines)}" if pools.headlines else f"{county}工作纪实第{index}篇"
    body = rng.sample(pools.paragraphs, k=min(len(pools.paragraphs), rng.randint(4, 12)))
    body[0] = f"{month}月{day}日，记者从{_chain_name(chain)}了解到，{body[0]}"
    lines = [
        f"{headline}_{source}",
        *frame.header,
        headline,
        f"发布时间：{year}-{month:02d}-{day:02d} 来源：{source}",
        *body,
        *frame.footer,
    ]
    text = "\n".join(lines) + "\n"
    script = "hans"
    if rng.random() < TRADITIONAL_SHARE:
        text, script = to_traditional(text), "hant"
        body = [to_traditional(p) for p in body]
        drops = [to_traditional(t) for t in frame.header + frame.footer]
    else:
        drops = frame.header + frame.footer
    encoding = "gb18030" if script == "hans" and rng.random() < 0.2 else "utf-8"
    return Capture(
        name=f"synthetic-{index:06d}.txt",
        data=text.encode(encoding),
        expected={
            "title": to_traditional(headline) if script == "hant" else headline,
            "date": f"{year}-{month:02d}-{day:02d}",
            "source": to_traditional(source) if script == "hant" else source,
            "script": script,
            "encoding": encoding,
            "must_keep": body,
            "must_drop": sorted(set(drops) - set(body)),
            "counties": [county],
        },
    )


def make_corpus(pools: Pools, n: int, seed: int, places: list[list[str]]):
    """Yield n captures, deterministic for (pools, seed, places)."""
    rng = random.Random(seed)
    for i in range(n):
        yield make_capture(pools, rng, i, places)
