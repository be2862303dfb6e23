"""sitemap.xml as a small sitemap index naming parts of the site's page list (pure: text in, files out).

Why not one list: the site lists about three pages per article (58,378 URLs, 5.4 MB of XML at 20,005
articles), and

- the sitemaps protocol (sitemaps.org) allows at most 50,000 URLs and 50 MB in one sitemap file;
  past that a crawler rejects the file, so a large archive needs an index of several files;
- Material for MkDocs fetches `sitemap.xml` next to every `<link rel="alternate">` of a page, to
  map language alternates (bundle.js, the `link[rel=alternate]` query; reported upstream as
  squidfunk/mkdocs-material#8576). Our Atom feed link is such a link on every page, so every page
  view downloaded and parsed the whole list (5.4 MB at 20,005 articles, 319 KB at 1,000). An index
  is a few hundred bytes and lists no page, which is what Material finds useful in it anyway (it
  only follows links of alternate languages, and this site has none).

So `sitemap.xml` is a `<sitemapindex>` naming `sitemap-1.xml`, `sitemap-2.xml`… beside it, each a
`<urlset>` of at most PART pages in MkDocs' order followed by the build's own pages. The parts sit
at the site root because a sitemap may only list URLs below its own folder.
"""
from __future__ import annotations

import html
import re

# Pages per part: the protocol's limit is 50,000 URLs (and 50 MB: a <url> here is about 120 bytes).
PART = 50000
NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
_URL = re.compile(r"<url>.*?</url>", re.S)


def part_name(n: int) -> str:
    return f"sitemap-{n}.xml"


def split(urls_xml: str, site_url: str, limit: int = PART) -> dict[str, str]:
    """{file name at the site root: XML}: `sitemap.xml` (the index) and its parts, from text holding
    every <url> element of the site (MkDocs' own sitemap.xml and the elements of the pages written
    beside it, wenxian.site.shell.sitemap_entries), in that order."""
    entries = _URL.findall(urls_xml)
    base = (site_url or "/").rstrip("/") + "/"
    parts = [entries[i:i + limit] for i in range(0, len(entries), limit)] or [[]]
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    out = {part_name(n): f'{head}<urlset xmlns="{NS}">\n' + "".join(f"    {e}\n" for e in part) + "</urlset>\n"
           for n, part in enumerate(parts, 1)}
    out["sitemap.xml"] = (f'{head}<sitemapindex xmlns="{NS}">\n'
                          + "".join(f"    <sitemap>\n         <loc>{html.escape(base + name)}</loc>\n    </sitemap>\n"
                                    for name in out)
                          + "</sitemapindex>\n")
    return out
