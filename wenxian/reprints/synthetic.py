"""Synthetic reprints with known truth, made from real sentences (seeded, deterministic).

Real reprint pairs are few in any archive's test data, and a threshold fitted to a handful of
them says little, so this generator makes thousands with the truth known: stories composed of
real sentences (clauses of the repository's own captures, so the vocabulary is that of the archive:
campaigns, counties, stock phrases), and copies of each made the way outlets make them:

- identical: the same text with another outlet's credit lines (来源, 原标题, 责任编辑, a follow
  prompt), other punctuation (half-width commas, spaces) and paragraphs split or joined;
- cut: an excerpt, the first sentences or a run of them (20–80 % of the sentences, at least 3);
- edited: sentences replaced by others, inserted or dropped, numbers and words changed;
- masked: runs of one to three characters withheld as *, ＊, ×, □;
- any of them in traditional script (OpenCC s2tw) a quarter of the time.

Hard non-pairs are two different stories that share up to a third of their sentences (the stock
sentences of one campaign), the kind that must not be taken for a copy.

Everything is a pure function of the inputs and the seed.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from ..script import to_simplified, to_traditional

KINDS = ("identical", "cut", "edited", "masked")
_SENT = re.compile(r"[^。！？]*[。！？]")
_OUTLETS = ["新华社", "天山网", "新疆日报", "人民网", "中国新闻网", "伊犁日报", "喀什日报", "阿克苏零距离", "石榴云", "央广网"]
_NAMES = ["王芳", "李明", "张伟", "刘洋", "陈静", "阿依古丽", "买买提", "赵磊"]
_HEAD = ["来源：{o}", "（原标题：{t}）", "原标题：{t}", "稿源：{o}", "转自：{o}"]
_TAIL = ["责任编辑：{n}", "编辑：{n}", "来源：{o}", "点击上方蓝字关注我们", "本文来源：{o}", "审核：{n}",
         "【版权归原作者所有，如有侵权请联系删除】", "长按识别二维码关注"]
_MASKS = "*＊×□"


_CLAUSE = re.compile(r"[^，。！？；：、“”‘’「」『』《》【】（）()\[\]\n]+")


def clause_pool(texts: list[str]) -> list[str]:
    """Distinct clauses (between punctuation, quotes and brackets) of 6–60 characters of real
    texts, mostly Chinese and in simplified script (copies in traditional script are made by
    conversion, as the archive holds them), in a stable order. Stories are made of sentences of 1–4 of them: the 3,000 sentences of the
    repository's captures would repeat in every tenth story of a set of thousands, clauses
    combined do not, while the stock phrases of the archive's campaigns recur as they do."""
    out = set()
    for t in texts:
        for c in _CLAUSE.findall(t):
            c = c.strip()
            if 6 <= len(c) <= 60 and sum("\u4e00" <= ch <= "\u9fff" for ch in c) >= 0.6 * len(c):
                out.add(c)
    out = {c for c in out if to_simplified(c) == c}
    return sorted(out)


def sentence(pool: list[str], rng: random.Random) -> str:
    return "，".join(rng.sample(pool, rng.randint(1, 4))) + "。"


def story(pool: list[str], rng: random.Random) -> list[list[str]]:
    """Paragraphs (lists of sentences) of 12–48 sentences made from the clause pool (about
    300 to 2,500 characters, as the archive's articles)."""
    sents = [sentence(pool, rng) for _ in range(rng.randint(12, 48))]
    paras, i = [], 0
    while i < len(sents):
        n = rng.randint(2, 5)
        paras.append(sents[i:i + n])
        i += n
    return paras


def _render(paras: list[list[str]], rng: random.Random, title: str, punct: bool) -> str:
    lines = ["".join(p) for p in paras]
    if punct:  # another outlet's typography: half-width commas, spaces, a paragraph split or joined
        lines = [ln.replace("，", ", ") if rng.random() < 0.5 else ln for ln in lines]
        if len(lines) > 2 and rng.random() < 0.5:
            k = rng.randrange(len(lines) - 1)
            lines[k:k + 2] = [lines[k] + lines[k + 1]]
    o, n = rng.choice(_OUTLETS), rng.choice(_NAMES)
    head = [h.format(o=o, t=title, n=n) for h in rng.sample(_HEAD, rng.randint(0, 2))]
    tail = [h.format(o=o, t=title, n=n) for h in rng.sample(_TAIL, rng.randint(0, 3))]
    return "\n".join(head + lines + tail)


def _cut(paras, rng):
    flat = [(i, s) for i, p in enumerate(paras) for s in p]
    keep = max(3, round(len(flat) * rng.uniform(0.2, 0.8)))
    start = 0 if rng.random() < 0.5 else rng.randrange(len(flat) - keep + 1)
    kept = flat[start:start + keep]
    out: dict[int, list[str]] = {}
    for i, s in kept:
        out.setdefault(i, []).append(s)
    return [out[i] for i in sorted(out)]


