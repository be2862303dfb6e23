"""Pages written through one rendered copy of the theme ("shell") per kind and script.

Article pages (two per article) and region node pages (one per administrative unit an article
mentions, down to villages, in both scripts) are nearly all of a site's pages: 60,000 and more
for 20,000 articles. Pages of one kind and script sit at the same depth (`articles/<id>/`,
`hant/regions/<code>/`…) and are outside the nav, so the theme's output differs between two of
them only in the title, the content, the table of contents and the page's own key in its URLs
(canonical link, script switch). The build renders one page per kind and script through MkDocs
and Material with sentinel title, content and table of contents, turns that output into a shell
and fills the shell for every page of the kind: the same chrome, a few string substitutions per
page instead of a template render (tests compare the result with MkDocs' own rendering).

Region pages have no table of contents; article pages have a flat one (their `<h2>` headings:
body sub-headings, 引用, 相关文章), filled from the sample's rendering of two sentinel items.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..schema import ID_PATTERN

TITLE = "WXSHELLTITLE9d1c"
# An <h1>, so that the theme does not add its own heading (the real contents have one).
CONTENT = "<h1>WXSHELLCONTENT9d1c</h1>"
CODE = "WXSHELLCODE9d1c"
# Sentinel table of contents of a sample article page: two entries, so that the shell knows
# the markup of one entry and of the space between two.
TOC_IDS = ("wxshelltoca", "wxshelltocb")
TOC_NAMES = ("WXSHELLTOCNAMEA", "WXSHELLTOCNAMEB")

_SKIP = "WXSHELLSKIP9d1c"
_ITEMS = "WXSHELLTOCITEMS9d1c"
_SENTINELS = re.compile(f'{TITLE}|{CODE}|{_ITEMS}|href="#{_SKIP}"')
_PAGE = re.compile(rf"^(hant/)?(articles|regions|versions)/({ID_PATTERN}|\d{{12}})\.md$")


def shell_page(src_uri: str) -> tuple[str, str, str] | None:
    """(kind, script prefix '' or 'hant/', key) when `src_uri` is a page filled into a shell:
    an article page (`articles/<id>.md`), a region node page (`regions/<code>.md`) or the
    difference view of a reprint against its reference (`versions/<id>.md`, wenxian.site.reprints)."""
    m = _PAGE.match(src_uri)
    if not m:
        return None
    kind, key = m.group(2), m.group(3)
    if kind == "regions" and not key.isdigit():
        return None
    return kind, m.group(1) or "", key


def sample_toc_tokens() -> list[dict]:
    """The table of contents a sample article page is rendered with."""
    return [{"level": 2, "id": i, "name": n, "children": []} for i, n in zip(TOC_IDS, TOC_NAMES)]


@dataclass(frozen=True)
class Shell:
    head: str                  # up to the content (title and key as sentinels)
    tail: str                  # after the content
    item: str = ""             # one table-of-contents entry (sentinel id and name)
    between: str = ""          # what the theme puts between two entries


def make(output: str, key: str, with_toc: bool = False) -> Shell:
    """Shell from the theme's output for a page rendered with TITLE, CONTENT and (with_toc) the
    sample_toc_tokens(): the page's key (which appears only in the page's own URL there)
    becomes CODE."""
    if output.count(CONTENT) != 1 or TITLE not in output:
        raise ValueError("page shell: the theme output lacks the sentinel title or content")
    text = output.replace(key, CODE)
    item = between = ""
    if with_toc:
        a, b = (f'href="#{i}"' for i in TOC_IDS)
        if text.count(a) != 2 or text.count(b) != 1:  # skip link + entry; entry
            raise ValueError("page shell: the theme output lacks the sentinel table of contents")
        text = text.replace(a, f'href="#{_SKIP}"', 1)  # the skip link comes before the toc
        start_a = text.rfind("<li", 0, text.index(a))
        end_a = text.index("</li>", text.index(a)) + len("</li>")
        start_b = text.rfind("<li", 0, text.index(b))
        end_b = text.index("</li>", text.index(b)) + len("</li>")
        item, between = text[start_a:end_a], text[end_a:start_b]
        if item.replace(TOC_IDS[0], TOC_IDS[1]).replace(TOC_NAMES[0], TOC_NAMES[1]) != text[start_b:end_b]:
            raise ValueError("page shell: the two sentinel table-of-contents entries differ")
        text = text[:start_a] + _ITEMS + text[end_b:]
    head, tail = text.split(CONTENT, 1)
    return Shell(head, tail, item, between)


def fill(shell: Shell, title: str, content: str, key: str, toc: list[dict] | None = None) -> str:
    """A page from the shell. The title is escaped as the theme escapes it (generated titles are
    chrome-safe already, wenxian.site.markup.frontmatter); content is our HTML; `toc` is the
    page's flat table of contents as html_toc.toc_tokens(flat=True) gives it (id and name as
    they are written in the page's HTML, escaped). Every sentinel is substituted in one pass, so that no inserted text (a title
    holding a sentinel's letters, say) is ever substituted again."""
    values = {TITLE: html.escape(title, quote=True), CODE: key}
    if shell.item:
        if not toc:
            raise ValueError(f"page {key}: a page of this kind needs a table of contents")
        if any(t.get("children") for t in toc):
            raise ValueError(f"page {key}: the table of contents of a shell page must be flat")
        href = lambda t: f'href="#{t["id"]}"'  # noqa: E731  (ids as written in their id="…" attribute)
        values[_ITEMS] = shell.between.join(
            shell.item.replace(f'href="#{TOC_IDS[0]}"', href(t)).replace(TOC_NAMES[0], t["name"]) for t in toc)
        values[f'href="#{_SKIP}"'] = href(toc[0])
    fix = lambda part: _SENTINELS.sub(lambda m: values.get(m.group(), m.group()), part)  # noqa: E731
    return fix(shell.head) + content + fix(shell.tail)


