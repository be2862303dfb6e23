"""Article bodies as HTML, cached on disk by content.

The body is the only part of a generated page that is Markdown (escaped text, docs/architecture.md "Data model");
everything else the site generator writes is finished HTML. Converting a body means an OpenCC
twin conversion plus a Python-Markdown pass, the largest per-article cost of a build, so the
result is kept under `.cache/` keyed by a hash of everything it depends on (body, script of the
original, target script, Markdown settings, this module's VERSION, `inputs_digest()`): a rebuild after adding one
article converts one body per script, not all of them.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Callable

import markdown

from .. import cachefile
from .article_page import body_markdown, place_names
from .catalog import Article

# Bump when body_markdown or the HTML it leads to changes, so old cache entries are not used.
VERSION = "3"  # 2: entries carry a digest (cachefile); 3: missing numbers marked


def inputs_digest() -> str:
    """What a body's HTML depends on besides its text and settings: the code that turns it into
    Markdown and HTML (this package's modules on that path), the data it reads (conversion
    overrides, masked-character pattern) and the versions of OpenCC, Python-Markdown and
    pymdown-extensions. A change to any of them gives new cache keys, so no stale body is used."""
    from .. import article, escape, script
    from .. import datafiles
    from ..cachefile import source_digest
    from . import article_page, twins

    return source_digest((article, escape, script, datafiles, article_page, twins), data=("conversion_overrides.yml", "damage.yml", "place_name_chars.yml"),
                         versions=("opencc", "markdown", "pymdown-extensions"))


def _stable(value: object) -> str:
    """A setting as the same text in every process: a function by its dotted name (str() of a
    function holds its address, which would make every cache key new in each build)."""
    if callable(value) and hasattr(value, "__qualname__"):
        return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
    return str(value)


def heading_anchor(value: str, separator: str) -> str:
    """The `slugify` of the toc extension (mkdocs.yml): no text of the heading, so that every
    heading gets a positional id (_1, _2…, as Chinese headings always had: the default slug
    keeps only ASCII). An id made of contributor text could name one of the page's own anchors
    (#cite, #wx-raw-text) and take its links over, or carry the text into an attribute."""
    return ""


def markdown_converter(extensions: list, configs: dict | None = None) -> Callable[[str], str]:
    """Markdown → HTML with the site's extensions, one Markdown instance reused (reset per text)."""
    md = markdown.Markdown(extensions=extensions, extension_configs=configs or {})

    def convert(text: str) -> str:
        md.reset()
        return md.convert(text)
    return convert


def renderer(to_html: Callable[[str], str], cache_dir: Path | None, settings: object = None) -> Callable[[Article, str], str]:
    """`body_html(article, script)` for article_page.render; with `cache_dir`, results are read
    from and written to it (atomic writes, so an interrupted build leaves no torn entry)."""
    salt = json.dumps([VERSION, settings, inputs_digest()], sort_keys=True, default=_stable)
    made: set[Path] = set()

    def body_html(a: Article, script: str) -> str:
        if cache_dir is None:
            return to_html(body_markdown(a, script))
        key = hashlib.sha256("\0".join((salt, a.script, script, a.body, *place_names(a))).encode("utf-8")).hexdigest()
        path = cache_dir / key[:2] / (key + ".html")
        html = cachefile.read(path, key)  # a garbage or edited entry is a miss, rebuilt below
        if html is not None:
            return html
        html = to_html(body_markdown(a, script))
        cachefile.write(path, key, html, made)  # 256 folders: one mkdir each per process
        return html
    return body_html
