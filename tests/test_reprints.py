"""Reprint detection, difference and groups (wenxian.reprints): unit cases on real sentences."""
import random
import time

import numpy as np
import pytest
from datasketch import MinHash

from wenxian.reprints import detect, diff, groups, settings, shingles as sh, synthetic
from wenxian.reprints.groups import Article
from wenxian.script import to_traditional

# Opening of a real 新华社 story (tests/fixtures/corpus-html/d20-163-epidemic.html) and of a real
# 访惠聚 story (tests/fixtures/corpus/15-xjdsb.com.txt): same period, different stories.
STORY = ("新华社北京2月29日电 2月28日，国务院联防联控机制印发《关于进一步落实分区分级差异化防控策略的通知》。\n"
         "湖北省和武汉市要全面加强疫情防控，继续实施“严格管控、外防输出、内防扩散”策略，紧紧扭住城乡社区防控和患者救治两个关键，"
         "坚决遏制疫情扩散输出。\n其他省份要根据本地疫情形势和防控工作需要，科学划分县域风险等级，分区分级精准施策。\n"
         "低风险地区要全面恢复正常生产生活秩序，中风险地区要尽快有序恢复正常生产生活秩序，高风险地区要继续集中精力抓好疫情防控工作。")
OTHER = ("金秋时节，在新疆广阔的农牧区，随处可见与农牧民一起收庄稼、种树修路的干部，这是“访民情惠民生聚民心”驻村工作队队员的身影。\n"
         "眼下，伊犁河谷天气渐寒，家住霍城县兰干乡兰干村的105户困难群众，不再为过冬煤炭紧缺而烦忧，每户都领到了500公斤“暖心煤”。")


def test_minhash_is_datasketchs_own_scheme():
    hashes = sh.shingle_hashes(sh.comparable(STORY), 5)
    m = MinHash(num_perm=64, seed=20, hashfunc=lambda x: x, scheme="affine32")
    m.update_batch([int(h) for h in hashes])
    assert np.array_equal(sh.minhash_values(hashes, 64, 20), m.hashvalues)


def test_comparable_form_ignores_script_punctuation_spaces_credit_lines():
    copy = "来源：新华网\n" + to_traditional(STORY).replace("，", ", ").replace("。", ". ") + "\n责任编辑：王芳\n点击上方蓝字关注我们"
    assert sh.comparable(copy) == sh.comparable(STORY)
    assert detect.compare(STORY, copy).resemblance == 1.0
    assert diff.relation(STORY, copy).kind == "identical"


def test_codes_and_string_forms_agree():
    for text in (STORY, to_traditional(OTHER), "王**说：①ＡＢ　c\n来源：新华社", ""):
        assert sh.comparable_codes(text).tobytes().decode("utf-32-le") == sh.comparable(text)


def test_masked_copy():
    masked = STORY.replace("武汉市", "武**").replace("患者", "××")
    sim = detect.compare(STORY, masked)
    assert sim.b_in_a == 1.0 and sim.a_in_b < 1.0  # the masked copy's shingles are all in the original
    rel = diff.relation(STORY, masked)
    assert (rel.kind, rel.masked) == ("masked", 4)
    runs = diff.diff(STORY, masked)
    assert [(r.a, r.b) for r in runs if r.kind == "masked"] == [("汉市", "**"), ("患者", "××")]


def test_cut_both_ways_and_edit():
    lines = STORY.split("\n")
    excerpt = "\n".join(lines[1:3])
    assert detect.compare(STORY, excerpt).b_in_a == 1.0
    assert diff.relation(STORY, excerpt) == diff.Relation("cut", "copy", 0, 0, len(sh.comparable("\n".join(lines[::3]))))
    assert diff.relation(excerpt, STORY).shorter == "reference"
    edited = STORY.replace("全面加强", "进一步加强")
    assert diff.relation(STORY, edited).kind == "edited"
    assert diff.relation(STORY, excerpt.replace("科学划分", "合理地划分")).kind == "edited"  # 3 > cut_max_foreign


