"""Everything the site generates from the archive, as {docs-relative path: content}.

The MkDocs hook hands in the article files, the hand-written pages and a reader for raw
captures; this module returns every generated file: both script twins of each article, the
index pages in both scripts, traditional twins of the hand-written pages, raw captures as
UTF-8 text and the exports (citations are in the article pages). Nothing here depends on MkDocs, so the site
generator stays replaceable.
"""
from __future__ import annotations

import re
from typing import Callable

from . import article_page, exports, indexes, regionmap, reprints, urls
from .. import article_loader
from .catalog import Catalog, build as build_catalog, parse_article, region_pages
from .twins import SCRIPTS, convert
from ..errors import WenxianError

INDEX_BUILDERS = (indexes.regions, indexes.topics, indexes.sources, indexes.timeline, indexes.recent,
                  regionmap.page)
# Relative link targets in a hand-written page: Markdown `](target)` and HTML href/src.
_LINK = re.compile(r'(\]\(|(?:href|src)=")(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)([^)"\s]+)')


def catalog(article_files: list[tuple[str, str]], cache_dir=None) -> Catalog:
    """The catalog of (path for messages, text) article files; parsing is cached by content
    (wenxian.article_loader, on disk too with `cache_dir`), and so is validation: with
    `cache_dir`, the digests of the texts that passed it are kept (`checked.txt` there, keyed
    by the package's code and data, wenxian.site.incremental.code_digest), and a text that
    passed before is not validated again. Validation was most of the catalog's time (2.9 of
    5.0 s at 1,000 articles); after one edit only the edited file is validated."""
    if cache_dir is None:
        return build_catalog([parse_article(path, text) for path, text in article_files])
    from pathlib import Path

    from .. import cachefile
    from .incremental import code_digest

    article_loader.warm([text for _, text in article_files], cache_dir)
    record, salt = Path(cache_dir) / "checked.txt", code_digest()
    known = set((cachefile.read(record, salt) or "").split())
    keys = [_text_key(text) for _, text in article_files]
    cat = build_catalog([parse_article(path, text, cache_dir, key in known)
                         for (path, text), key in zip(article_files, keys)])
    if set(keys) != known:  # every text here passed (a failure raised above)
        cachefile.write(record, salt, "\n".join(sorted(set(keys))))
    return cat


def _text_key(text: str) -> str:
    import hashlib

    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def hant_twin_of_page(text: str) -> str:
    """Traditional twin of a hand-written simplified page, one folder deeper (`hant/`): links to
    other pages (`.md`, twinned too) stay as they are, links to files that exist once (data,
    raw captures, images) go one level up."""
    def fix(m: re.Match) -> str:
        target = m.group(2)
        path = target.split("#", 1)[0].split("?", 1)[0]
        return m.group(0) if path.endswith(".md") or not path else m.group(1) + "../" + target
    return _LINK.sub(fix, convert(text, "hant"))


# Kinds of page filled into a theme shell by the hook (wenxian.site.shell): one per article and
# one per region node and one per reprint (its difference view), in both scripts, and the listing pages (topics, sources, years, the pages
# after the first of a region), one kind per depth and table of contents (pages of one kind sit
# at the same depth, so that the theme's relative links are the same). A listing's key is its
# simplified-script URL, which the shell substitutes whole (wenxian.site.shell.make).
_URL = {"articles": urls.article, "regions": urls.region, "versions": urls.version}
LISTING_KINDS = ("lists", "lists+", "years", "years+")   # depth 2 / 3, without / with contents
TOC_KINDS = ("articles", "years", "years+")              # pages with a (flat) table of contents
_INDEX_URLS = set(urls.INDEXES.values())


def index_pages(cat: Catalog, pages: dict[str, str], site_url: str, site_name: str, lines=None,
                compress=None) -> dict[str, str | bytes]:
    """The pages MkDocs renders itself (the index pages: regions tree, topics, sources,
    timeline, recent; `hant/` twins of the hand-written pages) and the exports, by
    docs-relative path; `lines` as for exports.jsonl, `compress` as for exports.jsonl_gz."""
    out: dict[str, str] = {}
    for script in SCRIPTS:
        for builder in INDEX_BUILDERS:
            made = builder(cat, script, nodes=False) if builder is indexes.regions else builder(cat, script)
            for url, text in made.items():
                if url in _INDEX_URLS:
                    out[urls.src_uri(urls.in_script(url, script))] = text
                else:  # a listing page: a shell page (listing_pages)
                    cat.memo.setdefault(("listings", script), {})[url] = text
    for path, text in pages.items():
        if not path.startswith(urls.HANT_PREFIX) and urls.HANT_PREFIX + path not in pages:
            out[urls.HANT_PREFIX + path] = hant_twin_of_page(text)
    out.update(reprints.pages(cat))  # the reprints index (wenxian.site.reprints)
    # `lines`: the export lines of unchanged articles from the last build (incremental.ExportLines)
    out[urls.EXPORTS["jsonl"]] = exports.jsonl_gz(cat, site_url, lines, compress)
    out[urls.EXPORTS["csv"]] = exports.csv_text(cat, site_url, *([lines] if lines else []))
    out[urls.EXPORTS["feed"]] = exports.atom(cat, site_url, site_name)
    return out


