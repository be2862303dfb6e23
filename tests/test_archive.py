"""`wenxian add` and `wenxian check` on a temporary archive built from real seed captures."""
import shutil
from pathlib import Path


from wenxian import archive, article
from conftest import FIXTURES, line_of

SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))


def make_archive(tmp_path: Path) -> list[str]:
    return [archive.add(tmp_path, s, {"captured": "2026-11-23"})[0] for s in SEEDS[:3]]


def test_add_is_idempotent_and_check_passes(tmp_path):
    ids = make_archive(tmp_path)
    assert [archive.add(tmp_path, s, {})[1] for s in SEEDS[:3]] == ["unchanged"] * 3
    assert archive.check(tmp_path) == []
    for aid, seed in zip(ids, SEEDS):
        assert (tmp_path / archive.raw_path(aid, ".txt")).read_bytes() == seed.read_bytes()


def test_check_reports_each_deliberate_fault(tmp_path):
    a, b, c = make_archive(tmp_path)
    arts = tmp_path / "docs" / "articles"
    # bad date and unknown field in a
    meta, body, _ = article.parse((arts / f"{a}.md").read_text("utf-8"))
    meta["date"] = "2019-13-01"
    text = article.to_markdown(meta, body).replace("quality:", "colour: red\nquality:", 1) + "<script>x</script>\n"
    (arts / f"{a}.md").write_text(text, "utf-8")
    # tampered raw byte in b
    raw_b = tmp_path / archive.raw_path(b, ".txt")
    data = bytearray(raw_b.read_bytes()); data[0] ^= 1; raw_b.write_bytes(bytes(data))
    # missing raw in c, and a duplicate of c under another name
    (tmp_path / archive.raw_path(c, ".txt")).unlink()
    shutil.copy(arts / f"{c}.md", arts / "zz-copy.md")
    assert sorted(archive.check(tmp_path)) == sorted([
        f"docs/articles/{a}.md:{text.split(chr(10)).index('colour: red') + 1}: unknown field 'colour'",
        f"docs/articles/{a}.md:{text.count(chr(10))}: body line is not escaped text (Markdown or HTML would reach the site)",
        f"docs/articles/{a}.md:{line_of(arts / f'{a}.md', 'date')}: 'date' '2019-13-01' is not a calendar date",
        f"docs/articles/{b}.md:{line_of(arts / f'{b}.md', 'raw')}: raw file archive/{b[:2]}/{b}.txt does not match its sha256 (fixity)",
        f"docs/articles/{c}.md:{line_of(arts / f'{c}.md', 'raw')}: raw file archive/{c[:2]}/{c}.txt is missing",
        f"docs/articles/zz-copy.md:2: id '{c}' does not match the file name",
        f"docs/articles/zz-copy.md:2: duplicate id '{c}' (also in docs/articles/{c}.md)",
        f"docs/articles/zz-copy.md:{line_of(arts / 'zz-copy.md', 'raw')}: raw file archive/{c[:2]}/{c}.txt is missing",
    ])


HOSTILE = ["标题：副标题", "true", "2024", "#1 热搜", "'单引号' \"双引号\"", "第一行\n第二行", "键: 值", "- 列表", "null", "{a: 1}"]


def test_yaml_round_trip_of_hostile_values():
    for value in HOSTILE:
        meta = {"id": "0" * 12, "title": value, "source": value, "author": [value]}
        back, body, _ = article.parse(article.to_markdown(meta, "正文\n"))
        assert (back["title"], back["source"], back["author"], body) == (value, value, [value], "正文\n")


def test_the_committed_archive_passes_check():
    root = Path(__file__).resolve().parents[1]
    assert archive.check(root) == []
    assert len(list((root / "docs" / "articles").glob("*.md"))) >= 5