def test_diff_runs_rebuild_both_texts_and_label_changes():
    a = STORY + "\n来源：新华社"
    b = to_traditional(STORY.replace("全面加强", "进一步加强").replace("武汉", "武*"))
    runs = diff.diff(a, b)
    assert "".join(r.a for r in runs) == a and "".join(r.b for r in runs) == b
    kinds = [(r.kind, r.a.strip(), r.b.strip()) for r in runs if r.kind != "equal"]
    assert ("masked", "汉", "*") in kinds
    assert ("delete", "全面", "") in kinds and ("insert", "", "進一步") in kinds
    assert kinds[-1] == ("delete", "来源：新华社", "")


def test_diff_is_fast_on_long_copies_that_differ_everywhere():
    """A character diff of two 20,000-character texts that share nothing stays bounded (the
    sentence alignment, and no character diff of large replaced blocks)."""
    rng = random.Random(1)
    pool = [s + "。" for s in (STORY + OTHER).replace("\n", "").split("。") if s]
    a = "".join(rng.choice(pool) + chr(0x4E00 + rng.randrange(5000)) for _ in range(400))
    b = "".join(rng.choice(pool) + chr(0x4E00 + rng.randrange(5000)) for _ in range(400))
    t = time.process_time()
    runs = diff.diff(a, b)
    assert time.process_time() - t < 5
    assert "".join(r.a for r in runs) == a and "".join(r.b for r in runs) == b


def test_different_stories_of_one_campaign_are_not_pairs():
    """An excerpt of two sentences is found; a quotation of one sentence is not (it shares one
    sentence and resembles the story at .2: `min_shared_sentences`, `lsh_threshold`); it is found
    beside the two-sentence excerpt, which it resembles at .6, and so joins the group."""
    lines = STORY.split("\n")
    texts = {"a": STORY, "b": OTHER, "c": to_traditional(STORY), "d": "\n".join(lines[1:3]), "e": lines[1]}
    pairs = {(p.a, p.b) for p in detect.find_pairs(texts)}
    assert pairs == {("a", "c"), ("a", "d"), ("c", "d"), ("d", "e")}


def test_short_texts_take_no_part():
    assert detect.find_pairs({"a": "扶贫工作队驻村。", "b": "扶贫工作队驻村。"}) == []


def _arts():
    return [Article("bbb", "2019-08-30", "天山网", STORY),
            Article("aaa", "2019-09-02", "伊犁日报", "来源：天山网\n" + STORY.replace("武汉", "武*")),
            Article("ccc", None, "石榴云", "\n".join(STORY.split("\n")[:2])),
            Article("zzz", "2019-08-01", "新疆日报", OTHER)]


def test_group_reference_relations_and_id():
    [g] = groups.group_articles(_arts())
    assert g.reference == "bbb" and g.reason == "credited"
    rel = {c.id: c.relation.kind for c in g.copies}
    assert rel == {"bbb": "identical", "aaa": "masked", "ccc": "cut"}
    assert [c.id for c in g.copies] == ["bbb", "aaa", "ccc"]  # reference, then by date, undated last
    assert g.id == groups.group_id("bbb")
    assert dict((c.id, c.credits) for c in g.copies)["aaa"] == ("天山网",)


def test_earliest_reference_and_partial_dates():
    arts = [Article("x1", "2019", "甲", STORY), Article("x2", "2019-03-01", "乙", STORY)]
    [g] = groups.group_articles(arts)
    assert (g.reference, g.reason) == ("x2", "earliest")  # 2019 is not evidence of coming first


def test_group_id_stable_when_copies_are_added():
    arts = _arts()
    [g1] = groups.group_articles(arts[1:])  # without the 2019-08-30 original
    prev = {c.id: g1.id for c in g1.copies}
    [g2] = groups.group_articles(arts, previous=prev)
    assert g2.id == g1.id and g2.reference == "bbb"
    [fresh] = groups.group_articles(arts)
    assert fresh.id != g1.id  # without the previous ids the id follows the earliest copy


