"""Table-driven metadata cases (tests/cases/metadata.yml): one rule of wenxian.meta per case,
run through the whole pipeline so that cleaning and metadata interact as in real captures."""
from pathlib import Path

import pytest
import yaml

from wenxian.pipeline import extract

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "metadata.yml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_metadata_case(case):
    art = extract("\n".join(case["lines"]).encode("utf-8"), f"{case['id']}.txt")
    for key in ("title", "source", "date"):
        if key in case:
            assert art[key] == case[key], key
