"""Region node pages written through one rendered copy of the theme per script.

There is a page for every administrative unit an article mentions, down to villages, so region
pages outnumber articles (4,400 region pages for 1,000 synthetic articles). They all sit at the
same depth (`regions/<code>/`, `hant/regions/<code>/`), are outside the nav and have no table of
contents, so the theme's output differs between two of them only in the title, the content and
the node's code in their own URL (canonical link, script switch). The build renders one of them
per script through MkDocs and Material with sentinel title and content, turns that output into a
shell, and fills the shell for every other node: same chrome, a string substitution per page
instead of a template render.
"""
from __future__ import annotations

import html
import re

TITLE = "WXSHELLTITLE9d1c"
# An <h1>, so that the theme does not add its own heading (the real contents have one).
CONTENT = "<h1>WXSHELLCONTENT9d1c</h1>"
CODE = "WXSHELLCODE9d1c"
_REGION = re.compile(r"^(hant/)?regions/(\d{12})\.md$")


def region_page(src_uri: str) -> tuple[str, str] | None:
    """(script prefix, code) when `src_uri` is a region node page, else None."""
    m = _REGION.match(src_uri)
    return (m.group(1) or "", m.group(2)) if m else None


def make(output: str, code: str) -> str:
    """Shell from the theme's output for a page rendered with TITLE and CONTENT as its title
    and content: the node's code (which appears only in the page's own URL there) becomes CODE."""
    if output.count(CONTENT) != 1 or TITLE not in output:
        raise ValueError("region shell: the theme output lacks the sentinel title or content")
    return output.replace(code, CODE)


def fill(shell: str, title: str, content: str, code: str) -> str:
    """A region page from the shell. The title is escaped as the theme escapes it (generated
    titles are chrome-safe already, wenxian.site.markup.frontmatter); content is our HTML."""
    head, tail = shell.split(CONTENT, 1)
    fix = lambda part: part.replace(TITLE, html.escape(title, quote=True)).replace(CODE, code)  # noqa: E731
    return fix(head) + content + fix(tail)


def sitemap_entries(site_url: str, urls: list[str]) -> str:
    """<url> elements for pages written outside MkDocs (its sitemap.xml lists only its own pages)."""
    base = (site_url or "/").rstrip("/") + "/"
    return "".join(f"    <url>\n         <loc>{html.escape(base + u)}</loc>\n    </url>\n" for u in urls)
