"""Where and when a saved page was saved, as the tool that saved it wrote into the file.

Why: a saved page is the capture, and the tool that made it often records the page's address
and the time of saving at the top of the file. Without them the archive would publish no
`source_url` and a `captured` day that is only the day the file was added. Two records are
read, both written before the document's head, in the forms their tools emit:

- the *mark of the web* of Chromium, Edge and Internet Explorer ("Save page as…, Webpage,
  complete"): `<!-- saved from url=(0054)https://… -->`, the URL's length in four digits
  before it. It gives the address only;
- the header comment of SingleFile (and its older name, "Archive processed by SingleFile"):
  `Page saved with SingleFile`, then ` url: …` and ` saved date: Tue Oct 17 2023 13:55:34
  GMT+0300 (…)`, the browser's own clock. The saved day is the day that clock shows (the saver's
  local day, as a capture's `Date` is read), never converted or guessed.

A record found anywhere else in the page (quoted in an article, in a comment further down) is
not the saver's and is ignored, and so is a mark whose length is not its address's or whose
address has no real host (a page template's leftover: http://internet.e-mail). The URL goes
through the same checks as a URL given with `--url` (an http(s) address, without sharer
parameters: source_urls.py); one that fails them is left out and named in a warning, so that a
page's own text can never stop `add`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# The records stand before the document's head: after a BOM, a doctype, a crawler's wrapper
# element or <html>, within the first few kilobytes; the first other element (<head>, <title>,
# <meta>, <div>… : HTML5 lets a page leave out <head> and <body>) ends the prologue.
HEAD = 4096
_WRAPPER = re.compile(r"\s*<(?!(?:html|head|body|title|meta|link|script|style|base|div|p|pre|span|a|table|section|article)\b)"
                      r"[A-Za-z][\w:-]*(?:\s[^<>]*)?>", re.I)
_PROLOGUE_END = re.compile(r"<(?!html\b)[A-Za-z]", re.I)
_MARK_OF_THE_WEB = re.compile(r"<!--\s*saved from url=\(\s*(\d{1,4})\)(\S+?)\s*-->", re.I)
_SINGLEFILE = re.compile(r"<!--\s*(?:Page saved with|Archive processed by) SingleFile\b(.*?)-->", re.S)
_FIELD = re.compile(r"^\s*(url|saved date):\s*(.*?)\s*$", re.M)
# JavaScript's Date.prototype.toString(): weekday, month, day, year, time, offset, zone name
_JS_DATE = re.compile(r"^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{2}) (\d{4}) \d{2}:\d{2}:\d{2}\b")
_MONTHS = {m: i for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), 1)}


@dataclass(frozen=True)
class SaverRecord:
    tool: str              # "mark of the web" or "SingleFile": where the values were read
    url: str | None        # as written; checked by the caller (source_urls.normalise)
    saved: str | None      # YYYY-MM-DD on the saver's clock (SingleFile only)


def read(page_text: str) -> SaverRecord | None:
    """The saver's record at the top of a decoded saved page, or None."""
    top = page_text[:HEAD].lstrip("\ufeff")
    wrapper = _WRAPPER.match(top)  # (a crawler's element around the saved file: <text encoding=…>)
    start = wrapper.end() if wrapper else 0
    end = _PROLOGUE_END.search(top, start)
    top = top[:end.start()] if end else top
    m = _SINGLEFILE.search(top)
    if m:
        fields = {k: v for k, v in _FIELD.findall(m.group(1))}
        return SaverRecord("SingleFile", fields.get("url") or None, _js_day(fields.get("saved date", "")))
    m = _MARK_OF_THE_WEB.search(top)
    # the browser writes the address's exact length; a template's leftover mark names a page
    # nobody saves (Dreamweaver's http://internet.e-mail): no host of letters-only top level
    if m and int(m.group(1)) == len(m.group(2)) and _real_host(m.group(2)):
        return SaverRecord("mark of the web", m.group(2), None)
    return None


def _real_host(url: str) -> bool:
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return False
    top = host.rsplit(".", 1)[-1]
    return "." in host and (top.isalpha() and len(top) >= 2 or top.startswith("xn--"))


def _js_day(stamp: str) -> str | None:
    """The day of a JavaScript date string, as its clock shows it (no time zone conversion)."""
    import datetime

    m = _JS_DATE.match(stamp)
    if not m or m.group(1) not in _MONTHS:
        return None
    try:
        return datetime.date(int(m.group(3)), _MONTHS[m.group(1)], int(m.group(2))).isoformat()
    except ValueError:  # 31 Feb: no such day, no date
        return None
