"""MkDocs hook: frontmatter values reach the theme's templates as escaped text.

MkDocs renders themes with autoescape off and Material prints `page.meta.title`, `page.title`
and `page.meta.author` as they are, so a title `</title><script>…` would become markup. Runs at
`on_page_context` (after all Markdown work, just before the template) on article pages only.
"""
from wenxian.escape import html_meta


def on_page_context(context, page, config, nav):
    if page.file.src_uri.startswith("articles/") and page.meta:
        page.meta = html_meta(dict(page.meta))
        if isinstance(page.meta.get("title"), str):
            page.title = page.meta["title"]
    return context
