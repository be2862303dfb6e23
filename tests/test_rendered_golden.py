"""The text path on saved pages rendered as naive scrapers save them, by two renderers
(scripts/render_saved_pages.py): tests/fixtures/corpus-rendered (wenxian's reading of the page)
and tests/fixtures/corpus-scraped (a plain lxml walk sharing no code with wenxian, which breaks
lines differently and keeps hidden text): 118 pages of outlets the text rules were not written for. A
ratchet: the scores may rise, never fall below the floors measured when the sets were last
extended (set k, 13 pages, sets m and n, 15 pages scored held-out first, and set o, 6 pages
with a forum thread told over many floors, lowered the averages; the issue's goals are higher;
scripts/bench_extract.py prints the current figures)."""
import json
import unicodedata

import pytest

from wenxian.errors import WenxianError
from wenxian.dev.evaluation import Score, score_article
from wenxian.ingest.pipeline import extract

from conftest import FIXTURES

FLOORS = {
    "corpus-rendered": {"keep": .975, "drop": .965, "title": .97, "date": .975, "source": .875, "script": 1.0},
    "corpus-scraped": {"keep": .955, "drop": .95, "title": .96, "date": .965, "source": .865, "script": 1.0},
}


@pytest.mark.parametrize("folder", sorted(FLOORS))
def test_rendered_captures_do_not_regress(folder, capsys):
    floors = FLOORS[folder]
    total = Score()
    caps = sorted((FIXTURES / folder).glob("*.txt"))
    assert len(caps) >= 118
    for cap in caps:
        exp = json.loads(cap.with_suffix(".expected.json").read_text("utf-8"))
        try:
            art = extract(cap.read_bytes(), str(cap))
        except WenxianError:  # a capture the text path refuses (a line over the limits) scores nothing
            art = {"body": "", "title": None, "date": None, "source": None, "author": [], "script": None}
        total.add(score_article(art, exp, drop_mode="substring"))
    with capsys.disabled():
        print(f"\n{folder} scores: " + "  ".join(f"{f} {total.ratio(f):.3f}" for f in floors))
    assert {f: round(total.ratio(f), 3) for f in floors if total.ratio(f) < floors[f]} == {}


def test_rendering_is_current():
    """The rendered captures are what scripts/render_saved_pages.py makes of the saved pages
    (the plain renderer is checked by running the script; it lives there, not in the package)."""
    from wenxian.ingest.decode import decode
    from wenxian.ingest.html_page import visible_text
    for page in sorted((FIXTURES / "corpus-html").glob("*.html")):
        rendered = FIXTURES / "corpus-rendered" / (page.stem + ".txt")
        assert rendered.read_text("utf-8") == visible_text(decode(page.read_bytes(), str(page), markup=True).text), page.name


def _nfkc(value):
    if isinstance(value, str):
        return unicodedata.normalize("NFKC", value)
    if isinstance(value, list):
        return [_nfkc(v) for v in value]
    return value


def test_punctuation_folded_to_ascii_reads_alike(capsys):
    """Scrapers and stored copies often fold a Chinese text's full-width marks to ASCII (Unicode
    NFKC: ，：；！？／～（） become , : ; ! ? / ~ ( ), “”、。 stay; ten of the twenty-five real text
    captures of tests/fixtures/corpus are like that). The same rendered captures folded so, with
    their annotations folded alike, score at the floors of the unfolded ones: the rules read
    one form (wenxian/ingest/reading_form.py), whatever a scraper did to the marks. (Reading
    the folded text as it stands scored keep .973 and author .875 here, below these floors;
    through the reading form .980 and .884.)"""
    floors = {"keep": .975, "drop": .965, "title": .97, "date": .975, "source": .875, "author": .88, "script": 1.0}
    total = Score()
    for cap in sorted((FIXTURES / "corpus-rendered").glob("*.txt")):
        exp = {k: _nfkc(v) for k, v in json.loads(cap.with_suffix(".expected.json").read_text("utf-8")).items()}
        text = _nfkc(cap.read_text("utf-8"))
        art = extract(text.encode("utf-8"), str(cap))
        total.add(score_article(art, exp, drop_mode="substring"))
        for line in (r["text"] for r in art["removed"]):
            assert line in text, (cap.name, line)  # removed lines are the capture's own
    with capsys.disabled():
        print("\ncorpus-rendered folded (NFKC) scores: " + "  ".join(f"{f} {total.ratio(f):.3f}" for f in floors))
    assert {f: round(total.ratio(f), 3) for f in floors if total.ratio(f) < floors[f]} == {}