def listing_pages(cat: Catalog, script: str) -> dict[str, indexes.Later]:
    """{simplified URL: page to be made} of the listing pages of `script`: topics, sources, years
    (all their pages) and the pages after the first of each region page; once per build. A
    page's text is made when it is written (indexes.Later): an incremental build makes only the
    listing pages whose inputs changed."""
    got = cat.memo.get(("listings", script))
    if got is None or ("listings_regions", script) not in cat.memo:
        got = cat.memo.setdefault(("listings", script), {})
        if not got:
            for builder in (indexes.topics, indexes.sources, indexes.timeline):
                got.update((u, t) for u, t in builder(cat, script).items() if u not in _INDEX_URLS)
        pages = region_pages(cat)
        for node in cat.regions.values():
            if pages[node.code] == node.code:
                for n in range(2, indexes.region_page_count(cat, node) + 1):
                    got[urls.paged(urls.region(node.code), n)] = indexes.region_later_page(cat, node, script, n)
        cat.memo[("listings_regions", script)] = True
    return got


def listing_texts(cat: Catalog, script: str) -> dict[str, str]:
    """{simplified URL: page} of the listing pages of `script`, every text made."""
    return {url: page.text for url, page in listing_pages(cat, script).items()}


def listing_kind(url: str) -> str:
    """The shell kind of a listing page URL (depth, contents)."""
    kind = "years" if url.startswith("timeline/") else "lists"
    return kind if url.count("/") == 2 else kind + "+"


def shell_keys(cat: Catalog) -> dict[tuple[str, str], list[str]]:
    """{(kind, script): keys} of the shell pages: article ids newest first, the codes of the
    region nodes with a page of their own (catalog.region_pages), listing page URLs."""
    out = {}
    pages = region_pages(cat)
    for script in SCRIPTS:
        out[("articles", script)] = list(cat.newest)
        out[("regions", script)] = [code for code in cat.regions if pages[code] == code]
        out[("versions", script)] = reprints.version_keys(cat)  # difference views (issue 20)
        for kind in LISTING_KINDS:
            out[(kind, script)] = []
        for url in listing_pages(cat, script):
            out[(listing_kind(url), script)].append(url)
    return out


def shell_page_text(cat: Catalog, kind: str, key: str, script: str, site_url: str, body_html: Callable,
                    read_raw: Callable[[str], bytes] | None = None) -> str:
    """One article, region node or listing page as a generated page (frontmatter + finished HTML);
    an article's page in its own script shows its raw capture (read with `read_raw`)."""
    if kind == "articles":
        a = cat.articles[key]
        raw = raw_text(cat, key, read_raw) if read_raw is not None and script == a.script else None
        return article_page.render(cat, a, script, site_url, body_html, raw)
    if kind == "versions":
        return reprints.version_page(cat, key, script)
    if kind == "regions":
        return indexes.region_page(cat, cat.regions[key], script)
    return listing_pages(cat, script)[key].text


def shell_url(kind: str, key: str, script: str) -> str:
    return urls.in_script(_URL[kind](key) if kind in _URL else key, script)


def raw_text(cat: Catalog, aid: str, read_raw: Callable[[str], bytes]) -> str:
    """The raw capture as UTF-8 text, shown in the article's page: itself for a text capture,
    the visible text of one holding HTML (the page of a web archive the article was made from)."""
    from ..ingest.kinds import holds_html
    from ..ingest.webarchive import visible_text

    a = cat.articles[aid]
    raw = a.meta["raw"]
    try:
        data = read_raw(raw)
    except WenxianError as exc:  # name the article, not only its raw capture
        raise WenxianError(a.path, f"{exc.problem} ({exc.path})") from None
    if holds_html(raw):
        return visible_text(data, raw, a.get("encoding"), cat.memo.get("captures", {}).get(aid, (None, None))[1])
    return exports.raw_text(data, a.get("encoding"), raw)


