"""A simulated contribution in a temporary copy of the repository (its tracked files, with the
current .venv linked in): `wenxian add` a corpus capture, `wenxian check`, a strict MkDocs
build — all green; then the faults a contributor can make, each with its exact message. The
commands are the ones CONTRIBUTING.md lists; the pre-commit hook is run as configured."""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from wenxian import archive, article
from wenxian.dev import pr_summary as summary
from wenxian.ingest.personal import Finding
from wenxian.ingest.pipeline import article_id, extract

from conftest import FIXTURES, line_of
from test_contributing import ci_commands
from test_corpus_golden import misses

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
UNKNOWN_TAG = "不存在的主题"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def tracked_files() -> list[str]:
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [p for p in out.split("\0") if p and (ROOT / p).is_file()]


def copy_repo(dest: Path) -> Path:
    for rel in tracked_files():
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, dest / rel)
    (dest / ".venv").symlink_to(sys.prefix)  # commands as written: .venv/bin/…
    return dest


def run(cmd: str | list[str], cwd: Path) -> subprocess.CompletedProcess:
    argv = shlex.split(cmd) if isinstance(cmd, str) else cmd
    return subprocess.run(argv, cwd=cwd, capture_output=True, text=True, env=ENV)


def ci(name: str) -> str:
    """The CONTRIBUTING.md command that starts with `name` (so the test runs what CI runs)."""
    return next(c for c in ci_commands() if c.startswith(name))


def new_capture(root: Path) -> Path:
    """The first corpus capture not yet in the archive."""
    in_archive = {p.stem for p in (root / "docs" / "articles").glob("*.md")}
    return next(p for p in sorted((FIXTURES / "corpus").glob("*.txt")) if article_id(p.read_bytes()) not in in_archive)


@pytest.fixture(scope="module")
def contributed(tmp_path_factory):
    """(repo copy, id) after `wenxian add` of one corpus capture, as a contributor does it."""
    root = copy_repo(tmp_path_factory.mktemp("repo"))
    cap = new_capture(root)
    done = run([".venv/bin/wenxian", "add", str(cap), "--url",
                "https://www.example.gov.cn/a/1.html?utm_source=wechat&from=timeline", "--captured", "2026-11-23"], root)
    assert done.returncode == 0, done.stderr
    aid = re.fullmatch(rf"{re.escape(str(cap))}: added ([0-9a-f]{{12}})", done.stdout.splitlines()[0]).group(1)
    return root, aid


def fresh_copy(contributed, tmp_path) -> tuple[Path, str]:
    root, aid = contributed
    dest = tmp_path / "repo"
    shutil.copytree(root, dest, symlinks=True, ignore=shutil.ignore_patterns("site"))
    return dest, aid


def test_added_capture_passes_check_and_strict_build(contributed):
    root, aid = contributed
    check = run(ci(".venv/bin/wenxian check"), root)
    assert (check.returncode, check.stdout) == (0, "")
    assert re.fullmatch(r"wenxian check: \d+ articles checked, 0 problems\n", check.stderr)
    meta, _, _ = article.parse((root / "docs" / "articles" / f"{aid}.md").read_text("utf-8"))
    assert meta["source_url"] == "https://www.example.gov.cn/a/1.html?from=timeline"
    assert meta["captured"] == "2026-11-23"
    build = run([str(BIN / "mkdocs"), "build", "--strict", "-d", str(root / "site")], root)
    assert build.returncode == 0, build.stderr
    assert (root / "site" / "articles" / aid / "index.html").is_file()


