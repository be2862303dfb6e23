"""The region-page shell: filling it gives the page the theme would have rendered."""
import pytest

from sitebuild import sitemap_pages
from wenxian.site import shell
from wenxian.site.html_toc import toc_tokens


def test_fill_puts_title_content_and_code_where_the_sample_had_them():
    code = "650000000000"
    output = (f'<title>{shell.TITLE} - 文献</title><link rel="canonical" href="https://x.org/regions/{code}/">'
              f'<main>{shell.CONTENT}</main><a href="../../hant/regions/{code}/">繁體</a>')
    page = shell.fill(shell.make(output, code), "伊犁<州>", "<h1>伊犁</h1><p>x</p>", "654000000000")
    assert page == ('<title>伊犁&lt;州&gt; - 文献</title><link rel="canonical" href="https://x.org/regions/654000000000/">'
                    '<main><h1>伊犁</h1><p>x</p></main><a href="../../hant/regions/654000000000/">繁體</a>')


def test_content_is_not_searched_for_sentinels():
    code = "650000000000"
    sh = shell.make(f"<title>{shell.TITLE}</title>{shell.CONTENT}", code)
    assert shell.fill(sh, "t", shell.TITLE + " " + code, "1" * 12) == f"<title>t</title>{shell.TITLE} {code}"


def test_output_without_sentinels_is_refused():
    with pytest.raises(ValueError):
        shell.make("<title>x</title><main>y</main>", "650000000000")


@pytest.mark.parametrize("src,expected", [("regions/650000000000.md", ("regions", "", "650000000000")),
                                          ("hant/regions/650000000000.md", ("regions", "hant/", "650000000000")),
                                          ("articles/d9cb1d3fb748.md", ("articles", "", "d9cb1d3fb748")),
                                          ("hant/articles/d9cb1d3fb748.md", ("articles", "hant/", "d9cb1d3fb748")),
                                          ("hant/versions/d9cb1d3fb748.md", ("versions", "hant/", "d9cb1d3fb748")),
                                          ("regions.md", None), ("regions/d9cb1d3fb748.md", None),
                                          ("articles/Evil.md", None), ("topics/x.md", None)])
def test_shell_page(src, expected):
    assert shell.shell_page(src) == expected


def test_toc_of_prerendered_html():
    tokens = toc_tokens('<h1>T</h1><h2 id="a">A &amp; B</h2><h3 id="b"><i>b</i></h3><h2>no id</h2><h2 id="c">C</h2>')
    assert [(t["id"], t["name"], [c["id"] for c in t["children"]]) for t in tokens] == \
        [("a", "A &amp; B", ["b"]), ("c", "C", [])]


@pytest.mark.parametrize("title", ['普通标题', 'a"b\\c', "x\u2028y\x85\x7f", "tab\tnl\n", "😀", "---", ": # '"])
def test_generated_frontmatter_reads_back_as_yaml_does(title):
    import yaml

    from wenxian.site.markup import frontmatter, split_generated
    text = frontmatter(title) + "<p>x</p>\n"
    meta, html = split_generated(text)
    assert meta == yaml.safe_load(text.split("---\n")[1]) and html == "<p>x</p>\n"
    assert split_generated("---\ntitle: x\n---\n\n<p>x</p>") is None


def test_shell_pages_are_the_pages_mkdocs_renders(built_site, tmp_path):
    """Article, region and reprint-difference pages filled into the theme shell (the normal build) are byte for byte
    the pages MkDocs and Material render themselves (WENXIAN_NO_SHELL=1), in both scripts, and
    the raw capture and citation files are the same too."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    other = tmp_path / "site-mkdocs"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", WENXIAN_NO_SHELL="1")
    mkdocs = Path(sys.executable).with_name("mkdocs")
    proc = subprocess.run([str(mkdocs), "build", "--strict", "--site-dir", str(other)], cwd=built_site.root, env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    compared = 0
    for sub in ("articles", "hant/articles", "regions", "hant/regions", "raw", "versions", "hant/versions"):
        ours = sorted(p.relative_to(built_site.site) for p in (built_site.site / sub).rglob("*") if p.is_file())
        theirs = sorted(p.relative_to(other) for p in (other / sub).rglob("*") if p.is_file())
        assert ours == theirs, sub
        for rel in ours:
            assert (built_site.site / rel).read_bytes() == (other / rel).read_bytes(), rel
            compared += 1
    assert compared > 4 * len(built_site.meta)
    sitemap = lambda site: sorted(l.strip() for l in sitemap_pages(site).splitlines()  # noqa: E731
                                  if "<loc>" in l)
    assert sitemap(built_site.site) == sitemap(other)


def test_slim_page_drops_only_line_breaks_that_are_never_rendered():
    """Outside the article: a line break next to a block element's tag goes, one between two
    inline elements (a rendered space) stays; inside it only the white space at its two ends."""
    page = ('<body>\n  <div class="x">\n<a href="#">a</a>\n<span>b</span>\n<script src="s.js"></script>\n<b>c</b>\n</div>\n'
            '<a href="#"><span class="md-ellipsis">\n  首页\n</span></a>\n'
            '<article class="md-content__inner md-typeset">\n  <p>x</p>\n\n<pre>  y\n\n</pre>\n\n  </article>\n</body>')
    slim = shell.slim_page(page)
    assert slim.startswith('<body><div class="x"><a href="#">a</a>\n<span>b</span>\n<script src="s.js"></script>\n<b>c</b></div>')
    assert '<span class="md-ellipsis">首页</span>' in slim
    assert '<article class="md-content__inner md-typeset"><p>x</p>\n\n<pre>  y\n\n</pre></article></body>' in slim
