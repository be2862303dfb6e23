"""MkDocs hooks (on_files … on_post_build): add every page and file the package generates from
the archive; write the numerous article and region pages through a theme shell.

Thin adapter around wenxian.site.build. Articles are never in the nav (DESIGN.md §6), so the
build stays linear in the number of articles. Generated pages are finished HTML (frontmatter
key wenxian.site.markup.HTML_KEY) handed to the theme without a Markdown pass; article bodies
are converted once and cached under `.cache/` by content (wenxian.site.body), parsed articles
too (wenxian.site.loaded).

Index pages, twins of the hand-written pages and the exports go through MkDocs. Article and
region node pages, almost all of the site, do not: MkDocs renders one sample of each kind and
script with sentinels, the hook turns its output into a shell (wenxian.site.shell) and, in
on_post_page, fills and writes every page of that kind and script on all cores
(wenxian.site.pagewriter), with the raw captures and citation files; on_post_build adds them to
sitemap.xml. WENXIAN_NO_SHELL=1 renders every page through MkDocs instead (to compare).
"""
from __future__ import annotations

import gzip
import logging
import os
import time
import types
from pathlib import Path

from mkdocs.structure.files import File

from wenxian.site import body, build, pagewriter, shell, urls
from wenxian import article_loader as loaded
from wenxian.site import html_toc as prerendered
from wenxian.site.mkdocs_errors import reported
from wenxian.errors import WenxianError
from wenxian.site.markup import HTML_KEY, frontmatter, split_generated

CACHE = Path(".cache") / "wenxian" / "bodies"
log = logging.getLogger("mkdocs.hooks.site_pages")


class _Build:
    """What one build hands from on_files to on_post_page/on_post_build."""

    def __init__(self, cat, site_url: str, body_html, read_raw):
        self.cat, self.site_url, self.body_html, self.read_raw = cat, site_url, body_html, read_raw
        self.keys: dict[tuple[str, str], list[str]] = {}     # (kind, prefix) -> keys of the pages
        self.samples: dict[str, tuple[str, str, str]] = {}   # src_uri of a sample -> (kind, prefix, key)
        self.written: list[str] = []                          # URLs written outside MkDocs


_build: _Build | None = None


def _shell_mode() -> bool:
    return not os.environ.get("WENXIAN_NO_SHELL")


@reported
def on_files(files, config):
    global _build
    started = time.perf_counter()
    root = Path(config.config_file_path).resolve().parent
    articles, pages = [], {}
    for f in list(files):
        if not f.src_uri.endswith(".md"):
            continue
        if f.inclusion.is_excluded():  # hidden files (.#x.md editor locks…), exclude_docs
            if f.src_uri.startswith("articles/"):
                files.remove(f)
            continue
        if f.src_uri.startswith("articles/"):
            articles.append((Path(f.abs_src_path).relative_to(root).as_posix(), _read(f)))
            files.remove(f)
        else:
            pages[f.src_uri] = _read(f)
    settings = [config["markdown_extensions"], config["mdx_configs"]]
    body_html = body.renderer(body.markdown_converter(*settings), root / CACHE, settings)
    cat = build.catalog(articles, root / loaded.CACHE)
    build.check_raw_paths(cat, root)
    _build = _Build(cat, config.site_url or "", body_html, build.raw_reader(root))
    build.read_captures(cat, _build.read_raw)
    for src_uri, content in build.index_pages(cat, pages, _build.site_url, config.site_name).items():
        files.append(File.generated(config, src_uri, content=content))
    for (kind, script), keys in build.shell_keys(cat).items():
        if not keys:
            continue
        prefix = "hant/" if script == "hant" else ""
        if not _shell_mode():
            for key in keys:
                files.append(File.generated(config, _src_uri(kind, key, script), content=_text(kind, key, script)))
            continue
        sample = _src_uri(kind, keys[0], script)
        _build.keys[(kind, prefix)] = keys
        _build.samples[sample] = (kind, prefix, keys[0])
        files.append(File.generated(config, sample, content=frontmatter(shell.TITLE) + "<p></p>\n"))
    if not _shell_mode():
        for aid in cat.articles:
            for path, content in build.article_files(cat, aid, _build.read_raw, _build.site_url).items():
                files.append(File.generated(config, path, content=content))
    log.info(f"site: catalog of {len(cat.articles)} articles and index pages in {time.perf_counter() - started:.1f} s")
    return files


