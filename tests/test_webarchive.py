"""Web-archive captures (WARC, WARC.GZ, WACZ, MHTML) built here from a fixture page: the article is
the HTML page they hold, extracted exactly as the plain page; the file is archived byte-exact;
several pages are listed, chosen with --url or all added with --all; broken files fail with one
line naming the file."""
import base64
import gzip
import hashlib
import io
import json
import zipfile

import pytest
from hypothesis import given, settings, strategies as st

import webarchive_files as W
from conftest import line_of
from wenxian import archive, article
from wenxian.ingest import kinds
from wenxian.cli import main
from wenxian.ingest.decode import decode
from wenxian.ingest.pipeline import extract
from wenxian.dev.safety_properties import check_capture
from wenxian.ingest.webarchive import WebArchiveError, main_page, page_id, pages, visible_text

HTML = W.page().encode("utf-8")
OTHER = "https://www.example.gov.cn/xczx/2019/0901/other.html"
OTHER_HTML = W.page("另一篇文章的标题在这里", W.paragraphs(8)[4:]).encode("utf-8")


def captures() -> dict[str, bytes]:
    one = W.warc([(W.URL, HTML, "text/html; charset=utf-8")],
                 extra_status=[("https://www.example.gov.cn/logo.png", 200, b"\x89PNG....", "image/png"),
                               ("https://www.example.gov.cn/missing.html", 404, b"<html>404</html>", "text/html")])
    return {"page.warc.gz": one, "page.warc": W.warc([(W.URL, HTML, "text/html")], gz=False),
            "page.wacz": W.wacz(one, [W.URL]), "page.mhtml": W.mhtml(HTML),
            "page.MHT": W.mhtml(HTML, encoding="base64")}


CAPTURES = captures()


@pytest.mark.parametrize("name", sorted(CAPTURES))
def test_web_archive_gives_the_article_of_the_plain_page(name):
    plain = extract(HTML, "page.html")
    data = CAPTURES[name]
    art = extract(data, name)
    assert (art["title"], art["body"], art["date"], art["source"]) == (plain["title"], plain["body"], plain["date"], plain["source"])
    assert art["title"] == W.TITLE and "alert" not in art["body"]
    assert art["source_url"] == W.URL and art["captured"] == "2026-11-23"
    assert art["sha256"] == hashlib.sha256(data).hexdigest() and art["id"] == art["sha256"][:12]
    assert kinds.kind_of(name).family in kinds.WEB_ARCHIVES


def test_http_header_charset_is_used_when_the_bytes_are_valid_in_it():
    gbk = W.page(meta_charset="gbk").encode("gb18030")
    art = extract(W.warc([(W.URL, gbk, "text/html; charset=GBK")]), "gbk.warc.gz")
    assert art["encoding"] == "gb18030" and art["title"] == W.TITLE
    # a lying header (UTF-8 for GBK bytes) is ignored: the bytes are detected as for any capture
    assert extract(W.warc([(W.URL, gbk, "text/html; charset=utf-8")]), "lie.warc.gz")["title"] == W.TITLE
    # the meta charset stands in for a header without one
    assert main_page(W.warc([(W.URL, gbk, "text/html")]), "m.warc.gz").charset == "gbk"


def test_decoder_prefers_a_declared_charset_over_its_guess():
    data = "扶贫工作队".encode("gb18030")   # also valid Big5 bytes (痴げ馱釬勦)
    assert decode(data).encoding == "gb18030"
    assert decode(data, declared="big5").encoding == "big5"
    assert decode(data, declared="iso-8859-1").encoding == "gb18030"   # not a family the decoder knows
    assert decode("中文".encode("utf-8"), declared="gbk").encoding == "utf-8"  # valid UTF-8 is UTF-8
    assert decode("中文".encode("big5"), declared="utf-8").encoding == "big5"  # invalid in it: detected


