"""Every hostile capture and command-line value either fails cleanly (exit status, the file and
the problem named, nothing written) or becomes a safe article that `wenxian check` passes.

Cases are data (tests/hostile/cases.yml, cli_values.yml); captures are built at test time.
"""
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, line_of
from hostile.builders import BUILDERS, build
from wenxian import archive, article, cli

HERE = Path(__file__).resolve().parent / "hostile"
CASES = yaml.safe_load((HERE / "cases.yml").read_text("utf-8"))
CLI_VALUES = yaml.safe_load((HERE / "cli_values.yml").read_text("utf-8"))
SEED = sorted((FIXTURES / "seeds").glob("*.txt"))[0]


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "repo"
    assert cli.main(["add", str(SEED), "--root", str(root)]) == 0
    return root


def body_lines(md: Path) -> list[str]:
    _, body, _ = article.parse(md.read_text("utf-8"))
    text = article.body_text(body)
    return text.split("\n") if text else []


def test_every_builder_has_an_expectation():
    assert set(CASES) == set(BUILDERS)


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_capture(name, repo, tmp_path, capsys):
    fname, data = build(name)
    src = tmp_path / fname
    src.write_bytes(data)
    before = tree(repo)
    capsys.readouterr()
    status = cli.main(["add", str(src), "--root", str(repo)])
    out, err = capsys.readouterr()
    case = CASES[name]
    if "reject" in case:
        assert status != 0 and out == ""
        assert err.startswith(f"wenxian: {src}: ") and case["reject"] in err, err
        assert tree(repo) == before
        return
    assert status == 0, err
    added = sorted(set(tree(repo)) - set(before))
    md = [a for a in added if a.endswith(".md")]
    assert len(md) == 1 and len(added) == 3, added
    assert archive.check(repo) == []
    meta, _, _ = article.parse((repo / md[0]).read_text("utf-8"))
    assert (repo / meta["raw"]).read_bytes() == data  # byte-exact
    exp = case["accept"]
    if "encoding" in exp:
        assert meta["encoding"] == exp["encoding"]
    if "title" in exp:
        assert meta["title"] == exp["title"]
    lines = body_lines(repo / md[0])
    for keep in exp.get("keep", []):
        assert keep in lines
    if "warnings" in exp:
        assert any(exp["warnings"] in w for w in archive.invisible_warnings(repo))


@pytest.mark.parametrize("case", CLI_VALUES, ids=lambda c: " ".join(c["args"])[:40])
def test_hostile_command_line_value(case, repo, capsys):
    before = tree(repo)
    capsys.readouterr()
    other_seed = sorted((FIXTURES / "seeds").glob("*.txt"))[1]
    status = cli.main(["add", str(other_seed), "--root", str(repo), "=".join(case["args"])])
    out, err = capsys.readouterr()
    if "reject" in case:
        assert status == 2 and case["reject"] in err and err.startswith("wenxian: --"), err
        assert tree(repo) == before
        return
    assert status == 0, err
    assert archive.check(repo) == []
    given = case["args"][1]
    md = next(p for p in sorted(set(tree(repo)) - set(before)) if p.endswith(".md"))
    meta, _, _ = article.parse((repo / md).read_text("utf-8"))
    sidecar = yaml.safe_load((repo / meta["raw"]).with_suffix(".json").read_text("utf-8"))
    stored = sidecar["note"] if case["accept"] == "note" else meta[case["accept"]]
    assert stored == given


def test_bidi_override_in_title_is_kept_and_closed(repo, tmp_path, capsys):
    fname, data = build("bidi_and_zero_width")
    (tmp_path / fname).write_bytes(data)
    assert cli.main(["add", str(tmp_path / fname), "--root", str(repo)]) == 0
    md = next((repo / "docs" / "articles").glob("*.md"), None)
    metas = [article.parse(p.read_text("utf-8"))[0] for p in (repo / "docs" / "articles").glob("*.md")]
    title = next(m["title"] for m in metas if m["title"] and "zqxbidi1" in m["title"])
    assert title == "合作社\u202ezqxbidi1 带动增收\u200d\u200b致富\u202c"  # nothing deleted, override closed
    assert md is not None


