"""Every export is generated safely for its consumer, whatever the (valid) metadata says:
BibTeX read back by a real parser with its braces balanced as BibTeX counts them, CSL-JSON
with real dates, CSV that a spreadsheet never evaluates (ids stay text), an Atom feed and a
sitemap that parse, with RFC 3339 dates only."""
import csv
import datetime
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlparse

import bibtexparser
import pytest
from hypothesis import given, settings, strategies as st

from wenxian import article
from wenxian.site import build, citation, exports

from sitebuild import code_in_page, sitemap_pages

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})\Z")
SHA = "0" * 64
# Text values a contributor may legitimately write (printable, no open bidi override).
TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")), min_size=1, max_size=40)


def meta(aid="0123456789ab", **changes) -> dict:
    m = {"id": aid, "title": "标题", "source": "某报", "source_url": None, "author": ["记者"], "date": "2019-08-30",
         "captured": "2026-11-23", "script": "hans", "encoding": "utf-8", "region": [], "places": [], "tags": [],
         "raw": f"archive/{aid[:2]}/{aid}.txt", "sha256": aid + SHA[12:], "quality": {"masked": 0}}
    m.update(changes)
    return m


def braces_balanced(value: str) -> bool:
    """BibTeX's own rule: every { and } counts, escaped by a backslash or not."""
    depth = 0
    for ch in value:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


def parsed_bib(text: str) -> dict:
    lib = bibtexparser.parse_string(text)
    assert not lib.failed_blocks and len(lib.entries) == 1, text
    fields = {f.key: f.value for f in lib.entries[0].fields}
    assert all(braces_balanced(v) for v in fields.values()), fields
    return fields


@pytest.mark.parametrize("title", ["一个 { 括号", "一个 } 括号", "}{", "\\", "\\{", "%注释 @string{x=1} #", "a & b $x$ _ ^ ~",
                                   "@online{evil,", "}, note = {injected"])
def test_bibtex_braces_and_specials_stay_text(title):
    fields = parsed_bib(citation.bibtex(meta(title=title, author=[title], source=title), "https://x.example/a/"))
    assert set(fields) >= {"title", "author", "organization", "date", "url"}
    assert "injected" not in fields.get("note", "")


@settings(max_examples=300, deadline=None)
@given(title=TEXT, author=TEXT, source=TEXT)
def test_bibtex_of_any_text_parses_back(title, author, source):
    parsed_bib(citation.bibtex(meta(title=title, author=[author], source=source), "https://x.example/a/"))


@pytest.mark.parametrize("date", ["2019-02-30", "0000-01-01", "2019-13", "20190101", "2019-1-1"])
def test_invalid_dates_never_reach_a_citation_or_the_feed(date):
    m = meta(date=date, captured=date, source_url="https://news.example.cn/a")  # urldate: the capture date
    fields = parsed_bib(citation.bibtex(m, "https://x.example/"))
    assert "date" not in fields and "urldate" not in fields
    item = json.loads(citation.csl_json(m, "https://x.example/"))[0]
    assert "issued" not in item and "accessed" not in item
    assert exports._timestamp(date) is None


@pytest.mark.parametrize("date", ["2019", "2019-08", "2019-08-30", "1000-01-01", "2024-02-29"])
def test_valid_dates_are_real_in_csl_json_and_rfc3339_in_the_feed(date):
    item = json.loads(citation.csl_json(meta(date=date), "https://x.example/"))[0]
    parts = item["issued"]["date-parts"][0] + [1, 1]
    datetime.date(*parts[:3])
    stamp = exports._timestamp(date)
    assert RFC3339.match(stamp) and datetime.datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def catalog_of(*metas):
    return build.catalog([(f"docs/articles/{m['id']}.md", article.to_markdown(m, "正文。\n")) for m in metas])


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"https://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_csv_cells_that_start_like_a_formula_are_text(cell):
    cat = catalog_of(meta(title=cell.replace("\r", "").replace("\t", "") if cell[0] in "\t\r" else cell, source=cell.strip() or "x"))
    row = next(csv.DictReader(io.StringIO(exports.csv_text(cat, "https://x.example/").lstrip("\ufeff"))))
    for column in ("title", "source"):
        assert not row[column].startswith(("=", "+", "-", "@", "\t", "\r")), row[column]
        assert row[column].lstrip("'") in (cell, cell.strip(), cell.replace("\r", "").replace("\t", ""))
    assert exports.csv_cell("title", cell) == "'" + cell