_ARTICLE_OPEN = '<article class="md-content__inner'
_ARTICLE_CLOSE = "</article>"
_INDENT = re.compile(r"\n[ \t\r\n]*")


# Elements that are blocks in every browser's default style sheet and in the theme's: white
# space between two tags next to one of them is at the start or end of a line box and never
# rendered. Inline elements (a, span, label, input, button…) and those that render nothing
# (script, link, meta), which can sit between two inline ones, are not in the list.
_BLOCK = frozenset("html head body header footer main nav div ul ol li form article aside dl dt dd p details summary "
                   "section table thead tbody tr td th h1 h2 h3 h4 h5 h6".split())
_TAG_BREAK = re.compile(r"<(/?)([a-zA-Z0-9]+)[^<>]*>\n(?=</?([a-zA-Z0-9]+))")


def _drop_break(m: re.Match) -> str:
    tag = m.group()
    return tag[:-1] if m.group(2).lower() in _BLOCK or m.group(3).lower() in _BLOCK else tag


# The theme's one-line labels (`<span class="md-ellipsis">` in the header, navigation and table
# of contents) are flex items of their link or title, so the line breaks around their text are
# never rendered either.
_ELLIPSIS = re.compile(r'(<span class="md-ellipsis">)\n([^<>\n]*)\n(</span>)')


def _slim(text: str) -> str:
    text = _INDENT.sub("\n", text)
    return _ELLIPSIS.sub(r"\1\2\3", _TAG_BREAK.sub(_drop_break, text))


def slim_page(output: str) -> str:
    """The theme's page with the chrome outside its `<article>` (header, navigation, footer,
    scripts) stripped of what is never rendered: every run of white space holding a line break
    becomes one line break, and that line break goes too next to a block element's tag or
    around the theme's one-line labels (_TAG_BREAK, _ELLIPSIS); the chrome has no <pre> or
    <textarea>. The article element itself, the page's content, is left as it is but for the
    white space at its two ends (the theme's indentation around the content block, at the
    start and end of a block). About 3 KB of every page's 11–12 KB of chrome; applied to every
    page the theme renders and to every filled shell, so that a shell page stays byte-identical
    to MkDocs' own rendering of the page."""
    start = output.find(_ARTICLE_OPEN)
    end = output.rfind(_ARTICLE_CLOSE)
    if start < 0 or end < start:
        return output
    start = output.index(">", start) + 1
    # White space just inside the article element (the theme's indentation around the content
    # block) is at the start or end of a block: never rendered.
    return _slim(output[:start]) + output[start:end].strip(" \t\r\n") + _slim(output[end:])


def sitemap_entries(site_url: str, urls: list[str]) -> str:
    """<url> elements for pages written outside MkDocs (its sitemap.xml lists only its own pages)."""
    base = (site_url or "/").rstrip("/") + "/"
    return "".join(f"    <url>\n         <loc>{html.escape(base + u)}</loc>\n    </url>\n" for u in urls)