def test_one_tampered_byte_of_the_raw_file_fails_check(contributed, tmp_path):
    root, aid = fresh_copy(contributed, tmp_path)
    raw = root / archive.raw_path(aid, ".txt")
    data = bytearray(raw.read_bytes())
    data[len(data) // 2] ^= 0x01
    raw.write_bytes(bytes(data))
    check = run(ci(".venv/bin/wenxian check"), root)
    assert check.returncode == 1
    assert check.stdout == f"docs/articles/{aid}.md:{line_of(root / 'docs' / 'articles' / f'{aid}.md', 'raw')}: raw file archive/{aid[:2]}/{aid}.txt does not match its sha256 (fixity)\n"


def test_an_unknown_tag_in_the_frontmatter_fails_check(contributed, tmp_path):
    root, aid = fresh_copy(contributed, tmp_path)
    md = root / "docs" / "articles" / f"{aid}.md"
    meta, body, _ = article.parse(md.read_text("utf-8"))
    meta["tags"] = [UNKNOWN_TAG]
    text = article.to_markdown(meta, body)
    md.write_text(text, "utf-8")
    line = text.split("\n").index(f"- {UNKNOWN_TAG}") + 1  # the line of the bad tag
    check = run(ci(".venv/bin/wenxian check"), root)
    assert check.returncode == 1
    assert check.stdout == (f"docs/articles/{aid}.md:{line}: tag '{UNKNOWN_TAG}' is not in the taxonomy "
                            "(wenxian/data/taxonomy.yml)\n")  # nothing is spelt like it: no suggestion


def precommit_hook_argv(changed: list[str]) -> list[str]:
    """The local wenxian-check hook as pre-commit runs it: entry + args + matching files."""
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    hook = next(h for r in config["repos"] if r["repo"] == "local" for h in r["hooks"] if h["id"] == "wenxian-check")
    files = [f for f in changed if re.search(hook["files"], f)]
    return shlex.split(hook["entry"]) + hook.get("args", []) + files


def test_precommit_hook_checks_the_changed_article_and_its_raw_file(contributed, tmp_path):
    root, aid = fresh_copy(contributed, tmp_path)
    md, raw = f"docs/articles/{aid}.md", archive.raw_path(aid, ".txt")
    ok = run(precommit_hook_argv([md, raw, archive.raw_path(aid, ".json"), "README.md"]), root)
    assert (ok.returncode, ok.stdout) == (0, "")
    data = bytearray((root / raw).read_bytes())
    data[0] ^= 0x01
    (root / raw).write_bytes(bytes(data))
    message = f"{md}:{line_of(root / md, 'raw')}: raw file {raw} does not match its sha256 (fixity)\n"
    only_raw = run(precommit_hook_argv([raw]), root)  # a changed capture selects its article
    assert (only_raw.returncode, only_raw.stdout) == (1, message)
    assert precommit_hook_argv(["docs/index.md", "wenxian/cli.py"]) == shlex.split(".venv/bin/wenxian check")


def test_add_url_is_normalised_and_personal_data_is_named_raw_unchanged(tmp_path):
    cap = tmp_path / "capture.txt"
    text = "驻村工作队开展宣讲\n2019-08-30 来源：某县融媒体中心\n村民反映问题可拨打13812345678。\n"
    cap.write_bytes(text.encode("utf-8"))
    url = "https://mp.weixin.qq.com/s?__biz=MzA3MDM3NjE5NQ==&mid=26&idx=1&sn=8a&chksm=84&scene=21&sharer_shareid=ab#rd"
    done = run([str(BIN / "wenxian"), "add", str(cap), "--url", url, "--root", str(tmp_path)], tmp_path)
    assert done.returncode == 0, done.stderr
    aid = extract(cap.read_bytes(), str(cap))["id"]
    clean = "https://mp.weixin.qq.com/s?__biz=MzA3MDM3NjE5NQ==&mid=26&idx=1&sn=8a"
    assert done.stderr.splitlines() == [
        f"wenxian: --url: removed chksm, scene, sharer_shareid, #fragment; stored as {clean}",
        f"warning: {cap}: short body (21 characters of text): check that the article was not removed as boilerplate",
        f"warning: {cap}:3: looks like personal data (手机号 / mobile number): 138******78. The raw capture is "
        "published unchanged; if this belongs to a private person, do not submit it (see CONTRIBUTING.md).",
    ]
    sidecar = json.loads((tmp_path / archive.raw_path(aid, ".json")).read_text("utf-8"))
    meta, _, _ = article.parse((tmp_path / "docs" / "articles" / f"{aid}.md").read_text("utf-8"))
    assert sidecar["url"] == meta["source_url"] == clean
    assert (tmp_path / archive.raw_path(aid, ".txt")).read_bytes() == text.encode("utf-8")


def test_add_refuses_a_url_that_is_not_http(tmp_path):
    cap = next(iter(sorted((FIXTURES / "corpus").glob("*.txt"))))
    done = run([str(BIN / "wenxian"), "add", str(cap), "--url", "mp.weixin.qq.com/s/abc", "--root", str(tmp_path)], tmp_path)
    assert (done.returncode, done.stderr) == (2, "wenxian: --url: 'mp.weixin.qq.com/s/abc' is not an http(s) URL\n")
    assert not (tmp_path / "archive").exists()


def test_fixture_round_trip(tmp_path):
    """`wenxian fixture` output passes the golden comparison as is, and fails it exactly where
    the contributor corrects an expectation."""
    cap = sorted((FIXTURES / "corpus").glob("*.txt"))[0]
    dest = tmp_path / "corpus"
    done = run([str(BIN / "wenxian"), "fixture", str(cap), "--dest", str(dest), "--url", "https://example.cn/a?utm_medium=x"], tmp_path)
    assert done.returncode == 0, done.stderr
    written = [Path(l) for l in done.stdout.splitlines()]
    assert [p.name for p in written] == [f"01-{cap.stem.split('-', 1)[1]}{s}" for s in (".txt", ".expected.json", ".source.json")]
    copy, exp_path, src_path = written
    assert copy.read_bytes() == cap.read_bytes()
    exp = json.loads(exp_path.read_text("utf-8"))
    art = extract(cap.read_bytes(), str(cap))
    assert (exp["title"], exp["date"], exp["source"], exp["script"]) == (art["title"], art["date"], art["source"], art["script"])
    assert exp["must_keep"] and exp["must_drop"]
    assert misses(copy, exp) == []
    source = json.loads(src_path.read_text("utf-8"))
    assert (source["url"], source["sha256"]) == ("https://example.cn/a", art["sha256"])
    # the contributor's correction turns into failing golden comparisons
    exp["title"] = "改正后的标题"
    exp["must_keep"].append(exp["must_drop"][0])
    found = misses(copy, exp)
    assert ("title", f"{art['title']!r} != '改正后的标题'") in found and ("keep", exp["must_drop"][0][:40]) in found
    again = run([str(BIN / "wenxian"), "fixture", str(cap), "--dest", str(dest), "--name", copy.stem], tmp_path)
    assert (again.returncode, again.stderr) == (2, f"wenxian: {copy}: already exists (choose another --name)\n")


def test_pr_summary_lists_each_new_article(contributed, tmp_path):
    root, aid = fresh_copy(contributed, tmp_path)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    article_md = f"docs/articles/{aid}.md"
    subprocess.run(git + ["add", "-A", ":!.venv", ":!archive", ":!" + article_md], cwd=root, check=True)
    subprocess.run(git + ["commit", "-qm", "base"], cwd=root, check=True)
    base = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True).stdout.strip()
    subprocess.run(git + ["add", "archive", article_md], cwd=root, check=True)
    subprocess.run(git + ["commit", "-qm", "add article"], cwd=root, check=True)
    out = tmp_path / "summary.md"
    out.write_text("earlier step\n", "utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "pr_summary.py"), base, "--root", str(root)],
                          capture_output=True, text=True, env={**ENV, "GITHUB_STEP_SUMMARY": str(out)})
    assert done.returncode == 0, done.stderr
    text = out.read_text("utf-8")
    meta, _, _ = article.parse((root / article_md).read_text("utf-8"))
    row = next(l for l in text.splitlines() if l.startswith(f"| {aid} |"))
    assert text.startswith("earlier step\n## New articles in this pull request")
    assert summary.cell(meta["title"]) in row and summary.damage(meta["quality"]) in row
    assert row.count(" | ") == 8 and "Problems found" not in text