@pytest.mark.parametrize("aid", ["123456789012", "12e456789012", "0123456789ab", "012345678901", "12345e678901"])
def test_csv_ids_stay_text(aid):
    cat = catalog_of(meta(aid=aid))
    row = next(csv.DictReader(io.StringIO(exports.csv_text(cat, "https://x.example/").lstrip("\ufeff"))))
    shown = row["id"]
    assert shown.lstrip("'") == aid
    assert shown.startswith("'") == bool(re.fullmatch(r"[0-9.]+(?:[eE][+-]?[0-9]+)?", aid))
    assert json.loads(exports.jsonl(cat, "https://x.example/"))["id"] == aid  # JSON Lines keeps it exact


def test_atom_feed_parses_with_rfc3339_dates():
    cat = catalog_of(meta(aid="0123456789ab", title="</title><x>&", date="2019"),
                     meta(aid="abcdef012345", date=None, captured=None),
                     meta(aid="a00000000001", date="2024-02-29"))
    root = ET.fromstring(exports.atom(cat, "https://x.example/", "文献").encode("utf-8"))
    assert root.tag == f"{ATOM}feed"
    stamps = [root.find(f"{ATOM}updated").text] + [e.find(f"{ATOM}updated").text for e in root.iter(f"{ATOM}entry")]
    # The undated, uncaptured article cannot be placed in time: left out, never dated 1970.
    assert len(stamps) == 3 and all(RFC3339.match(s) for s in stamps), stamps
    for entry in root.iter(f"{ATOM}entry"):
        assert entry.find(f"{ATOM}id").text.startswith("https://x.example/") and entry.find(f"{ATOM}title").text


def test_built_feed_and_sitemap_are_well_formed_with_valid_dates(built_site):
    feed = ET.parse(built_site.site / "feed.xml").getroot()
    for stamp in feed.iter(f"{ATOM}updated"):
        assert RFC3339.match(stamp.text), stamp.text
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    index = ET.parse(built_site.site / "sitemap.xml").getroot()
    assert index.tag == f"{ns}sitemapindex"  # of parts (wenxian.site.sitemap)
    assert [s.find(f"{ns}loc").text.rsplit("/", 1)[1] for s in index.iter(f"{ns}sitemap")] == ["sitemap-1.xml"]
    sitemap = ET.fromstring(sitemap_pages(built_site.site).encode("utf-8"))
    assert sitemap.tag == f"{ns}urlset"
    for url in sitemap.iter(f"{ns}url"):
        assert url.find(f"{ns}loc").text.startswith(("http://", "https://", "/"))
        lastmod = url.find(f"{ns}lastmod")
        if lastmod is not None:
            datetime.date.fromisoformat(lastmod.text[:10])
    table = list(csv.reader(io.StringIO((built_site.site / "data" / "articles.csv").read_text("utf-8").lstrip("\ufeff"))))
    assert all(not c.startswith(("=", "+", "-", "@", "\t", "\r")) for row in table[1:] for c in row)
    # every article's BibTeX, on its page in its own script (the twin links there, issue 18)
    for aid, meta in built_site.meta.items():
        own = "hant/" if meta.get("script") == "hant" else ""
        parsed_bib(code_in_page((built_site.site / f"{own}articles/{aid}/index.html").read_text("utf-8"), "wx-cite-bib"))


def test_built_sitemap_is_valid_against_the_sitemap_schema(built_site):
    from lxml import etree
    schema = etree.XMLSchema(etree.parse(str(Path(__file__).parent / "cases" / "schemas" / "sitemap.xsd")))
    doc = etree.fromstring(sitemap_pages(built_site.site).encode("utf-8"))
    assert schema.validate(doc), schema.error_log.last_error


def test_built_feed_has_what_rfc_4287_requires(built_site):
    """Atom has no XML Schema; RFC 4287's required elements, checked one by one: the feed's id,
    title, updated and author (or one per entry); every entry's id, title, updated and a link."""
    feed = ET.parse(built_site.site / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{name}")) == 1, name
    entries = feed.findall(f"{ATOM}entry")
    assert entries
    feed_author = feed.find(f"{ATOM}author") is not None
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
        assert feed_author or entry.find(f"{ATOM}author") is not None
        assert entry.find(f"{ATOM}link") is not None or entry.find(f"{ATOM}content") is not None
        assert urlparse(entry.find(f"{ATOM}id").text).scheme in ("http", "https", "urn", "tag")
