"""How well reprints are detected and classified: the real test set (tests/data/reprints/
real_set.yml: the repository's own captures, truth from their provenance) and the synthetic one
(wenxian.reprints.synthetic, seed 20), at the thresholds of wenxian/data/reprints.yml. The
figures are printed (pytest -s) and asserted at floors; the data file's comments quote them."""
import itertools
from collections import Counter
from pathlib import Path

import frontmatter
import pytest
import yaml

from wenxian.ingest.pipeline import extract
from wenxian.reprints import detect, diff, groups, synthetic
from wenxian.article import body_text

ROOT = Path(__file__).resolve().parents[1]
REAL = yaml.safe_load((ROOT / "tests/data/reprints/real_set.yml").read_text("utf-8"))


def _texts() -> dict[str, str]:
    """Clean text of every capture of the real set, as the archive would hold it."""
    out = {}
    for d in ("tests/fixtures/seeds", "tests/fixtures/corpus", "tests/fixtures/corpus-html",
              "tests/fixtures/corpus-rendered"):
        for p in sorted((ROOT / d).iterdir()):
            if p.suffix in (".txt", ".html"):
                out[str(p.relative_to(ROOT))] = body_text(extract(p.read_bytes(), str(p))["body"], markers=True)
    for p in sorted((ROOT / "docs/articles").glob("*.md")):
        out[str(p.relative_to(ROOT))] = body_text(frontmatter.load(p).content, markers=True)
    return out


@pytest.fixture(scope="module")
def real():
    return _texts()


def test_real_set_every_pair_and_non_pair_right(real):
    truth = {tuple(sorted(p)) for g in REAL["groups"] for p in itertools.combinations(g, 2)}
    assert all(n in real for g in REAL["groups"] for n in g)
    skip = {tuple(sorted(p)) for p in REAL["extraction_misses"]}
    assert skip <= truth
    truth -= skip
    found = {(p.a, p.b): p for p in detect.find_pairs(real) if (p.a, p.b) not in skip}
    hard = [p for p in itertools.combinations(sorted(real), 2) if p not in truth
            and all(any(w in real[x] for w in REAL["hard_words"]) for x in p)]
    n = len(real) * (len(real) - 1) // 2 - len(skip)
    print(f"\nreal set: {len(real)} texts, {len(truth)} pairs, {n - len(truth)} non-pairs ({len(hard)} hard)")
    missed = sorted(truth - set(found))
    wrong = sorted(set(found) - truth)
    low = min(found[p].similarity.containment for p in truth if p in found)
    top_non = max(detect.compare(real[a], real[b]).containment for a, b in hard)
    print(f"lowest pair containment {low:.3f}, highest hard non-pair containment {top_non:.3f}")
    assert not missed, missed
    assert not wrong, wrong
    assert len(hard) >= 400


def test_real_groups_one_per_page(real):
    """One group per page (the pixnet one without its saved page, whose text is the post)."""
    arts = [groups.Article(k, None, None, t) for k, t in real.items()]
    got = groups.group_articles(arts)
    missed = {a for p in REAL["extraction_misses"] for a in p} - {b for p in REAL["extraction_misses"] for b in p[1:]}
    want = [sorted(set(g) - missed) for g in REAL["groups"]]
    assert sorted(sorted(c.id for c in g.copies) for g in got) == sorted(w for w in want if len(w) > 1)


@pytest.fixture(scope="module")
def synth(real):
    pool = synthetic.clause_pool(list(real.values()))
    return synthetic.make_set(pool, 400, 6, seed=20)


def test_synthetic_pair_precision_and_recall(synth):
    found = detect.find_pairs(synth.texts)
    keys = {(p.a, p.b) for p in found}
    truth = [(o, c) if o < c else (c, o) for o, c in synth.truth]
    recall = sum(k in keys for k in truth) / len(truth)
    precision = sum(synth.is_copy(p.a, p.b) for p in found) / len(found)
    per_kind = Counter(k for (o, c), k in synth.truth.items() if ((o, c) if o < c else (c, o)) in keys)
    print(f"\nsynthetic: {len(synth.texts)} texts, {len(truth)} copy pairs, {len(synth.hard_nonpairs)} hard "
          f"non-pairs; pairs found {len(found)}: precision {precision:.4f}, recall {recall:.4f}; "
          f"found per kind {dict(per_kind)}")
    hard_found = sum(((a, b) if a < b else (b, a)) in keys for a, b in synth.hard_nonpairs
                     if not synth.is_copy(a, b))
    assert len(truth) >= 2000
    assert precision >= 0.99 and recall >= 0.95
    assert hard_found <= 0.01 * len(synth.hard_nonpairs)


def test_synthetic_relations(synth):
    conf = Counter()
    for (o, c), kind in synth.truth.items():
        conf[(kind, diff.relation(synth.texts[o], synth.texts[c]).kind)] += 1
    print()
    for kind in synthetic.KINDS:
        tp = conf[(kind, kind)]
        predicted = sum(n for (k, r), n in conf.items() if r == kind)
        actual = sum(n for (k, r), n in conf.items() if k == kind)
        print(f"{kind:9} precision {tp / max(1, predicted):.4f} recall {tp / max(1, actual):.4f} (n={actual})")
        assert tp / max(1, predicted) >= 0.98 and tp / max(1, actual) >= 0.98, (kind, conf)