def test_settings_errors_name_the_data_file():
    import yaml
    from importlib import resources
    data = yaml.safe_load(resources.files("wenxian.data").joinpath("reprints.yml").read_text("utf-8"))
    assert settings.parse(data) == settings.load()
    for key, value in (("pair_containment", 1.5), ("num_perm", "64"), ("credit_lines", ["("])):
        bad = dict(data, **{key: value})
        with pytest.raises(settings.ReprintSettingsError, match=f"wenxian/data/reprints.yml: {key}"):
            settings.parse(bad)
    with pytest.raises(settings.ReprintSettingsError, match="missing key 'shingle_chars'"):
        settings.parse({k: v for k, v in data.items() if k != "shingle_chars"})


def test_synthetic_set_is_deterministic_and_has_every_kind():
    pool = synthetic.clause_pool([STORY, OTHER] * 3)
    a = synthetic.make_set(pool, 8, 4, seed=3)
    b = synthetic.make_set(pool, 8, 4, seed=3)
    assert a.texts == b.texts and a.truth == b.truth
    assert set(a.truth.values()) == set(synthetic.KINDS)
    assert synthetic.make_set(pool, 8, 4, seed=4).texts != a.texts


def test_lsh_params_and_permutations_are_datasketchs():
    from datasketch.lsh import _optimal_param
    for threshold, num_perm in ((0.5, 64), (0.3, 64), (0.8, 32), (0.5, 128)):
        assert detect.lsh_params(threshold, num_perm) == _optimal_param(threshold, num_perm, 0.5, 0.5)
    a, b = sh.permutations(64, 20)
    assert np.array_equal(np.array([a, b]), MinHash(num_perm=64, seed=20, scheme="affine32").permutations)


def test_candidates_hold_every_datasketch_lsh_neighbour():
    """The numpy banding finds what datasketch's MinHashLSH finds (plus the sentence-index pairs)."""
    from datasketch import LeanMinHash, MinHashLSH
    from pathlib import Path
    corpus = sorted((Path(__file__).parent / "fixtures" / "corpus").glob("*.txt"))
    pool = synthetic.clause_pool([p.read_text("utf-8", "replace") for p in corpus])
    rs = synthetic.make_set(pool, 30, 3, seed=5)
    s = settings.load()
    sigs = {k: detect.signature(t) for k, t in rs.texts.items()}
    lsh = MinHashLSH(threshold=s.lsh_threshold, num_perm=s.num_perm)
    keys = sorted(k for k, g in sigs.items() if g.size >= s.min_shingles)
    lean = {k: LeanMinHash(seed=s.minhash_seed, hashvalues=sigs[k].minhash, scheme="affine32") for k in keys}
    for k in keys:
        lsh.insert(k, lean[k])
    theirs = {tuple(sorted((k, o))) for k in keys for o in lsh.query(lean[k]) if o != k}
    ours = detect.candidates(sigs)
    assert theirs and theirs <= ours


def test_whole_groups_are_read_back_while_ids_dates_outlets_and_bodies_stay(tmp_path, monkeypatch):
    # issue 18: a build where none of what grouping reads changed makes no clean text and finds
    # no candidate; the groups come back from the file of the last build, equal to computed ones
    from wenxian.reprints import index
    arts = _arts()
    items = [(a.id, a.date, a.source, a.text) for a in arts]
    made = index.whole(items, lambda: arts, tmp_path)
    assert made.groups
    monkeypatch.setattr(index, "_last_whole", [])
    monkeypatch.setattr(index, "cached", None)  # nothing computed
    again = index.whole(items, lambda: None, tmp_path)
    assert again.groups == made.groups and again.by_article == made.by_article
    monkeypatch.undo()
    monkeypatch.setattr(index, "_last_whole", [])
    calls = []
    changed = items[:-1] + [(items[-1][0], items[-1][1], "另一家报社", items[-1][3])]
    index.whole(changed, lambda: calls.append(1) or arts, tmp_path)
    assert calls == [1]  # an outlet changed: grouped again


