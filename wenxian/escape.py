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
_SPECIALS = "&<" + "".join(sorted(_ALWAYS))
_SPECIAL_RUN = re.compile("[" + re.escape(_SPECIALS) + "]+")


def _escape_run(m: re.Match) -> str:
    return m.group().translate(_TABLE)


def _escape_chars(text: str) -> str:
    """Every special character escaped, in C: the regex finds the (usually rare) runs of special
    characters in Chinese text, where str.translate would look every character up in Python's
    mapping; text dense with them (a line of `*`) is translated at once."""
    specials = sum(text.count(ch) for ch in _SPECIALS)
    if specials * 8 > len(text):
        return text.translate(_TABLE)
    return _SPECIAL_RUN.sub(_escape_run, text) if specials else text


def escape_line(text: str) -> str:
    s = _escape_chars(text)
    s = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), s)
    if s[:1] in ("-", "+", "=", ">", ":"):
        s = "\\" + s
    return s


_LINE_START_EACH = re.compile(r"(?m)^(\d+)([.)])")
_MARKER_EACH = re.compile(r"(?m)^(?=[-+=>:])")


def escape_lines(text: str) -> str:
    """`escape_line` applied to every line of `text` (lines split at "\\n"), in a few passes of C
    code over the whole text instead of one call per line."""
    s = _escape_chars(text)
    s = _LINE_START_EACH.sub(lambda m: m.group(1) + "\\" + m.group(2), s)
    return _MARKER_EACH.sub("\\\\", s)


_UNESCAPE = re.compile(r"\\(.)")


def _unescaped(m: re.Match) -> str:
    return m.group(1)


def unescape_line(text: str) -> str:
    # A function, not the template r"\1": Python 3.11 expands a template in Python code for
    # every match, several times slower on a line of a thousand escaped `*`.
    if "\\" in text:
        text = _UNESCAPE.sub(_unescaped, text)
    return html.unescape(text) if "&" in text else text

