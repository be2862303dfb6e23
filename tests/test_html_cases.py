"""Table-driven saved-page cases (tests/cases/html_pages.yml), one per kind of extraction error."""
from pathlib import Path

import pytest
import yaml

from wenxian import article
from wenxian.pipeline import extract

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "html_pages.yml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_html_case(case):
    art = extract(case["html"].encode("utf-8"), "case.html")
    blocks = article.body_blocks(art["body"])
    text = "\n".join(t for _p, t in blocks)
    for key, value in (case.get("expect") or {}).items():
        assert art[key] == value, key
    for snippet in case.get("keep", []):
        assert snippet in text
    for snippet in case.get("drop", []):
        assert snippet not in text
    headings = {t for p, t in blocks if p == "## "}
    for line in case.get("headings", []):
        assert line in headings
    for line in case.get("not_headings", []):
        assert line not in headings and line in text
    # every visible block is accounted for: kept in the body or removed with a reason
    assert all(r["reason"] for r in art["removed"])
