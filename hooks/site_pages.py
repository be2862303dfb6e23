"""MkDocs hooks (on_files, on_page_markdown): add every page and file the package generates from
the archive, and hand generated pages to the theme without a Markdown pass.

Thin adapter: reads docs/articles/*.md and the hand-written pages, calls
wenxian.site.build.generate and swaps the results into the file list. Articles are never in
the nav (DESIGN.md §6), so the build stays linear in the number of articles. Generated pages are
finished HTML (frontmatter key wenxian.site.markup.HTML_KEY); article bodies are converted once
and cached under `.cache/` by content (wenxian.site.body). Region node pages, the most numerous,
are filled into one rendered copy of the theme per script (wenxian.site.shell, on_post_page;
on_post_build adds them to sitemap.xml); WENXIAN_NO_SHELL=1 renders them all through MkDocs instead (to compare).
"""
from __future__ import annotations

import gzip
import os
import types
from pathlib import Path

from mkdocs.structure.files import File

from wenxian.site import body, build, prerendered, shell
from wenxian.site.markup import HTML_KEY, split_generated

CACHE = Path(".cache") / "wenxian" / "bodies"
# Per build: region pages left out of MkDocs by script prefix ('' or 'hant/'), [(code, title,
# html)]; the one sample page per prefix that MkDocs renders; the shells made from them.
_deferred: dict[str, list[tuple[str, str, str]]] = {}
_samples: dict[str, tuple[str, str]] = {}
_shells: dict[str, str] = {}


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
    _deferred.clear(), _samples.clear(), _shells.clear()
    for src_uri, content in generated.items():
        region = shell.region_page(src_uri)
        if region is not None:
            prefix, code = region
            if prefix not in _samples:
                _samples[prefix] = (src_uri, code)
            elif not os.environ.get("WENXIAN_NO_SHELL"):
                _deferred.setdefault(prefix, []).append((code, *_split_generated(content)))
                continue
        files.append(File.generated(config, src_uri, content=content))
    return files


def _split_generated(content: str) -> tuple[str, str]:
    """(title, html) of a generated page."""
    meta, html = split_generated(content)
    return meta["title"], html


def on_pre_page(page, config, files):
    """Generated pages' frontmatter is read without MkDocs' YAML parser (see split_generated)."""
    if page.file.generated_by is not None:
        page.read_source = types.MethodType(_read_generated, page)
    return page


def _read_generated(page, config):
    parsed = split_generated(page.file.content_string)
    if parsed is None:
        type(page).read_source(page, config)
    else:
        page.meta, page.markdown = parsed


def on_page_markdown(markdown, page, config, files):
    if page.meta.get(HTML_KEY):
        page.render = types.MethodType(_render_prerendered, page)
        if _is_sample(page):
            page.meta["title"] = shell.TITLE
    return markdown


def _is_sample(page) -> bool:
    region = shell.region_page(page.file.src_uri)
    return region is not None and _samples.get(region[0], ("",))[0] == page.file.src_uri


def _render_prerendered(page, config, files):
    """Page.render for a generated page: its Markdown source is already HTML. Region pages get
    no table of contents (they are all filled into one shell, see wenxian.site.shell)."""
    region = shell.region_page(page.file.src_uri) is not None
    page.content = shell.CONTENT if _is_sample(page) else page.markdown
    page.toc = prerendered.toc("" if region else page.markdown)
    page.present_anchor_ids = set()


def on_post_page(output, page, config):
    """The sample region page of a script: make the shell, write every other region page of that
    script with it (here rather than in on_post_build, so that hooks indexing the built site
    there, such as search, see them whatever their order)."""
    if not _is_sample(page):
        return output
    prefix, code = shell.region_page(page.file.src_uri)
    _shells[prefix] = shell.make(output, code)
    site = Path(config.site_dir)
    for other, title, html in _deferred.get(prefix, []):
        _write(site / f"{prefix}regions/{other}/index.html", shell.fill(_shells[prefix], title, html, other))
    title, html = _split_generated(page.file.content_string)
    return shell.fill(_shells[prefix], title, html, code)


def on_post_build(config):
    """MkDocs' sitemap.xml lists only the pages it rendered: add the region pages written above."""
    written = [f"{prefix}regions/{code}/" for prefix, pages in _deferred.items() for code, _, _ in pages]
    sitemap = Path(config.site_dir) / "sitemap.xml"
    if written and sitemap.is_file():
        text = sitemap.read_text("utf-8").replace("</urlset>", shell.sitemap_entries(config.site_url, written) + "</urlset>")
        sitemap.write_text(text, "utf-8")
        gz = sitemap.with_name("sitemap.xml.gz")
        if gz.is_file():
            gz.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