def _edit(paras, rng, pool):
    paras = [list(p) for p in paras]
    ops = rng.choices(["replace", "insert", "drop", "number", "word"], k=rng.randint(1, 5))
    ops.append("replace")  # text on both sides: neither copy is an excerpt of the other
    for op in ops:
        p = rng.randrange(len(paras))
        j = rng.randrange(len(paras[p]))
        if op == "replace":
            paras[p][j] = sentence(pool, rng)
        elif op == "insert":
            paras[p].insert(j, sentence(pool, rng))
        elif op == "drop" and len(paras[p]) > 1:
            del paras[p][j]
        elif op == "number":
            paras[p][j] = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)), paras[p][j], count=1)
        elif op == "word":
            s = paras[p][j]
            if len(s) > 6:
                k = rng.randrange(len(s) - 3)
                paras[p][j] = s[:k] + rng.choice(["进一步", "全面", "切实", "不断", "深入"]) + s[k + 2:]
    return paras


def _mask(paras, rng):
    paras = [list(p) for p in paras]
    for _ in range(rng.randint(1, 4)):
        p = rng.randrange(len(paras))
        j = rng.randrange(len(paras[p]))
        s = paras[p][j]
        spots = [k for k, c in enumerate(s) if "\u4e00" <= c <= "\u9fff"]
        if not spots:
            continue
        k = rng.choice(spots)
        n = rng.randint(1, 3)
        span = s[k:k + n]
        n = next((i for i, c in enumerate(span) if not "\u4e00" <= c <= "\u9fff"), len(span))
        paras[p][j] = s[:k] + rng.choice(_MASKS) * n + s[k + n:]
    return paras


@dataclass
class ReprintSet:
    texts: dict[str, str] = field(default_factory=dict)  # id -> text
    truth: dict[tuple[str, str], str] = field(default_factory=dict)  # (original, copy) -> relation
    story: dict[str, int] = field(default_factory=dict)  # id -> story number
    hard_nonpairs: list[tuple[str, str]] = field(default_factory=list)
    sentences: dict[str, frozenset[str]] = field(default_factory=dict)  # id -> sentences it was made of

    def is_copy(self, a: str, b: str, share: float = 0.5) -> bool:
        """The truth for any two texts: copies of one story, or, by construction, at least
        `share` of the shorter one's characters are sentences the other one carries (an excerpt
        made of the very sentences a hard non-pair partner shares with its original is an
        excerpt of that partner too)."""
        if self.story[a] == self.story[b]:
            return True
        sa, sb = self.sentences[a], self.sentences[b]
        common = sum(len(x) for x in sa & sb)
        return common >= share * min(sum(map(len, sa)), sum(map(len, sb)))


def make_set(pool: list[str], stories: int, copies: int, seed: int, hard: int | None = None,
             prefix: str = "s") -> ReprintSet:
    """`stories` originals with `copies` copies each (kinds in turn, so each kind has its share),
    and `hard` (default: stories × copies) hard non-pair partners: a new story sharing up to a
    third of an original's sentences."""
    rng = random.Random(seed)
    out = ReprintSet()
    for si in range(stories):
        paras = story(pool, rng)
        title = paras[0][0][:20]
        oid = f"{prefix}{si:05d}-0"
        out.texts[oid] = _render(paras, rng, title, punct=False)
        out.story[oid] = si
        out.sentences[oid] = frozenset(x for p in paras for x in p)
        for ci in range(copies):
            kind = KINDS[(si * copies + ci) % len(KINDS)]
            if kind == "cut":
                cp = made = _cut(paras, rng)
            elif kind == "edited":
                cp = made = _edit(paras, rng, pool)
            elif kind == "masked":
                cp, made = _mask(paras, rng), paras
            else:
                cp = made = paras
            text = _render(cp, rng, title, punct=True)
            if rng.random() < 0.25:
                text = to_traditional(text)
            cid = f"{prefix}{si:05d}-{ci + 1}"
            out.texts[cid] = text
            out.story[cid] = si
            out.sentences[cid] = frozenset(x for p in made for x in p)
            out.truth[(oid, cid)] = kind
    originals = [k for k in out.texts if k.endswith("-0")]
    for hi in range(stories * copies if hard is None else hard):
        orig = rng.choice(originals)
        base = out.texts[orig]
        base_sents = [s for ln in base.split("\n") for s in _SENT.findall(ln)]
        other = story(pool, rng)
        flat = [s for p in other for s in p]
        k = rng.randint(1, max(1, min(len(flat), len(base_sents)) // 3))
        shared = rng.sample(base_sents, min(k, len(base_sents)))
        for s in shared:
            flat.insert(rng.randrange(len(flat) + 1), s)
        hid = f"{prefix}h{hi:05d}"
        out.texts[hid] = _render([flat[i:i + 4] for i in range(0, len(flat), 4)], rng, flat[0][:20], punct=True)
        out.story[hid] = -1 - hi
        out.sentences[hid] = frozenset(flat)
        out.hard_nonpairs.append((orig, hid))
    return out
