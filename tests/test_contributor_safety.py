"""Contributor safety, table-driven: source URLs lose the parameters that identify a sharer
(tests/cases/urls.yml) and personal data in a capture is found before it is published
(tests/cases/personal_data.yml)."""
from pathlib import Path

import pytest
import yaml

from wenxian.ingest.personal import find_personal_data, gb11643
from wenxian.ingest.source_urls import UrlError, normalise

CASES = Path(__file__).parent / "cases"
URL_CASES = yaml.safe_load((CASES / "urls.yml").read_text("utf-8"))
PD_CASES = yaml.safe_load((CASES / "personal_data.yml").read_text("utf-8"))


@pytest.mark.parametrize("case", URL_CASES, ids=[c["id"] for c in URL_CASES])
def test_url_normalisation(case):
    got = normalise(case["url"])
    assert (got.url, list(got.dropped)) == (case["want"], case["dropped"])


@pytest.mark.parametrize("case", URL_CASES, ids=[c["id"] for c in URL_CASES])
def test_normalised_url_is_a_fixed_point(case):
    once = normalise(case["url"]).url
    assert (normalise(once).url, normalise(once).dropped) == (once, ())


@pytest.mark.parametrize("bad", ["mp.weixin.qq.com/s/abc", "ftp://example.com/a", "javascript:alert(1)", "", "https://"])
def test_not_an_http_url_is_refused(bad):
    with pytest.raises(UrlError):
        normalise(bad)


@pytest.mark.parametrize("case", PD_CASES, ids=[c["id"] for c in PD_CASES])
def test_personal_data_detector(case):
    assert [[f.kind, f.text] for f in find_personal_data(case["text"])] == case["want"]


def test_findings_name_their_line_and_mask_the_value():
    found = find_personal_data("第一行\n电话 13812345678\n邮箱 tougao@example.com")
    assert [(f.line, f.masked) for f in found] == [(2, "138******78"), (3, "t*****@example.com")]


def test_id_checksum_rejects_every_wrong_check_character():
    good = "654027198805123413"
    assert gb11643(good)
    assert [c for c in "0123456789X" if gb11643(good[:17] + c)] == ["3"]


def test_repeated_values_collapse_to_one_group_with_their_lines():
    from wenxian.ingest.personal import grouped

    text = "投稿：news@example.cn\n正文\n联系 news@example.cn 或 news@example.cn\n电话 13812345678"
    groups = grouped(find_personal_data(text))
    assert [(g.first.text, g.count, g.where()) for g in groups] == [
        ("news@example.cn", 3, "3 times: lines 1, 3"), ("13812345678", 1, "line 4")]


# A saved page as a WeChat/CMS page is written: Mac line ends (\r) in its header, retina
# icons, and one footer e-mail printed twice (visible text and a mailto link).
PAGE = ("<html><head><title>某县召开驻村工作推进会</title>\r<meta charset='utf-8'>\r</head>\n<body>\n"
        "<div class='nav'><a href='/'>首页</a> <img src='/img/logo@2x.png'> <img src='/img/share@3x.png'></div>\n"
        "<h1>某县召开驻村工作推进会</h1>\n"
        + "".join(f"<p>第{n}段：会议要求，各工作队要把群众的事情当作自己的事情，扎实推进产业发展和就业帮扶，确保成效。</p>\n"
                  for n in range(1, 7))
        + "<div class='footer'>联系我们：<a href='mailto:zhang.wei1988@example.com'>zhang.wei1988@example.com</a>"
          " <img src='/img/qr@2x.png'></div>\n</body></html>\n")


def test_add_warns_once_per_value_on_the_source_line_extract_names(tmp_path):
    """No alarm for image file names; the footer address once, with its count, on the line the
    removed list of `extract` gives for the footer (both count the page's HTML source lines)."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    cap = tmp_path / "page.html"
    cap.write_bytes(PAGE.encode("utf-8"))
    bin_dir = Path(sys.executable).parent
    done = subprocess.run([str(bin_dir / "wenxian"), "add", str(cap), "--root", str(tmp_path)],
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    warnings = [l for l in done.stderr.splitlines() if "personal data" in l]
    extracted = json.loads(subprocess.run([str(bin_dir / "wenxian"), "extract", str(cap), "--json"],
                                          capture_output=True, text=True, check=True).stdout)
    footer = next(r["line"] for r in extracted["removed"] if "联系我们" in r["text"])
    assert warnings == [
        f"warning: {cap}:{footer}: looks like personal data (电子邮箱 / e-mail address): z************@example.com "
        "(2 times: line " + str(footer) + "; lines of the page's HTML source, as numbered in the removed list of "
        "`wenxian extract`). The raw capture is published unchanged; if this belongs to a private person, do not "
        "submit it (see CONTRIBUTING.md)."]
    assert footer == PAGE.split("\n").index(next(l for l in PAGE.split("\n") if "联系我们" in l)) + 1
