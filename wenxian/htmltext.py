"""The visible text of an HTML document, one block per line (stdlib html.parser).

What a reader of the saved page saw, boilerplate included: the site offers it as the `.txt` of
an HTML or web-archive capture, so that the capture can be read without serving its HTML.
Script, style, template and hidden elements are not visible; the `<title>` is the first line.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

_INVISIBLE = {"script", "style", "template", "noscript", "head", "svg", "math", "iframe", "object", "canvas"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_BLOCK = {"address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption",
          "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
          "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul", "body", "html"}
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


class _Visible(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.title: list[str] = []
        self.hidden: list[str] = []   # stack of the open invisible elements
        self.in_title = False

    def _hides(self, tag: str, attrs) -> bool:
        a = dict(attrs)
        return (tag in _INVISIBLE or "hidden" in a or a.get("aria-hidden") == "true"
                or bool(_HIDDEN.search(a.get("style") or "")))

    def _break(self) -> None:
        line = re.sub(r"\s+", " ", "".join(self.current)).strip()
        if line:
            self.lines.append(line)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        if tag in _VOID:
            if tag in _BLOCK and not self.hidden:
                self._break()
            return
        if self.hidden or self._hides(tag, attrs):
            self.hidden.append(tag)
            return
        if tag in _BLOCK:
            self._break()

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK and not self.hidden:
            self._break()

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if self.hidden:
            if tag in self.hidden:
                while self.hidden and self.hidden.pop() != tag:
                    pass
            return
        if tag in _BLOCK:
            self._break()

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        elif not self.hidden:
            self.current.append(data)


def visible(html: str) -> str:
    """Title line, then the visible blocks of the body, separated by newlines."""
    p = _Visible()
    p.feed(html)
    p.close()
    p._break()
    title = re.sub(r"\s+", " ", "".join(p.title)).strip()
    return "\n".join(([title] if title else []) + p.lines) + "\n"
