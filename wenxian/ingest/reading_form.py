"""The reading form of a text capture: the lines the rules read, with a Chinese text's ASCII
punctuation read as the full-width marks it stands for, and its characters in their simplified
form.

Why: scrapers, copy-paste tools and some sites' templates store Chinese text with its full-width
marks folded to ASCII (Unicode NFKC does exactly that to ，：；！？／～ and keeps “”、。), so a
capture says `来源:新华社`, `记者张三/北京报道` or `活动!(11:20)` where another says `来源：新华社`.
The rules were written against what pages print and carry both forms in many places, but not
everywhere; reading one canonical form makes every rule, present and future, see the two
captures alike instead of each rule listing both.

Why the simplified form: the same holds for the two scripts. A traditional page says 來源、記者、
責任編輯、版權所有、掃一掃 where a simplified one says 来源、记者、责任编辑、版权所有、扫一扫, and a
rule or a vocabulary entry written from the pages we have names one script more often than both
(measured: every fixture converted to the other script with OpenCC lost labels, footers and
bylines that its own script kept). Each character is read as its simplified form alone
(OpenCC's character table, `wenxian.script.simplified_table`: 來 → 来, 報 → 报, 髮 → 发), never by
phrase, so the form keeps every position; the vocabularies are read the same way
(`wenxian.ingest.vocab`), so an entry in either script matches text in either.

Only decisions are made on this form. The mapping is one character for one, so every value read
from it (a headline, a source, a name) is restored from the capture's own characters at the same
place (`restore`), and kept and removed lines are the capture's lines by number: the published
text is the capture's, byte for byte.

Which ASCII marks are read as full-width: `, : ; ! ? / ~` when a CJK character (or a full-width
mark) stands right before them or, spaces aside, right after them, and a pair of brackets that
follows CJK text or holds some. A clock's 12:03, 5,300, a
URL's :// and an English sentence's punctuation have no CJK neighbour and stay as they are.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import datafiles
from ..script import simplified_table

_CJK = "[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"  # Han, CJK marks, full-width forms
_WIDE = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "/": "／", "~": "～"}
_NARROW = {**{v: k for k, v in _WIDE.items()}, "（": "(", "）": ")"}
# (a doubled mark, '标题 :: 某站', is an ASCII separator: left as it is)
_BESIDE_CJK = re.compile(rf"(?<={_CJK})([,:;!?/~])(?!\1)|(?<![,:;!?/~])([,:;!?/~])(?!\2)(?=\s*{_CJK})")


# a pair of ASCII brackets around or right after CJK text ('预测(下)', '(2019年)'); a clock's
# '(11:20)' after an ASCII mark or a Latin word stays
_PAIR = re.compile(rf"(?<={_CJK})\(([^()\n]{{1,80}})\)|\(([^()\n]{{0,80}}{_CJK}[^()\n]{{0,80}})\)")


def reading_form(text: str) -> str:
    """`text` with the ASCII marks beside CJK text read as full-width and every character in its
    simplified form; the same length."""
    text = read_characters(_BESIDE_CJK.sub(lambda m: _WIDE[m.group()], text))
    return _PAIR.sub(lambda m: "（" + m.group()[1:-1] + "）", text)


def read_characters(text: str) -> str:
    """`text` with every character in its simplified form and each regional word of
    `regional_words.yml` read as the mainland word of the same meaning; the same length. Also
    how the vocabularies are read (wenxian.ingest.vocab)."""
    text = text.translate(simplified_table())
    words, pattern = _regional_words()
    return pattern.sub(lambda m: words[m.group()], text) if words else text


@lru_cache(maxsize=1)
def _regional_words() -> tuple[dict[str, str], re.Pattern]:
    words = {}
    for pair in datafiles.load("regional_words.yml")["pairs"]:
        regional, mainland = (str(w).translate(simplified_table()) for w in pair)
        if len(regional) != len(mainland) or not regional:
            raise ValueError(f"regional_words.yml: {pair!r} must be two words of one length")
        words[regional] = mainland
    return words, re.compile("|".join(sorted(map(re.escape, words), key=len, reverse=True)) or "(?!)")


def restore(value: str | None, pairs: list[tuple[str, str]]) -> str | None:
    """A value read from the reading form, in the capture's own characters: taken at the same
    place of the first line (reading form, original) that holds it; a value put together from
    several lines (a headline printed on two) piece by piece, each from a line that holds it."""
    if not value:
        return value
    whole = _found(value, pairs)
    if whole is not None:
        return whole
    # put together from several lines ('犬儒病(上)' + '——当代中国的精神危机'): each longest piece
    # found in a line is given back from that line; what no line holds stays as read
    out, i = [], 0
    if len(value) * len(value) * len(pairs) > 20_000_000:  # (a bound on the work: linear in the capture)
        return "".join(_NARROW.get(c, c) for c in value)
    while i < len(value):
        for j in range(len(value), i, -1):
            piece = _found(value[i:j], pairs)
            if piece is not None:
                out.append(piece)
                i = j
                break
        else:
            out.append(_NARROW.get(value[i], value[i]))
            i += 1
    return "".join(out)


def _found(value: str, pairs: list[tuple[str, str]]) -> str | None:
    """The capture's characters of `value` at its first place in a line that reads as it. Several
    printings may read alike (a traditional comment quoting 多維博客 above the simplified
    banner 多维博客 » …): a place where the value stands on its own (the line's start or end, or
    no CJK character beside it), as a name, a label's value or a headline does, comes first."""
    first = None
    for view, original in pairs:
        at = view.find(value)  # (its first place in each line: one search per line, as before)
        if at < 0:
            continue
        end = at + len(value)
        if (at == 0 or not _HAN.match(view[at - 1])) or (end == len(view) or not _HAN.match(view[end])):
            return original[at:end]
        first = first or original[at:end]
    return first


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


# A pinyin gloss some sites print after a character with more than one reading (發(fā)布時(shí)間,
# 網(wǎng)絡(luò)): one syllable with its tone mark, in brackets, right after a Han character.
_GLOSS = re.compile(r"(?<=[\u3400-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]*\s?[)）]")


def without_glosses(view: str, original: str) -> tuple[str, str] | None:
    """(reading form, original) of a line with its pinyin glosses left out, the same spans cut
    from both (they are the same length); None when the line has none. The rules that read
    labels and dates read this (发布时间：…), while what is published keeps the glosses as printed."""
    spans = [m.span() for m in _GLOSS.finditer(view)]
    # (a content farm glosses a few characters; a lesson on readings glosses every one of its
    # examples, 发(fā)布(bù)时(shí)间(jiān), which are text, not a byline)
    if not spans or 3 * len(spans) > len(_HAN.findall(view)):
        return None
    keep = [(0, spans[0][0])] + [(a[1], b[0]) for a, b in zip(spans, spans[1:])] + [(spans[-1][1], len(view))]
    return "".join(view[i:j] for i, j in keep), "".join(original[i:j] for i, j in keep)
