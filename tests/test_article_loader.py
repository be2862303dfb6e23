"""wenxian.article_loader: parsed articles cached by content give what article.parse gives."""
from pathlib import Path

import pytest

from wenxian import article
from wenxian import article_loader

REPO = Path(__file__).resolve().parents[1]
SEEDS = sorted((REPO / "docs" / "articles").glob("*.md"))


@pytest.fixture(autouse=True)
def _fresh_memory():
    article_loader._memory.clear()
    yield
    article_loader._memory.clear()


def test_cached_parse_equals_article_parse_from_memory_and_from_disk(tmp_path):
    for path in SEEDS:
        text = path.read_text("utf-8")
        meta, body, _ = article.parse(text)
        assert article_loader.parse(text, tmp_path) == (meta, body)       # parsed, written to disk
        article_loader._memory.clear()
        assert article_loader.parse(text, tmp_path) == (meta, body)       # read back from the JSON cache
    assert len(list(tmp_path.rglob("*.json"))) == len(SEEDS)


def test_an_edited_file_is_parsed_again(tmp_path):
    text = SEEDS[0].read_text("utf-8")
    edited = text.replace("\ntitle: ", "\ntitle: 改过的", 1)
    assert article_loader.parse(edited, tmp_path)[0]["title"].startswith("改过的")
    assert article_loader.parse(text, tmp_path)[0]["title"] == article.parse(text)[0]["title"]


def test_bad_frontmatter_raises_and_is_not_cached(tmp_path):
    with pytest.raises(ValueError):
        article_loader.parse("---\ntitle: [unclosed\n---\n\nbody\n", tmp_path)
    assert not list(tmp_path.rglob("*.json"))


def test_values_json_cannot_hold_are_not_cached(tmp_path):
    text = "---\nid: abcdefabcdef\ndate: 2019-08-01\n---\n\nbody\n"  # unquoted: YAML gives a date
    meta, _ = article_loader.parse(text, tmp_path)
    assert meta["date"].isoformat() == "2019-08-01" and not list(tmp_path.rglob("*.json"))


def test_warm_fills_the_disk_cache_for_a_large_batch(tmp_path):
    base = SEEDS[0].read_text("utf-8")
    texts = [base + f"\n副本 {n}\n" for n in range(450)]
    assert article_loader.warm(texts, tmp_path) == 450
    assert len(list(tmp_path.rglob("*.json"))) == 450
    assert article_loader.warm(texts, tmp_path) == 0  # all cached now
