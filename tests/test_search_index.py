"""The search index (wenxian/search/postings.py) and the search step that writes it.

Every posting of a built index is read back with an independent reader of the file format and
compared with grams computed here by brute force from the folded texts (str methods, no numpy);
the browser side (lookups, sorting, filters, paging) is tested through the real site in
tests/test_search_browser.py.
"""
import gzip
import json
import random
from pathlib import Path

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from conftest import annotated_captures
from wenxian import article
from wenxian.search import fold_cache, postings
from wenxian.search import indexer as hook  # the search step of hooks/search.py
from wenxian.search import records as search
from wenxian.search.fold import fold, fold_table


# --- grams ----------------------------------------------------------------------------------------

def brute_grams(parts: list[str]) -> set[str]:
    """Every character and every adjacent pair of every run (records.runs), each part on its own."""
    out = set()
    for part in parts:
        for run in search.runs(part):
            out.update(run)
            out.update(run[i:i + 2] for i in range(len(run) - 1))
    return out


def as_text(keys) -> set[str]:
    out = set()
    for k in (int(x) for x in keys):
        first, second = k >> 21, k & ((1 << 21) - 1)
        out.add(chr(second) if first == 0 else chr(first) + chr(second))
    return out


def test_grams_of_every_capture_are_the_runs_grams():
    table = fold_table()
    for path, _ in annotated_captures()[:40]:
        text = fold(path.read_bytes().decode("utf-8", errors="replace"), table)
        parts = [text, fold("天山網", table), "新疆维吾尔自治区"]
        assert as_text(postings.gram_keys(parts)) == brute_grams(parts), path.name


@given(st.lists(st.text(alphabet=st.sampled_from("转移就业 a1_,。\n\u3000é𠀀\U0002EBEF-"), max_size=30), max_size=4))
def test_grams_of_any_text_are_the_runs_grams(parts):
    assert as_text(postings.gram_keys(parts)) == brute_grams(parts)


def test_gram_keys_are_sorted_and_distinct():
    keys = postings.gram_keys(["转移就业转移就业", "转移"])
    assert list(keys) == sorted(set(int(k) for k in keys))


# --- postings and the file format -----------------------------------------------------------------

