"""Leak detection in a built site: text planted in captures and frontmatter (the `zqx…` canaries)
may appear in the HTML only as text, never as markup.

Parses HTML with html.parser (and XML exports with ElementTree, re-parsing their HTML-typed
content) and returns one message per leak, so the site test can assert an empty list.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

CANARY = re.compile(r"zqx", re.I)
# Attributes whose value is a URL, code or style: nothing from article text may reach them.
ACTIVE_ATTRS = {"href", "src", "srcset", "action", "formaction", "poster", "data", "cite", "background",
                "manifest", "ping", "xlink:href", "style", "srcdoc", "http-equiv", "id", "name", "for",
                "form", "list", "class", "type", "rel", "target", "lang", "dir", "integrity"}
# Attributes that carry plain text (escaped by the parser): article text may appear there.
TEXT_ATTRS = {"title", "alt", "aria-label", "aria-description", "content", "value", "placeholder", "label",
              "datetime"}
RAW_TEXT = {"script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext", "template"}
# Blocks end a bidi paragraph; isolating elements (bdi, or any element with dir) end its effect too.
BLOCKS = {"address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div", "dl", "dt",
          "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
          "hr", "html", "li", "main", "nav", "ol", "option", "p", "pre", "section", "summary", "table", "td",
          "th", "title", "tr", "ul", "bdi", "textarea", "button", "select", "caption", "head"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_OPENERS = re.compile("[\u202a\u202b\u202d\u202e\u2066\u2067\u2068]")


def _unclosed_bidi(text: str) -> bool:
    from wenxian.invisible import unclosed
    return bool(unclosed(text))


class LeakFinder(HTMLParser):
    def __init__(self, where: str):
        super().__init__(convert_charrefs=True)
        self.where, self.leaks, self.stack, self.ids = where, [], [], {}
        self.text: list[str] = []
        self.isolating: list[bool] = []
        self.open_bidi = False  # an unclosed bidi control in the current bidi paragraph

    def _leak(self, what: str) -> None:
        self.leaks.append(f"{self.where}:{self.getpos()[0]}: {what}")

    def handle_starttag(self, tag, attrs):
        self._element(tag, attrs)
        if tag not in VOID:
            isolating = tag in BLOCKS or any(a == "dir" for a, _ in attrs)
            self.stack.append(tag)
            self.isolating.append(isolating)
            if isolating:
                self.open_bidi = False

    def handle_startendtag(self, tag, attrs):
        self._element(tag, attrs)

    def _element(self, tag, attrs):
        if CANARY.search(tag):
            self._leak(f"element <{tag}> from article text")
        for name, value in attrs:
            if CANARY.search(name):
                self._leak(f"attribute {name!r} on <{tag}> from article text")
            value = value or ""
            if CANARY.search(value) and (name in ACTIVE_ATTRS or name.startswith("on") or name not in TEXT_ATTRS
                                         and not name.startswith(("data-", "aria-"))):
                self._leak(f"article text in {name}={value[:60]!r} on <{tag}>")
            if name in ("href", "src", "action", "formaction") and re.match(r"\s*(javascript|vbscript|data):", value, re.I):
                self._leak(f"{name}={value[:60]!r} on <{tag}>")
            if name == "id":
                if value in self.ids:
                    self._leak(f"duplicate id {value!r} (first on line {self.ids[value]})")
                self.ids.setdefault(value, self.getpos()[0])

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack:
                popped, isolating = self.stack.pop(), self.isolating.pop()
                if isolating:
                    self.open_bidi = False
                if popped == tag:
                    break

    def handle_data(self, data):
        if self.stack and self.stack[-1] in RAW_TEXT and CANARY.search(data):
            self._leak(f"article text inside <{self.stack[-1]}>: {data.strip()[:60]!r}")
        if data.strip() and self.open_bidi:
            self._leak(f"text after an unclosed bidi control is reordered by it: {data.strip()[:40]!r}")
            self.open_bidi = False
        if _OPENERS.search(data) and _unclosed_bidi(data):
            self.open_bidi = True

    def handle_comment(self, data):
        if CANARY.search(data):
            self._leak(f"article text inside an HTML comment: {data[:60]!r}")

    def handle_decl(self, decl):
        if CANARY.search(decl):
            self._leak(f"article text in a declaration: {decl[:60]!r}")

    handle_pi = unknown_decl = handle_decl


def html_leaks(text: str, where: str) -> list[str]:
    finder = LeakFinder(where)
    finder.feed(text)
    finder.close()
    return finder.leaks


def xml_leaks(text: str, where: str) -> list[str]:
    leaks = []
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        return [f"{where}: not well-formed XML ({exc})"]
    for el in root.iter():
        if CANARY.search(el.tag) or any(CANARY.search(k) for k in el.attrib):
            leaks.append(f"{where}: element or attribute from article text: {el.tag}")
        for k, v in el.attrib.items():
            if CANARY.search(v) and k.rsplit("}", 1)[-1] in ("href", "src", "uri"):
                leaks.append(f"{where}: article text in {k}={v[:60]!r}")
        if el.get("type") in ("html", "xhtml", "text/html") and el.text:
            leaks += html_leaks(el.text, f"{where} <{el.tag}> (HTML content)")
    return leaks


def site_leaks(site: Path) -> list[str]:
    """Every leak in every file of a built site."""
    leaks = []
    for p in sorted(site.rglob("*")):
        if not p.is_file():
            continue
        rel = p.relative_to(site).as_posix()
        suffix = p.suffix.lower()
        if suffix in (".html", ".htm", ".xhtml"):
            leaks += html_leaks(p.read_text("utf-8", errors="replace"), rel)
        elif suffix == ".xml":
            leaks += xml_leaks(p.read_text("utf-8", errors="replace"), rel)
        elif suffix in (".js", ".mjs", ".css", ".svg") and CANARY.search(p.read_text("utf-8", errors="replace")):
            leaks.append(f"{rel}: article text in a {suffix} file (could run or style the page)")
    return leaks
