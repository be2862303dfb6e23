"""Table of contents of a finished HTML page (generated pages skip Python-Markdown, whose `toc`
extension would otherwise collect it): every <h2>/<h3> with an id, nested h3 under h2."""
from __future__ import annotations

import html
import re

from mkdocs.structure.toc import get_toc

_HEADING = re.compile(r'<h([23])\b[^>]*\bid="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_TAG = re.compile(r"<[^>]+>")


def toc_tokens(page_html: str, flat: bool = False) -> list[dict]:
    """Tokens for mkdocs' get_toc; with `flat`, the <h2> headings only (article pages: their
    table of contents is filled into a theme shell, wenxian.site.shell, which takes one level)."""
    tokens: list[dict] = []
    for m in _HEADING.finditer(page_html):
        level, anchor, inner = int(m.group(1)), m.group(2), m.group(3)
        if flat and level != 2:
            continue
        name = html.escape(html.unescape(_TAG.sub("", inner)), quote=False)
        # The id stays as written in the attribute (entities and all): the theme prints it into
        # href="#…" unescaped, so only the attribute's own escaping keeps it a plain value.
        token = {"level": level, "id": anchor, "name": name, "children": []}
        if level == 3 and tokens:
            tokens[-1]["children"].append(token)
        else:
            tokens.append(token)
    return tokens


def toc(page_html: str, flat: bool = False):
    return get_toc(toc_tokens(page_html, flat))
