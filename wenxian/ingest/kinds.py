"""Capture kinds: the one table of the file suffixes wenxian accepts.

`add`, `extract`, `fixture`, `check` and the site all read it here, so that a new kind is one
row. A capture is archived under its real suffix (`archive/<id[:2]>/<id><suffix>`, byte-exact).
On the site, a capture that holds HTML (a saved page, a web archive) is offered as a download
under `raw/<id><site_suffix>`: never as an `.html` file, so that third-party HTML is not served
as a live page on the site's origin; `.bin` makes static hosts send it as a download
(application/octet-stream), and the link's `download` attribute gives back the original name.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    suffix: str        # as archived, lower case
    family: str        # text | html | warc | wacz | mhtml
    media_type: str    # media type of the original file (the download link's `type`)
    site_suffix: str   # suffix of the original file on the site; '' = the text itself is the original
    label: str         # name of the kind in the article's metadata table


KINDS = (
    Kind(".txt", "text", "text/plain", "", "纯文本"),
    Kind(".html", "html", "text/html", ".html.bin", "网页"),
    Kind(".htm", "html", "text/html", ".htm.bin", "网页"),
    Kind(".warc.gz", "warc", "application/warc", ".warc.gz", "WARC"),
    Kind(".warc", "warc", "application/warc", ".warc", "WARC"),
    Kind(".wacz", "wacz", "application/wacz", ".wacz", "WACZ"),
    Kind(".mhtml", "mhtml", "multipart/related", ".mhtml.bin", "MHTML"),
    Kind(".mht", "mhtml", "multipart/related", ".mht.bin", "MHTML"),
)
SUFFIXES = tuple(k.suffix for k in KINDS)
# Families whose file is a container: the article comes from the HTML page it holds.
WEB_ARCHIVES = ("warc", "wacz", "mhtml")


def kind_of(name: str) -> Kind | None:
    """The kind of a file name or path by its suffix (longest match, any case), or None."""
    low = name.lower()
    found = [k for k in KINDS if low.endswith(k.suffix)]
    return max(found, key=lambda k: len(k.suffix)) if found else None


def split(name: str) -> tuple[str, str]:
    """(stem, suffix) with the capture suffix `.warc.gz` counted whole: 'ab.warc.gz' -> ('ab', '.warc.gz').
    Names of no known kind split at their last dot."""
    kind = kind_of(name)
    if kind is not None:
        return name[: len(name) - len(kind.suffix)], kind.suffix
    stem, dot, ext = name.rpartition(".")
    return (stem, dot + ext) if dot and stem else (name, "")


def is_web_archive(name: str) -> bool:
    kind = kind_of(name)
    return kind is not None and kind.family in WEB_ARCHIVES


def holds_html(name: str) -> bool:
    kind = kind_of(name)
    return kind is not None and kind.family != "text"


def is_page(name: str) -> bool:
    """A saved web page itself (not a container holding one)."""
    kind = kind_of(name)
    return kind is not None and kind.family == "html"
