"""The pull-request summary: what was extracted for each new article, for reviewers.

Why: a reviewer of a contribution needs to see at a glance what the pipeline (and the
contributor's edits) made of each capture — title, date, source, regions, tags, damage — and
what looks like personal data in the raw file, without checking out the branch. CI writes this
Markdown to the job summary (scripts/pr_summary.py does the git and file I/O). All values come
from third parties or contributors, so every cell is escaped text.
"""
from __future__ import annotations

import re

from ..escape import escape_line
from ..ingest.personal import grouped
from ..value_checks import terminal

EDITABLE = ("title", "date", "source", "author", "region", "tags")


# What GitHub's Markdown turns into a link by itself (autolinks): scheme://, www., e-mail @.
_AUTOLINK = re.compile(r":(?=//)|(?<=www)\.|@", re.I)
_AUTOLINK_ENTITY = {":": "&#58;", ".": "&#46;", "@": "&#64;"}


def inert(text: str) -> str:
    """Any contributor text as one line of inert Markdown: characters that are not printable
    (control characters, ESC, bidi, zero-width, newlines) shown as escapes, so nothing starts
    a new block or reorders the line; Markdown and HTML escaped (no emphasis, code span,
    fence, link, image or tag); and the characters that make GitHub autolink a bare URL or an
    address replaced by their entities (shown the same, never a link)."""
    line = escape_line(terminal(" ".join(str(text).split())))
    return _AUTOLINK.sub(lambda m: _AUTOLINK_ENTITY[m.group()], line)


def cell(value) -> str:
    """One table cell: lists joined with 、, None as —, newlines flattened, made inert."""
    if value is None or value == []:
        return "—"
    if isinstance(value, list):
        value = "、".join(str(v) for v in value)
    return inert(value)


def region_names(region: list) -> list[str]:
    """The most specific name of each region path (`…/伊犁哈萨克自治州/特克斯县` → 特克斯县)."""
    out = []
    for r in region or []:
        path = r.get("path", "") if isinstance(r, dict) else str(r)
        out.append(path.split("/")[-1])
    return out


def damage(quality: dict | None) -> str:
    q = quality or {}
    parts = [f"{label} {q[k]}" for k, label in (("masked", "masked"), ("missing_numbers", "missing numbers"),
                                                  ("images", "images")) if q.get(k)]
    return ", ".join(parts) or "none"


def edited_fields(meta: dict, extracted: dict | None) -> list[str]:
    """Fields whose frontmatter value differs from what the pipeline extracts from the raw file."""
    if extracted is None:
        return []
    return [k for k in EDITABLE if meta.get(k) != extracted.get(k)]


def summary_markdown(new: list[dict], changed: list[str], problems: list[str], copies=()) -> str:
    """new: [{path, meta, extracted (dict or None), personal: [Finding]}]; changed: paths of
    modified articles; problems: lines of `wenxian check` for the new articles; copies: the new
    articles that are copies of archived ones (wenxian.reprints.index.CopyOf), which a reviewer
    accepts like any other (the site groups them) but should know about."""
    out = ["## New articles in this pull request", ""]
    if not new:
        out.append("No new article.")
    else:
        out += ["| id | title | date | source | regions | tags | damage | edited by hand | possible personal data |",
                "|---|---|---|---|---|---|---|---|---|"]
        for a in new:
            m = a["meta"]
            personal = [f"{g.where(3)}: {g.first.kind} {g.first.masked}" for g in grouped(a.get("personal", []))]
            out.append("| " + " | ".join([
                cell(m.get("id")), cell(m.get("title")), cell(m.get("date")), cell(m.get("source")),
                cell(region_names(m.get("region"))), cell(m.get("tags")), cell(damage(m.get("quality"))),
                cell(edited_fields(m, a.get("extracted"))), cell(personal)]) + " |")
    if copies:
        from ..reprints.index import relation_words
        out += ["", "### Copies of archived articles", ""]
        out += [f"- {inert(c.new)} is a copy of {inert(c.archived)}: {relation_words(c.relation)}, "
                f"{round(100 * c.similarity.containment)}% shared" for c in copies]
    if changed:
        out += ["", "### Articles changed", ""] + [f"- {inert(p)}" for p in changed]
    if problems:  # list items, never a fence: a problem quoting a value could close a fence
        out += ["", "### Problems found by `wenxian check`", ""] + [f"- {inert(p)}" for p in problems]
    return "\n".join(out) + "\n"
