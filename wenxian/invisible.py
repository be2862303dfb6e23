"""Invisible format characters in source text: bidi controls and zero-width characters.

They are part of the source and are never deleted, but they are counted (so `wenxian check` can
warn about them) and a value that opens a bidi embedding, override or isolate without closing it
gets the missing closers appended, so that wherever the value is shown (a title in the page
header, a source in a listing) it cannot reorder the text that follows it.
"""
from __future__ import annotations

import re
import unicodedata

_OPEN_EMBEDDING = "\u202a\u202b\u202d\u202e"  # LRE RLE LRO RLO, closed by PDF
_OPEN_ISOLATE = "\u2066\u2067\u2068"  # LRI RLI FSI, closed by PDI
PDF, PDI = "\u202c", "\u2069"
INVISIBLE = re.compile("[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_PARAGRAPH = re.compile("[\n\r\x1c-\x1e\x85\u2029]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_BIDI_OR_PARAGRAPH = re.compile("[\u202a-\u202e\u2066-\u2069\n\r\x1c-\x1e\x85\u2029]")


def find(text: str) -> list[tuple[int, str]]:
    """(index, Unicode name) of every invisible format character in `text`."""
    return [(m.start(), unicodedata.name(m.group(), f"U+{ord(m.group()):04X}")) for m in INVISIBLE.finditer(text)]


def unclosed(text: str) -> str:
    """The closers (PDF/PDI) that `text` needs at its end, innermost first ('' when balanced)."""
    stack: list[str] = []
    if not _BIDI.search(text):
        return ""
    for m in _BIDI_OR_PARAGRAPH.finditer(text):  # only the characters that matter, found in C
        ch = m.group()
        if ch in _OPEN_EMBEDDING:
            stack.append(PDF)
        elif ch in _OPEN_ISOLATE:
            stack.append(PDI)
        elif ch == PDF and stack and stack[-1] == PDF:
            stack.pop()
        elif ch == PDI and PDI in stack:
            while stack.pop() != PDI:  # a PDI also closes the embeddings opened inside its isolate
                pass
        elif _PARAGRAPH.match(ch):
            stack.clear()  # the bidi algorithm starts afresh at each paragraph
    return "".join(reversed(stack))


def balance(value):
    """`value` with the missing bidi closers appended; lists and non-text values pass through."""
    if isinstance(value, str):
        return value + unclosed(value)
    if isinstance(value, list):
        return [balance(v) for v in value]
    return value
