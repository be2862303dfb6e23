"""The raw link of a capture holding HTML (saved page, MHTML, WARC) on the built site (the shared
build of sitebuild.py): the original file as a download under its original name and type, and
its visible text as UTF-8 — never the third-party HTML as a page of the site."""
import hashlib
import re

import webarchive_files as W
from wenxian.ingest import kinds
from wenxian.site import urls

from sitebuild import code_in_page, raw_in_site


def _article(built_site, aid: str) -> str:
    return (built_site.site / "articles" / aid / "index.html").read_text("utf-8")


def test_original_file_is_offered_as_a_download_under_its_name_and_type(built_site):
    expected = {"保存的网页.html": ".html.bin", "page.mhtml": ".mhtml.bin", "page.warc.gz": ".warc.gz",
                "two-pages.warc.gz": ".warc.gz"}
    for name, ids in built_site.captures.items():
        for aid in ids:
            meta = built_site.meta[aid]
            original = (built_site.root / meta["raw"]).read_bytes()
            cid = hashlib.sha256(original).hexdigest()[:12]
            assert urls.raw_original(meta["raw"]) == f"raw/{cid}{expected[name]}"
            assert (built_site.site / "raw" / f"{cid}{expected[name]}").read_bytes() == original
            kind = kinds.kind_of(name)
            link = f'<a href="../../raw/{cid}{expected[name]}" download="{name}" type="{kind.media_type}">{name}</a>'
            html = _article(built_site, aid)
            assert link in html, name
            assert '<a href="#wx-raw-text" type="text/plain">可见文字</a>' in html
            hant = (built_site.site / "hant" / "articles" / aid / "index.html").read_text("utf-8")
            assert f'href="../../../raw/{cid}{expected[name]}" download="{name}"' in hant


def test_visible_text_not_html(built_site):
    for name, ids in built_site.captures.items():
        for n, aid in enumerate(ids):
            text = raw_in_site(built_site.site, aid)
            lines = text.splitlines()
            assert "<" not in text and "tracker" not in text and "隐藏的统计代码" not in text, name
            assert lines[0].endswith("_乡村干部报网") and "版权所有 © 乡村干部报网 京ICP备12345678号" in lines
            paras = W.paragraphs(8)[4:] if n else W.paragraphs()
            assert all(p in lines for p in paras), (name, n)  # each page of a two-page WARC its own text


def test_no_third_party_html_is_served_as_a_page(built_site):
    raw = built_site.site / "raw"
    assert not [p.name for p in raw.iterdir() if re.search(r"\.(html?|mht|mhtml|xhtml|svg)$", p.name)]
    text_ids = {aid for aid, m in built_site.meta.items() if not kinds.holds_html(m["raw"])}
    for aid in text_ids:  # a text capture's raw link: the text itself, in the page of its own script
        html = _article(built_site, aid)
        own = "" if built_site.meta[aid].get("script", "hans") == "hans" else f"../../hant/articles/{aid}/"
        assert f'<a href="{own}#wx-raw-text" type="text/plain">纯文本</a>' in html and " download=" not in html


def test_a_hostile_sidecar_name_stays_an_attribute_value(tmp_path):
    """The original name comes from a sidecar (contributor data): escaped, controls and path
    separators replaced; a missing or broken sidecar falls back to the archived name."""
    from wenxian import archive
    import sitebuild as build  # build.generate: every generated file, without MkDocs

    data = W.warc([(W.URL, W.page().encode("utf-8"), "text/html")])
    src = tmp_path / "page.warc.gz"
    src.write_bytes(data)
    aid, _ = archive.add(tmp_path, src, {})
    raw = f"archive/{aid[:2]}/{aid}.warc.gz"
    md = (tmp_path / "docs" / "articles" / f"{aid}.md").read_text("utf-8")
    files = {raw: data, f"archive/{aid[:2]}/{aid}.json":
             b'{"original_name": "a\\"><script>x()</script>/../\\u0007b.warc.gz", "pages": {}}'}
    out = build.generate([(f"docs/articles/{aid}.md", md)], {"index.md": "# 首页\n"}, files.__getitem__, "", "x")
    page = out[f"articles/{aid}.md"]
    assert 'download="a&quot;&gt;&lt;script&gt;x()&lt;_script&gt;_.._b.warc.gz"' in page and "<script>" not in page
    assert out[f"raw/{aid}.warc.gz"] == data and W.TITLE in code_in_page(page, "wx-raw-text")
    files[f"archive/{aid[:2]}/{aid}.json"] = b"not json"
    out = build.generate([(f"docs/articles/{aid}.md", md)], {"index.md": "# 首页\n"}, files.__getitem__, "", "x")
    assert f'download="{aid}.warc.gz" type="application/warc"' in out[f"articles/{aid}.md"]