def test_several_pages_are_listed_and_chosen_by_url():
    data = W.warc([(W.URL, HTML, "text/html"), (OTHER, OTHER_HTML, "text/html")])
    assert [p.url for p in pages(data, "two.warc.gz")] == [W.URL, OTHER]
    with pytest.raises(WebArchiveError) as exc:
        extract(data, "two.warc.gz")
    assert str(exc.value) == (f"two.warc.gz: holds 2 HTML pages; choose one with --url URL or add all with --all: "
                              f"{W.URL}, {OTHER}")
    assert extract(data, "two.warc.gz", page_url=OTHER)["title"] == "另一篇文章的标题在这里"
    with pytest.raises(WebArchiveError, match="no page with URL https://x.cn/; the 2 pages are: "):
        extract(data, "two.warc.gz", page_url="https://x.cn/")


def test_wacz_pages_come_from_pages_jsonl():
    both = W.warc([(W.URL, HTML, "text/html"), (OTHER, OTHER_HTML, "text/html")])
    assert extract(W.wacz(both, [OTHER]), "one.wacz")["source_url"] == OTHER   # the other HTML is a frame
    with pytest.raises(WebArchiveError, match="holds 2 HTML pages"):
        extract(W.wacz(both, [W.URL, OTHER]), "two.wacz")
    with pytest.raises(WebArchiveError, match="page https://x.cn/ of pages/pages.jsonl has no HTML response"):
        extract(W.wacz(both, ["https://x.cn/"]), "gone.wacz")


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


