"""The search page's script as the site serves it (pure: text in, text out).

docs/assets/search/search.js is written to be read: about a quarter of it is comments. Every
reader downloads it with their first query, so the search hook publishes it without its
whole-line comments (lines that start with `//`, and `/* … */` blocks that start a line), blank
lines and indentation (unless a template literal spans lines: then indentation is kept). Code is
never touched otherwise: a comment after code on the same line stays (it may be a string such as
"https://"), so the result runs exactly as the source does.
"""
from __future__ import annotations


def strip_comment_lines(js: str) -> str:
    out = []
    in_block = False
    for line in js.split("\n"):
        text = line.strip()
        if in_block:
            in_block = "*/" not in text
            continue
        if text.startswith("/*"):
            in_block = "*/" not in text[2:]
            continue
        if not text or text.startswith("//"):
            continue
        out.append(line)
    if not any(line.count("`") % 2 for line in out):  # no template literal spans lines
        out = [line.lstrip() for line in out]
    return "\n".join(out) + "\n"
