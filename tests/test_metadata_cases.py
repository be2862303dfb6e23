"""Table-driven text-capture cases (tests/cases/metadata.yml): one rule per case, named after the
kind of error it guards against, run through the whole pipeline so that cleaning and metadata
interact as in real captures. `keep` / `drop`: lines that must / must not be in the body (a
keep line of up to three characters: as a block of its own);
`not_headings`: kept lines that must be paragraphs, not `##` sub-headings."""
from pathlib import Path

import pytest
import yaml

from wenxian import article
from wenxian.ingest.pipeline import extract

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "metadata.yml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_metadata_case(case):
    art = extract("\n".join(case["lines"]).encode("utf-8"), f"{case['id']}.txt")
    for key in ("title", "source", "date", "author"):
        if key in case:
            assert art[key] == case[key], key
    blocks = [t for _p, t in article.body_blocks(art["body"])]
    text = "\n".join(blocks)
    for line in case.get("keep", []):
        # (a line of one to three characters, 大 in a primer, must be a block of its own)
        assert (line in text) if len(line) > 3 else (line in blocks), line
    for line in case.get("drop", []):
        assert line not in text, line
    for line in case.get("not_headings", []):
        assert line in text and f"## {line}" not in art["body"], line
