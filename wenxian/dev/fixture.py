"""A capture turned into a golden-test fixture: the expectations pre-filled from extraction.

Why: the quickest useful extraction bug report is a failing test. `wenxian fixture PATH` copies
the capture into tests/fixtures/corpus/ with a `.expected.json` that says what the pipeline
extracts today (so the golden test passes as is); the contributor then corrects the fields that
are wrong, and the golden test fails exactly where the pipeline is wrong. Pure: takes the
extracted article, returns the data to write; the CLI writes the files.
"""
from __future__ import annotations

import re

from ..article import ExtractedArticle, body_text  # noqa: F401  (ExtractedArticle: annotations)

NOTE = ("Pre-filled by `wenxian fixture` from what the pipeline extracted. Correct every field "
        "that is wrong (title, date, source, script, must_keep, must_drop, counties, "
        "mentioned_places) and say here what the bug is.")


def body_lines(body: str) -> list[str]:
    """The capture's text of every body line (heading and image markers and escaping undone)."""
    text = body_text(body)
    return text.split("\n") if text else []


def _county(path: str) -> str | None:
    parts = path.split("/")
    return parts[2] if len(parts) >= 3 else None


def expectations(article: "ExtractedArticle") -> dict:
    """The `.expected.json` content for an extracted article (same keys as the corpus's)."""
    kept = body_lines(article["body"])
    kept_set = set(kept)
    drop, seen = [], set()
    for r in article["removed"]:
        text = r["text"].strip()
        if text and text not in kept_set and text not in seen:
            seen.add(text)
            drop.append(text)
    about = [r["path"] for r in article.get("region") or []]
    counties = []
    for path in about:
        county = _county(path)
        if county and county not in counties:
            counties.append(county)
    about_names = {name for path in about for name in path.split("/")}
    mentioned = []
    for p in article.get("places") or []:
        name = p["path"].split("/")[-1]
        if name not in about_names and name not in mentioned:  # other places than the article's own
            mentioned.append(name)
    return {"title": article["title"], "date": article["date"], "source": article["source"],
            "script": article["script"], "must_keep": kept, "must_drop": drop, "ambiguous": [],
            "counties": counties, "mentioned_places": mentioned, "notes": NOTE}


def source_record(article: dict, original_name: str, url: str | None) -> dict:
    """The `.source.json` provenance skeleton (the contributor fills in outlet and licence)."""
    return {"outlet": article["source"], "url": url, "original_name": original_name,
            "license": None, "capture": None, "truncated": False, "sha256": article["sha256"]}


def fixture_name(stem: str, existing: list[str], fallback: str) -> str:
    """`NN-slug`: the next free number after the existing fixtures and an ASCII slug of the
    capture's file name (the article id when the name has no ASCII letters or digits)."""
    numbers = [int(m.group(1)) for n in existing if (m := re.match(r"(\d+)-", n))]
    slug = re.sub(r"[^a-z0-9.]+", "-", re.sub(r"^\d+-", "", stem).lower()).strip("-.") or fallback
    return f"{max(numbers, default=0) + 1:02d}-{slug}"