def test_path_traversal_in_capture_names_writes_only_inside_the_repo(repo, tmp_path, capsys):
    outside = tmp_path / "outside"
    outside.mkdir()
    odd = outside / "..\n<script>zqxname1()<\\script>'; rm -rf ~.txt"
    odd.write_bytes(build("gb18030")[1])
    sneaky = str(outside / "x" / ".." / ".." / "outside" / odd.name)
    before_outside = tree(tmp_path / "outside")
    assert cli.main(["add", sneaky, "--root", str(repo), "--source", "../../../../zqxtrav1"]) == 1  # no such dir x
    assert cli.main(["add", str(odd), "--root", str(repo), "--source", "../../../../zqxtrav1"]) == 0
    assert tree(tmp_path / "outside") == before_outside
    assert all(not p.is_relative_to(repo) or ".." not in p.parts for p in tmp_path.rglob("*"))
    assert archive.check(repo) == []


def test_check_refuses_hostile_hand_edited_frontmatter(repo):
    md = next((repo / "docs" / "articles").glob("*.md"))
    meta, body, _ = article.parse(md.read_text("utf-8"))
    meta.update({"title": "标题\u202ezqx", "source": "来源\x1b[31m", "author": ["甲\u2067"],
                 "source_url": "javascript:zqx()", "date": "2019-01-01\n"})
    md.write_text(article.to_markdown(meta, body), "utf-8")
    rel = md.relative_to(repo).as_posix()
    bidi = "opens a bidi override/embedding/isolate without closing it (it would reorder the text after it)"
    at = lambda field: f"{rel}:{line_of(md, field)}"  # noqa: E731
    assert sorted(archive.check(repo)) == sorted([
        f"{at('title')}: 'title' {bidi}",
        f"{at('source')}: 'source' contains control character U+001B",
        f"{rel}:{line_of(md, 'author') + 1}: 'author'[0] {bidi}",  # the item's own line
        f"{at('source_url')}: 'source_url' is not an http(s) URL",
        f"{at('date')}: 'date' must be YYYY, YYYY-MM or YYYY-MM-DD (quoted) or null, got '2019-01-01\\n'",
    ])


def test_an_overlong_line_beside_an_article_is_removed_with_its_reason_not_refused():
    """A keyword-stuffing block or inlined data on one line must not cost the article: the
    line goes to `removed` with the limit named; a capture that is only such a line is refused
    (cases.yml: long_line_under_size_limit)."""
    from wenxian import datafiles as vocab
    from wenxian.ingest import limits, pipeline
    n = vocab.load("limits.yml")["max_line_chars"]
    article_lines = ["村里的合作社带动群众增收，今年每户收入比去年多了三千元。" * 3] * 4
    text = "\n".join(["标题：合作社带动增收", *article_lines, "关键词 " * (n // 3)]) + "\n"
    art = pipeline.extract(text.encode("utf-8"), "x.txt")
    assert article_lines[0] in art["body"]
    reasons = {r["line"]: r["reason"] for r in art["removed"]}
    assert reasons[6] == limits.overlong_reason()
    assert "关键词 关键词" not in art["body"]


def test_a_stray_control_character_in_a_long_text_is_left_out_and_reported():
    """A backspace copied from a page into a text capture is not a binary file: the article is
    extracted without it and the warning names it; a NUL is still refused (cases.yml)."""
    from wenxian.ingest import pipeline
    para = "村里的合作社带动群众增收，今年每户收入比去年多了三千元，合作社还办起了培训班。"
    text = "合作社带动增收_某某网\n合作社带动增收\n" + "\n".join([para] * 3 + ["记者\x08某某报道"] + [para] * 3) + "\n"
    art = pipeline.extract(text.encode("utf-8"), "x.txt")
    assert "\x08" not in art["body"] and para in art["body"]
    assert any("U+0008 on line 6" in w for w in art["warnings"])


def test_a_data_file_with_a_key_given_twice_is_refused(monkeypatch):
    """A rule list written twice under one entry of a data file (two `any:` keys) would lose its
    first half silently: the loader refuses it, naming the file and the line."""
    import pytest
    from wenxian import datafiles
    text = "- reason: dateline\n  any:\n    - 'a'\n  short:\n    - 'b'\n  any:\n    - 'c'\n"
    monkeypatch.setattr(datafiles, "read_text", lambda name: text)
    datafiles.load.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"wenxian/data/rules\.yml, line 6: duplicate key 'any'"):
            datafiles.load("rules.yml")
    finally:
        datafiles.load.cache_clear()
