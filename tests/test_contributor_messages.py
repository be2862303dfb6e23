"""What the contributor's commands say (issue 21): `extract` names what each removed line was
and prints the body as the reader sees it; `check` names the right line in plain words, does
not repeat one problem as another, suggests the nearest tags and closes with a summary; `add`
documents its options, records today as the capture date by default and ends with a table of
what it stored."""
import datetime
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, line_of
from wenxian import cli, tags

BIN = Path(sys.executable).parent
XJDSB = FIXTURES / "corpus" / "15-xjdsb.com.txt"  # a Xinhua wire story reprinted by 新疆都市报


def wenxian(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "wenxian"), *map(str, args)], capture_output=True, text=True, cwd=cwd)


def test_extract_says_what_each_removed_header_line_was():
    report = wenxian("extract", XJDSB).stdout
    removed = report[report.index("removed:"):report.index("body:")]
    assert "removed:  (line numbers: lines of the capture)" in removed
    assert "   1  [outside the main text (navigation, header or footer)] 新疆都市报 > 扶贫 >" in removed
    assert "   3  [title as printed (cut short)] 新疆35万人次" in removed
    assert "   7  [dateline and original title] 新华社乌鲁木齐11月1日电题:" in removed
    assert "   9  [byline] 新华社记者孙少雄、贺占军" in removed
    assert "author:    孙少雄、贺占军" in report  # taken from the line now called a byline


def test_extract_of_a_page_numbers_its_html_source_lines():
    report = wenxian("extract", FIXTURES / "corpus-html" / "d01-xinhuanet-strike.html").stdout
    assert "removed:  (line numbers: lines of the page's HTML source)" in report
    assert "[dateline and byline] 2019-12-10 07:57:40 来源： 新华网" in report


def test_extract_prints_the_body_unescaped_but_terminal_safe(tmp_path):
    report = wenxian("extract", XJDSB).stdout
    body = report[report.index("\nbody:\n"):]
    assert "新疆能源(集团)有限责任公司" in body and "\\(" not in body
    cap = tmp_path / "c.txt"
    cap.write_text("某县召开驻村工作会议\n"
                   + "会议指出，要把群众的事情办好，推进产业发展（第一阶段*重点*任务）和就业帮扶，确保取得实效。\u202e反转\u202c\n" * 4,
                   "utf-8")
    body = wenxian("extract", cap).stdout.split("\nbody:\n", 1)[1]
    assert "（第一阶段*重点*任务）" in body and "\\*" not in body  # Markdown escapes undone
    assert "\u202e" not in body and "\\u202e" in body  # a bidi control is still shown as an escape


def test_extract_prints_empty_tags_as_empty_regions(tmp_path):
    cap = tmp_path / "c.txt"
    cap.write_text("会议通知\n" + "请各单位于本周五前将材料报送办公室，逾期不再受理，特此通知，请相互转告并按时参加。\n" * 3, "utf-8")
    report = wenxian("extract", cap).stdout
    assert "tags:      (none)" in report and "region:\n  (none)" in report and "None\n" not in report.split("tags:")[1][:20]


def repo_with_article(tmp_path) -> tuple[Path, Path]:
    root = tmp_path / "repo"
    assert cli.main(["add", str(XJDSB), "--root", str(root), "--captured", "2026-11-23"]) == 0
    return root, next((root / "docs" / "articles").glob("*.md"))


def test_check_names_the_line_of_an_unquoted_date_in_plain_words(tmp_path, capsys):
    root, md = repo_with_article(tmp_path)
    text = md.read_text("utf-8").replace("date: '2019-06-02'", "date: 2019-06-15")
    text = text.replace("captured: '2026-11-23'", "captured: 2026-11-23 08:30:00")
    md.write_text(text, "utf-8")
    capsys.readouterr()
    assert cli.main(["check", "--root", str(root)]) == 1
    out, err = capsys.readouterr()
    rel = f"docs/articles/{md.name}"
    assert out.splitlines() == [
        f"{rel}:{line_of(md, 'date')}: 'date' is an unquoted date; write it quoted: '2019-06-15'",
        f"{rel}:{line_of(md, 'captured')}: 'captured' is an unquoted date and time (2026-11-23 08:30:00); "
        "write the date alone, quoted: '2026-11-23'"]
    assert "datetime" not in out and line_of(md, "date") > 1
    assert err == "wenxian check: 1 article checked, 2 problems\n"