def article_files(cat: Catalog, aid: str, read_raw: Callable[[str], bytes]) -> dict[str, str | bytes]:
    """The files that exist once per article: for a capture holding HTML (saved page, WARC,
    WACZ, MHTML) the original file as bytes under urls.raw_original. The raw capture's text and
    the BibTeX and CSL-JSON citations are in the article page (issue 18: three files per
    article were a third of the site's files)."""
    from ..ingest.kinds import holds_html

    raw = cat.articles[aid].meta["raw"]
    return {urls.raw_original(raw): read_raw(raw)} if holds_html(raw) else {}


def article_file_paths(cat: Catalog, aid: str) -> list[str]:
    """The site-relative paths article_files writes for `aid` (without reading anything)."""
    from ..ingest.kinds import holds_html

    raw = cat.articles[aid].meta["raw"]
    return [urls.raw_original(raw)] if holds_html(raw) else []


def read_captures(cat: Catalog, read_raw: Callable[[str], bytes]) -> None:
    """For each article whose capture holds HTML, (original file name, page URL) from the
    capture's sidecar into cat.memo['captures']: the raw link offers the download under that
    name, and the page of a web archive is the one the article was made from. For each article
    with neither a publication nor a capture date, the day its capture was added (the sidecar's
    `added`, a valid date) into cat.memo['added']: the feed lists it by that day. Read once,
    before the pages are written (the worker processes inherit the catalog)."""
    import json

    from ..ingest.kinds import holds_html, split
    from ..schema import date_problem

    out, added = {}, {}
    for a in cat.articles.values():
        raw = a.meta["raw"]
        undated = not a.date and not a.get("captured")
        if not holds_html(raw) and not undated:
            continue
        folder, name = raw.rsplit("/", 1)
        try:
            sidecar = json.loads(read_raw(f"{folder}/{split(name)[0]}.json"))
        except (ValueError, UnicodeDecodeError, WenxianError):
            sidecar = {}
        sidecar = sidecar if isinstance(sidecar, dict) else {}
        day = sidecar.get("added")
        if undated and isinstance(day, str) and date_problem(day) is None:
            added[a.id] = day
        if not holds_html(raw):
            continue
        original = sidecar.get("original_name")
        original = original if isinstance(original, str) and original.strip() else name
        pages = sidecar.get("pages") if isinstance(sidecar.get("pages"), dict) else {}
        page = pages.get(a.id)
        out[a.id] = (re.sub(r"[\x00-\x1f\x7f/\\]+", "_", original), page if isinstance(page, str) else None)
    cat.memo["captures"] = out
    cat.memo["added"] = added


def _capture_path(root, raw: str, folders: set | None = None) -> str:
    """The file of a `raw` path (a string: 20,000 of them are checked every build, and pathlib
    objects cost a second), refusing anything outside archive/ and any link on the way: a
    linked archive/ folder, sub-folder or capture would publish whatever it points to.
    `folders`: folders already found not to be links (one check per folder, not per capture)."""
    import os
    from pathlib import PurePosixPath

    from ..errors import WenxianError

    parts = raw.split("/")
    if "" in parts or "." in parts:  # the unusual spellings: as pathlib reads them
        parts = list(PurePosixPath(raw).parts)
    if not parts or parts[0] != "archive" or ".." in parts or raw.startswith("/"):
        raise WenxianError(raw, "raw capture path is outside archive/")
    path = str(root)
    for i, part in enumerate(parts):
        path = f"{path}/{part}"
        folder = folders is not None and i < len(parts) - 1
        if folder and path in folders:
            continue
        if os.path.islink(path):
            raise WenxianError(raw, f"{'/'.join(parts[:i + 1])} is a link; the archive must hold real files")
        if folder:
            folders.add(path)
    return path


def check_raw_paths(cat: Catalog, root) -> None:
    """Raise WenxianError naming the article file whose `raw` capture is outside archive/,
    reached through a link, or missing, before any page is written (the files are read later,
    in worker processes)."""
    import os

    from ..errors import WenxianError

    folders: set = set()
    for a in cat.articles.values():
        try:
            path = _capture_path(root, a.meta["raw"], folders)
        except WenxianError as exc:
            raise WenxianError(a.path, f"raw capture {a.meta['raw']!r}: {exc.problem}") from None
        if not os.path.isfile(path):
            raise WenxianError(a.path, f"raw capture {a.meta['raw']!r} does not exist")


def raw_reader(root) -> Callable[[str], bytes]:
    """Reader of raw captures that refuses any path outside `archive/` or through a link (the
    frontmatter is editable, so `raw` is checked here as well as by `wenxian check`)."""
    from ..errors import WenxianError

    def read(raw: str) -> bytes:
        path = _capture_path(root, raw)
        try:
            with open(path, "rb") as f:
                return f.read()
        except OSError as exc:
            raise WenxianError(raw, f"raw capture cannot be read: {exc.strerror}") from None
    return read
