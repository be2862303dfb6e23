"""HTML snippets shared by the generated pages. Every third-party value passes through `esc`
(text) or `href` (URLs); generated pages are raw-HTML blocks in Markdown, so Markdown never
interprets third-party text either.
"""
from __future__ import annotations

import html
import json
import re


from . import urls
from .catalog import Catalog
from .citation import display_title, web_url
from .twins import to_script, ui

_CHROME_SAFE = str.maketrans({"<": "＜", ">": "＞", "&": "＆", '"': "＂", "'": "＇"})


def esc(text) -> str:
    return html.escape(str(text), quote=True)


def esc_text(text) -> str:
    """Escaping for element content only (never an attribute): `&`, `<`, `>`. Quotes are
    harmless there; as `&quot;` they were ≈ 5 % of a CSL-JSON citation block (issue 18)."""
    return html.escape(str(text), quote=False)


external = web_url


# Frontmatter key of generated pages whose content after the frontmatter is finished HTML: the
# hook hands it to the theme as is instead of running Python-Markdown over it (measured: parsing
# big raw-HTML blocks was most of the build time; docs/architecture.md, "The site").
HTML_KEY = "wx_html"


def frontmatter(title: str) -> str:
    """Page frontmatter with a title that theme templates may print unescaped (Material runs
    titles through `striptags`, which decodes entities): markup characters are replaced by
    their full-width forms, so the title can never become a tag there. Every generated page is
    finished HTML, so it carries HTML_KEY."""
    return f"---\ntitle: {yaml_string(title.translate(_CHROME_SAFE))}\n{HTML_KEY}: true\n---\n\n"


# Characters a YAML double-quoted scalar must not hold literally: line and paragraph separators,
# NEL and the C1 and other non-printable characters the YAML reader refuses, BOM, non-characters.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


_GENERATED = re.compile(r'---\ntitle: ("(?:[^"\\\n]|\\.)*")\n' + HTML_KEY + r': true\n---\n\n')


def split_generated(text: str) -> tuple[dict, str] | None:
    """(frontmatter, HTML) of a page written by `frontmatter` above, read without a YAML parser
    (the title is a JSON string, see yaml_string); None for any other text."""
    m = _GENERATED.match(text)
    if m is None:
        return None
    return {"title": json.loads(m.group(1)), HTML_KEY: True}, text[m.end():]


def yaml_string(text: str) -> str:
    """`text` as a YAML double-quoted scalar, without running the YAML emitter (one per
    generated page): a JSON string is one, once the characters above are escaped too."""
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def title_in(cat: Catalog, aid: str, script: str) -> str:
    a = cat.articles[aid]
    return to_script(display_title(a.meta, a.body), a.script, script)


def article_list(cat: Catalog, ids, page_url: str, script: str, limit: int | None = None) -> str:
    """`<ul>` of articles (ids already in the wanted order): title link, date, source."""
    base = urls.rel(page_url, urls.in_script(urls.ARTICLES, script))  # every article is one folder below
    items = [f'<li><a href="{base}{aid}/">{_list_item(cat, aid, script)}</li>'
             for aid in (list(ids)[:limit] if limit else ids)]
    if not items:
        return f'<p class="wx-empty">{ui("暂无文章。", script)}</p>'
    return '<ul class="wx-articles">\n' + "\n".join(items) + "\n</ul>"


def _list_item(cat: Catalog, aid: str, script: str) -> str:
    """An article's entry in lists after its link's href: the same on every page, so it is made
    once per build and script (an article is listed on many pages: regions, topics, neighbours)."""
    memo = cat.memo.setdefault(("list_item", script), {})
    item = memo.get(aid)
    if item is None:
        a = cat.articles[aid]
        extra = [a.date or ui("日期不详", script)]
        if a.get("source"):
            extra.append(esc(to_script(a.meta["source"], a.script, script)))
        item = memo[aid] = f'{esc(title_in(cat, aid, script))}</a> <span class="wx-when">{" · ".join(extra)}</span>'
    return item
