"""Safety properties of the pipeline on any input, shared by the fuzzer and the tests.

`check_capture` runs extract on arbitrary bytes and raises AssertionError when a property fails:
a WenxianError is the only allowed failure, and an accepted capture must yield an article whose
body is escaped text, whose values are inert (values.py) and whose file passes the schema.
"""
from __future__ import annotations

from .. import article
from .. import value_checks as values
from ..errors import WenxianError
from ..ingest.pipeline import extract


def check_capture(data: bytes, name: str = "fuzz.txt") -> str:
    """'rejected' or 'accepted'; AssertionError (or any other exception) is a finding."""
    try:
        art = extract(data, name)
    except WenxianError as exc:
        assert exc.path == name and exc.problem and "\n" not in exc.problem, repr(exc)
        return "rejected"
    from pathlib import Path

    from ..archive import render

    raw, _, md = render(Path(name), art, {})  # what `add` writes; WenxianError here is a finding
    back, body, _ = article.parse(md.decode("utf-8"))
    kept = {k: art.get(k) for k in article.FIELDS if k in art}
    assert {k: v for k, v in back.items() if k not in ("raw", "date")} == \
        {k: kept.get(k) for k in article.FIELDS if k not in ("raw", "date")}, "frontmatter does not round-trip"
    assert back["raw"] == raw and back["date"] in (art["date"], None)
    assert article.validate(back) == [], article.validate(back)
    assert list(article.unsafe_body_lines(body)) == [], "body line not escaped"
    for value in [art["title"], art["source"], *art["author"]]:
        assert value is None or values.text_problem(value) is None, (value, values.text_problem(value))
    return "accepted"


def check_frontmatter(text: str, path: str = "docs/articles/fuzz.md") -> str:
    """'refused' or 'published' for an article file's text; AssertionError (or any other
    exception) is a finding. `check`'s validation (article.problems) must answer without
    raising; the build must refuse exactly what it refuses; whatever it accepts must give a
    BibTeX entry with balanced braces, CSL-JSON, a CSV row and an Atom feed that parse."""
    import csv
    import io
    import json
    import xml.etree.ElementTree as ET

    from ..site import build, citation, exports
    from ..site.catalog import parse_article

    problems = article.problems(text)
    assert all(isinstance(n, int) and n >= 1 and isinstance(m, str) for n, m in problems), problems
    if problems:
        try:
            parse_article(path, text)
        except WenxianError:
            return "refused"
        raise AssertionError(f"the build accepts what check refuses: {problems[:2]}")
    a = parse_article(path, text)
    bib = citation.bibtex(a.meta, "https://x.example/")
    depth = 0
    for ch in bib:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        assert depth >= 0, bib
    assert depth == 0, bib
    json.loads(citation.csl_json(a.meta, "https://x.example/"))
    cat = build.catalog([(path, text)])
    rows = list(csv.reader(io.StringIO(exports.csv_text(cat, "https://x.example/").lstrip("\ufeff"))))
    assert len(rows) == 2 and not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in rows[1]), rows
    ET.fromstring(exports.atom(cat, "https://x.example/", "文献").encode("utf-8"))
    return "published"
