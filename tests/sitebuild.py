"""Pytest plugin: one real `mkdocs build --strict` of a temporary copy of the repository, shared
by the site build tests and the browser tests (registered in conftest.py via pytest_plugins).

The copy holds the five seeds plus a handful of corpus captures ingested with `wenxian add`,
with the hand-written region / places / tags of tests/fixtures/site/annotations.yml, and one
article whose metadata is hostile.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from wenxian import archive, article

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
ANNOTATIONS = FIXTURES / "site" / "annotations.yml"
COPY = ("mkdocs.yml", "docs", "hooks", "overrides", "archive")


@dataclass
class BuiltSite:
    root: Path
    site: Path
    meta: dict[str, dict]        # frontmatter by id
    by_capture: dict[str, str]   # 'seeds/000_….txt' -> id
    hostile: str                 # id of the hostile article
    output: str                  # mkdocs build output
    captures: dict[str, list[str]] = field(default_factory=dict)  # web-archive / HTML capture name -> ids


def _set_meta(root: Path, aid: str, changes: dict) -> None:
    path = root / "docs" / "articles" / f"{aid}.md"
    meta, body, _ = article.parse(path.read_text("utf-8"))
    meta.update(changes)
    path.write_text(article.to_markdown(meta, body), "utf-8")


def make_repo(root: Path) -> tuple[dict[str, str], str]:
    for name in COPY:
        src = REPO / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, root / name)
    spec = yaml.safe_load(ANNOTATIONS.read_text("utf-8"))
    by_capture = {}
    for capture, changes in spec["captures"].items():
        aid, _ = archive.add(root, FIXTURES / capture, {})
        by_capture[capture] = aid
        if changes:
            _set_meta(root, aid, changes)
    reprint = spec["masked_reprint"]
    seed_meta, seed_body, _ = article.parse((root / "docs" / "articles" / f"{by_capture[reprint['from']]}.md").read_text("utf-8"))
    paragraphs = article.body_text(seed_body).split("\n")[:reprint["paragraphs"]]
    text = "\n\n".join([seed_meta["title"], reprint["date_line"], *paragraphs, reprint["credit"]])
    for word, mask in reprint["mask"].items():
        text = text.replace(word, mask)
    src = root / "reprint-capture.txt"
    src.write_text(text, "utf-8")
    aid, _ = archive.add(root, src, {})
    src.unlink()
    _set_meta(root, aid, reprint["meta"])
    by_capture["masked_reprint"] = aid
    hostile = dict(spec["hostile"])
    src = root / "hostile-capture.txt"
    src.write_bytes((FIXTURES / hostile.pop("from")).read_bytes() + "\n（测试用的变体）\n".encode())
    aid, _ = archive.add(root, src, {})
    src.unlink()
    _set_meta(root, aid, hostile)
    return by_capture, aid


def add_html_captures(root: Path) -> dict[str, list[str]]:
    """A saved page, an MHTML, a WARC.GZ and a two-page WARC (`add --all`), built from a fixture
    page (tests/webarchive_files.py): their raw links offer the original file and the visible text."""
    import webarchive_files as W

    html = W.page().encode("utf-8")
    other = W.page("另一篇文章的标题在这里", W.paragraphs(8)[4:]).encode("utf-8")
    files = {"保存的网页.html": html, "page.mhtml": W.mhtml(html), "page.warc.gz": W.warc([(W.URL, html, "text/html")]),
             "two-pages.warc.gz": W.warc([(W.URL, html, "text/html"), (W.URL + "?p=2", other, "text/html")])}
    out = {}
    for name, data in files.items():
        src = root / name
        src.write_bytes(data)
        data, arts = archive.prepare_pages(src)
        pages = {a["id"]: a["source_url"] for a in arts} if len(arts) > 1 else None
        out[name] = [archive.store(root, a["id"], data, archive.render(src, a, {}, pages))[0] for a in arts]
        src.unlink()
    return out


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    root = tmp_path_factory.mktemp("repo")
    by_capture, hostile = make_repo(root)
    captures = add_html_captures(root)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    mkdocs = Path(sys.executable).with_name("mkdocs")
    proc = subprocess.run([str(mkdocs), "build", "--strict"], cwd=root, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    meta = {}
    for md in (root / "docs" / "articles").glob("*.md"):
        m, _, _ = article.parse(md.read_text("utf-8"))
        meta[m["id"]] = m
    return BuiltSite(root, root / "site", meta, by_capture, hostile, proc.stdout + proc.stderr, captures)


def generate(article_texts: list[tuple[str, str]], pages: dict[str, str], read_raw, site_url: str,
             site_name: str) -> dict[str, str]:
    """Every generated file of a small site by docs-relative path, all in this process and
    through the same package functions as the MkDocs build (wenxian.site.mkdocs_pages), for
    tests that look at the generated text without running MkDocs: article_texts are (path for
    messages, text) of docs/articles/*.md, pages the other hand-written pages, read_raw gives
    the bytes of an archive path."""
    from wenxian.site import build, urls
    from wenxian.site.body import markdown_converter, renderer

    body_html = renderer(markdown_converter(["tables", "toc", "admonition", "attr_list", "pymdownx.escapeall"]), None)
    cat = build.catalog(article_texts)
    build.read_captures(cat, read_raw)
    out = build.index_pages(cat, pages, site_url, site_name)
    for (kind, script), keys in build.shell_keys(cat).items():
        for key in keys:
            out[urls.src_uri(build.shell_url(kind, key, script))] = build.shell_page_text(cat, kind, key, script,
                                                                                          site_url, body_html, read_raw)
    for aid in cat.articles:
        out.update(build.article_files(cat, aid, read_raw))
    return out


def code_in_page(html: str, code_id: str) -> str:
    """The text of a `<code id=…>` block of an article page, unescaped: the citations
    (`wx-cite-bib`, `wx-cite-csl-json`) and the raw capture (`wx-raw-text`), which the page's
    download links save (no file per citation or capture, issue 18)."""
    import html as html_mod
    import re

    m = re.search(rf'<code id="{code_id}">(.*?)</code>', html, re.S)
    assert m, f"no {code_id} block in the page"
    return html_mod.unescape(m.group(1))


def raw_in_site(site: Path, aid: str, script: str = "hans") -> str:
    """The raw capture's text as shown in the built page of the article's own script."""
    prefix = "hant/" if script == "hant" else ""
    return code_in_page((site / f"{prefix}articles/{aid}/index.html").read_text("utf-8"), "wx-raw-text")


def sitemap_pages(site: Path) -> str:
    """The <url> lists of every part that the site's sitemap index names (wenxian.site.sitemap)."""
    import re

    names = re.findall(r"<loc>[^<]*/(sitemap-\d+\.xml)</loc>", (site / "sitemap.xml").read_text("utf-8"))
    assert names, "sitemap.xml names no part"
    return "".join((site / name).read_text("utf-8") for name in names)
