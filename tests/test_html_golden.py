"""Golden tests over the real saved pages (tests/fixtures/corpus-html, one outlet each): must-keep
snippets kept, must-drop snippets gone, title/date/source/author/script as annotated. Snippets
are scored as substrings (wenxian.evaluation); known misses must be listed with their reason in
tests/accepted_misses_html.yml, and every other miss fails."""
import json
import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from wenxian.dev.evaluation import FIELDS, Score, score_article
from wenxian.ingest.decode import decode
from wenxian.ingest.pipeline import extract

from conftest import FIXTURES

PAGES = sorted((FIXTURES / "corpus-html").glob("*.html"))
ACCEPTED = yaml.safe_load((Path(__file__).parent / "accepted_misses_html.yml").read_text("utf-8")) or {}


def _score(page: Path) -> Score:
    exp = json.loads(page.with_name(page.stem + ".expected.json").read_text("utf-8"))
    return score_article(extract(page.read_bytes(), str(page)), exp, drop_mode="substring")


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_saved_page_matches_annotation(page):
    accepted = {(m["kind"], m["what"]) for m in ACCEPTED.get(page.stem, [])}
    found = set(_score(page).misses)
    assert found - accepted == set()
    assert accepted - found == set()  # a fixed miss must leave the list


def test_saved_page_scores_meet_the_bar(capsys):
    total = Score()
    for page in PAGES:
        total.add(_score(page))
    with capsys.disabled():
        print("\nsaved-page scores: " + "  ".join(f"{f} {total.ratio(f):.3f}" for f in FIELDS))
    # (source: .876 on the 97 pages before sets m and n, 15 pages scored held-out first, lowered it
    # to .830; the footer's registration line and 'about' link brought it to .864)
    bars = {"keep": .98, "drop": .95, "title": .98, "date": .975, "source": .86, "author": .9, "script": 1.0}
    assert {f: total.ratio(f) for f in bars if total.ratio(f) < bars[f]} == {}


def test_every_page_has_an_annotation():
    assert len(PAGES) >= 84
    for page in PAGES:
        assert page.with_name(page.stem + ".expected.json").exists()


def _nfkc(value):
    if isinstance(value, str):
        return unicodedata.normalize("NFKC", value)
    return [_nfkc(v) for v in value] if isinstance(value, list) else value


def test_pages_printing_ascii_marks_read_alike(capsys):
    """Sites whose templates or editors print a Chinese text's marks as ASCII (来源:新华社,
    记者张三/北京报道; old GBK portals often do): every page folded with Unicode NFKC (，：；！？／～（）
    to ASCII; “”、。 stay) and its annotation folded alike scores as the page does, since the
    rules read one form (wenxian/ingest/reading_form.py). Reading the folded pages as they stand
    scored keep .992, title .973 and author .902, below these floors (through the reading form
    .994, .982, .911)."""
    total = Score()
    for page in PAGES:
        exp = {k: _nfkc(v) for k, v in json.loads(page.with_name(page.stem + ".expected.json").read_text("utf-8")).items()}
        html = _nfkc(decode(page.read_bytes(), str(page), markup=True).text)
        html = re.sub(r"charset\s*=\s*[\"']?[\w-]+", "charset=utf-8", html, flags=re.I)
        art = extract(html.encode("utf-8"), str(page))
        total.add(score_article(art, exp, drop_mode="substring"))
        # values as the page prints them: the folded page has no full-width mark of the folded kinds
        assert not any(c in (art["title"] or "") + (art["source"] or "") for c in "，：；！？（）／～"), page.name
    with capsys.disabled():
        print("\nfolded (NFKC) saved-page scores: " + "  ".join(f"{f} {total.ratio(f):.3f}" for f in FIELDS))
    bars = {"keep": .993, "drop": .99, "title": .98, "date": .97, "source": .83, "author": .91, "script": 1.0}
    assert {f: round(total.ratio(f), 3) for f in bars if total.ratio(f) < bars[f]} == {}
