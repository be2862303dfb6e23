"""The MkDocs side of the site build: add every page and file the package generates from the
archive, and write the numerous article and region pages through a theme shell.

Used by hooks/site_pages.py, one method of `SitePages` per MkDocs event. Articles are never in
the nav (the build stays linear in the number of articles, docs/architecture.md). Generated
pages are finished HTML (frontmatter key wenxian.site.markup.HTML_KEY) handed to the theme
without a Markdown pass; article bodies are converted once and cached under `.cache/` by content
(wenxian.site.body), parsed articles too (wenxian.article_loader; the files are read once per
build through wenxian.site.state, which the search step reads as well).

Index pages, twins of the hand-written pages and the exports go through MkDocs. Article,
region node and listing pages (topics, sources, years, later pages), almost all of the site,
do not: MkDocs renders one sample of each kind and
script with sentinels, `post_page` turns its output into a shell (wenxian.site.shell) and fills
and writes every page of that kind and script on all cores (wenxian.site.pagewriter), with the
original files of HTML captures; `post_build` adds them to sitemap.xml. With the setting
`shell_pages: false` (`WENXIAN_NO_SHELL=1`) every page is rendered through MkDocs instead.

Two methods of a generated page are replaced on the page object, because MkDocs has no event
that does their work: `read_source` (on_page_read_source can only supply the text, which MkDocs
then parses with its own meta parser; our frontmatter is read by split_generated) and `render`
(no event skips the Markdown conversion of a page that is HTML already; on_page_content comes
after it). Everything else goes through MkDocs' events.
"""
from __future__ import annotations

import gzip
import logging
import time
import types
from pathlib import Path

from mkdocs.structure.files import File

from ..errors import WenxianError
from ..reprints import index as reprint_index
from . import body, build, chrome, exports, html_toc, incremental, pagewriter, reprints, shell, urls
from . import sitemap as site_sitemap
from .markup import HTML_KEY, frontmatter, split_generated
from .state import BuildState

CACHE = Path(".cache") / "wenxian" / "bodies"
log = logging.getLogger("mkdocs.hooks.site_pages")


class _Build:
    """What one build hands from on_files to on_post_page/on_post_build."""

    def __init__(self, cat, site_url: str, body_html, read_raw, inc=None, keys=None):
        self.cat, self.site_url, self.body_html, self.read_raw = cat, site_url, body_html, read_raw
        self.inc, self.inputs = inc, keys  # incremental.Incremental, incremental.Keys
        self.keys: dict[tuple[str, str], list[str]] = {}     # (kind, prefix) -> keys of the pages
        self.samples: dict[str, tuple[str, str, str]] = {}   # src_uri of a sample -> (kind, prefix, key)
        self.written: list[str] = []                          # URLs written outside MkDocs

    def text(self, kind: str, key: str, script: str) -> str:
        return build.shell_page_text(self.cat, kind, key, script, self.site_url, self.body_html, self.read_raw)


def _src_uri(kind: str, key: str, script: str) -> str:
    return urls.src_uri(build.shell_url(kind, key, script))


