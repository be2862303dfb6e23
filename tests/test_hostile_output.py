"""Contributor values (tests/hostile/output_values.yml) stay inert wherever they are printed:
in the PR job summary, rendered as GitHub renders Markdown (tables, autolinks: markdown-it's
gfm-like preset), and on the terminal (`wenxian check` and `add`), where no control, bidi or
zero-width character, and no extra line, may come through."""
import os
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from conftest import FIXTURES
from wenxian import article, cli
from wenxian.dev import pr_summary as summary
from wenxian import value_checks as values

VALUES = yaml.safe_load((Path(__file__).resolve().parent / "hostile" / "output_values.yml").read_text("utf-8"))
SEED = sorted((FIXTURES / "seeds").glob("*.txt"))[2]


def visible_only(text: str) -> bool:
    return all(ch == "\n" or values._visible(ch) for ch in text)


@pytest.mark.parametrize("value", VALUES)
def test_job_summary_renders_values_as_plain_text(value):
    meta = {"id": value, "title": value, "date": value, "source": value, "region": [{"path": "新疆/" + value}],
            "tags": [value, value], "quality": {"masked": value, "images": value}}
    md = summary.summary_markdown([{"path": value, "meta": meta, "extracted": {"title": "x"}, "personal": []}],
                                  [value], [f"docs/articles/x.md:3: tag '{value}' is not in the taxonomy", value])
    html = MarkdownIt("gfm-like").render(md)
    assert html.count("<code") == 1  # ours: the heading's `wenxian check`
    for tag in ("<a ", "<img", "<pre", "<script", "<h1", "<hr", "<em", "<strong", "<del", "<blockquote"):
        assert tag not in html, (tag, html)
    assert html.count("<h2>") == 1 and html.count("<h3>") == 2 and html.count("<tr>") == 2, html
    assert html.count("<li>") == 3 and html.count("<td>") == 9, html
    assert visible_only(md)


def check_output(root: Path, capsys) -> tuple[int, str]:
    capsys.readouterr()
    status = cli.main(["check", "--root", str(root)])
    return status, capsys.readouterr().out


@pytest.mark.parametrize("value", VALUES)
def test_check_prints_each_value_escaped_on_one_line(value, tmp_path, capsys):
    root = tmp_path / "repo"
    assert cli.main(["add", str(SEED), "--root", str(root)]) == 0
    md = next((root / "docs" / "articles").glob("*.md"))
    meta, body, _ = article.parse(md.read_text("utf-8"))
    meta["tags"] = [value]
    meta["source"] = value
    md.write_text(article.to_markdown(meta, body), "utf-8")
    status, out = check_output(root, capsys)
    assert status == 1
    lines = out.splitlines()
    assert all(line.startswith(f"docs/articles/{md.name}:") for line in lines), out
    assert visible_only(out) and "\x1b" not in out and "\r" not in out


@pytest.mark.parametrize("name", ["换行\n名字.txt", "转义\x1b[2J\x1b[32mOK.txt", "右到左\u202etxt.exe.txt", "-rf.txt"])
def test_add_prints_file_names_escaped(name, tmp_path, capsys):
    src = tmp_path / "in" / name
    src.parent.mkdir()
    src.write_bytes(SEED.read_bytes())
    capsys.readouterr()
    assert cli.main(["add", "--root", str(tmp_path / "repo"), "--", str(src)]) == 0
    out, err = capsys.readouterr()
    assert visible_only(out) and visible_only(err) and len([l for l in out.splitlines() if not l.startswith("  ")]) == 1, (out, err)
    assert values.terminal(str(src)) in out


def test_a_file_name_that_is_not_utf8_is_added_from_a_folder(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"\xff\xfe\xb2\xe2.txt")  # GBK bytes, not UTF-8
    (folder / name).write_bytes(SEED.read_bytes())
    (folder / "second.txt").write_bytes(sorted((FIXTURES / "seeds").glob("*.txt"))[3].read_bytes())
    capsys.readouterr()
    assert cli.main(["add", "--root", str(tmp_path / "repo"), str(folder)]) == 0
    out, err = capsys.readouterr()
    assert len([l for l in out.splitlines() if not l.startswith("  ")]) == 2 and visible_only(out), out
    sidecars = [p.read_text("utf-8") for p in (tmp_path / "repo" / "archive").rglob("*.json")]
    assert any("\\\\xff\\\\xfe" in s for s in sidecars), sidecars
