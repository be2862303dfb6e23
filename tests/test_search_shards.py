"""Search shards: the date partition (pure) and the shard cache of the search hook (real Pagefind).

The browser side (results, filters, sorting and paging across shards) is tested through the
real site in tests/test_search_browser.py, whose site is built with tiny shards.
"""
import gzip
import json
import shutil
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from wenxian import article
from wenxian.search import records as search
from wenxian.search.fold import fold_table
from wenxian.search.shards import Shard, bundle_path, manifest, partition
from wenxian.settings import read as read_settings

from wenxian.search import fold_cache
from wenxian.search import indexer as hook  # the search step of hooks/search.py

# --- the partition ---------------------------------------------------------------------------------

dates = st.one_of(st.none(), st.integers(2010, 2013).map(str),
                  st.tuples(st.integers(2010, 2013), st.integers(1, 12)).map(lambda t: f"{t[0]}-{t[1]:02d}"),
                  st.tuples(st.integers(2010, 2013), st.integers(1, 12), st.integers(1, 3))
                  .map(lambda t: f"{t[0]}-{t[1]:02d}-{t[2]:02d}"))
archives = st.dictionaries(st.text("0123456789abcdef", min_size=12, max_size=12), dates, max_size=120)


def _pairs(archive: dict) -> list[tuple[str, str]]:
    return [(aid, search.sort_date(date)) for aid, date in archive.items()]


@given(archives, st.integers(2, 40))
def test_partition_covers_every_article_once_within_the_bound(archive, limit):
    shards = partition(_pairs(archive), limit)
    ids = [aid for s in shards for aid in s.ids]
    assert sorted(ids) == sorted(archive)
    assert all(1 <= len(s.ids) <= limit for s in shards)
    # every shard but the last is more than half full: at most 2n/limit + 1 shards
    assert all(len(s.ids) > limit / 2 for s in shards[:-1])
    assert len({s.name for s in shards}) == len(shards)


@given(archives, st.integers(2, 40))
def test_shards_are_contiguous_date_ranges_in_order(archive, limit):
    shards = partition(_pairs(archive), limit)
    sort = dict(_pairs(archive))
    for s in shards:
        got = [sort[aid] for aid in s.ids]
        assert got == sorted(got) and (s.first, s.last) == (got[0], got[-1])
    for a, b in zip(shards, shards[1:]):
        assert a.last <= b.first


@given(archives, st.integers(2, 40), st.text("0123456789abcdef", min_size=12, max_size=12), dates)
def test_adding_an_article_to_a_shard_that_is_not_full_changes_only_that_shard(archive, limit, new, date):
    if new in archive:
        return
    before = partition(_pairs(archive), limit)
    after = partition(_pairs({**archive, new: date}), limit)
    changed = [s for s in after if s not in before]
    (home,) = [s for s in after if new in s.ids]
    old_home = [s for s in before if s.first <= search.sort_date(date) <= s.last]
    if len(old_home) == 1 and len(old_home[0].ids) < limit and not _splits(archive, new, date, limit):
        assert changed == [home]


def _splits(archive, new, date, limit) -> bool:
    """Does the addition push a group over limit/2, so that it is cut into smaller groups?"""
    sd = search.sort_date(date)
    key = "0000" if sd == "0000-00-00" else sd[:4]
    same = sum(1 for d in archive.values() if search.sort_date(d)[:4] == key)
    return same + 1 > limit // 2


def test_small_archive_is_one_shard_at_pagefind():
    archive = {f"{n:012x}": f"20{10 + n % 9}-0{1 + n % 9}" for n in range(300)}
    archive.update({f"a{n:011x}": None for n in range(20)})
    (only,) = partition(_pairs(archive), 3000)
    assert bundle_path(only, [only]) == "pagefind/"
    assert only.first == "0000-00-00"


def test_undated_articles_sort_first_and_split_by_id_when_many():
    archive = {f"{c}{n}{'0' * 10}": None for c in "0123" for n in range(2)}
    archive.update({f"f{n}{'0' * 10}": "2020-01-01" for n in range(3)})
    shards = partition(_pairs(archive), 4)
    assert [s.name for s in shards] == ["undated.0_undated.1", "undated.2_undated.3",
                                        "2020-01-01.f0_2020-01-01.f2"]
    assert shards[1].first == shards[1].last == "0000-00-00" < shards[2].first


def test_big_years_split_by_month_and_names_say_the_range():
    archive = {f"{n:012x}": f"2019-{1 + n % 4:02d}-01" for n in range(12)} | {"ffffffffffff": "2018"}
    shards = partition(_pairs(archive), 7)
    assert [s.name for s in shards] == ["2018_2019-02", "2019-03_2019-04"]
    rows = json.loads(manifest(shards))["shards"]
    assert [r["path"] for r in rows] == ["pagefind/shards/2018_2019-02/", "pagefind/"]
    assert [r["count"] for r in rows] == [7, 6]


def test_empty_archive_has_no_shards():
    assert partition([], 10) == []
    assert manifest([]) and isinstance(Shard("x", (), "", ""), Shard)


