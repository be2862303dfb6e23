"""Checks of single metadata values from contributors (command line or hand-edited frontmatter).

A value is data: it may say anything, but it must not carry control characters, leave a bidi
override open (which would reorder the site's text after it), or be a link that is not a plain
http(s) address (`javascript:`, `data:`, relative paths). Each check returns a problem message or
None, so the CLI can refuse the value and `wenxian check` can name the file.
"""
from __future__ import annotations

import re
import reprlib
import unicodedata
from urllib.parse import urlsplit

from .invisible import unclosed

_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")  # a tab is text
_CONTROL_EXCEPT_NEWLINE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_URL_FORBIDDEN = re.compile(r"[\s<>\"'`\\^{|}\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
MAX_URL = 2048


def text_problem(value: str, multiline: bool = False) -> str | None:
    m = (_CONTROL_EXCEPT_NEWLINE if multiline else _CONTROL).search(value)
    if m:
        return f"contains control character U+{ord(m.group()):04X}"
    if unclosed(value):
        return "opens a bidi override/embedding/isolate without closing it (it would reorder the text after it)"
    return None


def url_problem(value: str) -> str | None:
    if len(value) > MAX_URL:
        return f"is longer than {MAX_URL} characters"
    m = _URL_FORBIDDEN.search(value)
    if m:
        return f"contains a character not allowed in a URL (U+{ord(m.group()):04X}); percent-encode it"
    try:  # urlsplit and .port raise ValueError on `http://[x`, a port like 99999 or `:abc`
        parts = urlsplit(value)
        parts.port
    except ValueError as exc:
        return f"is not a valid URL ({exc})"
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return "is not an http(s) URL"
    return None


def cli_problem(overrides: dict) -> str | None:
    """First problem with the values given to `wenxian add` (--url, --source, --note), as
    `--option: problem`, so that nothing is written when one of them is unsafe."""
    for key, option, check in (("source_url", "--url", url_problem), ("source", "--source", text_problem),
                               ("note", "--note", lambda v: text_problem(v, multiline=True))):
        value = overrides.get(key)
        p = value is not None and check(value)
        if p:
            return f"{option}: {value!r} {p}"
    return None


_SHOWN = reprlib.Repr()
_SHOWN.maxstring, _SHOWN.maxother, _SHOWN.maxlist, _SHOWN.maxdict, _SHOWN.maxlevel = 80, 80, 4, 4, 2


def shown(value) -> str:
    """A contributor's value as it may appear inside a message: its repr (quoted, control and
    invisible characters as escapes), cut to a bounded length whatever the value's size."""
    return _SHOWN.repr(value)


def _escape_char(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _json_escape(ch: str) -> str:
    code = ord(ch)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _visible(ch: str) -> bool:
    """Printable, or a space separator (U+3000 indents Chinese paragraphs, U+00A0…)."""
    return ch.isprintable() or unicodedata.category(ch) == "Zs"


def terminal(text: str, for_json: bool = False) -> str:
    """`text` safe to print on a terminal: every character that is neither printable nor a
    space (control characters, ESC, newlines, bidi controls, zero-width characters, unassigned
    code points, lone surrogates of undecodable file names) shown as an escape, so a value can
    neither move the cursor, recolour the screen, reorder the line nor start a new line of
    output. `for_json`: JSON escapes (\\uXXXX), for text that is JSON."""
    if text.isprintable():
        return text
    esc = _json_escape if for_json else _escape_char
    return "".join(ch if _visible(ch) else esc(ch) for ch in text)


def terminal_lines(text: str, for_json: bool = False) -> str:
    """Multi-line output (a report, a body, indented JSON): each line neutralised by `terminal`,
    the lines kept."""
    return "\n".join(terminal(line, for_json) for line in text.split("\n"))
