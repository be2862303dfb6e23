"""The whole site, built for real from a copy of this repository with every safe hostile article
added by `wenxian add`: nothing planted in captures or frontmatter becomes markup.

Generic over the site: it builds whatever mkdocs.yml configures (hooks, plugins, exports) and
parses every HTML and XML file of the output, so it keeps guarding the site as it grows.
"""
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from hostile.builders import build
from hostile.sitecheck import html_leaks, site_leaks
from wenxian import article

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "tests" / "hostile"
CASES = yaml.safe_load((HERE / "cases.yml").read_text("utf-8"))
EXAMPLES = yaml.safe_load((HERE / "leak_examples.yml").read_text("utf-8"))
SKIP = {".venv", "site", ".git", ".hypothesis", ".pytest_cache", "__pycache__", "node_modules"}
HOSTILE_META = {
    "title": "</title><script>zqxfmtitle1()</script>&lt;b&gt;{{ zqxfmtpl1 }}{% raw %}\u202ezqxfmbidi1",
    "source": "<img src=x onerror=zqxfmsrc1()> ../../zqxfmpath1 \"'",
    "author": ["<a href='javascript:zqxfmauthor1()'>作者</a>", "{{ zqxfmauthor2 }}"],
}


class Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style") and self.skip > 0

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def page_text(path: Path) -> str:
    t = Text()
    t.feed(path.read_text("utf-8"))
    return "".join(t.parts)


@pytest.mark.parametrize("case", EXAMPLES["leaky"], ids=lambda c: c["expect"])
def test_leak_finder_catches(case):
    leaks = html_leaks(case["html"], "example")
    assert any(case["expect"] in leak for leak in leaks), leaks


@pytest.mark.parametrize("html", EXAMPLES["clean"])
def test_leak_finder_passes_escaped_text(html):
    assert html_leaks(html, "example") == []


def run(*args, cwd):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, env=env)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile-site")
    repo = tmp / "repo"
    shutil.copytree(ROOT, repo, ignore=lambda d, names: [n for n in names if n in SKIP])
    caps = tmp / "captures"
    caps.mkdir()
    paths = {}
    for name, case in CASES.items():
        if "accept" in case:
            fname, data = build(name)
            paths[name] = caps / f"{name}-{fname}"
            paths[name].write_bytes(data)
    add = run("-m", "wenxian.cli", "add", *map(str, paths.values()), "--root", str(repo),
              "--source=<b>zqxclisrc1</b>{{ zqxclitpl1 }} [x](https://zqxclilink1.example/) ../../zqxclipath1",
              "--note=<script>zqxclinote1()</script>\n---\nid: 000000000000", cwd=repo)
    assert add.returncode == 0, add.stderr
    ids = {name: line.rsplit(" ", 1)[-1] for name, line in zip(paths, [l for l in add.stdout.splitlines() if not l.startswith("  ")])}
    # A contributor's hand edit: hostile but schema-valid frontmatter values.
    md = repo / "docs" / "articles" / f"{ids['gb18030']}.md"
    meta, body, _ = article.parse(md.read_text("utf-8"))
    meta.update(HOSTILE_META)
    meta["title"] += "\u202c"  # check refuses an unclosed override in frontmatter; closed, it is valid
    md.write_text(article.to_markdown(meta, body), "utf-8")
    check = run("-m", "wenxian.cli", "check", "--root", str(repo), cwd=repo)
    assert check.returncode == 0, check.stdout
    site = tmp / "site"
    mk = run("-m", "mkdocs", "build", "--strict", "-d", str(site), cwd=repo)
    assert mk.returncode == 0, mk.stderr[-3000:]
    return site, ids


def test_no_markup_from_article_text_or_frontmatter(built):
    site, _ = built
    assert site_leaks(site) == []


def test_hostile_articles_are_published_as_text(built):
    site, ids = built
    pages = {name: site / "articles" / aid / "index.html" for name, aid in ids.items()}
    assert all(p.is_file() for p in pages.values())
    text = {name: page_text(p) for name, p in pages.items()}
    assert "<script>zqxscript1()</script>村民说，<b onmouseover=\"zqxevent1()\">合作社</b>办得好。" in text["html_in_text"]
    assert "zqxtag1" in text["html_in_text"] and "javascript:zqxjs1()" in text["html_in_text"]
    assert "www.zqxbare1.example 和 https://zqxbare2.example/path?a=1&b=2 以及 zqxmail1@example.com" in text["markdown_injection"]
    assert "</title><script>zqxfmtitle1()</script>" in text["gb18030"]


def test_template_syntax_renders_literally(built):
    site, ids = built
    text = page_text(site / "articles" / ids["template_syntax"] / "index.html")
    for literal in ("{{ zqxtpl1 }}", "{{ config.site_name }}", "{{ 7*191 }}", "{% for x in zqxtpl2 %}",
                    "{% include 'zqxtpl3.html' %}", "{# zqxtpl4 #}", "{% raw %}{{ zqxtpl5 }}{% endraw %}"):
        assert literal in text
    assert "{{ zqxfmtpl1 }}{% raw %}" in page_text(site / "articles" / ids["gb18030"] / "index.html")