BOMB = 70 * 1024 * 1024  # over max_unpacked_bytes (64 MiB), a few tens of KB packed
BAD = {
    "text.warc": (b"just some text\n" * 5, "text.warc: not a valid WARC file (it does not start with a WARC/1.x record)"),
    "cut.warc.gz": (CAPTURES["page.warc.gz"][:-40], "cut.warc.gz: truncated gzip data (the file is cut off): download it again"),
    "junk.warc.gz": (b"\x1f\x8b\x08\x00" + b"\xff" * 50, "junk.warc.gz: not a valid gzip file"),
    "img.warc.gz": (W.warc([], extra_status=[("https://x.cn/a.png", 200, b"PNG", "image/png")]),
                    "img.warc.gz: no HTML page in this capture (no HTML response with status 200)"),
    "bomb.warc.gz": (gzip.compress(b"\0" * BOMB), "bomb.warc.gz: unpacks to more than 67,108,864 bytes"),
    "notzip.wacz": (b"PK not really", "notzip.wacz: not a valid WACZ file (not a zip archive"),
    "empty.wacz": (_zip({"pages/pages.jsonl": b""}), "empty.wacz: not a valid WACZ file (no archive/*.warc"),
    "bomb.wacz": (_zip({"archive/a.warc": b"\0" * BOMB}), "bomb.wacz: archive/a.warc unpacks to 73,400,320 bytes; the limit is"),
    "plain.mhtml": (HTML, "plain.mhtml: not a valid MHTML file (no MIME headers)"),
    "img.mht": (W.mhtml(b"PNG").replace(b"text/html", b"image/gif"), "img.mht: no HTML page in this MHTML file"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_broken_web_archives_fail_with_one_line_naming_the_file(name, tmp_path, capsys):
    data, message = BAD[name]
    with pytest.raises(WebArchiveError) as exc:
        extract(data, name)
    assert str(exc.value).startswith(message) and "\n" not in str(exc.value)
    (tmp_path / name).write_bytes(data)
    assert main(["extract", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"wenxian: {tmp_path / name}: ")
    assert main(["add", str(tmp_path / name), "--root", str(tmp_path / "repo")]) == 1
    assert not (tmp_path / "repo" / "archive").exists() and not (tmp_path / "repo" / "docs").exists()


def _add(tmp_path, name, data, *extra):
    src = tmp_path / name
    src.write_bytes(data)
    return main(["add", str(src), "--root", str(tmp_path / "repo"), *extra])


@pytest.mark.parametrize("name", ["page.warc.gz", "page.wacz", "page.mhtml"])
def test_add_archives_the_file_byte_exact_under_its_real_suffix(name, tmp_path, capsys):
    data = CAPTURES[name]
    assert _add(tmp_path, name, data) == 0
    aid = hashlib.sha256(data).hexdigest()[:12]
    suffix = kinds.kind_of(name).suffix
    repo = tmp_path / "repo"
    assert (repo / archive.raw_path(aid, suffix)).read_bytes() == data
    meta, body, _ = article.parse((repo / "docs" / "articles" / f"{aid}.md").read_text("utf-8"))
    assert (meta["raw"], meta["source_url"], meta["captured"], meta["title"]) == (
        archive.raw_path(aid, suffix), W.URL, "2026-11-23", W.TITLE)
    sidecar = json.loads((repo / archive.raw_path(aid, ".json")).read_text("utf-8"))
    assert (sidecar["original_name"], sidecar["url"], sidecar["captured"], sidecar["pages"]) == (name, W.URL, "2026-11-23", {aid: W.URL})
    assert archive.check(repo) == [] and archive.leftovers(repo) == []
    assert capsys.readouterr().out.splitlines()[0] == f"{tmp_path / name}: added {aid}"  # then its table


def test_command_line_values_override_the_record(tmp_path):
    assert _add(tmp_path, "page.mhtml", CAPTURES["page.mhtml"], "--url", "https://mirror.example.cn/a",
                "--captured", "2026-12-01") == 0
    aid = hashlib.sha256(CAPTURES["page.mhtml"]).hexdigest()[:12]
    meta, _, _ = article.parse((tmp_path / "repo" / "docs" / "articles" / f"{aid}.md").read_text("utf-8"))
    assert (meta["source_url"], meta["captured"]) == ("https://mirror.example.cn/a", "2026-12-01")


def test_several_pages_need_url_or_all(tmp_path, capsys):
    data = W.warc([(W.URL, HTML, "text/html"), (OTHER, OTHER_HTML, "text/html")])
    repo = tmp_path / "repo"
    assert _add(tmp_path, "two.warc.gz", data) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].endswith(f"holds 2 HTML pages; choose one with --url URL or add all with --all: {W.URL}, {OTHER}")
    assert not repo.exists()
    assert _add(tmp_path, "two.warc.gz", data, "--all", "--url", W.URL) == 2
    capsys.readouterr()
    # --url chooses one page: the article has the capture's own id
    assert _add(tmp_path, "two.warc.gz", data, "--url", OTHER) == 0
    cid = hashlib.sha256(data).hexdigest()[:12]
    meta, _, _ = article.parse((repo / "docs" / "articles" / f"{cid}.md").read_text("utf-8"))
    assert meta["source_url"] == OTHER and meta["title"] == "另一篇文章的标题在这里"
    assert archive.check(repo) == []


def test_all_makes_one_article_per_page_sharing_one_capture(tmp_path, capsys):
    data = W.warc([(W.URL, HTML, "text/html"), (OTHER, OTHER_HTML, "text/html")])
    assert _add(tmp_path, "two.warc.gz", data, "--all") == 0
    sha = hashlib.sha256(data).hexdigest()
    ids = [page_id(sha, W.URL), page_id(sha, OTHER)]
    out = [l for l in capsys.readouterr().out.splitlines() if not l.startswith("  ")]  # without the tables
    assert out == [f"{tmp_path / 'two.warc.gz'} [{W.URL}]: added {ids[0]}", f"{tmp_path / 'two.warc.gz'} [{OTHER}]: added {ids[1]}"]
    repo = tmp_path / "repo"
    titles = []
    for aid in ids:
        meta, _, _ = article.parse((repo / "docs" / "articles" / f"{aid}.md").read_text("utf-8"))
        assert meta["raw"] == archive.raw_path(sha[:12], ".warc.gz") and meta["sha256"] == sha
        titles.append(meta["title"])
    assert titles == [W.TITLE, "另一篇文章的标题在这里"]
    assert sorted(p.name for p in (repo / "archive" / sha[:2]).iterdir()) == [f"{sha[:12]}.json", f"{sha[:12]}.warc.gz"]
    assert archive.check(repo) == [] and archive.leftovers(repo) == []
    # a page id that the sidecar does not record is a fixity problem
    sidecar = repo / archive.raw_path(sha[:12], ".json")
    record = json.loads(sidecar.read_text("utf-8"))
    record["pages"].pop(ids[1])
    sidecar.write_text(json.dumps(record), "utf-8")
    raw_line = line_of(repo / "docs" / "articles" / f"{ids[1]}.md", "raw")  # reported on the `raw:` line
    assert archive.check(repo) == [f"docs/articles/{ids[1]}.md:{raw_line}: id '{ids[1]}' is neither the start of its sha256 "
                                   f"nor a page of archive/{sha[:2]}/{sha[:12]}.json (`add --all`)"]


def test_fixture_keeps_the_real_suffix(tmp_path, capsys):
    src = tmp_path / "Saved Page.warc.gz"
    src.write_bytes(CAPTURES["page.warc.gz"])
    assert main(["fixture", str(src), "--dest", str(tmp_path / "corpus")]) == 0
    made = sorted(p.name for p in (tmp_path / "corpus").iterdir())
    assert made == ["01-saved-page.expected.json", "01-saved-page.source.json", "01-saved-page.warc.gz"]
    assert (tmp_path / "corpus" / "01-saved-page.warc.gz").read_bytes() == CAPTURES["page.warc.gz"]
    assert json.loads((tmp_path / "corpus" / "01-saved-page.expected.json").read_text("utf-8"))["title"] == W.TITLE


def test_visible_text_is_what_a_reader_saw():
    text = visible_text(CAPTURES["page.warc.gz"], "page.warc.gz", "utf-8")
    lines = text.splitlines()
    assert lines[0] == f"{W.TITLE}_乡村干部报网" and "首页" in lines[1] and W.TITLE in lines
    assert all(p in lines for p in W.paragraphs())
    assert "tracker" not in text and "color" not in text and "隐藏的统计代码" not in text and "<" not in text
    assert visible_text(HTML, "page.html", None) == text


def test_golden_tests_take_a_web_archive_fixture(tmp_path):
    from conftest import annotated_captures
    from test_corpus_golden import misses

    src = tmp_path / "two.warc.gz"
    src.write_bytes(W.warc([(W.URL, HTML, "text/html"), (OTHER, OTHER_HTML, "text/html")]))
    assert main(["fixture", str(src), "--url", OTHER, "--dest", str(tmp_path / "corpus")]) == 0
    (cap, exp), = annotated_captures(tmp_path)
    assert cap.name == "01-two.warc.gz" and exp["title"] == "另一篇文章的标题在这里"
    # a multi-page fixture is read at the URL its .source.json records
    assert misses(cap, exp) == []


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(sorted(CAPTURES)), st.integers(0, 10**6), st.integers(0, 255), st.booleans())
def test_damaged_web_archives_are_rejected_cleanly_or_read(name, where, byte, cut):
    """A byte changed or the file cut anywhere: a one-line WenxianError naming the file, or an article."""
    data = bytearray(CAPTURES[name])
    i = where % len(data)
    if cut:
        del data[i:]
    else:
        data[i] = byte
    assert check_capture(bytes(data), name) in ("accepted", "rejected")


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=512), st.sampled_from(["a.warc", "a.warc.gz", "a.wacz", "a.mhtml", "a.mht"]))
def test_any_bytes_named_as_a_web_archive_are_rejected_cleanly(data, name):
    assert check_capture(data, name) in ("accepted", "rejected")