def test_shard_size_from_environment_then_extra():
    assert read_settings({}, {}).search_shard_max == 3000
    assert read_settings({"search_shard_max": 500}, {}).search_shard_max == 500
    assert read_settings({"search_shard_max": 500}, {"WENXIAN_SEARCH_SHARD_MAX": "4"}).search_shard_max == 4


# --- the shard cache (real Pagefind) ----------------------------------------------------------------

def _write(docs: Path, aid: str, date: str | None, body: str) -> None:
    meta = {"id": aid, "title": f"标题{aid[-1]}", "date": date, "source": "天山网", "script": "hans",
            "region": [], "tags": []}
    path = docs / "articles" / f"{aid}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(article.to_markdown(meta, body), "utf-8")


def _files(bundle: Path) -> dict[str, bytes]:
    return {str(p.relative_to(bundle)): p.read_bytes() for p in sorted(bundle.rglob("*")) if p.is_file()}


def test_second_build_reuses_shards_and_an_edit_rebuilds_only_its_shard(tmp_path):
    docs = tmp_path / "docs"
    dates = ["2016-05-01", "2017-02-03", "2019-01-01", "2019-07-07", "2021-03-03", "2022-12-12"]
    for n, date in enumerate(dates):
        _write(docs, f"00000000000{n}", date, f"转移就业第{n}篇\n\n乡村振兴")
    first = hook.build_search(docs, tmp_path / "site1", tmp_path, shard_max=2)
    assert first["articles"] == 6 and len(first["shards"]) == 3
    assert all(row["built"] for row in first["shards"])
    site = tmp_path / "site1"
    rows = json.loads((site / "assets" / "search" / "shards.json").read_text("utf-8"))["shards"]
    assert [r["path"] for r in rows][-1] == "pagefind/"
    assert (site / "pagefind" / "pagefind.js").is_file()
    for r in rows[:-1]:  # merged shards carry their index only: code and WASM come from pagefind/
        names = {p.name for p in (site / r["path"]).iterdir()}
        assert "pagefind-entry.json" in names and "fragment" in names and "pagefind.js" not in names
    before = {r["path"]: _files(site / r["path"]) for r in rows}

    second = hook.build_search(docs, tmp_path / "site2", tmp_path, shard_max=2)
    assert not any(row["built"] for row in second["shards"])
    assert {r["path"]: _files(tmp_path / "site2" / r["path"]) for r in rows} == before

    _write(docs, "000000000002", "2019-01-01", "转移就业第2篇\n\n改过的正文")
    third = hook.build_search(docs, tmp_path / "site3", tmp_path, shard_max=2)
    assert [row["name"] for row in third["shards"] if row["built"]] == ["2019-01_2019-07"]
    assert [row["key"] for row in third["shards"] if not row["built"]] == \
        [row["key"] for row in first["shards"] if row["name"] != "2019-01_2019-07"]
    # only the current build's bundles stay in the cache
    assert {p.name for p in (tmp_path / hook.CACHE).iterdir() if p.is_dir()} == {row["key"] for row in third["shards"]}


def test_a_damaged_cached_bundle_is_indexed_again_not_reported_forever(tmp_path):
    """A cached bundle missing its entry file (an interrupted copy, an edited cache) made every
    build fail with "build again", which never helped: it is now removed and the shard rebuilt."""
    docs = tmp_path / "docs"
    for n, date in enumerate(["2016-05-01", "2019-01-01", "2021-03-03"]):
        _write(docs, f"00000000000{n}", date, f"转移就业第{n}篇\n\n乡村振兴")
    first = hook.build_search(docs, tmp_path / "site1", tmp_path, shard_max=2)
    damaged = tmp_path / hook.CACHE / first["shards"][0]["key"]
    (damaged / "pagefind-entry.json").unlink()
    second = hook.build_search(docs, tmp_path / "site2", tmp_path, shard_max=2)
    assert [row["built"] for row in second["shards"]] == [True] + [False] * (len(second["shards"]) - 1)
    assert (damaged / "pagefind-entry.json").is_file()


def test_an_edited_cached_fragment_is_never_published(tmp_path):
    """A fragment changed in the cache (a script tag, garbage) fails the bundle's manifest: the
    shard is indexed again and the site gets what Pagefind wrote, not the edited file."""
    docs = tmp_path / "docs"
    for n, date in enumerate(["2016-05-01", "2019-01-01", "2021-03-03"]):
        _write(docs, f"00000000000{n}", date, f"转移就业第{n}篇\n\n乡村振兴")
    first = hook.build_search(docs, tmp_path / "site1", tmp_path, shard_max=2)
    bundle = tmp_path / hook.CACHE / first["shards"][-1]["key"]
    fragment = next((bundle / "fragment").iterdir())
    original = fragment.read_bytes()
    fragment.write_bytes(b"<script>alert(1)</script>")
    second = hook.build_search(docs, tmp_path / "site2", tmp_path, shard_max=2)
    assert second["shards"][-1]["built"] and not any(row["built"] for row in second["shards"][:-1])
    published = [p for p in (tmp_path / "site2").rglob(fragment.name)]
    assert published and all(p.read_bytes() == original for p in published)
    assert not list((tmp_path / "site2").rglob("wenxian-manifest.json"))


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


