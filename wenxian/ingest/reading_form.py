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
    place of the first line (reading form, original) that holds it. A value put together from
    several lines (a headline printed on two) is found in none; its full-width marks are then
    given back as ASCII where the capture's text has no full-width form of that mark."""
    if not value:
        return value
    for view, original in pairs:
        at = view.find(value)
        if at >= 0:
            return original[at:at + len(value)]
    wide_used = {c for _v, o in pairs for c in o if c in _NARROW}
    return "".join(_NARROW[c] if c in _NARROW and c not in wide_used else c for c in value)
