"""Citations of an article: BibTeX (biblatex @online) and CSL-JSON, with the permanent URL.

Values are third-party text: BibTeX special characters are escaped so that a title can never
open a group or a command. Braces become \\textbraceleft{} / \\textbraceright{}: BibTeX counts
every brace, backslash or not, so `\\{` alone would unbalance the entry. CSL-JSON is produced by
json.dumps. Dates are used only when valid (schema.date_problem), whatever the caller checked.
"""
from __future__ import annotations

import json
import re

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


def display_title(meta: dict) -> str:
    return meta.get("title") or f"无标题 {meta['id']}"


def bibtex(meta: dict, url: str) -> str:
    fields = [("title", display_title(meta))]
    if meta.get("author"):
        fields.append(("author", " and ".join("{" + bib_escape(a) + "}" for a in meta["author"])))
    if meta.get("source"):
        fields.append(("organization", meta["source"]))
    if _valid_date(meta.get("date")):
        fields.append(("date", meta["date"]))
    fields.append(("url", url))
    if _valid_date(meta.get("captured")):
        fields.append(("urldate", meta["captured"]))
    if web_url(meta.get("source_url")):
        fields.append(("note", "原始网址 " + meta["source_url"]))
    fields.append(("langid", "chinese"))
    lines = [f"@online{{wenxian-{meta['id']},"]
    for key, value in fields:
        value = value if key == "author" else bib_escape(value)
        lines.append(f"  {key} = {{{value}}},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _valid_date(value) -> bool:
    return value is not None and date_problem(value) is None


def _date_parts(value: str) -> dict:
    return {"date-parts": [[int(p) for p in value.split("-")]]}


def csl_json(meta: dict, url: str) -> str:
    item = {"id": f"wenxian-{meta['id']}", "type": "article-newspaper", "title": display_title(meta),
            "URL": url, "language": "zh-Hant" if meta.get("script") == "hant" else "zh-Hans"}
    if meta.get("author"):
        item["author"] = [{"literal": a} for a in meta["author"]]
    if meta.get("source"):
        item["container-title"] = meta["source"]
    if _valid_date(meta.get("date")):
        item["issued"] = _date_parts(meta["date"])
    if _valid_date(meta.get("captured")):
        item["accessed"] = _date_parts(meta["captured"])
    if web_url(meta.get("source_url")):
        item["note"] = "原始网址 " + meta["source_url"]
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"
