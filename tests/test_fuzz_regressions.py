"""Inputs found by scripts/fuzz.py, kept as table-driven regression cases, plus a short
property run of the same safety properties (wenxian/dev/safety_properties.py) on every test run."""
import base64
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from wenxian.dev.safety_properties import check_capture

CASES = yaml.safe_load((Path(__file__).resolve().parent / "hostile" / "fuzz_regressions.yml").read_text("utf-8")) or []


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["base64"][:16])
def test_fuzz_finding_stays_fixed(case):
    assert check_capture(base64.b64decode(case["base64"]), case["name"]) in ("accepted", "rejected")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2048) | st.text(max_size=300).map(lambda t: t.encode("utf-8")), st.sampled_from(["a.txt", "a.html"]))
def test_any_bytes_are_rejected_cleanly_or_become_a_safe_article(data, name):
    check_capture(data, name)