def test_cached_index_reuses_results_and_keeps_ids(tmp_path):
    from wenxian.reprints import index
    arts = _arts()
    first = index.cached(arts[1:], tmp_path)
    again = index.compute(arts[1:], index.load_cache(tmp_path))
    assert [(g.id, g.copies) for g in again.groups] == [(g.id, g.copies) for g in first.groups]
    # a new capture joins the group under its old id; nothing about the others is measured again
    calls = []
    real = groups.measure
    groups.measure = lambda *a: calls.append(a[1].id) or real(*a)
    try:
        grown = index.compute(arts, index.load_cache(tmp_path))
    finally:
        groups.measure = real
    [g] = grown.groups
    assert g.id == first.groups[0].id and g.reference == "bbb"
    assert index.group_of(grown) == {"aaa": (g.id, 3), "bbb": (g.id, 3), "ccc": (g.id, 3)}
    # the reference changed (the credited original arrived): each copy measured once against it
    assert sorted(calls) == ["aaa", "ccc"]
    unchanged = index.compute(arts, grown.cache)
    calls.clear()
    groups.measure = lambda *a: calls.append(a[1].id) or real(*a)
    try:
        index.compute(arts, grown.cache)
    finally:
        groups.measure = real
    assert calls == [] and unchanged.groups == grown.groups
    (tmp_path / "groups.json").write_text("garbage", "utf-8")
    assert index.load_cache(tmp_path) == {}  # a damaged cache file is a miss, never trusted


def test_a_chain_of_copies_is_not_one_group():
    """A shares a paragraph with B, B another with C, A nothing with C: one group is the
    reference A and its copy B; C, which copies only B, is not chained into it (star groups)."""
    s1, s2 = STORY.split("\n")[1], STORY.split("\n")[3]
    o1 = OTHER.split("\n")[0]
    a = Article("a1", "2019-01-01", "甲", s1 + "\n" + s2)
    b = Article("b1", "2019-01-02", "乙", s2 + "\n" + s1[:30] + "\n" + o1)
    c = Article("c1", "2019-01-03", "丙", o1)
    pairs = [detect.Pair(x.id, y.id, detect.compare(x.text, y.text)) for x, y in ((a, b), (b, c))]
    assert all(detect.is_pair(p.similarity, 40, 40) for p in pairs)  # each link is a copy
    assert not detect.is_pair(detect.compare(a.text, c.text), 40, 40)  # the ends are not
    [g] = groups.build([a, b, c], pairs)
    assert (g.reference, [x.id for x in g.copies]) == ("a1", ["a1", "b1"])


def test_parallel_gives_the_results_of_one_pass_in_order():
    """index.parallel: the parent's share and the workers' chunks come back in the items' order,
    equal to one pass over all items (the path a first grouping of a large archive takes)."""
    from wenxian.reprints.index import parallel
    items = [f"第{i}篇" for i in range(1, 2001)]
    assert parallel(_tagged, items) == _tagged(items)


def _tagged(chunk: list[str]) -> list[tuple[str, int]]:
    return [(s, len(s)) for s in chunk]


def test_the_picker_chooses_the_reference_the_whole_rest_would_give():
    # groups.build keeps the votes of the members left up to date (issue 18: choosing among the
    # whole rest each time was quadratic in a component's size); the same choice every time
    import random

    from wenxian.reprints import groups

    rnd = random.Random(5)
    outlets = ["新华社", "天山网", "人民网", None]
    for _ in range(200):
        n = rnd.randint(2, 30)
        left = sorted((groups.Article(f"{i:04d}", rnd.choice(["2019", "2019-08", "2019-08-30", "2020-01-02", None]),
                                      rnd.choice(outlets), "") for i in range(n)), key=groups.date_key)
        credits = {m.id: tuple(sorted(rnd.sample([o for o in outlets if o and o != m.source], rnd.randint(0, 2))))
                   for m in left}
        pick, rest = groups._Picker(left, credits), list(left)
        while rest:
            assert pick.reference() == groups._reference(rest, credits)
            taken = rnd.sample(rest, rnd.randint(1, len(rest)))
            pick.remove(taken)
            rest = [m for m in rest if m not in taken]
            assert pick.count == len(rest)
