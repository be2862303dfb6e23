"""Safety properties of the pipeline on any input, shared by the fuzzer and the tests.

`check_capture` runs extract on arbitrary bytes and raises AssertionError when a property fails:
a WenxianError is the only allowed failure, and an accepted capture must yield an article whose
body is escaped text, whose values are inert (values.py) and whose file passes the schema.
"""
from __future__ import annotations

from . import article, values
from .errors import WenxianError
from .pipeline import extract


def check_capture(data: bytes, name: str = "fuzz.txt") -> str:
    """'rejected' or 'accepted'; AssertionError (or any other exception) is a finding."""
    try:
        art = extract(data, name)
    except WenxianError as exc:
        assert exc.path == name and exc.problem and "\n" not in exc.problem, repr(exc)
        return "rejected"
    meta = {k: art[k] for k in article.FIELDS if k in art}
    meta["raw"] = f"archive/{art['id'][:2]}/{art['id']}.txt"
    back, body, _ = article.parse(article.to_markdown(meta, art["body"]))
    assert back == {k: meta.get(k) for k in article.FIELDS}, "frontmatter does not round-trip"
    assert article.validate(back) == [], article.validate(back)
    assert list(article.unsafe_body_lines(body)) == [], "body line not escaped"
    for value in [art["title"], art["source"], *art["author"]]:
        assert value is None or values.text_problem(value) is None, (value, values.text_problem(value))
    return "accepted"
