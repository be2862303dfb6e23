"""Checks of single metadata values from contributors (command line or hand-edited frontmatter).

A value is data: it may say anything, but it must not carry control characters, leave a bidi
override open (which would reorder the site's text after it), or be a link that is not a plain
http(s) address (`javascript:`, `data:`, relative paths). Each check returns a problem message or
None, so the CLI can refuse the value and `wenxian check` can name the file.
"""
from __future__ import annotations

import re
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
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
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
