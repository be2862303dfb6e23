"""Region recognition: table-driven cases (tests/region_cases.yml) and the annotated corpus."""
from pathlib import Path

import pytest
import yaml

from conftest import annotated_captures
from wenxian import regions
from wenxian.pipeline import extract

CASES = yaml.safe_load((Path(__file__).parent / "region_cases.yml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_region_case(case):
    found = regions.recognize(case["text"], case.get("title"))
    assert sorted(r["path"] for r in found["region"]) == sorted(case["region"])
    places = {p["path"] for p in found["places"]}
    if "places" in case:
        if case["places"] == []:
            assert places == set()
        assert set(case["places"]) <= places
    assert not set(case.get("not_places", [])) & places


def test_region_items_carry_code_level_count_and_first_position():
    text = "工作队驻特克斯县喀拉托海镇，特克斯县的牧民。"
    found = regions.recognize(text)
    assert found["region"] == [{"path": "新疆维吾尔自治区/伊犁哈萨克自治州/特克斯县/喀拉托海镇",
                                "code": "654027104000", "level": "township", "mentions": 1, "first": 8}]
    county = next(p for p in found["places"] if p["level"] == "county")
    assert (county["code"], county["mentions"], county["first"]) == ("654027000000", 2, 4)


def comparable(region: list[dict]) -> set[str]:
    """County-level names of a region list (prefecture names where it stops at prefectures), as
    the corpus annotations list them."""
    out = set()
    for r in region:
        parts = r["path"].split("/")
        if r["level"] == "prefecture":
            out.add(parts[-1])
        elif r["level"] in ("county", "township", "village"):
            # municipalities have no prefecture level: 北京市/东城区
            out.add(parts[2] if len(parts) > 2 and r["level"] != "county" or len(parts) == 3 else parts[-1])
    return out


def test_corpus_counties_recall_and_precision():
    tp = fp = fn = 0
    for cap, exp in annotated_captures():
        art = extract(cap.read_bytes(), str(cap))
        got, want = comparable(art["region"]), set(exp.get("counties") or [])
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
        if got != want:
            print(f"{cap.name}: missing {sorted(want - got)}, extra {sorted(got - want)}")
    recall, precision = tp / (tp + fn), tp / (tp + fp)
    print(f"county-level recall {recall:.3f} ({tp}/{tp + fn}), precision {precision:.3f} ({tp}/{tp + fp})")
    assert recall >= 0.95 and precision >= 0.85
