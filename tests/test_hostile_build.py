"""The build trusts neither its caches nor `check` having been run: a garbage or edited cache
entry is rebuilt, never published; an article `check` refuses stops the build naming it; a
linked archive/ or capture is refused."""
import os
import shutil
from pathlib import Path

import pytest

from wenxian import archive, article
from wenxian.errors import WenxianError
from wenxian.site import body, build
from wenxian import cachefile
from wenxian import article_loader
from wenxian.site.catalog import Article

ROOT = Path(__file__).resolve().parents[1]
SEED_MD = sorted((ROOT / "docs" / "articles").glob("*.md"))[0]


def one_article() -> Article:
    meta, text, _ = article.parse(SEED_MD.read_text("utf-8"))
    return Article(meta["id"], meta, text, SEED_MD.name)


@pytest.mark.parametrize("damage", ["garbage", "edited", "truncated", "empty", "binary"])
def test_a_bad_body_cache_entry_is_rebuilt_not_published(damage, tmp_path):
    calls = []

    def to_html(text):
        calls.append(text)
        return "<p>fresh</p>"
    render = body.renderer(to_html, tmp_path, "settings")
    a = one_article()
    assert render(a, "hans") == "<p>fresh</p>" and len(calls) == 1
    entry = next(tmp_path.rglob("*.html"))
    good = entry.read_text("utf-8")
    digest, content = good.split("\n", 1)
    entry.write_bytes({"garbage": b"<script>alert(1)</script>",
                       "edited": f"{digest}\n<script>alert(1)</script>".encode(),
                       "truncated": good[:len(good) // 2].encode(),
                       "empty": b"",
                       "binary": b"\xff\xfe\x00<script>"}[damage])
    render = body.renderer(to_html, tmp_path, "settings")
    assert render(a, "hans") == "<p>fresh</p>" and len(calls) == 2  # rebuilt
    assert entry.read_text("utf-8") == good                        # and the entry repaired
    assert render(a, "hans") == "<p>fresh</p>" and len(calls) == 2  # then used


def test_a_bad_parsed_frontmatter_entry_is_parsed_again(tmp_path):
    text = SEED_MD.read_text("utf-8")
    article_loader._memory.clear()  # parsed by an earlier test: this one must read and write the disk cache
    meta, text_body = article_loader.parse(text, tmp_path)
    entry = next(tmp_path.rglob("*.json"))
    digest = entry.read_text("utf-8").split("\n", 1)[0]
    entry.write_text(digest + '\n[{"id": "evil", "title": "<script>"}, "x"]', "utf-8")
    article_loader._memory.clear()
    assert article_loader.parse(text, tmp_path) == (meta, text_body)
    assert cachefile.read(entry, entry.stem) is not None  # rewritten intact


def test_a_body_that_check_refuses_stops_the_build_naming_the_file():
    text = SEED_MD.read_text("utf-8") + "\n<script>alert(1)</script>\n"
    with pytest.raises(WenxianError) as info:
        build.catalog([("docs/articles/x.md", text)])
    assert info.value.path == "docs/articles/x.md"
    line = text.split("\n").index("<script>alert(1)</script>") + 1
    assert f"line {line}: body line is not escaped text" in info.value.problem


@pytest.fixture
def repo(tmp_path):
    for name in ("archive", "docs"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


def catalog_of(root: Path):
    arts = sorted((root / "docs" / "articles").glob("*.md"))
    return build.catalog([(p.relative_to(root).as_posix(), p.read_text("utf-8")) for p in arts])


def test_a_linked_archive_folder_is_refused(repo, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "archive"
    shutil.move(repo / "archive", outside)
    os.symlink(outside, repo / "archive")
    with pytest.raises(WenxianError) as info:
        build.check_raw_paths(catalog_of(repo), repo)
    assert info.value.path.startswith("docs/articles/") and "archive is a link" in info.value.problem
    with pytest.raises(WenxianError):
        build.raw_reader(repo)(archive.raw_path(SEED_MD.stem, ".txt"))
    assert "archive:1: archive/ is a link; it must be a real folder of the repository" in archive.check(repo)


def test_a_linked_capture_is_refused(repo):
    meta, _, _ = article.parse(SEED_MD.read_text("utf-8"))
    capture = repo / meta["raw"]
    real = repo.parent / "private.txt"
    shutil.move(capture, real)
    os.symlink(real, capture)
    with pytest.raises(WenxianError) as info:
        build.check_raw_paths(catalog_of(repo), repo)
    assert info.value.path == f"docs/articles/{SEED_MD.name}" and f"{meta['raw']} is a link" in info.value.problem
    assert any(f"raw file {meta['raw']} is a link" in p for p in archive.check(repo))
