"""Markdown escaping: article text is data and must never become Markdown or HTML.

Every ASCII character with a Markdown meaning is backslash-escaped; `<` and `&` become HTML
entities (Python-Markdown cannot backslash-escape them); line-start markers (`1.`, `-`, `+`,
`=`, `>`) are neutralised. `unescape` is the exact inverse, used by tests and `check`.
"""
from __future__ import annotations

import html
import re

_ALWAYS = set("\\`*_{}[]()#!|~")
_LINE_START = re.compile(r"^(\d+)([.)])")


def escape_line(text: str) -> str:
    out = []
    for ch in text:
        if ch == "&":
            out.append("&amp;")
        elif ch == "<":
            out.append("&lt;")
        elif ch in _ALWAYS:
            out.append("\\" + ch)
        else:
            out.append(ch)
    s = "".join(out)
    s = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), s)
    if s[:1] in ("-", "+", "=", ">", ":"):
        s = "\\" + s
    return s


_UNESCAPE = re.compile(r"\\(.)")


def unescape_line(text: str) -> str:
    return html.unescape(_UNESCAPE.sub(r"\1", text))