def test_adding_one_page_after_all_keeps_the_pages_recorded(tmp_path):
    data = W.warc([(W.URL, HTML, "text/html"), (OTHER, OTHER_HTML, "text/html")])
    assert _add(tmp_path, "two.warc.gz", data, "--all") == 0
    assert _add(tmp_path, "two.warc.gz", data, "--url", W.URL) == 0   # the capture's own id this time
    sha = hashlib.sha256(data).hexdigest()
    repo = tmp_path / "repo"
    assert sorted(p.stem for p in (repo / "docs" / "articles").iterdir()) == sorted(
        [sha[:12], page_id(sha, W.URL), page_id(sha, OTHER)])
    assert archive.check(repo) == [] and archive.leftovers(repo) == []


def test_gunzip_reads_every_member_up_to_exactly_the_limit():
    from wenxian.ingest.webarchive import gunzip

    data = bytes(range(256)) * 4000 + b"x" * 100_000
    packed = gzip.compress(data) + gzip.compress(b"second")
    assert gunzip(packed, "p.warc.gz", len(data) + 6) == data + b"second"
    with pytest.raises(WebArchiveError, match="unpacks to more than"):
        gunzip(packed, "p.warc.gz", len(data) + 5)
    with pytest.raises(WebArchiveError, match="truncated gzip data"):
        gunzip(packed[:-30], "p.warc.gz", 10**8)


