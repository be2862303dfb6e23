"""The site's URL contract in one place (use_directory_urls: true).

Simplified-script pages live at the root and their traditional twins under `hant/`, whichever
script the article was written in. URLs here are site-relative without a leading slash
(`regions/654027000000/`); pages link to each other with relative links computed by `rel`, so
the site works under any base path and `mkdocs serve` alike.
"""
from __future__ import annotations


HANT_PREFIX = "hant/"


def in_script(url: str, script: str) -> str:
    """The URL of the page `url` (a simplified-script URL) in `script`."""
    return HANT_PREFIX + url if script == "hant" else url


def twin(url: str) -> str:
    """The URL of the other-script twin of any page URL."""
    return url[len(HANT_PREFIX):] if url.startswith(HANT_PREFIX) else HANT_PREFIX + url


def script_of(url: str) -> str:
    return "hant" if url.startswith(HANT_PREFIX) else "hans"


def src_uri(url: str) -> str:
    """The docs-relative file name that MkDocs turns into `url` (`regions/65/` ← `regions/65.md`)."""
    return url.rstrip("/") + ".md" if url.rstrip("/") not in ("", "hant") else url + "index.md"


def rel(from_url: str, to: str) -> str:
    """Relative link from page `from_url` to `to` (a page URL ending in `/`, or a file path).
    Same result as posixpath.relpath on the two paths, without its normalisation passes (this
    runs for every link of every generated page)."""
    base = [p for p in from_url.split("/") if p]
    target = to.split("/")
    is_dir = to.endswith("/") or to == ""
    parts = [p for p in target if p]
    common = 0
    for a, b in zip(base, parts):
        if a != b:
            break
        common += 1
    rest = parts[common:]
    out = "/".join([".."] * (len(base) - common) + rest)
    if not out:
        return "./" if is_dir else "."
    return out + "/" if is_dir else out


# The folder of all article pages (an article's page is `ARTICLES + id + "/"`).
ARTICLES = "articles/"


def article(aid: str) -> str:
    return f"articles/{aid}/"


# The folder of all region node pages (a node's page is `REGIONS + code + "/"`).
REGIONS = "regions/"


def region(code: str) -> str:
    return f"regions/{code}/"


# The reprints index, and the difference view of each copy against its group's reference
# (`VERSIONS + copy id + "/"`: a copy belongs to one group, so it has one such page; issue 20).
REPRINTS = "reprints/"
VERSIONS = "versions/"


def version(copy_id: str) -> str:
    return f"versions/{copy_id}/"


def topic(slug: str) -> str:
    return f"topics/{slug}/"


def source(slug: str) -> str:
    return f"sources/{slug}/"


def year(y: str) -> str:
    return f"timeline/{y}/"


def paged(url: str, n: int) -> str:
    """Page `n` of a paginated listing page `url` (page 1 is `url` itself): `topics/x/2/`."""
    return url if n == 1 else f"{url}{n}/"


def raw(aid: str) -> str:
    """The capture as UTF-8 text: itself for a text capture, the visible text of an HTML one."""
    return f"raw/{aid}.txt"


def raw_original(raw_path: str) -> str:
    """The original file of a capture holding HTML (page, WARC, WACZ, MHTML), offered as a
    download under the suffix of wenxian.ingest.kinds (never a live `.html` page on the site)."""
    from ..ingest.kinds import kind_of, split

    name = raw_path.rsplit("/", 1)[-1]
    return f"raw/{split(name)[0]}{kind_of(name).site_suffix}"


INDEXES = {"regions": "regions/", "topics": "topics/", "sources": "sources/", "timeline": "timeline/",
           "recent": "recent/", "map": "map/"}
EXPORTS = {"jsonl": "data/articles.jsonl.gz", "csv": "data/articles.csv", "feed": "feed.xml"}
