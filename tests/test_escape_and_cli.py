import json
import subprocess
import sys

from hypothesis import given, strategies as st
import markdown

from wenxian.ingest.clean import split_lines
from wenxian.escape import escape_line, unescape_line
from wenxian.ingest.pipeline import extract


def test_masked_asterisks_render_literally():
    line = "*组书记鱼智栋给结对亲戚宣讲*的惠民*策"
    html = markdown.markdown(escape_line(line))
    assert html == f"<p>{line}</p>"


def test_script_tag_renders_as_text():
    html = markdown.markdown(escape_line("<script>alert(1)</script>"))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_line_start_markers_do_not_become_structure():
    for line in ["# 标题", "1. 第一", "> 引用", "| a | b |", "---", "- 项目", "+ 加"]:
        html = markdown.markdown(escape_line(line))
        assert html.startswith("<p>") and "<h1>" not in html and "<ol>" not in html and "<hr" not in html


@given(st.text())
def test_unescape_inverts_escape(s):
    assert unescape_line(escape_line(s)) == s


@given(st.text(alphabet=st.sampled_from(list("新疆村民，。*#<>&\n 年元余资料图责任编辑：首页12-_"))))
def test_extract_accounts_for_every_line_in_order(text):
    art = extract(text.encode("utf-8")) if text.strip() else None
    if art is None:
        return
    lines = [l.text for l in split_lines(text)]
    body = [unescape_line(b.strip().removeprefix("## ").removeprefix("〔图片〕")) for b in art["body"].split("\n\n") if b.strip()]
    assert len(body) + len(art["removed"]) == len(lines)
    it = iter(lines)
    assert all(any(b == l for l in it) for b in body)  # body lines appear in input order


def test_cli_json_has_the_documented_keys(tmp_path):
    cap = tmp_path / "a.txt"
    cap.write_text("标题一则_某某网\n天山网讯 记者报道，村民通过转移就业增收。\n责任编辑：张三\n", "utf-8")
    out = subprocess.run([sys.executable, "-m", "wenxian.cli", "extract", str(cap), "--json"], capture_output=True, text=True, check=True)
    art = json.loads(out.stdout)
    assert {"id", "title", "date", "source", "source_url", "author", "script", "encoding", "region", "places",
            "tags", "quality", "body", "removed"} <= set(art)
    assert art["source"] == "天山网" and art["title"] == "标题一则"
    assert {"line": 3, "text": "责任编辑：张三", "reason": "editor credit"} in art["removed"]


def test_cli_unreadable_input_exit_2(tmp_path):
    cap = tmp_path / "empty.txt"
    cap.write_bytes(b"")
    out = subprocess.run([sys.executable, "-m", "wenxian.cli", "extract", str(cap)], capture_output=True, text=True)
    assert out.returncode == 2 and out.stderr == f"wenxian: {cap}: empty file\n"


def test_cli_add_batch_skips_a_bad_file_and_reports_it(tmp_path):
    from conftest import FIXTURES
    good = FIXTURES / "seeds" / "001_7ed895f22b20ce29.txt"
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    out = subprocess.run([sys.executable, "-m", "wenxian.cli", "add", str(bad), str(good), "--root", str(tmp_path / "repo")],
                         capture_output=True, text=True)
    assert out.returncode == 1
    assert out.stderr == f"wenxian: {bad}: empty file\nwenxian: 1 of 2 file(s) failed\n"
    assert [l for l in out.stdout.splitlines() if not l.startswith("  ")] == [f"{good}: added d9cb1d3fb748"]
    assert not list((tmp_path / "repo").rglob(".tmp-*"))
