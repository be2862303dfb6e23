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