def test_metadata_characters_are_in_the_fold_table_and_undated_ids_are_listed(tmp_path):
    """A region name whose characters no text has still folds in the browser (fold.txt keeps its
    groups), and the ids of undated articles are published per shard (assets/search/undated.json)."""
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
    undated = json.loads((tmp_path / "site" / "assets" / "search" / "undated.json").read_text("utf-8"))
    (ids,) = undated.values()
    assert len(ids) == 1 and (tmp_path / "site" / "pagefind" / "fragment" / f"{ids[0]}.pf_fragment").is_file()
    assert not (tmp_path / "site" / "pagefind" / "wenxian-undated.txt").exists()


def _keys(report: dict) -> list[tuple[str, str, bool]]:
    return [(row["name"], row["key"], row["built"]) for row in report["shards"]]


def test_record_digests_kept_between_builds_give_the_keys_of_a_cold_build(tmp_path):
    """Each article's record digest is kept in records.json (wenxian.search.record_cache): a build
    that reads it, one without it and one with it damaged find the same bundles; what changes a
    record (its text, its reprint group) changes its shard's key, and only that shard's."""
    docs = tmp_path / "docs"
    for n, date in enumerate(["2016-05-01", "2019-01-01", "2021-03-03"]):
        _write(docs, f"00000000000{n}", date, f"转移就业第{n}篇\n\n乡村振兴")
    first = hook.build_search(docs, tmp_path / "site1", tmp_path, shard_max=2)
    memo = tmp_path / hook.CACHE / "records.json"
    assert memo.is_file()
    cold = [(name, key, False) for name, key, _ in _keys(first)]
    assert _keys(hook.build_search(docs, tmp_path / "site2", tmp_path, shard_max=2)) == cold
    memo.unlink()
    assert _keys(hook.build_search(docs, tmp_path / "site3", tmp_path, shard_max=2)) == cold
    memo.write_text(memo.read_text("utf-8").replace('"', "'"), "utf-8")  # not the entry written
    assert _keys(hook.build_search(docs, tmp_path / "site4", tmp_path, shard_max=2)) == cold
    # a reprint group changes what the result shows ("N 个版本"): that article's shard is indexed again
    grouped = hook.build_search(docs, tmp_path / "site5", tmp_path, shard_max=2, groups={"000000000002": ("g1", 2)})
    assert [built for _, _, built in _keys(grouped)] == [False, True]
    frags = list((tmp_path / "site5" / "pagefind").glob("fragment/*.pf_fragment"))
    assert frags and any(b'"copies":2' in gzip.decompress(f.read_bytes()) for f in frags)


def test_a_cached_fragment_rewritten_with_the_same_size_is_never_published(tmp_path):
    """The bundle check trusts a file whose size and modification time are those recorded, as
    git does; an edit of the same size changes the time, so the file is hashed and refused."""
    docs = tmp_path / "docs"
    _write(docs, "000000000001", "2020-01-01", "转移就业\n\n乡村振兴")
    first = hook.build_search(docs, tmp_path / "site1", tmp_path)
    fragment = next((tmp_path / hook.CACHE / first["shards"][0]["key"] / "fragment").iterdir())
    original = fragment.read_bytes()
    fragment.write_bytes(b"x" * len(original))
    second = hook.build_search(docs, tmp_path / "site2", tmp_path)
    assert second["shards"][0]["built"]
    assert (tmp_path / "site2" / "pagefind" / "fragment" / fragment.name).read_bytes() == original


def test_the_published_folder_is_staged_beside_the_cache_and_left_nowhere(tmp_path):
    """The site's pagefind/ folder is put together beside the cache while Pagefind runs and moved
    into the site in one rename: nothing of it stays in the cache; without it (a staged folder
    gone) publish places the bundles itself, with the same files."""
    docs = tmp_path / "docs"
    for n, date in enumerate(["2016-05-01", "2019-01-01", "2021-03-03"]):
        _write(docs, f"00000000000{n}", date, f"转移就业第{n}篇\n\n乡村振兴")
    hook.build_search(docs, tmp_path / "site1", tmp_path, shard_max=2)
    assert not list((tmp_path / hook.CACHE).glob(".publish-*"))
    plan = hook.index_shards(hook.load_articles(docs, tmp_path), tmp_path, 2)
    assert plan["staged"] and Path(plan["staged"]).is_dir()
    shutil.rmtree(plan["staged"])
    hook.publish(plan, tmp_path / "site2", tmp_path)
    one, two = (tmp_path / "site1" / "pagefind"), (tmp_path / "site2" / "pagefind")
    assert _files(one) == _files(two) and _files(one)
    assert not list((tmp_path / hook.CACHE).glob(".publish-*"))
