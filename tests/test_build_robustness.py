"""How the parallel build behaves when something goes wrong: untrusted titles in the page shell,
worker processes that die, a search step stopped mid-way, missing raw captures."""
import os
import shutil
import subprocess
import time
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from wenxian.errors import WenxianError
from wenxian.site import build, pagewriter, shell
from wenxian.site import html_toc as prerendered

ROOT = Path(__file__).resolve().parents[1]


def _shell_from(output_title: str = shell.TITLE) -> shell.Shell:
    toc = "".join(f'<li class="md-nav__item"><a href="#{i}">{n}</a></li>\n  '
                  for i, n in zip(shell.TOC_IDS, shell.TOC_NAMES))
    output = (f'<title>{output_title} - 文献</title><a href="#{shell.TOC_IDS[0]}" class="md-skip">跳转</a>'
              f'<ul>\n  {toc}</ul><link rel="canonical" href="https://x.org/articles/0123456789ab/">'
              f'<main>{shell.CONTENT}</main>')
    return shell.make(output, "0123456789ab", with_toc=True)


@pytest.mark.parametrize("sentinel", ["WXSHELLTITLE9d1c", "WXSHELLCODE9d1c", "WXSHELLTOCITEMS9d1c",
                                      'href="#WXSHELLSKIP9d1c"', "WXSHELLTOCNAMEA"])
def test_a_title_holding_a_sentinel_stays_text(sentinel):
    toc = [{"id": "cite", "name": "引用", "children": []}]
    page = shell.fill(_shell_from(), f"标题 {sentinel} 尾", "<h1>x</h1>", "fedcba987654", toc)
    title = page.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title == "标题 " + sentinel.replace('"', "&quot;") + " 尾 - 文献"
    assert page.count("<li class") == 1 and 'href="#cite" class="md-skip"' in page
    assert "articles/fedcba987654/" in page


def test_heading_ids_keep_their_attribute_escaping_in_links():
    html = '<h2 id="a&quot;onmouseover=alert(1)">x</h2><h2 id="cite">引用</h2>'
    toc = prerendered.toc_tokens(html, flat=True)
    page = shell.fill(_shell_from(), "t", html, "fedcba987654", toc)
    assert 'href="#a&quot;onmouseover=alert(1)"' in page and 'href="#a"onmouseover' not in page


def test_article_tables_of_contents_are_flat_and_nested_ones_are_refused():
    html = '<h2 id="a">A</h2><h3 id="b">B</h3><h2 id="c">C</h2>'
    assert [t["id"] for t in prerendered.toc_tokens(html, flat=True)] == ["a", "c"]
    with pytest.raises(ValueError):
        shell.fill(_shell_from(), "t", html, "fedcba987654", prerendered.toc_tokens(html))


def test_a_worker_killed_from_outside_stops_the_build_instead_of_hanging():
    def job(chunk):
        if 700 in chunk:
            os._exit(137)
        return len(chunk)
    with pytest.raises(BrokenProcessPool):
        pagewriter.run(list(range(1000)), job, workers=2)


def test_an_error_in_a_worker_is_raised_as_itself():
    def job(chunk):
        raise WenxianError("docs/articles/0123456789ab.md", "raw capture cannot be read")
    with pytest.raises(WenxianError) as info:
        pagewriter.run(list(range(1000)), job, workers=2)
    assert info.value.path == "docs/articles/0123456789ab.md"


def test_a_missing_raw_capture_is_reported_with_its_article_before_any_page(tmp_path):
    for name in ("archive", "docs"):
        shutil.copytree(ROOT / name, tmp_path / name)
    articles = sorted((tmp_path / "docs" / "articles").glob("*.md"))
    victim = articles[-1]
    text = victim.read_text("utf-8")
    raw = next(line.split(": ", 1)[1] for line in text.splitlines() if line.startswith("raw: "))
    (tmp_path / raw).unlink()
    cat = build.catalog([(p.relative_to(tmp_path).as_posix(), p.read_text("utf-8")) for p in articles])
    with pytest.raises(WenxianError) as info:
        build.check_raw_paths(cat, tmp_path)
    assert info.value.path == victim.relative_to(tmp_path).as_posix() and "does not exist" in info.value.problem


def test_a_stopped_search_step_leaves_no_pagefind_running_and_no_scratch_folder(tmp_path, monkeypatch):
    from wenxian.search import indexer
    from wenxian.settings import Settings

    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    marker = "31.4159"
    monkeypatch.setattr(indexer, "_pagefind_command", lambda work, out: ["sleep", marker])  # never finishes
    step = indexer.SearchStep()  # what hooks/search.py runs: on_files starts it, on_build_error stops it
    articles = [(str(p), meta, body) for p, meta, body in indexer.article_loader.load_dir(tmp_path / "docs")]
    step.start(articles, tmp_path, Settings())
    deadline = time.time() + 60
    while not _running(marker) and time.time() < deadline:
        time.sleep(0.2)
    assert _running(marker), "the stand-in Pagefind never started"
    step.stop()
    deadline = time.time() + 10
    while _running(marker) and time.time() < deadline:
        time.sleep(0.2)
    assert not _running(marker)
    assert not list((tmp_path / ".cache" / "wenxian" / "search").glob(".tmp-*"))


def _running(marker: str) -> bool:
    """Is a `sleep <marker>` process alive (read from /proc: no ps needed)?"""
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                args = Path(f"/proc/{entry}/cmdline").read_bytes().split(b"\0")
                state = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if args[:2] == [b"sleep", marker.encode()] and state != "Z":
                return True
    return False


def _mkdocs_build(root: Path) -> subprocess.CompletedProcess:
    import sys
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([str(Path(sys.executable).with_name("mkdocs")), "build", "--strict"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600)


def test_hidden_article_files_are_not_published_and_a_non_utf8_article_is_named(tmp_path):
    for name in ("mkdocs.yml", "docs", "hooks", "overrides", "archive"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, tmp_path / name)
    articles = tmp_path / "docs" / "articles"
    shutil.copy(sorted(articles.glob("*.md"))[0], articles / ".#editor-lock.md")
    done = _mkdocs_build(tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert not list((tmp_path / "site").rglob("*editor-lock*"))
    (articles / "0123456789ab.md").write_bytes("---\ntitle: 标题\n---\n".encode("gb18030"))
    done = _mkdocs_build(tmp_path)
    assert done.returncode != 0
    assert "docs/articles/0123456789ab.md: not UTF-8 text" in done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
