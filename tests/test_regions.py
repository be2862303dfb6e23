"""Region recognition: table-driven cases (tests/cases/region_cases.yml) and the annotated corpus."""
from pathlib import Path

import pytest
import yaml

from conftest import annotated_captures
from wenxian.places import gazetteer
from wenxian.places import regions
from wenxian.ingest.pipeline import extract

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "region_cases.yml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_region_case(case):
    found = regions.recognize(case["text"], case.get("title"))
    assert sorted(r["path"] for r in found["region"]) == sorted(case["region"])
    places = {p["path"]: p["mentions"] for p in found["places"]}
    if "places" in case:
        if case["places"] == []:
            assert places == {}
        for want in case["places"]:
            path, count = next(iter(want.items())) if isinstance(want, dict) else (want, None)
            assert path in places and count in (None, places[path]), (path, places)
    assert not set(case.get("not_places", [])) & set(places)


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
    gaz = gazetteer.load()
    out = set()
    for r in region:
        natural = gaz.lookup_path(r["path"])
        if r["level"] == "prefecture":
            out.add(gaz.name(natural))
        elif r["level"] != "province":
            out.add(gaz.name(gaz.county_of(natural) if len(natural) > 6 else natural))
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


def test_extract_report_lists_region_and_places(tmp_path, capsys):
    from wenxian.cli import main

    cap = tmp_path / "a.txt"
    cap.write_text("工作队入驻_某某网\n自治区工作队驻特克斯县喀拉托海镇，帮助村民转移到江苏南京就业。\n", "utf-8")
    assert main(["extract", str(cap)]) == 0
    out = capsys.readouterr().out
    assert "region:\n  新疆维吾尔自治区/伊犁哈萨克自治州/特克斯县/喀拉托海镇  (township 654027104000)\n" in out
    assert "    1x 江苏省/南京市  (prefecture 320100000000)\n" in out


def test_comparable_names_the_county_of_deeper_levels():
    assert comparable([{"path": "北京市/东城区/东华门街道", "level": "township"},
                       {"path": "新疆维吾尔自治区/乌鲁木齐市/乌鲁木齐县/甘沟乡/东风村", "level": "village"},
                       {"path": "广东省/中山市", "level": "prefecture"}]) == {"东城区", "乌鲁木齐县", "中山市"}


def test_municipal_districts_roll_up_to_a_unit_that_exists():
    """天津市's districts have no prefecture level in the data (no 1201 市辖区): rolling a district up
    to the prefecture level must land on a unit that exists (天津市), not on a missing code (a
    KeyError on pages naming several Tianjin districts once)."""
    from wenxian.places import gazetteer
    from wenxian.places import regions
    gaz = gazetteer.load()
    district = next(c for c in gaz.units if len(c) == 6 and c.startswith("1201"))
    unit = regions.unit_at(gaz, district, 4)
    assert unit in gaz.units and gaz.entry(unit)["path"] == "天津市"
