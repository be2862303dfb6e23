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


_TABLE = str.maketrans({"&": "&amp;", "<": "&lt;", **{ch: "\\" + ch for ch in _ALWAYS}})


def escape_line(text: str) -> str:
    s = text.translate(_TABLE)  # one pass in C: a body of megabytes is escaped in milliseconds
    s = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), s)
    if s[:1] in ("-", "+", "=", ">", ":"):
        s = "\\" + s
    return s


_UNESCAPE = re.compile(r"\\(.)")


def _unescaped(m: re.Match) -> str:
    return m.group(1)


def unescape_line(text: str) -> str:
    # A function, not the template r"\1": Python 3.11 expands a template in Python code for
    # every match, several times slower on a line of a thousand escaped `*`.
    if "\\" in text:
        text = _UNESCAPE.sub(_unescaped, text)
    return html.unescape(text) if "&" in text else text

