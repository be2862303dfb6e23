"""MkDocs hooks (on_files, on_page_markdown): add every page and file the package generates from
the archive, and hand generated pages to the theme without a Markdown pass.

Thin adapter: reads docs/articles/*.md and the hand-written pages, calls
wenxian.site.build.generate and swaps the results into the file list. Articles are never in
the nav (DESIGN.md §6), so the build stays linear in the number of articles. Generated pages are
finished HTML (frontmatter key wenxian.site.markup.HTML_KEY); article bodies are converted once
and cached under `.cache/` by content (wenxian.site.body).
"""
from __future__ import annotations

import types
from pathlib import Path

from mkdocs.structure.files import File

from wenxian.site import body, build, prerendered
from wenxian.site.markup import HTML_KEY

CACHE = Path(".cache") / "wenxian" / "bodies"


def on_files(files, config):
    root = Path(config.config_file_path).parent
    articles, pages = [], {}
    for f in list(files):
        if not f.src_uri.endswith(".md"):
            continue
        if f.src_uri.startswith("articles/"):
            articles.append((Path(f.abs_src_path).relative_to(root).as_posix(), Path(f.abs_src_path).read_text("utf-8")))
            files.remove(f)
        else:
            pages[f.src_uri] = Path(f.abs_src_path).read_text("utf-8")
    settings = [config["markdown_extensions"], config["mdx_configs"]]
    body_html = body.renderer(body.markdown_converter(*settings), root / CACHE, settings)
    generated = build.generate(articles, pages, build.raw_reader(root), config.site_url or "", config.site_name,
                               body_html)
    for src_uri, content in generated.items():
        files.append(File.generated(config, src_uri, content=content))
    return files


def on_page_markdown(markdown, page, config, files):
    if page.meta.get(HTML_KEY):
        page.render = types.MethodType(_render_prerendered, page)
    return markdown


def _render_prerendered(page, config, files):
    """Page.render for a generated page: its Markdown source is already HTML."""
    page.content = page.markdown
    page.toc = prerendered.toc(page.markdown)
    page.present_anchor_ids = set()