def _read(f) -> str:
    try:
        return Path(f.abs_src_path).read_text("utf-8")
    except UnicodeDecodeError as exc:
        raise WenxianError(f"docs/{f.src_uri}", f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise WenxianError(f"docs/{f.src_uri}", f"cannot be read: {exc.strerror}") from None


class SitePages:
    """The site's part of one MkDocs build at a time (a `mkdocs serve` rebuild starts anew)."""

    def __init__(self):
        self.build: _Build | None = None
        self._made_dirs: set[Path] = set()  # folders this process has created (one mkdir per folder)

    def files(self, files, config, state: BuildState):
        """on_files: the articles leave MkDocs' file list; the generated pages and files join it."""
        started = time.perf_counter()
        root = state.root
        inc = state.incremental
        inc.restore()  # MkDocs has cleaned the site folder: the kept pages come back
        pages = {}
        for f in list(files):
            if not f.src_uri.endswith(".md"):
                continue
            if f.src_uri.startswith("articles/"):  # read through the build state (article_loader)
                files.remove(f)
            elif not f.inclusion.is_excluded():  # hidden files (.#x.md editor locks…), exclude_docs
                pages[f.src_uri] = _read(f)
        articles = state.article_texts()
        settings = [config["markdown_extensions"], config["mdx_configs"]]
        body_html = body.renderer(body.markdown_converter(*settings), root / CACHE, settings)
        cat = build.catalog(articles, state.cache_dir)
        build.check_raw_paths(cat, root)
        reprints.attach(cat, root / reprint_index.CACHE)  # groups before any page (cached by content)
        self.build = b = _Build(cat, config.site_url or "", body_html, build.raw_reader(root), inc)
        build.read_captures(cat, b.read_raw)
        lines = members = None
        if inc.enabled:
            b.inputs = incremental.Keys(cat, dict(articles), b.site_url)
            lines = incremental.ExportLines(root, inc.digest, b.site_url, b.inputs.digests)
            members = incremental.GzipMembers(root, inc.digest, exports.gzip_member)
        for src_uri, content in build.index_pages(cat, pages, b.site_url, config.site_name, lines, members).items():
            files.append(File.generated(config, src_uri, content=content))
        if lines is not None:
            lines.save()
            members.save()
            log.info(f"site: export lines of {lines.made // 2} changed articles made, the others kept")
        for path, content in chrome.files(config.theme.dirs, config.theme).items():  # shared chrome
            files.append(File.generated(config, path, content=content))
        shells = state.settings.shell_pages
        for (kind, script), keys in build.shell_keys(cat).items():
            if not keys:
                continue
            prefix = "hant/" if script == "hant" else ""
            if not shells:
                for key in keys:
                    files.append(File.generated(config, _src_uri(kind, key, script), content=b.text(kind, key, script)))
                continue
            sample = _src_uri(kind, keys[0], script)
            b.keys[(kind, prefix)] = keys
            b.samples[sample] = (kind, prefix, keys[0])
            files.append(File.generated(config, sample, content=frontmatter(shell.TITLE) + "<p></p>\n"))
        if not shells:
            for aid in cat.articles:
                for path, content in build.article_files(cat, aid, b.read_raw).items():
                    files.append(File.generated(config, path, content=content))
        log.info(f"site: catalog of {len(cat.articles)} articles and index pages in {time.perf_counter() - started:.1f} s")
        return files

    def pre_page(self, page):
        """on_pre_page: a generated page's frontmatter is read without MkDocs' YAML parser."""
        if page.file.generated_by is not None:
            page.read_source = types.MethodType(_read_generated, page)
        return page

    def page_markdown(self, page) -> None:
        """on_page_markdown: a generated page is HTML already (see _render_prerendered)."""
        if page.meta.get(HTML_KEY):
            page.render = types.MethodType(self._render_prerendered, page)

    def _sample(self, page) -> tuple[str, str, str] | None:
        return self.build.samples.get(page.file.src_uri) if self.build is not None else None

    def _render_prerendered(self, page, config, files):
        """Page.render for a generated page: its Markdown source is already HTML. A sample page
        gets the sentinels its shell is made from; region pages have no table of contents."""
        sample = self._sample(page)
        if sample is not None:
            page.content = shell.CONTENT
            page.toc = html_toc.get_toc(shell.sample_toc_tokens() if sample[0] in build.TOC_KINDS else [])
        else:
            kind = (shell.shell_page(page.file.src_uri) or ("",))[0]
            page.content = page.markdown
            page.toc = html_toc.toc("" if kind in ("regions", "versions") else page.markdown, flat=kind == "articles")
        page.present_anchor_ids = set()

    def post_page(self, output, page, config):
        """on_post_page: for the sample page of a kind and script, make the shell and write every
        page of that kind and script with it, and for articles the original file of an HTML
        capture (here rather than in on_post_build, so that hooks reading the built site there see
        them whatever their order)."""
        sample = self._sample(page)
        if sample is None:
            return shell.slim_page(output)
        b = self.build
        kind, prefix, key = sample
        script = "hant" if prefix else "hans"
        with_toc = kind in build.TOC_KINDS
        made = shell.make(output, key, with_toc=with_toc)
        self._made_dirs.clear()  # a new build: the site folder was emptied
        site = Path(config.site_dir)
        keys = b.keys[(kind, prefix)]

        def page_html(k: str) -> str:
            meta, html = split_generated(b.text(kind, k, script))
            return shell.slim_page(shell.fill(made, meta["title"], html, k,
                                              html_toc.toc_tokens(html, flat=True) if with_toc else None))

        def write(chunk) -> int:
            for k in chunk:
                self._write(site / build.shell_url(kind, k, script) / "index.html", page_html(k))
                if kind == "articles" and script == "hans":
                    self._write_article_files(site, k)
            return len(chunk)

        others = [k for k in keys if k != key]
        started = time.perf_counter()
        todo = others
        if b.inc is not None and b.inc.enabled:
            todo = self._changed(kind, script, made, key, others)
        pagewriter.run(todo, write)
        kept = f" ({len(others) - len(todo)} unchanged kept)" if len(todo) < len(others) else ""
        log.info(f"site: {len(keys)} {prefix}{kind} pages written in {time.perf_counter() - started:.1f} s{kept}")
        b.written += [build.shell_url(kind, k, script) for k in others]
        if kind == "articles" and script == "hans":
            self._write_article_files(site, key)
        return page_html(key)

    def _changed(self, kind: str, script: str, made, sample: str, keys: list[str]) -> list[str]:
        """The keys whose page must be written: its input key differs from the last build's
        (wenxian.site.incremental). Every page's key is recorded, the sample's too."""
        b = self.build
        digest = incremental.shell_digest(made)
        if kind in build.LISTING_KINDS:  # keyed by what it shows (indexes.Later), made only when written
            pages = build.listing_pages(b.cat, script)
            page_key = lambda k, d: b.inputs.listing(pages[k], d)  # noqa: E731
        else:
            page_key = {"articles": b.inputs.article, "regions": b.inputs.region, "versions": b.inputs.version}[kind]
        todo = []
        for k in [sample, *keys]:
            files = ()
            if kind == "articles" and script == "hans":
                files = tuple(build.article_file_paths(b.cat, k))
            if not b.inc.unchanged(build.shell_url(kind, k, script), page_key(k, digest), files) and k != sample:
                todo.append(k)
        return todo

    def _write_article_files(self, site: Path, aid: str) -> None:
        """The original file of a capture holding HTML (build.article_files)."""
        b = self.build
        try:
            files = build.article_files(b.cat, aid, b.read_raw)
        except WenxianError as exc:  # name the article, not only its raw capture
            raise WenxianError(b.cat.articles[aid].path, f"{exc.problem} ({exc.path})") from None
        for path, content in files.items():
            self._write(site / path, content)

    def post_build(self, config) -> None:
        """on_post_build: MkDocs' sitemap.xml lists only the pages it rendered: add the pages
        written above, and make it an index of parts (wenxian.site.sitemap)."""
        if self.build is not None and self.build.inc is not None and self.build.inc.enabled:
            removed = self.build.inc.remove_stale()
            self.build.inc.finish()
            if self.build.inc.kept:
                log.info(f"site: incremental build, {self.build.inc.skipped} unchanged pages kept, {removed} stale files removed")
        written = self.build.written if self.build is not None else []
        sitemap = Path(config.site_dir) / "sitemap.xml"
        if sitemap.is_file():  # an index of parts (wenxian.site.sitemap: why)
            urls = sitemap.read_text("utf-8") + shell.sitemap_entries(config.site_url, written)
            for name, text in site_sitemap.split(urls, config.site_url).items():
                sitemap.with_name(name).write_text(text, "utf-8")
            gz = sitemap.with_name("sitemap.xml.gz")
            if gz.is_file():
                gz.write_bytes(gzip.compress(sitemap.read_bytes(), mtime=0))

    def _write(self, path: Path, content: str | bytes) -> None:
        if path.parent not in self._made_dirs:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._made_dirs.add(path.parent)
        if isinstance(content, bytes):  # the original file of a capture holding HTML
            path.write_bytes(content)
        else:
            path.write_text(content, "utf-8")


def _read_generated(page, config):
    parsed = split_generated(page.file.content_string)
    if parsed is None:
        type(page).read_source(page, config)
    else:
        page.meta, page.markdown = parsed