def test_invalid_yaml_is_one_problem_not_also_an_unreferenced_capture(tmp_path, capsys):
    root, md = repo_with_article(tmp_path)
    text = md.read_text("utf-8")
    md.write_text(text.replace("\ntitle: ", "\ntitle: [", 1), "utf-8")
    capsys.readouterr()
    assert cli.main(["check", "--root", str(root)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and "frontmatter not valid YAML" in out[0], out
    assert not any("no article references" in l for l in out)


def test_an_unknown_tag_gets_the_nearest_taxonomy_tags(tmp_path, capsys):
    root, md = repo_with_article(tmp_path)
    text = md.read_text("utf-8")
    text = re.sub(r"(?m)^tags:\n(?:- .*\n)+", "tags:\n- 扶贫\n- 访慧聚\n", text)
    md.write_text(text, "utf-8")
    capsys.readouterr()
    assert cli.main(["check", "--root", str(root)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("tag '扶贫' is not in the taxonomy (wenxian/data/taxonomy.yml); nearest tags: "
                           "精准扶贫, 扶贫车间, 产业扶贫, 电商扶贫, 光伏扶贫")
    assert out[1].endswith("tag '访慧聚' is not in the taxonomy (wenxian/data/taxonomy.yml); nearest tags: 访惠聚")
    names = tags.taxonomy().names()
    assert all(n in names for n in tags.nearest("扶贫") + tags.nearest("驻村工作组"))
    assert tags.nearest("驻村工作组")[0] == "驻村工作队"


def test_check_closes_with_a_one_line_summary(tmp_path):
    root, _md = repo_with_article(tmp_path)
    done = wenxian("check", "--root", root)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "wenxian check: 1 article checked, 0 problems\n")


def test_add_help_documents_every_option():
    text = wenxian("add", "--help").stdout
    for option in ("--url URL", "--source NAME", "--date YYYY[-MM[-DD]]", "--captured YYYY-MM-DD", "--note TEXT"):
        assert option in text
    flat = " ".join(text.split())
    assert "default: a web archive's record date, else today's local date" in flat
    assert "sidecar" in flat and "tracking parameters removed" in flat


def test_add_records_today_and_ends_with_a_table_of_what_it_stored(tmp_path):
    root = tmp_path / "repo"
    hostile = tmp_path / "c.txt"
    shutil.copy(XJDSB, hostile)
    done = wenxian("add", hostile, "--root", root, "--source", "新华社\u202e")
    assert done.returncode == 2 and "--source" in done.stderr  # a bidi control is refused, as before
    done = wenxian("add", hostile, "--root", root)
    assert done.returncode == 0, done.stderr
    today = datetime.date.today().isoformat()
    lines = done.stdout.splitlines()
    assert re.fullmatch(rf"{re.escape(str(hostile))}: added [0-9a-f]{{12}}", lines[0])
    assert lines[1:] == [
        "  title    新疆35万人次“访惠聚”干部5年接力驻村服务基层",
        "  date     2019-06-02",
        "  source   新华社",
        f"  captured {today}",
        "  regions  坎久干村、霍城县",
        "  tags     访惠聚、驻村工作队",
        "  removed  5 lines (wenxian extract lists them)",
        "  warnings (none)"]
    md = next((root / "docs" / "articles").glob("*.md")).read_text("utf-8")
    assert f"captured: '{today}'" in md
    sidecar = json.loads(next((root / "archive").rglob("*.json")).read_text("utf-8"))
    assert sidecar["captured"] == today


def test_the_table_is_terminal_safe_and_counts_warnings(tmp_path):
    cap = tmp_path / "c.txt"
    # a short capture with a number in it and a bidi override in its title (kept as source text)
    cap.write_text("某县通知\u202e标题\n联系电话13812345678\n", "utf-8")
    done = wenxian("add", cap, "--root", tmp_path / "repo", "--captured", "2026-11-23", "--date", "2019")
    assert done.returncode == 0, done.stderr
    table = done.stdout.splitlines()[1:]
    assert "\u202e" not in done.stdout and "\\u202e" in table[0]
    assert "  date     2019" in table and "  captured 2026-11-23" in table
    warn = next(l for l in table if l.startswith("  warnings"))
    assert "extraction warning" in warn and "1 possible personal data" in warn
