"""Pure parts of search: folding, tokens, filter values, fragment rewriting (real OpenCC, real Pagefind)."""
import gzip
import json
from pathlib import Path

import pytest

from wenxian import datafiles
import yaml

from conftest import annotated_captures
from wenxian.search import records as search
from wenxian.search import bundle as search_bundle
from wenxian.search import facets as search_facets
from wenxian.search import fold as search_fold
from wenxian.ingest.pipeline import extract
from wenxian.script import to_simplified, to_traditional
from wenxian.search.fold import fold, fold_table

from wenxian.search import indexer as hook  # the search step of hooks/search.py
CASES = yaml.safe_load((Path(__file__).parent / "cases" / "search_tokens.yml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES["tokens"], ids=[c["text"] for c in CASES["tokens"]])
def test_tokens(case):
    assert search.tokens(case["text"]) == sorted(case["tokens"])


@pytest.mark.parametrize("case", CASES["fold"], ids=[c["text"] for c in CASES["fold"]])
def test_fold(case):
    assert fold(case["text"]) == case["fold"]


def test_every_capture_and_its_twins_fold_alike():
    """The recall guarantee: an article, its simplified twin and its traditional twin fold to the
    same string with the table the site builds, so a query in either script finds it."""
    texts = []
    for cap, _ in annotated_captures():
        art = extract(cap.read_bytes(), str(cap))
        texts.append(search.article_text(art, art["body"]))
    table = fold_table(texts)
    for text in texts:
        assert fold(text, table) == fold(to_simplified(text), table) == fold(to_traditional(text), table)


def test_browser_table_decodes_to_the_same_fold():
    table = fold_table()
    decoded = {}
    for group in search.browser_table(table).split(" "):
        rep, disp, *others = list(group)
        for c in [disp, *others]:
            if c != rep:
                decoded[c] = rep
    assert decoded == table


def test_region_filter_values_are_every_level_down_to_county():
    region = [{"path": "新疆维吾尔自治区/伊犁哈萨克自治州/特克斯县/喀拉托海镇", "code": "654027101000", "level": "township"}]
    assert search.region_codes(region) == ["650000000000", "654000000000", "654027000000"]
    labels = search.region_labels(region)
    assert labels["654027000000"] == ["特克斯县", "county", "654000000000"]
    assert search.region_codes([{"path": "x", "code": "bad"}]) == []


def test_facets_count_articles_per_value_with_region_codes_cut_to_their_level():
    texas = {"path": "新疆维吾尔自治区/伊犁哈萨克自治州/特克斯县/喀拉托海镇", "code": "654027101000", "level": "township"}
    yili = {"path": "新疆维吾尔自治区/伊犁哈萨克自治州", "code": "654000000000", "level": "prefecture"}
    metas = [{"id": "a", "region": [texas, yili], "tags": ["转移就业", "转移就业"], "source": "伊犁日报", "date": "2019-08"},
             {"id": "b", "region": [yili], "tags": ["转移就业"], "date": None},
             {"id": "c", "region": [{"path": "x", "code": "bad"}], "source": "伊犁日报", "date": "2020"}]
    assert search_facets.facets(metas) == {
        "region": {"65": ["新疆维吾尔自治区", 2], "6540": ["伊犁哈萨克自治州", 2], "654027": ["特克斯县", 1]},
        "topic": {"转移就业": 2}, "source": {"伊犁日报": 2}, "year": {"2019": 1, "2020": 1}}
    # the browser pads a cut code back to the filter value and cuts it one level up for the parent
    for cut in search_facets.facets(metas)["region"]:
        assert cut.ljust(12, "0") in search.region_codes([texas])


def test_sort_date_pads_partial_dates():
    assert [search.sort_date(d) for d in ("2019", "2019-08", "2019-08-30", None)] == \
        ["2019-00-00", "2019-08-00", "2019-08-30", "0000-00-00"]


def test_fragment_rewrite_on_a_real_pagefind_bundle(tmp_path):
    meta = {"id": "abcdef012345", "title": "标题", "date": "2019", "source": "天山网", "script": "hans",
            "region": [], "tags": []}
    rec = search.record(meta, "转移就业实现稳定脱贫")
    bundle = hook._Bundle([rec], {}, tmp_path / "cache", "k")  # Pagefind over one token page
    bundle.start()
    bundle.wait()
    (frag,) = (bundle.tmp / "bundle" / "fragment").glob("*.pf_fragment")
    display = search.display(meta, "转移就业实现稳定脱贫")
    out = search_bundle.rewrite_fragment(frag.read_bytes(), {rec["url"]: display})
    raw = gzip.decompress(out)
    assert raw.startswith(search_bundle.SIGNATURE)
    data = json.loads(raw[len(search_bundle.SIGNATURE):])
    assert data["content"] == "" and data["meta"] == display and data["url"] == rec["url"]
    assert "filters" not in data
    assert search_bundle.rewrite_fragment(frag.read_bytes(), {}) is None
    assert search_bundle.rewrite_fragment(b"not gzip", {rec["url"]: display}) is None
    bundle.discard()


def test_browser_table_keeps_only_groups_present_in_the_archive():
    table = fold_table()
    kept = search.browser_table(table, present=set(fold("轉移就業")))
    assert {g[0] for g in kept.split(" ")} == {"转", "业"}


def test_runs_are_maximal_runs_of_isalnum_characters_for_every_code_point():
    """search.runs uses a regular expression; it must agree with str.isalnum (and the browser's
    /[\\p{L}\\p{N}]/u) on every character."""
    for c in range(0x110000):
        if 0xD800 <= c <= 0xDFFF:
            continue
        ch = chr(c)
        assert (search.runs("," + ch + ",") == [ch]) == ch.isalnum(), hex(c)
    assert search.runs("扶贫_a1 Ⅻ，二〇二〇年") == ["扶贫", "a1", "Ⅻ", "二〇二〇年"]


# --- folding precision: one-character queries against grep ------------------------------------------

def _corpus_texts() -> list[str]:
    texts = []
    for cap, _ in annotated_captures():
        art = extract(cap.read_bytes(), str(cap))
        texts.append(search.article_text(art, art["body"]))
    return texts


def test_the_test_corpus_needs_no_fold_pair_beyond_the_list():
    """Every pair the twins of the corpus need is OpenCC's character table or listed in
    wenxian/data/search_fold.yml (with a reason); and every listed pair is needed by a text of
    the corpus or by the real phrase its reason quotes (回覆, which the corpus' comment threads
    held until they were cut from the text)."""
    texts = _corpus_texts()
    pairs = search_fold.text_pairs(texts)
    assert search_fold.unlisted_pairs(pairs) == []
    needed = {frozenset(p) for p in pairs}
    for entry in datafiles.load("search_fold.yml")["merged"]:
        chars = str(entry["chars"])
        quoted = {frozenset(p) for p in search_fold.text_pairs([str(entry["reason"])])}
        for c in chars[1:]:
            pair = frozenset((chars[0], c))
            assert pair in needed | quoted, f"listed pair {chars[0]}{c} is needed by no text of the corpus"


def test_unlisted_pairs_are_named():
    assert search_fold.unlisted_pairs([("画", "划"), ("發", "发"), ("瞭", "了")]) == [("划", "画")]


@pytest.mark.parametrize("a, b", [("画", "划"), ("哩", "里"), ("像", "象"), ("余", "馀"), ("沈", "瀋"), ("炼", "鍊"),
                                  ("干", "于"), ("后", "後"), ("发", "髮")])
def test_fold_joins_only_a_character_and_its_own_forms(a, b):
    table = fold_table()
    joined = fold(a, table) == fold(b, table)
    own = to_simplified(b) == a or to_simplified(a) == b  # character-level: one is the other's simplified form
    assert joined == own, (a, b)


def test_one_character_queries_find_the_grep_set_for_the_300_most_frequent_characters():
    """For each of the corpus' 300 most frequent characters: the articles whose index tokens (the
    search records) hold the folded character = the articles whose simplified or traditional twin
    contains it (grep). Characters of a listed pair find a superset (the price of the pair)."""
    texts = _corpus_texts()
    table = fold_table(texts)
    twins = [(to_simplified(t).lower(), to_traditional(t).lower()) for t in texts]
    tokens = [search.tokens(t, table) for t in texts]
    counts = {}
    for t in texts:
        for c in t:
            if c.isalnum():
                counts[c] = counts.get(c, 0) + 1
    top = sorted(counts, key=lambda c: (-counts[c], c))[:300]
    listed = {fold(c, table) for pair in search_fold.merged_pairs() for c in pair}
    checked = 0
    for ch in top:
        q = fold(ch, table)
        got = {i for i, toks in enumerate(tokens) if any(tok.startswith(q) for tok in toks)}
        want = {i for i, (simp, trad) in enumerate(twins) if ch.lower() in simp or ch.lower() in trad}
        if q in listed:
            assert want <= got, ch
        else:
            assert got == want, (ch, sorted(got - want), sorted(want - got))
            checked += 1
    assert checked >= 290


@pytest.mark.parametrize("body, title", [
    ("近日，自治区党委召开会议，研究部署工作。\n\n第二段", "[近日，自治区党委召开会议，研究部…]"),
    ("短句。", "[短句]"), ("短句。第二句", "[短句…]"), ("短句\n\n第二段", "[短句…]"), ("", ""),
])
def test_an_untitled_article_gets_a_devised_title_in_brackets(body, title):
    assert search.devised_title(body) == title
    meta = {"id": "abcdef012345", "title": None}
    assert search.display(meta, body)["title"] == title
    assert search.display({**meta, "title": "题名"}, body)["title"] == "题名"
    assert search.display(meta, body)["text"] == search.article_text(meta, body)  # not searched


def test_search_js_is_served_without_comment_lines_and_unchanged_code():
    from wenxian.search.assets import strip_comment_lines
    src = "// head\nconst a = 1; // tail stays\n\n/** doc\n * more\n */\nconst u = \"https://x\";\n  /* one */\nf();\n"
    assert strip_comment_lines(src) == "const a = 1; // tail stays\nconst u = \"https://x\";\nf();\n"
    literal = "const t = `a\n  b`;\n  g();\n"  # a template literal over two lines: indentation kept
    assert strip_comment_lines(literal) == literal
    js = (Path(__file__).parents[1] / "docs" / "assets" / "search" / "search.js").read_text("utf-8")
    out = strip_comment_lines(js)
    assert len(out) < 0.85 * len(js)
    code = [line.strip() for line in js.split("\n") if line.strip() and not line.strip().startswith(("//", "/*", "*"))]
    assert out.split("\n")[:-1] == code


def test_metadata_values_are_indexed_each_on_its_own():
    meta = {"id": "abcdef012345", "title": "标题", "source": "天山網", "author": ["马少宾"], "tags": ["转移就业"],
            "region": [{"path": "新疆维吾尔自治区/伊犁哈萨克自治州/特克斯县", "code": "654027000000", "level": "county"}]}
    assert search.meta_values(meta) == {"source": ["天山網"], "author": ["马少宾"], "tags": ["转移就业"],
                                        "regions": ["新疆维吾尔自治区", "伊犁哈萨克自治州", "特克斯县"]}
    toks = set(search.record(meta, "正文")["content"].split())
    assert {"天山", "山网", "少宾", "就业", "新疆", "特克", "克斯"} <= toks  # folded: 網 → 网
    assert "网马" not in toks and "区伊" not in toks  # no bigram spans two values
    shown = search.display(meta, "正文")
    assert (shown["author"], shown["tags"], shown["source"]) == ("马少宾", "转移就业", "天山網")
    assert search.meta_values({"id": "x", "author": None, "tags": "bad", "region": ["bad"]}) == \
        {"source": [], "author": [], "tags": [], "regions": []}


def test_results_write_title_source_and_regions_as_the_article_pages_do():
    """The browser converts result fields character by character (fold.txt); where that differs
    from the article pages' twins (OpenCC phrases), the display carries the pages' form."""
    from wenxian.search.fold import display_table
    from wenxian.site.twins import to_script
    table = fold_table()
    dmap = display_table(table)
    meta = {"id": "x", "title": "制图与塔里木乡", "source": "天山网", "script": "hans",
            "region": [{"path": "新疆维吾尔自治区/阿克苏地区/塔里木乡", "code": "652900000000", "level": "county"}]}
    shown = search.display(meta, "正文", table=table, display_map=dmap)
    assert shown["alt"] == {"title": "製圖與塔里木鄉", "regions": "新疆維吾爾自治區/阿克蘇地區/塔里木鄉"}
    assert shown["alt"]["title"] == to_script(meta["title"], "hans", "hant")
    plain = {"id": "y", "title": "转移就业", "source": "天山网", "script": "hans"}
    assert "alt" not in search.display(plain, "正文", table=table, display_map=dmap)  # the browser gets it right
    assert "alt" not in search.display(meta, "正文")  # without the table: nothing to compare with


# --- what Pagefind makes of the token pages (its index chunks read back) ----------------------------

def _cbor(b: bytes, i: int = 0):
    """Minimal CBOR reader for Pagefind's index chunks (integers, strings, arrays)."""
    major, info = b[i] >> 5, b[i] & 31
    i += 1
    if info >= 24:
        size = 1 << (info - 24)
        value, i = int.from_bytes(b[i:i + size], "big"), i + size
    else:
        value = info
    if major == 0:
        return value, i
    if major == 1:
        return -1 - value, i
    if major in (2, 3):
        return b[i:i + value].decode("utf-8") if major == 3 else b[i:i + value], i + value
    if major == 4:
        out = []
        for _ in range(value):
            item, i = _cbor(b, i)
            out.append(item)
        return out, i
    raise ValueError(f"CBOR major type {major}")


def _index_words(bundle: Path) -> dict[str, list]:
    """{word: [[page number (delta), locations, …], …]} over every index chunk of a Pagefind 1.5
    bundle."""
    words = {}
    for chunk in (bundle / "index").glob("*.pf_index"):
        raw = gzip.decompress(chunk.read_bytes())
        assert raw.startswith(b"pagefind_dcd")
        (entries,), _ = _cbor(raw, len(b"pagefind_dcd"))
        for word, pages, *_ in entries:
            words[word] = pages
    return words


def test_every_token_is_a_word_of_its_page_at_one_position(tmp_path):
    """page_words joins the tokens Pagefind keeps as compound parts into one compound: each must
    still be a word of the index on exactly the pages that hold it (a token Pagefind would split
    or drop, such as a1 or a single letter, stays a word of its own), every part at one
    position, and the compound's own long word sorts after every token (PARK)."""
    texts = ["转移就业 2019年 abc a1b 乡村振兴", "转移 x 合作社 2019 ABC ab-c", "一"]
    recs = [{"url": f"/articles/{n:012d}/", "language": search.LANGUAGE, "meta": {}, "filters": {}, "sort": {},
             "content": " ".join(search.tokens(t))} for n, t in enumerate(texts)]
    bundle = hook._Bundle(recs, {}, tmp_path / "cache", "k")
    try:
        bundle.start()
        bundle.wait()
        words = _index_words(bundle.tmp / "bundle")
    finally:
        bundle.discard()
    holders = {}
    for n, rec in enumerate(recs):
        for tok in rec["content"].split(" "):
            holders.setdefault(tok, set()).add(n)
    assert {"a1", "x", "1b"} <= set(holders) and any(len(h) > 1 for h in holders.values())
    for tok, pages in holders.items():
        assert tok in words, tok
        assert len(words[tok]) == len(pages), tok
    parts = [tok for tok in holders if search._PART.fullmatch(tok)]
    assert {loc for tok in parts for _, locs, *_ in words[tok] for loc in locs if loc >= 0} == {0}
    others = set(words) - set(holders)
    assert others and all(w.startswith(search.PARK) for w in others), others
    assert max(holders) < min(others) and max(others) == search.FILLER
    assert search.page_words([]) == "" and len(search.page_words(["转移"]).split(" ")) == search.WORDS