def _with_picture(mhtml: bytes, size: int) -> bytes:
    """The MHTML with a picture of `size` bytes (random, so incompressible) before its end."""
    import os

    boundary = b"----MultipartBoundary--wenxianTEST----"
    picture = base64.encodebytes(os.urandom(size))
    part = (b"--" + boundary + b"\r\nContent-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\n"
            b"Content-Location: https://www.example.gov.cn/photo.jpg\r\n\r\n" + picture + b"\r\n")
    end = b"--" + boundary + b"--\r\n"
    assert mhtml.endswith(end)
    return mhtml[:-len(end)] + part + end


def test_a_web_archive_with_its_pictures_may_be_larger_than_a_page(tmp_path, capsys):
    """A page saved with its pictures is megabytes of images beside a small HTML part: the file
    is held to max_archive_bytes, its HTML page to max_bytes (wenxian/data/limits.yml)."""
    from wenxian import datafiles

    limits = datafiles.load("limits.yml")
    big = _with_picture(CAPTURES["page.mhtml"], limits["max_bytes"])  # base64: a third larger
    assert limits["max_bytes"] < len(big) < limits["max_archive_bytes"]
    assert _add(tmp_path, "big.mhtml", big) == 0
    aid = hashlib.sha256(big).hexdigest()[:12]
    assert (tmp_path / "repo" / archive.raw_path(aid, ".mhtml")).read_bytes() == big
    meta, _, _ = article.parse((tmp_path / "repo" / "docs" / "articles" / f"{aid}.md").read_text("utf-8"))
    assert meta["title"] == W.TITLE
    # a saved page of that size is still refused, naming its own limit
    page = tmp_path / "big.html"
    page.write_bytes(HTML + b"<!--" + b"x" * limits["max_bytes"] + b"-->")
    assert main(["add", str(page), "--root", str(tmp_path / "repo")]) == 1
    assert f"the limit is {limits['max_bytes']:,} bytes (max_bytes in wenxian/data/limits.yml)" in capsys.readouterr().err


def test_a_web_archive_over_its_limit_is_refused_naming_it(tmp_path, monkeypatch, capsys):
    from wenxian.ingest import limits as limits_mod

    real = limits_mod.datafiles.load
    monkeypatch.setattr(limits_mod.datafiles, "load",
                        lambda name: {**real(name), "max_archive_bytes": 50_000} if name == "limits.yml" else real(name))
    big = _with_picture(CAPTURES["page.mhtml"], 60_000)
    assert _add(tmp_path, "big.mhtml", big) == 1
    err = capsys.readouterr().err
    assert f"big.mhtml: file is {len(big):,} bytes; the limit is 50,000 bytes (max_archive_bytes in wenxian/data/limits.yml)" in err
    assert not (tmp_path / "repo" / "docs" / "articles").exists() or not list((tmp_path / "repo" / "docs" / "articles").glob("*.md"))
