"""Place names where the extractor meets them in credits: a dateline's place run on after a
reporter's name, a place printed where an outlet could stand (meta.is_place_name,
meta.credited_authors)."""
import pytest

from wenxian.ingest import meta


@pytest.mark.parametrize("text", ["香港", "北京", "花蓮", "雲林縣", "台北市", "吉隆坡", "清萊"])
def test_a_place_where_an_outlet_could_stand_is_no_outlet(text):
    assert meta.is_place_name(text)


@pytest.mark.parametrize("text", ["", "中", "新华社", "乌鲁木齐晚报", "花蓮日報", "吉隆坡时报", "李明乌鲁",
                                  "青山镇", "某某县"])  # (来源：青山镇: the town's government)
def test_an_outlet_or_a_body_named_after_a_place_is_no_place(text):
    assert not meta.is_place_name(text)


@pytest.mark.parametrize("text", ["乌鲁木齐", "乌鲁木齐市报道", "石河子市", "台灣花蓮", "新疆乌鲁木齐"])
def test_a_dateline_opens_with_a_place_with_or_without_its_suffix(text):
    assert meta.opens_with_place(text)


@pytest.mark.parametrize("credit, names", [
    ("记者李明乌鲁木齐报道", ["李明"]),
    ("记者李明新疆乌鲁木齐报道", ["李明"]),
    ("记者欧阳明北京报道", ["欧阳明"]),
    ("记者张华山东报道", ["张华"]),
    ("（某某时报记者王某生台湾花莲报导）", ["王某生"]),
    ("记者陈静吉隆坡报道", ["陈静"]),
    ("记者李明报道", ["李明"]),  # no place: the name as read
    ("记者 彭冲 山东冠县报道", ["彭冲"]),
])
def test_a_name_run_on_into_the_place_reported_from_ends_where_the_place_opens(credit, names):
    assert meta.credited_authors(credit) == names


def test_an_editor_credited_with_the_outlets_short_name_is_no_writer():
    assert meta.credited_authors("每经记者 陈某　每经编辑 何某桃") == ["陈某"]