def _read(f) -> str:
    try:
        return Path(f.abs_src_path).read_text("utf-8")
    except UnicodeDecodeError as exc:
        raise WenxianError(f"docs/{f.src_uri}", f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise WenxianError(f"docs/{f.src_uri}", f"cannot be read: {exc.strerror}") from None


def _src_uri(kind: str, key: str, script: str) -> str:
    return urls.src_uri(build.shell_url(kind, key, script))


def _text(kind: str, key: str, script: str) -> str:
    return build.shell_page_text(_build.cat, kind, key, script, _build.site_url, _build.body_html)


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
    return markdown


def _sample(page) -> tuple[str, str, str] | None:
    return _build.samples.get(page.file.src_uri) if _build is not None else None


def _render_prerendered(page, config, files):
    """Page.render for a generated page: its Markdown source is already HTML. A sample page gets
    the sentinels its shell is made from; region pages have no table of contents."""
    sample = _sample(page)
    if sample is not None:
        page.content = shell.CONTENT
        page.toc = prerendered.get_toc(shell.sample_toc_tokens() if sample[0] == "articles" else [])
    else:
        kind = (shell.shell_page(page.file.src_uri) or ("",))[0]
        page.content = page.markdown
        page.toc = prerendered.toc("" if kind == "regions" else page.markdown, flat=kind == "articles")
    page.present_anchor_ids = set()


@reported
def on_post_page(output, page, config):
    """The sample page of a kind and script: make the shell and write every page of that kind
    and script with it, and for articles their raw capture and citation files (here rather than
    in on_post_build, so that hooks reading the built site there see them whatever their order)."""
    sample = _sample(page)
    if sample is None:
        return output
    kind, prefix, key = sample
    script = "hant" if prefix else "hans"
    made = shell.make(output, key, with_toc=kind == "articles")
    _made_dirs.clear()  # a new build: the site folder was emptied
    site = Path(config.site_dir)
    keys = _build.keys[(kind, prefix)]

    def page_html(k: str) -> str:
        meta, html = split_generated(_text(kind, k, script))
        return shell.fill(made, meta["title"], html, k, prerendered.toc_tokens(html, flat=True) if kind == "articles" else None)

    def write(chunk) -> int:
        for k in chunk:
            _write(site / build.shell_url(kind, k, script) / "index.html", page_html(k))
            if kind == "articles" and script == "hans":
                _write_article_files(site, k)
        return len(chunk)

    others = [k for k in keys if k != key]
    started = time.perf_counter()
    pagewriter.run(others, write)
    log.info(f"site: {len(keys)} {prefix}{kind} pages written in {time.perf_counter() - started:.1f} s")
    _build.written += [build.shell_url(kind, k, script) for k in others]
    if kind == "articles" and script == "hans":
        _write_article_files(site, key)
    return page_html(key)


def _write_article_files(site: Path, aid: str) -> None:
    """Raw capture as text and citation files of one article."""
    try:
        files = build.article_files(_build.cat, aid, _build.read_raw, _build.site_url)
    except WenxianError as exc:  # name the article, not only its raw capture
        raise WenxianError(_build.cat.articles[aid].path, f"{exc.problem} ({exc.path})") from None
    for path, content in files.items():
        _write(site / path, content)


def on_post_build(config):
    """MkDocs' sitemap.xml lists only the pages it rendered: add the pages written above."""
    written = _build.written if _build is not None else []
    sitemap = Path(config.site_dir) / "sitemap.xml"
    if written and sitemap.is_file():
        text = sitemap.read_text("utf-8").replace("</urlset>", shell.sitemap_entries(config.site_url, written) + "</urlset>")
        sitemap.write_text(text, "utf-8")
        gz = sitemap.with_name("sitemap.xml.gz")
        if gz.is_file():
            gz.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


_made_dirs: set[Path] = set()  # folders this process has created (one mkdir per folder)


def _write(path: Path, content: str | bytes) -> None:
    if path.parent not in _made_dirs:
        path.parent.mkdir(parents=True, exist_ok=True)
        _made_dirs.add(path.parent)
    if isinstance(content, bytes):  # the original file of a capture holding HTML
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8")
