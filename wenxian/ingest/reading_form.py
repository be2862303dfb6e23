"""The reading form of a text capture: the lines the rules read, with a Chinese text's ASCII
punctuation read as the full-width marks it stands for.

Why: scrapers, copy-paste tools and some sites' templates store Chinese text with its full-width
marks folded to ASCII (Unicode NFKC does exactly that to ，：；！？／～ and keeps “”、。), so a
capture says `来源:新华社`, `记者张三/北京报道` or `活动!(11:20)` where another says `来源：新华社`.
The rules were written against what pages print and carry both forms in many places, but not
everywhere; reading one canonical form makes every rule, present and future, see the two
captures alike instead of each rule listing both.

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

_CJK = "[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"  # Han, CJK marks, full-width forms
_WIDE = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "/": "／", "~": "～"}
_NARROW = {**{v: k for k, v in _WIDE.items()}, "（": "(", "）": ")"}
# (a doubled mark, '标题 :: 某站', is an ASCII separator: left as it is)
_BESIDE_CJK = re.compile(rf"(?<={_CJK})([,:;!?/~])(?!\1)|(?<![,:;!?/~])([,:;!?/~])(?!\2)(?=\s*{_CJK})")


# a pair of ASCII brackets around or right after CJK text ('预测(下)', '(2019年)'); a clock's
# '(11:20)' after an ASCII mark or a Latin word stays
_PAIR = re.compile(rf"(?<={_CJK})\(([^()\n]{{1,80}})\)|\(([^()\n]{{0,80}}{_CJK}[^()\n]{{0,80}})\)")


def reading_form(text: str) -> str:
    """`text` with the ASCII marks beside CJK text read as full-width; the same length."""
    text = _BESIDE_CJK.sub(lambda m: _WIDE[m.group()], text)
    return _PAIR.sub(lambda m: "（" + m.group()[1:-1] + "）", text)


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
    for view, original in pairs:
        at = view.find(value)
        if at >= 0:
            return original[at:at + len(value)]
    return None
