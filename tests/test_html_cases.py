"""Table-driven saved-page cases (tests/cases/html_pages.yml), one per kind of extraction error;
`encoding` names the charset a case's page is written in (UTF-8 when absent)."""
from pathlib import Path

import pytest
import yaml

from wenxian import article
from wenxian.ingest import html_page
from wenxian.ingest.pipeline import extract
from wenxian.errors import DecodeError

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "html_pages.yml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_html_case(case):
    # (`encoding`: the page's bytes in the charset its meta names, as a saved GBK page is)
    art = extract(case["html"].encode(case.get("encoding", "utf-8")), "case.html")
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
    # nothing lost: every block of visible text is kept in the body or listed as removed
    accounted = text + "\n" + "\n".join(r["text"] for r in art["removed"])
    visible = [b.shown or b.text for b in html_page.read(case["html"]).blocks if b.tag != "img"]  # as printed
    assert [t for t in visible if t not in accounted] == []


def test_the_report_says_where_each_value_was_read():
    case = next(c for c in CASES if c["name"] == "date only in metadata (JSON-LD)")
    art = extract(case["html"].encode("utf-8"), "case.html")
    assert art["metadata_origin"]["date"] == "json-ld"
    assert art["metadata_origin"]["title"].startswith("visible")


def test_a_short_body_or_a_capture_mostly_removed_is_flagged():
    nav = "".join(f"<li><a href='/{i}'>栏目{i}新闻中心频道</a></li>" for i in range(60))
    page = f"<html><head><title>短讯</title></head><body><ul class='nav'>{nav}</ul><p>今天下雨。</p></body></html>"
    warnings = extract(page.encode("utf-8"), "short.html")["warnings"]
    assert any(w.startswith("short body") for w in warnings)
    paras = "".join(f"<p>第{i}段：村里的扶贫车间已经响起了缝纫机的声音，二十多名村民正在赶制一批出口订单，人均月收入超过两千元。</p>"
                    for i in range(5))
    long_page = f"<html><head><title>扶贫车间</title></head><body><h1>扶贫车间</h1><div>{paras}</div></body></html>"
    assert extract(long_page.encode("utf-8"), "long.html")["warnings"] == []


def test_control_characters_in_a_page_never_reach_the_article():
    """A page's stray C0/C1 control characters are no visible text (found by scripts/fuzz.py:
    a C1 character in the title made `add` refuse the article as one `check` would refuse)."""
    page = "<html><head><title>标题\x90正文\x08</title></head><body><p>村里的扶贫车间\x85已经响起了缝纫机的声音，二十多名村民正在赶制订单。</p></body></html>"
    art = extract(page.encode("utf-8"), "controls.html")
    for value in (art["title"] or "", art["body"]):
        assert not any(0x80 <= ord(c) <= 0x9f or ord(c) < 0x20 and c not in "\n\t" for c in value)


def test_control_characters_sprinkled_between_clauses_are_left_out_with_a_warning():
    """A content farm spoils copies with a control character between clauses (one in a hundred
    characters): the page is read, not refused as binary, and the article says what was left out;
    a NUL still means a binary file."""
    clause = ("五月的清晨，村里的扶贫车间已经响起了缝纫机的声音，二十多名村民正在赶制一批出口订单，车间负责人介绍，"
              "今年以来车间共吸纳附近农户四十余人就业\x06，二十多名村民正在赶制订单。")
    page = "<html><head><title>扶贫车间\x05开工</title></head><body><h1>扶贫车间开工</h1>"
    page += "".join(f"<p>{clause}第{i}段。</p>" for i in range(20)) + "</body></html>"
    art = extract(page.encode("utf-8"), "sprinkled.html")
    assert "二十多名村民正在赶制订单。" in art["body"]
    assert not any(ord(c) < 0x20 and c not in "\n\t" for c in art["body"])
    assert any("stray control character" in w for w in art["warnings"])
    with pytest.raises(DecodeError):
        extract(page.replace("\x06", "\x00").encode("utf-8"), "binary.html")


def test_a_link_wrapped_alone_in_an_inline_element_stays_in_its_sentence():
    """The visible text (the raw view of a saved page, the rendered captures) breaks a list of bare
    links into lines, never a sentence whose first word is a link inside a <span>."""
    page = ('<html><body><p><span><a href="/s">长周期地震波<svg width="10"><path d="M1"></path></svg></a></span>'
            '是周期大于一秒的地震波。</p><div><span><a href="/a">新闻</a></span><span><a href="/b">体育</a></span></div>'
            '</body></html>')
    assert html_page.visible_text(page).splitlines() == ["长周期地震波是周期大于一秒的地震波。", "新闻", "体育"]