def test_summary_cells_are_escaped_text():
    hostile = {"id": "0" * 12, "title": "<script>x</script> | **粗** [链接](http://x)", "date": None,
               "source": "a\nb", "region": [{"path": "新疆维吾尔自治区/伊犁哈萨克自治州/特克斯县", "code": "654027000000",
                                          "level": "county"}], "tags": ["访惠聚"], "quality": {"masked": 3}}
    md = summary.summary_markdown([{"path": "p", "meta": hostile, "extracted": None,
                                    "personal": [Finding("mobile", "手机号", 4, "13812345678")]}], [], [])
    row = md.splitlines()[4]
    assert "<script" not in row and "&lt;script>" in row and "\\|" in row and "\\*\\*粗\\*\\*" in row
    assert "| 特克斯县 | 访惠聚 | masked 3 |" in row and "line 4: mobile 138\\*\\*\\*\\*\\*\\*78" in row
    assert row.count(" | ") == 8


def test_fixture_expectations_take_counties_and_other_places():
    from wenxian.dev.fixture import expectations

    art = {"title": "标题", "date": "2019", "source": "某报", "script": "hans",
           "body": "## 小标题\n\n正文一\\*号\n\n〔图片〕图说\n", "removed": [{"line": 1, "text": " 首页 ", "reason": "navigation"},
                                                              {"line": 9, "text": "正文一*号", "reason": "repeat"}],
           "region": [{"path": "新疆维吾尔自治区/伊犁哈萨克自治州/特克斯县/喀拉托海镇", "code": "654027100000", "level": "township"}],
           "places": [{"path": "新疆维吾尔自治区/伊犁哈萨克自治州/特克斯县", "code": "654027000000", "level": "county", "mentions": 3},
                      {"path": "江苏省/南京市", "code": "320100000000", "level": "prefecture", "mentions": 1}]}
    exp = expectations(art)
    assert exp["must_keep"] == ["小标题", "正文一*号", "图说"]
    assert exp["must_drop"] == ["首页"]  # a removed line that is also kept elsewhere is no must_drop
    assert (exp["counties"], exp["mentioned_places"]) == (["特克斯县"], ["南京市"])
