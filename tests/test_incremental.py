"""Incremental builds (wenxian.site.incremental): after a change, a build keeps the pages whose
inputs did not change and its output is byte for byte the output of a clean build."""
from __future__ import annotations

import filecmp
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wenxian import archive, article

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = str(Path(sys.executable).parent / "mkdocs")
CORPUS = sorted((ROOT / "tests" / "fixtures" / "corpus").glob("*.txt"))


def _build(root: Path, *args: str, full: bool = False) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WENXIAN_")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    if full:
        env["WENXIAN_FULL_BUILD"] = "1"
    done = subprocess.run([MKDOCS, "build", "--strict", *args], cwd=root, env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stderr


def _tree(path: Path) -> set[str]:
    return {p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file()}


def _same_as_clean(root: Path, clean: Path) -> None:
    shutil.rmtree(clean, ignore_errors=True)
    _build(root, "-d", str(clean), full=True)
    site = root / "site"
    files = _tree(site)
    assert files == _tree(clean)
    _, mismatch, errors = filecmp.cmpfiles(site, clean, sorted(files), shallow=False)
    assert (mismatch, errors) == ([], [])


def _edit_title(path: Path, suffix: str) -> None:
    meta, body, _ = article.parse(path.read_text("utf-8"))
    meta["title"] = (meta.get("title") or "") + suffix
    path.write_text(article.to_markdown(meta, body), "utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    root = tmp_path_factory.mktemp("incremental")
    for name in ("mkdocs.yml", "docs", "hooks", "overrides", "archive"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, root / name)
    for capture in CORPUS[:6]:
        archive.add(root, capture, {})
    return root


def test_edit_add_and_delete_rebuild_only_what_changed_and_match_a_clean_build(repo, tmp_path):
    first = _build(repo)
    assert "incremental build" not in first  # no record yet: a full build
    assert (repo / ".cache" / "wenxian" / "build" / "record.json").is_file()

    again = _build(repo)  # nothing changed: every page kept
    kept = int(re.search(r"incremental build, (\d+) unchanged pages kept", again).group(1))
    assert kept >= 4 * 5 and not re.search(r"articles pages written in [\d.]+ s$", again, re.M)

    articles = sorted((repo / "docs" / "articles").glob("*.md"))
    _edit_title(articles[0], "（修订）")
    edited = _build(repo)
    assert "incremental build" in edited
    aid = articles[0].stem
    assert "（修订）" in (repo / "site" / "articles" / aid / "index.html").read_text("utf-8")
    # the exports' lines of the other articles come from the last build (ExportLines)
    assert "export lines of 1 changed articles made" in edited
    _same_as_clean(repo, tmp_path / "clean-edit")

    archive.add(repo, CORPUS[6], {})  # one more article
    assert "incremental build" in _build(repo)
    _same_as_clean(repo, tmp_path / "clean-add")

    gone = articles[1].stem
    articles[1].unlink()  # an article leaves the archive: its pages and files leave the site
    assert "incremental build" in _build(repo)
    assert not (repo / "site" / "articles" / gone).exists() and not (repo / "site" / "raw" / f"{gone}.txt").exists()
    _same_as_clean(repo, tmp_path / "clean-delete")


def test_a_reprint_added_edited_and_removed_matches_a_clean_build(repo, tmp_path):
    """A copy of an archived story (issue 20) changes the original's page (its section
    同一稿件的其他版本) and adds a difference view; editing and removing it change both again."""
    _build(repo)
    copy, _ = archive.add(repo, ROOT / "tests" / "fixtures" / "corpus-html" / "d25-dahe-epaper.html", {})
    assert "incremental build" in _build(repo)
    assert len(list((repo / "site" / "versions").glob("*/index.html"))) == 1  # a saved page of 06-dahe-epaper
    _same_as_clean(repo, tmp_path / "clean-reprint")
    path = repo / "docs" / "articles" / f"{copy}.md"
    _edit_title(path, "（转载）")
    assert "incremental build" in _build(repo)
    assert "（转载）" in "".join(p.read_text("utf-8") for p in (repo / "site" / "articles").glob("*/index.html")
                             if p.parent.name != copy)  # the other copy's section shows the new title
    _same_as_clean(repo, tmp_path / "clean-reprint-edit")
    path.unlink()
    assert "incremental build" in _build(repo)
    assert not list((repo / "site" / "versions").glob("*/index.html"))
    _same_as_clean(repo, tmp_path / "clean-reprint-delete")


def test_damaged_or_missing_record_means_a_full_build(repo, tmp_path):
    _build(repo)
    record = repo / ".cache" / "wenxian" / "build" / "record.json"
    record.write_text(record.read_text("utf-8").replace('"pages"', '"pagez"', 1), "utf-8")  # digest no longer matches
    _edit_title(sorted((repo / "docs" / "articles").glob("*.md"))[0], "（再订）")
    assert "incremental build" not in _build(repo)
    record.unlink()
    assert "incremental build" not in _build(repo)
    _same_as_clean(repo, tmp_path / "clean")  # a full build into another folder keeps the record
    assert record.is_file()
    _build(repo, full=True)  # a full build into the site folder makes the record stale: gone
    assert not record.exists()


def test_interrupted_build_leaves_no_record(repo):
    """The record is deleted when a build starts: a build that fails leaves the next one full."""
    _build(repo)
    bad = repo / "docs" / "articles" / "zzzzzzzzzzzz.md"
    bad.write_text("---\nid: nope\n---\n", "utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("WENXIAN_")}
    done = subprocess.run([MKDOCS, "build", "--strict"], cwd=repo, env={**env, "NO_MKDOCS_2_WARNING": "1"},
                          capture_output=True, text=True, timeout=600)
    bad.unlink()
    assert done.returncode != 0
    assert not (repo / ".cache" / "wenxian" / "build" / "record.json").exists()
    assert "incremental build" not in _build(repo)


def test_export_lines_are_kept_appended_and_rewritten_and_a_damaged_file_is_a_miss(tmp_path):
    import json

    from wenxian.site.incremental import ExportLines

    def run(digests, lines):
        e = ExportLines(tmp_path, "code", "https://x.example/", digests)
        out = "".join(e("jsonl", aid, lambda aid=aid: lines[aid]) for aid in digests)
        e.save()
        return out, e.made

    digests = {f"a{i}": f"d{i}" for i in range(10)}
    lines = {a: json.dumps({"id": a, "title": "标题" * 5}, ensure_ascii=False) + "\n" for a in digests}
    first, made = run(digests, lines)
    assert made == 10 and first == "".join(lines.values())
    assert run(digests, {}) == (first, 0)  # every line from the file: nothing made
    blob = tmp_path / ".cache" / "wenxian" / "build" / "exports-jsonl.bin"
    sizes = []
    for i in range(12):  # one line edited again and again: appended, then the file written anew
        digests["a5"], lines["a5"] = f"e{i}", json.dumps({"id": "a5", "n": i, "pad": "x" * 300}) + "\n"
        out, made = run(digests, lines)
        assert made == 1 and out == "".join(lines[a] for a in digests)
        assert run(digests, {}) == (out, 0)
        sizes.append(blob.stat().st_size)
    assert sizes[1] > sizes[0] and min(sizes) < max(sizes) < 3 * len(out.encode())  # compacted
    del digests["a1"]
    assert run(digests, {}) == ("".join(lines[a] for a in digests), 0)
    data = bytearray(blob.read_bytes())
    data[5] ^= 1
    blob.write_bytes(bytes(data))
    assert run(digests, lines) == ("".join(lines[a] for a in digests), len(digests))


def test_jsonl_export_is_gzip_members_that_one_change_recompresses_once(tmp_path):
    """The JSON Lines export (exports.jsonl_gz) is the plain export, compressed as consecutive
    gzip members that end after given articles; an incremental build reuses the members whose
    data did not change (incremental.GzipMembers) and gives the same bytes as a clean build."""
    import gzip
    import json
    import zlib
    from types import SimpleNamespace

    from wenxian.site import exports
    from wenxian.site.incremental import GzipMembers

    ids = [f"{i:012x}" for i in range(400)]
    lines = {a: json.dumps({"id": a, "text": "正文" * (i % 50)}, ensure_ascii=False) + "\n" for i, a in enumerate(ids)}
    cat = SimpleNamespace(newest=ids, memo={"reprint_group_of": {}})  # no reprints
    given = lambda kind, aid, make, also="": lines[aid]  # noqa: E731
    clean = exports.jsonl_gz(cat, "https://x.example/", given)
    ends = sum(zlib.crc32(a.encode()) % exports.MEMBER_EVERY == 0 for a in ids)
    assert ends > 3 and clean.count(b"\x1f\x8b\x08") >= ends  # several members
    assert gzip.decompress(clean).decode("utf-8") == "".join(lines[a] for a in ids)

    def incremental():
        members = GzipMembers(tmp_path, "code", exports.gzip_member)
        out = exports.jsonl_gz(cat, "https://x.example/", given, members)
        members.save()
        return out, members.made

    out, made = incremental()
    assert out == clean and made >= ends
    assert incremental() == (clean, 0)  # every member from the cache
    lines[ids[200]] = lines[ids[200]].replace("正文", "改过", 1) if "正文" in lines[ids[200]] else '{"x": 1}\n'
    out, made = incremental()
    assert made == 1 and out == exports.jsonl_gz(cat, "https://x.example/", given)
    folder = tmp_path / ".cache" / "wenxian" / "build" / "jsonl-gz"
    assert len(list(folder.iterdir())) == ends + (1 if zlib.crc32(ids[-1].encode()) % exports.MEMBER_EVERY else 0)
    victim = sorted(folder.iterdir())[0]
    victim.write_bytes(victim.read_bytes()[:-9] + b"\0" * 9)  # a damaged member is made again
    out, made = incremental()
    assert made == 1 and out == exports.jsonl_gz(cat, "https://x.example/", given)
