"""Article ids: one definition (wenxian.schema.ID_PATTERN, 12 lowercase hex digits) that the
schema, `article.validate`, `wenxian check`'s file names and the site's page names all apply,
and that the ids the pipeline makes satisfy."""
import hashlib

import pytest

from wenxian import article, schema
from wenxian.ingest.pipeline import article_id
from wenxian.ingest.webarchive import page_id
from wenxian.site import shell

CANDIDATES = {
    "d9cb1d3fb748": True,
    "123456789012": True,        # all digits are hex digits too
    "ZZZ": False,
    "D9CB1D3FB748": False,       # uppercase
    "d9cb1d3fb74": False,        # 11
    "d9cb1d3fb7489": False,      # 13
    "d9cb1d3fb748\n": False,
    hashlib.sha256(b"x").hexdigest(): False,  # a whole SHA-256 is the fixity field, not an id
    "": False,
}


@pytest.mark.parametrize("value", list(CANDIDATES), ids=repr)
def test_every_reader_of_an_id_agrees(value):
    valid = CANDIDATES[value]
    assert schema.valid_id(value) is valid
    assert (not any("'id'" in m for m in article.validate({"id": value}))) is valid
    assert (shell.shell_page(f"articles/{value}.md") is not None) is valid


def test_non_strings_are_not_ids():
    for value in (None, 123456789012, ["d9cb1d3fb748"]):
        assert not schema.valid_id(value)
        assert any("'id'" in m for m in article.validate({"id": value}))


def test_the_ids_the_pipeline_makes_are_valid():
    assert schema.valid_id(article_id(b"some capture"))
    assert schema.valid_id(page_id(hashlib.sha256(b"x").hexdigest(), "https://example.org/a"))
