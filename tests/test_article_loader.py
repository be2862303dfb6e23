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
    assert len([p for p in tmp_path.rglob("*.json") if p.name != article_loader.INDEX]) == 450
    assert article_loader.warm(texts, tmp_path) == 0  # all cached now


def test_the_index_alone_gives_every_parsed_article_back(tmp_path, monkeypatch):
    # one file of every article's frontmatter (issue 18): a new process reads it instead of an
    # entry per article; bodies come from the texts themselves
    base = SEEDS[0].read_text("utf-8")
    texts = [base + f"\n副本 {n}\n" for n in range(3)] + [SEEDS[1].read_text("utf-8")]
    article_loader.warm(texts, tmp_path)
    expected = [article_loader.parse(t) for t in texts]
    assert (tmp_path / article_loader.INDEX).is_file()
    for entry in tmp_path.glob("??/*.json"):
        entry.unlink()
    monkeypatch.setattr(article_loader, "_memory", {})
    monkeypatch.setattr(article_loader, "_indexes", {})
    monkeypatch.setattr(article_loader.article_mod, "parse", None)  # no parsing at all
    assert article_loader.warm(texts, tmp_path) == 0
    assert [article_loader.parse(t, tmp_path) for t in texts] == expected
    # a damaged index is a miss: the texts are parsed again
    monkeypatch.undo()
    (tmp_path / article_loader.INDEX).write_text("0" * 40 + "\n{}", "utf-8")
    monkeypatch.setattr(article_loader, "_memory", {})
    monkeypatch.setattr(article_loader, "_indexes", {})
    article_loader.warm(texts, tmp_path)
    assert [article_loader.parse(t, tmp_path) for t in texts] == expected


def test_a_few_new_texts_leave_the_index_as_it_is_and_are_read_from_their_entries(tmp_path, monkeypatch):
    # issue 18: one edited article no longer rewrites the index of 20,000; many new ones do
    base = SEEDS[0].read_text("utf-8")
    texts = [base + f"\n副本 {n}\n" for n in range(5)]
    article_loader.warm(texts, tmp_path)
    index = tmp_path / article_loader.INDEX
    before = index.read_bytes()
    edited = texts[:4] + [base + "\n改过的副本\n"]
    monkeypatch.setattr(article_loader, "_memory", {})
    monkeypatch.setattr(article_loader, "_indexes", {})
    article_loader.warm(edited, tmp_path)
    assert index.read_bytes() == before
    expected = article_loader.parse(edited[-1])
    monkeypatch.setattr(article_loader, "_memory", {})
    monkeypatch.setattr(article_loader, "_indexes", {})
    monkeypatch.setattr(article_loader.article_mod, "parse", None)  # from the index and the entry alone
    assert article_loader.warm(edited, tmp_path) == 0
    assert article_loader.parse(edited[-1], tmp_path) == expected
    monkeypatch.undo()
    many = [base + f"\n另一批 {n}\n" for n in range(article_loader.INDEX_SLACK + 1)]
    monkeypatch.setattr(article_loader, "_memory", {})
    monkeypatch.setattr(article_loader, "_indexes", {})
    article_loader.warm(many, tmp_path)
    assert index.read_bytes() != before
