"""Citations of an article: BibTeX (biblatex @online), CSL-JSON and a GB/T 7714-2015 string.

What is cited is the article as published (title, authors, the outlet credited as its source,
publication date). Its URL and access date go together, as every citation style reads them:
- with an original URL (`source_url`): that URL (BibTeX `url`, a verbatim field, so written as it
  is, never with backslash escapes; CSL `URL`) and the capture date (`captured`), the day the
  original was accessed; the archive's permanent link is the archived copy (BibTeX `addendum`,
  CSL `archive` + `archive_location`);
- without one: the permanent link and the day the site was built (`access_date`: the day the
  page with this content was made, which a reader downloading it accessed; SOURCE_DATE_EPOCH
  fixes it for reproducible builds). Replace it with the day you read the page when you cite.

Values are third-party text: BibTeX special characters are escaped so that a title can never
open a group or a command. Braces become \\textbraceleft{} / \\textbraceright{}: BibTeX counts
every brace, backslash or not, so `\\{` alone would unbalance the entry. CSL-JSON is produced by
json.dumps. Dates are used only when valid (schema.date_problem), whatever the caller checked.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import re
from functools import lru_cache
from urllib.parse import urlsplit

from ..article import devised_title
from ..schema import date_problem

_BIB_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "%": r"\%", "&": r"\&", "$": r"\$",
                "#": r"\#", "_": r"\_", "^": r"\^{}", "~": r"\~{}"}
_BIB_RE = re.compile("|".join(re.escape(k) for k in _BIB_SPECIAL))


def bib_escape(text: str) -> str:
    return _BIB_RE.sub(lambda m: _BIB_SPECIAL[m.group(0)], " ".join(str(text).split()))


def web_url(url) -> str | None:
    """`url` when it is an http(s) URL without spaces, else None (never javascript: or data:)."""
    if isinstance(url, str) and url.lower().startswith(("http://", "https://")) and not any(c.isspace() for c in url):
        return url
    return None


def display_title(meta: dict, body: str = "") -> str:
    """The title shown for an article: its own, else a devised one in square brackets from its
    first words (article.devised_title), else [无标题]. Never written into `title`."""
    return meta.get("title") or devised_title(body) or "[无标题]"


@lru_cache(maxsize=1)
def access_date() -> str:
    """The day of this build (UTC), or of SOURCE_DATE_EPOCH when set: the access date of a
    citation whose URL is the archive's permanent link."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    when = _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc) if epoch.isdigit() else _dt.datetime.now(_dt.timezone.utc)
    return when.date().isoformat()


def _url_and_access(meta: dict, permalink: str) -> tuple[str, str | None, bool]:
    """(URL, its access date or None, whether the URL is the original)."""
    original = web_url(meta.get("source_url"))
    if original:
        return original, meta["captured"] if _valid_date(meta.get("captured")) else None, True
    return permalink, access_date(), False


# Characters a verbatim BibTeX field cannot hold as they are: braces (BibTeX counts them) and
# backslash; percent-encoded, which leaves the URL the same address.
_URL_UNSAFE = re.compile(r"[{}\\\s]")


def _bib_url(url: str) -> str:
    return _URL_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), url)


def bibtex(meta: dict, url: str, body: str = "") -> str:
    """biblatex @online entry; `url` is the archive's permanent link."""
    link, accessed, original = _url_and_access(meta, url)
    fields = [("title", display_title(meta, body))]
    if meta.get("author"):
        fields.append(("author", " and ".join("{" + bib_escape(a) + "}" for a in meta["author"])))
    if meta.get("source"):
        fields.append(("organization", meta["source"]))
    if _valid_date(meta.get("date")):
        fields.append(("date", meta["date"]))
    fields.append(("url", link))
    if accessed:
        fields.append(("urldate", accessed))
    if original:
        fields.append(("addendum", "存档：" + url))
    fields.append(("langid", "chinese"))
    lines = [f"@online{{wenxian-{meta['id']},"]
    for key, value in fields:
        value = value if key == "author" else _bib_url(value) if key == "url" else bib_escape(value)
        lines.append(f"  {key} = {{{value}}},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _valid_date(value) -> bool:
    return value is not None and date_problem(value) is None


def _date_parts(value: str) -> dict:
    return {"date-parts": [[int(p) for p in value.split("-")]]}


def csl_json(meta: dict, url: str, body: str = "") -> str:
    """CSL-JSON item; `url` is the archive's permanent link."""
    link, accessed, original = _url_and_access(meta, url)
    item = {"id": f"wenxian-{meta['id']}", "type": "article-newspaper", "title": display_title(meta, body),
            "URL": link, "language": "zh-Hant" if meta.get("script") == "hant" else "zh-Hans"}
    if meta.get("author"):
        item["author"] = [{"literal": a} for a in meta["author"]]
    if meta.get("source"):
        item["container-title"] = meta["source"]
    if original and site_name(link) and site_name(link) != meta.get("source"):
        item["publisher"] = site_name(link)
    if _valid_date(meta.get("date")):
        item["issued"] = _date_parts(meta["date"])
    if accessed:
        item["accessed"] = _date_parts(accessed)
    if original:
        item["archive"] = site_name(url) or url
        item["archive_location"] = url
    # one field a line, each value compact (the date parts on one line): as readable as an
    # indented dump at a third of its size (it is shown on both twins of every article page)
    fields = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in item.items())
    return "[{\n" + fields + "\n}]\n"


def site_name(url: str | None) -> str | None:
    """The publishing site of a URL, named by its host (`www.xinhuanet.com`)."""
    if not web_url(url):
        return None
    try:
        return urlsplit(url).hostname or None
    except ValueError:
        return None


def gbt7714(meta: dict, url: str, body: str = "") -> str:
    """The reference as GB/T 7714-2015 writes an electronic resource (电子资源, [EB/OL]):
    主要责任者. 题名[EB/OL]. 出版者, (发表日期)[引用日期]. 获取和访问路径.
    Authors beyond three become 等; the outlet is the 出版者; the URL and 引用日期 are the pair
    described at the top of this module."""
    link, accessed, _ = _url_and_access(meta, url)
    authors = [" ".join(str(a).split()) for a in meta.get("author") or []]
    head = ", ".join(authors[:3]) + (", 等" if len(authors) > 3 else "")
    out = (head + ". " if head else "") + " ".join(display_title(meta, body).split()) + "[EB/OL]. "
    source = " ".join(str(meta.get("source") or "").split())
    date = f"({meta['date']})" if _valid_date(meta.get("date")) else ""
    out += (source + (", " if date else "") if source else "") + date
    out += f"[{accessed}]" if accessed else ""
    return out.rstrip() + ". " + link + "."