@given(st.sets(st.integers(0, 499)), st.integers(500, 2000))
def test_postings_round_trip_as_list_or_bitmap(docs, n):
    docs = sorted(docs)
    flags, payload = postings.encode_posting(np.array(docs, dtype=np.int64), n)
    assert postings.decode_posting(flags, payload, n) == docs
    assert len(payload) <= -(-n // 8)  # never longer than a bitmap
    assert bool(flags & postings.BITMAP) == (len(payload) == -(-n // 8) and len(docs) > 0 and
                                             len(postings.encode_posting(np.array(docs), 10**6)[1]) > -(-n // 8))


def read_varint(buf: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = buf[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, pos


def read_chunk(data: bytes, n_docs: int) -> dict[tuple[str, int], list[int]]:
    """{(gram, title flag): doc numbers} of one term chunk (the format of postings' docstring)."""
    count, pos = read_varint(data, 0)
    rows = []
    for _ in range(count):
        row = []
        for _ in range(4):
            value, pos = read_varint(data, pos)
            row.append(value)
        rows.append(row)
    out = {}
    for first, second, flags, length in rows:
        gram = chr(first) + (chr(second) if second else "")
        out[(gram, flags & postings.TITLE)] = postings.decode_posting(flags, data[pos:pos + length], n_docs)
        pos += length
    assert pos == len(data)
    return out


def fnv(text: str) -> int:
    return postings.string_hash(text)


def test_every_posting_of_a_built_index_is_the_brute_force_one():
    rng = random.Random(17)
    words = ["转移", "就业", "新疆", "乡村", "振兴", "合作社", "1911", "2019", "ab", "é", "𠀀"]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randrange(1, 40))) for _ in range(300)]
    titles = [rng.choice(words) for _ in texts]
    keys = [(postings.gram_keys([t]), postings.gram_keys([h])) for t, h in zip(texts, titles)]
    ids = [f"{n:012x}" for n in range(len(texts))]
    files = postings.build(ids, keys, [{"year": [str(2000 + n % 3)]} for n in range(len(texts))], 250)
    meta = json.loads(files["meta.json"])
    assert meta == {"version": 1, "docs": 300, "dated": 250, "chunks": meta["chunks"], "filterChunks": 1, "ids": 256}
    seen = {}
    for k in range(meta["chunks"]):
        chunk = read_chunk(files[f"t/{k}.bin"], 300)
        for (gram, title) in chunk:  # each gram sits in the chunk its hash names
            assert fnv(gram) % meta["chunks"] == k
        seen.update(chunk)
    want = {}
    for n, (text, title) in enumerate(zip(texts, titles)):
        for g in brute_grams([text]):
            want.setdefault((g, 0), []).append(n)
        for g in brute_grams([title]):
            want.setdefault((g, 1), []).append(n)
    assert seen == want
    assert files["ids/0.txt"].decode().split("\n") == ids[:256] and files["ids/1.txt"].decode().split("\n") == ids[256:]
    (fchunk,) = [json.loads(v) for k, v in files.items() if k.startswith("f/")]
    import base64
    flags, b64 = fchunk["year=2001"]
    assert postings.decode_posting(flags, base64.b64decode(b64), 300) == list(range(1, 300, 3))
    assert json.loads(files["facets.json"]) == {"year": {"2000": 100, "2001": 100, "2002": 100}}


def test_gram_hash_is_string_hash():
    for gram in ["转", "转移", "a1", "𠀀é"]:
        cps = [ord(c) for c in gram]
        h = postings.gram_hash(np.array([cps[0]], dtype=np.uint32), np.array([cps[1] if len(cps) > 1 else 0],
                                                                                   dtype=np.uint32))
        assert int(h[0]) == postings.string_hash(gram)


def test_doc_order_puts_the_undated_last():
    assert postings.doc_order([("c", "2019-00-00"), ("b", "0000-00-00"), ("a", "2018-05-01"), ("d", "0000-00-00")]) \
        == ["a", "c", "b", "d"]


# --- the search step ------------------------------------------------------------------------------

def _write(docs: Path, aid: str, date: str | None, body: str) -> None:
    meta = {"id": aid, "title": f"标题{aid[-1]}", "date": date, "source": "天山网", "script": "hans",
            "region": [], "tags": []}
    path = docs / "articles" / f"{aid}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(article.to_markdown(meta, body), "utf-8")


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_rebuild_writes_only_changed_fragments_and_equals_a_clean_build(tmp_path):
    docs = tmp_path / "docs"
    dates = ["2016-05-01", "2017-02-03", None, "2019-07-07", "2021-03-03", "2022-12-12"]
    for n, date in enumerate(dates):
        _write(docs, f"00000000000{n}", date, f"转移就业第{n}篇\n\n乡村振兴")
    first = hook.build_search(docs, tmp_path / "site1", tmp_path / "root")
    assert first["articles"] == 6 and first["fragments_written"] == 6
    index = tmp_path / "site1" / hook.SITE_INDEX
    assert json.loads((index / "meta.json").read_text())["dated"] == 5
    assert (index / "ids" / "0.txt").read_text().split("\n")[-1] == "000000000002"  # undated: last
    shown = json.loads(gzip.decompress((index / "doc" / "000000000003.bin").read_bytes()))
    assert shown["id"] == "000000000003" and shown["date"] == "2019-07-07" and "乡村振兴" in shown["text"]
    second = hook.build_search(docs, tmp_path / "site2", tmp_path / "root")
    assert second["fragments_written"] == 0
    assert _files(tmp_path / "site2" / hook.SITE_INDEX) == _files(index)
    _write(docs, "000000000003", "2019-07-07", "转移就业第3篇\n\n改过的正文")
    third = hook.build_search(docs, tmp_path / "site3", tmp_path / "root")
    assert third["fragments_written"] == 1
    clean = hook.build_search(docs, tmp_path / "site4", tmp_path / "clean-root")
    assert clean["fragments_written"] == 6
    assert _files(tmp_path / "site3" / hook.SITE_INDEX) == _files(tmp_path / "site4" / hook.SITE_INDEX)
    # no scratch folder stays in the cache
    assert not [p for p in (tmp_path / "root" / hook.CACHE).iterdir() if p.name.startswith(".tmp-")]


def test_an_edited_cached_fragment_is_never_published(tmp_path):
    docs = tmp_path / "docs"
    for n, date in enumerate(["2016-05-01", "2019-01-01", "2021-03-03"]):
        _write(docs, f"00000000000{n}", date, f"转移就业第{n}篇\n\n乡村振兴")
    hook.build_search(docs, tmp_path / "site1", tmp_path)
    cached = tmp_path / hook.CACHE / "doc" / "000000000001.bin"
    original = cached.read_bytes()
    cached.write_bytes(b"<script>alert(1)</script>")
    second = hook.build_search(docs, tmp_path / "site2", tmp_path)
    assert second["fragments_written"] == 1
    assert (tmp_path / "site2" / hook.SITE_INDEX / "doc" / "000000000001.bin").read_bytes() == original


def test_a_removed_article_leaves_no_fragment(tmp_path):
    docs = tmp_path / "docs"
    for n in range(3):
        _write(docs, f"00000000000{n}", "2020-01-01", "正文")
    hook.build_search(docs, tmp_path / "site1", tmp_path)
    (docs / "articles" / "000000000001.md").unlink()
    hook.build_search(docs, tmp_path / "site2", tmp_path)
    assert sorted(p.name for p in (tmp_path / "site2" / hook.SITE_INDEX / "doc").iterdir()) == \
        ["000000000000.bin", "000000000002.bin"]
    assert not (tmp_path / hook.CACHE / "doc" / "000000000001.bin").exists()


def test_cached_fold_table_equals_the_computed_one(tmp_path):
    texts = [search.article_text(m, b) for m, b in
             [({"title": "坐标"}, "了解轉移就業"), ({"title": "面积"}, "乾燥的天氣"), ({}, "范先生参与制造")]]
    want = fold_table(texts)
    assert fold_cache.fold_table(texts, tmp_path)[0] == want
    assert (tmp_path / "opencc-pairs.json").is_file() and (tmp_path / "text-pairs.json").is_file()
    assert fold_cache.fold_table(texts, tmp_path)[0] == want  # from the files
    assert fold_cache.fold_table(texts[:1], tmp_path)[0] == fold_table(texts[:1])
    for name in ("opencc-pairs.json", "text-pairs.json"):  # an edited cache entry is recomputed
        (tmp_path / name).write_text('{"key": "x", "value": ["坐X"]}', "utf-8")
    assert fold_cache.fold_table(texts, tmp_path)[0] == want
    # 坐标 → 座標 and 了解 → 瞭解 are listed pairs; 乾燥 → 乾燥 needs nothing; 范 → 范 (override)
    assert fold_cache.fold_table(texts, tmp_path)[1] == []


def test_metadata_characters_are_in_the_fold_table(tmp_path):
    """A region name whose characters no text has still folds in the browser (fold.txt keeps its
    groups)."""
    docs = tmp_path / "docs"
    _write(docs, "000000000001", None, "正文")
    _write(docs, "000000000002", "2020-01-01", "正文")
    path = docs / "articles" / "000000000002.md"
    meta, body, _ = article.parse(path.read_text("utf-8"))
    meta["region"] = [{"path": "黑龙江省/鸡西市", "code": "230300000000", "level": "prefecture"}]
    path.write_text(article.to_markdown(meta, body), "utf-8")
    hook.build_search(docs, tmp_path / "site", tmp_path)
    groups = (tmp_path / "site" / "assets" / "search" / "fold.txt").read_text("utf-8").split(" ")
    assert {g[0] for g in groups} >= {"龙", "鸡"}  # 龍/雞 typed on the traditional page still fold


def test_an_empty_archive_and_an_empty_chunk_are_valid_indexes():
    files = postings.build([], [], [], 0)
    assert json.loads(files["meta.json"])["docs"] == 0 and read_chunk(files["t/0.bin"], 0) == {}
    # one gram and many chunks: every other chunk holds no row
    keys = [(postings.gram_keys(["转"]), postings.gram_keys([""]))] * 30000
    files = postings.build([f"{n:012x}" for n in range(30000)], keys, [{}] * 30000, 30000)
    chunks = [read_chunk(files[f"t/{k}.bin"], 30000) for k in range(json.loads(files["meta.json"])["chunks"])]
    assert len(chunks) > 1 and sum(map(len, chunks)) == 1
    assert [v for c in chunks for v in c.values()] == [list(range(30000))]
